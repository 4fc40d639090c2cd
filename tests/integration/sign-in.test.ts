// Password sign-in: the right password works, failures are slowed then locked, inactive
// accounts are refused, and every attempt is audited.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { auditEvents, users } from "@/db/schema";
import { DEMO_PASSWORD, demoUserId } from "@/scripts/seed/demo";
import { failureDelayMs, LOCK_MINUTES, MAX_FAILED_SIGN_INS, verifyCredentials } from "@/lib/auth/credentials";
import { createTestDb } from "../helpers/db";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(() => handle.close());

const events = (actorId: string) =>
  handle.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.actorId, actorId), eq(auditEvents.action, "auth.signIn")));

describe("signing in with a password", () => {
  it("accepts the right password, whatever the email's case, and audits it", async () => {
    const outcome = await verifyCredentials(handle.db, "Social.Worker@DEMO.invalid", DEMO_PASSWORD, new Date(), false);
    expect(outcome.ok && outcome.user.id).toBe(demoUserId("sw1"));
    expect((await events(demoUserId("sw1"))).map((e) => e.outcome)).toEqual(["allowed"]);
  });

  it("refuses a wrong password and an unknown account the same way", async () => {
    const wrong = await verifyCredentials(handle.db, "iro2@demo.invalid", "not-the-password", new Date(), false);
    const unknown = await verifyCredentials(handle.db, "nobody@demo.invalid", "whatever", new Date(), false);
    expect(wrong.ok).toBe(false);
    expect(unknown.ok).toBe(false);
  });

  it("refuses a deactivated account even with the right password", async () => {
    const outcome = await verifyCredentials(handle.db, "deactivated@demo.invalid", DEMO_PASSWORD, new Date(), false);
    expect(outcome).toEqual({ ok: false, reason: "inactive" });
    expect((await events(demoUserId("gone")))[0]?.outcome).toBe("refused");
  });

  it("slows repeated failures and then locks the account for a while", async () => {
    expect(failureDelayMs(2)).toBeGreaterThan(failureDelayMs(1));
    const now = new Date();
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++)
      await verifyCredentials(handle.db, "iro@demo.invalid", `guess-${i}`, now, false);
    const [row] = await handle.db
      .select()
      .from(users)
      .where(eq(users.id, demoUserId("iro1")));
    expect(row?.failedSignIns).toBe(MAX_FAILED_SIGN_INS);
    expect(row?.lockedUntil?.getTime()).toBe(now.getTime() + LOCK_MINUTES * 60_000);
    // Locked: even the right password is refused until the lock expires.
    expect(
      await verifyCredentials(handle.db, "iro@demo.invalid", DEMO_PASSWORD, new Date(now.getTime() + 60_000), false),
    ).toEqual({ ok: false, reason: "locked" });
    const later = new Date(now.getTime() + (LOCK_MINUTES + 1) * 60_000);
    const outcome = await verifyCredentials(handle.db, "iro@demo.invalid", DEMO_PASSWORD, later, false);
    expect(outcome.ok).toBe(true);
    const [after] = await handle.db
      .select()
      .from(users)
      .where(eq(users.id, demoUserId("iro1")));
    expect(after?.failedSignIns).toBe(0);
    expect(after?.lockedUntil).toBeNull();
  });
});
