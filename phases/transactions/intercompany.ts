// Intercompany: service recharges and loans between two companies of the group, booked on both
// sides with one reference (seller / lender in its own currency, buyer / borrower converting),
// settled between them on a bank day of both, and listed in intercompany_matches for matching
// and elimination. Recharges share 1% of the seller's planned revenue a year; a loan lends a
// fraction of a percent of the smaller company's revenue, so no company lends itself dry.
import { formatIso } from "../../core/calendar.ts";
import { intercompanyMatches } from "../../specs/records/group.ts";
import { bankDayOnOrAfter, isBankDay, type BlockRef, type CompanyInfo } from "../../ledger/context.ts";
import { foreign, moneyOf, newLines, openItems, post, rateText, settle, type FlowEnv, type Money, type OpenInvoice, type Settlement } from "../../ledger/flows.ts";
import { counts } from "../master_data/index.ts";
import { amountModelOf, segmentUnits } from "./chains.ts";
import { within } from "../../ledger/documents.ts";
import { companyTargets, periodShare, planYear } from "../../ledger/business.ts";
import { blockBudget, segmentPlans, splitBudget, type SegmentPlan } from "./budget.ts";
import { activityDay } from "./dates.ts";

export interface IntercompanyParams {
  loan_share: number;
}

interface Charge {
  ref: string;
  kind: "recharge" | "loan" | "loan_interest";
  seller: CompanyInfo;
  buyer: CompanyInfo;
  day: number;
  doc: Money;
  amount: number;
  settleDay: number;
}

/** Share of the seller's planned revenue recharged to the group a year, and of the smaller revenue one loan lends. */
const RECHARGE_SHARE = 0.01;
const LOAN_SHARE = 0.003;

/** A block of intercompany transactions of one seller: loans and recharges, recharges sharing their budget. */
export function intercompanyBlock(env: FlowEnv, seller: CompanyInfo, ref: BlockRef, firstSeq: number, p: IntercompanyParams): void {
  const { cx, rng } = env;
  const others = cx.companies.filter((x) => x.index !== seller.index);
  if (others.length === 0) return;
  const period = ref.segment.period!;
  const plan = chargePlans(env, seller, p.loan_share)[period]!;
  const kinds = plan.kinds.subarray(ref.offset, ref.offset + ref.units);
  const { n, budget } = blockBudget(plan, ref, 0);
  const values = splitBudget(budget, n, amountModelOf(cx, seller), rng);
  let next = 0;
  for (let i = 0; i < ref.units; i++) {
    const buyer = rng.pick(others);
    const ref_ = `IC-${seller.code}-${String(firstSeq + i).padStart(9, "0")}`;
    const day = activityDay(cx, seller, period, rng);
    const doc = moneyOf(seller.currency);
    if (kinds[i] === 1) {
      const loanDay = bothBankDay(seller, buyer, day);
      loan(env, { ref: ref_, kind: "loan", seller, buyer, day: loanDay, doc, amount: loanAmount(env, seller, buyer, period), settleDay: bothBankDay(seller, buyer, loanDay + rng.range(180, 540)) });
    } else {
      const amount = values[next++]!;
      if (amount > 0) charge(env, { ref: ref_, kind: "recharge", seller, buyer, day, doc, amount, settleDay: bothBankDay(seller, buyer, day + rng.range(30, 60)) });
    }
  }
}

/** The intercompany transactions of a seller, period by period: recharges with their budget, or loans. */
function chargePlans(env: FlowEnv, seller: CompanyInfo, loanShare: number): SegmentPlan[] {
  const { cx } = env;
  const units = (p: number) => segmentUnits(cx, seller, p, "intercompany");
  const annual = (p: number) => companyTargets(cx, seller).revenue(planYear(p)) * RECHARGE_SHARE;
  return segmentPlans(cx, "ic", seller, units, () => [1 - loanShare, loanShare], (p) => [annual(p) * periodShare(cx, units, p), 0]);
}

/** A loan's principal in the lender's currency: a round share of the smaller company's planned revenue. */
function loanAmount(env: FlowEnv, lender: CompanyInfo, borrower: CompanyInfo, period: number): number {
  const { cx } = env;
  const y = planYear(period);
  const own = companyTargets(cx, lender).revenue(y);
  const other = companyTargets(cx, borrower).revenue(y) * cx.rate(borrower.currency, lender.currency) * 10 ** (lender.digits - borrower.digits);
  const unit = 10_000 * 10 ** lender.digits;
  return Math.max(unit, Math.round((Math.min(own, other) * LOAN_SHARE * (0.5 + env.rng.next())) / unit) * unit);
}

/** The first day on or after `day` on which the banks of both companies are open. */
function bothBankDay(a: CompanyInfo, b: CompanyInfo, day: number): number {
  for (let i = 0; i < 30; i++, day++) {
    day = bankDayOnOrAfter(a, day);
    if (isBankDay(b, day)) return day;
  }
  return day;
}

/** A recharge (or loan interest): receivable and revenue for the seller, expense and payable for the buyer. */
function charge(env: FlowEnv, ch: Charge): void {
  const { cx } = env;
  const ic = {
    sellerDebit: cx.chart.one("ic_receivable"),
    sellerCredit: cx.chart.one("ic_revenue"),
    buyerDebit: cx.chart.one("ic_expense"),
    buyerCredit: cx.chart.one("ic_payable"),
  };
  book(env, ch, ic, env.rng.int(counts(cx).costCenters));
}

