// Sales quotes, budgets and KPIs: every won quote is a real sales order at its price, lost and
// expired quotes look like won ones and honour their validity, budgets add up to the business
// plan, variances are recomputed from the journal, and every KPI is recomputed from the raw
// tables by the SQL definitions of docs/sales-kpis-budgets.md (run in SQLite) and its target
// from the budgets table. The phase changes no other table.
import { afterAll, describe, expect, test } from "bun:test";
import { Database } from "bun:sqlite";
import fc from "fast-check";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compile } from "../../compiler/compile.ts";
import { generateInMemory } from "../../testing/arbitraries.ts";
import { verifyFlows, verifyLedger, minorOf } from "../../testing/verify.ts";
import { verifyEconomics } from "../../testing/economics.ts";
import { DEFAULT_MODULES } from "../../engine/modules.ts";
import { run } from "../../engine/run.ts";
import { mergeShards } from "../../engine/merge.ts";
import { Interrupted } from "../../core/errors.ts";
import { parseIso } from "../../core/calendar.ts";
import { generousTimeout } from "../setup.ts";

generousTimeout();
type Row = Record<string, unknown>;
type Tables = Map<string, Row[]>;

const BASE = (extra: string, months = 14) => `
scenario "KPI" { seed = 7 industry = manufacturing start = 2025-01-01 months = ${months} group_currency = USD }
company US1 { country = US currency = USD share = 60% }
company DE1 { country = DE currency = EUR }
fx { EUR = 1.085 }
phase master_data { vendors = 30 customers = 60 materials = 50 fixed_assets = 15 employees = 60 cost_centers = 6 }
phase transactions { volume = 3k per year }
process procure_to_pay { volume = 1200 per year }
process order_to_cash { volume = 1500 per year  backorder = 5% }
phase hr { turnover = 12% }
${extra}
`;
const PHASE = "phase sales_kpis_budgets { quoted_share = 60%  quote_win_rate = 30%  quote_validity = 30d  expired_share = 25%  variance_threshold = 10% }";

function planOf(source: string) {
  const r = compile(source, { path: "kpi.synth" });
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return r.plan!;
}

const on = generateInMemory(planOf(BASE(PHASE))).tables as Tables;
const t = (name: string, from: Tables = on) => (from.get(name) ?? []) as Row[];
const DOC = readFileSync(join(import.meta.dir, "..", "..", "docs", "sales-kpis-budgets.md"), "utf8");

describe("sales quotes", () => {
  test("the ledger stays whole and every reference resolves (quote -> sales order included)", () => {
    expect(verifyLedger(on, DEFAULT_MODULES.tables())).toEqual([]);
    expect(verifyFlows(on)).toEqual([]);
    expect(verifyEconomics(on, { plan: false, benfordLines: Number.MAX_SAFE_INTEGER })).toEqual([]);
    expect(t("document_references").filter((r) => r.from_type === "sales_quote").length).toBe(t("sales_quotes").filter((q) => q.status === "won").length);
  });

  test("every won quote's order exists in sales_orders with the quote's customer, line, price and currency, placed within its validity", () => {
    expect(wonQuotesMatchOrders(on)).toEqual([]);
    const won = t("sales_quotes").filter((q) => q.status === "won");
    expect(won.length).toBeGreaterThan(500);
    // About quoted_share of the orders started from a quote.
    expect(Math.abs(won.length / t("sales_orders").length - 0.6)).toBeLessThan(0.04);
  });

  test("outcomes honour validity: lost within it with a reason, expired the day after it, open only while still valid at the end", () => {
    expect(outcomesHonourValidity(on, 30)).toEqual([]);
    const by = (s: string) => t("sales_quotes").filter((q) => q.status === s);
    expect(by("lost").length).toBeGreaterThan(100);
    expect(by("expired").length).toBeGreaterThan(50);
    expect(by("open").length).toBeGreaterThan(0);
    const decided = by("won").length + by("lost").length + by("expired").length;
    expect(Math.abs(by("won").length / decided - 0.3)).toBeLessThan(0.03);
    expect(Math.abs(by("expired").length / (by("lost").length + by("expired").length) - 0.25)).toBeLessThan(0.04);
  });

  test("lost quotes look like won ones: size, discount, kind of item and decision time", () => {
    const lines = new Map(t("quote_lines").map((l) => [String(l.quote_id), l]));
    const services = new Set(t("materials").filter((m) => m.material_type === "service").map((m) => `${m.company_code}|${m.material_id}`));
    const stats = (status: string[]) => {
      const qs = t("sales_quotes").filter((q) => status.includes(String(q.status)) && q.currency === "USD");
      const nets = qs.map((q) => minorOf(q.net_amount)).sort((a, b) => a - b);
      const disc = qs.reduce((s, q) => s + Number(lines.get(String(q.quote_id))!.discount_percent), 0) / qs.length;
      const service = qs.filter((q) => services.has(`${q.company_code}|${lines.get(String(q.quote_id))!.material_id}`)).length / qs.length;
      return { median: nets[Math.floor(nets.length / 2)]!, disc, service };
    };
    const won = stats(["won"]);
    const lost = stats(["lost", "expired"]);
    expect(lost.median / won.median).toBeGreaterThan(0.67);
    expect(lost.median / won.median).toBeLessThan(1.5);
    expect(Math.abs(lost.disc - won.disc)).toBeLessThan(0.01);
    expect(Math.abs(lost.service - won.service)).toBeLessThan(0.08);
    const lag = (s: string) => {
      const qs = t("sales_quotes").filter((q) => q.status === s);
      return qs.reduce((x, q) => x + parseIso(String(q.status_date)) - parseIso(String(q.quote_date)), 0) / qs.length;
    };
    expect(Math.abs(lag("won") - lag("lost"))).toBeLessThan(2);
  });

  test("without the phase nothing else changes: every other table is the same, references only gain the quotes'", () => {
    const off = generateInMemory(planOf(BASE(""))).tables as Tables;
    const own = new Set(["sales_quotes", "quote_lines", "budgets", "budget_variances", "kpis"]);
    for (const [name, rows] of off) {
      if (name === "data_dictionary" || name === "document_references") continue;
      expect(JSON.stringify(t(name))).toBe(JSON.stringify(rows));
    }
    for (const name of own) expect(off.has(name)).toBe(false);
    const refs = t("document_references").filter((r) => r.from_type !== "sales_quote");
    expect(JSON.stringify(refs)).toBe(JSON.stringify(t("document_references", off)));
  });
});

