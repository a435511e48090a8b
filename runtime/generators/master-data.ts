// Master data: every record is a pure function of (plan, company, table, index), seeded by its
// own stream, so any phase can recompute record i without reading files. Cross-record links
// (cost center, manager) are functions of the index and the plan's counts alone.
import { AliasTable, hash32, Rng } from "../../core/rng.ts";
import { dexp, dlog } from "../../core/detmath.ts";
import { civilFromDays, daysFromCivil, formatIso, parseIso } from "../../core/calendar.ts";
import { CURRENCIES, minorDigits } from "../../specs/currencies.ts";
import { PHASE_PARAMS } from "../../specs/phases.ts";
import type { Plan } from "../../specs/plan.ts";
import { INDUSTRIES, type Industry } from "../../specs/scenario.ts";
import type { TableSpec } from "../../specs/records/table.ts";
import * as specs from "../../specs/records/master-data.ts";
import type { RowWriter } from "../writers.ts";
import { COUNTRIES, countryProfile, PARTNER_COUNTRIES, PAYMENT_TERMS, type CountryProfile, type Locale, type PaymentTerm } from "../data/countries.ts";
import { COINED_END, COINED_START, GEO_PREFIX, TRADE_WORDS } from "../data/company-names.ts";
import * as N from "../data/names.ts";
import {
  ASSET_CLASS_ORDER, ASSET_CLASSES, CUSTOMER_MIX, DEPARTMENT_SEQUENCE, DEPARTMENT_WEIGHT, DEPARTMENTS, MARGIN,
  MATERIAL_FAMILIES, PAYMENT_BEHAVIOUR, RISK_BY_BEHAVIOUR, RISK_CREDIT_FACTOR, VALUATION_CLASS, VENDOR_CATEGORIES,
  type AssetClass, type Department, type MaterialType, type W,
} from "../data/industry.ts";

export const MASTER_TABLE_NAMES = ["cost_centers", "employees", "vendors", "customers", "materials", "fixed_assets"] as const;
export type MasterTable = (typeof MASTER_TABLE_NAMES)[number];
export type MasterCounts = Record<MasterTable, number>;

const H_PHASE = hash32("master_data");
const H_TABLE: Record<MasterTable, number> = Object.fromEntries(MASTER_TABLE_NAMES.map((t) => [t, hash32(t)])) as Record<MasterTable, number>;
/** Direct reports per team lead / manager within a cost center. */
const SPAN = 8;

// ---------- ids ----------

/** DIGITS_N[n][x]: x as n zero-padded digits (n = 1..4), so digit runs need no number formatting. */
const DIGITS_N: string[][] = [0, 1, 2, 3, 4].map((n) => Array.from({ length: 10 ** n }, (_, x) => String(10 ** n + x).slice(1)));

function pad(n: number, width: number): string {
  if (width === 6 && n < 1_000_000) return DIGITS_N[2]![Math.floor(n / 10000)]! + DIGITS_N[4]![n % 10000]!;
  if (width === 4 && n < 10_000) return DIGITS_N[4]![n]!;
  return String(n).padStart(width, "0");
}
export const vendorId = (company: string, i: number) => `V-${company}-${pad(i + 1, 6)}`;
export const customerId = (company: string, i: number) => `C-${company}-${pad(i + 1, 6)}`;
export const materialId = (company: string, i: number) => `M-${company}-${pad(i + 1, 6)}`;
export const assetId = (company: string, i: number) => `FA-${company}-${pad(i + 1, 6)}`;
export const employeeId = (company: string, i: number) => `E-${company}-${pad(i + 1, 6)}`;
export const costCenterId = (company: string, i: number) => `CC-${company}-${pad(i + 1, 4)}`;

// ---------- record types (money in integer minor units of `currency` / the company currency) ----------

