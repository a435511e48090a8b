// Financial reporting: every figure is recomputed here from the raw output tables (journal,
// trial balances, statement lines, bank statement lines), never from the phase's own state:
// statements tie to the trial balance and the journal, balance sheets balance, the cash flow's
// net change is the change of the cash and bank accounts, each bank reconciliation starts from
// the GL balance, lists exactly the open items and reaches zero.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import fc from "fast-check";
import { compile } from "../../compiler/compile.ts";
import { generateInMemory, scenarioParams, scenarioSource } from "../../testing/arbitraries.ts";
import { minorOf, verifyFlows, verifyLedger, type Tables } from "../../testing/verify.ts";
import { verifyEconomics } from "../../testing/economics.ts";
import { verifyBanking } from "../../testing/verify-banking.ts";
import { DEFAULT_MODULES } from "../../engine/modules.ts";
import { generousTimeout } from "../setup.ts";

generousTimeout();
type Row = Record<string, unknown>;

const source = (fr: string, months = 14) => `
scenario "FR" { seed = 7 industry = manufacturing start = 2025-01-01 months = ${months} group_currency = USD }
company US1 { country = US currency = USD share = 60% }
company DE1 { country = DE currency = EUR ownership = 80% }
fx { EUR = 1.085 }
phase master_data { vendors = 30 customers = 40 materials = 40 fixed_assets = 12 employees = 30 cost_centers = 4 }
phase transactions { volume = 1500 per year }
process procure_to_pay { volume = 900 per year }
process order_to_cash { volume = 700 per year }
process intercompany { volume = 60 per year }
${fr}
`;

function tablesOf(text: string): Tables {
  const r = compile(text, { path: "fr.synth" });
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return generateInMemory(r.plan!).tables;
}

const rows = (t: Tables, name: string) => (t.get(name) ?? []) as readonly Row[];
const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
const key = (...parts: unknown[]) => parts.map(String).join("|");

