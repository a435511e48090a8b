// The statements of every period after its close: each company's in its own currency, then the
// group's in the group currency (the companies translated as period_close translates them,
// intercompany eliminated, non-controlling interests carved out of each equity component),
// monthly and, at each fiscal year end, for the year; with the previous month's or year's
// figures as comparatives.
import { formatIso, type Period } from "../../core/calendar.ts";
import type { CompanyInfo, RunContext } from "../../ledger/context.ts";
import type { RunState } from "../../ledger/state.ts";
import type { TableOut } from "../../specs/records/table.ts";
import { paramsOf } from "../../specs/phase.ts";
import { add, groupDigits, localFigures, ratesOf, translatedEnd, translatedFlow, translatedOpening, type Figures } from "./books.ts";
import { accountMapping, COMPANY_COLUMNS, COMPONENTS, GROUP_COLUMNS, type Mapping, type Statement } from "./lines.ts";
import { balanceSheet, componentRows, MOVEMENT_ROWS, statementsOf, visible, type Entity, type Nci, type Rows, type StatementSet } from "./statements.ts";
import { financialReportingSpec, type FinancialReportingParams } from "./spec.ts";
import { REPORTING, type Carry, type GroupCarry } from "./state.ts";
import { financialStatements } from "./tables.ts";

const mappings = new WeakMap<RunContext, Mapping>();

/** The scenario's account-to-line mapping (the chart with the phase's overrides). */
export function mappingOf(cx: RunContext): Mapping {
  let m = mappings.get(cx);
  if (!m) mappings.set(cx, (m = accountMapping(cx.chart, paramsOf(financialReportingSpec, cx).account)));
  return m;
}

interface Target {
  e: Entity;
  scope: "company" | "group";
  entity: string;
  currency: string;
  digits: number;
}

/** A company's translated figures: the month's, the year's so far, and its equity movements (for the NCI). */
interface Part {
  c: CompanyInfo;
  month: Figures;
  year: Figures;
  rows: Rows;
  opening: number[];
}

export function statementsReport(cx: RunContext, state: RunState, out: TableOut, p: Period): void {
  const params = paramsOf(financialReportingSpec, cx);
  const s = state.get(REPORTING);
  const mapping = mappingOf(cx);
  const yearFirst = p.fiscalPeriod === 1 || p.index === 0;
  const parts: Part[] = [];
  for (const c of cx.companies) {
    const month = localFigures(cx, state, c, p);
    const carry = s.local[c.index]!;
    const year = roll(carry, month, yearFirst);
    emit(cx, out, params, { e: { group: false, mapping }, scope: "company", entity: c.code, currency: c.currency, digits: c.digits }, p, month, year, carry);
    if (params.consolidated) parts.push(translate(cx, state, c, p, month.flow, yearFirst));
  }
  if (params.consolidated) consolidate(cx, state, out, params, p, parts, yearFirst);
}

function consolidate(cx: RunContext, state: RunState, out: TableOut, params: FinancialReportingParams, p: Period, parts: Part[], yearFirst: boolean): void {
  const s = state.get(REPORTING);
  const n = cx.chart.accounts.length;
  const sum = (pick: (x: Part) => Figures): Figures => {
    const f: Figures = { start: new Float64Array(n), end: new Float64Array(n), flow: new Float64Array(n) };
    for (const x of parts) add(f.start, pick(x).start), add(f.end, pick(x).end), add(f.flow, pick(x).flow);
    return f;
  };
  const g = (s.group ??= { prevMonth: {}, prevYear: {}, yearStart: [], ytd: [], nci: nciOpening(parts), nciYearStart: [], nciYtd: {} });
  const nci = nciOf(g, parts);
  if (yearFirst) g.nciYearStart = g.nci, g.nciYtd = Object.fromEntries(MOVEMENT_ROWS.map((r) => [r, COMPONENTS.map(() => 0)]));
  for (const r of MOVEMENT_ROWS) g.nciYtd[r] = g.nciYtd[r]!.map((v, k) => v + nci.rows[r]![k]!);
  const target: Target = { e: { group: true, mapping: mappingOf(cx) }, scope: "group", entity: "GROUP", currency: cx.plan.scenario.groupCurrency, digits: groupDigits(cx) };
  emit(cx, out, params, target, p, sum((x) => x.month), sum((x) => x.year), g, nci, { start: g.nciYearStart, end: nci.end, rows: g.nciYtd });
  g.nci = nci.end;
}