describe("budgets", () => {
  test("a plan year's revenue, cost of sales and payroll budgets are plan_vs_actual's plan (to the cent per line)", () => {
    for (const p of t("plan_vs_actual")) {
      const rows = t("budgets").filter((b) => b.company_code === p.company_code && b.plan_year === p.plan_year);
      const sum = (drivers: string[]) => rows.filter((b) => drivers.includes(String(b.driver))).reduce((s, b) => s + minorOf(b.budget_amount), 0);
      const lines = (drivers: string[]) => rows.filter((b) => drivers.includes(String(b.driver))).length;
      const expected: Record<string, string[]> = { revenue: ["revenue_plan"], cost_of_sales: ["cost_of_sales_plan"], payroll: ["payroll_roster"] };
      const drivers = expected[String(p.metric)];
      if (!drivers) continue;
      expect(Math.abs(sum(drivers) - Math.round(Number(p.plan) * 100))).toBeLessThanOrEqual(lines(drivers));
    }
  });

  test("balance-sheet accounts are budgeted as balances, never as costs; P&L lines only as flows", () => {
    const types = new Map(t("chart_of_accounts").map((a) => [String(a.account_number), String(a.account_type)]));
    for (const b of t("budgets")) {
      const type = types.get(String(b.account_number))!;
      expect(b.line_type).toBe(type === "asset" || type === "liability" ? "balance" : "flow");
    }
    const drivers = new Set(t("budgets").filter((b) => b.line_type === "balance").map((b) => b.driver));
    expect([...drivers].sort()).toEqual(["dpo", "dso", "stock_days"]);
  });

  test("cost lines over the scenario: rent, utilities, marketing and insurance at their actuals, other opex in total; every line budgeted", () => {
    // A summary account stands for its posting accounts' role.
    const chart = new Map(t("chart_of_accounts").map((a) => [String(a.account_number), a]));
    const roles = new Map<string, string>();
    for (const a of chart.values()) for (let x: Row | undefined = a; x; x = x.parent_number == null ? undefined : chart.get(String(x.parent_number))) if (a.role != null && !roles.has(String(x.account_number))) roles.set(String(x.account_number), String(a.role));
    const planned = new Set(t("budgets").filter((b) => b.driver === "cost_plan").map((b) => `${b.company_code}|${b.account_number}`));
    const sums = new Map<string, { budget: number; actual: number }>();
    for (const v of t("budget_variances")) {
      if (!planned.has(`${v.company_code}|${v.account_number}`)) continue;
      const role = roles.get(String(v.account_number))!;
      const group = ["rent", "utilities", "marketing", "insurance"].includes(role) ? role : "other_opex";
      const key = `${v.company_code}|${group}`;
      const s = sums.get(key) ?? { budget: 0, actual: 0 };
      s.budget += minorOf(v.budget_amount);
      s.actual += minorOf(v.actual_amount);
      sums.set(key, s);
    }
    expect(sums.size).toBe(2 * 5);
    // Purchased services land on the roles of the vendors bought from: by role that is noisy with few vendors, the total is not.
    const tolerance: Record<string, number> = { rent: 0.01, utilities: 0.01, marketing: 0.05, insurance: 0.001, other_opex: 0.05 };
    const off = [...sums].filter(([k, s]) => Math.abs(s.actual / s.budget - 1) > tolerance[k.split("|")[1]!]!).map(([k, s]) => `${k}: ${s.actual} / ${s.budget}`);
    expect(off).toEqual([]);
  });

  test("every variance row's actual is recomputed from the journal (or trial balance), and the rows add up to the result", () => {
    expect(variancesFromJournal(on)).toEqual([]);
  });

  test("variance, percent, favourable and significant follow their definitions", () => {
    for (const v of t("budget_variances")) {
      const budget = minorOf(v.budget_amount);
      const actual = minorOf(v.actual_amount);
      expect(minorOf(v.variance)).toBe(actual - budget);
      if (budget === 0) expect(v.variance_percent).toBeNull();
      else expect(Math.abs(Number(v.variance_percent) - (actual - budget) / Math.abs(budget))).toBeLessThanOrEqual(0.00005);
      const up = v.account_type === "revenue" || v.account_type === "liability";
      expect(v.favourable).toBe(up ? actual >= budget : actual <= budget);
      expect(v.significant).toBe(budget === 0 || Math.abs(actual - budget) >= 0.1 * Math.abs(budget));
    }
  });
});

