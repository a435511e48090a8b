// What a customer's simulation works on: events on its accounts (scheduled ones with known
// amounts, the bank's own postings, discretionary activity and case steps), the parties on the
// other side, and the labels case steps carry.
import type { TRANSACTION_TYPES } from "./tables.ts";
import type { Role } from "./cases.ts";
import type { Typology } from "./params.ts";
import type { STAGES } from "./tables-aml.ts";

export type TxType = keyof typeof TRANSACTION_TYPES;
export type Channel = "card_pos" | "card_online" | "atm" | "branch" | "online_banking" | "mobile_app" | "direct_debit" | "standing_order" | "system";
export type Rail = "card" | "cash" | "internal" | "domestic" | "wire" | "book";
export type Stage = keyof typeof STAGES;

/** The other side of an item: outside the bank, or a customer's account at this bank. */
export interface Party {
  name: string;
  account?: string;
  bank?: string;
  country?: string;
  customer?: number;
  accountK?: number;
  accountId?: string;
  customerId?: string;
}

export interface Label {
  caseIndex: number;
  typology: Typology;
  stage: Stage;
  label: "laundering" | "fraud";
  role: Role;
  step: number;
}

/** Dynamic amounts, computed when the item is booked. */
export type Dyn = "card_repay" | "savings_interest" | "od_interest";

export interface Ev {
  day: number;
  /** Second of the day. */
  sec: number;
  /** Creation order: breaks ties, so every sort is stable and the same everywhere. */
  ord: number;
  acct: number;
  dir: 1 | -1;
  amount: number;
  /** Scheduled, case and bank items are never declined (the reserve guarantees their funds). */
  must: boolean;
  /** The amount is known in advance: the item counts in the account's reserve. */
  known: boolean;
  /** Counts as a normal transaction (case items do not: they are the labelled share). */
  normal: boolean;
  dyn?: Dyn;
  type: TxType;
  channel: Channel;
  rail: Rail;
  mcc?: string;
  cp?: Party;
  ref: string;
  transferId?: string;
  country: string;
  city?: string;
  device?: string;
  ip?: string;
  valueDay?: number;
  label?: Label;
  /** The other side of a transfer between two of the customer's own accounts, booked right after. */
  pair?: Ev;
  /** The watchlist entry a case payment's payee names (payment screening). */
  watchEntry?: number;
  /** Accounts whose reserve this item counts in besides its own (a card subscription counts in the current account's). */
  alsoReserves?: number;
}

export const compareEv = (a: Ev, b: Ev) => a.day - b.day || a.sec - b.sec || a.ord - b.ord;
