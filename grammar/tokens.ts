// The .synth vocabulary: one ordered token list (order matters: longer / more specific first).
import { createToken, Lexer, type TokenType } from "chevrotain";

export const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /[ \t\r\n]+/, group: Lexer.SKIPPED });
export const LineComment = createToken({ name: "LineComment", pattern: /(?:\/\/|#)[^\n\r]*/, group: Lexer.SKIPPED });
export const BlockComment = createToken({ name: "BlockComment", pattern: /\/\*[\s\S]*?\*\//, group: Lexer.SKIPPED });
// A `/*` never closed runs to the end of the file: one precise error, not a cascade of code.
export const UnterminatedComment = createToken({ name: "UnterminatedComment", pattern: /\/\*[\s\S]*/, group: "unterminated" });

export const Identifier = createToken({ name: "Identifier", pattern: /[A-Za-z_][A-Za-z0-9_]*/ });
// Keywords take precedence over identifiers only as whole words (longer_alt).
export const Import = createToken({ name: "Import", pattern: /import/, longer_alt: Identifier });
export const Const = createToken({ name: "Const", pattern: /const/, longer_alt: Identifier });
export const Per = createToken({ name: "Per", pattern: /per/, longer_alt: Identifier });
// A three-letter upper-case word is an ISO currency code; it can follow an amount (1_000.00 USD).
export const CurrencyCode = createToken({ name: "CurrencyCode", pattern: /[A-Z]{3}/, longer_alt: Identifier });

// Dates before quantities: 2024-01-01 would otherwise lex as 2024 then -01...
export const DateLit = createToken({ name: "DateLit", pattern: /\d{4}-\d{2}-\d{2}/ });
// A number with an optional unit suffix: 42, 1_000.50, 10k, 1.5M, 0.5%, 30d, 2.5x, 1GiB.
export const Quantity = createToken({
  name: "Quantity",
  pattern: /\d[\d_]*(?:\.\d[\d_]*)?(?:%|[A-Za-z]+)?/,
});
export const StringLit = createToken({ name: "StringLit", pattern: /"(?:[^"\\\n\r]|\\.)*"/ });
// Reported once by the lexer, then parsed as a string (recovery) so the rest of the line still fits.
export const UnterminatedString = createToken({ name: "UnterminatedString", pattern: /"(?:[^"\\\n\r]|\\.)*/ });

export const LCurly = createToken({ name: "LCurly", pattern: /\{/, label: "'{'" });
export const RCurly = createToken({ name: "RCurly", pattern: /\}/, label: "'}'" });
export const LSquare = createToken({ name: "LSquare", pattern: /\[/, label: "'['" });
export const RSquare = createToken({ name: "RSquare", pattern: /\]/, label: "']'" });
export const DotDot = createToken({ name: "DotDot", pattern: /\.\./, label: "'..'" });
export const Equals = createToken({ name: "Equals", pattern: /=/, label: "'='" });
export const Comma = createToken({ name: "Comma", pattern: /,/, label: "','" });
export const Semicolon = createToken({ name: "Semicolon", pattern: /;/, label: "';'" });
export const Minus = createToken({ name: "Minus", pattern: /-/, label: "'-'" });

export const allTokens: TokenType[] = [
  WhiteSpace,
  BlockComment,
  UnterminatedComment,
  LineComment,
  DateLit,
  Quantity,
  StringLit,
  UnterminatedString,
  Import,
  Const,
  Per,
  CurrencyCode,
  Identifier,
  LCurly,
  RCurly,
  LSquare,
  RSquare,
  DotDot,
  Equals,
  Comma,
  Semicolon,
  Minus,
];
