// What every invariant check shares: the tables it reads, exact decimal parsing, and a
// collector that keeps the first violations of each kind and counts the rest.

export type Tables = ReadonlyMap<string, readonly Record<string, unknown>[]>;

export interface Violation {
  check: string;
  message: string;
}

/** Decimal string -> integer minor units (exact). */
export function minorOf(text: unknown): number {
  const s = String(text);
  const neg = s.startsWith("-");
  const [i = "0", f = ""] = (neg ? s.slice(1) : s).split(".");
  const digits = f.length;
  const v = Number(i) * 10 ** digits + (digits ? Number(f) : 0);
  return neg ? -v : v;
}

/**
 * Collects violations, the first 20 of each check in full; the rest are counted and reported
 * as one more violation per check, so a broken ledger never looks less broken than it is.
 */
export function collector(): { report: Report; result: () => Violation[] } {
  const out: Violation[] = [];
  const extra = new Map<string, number>();
  const report = (check: string, message: string) => {
    if (out.filter((v) => v.check === check).length < 20) out.push({ check, message });
    else extra.set(check, (extra.get(check) ?? 0) + 1);
  };
  const result = () => [...out, ...[...extra].map(([check, n]) => ({ check, message: `and ${n} more` }))];
  return { report, result };
}

export type Report = (check: string, message: string) => void;
