// The real executable, spawned: exit codes and streams as a shell or CI sees them.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXIT } from "../../cli/exit-codes.ts";
import { QUICK, tempProject, type TempProject } from "./helpers.ts";
import { generousTimeout } from "../setup.ts";

generousTimeout();

const BIN = join(import.meta.dir, "../../bin/synth.ts");

let project: TempProject;
beforeAll(() => {
  project = tempProject();
  project.write("quick.synth", QUICK);
});
afterAll(() => project.remove());

function synth(...args: string[]) {
  const env = { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined, SYNTH_DEBUG: undefined };
  const r = Bun.spawnSync([process.execPath, "run", BIN, ...args], { cwd: project.dir, env, stdout: "pipe", stderr: "pipe" });
  return { code: r.exitCode, out: r.stdout.toString(), err: r.stderr.toString() };
}

describe("bin/synth.ts", () => {
  test("--help: usage on stdout, exit 0", () => {
    const r = synth("--help");
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toContain("Usage:\n  synth <command> [options]");
    expect(r.err).toBe("");
  });

  test("unknown command: one line on stderr, exit 2", () => {
    expect(synth("grahp", "x.synth")).toEqual({
      code: EXIT.usage,
      out: "",
      err: 'synth: unknown command "grahp"; did you mean graph? (see synth --help)\n',
    });
  });

  test("missing file: one line on stderr, exit 3", () => {
    expect(synth("check", "missing.synth")).toEqual({ code: EXIT.noInput, out: "", err: "synth: cannot read missing.synth: no such file\n" });
  });

  test("compile -o, then --check: up to date (0), stale after an edit (1)", () => {
    expect(synth("compile", "quick.synth", "-o", "quick.plan.json").code).toBe(EXIT.ok);
    expect(synth("compile", "--check", "quick.plan.json")).toMatchObject({ code: EXIT.ok, out: "quick.plan.json: plan is up to date\n" });
    project.write("quick.synth", QUICK.replace("months = 3", "months = 4"));
    const stale = synth("compile", "--check", "quick.plan.json");
    expect(stale.code).toBe(EXIT.failed);
    expect(stale.err).toEndWith(
      "synth: error[SYN4002]: plan is stale: quick.plan.json was compiled from an older quick.synth; run synth compile quick.synth -o quick.plan.json\n",
    );
  });
});

describe("exit codes of failures a user can meet", () => {
  test("compile -o into a place nobody may write: one line, exit 4", () => {
    // Root writes through permission bits: as root, /sys is where nobody may write.
    const target = process.getuid?.() === 0 ? "/sys/synth-test.plan.json" : "/synth-test-not-writable/x.plan.json";
    const r = synth("compile", "quick.synth", "-o", target);
    expect(r.code).toBe(EXIT.cantWrite);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toContain("cannot write");
  });

  test("a plan the generators cannot honour is a GenerationError: one line, exit 11", () => {
    // Entry amounts near 2^53 minor units cannot be split and summed exactly: the run refuses rather than round.
    const huge = "50_000_000_000_000.00";
    project.write("huge.synth", `scenario "Huge" { seed = 1 start = 2024-01-01 months = 1 }\ncompany C1 { currency = USD }\nphase transactions { volume = 200k per year  amounts { median = ${huge} min = ${huge} max = ${huge} benford = false round_share = 0% } }\n`);
    const r = synth("run", "huge.synth", "--out", "out-huge", "--quiet");
    expect(r.code).toBe(EXIT.generation);
    expect(r.err).toStartWith("synth: generation error: ");
    expect(r.err).not.toContain("    at ");
  });

  test("a bug (here: a module that fails to load) is one line and exit 70, the stack only with SYNTH_DEBUG=1", () => {
    const copy = mkdtempSync(join(tmpdir(), "synth-broken-"));
    try {
      const root = join(import.meta.dir, "..", "..");
      for (const d of ["bin", "cli", "compiler", "core", "data", "engine", "grammar", "ledger", "output", "phases", "specs", "testing"]) cpSync(join(root, d), join(copy, d), { recursive: true });
      for (const f of ["package.json", "bunfig.toml", "tsconfig.json"]) cpSync(join(root, f), join(copy, f));
      symlinkSync(join(root, "node_modules"), join(copy, "node_modules"));
      // The module links (it exports what main.ts imports) but throws when it is evaluated.
      writeFileSync(join(copy, "cli", "commands", "index.ts"), 'export const COMMANDS = [];\nexport function findCommand() {}\nthrow new Error("simulated defect");\n');
      const env = { ...process.env, NO_COLOR: "1", SYNTH_DEBUG: undefined };
      const r = Bun.spawnSync([process.execPath, join(copy, "bin", "synth.ts"), "--help"], { cwd: copy, env, stdout: "pipe", stderr: "pipe" });
      expect(r.exitCode).toBe(EXIT.internal);
      expect(r.stderr.toString()).toBe("synth: internal error: simulated defect\nsynth: this is a bug in synth; rerun with SYNTH_DEBUG=1 for the stack trace\n");
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