/** Every disagreement between the statements and the figures recomputed from the raw tables. */
export function statementProblems(t: Tables): string[] {
  const problems: string[] = [];
  const map = new Map(rows(t, "statement_lines").map((m) => [String(m.account_number), m]));
  const cashAccounts = new Set([...map.values()].filter((m) => m.line_code === "cash_and_equivalents").map((m) => String(m.account_number)));
  const fs = rows(t, "financial_statements");
  const got = new Map(fs.map((r) => [key(r.scope, r.entity, r.statement, r.period_type, r.fiscal_year, r.fiscal_period, r.line_code, r.equity_component ?? ""), minorOf(r.amount)]));
  const expectLine = (what: string, k: string, v: number) => {
    const g = got.get(k);
    if (g === undefined) problems.push(`${what}: no line ${k}`);
    else if (g !== v) problems.push(`${what}: ${k} is ${g}, recomputed ${v}`);
  };

  // Company balance sheets (items) from the trial balance; unclosed P&L is in retained earnings.
  const bs = new Map<string, number>();
  for (const r of rows(t, "trial_balance")) {
    const m = map.get(String(r.account_number))!;
    const net = minorOf(r.debit_balance) - minorOf(r.credit_balance);
    const pnl = m.statement === "income_statement";
    add(bs, key("company", r.company_code, "balance_sheet", "month", r.fiscal_year, r.fiscal_period, pnl ? "retained_earnings" : m.line_code, ""), (pnl ? -1 : Number(m.sign)) * net);
  }
  for (const r of fs) {
    if (r.scope === "company" && r.statement === "balance_sheet" && r.period_type === "month" && r.line_kind === "item") {
      const k = key(r.scope, r.entity, r.statement, r.period_type, r.fiscal_year, r.fiscal_period, r.line_code, "");
      if (minorOf(r.amount) !== (bs.get(k) ?? 0)) problems.push(`balance sheet ${k}: ${r.amount}, trial balance ${bs.get(k) ?? 0}`);
    }
  }

  // Every balance sheet balances.
  for (const r of fs) {
    if (r.statement !== "balance_sheet" || r.line_code !== "total_assets") continue;
    expectLine("balance sheet balances", key(r.scope, r.entity, "balance_sheet", r.period_type, r.fiscal_year, r.fiscal_period, "total_equity_and_liabilities", ""), minorOf(r.amount));
  }

  // Company income statements and cash flow net change from the journal (no opening entry, no year-end closing).
  const is = new Map<string, number>();
  const cash = new Map<string, number>();
  for (const j of rows(t, "journal_entries")) {
    if (j.document_type === "OB") continue;
    const net = minorOf(j.debit_amount) - minorOf(j.credit_amount);
    const m = map.get(String(j.account_number))!;
    for (const [type, period] of [["month", j.fiscal_period], ["year", 12]] as const) {
      if (m.statement === "income_statement" && j.document_type !== "CL") add(is, key("company", j.company_code, "income_statement", type, j.fiscal_year, period, m.line_code, ""), -net);
      if (cashAccounts.has(String(j.account_number))) add(cash, key("company", j.company_code, "cash_flow", type, j.fiscal_year, period, "net_change_in_cash", ""), net);
    }
  }
  for (const r of fs) {
    if (r.scope !== "company") continue;
    const k = key(r.scope, r.entity, r.statement, r.period_type, r.fiscal_year, r.fiscal_period, r.line_code, "");
    if (r.statement === "income_statement" && r.line_kind === "item" && minorOf(r.amount) !== (is.get(k) ?? 0)) problems.push(`income statement ${k}: ${r.amount}, journal ${is.get(k) ?? 0}`);
    if (r.statement === "cash_flow" && r.line_code === "net_change_in_cash" && minorOf(r.amount) !== (cash.get(k) ?? 0)) problems.push(`cash flow ${k}: ${r.amount}, cash accounts moved ${cash.get(k) ?? 0}`);
  }

  // Cash flow sections add up to the net change; cash at the end is the balance sheet's cash.
  const sections = ["operating_cash_flow", "investing_cash_flow", "financing_cash_flow", "fx_effect_on_cash"];
  for (const r of fs) {
    if (r.statement !== "cash_flow" || r.line_code !== "net_change_in_cash") continue;
    const at = (line: string, statement = "cash_flow") => got.get(key(r.scope, r.entity, statement, r.period_type, r.fiscal_year, r.fiscal_period, line, "")) ?? 0;
    if (sections.reduce((s, x) => s + at(x), 0) !== minorOf(r.amount)) problems.push(`cash flow sections of ${key(r.entity, r.period_type, r.fiscal_year, r.fiscal_period)} do not add up`);
    if (at("cash_at_start") + minorOf(r.amount) !== at("cash_and_equivalents", "balance_sheet")) problems.push(`cash at the end of ${key(r.entity, r.period_type, r.fiscal_year, r.fiscal_period)} is not the balance sheet's`);
  }

  // Changes in equity: every column's closing is its opening plus its movements; the total is the balance sheet's equity.
  const soce = new Map<string, number>();
  for (const r of fs) {
    if (r.statement !== "equity_changes") continue;
    const k = key(r.scope, r.entity, r.period_type, r.fiscal_year, r.fiscal_period, r.equity_component);
    add(soce, k, (r.line_code === "closing_balance" ? -1 : 1) * minorOf(r.amount));
    if (r.line_code !== "closing_balance" || (r.equity_component !== "total" && r.equity_component !== "non_controlling_interests")) continue;
    expectLine("changes in equity", key(r.scope, r.entity, "balance_sheet", r.period_type, r.fiscal_year, r.fiscal_period, r.equity_component === "total" ? "total_equity" : "non_controlling_interests", ""), minorOf(r.amount));
  }
  for (const [k, v] of soce) if (v !== 0) problems.push(`changes in equity ${k}: the rows miss the closing balance by ${v}`);

  // The group: cash and total equity from the consolidated trial balance; its cash flow ties month to month.
  const groupCash = new Map<string, number>();
  const groupEquity = new Map<string, number>();
  for (const r of rows(t, "consolidated_trial_balance")) {
    const m = map.get(String(r.account_number))!;
    const net = minorOf(r.debit_balance) - minorOf(r.credit_balance);
    if (m.group_line_code === "cash_and_equivalents") add(groupCash, key(r.fiscal_year, r.fiscal_period), net);
    if (m.statement === "income_statement" || ["share_capital", "retained_earnings", "translation_reserve", "consolidation_differences", "other_reserves"].includes(String(m.group_line_code))) add(groupEquity, key(r.fiscal_year, r.fiscal_period), -net);
  }
  const groupMonths = fs.filter((r) => r.scope === "group" && r.period_type === "month" && r.statement === "cash_flow" && r.line_code === "cash_at_end");
  let previous: number | undefined;
  for (const r of groupMonths) {
    const k = key(r.fiscal_year, r.fiscal_period);
    if (minorOf(r.amount) !== (groupCash.get(k) ?? 0)) problems.push(`group cash at ${k}: ${r.amount}, consolidated trial balance ${groupCash.get(k)}`);
    const start = got.get(key("group", "GROUP", "cash_flow", "month", r.fiscal_year, r.fiscal_period, "cash_at_start", ""))!;
    if (previous !== undefined && start !== previous) problems.push(`group cash at the start of ${k} is not the previous month's end`);
    previous = minorOf(r.amount);
    expectLine("group equity", key("group", "GROUP", "balance_sheet", "month", r.fiscal_year, r.fiscal_period, "total_equity", ""), groupEquity.get(k) ?? 0);
  }
  return problems;
}

