// Record specs of the group view: exchange rates, subledger reconciliation, intercompany
// matching, stock per material, translated and consolidated trial balances.
import { c, table } from "./table.ts";

export const fxRates = table("fx_rates", "daily exchange rates the run uses (8 significant digits)", {
  rate_date: c.date("day"),
  from_currency: c.id("currency converted from"),
  to_currency: c.id("currency converted to"),
  rate: c.decimal("units of to_currency per unit of from_currency"),
});

export const reconciliation = table("reconciliation", "every subledger against its GL control accounts, per company and period", {
  company_code: c.id("company code"),
  fiscal_year: c.int("fiscal year"),
  fiscal_period: c.int("fiscal period"),
  subledger: c.id("accounts_payable, accounts_receivable, gr_ir, inventory, fixed_assets or intercompany"),
  gl_accounts: c.text("the control accounts compared (space-separated)"),
  gl_balance: c.money("GL balance on the subledger's natural side, company currency"),
  subledger_balance: c.money("sum of the subledger, company currency"),
  difference: c.money("GL minus subledger (0.00 when reconciled)"),
  status: c.id("reconciled or difference"),
  currency: c.id("company currency"),
});

export const intercompanyMatches = table("intercompany_matches", "intercompany transactions booked on both sides with one reference", {
  reference: c.id("the shared intercompany reference"),
  kind: c.id("recharge, loan or loan_interest"),
  seller_company: c.id("company that charges or lends"),
  buyer_company: c.id("company that is charged or borrows"),
  seller_document_id: c.id("seller's journal entry"),
  buyer_document_id: c.id("buyer's journal entry"),
  document_date: c.date("date of both postings"),
  currency: c.id("transaction currency"),
  amount: c.money("amount in transaction currency"),
  seller_amount: c.money("as booked by the seller, seller currency"),
  buyer_amount: c.money("as booked by the buyer, buyer currency"),
  status: c.id("matched"),
}, { documents: { intercompany: "reference" } });

export const inventoryBalances = table("inventory_balances", "stock per material at every period end (standard cost)", {
  company_code: c.id("company code"),
  fiscal_year: c.int("fiscal year"),
  fiscal_period: c.int("fiscal period"),
  material_id: c.id("material"),
  quantity: c.int("quantity on hand"),
  value: c.money("quantity x standard cost, company currency"),
  currency: c.id("company currency"),
});

export const translatedTrialBalance = table("translated_trial_balance", "each company's trial balance in the group currency", {
  company_code: c.id("company code"),
  fiscal_year: c.int("fiscal year"),
  fiscal_period: c.int("fiscal period"),
  account_number: c.id("account"),
  local_balance: c.money("net balance (debit positive) in company currency"),
  rate_type: c.id("closing (balance sheet), historical (equity, P&L at period averages) or derived (translation difference)"),
  group_balance: c.money("net balance (debit positive) in group currency"),
  local_currency: c.id("company currency"),
  group_currency: c.id("group currency"),
});

export const consolidatedTrialBalance = table("consolidated_trial_balance", "the group's trial balance after translation and intercompany eliminations", {
  fiscal_year: c.int("fiscal year"),
  fiscal_period: c.int("fiscal period"),
  account_number: c.id("account"),
  account_type: c.id("account type"),
  translated_balance: c.money("sum of the companies' translated net balances (debit positive)"),
  eliminations: c.money("intercompany eliminations (debit positive)"),
  debit_balance: c.money("consolidated balance when on the debit side"),
  credit_balance: c.money("consolidated balance when on the credit side"),
  currency: c.id("group currency"),
});
