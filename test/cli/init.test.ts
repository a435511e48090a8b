// `synth init`: a project that checks, compiles (its committed plan up to date) and runs; prompts
// on a terminal, flags in scripts; never overwrites.
import { afterAll, describe, expect, test } from "bun:test";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import YAML from "yaml";
import { EXIT } from "../../cli/exit-codes.ts";
import type { Io } from "../../cli/io.ts";
import { main } from "../../cli/main.ts";
import { generousTimeout } from "../setup.ts";
import { runIn } from "./helpers.ts";

generousTimeout();

const base = mkdtempSync(join(tmpdir(), "synth-init-"));
afterAll(() => rmSync(base, { recursive: true, force: true }));
let n = 0;
const fresh = () => {
  const d = join(base, `p${++n}`);
  mkdirSync(d);
  return d;
};

const FILES = ["synth.project", "scenario.synth", "scenario.plan.json", "README.md", ".github/workflows/synth.yml"];
const BIN = join(import.meta.dir, "../../bin/synth.ts");

function synth(cwd: string, ...args: string[]) {
  const env = { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined };
  const r = Bun.spawnSync([process.execPath, "run", BIN, ...args], { cwd, env, stdin: "ignore", stdout: "pipe", stderr: "pipe" });
  return { code: r.exitCode, out: r.stdout.toString(), err: r.stderr.toString() };
}

