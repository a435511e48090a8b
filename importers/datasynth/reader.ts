// Reading a datasynth YAML config key by key. Every key a section handler reads is marked as
// consumed; when the handler is done, `finish` reports each key it did not read: a key of the
// datasynth format with no synth equivalent (SYN5001, with the reason) or a key that is not part
// of the format at all (SYN5002: datasynth's serde skips unknown keys without a word, synth says
// so). Nothing is dropped silently.
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair, type YAMLMap } from "yaml";
import { suggest, type Diagnostic, type DiagnosticCode, type Severity } from "../../core/diagnostics.ts";
import { DATASYNTH_KEYS } from "./schema-keys.ts";

export class ImportContext {
  readonly diagnostics: Diagnostic[] = [];
  constructor(
    readonly file: string,
    readonly lines: LineCounter,
    readonly doc: Document,
  ) {}

  at(code: DiagnosticCode, severity: Severity, message: string, node: Node | Pair["key"] | null | undefined, hint?: string): void {
    const range = (node as Node | null | undefined)?.range ?? [0, 0, 0];
    const start = this.lines.linePos(range[0]);
    const end = this.lines.linePos(range[1]);
    this.diagnostics.push({
      code,
      severity,
      message,
      span: { file: this.file, start: { line: start.line, column: start.col, offset: range[0] }, end: { line: end.line, column: end.col, offset: range[1] } },
      ...(hint ? { hint } : {}),
    });
  }
}

/** Reasons for keys with no synth equivalent, by YAML path (`section.key`, list items as `section`). */
export type Reasons = Readonly<Record<string, string>>;

/**
 * Keys that datasynth's own templates write but its schema does not have (serde ignores them, so
 * datasynth silently generates its defaults instead): the import reads them as the schema key
 * their name stands for, with a warning (SYN5002). Keyed by schema path and key.
 */
export const ALIASES: Readonly<Record<string, readonly string[]>> = {
  "master_data.vendors.count": ["count_per_company"],
  "master_data.customers.count": ["count_per_company"],
  "master_data.materials.count": ["count_per_company"],
  "master_data.fixed_assets.count": ["count_per_company"],
  "master_data.employees.count": ["count_per_company"],
  "master_data.cost_centers.count": ["count_per_company"],
  "intercompany.ic_transaction_rate": ["transaction_rate"],
  "intercompany.transaction_type_distribution": ["ic_types"],
  "intercompany.generate_matched_pairs": ["matching_enabled"],
  "intercompany.generate_eliminations": ["elimination_enabled"],
  "balance.generate_trial_balances": ["trial_balance_enabled"],
  "balance.reconcile_subledgers": ["reconciliation_enabled"],
  "document_flows.p2p.payment_behavior.late_payment_rate": ["late_rate"],
};

export class Section {
  private readonly consumed = new Set<string>();
  private readonly warned = new Set<string>();

  constructor(
    readonly cx: ImportContext,
    /** YAML path for messages: `companies[1]`, `document_flows.p2p`. */
    readonly path: string,
    readonly map: YAMLMap,
    /** Path in DATASYNTH_KEYS (list items share their list's entry). */
    readonly schemaPath: string,
    readonly reasons: Reasons,
    /** The key this section is the value of (for diagnostics about the whole section). */
    readonly self?: Node,
  ) {}

  private pair(key: string): Pair | undefined {
    const find = (k: string) => this.map.items.find((p) => isScalar(p.key) && String(p.key.value) === k) as Pair | undefined;
    const direct = find(key);
    if (direct) return direct;
    for (const alias of ALIASES[`${this.schemaPath}.${key}`] ?? []) {
      const p = find(alias);
      if (p) return p;
    }
    return undefined;
  }

  /**
   * A key that is not in the datasynth format but whose meaning is plain (`chains_per_month`):
   * read it, consumed, with a SYN5002 warning saying what it is imported as.
   */
  extra(key: string, importedAs: string): unknown {
    const p = this.map.items.find((q) => isScalar(q.key) && String(q.key.value) === key);
    if (!p) return undefined;
    this.consumed.add(key);
    this.cx.at("SYN5002", "warning", `${this.where(key)} is not a key of the datasynth format (datasynth ignores it); imported as ${importedAs}, as its name says`, p.key as Node);
    return isScalar(p.value) ? p.value.value : undefined;
  }

  keyNode(key: string): Node | undefined {
    return this.pair(key)?.key as Node | undefined;
  }

  has(key: string): boolean {
    return this.pair(key) !== undefined;
  }

  /** The value node of `key`, marking it consumed. */
  node(key: string): Node | undefined {
    const p = this.pair(key);
    if (!p) return undefined;
    const actual = String((p.key as { value: unknown }).value);
    this.consumed.add(actual);
    if (actual !== key && !this.warned.has(actual)) {
      this.warned.add(actual);
      this.cx.at("SYN5002", "warning", `${this.where(actual)} is not a key of the datasynth format (datasynth ignores it); imported as ${key}, as its name says`, p.key as Node);
    }
    // `*anchor` aliases read as the node they point at
    const v = isAlias(p.value) ? (p.value.resolve(this.cx.doc) as Node | undefined) : p.value;
    return (v ?? undefined) as Node | undefined;
  }

  /** The plain value of a scalar, or undefined (with an error) when it is a list or map. */
  scalar(key: string): unknown {
    const n = this.node(key);
    if (n === undefined) return undefined;
    if (!isScalar(n)) {
      this.cx.at("SYN5004", "error", `${this.where(key)} must be a single value, not a ${isSeq(n) ? "list" : "map"}`, n);
      return undefined;
    }
    return n.value;
  }

