// The business documents every posting phase writes the same way: invoices, payments,
// receipts and stock movements (shared record specs), and the dates they follow (due dates,
// nothing after the scenario end).
import { civilFromDays, daysFromCivil, daysInMonth, formatIso } from "../core/calendar.ts";
import { customerInvoices, customerReceipts, inventoryMovements, payments, vendorInvoices } from "../specs/records/flows.ts";
import type { CompanyInfo } from "./context.ts";
import { rateText } from "./fx.ts";
import type { FlowEnv, OpenInvoice, Settlement } from "./flows.ts";
import type { TableOut } from "../specs/records/table.ts";

/** A stock movement `MV-<id>`, referring to the document that caused it (by default `id` itself). */
export function writeMovement(env: { out: TableOut }, c: CompanyInfo, id: string, materialId: string, day: number, type: string, qty: number, value: number, reference = id): void {
  const w = env.out.table(inventoryMovements);
  w.id(c.code);
  w.id(`MV-${id}`);
  w.id(materialId);
  w.date(formatIso(day));
  w.id(type);
  w.int(qty);
  w.money(value, c.digits);
  w.id(reference);
  w.end();
}

/** Settlements after the scenario end do not happen (the item stays open). */
export function within(env: FlowEnv, s: Settlement[]): Settlement[] {
  return s.filter((x) => x.day < env.endDay);
}

export function writeVendorInvoice(env: FlowEnv, inv: OpenInvoice, po: string | null, gr: string | null, terms: { discountPercent: string; discountDays: number }, net: number, tax: number, vr: { type: string; blocked: boolean }, varianceDoc: number, journalId = `JE-${inv.id}`): void {
  // The block is lifted on the release day; an unblocked invoice has none.
  const c = inv.company;
  const w = env.out.table(vendorInvoices);
  w.id(c.code);
  w.id(inv.id);
  w.id(inv.partner);
  optional(w, po);
  optional(w, gr);
  w.date(formatIso(inv.invoiceDay));
  w.date(formatIso(inv.invoiceDay));
  w.date(formatIso(inv.dueDay));
  if (Number(terms.discountPercent) > 0 && terms.discountDays > 0) w.date(formatIso(inv.invoiceDay + terms.discountDays));
  else w.empty();
  w.id(inv.doc.currency);
  w.money(net, inv.doc.digits);
  w.money(tax, inv.doc.digits);
  w.money(inv.gross, inv.doc.digits);
  w.money(inv.booked, c.digits);
  w.id(vr.type);
  w.money(varianceDoc, inv.doc.digits);
  w.bool(vr.blocked);
  if (vr.blocked && inv.releaseDay !== undefined) w.date(formatIso(inv.releaseDay));
  else w.empty();
  w.id(journalId);
  w.end();
}

export function optional(w: { id(v: string): void; empty(): void }, v: string | null): void {
  if (v === null) w.empty();
  else w.id(v);
}

export function writePayment(env: FlowEnv, inv: OpenInvoice, s: Settlement): void {
  const c = inv.company;
  const w = env.out.table(payments);
  w.id(c.code);
  w.id(s.id);
  w.id(inv.id);
  w.id(inv.partner);
  w.date(formatIso(s.day));
  w.id(inv.doc.currency);
  w.money(s.amount, inv.doc.digits);
  w.money(s.discount, inv.doc.digits);
  w.money(s.companyAmount!, c.digits);
  w.decimal(rateText(s.rate!));
  w.id(s.kind);
  w.id(`JE-${s.id}`);
  w.end();
}

export function writeCustomerInvoice(env: FlowEnv, inv: OpenInvoice, so: string | null, delivery: string | null, net: number, tax: number, journalId = `JE-${inv.id}`): void {
  const c = inv.company;
  const w = env.out.table(customerInvoices);
  w.id(c.code);
  w.id(inv.id);
  w.id(inv.partner);
  optional(w, so);
  optional(w, delivery);
  w.date(formatIso(inv.invoiceDay));
  w.date(formatIso(inv.dueDay));
  w.id(inv.doc.currency);
  w.money(net, inv.doc.digits);
  w.money(tax, inv.doc.digits);
  w.money(inv.gross, inv.doc.digits);
  w.money(inv.booked, c.digits);
  w.id(journalId);
  w.end();
}

export function writeReceipt(env: FlowEnv, inv: OpenInvoice, s: Settlement): void {
  const c = inv.company;
  const w = env.out.table(customerReceipts);
  w.id(c.code);
  w.id(s.id);
  w.id(inv.id);
  w.id(inv.partner);
  w.date(formatIso(s.day));
  w.id(inv.doc.currency);
  w.money(s.amount, inv.doc.digits);
  w.money(s.companyAmount!, c.digits);
  w.decimal(rateText(s.rate!));
  w.int(Math.max(0, s.day - inv.dueDay));
  w.id(s.kind);
  w.id(`JE-${s.id}`);
  w.end();
}

/** Net due day: n days after the invoice, or after the end of the invoice month for EOM terms. */
export function dueDay(invoiceDay: number, terms: { code: string; days: number }): number {
  if (!terms.code.startsWith("EOM")) return invoiceDay + terms.days;
  const { y, m } = civilFromDays(invoiceDay);
  return daysFromCivil(y, m, daysInMonth(y, m)) + terms.days;
}
