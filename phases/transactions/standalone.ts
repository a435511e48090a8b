// Standalone journal entries: a block of entries for one company and period. The kind of each
// entry is fixed per segment (exact counts for any block split); each kind's entries in the
// block share the block's slice of the kind's budget, split by the amount distribution, so the
// year lands on the business plan however many entries the user asked for.
import { AliasTable, Rng } from "../../core/rng.ts";
import { formatIso, type Period } from "../../core/calendar.ts";
import type { PlanPhase } from "../../specs/plan.ts";
import type { Segment as PlanSegment } from "../../specs/layout.ts";
import type { TableOut } from "../../specs/records/table.ts";
import { journalEntries } from "../../specs/records/ledger.ts";
import { bankDayOnOrAfter, bankDayOnOrBefore, type BlockRef, type CompanyInfo, type RunContext } from "../../ledger/context.ts";
import { writeDocument } from "../../ledger/journal.ts";
import { Lines } from "../../ledger/lines.ts";
import { vatRate } from "../../ledger/tax.ts";
import { BlockTotals } from "../../ledger/totals.ts";
import type { Deltas } from "../../ledger/state.ts";
import { writeMovement } from "../../ledger/documents.ts";
import { periodOfDay } from "../../ledger/flows.ts";
import { companyTargets, periodShare, planYear } from "../../ledger/business.ts";
import { costCenterId, inventoryAccount, masterParams, material } from "../master_data/index.ts";
import { assortment } from "../master_data/assortment.ts";
import { LineCountModel, sampleAmount } from "./amounts.ts";
import { CATEGORIES, buildExpense, buildReallocation, buildServiceFee, type EntryEnv } from "./categories.ts";
import { Dither, blockBudget, segmentPlans, splitBudget, type SegmentPlan } from "./budget.ts";
import { amountModelOf, segmentUnits } from "./chains.ts";
import { activityDay } from "./dates.ts";
import { transactionsSpec } from "./spec.ts";
import { paramsOf } from "../../specs/phase.ts";

const SOURCES = ["manual", "automated", "recurring"] as const;

/** Per (company, period) constants a block needs; cached per thread. */
interface Segment {
  company: CompanyInfo;
  period: Period;
  /** The kind (index into CATEGORIES) of every entry of the segment, how many of each, and their budgets. */
  plan: SegmentPlan;
  ccIds: string[];
  /** Document numbers of this company before the segment. */
  docOffset: number;
  /** "JE-<company>-": document ids are this prefix and a padded number. */
  jePrefix: string;
}

class StandaloneModel {
  readonly lineCounts: LineCountModel;
  readonly sources: AliasTable;
  private readonly segments = new Map<PlanSegment, Segment>();

  constructor(readonly cx: RunContext, readonly phase: PlanPhase) {
    const p = paramsOf(transactionsSpec, cx);
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
    const company = cx.companies[cx.companyIndex.get(ref.segment.company!)!]!;
    const period = cx.periods[ref.segment.period!]!;
    const plan = entryPlans(cx, company)[period.index]!;
    const ccCount = Math.max(1, masterParams(cx).cost_centers);
    const ccIds = Array.from({ length: ccCount }, (_, i) => costCenterId(company.code, i));
    return { company, period, plan, ccIds, docOffset: docOffset(this.phase, ref.segment), jePrefix: `JE-${company.code}-` };
  }
}

