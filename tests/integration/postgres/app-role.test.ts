// On PostgreSQL the portal logs in as an app role that owns nothing (db/roles.ts). Every way an
// owner could get round the triggers, or rewrite history without them, is refused to that login;
// what the application itself does still works.
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/client";
import { APP_UPDATABLE_COLUMNS, applyRoles } from "@/db/roles";
import { breakGlassGrants, children, providerArrangements, recordEntries, retentionHold, users } from "@/db/schema";
import { DEMO_CHILD_COUNT, demoChildId, demoUserId, seedDemoAuthority } from "@/scripts/seed/demo";
import { amendArrangement } from "@/lib/arrangements/commands";
import { getRetentionHold, setRetentionHold } from "@/lib/retention";
import { createTestDb, demoActor, type TestDbHandle } from "../../helpers/db";

let handle: TestDbHandle;
const sw1 = demoUserId("sw1");
const child = demoChildId(0);

beforeAll(async () => {
  handle = await createTestDb({ seed: false });
  // The whole demo authority, records and all, written by the portal's own login.
  await seedDemoAuthority(handle.db);
}, 120_000);
afterAll(() => handle.close());

/** Runs one statement as the app role in a transaction of its own; the database's message, or ALLOWED. */
async function asApp(statement: string): Promise<string> {
  try {
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql.raw(statement));
    });
  } catch (e) {
    const err = e as { message?: string; cause?: { message?: string } };
    return err.cause?.message ?? err.message ?? String(e);
  }
  return "ALLOWED";
}

/** The database's own message for a failed call (drizzle puts it in the cause). */
async function failure(p: Promise<unknown>): Promise<string> {
  return p.then(
    () => "ALLOWED",
    (e: { cause?: { message?: string }; message?: string }) => e.cause?.message ?? e.message ?? String(e),
  );
}

async function newEntry(): Promise<string> {
  const id = randomUUID();
  await handle.db.insert(recordEntries).values({
    id,
    entryId: id,
    version: 1,
    childId: child,
    section: "visits",
    occurredOn: "2026-09-01",
    title: "Visit to the placement",
    data: { observations: "Settled and well" },
    createdBy: sw1,
  });
  return id;
}

async function count(table: string): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await handle.owner.execute(sql.raw(`select count(*)::int as n from "${table}"`)));
  return row?.n ?? -1;
}

