// Standalone journal entries: a block of entries for one company and period, each a business
// event posted by its template (cash sales, expenses, payroll, reclassifications, ...).
import { AliasTable, Rng } from "../../core/rng.ts";
import { dayWeights, formatIso, resolveHolidayCalendar, type Period, type TemporalParams } from "../../core/calendar.ts";
import type { PlanPhase } from "../../specs/plan.ts";
import type { Segment as PlanSegment } from "../../specs/layout.ts";
import type { RowWriter } from "../../specs/records/table.ts";
import type { BlockRef, CompanyInfo, RunContext } from "../../ledger/context.ts";
import { writeDocument } from "../../ledger/journal.ts";
import { Lines } from "../../ledger/lines.ts";
import { vatRate } from "../../ledger/tax.ts";
import { BlockTotals } from "../../ledger/totals.ts";
import type { Deltas } from "../../ledger/state.ts";
import { costCenterId, masterParams } from "../master_data/index.ts";
import { amountModel, LineCountModel, sampleAmount, type AmountModel } from "./amounts.ts";
import { TEMPLATES, TEMPLATE_WEIGHTS, type PostingEnv } from "./templates.ts";
import { transactionsSpec } from "./spec.ts";
import { paramsOf } from "../../specs/phase.ts";

const SOURCES = ["manual", "automated", "recurring"] as const;

/** Per (company, period) constants a block needs; cached per thread. */
interface Segment {
  company: CompanyInfo;
  period: Period;
  dates: string[];
  days: AliasTable;
  amounts: AmountModel;
  costCenters: number;
  ccIds: string[];
  /** Document numbers of this company before the segment. */
  docOffset: number;
  /** "JE-<company>-": document ids are this prefix and a padded number. */
  jePrefix: string;
}

class TransactionsModel {
  readonly lineCounts: LineCountModel;
  readonly templates: AliasTable;
  readonly sources: AliasTable;
  private readonly segments = new Map<PlanSegment, Segment>();

  constructor(readonly cx: RunContext, readonly phase: PlanPhase) {
    const p = paramsOf(transactionsSpec, cx);
    this.lineCounts = new LineCountModel(p.line_items);
    this.sources = new AliasTable([p.sources.manual, p.sources.automated, p.sources.recurring]);
    // Payroll entries belong to whichever phase provides payroll postings (HR takes them over).
    const payroll = cx.provides("transactions", "payroll_postings");
    this.templates = new AliasTable(TEMPLATES.map((t, i) => (t.capability && !payroll ? 0 : TEMPLATE_WEIGHTS[i]!)));
  }

  segment(ref: BlockRef): Segment {
    let s = this.segments.get(ref.segment);
    if (!s) this.segments.set(ref.segment, (s = this.buildSegment(ref)));
    return s;
  }

  private buildSegment(ref: BlockRef): Segment {
    const { cx } = this;
    const p = paramsOf(transactionsSpec, cx);
    const md = masterParams(cx);
    const company = cx.companies[cx.companyIndex.get(ref.segment.company!)!]!;
    const period = cx.periods[ref.segment.period!]!;
    const temporal = p.temporal as TemporalParams;
    const weights = dayWeights(period, temporal, resolveHolidayCalendar(temporal.holidays, company.country));
    return {
      company,
      period,
      dates: Array.from({ length: period.days }, (_, d) => formatIso(period.firstDay + d)),
      days: new AliasTable(weights),
      amounts: amountModel(cx, company, p.amounts),
      costCenters: Math.max(1, md.cost_centers),
      ccIds: Array.from({ length: Math.max(1, md.cost_centers) }, (_, i) => costCenterId(company.code, i)),
      docOffset: docOffset(this.phase, ref.segment),
      jePrefix: `JE-${company.code}-`,
    };
  }
}

/** Units of the same company and kind in segments laid out before this one (for numbering). */
export function docOffset(phase: PlanPhase, seg: PlanSegment): number {
  let n = 0;
  for (const s of phase.layout.segments) {
    if (s === seg) return n;
    if (s.company === seg.company && s.table === seg.table) n += s.units;
  }
  return n;
}

const models = new WeakMap<PlanPhase, TransactionsModel>();

function modelFor(cx: RunContext, phase: PlanPhase): TransactionsModel {
  let m = models.get(phase);
  if (!m) models.set(phase, (m = new TransactionsModel(cx, phase)));
  return m;
}

export function standaloneBlock(cx: RunContext, phase: PlanPhase, ref: BlockRef, w: RowWriter): Deltas {
  const m = modelFor(cx, phase);
  const seg = m.segment(ref);
  const rng = Rng.forBlock(cx.seed, phase.id, ref.index);
  const blockTotals = new BlockTotals(cx);
  const totals = blockTotals.cell(seg.company.index, seg.period.index);
  const lines = new Lines();
  const code = seg.company.code;
  const users = paramsOf(transactionsSpec, cx).users;
  const env: PostingEnv = {
    rng,
    chart: cx.chart,
    taxRate: vatRate(seg.company),
    costCenters: seg.costCenters,
    parts: [],
  };
  const ccId = (i: number) => seg.ccIds[i]!;
  for (let i = 0; i < ref.units; i++) {
    const n = m.lineCounts.sample(rng);
    const template = TEMPLATES[m.templates.sample(rng)]!;
    const total = Math.max(n * seg.amounts.unit, Math.round(sampleAmount(seg.amounts, rng) * template.scale));
    const day = seg.days.sample(rng);
    const lag = rng.chance(0.6) ? 0 : rng.int(4);
    const source = SOURCES[m.sources.sample(rng)]!;
    lines.reset();
    template.build(env, lines, n, total);
    writeDocument(w, {
      company: seg.company,
      documentId: seg.jePrefix,
      documentSeq: seg.docOffset + ref.offset + i + 1,
      postingDate: seg.dates[day]!,
      documentDate: lag === 0 || day - lag < 0 ? seg.dates[day]! : seg.dates[day - lag]!,
      period: seg.period,
      docType: template.docType,
      source,
      event: template.event,
      postedBy: source === "manual" ? `U${code}-${String(rng.int(users) + 1).padStart(3, "0")}` : source === "automated" ? "SYS-IFACE" : "SYS-RECUR",
      text: template.text,
    }, lines, totals, ccId);
  }
  return blockTotals.pack();
}

/** Mean lines per entry of the plan's line-item distribution (for reports and the benchmark). */
export function meanLinesPerEntry(cx: RunContext): number {
  return new LineCountModel(paramsOf(transactionsSpec, cx).line_items).mean;
}
