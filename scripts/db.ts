// Command line for the database: `migrate`, `seed`, or `setup` (both), on PGlite or PostgreSQL.
import { openFromEnv } from "../db/client";
import { runMigrations } from "../db/migrate";
import { seedDemoAuthority } from "./seed/demo";

async function main(command: string | undefined) {
  if (!command || !["migrate", "seed", "setup"].includes(command)) {
    throw new Error("Usage: tsx scripts/db.ts migrate|seed|setup");
  }
  const handle = openFromEnv();
  try {
    if (command !== "seed") {
      await runMigrations(handle);
      console.log(`Migrations applied (${handle.kind}).`);
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
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
