// CST -> AST. Tolerates the partial nodes chevrotain's error recovery leaves behind: a piece
// that is missing is simply dropped (its syntax error was already reported).
import type { CstElement, CstNode, IToken } from "chevrotain";
import { tokenSpan } from "../grammar/lexer.ts";
import { DiagnosticBag, type Span } from "../core/diagnostics.ts";
import type * as A from "./ast.ts";

/** Underscores group digits, so they may only stand between two digits: 1_000.000_5. */
const WELL_FORMED_NUMBER = /^\d+(?:_\d+)*(?:\.\d+(?:_\d+)*)?$/;

/**
 * Also reports the syntax errors the grammar lets through on purpose so parsing can go on: a
 * missing `=` (SYN1004) and a malformed number (SYN1005). The value is still used.
 */
export function buildAst(cst: CstNode, path: string, diags: DiagnosticBag = new DiagnosticBag()): A.FileNode {
  const file: A.FileNode = { kind: "file", path, imports: [], consts: [], entries: [] };
  const b = new Builder(path, diags);
  for (const n of nodes(cst, "importDecl")) {
    const s = tok(n, "StringLit");
    if (s) file.imports.push({ kind: "import", path: unquote(s.image), span: b.nodeSpan(n) });
  }
  for (const n of nodes(cst, "constDecl")) {
    const c = b.constDecl(n);
    if (c) file.consts.push(c);
  }
  for (const n of nodes(cst, "entry")) {
    const e = b.entry(n);
    if (e) file.entries.push(e);
  }
  return file;
}

class Builder {
  constructor(
    private readonly path: string,
    private readonly diags: DiagnosticBag,
  ) {}

  constDecl(n: CstNode): A.ConstNode | undefined {
    const name = tok(n, "name");
    const value = this.expression(first(n, "expression"));
    if (!name || !value) return undefined;
    return { kind: "const", name: name.image, nameSpan: this.span(name), value, span: this.nodeSpan(n) };
  }

  entry(n: CstNode): A.EntryNode | undefined {
    const key = tok(n, "key");
    if (!key) return undefined;
    const attr = first(n, "attribute");
    if (attr) return this.attribute(n, key, attr);
    const blk = first(n, "block");
    if (!blk) return undefined;
    const block: A.BlockNode = {
      kind: "block",
      key: key.image,
      keySpan: this.span(key),
      entries: [],
      span: this.nodeSpan(n),
    };
    const labelNode = first(blk, "label");
    const labelTok = labelNode && anyToken(labelNode);
    if (labelTok) {
      const value = labelTok.tokenType.name === "StringLit" ? unquote(labelTok.image) : labelTok.image;
      block.label = { value, span: this.span(labelTok) };
    }
    for (const e of nodes(blk, "entry")) {
      const built = this.entry(e);
      if (built) block.entries.push(built);
    }
    return block;
  }

  expression(n: CstNode | undefined): A.Expr | undefined {
    if (!n) return undefined;
    const from = this.primary(first(n, "from"));
    if (!from) return undefined;
    let expr: A.Expr = from;
    const toNode = first(n, "to");
    if (toNode) {
      const to = this.primary(toNode);
      if (!to) return undefined;
      expr = { kind: "range", from, to, span: this.nodeSpan(n) };
    }
    const per = tok(n, "per");
    if (per) expr = { kind: "rate", amount: expr, per: per.image, perSpan: this.span(per), span: this.nodeSpan(n) };
    return expr;
  }

  primary(n: CstNode | undefined): A.Expr | undefined {
    if (!n) return undefined;
    const q = first(n, "quantity");
    if (q) return this.quantity(q);
    const list = first(n, "list");
    if (list) {
      const items = nodes(list, "expression").map((e) => this.expression(e));
      if (items.some((i) => i === undefined)) return undefined;
      return { kind: "list", items: items as A.Expr[], span: this.nodeSpan(list) };
    }
    const t = anyToken(n);
    if (!t) return undefined;
    const span = this.span(t);
    switch (t.tokenType.name) {
      case "DateLit":
        return { kind: "date", text: t.image, span };
      case "StringLit":
        return CLOSED_STRING.test(t.image) ? { kind: "string", value: unquote(t.image), span } : { kind: "string", value: unquote(t.image), span, unterminated: true };
      default:
        return { kind: "ident", name: t.image, span };
    }
  }

  private attribute(n: CstNode, key: IToken, attr: CstNode): A.AttributeNode | undefined {
    const value = this.expression(first(attr, "expression"));
    if (!value) return undefined;
    const node: A.AttributeNode = { kind: "attribute", key: key.image, keySpan: this.span(key), value, span: this.nodeSpan(n) };
    if (!tok(attr, "Equals")) {
      this.missingEquals(key, value);
      node.missingEquals = true;
    }
    return node;
  }

