// What each token of a .synth text is: a block key, a setting key, a label, a value of which
// setting, a constant... read off the token stream with a small state machine, so it works on
// the half-typed text an editor holds (where the parser would only see errors). Hover,
// completion and semantic tokens all read this one scan.
import type { IToken, TokenType } from "chevrotain";
import { lexer } from "../grammar/lexer.ts";
import * as T from "../grammar/tokens.ts";

/** An enclosing block: `phase transactions {` is { key: "phase", label: "transactions" }. */
export interface Frame {
  key: string;
  label?: string;
}

export type Role =
  | "keyword" // import, const, per
  | "import" // the path string of an import
  | "constName" // the name in `const NAME = ...`
  | "blockKey"
  | "settingKey"
  | "label"
  | "value"
  | "punct";

export interface Scanned {
  token: IToken;
  role: Role;
  /** Blocks around the token (for a block key or label: around the block it opens). */
  frames: Frame[];
  /** A key's own name; a value's setting key; undefined for a constant's value. */
  key?: string;
  /** For a constant's value tokens: the constant's name. */
  constant?: string;
}

type State = "entry" | "afterKey" | "value" | "valueDone" | "per" | "importPath" | "constName" | "constEq";

/** Where a scan stopped: what the next token would be. */
export interface ScanState {
  state: State;
  frames: Frame[];
  /** The setting whose value is being written (value states), or the key just read (afterKey). */
  key?: string;
  constant?: string;
  listDepth: number;
  /** The last token read, if any. */
  last?: Scanned;
}

const WORDS = new Set<TokenType>([T.Identifier, T.CurrencyCode]);
const LABELS = new Set<TokenType>([T.StringLit, T.UnterminatedString, T.Identifier, T.CurrencyCode, T.Quantity]);
const PRIMARIES = new Set<TokenType>([T.Quantity, T.DateLit, T.StringLit, T.UnterminatedString, T.Identifier, T.CurrencyCode]);

/** The tokens of a text (comments and whitespace skipped; lexing errors ignored). */
export function lex(text: string): IToken[] {
  return lexer.tokenize(text).tokens;
}

export class Scanner {
  readonly out: Scanned[] = [];
  private s: ScanState = { state: "entry", frames: [], listDepth: 0 };

  constructor(private readonly tokens: IToken[]) {}

  private emit(i: number, role: Role, extra: Partial<Scanned> = {}): void {
    const sc: Scanned = { token: this.tokens[i]!, role, frames: [...this.s.frames], ...extra };
    this.out.push(sc);
    this.s.last = sc;
  }

  private step(i: number): void {
    const t = this.tokens[i]!.tokenType;
    const s = this.s;
    switch (s.state) {
      case "entry":
        return this.entry(i, t);
      case "importPath":
        s.state = "entry";
        return t === T.StringLit || t === T.UnterminatedString ? this.emit(i, "import") : this.entry(i, t);
      case "constName":
        if (!WORDS.has(t)) return void (s.state = "entry"), this.entry(i, t);
        s.constant = this.tokens[i]!.image;
        s.state = "constEq";
        return this.emit(i, "constName");
      case "constEq":
        s.state = "value";
        s.key = undefined;
        s.listDepth = 0;
        return t === T.Equals ? this.emit(i, "punct") : this.value(i, t);
      case "afterKey":
        return this.afterKey(i, t);
      case "value":
        return this.value(i, t);
      case "valueDone":
        return this.valueDone(i, t);
      case "per":
        s.state = "valueDone";
        return t === T.Identifier ? this.emit(i, "value", this.valueOf()) : this.valueDone(i, t);
    }
  }

  private entry(i: number, t: TokenType): void {
    const s = this.s;
    s.constant = undefined;
    if (t === T.Import) {
      s.state = "importPath";
      return this.emit(i, "keyword");
    }
    if (t === T.Const) {
      s.state = "constName";
      return this.emit(i, "keyword");
    }
    if (WORDS.has(t)) {
      s.state = "afterKey";
      s.key = this.tokens[i]!.image;
      // Whether it is a block's key or a setting's is known from the next token.
      const next = this.tokens[i + 1]?.tokenType;
      const block = next === T.LCurly || (next !== undefined && LABELS.has(next) && this.tokens[i + 2]?.tokenType === T.LCurly);
      return this.emit(i, block ? "blockKey" : "settingKey", { key: s.key });
    }
    if (t === T.RCurly) s.frames.pop();
    this.emit(i, "punct");
  }

