// The full record of customer i: names, dates, address, household, contact, devices, and the
// scenario partner a front company or trading business is. Household members share the first
// member's surname and address; a household is at most four consecutive persons.
import { hash32, type Rng } from "../../core/rng.ts";
import type { CountryProfile } from "../../data/countries.ts";
import { masterParams, vendorRecord } from "../master_data/index.ts";
import type { Bank } from "./bank.ts";
import { customerRng, headOf, type Head } from "./customers.ts";
import { customerId, documentationIp, fillTemplate } from "./ids.ts";
import { businessName, emailOf, fullName, personName, type PersonName } from "./names.ts";

export interface Address {
  city: string;
  region: string;
  postal: string;
  street: string;
}

export interface Device {
  id: string;
  ip: string;
}

export interface CustomerRecord {
  head: Head;
  id: string;
  name: string;
  person?: PersonName;
  birth?: number;
  incorporated?: number;
  nationality?: string;
  address: Address;
  household?: number;
  email?: string;
  partnerRef?: string;
  devices: Device[];
}

const H_DEVICE = hash32("device");

export function address(rng: Rng, p: CountryProfile): Address {
  const [city, region, prefix] = p.cities[rng.int(p.cities.length)]!;
  const postal = fillTemplate(rng, p.postal.replace("P", prefix));
  const name = p.streets[rng.int(p.streets.length)]!;
  const street = p.blockAddress ? `${rng.range(1, 5)}-${rng.range(1, 30)}-${rng.range(1, 20)} ${name}` : p.numberFirst ? `${rng.range(1, 999)} ${name}` : `${name} ${rng.range(1, 180)}`;
  return { city, region, postal, street };
}

/** The first member of customer i's household (i itself when it heads one or lives alone). */
export function householdHead(bank: Bank, i: number): number {
  let j = i;
  for (let n = 0; n < 3 && j > 0; n++) {
    if (headOf(bank, j).kind !== "person" || headOf(bank, j - 1).kind !== "person") break;
    if (!customerRng(bank, j, "household").chance(0.3)) break;
    j--;
  }
  return j;
}

const records = new WeakMap<Bank, Map<number, CustomerRecord>>();

export function recordOf(bank: Bank, i: number): CustomerRecord {
  let m = records.get(bank);
  if (!m) records.set(bank, (m = new Map()));
  let r = m.get(i);
  if (!r) {
    // A small cache (a block and the parties it meets): memory stays flat whatever the number of customers.
    if (m.size > 2_048) m.clear();
    m.set(i, (r = makeRecord(bank, i)));
  }
  return r;
}

function makeRecord(bank: Bank, i: number): CustomerRecord {
  const h = headOf(bank, i);
  const rng = customerRng(bank, i, "record");
  const devices = Array.from({ length: 1 + rng.int(3) }, (_, k) => {
    const key = hash32(`${bank.seed}:${i}:${k}`) ^ H_DEVICE;
    return { id: "DEV-" + (key >>> 0).toString(16).padStart(8, "0"), ip: documentationIp(key >>> 0, rng.chance(0.6)) };
  });
  const base = { head: h, id: customerId(i), devices };
  if (h.kind === "person") {
    const hh = householdHead(bank, i);
    let person = personName(rng, h.country);
    let addr = address(rng, h.country);
    if (hh !== i) {
      const first = recordOf(bank, hh);
      person = { first: person.first, last: first.person!.last };
      addr = first.address;
    }
    const age = h.segment === "student" ? 18 + rng.int(8) : h.segment === "retiree" ? 66 + rng.int(20) : 25 + rng.int(40);
    const birth = bank.firstDay - age * 365 - rng.int(365);
    const foreignNational = rng.chance(h.country.code === bank.country ? 0.08 : 0.9);
    return {
      ...base, name: fullName(person), person, birth, nationality: foreignNational ? nationalityOf(rng) : h.country.code, address: addr,
      household: hh !== i || (i + 1 < bank.customers && householdHead(bank, i + 1) === i) ? hh : undefined, email: emailOf(person, i),
    };
  }
  const partnerRef = h.suspicious?.role === "front_company" ? partnerOf(bank, i) : undefined;
  const name = partnerRef ? partnerRef.name : businessName(rng, h.country, h.kind === "trust" ? "finance" : h.trade);
  const incorporated = Math.min(h.onboard - 1, h.onboard - 30 - rng.int(h.suspicious?.role === "shell" ? 200 : 9000));
  return { ...base, name: h.kind === "trust" ? `${name.split(" ")[0]} ${h.segment === "family_trust" ? "Family" : "Charitable"} Trust` : name, incorporated, address: address(rng, h.country), partnerRef: partnerRef?.id };
}

function nationalityOf(rng: Rng): string {
  const list = ["US", "GB", "DE", "FR", "IT", "ES", "PL", "IN", "CN", "BR", "MX", "NL", "TR", "NG", "PH"];
  return list[rng.int(list.length)]!;
}

/** A front company takes the identity of one of the scenario's vendors (its name; partner_ref points at it). */
export function partnerOf(bank: Bank, i: number): { id: string; name: string; iban: string | null; country: string } | undefined {
  const counts = masterParams({ params: (id: string) => bank.plan.phases.find((p) => p.id === id)?.params });
  if (!counts || counts.vendors === 0 || bank.plan.companies.length === 0) return undefined;
  const rng = customerRng(bank, i, "partner");
  const ci = rng.int(bank.plan.companies.length);
  const v = vendorRecord(bank.plan, ci, rng.int(counts.vendors));
  return { id: v.id, name: v.name, iban: v.iban, country: v.country };
}
