// Kickbacks (needs procure_to_pay): per company one colluding pair, a services vendor and an
// approver. The plan's count of kickback anomalies is allocated to service-purchase blocks like
// any procure-to-pay type; the phase tells the transactions phase (capability
// purchase_kickbacks) which of a block's other-opex orders go to the colluding vendor and by how
// much their invoice is marked up (5-15% over the order price). The transactions phase posts,
// pays and carries them as open items through its normal code, so the invoice entry (with its
// price-variance line and the larger AP credit), the payment, vendor_invoices, payments,
// ap_open_items, the AP subledger and ageing and sourcing's price deviations all include the
// higher price and reconcile. The overlay labels exactly those rows: the invoice and payment
// entries, the vendor_invoices and payments rows, the ap_open_items rows of the invoice and the
// purchase_orders row (its vendor is the colluding one).
import { hash32 } from "../../core/rng.ts";
import type { CompanyInfo, RunContext } from "../../ledger/context.ts";
import type { KickbackOrder, PurchaseKickbacks } from "../../ledger/capabilities.ts";
import { APPROVERS, approverId } from "../../ledger/journal.ts";
import type { OverlayContext } from "../api.ts";
import { vendorPools } from "../transactions/p2p.ts";
import { vendor } from "../master_data/index.ts";
import { anomalyType } from "./catalog.ts";
import { minor, money, type Doc } from "./doc.ts";
import type { Injected } from "./inject-entries.ts";
import { changesOf, writeAnomalyLabel, writeTableLabel, type Change } from "./labels.ts";
import { allClusters, clusterStart, quotasOf, streamFor } from "./plan.ts";
import { anomalyLabels } from "./tables.ts";

const TYPE = "kickback";

export interface KickbackScheme {
  vendorIndex: number;
  vendorId: string;
  approver: string;
  scheme: string;
}

const schemes = new WeakMap<RunContext, KickbackScheme[]>();

/** A company's colluding pair, from the plan alone. */
export function kickbackScheme(cx: RunContext, c: CompanyInfo): KickbackScheme {
  let list = schemes.get(cx);
  if (!list) schemes.set(cx, (list = []));
  return (list[c.index] ??= (() => {
    const rng = streamFor(cx, hash32(c.code), hash32(TYPE), 1);
    // A vendor billing in the company's currency where the pool has one.
    const all = vendorPools(cx, c).services;
    const own = all.filter((i) => vendor(cx, c.index, i).currency === c.currency);
    const pool = own.length ? own : all;
    const vendorIndex = pool[rng.int(pool.length)]!;
    return { vendorIndex, vendorId: vendor(cx, c.index, vendorIndex).id, approver: approverId(c.code, APPROVERS[rng.int(APPROVERS.length)]!), scheme: `SC-${c.code}-KB-1` };
  })());
}

/** The first period the company's scheme has a kickback in. */
function firstPeriod(cx: RunContext, c: CompanyInfo): number {
  return Math.min(...allClusters(cx, c.code, TYPE).map((cl) => clusterStart(cx, cl)));
}

const listed = (cx: RunContext) => (cx.phase("anomalies").params.types as string[]).includes(TYPE);

/** One marked-up order of a block, as the overlay labels it. */
interface Marked {
  /** <company>-<order number> (the chain's base). */
  base: string;
  seq: number;
  markup: number;
  cluster: string;
  /** The invoice's price variance (company currency, minor units) once the journal showed it. */
  variance?: number;
  inj?: Injected;
}

/** What each block decided (the block's overlay runs right after it, in the same worker). */
const decided = new WeakMap<RunContext, Map<number, Map<string, Marked>>>();

function blockMap(cx: RunContext): Map<number, Map<string, Marked>> {
  let m = decided.get(cx);
  if (!m) decided.set(cx, (m = new Map()));
  return m;
}

/** What the phase lends the transactions phase: a block's marked-up orders. */
export const purchaseKickbacks: PurchaseKickbacks = {
  orders(cx: RunContext, c: CompanyInfo, block: number, seqs: readonly number[]): ReadonlyMap<number, KickbackOrder> {
    const out = new Map<number, KickbackOrder>();
    if (!listed(cx)) return out;
    const quotas = quotasOf(cx, block).filter((q) => q.type.id === TYPE);
    const marked = new Map<string, Marked>();
    blockMap(cx).set(block, marked);
    if (quotas.length === 0 || seqs.length === 0) return out;
    const s = kickbackScheme(cx, c);
    const rng = streamFor(cx, hash32(TYPE), block);
    const pool = [...seqs];
    for (const q of quotas) {
      for (let k = 0; k < q.count && pool.length > 0; k++) {
        const seq = pool.splice(rng.int(pool.length), 1)[0]!;
        const markup = 0.05 + 0.1 * rng.next();
        out.set(seq, { vendorIndex: s.vendorIndex, markup });
        const base = `${c.code}-${String(seq).padStart(9, "0")}`;
        marked.set(base, { base, seq, markup, cluster: q.cluster });
      }
    }
    return out;
  },
};

/** The block's marked-up orders (none when the type is not listed or the block has none). */
export function kickbacksOf(cx: RunContext, block: number | undefined): Map<string, Marked> | undefined {
  if (block === undefined || !listed(cx)) return undefined;
  const m = blockMap(cx).get(block);
  return m && m.size > 0 ? m : undefined;
}