  num(key: string, range?: { min?: number; max?: number }): number | undefined {
    const v = this.scalar(key);
    if (v === undefined || v === null) return undefined;
    if (typeof v !== "number" || !Number.isFinite(v)) {
      this.cx.at("SYN5004", "error", `${this.where(key)} must be a number, got ${JSON.stringify(v)}`, this.pair(key)?.value as Node);
      return undefined;
    }
    if ((range?.min !== undefined && v < range.min) || (range?.max !== undefined && v > range.max)) {
      this.cx.at("SYN5004", "error", `${this.where(key)} must be between ${range.min ?? "-inf"} and ${range.max ?? "inf"}, got ${v}`, this.pair(key)?.value as Node);
      return undefined;
    }
    return v;
  }

  /** A share 0..1 (datasynth writes rates as fractions). */
  share(key: string): number | undefined {
    return this.num(key, { min: 0, max: 1 });
  }

  bool(key: string): boolean | undefined {
    const v = this.scalar(key);
    if (v === undefined || v === null) return undefined;
    if (typeof v !== "boolean") {
      this.cx.at("SYN5004", "error", `${this.where(key)} must be true or false, got ${JSON.stringify(v)}`, this.pair(key)?.value as Node);
      return undefined;
    }
    return v;
  }

  str(key: string): string | undefined {
    const v = this.scalar(key);
    if (v === undefined || v === null) return undefined;
    if (typeof v === "object") return undefined;
    return String(v);
  }

  /** A nested map as a Section; a wrong type is an error. */
  sub(key: string): Section | undefined {
    const n = this.node(key);
    if (n === undefined || (isScalar(n) && n.value === null)) return undefined;
    if (!isMap(n)) {
      this.cx.at("SYN5004", "error", `${this.where(key)} must be a map of settings`, n);
      return undefined;
    }
    const schemaPath = this.schemaPath ? `${this.schemaPath}.${key}` : key;
    return new Section(this.cx, this.path ? `${this.path}.${key}` : key, n, schemaPath, this.reasons, this.pair(key)?.key as Node | undefined);
  }

  /** Items of a list (a wrong type is an error). */
  list(key: string): Node[] | undefined {
    const n = this.node(key);
    if (n === undefined || (isScalar(n) && n.value === null)) return undefined;
    if (!isSeq(n)) {
      this.cx.at("SYN5004", "error", `${this.where(key)} must be a list`, n);
      return undefined;
    }
    return n.items as Node[];
  }

  strList(key: string): { value: string; node: Node }[] | undefined {
    return this.list(key)
      ?.filter((n) => isScalar(n))
      .map((n) => ({ value: String((n as { value: unknown }).value), node: n }));
  }

  /** Number-valued entries of a map (a distribution: `fraud_type_distribution: {x: 0.1}`). */
  weights(key: string): Map<string, { value: number; node: Node }> | undefined {
    const s = this.sub(key);
    if (!s) return undefined;
    const out = new Map<string, { value: number; node: Node }>();
    for (const p of s.map.items) {
      if (!isScalar(p.key)) continue;
      const k = String(p.key.value);
      const v = s.num(k, { min: 0 });
      if (v !== undefined) out.set(k, { value: v, node: p.key as Node });
    }
    return out;
  }

  where(key: string): string {
    return this.path ? `${this.path}.${key}` : key;
  }

  /** Reports a present key as having no synth equivalent (SYN5001) and consumes it. */
  noEquivalent(key: string, reason?: string): void {
    const k = this.keyNode(key);
    if (!k) return;
    this.node(key);
    this.cx.at("SYN5001", "warning", `${this.where(key)} is not imported: ${reason ?? this.reasonOf(key)}`, k);
  }

  /**
   * A key whose value, when it is `expected`, is what synth always does (no setting needed);
   * any other value is reported with `reason`.
   */
  same(key: string, expected: unknown, reason: string): void {
    const k = this.keyNode(key);
    if (!k) return;
    const v = this.scalar(key);
    if (v === expected) return;
    this.cx.at("SYN5001", "warning", `${this.where(key)} = ${JSON.stringify(v)} is not imported: ${reason}`, k);
  }

  /** An approximate mapping, said as info SYN5003 at the key. */
  approx(key: string, message: string): void {
    this.cx.at("SYN5003", "info", `${this.where(key)}: ${message}`, this.keyNode(key));
  }

  reasonOf(key: string): string {
    // the most specific reason: the key's own, else its section's, else the enclosing ones'
    const parts = `${this.schemaPath}.${key}`.split(".");
    for (let n = parts.length; n > 0; n--) {
      const reason = this.reasons[parts.slice(0, n).join(".")];
      if (reason) return reason;
    }
    return "synth has no equivalent setting";
  }

  /** Marks every key as read (a disabled section, or one reported as a whole). */
  consumeAll(): void {
    for (const p of this.map.items) if (isScalar(p.key)) this.consumed.add(String(p.key.value));
  }

  /** Reports every key the handler did not read (see the file comment). */
  finish(): void {
    const known = DATASYNTH_KEYS[this.schemaPath];
    for (const p of this.map.items) {
      if (!isScalar(p.key)) continue;
      const key = String(p.key.value);
      if (this.consumed.has(key)) continue;
      this.consumed.add(key);
      if (known && !known.includes(key)) {
        const guess = suggest(key, known);
        this.cx.at(
          "SYN5002",
          "warning",
          `${this.where(key)} is not a key of the datasynth format (datasynth ignores it, so does the import)`,
          p.key as Node,
          guess ? `did you mean ${guess}?` : known.length <= 16 ? `the keys of ${this.path || "the top level"} are: ${known.join(", ")}` : "docs/import.md lists the sections of the format",
        );
      } else {
        this.cx.at("SYN5001", "warning", `${this.where(key)} is not imported: ${this.reasonOf(key)}`, p.key as Node);
      }
    }
  }
}