describe("synth init", () => {
  test("in an empty directory, without a terminal: the project, then synth run works (spawned, as a user runs it)", () => {
    const dir = fresh();
    const init = synth(dir, "init");
    expect(init).toMatchObject({ code: EXIT.ok, out: "" });
    for (const f of FILES) expect(existsSync(join(dir, f))).toBe(true);
    expect(init.err).toContain("next: synth run scenario.synth");
    const run = synth(dir, "run", "scenario.synth", "--scale", "0.02", "--progress", "none");
    expect(run.code).toBe(EXIT.ok);
    const manifest = JSON.parse(readFileSync(join(dir, "out", "manifest.json"), "utf8"));
    expect(manifest.status).toBe("complete");
    // Every journal entry balances, recomputed from the written rows (in cents).
    const [head, ...rows] = readFileSync(join(dir, "out", "journal_entries.csv"), "utf8").trim().split("\n");
    const cols = head!.split(",");
    const [doc, debit, credit] = ["document_id", "debit_amount", "credit_amount"].map((c) => cols.indexOf(c));
    const net = new Map<string, number>();
    for (const r of rows) {
      const f = r.split(",");
      net.set(f[doc!]!, (net.get(f[doc!]!) ?? 0) + Math.round(Number(f[debit!]) * 100) - Math.round(Number(f[credit!]) * 100));
    }
    expect(net.size).toBeGreaterThan(100);
    expect([...net.values()].filter((v) => v !== 0)).toEqual([]);
  });

  test("the committed plan is up to date, the scenario formatted, the CI job runs both checks", async () => {
    const dir = fresh();
    expect((await runIn(dir, "init", "--yes", "--industry", "technology")).code).toBe(EXIT.ok);
    expect(await runIn(dir, "compile", "--check", "scenario.plan.json")).toMatchObject({ code: EXIT.ok, out: "scenario.plan.json: plan is up to date\n" });
    expect((await runIn(dir, "fmt", "--check", "scenario.synth")).code).toBe(EXIT.ok);
    const ci = YAML.parse(readFileSync(join(dir, ".github/workflows/synth.yml"), "utf8"));
    expect(ci.jobs.plan.steps.map((s: { run?: string }) => s.run).filter(Boolean)).toEqual(["synth fmt --check scenario.synth", "synth compile --check scenario.plan.json"]);
    const plan = JSON.parse(readFileSync(join(dir, "scenario.plan.json"), "utf8"));
    expect(plan.scenario.industry).toBe("technology");
  });

  test("flags for scripts: companies take the currencies in turn, countries follow them, rates are written", async () => {
    const dir = fresh();
    const r = await runIn(dir, "init", "group", "--name", "Acme Group", "--companies", "3", "--currency", "EUR", "--currency", "USD,JPY", "--ci", "gitlab", "--yes");
    expect(r.code).toBe(EXIT.ok);
    const text = readFileSync(join(dir, "group/scenario.synth"), "utf8");
    expect(text).toContain('scenario "Acme Group"');
    expect(text).toContain("group_currency = EUR");
    expect(text).toMatch(/company DE01 \{ name = "Acme Group DE"\s+country = DE\s+currency = EUR \}/);
    expect(text).toMatch(/company JP01 .*currency = JPY/);
    expect(text).toContain("USD = ");
    expect(existsSync(join(dir, "group/.gitlab-ci.yml"))).toBe(true);
    expect(existsSync(join(dir, "group/.github"))).toBe(false);
    const plan = JSON.parse(readFileSync(join(dir, "group/scenario.plan.json"), "utf8"));
    expect(plan.companies.map((c: { code: string; currency: string }) => `${c.code}:${c.currency}`)).toEqual(["DE01:EUR", "US01:USD", "JP01:JPY"]);
  });

  test("on a terminal it asks for what the flags do not say, again after a wrong answer", async () => {
    const dir = fresh();
    const answers = ["Northwind", "retial", "retail", "usd, gbp"];
    const asked: string[] = [];
    let err = "";
    const io: Io = { out: () => {}, err: (t) => void (err += t), cwd: dir, color: false, ask: async (q) => (asked.push(q), answers.shift()) };
    expect(await main(["init", "--companies", "2"], io)).toBe(EXIT.ok);
    expect(asked).toEqual([
      "Scenario name [P4]: ",
      "Industry (manufacturing, retail, financial_services, healthcare, technology) [manufacturing]: ",
      "Industry (manufacturing, retail, financial_services, healthcare, technology) [manufacturing]: ",
      "Currencies, the group's first (e.g. USD, EUR) [USD]: ",
    ]);
    expect(err).toContain('not "retial"; did you mean retail?');
    const text = readFileSync(join(dir, "scenario.synth"), "utf8");
    expect(text).toContain('scenario "Northwind"');
    expect(text).toContain("industry       = retail");
    expect(text).toContain("company GB01");
    // --yes asks nothing
    const quiet = fresh();
    const never: Io = { out: () => {}, err: () => {}, cwd: quiet, color: false, ask: async () => { throw new Error("asked"); } };
    expect(await main(["init", "--yes"], never)).toBe(EXIT.ok);
  });

  test("it never overwrites: one file in the way and nothing is written (exit 5)", async () => {
    const dir = fresh();
    writeFileSync(join(dir, "README.md"), "mine\n");
    const r = await runIn(dir, "init", "--yes");
    expect(r).toEqual({ code: EXIT.exists, out: "", err: "synth: init: README.md already exists; nothing was written (init never overwrites: pick an empty directory)\n" });
    expect(readFileSync(join(dir, "README.md"), "utf8")).toBe("mine\n");
    expect(existsSync(join(dir, "scenario.synth"))).toBe(false);
    expect((await runIn(dir, "init", "sub", "--yes")).code).toBe(EXIT.ok);
    expect((await runIn(dir, "init", "sub", "--yes")).code).toBe(EXIT.exists);
  });

  test("bad flags are usage errors (exit 2), one line each", async () => {
    const dir = fresh();
    expect(await runIn(dir, "init", "--companies", "0")).toEqual({ code: EXIT.usage, out: "", err: 'synth: --companies must be a whole number from 1 to 50, got "0"\n' });
    expect((await runIn(dir, "init", "--currency", "XYZ")).err).toBe('synth: --currency must be an ISO 4217 code synth knows (USD, EUR, GBP, JPY ...), got "XYZ"\n');
    expect((await runIn(dir, "init", "--industry", "retial")).err).toContain("did you mean retail?");
    expect((await runIn(dir, "init", "--help")).out).toContain("synth init - create a new synth project");
    expect(existsSync(join(dir, "scenario.synth"))).toBe(false);
  });
});
