// Public surface of the grammar stage: text -> tokens -> CST.
export { parser, SynthParser } from "./parser.ts";
export { parseText, type CstResult } from "./parse.ts";
export { tokenize, tokenSpan, spanAt, joinSpans } from "./lexer.ts";
export * as tokens from "./tokens.ts";
