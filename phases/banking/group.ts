// The group's own companies as customers of the bank (group_accounts = on): their current
// accounts and the payments and receipts of their ledgers as bank transactions.
import type { RunContext } from "../../ledger/context.ts";
import type { RunState } from "../../ledger/state.ts";
import type { TableOut } from "../../specs/records/table.ts";
import type { Bank } from "./bank.ts";

export function groupFlows(_cx: RunContext, bank: Bank, _state: RunState, _out: TableOut, _period: number): void {
  if (!bank.p.group_accounts) return;
}