describe("kpis", () => {
  test("the SQL definitions of the docs, run on the raw tables, reproduce every KPI", () => {
    const r = kpisFromSql(on);
    expect(r.mismatches).toEqual([]);
    expect(r.compared).toBe(t("kpis").length);
    // Ties at the 4th decimal may round either way in floating point; anything else is exact.
    expect(r.exact / r.compared).toBeGreaterThan(0.99);
  });

  test("targets are recomputed from the budgets table and the plan; trend and on-target from the published values", () => {
    expect(targetsFromBudgets(on)).toEqual([]);
  });

  test("each company and period has every KPI once; HR and order-to-cash ones only when those run", () => {
    const names = new Set(t("kpis").map((k) => k.kpi));
    expect(names.size).toBe(15);
    expect(t("kpis").length).toBe(2 * 14 * 15);
    const noHr = generateInMemory(planOf(BASE(PHASE, 3).replace("phase hr { turnover = 12% }", ""))).tables as Tables;
    const kpis = new Set(t("kpis", noHr).map((k) => k.kpi));
    expect(kpis.has("headcount") || kpis.has("employee_turnover")).toBe(false);
    expect(kpisFromSql(noHr).mismatches).toEqual([]);
  });
});

describe("defect rate (manufacturing on)", () => {
  test("counted from the quality inspections manufacturing writes in a main step; the docs' SQL reproduces it and every other KPI", () => {
    const mfg = generateInMemory(planOf(BASE(`${PHASE}\nphase manufacturing { production_orders = 400 per year  inspection_rate = 50% }`, 3))).tables as Tables;
    const rows = t("kpis", mfg).filter((k) => k.kpi === "defect_rate");
    expect(rows.length).toBe(2 * 3);
    expect(t("quality_inspections", mfg).length).toBeGreaterThan(20);
    // Recomputed here by hand as well: defects over sample sizes by the decision's period.
    const periods = t("fiscal_periods", mfg);
    for (const k of rows) {
      const p = periods.find((x) => x.fiscal_year === k.fiscal_year && x.fiscal_period === k.fiscal_period)!;
      const qs = t("quality_inspections", mfg).filter((q) => q.company_code === k.company_code && String(q.inspection_date) >= String(p.start_date) && String(q.inspection_date) <= String(p.end_date));
      const inspected = qs.reduce((s, q) => s + Number(q.sample_size), 0);
      const defective = qs.reduce((s, q) => s + Number(q.defects), 0);
      expect([Number(k.numerator), Number(k.denominator)]).toEqual([defective, inspected]);
      expect(k.target).toBe("0.0250");
    }
    expect(rows.some((k) => k.value !== null && Number(k.value) > 0)).toBe(true);
    const r = kpisFromSql(mfg);
    expect(r.mismatches).toEqual([]);
    expect(r.compared).toBe(t("kpis", mfg).length);
    expect(t("kpis", mfg).length).toBe(2 * 3 * 16);
  });
});

