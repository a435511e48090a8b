// Entry mutations of people, times and dates: approvals (self, missing, late, beyond the
// approver's limit), who posts, when, and with which dates and texts.
import { formatIso, holidaySet, weekday } from "../../core/calendar.ts";
import { APPROVERS, approverId, clock, seconds } from "../../ledger/journal.ts";
import { isBankDay } from "../../ledger/context.ts";
import type { Doc } from "./doc.ts";
import { VAGUE_TEXTS } from "./catalog.ts";
import { dayOf, liftAboveThreshold, setPostingDay, userId, workingDay, clusterUser, type EntryEnv, type EntryMutation } from "./entry-env.ts";

const ok = (d: Doc) => ({ docs: [d] });
/** A manual entry that needs (or, raised, would need) approval. */
const approvable = (d: Doc, e: EntryEnv) => d.manual && (d.total >= e.threshold || d.mutable);
/** Dates may move: nothing else (stock movements, open items) repeats them. */
const movable = (d: Doc) => d.mutable;
/** Events only interfaces and tills post (cash sales, service fees): the detection predicate's list. */
const INTERFACE_EVENTS: ReadonlySet<string> = new Set(["cash_sale", "service_fee"]);
/** No bank or cash line (a reallocation): it can be posted on a weekend or a holiday without moving the bank then. */
const offBank = (d: Doc) => d.anchor() === undefined;

/** An entry that needs approval as it is. */
const needsApproval = (d: Doc, e: EntryEnv) => d.manual && d.total >= e.threshold;

/** Approval by the policy for the document as it now is, then marked as the mutation's. */
function approvedByPolicy(d: Doc): void {
  d.restamp();
  d.keepApproval = true;
}

function otherApprover(e: EntryEnv, not: string): string {
  const ids = APPROVERS.map((a) => approverId(e.company.code, a)).filter((x) => x !== not);
  return ids[e.rng.int(ids.length)]!;
}

const at = (date: string, sec: number) => `${date}T${clock(Math.min(86399, Math.max(0, sec)))}`;