/** Every bank reconciliation recomputed from the journal and the bank statement lines. */
export function reconciliationProblems(t: Tables): string[] {
  const problems: string[] = [];
  const journal = rows(t, "journal_entries");
  const lines = rows(t, "bank_statement_lines");
  const statements = new Map(rows(t, "bank_statements").map((s) => [String(s.statement_id), s]));
  // Statements: closing = opening + lines; the next opens where this one closed.
  const byStatement = new Map<string, number>();
  for (const l of lines) add(byStatement, String(l.statement_id), minorOf(l.amount));
  const lastClosing = new Map<string, number>();
  for (const s of [...statements.values()].sort((a, b) => Number(a.fiscal_year) * 100 + Number(a.fiscal_period) - (Number(b.fiscal_year) * 100 + Number(b.fiscal_period)))) {
    const opening = minorOf(s.opening_balance);
    if (opening + (byStatement.get(String(s.statement_id)) ?? 0) !== minorOf(s.closing_balance)) problems.push(`statement ${s.statement_id} does not add up`);
    const before = lastClosing.get(String(s.bank_account_id));
    if (before !== undefined && before !== opening) problems.push(`statement ${s.statement_id} does not open at the previous closing balance`);
    lastClosing.set(String(s.bank_account_id), minorOf(s.closing_balance));
  }
  // The bank's record of each company posting: its statement lines (any month), by the journal entry's posting date.
  const stmtOf = new Map<string, Map<string, [string, number][]>>();
  for (const l of lines) if (l.origin === "company") {
    const docs = stmtOf.get(String(l.bank_account_id)) ?? stmtOf.set(String(l.bank_account_id), new Map()).get(String(l.bank_account_id))!;
    docs.set(String(l.journal_document_id), [...(docs.get(String(l.journal_document_id)) ?? []), [String(l.posting_date), minorOf(l.amount)]]);
  }
  const itemsOf = new Map<string, Row[]>();
  for (const i of rows(t, "reconciling_items")) itemsOf.set(String(i.reconciliation_id), [...(itemsOf.get(String(i.reconciliation_id)) ?? []), i]);
  for (const r of rows(t, "bank_reconciliations")) {
    const asOf = String(r.as_of);
    const account = String(r.gl_account);
    const company = String(r.company_code);
    const id = String(r.reconciliation_id);
    let gl = 0;
    const open = new Map<string, number>();
    const glOf = new Map<string, number>();
    const booked = new Set<string>();
    for (const j of journal) {
      if (j.company_code !== company || String(j.posting_date) > asOf) continue;
      if (j.source_document_type === "bank_statement_line") booked.add(String(j.source_document_id));
      if (String(j.account_number) !== account) continue;
      const net = minorOf(j.debit_amount) - minorOf(j.credit_amount);
      gl += net;
      // The company's postings (not its bookings of the bank's items, not the opening entry) wait for the bank.
      if (j.document_type !== "OB" && (j.source_document_type !== "bank_statement_line" || j.business_event === "payment_representation")) {
        add(open, String(j.document_id), net);
        add(glOf, String(j.document_id), net);
      }
    }
    let unbookedIn = 0;
    let unbookedOut = 0;
    for (const l of lines) {
      if (l.bank_account_id !== r.bank_account_id || String(l.value_date) > asOf) continue;
      if (l.origin === "company") add(open, String(l.journal_document_id), -minorOf(l.amount));
      else if (!booked.has(String(l.line_id))) minorOf(l.amount) > 0 ? (unbookedIn += minorOf(l.amount)) : (unbookedOut -= minorOf(l.amount));
    }
    // What the GL holds of a document beyond what the bank was ever shown of it (posted by the month end):
    // an unexplained difference. A document the bank clears only after the scenario has no complete bank record: its listed figure stands.
    const items = itemsOf.get(id) ?? [];
    const beyond = new Set(items.filter((i) => i.item_type !== "unexplained_difference" && (i.clears_on === null || i.clears_on === undefined || i.clears_on === "")).map((i) => String(i.journal_document_id)));
    const listedUx = new Map(items.filter((i) => i.item_type === "unexplained_difference").map((i) => [String(i.journal_document_id), minorOf(i.amount)]));
    const ux = new Map<string, number>();
    const bankDocs = stmtOf.get(String(r.bank_account_id)) ?? new Map<string, [string, number][]>();
    for (const doc of new Set([...glOf.keys(), ...[...bankDocs].filter(([, ls]) => ls.some(([day]) => day <= asOf)).map(([d]) => d)])) {
      if (beyond.has(doc)) continue;
      const seen = (bankDocs.get(doc) ?? []).reduce((s, [day, v]) => s + (day <= asOf ? v : 0), 0);
      const g = glOf.get(doc) ?? 0;
      if (g !== seen) ux.set(doc, g - seen);
    }
    for (const [doc, v] of listedUx) if (beyond.has(doc)) ux.set(doc, v);
    for (const [doc, v] of ux) if (listedUx.get(doc) !== v) problems.push(`${id} unexplained difference on ${doc}: listed ${listedUx.get(doc)}, recomputed ${v}`);
    for (const doc of listedUx.keys()) if (!ux.has(doc)) problems.push(`${id} lists ${doc} as unexplained; the GL and the bank agree on it`);
    let outstanding = 0;
    let inTransit = 0;
    let unexplained = 0;
    for (const doc of new Set([...open.keys(), ...ux.keys()])) {
      const u = ux.get(doc) ?? 0;
      unexplained += u;
      const v = (open.get(doc) ?? 0) - u;
      v < 0 ? (outstanding -= v) : (inTransit += v);
    }
    const statement = minorOf(statements.get(String(r.statement_id))!.closing_balance);
    const want: [string, number][] = [["gl_balance", gl], ["statement_balance", statement], ["outstanding_payments", outstanding], ["deposits_in_transit", inTransit], ["unbooked_credits", unbookedIn], ["unbooked_debits", unbookedOut], ["unexplained_differences", unexplained], ["difference", 0]];
    for (const [column, v] of want) if (minorOf(r[column]) !== v) problems.push(`${id} ${column}: ${r[column]}, recomputed ${v}`);
    if (statement - outstanding + inTransit !== gl + unbookedIn - unbookedOut - unexplained) problems.push(`${id} does not reconcile from the raw tables`);
    const status = ux.size > 0 ? "under_investigation" : "reconciled";
    if (r.status !== status) problems.push(`${id} is ${r.status}, expected ${status}`);
  }
  return problems;
}

