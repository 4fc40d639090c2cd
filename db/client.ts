// Database client: PGlite in a data folder when DATABASE_URL is unset, PostgreSQL otherwise; and
// the reports' read-only handle on a streaming standby (DATABASE_REPLICA_URL) when there is one.
// Imported by scripts and tests; the app imports it through db/index.ts (server-only).
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import postgres from "postgres";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or an open transaction: reads accept both. */
export type Queryable = Db | Tx;

export interface DbHandle {
  db: Db;
  kind: "pglite" | "postgres";
  close: () => Promise<void>;
}

const LOCK_NAME = "portal.lock";

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * One PGlite folder, one process: a second opener silently loses data, so it is refused here.
 * A lock left by a process that no longer exists is taken over.
 */
export function acquirePgliteLock(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const lockPath = path.join(dir, LOCK_NAME);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(lockPath, "utf8") === String(process.pid)) fs.rmSync(lockPath);
        } catch {
          // already gone
        }
      };
      process.once("exit", release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const holder = Number(fs.readFileSync(lockPath, "utf8"));
      if (holder === process.pid) return () => {};
      if (Number.isInteger(holder) && holder > 0 && processAlive(holder)) {
        throw new Error(
          `The embedded database in "${dir}" is already open in process ${holder}. ` +
            `Only one process may open a PGlite folder (a second one loses data). ` +
            `Stop that process first, use another PGLITE_DIR, or set DATABASE_URL to use PostgreSQL.`,
        );
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock the embedded database folder "${dir}".`);
}

const BYTEA = 17;
/**
 * PGlite's own bytea conversion maps a JavaScript array a byte at a time (close to a second per
 * stored 1 MB document chunk); Buffer's hex codec does the same in native code.
 */
const FAST_BYTEA = {
  serializers: {
    [BYTEA]: (value: Uint8Array) =>
      `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("hex")}`,
  },
  parsers: { [BYTEA]: (value: string) => Buffer.from(value.slice(2), "hex") },
};

export function openPglite(dir: string | null): DbHandle {
  // null: an in-memory database (tests).
  const release = dir ? acquirePgliteLock(dir) : () => {};
  const client = new PGlite({ ...(dir ? { dataDir: dir } : {}), extensions: { pg_trgm }, ...FAST_BYTEA });
  const db = drizzlePglite(client, { schema, casing: "snake_case" }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    close: async () => {
      await client.close();
      release();
    },
  };
}

export function openPostgres(url: string, max = 10, options: { readOnly?: boolean } = {}): DbHandle {
  const client = postgres(url, {
    max,
    onnotice: () => {},
    // Every transaction on the connection starts read-only, so a write that strays onto a report
    // handle fails at once ("cannot execute UPDATE in a read-only transaction") even where the
    // server itself would take it (a replica URL that names the primary by mistake).
    ...(options.readOnly ? { connection: { default_transaction_read_only: true } } : {}),
  });
  const db = drizzlePostgres(client, { schema, casing: "snake_case" }) as unknown as Db;
  return { db, kind: "postgres", close: () => client.end({ timeout: 5 }) };
}

export function openFromEnv(): DbHandle {
  const url = process.env.DATABASE_URL;
  if (url) return openPostgres(url, Number(process.env.DB_POOL_SIZE ?? 10));
  return openPglite(path.resolve(/*turbopackIgnore: true*/ process.cwd(), process.env.PGLITE_DIR ?? ".data/pglite"));
}

type Holder = { __casesDb?: DbHandle; __casesReportDb?: DbHandle };
const holder = globalThis as Holder;

function openedPrimary(): DbHandle {
  holder.__casesDb ??= openFromEnv();
  return holder.__casesDb;
}

/** The process's database, opened on first use and cached on globalThis (survives dev reloads). */
export function getDb(): Db {
  return openedPrimary().db;
}

/**
 * Where the reports read: the compliance tables, the work trays' statutory facts, the SSDA903
 * return and the data-quality checks. With DATABASE_REPLICA_URL (a PostgreSQL streaming standby)
 * a read-only handle on it, opened on first use and cached like the primary; otherwise the
 * primary itself. Access decisions and audit events never come here: they need the primary's
 * latest state and they write, so they always use getDb().
 */
export function getReportDb(): Db {
  // Read when asked, like DATABASE_URL above: scripts and tests set it after start-up. lib/env.ts
  // validates it for the portal.
  const url = process.env.DATABASE_REPLICA_URL;
  // A PGlite folder has no standby: its one process reads its own data.
  if (!url || openedPrimary().kind === "pglite") return getDb();
  holder.__casesReportDb ??= openPostgres(url, Number(process.env.DB_POOL_SIZE ?? 10), { readOnly: true });
  return holder.__casesReportDb.db;
}

/** Closes the process's databases if they were opened (at shutdown, after the last request). */
export async function closeDb(): Promise<void> {
  const handles = [holder.__casesDb, holder.__casesReportDb];
  holder.__casesDb = undefined;
  holder.__casesReportDb = undefined;
  await Promise.all(handles.map((h) => h?.close()));
}

/** Tests and scripts point the app at a database they opened themselves. */
export function setDbHandle(handle: DbHandle | undefined): void {
  holder.__casesDb = handle;
}

/** Closes the report handle, if one was opened, so that the next getReportDb() reads the environment again. */
export async function closeReportDb(): Promise<void> {
  const handle = holder.__casesReportDb;
  holder.__casesReportDb = undefined;
  await handle?.close();
}

/** Rows from `db.execute`, whichever driver ran it. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
