// Generated files stay generated: the phase registries match the folders under phases/, and
// the docs match the schemas (a stale file fails here, in CI, not in a user's hands).
import { describe, expect, test } from "bun:test";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { phaseFolders, registryFile, specsFile } from "../../scripts/gen-registry.ts";
import { outputs } from "../../scripts/gen-docs.ts";
import { generousTimeout } from "../setup.ts";
import { runIn } from "../cli/helpers.ts";
import { formatSynth } from "../../compiler/format.ts";
import { compile } from "../../compiler/compile.ts";
import { fsHost } from "../../compiler/project.ts";
import { meaningHash } from "../helpers/plans.ts";
import vm from "node:vm";
import { parser } from "../../grammar/parser.ts";

generousTimeout();

const ROOT = join(import.meta.dir, "..", "..");

describe("generated files are up to date", () => {
  test("phases/specs.ts and phases/registry.ts list every phase folder (run `bun run registry`)", () => {
    const ids = phaseFolders();
    expect(readFileSync(join(ROOT, "phases", "specs.ts"), "utf8")).toBe(specsFile(ids));
    expect(readFileSync(join(ROOT, "phases", "registry.ts"), "utf8")).toBe(registryFile(ids));
  });

  test("docs/ matches the schemas, the grammar and the registry (run `bun run docs`)", () => {
    for (const [name, text] of outputs()) expect({ name, text: readFileSync(join(ROOT, "docs", name), "utf8") }).toEqual({ name, text });
  });
});

describe("docs/grammar.html works offline", () => {
  test("it loads nothing from the network, and its own scripts draw one diagram per grammar rule", () => {
    const html = readFileSync(join(ROOT, "docs", "grammar.html"), "utf8");
    expect(html).not.toMatch(/(src|href)\s*=\s*['"]?(https?:)?\/\//);
    // Run the page's inline scripts against a minimal DOM: no network, no browser.
    const div = { innerHTML: "" };
    const el = () => ({ setAttribute() {}, appendChild() {}, addEventListener() {}, classList: { add() {}, remove() {}, toggle() {} }, style: {} });
    const none = () => [];
    const document = { getElementById: (id: string) => (id === "diagrams" ? div : null), getElementsByClassName: none, getElementsByTagName: none, querySelectorAll: none, createElementNS: el, createElement: el };
    const cx: Record<string, unknown> = { document };
    cx.window = cx;
    vm.createContext(cx);
    for (const [, script] of html.matchAll(/<script>([\s\S]*?)<\/script>/g)) vm.runInContext(script!, cx);
    const rules = parser.getSerializedGastProductions().map((r) => (r as unknown as { name: string }).name);
    expect(div.innerHTML.match(/<svg class="railroad-diagram"/g)?.length).toBe(rules.length);
    for (const rule of rules) expect(div.innerHTML).toContain(`<h2 class="diagramHeader">${rule}</h2>`);
  });
});

describe("the README's `synth fmt --check examples/*.synth`", () => {
  const files = [...readdirSync(join(ROOT, "examples")).filter((f) => f.endsWith(".synth")).map((f) => `examples/${f}`), "examples/shared/chart-of-accounts.synth"];

  test("runs on every example: each is formatted idempotently, to the same meaning, and reported by name", async () => {
    for (const file of files) {
      const text = readFileSync(join(ROOT, file), "utf8");
      const once = formatSynth(text, { path: file });
      expect(once.diagnostics).toEqual([]);
      expect(formatSynth(once.text, { path: file }).text).toBe(once.text);
      if (file.includes("/shared/")) continue;
      const plan = (t: string) => compile(t, { path: file, host: fsHost(ROOT) }).plan!;
      expect(meaningHash(plan(once.text))).toBe(meaningHash(plan(text)));
    }
    const r = await runIn(ROOT, "fmt", "--check", ...files);
    // Only "not formatted" lines, never a crash or a syntax error.
    for (const line of r.err.split("\n").filter(Boolean)) expect(line).toMatch(/^examples\/\S+\.synth: not formatted \(run synth fmt --write examples\/\S+\.synth\)$/);
  });

  test("exits 0: every example is formatted", async () => {
    expect((await runIn(ROOT, "fmt", "--check", ...files)).code).toBe(0);
  });
});
