// Business events and how they post. Every template balances by construction: one side is the
// total, the other side splits the same total. Accounts are chosen by role, never at random.
import type { Rng } from "../../core/rng.ts";
import type { AccountRole } from "../../specs/accounts.ts";
import type { Account, Chart } from "../../ledger/chart.ts";
import type { Lines } from "../../ledger/lines.ts";
import { split } from "./amounts.ts";

/** What a template may ask for while building a document. */
export interface PostingEnv {
  rng: Rng;
  chart: Chart;
  /** Sales tax / VAT rate of the company. */
  taxRate: number;
  costCenters: number;
  parts: number[];
}

export interface Template {
  event: string;
  docType: string;
  text: string;
  /** Scales the sampled amount: payroll runs are larger than bank fees. */
  scale: number;
  /** The capability the template posts for: it is not used when another phase takes it over. */
  capability?: string;
  build(env: PostingEnv, lines: Lines, n: number, total: number): void;
}

const pick = (env: PostingEnv, role: AccountRole): Account => env.rng.pick(env.chart.role(role));
const cc = (env: PostingEnv) => env.rng.int(env.costCenters);

const EXPENSE_ROLES: AccountRole[] = ["opex", "opex", "opex", "utilities", "rent", "freight"];

/** One account on `headSide` carries the total; n-1 lines on the other side split it. */
function oneToMany(
  env: PostingEnv,
  lines: Lines,
  n: number,
  total: number,
  head: { account: Account; debit: boolean; partner: string; cc: number },
  other: (k: number) => { account: Account; cc: number; partner: string },
): void {
  lines.add(head.account, head.debit ? total : 0, head.debit ? 0 : total, head.cc, head.partner);
  split(total, n - 1, env.rng, env.parts);
  for (let k = 0; k < n - 1; k++) {
    const o = other(k);
    const v = env.parts[k]!;
    lines.add(o.account, head.debit ? 0 : v, head.debit ? v : 0, o.cc, o.partner);
  }
}

/** n/2 independent debit-credit pairs sharing the total. */
function pairs(env: PostingEnv, lines: Lines, n: number, total: number, pair: () => [Account, Account, string, number]): void {
  split(total, n / 2, env.rng, env.parts);
  const amounts = env.parts.slice(0, n / 2);
  for (const v of amounts) {
    const [dr, cr, partner, c] = pair();
    lines.add(dr, v, 0, dr.type === "expense" ? c : -1, partner);
    lines.add(cr, 0, v, cr.type === "expense" ? c : -1, partner);
  }
}

/** Net + tax lines on one side of a gross total; the last line is the tax. */
function withTax(env: PostingEnv, lines: Lines, n: number, gross: number, headDebit: boolean, head: Account, partner: string, roles: AccountRole[], taxRole: AccountRole): void {
  const net = n >= 3 ? Math.round(gross / (1 + env.taxRate)) : gross;
  const tax = gross - net;
  const withTaxLine = n >= 3 && tax > 0;
  const netLines = withTaxLine ? n - 2 : n - 1;
  lines.add(head, headDebit ? gross : 0, headDebit ? 0 : gross, -1, partner);
  split(net, netLines, env.rng, env.parts);
  for (let k = 0; k < netLines; k++) {
    const account = pick(env, env.rng.pick(roles));
    const v = env.parts[k]!;
    lines.add(account, headDebit ? 0 : v, headDebit ? v : 0, account.type === "expense" ? cc(env) : -1, partner);
  }
  if (withTaxLine) lines.add(env.chart.one(taxRole), headDebit ? 0 : tax, headDebit ? tax : 0, -1, "");
}