  private afterKey(i: number, t: TokenType): void {
    const s = this.s;
    const key = s.key!;
    if (t === T.Equals) {
      s.state = "value";
      s.listDepth = 0;
      return this.emit(i, "punct");
    }
    if (t === T.LCurly) {
      s.frames.push({ key });
      s.state = "entry";
      return this.emit(i, "punct");
    }
    if (LABELS.has(t) && this.tokens[i + 1]?.tokenType === T.LCurly) {
      const image = this.tokens[i]!.image;
      const label = t === T.StringLit ? image.slice(1, -1) : image;
      this.emit(i, "label", { key });
      s.frames.push({ key, label });
      s.state = "entry";
      // the `{` itself
      this.out.push({ token: this.tokens[i + 1]!, role: "punct", frames: [...s.frames] });
      this.skip = true;
      return;
    }
    // `months 12`: a setting whose `=` is missing (the compiler reports it); read on as a value.
    s.state = "value";
    s.listDepth = 0;
    this.value(i, t);
  }

  /** Set when a step consumed the next token too (a label's `{`). */
  private skip = false;

  private value(i: number, t: TokenType): void {
    const s = this.s;
    if (t === T.LSquare) {
      s.listDepth++;
      return this.emit(i, "punct");
    }
    if (t === T.RSquare) {
      s.listDepth = Math.max(0, s.listDepth - 1);
      if (s.listDepth === 0) s.state = "valueDone";
      return this.emit(i, "punct");
    }
    if (t === T.Per) {
      s.state = "per";
      return this.emit(i, "keyword");
    }
    if (t === T.RCurly) {
      s.frames.pop();
      s.state = "entry";
      return this.emit(i, "punct");
    }
    if (PRIMARIES.has(t)) {
      if (s.listDepth === 0) s.state = "valueDone";
      return this.emit(i, "value", this.valueOf());
    }
    this.emit(i, "punct");
  }

  private valueDone(i: number, t: TokenType): void {
    const s = this.s;
    const prev = this.tokens[i - 1]?.tokenType;
    const next = this.tokens[i + 1]?.tokenType;
    if (t === T.DotDot) {
      s.state = "value";
      return this.emit(i, "punct");
    }
    if (t === T.Per) {
      s.state = "per";
      return this.emit(i, "keyword");
    }
    // 1_000.00 USD: a currency after an amount belongs to it, unless `=` or `{` follows (fx { ... EUR = 1.1 }).
    if (t === T.CurrencyCode && prev === T.Quantity && next !== T.Equals && next !== T.LCurly) return this.emit(i, "value", this.valueOf());
    if (t === T.Comma || t === T.Semicolon) {
      s.state = "entry";
      return this.emit(i, "punct");
    }
    s.state = "entry";
    this.entry(i, t);
  }

  private valueOf(): Partial<Scanned> {
    return this.s.constant !== undefined ? { constant: this.s.constant } : { key: this.s.key };
  }

  /** Scans everything, honouring steps that consume two tokens. */
  all(): Scanned[] {
    for (let i = 0; i < this.tokens.length; i++) {
      this.step(i);
      if (this.skip) {
        this.skip = false;
        i++;
      }
    }
    return this.out;
  }

  /** Scans up to (not including) token `end` and says what comes next. */
  until(end: number): ScanState {
    for (let i = 0; i < end; i++) {
      this.step(i);
      if (this.skip) {
        this.skip = false;
        i++;
      }
    }
    return { ...this.s, frames: [...this.s.frames] };
  }
}

/** Every token of the text with its role. */
export function scan(text: string): Scanned[] {
  return new Scanner(lex(text)).all();
}

/** The scanned token at an offset (the cursor touching its end counts), if any. */
export function tokenAt(scanned: readonly Scanned[], offset: number): Scanned | undefined {
  return scanned.find((s) => s.token.startOffset <= offset && offset <= s.token.endOffset! + 1 && s.role !== "punct")
    ?? scanned.find((s) => s.token.startOffset <= offset && offset <= s.token.endOffset!);
}

export interface CursorContext {
  /** What is expected at the cursor. */
  state: ScanState;
  /** The word being typed (replaced by a completion), if the cursor ends or is inside one. */
  prefix?: IToken;
}

/** The context at `offset`: the scan of every token before it, and the word being typed. */
export function contextAt(text: string, offset: number): CursorContext {
  const tokens = lex(text);
  let end = tokens.findIndex((t) => t.startOffset >= offset);
  if (end < 0) end = tokens.length;
  const before = tokens[end - 1];
  // The cursor at the end of (or inside) a word or number: that token is the prefix being typed.
  let prefix: IToken | undefined;
  if (before && before.endOffset! + 1 >= offset && (WORDS.has(before.tokenType) || before.tokenType === T.Quantity)) {
    prefix = before;
    end--;
  }
  const state = new Scanner(tokens).until(end);
  return { state, prefix };
}
