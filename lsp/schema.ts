// The language's schema seen from a place in a file: which block the cursor is in, what its
// settings are, and what to say about each (type, unit, default, range, values, presets),
// worded as docs/settings.md words it (compiler/schema-docs.ts).
import type { z } from "zod";
import { LANGUAGE } from "../compiler/language.ts";
import { code, defaultText, defOf, elementOf, enumValues, isBlock, kindOf, literal, rangeText, sentence, shapeOf, typeName, type Schema } from "../compiler/schema-docs.ts";
import { metaOf, unwrap, type FieldMeta } from "../specs/fields.ts";
import { INDUSTRIES, type Industry } from "../specs/industries.ts";
import type { PhaseSpec } from "../specs/phase.ts";
import type { Frame } from "./scan.ts";

/** A block of the document: its schema and its dotted path (labels of fixed families included). */
export interface BlockAt {
  schema: z.ZodObject;
  path: string[];
  doc?: string;
}

/** The block the frames lead to, or undefined when a frame names nothing the language has. */
export function blockAt(frames: readonly Frame[]): BlockAt | undefined {
  let at: BlockAt = { schema: LANGUAGE.document, path: [] };
  for (const f of frames) {
    const next = childBlock(at, f);
    if (!next) return undefined;
    at = next;
  }
  return at;
}

function childBlock(at: BlockAt, f: Frame): BlockAt | undefined {
  const field = shapeOf(at.schema)[f.key];
  if (!field || !isBlock(field)) return undefined;
  const meta = metaOf(field);
  const inner = unwrap(field);
  if (meta.labelled === "keys") {
    const member = f.label === undefined ? undefined : shapeOf(inner as z.ZodObject)[f.label];
    return member ? { schema: unwrap(member) as z.ZodObject, path: [...at.path, f.key, f.label!], doc: metaOf(member).doc } : undefined;
  }
  if (meta.labelled === "record") {
    const item = defOf(inner).valueType as Schema;
    return { schema: unwrap(item) as z.ZodObject, path: [...at.path, f.key], doc: metaOf(item).doc ?? meta.doc };
  }
  return { schema: inner as z.ZodObject, path: [...at.path, f.key], doc: meta.doc };
}

/** A key of a block: its field (a currency key of fx takes the catch-all). */
export function fieldIn(block: BlockAt, key: string): Schema | undefined {
  const shape = shapeOf(block.schema);
  if (Object.hasOwn(shape, key)) return shape[key];
  const catchall = defOf(block.schema).catchall as Schema | undefined;
  return catchall && /^[A-Z]{3}$/.test(key) ? catchall : undefined;
}

/** The labels a labelled block family takes, when they are a fixed set (phase ids, process chains). */
export function fixedLabels(field: Schema): string[] | undefined {
  return metaOf(field).labelled === "keys" ? Object.keys(shapeOf(unwrap(field) as z.ZodObject)) : undefined;
}

export function familyMeta(field: Schema): FieldMeta {
  return metaOf(field);
}

/** The phase spec of an id, if the language has one. */
export function phaseSpec(id: string): PhaseSpec | undefined {
  return LANGUAGE.has(id) ? LANGUAGE.spec(id) : undefined;
}

// ------------------------------------------------------------------ descriptions (markdown)

/** What hover shows for a setting: the path, the type line, the meaning, values and presets. */
export function describeSetting(block: BlockAt, key: string, field: Schema): string {
  if (isBlock(field)) return describeBlockField(block, key, field);
  const meta = metaOf(field);
  const path = [...block.path, key].join(".");
  const facts = [`type ${typeName(field)}`, `default ${defaultText(field)}`];
  const range = rangeText(field);
  if (range) facts.push(`range ${range}`);
  const lines = [`**${key}** · \`${path}\``, "", facts.join(" · "), "", sentence(meta.doc)];
  const values = enumValues(field);
  if (values) lines.push("", `Values: ${values.map(code).join(", ")}`);
  const presets = presetLine(block.path, key, field);
  if (presets) lines.push("", presets);
  return lines.join("\n");
}

function describeBlockField(block: BlockAt, key: string, field: Schema): string {
  const meta = metaOf(field);
  const path = [...block.path, key].join(".");
  const lines = [`**${key} { }** · \`${path}\``, "", sentence(meta.doc)];
  const labels = fixedLabels(field);
  if (labels) lines.push("", `Labels: ${labels.map(code).join(", ")}`);
  else if (meta.labelled === "record") lines.push("", `Takes a label: the ${meta.labelNoun === "account" ? "account number" : `${meta.labelNoun ?? key} code`} (\`${key} <label> { }\`).`);
  const inner = meta.labelled ? undefined : (unwrap(field) as z.ZodObject);
  if (inner) lines.push("", `Settings: ${Object.keys(shapeOf(inner)).map(code).join(", ") || "none"}`);
  return lines.join("\n");
}

/** The industry presets of a setting, when any preset sets it. */
function presetLine(blockPath: string[], key: string, field: Schema): string | undefined {
  const cells: string[] = [];
  for (const industry of INDUSTRIES) {
    const v = presetValue(industry, [...blockPath, key]);
    if (v !== undefined) cells.push(`${industry} ${code(literal(v, field))}`);
  }
  return cells.length ? `Industry presets: ${cells.join(", ")}` : undefined;
}

function presetValue(industry: Industry, path: string[]): unknown {
  let v: unknown = LANGUAGE.presets(industry);
  for (const k of path) {
    if (typeof v !== "object" || v === null || Array.isArray(v)) return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

/** Hover for a phase label: title, stage, needs, default, whether it is generated, its tables. */
export function describePhase(spec: PhaseSpec): string {
  const tables = spec.tables.map((t) => code(t.name)).join(", ");
  return [
    `**phase ${spec.id}** · ${spec.title}`,
    "",
    `stage ${spec.stage} · needs ${spec.needs.map(code).join(", ") || "nothing"}${spec.after?.length ? ` · after ${spec.after.map(code).join(", ")}` : ""}`,
    `on by default: ${spec.defaultEnabled ? "yes" : "no"} · ${spec.steps.length ? "generated" : "planned: the runtime does not generate it yet (SYN3014)"}`,
    "",
    tables ? `Writes ${tables}` : "Writes no tables yet.",
    "",
    `Settings: ${Object.keys(spec.params.shape).map(code).join(", ") || "none of its own"} (and \`enabled\`, \`after\`)`,
  ].join("\n");
}

/** Hover for a value: which setting it belongs to, and for an enum value that it is one. */
export function describeValue(block: BlockAt, key: string, field: Schema, value: string): string {
  const values = enumValues(field);
  const head = values?.includes(value) ? `\`${value}\`: a value of **${key}**` : `value of **${key}**`;
  return [head, "", describeSetting(block, key, field)].join("\n");
}

/** A completion's short label detail: the type and default. */
export function settingDetail(field: Schema): string {
  if (isBlock(field)) return "block";
  const d = defaultText(field).replaceAll("`", "");
  return `${typeName(field).replaceAll("`", "")}${d && d !== "—" ? ` = ${d}` : ""}`;
}

/** Items a value of this field may be written as, for completion: words and the default. */
export function valueWords(field: Schema): string[] {
  const kind = kindOf(field);
  const target = kind === "list" ? elementOf(field) : field;
  const k = kindOf(target);
  const words = enumValues(field) ?? [];
  if (k === "bool") words.push("true", "false");
  if (k.startsWith("auto-")) words.push("auto");
  return words;
}

export { kindOf, isBlock, literal, defaultText, metaOf, unwrap };
