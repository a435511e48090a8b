// A customer's side of its case: the legs that touch its current account become items with
// their labels (the case, typology, stage, role and step), the other party, and for account
// takeovers a device and IP address abroad the customer never used.
import { hash32 } from "../../core/rng.ts";
import { PARTNER_COUNTRIES } from "../../data/countries.ts";
import type { Bank } from "./bank.ts";
import type { CasePlan, End, Leg } from "./case-builder.ts";
import { caseId, caseTable, type Role } from "./cases.ts";
import { victimCase } from "./customers.ts";
import type { Ev, Party } from "./events.ts";
import { documentationIp } from "./ids.ts";
import type { CustomerRecord } from "./record.ts";
import { partyOf } from "./schedule.ts";
import { casePlan } from "./typologies.ts";

export function caseEvents(bank: Bank, rec: CustomerRecord): Ev[] {
  const h = rec.head;
  const out: Ev[] = [];
  if (h.suspicious) add(bank, rec, out, casePlan(bank, h.suspicious.case), h.suspicious.role);
  const v = victimCase(bank, h.i);
  if (v) add(bank, rec, out, casePlan(bank, v), v.typology === "cuckoo_smurfing" ? "unwitting_recipient" : "victim");
  return out;
}

function add(bank: Bank, rec: CustomerRecord, out: Ev[], plan: CasePlan, role: Role): void {
  const i = rec.head.i;
  for (const leg of plan.legs) {
    if (leg.from.kind === "customer" && leg.from.i === i) out.push(event(bank, rec, plan.info.index, leg, -1, leg.to, role));
    if (leg.to.kind === "customer" && leg.to.i === i) out.push(event(bank, rec, plan.info.index, leg, 1, leg.from, role));
  }
}

function partyOfEnd(bank: Bank, e: End): Party | undefined {
  if (e.kind === "customer") return partyOf(bank, e.i);
  if (e.kind === "external") return e.party;
  if (e.depositor?.customer !== undefined) return { ...partyOf(bank, e.depositor.customer), accountId: undefined, accountK: undefined, account: undefined };
  return e.depositor;
}

function event(bank: Bank, rec: CustomerRecord, caseIndex: number, leg: Leg, dir: 1 | -1, other: End, role: Role): Ev {
  const found = partyOfEnd(bank, other);
  const cp = found && dir < 0 && leg.payeeName ? { ...found, name: leg.payeeName } : found;
  const online = leg.channel === "online_banking" || leg.channel === "mobile_app" || leg.channel === "card_online";
  let device: string | undefined;
  let ip: string | undefined;
  let country = leg.country ?? bank.country;
  if (online && dir < 0) {
    if (leg.takeover) {
      const key = hash32(`ato:${caseIndex}:${rec.head.i}`);
      device = "DEV-" + key.toString(16).padStart(8, "0");
      ip = documentationIp(key, true);
      country = PARTNER_COUNTRIES.map((c) => c[0]).filter((c) => c !== bank.country)[key % (PARTNER_COUNTRIES.length - 1)]!;
    } else {
      const dev = rec.devices[leg.index % rec.devices.length]!;
      device = dev.id;
      ip = dev.ip;
    }
  }
  return {
    day: leg.day, sec: leg.sec, ord: 5e8 + leg.index * 2 + (dir > 0 ? 1 : 0), acct: 0, dir, amount: leg.amount, must: true, known: true, normal: false,
    type: dir < 0 ? leg.debitType : leg.creditType, channel: leg.channel, rail: leg.rail, mcc: leg.mcc, cp, ref: leg.ref,
    transferId: leg.from.kind === "customer" && leg.to.kind === "customer" ? `${caseId(caseIndex)}-${leg.index + 1}` : undefined,
    country, city: leg.city, device, ip,
    label: { caseIndex, typology: caseTable(bank).cases[caseIndex]!.typology, stage: leg.stage, label: leg.label, role, step: leg.index + 1 },
    watchEntry: leg.watchEntry,
  };
}
