// .synth pretty-printer (`synth fmt`): imports, then consts, then blocks; 2-space indent; one
// setting per line, except that a short block written on one line stays on one line (settings
// two spaces apart, consecutive one-line blocks of the same kind aligned as a table); literals
// exactly as written; every comment kept. Text with syntax errors is returned unchanged with its
// diagnostics.
import { createToken, Lexer, type CstElement, type CstNode, type IToken } from "chevrotain";
import { parseText } from "../grammar/parse.ts";
import { allTokens, BlockComment, LineComment } from "../grammar/tokens.ts";
import { DiagnosticBag, sortDiagnostics, type Diagnostic } from "../core/diagnostics.ts";
import { buildAst } from "./ast-builder.ts";

export interface FormatResult {
  /** The formatted text, or the input unchanged when it has syntax errors. */
  text: string;
  /** Syntax errors that prevented formatting (empty on success). */
  diagnostics: Diagnostic[];
}

export interface FormatOptions {
  /** Project-relative path used in diagnostics; default "main.synth". */
  path?: string;
}

const INDENT = "  ";

// The parser's lexer skips comments; this one, with the same vocabulary, keeps them aside.
const KeptLineComment = createToken({ name: "LineComment", pattern: LineComment.PATTERN, group: "comments" });
const KeptBlockComment = createToken({ name: "BlockComment", pattern: BlockComment.PATTERN, group: "comments" });
const commentLexer = new Lexer(
  allTokens.map((t) => (t === LineComment ? KeptLineComment : t === BlockComment ? KeptBlockComment : t)),
  { positionTracking: "full", ensureOptimizations: false },
);

interface Comment {
  text: string;
  start: number;
  startLine: number;
  blankBefore: boolean;
}

/** One output line: an import, a const, a setting, a block's opening or closing line. */
interface Line {
  text: string;
  tokens: IToken[];
  blankBefore: boolean;
  leading: Comment[];
  trailing: Comment[];
  /** For `key = value` settings: the parts, so runs of settings can be aligned (and a list wrapped). */
  setting?: { key: string; value: string; items?: string[] };
}

type Section = "import" | "const" | "entry";

type Item =
  | { kind: "line"; section: Section; line: Line }
  | { kind: "block"; section: Section; key: string; open: Line; body: Item[]; close: Line; oneLine: boolean };

/** A block written on one line stays so while its line is at most this wide. */
const MAX_INLINE = 120;

export function formatSynth(text: string, options: FormatOptions = {}): FormatResult {
  const bag = new DiagnosticBag();
  const path = options.path ?? "main.synth";
  const { cst, tokens } = parseText(text, path, bag);
  // The AST builder reports the syntax errors the grammar tolerates (a missing `=`, `1__0`).
  buildAst(cst, path, bag);
  if (bag.items.length > 0) return { text, diagnostics: sortDiagnostics(bag.items) };
  const cx = new Builder(text);
  const items = cx.fileItems(cst);
  const trailing = attachComments(tokens, cx.lines, comments(text));
  const header = cx.lines[0] ? detachHeader(cx.lines[0]) : [];
  return { text: print(items, header, trailing), diagnostics: [] };
}

function comments(text: string): Comment[] {
  const found = commentLexer.tokenize(text).groups.comments ?? [];
  return found.map((t) => ({
    // Trailing blanks in a line comment are noise; a block comment is kept byte for byte.
    text: t.tokenType === KeptLineComment ? t.image.trimEnd() : t.image,
    start: t.startOffset,
    startLine: t.startLine ?? 1,
    blankBefore: blankBefore(text, t.startOffset),
  }));
}

/** Whether an empty line separates `offset` from whatever precedes it. */
function blankBefore(text: string, offset: number): boolean {
  let newlines = 0;
  for (let i = offset - 1; i >= 0; i--) {
    const ch = text[i]!;
    // \n, \r\n and a lone \r each end a line (as the lexer counts them).
    if (ch === "\n" || (ch === "\r" && text[i + 1] !== "\n")) newlines++;
    else if (ch !== " " && ch !== "\t" && ch !== "\r") break;
  }
  return newlines >= 2;
}

// --- CST -> items ---

