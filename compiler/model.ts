// Raw document -> checked model: industry preset under the user's settings, then zod fills
// defaults and checks ranges. zod's issues become positioned diagnostics.
import type { z } from "zod";
import type { ScenarioDocument } from "../specs/scenario.ts";
import { INDUSTRIES, type Industry } from "../specs/industries.ts";
import type { Language } from "./language.ts";
import { metaOf, unwrap } from "../specs/fields.ts";
import { fileSpan, type DiagnosticBag } from "../core/diagnostics.ts";
import type { Converted, Raw, SpanIndex } from "./convert.ts";
import { formatBytes, formatCount, formatDuration, formatMoney, formatPercent } from "../specs/units.ts";

export interface Model {
  /** The language (phases) this model was read with. */
  language: Language;
  doc: ScenarioDocument;
  spans: SpanIndex;
  /** Phases the scenario wrote a block for (enablement follows the block). */
  explicitPhases: Set<string>;
  /** Parameters of every phase by id, presets and defaults filled in. */
  params: Record<string, Record<string, unknown>>;
  /** The root file, for diagnostics without a better place. */
  rootFile: string;
  /** The --scale factor volumes were multiplied by (1: as written). */
  volumeScale?: number;
}

export function resolveModel(converted: Converted, diags: DiagnosticBag, language: Language, rootFile = "main.synth"): Model | undefined {
  const raw = converted.raw;
  const explicitPhases = new Set(Object.keys((raw.phase as Raw | undefined) ?? {}));
  const industry = industryOf(raw);
  const merged = mergeUnder(language.presets(industry), raw) as Raw;
  // Presets carry parameters, not enablement: only blocks the user opened become phases.
  const phases = (merged.phase as Raw | undefined) ?? {};
  merged.phase = Object.fromEntries(Object.entries(phases).filter(([id]) => explicitPhases.has(id)));
  const parsed = parseReporting(language, merged, converted.spans, diags, rootFile);
  if (!parsed) return undefined;
  const doc = parsed.data as ScenarioDocument;
  const params: Model["params"] = {};
  for (const spec of language.specs) {
    params[spec.id] = doc.phase[spec.id] ?? (spec.params.parse((phases as Raw)[spec.id] ?? {}) as Record<string, unknown>);
  }
  return { language, doc, spans: converted.spans, explicitPhases, params, rootFile };
}



/**
 * Parses with zod; on issues, reports them, drops the offending settings (defaults take their
 * place) and parses again, so later checks still run and one compile shows every error.
 */
function parseReporting(language: Language, merged: Raw, spans: SpanIndex, diags: DiagnosticBag, rootFile: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const parsed = language.document.safeParse(merged);
    if (parsed.success) return { success: true as const, data: parsed.data };
    // Report every issue of this round before giving up on one that cannot be dropped.
    let stuck = false;
    const dropped = new Set<string>();
    for (const issue of parsed.error.issues) {
      reportIssue(language, issue, spans, diags, rootFile);
      const at = writtenPrefix(issue.path, spans);
      if (dropped.has(at.join("."))) continue;
      if (dropAt(merged, at)) dropped.add(at.join("."));
      else stuck = true;
    }
    if (stuck) return undefined;
  }
  return undefined;
}

/** The longest prefix of path the user wrote (a setting or a labelled block): what to drop. */
function writtenPrefix(path: PropertyKey[], spans: SpanIndex): PropertyKey[] {
  for (let n = path.length; n > 0; n--) if (spans.get(path.slice(0, n).map(String))) return path.slice(0, n);
  return path;
}

/** Removes the setting at path (or its list) so its default applies; false if nothing to drop. */
function dropAt(root: Raw, path: PropertyKey[]): boolean {
  const keys = path.filter((k) => typeof k === "string") as string[];
  let node: unknown = root;
  for (const k of keys.slice(0, -1)) node = isPlainObject(node) ? node[k] : undefined;
  const last = keys[keys.length - 1];
  if (!isPlainObject(node) || last === undefined || !Object.hasOwn(node, last)) return false;
  delete node[last];
  return true;
}

function industryOf(raw: Raw): Industry {
  const v = (raw.scenario as Raw | undefined)?.industry;
  return (INDUSTRIES as readonly unknown[]).includes(v) ? (v as Industry) : "manufacturing";
}