describe("the portal's database login", () => {
  it("is not the owner and is neither a superuser nor a member of any role", async () => {
    const [me] = rowsOf<{ name: string; rolsuper: boolean; rolcreaterole: boolean; memberships: number }>(
      await handle.db.execute(
        sql`select current_user as name, r.rolsuper, r.rolcreaterole,
              (select count(*)::int from pg_auth_members m where m.member = r.oid) as memberships
            from pg_roles r where r.rolname = current_user`,
      ),
    );
    expect(me).toEqual({ name: handle.appRole, rolsuper: false, rolcreaterole: false, memberships: 0 });
  });

  it("owns no table, sequence, function, schema or type", async () => {
    const [owned] = rowsOf<{ n: number }>(
      await handle.db.execute(
        sql`select (select count(*) from pg_class where relowner = r.oid)
                 + (select count(*) from pg_proc where proowner = r.oid)
                 + (select count(*) from pg_namespace where nspowner = r.oid)
                 + (select count(*) from pg_type where typowner = r.oid) as n
            from pg_roles r where r.rolname = current_user`,
      ),
    );
    expect(Number(owned?.n)).toBe(0);
  });

  it("may update exactly the columns the application moves, and no others", async () => {
    const granted = rowsOf<{ table_name: string; column_name: string }>(
      await handle.db.execute(
        sql`select table_name, column_name from information_schema.column_privileges
            where grantee = current_user and privilege_type = 'UPDATE' and table_schema = 'public'
            order by 1, 2`,
      ),
    );
    const expected = Object.entries(APP_UPDATABLE_COLUMNS)
      .flatMap(([table_name, columns]) => columns.map((column_name) => ({ table_name, column_name })))
      .sort((a, b) => a.table_name.localeCompare(b.table_name) || a.column_name.localeCompare(b.column_name));
    expect(granted).toEqual(expected);
  });

  it("holds no DELETE, TRUNCATE, TRIGGER or REFERENCES privilege on any table, nor INSERT on the hold or the chain heads", async () => {
    const extra = rowsOf<{ table_name: string; privilege_type: string }>(
      await handle.db.execute(
        sql`select table_name, privilege_type from information_schema.table_privileges
            where grantee = current_user and table_schema = 'public'
              and (privilege_type in ('DELETE', 'TRUNCATE', 'TRIGGER', 'REFERENCES', 'UPDATE')
                   or (privilege_type = 'INSERT' and table_name in ('retention_hold', 'audit_chain_heads')))`,
      ),
    );
    expect(extra).toEqual([]);
  });

  it("cannot drop a trigger", async () => {
    expect(await asApp(`DROP TRIGGER retention_refuse_delete ON record_entries`)).toMatch(/must be owner/);
    expect(await asApp(`DROP TRIGGER audit_refuse_update ON audit_events`)).toMatch(/must be owner/);
  });

  it("cannot switch a table's triggers off", async () => {
    expect(await asApp(`ALTER TABLE record_entries DISABLE TRIGGER ALL`)).toMatch(/must be owner/);
    expect(await asApp(`ALTER TABLE audit_events DISABLE TRIGGER USER`)).toMatch(/must be owner/);
  });

  it("cannot set session_replication_role to replica, which would skip every trigger", async () => {
    expect(await asApp(`SET session_replication_role = replica`)).toMatch(/permission denied/);
    expect(await asApp(`SET LOCAL session_replication_role = replica`)).toMatch(/permission denied/);
  });

  it("cannot replace a trigger function with one that lets everything through", async () => {
    expect(
      await asApp(
        `CREATE OR REPLACE FUNCTION retention_refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$`,
      ),
    ).toMatch(/must be owner|permission denied/);
    expect(
      await asApp(
        `CREATE OR REPLACE FUNCTION record_entries_replaced_by_newer() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$`,
      ),
    ).toMatch(/must be owner|permission denied/);
  });

  it("cannot drop a table", async () => {
    expect(await asApp(`DROP TABLE record_entries CASCADE`)).toMatch(/must be owner/);
    expect(await asApp(`DROP TABLE audit_events`)).toMatch(/must be owner/);
  });

  it("cannot drop a column", async () => {
    expect(await asApp(`ALTER TABLE record_entries DROP COLUMN data`)).toMatch(/must be owner/);
  });

  it("cannot delete a row", async () => {
    expect(await asApp(`DELETE FROM record_entries`)).toMatch(/permission denied/);
    expect(await asApp(`DELETE FROM audit_events`)).toMatch(/permission denied/);
    expect(await asApp(`DELETE FROM children WHERE false`)).toMatch(/permission denied/);
  });

  it("cannot truncate a table", async () => {
    expect(await asApp(`TRUNCATE record_entries CASCADE`)).toMatch(/permission denied/);
    expect(await asApp(`TRUNCATE audit_events, audit_chain_heads`)).toMatch(/permission denied/);
  });

  it("cannot lift the retention hold by updating or inserting its row", async () => {
    expect(await asApp(`UPDATE retention_hold SET active = false`)).toMatch(/permission denied/);
    expect(
      await asApp(
        `INSERT INTO retention_hold (id, active, reason) VALUES (1, false, 'quietly lifted') ON CONFLICT (id) DO UPDATE SET active = false`,
      ),
    ).toMatch(/permission denied/);
    expect((await getRetentionHold(handle.db)).active).toBe(true);
  });

  it("cannot move an audit chain head", async () => {
    expect(await asApp(`UPDATE audit_chain_heads SET seq = 0`)).toMatch(/permission denied/);
    expect(await asApp(`INSERT INTO audit_chain_heads (chain_key, seq, hash) VALUES ('child:forged', 0, 'x')`)).toMatch(
      /permission denied/,
    );
  });

  it("cannot update an audit event", async () => {
    expect(await asApp(`UPDATE audit_events SET action = 'nothing to see'`)).toMatch(/permission denied/);
  });

  it("cannot hide the latest version of an entry when no newer version exists", async () => {
    const id = await newEntry();
    expect(
      await asApp(`UPDATE record_entries SET is_latest = false, in_chronology = false WHERE id = '${id}'`),
    ).toMatch(/is its newest/);
    expect(await asApp(`UPDATE record_entries SET in_chronology = false WHERE id = '${id}'`)).toMatch(/is its newest/);
    const [row] = await handle.db.select().from(recordEntries).where(eq(recordEntries.id, id));
    expect(row).toMatchObject({ isLatest: true, inChronology: true });
  });

  it("cannot make a replaced version the latest again, or rewrite who approved a plan", async () => {
    const id = await newEntry();
    await handle.db.transaction(async (tx) => {
      await tx.update(recordEntries).set({ isLatest: false, inChronology: false }).where(eq(recordEntries.id, id));
      await tx.insert(recordEntries).values({
        entryId: id,
        version: 2,
        childId: child,
        section: "visits",
        occurredOn: "2026-09-01",
        title: "Visit to the placement",
        data: { observations: "Settled and well (amended)" },
        amendReason: "Spelling",
        createdBy: sw1,
      });
    });
    expect(await asApp(`UPDATE record_entries SET is_latest = true WHERE id = '${id}'`)).toMatch(
      /cannot become the latest again/,
    );
    expect(await asApp(`UPDATE record_entries SET in_chronology = true WHERE id = '${id}'`)).toMatch(
      /cannot join the chronology/,
    );
    expect(
      await asApp(
        `UPDATE record_entries SET approved_by = '${demoUserId("tm1")}', approved_at = now() WHERE entry_id = '${id}' AND version = 2`,
      ),
    ).toMatch(/who approved it is set only when it is approved/);
  });

  it("cannot change any column the application never moves", async () => {
    expect(await asApp(`UPDATE record_entries SET confidentiality = 'standard'`)).toMatch(/permission denied/);
    expect(await asApp(`UPDATE record_entries SET deleted_at = now()`)).toMatch(/permission denied/);
    // A user's role, team and password move only through user management (audited); their email and name never.
    expect(await asApp(`UPDATE users SET email = 'someone.else@demo.invalid' WHERE id = '${sw1}'`)).toMatch(
      /permission denied/,
    );
    expect(await asApp(`UPDATE users SET created_at = now() WHERE id = '${sw1}'`)).toMatch(/permission denied/);
    expect(await asApp(`UPDATE children SET reference = reference`)).toMatch(/permission denied/);
    expect(await asApp(`UPDATE break_glass_grants SET expires_at = now() + interval '1 year'`)).toMatch(
      /permission denied/,
    );
    expect(await asApp(`UPDATE provider_arrangements SET end_date = NULL`)).toMatch(/permission denied/);
  });

  it("cannot change a child's id, though it may lock the child's row", async () => {
    expect(await asApp(`UPDATE children SET id = gen_random_uuid() WHERE id = '${child}'`)).toMatch(/never changes/);
    expect(await asApp(`SELECT id FROM children WHERE id = '${child}' FOR NO KEY UPDATE`)).toBe("ALLOWED");
  });

  it("cannot bring a superseded provider arrangement back, or supersede one without its replacement", async () => {
    const [current] = await handle.db
      .select()
      .from(providerArrangements)
      .where(sql`${providerArrangements.supersededAt} is null`)
      .limit(1);
    if (!current) throw new Error("the demo has provider arrangements");
    expect(await asApp(`UPDATE provider_arrangements SET superseded_at = now() WHERE id = '${current.id}'`)).toMatch(
      /only by a new arrangement that replaces it/,
    );
    // The application's own amendment supersedes it properly: by the new version that replaces it.
    const manager = await demoActor(handle, "tm1");
    await handle.db.transaction((tx) =>
      amendArrangement(tx, manager, {
        childId: current.childId,
        arrangementId: current.id,
        functions: current.functions,
        startDate: current.startDate,
        endDate: current.endDate,
        amendReason: "Functions restated",
      }),
    );
    expect(await asApp(`UPDATE provider_arrangements SET superseded_at = NULL WHERE id = '${current.id}'`)).toMatch(
      /has been superseded/,
    );
  });

  it("cannot mark someone's break-glass access reviewed by themselves, or review it twice", async () => {
    const [grant] = await handle.db
      .insert(breakGlassGrants)
      .values({
        userId: sw1,
        childId: demoChildId(30),
        reason: "Duty call out of hours",
        expiresAt: new Date(Date.now() + 3600_000),
      })
      .returning();
    if (!grant) throw new Error("insert returned no row");
    expect(
      await asApp(`UPDATE break_glass_grants SET reviewed_by = '${sw1}', reviewed_at = now() WHERE id = '${grant.id}'`),
    ).toMatch(/reviewed once, by someone other than its user/);
    await handle.db
      .update(breakGlassGrants)
      .set({ reviewedBy: demoUserId("ro"), reviewedAt: new Date() })
      .where(eq(breakGlassGrants.id, grant.id));
    expect(await asApp(`UPDATE break_glass_grants SET reviewed_at = now() WHERE id = '${grant.id}'`)).toMatch(
      /reviewed once/,
    );
  });

  it("cannot move a session version back, which would revive signed-out sessions", async () => {
    await handle.db
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, sw1));
    expect(await asApp(`UPDATE users SET session_version = 0 WHERE id = '${sw1}'`)).toMatch(/only moves forward/);
  });

  it("cannot create a table, a temporary table, a function or a schema", async () => {
    expect(await asApp(`CREATE TABLE copy_of_records (id uuid)`)).toMatch(/permission denied/);
    expect(await asApp(`CREATE TEMP TABLE scratch (id uuid)`)).toMatch(/permission denied/);
    expect(await asApp(`CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'select 1'`)).toMatch(/permission denied/);
    expect(await asApp(`CREATE SCHEMA mine`)).toMatch(/permission denied/);
  });

  it("cannot raise its own privileges or become another role", async () => {
    expect(await asApp(`ALTER ROLE CURRENT_USER SUPERUSER`)).toMatch(/permission denied|must be superuser/);
    expect(await asApp(`SET ROLE postgres`)).toMatch(/permission denied/);
    // A GRANT by someone without the grant option only warns; what matters is that nothing was granted.
    await asApp(`GRANT DELETE ON record_entries TO CURRENT_USER`);
    const [can] = rowsOf<{ del: boolean }>(
      await handle.db.execute(sql`select has_table_privilege(current_user, 'public.record_entries', 'DELETE') as del`),
    );
    expect(can?.del).toBe(false);
  });

  it("cannot read the migrations journal", async () => {
    expect(await asApp(`SELECT * FROM drizzle.__drizzle_migrations`)).toMatch(/permission denied/);
  });
});

