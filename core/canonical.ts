// Canonical JSON: sorted keys, no undefined, two-space indent, trailing newline. The plan file
// and every hash go through it, so equal plans are equal bytes.
import { createHash } from "node:crypto";

export function canonicalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalize);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = canonicalize(v);
    }
    return out;
  }
  if (typeof value === "number" && !Number.isFinite(value)) throw new Error(`non-finite number in canonical JSON`);
  return value;
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalize(value), null, 2) + "\n";
}

/** Compact form for hashing. */
export function canonicalCompact(value: unknown): string {
  return JSON.stringify(canonicalize(value));
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export function hashOf(value: unknown): string {
  return sha256(canonicalCompact(value));
}
