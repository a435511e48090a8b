// journal_entries.document_type: the codes the data dictionary lists are exactly the codes the
// generators write, and the record schema refuses any other.
import { describe, expect, test } from "bun:test";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { DOCUMENT_TYPES, journalEntries } from "../../specs/records/ledger.ts";

const ROOT = join(import.meta.dir, "..", "..");

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const rel = join(dir, name);
    return statSync(join(ROOT, rel)).isDirectory() ? sources(rel) : rel.endsWith(".ts") ? [rel] : [];
  });
}

/**
 * The document types written by the code that writes journal entries: `docType: "RV"` (also
 * behind a condition: `docType: x ? "AB" : ...`) and the close's `header(..., "AF", ...)`.
 * Once the writers take their codes from DOCUMENT_TYPES, these literals disappear.
 */
function writtenCodes(): Set<string> {
  const found = new Set<string>();
  for (const file of [...sources("phases"), ...sources("ledger")]) {
    const text = readFileSync(join(ROOT, file), "utf8");
    for (const m of text.matchAll(/docType:\s*(?:[^,\n]*?\?\s*)?"([A-Z]{2})"/g)) found.add(m[1]!);
    for (const m of text.matchAll(/header\([^;\n]*?,\s*"([A-Z]{2})",/g)) found.add(m[1]!);
  }
  return found;
}

describe("document types", () => {
  test("the list is exactly what the generators write", () => {
    expect([...writtenCodes()].sort()).toEqual(Object.keys(DOCUMENT_TYPES).sort());
  });

  test("the data dictionary describes each code, and the record schema accepts no other", () => {
    const col = journalEntries.columns.find((c) => c.name === "document_type")!;
    for (const [code, meaning] of Object.entries(DOCUMENT_TYPES)) expect(col.doc).toContain(`${code} ${meaning}`);
    expect(col.doc).not.toMatch(/\bK[RZ]\b/);
    const shape = journalEntries.schema.shape as Record<string, { safeParse(v: unknown): { success: boolean } }>;
    expect(shape.document_type!.safeParse("RV").success).toBe(true);
    expect(shape.document_type!.safeParse("KR").success).toBe(false);
  });
});
