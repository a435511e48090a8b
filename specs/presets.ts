// Industry presets of the scenario-level blocks (process chains, chart of accounts); phase
// parameters have theirs in each phase's spec. Precedence: what the scenario says > the
// industry preset > the schema default. Process chains are on by default (a scenario turns one
// off with `process x { enabled = false }`).
import type { Industry } from "./industries.ts";

type Fragment = Record<string, unknown>;

const chains = (p2p: number, o2c: number) => ({
  procure_to_pay: { volume: { amount: p2p, per: "year" } },
  order_to_cash: { volume: { amount: o2c, per: "year" } },
  intercompany: {},
});

export const PRESETS: Record<Industry, Fragment> = {
  manufacturing: { process: chains(6000, 8000), chart_of_accounts: { size: "medium" } },
  retail: { process: chains(3000, 20000), chart_of_accounts: { size: "medium" } },
  financial_services: { process: chains(1500, 2500), chart_of_accounts: { size: "large" } },
  healthcare: { process: chains(5000, 12000), chart_of_accounts: { size: "medium" } },
  technology: { process: chains(1500, 4000), chart_of_accounts: { size: "small" } },
};
