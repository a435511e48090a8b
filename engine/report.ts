// run-report.json: how the run went (timings, throughput, memory, scheduler adjustments). Kept
// apart from the manifest because it differs between equal runs.
import type { Plan } from "../specs/plan.ts";
import type { RunContext } from "../ledger/context.ts";
import type { RunState } from "../ledger/state.ts";
import type { Adjustment, MemoryGovernor } from "./memory.ts";
import type { Modules } from "./modules.ts";

export interface RunReport {
  planHash: string;
  /** How the run ended; a failed or interrupted run writes its report too. */
  status: "complete" | "failed" | "interrupted";
  error?: { kind: string; message: string };
  workers: number;
  formats: string[];
  elapsedMs: number;
  phases: { id: string; ms: number; units: number; unitsPerSecond: number }[];
  /** Figures a running phase reports about its data, by phase id (transactions: meanLinesPerEntry). */
  figures: Record<string, Record<string, unknown>>;
  memory: { softLimit: number; hardLimit: number; peakRss: number; peakMainHeap: number; workerHeap: number };
  adjustments: Adjustment[];
}

export function buildReport(r: {
  status: RunReport["status"];
  error?: RunReport["error"];
  plan: Plan;
  cx: RunContext;
  /** The final run state; undefined for a shard (it runs no main steps). */
  state: RunState | undefined;
  modules: Modules;
  workers: number;
  formats: string[];
  elapsedMs: number;
  phases: { id: string; ms: number; units: number }[];
  governor: MemoryGovernor;
  workerHeap: number;
}): RunReport {
  const running = r.plan.phases.filter((p) => p.status === "run");
  const figures = Object.fromEntries(running.flatMap((p) => {
    const report = r.modules.get(p.id)?.report;
    return report ? [[p.id, figuresOf(() => report(r.cx, r.state), r.status)]] : [];
  }));
  return {
    planHash: r.plan.planHash,
    status: r.status,
    error: r.error,
    workers: r.workers,
    formats: r.formats,
    elapsedMs: Math.round(r.elapsedMs),
    phases: r.phases.map((p) => ({ ...p, ms: Math.round(p.ms), unitsPerSecond: Math.round(p.units / Math.max(p.ms / 1000, 1e-3)) })),
    figures,
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

/** A phase's figures; after a failure its state may be incomplete, so a failing report is left out. */
function figuresOf(report: () => Record<string, unknown>, status: RunReport["status"]): Record<string, unknown> {
  if (status === "complete") return report();
  try {
    return report();
  } catch {
    return {};
  }
}
