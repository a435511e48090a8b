// The fixed-asset register as the ledger sees it: each asset's GL accounts and its straight-line
// depreciation to any day, in exact minor units (so the register reconciles to the GL to the cent).
import { civilFromDays, parseIso } from "../../core/calendar.ts";
import type { RunContext } from "../../ledger/context.ts";
import type { Account } from "../../ledger/chart.ts";
import { fixedAssetRecord } from "./items.ts";
import { masterParams } from "./spec.ts";

export interface AssetView {
  id: string;
  assetClass: string;
  costCenter: string;
  cost: number;
  salvage: number;
  /** 0: not depreciated (land). */
  lifeMonths: number;
  /** Months since year 0 of the acquisition month (depreciation starts the month after). */
  acquiredMonth: number;
  ppe: Account;
  accumulated: Account | undefined;
}

const CLASS_ACCOUNTS: Record<string, [string, string | undefined]> = {
  land: ["1500", undefined],
  buildings: ["1510", "1519"],
  machinery: ["1520", "1529"],
  vehicles: ["1530", "1539"],
  it_equipment: ["1540", "1549"],
  furniture: ["1550", "1559"],
};

/** Accumulated depreciation after `months` full months of service (exact, never past cost - salvage). */
export function accumulatedAfter(a: AssetView, months: number): number {
  if (a.lifeMonths <= 0 || months <= 0) return 0;
  const base = a.cost - a.salvage;
  return Math.floor((base * Math.min(months, a.lifeMonths)) / a.lifeMonths);
}

/** Full months of service at the end of the month with index `monthIndex` (year * 12 + month - 1). */
export function monthsInService(a: AssetView, monthIndex: number): number {
  return Math.max(0, monthIndex - a.acquiredMonth);
}

export function monthIndexOfDay(day: number): number {
  const { y, m } = civilFromDays(day);
  return y * 12 + m - 1;
}

const cache = new WeakMap<RunContext, AssetView[][]>();

/** All fixed assets of a company (recomputed from the plan, cached per thread). */
export function assetsOf(cx: RunContext, companyIndex: number): AssetView[] {
  let all = cache.get(cx);
  if (!all) cache.set(cx, (all = []));
  let list = all[companyIndex];
  if (!list) {
    const count = masterParams(cx).fixed_assets;
    list = all[companyIndex] = Array.from({ length: count }, (_, i) => view(cx, companyIndex, i));
  }
  return list;
}

function view(cx: RunContext, companyIndex: number, i: number): AssetView {
  const r = fixedAssetRecord(cx.plan, companyIndex, i);
  const [ppeNumber, accNumber] = CLASS_ACCOUNTS[r.assetClass] ?? CLASS_ACCOUNTS.machinery!;
  const ppe = cx.chart.get(ppeNumber);
  const accumulated = accNumber ? cx.chart.get(accNumber) : undefined;
  return {
    id: r.id,
    assetClass: r.assetClass,
    costCenter: r.costCenterId,
    cost: r.acquisitionCost,
    salvage: r.salvageValue,
    lifeMonths: r.usefulLifeMonths,
    acquiredMonth: monthIndexOfDay(parseIso(r.acquisitionDate)),
    // Custom charts may renumber: fall back to the roles.
    ppe: ppe?.posting ? ppe : cx.chart.one("ppe"),
    accumulated: accNumber ? (accumulated?.posting ? accumulated : cx.chart.one("accumulated_depreciation")) : undefined,
  };
}
