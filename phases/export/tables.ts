// The data dictionary's record spec: one row per column of every table a run writes.
import { c, table } from "../../specs/records/table.ts";

export const dataDictionary = table("data_dictionary", "every column of every table this run writes", {
  table_name: c.id("table"),
  column_position: c.int("1-based column position"),
  column_name: c.id("column"),
  column_type: c.id("id, text, int, money, decimal, date or bool"),
  nullable: c.bool("whether the column may be empty"),
  description: c.text("what the column holds"),
});