export interface CostCenter {
  companyCode: string; id: string; name: string; department: string; managerEmployeeId: string | null; validFrom: string;
}
export interface Employee {
  companyCode: string; id: string; index: number; firstName: string; lastName: string; email: string; department: string;
  jobTitle: string; level: "executive" | "director" | "manager" | "lead" | "staff"; costCenterIndex: number; costCenterId: string;
  managerIndex: number | null; managerId: string | null; hireDate: string; terminationDate: string | null; annualSalary: number;
  currency: string; employmentType: "full_time" | "part_time" | "contractor"; isActive: boolean;
}
export interface Vendor {
  companyCode: string; id: string; name: string; country: string; region: string; city: string; postalCode: string; street: string;
  taxId: string; category: string; terms: PaymentTerm; currency: string; bankCode: string; bankAccount: string;
  iban: string | null; isIntercompany: boolean; isActive: boolean;
}
export interface Customer {
  companyCode: string; id: string; name: string; type: "business" | "person"; country: string; region: string; city: string;
  postalCode: string; taxId: string | null; segment: string; creditLimit: number; terms: PaymentTerm; behaviour: string;
  riskClass: string; currency: string; isIntercompany: boolean;
}
export interface Material {
  companyCode: string; id: string; description: string; type: MaterialType; group: string; uom: string; standardCost: number;
  listPrice: number; currency: string; valuationClass: string; weightGrams: number | null;
}
export interface FixedAsset {
  companyCode: string; id: string; description: string; assetClass: AssetClass; acquisitionDate: string; acquisitionCost: number;
  usefulLifeMonths: number; salvageValue: number; depreciationMethod: "straight_line" | "none"; costCenterIndex: number;
  costCenterId: string; currency: string;
}

// ---------- name lists, ASCII forms for e-mail addresses ----------

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
interface PersonNames { first: NameList; last: NameList }
const NAMES: Record<Locale, PersonNames> = {
  en: { first: nameList(N.EN_FIRST), last: nameList(N.EN_LAST) },
  de: { first: nameList(N.DE_FIRST), last: nameList(N.DE_LAST) },
  fr: { first: nameList(N.FR_FIRST), last: nameList(N.FR_LAST) },
  ja: { first: nameList(N.JA_FIRST), last: nameList(N.JA_LAST) },
  intl: { first: nameList(N.INTL_FIRST), last: nameList(N.INTL_LAST) },
};
const CH_NAMES: PersonNames = { first: nameList(N.DE_FIRST, N.FR_FIRST), last: nameList(N.DE_LAST, N.FR_LAST) };

// ---------- weighted choices ----------

/** Weighted items: element [1] is the weight. */
type Weighted = readonly (readonly [unknown, number, ...unknown[]])[];
const aliasCache = new WeakMap<object, AliasTable>();
/** The alias table of a constant weighted list, built once per list. */
function alias(w: Weighted): AliasTable {
  let t = aliasCache.get(w);
  if (!t) aliasCache.set(w, (t = new AliasTable(w.map((x) => x[1]))));
  return t;
}
const choose = <T>(rng: Rng, w: W<T>): T => w[alias(w).sample(rng)]![0];

/** Log-uniform in [lo, hi]. */
function logUniform(rng: Rng, lo: number, hi: number): number {
  return lo === hi ? lo : dexp(dlog(lo) + rng.next() * (dlog(hi) - dlog(lo)));
}

/** Rounds a positive integer to `sig` significant digits. */
function roundSig(x: number, sig: number): number {
  let unit = 1;
  while (x >= unit * 10 ** sig) unit *= 10;
  return Math.round(x / unit) * unit;
}

// ---------- per-company context ----------

interface Org {
  /** Department of each position of the industry sequence, and the first cost center index per department. */
  seq: Department[];
  firstOfDept: Map<string, number>;
  /** Weighted slot pattern over cost centers: non-head employees fill it cyclically. */
  pattern: Int32Array;
  occ: Int32Array;
  weight: Int32Array;
  slotStart: Int32Array;
  slots: Int32Array;
  /** Employees per cost center. */
  headcount: Int32Array;
  ccByDept: Map<string, number[]>;
}

interface Ctx {
  plan: Plan;
  index: number;
  code: string;
  currency: string;
  digits: number;
  industry: Industry;
  seed: number;
  counts: MasterCounts;
  profile: CountryProfile;
  partners: W<CountryProfile>;
  planCurrencies: Set<string>;
  startDay: number;
  startMonth: number;
  usdToMinor: number;
  salaryMinor: number;
  salaryUnit: number;
  domain: string;
  staffNames: PersonNames;
  nameMul: number;
  nameAdd: number;
  org: Org;
}

const planCache = new WeakMap<Plan, Ctx[]>();

/** Master data counts per company from the plan (the phase's defaults when it has no master_data phase). */
export function masterCounts(plan: Plan): MasterCounts {
  const params = plan.phases.find((p) => p.id === "master_data")?.params ?? PHASE_PARAMS.master_data.parse({});
  return Object.fromEntries(MASTER_TABLE_NAMES.map((t) => [t, Number(params[t] ?? 0)])) as MasterCounts;
}

