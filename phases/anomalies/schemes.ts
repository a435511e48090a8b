// Multi-step schemes and the master records they need, planned from the plan alone so every
// block knows its part: each ghost-vendor cluster of a company is one scheme, run through an
// unused (inactive) vendor record that becomes a new, active vendor with a new name, address
// and bank account. New counterparties use the company's other inactive vendors.
import type { CompanyInfo, RunContext } from "../../ledger/context.ts";
import type { OverlayContext } from "../api.ts";
import { masterParams, vendor, vendorRecord, type Vendor } from "../master_data/index.ts";
import { allClusters } from "./plan.ts";
import { anomalyType } from "./catalog.ts";
import { anomalyLabels } from "./tables.ts";
import { changesOf, writeTableLabel } from "./labels.ts";
import { money } from "./doc.ts";

export interface GhostVendor {
  index: number;
  id: string;
  scheme: string;
  cluster: string;
  /** The record as the scheme makes it (the vendors table shows this). */
  record: Vendor;
}

/** Vendor trades that bill services (what a ghost vendor invoices). */
const SERVICES = new Set(["professional_services", "it", "software", "cloud", "data_services", "staffing", "maintenance", "facilities", "marketing"]);

interface CompanySchemes {
  ghosts: GhostVendor[];
  /** Inactive vendors left for new counterparties. */
  spare: number[];
}

const cache = new WeakMap<RunContext, CompanySchemes[]>();

export function schemesOf(cx: RunContext, c: CompanyInfo): CompanySchemes {
  let list = cache.get(cx);
  if (!list) cache.set(cx, (list = []));
  return (list[c.index] ??= plan(cx, c));
}

function plan(cx: RunContext, c: CompanyInfo): CompanySchemes {
  const n = masterParams(cx).vendors;
  const inactive: number[] = [];
  for (let i = 0; i < n; i++) if (!vendor(cx, c.index, i).isActive) inactive.push(i);
  const clusters = allClusters(cx, c.code, "ghost_vendor");
  const ghosts = clusters.slice(0, inactive.length).map((cluster, j) => {
    const index = inactive[j]!;
    const own = vendor(cx, c.index, index);
    // A record the generator never lays out (an index beyond the master's) gives a plausible new
    // name, address and bank: the first such record of a service trade, so its name fits what it bills.
    let fresh = vendorRecord(cx.plan, c.index, n + 1000 + j * 64);
    for (let k = 1; k < 64 && !SERVICES.has(fresh.category); k++) fresh = vendorRecord(cx.plan, c.index, n + 1000 + j * 64 + k);
    const record: Vendor = { ...fresh, id: own.id, companyCode: c.code, currency: c.currency, isIntercompany: false, isActive: true };
    return { index, id: own.id, scheme: `SC-${c.code}-GV-${j + 1}`, cluster, record };
  });
  return { ghosts, spare: inactive.slice(ghosts.length) };
}

/** The ghost vendor of a cluster, if the company has an inactive record for it. */
export function ghostOf(cx: RunContext, c: CompanyInfo, cluster: string): GhostVendor | undefined {
  return schemesOf(cx, c).ghosts.find((g) => g.cluster === cluster);
}

/** The vendors table of a master-data block: ghost vendors take their new records (labelled). */
export function ghostVendorRows(cx: RunContext, at: OverlayContext): void {
  if (!(cx.phase("anomalies").params.types as string[]).includes("ghost_vendor")) return;
  for (const row of at.rows) {
    const c = cx.companies[cx.companyIndex.get(String(row.company_code))!];
    if (!c) continue;
    const g = schemesOf(cx, c).ghosts.find((x) => x.id === row.vendor_id);
    if (!g) continue;
    const before = { ...row };
    const r = g.record;
    Object.assign(row, {
      name: r.name, country: r.country, region: r.region, city: r.city, postal_code: r.postalCode, street: r.street, tax_id: r.taxId,
      category: r.category, payment_terms: r.terms.code, payment_terms_days: r.terms.days, discount_percent: r.terms.discountPercent,
      discount_days: r.terms.discountDays, currency: r.currency, bank_code: r.bankCode, bank_account: r.bankAccount, bank_iban: r.iban,
      is_intercompany: false, is_active: true,
    });
    const t = anomalyType("ghost_vendor");
    writeTableLabel(at.out.table(anomalyLabels), {
      id: g.scheme, inj: { type: t, cluster: g.cluster, docs: [], related: [], scheme: g.scheme }, company: c.code, currency: c.currency,
      table: "vendors", key: g.id, date: cx.plan.scenario.startDate, impact: money(0, c.digits), changes: changesOf([before], [row]), related: [],
    });
  }
}
