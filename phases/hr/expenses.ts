// Expense reports: some employees claim expenses in a period (sales, marketing and executives
// travel most), one report with a few lines in categories with realistic amounts, merchants,
// receipts and the company's expense policy (meals over the limit, missing receipts, weekend
// spending). The manager approves within a few working days, or rejects a report with two or
// more violations. An approved report posts expense (and input tax where recoverable) against
// the employee's payable and is reimbursed with the first pay run after approval. A function of
// (plan, company, employee, period), so the payroll step reimburses exactly what the blocks posted.
import { Rng, hash32 } from "../../core/rng.ts";
import { dpow } from "../../core/detmath.ts";
import { isBusinessDay, weekday } from "../../core/calendar.ts";
import type { CompanyInfo, RunContext } from "../../ledger/context.ts";
import type { AccountRole } from "../../specs/accounts.ts";
import { vatRate } from "../../ledger/tax.ts";
import { CURRENCIES } from "../../specs/currencies.ts";
import type { Person } from "./people.ts";
import { payRuns, type PayFrequency, type PayRun } from "./calendar.ts";

export interface ExpenseLine {
  day: number;
  category: string;
  merchant: string;
  net: number;
  tax: number;
  gross: number;
  receipt: boolean;
  violation: "missing_receipt" | "over_limit" | "weekend" | null;
  role: AccountRole;
}

export interface ExpenseReport {
  id: string;
  submitted: number;
  lines: ExpenseLine[];
  total: number;
  /** approved, rejected, or pending (the manager decides after the scenario end). */
  status: "approved" | "rejected" | "pending";
  approvedDay: number;
  violations: number;
  /** The run that reimburses it (approved reports paid within the scenario). */
  run: PayRun | undefined;
}

/** [category, expense role, USD low, USD high, merchants]. */
const CATEGORIES: [string, AccountRole, number, number, string[]][] = [
  ["airfare", "travel", 150, 900, ["Skyline Air", "Northstar Airways", "Meridian Air", "Bluejet"]],
  ["hotel", "travel", 110, 420, ["Grand Central Hotel", "Harbour Inn", "City Suites", "Parkside Lodge"]],
  ["meals", "travel", 12, 95, ["Corner Bistro", "Station Cafe", "Trattoria Roma", "Noodle House"]],
  ["taxi", "travel", 9, 70, ["City Cabs", "Metro Taxi", "RideNow"]],
  ["mileage", "travel", 18, 160, ["Private car (mileage)"]],
  ["client_entertainment", "travel", 60, 480, ["The Oak Room", "Riverside Grill", "Bellevue Restaurant"]],
  ["training", "professional_fees", 150, 1400, ["Learning Academy", "Pro Skills Institute", "Online Courses Ltd"]],
  ["office_supplies", "office_supplies", 8, 90, ["Office World", "PaperPoint"]],
  ["telephone", "telecom", 15, 85, ["MobileOne", "TeleConnect"]],
];
const WEIGHTS = [10, 12, 30, 18, 10, 6, 3, 6, 5];
/** Departments that travel: their people claim more often. */
const TRAVELLERS = new Set(["sales", "marketing", "customer_service", "support", "procurement", "engineering", "r&d"]);
const MEALS_LIMIT_USD = 75;

/** The expense report of a person in a period, or null (most people claim nothing in a month). */
export function expenseReport(cx: RunContext, c: CompanyInfo, p: Person, period: number, frequency: PayFrequency): ExpenseReport | null {
  if (p.payOnly) return null;
  const per = cx.periods[period]!;
  const rng = new Rng(cx.seed, hash32("hr_expenses"), c.index, p.e.index, period);
  const chance = p.e.level !== "staff" ? 0.35 : TRAVELLERS.has(p.e.department) ? 0.3 : 0.05;
  if (!rng.chance(chance)) return null;
  const first = Math.max(per.firstDay, p.firstDay);
  const last = Math.min(per.firstDay + per.days - 1, p.lastDay);
  if (last < first + 2) return null;
  const toMinor = 10 ** c.digits / (CURRENCIES[c.currency]?.usd ?? 1);
  const taxRate = c.regime === "vat" ? vatRate(c) : 0;
  // Most claims are a line or two; a trip makes a longer report.
  const n = 1 + rng.int(rng.chance(0.6) ? 2 : 6);
  const lines: ExpenseLine[] = [];
  for (let k = 0; k < n; k++) {
    const [category, role, lo, hi, merchants] = CATEGORIES[pickWeighted(rng)]!;
    const day = first + rng.int(last - first);
    // Receipts show gross amounts: the net is what the company books as expense.
    const usd = lo * dpow(hi / lo, rng.next());
    const gross = Math.max(1, Math.round(usd * toMinor));
    const recoverable = category !== "mileage" && taxRate > 0;
    const tax = recoverable ? Math.round(gross - gross / (1 + taxRate)) : 0;
    const receipt = category === "mileage" || rng.chance(0.94);
    const violation = !receipt && usd > 25 ? "missing_receipt" : category === "meals" && usd > MEALS_LIMIT_USD ? "over_limit" : weekday(day) >= 5 && category !== "hotel" && category !== "airfare" ? "weekend" : null;
    lines.push({ day, category, merchant: rng.pick(merchants), net: gross - (receipt ? tax : 0), tax: receipt ? tax : 0, gross, receipt, violation, role });
  }
  lines.sort((a, b) => a.day - b.day);
  const submitted = nextWorkingDay(c, Math.max(...lines.map((l) => l.day)) + 1 + rng.int(3));
  const violations = lines.filter((l) => l.violation).length;
  const approved = violations < 2 && rng.chance(0.97);
  const approvedDay = nextWorkingDay(c, submitted + 1 + rng.int(4));
  const final = cx.periods[cx.periods.length - 1]!;
  const status = approvedDay >= final.firstDay + final.days ? "pending" : approved ? "approved" : "rejected";
  const total = lines.reduce((s, l) => s + l.gross, 0);
  const run = status === "approved" ? payRuns(cx, c, frequency).find((r) => r.payDay > approvedDay) : undefined;
  return { id: `EX-${c.code}-${String(p.e.index + 1).padStart(6, "0")}-${String(period + 1).padStart(3, "0")}`, submitted, lines, total, status, approvedDay, violations, run };
}

function pickWeighted(rng: Rng): number {
  let x = rng.next() * 100;
  for (let i = 0; i < WEIGHTS.length; i++) {
    x -= WEIGHTS[i]!;
    if (x < 0) return i;
  }
  return WEIGHTS.length - 1;
}

function nextWorkingDay(c: CompanyInfo, day: number): number {
  while (!isBusinessDay(day, c.holidays)) day++;
  return day;
}