function context(plan: Plan, ci: number): Ctx {
  let list = planCache.get(plan);
  if (!list) planCache.set(plan, (list = []));
  return (list[ci] ??= buildCtx(plan, ci));
}

const LEGAL_WORDS = new Set(["gmbh", "ag", "inc", "llc", "ltd", "corp", "co", "sa", "sas", "sarl", "kg", "plc", "limited", "corporation", "kk", "bv", "nv", "spa", "srl", "se", "group"]);
function domainOf(name: string, tld: string): string {
  const words = name.split(/[^\p{L}\p{N}]+/u).map(ascii).filter((w) => w && !LEGAL_WORDS.has(w));
  return (words.slice(0, 3).join("-") || "company") + "." + tld;
}

function usdRate(cur: string): number {
  return CURRENCIES[cur]?.usd ?? 1;
}

function buildCtx(plan: Plan, ci: number): Ctx {
  const company = plan.companies[ci];
  if (!company) throw new RangeError(`no company ${ci} in the plan`);
  const counts = masterCounts(plan);
  const profile = countryProfile(company.country);
  const digits = minorDigits(company.currency);
  const industry = plan.scenario.industry;
  const startDay = parseIso(plan.scenario.startDate);
  const start = civilFromDays(startDay);
  const salaryMajor = (profile.salary * usdRate(profile.currency)) / usdRate(company.currency);
  const names = company.country === "CH" ? CH_NAMES : NAMES[profile.locale];
  const m = names.first.names.length * names.last.names.length;
  return {
    plan, index: ci, code: company.code, currency: company.currency, digits, industry, seed: plan.scenario.seed, counts, profile,
    partners: PARTNER_COUNTRIES.filter(([c]) => c !== company.country).map(([c, w]) => [COUNTRIES[c]!, w] as const),
    planCurrencies: new Set([plan.scenario.groupCurrency, ...plan.companies.map((c) => c.currency), ...plan.fx.rates.map((r) => r.currency)]),
    startDay, startMonth: start.y * 12 + start.m - 1,
    usdToMinor: 10 ** digits / usdRate(company.currency),
    salaryMinor: salaryMajor * 10 ** digits,
    salaryUnit: salaryRounding(salaryMajor) * 10 ** digits,
    domain: domainOf(company.name, profile.tld),
    staffNames: names,
    nameMul: coprimeNear(m, Math.floor(m * 0.6180339887)),
    nameAdd: new Rng(plan.scenario.seed, H_PHASE, hash32("names"), ci).int(m),
    org: buildOrg(industry, counts.cost_centers, counts.employees),
  };
}

/** Salaries are rounded to the power of ten just under a thousandth of the typical salary: 100 USD, 10,000 JPY. */
function salaryRounding(typical: number): number {
  let unit = 1;
  while (unit * 1000 <= typical) unit *= 10;
  return unit;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}
function coprimeNear(m: number, x: number): number {
  let a = Math.max(1, x);
  while (gcd(a, m) !== 1) a++;
  return a;
}

function buildOrg(industry: Industry, k: number, n: number): Org {
  const seqIds = DEPARTMENT_SEQUENCE[industry];
  const seq = seqIds.map((id) => DEPARTMENTS[id]!);
  const firstOfDept = new Map<string, number>();
  seqIds.forEach((id, j) => firstOfDept.has(id) || firstOfDept.set(id, j));
  const weight = new Int32Array(k);
  const ccByDept = new Map<string, number[]>();
  let total = 0;
  for (let j = 0; j < k; j++) {
    const dept = seq[j % seq.length]!;
    weight[j] = DEPARTMENT_WEIGHT[dept.id] ?? 1;
    total += weight[j]!;
    let l = ccByDept.get(dept.id);
    if (!l) ccByDept.set(dept.id, (l = []));
    l.push(j);
  }
  const { pattern, occ, slotStart, slots } = slotPattern(weight, total);
  const headcount = new Int32Array(k);
  const rest = Math.max(0, n - k);
  const cycles = Math.floor(rest / total);
  const rem = rest % total;
  for (let j = 0; j < Math.min(k, n); j++) headcount[j] = 1 + cycles * weight[j]!;
  for (let s = 0; s < rem; s++) headcount[pattern[s]!]!++;
  return { seq, firstOfDept, pattern, occ, weight, slotStart, slots, headcount, ccByDept };
}

