// Command line for the database: `migrate`, `seed`, or `setup` (both), on PGlite or PostgreSQL.
// Runs as the owner (DATABASE_OWNER_URL, else DATABASE_URL); on PostgreSQL, migrate also creates
// or updates the portal's app role and its grants (db/roles.ts).
import { sql } from "drizzle-orm";
import { openPglite, openPostgres, rowsOf, type DbHandle } from "../db/client";
import { runMigrations } from "../db/migrate";
import { applyRoles } from "../db/roles";
import { seedDemoAuthority } from "./seed/demo";
import { appRoleOptions, describeTarget, ownerTarget, reasonOf } from "./owner-target";

async function loginName(handle: DbHandle): Promise<string | undefined> {
  return rowsOf<{ name: string }>(await handle.db.execute(sql`select current_user as name`))[0]?.name;
}

async function main(command: string | undefined) {
  if (!command || !["migrate", "seed", "setup"].includes(command)) {
    throw new Error("Usage: tsx scripts/db.ts migrate|seed|setup");
  }
  const target = ownerTarget();
  const roles = target.kind === "postgres" && command !== "seed" ? appRoleOptions() : null;
  const handle = target.kind === "postgres" ? openPostgres(target.url, 2) : openPglite(target.dir);
  try {
    if (roles && (await loginName(handle)) === roles.appRole) {
      // The portal's own login can change no schema: migrating is the owner's job.
      const why = `${describeTarget(target)} logs in as the app role "${roles.appRole}", which cannot migrate.`;
      if (command === "migrate") throw new Error(`${why} Set DATABASE_OWNER_URL to the owner's login.`);
      console.log(`${why} Skipping migrations: run \`npm run db:migrate\` with DATABASE_OWNER_URL first.`);
      command = "seed";
    }
    if (command !== "seed") {
      await runMigrations(handle);
      console.log(`Migrations applied (${describeTarget(target)}).`);
      if (roles) {
        await applyRoles(handle, roles);
        console.log(`Role "${roles.appRole}" granted what the portal needs and nothing more.`);
      }
    }
    if (command !== "migrate") {
      const result = await seedDemoAuthority(handle.db);
      console.log(
        result.created
          ? `Seeded the fictional demo authority (${result.children} children).`
          : "Demo authority already seeded; nothing to do.",
      );
    }
  } finally {
    await handle.close();
  }
}

main(process.argv[2]).catch((e) => {
  console.error(reasonOf(e));
  process.exit(1);
});
