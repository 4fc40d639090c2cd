// `npm run backup -- <file>`: the whole database to one file. PostgreSQL (DATABASE_OWNER_URL, else
// DATABASE_URL): a pg_dump archive in custom format. PGlite (PGLITE_DIR): its data folder, gzipped;
// refused while the portal has that folder open.
import { backupDatabase } from "../db/backup";
import { describeTarget, ownerTarget, reasonOf } from "./owner-target";

async function main(file: string | undefined) {
  if (!file) throw new Error("Usage: npm run backup -- <file>   (for example backups/cases-2026-01-31.dump)");
  const target = ownerTarget();
  console.log(`Backing up ${describeTarget(target)} ...`);
  const bytes = await backupDatabase(target, file);
  console.log(
    `Backup written to ${file} (${(bytes / 1024 / 1024).toFixed(1)} MB). Restore it with: npm run restore -- ${file}`,
  );
}

let finished = false;
// A database call that never settles would otherwise end the process quietly, as if it had worked.
process.on("beforeExit", () => {
  if (finished) return;
  console.error("Backup did not finish: nothing was written. Try again; if it persists, report it.");
  process.exit(1);
});

main(process.argv[2])
  .then(() => (finished = true))
  .catch((e) => {
    finished = true;
    console.error(`Backup failed: ${reasonOf(e)}`);
    process.exit(1);
  });
