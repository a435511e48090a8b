// Journal entries: writing a balanced document's lines, shared by every phase that posts.
import type { Period } from "../core/calendar.ts";
import type { CompanyInfo } from "./context.ts";
import type { RowWriter } from "../specs/records/table.ts";
import type { DocumentType } from "../specs/records/ledger.ts";
import type { Lines } from "./lines.ts";
import type { RunState } from "./state.ts";
import { LEDGER, LIQUIDITY } from "./slices.ts";
import type { Account } from "./chart.ts";
import { COST_CENTERS, keepsCostCenter, keepsCostCenters } from "./cost-centers.ts";
import { hash32 } from "../core/rng.ts";
import { formatIso, parseIso } from "../core/calendar.ts";

/** Where a posted document's figures go: block totals in a worker, the run state on the main thread. */
export interface PostingTarget {
  /** The debit/credit cell of a company and period (debit at 2i, credit at 2i+1 by account index). */
  cell(company: number, period: number): Float64Array;
  /** A movement of a cash (slot 1) or bank (slot 0) account on a day: the treasury keeps daily balances. */
  liquid(company: number, day: number, slot: number, amount: number): void;
  /** A P&L line's net on a cost center (only when the run keeps cost-center actuals, ledger/cost-centers.ts). */
  costCenter?(company: number, period: number, account: Account, cc: number, net: number): void;
}

/** The target that posts into the run state (main-thread steps). */
export function stateTarget(state: RunState): PostingTarget {
  const ledger = state.get(LEDGER);
  const liquidity = state.get(LIQUIDITY);
  const target: PostingTarget = { cell: (c, p) => ledger.cell(c, p), liquid: (c, d, slot, a) => liquidity.add(c, d, slot, a) };
  if (keepsCostCenters(state.cx)) {
    const byCc = state.get(COST_CENTERS);
    target.costCenter = (c, p, a, cc, net) => keepsCostCenter(a, cc) && byCc.add(c, p, a.index, cc, net);
  }
  return target;
}

export interface DocHeader {
  company: CompanyInfo;
  documentId: string;
  /** The posting day (days since 1970-01-01) and its date. */
  day: number;
  postingDate: string;
  documentDate: string;
  period: Period;
  docType: DocumentType;
  source: string;
  event: string;
  postedBy: string;
  text: string;
  /** Foreign document currency, its digits and the published rate; absent: the company's own. */
  fx?: { currency: string; digits: number; rate: string };
  sourceId?: string;
  sourceType?: string;
  /** When set, documentId is a prefix and the id is prefix + this number padded to 9 digits. */
  documentSeq?: number;
  /** Time of day of the posting (HH:MM:SS); absent: derived from the document (see postingTime). */
  postingTime?: string;
  /** Approver and approval timestamp; absent: derived by the approval policy, null: none. */
  approvedBy?: string | null;
  approvedAt?: string | null;
}

/**
 * The approval policy every company follows. People post as U<company>-NNN (role accountant,
 * no approval authority); approvers are U<company>-ANN, each with a limit in group-currency
 * units (converted to the company currency and rounded to two significant digits). A manual
 * entry whose debits reach APPROVAL_THRESHOLD is approved, before it is posted, by an approver
 * of the lowest role whose limit covers it; automated and smaller entries carry no approval.
 */
export const APPROVERS: readonly { id: string; role: string; limit: number }[] = [
  { id: "A01", role: "cfo", limit: Infinity },
  { id: "A02", role: "controller", limit: 250_000 },
  { id: "A03", role: "accounting_manager", limit: 25_000 },
  { id: "A04", role: "accounting_manager", limit: 25_000 },
];
export const APPROVAL_THRESHOLD = 5_000;

/** An amount of group-currency units in a company's minor units, rounded to two significant digits. */
export function policyAmount(c: CompanyInfo, groupUnits: number): number {
  if (groupUnits === Infinity) return Infinity;
  let major = groupUnits / c.toGroup;
  let scale = 1;
  while (major >= 100) {
    major /= 10;
    scale *= 10;
  }
  return Math.max(1, Math.round(major)) * scale * 10 ** c.digits;
}