class Builder {
  readonly lines: Line[] = [];
  constructor(private readonly text: string) {}

  fileItems(cst: CstNode): Item[] {
    return childNodes(cst, ["importDecl", "constDecl", "entry"]).map((n) => this.item(n));
  }

  private item(n: CstNode): Item {
    if (n.name === "importDecl") return { kind: "line", section: "import", line: this.line(tokensOf(n), `import ${tok(n, "StringLit").image}`) };
    if (n.name === "constDecl") {
      const text = `const ${tok(n, "name").image} = ${expressionText(child(n, "expression"))}`;
      return { kind: "line", section: "const", line: this.line(tokensOf(n), text) };
    }
    return this.entry(n);
  }

  private entry(n: CstNode): Item {
    const key = tok(n, "key");
    const attr = child(n, "attribute", false);
    if (attr) {
      const expr = child(attr, "expression");
      const value = expressionText(expr);
      const line = this.line(tokensOf(n), `${key.image} = ${value}`);
      line.setting = { key: key.image, value, items: listItems(expr) };
      return { kind: "line", section: "entry", line };
    }
    const blk = child(n, "block");
    const label = child(blk, "label", false);
    const labelTokens = label ? tokensOf(label) : [];
    const lcurly = tok(blk, "LCurly");
    const openText = [key.image, ...labelTokens.map((t) => t.image), "{"].join(" ");
    const open = this.line([key, ...labelTokens, lcurly], openText);
    const body = childNodes(blk, ["entry"]).map((e) => this.entry(e));
    const rcurly = tok(blk, "RCurly");
    const close = this.line([rcurly], "}");
    return { kind: "block", section: "entry", key: key.image, open, body, close, oneLine: key.startLine === rcurly.startLine };
  }

  private line(tokens: IToken[], text: string): Line {
    const line: Line = { text, tokens, blankBefore: blankBefore(this.text, tokens[0]!.startOffset), leading: [], trailing: [] };
    this.lines.push(line);
    return line;
  }
}

function isNode(c: CstElement): c is CstNode {
  return (c as CstNode).children !== undefined;
}

/** Child nodes of the given rule names, in source order. */
function childNodes(n: CstNode, names: string[]): CstNode[] {
  const all = names.flatMap((name) => (n.children[name] ?? []).filter(isNode));
  return all.sort((a, b) => firstOffset(a) - firstOffset(b));
}

function firstOffset(n: CstNode): number {
  return n.location?.startOffset ?? tokensOf(n)[0]?.startOffset ?? 0;
}

function child(n: CstNode, name: string, required?: true): CstNode;
function child(n: CstNode, name: string, required: false): CstNode | undefined;
function child(n: CstNode, name: string, required = true): CstNode | undefined {
  const c = (n.children[name] ?? []).find(isNode);
  if (!c && required) throw new Error(`internal: ${n.name} without ${name}`);
  return c;
}

function tok(n: CstNode, name: string): IToken {
  const t = (n.children[name] ?? []).find((c): c is IToken => !isNode(c));
  if (!t) throw new Error(`internal: ${n.name} without ${name}`);
  return t;
}

/** Every token under a node, in source order. */
function tokensOf(n: CstNode): IToken[] {
  const out: IToken[] = [];
  const walk = (node: CstNode) => {
    for (const list of Object.values(node.children)) for (const c of list) isNode(c) ? walk(c) : out.push(c);
  };
  walk(n);
  return out.sort((a, b) => a.startOffset - b.startOffset);
}

/** `5d..15d`, `[a, b]`, `-1.5`, `1_000.00 USD`, `100k per year`: tokens as written, canonical spacing. */
function expressionText(n: CstNode): string {
  let out = "";
  let prev: IToken | undefined;
  const tokens = tokensOf(n);
  for (const [i, t] of tokens.entries()) {
    // A trailing comma in a list is allowed; the canonical form has none.
    if (t.tokenType.name === "Comma" && tokens[i + 1]?.tokenType.name === "RSquare") continue;
    if (prev && spaced(prev.tokenType.name, t.tokenType.name)) out += " ";
    out += t.image;
    prev = t;
  }
  return out;
}

