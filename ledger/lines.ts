// The lines of one document being built: a reusable struct of arrays (no per-line objects).
import type { Account } from "./chart.ts";

/** Reusable line buffer for one document (struct of arrays: no per-line objects). */
export class Lines {
  n = 0;
  account: Account[] = [];
  debit: number[] = [];
  credit: number[] = [];
  costCenter: number[] = [];
  partner: string[] = [];
  /** The line's amount in the document currency (-1: same as the company amount). */
  docAmount: number[] = [];
  /** The line's own exchange rate when it differs from the document's (clearing at the historical rate); "" otherwise. */
  rate: string[] = [];

  reset(): void {
    this.n = 0;
  }

  /** cc: cost center index or -1; partner: id or ""; doc: amount in document currency, -1 if the same; rate: the line's own rate. */
  add(account: Account, debit: number, credit: number, cc: number, partner: string, doc = -1, rate = ""): void {
    const i = this.n++;
    this.account[i] = account;
    this.debit[i] = debit;
    this.credit[i] = credit;
    this.costCenter[i] = cc;
    this.partner[i] = partner;
    this.docAmount[i] = doc;
    this.rate[i] = rate;
  }
}
