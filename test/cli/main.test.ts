import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { canonicalJson } from "../../core/canonical.ts";
import { COMMANDS } from "../../cli/commands/index.ts";
import { EXIT } from "../../cli/exit-codes.ts";
import { reportInternalError } from "../../cli/internal-error.ts";
import { colorEnabled } from "../../cli/io.ts";
import { Plan } from "../../specs/plan.ts";
import { BROKEN, QUICK, runIn, tempProject, type TempProject } from "./helpers.ts";
import { generousTimeout } from "../setup.ts";

generousTimeout();

let project: TempProject;
const run = (...argv: string[]) => runIn(project.dir, ...argv);

beforeAll(() => {
  project = tempProject();
  project.write("quick.synth", QUICK);
  project.write("broken.synth", BROKEN);
});
afterAll(() => project.remove());

describe("help, version and usage errors", () => {
  test("--help lists every command and every exit code; no arguments is a usage error with the help on stderr", async () => {
    const help = await run("--help");
    expect(help.code).toBe(EXIT.ok);
    for (const c of COMMANDS) expect(help.out).toContain(`  ${c.name}`);
    const listed = help.out.slice(help.out.indexOf("Exit codes:"));
    for (const code of Object.values(EXIT)) expect(listed).toMatch(new RegExp(`(^|[ ,])${code} [a-z]`, "m"));
    expect(await run()).toEqual({ code: EXIT.usage, out: "", err: help.out });
  });

  test("each command has real help: usage, options, an example; all three spellings agree", async () => {
    for (const c of COMMANDS) {
      const a = await run("help", c.name);
      expect(a.code).toBe(EXIT.ok);
      expect(a.out).toContain(`synth ${c.usage[0]}`);
      expect(a.out).toContain("Options:");
      expect(a.out).toContain("Examples:");
      expect((await run(c.name, "--help")).out).toBe(a.out);
      expect((await run(c.name, "-h")).out).toBe(a.out);
    }
  });

  test("--version prints the package version", async () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dir, "../../package.json"), "utf8"));
    expect((await run("--version")).out).toBe(`synth ${pkg.version}\n`);
  });

  test("unknown command: one line with a suggestion, exit 2", async () => {
    const r = await run("compil", "quick.synth");
    expect(r).toEqual({ code: EXIT.usage, out: "", err: 'synth: unknown command "compil"; did you mean compile? (see synth --help)\n' });
    expect((await run("help", "grpah")).err).toContain("did you mean graph?");
  });

  test("unknown option, missing value, bad choice, wrong arity: one line each, exit 2", async () => {
    const cases = [
      [["compile", "quick.synth", "--fromat", "json"], "synth: unknown option --fromat for compile; did you mean --format? (see synth help compile)\n"],
      [["compile", "quick.synth", "-o"], "synth: option --output needs a value (see synth help compile)\n"],
      [["graph", "quick.synth", "--format", "svg"], 'synth: --format must be one of mermaid, dot, not "svg"\n'],
      [["check"], "synth: check: missing FILE; usage: synth check FILE [--format text|json]\n"],
      [["check", "a.synth", "b.synth"], 'synth: check: unexpected argument "b.synth"; usage: synth check FILE [--format text|json]\n'],
      [["--verbose"], "synth: unknown option --verbose (see synth --help)\n"],
    ] as const;
    for (const [argv, err] of cases) expect(await run(...argv)).toEqual({ code: EXIT.usage, out: "", err });
  });

  test("negative values reach the option's own check, not the parser's \"argument is ambiguous\"; --shard and --out say what is wrong", async () => {
    const said = async (args: string[], message: string) => expect(await run("run", "quick.synth", ...args)).toEqual({ code: EXIT.usage, out: "", err: `synth: ${message}\n` });
    await said(["--workers", "-1"], '--workers must be a whole number of at least 0, got "-1"');
    await said(["--shard", "-1/2"], '--shard takes I/N, two whole numbers with 0 <= I < N (for example 0/4), got "-1/2"');
    await said(["--shard", "0/100000"], "--shard 0/100000: the number of shards must be from 1 to 10,000, got 100000");
    await said(["--shard", "2/2"], "--shard 2/2: shard 2 does not exist among 2 shards (0 to 1)");
    await said(["--out", ""], '--out needs a directory, got ""');
    await said(["--out=", "--workers", "1"], '--out needs a directory, got ""');
  });

  test("missing or unreadable input: one line, exit 3", async () => {
    expect(await run("compile", "nope.synth")).toEqual({ code: EXIT.noInput, out: "", err: "synth: cannot read nope.synth: no such file\n" });
    expect((await run("check", ".")).err).toBe("synth: cannot read .: is a directory\n");
    expect((await run("compile", "--check", "nope.plan.json")).code).toBe(EXIT.noInput);
  });
});

