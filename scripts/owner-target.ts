// The database the scripts (migrate, seed, backup, restore) work on, as its owner: the PGlite folder,
// or PostgreSQL through DATABASE_OWNER_URL (DATABASE_URL when there is no separate owner login).
import path from "node:path";
import { env } from "../lib/env";
import type { DbTarget } from "../db/backup";
import type { RoleOptions } from "../db/roles";

export type Target = DbTarget;

export function ownerTarget(): Target {
  const url = env.DATABASE_OWNER_URL ?? env.DATABASE_URL;
  if (url) return { kind: "postgres", url };
  return { kind: "pglite", dir: path.resolve(process.cwd(), env.PGLITE_DIR) };
}

/** The portal's role, checked against the login the portal will use, so a typo fails here and not at sign-in. */
export function appRoleOptions(): RoleOptions {
  if (env.DATABASE_OWNER_URL && env.DATABASE_URL) {
    const portalUser = decodeURIComponent(new URL(env.DATABASE_URL).username);
    if (portalUser !== env.DATABASE_APP_ROLE) {
      throw new Error(
        `DATABASE_URL logs in as "${portalUser}" but DATABASE_APP_ROLE is "${env.DATABASE_APP_ROLE}": ` +
          `the portal must log in as the app role (set DATABASE_APP_ROLE=${portalUser || "<name>"} or fix DATABASE_URL).`,
      );
    }
  }
  return { appRole: env.DATABASE_APP_ROLE, appPassword: env.DATABASE_APP_PASSWORD };
}

/** A URL with its password hidden, for messages. */
export function describeTarget(target: Target): string {
  if (target.kind === "pglite") return `the embedded database in ${target.dir}`;
  const u = new URL(target.url);
  if (u.password) u.password = "***";
  return `PostgreSQL ${u.toString()}`;
}

/** The reason a script failed: the database's own message rather than drizzle's "Failed query: <the SQL>". */
export function reasonOf(e: unknown): string {
  if (e instanceof Error) {
    const cause = (e as { cause?: unknown }).cause;
    if (cause instanceof Error && e.message.startsWith("Failed query")) return cause.message;
    return e.message;
  }
  return String(e);
}
