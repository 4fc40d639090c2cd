// Backup and restore (npm run backup / npm run restore): a database restored from a backup into a
// fresh database or folder has every row, keeps the retention hold and its triggers, and its audit
// chains verify. Runs on PGlite (a data folder) and on PostgreSQL (pg_dump / pg_restore).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPglite, openPostgres, rowsOf, type Db, type DbHandle } from "@/db/client";
import { backupDatabase, restoreDatabase, type DbTarget } from "@/db/backup";
import { runMigrations } from "@/db/migrate";
import { recordEntries, retentionHold } from "@/db/schema";
import { demoChildId, demoUserId, seedDemoAuthority } from "@/scripts/seed/demo";
import { recordAuditNow, verifyAuditChains } from "@/lib/audit";
import { setRetentionHold } from "@/lib/retention";
import { createTestDb, onPostgres, type TestDbHandle } from "../helpers/db";

const HOLD_REASON = "Hold reconfirmed before the annual backup test (fictional board minute 12)";
const work = fs.mkdtempSync(path.join(os.tmpdir(), "cases-backup-"));
const backupFile = path.join(work, onPostgres ? "cases.dump" : "cases.tar.gz");

/** The source database: the tests' own on PostgreSQL, a folder on PGlite (a backup needs one). */
let source: { target: DbTarget; app: Db; owner: Db; close: () => Promise<void> };
/** The fresh database or folder restored into, opened as the portal would open it. */
let restored: { target: DbTarget; app: DbHandle; owner: DbHandle; drop: () => Promise<void> };

const TABLES = ["children", "users", "episodes", "record_entries", "audit_events", "audit_chain_heads"] as const;
let sourceCounts: Record<string, number> = {};
async function countsOf(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) out[t] = await count(db, t);
  return out;
}

async function count(db: Db, table: string): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await db.execute(sql.raw(`select count(*)::int as n from "${table}"`)));
  return row?.n ?? -1;
}

async function reason(p: Promise<unknown>): Promise<string> {
  return p.then(
    () => "ALLOWED",
    (e: { cause?: { message?: string }; message?: string }) => e.cause?.message ?? e.message ?? String(e),
  );
}

async function writeHistory(app: Db, owner: Db) {
  for (let i = 0; i < 3; i++) {
    await app.insert(recordEntries).values({
      entryId: crypto.randomUUID(),
      version: 1,
      childId: demoChildId(i),
      section: "visits",
      occurredOn: "2026-08-0" + (i + 1),
      title: `Visit ${i + 1}`,
      data: { observations: "Settled, spoke about school" },
      createdBy: demoUserId("sw1"),
    });
    // Audit events are appended as the owner so this test depends only on lib/audit's public calls.
    await recordAuditNow(owner, { actorId: demoUserId("sw1"), action: "visits.create", childId: demoChildId(i) });
  }
  await app.transaction(async (tx) => {
    await setRetentionHold(tx, demoUserId("ro"), { active: true, reason: HOLD_REASON });
  });
}