describe("what the portal does, as its own login", () => {
  it("seeds the whole demo authority through the domain commands", async () => {
    const [n] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(children);
    expect(n?.n).toBe(DEMO_CHILD_COUNT);
    expect(await count("record_entries")).toBeGreaterThan(DEMO_CHILD_COUNT);
  });

  it("amends an entry: the old version steps aside for the new one in the same transaction", async () => {
    const id = await newEntry();
    await handle.db.transaction(async (tx) => {
      await tx.update(recordEntries).set({ isLatest: false, inChronology: false }).where(eq(recordEntries.id, id));
      await tx.insert(recordEntries).values({
        entryId: id,
        version: 2,
        childId: child,
        section: "visits",
        occurredOn: "2026-09-01",
        title: "Visit to the placement",
        data: { observations: "Settled, well and happy at school" },
        amendReason: "Added what the child said about school",
        createdBy: sw1,
      });
    });
    const versions = await handle.db
      .select({ version: recordEntries.version, isLatest: recordEntries.isLatest })
      .from(recordEntries)
      .where(eq(recordEntries.entryId, id))
      .orderBy(recordEntries.version);
    expect(versions).toEqual([
      { version: 1, isLatest: false },
      { version: 2, isLatest: true },
    ]);
  });

  it("changes the retention hold only through the audited function, which records who, why and when", async () => {
    const before = await getRetentionHold(handle.db);
    const reason = "Hold confirmed at the quarterly information governance board";
    const result = await handle.db.transaction((tx) =>
      setRetentionHold(tx, demoUserId("ro"), { active: true, reason }),
    );
    expect(result).toEqual({ wasActive: true, active: true });
    const [hold] = await handle.db.select().from(retentionHold);
    expect(hold).toMatchObject({ active: true, reason, changedBy: demoUserId("ro") });
    expect(hold?.changedAt.getTime()).toBeGreaterThan(before.changedAt.getTime());
  });

  it("is refused a hold change by anyone but an active records officer, or without a reason", async () => {
    const attempt = (actorId: string, reason: string) =>
      failure(handle.db.transaction((tx) => setRetentionHold(tx, actorId, { active: false, reason })));
    expect(await attempt(sw1, "Lifting the hold because storage is full")).toMatch(/only an active records officer/);
    expect(await attempt(demoUserId("ro"), "too short")).toMatch(/reason/);
    expect((await getRetentionHold(handle.db)).active).toBe(true);
  });

  it("leaves the hold function to the app role alone: nobody else may call it", async () => {
    const [acl] = rowsOf<{ acl: string[] }>(
      await handle.owner.execute(
        sql`select proacl::text[] as acl from pg_proc where proname = 'set_retention_hold' and prosecdef`,
      ),
    );
    expect(acl?.acl.some((entry) => entry.startsWith("="))).toBe(false);
    expect(acl?.acl.some((entry) => entry.startsWith(`${handle.appRole}=X`))).toBe(true);
    const [config] = rowsOf<{ proconfig: string[] }>(
      await handle.owner.execute(sql`select proconfig from pg_proc where proname = 'set_retention_hold'`),
    );
    expect(config?.proconfig).toContain("search_path=public, pg_temp");
  });

  it("reads every table and may append to the audit log", async () => {
    const rows = rowsOf<{ table_name: string; can_read: boolean; can_append: boolean }>(
      await handle.db.execute(
        sql`select table_name, has_table_privilege(current_user, format('public.%I', table_name), 'SELECT') as can_read,
              has_table_privilege(current_user, format('public.%I', table_name), 'INSERT') as can_append
            from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
      ),
    );
    expect(rows.length).toBeGreaterThanOrEqual(12);
    expect(rows.filter((r) => !r.can_read)).toEqual([]);
    expect(rows.find((r) => r.table_name === "audit_events")?.can_append).toBe(true);
  });
});

describe("the roles step of db:migrate", () => {
  const asOwner = () => ({ db: handle.owner, kind: "postgres" as const, close: async () => {} });
  const appRole = () => handle.appRole ?? "";

  it("puts the grants back to exactly what the portal needs when run again", async () => {
    await handle.owner.execute(sql.raw(`GRANT DELETE, TRUNCATE ON record_entries TO ${appRole()}`));
    await handle.owner.execute(sql.raw(`GRANT UPDATE ON retention_hold TO ${appRole()}`));
    await applyRoles(asOwner(), { appRole: appRole() });
    expect(await asApp(`DELETE FROM record_entries WHERE false`)).toMatch(/permission denied/);
    expect(await asApp(`UPDATE retention_hold SET active = false`)).toMatch(/permission denied/);
    expect(await asApp(`SELECT count(*) FROM record_entries`)).toBe("ALLOWED");
  });

  it("refuses to hand the portal a role that is a superuser", async () => {
    const name = `${appRole()}_super`;
    await handle.owner.execute(sql.raw(`CREATE ROLE ${name} LOGIN SUPERUSER`));
    try {
      expect(await failure(applyRoles(asOwner(), { appRole: name }))).toMatch(/attributes the portal must not have/);
      const [owned] = rowsOf<{ n: number }>(
        await handle.owner.execute(
          sql`select count(*)::int as n from information_schema.table_privileges where grantee = ${name}`,
        ),
      );
      expect(owned?.n).toBe(0);
    } finally {
      await handle.owner.execute(sql.raw(`DROP ROLE ${name}`));
    }
  });

  it("refuses to grant the portal's role to the login that runs the migrations", async () => {
    const [me] = rowsOf<{ name: string }>(await handle.owner.execute(sql`select current_user as name`));
    expect(await failure(applyRoles(asOwner(), { appRole: me?.name ?? "postgres" }))).toMatch(
      /run db:migrate with DATABASE_OWNER_URL/,
    );
  });
});
