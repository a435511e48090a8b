// Random banking settings (country and currency, scenario length, volumes, rates, products,
// transfers between customers, the group banking there or not): every output passes the
// independent checks. Small volumes, a handful of draws; a wider sweep found the sharp edges.
import { describe, expect, test } from "bun:test";
import { compile } from "../../compiler/compile.ts";
import { Rng } from "../../core/rng.ts";
import { generateInMemory } from "../../testing/arbitraries.ts";
import { verifyBanking } from "../../testing/verify-banking.ts";
import { generousTimeout } from "../setup.ts";

generousTimeout();

const COUNTRIES = [["US", "USD"], ["GB", "GBP"], ["JP", "JPY"], ["DE", "EUR"], ["CH", "CHF"], ["AU", "AUD"], ["IN", "INR"]] as const;

function draw(k: number) {
  const r = new Rng(1414, k);
  const [country, currency] = COUNTRIES[r.int(COUNTRIES.length)]!;
  const months = 1 + r.int(14);
  const apc = 1 + 3 * r.next();
  const tpc = Math.ceil(2 + 3 * apc) + r.int(8);
  const suspicious = 1 + r.int(12);
  const customers = 40 + r.int(60);
  // About eight labelled transactions per suspicious customer: enough for every case's minimum
  // steps and few enough for a short scenario's bank days, so the rate is met exactly.
  const laundering = Math.min(20, Math.max(0.1, (800 * Math.max(1, Math.round((customers * suspicious) / 100))) / (customers * tpc * months)));
  const source = `
scenario "Random bank" { seed = ${k}  industry = retail  start = 202${3 + r.int(3)}-0${1 + r.int(9)}-01  months = ${months} }
company C1 { country = ${country}  currency = ${currency} }
phase master_data { vendors = 15 customers = 15 materials = 5 fixed_assets = 4 employees = 8 cost_centers = 2 }
phase transactions { volume = 300 per year }
phase banking {
  customers = ${customers}  accounts_per_customer = ${apc.toFixed(2)}  transactions_per_customer = ${tpc}
  suspicious_rate = ${suspicious}%  laundering_rate = ${laundering.toFixed(3)}%  p2p_rate = ${r.int(20)}%  group_accounts = ${r.chance(0.5) ? "on" : "off"}
}`;
  return { source, suspicious: suspicious / 100, laundering: Number(laundering.toFixed(3)) / 100 };
}

describe("banking under random settings", () => {
  for (let k = 0; k < 5; k++) {
    test(`draw ${k}: balances, ledger, patterns, shares and the group link hold`, () => {
      const d = draw(k);
      const r = compile(d.source, { path: `random-bank-${k}.synth` });
      expect(r.diagnostics.filter((x) => x.severity === "error")).toEqual([]);
      expect(verifyBanking(generateInMemory(r.plan!).tables, { suspiciousRate: d.suspicious, launderingRate: d.laundering })).toEqual([]);
    });
  }
});
