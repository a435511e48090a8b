// The synthetic watchlist, generated with the data: an entry for every PEP customer (their
// names are on the synthetic PEP list), a near-miss entry for every screening decoy (a similar
// name that is someone else), and unrelated entries on the synthetic sanctions list, some of
// which sanctions-evasion cases pay for. Names come from the shared lists: never real persons.
import { hash32, Rng } from "../../core/rng.ts";
import { countryProfile } from "../../data/countries.ts";
import { FATF_CALL_FOR_ACTION, TRANSIT_COUNTRIES } from "../../data/banking.ts";
import { H_BANK, type Bank } from "./bank.ts";
import { pad } from "./ids.ts";
import { businessName, fullName, nameVariant, personName } from "./names.ts";
import { recordOf } from "./record.ts";

export interface Entry {
  index: number;
  id: string;
  list: "SYNTH-SANCTIONS" | "SYNTH-PEP";
  type: "person" | "organisation";
  name: string;
  birth?: number;
  country: string;
  program: string;
  listed: number;
  /** The customer this entry is (PEP) or resembles (decoy). */
  customer?: number;
  isCustomer: boolean;
}

export const entryId = (e: number) => "WL-" + pad(e + 1, 7);
const H_WATCH = hash32("watchlist");

export function watchlistCount(bank: Bank): number {
  return bank.watchlist.peps + bank.watchlist.decoys + bank.watchlist.noise;
}

export function entryAt(bank: Bank, e: number): Entry {
  const w = bank.watchlist;
  if (e < w.peps) return pepEntry(bank, e);
  if (e < w.peps + w.decoys) return decoyEntry(bank, e);
  return noiseEntry(bank, e - w.peps - w.decoys);
}

const listedDay = (bank: Bank, rng: Rng) => bank.firstDay - 30 - rng.int(3650);

function pepEntry(bank: Bank, e: number): Entry {
  const i = bank.pepPerm.at(e);
  const r = recordOf(bank, i);
  const rng = new Rng(bank.seed, H_BANK, H_WATCH, e);
  const foreign = r.head.country.code !== bank.country;
  return {
    index: e, id: entryId(e), list: "SYNTH-PEP", type: r.head.kind === "person" ? "person" : "organisation", name: rng.chance(0.7) ? r.name : nameVariant(rng, r.name),
    birth: r.birth, country: r.head.country.code, program: foreign ? "pep_foreign" : "pep_domestic", listed: listedDay(bank, rng), customer: i, isCustomer: true,
  };
}

function decoyEntry(bank: Bank, e: number): Entry {
  const slot = e - bank.watchlist.peps;
  const i = bank.decoyPerm.at(slot);
  const r = recordOf(bank, i);
  const rng = new Rng(bank.seed, H_BANK, H_WATCH, e);
  const person = r.head.kind === "person";
  return {
    index: e, id: entryId(e), list: rng.chance(0.5) ? "SYNTH-SANCTIONS" : "SYNTH-PEP", type: person ? "person" : "organisation", name: nameVariant(rng, r.name),
    birth: person && r.birth !== undefined ? r.birth + 400 + rng.int(4000) : undefined, country: rng.pick([...TRANSIT_COUNTRIES, ...FATF_CALL_FOR_ACTION]),
    program: rng.pick(["sanctions_finance", "sanctions_trade", "pep_foreign"]), listed: listedDay(bank, rng), customer: i, isCustomer: false,
  };
}

/** Entry k of the unrelated part of the list (organisations and persons in transit and high-risk countries). */
export function noiseEntry(bank: Bank, k: number): Entry {
  const e = bank.watchlist.peps + bank.watchlist.decoys + k;
  const rng = new Rng(bank.seed, H_BANK, H_WATCH, e);
  const country = rng.pick([...TRANSIT_COUNTRIES, ...FATF_CALL_FOR_ACTION]);
  const org = rng.chance(0.6);
  const p = countryProfile(country);
  return {
    index: e, id: entryId(e), list: "SYNTH-SANCTIONS", type: org ? "organisation" : "person", name: org ? businessName(rng, p, "logistics") : fullName(personName(rng, p)),
    birth: org ? undefined : bank.firstDay - (25 + rng.int(50)) * 365 - rng.int(365), country, program: rng.pick(["sanctions_trade", "sanctions_finance", "sanctions_proliferation"]),
    listed: listedDay(bank, rng), isCustomer: false,
  };
}

/** A fuzzy score for a near miss: high enough to alert, lower for a cleared decoy than for a true match. */
export function matchScore(rng: Rng, trueMatch: boolean, exact: boolean): number {
  if (exact) return 100;
  return trueMatch ? 78 + rng.int(18) : 72 + rng.int(20);
}
