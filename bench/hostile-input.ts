// Hostile input: `synth check` on 1 MB and 10 MB of random tokens, in a cold child process each.
// Any input must end in diagnostics with bounded time and memory (the size, depth and error
// limits of grammar/parse.ts); this prints how long and how much memory that takes.
//
//   bun run bench/hostile-input.ts          (also part of `bun run bench`)
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dir, "..");
const MiB = 2 ** 20;

export interface HostileResult {
  input: string;
  bytes: number;
  exitCode: number;
  wallS: number;
  peakRssMiB: number;
  /** The diagnostic codes reported, with counts. */
  codes: Record<string, number>;
}

const WORDS = ["scenario", "phase", "transactions", "company", "{", "}", "[", "]", "=", ",", ";", "..", "-", "per", "year", "const", "import", '"x"', "USD", "10k", "5%", "2024-01-01", "auto", "\n", "#c\n", "/*", "*/", "A"];

/** `bytes` of random tokens from a fixed seed (the same file every time); `flat`: no brackets. */
export function randomTokens(bytes: number, flat = false, seed = 1): string {
  const words = flat ? WORDS.filter((w) => !/[[\]{}]/.test(w)) : WORDS;
  const parts: string[] = [];
  let s = seed;
  for (let n = 0; n < bytes; ) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const w = words[s % words.length]!;
    parts.push(w);
    n += w.length + 1;
  }
  return parts.join(" ");
}

async function checkOne(dir: string, label: string, bytes: number, flat = false): Promise<HostileResult> {
  const file = join(dir, `random-${bytes}-${flat ? "flat" : "mixed"}.synth`);
  writeFileSync(file, randomTokens(bytes, flat));
  const start = performance.now();
  const p = Bun.spawn([process.execPath, "bin/synth.ts", "check", file, "--format", "json"], { cwd: ROOT, stdout: "pipe", stderr: "ignore" });
  const [exitCode, out] = await Promise.all([p.exited, new Response(p.stdout).text()]);
  const wallS = (performance.now() - start) / 1000;
  const codes: Record<string, number> = {};
  try {
    for (const d of JSON.parse(out).diagnostics as { code: string }[]) codes[d.code] = (codes[d.code] ?? 0) + 1;
  } catch {
    codes["(no JSON report)"] = 1;
  }
  return { input: `${label} random tokens`, bytes, exitCode, wallS, peakRssMiB: (p.resourceUsage()?.maxRSS ?? 0) / MiB, codes };
}

export async function hostileInput(out: string): Promise<HostileResult[]> {
  const dir = join(out, "hostile");
  mkdirSync(dir, { recursive: true });
  try {
    // Brackets nest past the depth limit within the first kilobytes; without them, the error limit stops the parse.
    return [await checkOne(dir, "1 MB", 1e6), await checkOne(dir, "1 MB (no brackets)", 1e6, true), await checkOne(dir, "10 MB", 1e7)];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function hostileLines(results: HostileResult[]): string[] {
  return results.map((r) => {
    const codes = Object.entries(r.codes).map(([c, n]) => `${c} x${n}`).join(", ");
    return `hostile input, ${r.input}: synth check exit ${r.exitCode} in ${r.wallS.toFixed(2)} s, peak RSS ${r.peakRssMiB.toFixed(1)} MiB (${codes})`;
  });
}

if (import.meta.main) {
  for (const line of hostileLines(await hostileInput(join(ROOT, "bench", "out")))) console.log(line);
}
