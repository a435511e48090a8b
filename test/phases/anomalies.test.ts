// The anomalies phase as a whole: counts are the rate times the documents that can carry each
// type, exactly, and the same for any worker count, resume and shard; seed_offset moves them
// and nothing else; rows no anomaly touches stay byte-identical; nothing but the labels tells
// an anomaly from a clean row (ids, order, null patterns, positions); the clean ledger keeps
// every invariant; ml_labels and the run report say what was done.
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compile } from "../../compiler/compile.ts";
import { run } from "../../engine/run.ts";
import { mergeShards } from "../../engine/merge.ts";
import { Interrupted } from "../../core/errors.ts";
import { generateInMemory } from "../../testing/arbitraries.ts";
import { verifyLabelled, verifyLabels } from "../../testing/verify-labels.ts";
import { roundHalfEven, periodAllowed } from "../../phases/anomalies/spec.ts";
import { ANOMALY_CATALOG, anomalyType } from "../../phases/anomalies/catalog.ts";
import { buildContext } from "../../ledger/context.ts";
import { approvalLimits } from "../../ledger/journal.ts";
import { generousTimeout } from "../setup.ts";
import { byDocument, debits, fixture, planOf, rows, source, type Row } from "./anomalies-fixture.ts";

generousTimeout();

const root = mkdtempSync(join(tmpdir(), "synth-anomalies-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const { plan, dirty, clean } = fixture();
const labels = rows(dirty, "anomaly_labels");
const labelledDocs = new Set(labels.filter((l) => l.table_name === "journal_entries").map((l) => `${l.company_code}|${l.document_id}`));
// Tax returns, treasury moves, accruals, tax provisions and closing are computed from the balances they settle: they follow the (anomalous) books, numbering included.
const DERIVED = new Set(["ZT", "AC", "TX", "CL"]);
const derived = (doc: Row[]) => DERIVED.has(String(doc[0]!.document_type)) || String(doc[0]!.document_id).startsWith("CL-");

describe("counts", () => {
  test("rounding is half to even", () => {
    expect([0.5, 1.5, 2.5, 3.5, 2.4999, 2.5001].map(roundHalfEven)).toEqual([0, 2, 2, 4, 2, 3]);
  });

  test("per type and company: the rate times the documents of the type's carrier laid out in its periods, rounded half to even", () => {
    const tx = plan.phases.find((p) => p.id === "transactions")!.layout.segments;
    const rates = plan.phases.find((p) => p.id === "anomalies")!.params.rates as Record<string, number>;
    const planned = plan.phases.find((p) => p.id === "anomalies")!.layout.segments;
    for (const s of planned) {
      const t = anomalyType(s.table!);
      const table = t.carrier === "procure_to_pay" ? "procure_to_pay" : undefined;
      const quarterEnd = (p: number) => (p + 1) % 3 === 0;
      // Payroll types (ghost_employee): a share of the employee master.
      const base = t.carrier === "payroll" ? (plan.phases.find((p) => p.id === "master_data")!.params.employees as number) : tx.filter((x) => x.company === s.company && x.table === table && periodAllowed(t, x.period!, plan.scenario.months, quarterEnd(x.period!))).reduce((a, x) => a + x.units, 0);
      expect(s.units).toBe(roundHalfEven(rates[t.id]! * base));
    }
    expect(planned.length).toBe(ANOMALY_CATALOG.length * plan.companies.length);
  });

  test("a type's rate beyond what its documents can carry, or a rate for an unlisted type, is a positioned error", () => {
    const r = compile(source("phase anomalies {\n  types = [self_approval]\n  rates { self_approval = 30%  ghost_vendor = 1% }\n}"), { path: "x.synth" });
    const errors = r.diagnostics.filter((d) => d.code === "SYN3002");
    expect(errors.map((d) => d.message)).toEqual(["self_approval at 30% is more than its documents can carry (at most 2%)", "rates names ghost_vendor, which is not in types"]);
    // At the settings themselves: the rates block's lines.
    expect(errors.map((d) => d.span.start.line)).toEqual([11, 11]);
  });
});

describe("the clean ledger", () => {
  test("keeps every ledger, reconciliation, flow and going-concern invariant, except what a labelled anomaly breaks on purpose", () => {
    expect(verifyLabelled(dirty.tables, { plan: false, benfordLines: Number.MAX_SAFE_INTEGER })).toEqual([]);
  });

  test("rows no anomaly touches are byte-identical to the run without anomalies, in every table", () => {
    const journal = byDocument(rows(clean, "journal_entries"));
    for (const [k, doc] of byDocument(rows(dirty, "journal_entries"))) {
      if (labelledDocs.has(k) || derived(doc)) continue;
      expect(JSON.stringify(doc)).toBe(JSON.stringify(journal.get(k)));
    }
    const keyed: [string, string][] = [["payments", "payment_id"], ["vendor_invoices", "invoice_id"], ["purchase_orders", "po_id"], ["goods_receipts", "gr_id"], ["vendors", "vendor_id"], ["customer_invoices", "invoice_id"], ["ap_open_items", "invoice_id"], ["document_references", "to_document_id"]];
    const touched = new Set(labels.flatMap((l) => [...String(l.document_id).split(" "), ...String(l.related_entities ?? "").split(" ")]));
    for (const [table, key] of keyed) {
      const before = new Map<string, string[]>();
      for (const r of rows(clean, table)) before.set(String(r[key]), [...(before.get(String(r[key])) ?? []), JSON.stringify(r)]);
      const changed = rows(dirty, table).filter((r) => !before.get(String(r[key]))?.includes(JSON.stringify(r)));
      for (const r of changed) expect([r[key], r.invoice_id, r.from_document_id].some((k) => touched.has(String(k)))).toBe(true);
    }
  });
});

describe("no artifact gives a label away", () => {
  const docsAfter = [...byDocument(rows(dirty, "journal_entries"))].filter(([, d]) => !derived(d)).map(([k]) => k);
  const docsBefore = [...byDocument(rows(clean, "journal_entries"))].filter(([, d]) => !derived(d)).map(([k]) => k);

  test("ids and order: every entry keeps its id and place; a duplicate payment's two payments are numbered as partial payments are (-A, -B)", () => {
    const duplicated = new Set(labels.filter((l) => l.anomaly_type === "duplicate_payment" && l.table_name === "journal_entries").map((l) => `${l.company_code}|${l.document_id}`));
    const renamed = docsAfter.filter((k) => !(duplicated.has(k) && k.endsWith("-B"))).map((k) => (duplicated.has(k) ? k.replace(/-A$/, "") : k));
    expect(renamed).toEqual(docsBefore);
    const shape = (k: string) => k.replace(/\d/g, "9");
    const natural = new Set(docsBefore.map(shape));
    expect(docsAfter.filter((k) => labelledDocs.has(k) && !natural.has(shape(k)))).toEqual([]);
  });

  test("null patterns follow the same rules as clean rows: approval exactly where the policy asks for it, cost centers exactly on expense lines", () => {
    const cx = buildContext(plan);
    const chart = new Map(rows(dirty, "chart_of_accounts").map((a) => [String(a.account_number), a]));
    const types = new Map<string, string[]>();
    for (const l of labels) types.set(`${l.company_code}|${l.document_id}`, [...(types.get(`${l.company_code}|${l.document_id}`) ?? []), String(l.anomaly_type)]);
    const bad: string[] = [];
    const cleanDocs = byDocument(rows(clean, "journal_entries"));
    for (const [k, doc] of byDocument(rows(dirty, "journal_entries"))) {
      const own = types.get(k) ?? [];
      const c = cx.companies[cx.companyIndex.get(String(doc[0]!.company_code))!]!;
      const needs = doc[0]!.source === "manual" && !String(doc[0]!.posted_by).startsWith("SYS-") && debits(doc) >= approvalLimits(c).threshold;
      const approvalType = own.some((t) => anomalyType(t).touches.includes("approval"));
      if (!approvalType && (doc[0]!.approved_by !== null) !== needs) bad.push(`${k} (${own.join(" ") || "clean"}): approval ${doc[0]!.approved_by} but needed ${needs}`);
      for (const r of doc) {
        const expense = chart.get(String(r.account_number))!.account_type === "expense";
        const reallocation = r.document_type === "SA" || r.document_type === "WE" || r.document_type === "PR" || r.document_type === "AF" || r.document_type === "AC";
        if (r.cost_center !== null && !expense) bad.push(`${k}: cost center on a ${chart.get(String(r.account_number))!.account_type} line`);
        if (own.length && r.cost_center === null && expense && reallocation && !["improper_capitalization"].some((t) => own.includes(t))) {
          // Expense lines of entries carry a cost center, anomalous or not (cost of sales lines of a sale do not).
          const similar = [...cleanDocs.values()].some((d) => d.some((x) => x.account_number === r.account_number && x.cost_center === null));
          if (!similar) bad.push(`${k}: an expense line without a cost center where clean entries always have one`);
        }
      }
    }
    expect(bad.slice(0, 10)).toEqual([]);
  });

  test("anomalies sit anywhere in their blocks, not first or last", () => {
    const positions: number[] = [];
    const index = new Map(docsAfter.map((k, i) => [k, i]));
    for (const k of labelledDocs) positions.push(index.get(k)! / docsAfter.length);
    const mean = positions.reduce((a, b) => a + b, 0) / positions.length;
    expect(mean).toBeGreaterThan(0.3);
    expect(mean).toBeLessThan(0.7);
  });

  test("posting times of anomalies whose type does not change them follow the policy of clean entries", () => {
    const clock = (k: string) => rows(clean, "journal_entries").find((r) => `${r.company_code}|${r.document_id}` === k)?.posting_time;
    const byDoc = byDocument(rows(dirty, "journal_entries"));
    let compared = 0;
    for (const l of labels.filter((x) => x.table_name === "journal_entries" && !anomalyType(String(x.anomaly_type)).touches.some((t) => t === "time" || t === "structure" || t === "poster" || t === "source"))) {
      const k = `${l.company_code}|${l.document_id}`;
      if (compared++ > 60) break;
      expect(byDoc.get(k)![0]!.posting_time).toBe(clock(k));
    }
  });
});

describe("ml_labels", () => {
  const ml = rows(dirty, "ml_labels");

  test("one row per journal line in the journal's order; anomalies, fraud and near misses flagged consistently", () => {
    expect(verifyLabels(dirty.tables, plan)).toEqual([]);
    for (const m of ml) {
      expect(m.is_fraud).toBe(m.category === "fraud");
      if (m.is_anomaly) expect(m.is_near_miss).toBe(false);
    }
    expect(ml.filter((m) => m.is_near_miss).length).toBeGreaterThan(0);
  });

  test("a suggested split by time: train, validation and test in period order; a scheme's documents stay in one split", () => {
    const periodOf = (m: Row) => rows(dirty, "journal_entries").find((r) => r.document_id === m.document_id && r.line_number === m.line_number)!;
    const order = ["train", "validation", "test"];
    let last = 0;
    const byPeriod = new Map<string, string>();
    for (const m of ml.filter((x) => !x.scheme_id).slice(0, 400)) byPeriod.set(`${periodOf(m).fiscal_period}`, String(m.split));
    for (const p of [...byPeriod.keys()].sort()) {
      const i = order.indexOf(byPeriod.get(p)!);
      expect(i).toBeGreaterThanOrEqual(last);
      last = i;
    }
    const schemes = new Map<string, Set<string>>();
    for (const m of ml.filter((x) => x.scheme_id)) schemes.set(String(m.scheme_id), (schemes.get(String(m.scheme_id)) ?? new Set()).add(String(m.split)));
    expect(schemes.size).toBeGreaterThan(0);
    for (const s of schemes.values()) expect(s.size).toBe(1);
  });
});

describe("the same plan gives the same anomalies", () => {
  const SMALL = source(`phase anomalies { rate = 3%  data_quality { preset = noisy } }`, 9, 2).replace("volume = 24k per year", "volume = 6k per year").replace("block_size = 512", "block_size = 64").replace("volume = 3000 per year", "volume = 1200 per year");
  const small = planOf(SMALL);
  const quiet = { progress: "none" as const, formats: ["csv" as const] };
  const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
  const files = (dir: string) => manifest(dir).files.map((f: { path: string; sha256: string }) => `${f.path}:${f.sha256}`);
  const figures = (dir: string) => JSON.parse(readFileSync(join(dir, "run-report.json"), "utf8")).figures.anomalies;
  let reference: string[];

  test("for any worker count and batch size, with the report's counts equal to the plan's", async () => {
    const a = join(root, "w0");
    await run(small, { ...quiet, out: a, workers: 0 }).done;
    reference = files(a);
    expect(reference.some((f) => f.startsWith("anomaly_labels.csv"))).toBe(true);
    const b = join(root, "w2");
    await run(small, { ...quiet, out: b, workers: 2, batchSize: 1 }).done;
    expect(files(b)).toEqual(reference);
    expect(figures(b)).toEqual(figures(a));
    const f = figures(a);
    expect(f.injected).toBe(f.planned);
    for (const t of Object.values(f.byType) as { planned: number; injected: number }[]) expect(t.injected).toBe(t.planned);
  });

  test("after an interrupted run is resumed", async () => {
    const out = join(root, "resumed");
    let stopped = false;
    const r = run(small, { ...quiet, out, workers: 2, batchSize: 2, checkpointEveryMs: 0, onProgress: (p) => p.phase === "transactions" && !stopped && ((stopped = true), r.stop()) });
    await expect(r.done).rejects.toBeInstanceOf(Interrupted);
    await run(small, { ...quiet, out, workers: 1, resume: true }).done;
    expect(files(out)).toEqual(reference);
    expect(figures(out)).toEqual(figures(join(root, "w0")));
  });

  test("for 3 shards merged", async () => {
    const dirs = [0, 1, 2].map((i) => join(root, `shard-${i}`));
    for (let i = 0; i < 3; i++) await run(small, { ...quiet, out: dirs[i]!, workers: i === 1 ? 1 : 0, shard: { index: i, count: 3 } }).done;
    const merged = join(root, "merged");
    await mergeShards(dirs, { out: merged, progress: "none" });
    expect(files(merged)).toEqual(reference);
  });

  test("seed_offset chooses other documents and changes nothing else", () => {
    const moved = generateInMemory(planOf(SMALL.replace("rate = 3%", "rate = 3%  seed_offset = 7")));
    const here = generateInMemory(small);
    const base = generateInMemory(planOf(SMALL.replace("phase anomalies {", "phase anomalies { enabled = false ")));
    const keys = (g: typeof here) => new Set(rows(g, "anomaly_labels").filter((l) => l.table_name === "journal_entries").map((l) => `${l.company_code}|${l.document_id}`));
    const [a, b] = [keys(here), keys(moved)];
    expect([...a].filter((k) => b.has(k)).length).toBeLessThan(a.size / 2);
    const clean = byDocument(rows(base, "journal_entries"));
    for (const g of [here, moved]) {
      for (const [k, doc] of byDocument(rows(g, "journal_entries"))) if (!a.has(k) && !b.has(k) && !derived(doc)) expect(JSON.stringify(doc)).toBe(JSON.stringify(clean.get(k)));
    }
  });
});
