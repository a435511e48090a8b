// Named constants: `const BASE = 120k`, used as `volume = BASE per year`. A bare word names a
// constant when one is declared with that name; otherwise it is a keyword value.
import type * as A from "./ast.ts";
import { didYouMean, type DiagnosticBag } from "../core/diagnostics.ts";
import { isKnownCurrency } from "../specs/currencies.ts";

const RESERVED = new Set(["true", "false", "on", "off", "yes", "no", "auto", "all"]);

export class Constants {
  private readonly defs = new Map<string, A.ConstNode>();
  private readonly used = new Set<string>();

  constructor(files: A.FileNode[], diags: DiagnosticBag) {
    for (const file of files) {
      for (const c of file.consts) this.declare(c, diags);
    }
  }

  private declare(c: A.ConstNode, diags: DiagnosticBag): void {
    const prev = this.defs.get(c.name);
    if (prev) {
      const at = `${prev.nameSpan.file}:${prev.nameSpan.start.line}:${prev.nameSpan.start.column}`;
      diags.report("SYN2005", `constant ${c.name} is declared twice (first at ${at})`, c.nameSpan, "rename or remove one");
      return;
    }
    if (RESERVED.has(c.name)) {
      diags.report("SYN2010", `constant ${c.name} shadows the keyword value "${c.name}"`, c.nameSpan, "use an UPPER_CASE name");
    } else if (isKnownCurrency(c.name)) {
      // `const EUR = 5` would turn every later `EUR` (group_currency = EUR) into 5.
      diags.report("SYN2010", `constant ${c.name} shadows the currency code ${c.name}`, c.nameSpan, "pick a name that is not a currency code");
    }
    this.defs.set(c.name, c);
  }

  /** The expression a constant stands for (constants may use earlier constants), or the expr itself. */
  deref(expr: A.Expr, diags: DiagnosticBag, seen: string[] = []): A.Expr | undefined {
    if (expr.kind === "rate") {
      const amount = this.deref(expr.amount, diags, seen);
      return amount && { ...expr, amount };
    }
    if (expr.kind !== "ident") return expr;
    const def = this.defs.get(expr.name);
    if (!def) return expr;
    this.used.add(expr.name);
    if (seen.includes(expr.name)) {
      diags.report("SYN3005", `constant ${expr.name} refers to itself (${[...seen, expr.name].join(" -> ")})`, expr.span);
      return undefined;
    }
    return this.deref(def.value, diags, [...seen, expr.name]);
  }

  suggest(name: string): string {
    return didYouMean(name, this.defs.keys()) ?? "declare it first: const NAME = value";
  }

  /** Constants nobody used: a warning, since a typo in a use site would otherwise go unnoticed. */
  reportUnused(diags: DiagnosticBag): void {
    for (const [name, def] of this.defs) {
      if (!this.used.has(name)) diags.report("SYN2012", `constant ${name} is never used`, def.nameSpan, "remove it or use it");
    }
  }
}