// Generated once for the describe below and released after it: bun runs every test file in one
// process, and the runs of later files watch its memory.
let on: Tables = new Map();
const t = (name: string) => rows(on, name);

describe("financial reporting", () => {
  beforeAll(() => {
    on = tablesOf(source("phase financial_reporting { returned_payments = 5% }"));
  });
  afterAll(() => {
    on = new Map();
    Bun.gc(true);
  });

  test("the ledger stays whole with the bank's items booked", () => {
    expect(verifyLedger(on, DEFAULT_MODULES.tables())).toEqual([]);
    expect(verifyFlows(on)).toEqual([]);
    expect(verifyEconomics(on, { plan: false, benfordLines: Number.MAX_SAFE_INTEGER })).toEqual([]);
  });

  test("statements tie to the trial balance and the journal; balance sheets balance; cash flow ties to cash", () => {
    expect(t("financial_statements").length).toBeGreaterThan(1000);
    expect(new Set(t("financial_statements").map((r) => `${r.scope}:${r.statement}:${r.period_type}`)).size).toBe(2 * 5 * 2);
    expect(statementProblems(on)).toEqual([]);
  });

  test("every bank reconciliation starts from the GL, lists the open items and reaches zero", () => {
    const recs = t("bank_reconciliations");
    expect(recs.length).toBe(2 * 2 * 14);
    expect(reconciliationProblems(on)).toEqual([]);
    // Not trivially zero: items are open at month ends, some carried to the next month.
    const items = t("reconciling_items");
    expect(items.some((i) => i.item_type === "outstanding_payment")).toBe(true);
    expect(items.some((i) => i.item_type === "deposit_in_transit")).toBe(true);
    expect(items.some((i) => i.item_type === "unbooked_bank_debit")).toBe(true);
    expect(items.some((i) => i.carried_forward === true)).toBe(true);
    // The items are the reconciliation's columns, item by item.
    const sums = new Map<string, number>();
    for (const i of items) add(sums, key(i.reconciliation_id, i.item_type), minorOf(i.amount));
    for (const r of recs) {
      expect(minorOf(r.outstanding_payments)).toBe(sums.get(key(r.reconciliation_id, "outstanding_payment")) ?? 0);
      expect(minorOf(r.deposits_in_transit)).toBe(sums.get(key(r.reconciliation_id, "deposit_in_transit")) ?? 0);
      expect(minorOf(r.unbooked_debits)).toBe(sums.get(key(r.reconciliation_id, "unbooked_bank_debit")) ?? 0);
    }
  });

  test("a statement line of the company's is a journal entry on the account, cleared on or after its posting date", () => {
    const posted = new Map<string, string>();
    for (const j of t("journal_entries")) posted.set(key(j.company_code, j.document_id, j.account_number), String(j.posting_date));
    const company = t("bank_statement_lines").filter((l) => l.origin === "company");
    expect(company.length).toBeGreaterThan(1000);
    for (const l of company) {
      const day = posted.get(key(l.company_code, l.journal_document_id, String(l.bank_account_id).split("-")[2]));
      expect(day).toBeDefined();
      expect(String(l.value_date) >= day!).toBe(true);
    }
    // Cheques clear later than transfers; the US company writes cheques.
    const lag = (m: string) => company.filter((l) => l.method === m && Number(l.amount) < 0).map((l) => (Date.parse(String(l.value_date)) - Date.parse(String(l.posting_date))) / 864e5);
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(lag("cheque").length).toBeGreaterThan(20);
    expect(mean(lag("cheque"))).toBeGreaterThan(mean(lag("credit_transfer")) + 2);
  });

  test("the bank's items are booked by the company from the statement: charges, interest, direct debits, returned payments", () => {
    const bankLines = t("bank_statement_lines").filter((l) => l.origin === "bank");
    expect(new Set(bankLines.map((l) => l.item_type))).toEqual(new Set(["charges", "interest", "direct_debit", "returned_payment"]));
    const bookings = new Map(t("journal_entries").filter((j) => j.document_type === "BK" && j.source_document_type === "bank_statement_line").map((j) => [String(j.source_document_id), j]));
    const last = String(t("fiscal_periods").map((p) => p.end_date).sort().at(-1));
    for (const l of bankLines) {
      const b = bookings.get(String(l.line_id));
      // Each is booked once it is known (the last month's after the scenario's end may stay open).
      if (!b) expect(String(l.value_date) >= last.slice(0, 7)).toBe(true);
      else expect(String(b.posting_date) >= String(l.value_date)).toBe(true);
    }
    // The settlements no longer charge a flat fee: the bank's charges are booked once, from the statements.
    const charges = String(t("statement_lines").find((m) => m.role === "bank_charges")!.account_number);
    expect(t("journal_entries").filter((j) => j.business_event === "debt_service" && j.account_number === charges).length).toBe(0);
    expect(t("journal_entries").filter((j) => j.business_event === "bank_charges" && j.account_number === charges).length).toBeGreaterThan(10);
  });

  test("group statements: non-controlling interests of the 80% subsidiary, translation differences in OCI", () => {
    const g = t("financial_statements").filter((r) => r.scope === "group" && r.period_type === "year" && r.fiscal_year === 2025);
    const line = (statement: string, code: string, column?: string) => minorOf(g.find((r) => r.statement === statement && r.line_code === code && (column === undefined || r.equity_component === column))!.amount);
    expect(line("balance_sheet", "non_controlling_interests")).toBeGreaterThan(0);
    expect(line("income_statement", "profit_attributable_to_nci") + line("income_statement", "profit_attributable_to_owners")).toBe(line("income_statement", "profit_for_period"));
    expect(line("comprehensive_income", "translation_differences")).not.toBe(0);
    expect(line("equity_changes", "closing_balance", "non_controlling_interests")).toBe(line("balance_sheet", "non_controlling_interests"));
    expect(line("equity_changes", "closing_balance", "total")).toBe(line("balance_sheet", "total_equity"));
  });

  test("comparatives: a month's prior amount is the previous month's figure; the balance sheet's is the opening balance", () => {
    const fs = t("financial_statements").filter((r) => r.scope === "company" && r.entity === "DE1" && r.period_type === "month");
    const at = new Map(fs.map((r) => [key(r.statement, r.fiscal_year, r.fiscal_period, r.line_code, r.equity_component ?? ""), r]));
    for (const r of fs) {
      if (r.fiscal_year === 2025 && r.fiscal_period === 1) continue;
      const [y, p] = r.fiscal_period === 1 ? [Number(r.fiscal_year) - 1, 12] : [r.fiscal_year, Number(r.fiscal_period) - 1];
      const prev = at.get(key(r.statement, y, p, r.line_code, r.equity_component ?? ""))!;
      if (r.statement === "balance_sheet") expect(r.prior_amount).toBe(prev.amount);
      else if (r.statement !== "equity_changes") expect(r.prior_amount).toBe(prev.amount);
    }
  });

  test("the mapping is editable in the language: a moved account moves its balance", () => {
    const moved = tablesOf(source("phase financial_reporting { account 1300 { line = other_non_current_assets } bank_reconciliation = false }", 3));
    const m = rows(moved, "statement_lines").find((r) => r.account_number === "1300");
    expect(m?.line_code).toBe("other_non_current_assets");
    expect(m?.mapped_by).toBe("scenario");
    expect(rows(moved, "bank_reconciliations").length).toBe(0);
    expect(statementProblems(moved)).toEqual([]);
    const bad = compile(source("phase financial_reporting { account 1300 { line = revenue } }", 3), { path: "fr.synth" });
    expect(bad.diagnostics.some((d) => d.code === "SYN3016")).toBe(true);
  });
});

