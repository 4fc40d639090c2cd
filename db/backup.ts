// Backup and restore of the whole database: PostgreSQL as a pg_dump archive (custom format), PGlite
// as a tarball of its data folder. A restore goes only into an empty database or folder, never over
// existing records, and leaves it migrated and (PostgreSQL) with the app role's grants.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { sql } from "drizzle-orm";
import { acquirePgliteLock, openPglite, openPostgres, rowsOf, type DbHandle } from "./client";
import { runMigrations } from "./migrate";
import { applyRoles, type RoleOptions } from "./roles";

export type DbTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dir: string };

const PG_DUMP_MAGIC = Buffer.from("PGDMP");
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);

/** Writes a backup of the target to `file` (which must not exist yet); returns its size in bytes. */
export async function backupDatabase(target: DbTarget, file: string): Promise<number> {
  const out = path.resolve(file);
  if (fs.existsSync(out))
    throw new Error(`${out} already exists: a backup never overwrites a file. Choose a new name.`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  // Written beside the target and renamed at the end, so a failed backup never leaves a file that looks whole.
  const partial = `${out}.partial-${process.pid}`;
  try {
    if (target.kind === "postgres") {
      const { url, env } = withoutPassword(target.url);
      await run("pg_dump", ["--format=custom", "--no-password", `--file=${partial}`, `--dbname=${url}`], env);
    } else {
      fs.writeFileSync(partial, await dumpPgliteFolder(target.dir));
    }
    fs.renameSync(partial, out);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  return fs.statSync(out).size;
}

/** Restores `file` into the target, which must be empty; then migrates it and, on PostgreSQL, grants the app role. */
export async function restoreDatabase(target: DbTarget, file: string, roles: RoleOptions | null): Promise<void> {
  const from = path.resolve(file);
  if (!fs.existsSync(from)) throw new Error(`${from} does not exist.`);
  const head = Buffer.alloc(5);
  const fd = fs.openSync(from, "r");
  try {
    fs.readSync(fd, head, 0, 5, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (target.kind === "postgres") {
    if (!head.subarray(0, 5).equals(PG_DUMP_MAGIC)) {
      throw new Error(
        head.subarray(0, 2).equals(GZIP_MAGIC)
          ? `${from} is a backup of an embedded (PGlite) database: restore it with DATABASE_URL and DATABASE_OWNER_URL unset.`
          : `${from} is not a PostgreSQL backup made by npm run backup (pg_dump custom format).`,
      );
    }
    await restorePostgres(target.url, from, roles);
  } else {
    if (!head.subarray(0, 2).equals(GZIP_MAGIC)) {
      throw new Error(
        head.subarray(0, 5).equals(PG_DUMP_MAGIC)
          ? `${from} is a backup of a PostgreSQL database: set DATABASE_OWNER_URL (or DATABASE_URL) to restore it there.`
          : `${from} is not an embedded database backup made by npm run backup.`,
      );
    }
    await restorePglite(target.dir, from);
  }
}

async function dumpPgliteFolder(dir: string): Promise<Buffer> {
  if (!fs.existsSync(path.join(dir, "PG_VERSION")))
    throw new Error(`There is no embedded database in ${dir} to back up.`);
  // The lock refuses while the portal (or anything else) has the folder open: a second opener loses data.
  const release = acquirePgliteLock(dir);
  try {
    const client = new PGlite({ dataDir: dir, extensions: { pg_trgm } });
    try {
      // dumpDataDir before the database is ready silently never settles.
      await client.waitReady;
      const blob = await client.dumpDataDir("gzip");
      return Buffer.from(await blob.arrayBuffer());
    } finally {
      await client.close();
    }
  } finally {
    release();
  }
}

async function restorePglite(dir: string, file: string): Promise<void> {
  const release = acquirePgliteLock(dir);
  try {
    const present = fs.readdirSync(dir).filter((name) => name !== "portal.lock");
    if (present.length > 0) {
      throw new Error(
        `${dir} is not empty: a restore never replaces an existing database. Restore into a new folder (PGLITE_DIR) and switch to it.`,
      );
    }
    const client = new PGlite({
      dataDir: dir,
      loadDataDir: new Blob([fs.readFileSync(file)]),
      extensions: { pg_trgm },
    });
    await client.waitReady;
    await client.close();
    // The archive may carry the backing-up process's lock file: the folder is ours until we release it.
    fs.writeFileSync(path.join(dir, "portal.lock"), String(process.pid));
  } catch (e) {
    release();
    throw e;
  }
  release();
  // Brings a backup from an older release up to date (the migrations already applied are skipped).
  const handle = openPglite(dir);
  try {
    await runMigrations(handle);
  } finally {
    await handle.close();
  }
}

async function restorePostgres(url: string, file: string, roles: RoleOptions | null): Promise<void> {
  const handle = openPostgres(url, 1);
  try {
    const [found] = rowsOf<{ n: number }>(
      await handle.db.execute(
        sql`select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where n.nspname in ('public', 'drizzle') and c.relkind in ('r', 'p', 'v', 'm', 'S')`,
      ),
    );
    if ((found?.n ?? 0) > 0) {
      throw new Error(
        `The database at ${redact(url)} is not empty: a restore never replaces existing records. Create a new database and restore into it.`,
      );
    }
  } finally {
    await handle.close();
  }
  const target = withoutPassword(url);
  // One transaction: a restore that fails part way leaves the database empty, not half restored.
  // Objects are owned by whoever restores (the owner login); grants come from db/roles.ts, not the archive.
  await run(
    "pg_restore",
    [
      "--exit-on-error",
      "--single-transaction",
      "--no-owner",
      "--no-privileges",
      "--no-password",
      `--dbname=${target.url}`,
      file,
    ],
    target.env,
  );
  const restored: DbHandle = openPostgres(url, 1);
  try {
    await runMigrations(restored);
    if (roles) await applyRoles(restored, roles);
  } finally {
    await restored.close();
  }
}

/** The URL without its password, which goes in PGPASSWORD instead, so it never shows in the process list. */
function withoutPassword(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = "";
  return { url: u.toString(), env: password ? { ...process.env, PGPASSWORD: password } : { ...process.env } };
}

function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = "***";
  return u.toString();
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "inherit", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", (e: NodeJS.ErrnoException) =>
      reject(
        e.code === "ENOENT"
          ? new Error(`${command} was not found: install the PostgreSQL client tools (Debian: postgresql-client).`)
          : e,
      ),
    );
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} failed (exit ${code}): ${stderr.trim()}`)),
    );
  });
}