/** Interleaves cost centers by weight (round-robin rounds) so each cycle spreads hires evenly. */
function slotPattern(weight: Int32Array, total: number) {
  const k = weight.length;
  const pattern = new Int32Array(total);
  const occ = new Int32Array(total);
  let maxW = 0;
  for (let j = 0; j < k; j++) maxW = Math.max(maxW, weight[j]!);
  let s = 0;
  for (let round = 0; round < maxW; round++) {
    for (let j = 0; j < k; j++) if (weight[j]! > round) (pattern[s] = j), (occ[s] = round), s++;
  }
  const slotStart = new Int32Array(k + 1);
  for (let j = 0; j < k; j++) slotStart[j + 1] = slotStart[j]! + weight[j]!;
  const slots = new Int32Array(total);
  for (let t = 0; t < total; t++) slots[slotStart[pattern[t]!]! + occ[t]!] = t;
  return { pattern, occ, slotStart, slots };
}

const rngFor = (cx: Ctx, table: MasterTable, i: number) => new Rng(cx.seed, H_PHASE, H_TABLE[table], cx.index, i);

// ---------- shared pieces ----------

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

function namesFor(rng: Rng, p: CountryProfile): PersonNames {
  if (p.code === "CH") return rng.chance(0.3) ? NAMES.fr : NAMES.de;
  return NAMES[p.locale];
}
function personName(rng: Rng, p: CountryProfile): string {
  const n = namesFor(rng, p);
  return n.first.names[rng.int(n.first.names.length)] + " " + n.last.names[rng.int(n.last.names.length)];
}