describe("financial reporting with anomalies changing bank lines after posting", () => {
  let a: Tables = new Map();
  beforeAll(() => {
    a = tablesOf(source("phase anomalies { rate = 4% types = [duplicate_payment, duplicate_entry, backdated_entry, wrong_period, decimal_error, reversed_amount] }\nphase financial_reporting {}", 6));
  });
  afterAll(() => {
    a = new Map();
    Bun.gc(true);
  });

  test("each changed document is an unexplained difference found by matching GL and bank, and every reconciliation reaches zero", () => {
    expect(reconciliationProblems(a)).toEqual([]);
    const items = rows(a, "reconciling_items").filter((i) => i.item_type === "unexplained_difference");
    const recs = rows(a, "bank_reconciliations");
    // Not vacuous: anomalies did hit bank lines, and the reconciliations carry them as open items, month after month.
    expect(items.length).toBeGreaterThan(0);
    expect(items.some((i) => i.carried_forward === true)).toBe(true);
    expect(recs.some((r) => r.status === "under_investigation")).toBe(true);
    expect(recs.every((r) => minorOf(r.difference) === 0 && r.status !== "difference")).toBe(true);
    // The reconciliation never reads labels; compared with them, every document it flags is one the anomalies phase changed.
    // (A document renamed after posting is flagged under both names: the bank's reference, which the GL no longer has, and the new one.)
    const labels = rows(a, "anomaly_labels").filter((l) => l.table_name === "journal_entries");
    const labelled = new Set(labels.map((l) => key(l.company_code, l.document_id)));
    for (const l of labels) for (const c of JSON.parse(String(l.changes ?? "[]")) as { field: string; from: unknown }[]) if (c.field === "document_id") labelled.add(key(l.company_code, c.from));
    const flagged = new Set(items.map((i) => key(i.company_code, i.journal_document_id)));
    expect([...flagged].filter((d) => !labelled.has(d))).toEqual([]);
    // And the ledger is untouched by the phase: the GL balance is the journal's.
    expect(verifyLedger(a, DEFAULT_MODULES.tables()).filter((p) => /bank|reconcil/.test(JSON.stringify(p)))).toEqual([]);
  });
});

