// Names of the bank's customers, owners, counterparties and watchlist entries, from the shared
// name lists (common given names and surnames, coined company names: no real persons meant).
import type { Rng } from "../../core/rng.ts";
import type { CountryProfile, Locale } from "../../data/countries.ts";
import { COINED_END, COINED_START, GEO_PREFIX, TRADE_WORDS } from "../../data/company-names.ts";
import * as N from "../../data/names.ts";

const LISTS: Record<Locale, readonly [readonly string[], readonly string[]]> = {
  en: [N.EN_FIRST, N.EN_LAST],
  de: [N.DE_FIRST, N.DE_LAST],
  fr: [N.FR_FIRST, N.FR_LAST],
  ja: [N.JA_FIRST, N.JA_LAST],
  intl: [N.INTL_FIRST, N.INTL_LAST],
};

export interface PersonName {
  first: string;
  last: string;
}

function listsOf(rng: Rng, p: CountryProfile): readonly [readonly string[], readonly string[]] {
  if (p.code === "CH") return rng.chance(0.3) ? LISTS.fr : LISTS.de;
  return LISTS[p.locale];
}

export function personName(rng: Rng, p: CountryProfile): PersonName {
  const [first, last] = listsOf(rng, p);
  return { first: first[rng.int(first.length)]!, last: last[rng.int(last.length)]! };
}

export const fullName = (n: PersonName) => `${n.first} ${n.last}`;

export function businessName(rng: Rng, p: CountryProfile, trade: string): string {
  const loc = p.locale;
  const byLoc = TRADE_WORDS[trade] ?? TRADE_WORDS.merchandise!;
  const words = byLoc[loc] ?? byLoc.en!;
  const legal = p.legalForms[rng.int(p.legalForms.length)]![0];
  const word = () => words[rng.int(words.length)]!;
  const coined = () => COINED_START[rng.int(COINED_START.length)]! + COINED_END[rng.int(COINED_END.length)]!;
  const lasts = listsOf(rng, p)[1];
  switch (rng.int(4)) {
    case 0: return `${lasts[rng.int(lasts.length)]} ${word()} ${legal}`;
    case 1: return `${coined()} ${legal}`;
    case 2: return `${GEO_PREFIX[loc][rng.int(GEO_PREFIX[loc].length)]} ${word()} ${legal}`;
    default: return `${coined()} ${word()} ${legal}`;
  }
}

/** A screening near-miss: the same surname with another given name's initial, or a transliteration-like variant. */
export function nameVariant(rng: Rng, name: string): string {
  const parts = name.split(" ");
  switch (rng.int(3)) {
    case 0: return parts.length > 1 ? `${parts[0]![0]}. ${parts.slice(1).join(" ")}` : name + "e";
    case 1: return name.replace(/ph/g, "f").replace(/ck/g, "k").replace(/y/g, "i").replace(/ou/g, "u") + (rng.chance(0.5) ? "" : " Jr");
    default: return parts.length > 1 ? `${parts.slice(1).join(" ")} ${parts[0]}` : name.toUpperCase();
  }
}

const ascii = (s: string) => s.normalize("NFD").replace(/[^A-Za-z0-9]/g, "").toLowerCase();

/** A never-deliverable address (RFC 2606 example domains). */
export function emailOf(n: PersonName, k: number): string {
  const domains = ["example.com", "example.org", "example.net"];
  return `${ascii(n.first) || "user"}.${ascii(n.last) || k}${k % 7 === 0 ? "" : k % 100}@${domains[k % 3]}`;
}
