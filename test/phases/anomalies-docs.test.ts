// docs/anomalies.md lists every type with its mutation and detection predicate, generated from
// the catalog (run `bun run phases/anomalies/docs.ts` after changing it); the README points there.
import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ANOMALY_CATALOG } from "../../phases/anomalies/catalog.ts";
import { DOC_PATH, renderDoc } from "../../phases/anomalies/docs.ts";

const doc = readFileSync(DOC_PATH, "utf8");

describe("docs/anomalies.md", () => {
  test("its generated sections are up to date", () => {
    expect(doc).toBe(renderDoc(doc));
  });

  test("every type is listed with its mutation and its detection predicate", () => {
    for (const t of ANOMALY_CATALOG) {
      const row = doc.split("\n").find((l) => l.startsWith(`| \`${t.id}\` |`));
      expect(row).toBeDefined();
      expect(row).toContain(t.mutation.replaceAll("|", "\\|"));
      expect(row).toContain(t.detection.replaceAll("|", "\\|"));
    }
  });

  test("the README points to it", () => {
    expect(readFileSync(join(import.meta.dir, "..", "..", "README.md"), "utf8")).toContain("docs/anomalies.md");
  });
});
