// Identifiers of the bank: customer, account and transaction ids, account numbers in each
// country's format (unique per account, scrambled so they look issued, not counted), IBANs with
// valid check digits, and documentation-range IP addresses.
import type { Rng } from "../../core/rng.ts";
import type { CountryProfile } from "../../data/countries.ts";

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** Fills a template: '#' a digit, 'A' a letter, anything else literal. */
export function fillTemplate(rng: Rng, tpl: string): string {
  let s = "";
  for (const ch of tpl) s += ch === "#" ? String(rng.int(10)) : ch === "A" ? LETTERS[rng.int(26)] : ch;
  return s;
}

export const pad = (n: number, width: number) => String(n).padStart(width, "0");

export const customerId = (i: number) => "BC-" + pad(i + 1, 9);
export const accountId = (i: number, k: number) => `BA-${pad(i + 1, 9)}-${pad(k + 1, 2)}`;
export const txPrefix = (i: number) => `BT-${pad(i + 1, 9)}-`;

/** ISO 7064 mod 97 over an alphanumeric string (letters count 10..35). */
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

/** US routing number: the 9th digit makes 3(d1+d4+d7) + 7(d2+d5+d8) + (d3+d6+d9) divisible by 10. */
function abaWithCheck(code: string): string {
  const d = (k: number) => code.charCodeAt(k) - 48;
  const s = 3 * (d(0) + d(3) + d(6)) + 7 * (d(1) + d(4) + d(7)) + d(2) + d(5);
  return code.slice(0, 8) + ((10 - (s % 10)) % 10);
}

/** French RIB key of bank code + account. */
const ribKey = (code: string, account: string) => pad(97 - ((89 * Number(code.slice(0, 5)) + 15 * Number(code.slice(5)) + 3 * (Number(account) % 97)) % 97), 2);

export interface NationalAccount {
  code: string;
  account: string;
  iban: string | null;
}

function finish(p: CountryProfile, code: string, account: string): NationalAccount {
  if (p.code === "FR") account += ribKey(code, account);
  return { code, account, iban: p.iban ? ibanFor(p.code, code + account) : null };
}

/** A random account at some bank of the country (counterparties at other banks). */
export function nationalAccount(rng: Rng, p: CountryProfile): NationalAccount {
  let code = fillTemplate(rng, p.bankCode);
  if (p.code === "US") code = abaWithCheck(code);
  return finish(p, code, fillTemplate(rng, p.account));
}

/**
 * Account k of customer i at this bank: the customer's slot number scrambled by an affine
 * bijection modulo 10^digits (unique while 4 x customers < 10^digits), in the country's format.
 */
export function ownAccount(p: CountryProfile, bankCode: string, i: number, k: number): NationalAccount {
  const digits = p.account.replaceAll(/[^#]/g, "").length;
  const scrambled = Math.min(digits, 12);
  const m = 10 ** scrambled;
  const x = i * 4 + k;
  const n = (((x * 7_654_321) % m) + 1_234_567) % m;
  const account = pad(n, scrambled).padStart(digits, "1");
  return finish(p, p.code === "US" ? abaWithCheck(bankCode) : bankCode, account);
}

const HEX = "0123456789abcdef";
const hex4 = (x: number) => HEX[(x >>> 12) & 15]! + HEX[(x >>> 8) & 15] + HEX[(x >>> 4) & 15] + HEX[x & 15];

/** An address from the documentation ranges: IPv4 TEST-NET-1/2/3 (RFC 5737) or IPv6 2001:db8::/32 (RFC 3849). */
export function documentationIp(key: number, v6: boolean): string {
  if (v6) return `2001:db8:${hex4(key >>> 16)}:${hex4(key & 0xffff)}::${hex4((key * 2654435761) >>> 20)}`;
  const nets = ["192.0.2.", "198.51.100.", "203.0.113."];
  return nets[(key >>> 8) % 3]! + (1 + ((key & 0xff) % 254));
}
