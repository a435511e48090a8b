// The steps of source-to-contract: the sourcing plan written once; per period the spend by
// category and, at quarter ends, the supplier scorecards, both from what procure-to-pay
// recorded while it ordered (ledger/capabilities.ts SOURCING_KINDS); at the end the contracts
// with what real orders consumed of them.
import { formatIso } from "../../core/calendar.ts";
import { SOURCING_KINDS } from "../../ledger/capabilities.ts";
import { SUBLEDGER, type SubledgerTotals } from "../../ledger/slices.ts";
import type { CompanyInfo, RunContext } from "../../ledger/context.ts";
import { formatMinor } from "../../output/writers.ts";
import type { MainStep } from "../api.ts";
import { counts, material, vendor } from "../master_data/index.ts";
import { sourcingPlan } from "./plan.ts";
import { bidEvaluations, catalogItems, contractLines, contracts, rfxEvents, sourcingProjects, spendAnalysis, supplierBids, supplierQualifications, supplierScorecards } from "./tables.ts";

const ratio = (a: number, b: number) => (b === 0 ? "0.0000" : (a / b).toFixed(4));

export const sourcingStep: MainStep = {
  kind: "main",
  run(cx, _phase, _state, out) {
    for (const c of cx.companies) {
      const plan = sourcingPlan(cx, c);
      const vid = (i: number) => vendor(cx, c.index, i).id;
      const wp = out.table(sourcingProjects);
      const wq = out.table(supplierQualifications);
      const wr = out.table(rfxEvents);
      const wb = out.table(supplierBids);
      const we = out.table(bidEvaluations);
      const wc = out.table(catalogItems);
      for (const p of plan.projects) {
        wp.id(c.code); wp.id(p.id); wp.id(p.category); wp.int(p.lot); wp.money(p.baseline, c.digits); wp.date(formatIso(p.start));
        if (p.award !== undefined) wp.date(formatIso(p.award));
        else wp.empty();
        wp.id(p.contract ? "awarded" : "no_award"); wp.id(c.currency); wp.end();
        for (const q of p.qualifications) {
          wq.id(c.code); wq.id(p.id); wq.id(vid(q.vendorIndex)); wq.date(formatIso(q.day)); wq.id(q.status); wq.int(q.quality); wq.int(q.financial); wq.end();
        }
        for (const [type, e] of [["rfi", p.rfi], ["rfq", p.rfq]] as const) {
          wr.id(c.code); wr.id(e.id); wr.id(p.id); wr.id(type); wr.date(formatIso(e.issue)); wr.date(formatIso(e.due)); wr.int(e.invited); wr.end();
        }
        for (const b of p.bids) {
          wb.id(c.code); wb.id(b.id); wb.id(p.rfq.id); wb.id(vid(b.vendorIndex)); wb.date(formatIso(b.submitted)); wb.decimal(b.discount.toFixed(4)); wb.int(b.leadDays); wb.int(b.quality); wb.end();
          we.id(c.code); we.id(b.id);
          for (const v of [b.scores.price, b.scores.quality, b.scores.delivery, b.scores.total]) we.decimal(v.toFixed(2));
          we.int(b.rank); we.bool(p.contract !== undefined && p.contract.vendorIndex === b.vendorIndex && b.rank === 1); we.end();
        }
        const k = p.contract;
        if (!k) continue;
        let n = 0;
        for (const [m, price] of [...k.prices].sort((x, y) => x[0] - y[0])) {
          wc.id(c.code); wc.id(`${k.id}-${String(++n).padStart(4, "0")}`); wc.id(k.id); wc.id(material(cx, c.index, m).id); wc.id(vid(k.vendorIndex));
          wc.decimal(formatMinor(price, c.digits)); wc.date(formatIso(k.start)); wc.date(formatIso(k.end)); wc.end();
        }
      }
    }
  },
};

export const spendStep: MainStep = {
  kind: "main",
  run(cx, _phase, state, out) {
    const sub = state.get(SUBLEDGER);
    const w = out.table(spendAnalysis);
    const groups = cx.companies.map((c) => categoriesOf(cx, c));
    for (const p of cx.periods) for (const c of cx.companies) {
      const plan = sourcingPlan(cx, c);
      for (const category of groups[c.index]!) {
        const spend = sub.get(c.index, p.index, SOURCING_KINDS.spend(category));
        if (spend === 0) continue;
        const contracted = (plan.byCategory.get(category) ?? []).reduce((s, k) => s + sub.get(c.index, p.index, SOURCING_KINDS.consumedValue(k.id)), 0);
        const off = sub.get(c.index, p.index, SOURCING_KINDS.offContract(category));
        w.id(c.code); w.int(p.fiscalYear); w.int(p.fiscalPeriod); w.id(category);
        w.money(spend, c.digits); w.money(contracted, c.digits); w.money(off, c.digits); w.decimal(ratio(contracted, spend)); w.id(c.currency); w.end();
      }
    }
  },
};

