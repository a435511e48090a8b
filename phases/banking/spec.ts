// banking: a bank whose customers (persons in households, businesses, trusts) have KYC files,
// accounts and transactions over the scenario, with laundering and fraud cases of thirteen
// typologies labelled at transaction, account, customer and relationship level; a rule engine's
// alerts, the analysts' dispositions, SARs and KYC reviews; a synthetic watchlist; and the
// bank's own balanced books. See docs/banking.md.
import type { PhaseSpec, CheckContext } from "../../specs/phase.ts";
import { buildLayout } from "../../specs/layout.ts";
import { formatPercent } from "../../specs/units.ts";
import { params, SOPHISTICATION, type BankingParams } from "./params.ts";
import { customersPerBlock, watchlistSize } from "./sizes.ts";
import { BANK_TABLES } from "./tables.ts";
import { AML_TABLES } from "./tables-aml.ts";

const at = (cx: CheckContext, ...path: string[]) => cx.at("phase", "banking", ...path);
const round = (x: number) => Math.round(x * 1e9) / 1e9;

function checkShares(cx: CheckContext): void {
  const p = cx.params("banking") as BankingParams;
  const mix = SOPHISTICATION.reduce((s, k) => s + p.sophistication[k], 0);
  if (Math.abs(mix - 1) > 1e-9) cx.report("SYN3011", `sophistication shares add up to ${formatPercent(round(mix))}, not 100%`, at(cx, "sophistication"));
  if (p.business_share + p.trust_share > 1 + 1e-9) cx.report("SYN3011", `business_share + trust_share are ${formatPercent(round(p.business_share + p.trust_share))}, more than 100%`, at(cx, "business_share"));
  // Scheduled items (salary, rent, bills, standing orders, card statements, loan instalments, fees) come first: the quota must hold them.
  const least = Math.ceil(2 + 3 * p.accounts_per_customer);
  if (p.transactions_per_customer < least) {
    cx.report("SYN3002", `transactions_per_customer = ${p.transactions_per_customer} leaves no room for the scheduled items of ${p.accounts_per_customer} accounts a customer`, at(cx, "transactions_per_customer"), `use at least ${least} (2 + 3 x accounts_per_customer), or fewer accounts`);
  }
  if (p.laundering_rate >= 0.5) cx.report("SYN3002", `laundering_rate ${formatPercent(p.laundering_rate)} would make laundering the norm`, at(cx, "laundering_rate"), "AMLworld's HI sets use about 0.1%");
}

export const bankingSpec = {
  id: "banking",
  title: "Banking KYC/AML",
  rank: 8,
  stage: "posting",
  params,
  needs: ["master_data"],
  after: ["transactions"],
  tables: [...BANK_TABLES, ...AML_TABLES],
  steps: [
    // Customers, their accounts and their whole scenario: block-parallel, before the periods.
    { name: "records", stage: "setup", kind: "blocks", posts: ["bank_flows"] },
    // The group's journal lines on bank accounts, kept for their statements (group_accounts = on).
    { name: "feed", stage: "posting", kind: "overlay", posts: ["journal_entries"] },
    // The bank's books (and the group's accounts) once each period's postings are known.
    { name: "books", stage: "reporting", kind: "main", reads: ["bank_flows", "bank_feed"], posts: ["bank_ledger", "bank_flows"] },
  ],
  layout(cx) {
    const p = cx.params.banking as BankingParams;
    const wl = watchlistSize(p);
    return buildLayout("customers", customersPerBlock(p, cx.months), [
      { table: "reference", units: 1, blockSize: 1 },
      { table: "watchlist", units: wl.peps + wl.decoys + wl.noise, blockSize: 4096 },
      { table: "customers", units: p.customers },
    ]);
  },
  checks: [checkShares],
  provides: ["scenario_bank"],
} satisfies PhaseSpec<typeof params>;
