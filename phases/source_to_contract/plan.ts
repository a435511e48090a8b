// The sourcing plan of a company: a function of the plan alone, so every block prices purchase
// orders from the same contracts. The baseline is the business plan's purchasing per category
// (material group): expected yearly units of each material bought (the goods sold, or, when
// the company makes them, their components) at its standard cost. A category is
// tendered in lots (its goods split so the year's projects each have one, the largest
// categories first); qualified vendors of the goods pool bid, the best weighted bid wins when it
// beats the current prices (the first `contracts` projects of a year award), and the contract
// prices the lot's goods for its validity. A lot still under contract is renewed: the new
// contract starts the day after the running one ends, so no two contracts cover a good at once.
import { Rng, hash32 } from "../../core/rng.ts";
import { civilFromDays, daysFromCivil, daysInMonth } from "../../core/calendar.ts";
import type { CompanyInfo, RunContext } from "../../ledger/context.ts";
import { companyTargets, planYear } from "../../ledger/business.ts";
import { material } from "../master_data/index.ts";
import { boughtItems } from "../transactions/replenish.ts";
import { vendorPools } from "../transactions/p2p.ts";
import { paramsOf } from "../../specs/phase.ts";
import { sourceToContractSpec } from "./spec.ts";

export interface Bid {
  id: string;
  vendorIndex: number;
  submitted: number;
  discount: number;
  leadDays: number;
  quality: number;
  scores: { price: number; quality: number; delivery: number; total: number };
  rank: number;
}

export interface Qualification {
  vendorIndex: number;
  day: number;
  status: "qualified" | "conditional" | "rejected";
  quality: number;
  financial: number;
}

export interface Contract {
  id: string;
  vendorIndex: number;
  start: number;
  end: number;
  /** Contract lines: material index -> unit price (company minor units). */
  prices: Map<number, number>;
  leadDays: number;
  committed: number;
}

export interface Project {
  id: string;
  category: string;
  lot: number;
  baseline: number;
  start: number;
  rfi: { id: string; issue: number; due: number; invited: number };
  rfq: { id: string; issue: number; due: number; invited: number };
  qualifications: Qualification[];
  bids: Bid[];
  award: number | undefined;
  contract: Contract | undefined;
}

export interface SourcingPlan {
  projects: Project[];
  /** Per category, its contracts in start order. */
  byCategory: Map<string, Contract[]>;
}

const cache = new WeakMap<RunContext, SourcingPlan[]>();

export function sourcingPlan(cx: RunContext, c: CompanyInfo): SourcingPlan {
  let list = cache.get(cx);
  if (!list) cache.set(cx, (list = []));
  return (list[c.index] ??= build(cx, c));
}

/** Yearly spend per category of plan year 0: every good's expected units at its standard cost. */
export function baselineSpend(cx: RunContext, c: CompanyInfo): [string, number][] {
  const spend = new Map<string, number>();
  for (const { material: m, yearly } of boughtItems(cx, c)) {
    const mat = material(cx, c.index, m);
    spend.set(mat.group, (spend.get(mat.group) ?? 0) + yearly * mat.standardCost);
  }
  return [...spend].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
}

interface Lot {
  category: string;
  lot: number;
  goods: number[];
  /** Standard cost per good (company minor units): what bids discount. */
  costs: Map<number, number>;
  baseline: number;
}

/** The lots the year's projects tender: lot 0 of every category by spend, then lot 1, and so on. */
function lotsOf(cx: RunContext, c: CompanyInfo, projects: number): Lot[] {
  const items = boughtItems(cx, c);
  const categories = baselineSpend(cx, c);
  const per = Math.max(1, Math.ceil(projects / Math.max(1, categories.length)));
  const byCategory = categories.map(([category]) => {
    const goods = items.filter((g) => material(cx, c.index, g.material).group === category);
    const count = Math.min(per, goods.length);
    return Array.from({ length: count }, (_, lot): Lot => {
      const mine = goods.filter((_, i) => i % count === lot);
      const costs = new Map(mine.map((g) => [g.material, material(cx, c.index, g.material).standardCost]));
      return { category, lot: lot + 1, goods: mine.map((g) => g.material), costs, baseline: mine.reduce((s, g) => s + g.yearly * costs.get(g.material)!, 0) };
    });
  });
  const out: Lot[] = [];
  for (let lot = 0; lot < per; lot++) for (const list of byCategory) if (list[lot]) out.push(list[lot]!);
  return out;
}

function build(cx: RunContext, c: CompanyInfo): SourcingPlan {
  const p = paramsOf(sourceToContractSpec, cx);
  const pool = vendorPools(cx, c).goods;
  const projects: Project[] = [];
  const byCategory = new Map<string, Contract[]>();
  const years = planYear(cx.periods.length - 1) + 1;
  // Events per year for this company (by its share), at least one; scaled for a short year.
  const yearPeriods = (y: number) => cx.periods.filter((q) => planYear(q.index) === y);
  const countOf = (y: number) => Math.max(1, Math.round((p.sourcing_events * c.share * yearPeriods(y).length) / 12));
  const lots = lotsOf(cx, c, countOf(0));
  if (lots.length === 0 || pool.length === 0) return { projects, byCategory };
  const running = new Map<Lot, Contract>();
  for (let y = 0; y < years; y++) {
    const first = cx.periods[y * 12]!;
    const periods = yearPeriods(y);
    const days = periods.reduce((s, q) => s + q.days, 0);
    const count = countOf(y);
    const awards = Math.max(1, Math.round((p.contracts * c.share * periods.length) / 12));
    const growth = companyTargets(cx, c).revenue(y) / Math.max(1, companyTargets(cx, c).revenue(0));
    for (let k = 0; k < count; k++) {
      const rng = new Rng(cx.seed, hash32("s2c_project"), c.index, y, k);
      const lot = lots[k % lots.length]!;
      // Projects spread over the year's first three quarters, so contracts run within it.
      const start = first.firstDay + Math.floor(((k + rng.next()) / count) * days * 0.75);
      const id = `SP-${c.code}-${String(projects.length + 1).padStart(5, "0")}`;
      const project = runProject(rng, id, lot, Math.round(lot.baseline * growth), start, pool, k < awards, p.contract_months, running.get(lot));
      projects.push(project);
      if (!project.contract) continue;
      running.set(lot, project.contract);
      byCategory.set(lot.category, [...(byCategory.get(lot.category) ?? []), project.contract]);
    }
  }
  return { projects, byCategory };
}

