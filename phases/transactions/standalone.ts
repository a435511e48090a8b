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
import type { Account } from "../../ledger/chart.ts";
import { vatRate } from "../../ledger/tax.ts";
import { BlockTotals } from "../../ledger/totals.ts";
import type { Deltas } from "../../ledger/state.ts";
import { writeMovement } from "../../ledger/documents.ts";
import { periodOfDay } from "../../ledger/flows.ts";
import { companyTargets, periodShare, planYear } from "../../ledger/business.ts";
import { costCenterId, inventoryAccount, masterParams, material, type Material } from "../master_data/index.ts";
import { affordableGood, assortment } from "../master_data/assortment.ts";
import { LineCountModel, sampleAmount } from "./amounts.ts";
import type { Targets } from "../../ledger/business.ts";
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
  const budgets = (p: number) => {
    const activity = periodShare(cx, units, p);
    const calendar = periodShare(cx, () => 1, p);
    return CATEGORIES.map((k) => (k.budget ? k.budget(t, planYear(p)) * (k.byActivity ? activity : calendar) : 0));
  };
  return segmentPlans(cx, "entries", c, units, (p) => weightsOf(cx, c, t, units(p), budgets(p)), budgets);
}

const CASH_SALE = CATEGORIES.findIndex((k) => k.kind === "cash_sale");

/**
 * How often each kind of entry occurs. A till sells at least one unit of a good: when the
 * volume would make more sales than the cash budget buys at the cheapest prices, sales become
 * rarer (the other kinds take their share) so revenue stays on the plan.
 */
function weightsOf(cx: RunContext, c: CompanyInfo, t: Targets, units: number, budgets: number[]): number[] {
  const w = CATEGORIES.map((k) => k.count(t));
  const a = assortment(cx, c);
  if (w[CASH_SALE]! === 0 || units === 0 || a.prices.length === 0) return w;
  const cheapest = a.prices[Math.min(a.prices.length - 1, Math.floor(a.prices.length / 10))]!;
  const affordable = budgets[CASH_SALE]! / (2 * cheapest);
  const total = w.reduce((x, y) => x + y, 0);
  const share = w[CASH_SALE]! / total;
  if (share * units <= affordable) return w;
  const target = Math.max(0, affordable / units);
  // Solve w' / (rest + w') = target for the cash-sale weight w'.
  w[CASH_SALE] = target >= 1 ? w[CASH_SALE]! : (target * (total - w[CASH_SALE]!)) / (1 - target);
  return w;
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
    if (cat.kind === "cash_sale" && sale.hasGoods) sale.build(lines, n, amount, day, seg.jePrefix + String(seq).padStart(9, "0"), totals, out, rng);
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
  // The accounts every sale posts to, looked up once per block.
  private readonly revenue: Account[];
  private readonly cogs: Account[];
  private readonly cash: Account;
  private readonly tax: Account;
  constructor(private readonly cx: RunContext, private readonly c: CompanyInfo) {
    this.hasGoods = assortment(cx, c).goods.length > 0;
    this.revenue = cx.chart.role("revenue");
    this.cogs = cx.chart.role("cogs");
    this.cash = cx.chart.one("cash");
    this.tax = cx.chart.one("output_tax");
  }

  build(lines: Lines, n: number, net: number, day: number, docId: string, totals: BlockTotals, out: TableOut, rng: Rng): void {
    const { cx, c, revenue, cogs } = this;
    const a = assortment(cx, c);
    const items = Math.max(1, Math.min(Math.floor((n - 2) / 3), 40, a.goods.length));
    let totalNet = 0;
    const sold: { mi: number; m: Material; qty: number }[] = [];
    const share = net / items;
    for (let k = 0; k < items; k++) {
      // Popular items the basket's share can buy (one unit at least), else the cheapest.
      const mi = a.goods[affordableGood(a, share, rng)]!;
      const m = material(cx, c.index, mi);
      const qty = this.dither.quantity(share, Math.max(1, m.listPrice));
      sold.push({ mi, m, qty });
      totalNet += qty * m.listPrice;
    }
    const tax = Math.round(totalNet * vatRate(c));
    lines.add(this.cash, totalNet + tax, 0, -1, "");
    for (const s of sold) lines.add(revenue[s.mi % revenue.length]!, 0, s.qty * s.m.listPrice, -1, "");
    if (tax > 0) lines.add(this.tax, 0, tax, -1, "");
    const period = periodOfDay(cx, day);
    sold.forEach((s, k) => {
      const value = s.qty * Math.max(1, s.m.standardCost);
      lines.add(cogs[s.mi % cogs.length]!, value, 0, 0, "");
      lines.add(inventoryAccount(cx, s.m), 0, value, -1, "");
      totals.movement(c.index, period, s.mi, -s.qty, -value, day);
      writeMovement({ out }, c, `${docId}-${k + 1}`, s.m.id, day, "issue", -s.qty, -value, docId);
    });
  }
}

/** Mean lines per entry of the plan's line-item distribution (for reports and the benchmark). */
export function meanLinesPerEntry(cx: RunContext): number {
  return new LineCountModel(paramsOf(transactionsSpec, cx).line_items).mean;
}