/** A loan: cash moves; interest is charged every period end until repayment. */
function loan(env: FlowEnv, ch: Charge): void {
  const { cx } = env;
  const bank = cx.chart.role("bank")[0]!;
  book(env, ch, { sellerDebit: cx.chart.one("ic_receivable"), sellerCredit: bank, buyerDebit: bank, buyerCredit: cx.chart.one("ic_payable") }, -1);
  const interest = Math.max(1, Math.round((ch.amount * 0.045) / 12));
  let k = 0;
  for (const period of cx.periods) {
    const end = period.firstDay + period.days - 1;
    if (end <= ch.day || end >= ch.settleDay) continue;
    charge(env, { ...ch, ref: `${ch.ref}-I${++k}`, kind: "loan_interest", day: end, amount: interest, settleDay: ch.settleDay });
  }
}

interface Accounts {
  sellerDebit: import("../../ledger/chart.ts").Account;
  sellerCredit: import("../../ledger/chart.ts").Account;
  buyerDebit: import("../../ledger/chart.ts").Account;
  buyerCredit: import("../../ledger/chart.ts").Account;
}

function book(env: FlowEnv, ch: Charge, a: Accounts, cc: number): void {
  const { fx } = env;
  if (ch.day >= env.endDay) return;
  const rate = fx.rate(ch.doc.currency, ch.buyer.currency, ch.day);
  const buyerAmount = Math.round(ch.amount * rate * 10 ** (ch.buyer.digits - ch.doc.digits));
  const text = ch.kind === "recharge" ? "Intercompany service recharge" : ch.kind === "loan" ? "Intercompany loan" : "Intercompany loan interest";
  const h = { docType: "IC" as const, source: "automated", event: `intercompany_${ch.kind}`, postedBy: "SYS-IC", text, sourceType: "intercompany" };
  const s = newLines(env);
  s.add(a.sellerDebit, ch.amount, 0, -1, ch.buyer.code, ch.amount);
  s.add(a.sellerCredit, 0, ch.amount, -1, ch.buyer.code, ch.amount);
  post(env, ch.seller, ch.day, { ...h, documentId: `JE-${ch.ref}-S`, sourceId: ch.ref }, s);
  const b = newLines(env);
  b.add(a.buyerDebit, buyerAmount, 0, a.buyerDebit.type === "expense" ? cc : -1, ch.seller.code, ch.amount);
  b.add(a.buyerCredit, 0, buyerAmount, -1, ch.seller.code, ch.amount);
  post(env, ch.buyer, ch.day, { ...h, documentId: `JE-${ch.ref}-B`, sourceId: ch.ref, fx: foreign(ch.doc, ch.buyer, rate) }, b);
  settleBoth(env, ch, buyerAmount, rate);
  writeMatch(env, ch, buyerAmount);
}

/** The buyer pays the seller on the settlement day; both open items clear together. */
function settleBoth(env: FlowEnv, ch: Charge, buyerAmount: number, rate: number): void {
  const { cx } = env;
  const bank = cx.chart.role("bank")[0]!;
  const items: [OpenInvoice, string][] = [
    [{ side: "ar", company: ch.seller, id: ch.ref, partner: ch.buyer.code, invoiceDay: ch.day, dueDay: ch.settleDay, doc: ch.doc, gross: ch.amount, booked: ch.amount, control: cx.chart.one("ic_receivable"), inSubledger: false, docType: "intercompany", settlementSource: ch.ref }, "S"],
    [{ side: "ap", company: ch.buyer, id: ch.ref, partner: ch.seller.code, invoiceDay: ch.day, dueDay: ch.settleDay, doc: ch.doc, gross: ch.amount, booked: buyerAmount, control: cx.chart.one("ic_payable"), inSubledger: false, docType: "intercompany", settlementSource: ch.ref, rate: ch.doc.currency === ch.buyer.currency ? undefined : rateText(rate) }, "B"],
  ];
  for (const [inv, side] of items) {
    const settlements: Settlement[] = within(env, [{ day: ch.settleDay, amount: ch.amount, discount: 0, kind: "full", id: `${ch.ref}-P${side}` }]);
    settle(env, inv, settlements, bank, { docType: "IC", event: "intercompany_settlement", text: "Intercompany settlement", sourceType: "intercompany" });
    openItems(env, inv, settlements);
  }
}

function writeMatch(env: FlowEnv, ch: Charge, buyerAmount: number): void {
  const w = env.out.table(intercompanyMatches);
  w.id(ch.ref);
  w.id(ch.kind);
  w.id(ch.seller.code);
  w.id(ch.buyer.code);
  w.id(`JE-${ch.ref}-S`);
  w.id(`JE-${ch.ref}-B`);
  w.date(formatIso(ch.day));
  w.id(ch.doc.currency);
  w.money(ch.amount, ch.doc.digits);
  w.money(ch.amount, ch.seller.digits);
  w.money(buyerAmount, ch.buyer.digits);
  w.id("matched");
  w.end();
}
