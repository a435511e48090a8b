// `bun run bench/banking.ts`: end-to-end throughput and memory of the banking phase (real CLI in
// a child process, real CSV files). bench/banking.synth is rewritten to each size in normal bank
// transactions (customers x 20 a month x 12 months), compiled, and run with 1 worker and all
// cores; the figures are bank transactions per wall second of the whole process and its kernel
// peak RSS. Writes bench/banking-results.json. See bench/README.md.
//
//   bun run bench/banking.ts [--sizes 240k,1.2M,4.8M]
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { loadavg } from "node:os";
import { timedRun } from "./run.ts";

const ROOT = resolve(import.meta.dir, "..");
const OUT = join(ROOT, "bench", "out");
const PER_CUSTOMER = 20 * 12;
const MiB = 2 ** 20;
const CORES = navigator.hardwareConcurrency;

function parseSize(s: string): number {
  const m = /^(\d+(?:\.\d+)?)([kM]?)$/.exec(s.trim());
  if (!m) throw new Error(`bench: bad size "${s}" (use 240k, 1.2M)`);
  const n = Math.round(Number(m[1]) * ({ k: 1e3, M: 1e6 }[m[2]!] ?? 1));
  if (n % PER_CUSTOMER !== 0) throw new Error(`bench: ${s} is not a whole number of customers (${PER_CUSTOMER} transactions each)`);
  return n;
}

async function compileAt(size: number): Promise<string> {
  mkdirSync(join(OUT, "plans"), { recursive: true });
  const text = readFileSync(join(ROOT, "bench", "banking.synth"), "utf8").replace(/^(const CUSTOMERS\s*=\s*)[\d_]+/m, `$1${size / PER_CUSTOMER}`);
  const source = join(OUT, "plans", `banking-${size}.synth`);
  const plan = join(OUT, "plans", `banking-${size}.plan.json`);
  writeFileSync(source, text);
  const p = Bun.spawnSync([process.execPath, "bin/synth.ts", "compile", source, "-o", plan], { cwd: ROOT });
  if (p.exitCode !== 0) throw new Error(`bench: compiling ${source} failed:\n${p.stderr.toString()}`);
  return plan;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const i = argv.indexOf("--sizes");
  const sizes = (i >= 0 ? argv[i + 1]! : "240k,1.2M,4.8M").split(",").map(parseSize);
  const results = [];
  for (const size of sizes) {
    const plan = await compileAt(size);
    for (const workers of [...new Set([1, CORES])]) {
      const dir = join(OUT, `banking-${size}-w${workers}`);
      rmSync(dir, { recursive: true, force: true });
      const loadBefore = loadavg()[0]!;
      const t = await timedRun(plan, dir, workers);
      const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
      const files = manifest.files as { table: string; rows: number; bytes: number }[];
      const rows = (table: string) => files.filter((f) => f.table === table).reduce((a, f) => a + f.rows, 0);
      const bankRows = rows("bank_transactions");
      const r = {
        size, workers, wallS: t.wallS, cpuS: t.cpuS, bankTransactions: bankRows, labelled: rows("aml_transaction_labels"),
        transactionsPerS: bankRows / t.wallS, transactionsPerCpuS: bankRows / t.cpuS, mbPerS: files.reduce((a, f) => a + f.bytes, 0) / 1e6 / t.wallS,
        peakRssMiB: Math.max(t.maxRss, t.polled ?? 0) / MiB, loadBefore,
      };
      rmSync(dir, { recursive: true, force: true });
      process.stderr.write(`banking ${size} normal, ${workers} worker(s): ${r.bankTransactions} rows in ${r.wallS.toFixed(1)} s = ${Math.round(r.transactionsPerS)}/s (cpu ${r.cpuS.toFixed(1)} s: ${Math.round(r.transactionsPerCpuS)}/cpu s), peak RSS ${r.peakRssMiB.toFixed(0)} MiB (load ${loadBefore.toFixed(2)})\n`);
      results.push(r);
    }
  }
  rmSync(join(OUT, "plans"), { recursive: true, force: true });
  writeFileSync(join(ROOT, "bench", "banking-results.json"), JSON.stringify({ date: new Date().toISOString(), cores: CORES, bun: Bun.version, results }, null, 2) + "\n");
}

await main();
