// Password sign-in: argon2id verification, throttling by account and by client address, one
// answer time for every failure, and an audit event for every attempt. Framework-free so it is
// tested directly.
//
// What an outsider can learn or do:
// - Nothing from timing: every attempt runs exactly one argon2 verification (against a dummy hash
//   for an unknown email), and every failed attempt is answered after the same fixed time,
//   whatever the cause, the failure count or a lock.
// - Guess slowly: five failures against one account from one address lock that pair for a
//   while; thirty failures from one address (against any accounts) lock the address. Attempts
//   are counted before the password is checked, so a burst sent all at once gets no more.
// - Not lock the owner out: a pair lock holds only for the address it came from. Guesses spread
//   over many addresses (twenty against one account) leave the account open only to addresses it
//   has signed in from before, until the lock passes or the owner signs in.
import { hash, verify } from "@node-rs/argon2";
import { and, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { signInAddresses, signInPairs, users, type User } from "@/db/schema";
import { recordAudit } from "@/lib/audit";

export const SIGN_IN_LIMITS = {
  /** Failures against one account from one address, within the window, that lock that pair. */
  perPair: 5,
  /** Failures from one address, whatever account they named, that lock the address. */
  perAddress: 30,
  /** Failures against one account from all addresses that close it to unfamiliar addresses. */
  perAccount: 20,
  windowMinutes: 15,
  lockMinutes: 15,
} as const;

/** Every failed attempt is answered this long after it started: longer than the work any failure takes. */
export const FAILED_ANSWER_MS = 1000;

// Compared against when the email is unknown, so the verification costs what a real account's does.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hash("not-a-real-password-for-timing"));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type RefusalReason =
  "unknown-account" | "inactive" | "wrong-password" | "locked" | "address-throttled" | "account-throttled";

export type SignInOutcome = { ok: true; user: User } | { ok: false; reason: RefusalReason };

export interface SignInAttempt {
  email: string;
  password: string;
  /** The client's address (lib/http/forwarding clientAddress): what throttling counts by. */
  address: string;
  now?: Date;
}

export interface SignInOptions {
  /** How long a failed attempt takes to answer; tests that do not measure time pass 0. */
  failedAnswerMs?: number;
}

export async function verifyCredentials(
  db: Db,
  attempt: SignInAttempt,
  { failedAnswerMs = FAILED_ANSWER_MS }: SignInOptions = {},
): Promise<SignInOutcome> {
  const started = performance.now();
  const outcome = await attemptSignIn(db, attempt);
  if (!outcome.ok) {
    const wait = failedAnswerMs - (performance.now() - started);
    if (wait > 0) await sleep(wait);
  }
  return outcome;
}

const iso = (d: Date) => d.toISOString();
const isFuture = (d: Date | null | undefined, now: Date): boolean => Boolean(d && d > now);

async function attemptSignIn(db: Db, { email, password, address, now = new Date() }: SignInAttempt) {
  const normalised = email.trim().toLowerCase();
  const [user] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, normalised))
    .limit(1);
  const known = user?.passwordHash ? user : undefined;
  const canSignIn = Boolean(known?.active && !known.deletedAt);

  // Each attempt is counted before its password is checked, in a statement of its own that
  // commits at once: simultaneous guesses see each other, so a burst cannot exceed a limit.
  // A success takes its count back.
  const addressCount = await reserveAddressAttempt(db, address, now);
  const pairCount =
    known && canSignIn && addressCount.allowed ? await reservePairAttempt(db, known.id, address, now) : undefined;

  // One verification whatever happens next, so its cost never tells one case from another.
  const passwordHash = known?.passwordHash ?? (await getDummyHash());
  const passwordOk = await verify(passwordHash, password).catch(() => false);

  const refusal: RefusalReason | null = !addressCount.allowed
    ? "address-throttled"
    : !known
      ? "unknown-account"
      : !canSignIn
        ? "inactive"
        : !pairCount?.allowed
          ? "locked"
          : isFuture(known.lockedUntil, now) && !pairCount.lastSuccessAt
            ? "account-throttled"
            : passwordOk
              ? null
              : "wrong-password";

  if (refusal === null && known) {
    const signedIn = await db.transaction(async (tx) => {
      const [row] = await tx
        .update(users)
        .set({ failedSignIns: 0, lockedUntil: null, lastSignInAt: now })
        .where(eq(users.id, known.id))
        .returning();
      await tx
        .update(signInPairs)
        .set({ failures: 0, windowStartedAt: now, lockedUntil: null, lastSuccessAt: now, updatedAt: now })
        .where(and(eq(signInPairs.userId, known.id), eq(signInPairs.address, address)));
      await takeBackAttempt(tx, address, now);
      await recordAudit(tx, {
        actorId: known.id,
        action: "auth.signIn",
        outcome: "allowed",
        detail: { method: "password", address },
      });
      return row ?? known;
    });
    return { ok: true as const, user: signedIn };
  }

  const reason = refusal ?? "wrong-password";
  await db.transaction(async (tx) => {
    const detail: Record<string, unknown> = { reason, address, addressFailures: addressCount.failures };
    if (pairCount) Object.assign(detail, { pairFailures: pairCount.failures });
    if (reason === "locked") detail.lockedUntil = pairCount?.lockedUntil?.toISOString();
    if (known && reason === "wrong-password") Object.assign(detail, await countAccountFailure(tx, known.id, now));
    await recordAudit(tx, { actorId: known?.id ?? null, action: "auth.signIn", outcome: "refused", detail });
  });
  return { ok: false as const, reason };
}