describe("compile", () => {
  test("prints the canonical, valid plan to stdout", async () => {
    const r = await run("compile", "quick.synth");
    expect(r.code).toBe(EXIT.ok);
    const plan = Plan.parse(JSON.parse(r.out));
    expect(r.out).toBe(canonicalJson(plan));
    expect(plan.sources[0]?.path).toBe("quick.synth");
  });

  test("-o writes atomically (no temp file left) and YAML follows the extension", async () => {
    expect((await run("compile", "quick.synth", "-o", "out/quick.plan.json")).code).toBe(EXIT.ok);
    expect((await run("compile", "quick.synth", "-o", "out/quick.plan.yaml")).code).toBe(EXIT.ok);
    expect(readdirSync(join(project.dir, "out")).sort()).toEqual(["quick.plan.json", "quick.plan.yaml"]);
    expect(readFileSync(join(project.dir, "out/quick.plan.yaml"), "utf8")).toStartWith("capabilities:\n");
  });

  test("errors: rendered diagnostics and a summary on stderr, nothing written, exit 1", async () => {
    const r = await run("compile", "broken.synth", "-o", "broken.plan.json");
    expect(r.code).toBe(EXIT.failed);
    expect(r.err).toContain("error[SYN2003]: unknown phase \"manufactring\"\n --> broken.synth:8:7\n");
    expect(r.err).toEndWith("1 error emitted\n");
    expect(existsSync(join(project.dir, "broken.plan.json"))).toBe(false);
  });

  test("an unwritable output exits 4", async () => {
    const r = await run("compile", "quick.synth", "-o", "quick.synth/plan.json");
    expect(r.code).toBe(EXIT.cantWrite);
    expect(r.err).toEndWith("synth: cannot write quick.synth/plan.json: a parent is not a directory\n");
  });
});

