// A contract's accounting, worked out when order-to-cash opens it (by then every delivery and
// invoice of it is planned): the transaction price (step 3), its allocation by relative
// standalone selling price (step 4), each obligation's schedule (step 5), and every event in
// date order with the contract's position (revenue recognised minus billed) split into a
// contract liability, a contract asset and an unbilled receivable. Pure: a function of the order.
import { allocate } from "../../core/allocate.ts";
import { civilFromDays, daysFromCivil, daysInMonth } from "../../core/calendar.ts";
import type { ContractLine, ContractOrder } from "../../ledger/capabilities.ts";
import type { Account } from "../../ledger/chart.ts";

export interface ScheduleRow {
  day: number;
  amount: number;
  cumulative: number;
  delivery?: string;
}

export interface Obligation {
  line: ContractLine;
  allocated: number;
  pattern: "point_in_time" | "over_time";
  schedule: ScheduleRow[];
}

/** Contract balances on their natural side: liability (credit), asset and unbilled receivable (debit). */
export interface Balances {
  liability: number;
  asset: number;
  unbilled: number;
}

/** Revenue recognised on a day (and the balance changes it makes): one entry per contract and day. */
export interface Recognition {
  day: number;
  revenue: { account: Account; amount: number }[];
  /** [obligation, schedule row] posted by it. */
  rows: [number, number][];
  change: Balances;
}

export interface Billing {
  day: number;
  net: number;
  change: Balances;
}

export interface ContractPlan {
  transactionPrice: number;
  standalone: number;
  obligations: Obligation[];
  /** Events within the scenario, in date order. */
  recognitions: Recognition[];
  billings: Map<string, Billing>;
  /** The balances after each day with an event (ascending days). */
  positions: { day: number; balances: Balances }[];
}

const ZERO: Balances = { liability: 0, asset: 0, unbilled: 0 };

/**
 * The position P = recognised - billed: a liability when negative; when positive, the part
 * billable now (delivered or completed, invoice pending) is an unbilled receivable, the rest a
 * contract asset (its right still depends on performance).
 */
export function split(position: number, billable: number): Balances {
  if (position <= 0) return { liability: Math.max(0, -position), asset: 0, unbilled: 0 };
  const unbilled = Math.min(position, Math.max(0, billable));
  return { liability: 0, asset: position - unbilled, unbilled };
}

const minus = (a: Balances, b: Balances): Balances => ({ liability: a.liability - b.liability, asset: a.asset - b.asset, unbilled: a.unbilled - b.unbilled });
export const isZero = (b: Balances) => b.liability === 0 && b.asset === 0 && b.unbilled === 0;

export function planContract(order: ContractOrder, endDay: number): ContractPlan {
  const standalone = order.lines.map((l) => l.standalone);
  const transactionPrice = order.lines.reduce((s, l) => s + l.invoices.reduce((t, i) => t + i.net, 0), 0);
  const allocated = allocate(transactionPrice, standalone);
  const obligations = order.lines.map((line, i) => obligationOf(line, allocated[i]!));
  return { transactionPrice, standalone: standalone.reduce((a, b) => a + b, 0), obligations, ...events(obligations, endDay) };
}

function obligationOf(line: ContractLine, allocated: number): Obligation {
  if (line.service) return { line, allocated, pattern: "over_time", schedule: overTime(allocated, line.service.start, line.service.end) };
  return { line, allocated, pattern: "point_in_time", schedule: atDeliveries(allocated, line) };
}

/** Control passes at each delivery: the allocated price by quantity delivered (the last takes the rest). */
function atDeliveries(allocated: number, line: ContractLine): ScheduleRow[] {
  const total = line.deliveries.reduce((s, d) => s + d.quantity, 0);
  const rows: ScheduleRow[] = [];
  let qty = 0;
  let prev = 0;
  line.deliveries.forEach((d, k) => {
    qty += d.quantity;
    const cumulative = k === line.deliveries.length - 1 || total === 0 ? allocated : Math.floor((allocated * qty) / total);
    if (cumulative !== prev) rows.push({ day: d.day, amount: cumulative - prev, cumulative, delivery: d.id });
    prev = cumulative;
  });
  return rows;
}

/** Rendered evenly by days: one row per month end the service runs through, and its last day. */
export function overTime(allocated: number, start: number, end: number): ScheduleRow[] {
  const days = end - start + 1;
  const rows: ScheduleRow[] = [];
  let prev = 0;
  for (let day = start; day <= end; ) {
    const { y, m } = civilFromDays(day);
    const rowDay = Math.min(end, daysFromCivil(y, m, daysInMonth(y, m)));
    const cumulative = rowDay === end ? allocated : Math.floor((allocated * (rowDay - start + 1)) / days);
    if (cumulative !== prev) rows.push({ day: rowDay, amount: cumulative - prev, cumulative });
    prev = cumulative;
    day = rowDay + 1;
  }
  return rows;
}

/**
 * Walks the contract's days in order: what becomes billable first, then the day's revenue (one
 * entry), then its invoices. Only what happens before the scenario end is posted.
 */
function events(obligations: Obligation[], endDay: number): Pick<ContractPlan, "recognitions" | "billings" | "positions"> {
  const days = new Set<number>();
  const billable = new Map<number, number>();
  const invoices = new Map<number, { id: string; net: number }[]>();
  const revenue = new Map<number, [number, number][]>();
  obligations.forEach((o, i) => {
    for (const inv of o.line.invoices) {
      if (inv.billable < endDay) (days.add(inv.billable), billable.set(inv.billable, (billable.get(inv.billable) ?? 0) + inv.net));
      if (inv.day < endDay) (days.add(inv.day), invoices.set(inv.day, [...(invoices.get(inv.day) ?? []), { id: inv.id, net: inv.net }]));
    }
    o.schedule.forEach((r, k) => r.day < endDay && (days.add(r.day), revenue.set(r.day, [...(revenue.get(r.day) ?? []), [i, k]])));
  });
  const recognitions: Recognition[] = [];
  const billings = new Map<string, Billing>();
  const positions: ContractPlan["positions"] = [];
  let position = 0;
  let pending = 0;
  let balances = ZERO;
  for (const day of [...days].sort((a, b) => a - b)) {
    pending += billable.get(day) ?? 0;
    const rows = revenue.get(day) ?? [];
    const byAccount = new Map<Account, number>();
    for (const [i, k] of rows) {
      const amount = obligations[i]!.schedule[k]!.amount;
      position += amount;
      byAccount.set(obligations[i]!.line.revenue, (byAccount.get(obligations[i]!.line.revenue) ?? 0) + amount);
    }
    const after = split(position, pending);
    // A day that only makes an amount billable still moves it from contract asset to unbilled receivable.
    if (rows.length > 0 || !isZero(minus(after, balances))) {
      recognitions.push({ day, revenue: [...byAccount].map(([account, amount]) => ({ account, amount })), rows, change: minus(after, balances) });
    }
    balances = after;
    for (const inv of invoices.get(day) ?? []) {
      position -= inv.net;
      pending -= inv.net;
      const next = split(position, pending);
      billings.set(inv.id, { day, net: inv.net, change: minus(next, balances) });
      balances = next;
    }
    positions.push({ day, balances });
  }
  return { recognitions, billings, positions };
}

/** The balances at the end of a day: after the last event on or before it. */
export function balancesAt(plan: ContractPlan, day: number): Balances {
  let b = ZERO;
  for (const p of plan.positions) {
    if (p.day > day) break;
    b = p.balances;
  }
  return b;
}
