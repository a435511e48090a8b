// Vendors and customers: country, payment terms, credit, name, address, bank and tax ids, drawn
// in a fixed order so the terms can be recomputed from the first draws alone.
import type { Rng } from "../../core/rng.ts";
import type { Plan } from "../../specs/plan.ts";
import { PAYMENT_TERMS, type CountryProfile, type PaymentTerm } from "../../data/countries.ts";
import { CUSTOMER_MIX, PAYMENT_BEHAVIOUR, RISK_BY_BEHAVIOUR, RISK_CREDIT_FACTOR, VENDOR_CATEGORIES } from "../../data/industry.ts";
import { context, rngFor, type Ctx } from "./context.ts";
import { customerId, DIGITS_N, pad, vendorId } from "./ids.ts";
import { businessName, personName } from "./names.ts";
import type { Customer, Vendor } from "./records.ts";
import { alias, choose, logUniform, roundSig } from "./sampling.ts";

// ---------- addresses, tax and bank ids ----------

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const POST_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

/** A template compiled to parts: a run of n digits (n > 0), n letters (n < 0), or a literal string. */
type Part = number | string;
const templates = new Map<string, Part[]>();
function compileTemplate(tpl: string): Part[] {
  const parts: Part[] = [];
  for (const run of tpl.match(/#+|A+|[^#A]+/g) ?? []) {
    if (run[0] === "#") for (let n = run.length; n > 0; n -= 4) parts.push(Math.min(4, n));
    else if (run[0] === "A") parts.push(-run.length);
    else parts.push(run);
  }
  return parts;
}

/** Fills a template: '#' digit, 'A' letter, 'P' the prefix; anything else literal. Digit runs take one draw. */
function fill(rng: Rng, tpl: string, prefix = "", letters = LETTERS): string {
  let parts = templates.get(tpl);
  if (!parts) templates.set(tpl, (parts = compileTemplate(tpl)));
  let s = "";
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k]!;
    if (typeof p === "string") s += p === "P" ? prefix : p.includes("P") ? p.replace("P", prefix) : p;
    else if (p > 0) {
      const table = DIGITS_N[p]!;
      s += table[rng.int(table.length)];
    }
    else for (let n = p; n < 0; n++) s += letters[rng.int(letters.length)];
  }
  return s;
}

interface Address { region: string; city: string; postalCode: string; street: string }
function address(rng: Rng, p: CountryProfile): Address {
  const [city, region, prefix] = p.cities[rng.int(p.cities.length)]!;
  const postalCode = fill(rng, p.postal, prefix, POST_LETTERS);
  const name = p.streets[rng.int(p.streets.length)]!;
  const street = p.blockAddress
    ? `${rng.range(1, 5)}-${rng.range(1, 30)}-${rng.range(1, 20)} ${name}`
    : p.numberFirst ? `${rng.range(1, p.locale === "en" ? 9999 : 150)} ${name}` : `${name} ${rng.range(1, 180)}`;
  return { region, city, postalCode, street };
}

function taxId(rng: Rng, p: CountryProfile): string {
  if (p.code !== "FR") return (p.taxPrefix ?? "") + fill(rng, p.taxId);
  const siren = 100_000_000 + rng.int(900_000_000);
  return `FR${pad((12 + 3 * (siren % 97)) % 97, 2)}${siren}`;
}

/** ISO 7064 mod 97 over an alphanumeric string (letters count as 10..35); reduces only when large. */
function mod97(s: string): number {
  let r = 0;
  for (let k = 0; k < s.length; k++) {
    if (r >= 1e12) r %= 97;
    const c = s.charCodeAt(k);
    r = c <= 57 ? r * 10 + c - 48 : r * 100 + c - 55;
  }
  return r % 97;
}
export function ibanFor(country: string, bban: string): string {
  return country + pad(98 - mod97(bban + country + "00"), 2) + bban;
}

interface Bank { code: string; account: string; iban: string | null }
function bank(rng: Rng, p: CountryProfile): Bank {
  let code = fill(rng, p.bankCode);
  let account = fill(rng, p.account);
  if (p.code === "US") code = abaWithCheck(code);
  if (p.code === "FR") account += pad(97 - ((89 * Number(code.slice(0, 5)) + 15 * Number(code.slice(5)) + 3 * (Number(account) % 97)) % 97), 2);
  return { code, account, iban: p.iban ? ibanFor(p.code, code + account) : null };
}
/** US routing number: the 9th digit makes 3(d1+d4+d7) + 7(d2+d5+d8) + (d3+d6+d9) divisible by 10. */
function abaWithCheck(code: string): string {
  const d = (k: number) => code.charCodeAt(k) - 48;
  const s = 3 * (d(0) + d(3) + d(6)) + 7 * (d(1) + d(4) + d(7)) + d(2) + d(5);
  return code.slice(0, 8) + ((10 - (s % 10)) % 10);
}

