// Ledger invariants over generated tables (logical records): every document balances, the trial
// balance sums to zero and equals the journal, assets = liabilities + equity + current result,
// year-end close leaves P&L at zero, every row matches its record spec and every key resolves.
// Used by the tests and exported for users who property-test their own accounting code.
import type { TableSpec } from "../specs/records/table.ts";

export type Tables = ReadonlyMap<string, readonly Record<string, unknown>[]>;

export interface Violation {
  check: string;
  message: string;
}

/** Decimal string -> integer minor units (exact). */
export function minorOf(text: unknown): number {
  const s = String(text);
  const neg = s.startsWith("-");
  const [i = "0", f = ""] = (neg ? s.slice(1) : s).split(".");
  const digits = f.length;
  const v = Number(i) * 10 ** digits + (digits ? Number(f) : 0);
  return neg ? -v : v;
}

const rows = (t: Tables, name: string) => t.get(name) ?? [];

export function verifyLedger(t: Tables, specs?: ReadonlyMap<string, TableSpec>): Violation[] {
  const out: Violation[] = [];
  const report = (check: string, message: string) => {
    if (out.filter((v) => v.check === check).length < 20) out.push({ check, message });
  };
  checkDocuments(t, report);
  checkTrialBalance(t, report);
  checkReferences(t, report);
  if (specs) checkSpecs(t, specs, report);
  return out;
}

type Report = (check: string, message: string) => void;

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
