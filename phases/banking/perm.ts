// Keyed bijections of [0, n): a 4-round Feistel network on the smallest power-of-four domain
// that holds n, with cycle walking. Both directions are O(1) (expected), so a block can ask
// "which customer holds suspicious slot s" and "which slot does customer i hold" without
// enumerating the bank: this is how blocks agree on cases and transfers they share.
import { hash32, Rng } from "../../core/rng.ts";

function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

export class Permutation {
  private readonly half: number;
  private readonly mask: number;
  private readonly keys: Uint32Array;

  constructor(readonly n: number, seed: number, ...key: (number | string)[]) {
    if (n < 1 || n > 2 ** 30) throw new RangeError(`permutation domain ${n} out of range`);
    let bits = 2;
    while (2 ** bits < n) bits += 2;
    this.half = bits / 2;
    this.mask = (1 << this.half) - 1;
    const rng = new Rng(seed, ...key.map((k) => (typeof k === "string" ? hash32(k) : k)));
    this.keys = Uint32Array.from({ length: 4 }, () => rng.u32());
  }

  private enc(x: number): number {
    let l = x >>> this.half;
    let r = x & this.mask;
    for (let i = 0; i < 4; i++) [l, r] = [r, (l ^ mix(r ^ this.keys[i]!)) & this.mask];
    return ((l << this.half) | r) >>> 0;
  }

  private dec(y: number): number {
    let l = y >>> this.half;
    let r = y & this.mask;
    for (let i = 3; i >= 0; i--) [l, r] = [(r ^ mix(l ^ this.keys[i]!)) & this.mask, l];
    return ((l << this.half) | r) >>> 0;
  }

  /** The value at position i (0 <= i < n). */
  at(i: number): number {
    let x = this.enc(i);
    while (x >= this.n) x = this.enc(x);
    return x;
  }

  /** The position of value v (the inverse of at). */
  indexOf(v: number): number {
    let x = this.dec(v);
    while (x >= this.n) x = this.dec(x);
    return x;
  }
}
