// What a legacy extract does to values: typos (keyboard neighbours, swapped, doubled or lost
// letters, OCR confusions, homophones), encoding damage (mojibake, HTML entities, a byte-order
// mark, replacement characters) and other formats for dates, amounts and identifiers.
import type { Rng } from "../../core/rng.ts";

const ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];
/** Letters next to each other on a QWERTY keyboard. */
function neighbour(ch: string, rng: Rng): string {
  const lower = ch.toLowerCase();
  for (const [r, row] of ROWS.entries()) {
    const i = row.indexOf(lower);
    if (i < 0) continue;
    const near = [row[i - 1], row[i + 1], ROWS[r - 1]?.[i], ROWS[r + 1]?.[i]].filter((x): x is string => !!x);
    const n = near[rng.int(near.length)]!;
    return ch === lower ? n : n.toUpperCase();
  }
  return ch;
}

const OCR: Record<string, string> = { O: "0", o: "0", "0": "O", l: "1", "1": "l", I: "1", S: "5", s: "5", "5": "S", B: "8", "8": "B", e: "c", m: "rn", g: "9" };
const HOMOPHONES: Record<string, string> = { sale: "sail", sales: "sails", fees: "fease", for: "four", to: "too", water: "whater", rent: "rant", and: "an", of: "off", tax: "tacks", received: "recieved", services: "servises" };

/** Typo kinds with the reference's weights: substitution .35, transposition .25, deletion .15, insertion .10, OCR .10, homophone .05. */
export function typo(text: string, rng: Rng): [string, string] {
  const letters = [...text].flatMap((ch, i) => (/[A-Za-z0-9]/.test(ch) ? [i] : []));
  if (letters.length < 2) return ["none", text];
  const i = letters[rng.int(letters.length)]!;
  const u = rng.next();
  if (u < 0.35) return ["substitution", text.slice(0, i) + neighbour(text[i]!, rng) + text.slice(i + 1)];
  if (u < 0.6 && i + 1 < text.length && text[i] !== text[i + 1]) return ["transposition", text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2)];
  if (u < 0.75) return ["deletion", text.slice(0, i) + text.slice(i + 1)];
  if (u < 0.85) return ["insertion", text.slice(0, i) + text[i] + text.slice(i)];
  if (u < 0.95) {
    const at = letters.filter((k) => OCR[text[k]!] !== undefined);
    if (at.length) {
      const k = at[rng.int(at.length)]!;
      return ["ocr", text.slice(0, k) + OCR[text[k]!] + text.slice(k + 1)];
    }
  }
  const words = text.split(" ");
  const w = words.findIndex((x) => HOMOPHONES[x.toLowerCase()] !== undefined);
  if (w >= 0) {
    words[w] = HOMOPHONES[words[w]!.toLowerCase()]!;
    return ["homophone", words.join(" ")];
  }
  return ["substitution", text.slice(0, i) + neighbour(text[i]!, rng) + text.slice(i + 1)];
}

/** UTF-8 bytes read as Latin-1 ("é" -> "Ã©"). */
function mojibake(text: string): string {
  return [...new TextEncoder().encode(text)].map((b) => String.fromCharCode(b)).join("");
}

export function encodingIssue(text: string, rng: Rng): [string, string] {
  if (/[^\x00-\x7f]/.test(text) && rng.chance(0.6)) return ["mojibake", mojibake(text)];
  const u = rng.next();
  if (u < 0.35 && text.includes(" ")) {
    const spaces = [...text].flatMap((ch, i) => (ch === " " ? [i] : []));
    const i = spaces[rng.int(spaces.length)]!;
    return ["html_entity", text.slice(0, i) + "&nbsp;" + text.slice(i + 1)];
  }
  if (u < 0.6) return ["byte_order_mark", "\ufeff" + text];
  const i = rng.int(text.length);
  return ["replacement_character", text.slice(0, i) + "\ufffd" + text.slice(i + 1)];
}

const DATES = ["posting_date", "document_date"];
const AMOUNTS = ["debit_amount", "credit_amount", "document_amount"];
const IDS = ["document_id", "account_number", "cost_center", "partner_id"];

function groupThousands(int: string, sep: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** One value of the row in another format: a date, an amount or an identifier. */
export function formatVariation(rec: Record<string, unknown>, rng: Rng): { field: string; subtype: string; from: string; to: string } | undefined {
  const u = rng.next();
  const pick = (fields: string[]) => {
    const ok = fields.filter((f) => rec[f] !== null && rec[f] !== undefined);
    return ok.length ? ok[rng.int(ok.length)] : undefined;
  };
  if (u < 0.4) {
    const f = pick(DATES);
    if (!f) return undefined;
    const [y, m, d] = String(rec[f]).split("-");
    const forms = [`${m}/${d}/${y}`, `${d}.${m}.${y}`, `${y}${m}${d}`, `${d}/${m}/${y}`];
    const names = ["us_date", "eu_date", "compact_date", "uk_date"];
    const k = rng.int(forms.length);
    return { field: f, subtype: names[k]!, from: String(rec[f]), to: forms[k]! };
  }
  if (u < 0.75) {
    const f = pick(AMOUNTS);
    if (!f) return undefined;
    const v = String(rec[f]);
    const [int, frac] = v.split(".");
    const forms = [`${groupThousands(int!, ",")}${frac ? "." + frac : ""}`, `${groupThousands(int!, ".")}${frac ? "," + frac : ""}`, `${int}${frac ? "." + frac : ""}${frac ? "0" : ".0"}`, `${v} ${rec.currency}`];
    const names = ["us_thousands", "eu_decimal_comma", "extra_precision", "currency_code"];
    const k = rng.int(forms.length);
    if (forms[k] === v) return undefined;
    return { field: f, subtype: names[k]!, from: v, to: forms[k]! };
  }
  const f = pick(IDS);
  if (!f) return undefined;
  const v = String(rec[f]);
  const forms = [v.toLowerCase(), v.replace(/-0+(\d)/g, "-$1"), v.replaceAll("-", " "), ` ${v}`];
  const names = ["lower_case", "unpadded", "separator", "leading_space"];
  const k = rng.int(forms.length);
  if (forms[k] === v) return undefined;
  return { field: f, subtype: names[k]!, from: v, to: forms[k]! };
}
