// A small tree of .synth blocks the importer fills in, printed in a fixed order with a comment
// on each setting naming the YAML key it came from. The text is then put through synth fmt.

export interface Setting {
  kind: "setting";
  key: string;
  value: string;
  /** Where it came from, e.g. `fraud.fraud_rate`: printed as a trailing comment. */
  from?: string;
}

export class Block {
  readonly kind = "block";
  readonly items: (Setting | Block)[] = [];
  /** Comment lines printed above the block. */
  readonly notes: string[] = [];
  constructor(
    readonly head: string,
    /** Keys printed first, in this order (the rest follow as set). */
    readonly order?: readonly string[],
  ) {}

  /** Sets (or replaces) a setting, keeping its first position. */
  set(key: string, value: string, from?: string): void {
    const at = this.items.findIndex((i) => i.kind === "setting" && i.key === key);
    const s: Setting = { kind: "setting", key, value, from };
    if (at >= 0) this.items[at] = s;
    else this.items.push(s);
  }

  get(key: string): string | undefined {
    const s = this.items.find((i): i is Setting => i.kind === "setting" && i.key === key);
    return s?.value;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  block(head: string): Block {
    const found = this.items.find((i): i is Block => i.kind === "block" && i.head === head);
    if (found) return found;
    const b = new Block(head);
    this.items.push(b);
    return b;
  }

  print(indent = ""): string[] {
    const lines = this.notes.map((n) => `${indent}// ${n}`);
    lines.push(`${indent}${this.head} {`);
    // settings in the order given (or `order`), then nested blocks
    const rank = (i: Setting | Block) => (i.kind === "block" ? 1e6 : this.order ? (this.order.indexOf(i.key) + 1 || 1e5) : 0);
    const items = this.items.map((item, n) => ({ item, n })).sort((a, b) => rank(a.item) - rank(b.item) || a.n - b.n).map((x) => x.item);
    for (const item of items) {
      if (item.kind === "block") lines.push(...item.print(indent + "  "));
      else lines.push(`${indent}  ${item.key} = ${item.value}${item.from ? `  // ${item.from}` : ""}`);
    }
    lines.push(`${indent}}`);
    return lines;
  }
}

/** A number as .synth writes it: no exponent, no trailing zeros, at most `digits` decimals. */
export function num(n: number, digits = 6): string {
  const s = n.toFixed(digits).replace(/\.?0+$/, "");
  return s === "-0" ? "0" : s;
}

/** A share (0.05) as a .synth percent (5%). */
export function pct(share: number): string {
  return `${num(share * 100, 4)}%`;
}

export function str(s: string): string {
  return JSON.stringify(s);
}
