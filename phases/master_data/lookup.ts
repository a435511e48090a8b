// Master records as the document flows need them, computed once per thread (records are pure
// functions of the plan, so caching never changes a value).
import type { RunContext } from "../../ledger/context.ts";
import { customerRecord, vendorRecord } from "./partners.ts";
import { materialRecord } from "./items.ts";
import type { Customer, Material, Vendor } from "./records.ts";
import { masterParams } from "./spec.ts";
import type { Account } from "../../ledger/chart.ts";
import type { AccountRole } from "../../specs/accounts.ts";
import { hash32 } from "../../core/rng.ts";

interface Caches {
  vendors: Map<number, Vendor>;
  customers: Map<number, Customer>;
  materials: Map<number, Material>;
}

const caches = new WeakMap<RunContext, Caches>();

function cacheOf(cx: RunContext): Caches {
  let c = caches.get(cx);
  if (!c) caches.set(cx, (c = { vendors: new Map(), customers: new Map(), materials: new Map() }));
  return c;
}

/** Keys records by company and index; the cache is bounded by the master data counts. */
function cached<T>(map: Map<number, T>, company: number, i: number, make: () => T): T {
  const key = company * 1e9 + i;
  let v = map.get(key);
  if (v === undefined) map.set(key, (v = make()));
  return v;
}

export function vendor(cx: RunContext, company: number, i: number): Vendor {
  return cached(cacheOf(cx).vendors, company, i, () => vendorRecord(cx.plan, company, i));
}

export function customer(cx: RunContext, company: number, i: number): Customer {
  return cached(cacheOf(cx).customers, company, i, () => customerRecord(cx.plan, company, i));
}

export function material(cx: RunContext, company: number, i: number): Material {
  return cached(cacheOf(cx).materials, company, i, () => materialRecord(cx.plan, company, i));
}

/** The stock role of a material type: raw and semi-finished in raw materials, trading goods apart. */
const STOCK_ROLE: Record<Material["type"], AccountRole> = {
  raw: "raw_materials",
  semi_finished: "raw_materials",
  finished: "finished_goods",
  trading_goods: "trading_goods",
  service: "trading_goods",
};

/** The inventory account of a material: its type's role, the sub-account (plant) by its valuation class. */
export function inventoryAccount(cx: RunContext, m: Material): Account {
  // Material records are cached per thread: so is their account.
  let a = inventoryAccounts.get(m);
  if (!a) {
    const accounts = cx.chart.role(STOCK_ROLE[m.type]);
    inventoryAccounts.set(m, (a = accounts[hash32(m.id) % accounts.length]!));
  }
  return a;
}

const inventoryAccounts = new WeakMap<Material, Account>();

export function counts(cx: RunContext) {
  const md = masterParams(cx);
  return { vendors: Math.max(1, md.vendors), customers: Math.max(1, md.customers), materials: Math.max(1, md.materials), costCenters: Math.max(1, md.cost_centers) };
}
