// Completion: the keys a block takes (settings and nested blocks, phase and process names),
// the values a setting takes (enum values, booleans, auto, currencies, countries, its default),
// constants wherever a value goes, company codes after `company`, periods after `per`.
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem } from "vscode-languageserver/node";
import { RATE_PERIODS } from "../specs/fields.ts";
import { CURRENCIES } from "../specs/currencies.ts";
import { ISO_COUNTRIES } from "../specs/countries.ts";
import { defOf, elementOf, shapeOf, type Schema } from "../compiler/schema-docs.ts";
import type { Analysis } from "./analysis.ts";
import { constants } from "./hover.ts";
import { blockAt, describePhase, describeSetting, fieldIn, fixedLabels, isBlock, kindOf, literal, metaOf, phaseSpec, settingDetail, unwrap, valueWords, type BlockAt } from "./schema.ts";
import { contextAt, scan, type Frame } from "./scan.ts";
import * as T from "../grammar/tokens.ts";

const md = (value: string) => ({ kind: MarkupKind.Markdown, value });

export function completionAt(text: string, offset: number, a: Analysis, trigger?: string): CompletionItem[] {
  const { state } = contextAt(text, offset);
  const block = blockAt(state.frames);
  switch (state.state) {
    case "entry":
    case "importPath":
      return trigger === " " || trigger === "=" || !block ? [] : keyItems(block, state.frames, text);
    case "afterKey":
      return labelItems(block, state.key!, a);
    case "per":
      return RATE_PERIODS.map((p) => ({ label: p, kind: CompletionItemKind.EnumMember }));
    case "constName":
      return [];
    case "constEq":
    case "value":
      return valueItems(block, state.key, state.listDepth > 0, a);
    case "valueDone": {
      const field = block && state.key !== undefined ? fieldIn(block, state.key) : undefined;
      if (field && kindOf(field) === "rate" && state.last?.token.tokenType === T.Quantity) {
        return RATE_PERIODS.map((p, i) => ({ label: `per ${p}`, kind: CompletionItemKind.Keyword, sortText: String(i) }));
      }
      return trigger === " " || trigger === "=" || !block ? [] : keyItems(block, state.frames, text);
    }
  }
}

/** Keys of the block at the cursor, except settings it already sets (a second one is SYN2005). */
function keyItems(block: BlockAt, frames: Frame[], text: string): CompletionItem[] {
  const here = frames.map((f) => `${f.key}:${f.label ?? ""}`).join("/");
  const written = new Set(scan(text).filter((s) => s.role === "settingKey" && s.frames.map((f) => `${f.key}:${f.label ?? ""}`).join("/") === here).map((s) => s.key!));
  const items: CompletionItem[] = [];
  for (const [key, field] of Object.entries(shapeOf(block.schema))) {
    if (!isBlock(field)) {
      if (!written.has(key)) items.push(settingItem(block, key, field));
      continue;
    }
    const labels = fixedLabels(field);
    if (labels) items.push(...labels.map((label) => familyItem(block, key, field, label)));
    else if (metaOf(field).labelled === "record") items.push(snippet(key, `${key} \${1:${metaOf(field).labelNoun === "account" ? "NUMBER" : "CODE"}} {\n\t$0\n}`, describeSetting(block, key, field)));
    else items.push(snippet(key, `${key} {\n\t$0\n}`, describeSetting(block, key, field)));
  }
  if (defOf(block.schema).catchall) {
    for (const [c, info] of Object.entries(CURRENCIES)) if (!written.has(c)) items.push({ label: c, kind: CompletionItemKind.Constant, detail: `${info.name}: units of group currency per ${c}`, insertText: `${c} = ` });
  }
  if (frames.length === 0) {
    items.push(snippet("import", 'import "${1:shared/file.synth}"', "Reads another file of the project; its blocks merge with this file's."));
    items.push(snippet("const", "const ${1:NAME} = ${0}", "A named value, usable wherever a value goes."));
  }
  return items;
}

function settingItem(block: BlockAt, key: string, field: Schema): CompletionItem {
  return { label: key, kind: CompletionItemKind.Property, detail: settingDetail(field), documentation: md(describeSetting(block, key, field)), insertText: `${key} = ` };
}

function familyItem(block: BlockAt, key: string, field: Schema, label: string): CompletionItem {
  const spec = key === "phase" ? phaseSpec(label) : undefined;
  const doc = spec ? describePhase(spec) : describeSetting(block, key, field);
  return { ...snippet(`${key} ${label}`, `${key} ${label} {\n\t$0\n}`, doc), kind: CompletionItemKind.Module, filterText: `${key} ${label}` };
}

function snippet(label: string, body: string, doc: string): CompletionItem {
  return { label, kind: CompletionItemKind.Struct, insertText: body, insertTextFormat: InsertTextFormat.Snippet, documentation: md(doc) };
}

/** After `phase `, `process `, `company `: the labels it takes. */
function labelItems(block: BlockAt | undefined, key: string, a: Analysis): CompletionItem[] {
  const field = block && fieldIn(block, key);
  if (!field || !isBlock(field)) return [];
  const labels = fixedLabels(field);
  if (labels) {
    return labels.map((label) => {
      const spec = key === "phase" ? phaseSpec(label) : undefined;
      const doc = spec ? describePhase(spec) : (metaOf(shapeOf(unwrap(field) as never)[label] ?? field).doc ?? "");
      return { label, kind: CompletionItemKind.EnumMember, detail: spec ? `${spec.title}${spec.steps.length ? "" : " (planned)"}` : undefined, documentation: md(doc) };
    });
  }
  // company / account: the codes the scenario already has (to reopen the block, e.g. in another file)
  const codes = new Set<string>();
  for (const f of a.files) for (const s of scan(a.texts.get(f.path) ?? "")) if (s.role === "label" && s.key === key) codes.add(s.token.image.replace(/^"|"$/g, ""));
  return [...codes].sort().map((c) => ({ label: c, kind: CompletionItemKind.Value, detail: `existing ${key}` }));
}

/** Values of the setting being written; constants everywhere a value goes. */
function valueItems(block: BlockAt | undefined, key: string | undefined, inList: boolean, a: Analysis): CompletionItem[] {
  const items: CompletionItem[] = [];
  const field = block && key !== undefined ? fieldIn(block, key) : undefined;
  if (field && block) {
    const kind = kindOf(field);
    const doc = md(describeSetting(block, key!, field));
    for (const w of valueWords(field)) items.push({ label: w, kind: CompletionItemKind.EnumMember, documentation: doc });
    const unit = kind === "list" ? kindOf(elementOf(field)) : kind;
    if (unit === "currency") for (const [c, info] of Object.entries(CURRENCIES)) items.push({ label: c, kind: CompletionItemKind.Constant, detail: info.name });
    if (key === "country") for (const c of [...ISO_COUNTRIES].sort()) items.push({ label: c, kind: CompletionItemKind.Constant });
    const def = defaultOf(field);
    if (def !== undefined && !inList) items.push({ label: literal(def, field), kind: CompletionItemKind.Value, detail: "default", documentation: doc, sortText: "~" });
  }
  for (const [name, c] of constants(a)) {
    const text = a.texts.get(c.span.file)?.slice(c.value.span.start.offset, c.value.span.end.offset);
    items.push({ label: name, kind: CompletionItemKind.Constant, detail: text ? `const ${name} = ${text}` : undefined });
  }
  return items;
}

function defaultOf(field: Schema): unknown {
  const def = defOf(field);
  if (def.type !== "default") return undefined;
  const raw = def.defaultValue;
  return typeof raw === "function" ? (raw as () => unknown)() : raw;
}
