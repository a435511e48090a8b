// The kinds of legs the typologies are made of: cash in and out, wires and domestic transfers
// with outside parties, transfers between customers, and draining what a party holds.
import type { CaseBuilder, End, When } from "./case-builder.ts";
import type { Stage } from "./events.ts";

interface LegOpts {
  stage: Stage;
  ref?: string;
  label?: "laundering" | "fraud";
  takeover?: boolean;
}

export function cashIn(b: CaseBuilder, to: number, when: When, amount: number, o: { stage: Stage; city?: string; depositor?: End }): void {
  b.add({
    day: when.day, sec: when.sec, from: o.depositor ?? { kind: "cash" }, to: b.customer(to), amount, debitType: "cash_deposit", creditType: "cash_deposit",
    channel: "branch", rail: "cash", stage: o.stage, label: "laundering", ref: "Cash deposit", city: o.city ?? b.city(), country: b.bank.country,
  });
}

export function wireIn(b: CaseBuilder, to: number, when: When, amount: number, from: End, o: LegOpts): void {
  const domestic = from.kind === "external" && from.party.country === b.bank.country;
  b.add({
    day: when.day, sec: when.sec, from, to: b.customer(to), amount, debitType: domestic ? "transfer_in" : "wire_in", creditType: domestic ? "transfer_in" : "wire_in",
    channel: "system", rail: domestic ? "domestic" : "wire", stage: o.stage, label: o.label ?? "laundering", ref: o.ref ?? "Payment", country: b.bank.country,
  });
}

export function wireOut(b: CaseBuilder, from: number, when: When, amount: number, to: End, o: LegOpts): void {
  const domestic = to.kind === "external" && to.party.country === b.bank.country;
  b.add({
    day: when.day, sec: when.sec, from: b.customer(from), to, amount, debitType: domestic ? "transfer_out" : "wire_out", creditType: domestic ? "transfer_out" : "wire_out",
    channel: b.rng.chance(0.7) ? "online_banking" : "mobile_app", rail: domestic ? "domestic" : "wire", stage: o.stage, label: o.label ?? "laundering", ref: o.ref ?? "Payment",
    takeover: o.takeover,
  });
}

export function move(b: CaseBuilder, from: number, to: number, when: When, amount: number, o: LegOpts): void {
  b.add({
    day: when.day, sec: when.sec, from: b.customer(from), to: b.customer(to), amount, debitType: "internal_transfer", creditType: "internal_transfer",
    channel: b.rng.chance(0.6) ? "mobile_app" : "online_banking", rail: "internal", stage: o.stage, label: o.label ?? "laundering", ref: o.ref ?? "Transfer", takeover: o.takeover,
  });
}

/**
 * Pays out everything `from` holds for the case in `rows` legs a day or two apart: to outside
 * parties (`to`), as cash in another city (`cash`), or as purchases (integration).
 */
export function drain(b: CaseBuilder, from: number, when: When, rows: number, o: { stage: Stage; to?: () => End; cash?: string; ref?: string; label?: "laundering" | "fraud" }): When {
  const total = b.held_(from);
  if (rows < 1 || total < rows) throw new Error(`internal: case ${b.info.id} cannot pay ${total} out in ${rows} items`);
  let w = when;
  for (const amount of b.split(total, rows)) {
    if (o.cash) {
      b.add({ day: w.day, sec: w.sec, from: b.customer(from), to: { kind: "cash" }, amount, debitType: "cash_withdrawal", creditType: "cash_withdrawal", channel: "branch", rail: "cash", stage: o.stage, label: o.label ?? "laundering", ref: "Cash withdrawal", city: o.cash, country: b.bank.country });
    } else if (o.to) wireOut(b, from, w, amount, o.to(), { stage: o.stage, ref: o.ref, label: o.label });
    else {
      b.add({ day: w.day, sec: w.sec, from: b.customer(from), to: { kind: "external", party: { name: b.pick(["Luxe Watches", "Prime Motors", "Goldline Jewellers", "Harbour Yachts", "Crown Estates"]), country: b.bank.country } }, amount, debitType: "card_purchase", creditType: "card_purchase", channel: "card_pos", rail: "card", stage: o.stage, label: o.label ?? "laundering", ref: "Purchase", mcc: b.pick(["5944", "5511", "5094", "4457", "6513"]), country: b.bank.country });
    }
    w = b.after(w, b.rng.int(2));
  }
  return w;
}
