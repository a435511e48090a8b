// What this phase lends order-to-cash (the revenue_recognition capability): a contract book per
// block. A contract is planned when its order is (revenue-contract.ts); its invoices credit the
// contract balances it says, and closing it posts the revenue of its schedule that falls in the
// scenario, one entry per day, adds its movements and period-end balances to the subledger
// figures the roll-forward reads, and hands its rows to the state (the main step writes them).
import type { Bundle, ContractBook, ContractOrder, OpenContract, RevenueRecognition } from "../../ledger/capabilities.ts";
import type { CompanyInfo } from "../../ledger/context.ts";
import { newLines, periodOfDay, post, type FlowEnv } from "../../ledger/flows.ts";
import type { Lines } from "../../ledger/lines.ts";
import type { Deltas } from "../../ledger/state.ts";
import { paramsOf } from "../../specs/phase.ts";
import { accountingStandardsSpec } from "./spec.ts";
import { bundleFor, plannedBundleShare, timingOf } from "./deals.ts";
import { balancesAt, planContract, type Balances, type ContractPlan } from "./revenue-contract.ts";
import { frameworkOf, revenueLabel, revenueStandard } from "./frameworks.ts";
import { CONTRACT_ROWS, contractRows, type ContractRows } from "./revenue-rows.ts";

/** Subledger kinds of the contract balances: movements by cause, and the contracts' balances and count at period ends. */
export const BALANCE_TYPES = ["contract_liability", "contract_asset", "unbilled_receivable"] as const;
export type BalanceType = (typeof BALANCE_TYPES)[number];
export const KIND = {
  moved: (t: BalanceType, cause: "billed" | "recognised") => `ifrs15:${t}:${cause}`,
  balance: (t: BalanceType) => `ifrs15:${t}:balance`,
  contracts: (t: BalanceType) => `ifrs15:${t}:contracts`,
} as const;

const FIELD: Record<BalanceType, keyof Balances> = { contract_liability: "liability", contract_asset: "asset", unbilled_receivable: "unbilled" };

export const revenueRecognition: RevenueRecognition = {
  book: (env, c) => (paramsOf(accountingStandardsSpec, env.cx).revenue_recognition ? new Book(env, c) : undefined),
  plannedBundleShare,
};

class Contract implements OpenContract {
  constructor(readonly book: Book, readonly order: ContractOrder, readonly plan: ContractPlan, readonly id: string) {}

  credit(invoiceId: string, lines: Lines, net: number): void {
    const b = this.plan.billings.get(invoiceId);
    if (!b) throw new Error(`internal: invoice ${invoiceId} is not in contract ${this.id}`);
    this.book.balanceLines(lines, b.change, this.order.customer, { net, company: b.net, foreign: this.order.currency !== this.book.c.currency });
  }
}

class Book implements ContractBook {
  private readonly rows: ContractRows = { contracts: [], obligations: [], schedule: [] };

  constructor(readonly env: FlowEnv, readonly c: CompanyInfo) {}

  bundle(soId: string, value: number): Bundle | undefined {
    return bundleFor(this.env.cx, this.c, soId, value);
  }

  timing(soId: string, bundle: Bundle, first: number) {
    return timingOf(this.env.cx, this.c, soId, bundle, first);
  }

  open(order: ContractOrder): OpenContract {
    return new Contract(this, order, planContract(order, this.env.endDay), `RC-${order.soId.slice(3)}`);
  }

  close(open: OpenContract): void {
    const k = open as Contract;
    const journal = this.postRevenue(k);
    this.record(k);
    contractRows(this.env.cx, this.c, k.id, k.order, k.plan, journal, this.env.endDay, this.rows, revenueStandard(frameworkOf(this.env.cx, this.c)));
  }

  deltas(): Deltas {
    return { [CONTRACT_ROWS.name]: this.rows };
  }

  /** Lines moving the contract balances by `change`; on an invoice they carry its document amounts in proportion. */
  balanceLines(lines: Lines, change: Balances, partner: string, invoice?: { net: number; company: number; foreign: boolean }): void {
    const chart = this.env.cx.chart;
    // Signed as credits: the liability grows on the credit side, the assets on the debit side.
    const moves = [[chart.one("unbilled_receivables"), -change.unbilled], [chart.one("contract_asset"), -change.asset], [chart.one("deferred_revenue"), change.liability]] as const;
    const nonzero = moves.filter(([, v]) => v !== 0);
    let docLeft = invoice?.net ?? 0;
    nonzero.forEach(([account, v], i) => {
      let doc = -1;
      if (invoice?.foreign) {
        // The last line takes the rest, so the invoice balances in its own currency.
        const signed = i === nonzero.length - 1 ? docLeft : Math.round((v * invoice.net) / invoice.company);
        docLeft -= signed;
        doc = Math.abs(signed);
      }
      lines.add(account, v < 0 ? -v : 0, v > 0 ? v : 0, -1, partner, doc);
    });
  }

  /** One entry per day with revenue (or a transfer between the contract's balances); returns the entry of each schedule row. */
  private postRevenue(k: Contract): Map<string, string> {
    const journal = new Map<string, string>();
    const label = revenueLabel(frameworkOf(this.env.cx, this.c));
    k.plan.recognitions.forEach((r, n) => {
      const lines = newLines(this.env);
      this.balanceLines(lines, r.change, k.order.customer);
      for (const { account, amount } of r.revenue) if (amount > 0) lines.add(account, 0, amount, -1, "");
      const documentId = `JE-${k.id}-${String(n + 1).padStart(2, "0")}`;
      const text = r.revenue.length ? `Revenue recognition (${label})` : "Transfer of contract asset to unbilled receivable";
      post(this.env, this.c, r.day, { documentId, docType: "RR", source: "automated", event: "revenue_recognition", postedBy: "SYS-REV", text, sourceId: k.id, sourceType: "revenue_contract" }, lines);
      for (const [o, row] of r.rows) journal.set(`${o}:${row}`, documentId);
    });
    return journal;
  }

  /** The contract's movements by cause and its balances at every period end, into the subledger figures. */
  private record(k: Contract): void {
    const { cx, totals } = this.env;
    const add = (day: number, change: Balances, cause: "billed" | "recognised") => {
      const p = periodOfDay(cx, day);
      for (const t of BALANCE_TYPES) totals.subledger(this.c.index, p, KIND.moved(t, cause), change[FIELD[t]]);
    };
    for (const r of k.plan.recognitions) add(r.day, r.change, "recognised");
    for (const b of k.plan.billings.values()) add(b.day, b.change, "billed");
    const first = k.plan.positions[0]?.day;
    if (first === undefined) return;
    for (let p = Math.max(0, periodOfDay(cx, first)); p < cx.periods.length; p++) {
      const period = cx.periods[p]!;
      const b = balancesAt(k.plan, period.firstDay + period.days - 1);
      const last = k.plan.positions[k.plan.positions.length - 1]!;
      for (const t of BALANCE_TYPES) {
        const v = b[FIELD[t]];
        if (v === 0) continue;
        totals.subledger(this.c.index, p, KIND.balance(t), v);
        totals.subledger(this.c.index, p, KIND.contracts(t), 1);
      }
      // Past its last event a contract's balances stand still: nothing more to add once they are zero.
      if (last.day <= period.firstDay + period.days - 1 && b.liability === 0 && b.asset === 0 && b.unbilled === 0) break;
    }
  }
}