/**
 * One more attempt in a windowed counter: it starts again at 1 when the window has passed; when
 * the count reaches the limit the lock starts (and attempts within the window extend it); an
 * expired lock clears.
 */
function countAttempt(table: typeof signInAddresses | typeof signInPairs, limit: number, now: Date) {
  const windowStart = new Date(now.getTime() - SIGN_IN_LIMITS.windowMinutes * 60_000);
  const lockEnd = new Date(now.getTime() + SIGN_IN_LIMITS.lockMinutes * 60_000);
  const expired = sql`${table.windowStartedAt} <= ${iso(windowStart)}::timestamptz`;
  const next = sql`(case when ${expired} then 1 else ${table.failures} + 1 end)`;
  const set = {
    failures: next,
    windowStartedAt: sql`case when ${expired} then ${iso(now)}::timestamptz else ${table.windowStartedAt} end`,
    lockedUntil: sql`case when ${next} >= ${limit} then ${iso(lockEnd)}::timestamptz when ${table.lockedUntil} > ${iso(now)}::timestamptz then ${table.lockedUntil} else null end`,
    updatedAt: now,
  };
  /**
   * The attempt may go ahead when its count (itself included) is within the limit and no lock
   * was in force before it: a lock in the row is either the one this very attempt started (at
   * the limit, ending exactly a lock's length from now) or an earlier one that still holds.
   */
  const allowed = (row: { failures: number; lockedUntil: Date | null } | undefined) => {
    const failures = row?.failures ?? 1;
    const startedNow = failures === limit && row?.lockedUntil?.getTime() === lockEnd.getTime();
    return failures <= limit && (startedNow || !isFuture(row?.lockedUntil, now));
  };
  return { set, allowed };
}

async function reserveAddressAttempt(db: Db, address: string, now: Date) {
  const { set, allowed } = countAttempt(signInAddresses, SIGN_IN_LIMITS.perAddress, now);
  const [row] = await db
    .insert(signInAddresses)
    .values({ address, failures: 1, windowStartedAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: signInAddresses.address, set })
    .returning({ failures: signInAddresses.failures, lockedUntil: signInAddresses.lockedUntil });
  return { failures: row?.failures ?? 1, allowed: allowed(row) };
}

async function reservePairAttempt(db: Db, userId: string, address: string, now: Date) {
  const { set, allowed } = countAttempt(signInPairs, SIGN_IN_LIMITS.perPair, now);
  const [row] = await db
    .insert(signInPairs)
    .values({ userId, address, failures: 1, windowStartedAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: [signInPairs.userId, signInPairs.address], set })
    .returning({
      failures: signInPairs.failures,
      lockedUntil: signInPairs.lockedUntil,
      lastSuccessAt: signInPairs.lastSuccessAt,
    });
  return {
    failures: row?.failures ?? 1,
    lockedUntil: row?.lockedUntil ?? null,
    lastSuccessAt: row?.lastSuccessAt ?? null,
    allowed: allowed(row),
  };
}

/** A successful sign-in was counted as an attempt from its address; it is not a failure, so the count goes back. */
async function takeBackAttempt(tx: Tx, address: string, now: Date) {
  const remaining = sql`greatest(${signInAddresses.failures} - 1, 0)`;
  await tx
    .update(signInAddresses)
    .set({
      failures: remaining,
      // A lock needs the limit's worth of failures; without this attempt there are fewer.
      lockedUntil: sql`case when ${remaining} < ${SIGN_IN_LIMITS.perAddress} then null else ${signInAddresses.lockedUntil} end`,
      updatedAt: now,
    })
    .where(eq(signInAddresses.address, address));
}

/**
 * A wrong password also counts against the account as a whole. That count has no window: it
 * starts again after its lock has passed, or when the owner signs in.
 */
async function countAccountFailure(tx: Tx, userId: string, now: Date) {
  const lockEnd = new Date(now.getTime() + SIGN_IN_LIMITS.lockMinutes * 60_000);
  const lapsed = sql`(${users.lockedUntil} is not null and ${users.lockedUntil} <= ${iso(now)}::timestamptz)`;
  const next = sql`(case when ${lapsed} then 1 else ${users.failedSignIns} + 1 end)`;
  const [account] = await tx
    .update(users)
    .set({
      failedSignIns: next,
      lockedUntil: sql`case when ${next} >= ${SIGN_IN_LIMITS.perAccount} then ${iso(lockEnd)}::timestamptz when ${lapsed} then null else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, userId))
    .returning({ failedSignIns: users.failedSignIns, lockedUntil: users.lockedUntil });
  return { accountFailures: account?.failedSignIns ?? 1, accountLocked: isFuture(account?.lockedUntil, now) };
}

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}
