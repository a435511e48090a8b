// Pure grammar (no embedded actions): .synth tokens -> CST. Error recovery is on, so one
// run reports every syntax error it can.
import { CstParser, type CstNode, type IRecognitionException, type IToken } from "chevrotain";
import * as T from "./tokens.ts";

export class SynthParser extends CstParser {
  /** Recognition errors kept before the parser gives up on the rest of the input (see parse.ts). */
  maxErrors = Infinity;
  /** The token at which it gave up, when it did. */
  stoppedAt: IToken | undefined;

  constructor() {
    super(T.allTokens, { recoveryEnabled: true, maxLookahead: 3, nodeLocationTracking: "full" });
    this.performSelfAnalysis();
    this.capErrors();
  }

  /**
   * Past maxErrors, the rest of the input is skipped: error recovery re-enters the top-level
   * repetition once per error (recursively), so garbage input would cost time, memory and stack
   * without bound. Jumping to the end unwinds every open rule at once. (SAVE_ERROR and
   * moveToTerminatedState are chevrotain internals, not in its typings.)
   */
  private capErrors(): void {
    const self = this as unknown as Internals;
    const save = self.SAVE_ERROR.bind(this);
    self.SAVE_ERROR = (error) => {
      if (this.errors.length < this.maxErrors) return save(error);
      if (!this.stoppedAt) {
        this.stoppedAt = error.token;
        self.moveToTerminatedState();
      }
      return error;
    };
  }

  /** Starts a parse of `tokens`, keeping at most `maxErrors` errors. */
  begin(tokens: IToken[], maxErrors: number): void {
    this.input = tokens;
    this.maxErrors = maxErrors;
    this.stoppedAt = undefined;
  }

  file = this.RULE("file", () => {
    this.MANY(() => {
      this.OR([
        { ALT: () => this.SUBRULE(this.importDecl) },
        { ALT: () => this.SUBRULE(this.constDecl) },
        { ALT: () => this.SUBRULE(this.entry) },
        { ALT: () => this.SUBRULE(this.separator) },
      ]);
    });
  });

  importDecl = this.RULE("importDecl", () => {
    this.CONSUME(T.Import);
    this.CONSUME(T.StringLit);
  });

  // A three-letter upper-case name (VOL) lexes as a currency code; it is a fine constant name.
  constDecl = this.RULE("constDecl", () => {
    this.CONSUME(T.Const);
    this.OR([
      { ALT: () => this.CONSUME(T.Identifier, { LABEL: "name" }) },
      { ALT: () => this.CONSUME(T.CurrencyCode, { LABEL: "name" }) },
    ]);
    this.CONSUME(T.Equals);
    this.SUBRULE(this.expression);
  });

  // `key = value` or `key label? { entries }`. `key label {` is a block (two tokens of
  // lookahead); anything else is a setting, its `=` possibly missing (the AST builder reports it).
  entry = this.RULE("entry", () => {
    this.OR1([
      { ALT: () => this.CONSUME(T.Identifier, { LABEL: "key" }) },
      { ALT: () => this.CONSUME(T.CurrencyCode, { LABEL: "key" }) },
    ]);
    this.OR2([
      { ALT: () => this.SUBRULE(this.block) },
      { ALT: () => this.SUBRULE(this.attribute) },
    ]);
  });

  attribute = this.RULE("attribute", () => {
    this.OPTION(() => this.CONSUME(T.Equals));
    this.SUBRULE(this.expression);
  });

  block = this.RULE("block", () => {
    this.OPTION(() => this.SUBRULE(this.label));
    this.CONSUME(T.LCurly);
    this.MANY(() => {
      this.OR([{ ALT: () => this.SUBRULE(this.entry) }, { ALT: () => this.SUBRULE(this.separator) }]);
    });
    this.CONSUME(T.RCurly);
  });

  label = this.RULE("label", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.StringLit) },
      { ALT: () => this.CONSUME(T.Identifier) },
      { ALT: () => this.CONSUME(T.CurrencyCode) },
      { ALT: () => this.CONSUME(T.Quantity) },
    ]);
  });

  separator = this.RULE("separator", () => {
    this.OR([{ ALT: () => this.CONSUME(T.Comma) }, { ALT: () => this.CONSUME(T.Semicolon) }]);
  });

  // primary, optionally a range (5d..15d), optionally a rate (100k per year)
  expression = this.RULE("expression", () => {
    this.SUBRULE(this.primary, { LABEL: "from" });
    this.OPTION(() => {
      this.CONSUME(T.DotDot);
      this.SUBRULE2(this.primary, { LABEL: "to" });
    });
    this.OPTION2(() => {
      this.CONSUME(T.Per);
      this.CONSUME(T.Identifier, { LABEL: "per" });
    });
  });

  primary = this.RULE("primary", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.quantity) },
      { ALT: () => this.CONSUME(T.DateLit) },
      { ALT: () => this.CONSUME(T.StringLit) },
      { ALT: () => this.CONSUME(T.Identifier) },
      { ALT: () => this.CONSUME(T.CurrencyCode) },
      { ALT: () => this.SUBRULE(this.list) },
    ]);
  });

  // -1.5, 10k, 1_000.00 USD
  quantity = this.RULE("quantity", () => {
    this.OPTION(() => this.CONSUME(T.Minus));
    this.CONSUME(T.Quantity);
    // A currency code followed by '=' or '{' starts the next entry (fx { EUR = 1.085 GBP = 1.27 }).
    this.OPTION2({
      GATE: () => this.LA(2).tokenType !== T.Equals && this.LA(2).tokenType !== T.LCurly,
      DEF: () => this.CONSUME(T.CurrencyCode),
    });
  });

  // [a, b, c], a trailing comma allowed: [a, b,]
  list = this.RULE("list", () => {
    this.CONSUME(T.LSquare);
    this.OPTION(() => {
      this.SUBRULE(this.expression);
      this.MANY({
        GATE: () => this.LA(2).tokenType !== T.RSquare,
        DEF: () => {
          this.CONSUME(T.Comma);
          this.SUBRULE2(this.expression);
        },
      });
      this.OPTION2(() => this.CONSUME2(T.Comma));
    });
    this.CONSUME(T.RSquare);
  });
}

interface Internals {
  SAVE_ERROR(error: IRecognitionException): IRecognitionException;
  moveToTerminatedState(): void;
}

/** One reused parser instance (chevrotain's self-analysis is costly). */
export const parser = new SynthParser();

export interface ParseOutput {
  cst: CstNode;
  tokens: IToken[];
  errors: IRecognitionException[];
}
