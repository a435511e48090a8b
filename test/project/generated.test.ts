// Generated files stay generated: the phase registries match the folders under phases/, and
// the docs match the schemas (a stale file fails here, in CI, not in a user's hands).
import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { phaseFolders, registryFile, specsFile } from "../../scripts/gen-registry.ts";
import { outputs } from "../../scripts/gen-docs.ts";
import { generousTimeout } from "../setup.ts";

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
