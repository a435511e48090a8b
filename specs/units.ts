// Literal interpretation and formatting. Numbers are scaled by shifting the decimal string,
// never by float multiplication, so 1.15k is exactly 1150 and 0.07% exactly 0.0007.
import type { Unit } from "./fields.ts";
import { minorDigits } from "./currencies.ts";

export const COUNT_SUFFIX: Record<string, number> = { "": 0, k: 3, K: 3, M: 6, bn: 9 };
export const DURATION_DAYS: Record<string, number> = { d: 1, w: 7, mo: 30, y: 365 };
export const BYTE_FACTOR: Record<string, number> = {
  B: 1,
  KB: 1e3,
  MB: 1e6,
  GB: 1e9,
  TB: 1e12,
  KiB: 2 ** 10,
  MiB: 2 ** 20,
  GiB: 2 ** 30,
  TiB: 2 ** 40,
};

export type UnitResult<T> = { ok: true; value: T } | { ok: false; message: string; hint?: string };

const ok = <T>(value: T): UnitResult<T> => ({ ok: true, value });
const fail = (message: string, hint?: string): UnitResult<never> => ({ ok: false, message, hint });

/** "1.5" shifted by 3 -> "1500"; "0.5" by -2 -> "0.005". Input: digits with at most one dot. */
export function shiftDecimal(digits: string, places: number): string {
  const [int = "0", frac = ""] = digits.split(".");
  let all = int + frac;
  let point = int.length + places;
  if (point <= 0) {
    all = "0".repeat(1 - point) + all;
    point = 1;
  }
  if (point > all.length) all = all + "0".repeat(point - all.length);
  const i = all.slice(0, point).replace(/^0+(?=\d)/, "");
  const fr = all.slice(point).replace(/0+$/, "");
  return fr ? `${i}.${fr}` : i;
}

/** What an amount literal means, given its written suffix and the unit the setting expects. */
export interface QuantityInput {
  digits: string;
  suffix: string;
  negative: boolean;
  currency?: string;
  /** The literal as written, for messages (default: rebuilt from the parts). */
  text?: string;
}

const written = (q: QuantityInput) => q.text ?? `${q.negative ? "-" : ""}${q.digits}${q.suffix}`;

/** `expected a percentage (0.5%), found 5`: one statement, the examples once. */
const expectedFound = (unit: Unit, q: QuantityInput) => `expected ${describeUnit(unit)}, found ${written(q)}`;

/** `"kb" is not a count suffix (expected a count: 42, 10k, 1.5M)`. */
const badSuffix = (q: QuantityInput, what: string, unit: Unit) => `"${q.suffix}" is not ${what} (expected ${unitNoun(unit)}: ${unitExamples(unit)})`;

export function parseCount(q: QuantityInput): UnitResult<number> {
  const exp = COUNT_SUFFIX[q.suffix];
  if (exp === undefined) return fail(badSuffix(q, "a count suffix", "count"), "write a plain number or use k, M or bn (10k, 1.5M)");
  const s = shiftDecimal(q.digits, exp);
  if (s.includes(".")) return fail(`${q.digits}${q.suffix} is not a whole number`);
  if (q.negative) return fail("a count cannot be negative");
  return ok(Number(s));
}

export function parseNumber(q: QuantityInput): UnitResult<number> {
  if (q.suffix !== "") return fail(expectedFound("number", q), "a plain number has no unit");
  return ok((q.negative ? -1 : 1) * Number(q.digits));
}

export function parsePercent(q: QuantityInput): UnitResult<number> {
  if (q.suffix !== "%") return fail(expectedFound("percent", q), percentHint(q));
  return ok((q.negative ? -1 : 1) * Number(shiftDecimal(q.digits, -2)));
}

/** A bare 0.3 is most likely the fraction 30%; a bare 30 means 30%. */
function percentHint(q: QuantityInput): string {
  const n = Number(q.digits);
  if (q.suffix === "" && n > 0 && n <= 1 && q.digits.includes(".")) {
    return `write it with %: ${shiftDecimal(q.digits, 2)}% if ${q.digits} is a fraction (${q.digits}% is ${shiftDecimal(q.digits, -2)})`;
  }
  return `write it with %, for example ${q.digits}%`;
}

export function parseMultiplier(q: QuantityInput): UnitResult<number> {
  if (q.suffix !== "x") return fail(expectedFound("multiplier", q), `write it with x, for example ${q.digits}x`);
  return ok((q.negative ? -1 : 1) * Number(q.digits));
}

export function parseDuration(q: QuantityInput): UnitResult<number> {
  const days = DURATION_DAYS[q.suffix];
  if (days === undefined) return fail(expectedFound("duration", q), "d is a day, w a week, mo 30 days, y 365 days");
  const n = Number(q.digits) * days;
  if (!Number.isInteger(n)) return fail(`${q.digits}${q.suffix} is not a whole number of days`);
  if (q.negative) return fail("a duration cannot be negative");
  return ok(n);
}

