// Password sign-in: the right password works, failures are throttled by account and by address
// without letting a stranger lock the owner out, inactive accounts are refused, and every
// attempt is audited with the address it came from.
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditEvents, signInAddresses, signInPairs, users } from "@/db/schema";
import { DEMO_PASSWORD, DEMO_USERS, demoUserId, type DemoUserKey } from "@/scripts/seed/demo";
import { SIGN_IN_LIMITS, verifyCredentials, type SignInAttempt } from "@/lib/auth/credentials";
import { createTestDb } from "../helpers/db";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(() => handle.close());

const emailOf = (key: DemoUserKey) => DEMO_USERS.find((u) => u.key === key)?.email ?? "";
const minutes = (n: number) => n * 60_000;
const at = (start: Date, ms: number) => new Date(start.getTime() + ms);

/** An attempt answered at once: these tests are about decisions, sign-in-timing.test.ts about time. */
const attempt = (a: SignInAttempt) => verifyCredentials(handle.db, a, { failedAnswerMs: 0 });

const events = (actorId: string) =>
  handle.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.actorId, actorId), eq(auditEvents.action, "auth.signIn")))
    .orderBy(desc(auditEvents.id));

describe("signing in with a password", () => {
  it("accepts the right password, whatever the email's case, and audits it with the address", async () => {
    const outcome = await attempt({
      email: "Social.Worker@DEMO.invalid",
      password: DEMO_PASSWORD,
      address: "192.0.2.1",
    });
    expect(outcome.ok && outcome.user.id).toBe(demoUserId("sw1"));
    const [event] = await events(demoUserId("sw1"));
    expect(event?.outcome).toBe("allowed");
    expect(event?.detail).toMatchObject({ method: "password", address: "192.0.2.1" });
  });

  it("refuses a wrong password and an unknown account, and audits both", async () => {
    const wrong = await attempt({ email: emailOf("iro2"), password: "not-the-password", address: "192.0.2.2" });
    const unknown = await attempt({ email: "nobody@demo.invalid", password: "whatever", address: "192.0.2.2" });
    expect(wrong).toEqual({ ok: false, reason: "wrong-password" });
    expect(unknown).toEqual({ ok: false, reason: "unknown-account" });
    expect((await events(demoUserId("iro2")))[0]?.detail).toMatchObject({
      reason: "wrong-password",
      address: "192.0.2.2",
      pairFailures: 1,
    });
    const [anonymous] = await handle.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "auth.signIn"))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(anonymous?.actorId).toBeNull();
    expect(anonymous?.detail).toMatchObject({ reason: "unknown-account", address: "192.0.2.2" });
  });

  it("refuses a deactivated account even with the right password", async () => {
    const outcome = await attempt({ email: emailOf("gone"), password: DEMO_PASSWORD, address: "192.0.2.3" });
    expect(outcome).toEqual({ ok: false, reason: "inactive" });
    expect((await events(demoUserId("gone")))[0]?.outcome).toBe("refused");
  });

  it("treats input that is not an email as an unknown account", async () => {
    expect(await attempt({ email: "", password: "", address: "192.0.2.4" })).toEqual({
      ok: false,
      reason: "unknown-account",
    });
    expect(await attempt({ email: "'; select 1; --", password: "x".repeat(1024), address: "192.0.2.4" })).toEqual({
      ok: false,
      reason: "unknown-account",
    });
  });
});

