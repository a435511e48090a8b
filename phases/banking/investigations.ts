// What the analysts make of the alerts: a first-level decision on each, investigations that
// gather a customer's escalations of a month, SARs filed within the country's deadline, and the
// KYC reviews: the periodic refresh by risk rating, enhanced due diligence for high-risk
// customers, and a review after every SAR. Rates come from the phase's settings.
import { formatIso } from "../../core/calendar.ts";
import { hash32, Rng } from "../../core/rng.ts";
import type { RowWriter } from "../../specs/records/table.ts";
import { H_BANK, nextBankDay, type Bank } from "./bank.ts";
import { caseId } from "./cases.ts";
import { pad } from "./ids.ts";
import { REVIEW_CYCLE_DAYS, type Kyc } from "./kyc.ts";
import type { CustomerRecord } from "./record.ts";
import type { Alert } from "./rules.ts";

export interface Writers {
  alerts: RowWriter;
  dispositions: RowWriter;
  sars: RowWriter;
  reviews: RowWriter;
}

const analyst = (key: number) => "AN-" + pad(1 + (key % 24), 3);

interface Investigation {
  id: string;
  start: number;
  end: number;
  alerts: { a: Alert; id: string }[];
  sar: boolean;
}

/** Writes the alerts, dispositions, SARs and KYC reviews of one customer; returns [alerts, true positives, SARs]. */
export function investigate(bank: Bank, rec: CustomerRecord, kyc: Kyc, alerts: Alert[], w: Writers): [number, number, number] {
  const rng = new Rng(bank.seed, H_BANK, hash32("analysts"), rec.head.i);
  const p = bank.p;
  const d = bank.digits;
  const cust = rec.id.slice(3);
  const invs: Investigation[] = [];
  let tp = 0;
  const decisions = alerts.map((a, n) => {
    const id = `ALT-${cust}-${pad(n + 1, 4)}`;
    const review = nextBankDay(bank, a.day + rng.int(4));
    const truth = a.caseIndex >= 0;
    if (truth) tp++;
    const escalate = rng.chance(truth ? p.true_positive_escalation : p.false_positive_escalation);
    let inv: Investigation | undefined;
    if (escalate) {
      inv = invs.find((x) => review >= x.start && review < x.end);
      // Decided within 10 to 25 days, and within the country's filing deadline where it has one (US 30, AU 3).
      const days = Math.min(10 + rng.int(16), bank.fiu.deadlineDays ?? 25);
      if (!inv) invs.push((inv = { id: `INV-${cust}-${pad(invs.length + 1, 3)}`, start: review, end: review + Math.max(1, days), alerts: [], sar: false }));
      inv.alerts.push({ a, id });
    }
    const amount = a.txs.reduce((s, t) => s + t.amount, 0);
    const aw = w.alerts;
    aw.id(id); aw.id(rec.id); aw.id(`BA-${cust}-${pad(a.k + 1, 2)}`); aw.id(a.rule); aw.date(formatIso(a.day)); aw.date(formatIso(a.txs[0]!.day)); aw.date(formatIso(a.txs[a.txs.length - 1]!.day));
    aw.int(a.txs.length); aw.money(amount, d); aw.id(bank.currency); aw.int(a.score); aw.id(a.txs[0]!.id); aw.id(a.txs[a.txs.length - 1]!.id); aw.bool(truth);
    if (truth) aw.id(caseId(a.caseIndex));
    else aw.empty();
    aw.end();
    return { id, review, escalate, inv, truth, a };
  });
  for (const inv of invs) {
    const truth = inv.alerts.some((x) => x.a.caseIndex >= 0);
    inv.sar = new Rng(bank.seed, H_BANK, hash32(inv.id)).chance(truth ? p.sar_rate : p.defensive_sar_rate);
  }
  for (const x of decisions) {
    const dw = w.dispositions;
    const outcomeDay = x.inv ? x.inv.end : x.review;
    dw.id(x.id); dw.id(analyst(hash32(x.id))); dw.date(formatIso(x.review));
    dw.id(x.escalate ? "escalated" : x.truth ? "closed_no_further_action" : "closed_false_positive");
    if (x.inv) (dw.id(x.inv.id), dw.id(x.inv.sar ? "sar_filed" : "no_sar"), dw.date(formatIso(x.inv.end)));
    else (dw.empty(), dw.empty(), dw.empty());
    dw.int(outcomeDay - x.a.day);
    dw.bool(x.truth ? x.escalate && !!x.inv?.sar : !x.escalate);
    dw.end();
  }
  const sars = invs.filter((x) => x.sar);
  sars.forEach((inv, n) => {
    const sw = w.sars;
    const truth = inv.alerts.find((x) => x.a.caseIndex >= 0);
    const amount = inv.alerts.reduce((s, x) => s + x.a.txs.reduce((t, tx) => t + tx.amount, 0), 0);
    sw.id(`SAR-${cust}-${pad(n + 1, 3)}`); sw.id(rec.id); sw.id(inv.id); sw.id(inv.alerts[0]!.id); sw.date(formatIso(inv.start)); sw.date(formatIso(inv.end)); sw.int(inv.end - inv.start);
    if (bank.fiu.deadlineDays === null) sw.empty();
    else sw.int(bank.fiu.deadlineDays);
    sw.id(bank.fiu.fiu); sw.id(bank.fiu.report.replaceAll(" ", "_")); sw.money(amount, d); sw.id(bank.currency); sw.bool(!!truth);
    if (truth) sw.id(caseId(truth.a.caseIndex));
    else sw.empty();
    sw.end();
  });
  reviews(bank, rec, kyc, sars, rng, w.reviews);
  return [alerts.length, tp, sars.length];
}

/** Periodic refreshes by the risk rating's cycle (enhanced due diligence when high), and one after each SAR. */
function reviews(bank: Bank, rec: CustomerRecord, kyc: Kyc, sars: Investigation[], rng: Rng, w: RowWriter): void {
  const list: { day: number; type: string; after?: string; outcome?: string }[] = [];
  for (let day = kyc.nextReview; day < bank.endDay; day += REVIEW_CYCLE_DAYS[kyc.rating]) {
    if (day >= bank.firstDay) list.push({ day, type: kyc.rating === "high" ? "enhanced_due_diligence" : "periodic_refresh" });
  }
  for (const s of sars) {
    const day = s.end + 1 + rng.int(10);
    if (day < bank.endDay) list.push({ day, type: "sar_trigger", after: "high", outcome: s.alerts.some((x) => x.a.caseIndex >= 0) && rng.chance(0.4) ? "exit_relationship" : "risk_upgraded" });
  }
  list.sort((a, b) => a.day - b.day);
  let risk: string = kyc.rating;
  const careless = rec.head.suspicious?.case.sophistication === "basic";
  list.forEach((r, n) => {
    const before = risk;
    let outcome = r.outcome ?? (careless && rng.chance(0.3) ? "risk_upgraded" : rng.chance(0.7) ? "documents_updated" : "no_change");
    const after = r.after ?? (outcome === "risk_upgraded" ? (risk === "low" ? "medium" : "high") : risk);
    if (outcome === "risk_upgraded" && after === before) outcome = "no_change";
    risk = after;
    const next = r.day + REVIEW_CYCLE_DAYS[risk as keyof typeof REVIEW_CYCLE_DAYS];
    w.id(`KYR-${rec.id.slice(3)}-${pad(n + 1, 3)}`); w.id(rec.id); w.date(formatIso(r.day)); w.id(r.type); w.id(before); w.id(after); w.id(outcome);
    w.id(analyst(hash32(rec.id) + n)); w.date(formatIso(next)); w.end();
  });
}
