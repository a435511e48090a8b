// The banking phase's block step. A block is a run of consecutive customers (their KYC files,
// accounts, whole-scenario transactions, labels, alerts and reviews), a run of watchlist
// entries, or the reference tables. Everything a block writes is a pure function of the plan
// and the block; what the bank's ledger needs comes back as the BANK_FLOWS delta.
import { REPORTING_THRESHOLDS } from "../../data/banking.ts";
import type { TableOut } from "../../specs/records/table.ts";
import type { BlockStep } from "../api.ts";
import { bankOf, type Bank } from "./bank.ts";
import { customers } from "./customer-block.ts";
import { BankFlows } from "./gl.ts";
import * as A from "./tables-aml.ts";
import { entryAt } from "./watchlist.ts";
import { writeEntry } from "./writers.ts";

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

