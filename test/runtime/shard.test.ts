// Scale-out: shards of a plan, merged, equal one run on one machine byte for byte.
import { afterAll, describe, expect, test } from "bun:test";
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compile } from "../../compiler/compile.ts";
import { run } from "../../engine/run.ts";
import { mergeShards } from "../../engine/merge.ts";
import { parseShard, sliceOf } from "../../output/shard.ts";
import { ConfigurationError } from "../../core/errors.ts";
import { generousTimeout } from "../setup.ts";

generousTimeout();

const root = mkdtempSync(join(tmpdir(), "synth-shard-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const SOURCE = `
scenario "Shards" { seed = 21  industry = retail  start = 2024-11-01  months = 3 }
chart_of_accounts { size = small }
company US1 { currency = USD  share = 70% }
company GB1 { country = GB  currency = GBP }
phase master_data { vendors = 25 customers = 40 materials = 20 fixed_assets = 8 employees = 15 cost_centers = 4  block_size = 64 }
phase transactions { volume = 6k per year  block_size = 64 }
process procure_to_pay { volume = 400 per year }
process order_to_cash { volume = 600 per year }
process intercompany { volume = 80 per year }
`;
const plan = compile(SOURCE, { path: "shards.synth" }).plan!;
const quiet = { progress: "none" as const, formats: ["csv" as const] };
const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));

async function shards(n: number, base: string): Promise<string[]> {
  const dirs = Array.from({ length: n }, (_, i) => join(base, `shard-${i}`));
  // One shard on a worker thread, the others inline: both paths must give the same parts.
  for (let i = 0; i < n; i++) await run(plan, { ...quiet, out: dirs[i], workers: i === 1 ? 1 : 0, shard: { index: i, count: n } }).done;
  return dirs;
}

describe("sharded runs", () => {
  let single: string;
  let three: string[];

  test("3 shards merged equal a single run, byte for byte (same manifest, same sha256 per file)", async () => {
    single = join(root, "single");
    await run(plan, { ...quiet, out: single, workers: 2 }).done;
    three = await shards(3, join(root, "three"));
    const merged = join(root, "merged");
    await mergeShards([three[2]!, three[0]!, three[1]!], { out: merged, progress: "none" });
    expect(manifest(merged)).toEqual(manifest(single));
    for (const f of manifest(single).files) expect(readFileSync(join(merged, f.path))).toEqual(readFileSync(join(single, f.path)));
  });

  test("any shard count gives the same result (1 and 5 shards)", async () => {
    for (const n of [1, 5]) {
      const out = join(root, `merged-${n}`);
      await mergeShards(await shards(n, join(root, `n${n}`)), { out, progress: "none" });
      expect(manifest(out)).toEqual(manifest(single));
    }
  });

  test("slices are contiguous and cover every block once", () => {
    for (const blocks of [0, 1, 7, 100]) {
      for (const n of [1, 3, 8]) {
        const ranges = Array.from({ length: n }, (_, i) => sliceOf({ from: 0, to: blocks }, { index: i, count: n }));
        expect(ranges[0]!.from).toBe(0);
        expect(ranges.at(-1)!.to).toBe(blocks);
        ranges.slice(1).forEach((r, i) => expect(r.from).toBe(ranges[i]!.to));
      }
    }
    expect(() => parseShard("3/3")).toThrow(ConfigurationError);
    expect(parseShard("2/4")).toEqual({ index: 2, count: 4 });
  });

  test("a missing shard, a shard of another plan or a changed part file is refused", async () => {
    const err = (p: Promise<unknown>) => p.catch((e: Error) => e) as Promise<Error>;
    expect(await err(mergeShards(three.slice(0, 2), { out: join(root, "bad1"), progress: "none" }))).toBeInstanceOf(ConfigurationError);
    expect(await err(mergeShards([three[0]!, three[0]!, three[2]!], { out: join(root, "bad2"), progress: "none" }))).toBeInstanceOf(ConfigurationError);
    const other = compile(SOURCE.replace("seed = 21", "seed = 22"), { path: "shards.synth" }).plan!;
    const foreign = join(root, "foreign");
    await run(other, { ...quiet, out: foreign, workers: 0, shard: { index: 1, count: 3 } }).done;
    const mixed = await err(mergeShards([three[0]!, foreign, three[2]!], { out: join(root, "bad3"), progress: "none" }));
    expect(mixed).toBeInstanceOf(ConfigurationError);
    expect(mixed.message).toContain("another plan");
    appendFileSync(join(three[1]!, JSON.parse(readFileSync(join(three[1]!, "shard.json"), "utf8")).parts.at(-1).files[0].path), "tampered\n");
    const tampered = await err(mergeShards(three, { out: join(root, "bad4"), progress: "none" }));
    expect(tampered.message).toContain("changed since its shard wrote it");
  });
});