export const scorecardsStep: MainStep = {
  kind: "main",
  run(cx, _phase, state, out, period) {
    const p = cx.periods[period!]!;
    const last = period === cx.periods.length - 1;
    if (p.fiscalPeriod % 3 !== 0 && !last) return;
    // The quarter: this period and the ones before it in the same fiscal quarter.
    const from = Math.max(0, p.index - ((p.fiscalPeriod - 1) % 3));
    const sub = state.get(SUBLEDGER);
    const w = out.table(supplierScorecards);
    for (const c of cx.companies) {
      for (let v = 0; v < counts(cx).vendors; v++) {
        const sum = (kind: string) => quarter(sub, c, from, p.index, kind);
        const receipts = sum(SOURCING_KINDS.receipts(v));
        if (receipts === 0) continue;
        const late = sum(SOURCING_KINDS.late(v));
        const invoices = sum(SOURCING_KINDS.invoices(v));
        const deviations = sum(SOURCING_KINDS.priceDeviations(v));
        const onTime = (receipts - late) / receipts;
        const compliance = invoices === 0 ? 1 : (invoices - deviations) / invoices;
        const inspected = sum(SOURCING_KINDS.inspected(v));
        const rejected = sum(SOURCING_KINDS.rejected(v));
        const quality = inspected === 0 ? undefined : (inspected - rejected) / inspected;
        // Quality counts only where the lots were inspected (manufacturing inspects its components).
        const raw = quality === undefined ? 60 * onTime + 40 * compliance : 50 * onTime + 30 * compliance + 20 * quality;
        const score = Math.round(raw * 100) / 100;
        w.id(c.code); w.int(p.fiscalYear); w.int(p.fiscalPeriod); w.id(vendor(cx, c.index, v).id);
        w.int(receipts); w.int(late); w.decimal(onTime.toFixed(4)); w.int(invoices); w.int(deviations); w.decimal(compliance.toFixed(4));
        w.int(inspected); w.int(rejected);
        if (quality === undefined) w.empty();
        else w.decimal(quality.toFixed(4));
        w.decimal(score.toFixed(2)); w.id(score >= 90 ? "A" : score >= 75 ? "B" : score >= 60 ? "C" : "D"); w.end();
      }
    }
  },
};

/** Every material group of the company's materials: goods and services (indirect spend). */
function categoriesOf(cx: RunContext, c: CompanyInfo): string[] {
  const groups = new Set<string>();
  for (let m = 0; m < counts(cx).materials; m++) groups.add(material(cx, c.index, m).group);
  return [...groups].sort();
}

function quarter(sub: SubledgerTotals, c: CompanyInfo, from: number, to: number, kind: string): number {
  let s = 0;
  for (let q = from; q <= to; q++) s += sub.get(c.index, q, kind);
  return s;
}

export const contractsStep: MainStep = {
  kind: "main",
  run(cx, _phase, state, out) {
    const sub = state.get(SUBLEDGER);
    const wc = out.table(contracts);
    const wl = out.table(contractLines);
    for (const c of cx.companies) {
      const total = (kind: string) => allPeriods(cx, sub, c, kind);
      for (const p of sourcingPlan(cx, c).projects) {
        const k = p.contract;
        if (!k) continue;
        const consumed = total(SOURCING_KINDS.consumedValue(k.id));
        wc.id(c.code); wc.id(k.id); wc.id(p.id); wc.id(vendor(cx, c.index, k.vendorIndex).id); wc.id(p.category);
        wc.date(formatIso(k.start)); wc.date(formatIso(k.end)); wc.money(k.committed, c.digits); wc.money(consumed, c.digits);
        wc.decimal(ratio(consumed, k.committed)); wc.id(c.currency); wc.end();
        let n = 0;
        for (const [m, price] of [...k.prices].sort((x, y) => x[0] - y[0])) {
          const mat = material(cx, c.index, m);
          wl.id(c.code); wl.id(k.id); wl.int(++n); wl.id(mat.id); wl.decimal(formatMinor(price, c.digits)); wl.decimal(formatMinor(mat.standardCost, c.digits));
          wl.int(k.leadDays); wl.int(total(SOURCING_KINDS.consumedQty(`${k.id}:${m}`))); wl.end();
        }
      }
    }
  },
};

function allPeriods(cx: RunContext, sub: SubledgerTotals, c: CompanyInfo, kind: string): number {
  let s = 0;
  for (const p of cx.periods) s += sub.get(c.index, p.index, kind);
  return s;
}
