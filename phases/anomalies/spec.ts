// anomalies: labelled fraud, errors, process, statistical and relational anomalies injected
// into the ledger as an overlay of the blocks that post it, with anomaly and ML labels, and an
// as-extracted copy of the journal carrying data-quality issues and integrity-breaking errors.
// The plan lays out the exact count of every type per company (rate x the documents that can
// carry it, rounded half to even): see docs/anomalies.md.
import type { CheckContext, PhaseSpec } from "../../specs/phase.ts";
import { buildLayout, type LayoutContext } from "../../specs/layout.ts";
import { formatPercent } from "../../specs/units.ts";
import { periodAt } from "../../core/calendar.ts";
import { transactionsSpec } from "../transactions/spec.ts";
import { ANOMALY_CATALOG, anomalyType, type Carrier } from "./catalog.ts";
import { params, typeRates, type AnomaliesParams } from "./params.ts";
import { ANOMALY_TABLES } from "./tables.ts";

/** Units of the transactions layout per company, carrier and period (entries, service purchase chains). */
export function carrierUnits(segments: readonly { company?: string; period?: number; table?: string; units: number }[], company: string, carrier: Carrier, period: number): number {
  const table = carrier === "procure_to_pay" ? "procure_to_pay" : undefined;
  let n = 0;
  for (const s of segments) if (s.company === company && s.period === period && s.table === table) n += s.units;
  return n;
}

/** Round half to even: 2.5 -> 2, 3.5 -> 4 (exact for the products of a percent and a count). */
export function roundHalfEven(x: number): number {
  const n = Math.floor(x);
  const frac = x - n;
  if (Math.abs(frac - 0.5) < 1e-9) return n % 2 === 0 ? n : n + 1;
  return Math.round(x);
}

/** Whether a type may use a period's documents (a quarter end that is not the scenario's last period, for "quarter_end"). */
export function periodAllowed(t: { periods?: "not_last" | "paid" | "quarter_end"; pairs?: string }, period: number, months: number, quarterEnd: boolean): boolean {
  if (t.periods === "quarter_end") return quarterEnd && period < months - 1;
  return t.periods === "not_last" ? period < months - 1 : t.periods === "paid" ? period < months - 2 : true;
}

/** The count of every listed type per company: its rate times the documents that can carry it. */
export function anomalyCounts(cx: LayoutContext): { company: string; type: string; count: number }[] {
  const p = cx.params.anomalies as AnomaliesParams;
  const segments = transactionsSpec.layout(cx).segments;
  const rates = typeRates(p);
  const out: { company: string; type: string; count: number }[] = [];
  for (const c of cx.companies) {
    for (const t of ANOMALY_CATALOG) {
      const rate = rates.get(t.id);
      if (rate === undefined) continue;
      let base = 0;
      // A partner company's side needs a second company.
      if (t.pairs === "partner_company" && cx.companies.length < 2) continue;
      // Payroll types: a share of the employee master (the run places none when hr is off).
      if (t.carrier === "payroll") {
        out.push({ company: c.code, type: t.id, count: roundHalfEven(rate * ((cx.params.master_data as { employees?: number }).employees ?? 0)) });
        continue;
      }
      for (let period = 0; period < cx.months; period++) {
        const quarterEnd = periodAt(cx.startDate, cx.fiscalStartMonth, period).isQuarterEnd;
        if (periodAllowed(t, period, cx.months, quarterEnd)) base += carrierUnits(segments, c.code, t.carrier, period);
      }
      out.push({ company: c.code, type: t.id, count: roundHalfEven(rate * base) });
    }
  }
  return out;
}

function layout(cx: LayoutContext) {
  return buildLayout("anomalies", 1_000_000, anomalyCounts(cx).map((x) => ({ company: x.company, table: x.type, units: x.count })));
}

/** A type's rate beyond what its documents can carry, or a rate for a type that is not listed. */
function checkRates(cx: CheckContext): void {
  const p = cx.params("anomalies") as AnomaliesParams;
  const at = (...path: string[]) => cx.at("phase", "anomalies", ...path);
  for (const [t, rate] of typeRates(p)) {
    const cap = anomalyType(t).cap;
    if (rate <= cap + 1e-12) continue;
    const own = (p.rates as Record<string, number | undefined>)[t] !== undefined;
    cx.report("SYN3002", `${t} at ${formatPercent(rate)} is more than its documents can carry (at most ${formatPercent(cap)})`, own ? at("rates", t) : at("rate"), own ? undefined : "lower rate, list more types, or give this type its own rate under rates { }");
  }
  for (const t of Object.keys(p.rates)) {
    if ((p.rates as Record<string, number | undefined>)[t] !== undefined && !p.types.includes(t)) cx.report("SYN3002", `rates names ${t}, which is not in types`, at("rates", t), `add ${t} to types`);
  }
}

export const anomaliesSpec = {
  id: "anomalies",
  title: "Anomaly injection",
  rank: 6,
  stage: "posting",
  params,
  needs: ["transactions"],
  after: ["master_data"],
  tables: ANOMALY_TABLES,
  steps: [
    { name: "users", stage: "setup", kind: "main" },
    // Inside the blocks that write these tables: the journal first, then the documents a chain anomaly touches.
    { name: "inject", stage: "posting", kind: "overlay", posts: ["journal_entries", "payments", "vendor_invoices", "purchase_orders", "document_references", "ap_open_items", "vendors", "employees", "employee_events", "payroll_lines"] },
  ],
  layout,
  // Ghost employees: hr pays the fictitious people this phase lends it (ghost-employees.ts).
  // Kickbacks: the transactions phase orders and prices the marked-up purchases this phase names (kickbacks.ts).
  provides: ["payroll_extras", "purchase_kickbacks"],
  checks: [checkRates],
} satisfies PhaseSpec<typeof params>;