describe("compile --check", () => {
  test("up to date, then stale after the source changes; FILE -o PLAN --check never writes", async () => {
    const p = tempProject();
    try {
      p.write("s.synth", QUICK);
      expect((await runIn(p.dir, "compile", "s.synth", "-o", "s.plan.json")).code).toBe(EXIT.ok);
      expect(await runIn(p.dir, "compile", "--check", "s.plan.json")).toMatchObject({ code: EXIT.ok, out: "s.plan.json: plan is up to date\n" });
      expect((await runIn(p.dir, "compile", "s.synth", "-o", "s.plan.json", "--check")).code).toBe(EXIT.ok);
      const before = readFileSync(join(p.dir, "s.plan.json"), "utf8");
      p.write("s.synth", QUICK.replace("seed = 7", "seed = 8"));
      const stale = "synth: error[SYN4002]: plan is stale: s.plan.json was compiled from an older s.synth; run synth compile s.synth -o s.plan.json\n";
      for (const argv of [["--check", "s.plan.json"], ["s.synth", "-o", "s.plan.json", "--check"]]) {
        const r = await runIn(p.dir, "compile", ...argv);
        expect(r.code).toBe(EXIT.failed);
        expect(r.err).toEndWith(stale);
      }
      expect(readFileSync(join(p.dir, "s.plan.json"), "utf8")).toBe(before);
    } finally {
      p.remove();
    }
  });

  test("checked against another scenario, the plan is stale but not \"older\"", async () => {
    const p = tempProject();
    try {
      p.write("a.synth", QUICK);
      p.write("b.synth", QUICK.replace("seed = 7", "seed = 8"));
      expect((await runIn(p.dir, "compile", "a.synth", "-o", "a.plan.json")).code).toBe(EXIT.ok);
      const r = await runIn(p.dir, "compile", "b.synth", "-o", "a.plan.json", "--check");
      expect(r.code).toBe(EXIT.failed);
      expect(r.err).toEndWith("synth: error[SYN4002]: plan is stale: a.plan.json was compiled from a.synth, not b.synth; run synth compile b.synth -o a.plan.json\n");
    } finally {
      p.remove();
    }
  });

  test("a hand-edited plan is stale; an invalid plan is one SYN4001 line", async () => {
    await run("compile", "quick.synth", "-o", "edited.plan.json");
    const plan = readFileSync(join(project.dir, "edited.plan.json"), "utf8");
    project.write("edited.plan.json", plan.replace('"name": "Quick Retail Inc."', '"name": "Edited Inc."'));
    expect((await run("compile", "--check", "edited.plan.json")).err).toContain("edited.plan.json was edited by hand");
    project.write("invalid.plan.json", '{"formatVersion": 1}');
    const r = await run("compile", "--check", "invalid.plan.json");
    expect(r.code).toBe(EXIT.failed);
    expect(r.err).toStartWith("synth: error[SYN4001]: invalid.plan.json: plan is not valid: ");
    expect(r.err.trimEnd().split("\n")).toHaveLength(1);
  });

  test("YAML plans check too; --format must agree with a plan file's extension", async () => {
    await run("compile", "quick.synth", "-o", "y.plan.yml");
    expect(await run("compile", "--check", "y.plan.yml")).toMatchObject({ code: EXIT.ok, out: "y.plan.yml: plan is up to date\n" });
    const r = await run("compile", "quick.synth", "-o", "y.plan.json", "--format", "yaml");
    expect(r.code).toBe(EXIT.usage);
    expect(existsSync(join(project.dir, "y.plan.json"))).toBe(false);
  });

  test("--check of a .synth without -o is a usage error", async () => {
    expect((await run("compile", "--check", "quick.synth")).code).toBe(EXIT.usage);
  });
});

describe("check", () => {
  test("ok / error counts on stdout, diagnostics on stderr", async () => {
    expect(await run("check", "quick.synth")).toMatchObject({ code: EXIT.ok, out: "quick.synth: ok\n" });
    const bad = await run("check", "broken.synth");
    expect(bad).toMatchObject({ code: EXIT.failed, out: "broken.synth: 1 error\n" });
    expect(bad.err).toContain("did you mean manufacturing?");
  });

  test("checked from another directory, by an absolute path: the summary names the file as the spans do", async () => {
    mkdirSync(join(project.dir, "elsewhere"), { recursive: true });
    const r = await runIn(join(project.dir, "elsewhere"), "check", join(project.dir, "broken.synth"));
    expect(r.out).toBe("../broken.synth: 1 error\n");
    expect(r.err).toContain(" --> ../broken.synth:");
  });

  test("--format json is a document for tools", async () => {
    const r = await run("check", "broken.synth", "--format", "json");
    const report = JSON.parse(r.out);
    expect(report).toMatchObject({ file: "broken.synth", ok: false, errors: 1 });
    expect(report.path).toBeUndefined();
    expect(report.diagnostics[0].code).toBe("SYN2003");
    expect(r.err).toBe("");
  });
});

