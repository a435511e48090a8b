// Names of people and businesses per locale, plus the ASCII forms that e-mail addresses and the
// company's mail domain are built from.
import type { Rng } from "../../core/rng.ts";
import type { CountryProfile, Locale } from "../../data/countries.ts";
import { COINED_END, COINED_START, GEO_PREFIX, TRADE_WORDS } from "../../data/company-names.ts";
import * as N from "../../data/names.ts";
import { choose } from "./sampling.ts";

const ascii = (s: string) =>
  s.replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/Ä/g, "Ae").replace(/Ö/g, "Oe").replace(/Ü/g, "Ue")
    .replace(/ß/g, "ss").replace(/[łŁ]/g, "l").replace(/ı/g, "i").normalize("NFD").replace(/[^A-Za-z0-9]/g, "").toLowerCase();

interface NameList { names: string[]; ascii: string[] }
function nameList(...lists: (readonly string[])[]): NameList {
  const seen = new Set<string>();
  const out: NameList = { names: [], ascii: [] };
  for (const n of lists.flat()) {
    const a = ascii(n);
    if (a && !seen.has(a)) (seen.add(a), out.names.push(n), out.ascii.push(a));
  }
  return out;
}
export interface PersonNames { first: NameList; last: NameList }
export const NAMES: Record<Locale, PersonNames> = {
  en: { first: nameList(N.EN_FIRST), last: nameList(N.EN_LAST) },
  de: { first: nameList(N.DE_FIRST), last: nameList(N.DE_LAST) },
  fr: { first: nameList(N.FR_FIRST), last: nameList(N.FR_LAST) },
  ja: { first: nameList(N.JA_FIRST), last: nameList(N.JA_LAST) },
  intl: { first: nameList(N.INTL_FIRST), last: nameList(N.INTL_LAST) },
};
export const CH_NAMES: PersonNames = { first: nameList(N.DE_FIRST, N.FR_FIRST), last: nameList(N.DE_LAST, N.FR_LAST) };

const LEGAL_WORDS = new Set(["gmbh", "ag", "inc", "llc", "ltd", "corp", "co", "sa", "sas", "sarl", "kg", "plc", "limited", "corporation", "kk", "bv", "nv", "spa", "srl", "se", "group"]);
export function domainOf(name: string, tld: string): string {
  const words = name.split(/[^\p{L}\p{N}]+/u).map(ascii).filter((w) => w && !LEGAL_WORDS.has(w));
  return (words.slice(0, 3).join("-") || "company") + "." + tld;
}

function namesFor(rng: Rng, p: CountryProfile): PersonNames {
  if (p.code === "CH") return rng.chance(0.3) ? NAMES.fr : NAMES.de;
  return NAMES[p.locale];
}
export function personName(rng: Rng, p: CountryProfile): string {
  const n = namesFor(rng, p);
  return n.first.names[rng.int(n.first.names.length)] + " " + n.last.names[rng.int(n.last.names.length)];
}

export function businessName(rng: Rng, p: CountryProfile, trade: string): string {
  const loc = p.locale;
  const wordsByLoc = TRADE_WORDS[trade] ?? TRADE_WORDS.merchandise!;
  const words = wordsByLoc[loc] ?? wordsByLoc.en!;
  const legal = choose(rng, p.legalForms);
  const word = () => words[rng.int(words.length)]!;
  const lasts = namesFor(rng, p).last.names;
  const sur = () => lasts[rng.int(lasts.length)]!;
  const coined = () => COINED_START[rng.int(COINED_START.length)]! + COINED_END[rng.int(COINED_END.length)]!;
  const geo = () => GEO_PREFIX[loc][rng.int(GEO_PREFIX[loc].length)]!;
  switch (rng.int(5)) {
    case 0: return loc === "fr" ? `${word()} ${sur()} ${legal}` : `${sur()} ${word()} ${legal}`;
    case 1: return `${coined()} ${legal}`;
    case 2: return loc === "de" ? `${geo()}-${word()} ${legal}` : loc === "fr" ? `${word()} ${geo()} ${legal}` : `${geo()} ${word()} ${legal}`;
    case 3: {
      const a = sur();
      if (loc === "fr") return `${a} et Fils ${legal}`;
      const b = sur();
      return loc === "ja" || a === b ? `${a} ${word()} ${legal}` : `${a} & ${b} ${legal}`;
    }
    default: return `${coined()} ${word()} ${legal}`;
  }
}
