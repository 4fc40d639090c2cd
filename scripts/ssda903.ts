// `npm run ssda903 -- --year 2026 --out <folder>`: the SSDA903 return for the collection year
// ending in March of that year, from the embedded database (PGLITE_DIR) or DATABASE_URL (read from
// DATABASE_REPLICA_URL when it is set): one CSV per table and the ZIP of them all, then the
// portal's own validation of the year, each problem by child, table, field and rule.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { openPglite, openPostgres, type DbHandle } from "../db/client";
import { authority } from "../lib/authority";
import { buildReturn } from "../lib/ssda903/export";
import { returnCsvFiles, returnZip } from "../lib/ssda903/files";
import { collectionYear } from "../lib/ssda903/tables";
import { validateReturn } from "../lib/ssda903/validate";

function open(): DbHandle {
  const url = process.env.DATABASE_REPLICA_URL || process.env.DATABASE_URL;
  if (url) return openPostgres(url, 4);
  return openPglite(path.resolve(process.cwd(), process.env.PGLITE_DIR ?? ".data/pglite"));
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { year: { type: "string" }, out: { type: "string" } } });
  const endYear = Number(values.year);
  if (!values.year || !Number.isInteger(endYear) || !values.out) {
    console.error("Usage: npm run ssda903 -- --year 2026 --out <folder>   (the year the collection ends, in March)");
    return 2;
  }
  const year = collectionYear(endYear);
  const handle = open();
  try {
    const built = await buildReturn(handle.db, year);
    fs.mkdirSync(values.out, { recursive: true });
    for (const f of returnCsvFiles(built.tables, year)) fs.writeFileSync(path.join(values.out, f.name), f.csv);
    const zipName = `ssda903-${authority().laCode}-${endYear - 1}-${String(endYear).slice(2)}.zip`;
    fs.writeFileSync(path.join(values.out, zipName), returnZip(built.tables, year));
    const counts = Object.entries(built.tables).map(([t, rows]) => `${t} ${rows.length}`);
    console.log(
      `SSDA903 ${endYear - 1}/${String(endYear).slice(2)} for LA ${authority().laCode}: ${counts.join(", ")}`,
    );
    console.log(`Wrote the CSVs and ${zipName} to ${values.out}`);
    const problems = validateReturn(built.tables, year, { laCode: authority().laCode });
    if (problems.length === 0) console.log("The portal's validation found no problems.");
    else {
      console.log(`The portal's validation found ${problems.length} problem(s):`);
      for (const p of problems)
        console.log(
          `  child ${p.child}, ${p.table} row ${p.row + 1}, ${p.fields.join(" ")}: rule ${p.rule}: ${p.message}`,
        );
    }
    return problems.length === 0 ? 0 : 1;
  } finally {
    await handle.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
