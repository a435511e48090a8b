// The statements of one entity (a company in its currency, or the group in the group currency)
// for one period or year, from its figures: the balance sheet from the balances, the income
// statement from the P&L movements, the cash flow statement by the indirect method from the
// movements of every account that is not cash (they add up to the change in cash because the
// trial balance balances), comprehensive income and the changes in equity from the equity
// components. Nothing is plugged: every line is a sum of accounts; the group's effect of
// exchange rates on cash is, by its definition, the change in cash the translated flows leave.
import type { Figures } from "./books.ts";
import { COMPONENTS, EQUITY_CHANGES, PNL_LINES, STATEMENT_LINES, type AccountMapping, type Component, type LineDef, type Mapping, type Statement } from "./lines.ts";

export type Lines = Map<string, number>;
export type StatementSet = Map<Statement, Lines>;

/** SOCE rows that carry movements (every row but the balances). */
export const MOVEMENT_ROWS = EQUITY_CHANGES.filter((l) => l.kind === "item" && l.code !== "opening_balance").map((l) => l.code);
export type Rows = Record<string, number[]>;

/** The non-controlling interests of the group: per component at the start and end, and their movements by row. */
export interface Nci {
  start: number[];
  end: number[];
  rows: Rows;
}

export interface Entity {
  group: boolean;
  mapping: Mapping;
}

const isPnl = (line: string) => (PNL_LINES as readonly string[]).includes(line);
const lineOf = (e: Entity, m: AccountMapping) => (e.group ? m.groupLine : m.line);
const componentOf = (e: Entity, m: AccountMapping) => (e.group ? m.groupComponent : m.component);

export function statementsOf(e: Entity, f: Figures, nci?: Nci): StatementSet {
  const bs = balanceSheet(e, f.end, nci?.end);
  const is = incomeStatement(e, f, nci);
  const out: StatementSet = new Map([
    ["balance_sheet", bs],
    ["income_statement", is],
    ["comprehensive_income", comprehensiveIncome(e, f, is, nci)],
    ["cash_flow", cashFlow(e, f)],
    ["equity_changes", equityChanges(e, f, nci)],
  ]);
  return out;
}

/** Sums the subtotals and totals of a statement's lines in their order (items are already set). */
function totals(e: Entity, statement: Statement, lines: Lines): Lines {
  for (const l of visible(e, statement)) {
    if (l.kind !== "item") lines.set(l.code, l.sum!.reduce((s, c) => s + (lines.get(c) ?? 0), 0));
    else if (!lines.has(l.code)) lines.set(l.code, 0);
  }
  return lines;
}

/** The lines an entity's statement shows: group-only lines in the consolidated statements only. */
export function visible(e: Entity, statement: Statement): LineDef[] {
  return STATEMENT_LINES[statement].filter((l) => e.group || l.scope !== "group");
}

function bump(lines: Lines, code: string, v: number): void {
  lines.set(code, (lines.get(code) ?? 0) + v);
}

export function balanceSheet(e: Entity, bal: Float64Array, nci?: number[]): Lines {
  const lines: Lines = new Map();
  for (const m of e.mapping.values()) {
    const line = lineOf(e, m);
    if (!isPnl(line)) bump(lines, line, (e.group ? m.groupSign : m.sign) * bal[m.account.index]!);
    // P&L not yet closed into retained earnings is part of it.
    else bump(lines, "retained_earnings", -bal[m.account.index]!);
  }
  if (nci) {
    COMPONENTS.forEach((c, k) => bump(lines, c, -nci[k]!));
    lines.set("non_controlling_interests", nci.reduce((s, v) => s + v, 0));
  }
  return totals(e, "balance_sheet", lines);
}

function incomeStatement(e: Entity, f: Figures, nci?: Nci): Lines {
  const lines: Lines = new Map();
  for (const m of e.mapping.values()) {
    const line = lineOf(e, m);
    if (isPnl(line)) bump(lines, line, -f.flow[m.account.index]!);
  }
  totals(e, "income_statement", lines);
  if (nci) {
    const share = nci.rows.profit_for_period!.reduce((s, v) => s + v, 0);
    lines.set("profit_attributable_to_nci", share);
    lines.set("profit_attributable_to_owners", lines.get("profit_for_period")! - share);
  }
  return lines;
}