function businessName(rng: Rng, p: CountryProfile, trade: string): string {
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

/** A date `months` months before the scenario start, on day 1..28. */
function monthsBefore(cx: Ctx, rng: Rng, months: number): number {
  const mi = cx.startMonth - months;
  return daysFromCivil(Math.floor(mi / 12), (mi % 12) + 1, rng.range(1, 28));
}

// ---------- cost centers ----------

export function costCenterDepartment(plan: Plan, ci: number, j: number): Department {
  const seq = context(plan, ci).org.seq;
  return seq[j % seq.length]!;
}

export function costCenterRecord(plan: Plan, ci: number, j: number): CostCenter {
  const cx = context(plan, ci);
  const rng = rngFor(cx, "cost_centers", j);
  const seq = cx.org.seq;
  const dept = seq[j % seq.length]!;
  // n-th cost center of this department: earlier cycles plus earlier positions in this cycle.
  const pos = j % seq.length;
  let perCycle = 0;
  let before = 0;
  for (let s = 0; s < seq.length; s++) if (seq[s] === dept) (perCycle++, s < pos && before++);
  const n = Math.floor(j / seq.length) * perCycle + before;
  const base = dept.ccNames[n % dept.ccNames.length]!;
  const site = Math.floor(n / dept.ccNames.length);
  const validFrom = daysFromCivil(Math.floor(cx.startMonth / 12) - (j === 0 ? 15 : rng.range(1, 15)), 1, 1);
  return {
    companyCode: cx.code,
    id: costCenterId(cx.code, j),
    name: site ? `${base} - Site ${site + 1}` : base,
    department: dept.id,
    managerEmployeeId: j < cx.counts.employees ? employeeId(cx.code, j) : null,
    validFrom: formatIso(validFrom),
  };
}

// ---------- employees ----------

interface Position { cc: number; rank: number }

/** Employee i -> (cost center, rank in it). Ranks 0 are the heads: employee j heads cost center j. */
function position(org: Org, k: number, i: number): Position {
  if (i < k) return { cc: i, rank: 0 };
  const q = i - k;
  const total = org.pattern.length;
  const slot = q % total;
  const cc = org.pattern[slot]!;
  return { cc, rank: 1 + Math.floor(q / total) * org.weight[cc]! + org.occ[slot]! };
}

/** Inverse of position(): the employee index holding rank r of cost center cc. */
function employeeAt(org: Org, k: number, cc: number, r: number): number {
  if (r === 0) return cc;
  const w = org.weight[cc]!;
  const t = r - 1;
  return k + Math.floor(t / w) * org.pattern.length + org.slots[org.slotStart[cc]! + (t % w)]!;
}

/** Manager of employee i (always a lower index), or null for the CEO. */
export function managerIndex(plan: Plan, ci: number, i: number): number | null {
  const cx = context(plan, ci);
  return managerOf(cx, position(cx.org, cx.counts.cost_centers, i), i);
}
function managerOf(cx: Ctx, p: Position, i: number): number | null {
  if (i === 0) return null;
  const org = cx.org;
  if (p.rank > 0) return employeeAt(org, cx.counts.cost_centers, p.cc, Math.floor((p.rank - 1) / SPAN));
  const first = org.firstOfDept.get(org.seq[p.cc % org.seq.length]!.id)!;
  return first < p.cc ? first : 0;
}

/** Cost center of employee i. */
export function employeeCostCenter(plan: Plan, ci: number, i: number): number {
  const cx = context(plan, ci);
  return position(cx.org, cx.counts.cost_centers, i).cc;
}

const LEVEL_PAY = { executive: 5.5, director: 3, manager: 1.8, lead: 1.3, staff: 1 } as const;

function levelOf(cx: Ctx, p: Position, i: number): Employee["level"] {
  if (i === 0) return "executive";
  if (p.rank === 0) return cx.org.firstOfDept.get(cx.org.seq[p.cc % cx.org.seq.length]!.id) === p.cc ? "director" : "manager";
  return p.rank * SPAN + 1 < cx.org.headcount[p.cc]! ? "lead" : "staff";
}

export function employeeRecord(plan: Plan, ci: number, i: number): Employee {
  const cx = context(plan, ci);
  const rng = rngFor(cx, "employees", i);
  const p = position(cx.org, cx.counts.cost_centers, i);
  const dept = cx.org.seq[p.cc % cx.org.seq.length]!;
  const level = levelOf(cx, p, i);
  const mgr = managerOf(cx, p, i);
  const type = level !== "staff" ? "full_time" : choose(rng, EMPLOYMENT_TYPES);
  const jobTitle = level === "executive" ? "Chief Executive Officer" : level === "director" ? dept.director
    : level === "manager" ? dept.manager : level === "lead" ? dept.lead : dept.staff[rng.int(dept.staff.length)]!;
  const u = rng.next();
  const tenure = level === "staff" ? 1 + Math.floor(359 * u * u) : 24 + Math.floor(300 * u);
  const hire = monthsBefore(cx, rng, tenure);
  const isActive = level !== "staff" || !rng.chance(0.04);
  const termination = isActive ? null : hire + 1 + rng.int(Math.max(1, cx.startDay - hire - 1));
  const part = type === "part_time" ? [0.5, 0.6, 0.75, 0.8][rng.int(4)]! : type === "contractor" ? 1.25 : 1;
  const raw = cx.salaryMinor * LEVEL_PAY[level] * dept.pay * part * dexp(0.18 * rng.normal());
  const { first, last, email } = staffName(cx, i);
  return {
    companyCode: cx.code, id: employeeId(cx.code, i), index: i, firstName: first, lastName: last, email, department: dept.id,
    jobTitle, level, costCenterIndex: p.cc, costCenterId: costCenterId(cx.code, p.cc), managerIndex: mgr,
    managerId: mgr === null ? null : employeeId(cx.code, mgr), hireDate: formatIso(hire),
    terminationDate: termination === null ? null : formatIso(Math.min(termination, cx.startDay - 1)),
    annualSalary: Math.max(cx.salaryUnit, Math.round(raw / cx.salaryUnit) * cx.salaryUnit), currency: cx.currency,
    employmentType: type, isActive,
  };
}
const EMPLOYMENT_TYPES: W<Employee["employmentType"]> = [["full_time", 84], ["part_time", 10], ["contractor", 6]];

/** A bijection from employee index to (first, last) name pairs keeps e-mail addresses unique. */
function staffName(cx: Ctx, i: number): { first: string; last: string; email: string } {
  const { first, last } = cx.staffNames;
  const m = first.names.length * last.names.length;
  const pair = (((i % m) * cx.nameMul) % m + cx.nameAdd) % m;
  const f = pair % first.names.length;
  const l = Math.floor(pair / first.names.length);
  const cycle = Math.floor(i / m);
  const email = `${first.ascii[f]}.${last.ascii[l]}${cycle ? cycle + 1 : ""}@${cx.domain}`;
  return { first: first.names[f]!, last: last.names[l]!, email };
}

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
  const creditLimit = usd === 0 ? 0 : roundSig(Math.max(1, Math.round(usd * cx.usdToMinor)), 2);
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

// ---------- materials ----------

const perIndustry = <T>(f: (ind: Industry) => T) => Object.fromEntries(INDUSTRIES.map((ind) => [ind, f(ind)])) as Record<Industry, T>;
const MATERIAL_WEIGHTS = perIndustry((ind) => MATERIAL_FAMILIES[ind].map((f) => [f, f.weight] as const));
const ASSET_WEIGHTS = perIndustry((ind) => ASSET_CLASS_ORDER.map((c) => [c, ASSET_CLASSES[c].weight[ind]] as const));

export function materialRecord(plan: Plan, ci: number, i: number): Material {
  const cx = context(plan, ci);
  const rng = rngFor(cx, "materials", i);
  const fam = choose(rng, MATERIAL_WEIGHTS[cx.industry]);
  const description = fam.nouns[rng.int(fam.nouns.length)] + " " + fam.specs[rng.int(fam.specs.length)];
  const cost = Math.max(1, Math.round(logUniform(rng, fam.cost[0], fam.cost[1]) * cx.usdToMinor));
  const [mlo, mhi] = MARGIN[fam.type];
  let price = roundSig(Math.round(cost * (1 + mlo + rng.next() * (mhi - mlo))), 3);
  if (cx.industry === "retail" && cx.digits === 2 && price > 100) price = Math.ceil(price / 100) * 100 - 1;
  const grams = fam.kg ? Math.max(1, Math.round(logUniform(rng, fam.kg[0], fam.kg[1]) * 1000)) : null;
  return {
    companyCode: cx.code, id: materialId(cx.code, i), description, type: fam.type, group: fam.group, uom: fam.uom,
    standardCost: cost, listPrice: Math.max(price, cost + 1), currency: cx.currency, valuationClass: VALUATION_CLASS[fam.type],
    weightGrams: grams,
  };
}

// ---------- fixed assets ----------

export function fixedAssetRecord(plan: Plan, ci: number, i: number): FixedAsset {
  const cx = context(plan, ci);
  const rng = rngFor(cx, "fixed_assets", i);
  const cls = choose(rng, ASSET_WEIGHTS[cx.industry]);
  const spec = ASSET_CLASSES[cls];
  const descs = spec.descriptions[cx.industry] ?? spec.descriptions.any!;
  let description = descs[rng.int(descs.length)]!;
  if (cls === "land" || cls === "buildings") description += " " + cx.profile.cities[rng.int(cx.profile.cities.length)]![0];
  const life = rng.range(spec.life[0], spec.life[1]) * 12;
  const age = life === 0 ? rng.range(12, 360) : rng.range(1, Math.min(360, life + 24));
  const costMajor = Math.round(logUniform(rng, spec.cost[0], spec.cost[1]) * cx.usdToMinor / 10 ** cx.digits);
  const cost = Math.max(1, costMajor) * 10 ** cx.digits;
  const salvagePct = spec.salvage[0] + rng.next() * (spec.salvage[1] - spec.salvage[0]);
  const salvage = Math.round((cost * salvagePct) / 10 ** cx.digits) * 10 ** cx.digits;
  const cc = assetCostCenter(cx, rng, spec.departments);
  return {
    companyCode: cx.code, id: assetId(cx.code, i), description, assetClass: cls, acquisitionDate: formatIso(monthsBefore(cx, rng, age)),
    acquisitionCost: cost, usefulLifeMonths: life, salvageValue: Math.min(salvage, cost - 1),
    depreciationMethod: life === 0 ? "none" : "straight_line", costCenterIndex: cc, costCenterId: costCenterId(cx.code, cc),
    currency: cx.currency,
  };
}


function assetCostCenter(cx: Ctx, rng: Rng, departments: readonly string[]): number {
  for (const d of departments) {
    const ccs = cx.org.ccByDept.get(d);
    if (ccs?.length) return ccs[rng.int(ccs.length)]!;
  }
  return rng.int(cx.counts.cost_centers);
}

// ---------- writers ----------

const opt = (w: RowWriter, v: string | null) => (v === null ? w.empty() : w.id(v));

export function writeCostCenter(r: CostCenter, w: RowWriter): void {
  w.id(r.companyCode); w.id(r.id); w.text(r.name); w.id(r.department); opt(w, r.managerEmployeeId); w.date(r.validFrom); w.end();
}

export function writeEmployee(r: Employee, w: RowWriter, digits: number): void {
  w.id(r.companyCode); w.id(r.id); w.text(r.firstName); w.text(r.lastName); w.text(r.email); w.id(r.department); w.text(r.jobTitle);
  w.id(r.level); w.id(r.costCenterId); opt(w, r.managerId); w.date(r.hireDate);
  if (r.terminationDate === null) w.empty(); else w.date(r.terminationDate);
  w.money(r.annualSalary, digits); w.id(r.currency); w.id(r.employmentType); w.bool(r.isActive); w.end();
}

export function writeVendor(r: Vendor, w: RowWriter): void {
  w.id(r.companyCode); w.id(r.id); w.text(r.name); w.id(r.country); w.text(r.region); w.text(r.city); w.id(r.postalCode);
  w.text(r.street); w.id(r.taxId); w.id(r.category); w.id(r.terms.code); w.int(r.terms.days); w.decimal(r.terms.discountPercent);
  w.int(r.terms.discountDays); w.id(r.currency); w.id(r.bankCode); w.id(r.bankAccount); opt(w, r.iban); w.bool(r.isIntercompany);
  w.bool(r.isActive); w.end();
}

export function writeCustomer(r: Customer, w: RowWriter, digits: number): void {
  w.id(r.companyCode); w.id(r.id); w.text(r.name); w.id(r.type); w.id(r.country); w.text(r.region); w.text(r.city);
  w.id(r.postalCode); opt(w, r.taxId); w.id(r.segment); w.money(r.creditLimit, digits); w.id(r.terms.code); w.int(r.terms.days);
  w.id(r.behaviour); w.id(r.riskClass); w.id(r.currency); w.bool(r.isIntercompany); w.end();
}

const gramsText = (g: number) => Math.floor(g / 1000) + "." + String(g % 1000).padStart(3, "0");

export function writeMaterial(r: Material, w: RowWriter, digits: number): void {
  w.id(r.companyCode); w.id(r.id); w.text(r.description); w.id(r.type); w.id(r.group); w.id(r.uom); w.money(r.standardCost, digits);
  w.money(r.listPrice, digits); w.id(r.currency); w.id(r.valuationClass);
  if (r.weightGrams === null) w.empty(); else w.decimal(gramsText(r.weightGrams));
  w.end();
}

export function writeFixedAsset(r: FixedAsset, w: RowWriter, digits: number): void {
  w.id(r.companyCode); w.id(r.id); w.text(r.description); w.id(r.assetClass); w.date(r.acquisitionDate);
  w.money(r.acquisitionCost, digits); w.int(r.usefulLifeMonths); w.money(r.salvageValue, digits); w.id(r.depreciationMethod);
  w.id(r.costCenterId); w.id(r.currency); w.end();
}

// ---------- tables ----------

export interface MasterGenerator<R> {
  spec: TableSpec;
  record(plan: Plan, ci: number, i: number): R;
  write(r: R, w: RowWriter, digits: number): void;
}

export interface MasterRecords {
  cost_centers: CostCenter; employees: Employee; vendors: Vendor; customers: Customer; materials: Material; fixed_assets: FixedAsset;
}

export const MASTER_GENERATORS: { [K in MasterTable]: MasterGenerator<MasterRecords[K]> } = {
  cost_centers: { spec: specs.costCenters, record: costCenterRecord, write: writeCostCenter },
  employees: { spec: specs.employees, record: employeeRecord, write: writeEmployee },
  vendors: { spec: specs.vendors, record: vendorRecord, write: writeVendor },
  customers: { spec: specs.customers, record: customerRecord, write: writeCustomer },
  materials: { spec: specs.materials, record: materialRecord, write: writeMaterial },
  fixed_assets: { spec: specs.fixedAssets, record: fixedAssetRecord, write: writeFixedAsset },
};

export function isMasterTable(t: string): t is MasterTable {
  return (MASTER_TABLE_NAMES as readonly string[]).includes(t);
}

/** Writes records firstIndex .. firstIndex + count - 1 of one company's table (one block of a segment). */
export function generateMasterBlock(plan: Plan, table: MasterTable, ci: number, firstIndex: number, count: number, w: RowWriter): void {
  const g = MASTER_GENERATORS[table] as unknown as MasterGenerator<unknown>;
  const digits = context(plan, ci).digits;
  const end = Math.min(firstIndex + count, context(plan, ci).counts[table]);
  for (let i = firstIndex; i < end; i++) g.write(g.record(plan, ci, i), w, digits);
}
