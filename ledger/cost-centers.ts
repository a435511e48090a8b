// GL actuals per cost center: the net (debit - credit) of every P&L line that carries a cost
// center, per company, period, account and cost center. The ledger totals have no cost center
// dimension (most phases need none), so this slice is kept only when a running phase asks for
// it by providing the cost_center_actuals capability (ledger/capabilities.ts): then every
// posting target (block totals, the run state) adds to it, and nothing else changes.
import type { Account } from "./chart.ts";
import type { RunContext } from "./context.ts";
import type { Slice } from "./state.ts";

/** The capability that keeps these actuals (named here, re-exported by capabilities.ts, so the ledger has no import circle). */
export const COST_CENTER_ACTUALS = "cost_center_actuals";

/** Keys pack (account, cost center): cost center indices stay below this. */
const CC_SPAN = 1 << 20;

export class CostCenterTotals {
  /** [company][period] -> account index * CC_SPAN + cost center -> net (debit positive). */
  readonly cells: Map<number, number>[][];

  constructor(readonly companies: number, readonly periods: number) {
    this.cells = Array.from({ length: companies }, () => Array.from({ length: periods }, () => new Map<number, number>()));
  }

  add(company: number, period: number, account: number, cc: number, net: number): void {
    const m = this.cells[company]![period]!;
    const k = account * CC_SPAN + cc;
    m.set(k, (m.get(k) ?? 0) + net);
  }

  /** Net of an account on a cost center in a period (0 when nothing was posted). */
  get(company: number, period: number, account: number, cc: number): number {
    return this.cells[company]![period]!.get(account * CC_SPAN + cc) ?? 0;
  }

  /** Every (account index, cost center, net) of a company and period, in key order. */
  entries(company: number, period: number): [number, number, number][] {
    return [...this.cells[company]![period]!].sort((a, b) => a[0] - b[0]).map(([k, v]) => [Math.floor(k / CC_SPAN), k % CC_SPAN, v]);
  }
}

/** A block's delta: quintuples (company, period, account index, cost center, net). */
export type CostCenterDelta = Float64Array;

export const COST_CENTERS: Slice<CostCenterTotals, CostCenterDelta> = {
  name: "cost_centers",
  create: (cx) => new CostCenterTotals(cx.companies.length, cx.periods.length),
  fold: (s, d) => {
    for (let i = 0; i < d.length; i += 5) s.add(d[i]!, d[i + 1]!, d[i + 2]!, d[i + 3]!, d[i + 4]!);
  },
  add: (into, from) => {
    from.cells.forEach((byPeriod, c) => byPeriod.forEach((m, p) => m.forEach((v, k) => into.add(c, p, Math.floor(k / CC_SPAN), k % CC_SPAN, v))));
  },
  toJSON: (s) => s.cells.map((byPeriod) => byPeriod.map((m) => [...m].sort((a, b) => a[0] - b[0]))),
  fromJSON: (cx, json) => {
    const s = COST_CENTERS.create(cx);
    (json as [number, number][][][]).forEach((byPeriod, c) => byPeriod.forEach((pairs, p) => pairs.forEach(([k, v]) => s.cells[c]![p]!.set(k, v))));
    return s;
  },
  transferables: (d) => [d.buffer as ArrayBuffer],
};

/** Whether a line counts: P&L accounts with a cost center. */
export const keepsCostCenter = (a: Account, cc: number) => cc >= 0 && (a.type === "revenue" || a.type === "expense");

/** Sums of a block's lines by (company, period, account, cost center), packed as a delta. */
export class CostCenterCollector {
  private readonly sums = new Map<number, number>();
  private readonly width: number;

  constructor(private readonly periods: number, accounts: number) {
    this.width = accounts;
  }

  add(company: number, period: number, account: number, cc: number, net: number): void {
    const k = ((company * this.periods + period) * this.width + account) * CC_SPAN + cc;
    this.sums.set(k, (this.sums.get(k) ?? 0) + net);
  }

  pack(): CostCenterDelta {
    const out = new Float64Array(this.sums.size * 5);
    let i = 0;
    for (const [k, v] of [...this.sums].sort((a, b) => a[0] - b[0])) {
      const cc = k % CC_SPAN;
      const rest = (k - cc) / CC_SPAN;
      const account = rest % this.width;
      const cp = (rest - account) / this.width;
      out.set([Math.floor(cp / this.periods), cp % this.periods, account, cc, v], i);
      i += 5;
    }
    return out;
  }
}

/** Whether this run keeps cost-center actuals (a running phase provides the capability). */
export function keepsCostCenters(cx: RunContext): boolean {
  return cx.capability(COST_CENTER_ACTUALS) !== undefined;
}
