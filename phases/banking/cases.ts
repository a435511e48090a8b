// The plan's cases, computed once per plan and thread: each case's typology (equal shares of the
// enabled ones, in turn), sophistication (exact shares of the mix), its suspicious customers (a
// run of slots of the suspicious permutation: exactly round(customers x suspicious_rate) in all),
// its victims, its timing and its exact number of labelled transactions (all cases together:
// exactly the laundering share of the transactions). Roles follow from a customer's slot.
import { allocate } from "../../core/allocate.ts";
import { hash32, Rng } from "../../core/rng.ts";
import { H_BANK, isBankDay, type Bank } from "./bank.ts";
import { SOPHISTICATION, type Sophistication, type Typology } from "./params.ts";
import { Permutation } from "./perm.ts";
import type { ROLES } from "./tables-aml.ts";

export type Role = keyof typeof ROLES;
type Kind = "person" | "business" | "any";

export interface TypologyMeta {
  parts: readonly [number, number];
  victims: number;
  victimKind?: "person" | "business";
  role(j: number, k: number): Role;
  kind(j: number, k: number): Kind;
  minRows(k: number): number;
  /** Typical labelled transactions (weight of the share beyond the minimum). */
  rows: number;
  /** Typical duration in days. */
  days: number;
}

const controllerLast = (k: number, min: number) => (j: number) => k >= min && j === k - 1;

export const TYPOLOGY_META: Record<Typology, TypologyMeta> = {
  structuring: { parts: [1, 1], victims: 0, role: () => "launderer", kind: () => "any", minRows: () => 4, rows: 10, days: 10 },
  smurfing: { parts: [3, 6], victims: 0, role: (j) => (j === 0 ? "collector" : "smurf"), kind: (j) => (j === 0 ? "any" : "person"), minRows: (k) => (k <= 2 ? 4 : 3 * Math.max(3, k - 1) + 1), rows: 14, days: 14 },
  cuckoo_smurfing: { parts: [1, 4], victims: 1, victimKind: "person", role: () => "smurf", kind: () => "person", minRows: (k) => Math.max(3, k), rows: 6, days: 7 },
  funnel_account: { parts: [1, 3], victims: 0, role: (j) => (j === 0 ? "funnel" : "smurf"), kind: (j) => (j === 0 ? "any" : "person"), minRows: (k) => 4 + (k - 1), rows: 12, days: 21 },
  layering: { parts: [2, 6], victims: 0, role: () => "hop", kind: () => "any", minRows: (k) => 2 * k, rows: 10, days: 7 },
  round_tripping: { parts: [1, 2], victims: 0, role: (j) => (j === 0 ? "originator" : "front_company"), kind: (j) => (j === 0 ? "person" : "business"), minRows: (k) => (k === 1 ? 2 : 4), rows: 5, days: 60 },
  trade_based: { parts: [1, 2], victims: 0, role: (j) => (j === 0 ? "front_company" : "controller"), kind: (j) => (j === 0 ? "business" : "person"), minRows: (k) => (k === 1 ? 3 : 5), rows: 8, days: 90 },
  money_mule: {
    parts: [1, 5], victims: 0, role: (j, k) => (controllerLast(k, 3)(j) ? "controller" : "mule"), kind: () => "person",
    minRows: (k) => (k >= 3 ? 4 * (k - 1) + 1 : 3 * k), rows: 12, days: 14,
  },
  shell_company: {
    parts: [1, 4], victims: 0, role: (j, k) => (controllerLast(k, 2)(j) ? "controller" : "shell"), kind: (j, k) => (controllerLast(k, 2)(j) ? "person" : "business"),
    minRows: (k) => (k >= 2 ? 1 + 2 * (k - 2) + 2 : 2), rows: 8, days: 60,
  },
  account_takeover: { parts: [1, 2], victims: 1, victimKind: "person", role: () => "mule", kind: () => "person", minRows: (k) => 3 * k, rows: 5, days: 2 },
  authorised_push_payment: { parts: [1, 2], victims: 1, victimKind: "person", role: () => "mule", kind: () => "person", minRows: (k) => 3 * k, rows: 6, days: 30 },
  business_email_compromise: { parts: [1, 1], victims: 1, victimKind: "business", role: () => "mule", kind: () => "person", minRows: () => 3, rows: 4, days: 5 },
  sanctions_evasion: { parts: [1, 2], victims: 0, role: () => "evader", kind: () => "business", minRows: (k) => 2 * k, rows: 6, days: 90 },
};

