// The data-quality layer (placeholder).
import type { OverlayContext } from "../api.ts";
import type { RunContext } from "../../ledger/context.ts";
import type { Doc } from "./doc.ts";
import type { Carrier } from "./catalog.ts";

export function writeDirty(_cx: RunContext, _at: OverlayContext, _docs: Doc[], _carrier: Carrier | undefined): void {}
