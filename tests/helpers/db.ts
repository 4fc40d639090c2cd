// A fresh, migrated database per test file: in-memory PGlite, or a new PostgreSQL database
// on the server named by TEST_DATABASE_URL when TEST_DB=postgres, used through the app role.
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { eq } from "drizzle-orm";
import { openPglite, openPostgres, setDbHandle, type Db, type DbHandle } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { applyRoles } from "@/db/roles";
import { users } from "@/db/schema";
import { demoUserId, seedDemoAuthority, type DemoUserKey } from "@/scripts/seed/demo";
import type { Actor } from "@/lib/access";

export const onPostgres = process.env.TEST_DB === "postgres";

/**
 * The tests' database. `db` is the portal's view of it: on PostgreSQL the app role, which owns
 * nothing (db/roles.ts). `owner` is the login that migrated it (a superuser here), for tests that
 * play someone with full access to the database. PGlite is single-user: both are the same.
 */
export interface TestDbHandle extends DbHandle {
  owner: Db;
  /** The app role's name on PostgreSQL; null on PGlite, which has no roles. */
  appRole: string | null;
  /** The owner's connection string on PostgreSQL (backups); null for in-memory PGlite. */
  ownerUrl: string | null;
}

export async function createTestDb(opts: { seed?: boolean; migrate?: boolean } = {}): Promise<TestDbHandle> {
  let handle: TestDbHandle;
  if (onPostgres) {
    const base = process.env.TEST_DATABASE_URL;
    if (!base) throw new Error("TEST_DB=postgres needs TEST_DATABASE_URL");
    const suffix = randomBytes(6).toString("hex");
    const name = `cases_test_${suffix}`;
    // A role per test file: roles belong to the whole server, and test files run side by side.
    const appRole = `cases_app_test_${suffix}`;
    const admin = postgres(base, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    const owner = openPostgres(url.toString(), 2);
    const dropAll = async () => {
      const cleanup = postgres(base, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.unsafe(`DROP ROLE IF EXISTS ${appRole}`);
      await cleanup.end();
    };
    // A test that applies the migrations itself works as the owner, on an empty database.
    if (opts.migrate === false) {
      const bare: TestDbHandle = {
        ...owner,
        owner: owner.db,
        appRole: null,
        ownerUrl: url.toString(),
        close: async () => {
          await owner.close();
          await dropAll();
        },
      };
      setDbHandle(bare);
      return bare;
    }
    await runMigrations(owner);
    await applyRoles(owner, { appRole, appPassword: randomBytes(12).toString("hex") });
    const appUrl = new URL(url);
    appUrl.username = appRole;
    appUrl.password = "";
    const app = openPostgres(appUrl.toString(), 10);
    handle = {
      ...app,
      owner: owner.db,
      appRole,
      ownerUrl: url.toString(),
      close: async () => {
        await app.close();
        await owner.close();
        await dropAll();
      },
    };
  } else {
    const inner = openPglite(null);
    if (opts.migrate !== false) await runMigrations(inner);
    handle = { ...inner, owner: inner.db, appRole: null, ownerUrl: null };
  }
  // Unmigrated only for a test that applies migrations itself (and so cannot seed yet).
  if (opts.migrate === false) {
    setDbHandle(handle);
    return handle;
  }
  // Seeded as the portal: the seed goes through the same domain commands, so this proves them.
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