const SOPH_ROWS: Record<Sophistication, number> = { basic: 0.6, standard: 1, professional: 1.6, advanced: 2.5 };
export const SOPH_DAYS: Record<Sophistication, number> = { basic: 0.7, standard: 1, professional: 1.6, advanced: 2.5 };

export interface CaseInfo {
  index: number;
  id: string;
  typology: Typology;
  sophistication: Sophistication;
  slotStart: number;
  parts: number;
  victimStart: number;
  victims: number;
  rows: number;
  /** First day and duration in days (within the scenario). */
  start: number;
  days: number;
}

export interface CaseTable {
  cases: CaseInfo[];
  victimSlots: number;
  /** Labelled transactions the plan asked for, and what the cases' minimum sizes forced. */
  requestedRows: number;
  rows: number;
}

const tables = new WeakMap<Bank, CaseTable>();

export function caseTable(bank: Bank): CaseTable {
  let t = tables.get(bank);
  if (!t) tables.set(bank, (t = build(bank)));
  return t;
}

export const caseId = (index: number) => "CASE-" + String(index + 1).padStart(6, "0");

function build(bank: Bank): CaseTable {
  const list = bank.p.typologies;
  const cases: CaseInfo[] = [];
  let slot = 0;
  let victimSlot = 0;
  for (let c = 0; slot < bank.suspicious; c++) {
    const typology = list[c % list.length]!;
    const meta = TYPOLOGY_META[typology];
    const rng = new Rng(bank.seed, H_BANK, hash32("case"), c);
    const parts = Math.min(bank.suspicious - slot, meta.parts[0] + rng.int(meta.parts[1] - meta.parts[0] + 1));
    cases.push({ index: c, id: caseId(c), typology, sophistication: "basic", slotStart: slot, parts, victimStart: victimSlot, victims: meta.victims, rows: 0, start: 0, days: 0 });
    slot += parts;
    victimSlot += meta.victims;
  }
  assignSophistication(bank, cases);
  const requested = bank.labelledTotal;
  const mins = cases.map((x) => TYPOLOGY_META[x.typology].minRows(x.parts));
  const minSum = mins.reduce((a, b) => a + b, 0);
  const cap = Math.floor(0.8 * scenarioBankDays(bank));
  const room = cases.map((x, i) => Math.max(0, maxRows(x.typology, x.parts, cap) - mins[i]!));
  const extra = capped(Math.max(0, requested - minSum), cases.map((x) => TYPOLOGY_META[x.typology].rows * SOPH_ROWS[x.sophistication] * (1 + 0.3 * (x.parts - 1))), room);
  cases.forEach((x, i) => {
    x.rows = mins[i]! + (extra[i] ?? 0);
    timing(bank, x);
  });
  return { cases, victimSlots: victimSlot, requestedRows: requested, rows: cases.reduce((s, x) => s + x.rows, 0) };
}

/** Cash cases pay in on distinct bank days of an account: they can hold no more deposits than the scenario has bank days. */
function maxRows(t: Typology, parts: number, cap: number): number {
  switch (t) {
    case "structuring": return cap + 1;
    case "smurfing": return parts >= 3 ? 3 * (parts - 1) * cap + 1 : cap + 1;
    case "cuckoo_smurfing": return cap;
    case "funnel_account": return Math.floor(cap * 1.2);
    default: return Number.MAX_SAFE_INTEGER;
  }
}

function scenarioBankDays(bank: Bank): number {
  let n = 0;
  for (let d = bank.firstDay; d < bank.endDay; d++) if (isBankDay(bank, d)) n++;
  return n;
}

