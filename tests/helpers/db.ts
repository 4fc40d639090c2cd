// A fresh, migrated database per test file: in-memory PGlite, or a new PostgreSQL database
// on the server named by TEST_DATABASE_URL when TEST_DB=postgres.
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { eq } from "drizzle-orm";
import { openPglite, openPostgres, setDbHandle, type DbHandle } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { users } from "@/db/schema";
import { demoUserId, seedDemoAuthority, type DemoUserKey } from "@/scripts/seed/demo";
import type { Actor } from "@/lib/access";

export const onPostgres = process.env.TEST_DB === "postgres";

export async function createTestDb(opts: { seed?: boolean; migrate?: boolean } = {}): Promise<DbHandle> {
  let handle: DbHandle;
  if (onPostgres) {
    const base = process.env.TEST_DATABASE_URL;
    if (!base) throw new Error("TEST_DB=postgres needs TEST_DATABASE_URL");
    const name = `cases_test_${randomBytes(6).toString("hex")}`;
    const admin = postgres(base, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    const inner = openPostgres(url.toString(), 10);
    handle = {
      ...inner,
      close: async () => {
        await inner.close();
        const cleanup = postgres(base, { max: 1, onnotice: () => {} });
        await cleanup.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await cleanup.end();
      },
    };
  } else {
    handle = openPglite(null);
  }
  // Unmigrated only for a test that applies migrations itself (and so cannot seed yet).
  if (opts.migrate === false) {
    setDbHandle(handle);
    return handle;
  }
  await runMigrations(handle);
  if (opts.seed !== false) await seedDemoAuthority(handle.db, { records: false });
  setDbHandle(handle);
  return handle;
}

export async function demoActor(handle: DbHandle, key: DemoUserKey): Promise<Actor> {
  const [u] = await handle.db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      teamId: users.teamId,
      organisationId: users.organisationId,
    })
    .from(users)
    .where(eq(users.id, demoUserId(key)));
  if (!u) throw new Error(`no demo user ${key}`);
  return u;
}
