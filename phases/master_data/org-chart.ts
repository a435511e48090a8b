// The org chart of one company as index arithmetic: which cost center and rank employee i holds,
// and back, so any employee's manager is computable without building the whole staff.
import type { Industry } from "../../specs/industries.ts";
import { DEPARTMENT_SEQUENCE, DEPARTMENT_WEIGHT, DEPARTMENTS, type Department } from "../../data/industry.ts";

export interface Org {
  /** Department of each position of the industry sequence, and the first cost center index per department. */
  seq: Department[];
  firstOfDept: Map<string, number>;
  /** Weighted slot pattern over cost centers: non-head employees fill it cyclically. */
  pattern: Int32Array;
  occ: Int32Array;
  weight: Int32Array;
  slotStart: Int32Array;
  slots: Int32Array;
  /** Employees per cost center. */
  headcount: Int32Array;
  ccByDept: Map<string, number[]>;
}

export function buildOrg(industry: Industry, k: number, n: number): Org {
  const seqIds = DEPARTMENT_SEQUENCE[industry];
  const seq = seqIds.map((id) => DEPARTMENTS[id]!);
  const firstOfDept = new Map<string, number>();
  seqIds.forEach((id, j) => firstOfDept.has(id) || firstOfDept.set(id, j));
  const weight = new Int32Array(k);
  const ccByDept = new Map<string, number[]>();
  let total = 0;
  for (let j = 0; j < k; j++) {
    const dept = seq[j % seq.length]!;
    weight[j] = DEPARTMENT_WEIGHT[dept.id] ?? 1;
    total += weight[j]!;
    let l = ccByDept.get(dept.id);
    if (!l) ccByDept.set(dept.id, (l = []));
    l.push(j);
  }
  const { pattern, occ, slotStart, slots } = slotPattern(weight, total);
  const headcount = new Int32Array(k);
  const rest = Math.max(0, n - k);
  const cycles = Math.floor(rest / total);
  const rem = rest % total;
  for (let j = 0; j < Math.min(k, n); j++) headcount[j] = 1 + cycles * weight[j]!;
  for (let s = 0; s < rem; s++) headcount[pattern[s]!]!++;
  return { seq, firstOfDept, pattern, occ, weight, slotStart, slots, headcount, ccByDept };
}

/** Interleaves cost centers by weight (round-robin rounds) so each cycle spreads hires evenly. */
function slotPattern(weight: Int32Array, total: number) {
  const k = weight.length;
  const pattern = new Int32Array(total);
  const occ = new Int32Array(total);
  let maxW = 0;
  for (let j = 0; j < k; j++) maxW = Math.max(maxW, weight[j]!);
  let s = 0;
  for (let round = 0; round < maxW; round++) {
    for (let j = 0; j < k; j++) if (weight[j]! > round) (pattern[s] = j), (occ[s] = round), s++;
  }
  const slotStart = new Int32Array(k + 1);
  for (let j = 0; j < k; j++) slotStart[j + 1] = slotStart[j]! + weight[j]!;
  const slots = new Int32Array(total);
  for (let t = 0; t < total; t++) slots[slotStart[pattern[t]!]! + occ[t]!] = t;
  return { pattern, occ, slotStart, slots };
}

export interface Position { cc: number; rank: number }

/** Employee i -> (cost center, rank in it). Ranks 0 are the heads: employee j heads cost center j. */
export function position(org: Org, k: number, i: number): Position {
  if (i < k) return { cc: i, rank: 0 };
  const q = i - k;
  const total = org.pattern.length;
  const slot = q % total;
  const cc = org.pattern[slot]!;
  return { cc, rank: 1 + Math.floor(q / total) * org.weight[cc]! + org.occ[slot]! };
}

/** Inverse of position(): the employee index holding rank r of cost center cc. */
export function employeeAt(org: Org, k: number, cc: number, r: number): number {
  if (r === 0) return cc;
  const w = org.weight[cc]!;
  const t = r - 1;
  return k + Math.floor(t / w) * org.pattern.length + org.slots[org.slotStart[cc]! + (t % w)]!;
}