/** The approver id of a company for an APPROVERS entry. */
export const approverId = (company: string, a: { id: string }) => `U${company}-${a.id}`;

const limitsCache = new WeakMap<CompanyInfo, { threshold: number; limits: number[] }>();

/** A company's approval threshold and approver limits, in its minor units. */
export function approvalLimits(c: CompanyInfo): { threshold: number; limits: number[] } {
  let l = limitsCache.get(c);
  if (!l) limitsCache.set(c, (l = { threshold: policyAmount(c, APPROVAL_THRESHOLD), limits: APPROVERS.map((a) => policyAmount(c, a.limit)) }));
  return l;
}

/** Whether a document's poster is a person (not an interface or batch job). */
export const isPerson = (postedBy: string) => !postedBy.startsWith("SYS-");

const pad2 = (n: number) => (n < 10 ? "0" + n : String(n));
/** Seconds of the day as HH:MM:SS. */
export const clock = (sec: number) => `${pad2(Math.floor(sec / 3600))}:${pad2(Math.floor(sec / 60) % 60)}:${pad2(sec % 60)}`;

/** HH:MM:SS as seconds of the day. */
export const seconds = (time: string) => Number(time.slice(0, 2)) * 3600 + Number(time.slice(3, 5)) * 60 + Number(time.slice(6, 8));

/** A second, independent 32-bit value from a hash. */
const rehash = (h: number) => {
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return (h ^ (h >>> 16)) >>> 0;
};

/**
 * When an entry is posted, derived from its id (no random stream: every call site gets it for
 * free). People work 08:00-18:00, one entry in a hundred in the evening up to 22:00; recurring
 * entries run at night; interfaces and batch jobs around the clock.
 */
export function postingSeconds(id: string, postedBy: string, source: string): number {
  const h = hash32(id);
  if (isPerson(postedBy)) return rehash(h) % 100 === 0 ? 18 * 3600 + (h % (4 * 3600)) : 8 * 3600 + (h % (10 * 3600));
  if (source === "recurring") return 3600 + (h % 7200);
  return h % 86400;
}

/** Approval fields by the policy: [approver, timestamp], or undefined when none is needed. */
export function policyApproval(c: CompanyInfo, id: string, postedBy: string, source: string, postingDate: string, total: number, postedAt: number): [string, string] | undefined {
  if (source !== "manual" || !isPerson(postedBy)) return undefined;
  const { threshold, limits } = approvalLimits(c);
  if (total < threshold) return undefined;
  const hash = rehash(hash32(id) ^ 0x9e3779b9);
  // The lowest role whose limit covers the amount; one of its approvers.
  let level = APPROVERS.length - 1;
  while (level > 0 && limits[level]! < total) level--;
  const role = APPROVERS[level]!.role;
  const same = APPROVERS.flatMap((a, i) => (a.role === role ? [i] : []));
  const who = APPROVERS[same[hash % same.length]!]!;
  // Approved on the posting day, between 07:30 and the posting (a night posting: the evening before).
  const from = 7.5 * 3600;
  if (postedAt <= from) return [approverId(c.code, who), `${formatIso(parseIso(postingDate) - 1)}T${clock(17 * 3600 + ((hash >>> 8) % 3600))}`];
  const at = from + Math.floor(((postedAt - from) * ((hash >>> 8) % 1000)) / 1000);
  return [approverId(c.code, who), `${postingDate}T${clock(at)}`];
}

/** The document's id as written (prefix + padded number when documentSeq is set). */
export const documentIdOf = (h: DocHeader) => (h.documentSeq === undefined ? h.documentId : h.documentId + String(h.documentSeq).padStart(9, "0"));

/** Posting time and approval of a document: the header's when it sets them, else the policy's. */
function stamps(h: DocHeader, lines: Lines): { time: string; approvedBy: string | null; approvedAt: string | null } {
  const id = documentIdOf(h);
  const sec = h.postingTime ? seconds(h.postingTime) : postingSeconds(id, h.postedBy, h.source);
  let total = 0;
  for (let i = 0; i < lines.n; i++) total += lines.debit[i]!;
  const a = h.approvedBy === undefined ? policyApproval(h.company, id, h.postedBy, h.source, h.postingDate, total, sec) : undefined;
  return {
    time: h.postingTime ?? clock(sec),
    approvedBy: h.approvedBy === undefined ? a?.[0] ?? null : h.approvedBy,
    approvedAt: h.approvedAt === undefined ? (h.approvedBy === undefined ? a?.[1] ?? null : null) : h.approvedAt,
  };
}

