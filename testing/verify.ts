// Ledger invariants over generated tables (logical records): every document balances, the trial
// balance sums to zero and equals the journal, assets = liabilities + equity + current result,
// year-end close leaves P&L at zero, every row matches its record spec and every key resolves.
// Used by the tests and exported for users who property-test their own accounting code.
// Labelled anomalies are the only exceptions: a violation one accounts for is excused.
import type { TableSpec } from "../specs/records/table.ts";
import { DEFAULT_MODULES } from "../engine/modules.ts";

import { collector, minorOf, type Report, type Tables, type Violation } from "./verify-common.ts";
import { checkExchangeRates, checkReconciliation } from "./verify-fx.ts";
import { excusing } from "./verify-excuse.ts";

export { minorOf, type Tables, type Violation };

const rows = (t: Tables, name: string) => t.get(name) ?? [];

export function verifyLedger(t: Tables, specs?: ReadonlyMap<string, TableSpec>): Violation[] {
  const { report: all, result } = collector();
  const report = excusing(t, all);
  checkDocuments(t, report);
  checkTrialBalance(t, report);
  checkReferences(t, report);
  if (specs) checkSpecs(t, specs, report);
  return result();
}

function checkDocuments(t: Tables, report: Report): void {
  const sums = new Map<string, [number, number, string]>();
  for (const r of rows(t, "journal_entries")) {
    const key = `${r.company_code}|${r.document_id}`;
    const s = sums.get(key) ?? [0, 0, String(r.currency)];
    s[0] += minorOf(r.debit_amount);
    s[1] += minorOf(r.credit_amount);
    if (s[2] !== r.currency) report("document-currency", `${key} mixes currencies`);
    sums.set(key, s);
  }
  for (const [key, [dr, cr]] of sums) if (dr !== cr) report("document-balance", `${key}: debits ${dr} != credits ${cr}`);
}

interface TbKey {
  company: string;
  year: number;
  period: number;
}

/** Net (debit - credit) per company / account accumulated over journal lines up to each period. */
function checkTrialBalance(t: Tables, report: Report): void {
  const types = new Map(rows(t, "chart_of_accounts").map((a) => [String(a.account_number), String(a.account_type)]));
  const periods = rows(t, "fiscal_periods").map((p) => ({ year: Number(p.fiscal_year), period: Number(p.fiscal_period), end: String(p.end_date) }));
  const journal = journalNets(t);
  const tb = new Map<string, Map<string, number>>();
  for (const r of rows(t, "trial_balance")) {
    const k = tbKey({ company: String(r.company_code), year: Number(r.fiscal_year), period: Number(r.fiscal_period) });
    const m = tb.get(k) ?? new Map<string, number>();
    m.set(String(r.account_number), minorOf(r.debit_balance) - minorOf(r.credit_balance));
    tb.set(k, m);
  }
  for (const [k, balances] of tb) {
    let sum = 0;
    let pnl = 0;
    const byType: Record<string, number> = {};
    for (const [acc, net] of balances) {
      sum += net;
      const type = types.get(acc) ?? "?";
      byType[type] = (byType[type] ?? 0) + net;
      if (type === "revenue" || type === "expense") pnl += net;
    }
    if (sum !== 0) report("tb-zero", `${k}: trial balance sums to ${sum}, not 0`);
    const assets = byType.asset ?? 0;
    const claims = -((byType.liability ?? 0) + (byType.equity ?? 0) + pnl);
    if (assets !== claims) report("balance-sheet", `${k}: assets ${assets} != liabilities + equity + current result ${claims}`);
  }
  compareWithJournal(tb, journal, periods, report);
}

function tbKey(k: TbKey): string {
  return `${k.company}|${k.year}|${String(k.period).padStart(2, "0")}`;
}

/** Per company: list of [fiscal key, account, net] from the journal. */
function journalNets(t: Tables): Map<string, Map<string, Map<string, number>>> {
  const byCompany = new Map<string, Map<string, Map<string, number>>>();
  for (const r of rows(t, "journal_entries")) {
    const company = String(r.company_code);
    const key = tbKey({ company, year: Number(r.fiscal_year), period: Number(r.fiscal_period) });
    const c = byCompany.get(company) ?? new Map();
    const p = c.get(key) ?? new Map<string, number>();
    const acc = String(r.account_number);
    p.set(acc, (p.get(acc) ?? 0) + minorOf(r.debit_amount) - minorOf(r.credit_amount));
    c.set(key, p);
    byCompany.set(company, c);
  }
  return byCompany;
}

