// Ground truth at customer, account and relationship level (the transaction labels are written
// as the items are booked): every customer and account has a row; relationships cover
// households, ownership and the links between a case's parties.
import type { TableOut } from "../../specs/records/table.ts";
import type { Bank } from "./bank.ts";
import type { Account } from "./accounts.ts";
import type { Booker } from "./book.ts";
import { caseId, participant, type Role } from "./cases.ts";
import { victimCase } from "./customers.ts";
import { customerId, pad } from "./ids.ts";
import type { Kyc, Owner } from "./kyc.ts";
import type { CustomerRecord } from "./record.ts";
import * as A from "./tables-aml.ts";
import { sanctionsEntry } from "./typologies-fraud.ts";
import { entryId } from "./watchlist.ts";
import { hundredths } from "./writers.ts";

const ACCOUNT_ROLE: Record<Role, string> = {
  none: "none", launderer: "collection_account", smurf: "pass_through", collector: "collection_account", funnel: "funnel_account", hop: "pass_through",
  originator: "pass_through", front_company: "shell_account", mule: "mule_account", controller: "pass_through", shell: "shell_account", evader: "pass_through",
  victim: "victim_account", unwitting_recipient: "victim_account",
};

export function labels(bank: Bank, out: TableOut, rec: CustomerRecord, kyc: Kyc, accts: Account[], booker: Booker): void {
  const h = rec.head;
  const s = h.suspicious;
  const v = s ? undefined : victimCase(bank, h.i);
  const c = s?.case ?? v;
  const role: Role = s ? s.role : v ? (v.typology === "cuckoo_smurfing" ? "unwitting_recipient" : "victim") : "none";
  const w = out.table(A.amlCustomerLabels);
  w.id(rec.id); w.bool(!!s); w.id(role);
  if (c) (w.id(caseId(c.index)), w.id(c.typology), w.id(c.sophistication));
  else (w.empty(), w.empty(), w.empty());
  w.bool(kyc.declared === kyc.trueSource); w.end();
  const aw = out.table(A.amlAccountLabels);
  accts.forEach((a, k) => {
    const used = booker.firstCaseDay[k]! >= 0;
    aw.id(a.id); aw.id(rec.id); aw.bool(!!s && used); aw.id(used ? ACCOUNT_ROLE[role] : "none");
    if (used && c) aw.id(caseId(c.index));
    else aw.empty();
    aw.bool(used && booker.firstCaseDay[k]! - a.open <= 90 && booker.firstCaseDay[k]! >= a.open); aw.bool(!booker.active[k]); aw.end();
  });
}

export function relationships(bank: Bank, out: TableOut, rec: CustomerRecord, owners: Owner[]): void {
  const w = out.table(A.amlRelationships);
  let n = 0;
  const row = (from: string, to: string, type: string, pct: number | undefined, suspicious: boolean, c: number | undefined) => {
    w.id(`REL-${rec.id.slice(3)}-${pad(++n, 3)}`); w.id(from); w.id(to); w.id(type);
    if (pct === undefined) w.empty();
    else w.decimal(hundredths(pct));
    w.bool(suspicious);
    if (c === undefined) w.empty();
    else w.id(caseId(c));
    w.end();
  };
  const h = rec.head;
  const s = h.suspicious;
  if (rec.household !== undefined && rec.household !== h.i) row(rec.id, customerId(rec.household), "household_member", undefined, false, undefined);
  for (const o of owners) row(o.id, rec.id, "beneficial_owner", o.percent > 0 ? o.percent : undefined, !!s, s?.case.index);
  if (s && s.j > 0) {
    const lead = customerId(participant(bank, s.case, s.role === "mule" || s.role === "smurf" ? leadOf(s.case) : 0));
    if (lead !== rec.id) row(rec.id, lead, s.role === "mule" || s.role === "smurf" ? "recruited_by" : "co_participant", undefined, true, s.case.index);
  }
  if (s && s.role === "evader") row(entryId(sanctionsEntry(bank, s.case).index), rec.id, "owned_by_listed_party", undefined, true, s.case.index);
}

/** Who recruited a case's mules or smurfs: the controller (last participant) of a mule ring, else the first participant. */
function leadOf(c: { typology: string; parts: number }): number {
  return c.typology === "money_mule" && c.parts >= 3 ? c.parts - 1 : 0;
}