function runProject(rng: Rng, id: string, lot: Lot, baseline: number, start: number, pool: number[], awards: boolean, months: number, current: Contract | undefined): Project {
  const invited = pickDistinct(rng, pool, 3 + rng.int(4));
  const rfi = { id: `${id}-RFI`, issue: start, due: start + 10, invited: invited.length };
  const qualifications: Qualification[] = invited.map((v) => {
    const u = rng.next();
    const status = u < 0.82 ? "qualified" : u < 0.93 ? "conditional" : "rejected";
    return { vendorIndex: v, day: rfi.due + rng.int(5), status, quality: 55 + rng.int(45), financial: 50 + rng.int(50) };
  });
  const bidders = qualifications.filter((q) => q.status !== "rejected");
  const rfqIssue = rfi.due + 7;
  const rfq = { id: `${id}-RFQ`, issue: rfqIssue, due: rfqIssue + 21, invited: bidders.length };
  const bids: Bid[] = bidders.map((q, k) => ({
    id: `${id}-B${k + 1}`, vendorIndex: q.vendorIndex, submitted: rfq.issue + 3 + rng.int(18),
    // Renewals save a few percent: most bids a little, a few more, some none at all.
    discount: Math.round((rng.chance(0.15) ? -0.03 * rng.next() : 0.005 + 0.045 * rng.next() * rng.next()) * 10_000) / 10_000,
    leadDays: 5 + rng.int(26), quality: Math.max(40, Math.min(100, q.quality + rng.int(11) - 5)),
    scores: { price: 0, quality: 0, delivery: 0, total: 0 }, rank: 0,
  }));
  score(bids);
  const best = bids.find((b) => b.rank === 1);
  // The best bid wins when it saves money and the year's awards are not used up.
  const winner = awards && best && best.discount > 0 ? best : undefined;
  const award = winner ? rfq.due + 5 + rng.int(10) : undefined;
  let contract: Contract | undefined;
  if (winner && award !== undefined) {
    // A renewal takes over the day after the running contract ends.
    const begin = Math.max(award + 7 + rng.int(14), current ? current.end + 1 : 0);
    const end = addMonths(begin, months) - 1;
    const prices = new Map<number, number>();
    for (const m of lot.goods) {
      const d = Math.max(0, winner.discount * (0.8 + 0.4 * rng.next()));
      prices.set(m, Math.max(1, Math.round(lot.costs.get(m)! * (1 - d))));
    }
    contract = {
      id: `CT-${id.slice(3)}`, vendorIndex: winner.vendorIndex, start: begin, end, prices, leadDays: winner.leadDays,
      committed: Math.round((baseline * (1 - winner.discount) * months) / 12),
    };
  }
  return { id, category: lot.category, lot: lot.lot, baseline, start, rfi, rfq, qualifications, bids, award, contract };
}

/** Price 60%, quality 25%, delivery 15%: each on 0-100 against the field's best. */
function score(bids: Bid[]): void {
  if (bids.length === 0) return;
  const maxDiscount = Math.max(...bids.map((b) => b.discount));
  const minDiscount = Math.min(...bids.map((b) => b.discount));
  const minLead = Math.min(...bids.map((b) => b.leadDays));
  for (const b of bids) {
    const price = maxDiscount === minDiscount ? 100 : (100 * (b.discount - minDiscount)) / (maxDiscount - minDiscount);
    const delivery = (100 * minLead) / b.leadDays;
    b.scores = { price: round2(price), quality: b.quality, delivery: round2(delivery), total: round2(0.6 * price + 0.25 * b.quality + 0.15 * delivery) };
  }
  [...bids].sort((x, y) => y.scores.total - x.scores.total || (x.id < y.id ? -1 : 1)).forEach((b, i) => (b.rank = i + 1));
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function pickDistinct(rng: Rng, pool: number[], n: number): number[] {
  const copy = [...pool];
  const out: number[] = [];
  while (out.length < n && copy.length > 0) out.push(copy.splice(rng.int(copy.length), 1)[0]!);
  return out;
}

/** The contract that prices a good on a day, if any (at most one: renewals start after). */
export function contractOn(plan: SourcingPlan, category: string, materialIndex: number, day: number): Contract | undefined {
  for (const k of plan.byCategory.get(category) ?? []) if (k.start <= day && day <= k.end && k.prices.has(materialIndex)) return k;
  return undefined;
}

/** The same day of the month `months` later (the month's last day when it is shorter). */
function addMonths(day: number, months: number): number {
  const { y, m, d } = civilFromDays(day);
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  return daysFromCivil(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}