export const PROCESS_MUTATIONS: Record<string, EntryMutation> = {
  self_approval: {
    prefer: needsApproval,
    eligible: approvable,
    apply: (d, e) => {
      if (!liftAboveThreshold(d, e)) return false;
      approvedByPolicy(d);
      d.set("approved_by", d.poster);
      return ok(d);
    },
  },
  exceeded_approval_limit: {
    prefer: needsApproval,
    eligible: (d, e) => approvable(d, e) && e.users >= 2,
    apply: (d, e) => {
      if (!liftAboveThreshold(d, e)) return false;
      approvedByPolicy(d);
      // A colleague without approval authority approves it.
      const poster = Number(d.poster.slice(-3)) - 1;
      const other = (poster + 1 + e.rng.int(e.users - 1)) % e.users;
      d.set("approved_by", userId(e.company.code, other));
      return ok(d);
    },
  },
  segregation_of_duties: {
    eligible: (d) => d.manual,
    apply: (d, e) => {
      const poster = approverId(e.company.code, APPROVERS[e.clusterRng().int(APPROVERS.length)]!);
      d.set("posted_by", poster);
      approvedByPolicy(d);
      if (d.approver === poster) d.set("approved_by", otherApprover(e, poster));
      return ok(d);
    },
  },
  missing_approval: {
    prefer: needsApproval,
    eligible: approvable,
    apply: (d, e) => {
      if (!liftAboveThreshold(d, e)) return false;
      d.set("approved_by", null);
      d.set("approved_at", null);
      d.keepApproval = true;
      return ok(d);
    },
  },
  late_approval: {
    prefer: needsApproval,
    eligible: approvable,
    apply: (d, e) => {
      if (!liftAboveThreshold(d, e)) return false;
      approvedByPolicy(d);
      let day = dayOf(d.rows[0]!) + 2 + e.rng.int(14);
      while (weekday(day) >= 5) day++;
      d.set("approved_at", at(formatIso(day), 8 * 3600 + e.rng.int(9 * 3600)));
      return ok(d);
    },
  },
  skipped_approval: {
    prefer: needsApproval,
    eligible: approvable,
    apply: (d, e) => {
      if (!liftAboveThreshold(d, e)) return false;
      approvedByPolicy(d);
      // Posted first, approved 15 minutes to 3 hours later the same day.
      const posted = Math.min(seconds(String(d.rows[0]!.posting_time)), 20 * 3600);
      d.set("posting_time", clock(posted));
      d.keepTime = true;
      d.set("approved_at", at(String(d.rows[0]!.posting_date), posted + 900 + e.rng.int(9900)));
      return ok(d);
    },
  },
  after_hours_posting: {
    eligible: (d) => d.manual,
    apply: (d, e) => {
      // 22:00 to 05:59.
      const sec = (22 * 3600 + e.rng.int(8 * 3600)) % 86400;
      d.set("posting_time", clock(sec));
      d.keepTime = true;
      return ok(d);
    },
  },
  weekend_posting: {
    eligible: movable,
    // An entry without a bank or cash line first: posting on a weekend is the anomaly, not a bank that moves money on a closed day.
    prefer: offBank,
    apply: (d, e) => {
      const p = e.period;
      const weekend: number[] = [];
      for (let day = p.firstDay; day < p.firstDay + p.days; day++) if (weekday(day) >= 5) weekend.push(day);
      const now = dayOf(d.rows[0]!);
      const near = weekend.filter((x) => Math.abs(x - now) <= 7);
      const list = near.length ? near : weekend;
      const day = list[e.rng.int(list.length)]!;
      setPostingDay(d, p, day);
      return ok(d);
    },
  },
  rushed_period_end: {
    eligible: (d) => d.manual && movable(d),
    apply: (d, e) => {
      const p = e.period;
      const day = workingDay(e, d, p, p.firstDay + p.days - 1);
      setPostingDay(d, p, day, Math.min(day, dayOf(d.rows[0]!, "document_date")));
      const sec = 20 * 3600 + e.rng.int(3.5 * 3600);
      d.set("posting_time", clock(sec));
      d.keepTime = true;
      d.restamp();
      // Approved within minutes, when it needs approval at all.
      if (d.approver) d.set("approved_at", at(formatIso(day), sec - 60 - e.rng.int(540)));
      d.keepApproval = true;
      return ok(d);
    },
  },
  manual_override: {
    eligible: (d) => d.source === "automated" && !d.manual,
    prefer: (d) => INTERFACE_EVENTS.has(d.event),
    apply: (d, e) => {
      d.set("source", "manual");
      d.set("posted_by", userId(e.company.code, e.rng.int(e.users)));
      return ok(d);
    },
  },
  vague_description: {
    eligible: (d) => !VAGUE_TEXTS.includes(String(d.rows[0]!.line_text)),
    apply: (d, e) => (d.set("line_text", VAGUE_TEXTS[e.rng.int(VAGUE_TEXTS.length)]!), ok(d)),
  },
  backdated_entry: {
    eligible: () => true,
    apply: (d, e) => (d.set("document_date", formatIso(dayOf(d.rows[0]!) - 30 - e.rng.int(61))), ok(d)),
  },
  future_dated: {
    eligible: () => true,
    apply: (d, e) => (d.set("document_date", formatIso(dayOf(d.rows[0]!) + 5 + e.rng.int(36))), ok(d)),
  },
  late_posting: {
    eligible: movable,
    apply: (d, e) => {
      const p = e.period;
      const last = p.firstDay + p.days - 1;
      const gap = 10 + e.rng.int(16);
      const docDay = Math.min(dayOf(d.rows[0]!, "document_date"), last - gap);
      const day = workingDay(e, d, p, docDay + gap);
      setPostingDay(d, p, day, day - gap);
      return ok(d);
    },
  },
  wrong_period: {
    eligible: movable,
    // An entry dated in the period's last days first: posted a few days late, over the period end (a cut-off error, not a backdating).
    prefer: (d, e) => dayOf(d.rows[0]!, "document_date") >= e.period.firstDay + e.period.days - 12,
    apply: (d, e) => {
      const next = e.cx.periods[e.period.index + 1];
      if (!next) return false;
      const day = workingDay(e, d, next, next.firstDay + e.rng.int(4));
      setPostingDay(d, next, day, dayOf(d.rows[0]!, "document_date"));
      return ok(d);
    },
  },
  transaction_burst: {
    eligible: movable,
    apply: (d, e) => {
      // The cluster's day: the same for every anomaly of the cluster in the period.
      const r = e.clusterRng();
      const p = e.period;
      // A bank day, so entries that move the bank land on it too.
      let day = p.firstDay + r.int(p.days);
      for (let k = 0; k < p.days && !isBankDay(e.company, day); k++) day = p.firstDay + ((day - p.firstDay + 1) % p.days);
      setPostingDay(d, p, day);
      return ok(d);
    },
  },
  unusual_timing: {
    eligible: movable,
    prefer: offBank,
    apply: (d, e) => {
      const p = e.period;
      const hol = [...holidaySet(e.company.holidays, p.year)].filter((x) => x >= p.firstDay && x < p.firstDay + p.days);
      const days = hol.length ? hol : Array.from({ length: p.days }, (_, i) => p.firstDay + i).filter((x) => weekday(x) === 6);
      setPostingDay(d, p, days[e.rng.int(days.length)]!);
      return ok(d);
    },
  },
  unusual_frequency: {
    eligible: (d) => d.manual,
    apply: (d, e) => {
      const u = clusterUser(e);
      if (u === d.poster) return false;
      d.set("posted_by", u);
      return ok(d);
    },
  },
};
