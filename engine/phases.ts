// The phases this runtime implements. The orchestrator looks a phase up here; a phase the plan
// runs but this table lacks is reported as not implemented yet, never silently dropped.
import type { PhaseId } from "../specs/phases.ts";
import type { TableSpec } from "../specs/records/table.ts";
import type { BlockPhaseImpl, PhaseImpl } from "../phases/api.ts";
import { initializePhase } from "../phases/initialize/generate.ts";
import { masterDataPhase } from "../phases/master_data/blocks.ts";
import { openingBalancesPhase } from "../phases/opening_balances/sheet.ts";
import { transactionsPhase } from "../phases/transactions/blocks.ts";
import { periodClosePhase } from "../phases/period_close/close.ts";
import { exportPhase } from "../phases/export/dictionary.ts";

export const PHASE_IMPLS: Partial<Record<PhaseId, PhaseImpl>> = {
  initialize: initializePhase,
  master_data: masterDataPhase,
  opening_balances: openingBalancesPhase,
  transactions: transactionsPhase,
  period_close: periodClosePhase,
  export: exportPhase,
};

export function blockPhase(id: PhaseId): BlockPhaseImpl {
  const impl = PHASE_IMPLS[id];
  if (!impl || impl.kind !== "blocks") throw new Error(`internal: ${id} is not a block phase`);
  return impl;
}

/** Every table any implemented phase can write, by name. */
export function tableSpecs(): Map<string, TableSpec> {
  const m = new Map<string, TableSpec>();
  for (const impl of Object.values(PHASE_IMPLS)) for (const t of impl!.tables) m.set(t.name, t);
  return m;
}