describe("plan-implied budgets (manufacturing, intercompany, bank statements, accounting standards on)", () => {
  const full = generateInMemory(planOf(BASE(`${PHASE}\nphase manufacturing { production_orders = 400 per year }\nphase financial_reporting { }\nphase accounting_standards { bundles = 30% }`, 12))).tables as Tables;
  const chart = new Map(t("chart_of_accounts", full).map((a) => [String(a.account_number), a]));
  const roleOf = (n: unknown) => String(chart.get(String(n))!.role);
  const ancestors = (n: string) => {
    const out: string[] = [];
    for (let x: Row | undefined = chart.get(n); x; x = x.parent_number == null ? undefined : chart.get(String(x.parent_number))) out.push(String(x.account_number));
    return out;
  };
  /** P&L actuals per company and posting account over the scenario, natural sign, from the journal (without the year-end closing). */
  const actuals = new Map<string, number>();
  for (const l of t("journal_entries", full)) {
    if (l.business_event === "year_end_close") continue;
    const a = chart.get(String(l.account_number))!;
    if (a.account_type !== "revenue" && a.account_type !== "expense") continue;
    const k = `${l.company_code}|${l.account_number}`;
    actuals.set(k, (actuals.get(k) ?? 0) + (a.account_type === "revenue" ? -1 : 1) * (minorOf(l.debit_amount) - minorOf(l.credit_amount)));
  }
  const budgeted = new Map<string, number>();
  for (const b of t("budgets", full)) if (b.line_type === "flow") budgeted.set(`${b.company_code}|${b.account_number}`, (budgeted.get(`${b.company_code}|${b.account_number}`) ?? 0) + minorOf(b.budget_amount));
  // Unplanned by definition (docs: "Not budgeted"): purchase price variances against standard prices.
  const UNPLANNED = ["price_variance"];

  test("every P&L account with actuals has a non-zero budget (on it or the summary account over it)", () => {
    const missing = [...actuals].filter(([k, a]) => {
      const [company, account] = k.split("|") as [string, string];
      return a !== 0 && !UNPLANNED.includes(roleOf(account)) && !ancestors(account).some((n) => (budgeted.get(`${company}|${n}`) ?? 0) !== 0);
    }).map(([k, a]) => `${k} (${roleOf(k.split("|")[1])}): actual ${a}, no budget`);
    expect(missing).toEqual([]);
    // The lines this test needs the plan-implied budget for are there (it fails without them).
    const drivers = new Set(t("budgets", full).map((b) => b.driver));
    for (const d of ["credit_loss_plan", "discount_plan", "intercompany_plan", "bank_tariff", "fx_allowance", "conversion_plan", "count_allowance"]) expect(drivers).toContain(d);
  });

  test("company totals over the scenario: budget / actual within a plausible band per account family", () => {
    const FAMILY: [string, string[], number, number][] = [
      ["revenue", ["revenue", "service_revenue"], 0.85, 1.2],
      ["cost of goods", ["cogs"], 0.8, 1.25],
      ["payroll", ["salaries", "social_security"], 0.85, 1.2],
      ["operating costs", ["rent", "utilities", "marketing", "office_supplies", "travel", "it_services", "professional_fees", "repairs", "telecom", "insurance"], 0.8, 1.25],
      ["conversion spent", ["production_labour", "production_overhead"], 0.75, 1.35],
      ["conversion absorbed", ["production_absorbed"], 0.75, 1.35],
      ["intercompany", ["ic_revenue", "ic_expense"], 0.6, 1.6],
      ["credit losses and discounts", ["bad_debt_expense", "discount_received"], 0.2, 5],
      ["bank and FX", ["bank_charges", "fx_gain", "fx_loss", "interest_income"], 0.2, 5],
    ];
    const off: string[] = [];
    for (const company of ["US1", "DE1"]) {
      for (const [name, roles, lo, hi] of FAMILY) {
        const inFamily = (k: string, top: boolean) => k.startsWith(`${company}|`) && (top ? ancestors(k.split("|")[1]!).some((n) => [...chart.values()].some((a) => roles.includes(String(a.role)) && ancestors(String(a.account_number)).includes(n) && n === k.split("|")[1])) : roles.includes(roleOf(k.split("|")[1])));
        const actual = [...actuals].filter(([k]) => inFamily(k, false)).reduce((s, [, a]) => s + a, 0);
        const budget = [...budgeted].filter(([k]) => inFamily(k, true)).reduce((s, [, b]) => s + b, 0);
        if (actual === 0 && budget === 0) continue;
        const r = budget / actual;
        if (!(r >= lo && r <= hi)) off.push(`${company} ${name}: budget ${budget} / actual ${actual} = ${r.toFixed(2)}`);
      }
    }
    expect(off).toEqual([]);
  });

  test("production spending, absorption and variances are budgeted to net to about nothing, as they do in the books", () => {
    for (const company of ["US1", "DE1"]) {
      const sum = (roles: string[]) => [...budgeted].filter(([k]) => k.startsWith(`${company}|`) && roles.includes(roleOf(k.split("|")[1]))).reduce((s, [, b]) => s + b, 0);
      const absorbed = -sum(["production_absorbed"]);
      expect(absorbed).toBeGreaterThan(0);
      const net = sum(["production_labour", "production_overhead", "production_absorbed", "production_variance"]);
      expect(Math.abs(net)).toBeLessThanOrEqual(0.02 * absorbed);
    }
  });

  test("per cost center, few variance rows are significant: only costs the generators book by a cost-center key are budgeted per cost center", () => {
    const rows = t("budget_variances", full).filter((v) => v.cost_center_id !== null);
    expect(rows.length).toBeGreaterThan(50);
    const share = rows.filter((v) => v.significant).length / rows.length;
    expect(share).toBeLessThan(0.35);
    const perCc = new Set(t("budgets", full).filter((b) => b.cost_center_id !== null).map((b) => String(b.driver)));
    expect([...perCc].sort()).toEqual(["asset_register", "cost_plan", "payroll_roster"]);
  });
});

describe("properties", () => {
  test("for any seed and quote settings: won quotes are their orders, validity holds, variances and KPIs recompute", () => {
    fc.assert(
      fc.property(
        fc.record({ seed: fc.integer({ min: 1, max: 10_000 }), quoted: fc.integer({ min: 10, max: 100 }), win: fc.integer({ min: 10, max: 90 }), validity: fc.integer({ min: 7, max: 60 }), expired: fc.integer({ min: 0, max: 100 }) }),
        (x) => {
          const source = `
scenario "P" { seed = ${x.seed} industry = technology start = 2025-10-01 months = 3 group_currency = EUR }
chart_of_accounts { size = small }
company DE1 { country = DE currency = EUR }
phase master_data { vendors = 10 customers = 20 materials = 15 fixed_assets = 5 employees = 12 cost_centers = 3 }
phase transactions { volume = 600 per year }
process order_to_cash { volume = 400 per year }
process procure_to_pay { volume = 200 per year }
phase sales_kpis_budgets { quoted_share = ${x.quoted}%  quote_win_rate = ${x.win}%  quote_validity = ${x.validity}d  expired_share = ${x.expired}% }`;
          const tables = generateInMemory(planOf(source)).tables as Tables;
          expect(wonQuotesMatchOrders(tables)).toEqual([]);
          expect(outcomesHonourValidity(tables, x.validity)).toEqual([]);
          expect(variancesFromJournal(tables)).toEqual([]);
          expect(kpisFromSql(tables).mismatches).toEqual([]);
          expect(targetsFromBudgets(tables)).toEqual([]);
        },
      ),
      { numRuns: 4, seed: 12 },
    );
  });
});

