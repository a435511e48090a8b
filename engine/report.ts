// run-report.json: how the run went (timings, throughput, memory, scheduler adjustments). Kept
// apart from the manifest because it differs between equal runs.
import type { Plan } from "../specs/plan.ts";
import type { RunContext } from "../ledger/context.ts";
import type { Adjustment, MemoryGovernor } from "./memory.ts";
import { meanLinesPerEntry } from "../ledger/journal.ts";

export interface RunReport {
  planHash: string;
  workers: number;
  formats: string[];
  elapsedMs: number;
  phases: { id: string; ms: number; units: number; unitsPerSecond: number }[];
  meanLinesPerEntry: number | null;
  memory: { softLimit: number; hardLimit: number; peakRss: number; peakMainHeap: number; workerHeap: number };
  adjustments: Adjustment[];
}

export function buildReport(r: {
  plan: Plan;
  cx: RunContext;
  workers: number;
  formats: string[];
  elapsedMs: number;
  phases: { id: string; ms: number; units: number }[];
  governor: MemoryGovernor;
  workerHeap: number;
}): RunReport {
  const tx = r.plan.phases.find((p) => p.id === "transactions");
  return {
    planHash: r.plan.planHash,
    workers: r.workers,
    formats: r.formats,
    elapsedMs: Math.round(r.elapsedMs),
    phases: r.phases.map((p) => ({ ...p, ms: Math.round(p.ms), unitsPerSecond: Math.round(p.units / Math.max(p.ms / 1000, 1e-3)) })),
    meanLinesPerEntry: tx?.status === "run" ? Number(meanLinesPerEntry(r.cx).toFixed(3)) : null,
    memory: {
      softLimit: r.governor.limits.soft,
      hardLimit: r.governor.limits.hard,
      peakRss: r.governor.peakRss,
      peakMainHeap: r.governor.peakMainHeap,
      workerHeap: r.workerHeap,
    },
    adjustments: r.governor.adjustments,
  };
}
