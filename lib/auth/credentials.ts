// Password sign-in: argon2id verification, slowing and locking after repeated failures, and
// an audit event for every attempt. Framework-free so it is tested directly.
import { hash, verify } from "@node-rs/argon2";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users, type User } from "@/db/schema";
import { recordAudit, recordAuditNow } from "@/lib/audit";

export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;

/** Delay before answering a failed attempt: grows with each failure for the account. */
export function failureDelayMs(failedSignIns: number): number {
  return Math.min(2000, 150 * 2 ** Math.max(0, failedSignIns - 1));
}

// Compared against when the email is unknown, so the answer takes as long as for a real account.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hash("not-a-real-password-for-timing"));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type SignInOutcome =
  { ok: true; user: User } | { ok: false; reason: "unknown" | "inactive" | "locked" | "wrong-password" };

export async function verifyCredentials(
  db: Db,
  emailInput: string,
  password: string,
  now: Date = new Date(),
  delays = true,
): Promise<SignInOutcome> {
  const email = emailInput.trim().toLowerCase();
  const [user] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email))
    .limit(1);

  if (!user || !user.passwordHash) {
    await verify(await getDummyHash(), password).catch(() => false);
    await recordAuditNow(db, {
      actorId: null,
      action: "auth.signIn",
      outcome: "refused",
      detail: { reason: "unknown-account" },
    });
    if (delays) await sleep(failureDelayMs(1));
    return { ok: false, reason: "unknown" };
  }
  if (!user.active || user.deletedAt) {
    await recordAuditNow(db, {
      actorId: user.id,
      action: "auth.signIn",
      outcome: "refused",
      detail: { reason: "inactive" },
    });
    if (delays) await sleep(failureDelayMs(1));
    return { ok: false, reason: "inactive" };
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    await recordAuditNow(db, {
      actorId: user.id,
      action: "auth.signIn",
      outcome: "refused",
      detail: { reason: "locked", lockedUntil: user.lockedUntil.toISOString() },
    });
    if (delays) await sleep(failureDelayMs(MAX_FAILED_SIGN_INS));
    return { ok: false, reason: "locked" };
  }

  const valid = await verify(user.passwordHash, password).catch(() => false);
  if (!valid) {
    const failed = await db.transaction(async (tx) => {
      const [row] = await tx
        .update(users)
        .set({
          failedSignIns: sql`${users.failedSignIns} + 1`,
          lockedUntil: sql`case when ${users.failedSignIns} + 1 >= ${MAX_FAILED_SIGN_INS} then ${new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString()}::timestamptz else null end`,
        })
        .where(eq(users.id, user.id))
        .returning({ failedSignIns: users.failedSignIns });
      const count = row?.failedSignIns ?? 1;
      await recordAudit(tx, {
        actorId: user.id,
        action: "auth.signIn",
        outcome: "refused",
        detail: { reason: "wrong-password", failedSignIns: count, locked: count >= MAX_FAILED_SIGN_INS },
      });
      return count;
    });
    if (delays) await sleep(failureDelayMs(failed));
    return { ok: false, reason: "wrong-password" };
  }

  const signedIn = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ failedSignIns: 0, lockedUntil: null, lastSignInAt: now })
      .where(eq(users.id, user.id))
      .returning();
    await recordAudit(tx, {
      actorId: user.id,
      action: "auth.signIn",
      outcome: "allowed",
      detail: { method: "password" },
    });
    return row ?? user;
  });
  return { ok: true, user: signedIn };
}

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}
