// What an entry mutation sees of its block: the documents, the company and period, its random
// stream, the approval threshold, per-event amount statistics, and a way to take further
// documents (the places a split transaction's parts or a duplicate take).
import type { Rng } from "../../core/rng.ts";
import type { Period } from "../../core/calendar.ts";
import { formatIso, parseIso, weekday } from "../../core/calendar.ts";
import { dlog } from "../../core/detmath.ts";
import { isBankDay, type CompanyInfo, type RunContext } from "../../ledger/context.ts";
import { approvalLimits } from "../../ledger/journal.ts";
import type { Doc, Row } from "./doc.ts";
import type { Quota } from "./plan.ts";

export interface EntryEnv {
  cx: RunContext;
  rng: Rng;
  company: CompanyInfo;
  period: Period;
  docs: Doc[];
  /** Posting users U<company>-001..users. */
  users: number;
  costCenters: number;
  threshold: number;
  /** The cluster of the anomaly being injected, and a stream keyed by it (same user, amount, day in every block of the cluster). */
  cluster: string;
  clusterRng(): Rng;
  /**
   * Takes a free document matching `pred` for the anomaly being injected: one that also matches
   * `like` first (an entry of the same kind, so the books lose what they gain), the nearest to `near`.
   */
  take(pred: (d: Doc) => boolean, near?: Doc, like?: (d: Doc) => boolean): Doc | undefined;
  /** Keeps a document unchanged for the anomaly (the original a duplicate copies). */
  reserve(d: Doc): void;
  stats: BlockStats;
  /** The quota being injected, and which of its anomalies (0-based): paired parts agree on it. */
  quota?: Quota;
  k: number;
}

/** What a mutation did: the documents it changed (labelled) and who else is involved; false: it could not. */
export type Outcome = { docs: Doc[]; related?: string[]; id?: string; scheme?: string; splitPeriod?: number } | false;

export interface EntryMutation {
  eligible(d: Doc, e: EntryEnv): boolean;
  /** Documents the mutation fits best (tried first): an approval fraud on an entry that needs approval already, not one raised to it. */
  prefer?(d: Doc, e: EntryEnv): boolean;
  apply(d: Doc, e: EntryEnv): Outcome;
}

export const userId = (company: string, i: number) => `U${company}-${String(i + 1).padStart(3, "0")}`;

/** The cluster's user: one person behind every anomaly of the cluster. */
export const clusterUser = (e: EntryEnv) => userId(e.company.code, e.clusterRng().int(e.users));

export const uniform = (e: EntryEnv, lo: number, hi: number) => lo + (hi - lo) * e.rng.next();

/** Raises a document's amount to at least the approval threshold (false when its amount cannot change). */
export function liftAboveThreshold(d: Doc, e: EntryEnv): boolean {
  if (d.total >= e.threshold) return true;
  if (!d.mutable) return false;
  d.setNet(Math.ceil((d.net * e.threshold * uniform(e, 1.02, 1.6)) / Math.max(1, d.total)));
  return d.total >= e.threshold;
}

/** Moves a document to another posting day (and document date) in `period`: fiscal fields follow. */
export function setPostingDay(d: Doc, period: Period, day: number, documentDay = day): void {
  d.set("posting_date", formatIso(day));
  d.set("document_date", formatIso(documentDay));
  d.set("fiscal_year", period.fiscalYear);
  d.set("fiscal_period", period.fiscalPeriod);
}

export const hasLiquid = (d: Doc) => d.rows.some((r) => d.account(r).liquid >= 0);

/** The day nearest after (then before) `from` in `period` that is a bank day when the document moves the bank, else a weekday. */
export function workingDay(e: EntryEnv, d: Doc, period: Period, from: number): number {
  const first = period.firstDay;
  const last = first + period.days - 1;
  const start = Math.min(last, Math.max(first, from));
  const good = (x: number) => (hasLiquid(d) ? isBankDay(e.company, x) : weekday(x) < 5);
  for (let x = start; x <= last; x++) if (good(x)) return x;
  for (let x = start - 1; x >= first; x--) if (good(x)) return x;
  return start;
}

export const dayOf = (r: Row, field = "posting_date") => parseIso(String(r[field]));

/** Per event: the nets of the block's mutable documents (medians, log mean and spread). */
export class BlockStats {
  private readonly byEvent = new Map<string, number[]>();
  private readonly cache = new Map<string, { median: number; mean: number; sd: number }>();
  constructor(docs: readonly Doc[]) {
    for (const d of docs) {
      if (!d.mutable) continue;
      const list = this.byEvent.get(d.event) ?? [];
      list.push(d.net);
      this.byEvent.set(d.event, list);
    }
  }

  of(event: string): { median: number; mean: number; sd: number } | undefined {
    let s = this.cache.get(event);
    if (s) return s;
    const list = this.byEvent.get(event);
    if (!list || list.length < 5) return undefined;
    const sorted = [...list].sort((a, b) => a - b);
    const logs = sorted.map((x) => dlog(Math.max(1, x)));
    const mean = logs.reduce((a, b) => a + b, 0) / logs.length;
    const sd = Math.sqrt(logs.reduce((a, b) => a + (b - mean) ** 2, 0) / logs.length);
    this.cache.set(event, (s = { median: sorted[Math.floor(sorted.length / 2)]!, mean, sd }));
    return s;
  }
}

/** The approval threshold of the company. */
export const thresholdOf = (c: CompanyInfo) => approvalLimits(c).threshold;