/** Deep merge: objects merge, everything else (arrays included) from `over` wins. */
export function mergeUnder(under: unknown, over: unknown): unknown {
  if (!isPlainObject(under) || !isPlainObject(over)) return over === undefined ? under : over;
  const out: Raw = { ...under };
  for (const [k, v] of Object.entries(over)) out[k] = mergeUnder(under[k], v);
  return out;
}

function isPlainObject(v: unknown): v is Raw {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

const WHOLE_UNITS = new Set(["count", "duration", "bytes", "auto-or-count", "auto-or-bytes"]);

function reportIssue(language: Language, issue: z.core.$ZodIssue, spans: SpanIndex, diags: DiagnosticBag, rootFile: string): void {
  const path = issue.path.map(String);
  const span = spans.nearest(path) ?? fileSpan(rootFile);
  const name = path.join(".") || "scenario";
  const field = fieldAt(language, path);
  // A setting nobody wrote: a missing enum is "invalid_value", a missing string "invalid_type".
  if ((issue.code === "invalid_type" || issue.code === "invalid_value") && spans.get(path) === undefined) {
    const key = path[path.length - 1] ?? "value";
    diags.report("SYN3004", `missing required setting "${key}" in ${path.slice(0, -1).join(".")}`, span, `add ${key} = ...`);
  } else if (issue.code === "too_big" || issue.code === "too_small") {
    const i = issue as { maximum?: unknown; minimum?: unknown; inclusive?: boolean };
    const isArray = issue.origin === "array";
    // zod's "positive" is an exclusive 0; for whole numbers that reads better as "at least 1".
    const whole = isArray || WHOLE_UNITS.has(field ? (metaOf(field).unit ?? "") : "");
    const exclusive = i.inclusive === false;
    const exclusiveStep = exclusive && whole ? (issue.code === "too_big" ? -1 : 1) : 0;
    const limit = Number(i.maximum ?? i.minimum) + exclusiveStep;
    const strict = exclusive && !whole;
    const bound = issue.code === "too_big" ? (strict ? "less than" : "at most") : strict ? "more than" : "at least";
    const shown = isArray ? `${limit} item${limit === 1 ? "" : "s"}` : formatLimit(field, limit);
    diags.report("SYN3002", `${name} must be ${bound} ${shown}`, span);
  } else if (issue.code === "custom" && (issue.params as { synth?: string } | undefined)?.synth === "range") {
    diags.report("SYN3002", `${name} ${issue.message}`, span);
  } else if (issue.code === "custom" && (issue.params as { synth?: string } | undefined)?.synth === "unknown") {
    diags.report("SYN2006", `${name}: ${issue.message}`, span, (issue.params as { hint?: string }).hint);
  } else {
    diags.report("SYN3003", `${name}: ${lowerFirst(issue.message)}`, span);
  }
}

/** zod's "Invalid input" reads "invalid input" mid-sentence; "ISO" stays "ISO". */
function lowerFirst(text: string): string {
  return text.replace(/^[A-Z](?![A-Z])/, (c) => c.toLowerCase());
}

/** The schema of the setting at `path`, for unit-aware messages. */
function fieldAt(language: Language, path: string[]): z.ZodType | undefined {
  let s: z.ZodType | undefined = language.document;
  for (const key of path) {
    if (!s) return undefined;
    const inner: z.ZodType = unwrap(s);
    const def = inner.def as { type: string; shape?: Record<string, z.ZodType>; valueType?: z.ZodType; element?: z.ZodType; catchall?: z.ZodType };
    if (def.type === "object") s = (inner as z.ZodObject).shape[key] ?? def.catchall;
    else if (def.type === "record") s = def.valueType;
    else if (def.type === "array") s = def.element;
    else return undefined;
  }
  return s;
}

function formatLimit(field: z.ZodType | undefined, n: number): string {
  switch (field && metaOf(field).unit) {
    case "percent":
      return formatPercent(n);
    case "bytes":
      return formatBytes(n);
    case "count":
      return formatCount(n);
    case "duration":
      return formatDuration(n);
    case "money":
      return formatMoney(n);
    default:
      return String(n);
  }
}
