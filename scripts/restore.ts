// `npm run restore -- <file>`: a backup made by `npm run backup` into an EMPTY database: a new
// PostgreSQL database (DATABASE_OWNER_URL, else DATABASE_URL) or a new PGlite folder (PGLITE_DIR).
// It never writes over existing records. The restored database is migrated and, on PostgreSQL, the
// app role is granted again (grants are not taken from the archive).
import { restoreDatabase } from "../db/backup";
import { appRoleOptions, describeTarget, ownerTarget, reasonOf } from "./owner-target";

async function main(file: string | undefined) {
  if (!file) throw new Error("Usage: npm run restore -- <file>   (into an empty database or PGlite folder)");
  const target = ownerTarget();
  console.log(`Restoring ${file} into ${describeTarget(target)} ...`);
  await restoreDatabase(target, file, target.kind === "postgres" ? appRoleOptions() : null);
  console.log(`Restored into ${describeTarget(target)}; migrations applied.`);
}

let finished = false;
// A database call that never settles would otherwise end the process quietly, as if it had worked.
process.on("beforeExit", () => {
  if (finished) return;
  console.error("Restore did not finish: the new database may be incomplete. Remove it and try again.");
  process.exit(1);
});

main(process.argv[2])
  .then(() => (finished = true))
  .catch((e) => {
    finished = true;
    console.error(`Restore failed: ${reasonOf(e)}`);
    process.exit(1);
  });
