// The rows of impairment_tests: a unit's test (a CGU or an idle asset) and, when a unit's loss
// is booked, each asset's share of it.
import { formatIso } from "../../core/calendar.ts";
import type { CompanyInfo, RunContext } from "../../ledger/context.ts";
import type { RowWriter } from "../../specs/records/table.ts";

export interface TestRow {
  unit: "cgu" | "asset";
  unitId: string;
  trigger: "annual_review" | "sustained_losses" | "idle_assets" | "allocation";
  carrying: number;
  base?: number;
  growth?: number;
  rate?: number;
  viu?: number;
  flows?: number;
  recoverableByFlows?: boolean;
  fair: number;
  costs: number;
  recoverable: number;
  loss: number;
  after: number;
  journal?: string;
}

const RATE_DIGITS = 8;

export function writeTest(w: RowWriter, cx: RunContext, c: CompanyInfo, period: number, testId: string, standard: string, r: TestRow, cgu: string): void {
  const p = cx.periods[period]!;
  const money = (v: number | undefined) => (v === undefined ? w.empty() : w.money(v, c.digits));
  const rate = (v: number | undefined) => (v === undefined ? w.empty() : w.decimal(v.toFixed(RATE_DIGITS)));
  w.id(c.code);
  w.id(testId);
  w.date(formatIso(p.firstDay + p.days - 1));
  w.int(p.fiscalYear);
  w.int(p.fiscalPeriod);
  w.id(standard);
  w.id(r.unit);
  w.id(r.unitId);
  w.id(cgu);
  w.id(r.trigger);
  w.money(r.carrying, c.digits);
  money(r.base);
  rate(r.growth);
  rate(r.rate);
  money(r.viu);
  money(r.flows);
  if (r.recoverableByFlows === undefined) w.empty();
  else w.bool(r.recoverableByFlows);
  w.money(r.fair, c.digits);
  w.money(r.costs, c.digits);
  w.money(r.recoverable, c.digits);
  w.money(r.loss, c.digits);
  w.money(r.after, c.digits);
  if (r.journal) w.id(r.journal);
  else w.empty();
  w.id(c.currency);
  w.end();
}