describe("imports stay inside the project", () => {
  test("an import through a symbolic link (a file or a directory) to outside the root is SYN2009; the target is never shown", async () => {
    const outside = tempProject();
    try {
      outside.write("secret.synth", 'secret_setting = "do not echo me"\n');
      symlinkSync(join(outside.dir, "secret.synth"), join(project.dir, "link.synth"));
      symlinkSync(outside.dir, join(project.dir, "linked-dir"));
      for (const target of ["link.synth", "linked-dir/secret.synth"]) {
        project.write("imports-link.synth", `import "${target}"\n${QUICK}`);
        const r = await run("check", "imports-link.synth");
        expect(r.code).toBe(EXIT.failed);
        expect(r.err).toContain("SYN2009");
        expect(r.err).toContain("leads outside the project root through a symbolic link");
        expect(r.err).not.toContain("do not echo me");
        expect(r.err).not.toContain("secret_setting");
      }
    } finally {
      outside.remove();
    }
  });
});

describe("planned phases (the runtime does not generate them yet)", () => {
  test("say so in the plan, the compile summary, the run's messages, the manifest and the graph", async () => {
    project.write("planned.synth", `${QUICK}phase audit { samples = 60 }\n`);
    const compiled = await run("compile", "planned.synth", "-o", "planned.plan.json");
    expect(compiled.err).toContain("1 planned (not generated yet)");
    expect(compiled.err).toContain("SYN3014");
    const plan = JSON.parse(readFileSync(join(project.dir, "planned.plan.json"), "utf8")) as Plan;
    const audit = plan.phases.find((p) => p.id === "audit")!;
    expect([audit.status, audit.reason]).toEqual(["planned", "planned: this version of synth does not generate it yet"]);
    expect(plan.phases.filter((p) => p.status === "run").map((p) => p.id)).not.toContain("audit");
    const ran = await run("run", "planned.plan.json", "--out", "out-planned", "--progress", "plain");
    expect(ran.code).toBe(EXIT.ok);
    expect(ran.err).toContain("not generated: audit (planned: this version of synth does not generate it yet)");
    const manifest = JSON.parse(readFileSync(join(project.dir, "out-planned", "manifest.json"), "utf8"));
    expect(manifest.phases.find((p: { id: string }) => p.id === "audit").status).toBe("planned");
    const graph = (await run("graph", "planned.plan.json")).out;
    expect(graph).toContain('audit["Audit (ISA)<br/>planned: not generated yet"]');
    expect(graph).toContain("class audit planned");
  });
});

describe("graph", () => {
  test("from a .synth or its plan, the same mermaid; dot on request", async () => {
    await run("compile", "quick.synth", "-o", "graph.plan.json");
    const fromSource = await run("graph", "quick.synth");
    expect(fromSource.out).toStartWith("flowchart TD\n");
    expect((await run("graph", "graph.plan.json")).out).toBe(fromSource.out);
    expect((await run("graph", "graph.plan.json", "--format", "dot")).out).toContain("initialize -> master_data;");
  });
});

describe("exit codes and internals", () => {
  test("every exit code is distinct", () => {
    const codes = Object.values(EXIT);
    expect(new Set(codes).size).toBe(codes.length);
  });

  test("an internal error is one line, the stack only with SYNTH_DEBUG=1", () => {
    let err = "";
    expect(reportInternalError(new Error("boom\nmore"), {}, (t) => void (err += t))).toBe(EXIT.internal);
    expect(err.split("\n")[0]).toBe("synth: internal error: boom");
    expect(err).not.toContain("    at ");
    err = "";
    reportInternalError(new Error("boom"), { SYNTH_DEBUG: "1" }, (t) => void (err += t));
    expect(err).toContain("    at ");
  });

  test("color: NO_COLOR wins, FORCE_COLOR forces, else only on a TTY", () => {
    expect(colorEnabled({}, true)).toBe(true);
    expect(colorEnabled({}, false)).toBe(false);
    expect(colorEnabled({ NO_COLOR: "1", FORCE_COLOR: "1" }, true)).toBe(false);
    expect(colorEnabled({ FORCE_COLOR: "1" }, false)).toBe(true);
    expect(colorEnabled({ FORCE_COLOR: "0" }, true)).toBe(false);
    expect(colorEnabled({ TERM: "dumb" }, true)).toBe(false);
  });
});
