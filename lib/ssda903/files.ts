// The return as files the Department accepts: one CSV per table with its exact header row in the
// Department's column order (csv-stringify does the quoting), UTF-8, and all of them in one ZIP
// (fflate).
import { stringify } from "csv-stringify/sync";
import { strToU8, zipSync } from "fflate";
import { TABLE_COLUMNS, tablesForYear, type CollectionYear, type Row, type TableName, type Tables } from "./tables";

export function tableCsv<T extends TableName>(table: T, rows: readonly Row<T>[]): string {
  const columns = [...TABLE_COLUMNS[table]];
  return stringify(
    rows.map((r) => columns.map((c) => r[c as keyof Row<T>])),
    { header: true, columns, record_delimiter: "\r\n" },
  );
}

/** Every table of the year as `<table>.csv`. */
export function returnCsvFiles(tables: Tables, year: CollectionYear): Array<{ name: string; csv: string }> {
  return tablesForYear(year).map((t) => ({ name: `${t}.csv`, csv: tableCsv(t, tables[t] as Row<typeof t>[]) }));
}

export function returnZip(tables: Tables, year: CollectionYear): Uint8Array {
  const files = Object.fromEntries(returnCsvFiles(tables, year).map((f) => [f.name, strToU8(f.csv)]));
  return zipSync(files, { level: 6, mtime: new Date(`${year.end}T12:00:00Z`) });
}
