// The real executable, spawned: exit codes and streams as a shell or CI sees them.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
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
