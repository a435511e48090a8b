// Translation and consolidation. Each company's trial balance is translated into the group
// currency (assets and liabilities at the closing rate, opening equity at the opening day's
// rate, later equity and P&L at the average rate of the period they were posted in, year-end closing at the translated balances it clears), with
// the translation difference booked to the currency translation reserve, so the translated TB
// balances by construction. The group TB sums them and eliminates every intercompany balance,
// booking what does not match (FX) to consolidation differences.
import type { Period } from "../../core/calendar.ts";
import type { AccountRole } from "../../specs/accounts.ts";
import { minorDigits } from "../../specs/currencies.ts";
import { consolidatedTrialBalance, translatedTrialBalance } from "../../specs/records/group.ts";
import type { CompanyInfo, RunContext } from "../../ledger/context.ts";
import { fxOf } from "../../ledger/fx.ts";
import type { RowWriter } from "../../specs/records/table.ts";

const IC_ROLES: AccountRole[] = ["ic_receivable", "ic_payable", "ic_revenue", "ic_expense"];

export class Translation {
  private readonly reserve: number;
  private readonly scale: number;

  constructor(
    private readonly cx: RunContext,
    private readonly company: CompanyInfo,
    /** Equity and P&L accounts, accumulated at historical (period average) rates: carried from period to period. */
    private readonly running: Float64Array,
    /** The opening entry's equity balances by account index (debit positive), posted in the first period. */
    private readonly opening: ReadonlyMap<number, number> = new Map(),
  ) {
    this.reserve = cx.chart.one("fx_translation_reserve").index;
    this.scale = 10 ** (groupDigits(cx) - company.digits);
  }

  /**
   * Translates one period. `activity` is the period's net posting per account (debit positive),
   * `closing` the year-end closing entry's part of it (or undefined), `cumulative` the local
   * balances after the period. Returns the translated net balance per account.
   */
  period(p: Period, activity: Float64Array, closing: Float64Array | undefined, cumulative: Float64Array, w: RowWriter): Float64Array {
    const { cx, company } = this;
    const fx = fxOf(cx);
    const group = cx.plan.scenario.groupCurrency;
    const end = p.firstDay + p.days - 1;
    const closingRate = fx.rate(company.currency, group, end);
    const average = fx.average(company.currency, group, p.firstDay, end);
    const openingRate = fx.rate(company.currency, group, cx.periods[0]!.firstDay);
    const out = new Float64Array(cumulative.length);
    let sum = 0;
    for (const a of cx.chart.posting) {
      const i = a.index;
      if (a.type === "asset" || a.type === "liability") {
        out[i] = Math.round(cumulative[i]! * closingRate * this.scale);
      } else {
        // Opening equity is translated at the rate of the opening day (its historical rate as
        // far as the scenario knows); what the period adds, at the period's average rate.
        const opening = p.index === 0 ? this.opening.get(i) ?? 0 : 0;
        const ordinary = activity[i]! - (closing?.[i] ?? 0) - opening;
        this.running[i] = this.running[i]! + Math.round(ordinary * average * this.scale) + Math.round(opening * openingRate * this.scale);
        out[i] = this.running[i]!;
      }
      sum += out[i]!;
    }
    // Closing moves translated balances between accounts: the sum does not change.
    if (closing) this.closeYear(closing, out);
    // Whatever does not balance is the translation difference: to the reserve (equity).
    out[this.reserve] = out[this.reserve]! - sum;
    this.write(p, cumulative, out, w);
    return out;
  }

  /** Clears translated P&L at the balances it holds, into retained earnings. */
  private closeYear(closing: Float64Array, out: Float64Array): void {
    const re = this.cx.chart.one("retained_earnings").index;
    let moved = 0;
    for (const a of this.cx.chart.posting) {
      if (a.type !== "revenue" && a.type !== "expense") continue;
      if (closing[a.index] === 0 && this.running[a.index] === 0) continue;
      moved += this.running[a.index]!;
      this.running[a.index] = 0;
      out[a.index] = 0;
    }
    this.running[re] = this.running[re]! + moved;
    out[re] = this.running[re]!;
  }

  private write(p: Period, local: Float64Array, translated: Float64Array, w: RowWriter): void {
    const { cx, company } = this;
    const digits = groupDigits(cx);
    for (const a of cx.chart.posting) {
      const l = local[a.index]!;
      const g = translated[a.index]!;
      if (l === 0 && g === 0) continue;
      w.id(company.code);
      w.int(p.fiscalYear);
      w.int(p.fiscalPeriod);
      w.id(a.number);
      w.money(l, company.digits);
      w.id(a.index === this.reserve ? "derived" : a.type === "asset" || a.type === "liability" ? "closing" : "historical");
      w.money(g, digits);
      w.id(company.currency);
      w.id(cx.plan.scenario.groupCurrency);
      w.end();
    }
  }
}

function groupDigits(cx: RunContext): number {
  return cx.companies.find((c) => c.currency === cx.plan.scenario.groupCurrency)?.digits ?? minorDigits(cx.plan.scenario.groupCurrency);
}


/** Writes the group's trial balance of a period: the companies' translated balances, intercompany eliminated. */
export function writeConsolidated(cx: RunContext, p: Period, translated: Float64Array, w: RowWriter): void {
  const digits = groupDigits(cx);
  const ic = new Set(IC_ROLES.flatMap((r) => cx.chart.role(r).map((a) => a.index)));
  const difference = cx.chart.one("consolidation_difference").index;
  const elim = new Float64Array(translated.length);
  for (const i of ic) {
    elim[i] = -translated[i]!;
    elim[difference] = elim[difference]! + translated[i]!;
  }
  for (const a of cx.chart.posting) {
    const total = translated[a.index]! + elim[a.index]!;
    if (translated[a.index] === 0 && elim[a.index] === 0) continue;
    w.int(p.fiscalYear);
    w.int(p.fiscalPeriod);
    w.id(a.number);
    w.id(a.type);
    w.money(translated[a.index]!, digits);
    w.money(elim[a.index]!, digits);
    w.money(total > 0 ? total : 0, digits);
    w.money(total < 0 ? -total : 0, digits);
    w.id(cx.plan.scenario.groupCurrency);
    w.end();
  }
}

export { consolidatedTrialBalance, translatedTrialBalance };
