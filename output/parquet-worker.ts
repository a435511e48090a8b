// A Parquet encoder thread: encodes the row groups the main thread hands it (Parquet encoding
// is the slow part of a parquet run; several groups encode at once on several cores).
import type { Column } from "../specs/records/table.ts";
import type { ColumnBuffer } from "./columnar.ts";
import { encodeGroup, type EncodedGroup } from "./parquet-encode.ts";

declare const self: Worker;

export interface EncodeJob {
  id: number;
  columns: Column[];
  cols: ColumnBuffer[];
  rows: number;
}

export type EncodeReply = { id: number; group: EncodedGroup } | { id: number; error: string };

self.onmessage = (ev: MessageEvent<EncodeJob>) => {
  const { id, columns, cols, rows } = ev.data;
  try {
    const group = encodeGroup(columns, cols, rows);
    self.postMessage({ id, group } satisfies EncodeReply, [group.bytes.buffer as ArrayBuffer]);
  } catch (e) {
    self.postMessage({ id, error: (e as Error)?.message ?? String(e) } satisfies EncodeReply);
  }
};