  /** `months 12`: one error at the value, then read as `months = 12` so later checks still run. */
  private missingEquals(key: IToken, value: A.Expr): void {
    // `scenario "Demo { }`: the open string ate the `{`; its SYN1002 says all there is to say.
    if (value.kind === "string" && value.unterminated) return;
    this.diags.report("SYN1004", `expected '=' after ${key.image}`, value.span, `write ${key.image} = ${exprHead(value)}`);
  }

  quantity(n: CstNode): A.QuantityExpr | undefined {
    const q = tok(n, "Quantity");
    if (!q) return undefined;
    const m = /^([\d_]+(?:\.[\d_]+)?)(.*)$/.exec(q.image)!;
    if (!WELL_FORMED_NUMBER.test(m[1]!)) {
      const hint = `underscores go between digits only: ${wellFormed(m[1]!)}${m[2]!}`;
      this.diags.report("SYN1005", `malformed number ${q.image}`, this.span(q), hint);
    }
    const cur = tok(n, "CurrencyCode");
    const expr: A.QuantityExpr = {
      kind: "quantity",
      digits: m[1]!.replaceAll("_", ""),
      suffix: m[2]!,
      negative: tok(n, "Minus") !== undefined,
      text: "",
      span: this.nodeSpan(n),
    };
    if (cur) expr.currency = cur.image;
    expr.text = (expr.negative ? "-" : "") + q.image + (cur ? ` ${cur.image}` : "");
    return expr;
  }

  span(t: IToken): Span {
    return tokenSpan(this.path, t);
  }

  nodeSpan(n: CstNode): Span {
    const l = n.location;
    const ok = l && Number.isFinite(l.startOffset) && Number.isFinite(l.endOffset ?? NaN);
    if (!ok) {
      const t = firstToken(n);
      return t ? this.span(t) : { file: this.path, start: zero(), end: zero() };
    }
    return {
      file: this.path,
      start: { line: l.startLine ?? 1, column: l.startColumn ?? 1, offset: l.startOffset },
      end: { line: l.endLine ?? 1, column: (l.endColumn ?? 0) + 1, offset: (l.endOffset ?? 0) + 1 },
    };
  }
}

/** The number with its underscores tidied: 1__000_ -> 1_000. */
function wellFormed(digits: string): string {
  return digits
    .split(".")
    .map((part) => part.replace(/_+/g, "_").replace(/^_|_$/g, "") || "0")
    .join(".");
}

/** A short rendering of a value for a hint (the value's first token is enough). */
function exprHead(v: A.Expr): string {
  switch (v.kind) {
    case "quantity":
    case "date":
      return v.text;
    case "string":
      return JSON.stringify(v.value);
    case "ident":
      return v.name;
    case "rate":
      return `${exprHead(v.amount)} per ${v.per}`;
    case "range":
      return `${exprHead(v.from)}..${exprHead(v.to)}`;
    default:
      return "[...]";
  }
}

function zero() {
  return { line: 1, column: 1, offset: 0 };
}

function nodes(n: CstNode, name: string): CstNode[] {
  return (n.children[name] ?? []).filter(isNode);
}

function first(n: CstNode, name: string): CstNode | undefined {
  return nodes(n, name)[0];
}

/** A real token (not one inserted by error recovery). */
function tok(n: CstNode, name: string): IToken | undefined {
  const t = (n.children[name] ?? []).find((c): c is IToken => !isNode(c) && !c.isInsertedInRecovery);
  return t;
}

function anyToken(n: CstNode): IToken | undefined {
  for (const list of Object.values(n.children)) {
    for (const c of list) if (!isNode(c) && !c.isInsertedInRecovery) return c;
  }
  return undefined;
}

function firstToken(n: CstNode): IToken | undefined {
  let best: IToken | undefined;
  for (const list of Object.values(n.children)) {
    for (const c of list) {
      const t = isNode(c) ? firstToken(c) : c.isInsertedInRecovery ? undefined : c;
      if (t && (!best || t.startOffset < best.startOffset)) best = t;
    }
  }
  return best;
}

function isNode(c: CstElement): c is CstNode {
  return (c as CstNode).children !== undefined;
}

const CLOSED_STRING = /^"(?:[^"\\\n\r]|\\.)*"$/;

/** The text of a string literal; an unterminated one (kept by the lexer's recovery) has no closing quote. */
export function unquote(image: string): string {
  const body = CLOSED_STRING.test(image) ? image.slice(1, -1) : image.slice(1);
  return body.replace(/\\(.)/g, (_, ch: string) => ({ n: "\n", t: "\t" })[ch] ?? ch);
}
