// A block of customers: quotas of normal transactions, then each customer whole (record, KYC
// file, owners, accounts, transactions, labels, relationships, screening, its case's row when it
// leads one, alerts, dispositions, SARs and reviews), and the block's ledger totals.
import type { TableOut } from "../../specs/records/table.ts";
import { accountsOf, type Account } from "./accounts.ts";
import { blockQuota, type Bank } from "./bank.ts";
import type { SimIO } from "./book.ts";
import { caseTable } from "./cases.ts";
import { headOf } from "./customers.ts";
import type { BankFlows } from "./gl.ts";
import { investigate } from "./investigations.ts";
import { kycOf, ownersOf } from "./kyc.ts";
import { labels, relationships } from "./labels.ts";
import { recordOf } from "./record.ts";
import { monitor } from "./rules.ts";
import { screening } from "./screening.ts";
import { allocatePositive, monthWeights, prepare, simulate, systemRows, type SimResult } from "./simulate.ts";
import * as T from "./tables.ts";
import * as A from "./tables-aml.ts";
import { casePlan } from "./typologies.ts";
import { writeAccount, writeCase, writeCustomer, writeKyc, writeOwner } from "./writers.ts";

interface Prepared {
  h: ReturnType<typeof headOf>;
  rec: ReturnType<typeof recordOf>;
  accts: Account[];
  sched: ReturnType<typeof prepare>;
  /** Normal items it will have whatever it does. */
  fixed: number;
}

/**
 * Customers first..first+count-1 of block b. Each gets the normal items it will have anyway
 * (scheduled items, the bank's postings) plus a share of the rest of the block's quota by its
 * activity; what a customer still needs beyond its quota is taken from the next one's.
 */
export function customers(bank: Bank, b: number, first: number, count: number, out: TableOut, flows: BankFlows): void {
  const prepared: Prepared[] = Array.from({ length: count }, (_, k) => {
    const h = headOf(bank, first + k);
    const rec = recordOf(bank, h.i);
    const accts = accountsOf(bank, h);
    const sched = prepare(bank, rec, accts);
    return { h, rec, accts, sched, fixed: systemRows(bank, sched) };
  });
  const fixed = prepared.reduce((s, x) => s + x.fixed, 0);
  const weights = prepared.map(({ h }) => h.activity * monthWeights(bank, h.onboard).reduce((s, x) => s + x, 0));
  const extra = allocatePositive(Math.max(0, blockQuota(bank, b) - fixed), weights);
  const io: SimIO = {
    tx: out.table(T.bankTransactions),
    label: out.table(A.amlTransactionLabels),
    gl: (p, d, c, amount) => flows.post(p, d, c, amount),
    overdraft: (p, amount) => flows.addOverdraft(p, amount),
  };
  let carry = Math.max(0, fixed - blockQuota(bank, b));
  prepared.forEach((x, k) => {
    const quota = x.fixed + extra[k]!;
    const sim = customer(bank, x, Math.max(0, quota - carry), io, out, flows);
    carry = Math.max(0, carry - quota) + sim.deficit;
  });
  flows.count("deficit", carry);
}

/** One customer whole: its files, its simulated scenario, and what follows from its transactions. */
function customer(bank: Bank, x: Prepared, quota: number, io: SimIO, out: TableOut, flows: BankFlows): SimResult {
  const { h, rec, accts } = x;
  const kyc = kycOf(bank, rec);
  writeCustomer(out.table(T.bankCustomers), rec);
  writeKyc(out.table(T.kycProfiles), bank, rec, kyc);
  const owners = ownersOf(bank, rec);
  for (const o of owners) writeOwner(out.table(T.beneficialOwners), rec, o);
  const sim = simulate(bank, x.sched, quota, io);
  const booker = sim.booker;
  accts.forEach((a, j) => {
    writeAccount(out.table(T.bankAccounts), bank, rec, a, booker.opening[j]!, !booker.active[j]);
    if (a.open < bank.firstDay) flows.addOpening(a.gl, -booker.opening[j]!);
  });
  labels(bank, out, rec, kyc, accts, booker);
  relationships(bank, out, rec, owners);
  screening(bank, out, rec, booker.txs);
  if (h.suspicious && h.suspicious.j === 0) caseRow(bank, out, h.suspicious.case.index);
  const alerts = monitor(bank, booker.txs, kyc.expectedTurnover);
  const [n, tp, sars] = investigate(bank, rec, kyc, alerts, { alerts: out.table(A.amlAlerts), dispositions: out.table(A.amlAlertDispositions), sars: out.table(A.sarFilings), reviews: out.table(A.kycReviews) });
  flows.count("customers");
  flows.count("accounts", accts.length);
  flows.count("normalRows", booker.normalRows);
  flows.count("labelledRows", booker.labelledRows);
  flows.count("declinedRows", booker.declined);
  flows.count("alerts", n);
  flows.count("truePositiveAlerts", tp);
  flows.count("sars", sars);
  return sim;
}

function caseRow(bank: Bank, out: TableOut, index: number): void {
  const plan = casePlan(bank, caseTable(bank).cases[index]!);
  const days = plan.legs.map((l) => l.day);
  writeCase(out.table(A.amlCases), bank, plan, Math.min(...days), Math.max(...days), plan.victims.filter((v) => v !== undefined).length);
}

