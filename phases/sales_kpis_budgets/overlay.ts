// The overlay step: it sees, inside each producing block or step, the sales orders and
// deliveries of order-to-cash, the employee events of HR and the quality inspections of
// manufacturing, and leaves their rows as they are. From the
// orders it writes the block's quotes; from orders and deliveries together it counts first
// deliveries and complete ones (order fill rate); from the events, hires and leavers; from the
// inspections, units inspected and defective (defect rate). The
// counts go into the block's deltas (counts.ts), folded in block order like any totals.
import { parseIso } from "../../core/calendar.ts";
import type { RunContext } from "../../ledger/context.ts";
import { periodOfDay } from "../../ledger/flows.ts";
import type { Deltas } from "../../ledger/state.ts";
import type { OverlayContext, OverlayStep } from "../api.ts";
import { count, K, pack } from "./counts.ts";
import { quoteOrders } from "./quotes.ts";

type Row = Record<string, unknown>;

/** A block's orders and deliveries, whichever table the overlay sees first. */
const seen = new WeakMap<Deltas, { orders?: Row[]; deliveries?: Row[] }>();

export const quotesStep: OverlayStep = {
  kind: "overlay",
  transform(cx, at) {
    // Counts go into the producing step's deltas (a block's, or a main step's folded at its end).
    if (!at.deltas) return;
    const name = at.table.name;
    if (name === "employee_events") staff(cx, at);
    if (name === "quality_inspections") inspected(cx, at);
    if (name === "sales_orders" || name === "deliveries") {
      let s = seen.get(at.deltas);
      if (!s) seen.set(at.deltas, (s = {}));
      if (name === "sales_orders") {
        s.orders = at.rows;
        quoteOrders(cx, at);
      } else s.deliveries = at.rows;
      if (s.orders && s.deliveries) fill(cx, at.deltas, s.orders, s.deliveries);
    }
    pack(at.deltas);
  },
};

/** Each order's first delivery (the one that is no backorder): complete when it ships the whole order. */
function fill(cx: RunContext, deltas: Deltas, orders: Row[], deliveries: Row[]): void {
  const ordered = new Map(orders.map((o) => [String(o.so_id), Number(o.quantity)]));
  for (const d of deliveries) {
    if (d.is_backorder === true) continue;
    const period = periodOfDay(cx, parseIso(String(d.delivery_date)));
    const qty = ordered.get(String(d.so_id));
    if (period < 0 || qty === undefined) continue;
    const company = cx.companyIndex.get(String(d.company_code))!;
    count(deltas, company, period, K.firstDeliveries);
    if (Number(d.quantity) === qty) count(deltas, company, period, K.completeDeliveries);
  }
}

/** Hires and terminations by period; hires before the start (less earlier leavers) are the opening headcount. */
function staff(cx: RunContext, at: OverlayContext): void {
  const first = cx.periods[0]!.firstDay;
  for (const e of at.rows) {
    const type = String(e.event_type);
    if (type !== "hire" && type !== "termination") continue;
    const day = parseIso(String(e.event_date));
    const company = cx.companyIndex.get(String(e.company_code))!;
    const sign = type === "hire" ? 1 : -1;
    if (day < first) count(at.deltas!, company, 0, K.employedAtStart, sign);
    else {
      const period = periodOfDay(cx, day);
      if (period >= 0) count(at.deltas!, company, period, type === "hire" ? K.hired : K.left);
    }
  }
}

/** Units inspected (the samples) and defective units found, by the period of the usage decision. */
function inspected(cx: RunContext, at: OverlayContext): void {
  for (const r of at.rows) {
    const period = periodOfDay(cx, parseIso(String(r.inspection_date)));
    if (period < 0) continue;
    const company = cx.companyIndex.get(String(r.company_code))!;
    count(at.deltas!, company, period, K.inspected, Number(r.sample_size));
    count(at.deltas!, company, period, K.defective, Number(r.defects));
  }
}
