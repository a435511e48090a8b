// Industry presets: sensible defaults per industry, in the same shape as a converted scenario.
// Precedence: what the scenario says > the industry preset > the schema default. Process chains
// are on by default (a scenario turns one off with `process x { enabled = false }`).
import type { Industry } from "./scenario.ts";

type Fragment = Record<string, unknown>;

const money = (major: number) => ({ minor: Math.round(major * 100) });

export const PRESETS: Record<Industry, Fragment> = {
  manufacturing: {
    process: {
      procure_to_pay: { volume: { amount: 6000, per: "year" } },
      order_to_cash: { volume: { amount: 8000, per: "year" } },
      intercompany: {},
    },
    chart_of_accounts: { size: "medium" },
    phase: {
      master_data: { vendors: 300, customers: 400, materials: 800, fixed_assets: 150, employees: 250, cost_centers: 30 },
      transactions: {
        volume: { amount: 24000, per: "year" },
        amounts: { median: money(2400), sigma: 1.7 },
      },
      opening_balances: { total_assets: money(80_000_000), equity_ratio: 0.42 },
    },
  },
  retail: {
    process: {
      procure_to_pay: { volume: { amount: 3000, per: "year" } },
      order_to_cash: { volume: { amount: 20000, per: "year" } },
      intercompany: {},
    },
    chart_of_accounts: { size: "medium" },
    phase: {
      master_data: { vendors: 150, customers: 5000, materials: 2000, fixed_assets: 90, employees: 400, cost_centers: 40 },
      transactions: {
        volume: { amount: 60000, per: "year" },
        amounts: { median: money(180), sigma: 1.3, round_share: 0.03 },
        // Weekend trading and the holiday season: November and December carry the peak.
        temporal: { year_end: 2.5, weekdays: [1, 1, 1, 1, 1.2, 1.4, 0.9], months: [0.85, 0.8, 0.95, 0.95, 1, 0.95, 0.95, 1, 0.95, 1, 1.3, 1.6] },
      },
      opening_balances: { total_assets: money(40_000_000), equity_ratio: 0.35 },
    },
  },
  financial_services: {
    process: {
      procure_to_pay: { volume: { amount: 1500, per: "year" } },
      order_to_cash: { volume: { amount: 2500, per: "year" } },
      intercompany: {},
    },
    chart_of_accounts: { size: "large" },
    phase: {
      master_data: { vendors: 120, customers: 2000, materials: 20, fixed_assets: 60, employees: 400, cost_centers: 25 },
      transactions: {
        volume: { amount: 40000, per: "year" },
        amounts: { median: money(25000), sigma: 2.2, round_share: 0.15 },
        temporal: { weekdays: [1, 1, 1, 1, 1, 0.02, 0.01] },
      },
      opening_balances: { total_assets: money(500_000_000), equity_ratio: 0.1 },
    },
  },
  healthcare: {
    process: {
      procure_to_pay: { volume: { amount: 5000, per: "year" } },
      order_to_cash: { volume: { amount: 12000, per: "year" } },
      intercompany: {},
    },
    chart_of_accounts: { size: "medium" },
    phase: {
      master_data: { vendors: 250, customers: 3000, materials: 1200, fixed_assets: 200, employees: 600, cost_centers: 35 },
      transactions: {
        volume: { amount: 30000, per: "year" },
        amounts: { median: money(850), sigma: 1.5 },
        temporal: { weekdays: [1, 1, 1, 1, 1, 0.6, 0.5] },
      },
      opening_balances: { total_assets: money(120_000_000), equity_ratio: 0.45 },
    },
  },
  technology: {
    process: {
      procure_to_pay: { volume: { amount: 1500, per: "year" } },
      order_to_cash: { volume: { amount: 4000, per: "year" } },
      intercompany: {},
    },
    chart_of_accounts: { size: "small" },
    phase: {
      master_data: { vendors: 100, customers: 300, materials: 50, fixed_assets: 120, employees: 200, cost_centers: 15 },
      transactions: {
        volume: { amount: 12000, per: "year" },
        amounts: { median: money(4000), sigma: 1.9 },
      },
      opening_balances: { total_assets: money(60_000_000), equity_ratio: 0.55 },
    },
  },
};