function partnerCountry(rng: Rng, cx: Ctx, domestic: number): CountryProfile {
  return rng.chance(domestic) ? cx.profile : choose(rng, cx.partners);
}
const partnerCurrency = (cx: Ctx, p: CountryProfile) => (cx.planCurrencies.has(p.currency) ? p.currency : cx.currency);

// ---------- vendors ----------

const VENDOR_DOMESTIC = 0.8;

/** The vendor's country and payment terms: the first draws of the vendor's stream (a fast path for flows). */
function vendorHead(cx: Ctx, rng: Rng): { country: CountryProfile; terms: PaymentTerm } {
  const country = partnerCountry(rng, cx, VENDOR_DOMESTIC);
  return { country, terms: PAYMENT_TERMS[choose(rng, country.terms)]! };
}

/** Payment terms of vendor i, without building the whole record. */
export function vendorTerms(plan: Plan, ci: number, i: number): PaymentTerm {
  const cx = context(plan, ci);
  return vendorHead(cx, rngFor(cx, "vendors", i)).terms;
}

export function vendorRecord(plan: Plan, ci: number, i: number): Vendor {
  const cx = context(plan, ci);
  const rng = rngFor(cx, "vendors", i);
  const { country, terms } = vendorHead(cx, rng);
  const category = choose(rng, VENDOR_CATEGORIES[cx.industry]);
  const name = businessName(rng, country, category);
  const a = address(rng, country);
  const b = bank(rng, country);
  return {
    companyCode: cx.code, id: vendorId(cx.code, i), name, country: country.code, region: a.region, city: a.city,
    postalCode: a.postalCode, street: a.street, taxId: taxId(rng, country), category, terms, currency: partnerCurrency(cx, country),
    bankCode: b.code, bankAccount: b.account, iban: b.iban, isIntercompany: false, isActive: !rng.chance(0.03),
  };
}

// ---------- customers ----------

export interface CustomerTerms {
  type: Customer["type"];
  country: CountryProfile;
  segment: string;
  behaviour: string;
  riskClass: string;
  /** Minor units of the company currency. */
  creditLimit: number;
  terms: PaymentTerm;
}

function customerHead(cx: Ctx, rng: Rng): CustomerTerms {
  const mix = CUSTOMER_MIX[cx.industry];
  const person = rng.chance(mix.persons);
  const country = partnerCountry(rng, cx, person ? 0.98 : 0.85);
  const segs = person ? mix.personSegments : mix.businessSegments;
  const [segment, , lo, hi] = segs[alias(segs).sample(rng)]!;
  const behaviour = choose(rng, PAYMENT_BEHAVIOUR);
  const riskClass = choose(rng, RISK_BY_BEHAVIOUR[behaviour]!);
  const usd = lo === 0 ? 0 : logUniform(rng, lo, hi) * RISK_CREDIT_FACTOR[riskClass]!;
  // Sized for the orders the company's plan implies (a few months of a customer's typical orders), else the segment's range.
  const minor = cx.averageOrder > 0 && usd > 0 ? cx.averageOrder * (4 + 12 * (usd / hi)) : usd * cx.usdToMinor;
  const creditLimit = usd === 0 ? 0 : roundSig(Math.max(1, Math.round(minor)), 2);
  const terms = PAYMENT_TERMS[person ? mix.personTerms : choose(rng, country.terms)]!;
  return { type: person ? "person" : "business", country, segment, behaviour, riskClass, creditLimit, terms };
}

/** Payment terms, behaviour and credit limit of customer i, without names and addresses. */
export function customerTerms(plan: Plan, ci: number, i: number): CustomerTerms {
  const cx = context(plan, ci);
  return customerHead(cx, rngFor(cx, "customers", i));
}

export function customerRecord(plan: Plan, ci: number, i: number): Customer {
  const cx = context(plan, ci);
  const rng = rngFor(cx, "customers", i);
  const h = customerHead(cx, rng);
  const person = h.type === "person";
  const name = person ? personName(rng, h.country) : businessName(rng, h.country, choose(rng, CUSTOMER_MIX[cx.industry].trades));
  const a = address(rng, h.country);
  return {
    companyCode: cx.code, id: customerId(cx.code, i), name, type: h.type, country: h.country.code, region: a.region, city: a.city,
    postalCode: a.postalCode, taxId: person ? null : taxId(rng, h.country), segment: h.segment, creditLimit: h.creditLimit,
    terms: h.terms, behaviour: h.behaviour, riskClass: h.riskClass, currency: partnerCurrency(cx, h.country), isIntercompany: false,
  };
}
