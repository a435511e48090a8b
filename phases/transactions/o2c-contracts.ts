// Order-to-cash when a phase provides revenue recognition (ledger/capabilities.ts): each order
// is a contract. Its lines are the order itself and, in a multi-element deal, the services sold
// with it (an installation, a support subscription), each its own sales order with a service
// entry and an invoice. The contract is planned whole before anything posts: the provider
// allocates the price and lends the invoices their contract-balance lines instead of revenue,
// then posts the revenue from its schedule.
import { Rng, hash32 } from "../../core/rng.ts";
import type { Bundle, ContractBook, ContractLine, OpenContract } from "../../ledger/capabilities.ts";
import type { FlowEnv } from "../../ledger/flows.ts";
import { material } from "../master_data/index.ts";
import { bill, deliver, invoiceAmounts, revenueAccount, writeOrder, type O2CParams, type Order } from "./o2c.ts";

/** A delivery of the order: its day, its invoice's day and the quantity. */
type Part = [day: number, invoiceDay: number, qty: number];

export interface Contract {
  open: OpenContract;
  /** Writes the bundle's documents and posts the contract's revenue. */
  close(): void;
}

export function openContract(env: FlowEnv, book: ContractBook, o: Order, ordered: number, qty: number, parts: Part[], bundle: Bundle | undefined, check: string, p: O2CParams): Contract {
  const { cx } = env;
  const invoices = parts.map(([day, invoiceDay, q], k) => ({ id: `CI-${o.id.slice(3)}-${k + 1}`, day: invoiceDay, net: invoiceAmounts(env, o, invoiceDay, q).netC, billable: day }));
  // What is ordered sells on its own at its agreed price: its standalone selling price is what it is invoiced (company currency).
  const lines: ContractLine[] = [{
    soId: o.id, materialIndex: o.mi, kind: o.m.type === "service" ? "service" : "goods", quantity: qty, price: qty * o.price,
    standalone: invoices.reduce((s, i) => s + i.net, 0), revenue: revenueAccount(env, o),
    deliveries: parts.map(([day, , q], k) => ({ id: `DL-${o.id.slice(3)}-${k + 1}`, day, quantity: q })),
    invoices,
  }];
  const timing = bundle ? book.timing(o.id, bundle, parts[0]![0]) : [];
  const services = (bundle?.lines ?? []).map((l, k) => {
    const m = material(cx, o.c.index, l.materialIndex);
    const s: Order = { ...o, id: `${o.id}-${l.kind === "installation" ? "I" : "S"}`, m, mi: l.materialIndex, price: Math.max(1, env.fx.convert(l.unitPrice, o.c.currency, o.c.digits, o.doc.currency, o.doc.digits, ordered)) };
    const t = timing[k]!;
    // Each bill's amount is billable once its service entry is made (in advance: on the first day).
    lines.push({
      soId: s.id, materialIndex: l.materialIndex, kind: l.kind, quantity: l.quantity, price: l.quantity * s.price,
      standalone: l.standalone, revenue: revenueAccount(env, s), deliveries: [], service: { start: t.start, end: t.end },
      invoices: t.bills.map((b, n) => ({ id: `CI-${s.id.slice(3)}-${n + 1}`, day: b.invoice, net: invoiceAmounts(env, s, b.invoice, b.quantity).netC, billable: b.entry })),
    });
    return { s, quantity: l.quantity, t };
  });
  const open = book.open({ soId: o.id, customer: o.cust.id, orderDay: ordered, currency: o.doc.currency, lines });
  return {
    open,
    close() {
      // The services' documents draw from a stream of their own: the orders after a deal draw as without it.
      const own = { ...env, rng: new Rng(cx.seed, hash32("o2c_bundle"), hash32(o.id)) };
      for (const { s, quantity, t } of services) {
        t.bills.forEach((b, n) => {
          const delivery = `DL-${s.id.slice(3)}-${n + 1}`;
          if (b.entry < env.endDay) deliver(own, s, delivery, b.entry, b.quantity, false);
          if (b.entry < env.endDay && b.invoice < env.endDay) bill(own, s, delivery, b.invoice, b.quantity, p, open);
        });
        const billed = t.bills.every((b) => b.invoice < env.endDay);
        writeOrder(own, s, ordered, quantity, check, billed ? "closed" : t.start < env.endDay ? "open" : "cut_off");
      }
      book.close(open);
    },
  };
}