/** The standalone entries of a company, period by period: kinds and budgets (cost lines a twelfth a month, sales by activity). */
function entryPlans(cx: RunContext, c: CompanyInfo): SegmentPlan[] {
  const t = companyTargets(cx, c);
  const units = (p: number) => segmentUnits(cx, c, p);
  return segmentPlans(cx, "entries", c, units, () => CATEGORIES.map((k) => k.count(t)), (p) => {
    const activity = periodShare(cx, units, p);
    const calendar = periodShare(cx, () => 1, p);
    return CATEGORIES.map((k) => (k.budget ? k.budget(t, planYear(p)) * (k.byActivity ? activity : calendar) : 0));
  });
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

const models = new WeakMap<PlanPhase, StandaloneModel>();

function modelFor(cx: RunContext, phase: PlanPhase): StandaloneModel {
  let m = models.get(phase);
  if (!m) models.set(phase, (m = new StandaloneModel(cx, phase)));
  return m;
}

/** Each entry's amount in the block: its kind's slice of the budget, or (not budgeted) the amount distribution. */
function blockAmounts(cx: RunContext, seg: Segment, ref: BlockRef, rng: Rng): number[][] {
  const model = amountModelOf(cx, seg.company);
  return CATEGORIES.map((cat, k) => {
    const { n, budget } = blockBudget(seg.plan, ref, k);
    if (!cat.budget) return Array.from({ length: n }, () => sampleAmount(model, rng));
    return splitBudget(budget, n, model, rng);
  });
}

export function standaloneBlock(cx: RunContext, phase: PlanPhase, ref: BlockRef, out: TableOut): Deltas {
  const m = modelFor(cx, phase);
  const seg = m.segment(ref);
  const rng = Rng.forBlock(cx.seed, phase.id, ref.index);
  const totals = new BlockTotals(cx);
  const lines = new Lines();
  const c = seg.company;
  const users = paramsOf(transactionsSpec, cx).users;
  const env: EntryEnv = { rng, chart: cx.chart, costCenters: seg.ccIds.length, taxRate: vatRate(c), recoverable: c.regime === "vat", parts: [] };
  const amounts = blockAmounts(cx, seg, ref, rng);
  const next = CATEGORIES.map(() => 0);
  const sale = new SaleState(cx, c);
  const w = out.table(journalEntries);
  for (let i = 0; i < ref.units; i++) {
    const k = seg.plan.kinds[ref.offset + i]!;
    const cat = CATEGORIES[k]!;
    const amount = amounts[k]![next[k]!++]!;
    if (amount <= 0) continue;
    const n = m.lineCounts.sample(rng);
    const source = cat.kind === "cash_sale" || cat.kind === "service_fee" ? "automated" : SOURCES[m.sources.sample(rng)]!;
    const seq = seg.docOffset + ref.offset + i + 1;
    let day = activityDay(cx, c, seg.period.index, rng);
    lines.reset();
    // A company with no goods in its assortment sells its services instead.
    if (cat.kind === "cash_sale" && sale.hasGoods) sale.build(lines, n, amount, day, `${seg.jePrefix}${String(seq).padStart(9, "0")}`, totals, out, rng);
    else if (cat.kind === "service_fee" || cat.kind === "cash_sale") {
      day = bankDay(c, seg.period, day);
      buildServiceFee(env, lines, amount);
    } else if (cat.kind === "expense") {
      day = bankDay(c, seg.period, day);
      buildExpense(env, cat, lines, n, amount);
    } else buildReallocation(env, lines, n, amount);
    const lag = rng.chance(0.6) ? 0 : rng.int(4);
    writeDocument(w, {
      company: c,
      documentId: seg.jePrefix,
      documentSeq: seq,
      day,
      postingDate: formatIso(day),
      documentDate: formatIso(day - lag >= seg.period.firstDay ? day - lag : day),
      period: seg.period,
      docType: cat.docType,
      source,
      event: cat.event,
      postedBy: source === "manual" ? `U${c.code}-${String(rng.int(users) + 1).padStart(3, "0")}` : source === "automated" ? (cat.kind === "cash_sale" ? "SYS-POS" : "SYS-IFACE") : "SYS-RECUR",
      text: cat.text,
    }, lines, totals, (ci) => seg.ccIds[ci]!);
  }
  return totals.pack();
}

/** A bank movement's day: a bank day of the company inside the period. */
function bankDay(c: CompanyInfo, p: Period, day: number): number {
  const on = bankDayOnOrAfter(c, day);
  return on < p.firstDay + p.days ? on : bankDayOnOrBefore(c, day);
}

/** Point-of-sale takings: goods sold for cash from stock, quantities tracking the budget across the block. */
class SaleState {
  private readonly dither = new Dither();
  readonly hasGoods: boolean;
  constructor(private readonly cx: RunContext, private readonly c: CompanyInfo) {
    this.hasGoods = assortment(cx, c).goods.length > 0;
  }

  build(lines: Lines, n: number, net: number, day: number, docId: string, totals: BlockTotals, out: TableOut, rng: Rng): void {
    const { cx, c } = this;
    const a = assortment(cx, c);
    const items = Math.max(1, Math.min(Math.floor((n - 2) / 3), 40, a.goods.length));
    const revenue = cx.chart.role("revenue");
    const cogs = cx.chart.role("cogs");
    let totalNet = 0;
    const sold: [number, number][] = [];
    const share = net / items;
    for (let k = 0; k < items; k++) {
      // Popular items first; one priced above twice the basket's share gives way to a cheaper draw.
      let mi = a.goods[a.goodsTable.sample(rng)]!;
      for (let tries = 0; tries < 6 && material(cx, c.index, mi).listPrice > 2 * share; tries++) {
        const other = a.goods[a.goodsTable.sample(rng)]!;
        if (material(cx, c.index, other).listPrice < material(cx, c.index, mi).listPrice) mi = other;
      }
      const mat = material(cx, c.index, mi);
      const qty = this.dither.quantity(share, Math.max(1, mat.listPrice));
      sold.push([mi, qty]);
      totalNet += qty * mat.listPrice;
    }
    const tax = Math.round(totalNet * vatRate(c));
    lines.add(cx.chart.one("cash"), totalNet + tax, 0, -1, "");
    for (const [mi, qty] of sold) lines.add(revenue[mi % revenue.length]!, 0, qty * material(cx, c.index, mi).listPrice, -1, "");
    if (tax > 0) lines.add(cx.chart.one("output_tax"), 0, tax, -1, "");
    sold.forEach(([mi, qty], k) => {
      const mat = material(cx, c.index, mi);
      const value = qty * Math.max(1, mat.standardCost);
      lines.add(cogs[mi % cogs.length]!, value, 0, 0, "");
      lines.add(inventoryAccount(cx, mat), 0, value, -1, "");
      totals.movement(c.index, periodOfDay(cx, day), mi, -qty, -value, day);
      writeMovement({ out }, c, `${docId}-${k + 1}`, mat.id, day, "issue", -qty, -value, docId);
    });
  }
}

/** Mean lines per entry of the plan's line-item distribution (for reports and the benchmark). */
export function meanLinesPerEntry(cx: RunContext): number {
  return new LineCountModel(paramsOf(transactionsSpec, cx).line_items).mean;
}
