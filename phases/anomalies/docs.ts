// The generated part of docs/anomalies.md: every type with its mutation and detection
// predicate, from the catalog. Run `bun run phases/anomalies/docs.ts` after changing the
// catalog; test/phases/anomalies-docs.test.ts fails while the doc is stale.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ANOMALY_CATALOG, CATEGORIES } from "./catalog.ts";
import { PRESET_RATES, QUALITY_PRESETS } from "./params.ts";

const CARRIER: Record<string, string> = { entries: "standalone entries", procure_to_pay: "service purchases", dirty: "as-extracted copy", payroll: "payroll (hr)" };
const cell = (s: string) => s.replaceAll("|", "\\|");

/** One table per category: type, carrier, mutation, detection predicate, difficulty, what it breaks on purpose. */
export function typesSection(): string {
  const out: string[] = [];
  for (const cat of CATEGORIES) {
    const types = ANOMALY_CATALOG.filter((t) => t.category === cat);
    out.push(`### ${cat[0]!.toUpperCase()}${cat.slice(1)} (${types.length})`, "", "| Type | Carrier | Mutation | Detection predicate | Difficulty |", "|---|---|---|---|---|");
    for (const t of types) {
      const notes = [t.scheme ? "scheme" : "", t.pairs ? `two parts (${t.pairs === "next_period" ? "next period" : "partner company"})` : "", t.breaks ? `breaks \`${t.breaks.check}\` on purpose: ${t.breaks.why}` : "", t.reference ? `reference: ${t.reference}` : ""].filter(Boolean);
      out.push(`| \`${t.id}\` | ${CARRIER[t.carrier]} | ${cell(t.mutation)}${notes.length ? ` (${cell(notes.join("; "))})` : ""} | ${cell(t.detection)} | ${t.difficulty} |`);
    }
    out.push("");
  }
  return out.join("\n").trimEnd();
}

export function presetsSection(): string {
  const pct = (x: number) => `${Number((x * 100).toFixed(3))}%`;
  return ["| Preset | Missing values | Typos | Duplicates | Format variations | Encoding issues |", "|---|---|---|---|---|---|", ...QUALITY_PRESETS.map((p) => {
    const r = PRESET_RATES[p];
    return `| \`${p}\` | ${pct(r.missing)} | ${pct(r.typos)} | ${pct(r.duplicates)} | ${pct(2 * r.typos)} | ${pct(r.typos / 2)} |`;
  })].join("\n");
}

const SECTIONS: Record<string, () => string> = { types: typesSection, presets: presetsSection };

/** docs/anomalies.md with its generated sections filled in. */
export function renderDoc(text: string): string {
  return text.replace(/<!-- generated:(\w+) -->[\s\S]*?<!-- \/generated -->/g, (_, name: string) => `<!-- generated:${name} -->\n${SECTIONS[name]!()}\n<!-- /generated -->`);
}

export const DOC_PATH = join(import.meta.dir, "..", "..", "docs", "anomalies.md");

if (import.meta.main) {
  writeFileSync(DOC_PATH, renderDoc(readFileSync(DOC_PATH, "utf8")));
  console.log(`wrote ${DOC_PATH}`);
}