/** The items of a value that is just a list (`[a, b, c]`), each as written; else undefined. */
function listItems(expr: CstNode): string[] | undefined {
  if (expr.children.DotDot || expr.children.Per) return undefined;
  const primary = child(expr, "from", false);
  const list = primary && child(primary, "list", false);
  return list ? childNodes(list, ["expression"]).map(expressionText) : undefined;
}

function spaced(before: string, after: string): boolean {
  if (before === "LSquare" || before === "Minus" || before === "DotDot") return false;
  return after !== "RSquare" && after !== "Comma" && after !== "DotDot";
}

// --- comments -> lines ---

interface Owner {
  line: Line;
  last: boolean;
}

/**
 * A comment after code on the same line trails that code's line; any other comment leads the
 * line it precedes (or sits inside). Returns the comments after the last line.
 */
function attachComments(tokens: IToken[], lines: Line[], all: Comment[]): Comment[] {
  const owners = new Map<number, Owner>();
  for (const line of lines) {
    line.tokens.forEach((t, i) => owners.set(t.startOffset, { line, last: i === line.tokens.length - 1 }));
  }
  const rest: Comment[] = [];
  for (const c of all) {
    const i = firstTokenAfter(tokens, c.start);
    const prev = tokens[i - 1];
    const prevOwner = prev && (prev.endLine ?? prev.startLine) === c.startLine ? ownerBackFrom(tokens, owners, i - 1) : undefined;
    if (prevOwner) (prevOwner.last ? prevOwner.line.trailing : prevOwner.line.leading).push(c);
    else {
      const next = ownerForwardFrom(tokens, owners, i);
      if (next) next.line.leading.push(c);
      else rest.push(c);
    }
  }
  return rest;
}

