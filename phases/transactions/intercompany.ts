// Intercompany: service recharges and loans between two companies of the group, booked on both
// sides with one reference (seller / lender in its own currency, buyer / borrower converting),
// settled between them, and listed in intercompany_matches for matching and elimination.
import { formatIso } from "../../core/calendar.ts";
import { intercompanyMatches } from "../../specs/records/group.ts";
import type { CompanyInfo } from "../../ledger/context.ts";
import { foreign, moneyOf, newLines, openItems, post, settle, type FlowEnv, type Money, type OpenInvoice, type Settlement } from "../../ledger/flows.ts";
import { counts } from "../master_data/index.ts";
import { chainAmount, orderDay } from "./chains.ts";
import { within } from "../../ledger/documents.ts";

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

export function intercompany(env: FlowEnv, seller: CompanyInfo, period: number, seq: number, p: IntercompanyParams): void {
  const { cx, rng } = env;
  const others = cx.companies.filter((x) => x.index !== seller.index);
  if (others.length === 0) return;
  const buyer = rng.pick(others);
  const ref = `IC-${seller.code}-${String(seq).padStart(9, "0")}`;
  const day = orderDay(env, period);
  const doc = moneyOf(seller.currency);
  if (rng.chance(p.loan_share)) return loan(env, { ref, kind: "loan", seller, buyer, day, doc, amount: chainAmount(env, seller) * 40, settleDay: day + rng.range(180, 540) });
  charge(env, { ref, kind: "recharge", seller, buyer, day, doc, amount: Math.round(chainAmount(env, seller) * 1.5), settleDay: day + rng.range(30, 60) });
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
  const h = { docType: "IC", source: "automated", event: `intercompany_${ch.kind}`, postedBy: "SYS-IC", text, sourceType: "intercompany" };
  const s = newLines(env);
  s.add(a.sellerDebit, ch.amount, 0, -1, ch.buyer.code, ch.amount);
  s.add(a.sellerCredit, 0, ch.amount, -1, ch.buyer.code, ch.amount);
  post(env, ch.seller, ch.day, { ...h, documentId: `JE-${ch.ref}-S`, sourceId: ch.ref }, s);
  const b = newLines(env);
  b.add(a.buyerDebit, buyerAmount, 0, a.buyerDebit.type === "expense" ? cc : -1, ch.seller.code, ch.amount);
  b.add(a.buyerCredit, 0, buyerAmount, -1, ch.seller.code, ch.amount);
  post(env, ch.buyer, ch.day, { ...h, documentId: `JE-${ch.ref}-B`, sourceId: ch.ref, fx: foreign(ch.doc, ch.buyer, rate) }, b);
  settleBoth(env, ch, buyerAmount);
  writeMatch(env, ch, buyerAmount);
}

/** The buyer pays the seller on the settlement day; both open items clear together. */
function settleBoth(env: FlowEnv, ch: Charge, buyerAmount: number): void {
  const { cx } = env;
  const bank = cx.chart.role("bank")[0]!;
  const items: [OpenInvoice, string][] = [
    [{ side: "ar", company: ch.seller, id: ch.ref, partner: ch.buyer.code, invoiceDay: ch.day, dueDay: ch.settleDay, doc: ch.doc, gross: ch.amount, booked: ch.amount, control: cx.chart.one("ic_receivable"), inSubledger: false, docType: "intercompany", settlementSource: ch.ref }, "S"],
    [{ side: "ap", company: ch.buyer, id: ch.ref, partner: ch.seller.code, invoiceDay: ch.day, dueDay: ch.settleDay, doc: ch.doc, gross: ch.amount, booked: buyerAmount, control: cx.chart.one("ic_payable"), inSubledger: false, docType: "intercompany", settlementSource: ch.ref }, "B"],
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
