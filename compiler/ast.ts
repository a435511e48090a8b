// Kind-tagged AST nodes with source spans. Literals stay close to their text here; units are
// interpreted by the checker (so "10kb" is a semantic "wrong unit", not a syntax error).
import type { Span } from "../core/diagnostics.ts";

export interface FileNode {
  kind: "file";
  /** Project-relative path. */
  path: string;
  imports: ImportNode[];
  consts: ConstNode[];
  entries: EntryNode[];
}

export interface ImportNode {
  kind: "import";
  path: string;
  span: Span;
}

export interface ConstNode {
  kind: "const";
  name: string;
  nameSpan: Span;
  value: Expr;
  span: Span;
}

export type EntryNode = AttributeNode | BlockNode;

export interface AttributeNode {
  kind: "attribute";
  key: string;
  keySpan: Span;
  value: Expr;
  span: Span;
  /** Written `key value`: already reported (SYN1004), read as `key = value`. */
  missingEquals?: boolean;
}

export interface BlockNode {
  kind: "block";
  key: string;
  keySpan: Span;
  label?: { value: string; span: Span };
  entries: EntryNode[];
  span: Span;
}

export type Expr = QuantityExpr | DateExpr | StringExpr | IdentExpr | ListExpr | RangeExpr | RateExpr;

/** 42, -1.5, 10k, 0.5%, 30d, 1GiB, 1_000.00 USD: number text + optional suffix + optional currency. */
export interface QuantityExpr {
  kind: "quantity";
  /** Digits as written, underscores removed ("1000.00"). */
  digits: string;
  suffix: string;
  negative: boolean;
  currency?: string;
  text: string;
  span: Span;
}

export interface DateExpr {
  kind: "date";
  text: string;
  span: Span;
}

export interface StringExpr {
  kind: "string";
  value: string;
  span: Span;
  /** Not closed on its line: already reported (SYN1002), read up to the line's end. */
  unterminated?: boolean;
}

/** A bare word: an enum value, a boolean, a currency code, or a constant reference. */
export interface IdentExpr {
  kind: "ident";
  name: string;
  span: Span;
}

export interface ListExpr {
  kind: "list";
  items: Expr[];
  span: Span;
}

export interface RangeExpr {
  kind: "range";
  from: Expr;
  to: Expr;
  span: Span;
}

/** `100k per year` */
export interface RateExpr {
  kind: "rate";
  amount: Expr;
  per: string;
  perSpan: Span;
  span: Span;
}