/** Index of the first token starting at or after `offset`. */
function firstTokenAfter(tokens: IToken[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.startOffset < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The line owning tokens[i], looking back over separators (`a = 1; # c` trails `a = 1`). */
function ownerBackFrom(tokens: IToken[], owners: Map<number, Owner>, i: number): Owner | undefined {
  for (let j = i; j >= 0; j--) {
    const o = owners.get(tokens[j]!.startOffset);
    if (o) return o;
  }
  return undefined;
}

function ownerForwardFrom(tokens: IToken[], owners: Map<number, Owner>, i: number): Owner | undefined {
  for (let j = i; j < tokens.length; j++) {
    const o = owners.get(tokens[j]!.startOffset);
    if (o) return o;
  }
  return undefined;
}

/**
 * Comments that open the file and are set apart by a blank line are the file's header: they
 * stay on top even when imports and consts move up.
 */
function detachHeader(first: Line): Comment[] {
  const next = (i: number) => first.leading[i + 1]?.blankBefore ?? first.blankBefore;
  let end = -1;
  first.leading.forEach((_, i) => {
    if (next(i)) end = i;
  });
  return first.leading.splice(0, end + 1);
}

// --- items -> text ---

interface OutLine {
  depth: number;
  text: string;
  setting?: { key: string; value: string; items?: string[]; comment: string };
  /** A block on one line: `head` (`company DE10 {`), its settings and blocks as cells, a comment. */
  inline?: { key: string; head: string; cells: string[]; comment: string };
}

/** The cells of a block that can stay on one line (written so, no comment inside, short enough). */
function inlineCells(item: Item, depth: number): string[] | undefined {
  if (item.kind !== "block" || !item.oneLine || item.body.length === 0) return undefined;
  if (item.open.trailing.length || item.close.leading.length) return undefined;
  const cells: string[] = [];
  for (const b of item.body) {
    if (b.kind === "line") {
      if (b.line.leading.length || b.line.trailing.length || !b.line.setting) return undefined;
      cells.push(`${b.line.setting.key} = ${b.line.setting.value}`);
      continue;
    }
    if (b.open.leading.length || b.close.trailing.length) return undefined;
    const inner = inlineCells(b, depth + 1);
    if (!inner) return undefined;
    cells.push(`${b.open.text} ${inner.join("  ")} }`);
  }
  const width = INDENT.length * depth + item.open.text.length + cells.reduce((s, c) => s + c.length + 2, 0) + 1;
  return width <= MAX_INLINE ? cells : undefined;
}

class Printer {
  readonly out: OutLine[] = [];
  private atBodyStart = true;

  /** One output line; a blank line first when asked, except at the start of a body. */
  emit(depth: number, text: string, blank: boolean, setting?: OutLine["setting"], inline?: OutLine["inline"]): void {
    if (blank && !this.atBodyStart) this.out.push({ depth: 0, text: "" });
    this.out.push({ depth, text, setting, inline });
    this.atBodyStart = false;
  }

  /**
   * The text, with runs of consecutive settings aligned on `=` and on their trailing comments,
   * and runs of one-line blocks of the same kind aligned as a table.
   */
  render(): string {
    const lines: string[] = [];
    for (let i = 0; i < this.out.length; ) {
      const inline = this.inlineRunFrom(i);
      const run = inline.length ? inline : this.runFrom(i);
      if (run.length === 0) {
        const l = this.out[i++]!;
        lines.push(l.text === "" ? "" : INDENT.repeat(l.depth) + l.text);
        continue;
      }
      lines.push(...(inline.length ? alignInline(run) : alignRun(run)));
      i += run.length;
    }
    return lines.join("\n");
  }

  private runFrom(i: number): OutLine[] {
    const run: OutLine[] = [];
    const depth = this.out[i]!.depth;
    for (let j = i; j < this.out.length && this.out[j]!.setting && this.out[j]!.depth === depth; j++) run.push(this.out[j]!);
    return run;
  }

  private inlineRunFrom(i: number): OutLine[] {
    const first = this.out[i]!;
    if (!first.inline) return [];
    const run = [first];
    for (let j = i + 1; j < this.out.length && this.out[j]!.inline?.key === first.inline.key && this.out[j]!.depth === first.depth; j++) run.push(this.out[j]!);
    return run;
  }

  startBody(): void {
    this.atBodyStart = true;
  }

  /** A line with its comments; `blank` overrides the source's blank line before its first part. */
  line(depth: number, line: Line, blank?: boolean): void {
    const parts: { text: string; blank: boolean; setting?: OutLine["setting"] }[] = line.leading.map((c) => ({ text: c.text, blank: c.blankBefore }));
    const setting = line.setting && { ...line.setting, comment: line.trailing.map((c) => c.text).join(" ") };
    parts.push({ text: lineText(line), blank: line.blankBefore, setting });
    if (blank !== undefined) parts[0]!.blank = blank;
    for (const p of parts) this.emit(depth, p.text, p.blank, p.setting);
  }

  item(depth: number, item: Item, blank?: boolean): void {
    if (item.kind === "line") return this.line(depth, item.line, blank);
    const { open, body, close } = item;
    const cells = inlineCells(item, depth);
    if (cells) {
      const parts = [...open.leading.map((c) => ({ text: c.text, blank: c.blankBefore })), { text: "", blank: open.blankBefore }];
      if (blank !== undefined) parts[0]!.blank = blank;
      const inline = { key: item.key, head: open.text, cells, comment: close.trailing.map((c) => c.text).join(" ") };
      parts.forEach((p, k) => this.emit(depth, p.text, p.blank, undefined, k === parts.length - 1 ? inline : undefined));
      return;
    }
    if (body.length === 0 && open.trailing.length === 0 && close.leading.length === 0) {
      return this.line(depth, { ...open, text: open.text + "}", trailing: close.trailing }, blank);
    }
    this.line(depth, open, blank);
    this.startBody();
    for (const child of body) this.item(depth + 1, child);
    for (const c of close.leading) this.emit(depth + 1, c.text, c.blankBefore);
    this.emit(depth, lineText(close), false);
  }
}

function lineText(line: Line): string {
  return [line.text, ...line.trailing.map((c) => c.text)].join(" ");
}

const SECTIONS: Section[] = ["import", "const", "entry"];

function print(items: Item[], header: Comment[], trailing: Comment[]): string {
  const p = new Printer();
  for (const c of header) p.emit(0, c.text, c.blankBefore);
  let sectionsSoFar = header.length > 0 ? 1 : 0;
  for (const section of SECTIONS) {
    const group = items.filter((i) => i.section === section);
    group.forEach((item, i) => {
      // Sections are set apart by a blank line; so is every top-level block, except one-line
      // blocks of one kind (a table of companies); consts keep the author's grouping; imports
      // are one list.
      const prev = group[i - 1];
      const table = prev?.kind === "block" && item.kind === "block" && prev.key === item.key && inlineCells(prev, 0) && inlineCells(item, 0);
      const blank = i === 0 ? sectionsSoFar > 0 : section === "entry" ? (table ? firstBlank(item) : true) : section === "const" ? firstBlank(item) : false;
      p.item(0, item, blank);
    });
    if (group.length > 0) sectionsSoFar++;
  }
  for (const c of trailing) p.emit(0, c.text, c.blankBefore);
  return p.out.length ? p.render() + "\n" : "";
}

/** Lines at most this wide: a longer list is wrapped, its items under the first one. */
const MAX_WIDTH = 100;

/** `prefix` then the value; a list too long for one line wraps, continuing under its first item. */
function valueLines(prefix: string, s: NonNullable<OutLine["setting"]>): string[] {
  if (!s.items || s.items.length < 2 || prefix.length + s.value.length <= MAX_WIDTH) return [prefix + s.value];
  const pad = " ".repeat(prefix.length + 1);
  const lines: string[] = [];
  let line = `${prefix}[`;
  s.items.forEach((item, k) => {
    const piece = item + (k === s.items!.length - 1 ? "]" : ",");
    const fresh = line === `${prefix}[` || line === pad;
    if (!fresh && line.length + 1 + piece.length > MAX_WIDTH) {
      lines.push(line);
      line = pad + piece;
    } else line += (fresh ? "" : " ") + piece;
  });
  return [...lines, line];
}

/**
 * gofmt-style: keys padded to the longest, trailing comments to one column (a lone setting's
 * comment one space after it, a wrapped list's two spaces after its last line).
 */
function alignRun(run: OutLine[]): string[] {
  const keyWidth = run.length > 1 ? Math.max(...run.map((l) => l.setting!.key.length)) : 0;
  const code = run.map((l) => valueLines(`${INDENT.repeat(l.depth)}${l.setting!.key.padEnd(keyWidth)} = `, l.setting!));
  const commentAt = Math.max(...code.map((c, k) => (run[k]!.setting!.comment && c.length === 1 ? c[0]!.length : 0)));
  return code.flatMap((c, k) => {
    const comment = run[k]!.setting!.comment;
    if (!comment) return c;
    const last = c.length - 1;
    const tail = run.length === 1 ? `${c[last]} ${comment}` : last > 0 ? `${c[last]}  ${comment}` : `${c[last]!.padEnd(commentAt)}  ${comment}`;
    return [...c.slice(0, last), tail];
  });
}

/** One-line blocks of one kind as a table: heads padded alike, each cell to its column's widest (a row's last cell is not padded). */
function alignInline(run: OutLine[]): string[] {
  const rows = run.map((l) => l.inline!);
  // Heads end in "{": the part before it is padded, so the braces line up.
  const name = (r: (typeof rows)[number]) => r.head.slice(0, -1).trimEnd();
  const headWidth = Math.max(...rows.map((r) => name(r).length));
  const width = (k: number) => Math.max(...rows.filter((r) => r.cells.length > k + 1).map((r) => r.cells[k]!.length), 0);
  const code = rows.map((r, n) => {
    const cells = r.cells.map((c, k) => (k < r.cells.length - 1 ? c.padEnd(width(k)) : c));
    return `${INDENT.repeat(run[n]!.depth)}${name(r).padEnd(headWidth)} { ${cells.join("  ")} }`;
  });
  const commentAt = Math.max(...code.map((c, k) => (rows[k]!.comment ? c.length : 0)));
  return code.map((c, k) => (rows[k]!.comment ? `${c.padEnd(commentAt)}  ${rows[k]!.comment}` : c));
}

function firstBlank(item: Item): boolean {
  const line = item.kind === "line" ? item.line : item.open;
  return line.leading[0]?.blankBefore ?? line.blankBefore;
}