/**
 * The journal of a block of service purchases: each marked-up order's invoice and payment
 * entries are the anomaly (labelled line by line as the added variance and the larger AP and
 * bank amounts); returns the injected anomalies (counted and flagged in ml_labels like the others).
 * What the block could not place (an invoice after the scenario end, too few orders) it reports short.
 */
export function kickbackJournal(cx: RunContext, at: OverlayContext, docs: readonly Doc[], c: CompanyInfo, short: (n: number) => void): { injected: Injected[]; bases: Set<string> } {
  const injected: Injected[] = [];
  const bases = new Set<string>();
  if (at.block === undefined || !listed(cx)) return { injected, bases };
  // What the block could not place: fewer other-opex orders than planned, or invoices after the scenario end.
  const planned = quotasOf(cx, at.block).filter((q) => q.type.id === TYPE).reduce((n, q) => n + q.count, 0);
  const marked = kickbacksOf(cx, at.block);
  if (!marked) {
    if (planned > 0) short(planned);
    return { injected, bases };
  }
  const t = anomalyType(TYPE);
  const s = kickbackScheme(cx, c);
  const w = at.out.table(anomalyLabels);
  for (const m of marked.values()) {
    const vi = docs.filter((d) => d.id.startsWith(`JE-VI-${m.base}-`));
    if (vi.length === 0) continue;
    const py = docs.filter((d) => d.id.startsWith(`JE-PY-${m.base}-`));
    const id = `AN-${c.code}-KB-${String(m.seq).padStart(9, "0")}`;
    // The scheme's documents take the ml split of its first period.
    const inj: Injected = { type: t, cluster: m.cluster, docs: [...vi, ...py], related: [s.vendorId, s.approver], scheme: s.scheme, id, splitPeriod: firstPeriod(cx, c) };
    m.inj = inj;
    bases.add(m.base);
    for (const d of vi) {
      const variance = d.rows.find((r) => isVariance(d, r));
      const ap = d.rows.find((r) => d.role(r) === "ap_control");
      m.variance = variance ? minor(variance.debit_amount) : 0;
      const changes: Change[] = [];
      if (variance) changes.push({ field: "debit_amount", line: Number(variance.line_number), from: null, to: variance.debit_amount });
      if (ap) changes.push({ field: "credit_amount", line: Number(ap.line_number), from: null, to: ap.credit_amount });
      writeAnomalyLabel(w, id, inj, d, changes);
    }
    for (const d of py) {
      const bank = d.rows.find((r) => d.role(r) === "bank");
      writeAnomalyLabel(w, id, inj, d, bank ? [{ field: "credit_amount", line: Number(bank.line_number), from: null, to: bank.credit_amount }] : changesOf(d.rows, d.rows));
    }
    injected.push(inj);
  }
  if (planned > injected.length) short(planned - injected.length);
  return { injected, bases };
}

/** The price-variance line of an invoice entry: a debit that is not GR/IR, tax, AP or an FX difference. */
function isVariance(d: Doc, r: Doc["rows"][number]): boolean {
  const role = d.role(r);
  return minor(r.debit_amount) > 0 && role !== "gr_ir" && role !== "input_tax" && role !== "ap_control" && role !== "fx_loss" && role !== "fx_gain";
}

const KEY: Record<string, (r: Record<string, unknown>) => string> = {
  vendor_invoices: (r) => String(r.invoice_id),
  payments: (r) => String(r.payment_id),
  ap_open_items: (r) => `${r.invoice_id} ${r.period_end}`,
  purchase_orders: (r) => String(r.po_id),
};

/** vendor_invoices, payments and ap_open_items rows of a marked-up order's invoice: labelled. */
export function kickbackTable(cx: RunContext, at: OverlayContext): void {
  const marked = kickbacksOf(cx, at.block);
  if (!marked || !KEY[at.table.name]) return;
  at.rows.forEach((row, i) => {
    const m = /^(?:VI|PO)-(.+-\d{9})/.exec(String(row.invoice_id ?? row.po_id ?? ""));
    const k = m ? marked.get(m[1]!) : undefined;
    if (!k?.inj) return;
    const code = String(row.company_code);
    const c = cx.companies[cx.companyIndex.get(code)!]!;
    const net = String(row.net_amount ?? "0");
    const digits = (net.split(".")[1] ?? "").length;
    const changes: Change[] =
      at.table.name === "vendor_invoices"
        ? [{ field: "net_amount", line: i + 1, from: money(minor(net) - minor(row.variance_amount), digits), to: net }]
        : at.table.name === "payments"
          ? [{ field: "amount", line: i + 1, from: null, to: row.amount }]
          : at.table.name === "purchase_orders"
          ? [{ field: "vendor_id", line: i + 1, from: null, to: row.vendor_id }]
          : [{ field: "open_amount", line: i + 1, from: null, to: row.open_amount }];
    const date = String(row.posting_date ?? row.payment_date ?? row.period_end ?? row.order_date);
    writeTableLabel(at.out.table(anomalyLabels), { id: k.inj.id!, inj: k.inj, company: code, currency: c.currency, table: at.table.name, key: KEY[at.table.name]!(row), date, impact: money(k.variance ?? 0, c.digits), changes, related: k.inj.related });
  });
}