/** Largest-remainder shares of `total` by weight, none above its room; what does not fit goes to the others (and is dropped when nothing has room). */
function capped(total: number, weights: number[], room: number[]): number[] {
  const out = weights.map(() => 0);
  let open = weights.map((_, i) => i).filter((i) => room[i]! > 0);
  let left = total;
  while (left > 0 && open.length > 0) {
    const share = allocate(left, open.map((i) => weights[i]!));
    let overflow = 0;
    open.forEach((i, k) => {
      const take = Math.min(share[k]!, room[i]! - out[i]!);
      out[i] = out[i]! + take;
      overflow += share[k]! - take;
    });
    left = overflow;
    open = open.filter((i) => out[i]! < room[i]!);
  }
  return out;
}

/** Exact shares of the sophistication mix, spread over the cases by a permutation. */
function assignSophistication(bank: Bank, cases: CaseInfo[]): void {
  if (cases.length === 0) return;
  const mix = bank.p.sophistication;
  const counts = allocate(cases.length, SOPHISTICATION.map((s) => mix[s]));
  const order = new Permutation(cases.length, bank.seed, H_BANK, "sophistication");
  let k = 0;
  SOPHISTICATION.forEach((s, si) => {
    for (let n = 0; n < counts[si]!; n++) cases[order.at(k++)]!.sophistication = s;
  });
}

function timing(bank: Bank, x: CaseInfo): void {
  const rng = new Rng(bank.seed, H_BANK, hash32("case-time"), x.index);
  const span = bank.endDay - bank.firstDay;
  const typical = TYPOLOGY_META[x.typology].days * SOPH_DAYS[x.sophistication];
  // More steps need more days: a calendar day per labelled transaction or two; cash cases a bank day per deposit.
  const perRow = x.typology === "structuring" || x.typology === "smurfing" || x.typology === "cuckoo_smurfing" || x.typology === "funnel_account" ? 1.6 : 0.7;
  const days = Math.min(span, Math.max(2, Math.round(typical * (0.7 + 0.6 * rng.next())), Math.ceil(x.rows * perRow)));
  x.days = days;
  // A business email compromise needs the victim's earlier payments to the real supplier in the data.
  const earliest = x.typology === "business_email_compromise" ? Math.min(40, Math.max(0, span - days)) : 0;
  x.start = bank.firstDay + earliest + rng.int(Math.max(1, span - days - earliest + 1));
}

/** Binary search: the case whose slots hold suspicious slot s. */
export function caseOfSlot(t: CaseTable, s: number): CaseInfo {
  let lo = 0;
  let hi = t.cases.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (t.cases[mid]!.slotStart <= s) lo = mid;
    else hi = mid - 1;
  }
  return t.cases[lo]!;
}

/** The case whose victim slots hold victim slot v (cases without victims have empty ranges). */
export function caseOfVictimSlot(t: CaseTable, v: number): CaseInfo | undefined {
  let lo = 0;
  let hi = t.cases.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (t.cases[mid]!.victimStart <= v) lo = mid;
    else hi = mid - 1;
  }
  // Several cases may start at v (those without victims): the one holding it has victims > 0.
  while (lo < t.cases.length && t.cases[lo]!.victims === 0) lo++;
  const c = t.cases[lo];
  return c && v >= c.victimStart && v < c.victimStart + c.victims ? c : undefined;
}

export interface SuspiciousRole {
  case: CaseInfo;
  /** Participant number within the case. */
  j: number;
  role: Role;
  kind: Kind;
}

/** The role of customer i when it is suspicious (holds a slot of a case). */
export function suspiciousRole(bank: Bank, i: number): SuspiciousRole | undefined {
  if (bank.suspicious === 0 || i >= bank.customers) return undefined;
  const s = bank.suspiciousPerm.indexOf(i);
  if (s >= bank.suspicious) return undefined;
  const c = caseOfSlot(caseTable(bank), s);
  const j = s - c.slotStart;
  const meta = TYPOLOGY_META[c.typology];
  return { case: c, j, role: meta.role(j, c.parts), kind: meta.kind(j, c.parts) };
}

/** Customer index of participant j of a case. */
export const participant = (bank: Bank, c: CaseInfo, j: number) => bank.suspiciousPerm.at(c.slotStart + j);

