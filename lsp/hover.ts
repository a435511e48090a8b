// Hover: documentation of the setting, block, phase, value or constant under the cursor, from
// the schema (type, unit, default, range, presets) and the parsed files (constants, imports).
import * as T from "../grammar/tokens.ts";
import type { ConstNode } from "../compiler/ast.ts";
import { CURRENCIES } from "../specs/currencies.ts";
import { parseQuantity, formatPercent, formatBytes, formatMoney } from "../specs/units.ts";
import type { Unit } from "../specs/fields.ts";
import { importTarget, type Analysis } from "./analysis.ts";
import { blockAt, describePhase, describeSetting, describeValue, fieldIn, kindOf, phaseSpec } from "./schema.ts";
import { scan, tokenAt, type Scanned } from "./scan.ts";
import { elementOf, type Schema } from "../compiler/schema-docs.ts";

const KEYWORDS: Record<string, string> = {
  import: '**import** `"path.synth"`: reads another file of the project (relative to this one); its blocks merge with this file\'s.',
  const: "**const** `NAME = value`: a named value, usable as a setting's value, a list item, a range end or a rate's amount.",
  per: "**per**: a rate, `<count> per day | week | month | quarter | year`; the compiler turns it into a total for the scenario's months.",
};

export function hoverAt(text: string, offset: number, a: Analysis): string | undefined {
  const s = tokenAt(scan(text), offset);
  if (!s) return undefined;
  switch (s.role) {
    case "keyword":
      return KEYWORDS[s.token.image];
    case "import":
      return importHover(s, a);
    case "constName":
      return constHover(s.token.image, a);
    case "settingKey":
    case "blockKey":
      return keyHover(s);
    case "label":
      return labelHover(s);
    case "value":
      return valueHover(s, a);
    default:
      return undefined;
  }
}

function keyHover(s: Scanned): string | undefined {
  const block = blockAt(s.frames);
  const field = block && fieldIn(block, s.key!);
  return block && field ? describeSetting(block, s.key!, field) : undefined;
}

function labelHover(s: Scanned): string | undefined {
  const label = s.token.tokenType === T.StringLit ? s.token.image.slice(1, -1) : s.token.image;
  if (s.key === "phase") {
    const spec = phaseSpec(label);
    return spec ? describePhase(spec) : undefined;
  }
  const block = blockAt([...s.frames, { key: s.key!, label }]);
  if (!block) return undefined;
  const parent = blockAt(s.frames)!;
  const head = s.key === "company" ? `company **${label}**: the company code, on every record of the company` : s.key === "account" ? `account **${label}**: the account number` : undefined;
  const doc = describeSetting(parent, s.key!, fieldIn(parent, s.key!)!);
  return head ? `${head}\n\n${doc}` : (block.doc ? `**${s.key} ${label}**: ${block.doc}\n\n${doc}` : doc);
}

function valueHover(s: Scanned, a: Analysis): string | undefined {
  const image = s.token.image;
  const constant = constants(a).get(image);
  if (constant && (s.token.tokenType === T.Identifier || s.token.tokenType === T.CurrencyCode)) return constHover(image, a);
  if (s.key === undefined) return undefined;
  const block = blockAt(s.frames);
  const field = block && fieldIn(block, s.key);
  if (!block || !field) return undefined;
  if (s.key === "after" && phaseSpec(image)) return describePhase(phaseSpec(image)!);
  const extra: string[] = [];
  if (s.token.tokenType === T.CurrencyCode && CURRENCIES[image]) extra.push(`\`${image}\`: ${CURRENCIES[image]!.name}, ${CURRENCIES[image]!.digits} minor digits`);
  if (s.token.tokenType === T.Quantity) {
    const meaning = quantityMeaning(image, field);
    if (meaning) extra.push(meaning);
  }
  const doc = describeValue(block, s.key, field, image);
  return extra.length ? `${extra.join("\n\n")}\n\n${doc}` : doc;
}

/** `10k` = 10,000; `3mo` = 90 days; `12%` = 0.12: what the compiler reads the literal as. */
function quantityMeaning(image: string, field: Schema): string | undefined {
  const kind = kindOf(field);
  const unit = (kind === "list" ? kindOf(elementOf(field)) : kind === "rate" ? "count" : kind === "range" ? undefined : kind) as Unit | undefined;
  if (!unit) return undefined;
  const m = /^([\d_]+(?:\.[\d_]+)?)(.*)$/.exec(image);
  if (!m) return undefined;
  const r = parseQuantity(unit, { digits: m[1]!.replaceAll("_", ""), suffix: m[2]!, negative: false });
  if (!r.ok) return `\`${image}\`: ${r.message}${r.hint ? ` (${r.hint})` : ""}`;
  const v = r.value;
  const shown: Partial<Record<Unit, () => string>> = {
    count: () => (v as number).toLocaleString("en-US"),
    "auto-or-count": () => (v as number).toLocaleString("en-US"),
    percent: () => `${v} (${formatPercent(v as number)})`,
    duration: () => `${v} days`,
    bytes: () => `${(v as number).toLocaleString("en-US")} bytes (${formatBytes(v as number)})`,
    "auto-or-bytes": () => `${(v as number).toLocaleString("en-US")} bytes`,
    money: () => `${formatMoney((v as { minor: number }).minor)} (in the company's currency)`,
    multiplier: () => `×${v}`,
  };
  const text = shown[unit]?.();
  return text ? `\`${image}\` = ${text}` : undefined;
}

/** Every constant of the document and its imports, by name. */
export function constants(a: Analysis): Map<string, ConstNode> {
  const out = new Map<string, ConstNode>();
  for (const f of a.files) for (const c of f.consts) if (!out.has(c.name)) out.set(c.name, c);
  return out;
}

function constHover(name: string, a: Analysis): string | undefined {
  const c = constants(a).get(name);
  if (!c) return undefined;
  const text = a.texts.get(c.span.file)?.slice(c.value.span.start.offset, c.value.span.end.offset) ?? "";
  const uses = a.files.reduce((n, f) => n + scan(a.texts.get(f.path) ?? "").filter((t) => t.role === "value" && t.token.image === name).length, 0);
  return [
    "```synth",
    `const ${name} = ${text}`,
    "```",
    `declared at ${c.nameSpan.file}:${c.nameSpan.start.line}:${c.nameSpan.start.column}; checked where it is used, against that setting's unit (${uses} use${uses === 1 ? "" : "s"} in this scenario's files)`,
  ].join("\n");
}

function importHover(s: Scanned, a: Analysis): string {
  const path = s.token.image.slice(1, -1);
  const target = importTarget(a.path, path);
  const found = a.texts.has(target);
  return `**import** \`${target}\` (project-relative)${found ? "" : ": not found"}`;
}