/** The trial balance must equal the journal accumulated to each period end. */
function compareWithJournal(
  tb: Map<string, Map<string, number>>,
  journal: Map<string, Map<string, Map<string, number>>>,
  periods: { year: number; period: number }[],
  report: Report,
): void {
  for (const [company, byPeriod] of journal) {
    const running = new Map<string, number>();
    for (const p of periods) {
      const key = tbKey({ company, year: p.year, period: p.period });
      for (const [acc, net] of byPeriod.get(key) ?? []) running.set(acc, (running.get(acc) ?? 0) + net);
      const reported = tb.get(key) ?? new Map<string, number>();
      for (const [acc, net] of running) {
        if ((reported.get(acc) ?? 0) !== net) report("tb-journal", `${key} account ${acc}: trial balance ${reported.get(acc) ?? 0} != journal ${net}`);
      }
    }
  }
}

function checkReferences(t: Tables, report: Report): void {
  const accounts = new Map(rows(t, "chart_of_accounts").map((a) => [String(a.account_number), a.is_posting === true]));
  const partners = new Set<string>();
  for (const table of ["vendors", "customers", "employees"]) {
    const idCol = table === "vendors" ? "vendor_id" : table === "customers" ? "customer_id" : "employee_id";
    for (const r of rows(t, table)) partners.add(String(r[idCol]));
  }
  // Intercompany lines name the other company as their partner.
  for (const r of rows(t, "companies")) partners.add(String(r.company_code));
  const costCenters = new Set(rows(t, "cost_centers").map((r) => String(r.cost_center_id)));
  const haveMaster = partners.size > 0;
  for (const r of rows(t, "journal_entries")) {
    const acc = String(r.account_number);
    if (!accounts.has(acc)) report("ref-account", `${r.document_id}: account ${acc} is not in the chart`);
    else if (!accounts.get(acc)) report("ref-account", `${r.document_id}: account ${acc} is not a posting account`);
    if (haveMaster && r.partner_id && !partners.has(String(r.partner_id))) report("ref-partner", `${r.document_id}: partner ${r.partner_id} does not exist`);
    if (costCenters.size && r.cost_center && !costCenters.has(String(r.cost_center))) report("ref-cost-center", `${r.document_id}: cost center ${r.cost_center} does not exist`);
  }
}

function checkSpecs(t: Tables, specs: ReadonlyMap<string, TableSpec>, report: Report): void {
  for (const [name, list] of t) {
    const spec = specs.get(name);
    if (!spec) {
      report("spec", `table ${name} has no record spec`);
      continue;
    }
    for (const r of list) {
      const res = spec.schema.safeParse(r);
      if (!res.success) report("spec", `${name}: ${JSON.stringify(r).slice(0, 120)}: ${res.error.issues[0]?.message}`);
    }
  }
}

/** After a fiscal year end close, every P&L account of that period is zero. */
export function verifyYearEndClose(t: Tables, yearEndPeriod = 12): Violation[] {
  const types = new Map(rows(t, "chart_of_accounts").map((a) => [String(a.account_number), String(a.account_type)]));
  const out: Violation[] = [];
  for (const r of rows(t, "trial_balance")) {
    if (Number(r.fiscal_period) !== yearEndPeriod) continue;
    const type = types.get(String(r.account_number));
    const net = minorOf(r.debit_balance) - minorOf(r.credit_balance);
    if ((type === "revenue" || type === "expense") && net !== 0) {
      out.push({ check: "year-end-close", message: `${r.company_code} ${r.fiscal_year}/${r.fiscal_period} ${r.account_number}: ${net} left after close` });
    }
  }
  return out;
}

/** Id columns of the document tables, by the type names references and entries use. */
/** Where each source document type's ids live: the `documents` every table spec of the registry declares. */
function documentIds(specs: Iterable<TableSpec>): Map<string, [table: string, column: string][]> {
  const out = new Map<string, [string, string][]>();
  for (const spec of specs) for (const [type, column] of Object.entries(spec.documents ?? {})) out.set(type, [...(out.get(type) ?? []), [spec.name, column]]);
  return out;
}

function idsOf(t: Tables, specs: Iterable<TableSpec>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [type, sources] of documentIds(specs)) {
    const set = new Set<string>();
    for (const [table, col] of sources) for (const r of rows(t, table)) set.add(String(r[col]));
    out.set(type, set);
  }
  return out;
}

/**
 * Document-flow invariants: every reference resolves, nothing is paid beyond its invoice, open
 * items add up to the AR / AP control accounts, every reconciliation row is recomputed from the
 * balances, every line in a document currency is converted at the published rate, intercompany
 * balances eliminate, and the translated and consolidated trial balances balance.
 */
