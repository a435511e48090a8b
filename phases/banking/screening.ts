// Watchlist hits of a customer: onboarding screening (a PEP's own entry, confirmed; a decoy's
// near miss, cleared) and payment screening (a sanctions evader's misspelt payee, which the
// analyst cleared although it was the listed party).
import { formatIso } from "../../core/calendar.ts";
import { hash32, Rng } from "../../core/rng.ts";
import type { TableOut } from "../../specs/records/table.ts";
import { H_BANK, type Bank } from "./bank.ts";
import type { TxRec } from "./book.ts";
import { isDecoy, isPep } from "./customers.ts";
import { pad } from "./ids.ts";
import type { CustomerRecord } from "./record.ts";
import { amlScreeningHits } from "./tables-aml.ts";
import { entryAt, entryId, matchScore } from "./watchlist.ts";

export function screening(bank: Bank, out: TableOut, rec: CustomerRecord, txs: readonly TxRec[]): void {
  const w = out.table(amlScreeningHits);
  const rng = new Rng(bank.seed, H_BANK, hash32("screening"), rec.head.i);
  let n = 0;
  const hit = (entry: number, tx: TxRec | undefined, day: number, disposition: "true_match" | "false_positive", truth: boolean) => {
    const e = entryAt(bank, entry);
    w.id(`HIT-${rec.id.slice(3)}-${pad(++n, 3)}`); w.id(rec.id);
    if (tx) w.id(tx.id);
    else w.empty();
    w.id(entryId(entry)); w.text(tx?.cpName ?? rec.name); w.text(e.name);
    w.int(matchScore(rng, truth, !tx && e.name === rec.name)); w.date(formatIso(day)); w.id(disposition); w.bool(truth); w.end();
  };
  const onboarding = Math.max(rec.head.onboard, bank.firstDay - 3650);
  if (isPep(bank, rec.head.i)) hit(bank.pepPerm.indexOf(rec.head.i), undefined, onboarding, "true_match", true);
  if (isDecoy(bank, rec.head.i)) hit(bank.watchlist.peps + bank.decoyPerm.indexOf(rec.head.i), undefined, onboarding, "false_positive", false);
  for (const t of txs) if (t.watchEntry !== undefined) hit(t.watchEntry, t, t.day, "false_positive", true);
}
