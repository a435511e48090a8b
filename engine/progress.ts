// Progress: current / total / percent / phase / rate / elapsed / ETA. A live ora bar on a TTY,
// plain lines when not, JSON lines for machines, or nothing. Timing uses performance.now()
// and never reaches the generated data.
import kleur from "kleur";
import ora, { type Ora } from "ora";

/**
 * Overall progress counts blocks, one unit for the whole run (a main-thread step counts as one
 * block); the current phase's own count is beside it in the phase's unit (entries, records,
 * periods), never mixed into the overall figure.
 */
export interface Progress {
  phase: string;
  phaseTitle: string;
  /** Blocks done / total over all phases of this run; percent and ETA follow them. */
  current: number;
  total: number;
  percent: number;
  /** The current phase's units done / total in this run, in `unit`. */
  phaseCurrent: number;
  phaseTotal: number;
  /** Units of the current phase per second (entries/s in transactions). */
  rate: number;
  unit: string;
  elapsedMs: number;
  etaMs: number | null;
  paused: boolean;
}

export type ProgressMode = "auto" | "bar" | "plain" | "json" | "none";

export interface ProgressView {
  update(p: Progress): void;
  /** A one-off line (phase skipped, resumed from block N, ...). */
  note(message: string): void;
  finish(summary: string): void;
  fail(message: string): void;
}

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, "0")}m`;
}

function compact(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  if (n >= 1e4) return `${(n / 1e3).toFixed(0)}k`;
  return String(Math.round(n));
}

export function describe(p: Progress): string {
  const bar = barOf(p.percent, 20);
  const eta = p.etaMs === null ? "--" : formatDuration(p.etaMs);
  const state = p.paused ? kleur.yellow(" PAUSED") : "";
  const overall = `${bar} ${p.percent.toFixed(1).padStart(5)}% ${compact(p.current)}/${compact(p.total)} blocks`;
  const phase = `${p.phaseTitle} ${compact(p.phaseCurrent)}/${compact(p.phaseTotal)} ${p.unit} · ${compact(p.rate)} ${p.unit}/s`;
  return `${overall} · ${phase} · ${formatDuration(p.elapsedMs)} elapsed · ETA ${eta}${state}`;
}

function barOf(percent: number, width: number): string {
  const filled = Math.max(0, Math.min(width, Math.round((percent / 100) * width)));
  return "[" + "#".repeat(filled) + "-".repeat(width - filled) + "]";
}

class BarView implements ProgressView {
  private readonly spinner: Ora;
  constructor(stream: NodeJS.WriteStream) {
    this.spinner = ora({ stream, text: "starting", discardStdin: false }).start();
  }
  update(p: Progress): void {
    // One line, never wrapped: a wrapped line makes the bar redraw upwards on every update.
    const width = Math.max(20, (process.stderr.columns ?? 80) - 3);
    const text = describe(p);
    this.spinner.text = text.length > width ? text.slice(0, width - 1) + "…" : text;
  }
  note(message: string): void {
    const text = this.spinner.text;
    this.spinner.stopAndPersist({ symbol: kleur.dim("·"), text: message });
    this.spinner.start(text);
  }
  finish(summary: string): void {
    this.spinner.succeed(summary);
  }
  fail(message: string): void {
    this.spinner.fail(message);
  }
}

class PlainView implements ProgressView {
  private last = -Infinity;
  private paused = false;
  constructor(
    private readonly out: (line: string) => void,
    private readonly everyMs = 2000,
  ) {}
  update(p: Progress): void {
    const now = performance.now();
    // A pause or resume is always shown at once; otherwise one line per interval.
    if (now - this.last < this.everyMs && p.current < p.total && p.paused === this.paused) return;
    this.last = now;
    this.paused = p.paused;
    this.out(describe(p));
  }
  note(message: string): void {
    this.out(message);
  }
  finish(summary: string): void {
    this.out(summary);
  }
  fail(message: string): void {
    this.out(message);
  }
}

class JsonView implements ProgressView {
  private last = -Infinity;
  private paused = false;
  constructor(private readonly out: (line: string) => void) {}
  update(p: Progress): void {
    const now = performance.now();
    if (now - this.last < 500 && p.current < p.total && p.paused === this.paused) return;
    this.last = now;
    this.paused = p.paused;
    this.out(JSON.stringify({ event: "progress", ...p }));
  }
  note(message: string): void {
    this.out(JSON.stringify({ event: "note", message }));
  }
  finish(summary: string): void {
    this.out(JSON.stringify({ event: "done", message: summary }));
  }
  fail(message: string): void {
    this.out(JSON.stringify({ event: "failed", message }));
  }
}

class SilentView implements ProgressView {
  update(): void {}
  note(): void {}
  finish(): void {}
  fail(): void {}
}

/**
 * The view for a mode. Everything goes to `stream` (stderr: stdout stays for data), the bar as
 * it redraws, plain and JSON lines through `write` (default: the stream).
 */
export function makeView(mode: ProgressMode, stream: NodeJS.WriteStream = process.stderr, write: (text: string) => void = (t) => void stream.write(t)): ProgressView {
  const line = (s: string) => write(s + "\n");
  if (mode === "none") return new SilentView();
  if (mode === "json") return new JsonView(line);
  // A terminal that reports no width (some pseudo-terminals) would make ora redraw forever.
  const sized = stream.isTTY === true && (stream.columns ?? 0) > 0;
  if (sized && (mode === "bar" || (mode === "auto" && !process.env.CI))) return new BarView(stream);
  return new PlainView(line);
}

/** Turns block and unit counts into Progress values (rate of the current phase, overall ETA). */
export class ProgressTracker {
  private readonly started = performance.now();
  private phaseStarted = performance.now();
  /** Units of the current phase done since it was entered (its rate). */
  private sinceEnter = 0;
  current = 0;
  phase = "";
  phaseTitle = "";
  unit = "units";
  phaseCurrent = 0;
  phaseTotal = 0;

  /** `total`: blocks of the whole run. */
  constructor(readonly total: number) {}

  /** A phase begins (or continues in the next period) with `done` of its `total` units behind it. */
  enter(phase: string, title: string, unit: string, total = 0, done = 0): void {
    this.phase = phase;
    this.phaseTitle = title;
    this.unit = unit;
    this.phaseTotal = total;
    this.phaseCurrent = done;
    this.phaseStarted = performance.now();
    this.sinceEnter = 0;
  }

  /** `blocks` of the run and `units` of the current phase are done. */
  add(blocks: number, units: number): void {
    this.current += blocks;
    this.phaseCurrent += units;
    this.sinceEnter += units;
  }

  snapshot(paused: boolean): Progress {
    const now = performance.now();
    const elapsedMs = now - this.started;
    const phaseSecs = (now - this.phaseStarted) / 1000;
    const overallRate = this.current / Math.max(elapsedMs / 1000, 1e-3);
    const remaining = Math.max(0, this.total - this.current);
    return {
      phase: this.phase,
      phaseTitle: this.phaseTitle,
      current: this.current,
      total: this.total,
      percent: this.total ? (100 * this.current) / this.total : 100,
      phaseCurrent: this.phaseCurrent,
      phaseTotal: this.phaseTotal,
      rate: this.sinceEnter / Math.max(phaseSecs, 1e-3),
      unit: this.unit,
      elapsedMs,
      etaMs: this.current > 0 ? (remaining / overallRate) * 1000 : null,
      paused,
    };
  }
}