function comprehensiveIncome(e: Entity, f: Figures, is: Lines, nci?: Nci): Lines {
  let oci = 0;
  for (const m of e.mapping.values()) {
    if (componentOf(e, m) === "translation_reserve") oci -= f.end[m.account.index]! - f.start[m.account.index]!;
  }
  const lines: Lines = new Map([["profit_for_period", is.get("profit_for_period")!], ["translation_differences", oci]]);
  totals(e, "comprehensive_income", lines);
  if (nci) {
    const share = [...nci.rows.profit_for_period!, ...nci.rows.translation_differences!].reduce((s, v) => s + v, 0);
    lines.set("tci_attributable_to_nci", share);
    lines.set("tci_attributable_to_owners", lines.get("total_comprehensive_income")! - share);
  }
  return lines;
}

/** Indirect method: each account that is not cash contributes minus its movement to its line. */
export function cashFlow(e: Entity, f: Figures): Lines {
  const lines: Lines = new Map();
  let cashStart = 0;
  let cashEnd = 0;
  let flows = 0;
  for (const m of e.mapping.values()) {
    const i = m.account.index;
    const line = e.group ? m.groupCashFlowLine : m.cashFlowLine;
    if (line === "") {
      cashStart += f.start[i]!;
      cashEnd += f.end[i]!;
      continue;
    }
    bump(lines, line, -f.flow[i]!);
    flows -= f.flow[i]!;
  }
  // Translated flows at average rates leave the change in cash the rates made: its definition (IAS 7.28).
  if (e.group) lines.set("fx_effect_on_cash", cashEnd - cashStart - flows);
  lines.set("cash_at_start", cashStart);
  return totals(e, "cash_flow", lines);
}

/** Which row an account's movements (flow) and its other changes (translation, closing) go to. */
function rowsOf(e: Entity, m: AccountMapping, c: Component): [flow: string, other: string] {
  const line = lineOf(e, m);
  if (e.group && line === "consolidation_differences") {
    // Intercompany accounts (eliminated here): results move to retained earnings at year end.
    const pnl = isPnl(m.line);
    return ["intercompany_eliminations", pnl ? "year_end_transfer" : "intercompany_eliminations"];
  }
  if (isPnl(line)) return ["profit_for_period", "year_end_transfer"];
  if (c === "retained_earnings") return ["dividends", "year_end_transfer"];
  if (c === "share_capital") return ["capital_changes", "other_movements"];
  if (c === "translation_reserve") return ["translation_differences", "translation_differences"];
  return ["other_movements", "other_movements"];
}

/** Equity changes per component (credit positive): opening, movements by row, closing. */
export function componentRows(e: Entity, f: Figures): { opening: number[]; closing: number[]; rows: Rows } {
  const opening = COMPONENTS.map(() => 0);
  const closing = COMPONENTS.map(() => 0);
  const rows: Rows = Object.fromEntries(MOVEMENT_ROWS.map((r) => [r, COMPONENTS.map(() => 0)]));
  for (const m of e.mapping.values()) {
    const c = componentOf(e, m);
    if (!c) continue;
    const k = COMPONENTS.indexOf(c);
    const i = m.account.index;
    const [flowRow, otherRow] = rowsOf(e, m, c);
    opening[k] = opening[k]! - f.start[i]!;
    closing[k] = closing[k]! - f.end[i]!;
    rows[flowRow]![k] = rows[flowRow]![k]! - f.flow[i]!;
    rows[otherRow]![k] = rows[otherRow]![k]! - (f.end[i]! - f.start[i]! - f.flow[i]!);
  }
  return { opening, closing, rows };
}

/** Keys of the statement of changes in equity: `<row>|<column>`. */
function equityChanges(e: Entity, f: Figures, nci?: Nci): Lines {
  const { opening, closing, rows } = componentRows(e, f);
  const lines: Lines = new Map();
  const columns = (row: string, totalByComponent: number[], nciByComponent?: number[]) => {
    let owners = 0;
    COMPONENTS.forEach((c, k) => {
      const own = totalByComponent[k]! - (nciByComponent?.[k] ?? 0);
      owners += own;
      if (e.group || c !== "consolidation_differences") lines.set(`${row}|${c}`, own);
    });
    const n = nciByComponent?.reduce((s, v) => s + v, 0) ?? 0;
    if (e.group) lines.set(`${row}|owners_total`, owners), lines.set(`${row}|non_controlling_interests`, n);
    lines.set(`${row}|total`, owners + n);
  };
  columns("opening_balance", opening, nci?.start);
  for (const r of MOVEMENT_ROWS) if (e.group || EQUITY_CHANGES.find((l) => l.code === r)!.scope !== "group") columns(r, rows[r]!, nci?.rows[r]);
  columns("closing_balance", closing, nci?.end);
  return lines;
}
