// Volume scaling (`synth compile --scale 0.01`): the same scenario at a fraction of its volume,
// for a quick preview or a CI smoke run. Every count and rate shrinks by the factor (at least
// 1 where the scenario had any); distributions, dates and settings stay as written. The factor
// is recorded in the plan, so `compile --check` reproduces it.
import type { Model } from "./model.ts";

const MASTER_COUNTS = ["vendors", "customers", "materials", "fixed_assets", "employees", "cost_centers"] as const;

const scaled = (n: number, factor: number) => (n === 0 ? 0 : Math.max(1, Math.round(n * factor)));

export function scaleModel(m: Model, factor: number): void {
  if (factor === 1) return;
  const p = m.params;
  p.transactions.volume = { ...p.transactions.volume, amount: scaled(p.transactions.volume.amount, factor) };
  for (const k of MASTER_COUNTS) p.master_data[k] = scaled(p.master_data[k], factor);
  p.manufacturing.production_orders.amount = scaled(p.manufacturing.production_orders.amount, factor);
  p.sales_kpis_budgets.quotes.amount = scaled(p.sales_kpis_budgets.quotes.amount, factor);
  p.banking.customers = scaled(p.banking.customers, factor);
  for (const process of Object.values(m.doc.process)) {
    if (process) process.volume = { ...process.volume, amount: scaled(process.volume.amount, factor) };
  }
}
