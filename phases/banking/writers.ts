// One output row per record, column by column in the order of the table specs.
import { formatIso } from "../../core/calendar.ts";
import type { RowWriter } from "../../specs/records/table.ts";
import type { Bank } from "./bank.ts";
import type { Account } from "./accounts.ts";
import type { CasePlan } from "./case-builder.ts";
import { customerId } from "./ids.ts";
import type { Kyc, Owner } from "./kyc.ts";
import type { CustomerRecord } from "./record.ts";
import { entryId, type Entry } from "./watchlist.ts";

const opt = (w: RowWriter, v: string | undefined) => (v === undefined ? w.empty() : w.id(v));
const optDate = (w: RowWriter, v: number | undefined) => (v === undefined ? w.empty() : w.date(formatIso(v)));
export const hundredths = (v: number) => `${Math.floor(v / 100)}.${String(v % 100).padStart(2, "0")}`;

export function writeCustomer(w: RowWriter, r: CustomerRecord): void {
  const h = r.head;
  w.id(r.id); w.id(h.kind); w.text(r.name); w.id(h.segment); optDate(w, r.birth); optDate(w, r.incorporated); opt(w, r.nationality);
  w.id(h.country.code); w.text(r.address.city); w.id(r.address.postal); w.text(r.address.street);
  opt(w, r.household === undefined ? undefined : customerId(r.household)); w.date(formatIso(h.onboard)); opt(w, r.partnerRef); w.empty();
  if (r.email) w.text(r.email);
  else w.empty();
  w.end();
}

export function writeKyc(w: RowWriter, bank: Bank, r: CustomerRecord, k: Kyc): void {
  w.id(r.id); w.id(k.docType); w.id(k.docNumber); w.bool(k.verified); w.date(formatIso(k.verifiedDay));
  if (k.occupation) w.text(k.occupation);
  else w.empty();
  opt(w, k.industry); w.id(k.declared); w.id(k.trueSource); w.bool(k.declared === k.trueSource); w.money(k.expectedTurnover, bank.digits); w.id(bank.currency);
  w.bool(k.pep); opt(w, k.pepCategory); w.id(k.screening); w.id(k.rating); w.int(k.score); w.id(k.reasons.length ? k.reasons.join(";") : "none"); w.bool(k.rating === "high");
  w.date(formatIso(k.lastReview)); w.date(formatIso(k.nextReview)); w.end();
}

export function writeOwner(w: RowWriter, r: CustomerRecord, o: Owner): void {
  w.id(r.id); w.id(o.id); w.text(o.name); opt(w, o.customer === undefined ? undefined : customerId(o.customer)); w.id(o.type); w.decimal(hundredths(o.percent));
  w.bool(o.percent >= 2500 || o.control !== "shareholding"); w.id(o.control); w.id(o.country); optDate(w, o.birth); w.bool(o.pep); w.end();
}

export function writeAccount(w: RowWriter, bank: Bank, r: CustomerRecord, a: Account, opening: number, dormant: boolean): void {
  w.id(a.id); w.id(r.id); w.id(a.type); w.id(a.product); opt(w, a.number.iban ?? undefined); w.id(a.number.account); w.id(a.number.code); w.id(bank.bic); w.id(bank.currency);
  w.date(formatIso(a.open)); w.id(dormant ? "dormant" : "active"); w.money(a.floor, bank.digits);
  w.decimal(`${Math.floor(a.rate / 1000)}.${String(a.rate % 1000).padStart(3, "0")}`); w.money(opening, bank.digits);
  w.date(formatIso(Math.max(bank.firstDay, a.open))); w.id(a.gl); w.end();
}

export function writeCase(w: RowWriter, bank: Bank, plan: CasePlan, first: number, last: number, victims: number): void {
  const c = plan.info;
  const d = bank.digits;
  w.id(c.id); w.id(c.typology); w.id(c.sophistication); w.date(formatIso(first)); w.date(formatIso(last)); w.int(c.parts); w.int(victims); w.int(c.rows);
  w.money(plan.amount, d); w.id(bank.currency);
  if (plan.threshold !== undefined) w.money(plan.threshold, d);
  else w.empty();
  if (plan.window !== undefined) w.int(plan.window);
  else w.empty();
  if (plan.fair !== undefined) (w.money(plan.fair, d), w.money(plan.invoiced!, d));
  else (w.empty(), w.empty());
  opt(w, plan.partnerRef); opt(w, plan.watchEntry === undefined ? undefined : entryId(plan.watchEntry)); w.text(plan.description); w.end();
}

export function writeEntry(w: RowWriter, e: Entry): void {
  w.id(e.id); w.id(e.list); w.id(e.type); w.text(e.name); optDate(w, e.birth); w.id(e.country); w.id(e.program); w.date(formatIso(e.listed)); w.end();
}

