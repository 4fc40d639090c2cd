// An exported return read back into its tables, as the Department's loader reads it: each file's
// header row must be exactly the table's columns.
import { parse } from "csv-parse/sync";
import { strFromU8, unzipSync } from "fflate";
import { TABLE_COLUMNS, type Row, type TableName, type Tables } from "@/lib/ssda903/tables";

/** A table read back from its CSV: the header row must be exactly the Department's columns. */
export function parseTableCsv<T extends TableName>(table: T, csv: string): Row<T>[] {
  const records = parse(csv, { columns: true, skip_empty_lines: true, bom: true }) as Array<Record<string, string>>;
  const header = csv.split(/\r?\n/, 1)[0] ?? "";
  if (header !== TABLE_COLUMNS[table].join(",")) throw new Error(`${table}.csv has the columns ${header}`);
  return records as Row<T>[];
}

export function parseReturnZip(zip: Uint8Array): Partial<Tables> {
  const out: Partial<Record<TableName, unknown>> = {};
  for (const [name, bytes] of Object.entries(unzipSync(zip))) {
    const table = name.replace(/\.csv$/, "") as TableName;
    if (!(table in TABLE_COLUMNS)) throw new Error(`Unexpected file ${name}`);
    out[table] = parseTableCsv(table, strFromU8(bytes));
  }
  return out as Partial<Tables>;
}
