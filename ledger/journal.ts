// Journal entries: writing a balanced document's lines (shared by opening, transactions and
// close), and the transactions phase itself — a block of entries for one company and period.
import { AliasTable, Rng } from "../core/rng.ts";
import { dayWeights, formatIso, resolveHolidayCalendar, type Period, type TemporalParams } from "../core/calendar.ts";
import type { PlanPhase, Segment as PlanSegment } from "../specs/plan.ts";
import type { BlockRef, CompanyInfo, RunContext } from "./context.ts";
import type { RowWriter } from "../output/writers.ts";
import { amountModel, LineCountModel, sampleAmount, type AmountModel } from "./amounts.ts";
import { Lines, TEMPLATES, TEMPLATE_WEIGHTS, vatRate, type PostingEnv } from "./postings.ts";
import { costCenterId } from "../phases/master_data/generate.ts";
import { BlockTotals, type PackedTotals } from "./totals.ts";

export interface DocHeader {
  company: CompanyInfo;
  documentId: string;
  postingDate: string;
  documentDate: string;
  period: Period;
  docType: string;
  source: string;
  event: string;
  postedBy: string;
  text: string;
  /** Foreign document currency, its digits and the published rate; absent: the company's own. */
  fx?: { currency: string; digits: number; rate: string };
  sourceId?: string;
  sourceType?: string;
  /** When set, documentId is a prefix and the id is prefix + this number padded to 9 digits. */
  documentSeq?: number;
}

/**
 * Writes a document's lines and adds them to `totals` (debit at 2i, credit at 2i+1 by account
 * index). Throws if the document does not balance: an unbalanced entry is a generator bug.
 */
export function writeDocument(w: RowWriter, h: DocHeader, lines: Lines, totals: Float64Array, ccIds: (i: number) => string): void {
  let dr = 0;
  let cr = 0;
  const c = h.company;
  const fy = h.period.fiscalYear;
  const fp = h.period.fiscalPeriod;
  for (let i = 0; i < lines.n; i++) {
    const a = lines.account[i]!;
    const d = lines.debit[i]!;
    const k = lines.credit[i]!;
    dr += d;
    cr += k;
    totals[a.index * 2] = totals[a.index * 2]! + d;
    totals[a.index * 2 + 1] = totals[a.index * 2 + 1]! + k;
    w.id(c.code);
    if (h.documentSeq === undefined) w.id(h.documentId);
    else w.padded(h.documentId, h.documentSeq, 9);
    w.int(i + 1);
    w.date(h.postingDate);
    w.date(h.documentDate);
    w.int(fy);
    w.int(fp);
    w.id(a.number);
    w.money(d, c.digits);
    w.money(k, c.digits);
    w.id(c.currency);
    w.id(h.docType);
    w.id(h.source);
    w.id(h.event);
    w.id(h.postedBy);
    const cc = lines.costCenter[i]!;
    if (cc >= 0) w.id(ccIds(cc));
    else w.empty();
    const p = lines.partner[i]!;
    if (p) w.id(p);
    else w.empty();
    w.text(h.text);
    if (h.fx) {
      w.id(h.fx.currency);
      w.money(lines.docAmount[i]! >= 0 ? lines.docAmount[i]! : d + k, h.fx.digits);
      w.decimal(h.fx.rate);
    } else {
      w.id(c.currency);
      w.money(d + k, c.digits);
      w.decimal("1");
    }
    if (h.sourceId) {
      w.id(h.sourceId);
      w.id(h.sourceType!);
    } else {
      w.empty();
      w.empty();
    }
    w.end();
  }
  if (dr !== cr) throw new Error(`internal: document ${h.documentId}${h.documentSeq ?? ""} does not balance (${dr} != ${cr})`);
}

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
  readonly templates = new AliasTable(TEMPLATE_WEIGHTS);
  readonly sources: AliasTable;
  private readonly segments = new Map<PlanSegment, Segment>();

  constructor(readonly cx: RunContext, readonly phase: PlanPhase) {
    const p = cx.params("transactions");
    this.lineCounts = new LineCountModel(p.line_items);
    this.sources = new AliasTable([p.sources.manual, p.sources.automated, p.sources.recurring]);
  }

  segment(ref: BlockRef): Segment {
    let s = this.segments.get(ref.segment);
    if (!s) this.segments.set(ref.segment, (s = this.buildSegment(ref)));
    return s;
  }

  private buildSegment(ref: BlockRef): Segment {
    const { cx } = this;
    const p = cx.params("transactions");
    const md = cx.params("master_data");
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

export function documentNumber(prefix: string, company: string, n: number): string {
  return `${prefix}-${company}-${String(n).padStart(9, "0")}`;
}

export function standaloneBlock(cx: RunContext, phase: PlanPhase, ref: BlockRef, w: RowWriter): PackedTotals {
  const m = modelFor(cx, phase);
  const seg = m.segment(ref);
  const rng = Rng.forBlock(cx.seed, phase.id, ref.index);
  const blockTotals = new BlockTotals(cx);
  const totals = blockTotals.cell(seg.company.index, seg.period.index);
  const lines = new Lines();
  const code = seg.company.code;
  const users = cx.params("transactions").users;
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
  return new LineCountModel(cx.params("transactions").line_items).mean;
}
