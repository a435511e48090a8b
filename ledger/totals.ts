// What a block adds to the core slices of the run state, collected while it generates and
// packed into transferable deltas: ledger cells per (company, period) it touched, subledger
// amounts per (company, period, kind), and stock per (company, period, material). Document
// chains span periods (and companies, when intercompany), so a block may touch many cells.
import type { RunContext } from "./context.ts";
import type { Deltas } from "./state.ts";
import type { LedgerDelta, SubledgerDelta } from "./slices.ts";
import { stateTarget, type PostingTarget } from "./journal.ts";
import { STOCK, SUBLEDGER } from "./slices.ts";
import type { RunState } from "./state.ts";
import type { Account } from "./chart.ts";
import { COST_CENTERS, CostCenterCollector, keepsCostCenter, keepsCostCenters } from "./cost-centers.ts";

/** Everything a document flow posts to: the ledger and liquidity, subledger figures and stock. */
export interface Totals extends PostingTarget {
  subledger(company: number, period: number, kind: string, amount: number): void;
  movement(company: number, period: number, material: number, quantity: number, value: number, day: number): void;
}

/** Totals that go straight into the run state: for flows posted by main-thread steps. */
export function stateTotals(state: RunState): Totals {
  const target = stateTarget(state);
  const sub = state.get(SUBLEDGER);
  const stock = state.get(STOCK);
  return {
    ...target,
    subledger: (c, p, kind, amount) => amount !== 0 && sub.add(c, p, kind, amount),
    movement: (c, p, m, q, v, day) => stock.add(c, p, m, q, v, day),
  };
}

export class BlockTotals implements Totals {
  private readonly cells = new Map<number, Float64Array>();
  private readonly sub: number[] = [];
  private readonly kinds = new Map<string, number>();
  private readonly stock: number[] = [];
  private readonly liquidity: number[] = [];
  private readonly periods: number;
  private readonly width: number;
  /** Cost-center actuals, when the run keeps them (ledger/cost-centers.ts). */
  private readonly byCc: CostCenterCollector | undefined;

  constructor(cx: RunContext) {
    this.periods = cx.periods.length;
    this.width = cx.chart.accounts.length * 2;
    this.byCc = keepsCostCenters(cx) ? new CostCenterCollector(this.periods, cx.chart.accounts.length) : undefined;
    if (!this.byCc) this.costCenter = undefined;
  }

  costCenter?(company: number, period: number, account: Account, cc: number, net: number): void {
    if (keepsCostCenter(account, cc)) this.byCc!.add(company, period, account.index, cc, net);
  }

  /** The dense debit/credit cell of a company and period (debit at 2i, credit at 2i+1). */
  cell(company: number, period: number): Float64Array {
    const key = company * this.periods + period;
    let c = this.cells.get(key);
    if (!c) this.cells.set(key, (c = new Float64Array(this.width)));
    return c;
  }

  subledger(company: number, period: number, kind: string, amount: number): void {
    if (amount === 0) return;
    let k = this.kinds.get(kind);
    if (k === undefined) this.kinds.set(kind, (k = this.kinds.size));
    this.sub.push(company, period, k, amount);
  }

  liquid(company: number, day: number, slot: number, amount: number): void {
    if (amount !== 0) this.liquidity.push(company, day, slot, amount);
  }

  movement(company: number, period: number, material: number, quantity: number, value: number, day: number): void {
    this.stock.push(company, period, material, quantity, value, day);
  }

  pack(): Deltas {
    const ledger: LedgerDelta = [...this.cells].sort(([a], [b]) => a - b).map(([key, data]) => ({ company: Math.floor(key / this.periods), period: key % this.periods, data }));
    const subledger: SubledgerDelta = { kinds: [...this.kinds.keys()], values: Float64Array.from(this.sub) };
    const deltas: Deltas = { ledger, subledger, stock: Float64Array.from(this.stock), liquidity: Float64Array.from(this.liquidity) };
    if (this.byCc) deltas[COST_CENTERS.name] = this.byCc.pack();
    return deltas;
  }
}