describe("financial reporting for a company banking at the scenario's bank", () => {
  let b: Tables = new Map();
  beforeAll(() => {
    b = tablesOf(source("phase banking { customers = 60 transactions_per_customer = 8 group_accounts = on }\nphase financial_reporting {}", 4));
  });
  afterAll(() => {
    b = new Map();
    Bun.gc(true);
  });

  test("its statement lines are the bank's transactions one to one; the bank alone decides charges and interest; reconciliations reach zero", () => {
    // US1 is in the bank's currency (the first company's country): it banks there; DE1 banks elsewhere.
    const groupAccounts = rows(b, "bank_accounts").filter((x) => String(x.customer_id).startsWith("BC-G"));
    expect(groupAccounts.length).toBe(2);
    const txs = rows(b, "bank_transactions").filter((x) => String(x.customer_id) === "BC-GUS1");
    expect(txs.length).toBeGreaterThan(100);
    const lines = rows(b, "bank_statement_lines").filter((l) => l.company_code === "US1");
    const byId = new Map(lines.map((l) => [String(l.line_id), l]));
    expect(byId.size).toBe(lines.length);
    // One to one: the same ids, amounts (signed by direction) and value dates; the account is the one the bank holds for the GL account.
    expect(lines.length).toBe(txs.length);
    const glOf = new Map(groupAccounts.map((x) => [String(x.account_id), String(x.ledger_account ?? "")]));
    for (const x of txs) {
      const l = byId.get(String(x.transaction_id));
      expect(l).toBeDefined();
      expect(minorOf(l!.amount)).toBe((x.direction === "credit" ? 1 : -1) * minorOf(x.amount));
      expect(String(l!.value_date)).toBe(String(x.value_date));
      expect(minorOf(l!.balance_after)).toBe(minorOf(x.balance_after));
    }
    expect(glOf.size).toBe(2);
    // Statements say where their lines come from.
    expect(new Set(rows(b, "bank_statements").filter((s) => s.company_code === "US1").map((s) => s.source))).toEqual(new Set(["scenario_bank"]));
    expect(new Set(rows(b, "bank_statements").filter((s) => s.company_code === "DE1").map((s) => s.source))).toEqual(new Set(["derived"]));
    // Charges and interest once, by the bank: its fee rows (the group's accounts pay no interest) are the statement's bank lines, and
    // the company books each of them, once, from the statement; none of financial_reporting's own tariff, interest, direct debits or returns.
    const fees = txs.filter((x) => x.transaction_type === "fee");
    expect(fees.length).toBe(4);
    expect(new Set(fees.map((x) => String(x.account_id))).size).toBe(1);
    expect(txs.filter((x) => String(x.transaction_type).startsWith("interest")).length).toBe(0);
    const bankLines = lines.filter((l) => l.origin === "bank");
    expect(new Set(bankLines.map((l) => String(l.line_id)))).toEqual(new Set(fees.map((x) => String(x.transaction_id))));
    const us = rows(b, "journal_entries").filter((j) => j.company_code === "US1" && j.source_document_type === "bank_statement_line");
    expect(new Set(us.map((j) => String(j.business_event)))).toEqual(new Set(["bank_charges"]));
    const feeIds = new Set(fees.map((x) => String(x.transaction_id)));
    for (const id of new Set(us.map((j) => String(j.source_document_id)))) expect(feeIds.has(id)).toBe(true);
    // Every fee of the first three months is booked (the last month's is booked after the scenario), each by one journal entry.
    const docsPerFee = new Map<string, Set<string>>();
    for (const j of us) docsPerFee.set(String(j.source_document_id), (docsPerFee.get(String(j.source_document_id)) ?? new Set()).add(String(j.document_id)));
    expect([...docsPerFee.values()].every((d) => d.size === 1)).toBe(true);
    expect(docsPerFee.size).toBe(fees.filter((x) => String(x.value_date) < "2025-04-01").length);
    // (The bank's feed does not turn those bookings into more bank transactions: the one-to-one check above covers it.) DE1 keeps its tariff.
    expect(rows(b, "journal_entries").some((j) => j.company_code === "DE1" && ["bank_charges", "direct_debit"].includes(String(j.business_event)))).toBe(true);
    // Reconciled from the raw tables, both companies.
    expect(reconciliationProblems(b)).toEqual([]);
    expect(rows(b, "bank_reconciliations").every((r) => r.status === "reconciled")).toBe(true);
    expect(rows(b, "reconciling_items").some((i) => i.company_code === "US1" && i.item_type === "unbooked_bank_debit")).toBe(true);
    expect(verifyLedger(b, DEFAULT_MODULES.tables())).toEqual([]);
    expect(verifyBanking(b, { suspiciousRate: 0.02, launderingRate: 0.001 }).filter((p) => /group/.test(JSON.stringify(p)))).toEqual([]);
  });
});