describe("runs the same anywhere", () => {
  const root = mkdtempSync(join(tmpdir(), "synth-kpi-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  // With manufacturing: its inspections are written by a main step, whose overlay counts fold at its end.
  const plan = planOf(BASE(`${PHASE}\nphase manufacturing { production_orders = 400 per year  inspection_rate = 50% }`, 3));
  const quiet = { progress: "none" as const, formats: ["csv" as const] };
  const digests = (dir: string) => JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")).files.map((f: { path: string; sha256: string }) => `${f.path}:${f.sha256}`);

  test("the same files for 1 and 3 workers, after an interrupted run resumes, and from 2 shards merged", async () => {
    const a = join(root, "a");
    await run(plan, { ...quiet, out: a, workers: 1 }).done;
    expect(digests(a).some((d: string) => d.startsWith("sales_quotes.csv"))).toBe(true);
    const b = join(root, "b");
    await run(plan, { ...quiet, out: b, workers: 3, batchSize: 1 }).done;
    expect(digests(b)).toEqual(digests(a));
    const c = join(root, "c");
    let stopped = false;
    const r = run(plan, { ...quiet, out: c, workers: 2, batchSize: 2, checkpointEveryMs: 0, onProgress: (pr) => !stopped && pr.phase === "transactions" && ((stopped = true), r.stop()) });
    await expect(r.done).rejects.toBeInstanceOf(Interrupted);
    await run(plan, { ...quiet, out: c, workers: 2, resume: true }).done;
    expect(digests(c)).toEqual(digests(a));
    const shards = [0, 1].map((i) => join(root, `s${i}`));
    for (let i = 0; i < 2; i++) await run(plan, { ...quiet, out: shards[i]!, workers: i, shard: { index: i, count: 2 } }).done;
    const merged = join(root, "merged");
    await mergeShards(shards, { out: merged, progress: "none" });
    expect(digests(merged)).toEqual(digests(a));
  });

  test.skipIf(!hasDuckdb)("in DuckDB after load.sql, the docs' SQL reproduces every KPI of the written files (exact decimals)", () => {
    const r = Bun.spawnSync(["python3", "-c", DUCKDB_CHECK, join(root, "a"), join(import.meta.dir, "..", "..", "docs", "sales-kpis-budgets.md")], { stdout: "pipe", stderr: "pipe" });
    if (r.exitCode !== 0) throw new Error(r.stderr.toString());
    const x = JSON.parse(r.stdout.toString()) as { rows: number; compared: number; exact: number; mismatches: string[] };
    expect(x.mismatches).toEqual([]);
    expect(x.rows).toBe(2 * 3 * 16);
    expect(x.compared).toBe(x.rows);
    expect(x.exact / x.compared).toBeGreaterThan(0.99);
  });
});

const hasDuckdb = Bun.spawnSync(["python3", "-c", "import duckdb"], { stdout: "ignore", stderr: "ignore" }).exitCode === 0;

/** Loads an output directory with its load.sql, runs each SQL block of the docs and compares it with the kpis table. */
const DUCKDB_CHECK = `
import duckdb, json, os, re, sys
doc = open(sys.argv[2]).read()
os.chdir(sys.argv[1])
con = duckdb.connect()
con.execute(open("load.sql").read())
tables = {r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()}
kpis = {tuple(r[:4]): r[4:] for r in con.execute("select company_code, fiscal_year, fiscal_period, kpi, numerator, denominator, value from kpis").fetchall()}
compared, exact, bad = 0, 0, []
def near(a, b, tol):
    return (a is None) == (b is None) and (a is None or abs(float(a) - float(b)) <= tol)
for sql in re.findall(r"\`\`\`sql\\n(.*?)\`\`\`", doc, re.S):
    if any(t in sql and t not in tables for t in ("employee_events", "quality_inspections")):
        continue
    for r in con.execute(sql).fetchall():
        compared += 1
        k = kpis.get(tuple(r[:4]))
        if k is None:
            bad.append(f"{r[:4]} not in kpis")
        elif not (near(r[4], k[0], 1e-6) and near(r[5], k[1], 1e-6) and near(r[6], k[2], 1.0001e-4)):
            bad.append(f"{r[:4]}: sql {r[4:]} kpis {k}")
        elif r[6] is None or float(r[6]) == float(k[2]):
            exact += 1
print(json.dumps({"rows": len(kpis), "compared": compared, "exact": exact, "mismatches": bad[:20]}))
`;

// --- independent checks over the raw tables ---

function wonQuotesMatchOrders(tables: Tables): string[] {
  const bad: string[] = [];
  const orders = new Map(t("sales_orders", tables).map((o) => [`${o.company_code}|${o.so_id}`, o]));
  const lines = new Map(t("quote_lines", tables).map((l) => [`${l.company_code}|${l.quote_id}`, l]));
  for (const q of t("sales_quotes", tables)) {
    const l = lines.get(`${q.company_code}|${q.quote_id}`);
    if (!l) bad.push(`${q.quote_id}: no line`);
    else {
      if (minorOf(l.net_amount) !== minorOf(q.net_amount) || minorOf(q.list_amount) - minorOf(q.net_amount) !== minorOf(q.discount_amount)) bad.push(`${q.quote_id}: amounts`);
      if (Math.abs(Number(l.discount_percent) - (1 - Number(l.unit_price) / Number(l.list_price))) > 0.00005 + 1e-9 || Number(l.unit_price) > Number(l.list_price)) bad.push(`${q.quote_id}: discount`);
    }
    if (q.status !== "won") {
      if (q.so_id !== null) bad.push(`${q.quote_id}: ${q.status} with an order`);
      continue;
    }
    const o = orders.get(`${q.company_code}|${q.so_id}`);
    if (!o || !l) {
      bad.push(`${q.quote_id}: order ${q.so_id} missing`);
      continue;
    }
    const same = o.customer_id === q.customer_id && o.currency === q.currency && o.material_id === l.material_id && o.quantity === l.quantity && o.unit_price === l.unit_price && o.net_amount === q.net_amount;
    if (!same) bad.push(`${q.quote_id}: differs from ${q.so_id}`);
    if (o.order_date !== q.status_date || String(o.order_date) < String(q.quote_date) || String(o.order_date) > String(q.valid_until)) bad.push(`${q.quote_id}: ordered outside its validity`);
  }
  return bad;
}

function outcomesHonourValidity(tables: Tables, validity: number): string[] {
  const bad: string[] = [];
  const periods = t("fiscal_periods", tables);
  const last = parseIso(String(periods[periods.length - 1]!.end_date));
  const REASONS = ["price", "competitor", "lead_time", "budget_cut", "requirements"];
  for (const q of t("sales_quotes", tables)) {
    const issued = parseIso(String(q.quote_date));
    const until = parseIso(String(q.valid_until));
    const at = q.status_date === null ? undefined : parseIso(String(q.status_date));
    if (until - issued !== validity - 1) bad.push(`${q.quote_id}: validity`);
    if (q.status === "lost" && (at === undefined || at < issued || at > until || !REASONS.includes(String(q.lost_reason)))) bad.push(`${q.quote_id}: lost`);
    if (q.status === "expired" && (at !== until + 1 || q.lost_reason !== "no_response" || at > last)) bad.push(`${q.quote_id}: expired`);
    if (q.status === "open" && (at !== undefined || until < last || q.lost_reason !== null)) bad.push(`${q.quote_id}: open`);
    if (q.status === "won" && q.lost_reason !== null) bad.push(`${q.quote_id}: won with a reason`);
  }
  return bad;
}

/** Each variance row's actual from journal_entries (P&L, without the closing entry) or trial_balance (balances). */
function variancesFromJournal(tables: Tables): string[] {
  const bad: string[] = [];
  const chart = new Map(t("chart_of_accounts", tables).map((a) => [String(a.account_number), a]));
  const ancestors = new Map<string, Set<string>>();
  const chain = (a: string): Set<string> => {
    let set = ancestors.get(a);
    if (!set) {
      const parent = chart.get(a)?.parent_number;
      ancestors.set(a, (set = new Set([a, ...(parent == null ? [] : chain(String(parent)))])));
    }
    return set;
  };
  const under = (account: string, top: string) => chain(account).has(top);
  const byCc = new Set(t("budgets", tables).filter((b) => b.cost_center_id !== null).map((b) => String(b.account_number)));
  const sign = (type: string) => (type === "revenue" || type === "liability" ? -1 : 1);
  const je = new Map<string, Row[]>();
  for (const l of t("journal_entries", tables)) {
    if (l.business_event === "year_end_close") continue;
    const k = `${l.company_code}|${l.fiscal_year}|${l.fiscal_period}`;
    je.set(k, [...(je.get(k) ?? []), l]);
  }
  const tb = new Map<string, Row[]>();
  for (const r of t("trial_balance", tables)) tb.set(`${r.company_code}|${r.fiscal_year}|${r.fiscal_period}`, [...(tb.get(`${r.company_code}|${r.fiscal_year}|${r.fiscal_period}`) ?? []), r]);
  const results = new Map<string, number>();
  for (const v of t("budget_variances", tables)) {
    const k = `${v.company_code}|${v.fiscal_year}|${v.fiscal_period}`;
    const account = String(v.account_number);
    let expected = 0;
    if (v.line_type === "balance") {
      for (const r of tb.get(k) ?? []) if (under(String(r.account_number), account)) expected += minorOf(r.debit_balance) - minorOf(r.credit_balance);
    } else {
      for (const l of je.get(k) ?? []) {
        if (!under(String(l.account_number), account)) continue;
        const scoped = byCc.has(account) ? l.cost_center === v.cost_center_id : v.cost_center_id === null;
        if (scoped) expected += minorOf(l.debit_amount) - minorOf(l.credit_amount);
      }
      results.set(k, (results.get(k) ?? 0) + (v.account_type === "revenue" ? 1 : -1) * minorOf(v.actual_amount));
    }
    if (sign(String(v.account_type)) * expected !== minorOf(v.actual_amount)) bad.push(`${k} ${account} ${v.cost_center_id}: ${v.actual_amount} != ${expected}`);
  }
  // The flow rows of a period add up to its net result (every P&L line is in exactly one row).
  for (const [k, lines] of je) {
    let net = 0;
    for (const l of lines) {
      const type = chart.get(String(l.account_number))!.account_type;
      if (type === "revenue" || type === "expense") net -= minorOf(l.debit_amount) - minorOf(l.credit_amount);
    }
    if ((results.get(k) ?? 0) !== net) bad.push(`${k}: variance rows add up to ${results.get(k)}, the result is ${net}`);
  }
  return bad.slice(0, 20);
}

/** Runs the docs' SQL over the raw tables in SQLite and compares every KPI row. */
function kpisFromSql(tables: Tables): { mismatches: string[]; compared: number; exact: number } {
  const db = new Database(":memory:");
  const specs = DEFAULT_MODULES.tables();
  for (const name of ["fiscal_periods", "companies", "chart_of_accounts", "journal_entries", "trial_balance", "sales_orders", "deliveries", "sales_quotes", "employee_events", "quality_inspections"]) {
    const spec = specs.get(name)!;
    const type = (k: string) => (k === "int" || k === "bool" ? "INTEGER" : k === "money" || k === "decimal" ? "REAL" : "TEXT");
    db.run(`CREATE TABLE ${name} (${spec.columns.map((c) => `"${c.name}" ${type(c.kind)}`).join(", ")})`);
    const insert = db.prepare(`INSERT INTO ${name} VALUES (${spec.columns.map(() => "?").join(", ")})`);
    db.transaction(() => {
      for (const r of tables.get(name) ?? []) insert.run(...spec.columns.map((c) => { const v = r[c.name]; return v === null || v === undefined ? null : c.kind === "bool" ? (v ? 1 : 0) : c.kind === "money" || c.kind === "decimal" ? Number(v) : (v as string | number); }));
    })();
  }
  const blocks = [...DOC.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]!);
  expect(blocks.length).toBe(4);
  const kpis = new Map(t("kpis", tables).map((k) => [`${k.company_code}|${k.fiscal_year}|${k.fiscal_period}|${k.kpi}`, k]));
  const mismatches: string[] = [];
  let compared = 0;
  let exact = 0;
  const near = (a: unknown, b: unknown, tol: number) => (a === null) === (b === null) && (a === null || Math.abs(Number(a) - Number(b)) <= tol);
  for (const sql of blocks) {
    // HR's indicators exist when HR runs (it writes employee events), the defect rate when manufacturing does.
    if (sql.includes("employee_events") && !tables.has("employee_events")) continue;
    if (sql.includes("quality_inspections") && !tables.has("quality_inspections")) continue;
    for (const r of db.query(sql).all() as Row[]) {
      const key = `${r.company_code}|${r.fiscal_year}|${r.fiscal_period}|${r.kpi}`;
      const k = kpis.get(key);
      compared++;
      if (!k) {
        mismatches.push(`${key}: not in kpis`);
        continue;
      }
      if (!near(r.value, k.value, 0.0001 + 1e-9) || !near(r.numerator, k.numerator, 1e-6) || !near(r.denominator, k.denominator, 1e-6)) mismatches.push(`${key}: sql ${r.numerator}/${r.denominator}=${r.value}, kpis ${k.numerator}/${k.denominator}=${k.value}`);
      else if (r.value === null || Number(r.value) === Number(k.value)) exact++;
    }
  }
  db.close();
  return { mismatches: mismatches.slice(0, 20), compared, exact };
}

const FINANCE_TAX = ["interest_income", "interest_expense", "fx_gain", "fx_loss", "bank_charges", "income_tax_expense"];

/** Targets from the budgets table (and the plan settings), trend and on-target from the published values. */
function targetsFromBudgets(tables: Tables): string[] {
  const bad: string[] = [];
  const periods = t("fiscal_periods", tables);
  const chart = new Map(t("chart_of_accounts", tables).map((a) => [String(a.account_number), a]));
  const days = (i: number) => parseIso(String(periods[i]!.end_date)) - parseIso(String(periods[i]!.start_date)) + 1;
  const fixed4 = (x: number) => (x.toFixed(4) === "-0.0000" ? "0.0000" : x.toFixed(4));
  const opening = new Map<string, { ar: number; ap: number; stock: number; ca: number; cl: number }>();
  for (const l of t("journal_entries", tables)) {
    if (l.business_event !== "opening_balance") continue;
    const a = chart.get(String(l.account_number))!;
    const net = minorOf(l.debit_amount) - minorOf(l.credit_amount);
    const o = opening.get(String(l.company_code)) ?? { ar: 0, ap: 0, stock: 0, ca: 0, cl: 0 };
    if (a.role === "ar_control") o.ar += net;
    if (a.role === "ap_control") o.ap -= net;
    if (["raw_materials", "finished_goods", "trading_goods", "wip"].includes(String(a.role))) o.stock += net;
    if (a.account_type === "asset" && !["ppe", "accumulated_depreciation"].includes(String(a.role))) o.ca += net;
    if (a.account_type === "liability" && !["loans_payable", "credit_line", "shareholder_loan"].includes(String(a.role))) o.cl -= net;
    opening.set(String(l.company_code), o);
  }
  const budgetOf = (company: unknown, i: number) => {
    const rows = t("budgets", tables).filter((b) => b.company_code === company && b.fiscal_year === periods[i]!.fiscal_year && b.fiscal_period === periods[i]!.fiscal_period);
    const sum = (pick: (b: Row) => boolean) => rows.filter(pick).reduce((s, b) => s + minorOf(b.budget_amount), 0);
    // Every flow line in its natural sign (revenue-type lines such as discounts received, intercompany and FX gains included).
    const signed = (pick: (b: Row) => boolean) => rows.filter((b) => b.line_type === "flow" && pick(b)).reduce((s, b) => s + (chart.get(String(b.account_number))!.account_type === "revenue" ? 1 : -1) * minorOf(b.budget_amount), 0);
    const financeTax = (b: Row) => FINANCE_TAX.includes(String(chart.get(String(b.account_number))!.role));
    const revenue = sum((b) => b.driver === "revenue_plan");
    return {
      revenue, cos: sum((b) => b.driver === "cost_of_sales_plan"),
      operating: signed((b) => !financeTax(b)),
      net: signed(() => true),
      ar: sum((b) => b.driver === "dso"), ap: sum((b) => b.driver === "dpo"), stock: sum((b) => b.driver === "stock_days"),
    };
  };
  const ratio = (n: number, d: number, f = 1) => (d <= 0 ? null : fixed4((n / d) * f));
  const DIRECTION: Record<string, number> = { dso: -1, stock_days: -1, employee_turnover: -1, headcount: 0 };
  for (const company of new Set(t("kpis", tables).map((k) => k.company_code))) {
    const o = opening.get(String(company))!;
    const dpo = Number(t("plan_vs_actual", tables).find((p) => p.company_code === company && p.metric === "dpo")!.plan);
    const headcount = t("kpis", tables).find((k) => k.company_code === company && k.kpi === "headcount")?.target;
    periods.forEach((_, i) => {
      const b = budgetOf(company, i);
      const prev = i === 0 ? { ar: o.ar, stock: o.stock } : budgetOf(company, i - 1);
      const base = i >= 12 ? i - 12 : i - 1;
      const bAr = (prev.ar + b.ar) / 2;
      const bStock = (prev.stock + b.stock) / 2;
      const ca = o.ca + (b.ar - o.ar) + (b.stock - o.stock);
      const cl = o.cl + (b.ap - o.ap);
      const expected: Record<string, string | null> = {
        revenue_growth: base < 0 ? null : ratio(b.revenue, budgetOf(company, base).revenue) === null ? null : fixed4(b.revenue / budgetOf(company, base).revenue - 1),
        gross_margin: ratio(b.revenue - b.cos, b.revenue), operating_margin: ratio(b.operating, b.revenue), net_margin: ratio(b.net, b.revenue),
        dso: ratio(bAr, b.revenue, days(i)), dpo: fixed4(dpo), stock_days: ratio(bStock, b.cos, days(i)), inventory_turnover: ratio(b.cos, bStock, 365 / days(i)),
        current_ratio: ratio(ca, cl), quick_ratio: ratio(ca - b.stock, cl), working_capital: ((ca - cl) / 100).toFixed(2),
      };
      for (const k of t("kpis", tables).filter((x) => x.company_code === company && x.fiscal_year === periods[i]!.fiscal_year && x.fiscal_period === periods[i]!.fiscal_period)) {
        const name = String(k.kpi);
        if (name in expected && (k.target ?? null) !== expected[name]) bad.push(`${company} ${i} ${name}: target ${k.target} != ${expected[name]}`);
        if (name === "headcount" && k.target !== headcount) bad.push(`${company} ${i} headcount target moves`);
        const before = i === 0 ? undefined : t("kpis", tables).find((x) => x.company_code === company && x.kpi === name && x.fiscal_year === periods[i - 1]!.fiscal_year && x.fiscal_period === periods[i - 1]!.fiscal_period);
        if ((k.previous_value ?? null) !== (before?.value ?? null)) bad.push(`${company} ${i} ${name}: previous`);
        const trend = k.value === null || k.previous_value === null || k.previous_value === undefined ? "none" : Math.abs(Number(k.value) - Number(k.previous_value)) <= 0.005 * Math.abs(Number(k.previous_value)) ? "flat" : Number(k.value) > Number(k.previous_value) ? "up" : "down";
        if (k.trend !== trend) bad.push(`${company} ${i} ${name}: trend ${k.trend} != ${trend}`);
        const d = DIRECTION[name] ?? 1;
        const onTarget = k.value === null || k.target === null || d === 0 ? null : d > 0 ? Number(k.value) >= Number(k.target) : Number(k.value) <= Number(k.target);
        if ((k.on_target ?? null) !== onTarget) bad.push(`${company} ${i} ${name}: on_target`);
      }
    });
  }
  return bad.slice(0, 20);
}