describe("repeated failures", () => {
  it("lock the account for the address they came from, and only for it", async () => {
    const now = new Date();
    const stranger = "203.0.113.66";
    const owner = "198.51.100.7";
    for (let i = 0; i < SIGN_IN_LIMITS.perPair; i++) {
      expect(await attempt({ email: emailOf("iro1"), password: `guess-${i}`, address: stranger, now })).toEqual({
        ok: false,
        reason: "wrong-password",
      });
    }
    const [pair] = await handle.db
      .select()
      .from(signInPairs)
      .where(and(eq(signInPairs.userId, demoUserId("iro1")), eq(signInPairs.address, stranger)));
    expect(pair?.failures).toBe(SIGN_IN_LIMITS.perPair);
    expect(pair?.lockedUntil?.getTime()).toBe(now.getTime() + minutes(SIGN_IN_LIMITS.lockMinutes));

    // From the stranger's address even the right password is refused while the lock lasts...
    const later = at(now, minutes(1));
    expect(await attempt({ email: emailOf("iro1"), password: DEMO_PASSWORD, address: stranger, now: later })).toEqual({
      ok: false,
      reason: "locked",
    });
    // ...but the owner, somewhere else, signs in as usual.
    const owners = await attempt({ email: emailOf("iro1"), password: DEMO_PASSWORD, address: owner, now: later });
    expect(owners.ok).toBe(true);

    // The stranger's lock ends after its time, and then the right password works there too.
    const afterLock = at(now, minutes(SIGN_IN_LIMITS.lockMinutes + 1));
    const outcome = await attempt({
      email: emailOf("iro1"),
      password: DEMO_PASSWORD,
      address: stranger,
      now: afterLock,
    });
    expect(outcome.ok).toBe(true);
    const [reset] = await handle.db
      .select()
      .from(signInPairs)
      .where(and(eq(signInPairs.userId, demoUserId("iro1")), eq(signInPairs.address, stranger)));
    expect(reset?.failures).toBe(0);
    expect(reset?.lockedUntil).toBeNull();
  });

  it("count again from one after the window has passed", async () => {
    const now = new Date();
    const address = "203.0.113.70";
    for (let i = 0; i < SIGN_IN_LIMITS.perPair - 1; i++) {
      await attempt({ email: emailOf("sw2"), password: `guess-${i}`, address, now });
    }
    const nextWindow = at(now, minutes(SIGN_IN_LIMITS.windowMinutes + 1));
    await attempt({ email: emailOf("sw2"), password: "one-more-guess", address, now: nextWindow });
    const [pair] = await handle.db
      .select()
      .from(signInPairs)
      .where(and(eq(signInPairs.userId, demoUserId("sw2")), eq(signInPairs.address, address)));
    expect(pair?.failures).toBe(1);
    expect(pair?.lockedUntil).toBeNull();
    expect(
      (await attempt({ email: emailOf("sw2"), password: DEMO_PASSWORD, address, now: at(nextWindow, 1000) })).ok,
    ).toBe(true);
  });

  it("from one address against many accounts throttle that address, for every account, and no other", async () => {
    const now = new Date();
    const sprayer = "203.0.113.99";
    const targets: DemoUserKey[] = ["sw1", "sw3", "tm1", "tm2", "prov1", "prov2", "ro"];
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++) {
      const key = targets[i % targets.length] ?? "sw1";
      // A mixture of real and invented accounts: both count against the address.
      const email = i % 3 === 0 ? `invented-${i}@demo.invalid` : emailOf(key);
      await attempt({ email, password: `spray-${i}`, address: sprayer, now });
    }
    const [row] = await handle.db.select().from(signInAddresses).where(eq(signInAddresses.address, sprayer));
    expect(row?.failures).toBe(SIGN_IN_LIMITS.perAddress);
    expect(row?.lockedUntil?.getTime()).toBe(now.getTime() + minutes(SIGN_IN_LIMITS.lockMinutes));
    // No pair reached its own limit, yet the address may no longer try anyone, with any password.
    expect(
      await attempt({ email: emailOf("sw3"), password: DEMO_PASSWORD, address: sprayer, now: at(now, 1000) }),
    ).toEqual({ ok: false, reason: "address-throttled" });
    // Everyone else carries on.
    expect(
      (await attempt({ email: emailOf("sw3"), password: DEMO_PASSWORD, address: "198.51.100.20", now: at(now, 1000) }))
        .ok,
    ).toBe(true);
  });

  it("spread over many addresses close the account to unfamiliar addresses only", async () => {
    const now = new Date();
    const familiar = "198.51.100.30";
    expect((await attempt({ email: emailOf("tm2"), password: DEMO_PASSWORD, address: familiar, now })).ok).toBe(true);
    // Four addresses, each staying under its own pair limit, together reach the account's limit.
    const perAddress = SIGN_IN_LIMITS.perPair - 1;
    for (let n = 0; n * perAddress < SIGN_IN_LIMITS.perAccount; n++) {
      for (let i = 0; i < perAddress; i++) {
        await attempt({ email: emailOf("tm2"), password: `botnet-${n}-${i}`, address: `203.0.113.${120 + n}`, now });
      }
    }
    const [account] = await handle.db
      .select()
      .from(users)
      .where(eq(users.id, demoUserId("tm2")));
    expect(account?.failedSignIns).toBeGreaterThanOrEqual(SIGN_IN_LIMITS.perAccount);
    expect(account?.lockedUntil?.getTime()).toBe(now.getTime() + minutes(SIGN_IN_LIMITS.lockMinutes));
    const soon = at(now, minutes(1));
    expect(
      await attempt({ email: emailOf("tm2"), password: DEMO_PASSWORD, address: "198.51.100.31", now: soon }),
    ).toEqual({ ok: false, reason: "account-throttled" });
    // The owner's usual address still works, and signing in opens the account again.
    expect((await attempt({ email: emailOf("tm2"), password: DEMO_PASSWORD, address: familiar, now: soon })).ok).toBe(
      true,
    );
    const [after] = await handle.db
      .select()
      .from(users)
      .where(eq(users.id, demoUserId("tm2")));
    expect(after?.failedSignIns).toBe(0);
    expect(after?.lockedUntil).toBeNull();
  });

  it("sent all at once still count one by one: a burst gets no more guesses than the limit", async () => {
    const address = "203.0.113.150";
    const burst = await Promise.all(
      Array.from({ length: SIGN_IN_LIMITS.perPair * 3 }, (_, i) =>
        attempt({ email: emailOf("prov1"), password: `burst-${i}`, address }),
      ),
    );
    const reasons = burst.map((o) => (o.ok ? "signed in" : o.reason));
    expect(reasons.filter((r) => r === "wrong-password")).toHaveLength(SIGN_IN_LIMITS.perPair);
    expect(reasons.filter((r) => r === "locked")).toHaveLength(SIGN_IN_LIMITS.perPair * 2);
  });
});

describe("successful sign-ins", () => {
  it("from one shared address (a council office) never count against it", async () => {
    const office = "198.51.100.250";
    const staff: DemoUserKey[] = ["sw1", "sw3", "tm1", "ro", "prov2"];
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress + 5; i++) {
      const key = staff[i % staff.length] ?? "sw1";
      expect((await attempt({ email: emailOf(key), password: DEMO_PASSWORD, address: office })).ok, `${i}`).toBe(true);
    }
    const [row] = await handle.db.select().from(signInAddresses).where(eq(signInAddresses.address, office));
    expect(row?.failures).toBe(0);
    expect(row?.lockedUntil).toBeNull();
  });
});