export function verifyFlows(t: Tables, specs: Iterable<TableSpec> = DEFAULT_MODULES.tables().values()): Violation[] {
  const { report: all, result } = collector();
  const report = excusing(t, all);
  const ids = idsOf(t, specs);
  const exists = (type: string, id: unknown) => ids.get(type)?.has(String(id)) ?? false;
  for (const r of rows(t, "document_references")) {
    if (!exists(String(r.from_type), r.from_document_id)) report("ref-flow", `${r.from_type} ${r.from_document_id} does not exist`);
    if (!exists(String(r.to_type), r.to_document_id)) report("ref-flow", `${r.to_type} ${r.to_document_id} does not exist`);
  }
  for (const r of rows(t, "journal_entries")) {
    if (r.source_document_id && !exists(String(r.source_document_type), r.source_document_id)) report("ref-source", `${r.document_id}: ${r.source_document_type} ${r.source_document_id} does not exist`);
  }
  const links: [string, string, string][] = [["goods_receipts", "po_id", "purchase_order"], ["vendor_invoices", "gr_id", "goods_receipt"], ["payments", "invoice_id", "vendor_invoice"], ["deliveries", "so_id", "sales_order"], ["customer_invoices", "delivery_id", "delivery"], ["customer_receipts", "invoice_id", "customer_invoice"], ["ap_open_items", "invoice_id", "vendor_invoice"], ["ar_open_items", "invoice_id", "customer_invoice"]];
  for (const [table, col, type] of links) {
    for (const r of rows(t, table)) if (r[col] !== null && !exists(type, r[col])) report("ref-chain", `${table}.${col} ${r[col]} does not exist`);
  }
  checkSettlements(t, "vendor_invoices", "payments", report);
  checkSettlements(t, "customer_invoices", "customer_receipts", report);
  checkOpenItems(t, report);
  checkReconciliation(t, report);
  checkExchangeRates(t, report);
  checkGroup(t, report);
  return result();
}

/** No invoice is settled beyond its gross amount (payments plus discounts, in invoice currency). */
function checkSettlements(t: Tables, invoices: string, settlements: string, report: Report): void {
  const gross = new Map(rows(t, invoices).map((r) => [String(r.invoice_id), minorOf(r.gross_amount)]));
  const paid = new Map<string, number>();
  for (const r of rows(t, settlements)) {
    const id = String(r.invoice_id);
    paid.set(id, (paid.get(id) ?? 0) + minorOf(r.amount) + (r.discount_amount === undefined ? 0 : minorOf(r.discount_amount)));
  }
  for (const [id, p] of paid) if (p > (gross.get(id) ?? 0)) report("overpaid", `${id}: settled ${p} of ${gross.get(id)}`);
}

/** Open items at each period end add up to the control account in the trial balance. */
function checkOpenItems(t: Tables, report: Report): void {
  const roles = new Map(rows(t, "chart_of_accounts").map((a) => [String(a.account_number), String(a.role ?? "")]));
  const tb = new Map<string, number>();
  for (const r of rows(t, "trial_balance")) {
    const role = roles.get(String(r.account_number));
    if (role !== "ar_control" && role !== "ap_control") continue;
    tb.set(`${role}|${r.company_code}|${r.fiscal_year}|${r.fiscal_period}`, Math.abs(minorOf(r.debit_balance) - minorOf(r.credit_balance)));
  }
  const sums = new Map<string, number>();
  for (const [table, role] of [["ar_open_items", "ar_control"], ["ap_open_items", "ap_control"]] as const) {
    for (const r of rows(t, table)) {
      const k = `${role}|${r.company_code}|${r.fiscal_year}|${r.fiscal_period}`;
      sums.set(k, (sums.get(k) ?? 0) + minorOf(r.open_amount_company));
    }
  }
  for (const k of new Set([...tb.keys(), ...sums.keys()])) {
    if ((tb.get(k) ?? 0) !== (sums.get(k) ?? 0)) report("open-items", `${k}: control account ${tb.get(k) ?? 0} != open items ${sums.get(k) ?? 0}`);
  }
}

/** Translated TBs and the consolidated TB sum to zero; intercompany accounts eliminate to zero. */
function checkGroup(t: Tables, report: Report): void {
  const roles = new Map(rows(t, "chart_of_accounts").map((a) => [String(a.account_number), String(a.role ?? "")]));
  const sums = new Map<string, number>();
  for (const r of rows(t, "translated_trial_balance")) {
    const k = `${r.company_code}|${r.fiscal_year}|${r.fiscal_period}`;
    sums.set(k, (sums.get(k) ?? 0) + minorOf(r.group_balance));
  }
  for (const r of rows(t, "consolidated_trial_balance")) {
    const net = minorOf(r.debit_balance) - minorOf(r.credit_balance);
    const k = `group|${r.fiscal_year}|${r.fiscal_period}`;
    sums.set(k, (sums.get(k) ?? 0) + net);
    if (roles.get(String(r.account_number))?.startsWith("ic_") && net !== 0) report("elimination", `${k} account ${r.account_number}: ${net} left after elimination`);
  }
  for (const [k, v] of sums) if (v !== 0) report("group-balance", `${k}: translated / consolidated trial balance sums to ${v}`);
}