describe("financial reporting on random scenarios", () => {
  test("statements tie to the trial balance, cash flow ties to cash, every reconciliation reaches zero", () => {
    const arb = scenarioParams({ maxEntriesPerYear: 400, maxMonths: 14 });
    fc.assert(
      fc.property(arb, (p) => {
        // A second company, when there is one, is 75% owned: the group carries non-controlling interests.
        const text = scenarioSource(p).replace("company C2 {", "company C2 { ownership = 75%") + "\nphase financial_reporting {}";
        const r = compile(text, { path: "property.synth" });
        if (!r.plan) throw new Error(r.diagnostics.map((d) => d.message).join("; "));
        const plan = r.plan;
        const tables = generateInMemory(plan).tables;
        expect(rows(tables, "financial_statements").length).toBeGreaterThan(0);
        expect(statementProblems(tables)).toEqual([]);
        expect(reconciliationProblems(tables)).toEqual([]);
        expect(verifyLedger(tables, DEFAULT_MODULES.tables())).toEqual([]);
      }),
      { numRuns: 6 },
    );
  });
});

describe("financial reporting runs the same anywhere", () => {
  test("1 worker, 2 workers with small batches, 3 shards merged, and interrupted runs resumed give the same files", async () => {
    const { mkdtempSync, rmSync, readFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { run } = await import("../../engine/run.ts");
    const { mergeShards } = await import("../../engine/merge.ts");
    const text = source("phase financial_reporting { returned_payments = 5% }\nphase anomalies { rate = 4% types = [duplicate_payment, backdated_entry, wrong_period] }\nphase banking { customers = 40 transactions_per_customer = 8 group_accounts = on }", 3).replace("phase transactions { volume = 1500 per year }", "phase transactions { volume = 1500 per year block_size = 64 }");
    const plan = compile(text, { path: "fr.synth" }).plan!;
    const dir = mkdtempSync(join(tmpdir(), "synth-fr-"));
    const quiet = { progress: "none" as const, formats: ["csv" as const] };
    try {
      const a = await run(plan, { ...quiet, out: join(dir, "a"), workers: 1 }).done;
      const b = await run(plan, { ...quiet, out: join(dir, "b"), workers: 2, batchSize: 1 }).done;
      const parts = [0, 1, 2].map((i) => join(dir, `s${i}`));
      for (let i = 0; i < 3; i++) await run(plan, { ...quiet, out: parts[i]!, workers: 0, shard: { index: i, count: 3 } }).done;
      await mergeShards([parts[1]!, parts[2]!, parts[0]!], { out: join(dir, "m"), progress: "none" });
      const digests = (files: typeof a.files) => Object.fromEntries(files.map((f) => [f.path, f.sha256]));
      expect(digests(b.files)).toEqual(digests(a.files));
      const merged = JSON.parse(readFileSync(join(dir, "m", "manifest.json"), "utf8"));
      expect(digests(merged.files)).toEqual(digests(a.files));
      expect(a.files.some((f) => f.table === "bank_statement_lines" && f.rows > 100)).toBe(true);
      // With the GL view (anomalies change bank lines) and the scenario's bank (US1's statements are its transactions) in play.
      const items = readFileSync(join(dir, "a", "reconciling_items.csv"), "utf8");
      expect(items.includes("unexplained_difference")).toBe(true);
      expect(readFileSync(join(dir, "a", "bank_statements.csv"), "utf8").includes("scenario_bank")).toBe(true);
      // Stopped while transactions post (cash lines in flight) and while the statements are written: resumed, the same files.
      for (const [at, percent] of [["transactions", 30], ["financial_reporting", 0]] as const) {
        const out = join(dir, `r-${at}`);
        let stopped = false;
        const r = run(plan, { ...quiet, out, workers: 2, batchSize: 1, checkpointEveryMs: 0, onProgress: (pr) => {
          if (!stopped && pr.phase === at && pr.percent >= percent) (stopped = true), r.stop();
        } });
        await r.done.catch(() => undefined);
        expect(stopped).toBe(true);
        expect(JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")).status).toBe("interrupted");
        const resumed = await run(plan, { ...quiet, out, workers: 1, resume: true }).done;
        expect(digests(resumed.files)).toEqual(digests(a.files));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
