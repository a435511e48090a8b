// Procure-to-pay anomalies (placeholder while the entry types are built).
import type { OverlayContext } from "../api.ts";
import type { CompanyInfo, RunContext } from "../../ledger/context.ts";
import type { Rng } from "../../core/rng.ts";
import type { Doc } from "./doc.ts";
import type { Injected } from "./inject-entries.ts";
import type { Quota } from "./plan.ts";

export interface ChainState {
  injected: Injected[];
  schemeStart(scheme: string): number | undefined;
}

export function chainJournal(_cx: RunContext, _at: OverlayContext, _docs: Doc[], quotas: Quota[], _c: CompanyInfo, _rng: Rng, short: (q: Quota, n: number) => void): ChainState {
  for (const q of quotas) short(q, q.count);
  return { injected: [], schemeStart: () => undefined };
}

export function chainTable(_cx: RunContext, _at: OverlayContext, _s: ChainState): void {}