export function parseBytes(q: QuantityInput): UnitResult<number> {
  const factor = BYTE_FACTOR[q.suffix];
  const hint = "units are case-sensitive: B, KB, MB, GB, TB or KiB, MiB, GiB, TiB (powers of 1024)";
  if (factor === undefined) return fail(q.suffix ? badSuffix(q, "a size unit", "bytes") : expectedFound("bytes", q), hint);
  const n = Math.round(Number(q.digits) * factor);
  if (q.negative) return fail("a size cannot be negative");
  return ok(n);
}

/** Money: minor units of the given currency (or 2 decimals when it is the company's). */
export function parseMoney(q: QuantityInput): UnitResult<{ minor: number; currency?: string }> {
  // 1.5M USD: a count multiplier may precede the currency; 100USD: the currency as a suffix.
  const suffixIsCurrency = /^[A-Z]{3}$/.test(q.suffix);
  const currency = q.currency ?? (suffixIsCurrency ? q.suffix : undefined);
  const exp = suffixIsCurrency ? 0 : COUNT_SUFFIX[q.suffix];
  if (exp === undefined) return fail(badSuffix(q, "an amount suffix", "money"), "write 1_000.00, 1.5M or 1_000.00 USD");
  const digits = currency ? minorDigits(currency) : 2;
  const s = shiftDecimal(q.digits, digits + exp);
  if (s.includes(".")) return fail(`${q.digits}${q.suffix} has more decimals than ${currency ?? "the currency"} allows (${digits})`);
  const minor = (q.negative ? -1 : 1) * Number(s);
  if (!Number.isSafeInteger(minor)) return fail("amount is too large");
  return ok(currency ? { minor, currency } : { minor });
}

export function parseQuantity(unit: Unit, q: QuantityInput): UnitResult<number | { minor: number; currency?: string }> {
  switch (unit) {
    case "count":
    case "auto-or-count":
      return parseCount(q);
    case "number":
      return parseNumber(q);
    case "percent":
      return parsePercent(q);
    case "multiplier":
      return parseMultiplier(q);
    case "duration":
      return parseDuration(q);
    case "bytes":
    case "auto-or-bytes":
      return parseBytes(q);
    case "money":
    case "auto-or-money":
      return parseMoney(q);
    default:
      return fail(expectedFound(unit, q));
  }
}

/** What a unit is called and how it is written: [noun, examples]. */
const UNITS: Record<Unit, [string, string]> = {
  count: ["a count", "42, 10k, 1.5M"],
  number: ["a number", "1.8"],
  percent: ["a percentage", "0.5%"],
  multiplier: ["a multiplier", "2.5x"],
  duration: ["a duration", "30d, 2w, 3mo, 1y"],
  bytes: ["a size", "512MiB, 1GiB"],
  money: ["an amount", "1_000.00, 1_000.00 USD"],
  date: ["a date", "2024-01-31"],
  enum: ["one of the listed words", ""],
  bool: ["true or false", ""],
  string: ["a string", '"text"'],
  code: ["a code", "C01"],
  currency: ["a currency code", "USD"],
  rate: ["a rate", "100k per year"],
  "auto-or-count": ["auto or a count", ""],
  "auto-or-bytes": ["auto or a size", "1GiB"],
  "auto-or-money": ["auto or an amount", "120M, 5M EUR"],
};

export function unitNoun(unit: Unit): string {
  return UNITS[unit][0];
}

export function unitExamples(unit: Unit): string {
  return UNITS[unit][1];
}

/** "a percentage (0.5%)". */
export function describeUnit(unit: Unit): string {
  const [noun, examples] = UNITS[unit];
  return examples ? `${noun} (${examples})` : noun;
}

/** A valid calendar date written YYYY-MM-DD. */
export function isValidDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

export function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

// --- formatting (the inverse of parsing; the round trip is property-tested) ---

export function formatCount(n: number): string {
  for (const [suffix, exp] of [["bn", 9], ["M", 6], ["k", 3]] as const) {
    const s = shiftDecimal(String(n), -exp);
    if (n >= 10 ** exp && s.length <= 5) return s + suffix;
  }
  return String(n);
}

export function formatPercent(fraction: number): string {
  return (fraction < 0 ? "-" : "") + shiftDecimal(plainDigits(fraction), 2) + "%";
}

export function formatBytes(n: number): string {
  for (const [suffix, f] of [["GiB", 2 ** 30], ["MiB", 2 ** 20], ["KiB", 2 ** 10]] as const) {
    if (n >= f && n % f === 0) return `${n / f}${suffix}`;
  }
  return `${n}B`;
}

export function formatDuration(days: number): string {
  if (days > 0 && days % 365 === 0) return `${days / 365}y`;
  if (days > 0 && days % 7 === 0) return `${days / 7}w`;
  return `${days}d`;
}

export function formatMoney(minor: number, currency?: string): string {
  const digits = currency ? minorDigits(currency) : 2;
  const sign = minor < 0 ? "-" : "";
  const abs = String(Math.abs(minor)).padStart(digits + 1, "0");
  const text = digits === 0 ? abs : `${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
  return sign + text + (currency ? ` ${currency}` : "");
}

/** A non-negative number's digits without exponent notation (1e-7 -> "0.0000001"). */
function plainDigits(x: number): string {
  const s = String(Math.abs(x));
  if (!s.includes("e")) return s;
  const [mant = "0", expText = "0"] = s.split("e");
  return shiftDecimal(mant, Number(expText));
}
