// The banking phase's block step. A block is a run of consecutive customers (their KYC files,
// accounts, whole-scenario transactions, labels, alerts and reviews), a run of watchlist
// entries, or the reference tables. Everything a block writes is a pure function of the plan
// and the block; what the bank's ledger needs comes back as the BANK_FLOWS delta.
import { formatIso } from "../../core/calendar.ts";
import { hash32, Rng } from "../../core/rng.ts";
import { REPORTING_THRESHOLDS } from "../../data/banking.ts";
import type { TableOut } from "../../specs/records/table.ts";
import type { BlockStep } from "../api.ts";
import { accountsOf } from "./accounts.ts";
import { bankOf, blockQuota, H_BANK, type Bank } from "./bank.ts";
import type { SimIO } from "./book.ts";
import { caseId, participant, TYPOLOGY_META } from "./cases.ts";
import { headOf, isDecoy, isPep, victimCase } from "./customers.ts";
import { BankFlows } from "./gl.ts";
import { customerId, pad } from "./ids.ts";
import { investigate } from "./investigations.ts";
import { kycOf, ownersOf } from "./kyc.ts";
import { recordOf } from "./record.ts";
import { monitor } from "./rules.ts";
import { allocatePositive, monthWeights, prepare, simulate, systemRows } from "./simulate.ts";
import * as T from "./tables.ts";
import * as A from "./tables-aml.ts";
import { casePlan } from "./typologies.ts";
import { scenarioVendor } from "./typologies-fraud.ts";
import { entryAt, entryId, matchScore } from "./watchlist.ts";
import { hundredths, writeAccount, writeCase, writeCustomer, writeEntry, writeKyc, writeOwner } from "./writers.ts";
import { labels, relationships } from "./labels.ts";

export const recordsStep: BlockStep = {
  kind: "blocks",
  block(cx, _phase, ref, out) {
    const bank = bankOf(cx.plan);
    const flows = new BankFlows(bank.periods.length);
    const table = ref.segment.table;
    if (table === "reference") thresholds(bank, out);
    else if (table === "watchlist") for (let e = ref.offset; e < ref.offset + ref.units; e++) writeEntry(out.table(A.amlWatchlist), entryAt(bank, e));
    else customers(bank, Math.floor(ref.offset / bank.blockSize), ref.offset, ref.units, out, flows);
    return { bank_flows: flows.data };
  },
};

function thresholds(bank: Bank, out: TableOut): void {
  const w = out.table(A.amlReportingThresholds);
  for (const r of REPORTING_THRESHOLDS) {
    w.id(r.country); w.id(r.currency);
    if (r.threshold === null) w.empty();
    else w.money(r.threshold * 100, 2);
    w.id(r.comparison); w.id(r.aggregation); w.text(r.report); w.text(r.regulator); w.text(r.note); w.text(r.source);
    if (r.country === bank.country) w.money(bank.threshold, bank.digits);
    else w.empty();
    w.end();
  }
  if (!REPORTING_THRESHOLDS.some((r) => r.country === bank.country)) {
    w.id(bank.country); w.id(bank.currency); w.empty(); w.id("none"); w.id("none"); w.text("not in this table"); w.text(bank.fiu.fiu);
    w.text("no threshold data for this country: the bank monitors cash against 10,000 USD in its currency"); w.text("assumption of synth (docs/banking.md)");
    w.money(bank.threshold, bank.digits); w.end();
  }
}

/**
 * Customers first..first+count-1 of block b. Each gets the normal items it will have anyway
 * (scheduled items, the bank's postings) plus a share of the rest of the block's quota by its
 * activity; what a customer still needs beyond its quota is taken from the next one's.
 */
function customers(bank: Bank, b: number, first: number, count: number, out: TableOut, flows: BankFlows): void {
  const prepared = Array.from({ length: count }, (_, k) => {
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
  prepared.forEach(({ h, rec, accts, sched, fixed: own }, k) => {
    const kyc = kycOf(bank, rec);
    writeCustomer(out.table(T.bankCustomers), rec);
    writeKyc(out.table(T.kycProfiles), bank, rec, kyc);
    const owners = ownersOf(bank, rec);
    for (const o of owners) writeOwner(out.table(T.beneficialOwners), rec, o);
    const vc = victimCase(bank, h.i);
    const bec = vc?.typology === "business_email_compromise" ? becOf(bank, vc) : undefined;
    const quota = own + extra[k]!;
    const sim = simulate(bank, sched, Math.max(0, quota - carry), io, bec);
    carry = Math.max(0, carry - quota) + sim.deficit;
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
  });
  flows.count("deficit", carry);
}

function becOf(bank: Bank, c: Parameters<typeof scenarioVendor>[1]) {
  const vendor = scenarioVendor(bank, c, 0);
  const fraud = casePlan(bank, c).legs[0];
  return vendor && fraud ? { vendor, day: fraud.day } : undefined;
}

function caseRow(bank: Bank, out: TableOut, index: number): void {
  const plan = casePlan(bank, bankCases(bank)[index]!);
  const days = plan.legs.map((l) => l.day);
  writeCase(out.table(A.amlCases), bank, plan, Math.min(...days), Math.max(...days), plan.victims.filter((v) => v !== undefined).length);
}

import { caseTable } from "./cases.ts";
const bankCases = (bank: Bank) => caseTable(bank).cases;

/** Watchlist hits of the customer (onboarding screening) and of its payments (payment screening). */
function screening(bank: Bank, out: TableOut, rec: ReturnType<typeof recordOf>, txs: { id: string; day: number; watchEntry?: number }[]): void {
  const w = out.table(A.amlScreeningHits);
  const rng = new Rng(bank.seed, H_BANK, hash32("screening"), rec.head.i);
  let n = 0;
  const hit = (entry: number, tx: string | undefined, day: number, disposition: "true_match" | "false_positive", truth: boolean) => {
    const e = entryAt(bank, entry);
    const exact = e.name === rec.name;
    w.id(`HIT-${rec.id.slice(3)}-${pad(++n, 3)}`); w.id(rec.id);
    if (tx) w.id(tx);
    else w.empty();
    w.id(entryId(entry)); w.text(tx ? (txs.find((t) => t.id === tx) as { cpName?: string }).cpName ?? rec.name : rec.name); w.text(e.name);
    w.int(matchScore(rng, truth, exact && !tx)); w.date(formatIso(day)); w.id(disposition); w.bool(truth); w.end();
  };
  const onboarding = Math.max(rec.head.onboard, bank.firstDay - 3650);
  if (isPep(bank, rec.head.i)) hit(bank.pepPerm.indexOf(rec.head.i), undefined, onboarding, "true_match", true);
  if (isDecoy(bank, rec.head.i)) hit(bank.watchlist.peps + bank.decoyPerm.indexOf(rec.head.i), undefined, onboarding, "false_positive", false);
  // Sanctions evasion: the misspelt payee passed payment screening as a false positive.
  for (const t of txs) if (t.watchEntry !== undefined) hit(t.watchEntry, t.id, t.day, "false_positive", true);
}

export { customerId, caseId, participant, TYPOLOGY_META, hundredths };
