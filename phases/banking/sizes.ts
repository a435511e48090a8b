// Sizes both the compiler (the layout) and the runtime (the bank) derive from the parameters:
// customers per block and the watchlist's parts.
import type { BankingParams } from "./params.ts";

/** About 15k transactions a block (auto, like a block of the transactions phase), so a block's rows stay small whatever the scenario's length. */
export function customersPerBlock(p: Pick<BankingParams, "block_size" | "transactions_per_customer">, months: number): number {
  if (p.block_size !== "auto") return p.block_size;
  return Math.max(8, Math.min(4096, Math.round(15_000 / (p.transactions_per_customer * Math.max(1, months)))));
}

/** Watchlist entries: one per PEP customer, one decoy near each screening false positive, and unrelated entries (sanctions evasion uses those). */
export function watchlistSize(p: Pick<BankingParams, "customers" | "pep_rate" | "screening_false_positive_rate">): { peps: number; decoys: number; noise: number } {
  return {
    peps: Math.round(p.customers * p.pep_rate),
    decoys: Math.round(p.customers * p.screening_false_positive_rate),
    noise: Math.max(20, Math.round(p.customers * 0.005)),
  };
}