/** Starts the year at its first period, adds the month: the year's figures so far. */
function roll(carry: Carry, month: Figures, yearFirst: boolean): Figures {
  if (yearFirst) carry.yearStart = Array.from(month.start), carry.ytd = new Array(month.flow.length).fill(0);
  carry.ytd = carry.ytd.map((v, i) => v + month.flow[i]!);
  return { start: Float64Array.from(carry.yearStart), end: month.end, flow: Float64Array.from(carry.ytd) };
}

/** A company's figures in the group currency; its carry holds last period's translated balances. */
function translate(cx: RunContext, state: RunState, c: CompanyInfo, p: Period, flow: Float64Array, yearFirst: boolean): Part {
  const carry = state.get(REPORTING).translated[c.index]!;
  const rates = ratesOf(cx, c, p);
  const month: Figures = { start: p.index === 0 ? translatedOpening(cx, c) : Float64Array.from(carry.prev), end: translatedEnd(cx, state, c, rates), flow: translatedFlow(flow, rates) };
  const year = roll(carry, month, yearFirst);
  carry.prev = Array.from(month.end);
  const own = componentRows({ group: false, mapping: mappingOf(cx) }, month);
  return { c, month, year, rows: own.rows, opening: own.opening };
}

/** The NCI's share of each component when the scenario starts: (1 - ownership) of the subsidiary's opening equity. */
function nciOpening(parts: Part[]): number[] {
  return COMPONENTS.map((_, k) => parts.reduce((s, x) => s + Math.round((1 - x.c.ownership) * x.opening[k]!), 0));
}

/** The NCI's movements of the month: its share of each subsidiary's profit, OCI, dividends, capital and other movements. */
function nciOf(g: GroupCarry, parts: Part[]): Nci {
  const share = (r: string, k: number) => parts.reduce((s, x) => s + (x.c.ownership === 1 ? 0 : Math.round((1 - x.c.ownership) * x.rows[r]![k]!)), 0);
  const rows: Rows = Object.fromEntries(MOVEMENT_ROWS.map((r) => [r, COMPONENTS.map((_, k) => share(r, k))]));
  const end = COMPONENTS.map((_, k) => g.nci[k]! + MOVEMENT_ROWS.reduce((s, r) => s + rows[r]![k]!, 0));
  return { start: g.nci, end, rows };
}

/** Writes the month's statements and, at a fiscal year end, the year's; keeps them as the next comparatives. */
function emit(cx: RunContext, out: TableOut, params: FinancialReportingParams, t: Target, p: Period, month: Figures, year: Figures, carry: Carry, nci?: Nci, nciYear?: Nci): void {
  if (params.monthly) {
    const prior = p.index === 0 ? undefined : carry.prevMonth;
    carry.prevMonth = write(out, params, t, "month", p.firstDay, p, statementsOf(t.e, month, nci), balanceSheet(t.e, month.start, nci?.start), prior);
  }
  if (params.yearly && p.isYearEnd) {
    const first = cx.periods.find((q) => q.fiscalYear === p.fiscalYear)!.firstDay;
    const prior = Object.keys(carry.prevYear).length > 0 ? carry.prevYear : undefined;
    carry.prevYear = write(out, params, t, "year", first, p, statementsOf(t.e, year, nciYear), balanceSheet(t.e, year.start, nciYear?.start), prior);
  }
}

function write(out: TableOut, params: FinancialReportingParams, t: Target, type: "month" | "year", first: number, p: Period, set: StatementSet, openingBs: Map<string, number>, prior: Record<string, number> | undefined): Record<string, number> {
  const w = out.table(financialStatements);
  const kept: Record<string, number> = {};
  for (const statement of params.statements as Statement[]) {
    const lines = set.get(statement)!;
    let order = 0;
    for (const def of visible(t.e, statement)) {
      const columns = statement === "equity_changes" ? (t.e.group ? GROUP_COLUMNS : COMPANY_COLUMNS) : [undefined];
      for (const column of columns) {
        const key = column ? `${def.code}|${column}` : def.code;
        const amount = lines.get(key) ?? 0;
        const before = statement === "balance_sheet" ? openingBs.get(key) : prior?.[`${statement}|${key}`];
        kept[`${statement}|${key}`] = amount;
        w.id(t.scope); w.id(t.entity); w.id(statement); w.id(type); w.int(p.fiscalYear); w.int(p.fiscalPeriod);
        w.date(formatIso(first)); w.date(formatIso(p.firstDay + p.days - 1));
        w.int(++order); w.id(def.code); w.text(def.name); w.id(def.kind);
        if (column) w.id(column); else w.empty();
        w.money(amount, t.digits);
        if (before === undefined) w.empty(); else w.money(before, t.digits);
        w.id(t.currency);
        w.end();
      }
    }
  }
  return kept;
}