beforeAll(async () => {
  if (onPostgres) {
    const testDb: TestDbHandle = await createTestDb();
    const ownerUrl = testDb.ownerUrl;
    const appRole = testDb.appRole;
    if (!ownerUrl || !appRole) throw new Error("the PostgreSQL test database has an owner URL and an app role");
    source = { target: { kind: "postgres", url: ownerUrl }, app: testDb.db, owner: testDb.owner, close: testDb.close };
    await writeHistory(testDb.db, testDb.owner);
    const base = process.env.TEST_DATABASE_URL ?? "";
    const name = `cases_restore_${randomBytes(6).toString("hex")}`;
    const admin = postgres(base, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(ownerUrl);
    url.pathname = `/${name}`;
    const target: DbTarget = { kind: "postgres", url: url.toString() };
    await backupDatabase(source.target, backupFile);
    await restoreDatabase(target, backupFile, { appRole });
    const appUrl = new URL(url);
    appUrl.username = appRole;
    restored = {
      target,
      app: openPostgres(appUrl.toString(), 2),
      owner: openPostgres(url.toString(), 2),
      drop: async () => {
        const cleanup = postgres(base, { max: 1, onnotice: () => {} });
        await cleanup.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await cleanup.end();
      },
    };
  } else {
    const dir = path.join(work, "source");
    const handle = openPglite(dir);
    await runMigrations(handle);
    await seedDemoAuthority(handle.db, { records: false });
    await writeHistory(handle.db, handle.db);
    // Counted before closing: the backup must open the folder alone.
    source = { target: { kind: "pglite", dir }, app: handle.db, owner: handle.db, close: handle.close };
    sourceCounts = await countsOf(handle.db);
    await handle.close();
    const target: DbTarget = { kind: "pglite", dir: path.join(work, "restored") };
    await backupDatabase(source.target, backupFile);
    await restoreDatabase(target, backupFile, null);
    const opened = openPglite(target.dir);
    restored = { target, app: opened, owner: opened, drop: () => opened.close() };
  }
  if (onPostgres) sourceCounts = await countsOf(source.owner);
}, 120_000);

afterAll(async () => {
  if (onPostgres) {
    await restored.app.close();
    await restored.owner.close();
  }
  await restored.drop();
  // Last: on PostgreSQL this drops the app role, which may go only once no database grants it anything.
  if (onPostgres) await source.close();
  fs.rmSync(work, { recursive: true, force: true });
});

describe(`backing up and restoring the database (${onPostgres ? "PostgreSQL" : "PGlite"})`, () => {
  it("writes one backup file in the expected format", () => {
    const head = fs.readFileSync(backupFile).subarray(0, 5);
    if (onPostgres) expect(head.toString("latin1")).toBe("PGDMP");
    else expect([head[0], head[1]]).toEqual([0x1f, 0x8b]);
  });

  it("restores every row into the fresh database", async () => {
    expect(sourceCounts.children).toBe(40);
    expect(sourceCounts.record_entries).toBeGreaterThanOrEqual(3);
    expect(await countsOf(restored.app.db)).toEqual(sourceCounts);
  });

  it("keeps the retention hold, with who set it and why", async () => {
    const [hold] = await restored.app.db.select().from(retentionHold);
    expect(hold).toMatchObject({ active: true, reason: HOLD_REASON, changedBy: demoUserId("ro") });
  });

  it("keeps the hold's triggers: nothing can be deleted from the restored database", async () => {
    expect(await reason(restored.owner.db.execute(sql.raw(`DELETE FROM children`)))).toMatch(/retention hold/);
    expect(await reason(restored.owner.db.execute(sql.raw(`TRUNCATE record_entries CASCADE`)))).toMatch(
      /retention hold/,
    );
  });

  it("verifies every audit chain of the restored database", async () => {
    const result = await verifyAuditChains(restored.app.db);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.events).toBe(sourceCounts.audit_events);
  });

  it("lets the portal carry on writing to the restored database", async () => {
    const changed = await restored.app.db.transaction((tx) =>
      setRetentionHold(tx, demoUserId("ro"), { active: true, reason: `${HOLD_REASON}, after the restore` }),
    );
    expect(changed).toEqual({ wasActive: true, active: true });
  });

  it("refuses to restore over a database that already has records", async () => {
    expect(await reason(restoreDatabase(restored.target, backupFile, null))).toMatch(/not empty/);
    expect(await countsOf(restored.app.db)).toEqual(sourceCounts);
  });

  it("refuses to overwrite an existing backup file", async () => {
    const before = fs.statSync(backupFile).size;
    expect(await reason(backupDatabase(source.target, backupFile))).toMatch(/already exists/);
    expect(fs.statSync(backupFile).size).toBe(before);
  });

  it("refuses a backup of the other kind of database, with a clear message", async () => {
    const other = path.join(work, "other-kind");
    fs.writeFileSync(other, onPostgres ? Buffer.from([0x1f, 0x8b, 8, 0, 0]) : Buffer.from("PGDMP-not-really"));
    expect(await reason(restoreDatabase(restored.target, other, null))).toMatch(
      onPostgres ? /embedded \(PGlite\) database/ : /backup of a PostgreSQL database/,
    );
  });
});

// Only an embedded database has a folder that a running portal holds (registered only on PGlite).
if (!onPostgres)
  describe("backing up and restoring an embedded database that is in use", () => {
    let holder: ChildProcess | undefined;
    afterAll(() => {
      holder?.kill();
    });

    it("refuses both while another process (a running portal) holds the folder", async () => {
      // A live process that is not this one stands in for the portal's server.
      holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
      const pid = holder.pid;
      if (!pid) throw new Error("could not start the stand-in process");
      const busy = path.join(work, "busy");
      fs.mkdirSync(busy, { recursive: true });
      fs.writeFileSync(path.join(busy, "portal.lock"), String(pid));
      expect(await reason(restoreDatabase({ kind: "pglite", dir: busy }, backupFile, null))).toMatch(
        new RegExp(`already open in process ${pid}`),
      );
      const restoredDir = restored.target.kind === "pglite" ? restored.target.dir : "";
      fs.writeFileSync(path.join(restoredDir, "portal.lock"), String(pid));
      try {
        expect(await reason(backupDatabase(restored.target, path.join(work, "while-running.tar.gz")))).toMatch(
          /already open in process/,
        );
      } finally {
        fs.writeFileSync(path.join(restoredDir, "portal.lock"), String(process.pid));
      }
      expect(fs.existsSync(path.join(work, "while-running.tar.gz"))).toBe(false);
    });
  });

// The archive carries no grants (restored with --no-privileges): db/roles.ts sets them again.
if (onPostgres)
  describe("the restored PostgreSQL database's roles", () => {
    it("gives the portal's login its grants again and nothing more", async () => {
      expect(await reason(restored.app.db.execute(sql.raw(`DELETE FROM children`)))).toMatch(/permission denied/);
      expect(await reason(restored.app.db.execute(sql.raw(`UPDATE retention_hold SET active = false`)))).toMatch(
        /permission denied/,
      );
      expect(
        await reason(restored.app.db.execute(sql.raw(`DROP TRIGGER retention_refuse_delete ON children`))),
      ).toMatch(/must be owner/);
    });

    it("lets nobody but the portal's login call the hold function", async () => {
      const [fn] = rowsOf<{ acl: string[] }>(
        await restored.owner.db.execute(
          sql`select proacl::text[] as acl from pg_proc where proname = 'set_retention_hold'`,
        ),
      );
      expect(fn?.acl.some((entry) => entry.startsWith("="))).toBe(false);
    });
  });