// Standalone entries never touch AR, AP, GR/IR or inventory: those belong to the document
// chains (and opening items), which keep the subledgers reconciled to their control accounts.
export const TEMPLATES: Template[] = [
  {
    event: "cash_sale", docType: "DR", text: "Cash sale", scale: 0.3,
    build: (env, l, n, t) => withTax(env, l, n, t, true, pick(env, "bank"), "", ["revenue", "service_revenue"], "output_tax"),
  },
  {
    event: "direct_expense", docType: "SA", text: "Expense paid by direct debit", scale: 0.5,
    build: (env, l, n, t) => withTax(env, l, n, t, false, pick(env, "bank"), "", EXPENSE_ROLES, "input_tax"),
  },
  {
    event: "payroll", docType: "PR", text: "Payroll accrual", scale: 4, capability: "payroll_postings",
    build: (env, l, n, t) => {
      // Net pay to payroll payable, withholding to its liability; gross salaries by cost center.
      if (n === 2) return l.add(pick(env, "salaries"), t, 0, cc(env), ""), l.add(env.chart.one("payroll_payable"), 0, t, -1, "");
      const withheld = Math.round(t * 0.22);
      split(t, n - 2, env.rng, env.parts);
      for (let k = 0; k < n - 2; k++) l.add(pick(env, k % 4 === 3 ? "social_security" : "salaries"), env.parts[k]!, 0, cc(env), "");
      l.add(env.chart.one("payroll_payable"), 0, t - withheld, -1, "");
      l.add(env.chart.one("withholding_payable"), 0, withheld, -1, "");
    },
  },
  {
    event: "payroll_payment", docType: "ZP", text: "Salary payment", scale: 3, capability: "payroll_postings",
    build: (env, l, n, t) =>
      n % 2 === 0
        ? pairs(env, l, n, t, () => [env.chart.one("payroll_payable"), pick(env, "bank"), "", -1])
        : oneToMany(env, l, n, t, { account: pick(env, "bank"), debit: false, partner: "", cc: -1 }, () => ({ account: env.chart.one(env.rng.chance(0.8) ? "payroll_payable" : "withholding_payable"), cc: -1, partner: "" })),
  },
  {
    event: "reclassification", docType: "SA", text: "Cost reallocation", scale: 0.4,
    build: (env, l, n, t) =>
      n % 2 === 0
        ? pairs(env, l, n, t, () => [pick(env, "opex"), pick(env, "opex"), "", cc(env)])
        : oneToMany(env, l, n, t, { account: pick(env, "opex"), debit: false, partner: "", cc: cc(env) }, () => ({ account: pick(env, env.rng.pick(EXPENSE_ROLES)), cc: cc(env), partner: "" })),
  },
  {
    event: "bank_fees", docType: "SA", text: "Bank charges and interest", scale: 0.03,
    build: (env, l, n, t) =>
      n % 2 === 0
        ? pairs(env, l, n, t, () => [pick(env, env.rng.chance(0.7) ? "bank_charges" : "interest_expense"), pick(env, "bank"), "", -1])
        : oneToMany(env, l, n, t, { account: pick(env, "bank"), debit: false, partner: "", cc: -1 }, () => ({ account: pick(env, "bank_charges"), cc: -1, partner: "" })),
  },
  {
    event: "tax_payment", docType: "SA", text: "Sales tax settlement", scale: 1,
    build: (env, l, n, t) =>
      n % 2 === 0
        ? pairs(env, l, n, t, () => [env.chart.one("output_tax"), pick(env, "bank"), "", -1])
        : oneToMany(env, l, n, t, { account: pick(env, "bank"), debit: false, partner: "", cc: -1 }, () => ({ account: env.chart.one("output_tax"), cc: -1, partner: "" })),
  },
  {
    event: "prepaid_amortization", docType: "SA", text: "Amortization of prepaid expenses", scale: 0.2,
    build: (env, l, n, t) =>
      n % 2 === 0
        ? pairs(env, l, n, t, () => [pick(env, env.rng.pick(EXPENSE_ROLES)), env.chart.one("prepaid_expenses"), "", cc(env)])
        : oneToMany(env, l, n, t, { account: env.chart.one("prepaid_expenses"), debit: false, partner: "", cc: -1 }, () => ({ account: pick(env, env.rng.pick(EXPENSE_ROLES)), cc: cc(env), partner: "" })),
  },
];

/** Relative frequency of each template (same order as TEMPLATES). */
export const TEMPLATE_WEIGHTS = [22, 28, 8, 6, 14, 8, 4, 5];
