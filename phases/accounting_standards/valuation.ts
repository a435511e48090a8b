// The carrying amounts impairments leave, as state: per asset, each impairment's month, the
// carrying amount after it, the months of life left and the revised residual value. Later
// depreciation spreads the new carrying amount over the remaining life (straight line, exact in
// minor units); period_close asks for it through the asset_valuation capability, so its
// depreciation and its fixed-asset register follow the impaired carrying amount.
import type { AssetValuation } from "../../ledger/capabilities.ts";
import type { CompanyInfo, RunContext } from "../../ledger/context.ts";
import type { RunState, Slice } from "../../ledger/state.ts";
import { accumulatedAfter, assetsOf, monthsInService, type AssetView } from "../master_data/index.ts";

export interface Impaired {
  /** Month index (monthIndexOfDay) of the test: the loss is part of that month's carrying amount. */
  month: number;
  carrying: number;
  /** Months of useful life left after that month. */
  life: number;
  residual: number;
}

export interface ImpairmentState {
  /** Per company: asset index -> its impairments, oldest first. */
  assets: Record<string, Impaired[]>[];
  /** Per company and period: EBITDA of the period's business before its close (the cash flows tests project). */
  ebitda: number[][];
  /** Per company: tests so far (test and entry numbers). */
  tests: number[];
}

export const IMPAIRMENTS: Slice<ImpairmentState, never> = {
  name: "impairments",
  create: (cx) => ({ assets: cx.companies.map(() => ({})), ebitda: cx.companies.map(() => cx.periods.map(() => 0)), tests: cx.companies.map(() => 0) }),
  fold: () => {},
  // Only main steps change it, and shards run none: a shard's is always the initial one.
  add: () => {},
  toJSON: (s) => s,
  fromJSON: (_cx, json) => structuredClone(json as ImpairmentState),
};

/** Net book value by the register's straight line (cost before the asset is in service). */
export function standardNbv(a: AssetView, month: number): number {
  return a.cost - accumulatedAfter(a, monthsInService(a, month));
}

/** Net book value at the end of a month before an impairment of that month. */
function before(a: AssetView, list: Impaired[] | undefined, month: number): number {
  let last: Impaired | undefined;
  for (const r of list ?? []) if (r.month < month) last = r;
  if (!last) return standardNbv(a, month);
  if (last.life <= 0) return last.carrying;
  const elapsed = Math.min(month - last.month, last.life);
  return last.carrying - Math.floor(((last.carrying - last.residual) * elapsed) / last.life);
}

export function nbvAt(a: AssetView, list: Impaired[] | undefined, month: number): number {
  const at = list?.find((r) => r.month === month);
  return at ? at.carrying : before(a, list, month);
}

export function depreciationIn(a: AssetView, list: Impaired[] | undefined, month: number): number {
  if (!a.accumulated || a.lifeMonths <= 0) return 0;
  return nbvAt(a, list, month - 1) - before(a, list, month);
}

const listOf = (state: RunState, c: CompanyInfo, asset: number) => state.get(IMPAIRMENTS).assets[c.index]![asset];

export const assetValuation: AssetValuation = {
  depreciation: (cx: RunContext, state, c, asset, month) => depreciationIn(assetsOf(cx, c.index)[asset]!, listOf(state, c, asset), month),
  netBookValue: (cx: RunContext, state, c, asset, month) => nbvAt(assetsOf(cx, c.index)[asset]!, listOf(state, c, asset), month),
};