/**
 * Writes a document's lines and posts them to `target`. Throws if the document does not balance
 * (in company currency, and in document currency when it has one) or has a zero line: either is
 * a generator bug, never data.
 */
export function writeDocument(w: RowWriter, h: DocHeader, lines: Lines, target: PostingTarget, ccIds: (i: number) => string): void {
  const c = h.company;
  const totals = target.cell(c.index, h.period.index);
  let dr = 0;
  let cr = 0;
  let docBalance = 0;
  const st = stamps(h, lines);
  for (let i = 0; i < lines.n; i++) {
    const a = lines.account[i]!;
    const d = lines.debit[i]!;
    const k = lines.credit[i]!;
    if (d + k === 0 || d < 0 || k < 0) throw new Error(`internal: document ${h.documentId}${h.documentSeq ?? ""} line ${i + 1} has no amount`);
    dr += d;
    cr += k;
    totals[a.index * 2] = totals[a.index * 2]! + d;
    totals[a.index * 2 + 1] = totals[a.index * 2 + 1]! + k;
    if (a.liquid >= 0) target.liquid(c.index, h.day, a.liquid, d - k);
    if (target.costCenter) target.costCenter(c.index, h.period.index, a, lines.costCenter[i]!, d - k);
    if (h.fx) docBalance += (d > 0 ? 1 : -1) * (lines.docAmount[i]! >= 0 ? lines.docAmount[i]! : d + k);
    writeLine(w, h, lines, i, ccIds, st);
  }
  if (dr !== cr) throw new Error(`internal: document ${h.documentId}${h.documentSeq ?? ""} does not balance (${dr} != ${cr})`);
  if (docBalance !== 0) throw new Error(`internal: document ${h.documentId}${h.documentSeq ?? ""} does not balance in ${h.fx!.currency} (${docBalance})`);
}

function writeLine(w: RowWriter, h: DocHeader, lines: Lines, i: number, ccIds: (i: number) => string, st: { time: string; approvedBy: string | null; approvedAt: string | null }): void {
  const c = h.company;
  const d = lines.debit[i]!;
  const k = lines.credit[i]!;
  w.id(c.code);
  if (h.documentSeq === undefined) w.id(h.documentId);
  else w.padded(h.documentId, h.documentSeq, 9);
  w.int(i + 1);
  w.date(h.postingDate);
  w.date(h.documentDate);
  w.int(h.period.fiscalYear);
  w.int(h.period.fiscalPeriod);
  w.id(lines.account[i]!.number);
  w.money(d, c.digits);
  w.money(k, c.digits);
  w.id(c.currency);
  w.id(h.docType);
  w.id(h.source);
  w.id(h.event);
  w.id(h.postedBy);
  w.id(st.time);
  if (st.approvedBy === null) w.empty();
  else w.id(st.approvedBy);
  if (st.approvedAt === null) w.empty();
  else w.id(st.approvedAt);
  const cc = lines.costCenter[i]!;
  if (cc >= 0) w.id(ccIds(cc));
  else w.empty();
  const p = lines.partner[i]!;
  if (p) w.id(p);
  else w.empty();
  w.text(h.text);
  if (h.fx) {
    w.id(h.fx.currency);
    w.money(lines.docAmount[i]! >= 0 ? lines.docAmount[i]! : d + k, h.fx.digits);
    w.decimal(lines.rate[i] || h.fx.rate);
  } else {
    w.id(c.currency);
    w.money(d + k, c.digits);
    w.decimal("1");
  }
  if (h.sourceId) {
    w.id(h.sourceId);
    w.id(h.sourceType!);
  } else {
    w.empty();
    w.empty();
  }
  w.end();
}

export function documentNumber(prefix: string, company: string, n: number): string {
  return `${prefix}-${company}-${String(n).padStart(9, "0")}`;
}
