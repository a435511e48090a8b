// Pure grammar (no embedded actions): .synth tokens -> CST. Error recovery is on, so one
// run reports every syntax error it can.
import { CstParser, type CstNode, type IRecognitionException, type IToken } from "chevrotain";
import * as T from "./tokens.ts";

export class SynthParser extends CstParser {
  constructor() {
    super(T.allTokens, { recoveryEnabled: true, maxLookahead: 3, nodeLocationTracking: "full" });
    this.performSelfAnalysis();
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

  constDecl = this.RULE("constDecl", () => {
    this.CONSUME(T.Const);
    this.CONSUME(T.Identifier);
    this.CONSUME(T.Equals);
    this.SUBRULE(this.expression);
  });

  // `key = value` or `key label? { entries }`
  entry = this.RULE("entry", () => {
    this.OR1([
      { ALT: () => this.CONSUME(T.Identifier, { LABEL: "key" }) },
      { ALT: () => this.CONSUME(T.CurrencyCode, { LABEL: "key" }) },
    ]);
    this.OR2([
      { ALT: () => this.SUBRULE(this.attribute) },
      { ALT: () => this.SUBRULE(this.block) },
    ]);
  });

  attribute = this.RULE("attribute", () => {
    this.CONSUME(T.Equals);
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

  list = this.RULE("list", () => {
    this.CONSUME(T.LSquare);
    this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.expression) });
    this.CONSUME(T.RSquare);
  });
}

/** One reused parser instance (chevrotain's self-analysis is costly). */
export const parser = new SynthParser();

export interface ParseOutput {
  cst: CstNode;
  tokens: IToken[];
  errors: IRecognitionException[];
}
