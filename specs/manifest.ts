// manifest.json at the output root: what a run wrote (every file with rows, bytes, sha256), for
// which plan, and how far it got. A complete manifest holds no timings, so equal runs give
// equal manifests; timings and scheduler adjustments go to run-report.json.
import { z } from "zod";

/** 3: `formats` records what the run was started with (a resume must use the same). */
export const MANIFEST_FORMAT_VERSION = 3;

export const ManifestFile = z.object({
  path: z.string(),
  table: z.string(),
  format: z.string(),
  rows: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string(),
});

export const ManifestPhase = z.object({
  id: z.string(),
  /** planned: the plan says so: this version of synth does not generate the phase yet. */
  status: z.enum(["complete", "partial", "pending", "skipped", "disabled", "planned"]),
  blocks: z.number().int().nonnegative(),
  completedBlocks: z.number().int().nonnegative(),
  reason: z.string().optional(),
});

export const Checkpoint = z.object({
  /** Position, in the run's sequence of steps, of the step in progress. */
  position: z.number().int().nonnegative(),
  /** Blocks of that step already written (a prefix of its range, in block order). */
  completedBlocks: z.number().int().nonnegative(),
  files: z.array(ManifestFile.omit({ sha256: true })),
  /** Folded run state at this point, relative to the output root. */
  state: z.string(),
});
export type Checkpoint = z.infer<typeof Checkpoint>;

export const Manifest = z.object({
  formatVersion: z.literal(MANIFEST_FORMAT_VERSION),
  generator: z.literal("synth"),
  planHash: z.string(),
  scenario: z.string(),
  /** The formats the run was started with, sorted: a resume must ask for exactly these. */
  formats: z.array(z.string()),
  status: z.enum(["running", "complete", "interrupted", "failed"]),
  phases: z.array(ManifestPhase),
  files: z.array(ManifestFile),
  checkpoint: Checkpoint.optional(),
  error: z.object({ kind: z.string(), message: z.string() }).optional(),
});
export type Manifest = z.infer<typeof Manifest>;
