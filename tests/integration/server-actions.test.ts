// Server actions called directly, as an attacker would: every role against every governance
// action. Refusals change nothing, are audited, and reveal nothing about the child.
import { and, desc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, breakGlassGrants, retentionHold, users } from "@/db/schema";
import { demoChildId, demoChildName, demoUserId, type DemoUserKey } from "@/scripts/seed/demo";
import type { Actor } from "@/lib/access";
import { childAccess } from "@/lib/access";
import { requestBreakGlassAction } from "@/lib/break-glass/actions";
import { setUserActiveAction } from "@/lib/users/actions";
import { setRetentionHoldAction } from "@/lib/retention/actions";
import { verifyAuditAction } from "@/lib/audit/actions";
import { useDemoAuthority } from "../helpers/demo";
import { signInAs } from "../helpers/session";

const demo = useDemoAuthority();

const as = (key: DemoUserKey) => signInAs(demo.actors.get(key) ?? null);
const lastEvent = async (actorId: string) =>
  (
    await demo.handle.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.actorId, actorId))
      .orderBy(desc(auditEvents.id))
      .limit(1)
  )[0];
const count = async (table: typeof breakGlassGrants | typeof users) =>
  (await demo.handle.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n;

const STAFF: DemoUserKey[] = ["sw1", "sw2", "sw3", "tm1", "tm2", "iro1", "iro2", "ro"];
const NOT_RECORDS_OFFICER: DemoUserKey[] = ["sw1", "sw3", "tm1", "iro1", "prov1"];

describe("calling server actions without the right", () => {
  it("refuses everything to someone who is not signed in", async () => {
    const result = await setRetentionHoldAction({ active: "off", reason: "An attempt without any session at all" });
    expect(result).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
    const [hold] = await demo.handle.db.select().from(retentionHold);
    expect(hold?.active).toBe(true);
  });

  for (const key of NOT_RECORDS_OFFICER) {
    it(`refuses ${key} changing the retention hold, deactivating a user or verifying the audit log, and audits each refusal`, async () => {
      as(key);
      const actorId = demoUserId(key);
      expect(
        await setRetentionHoldAction({ active: "off", reason: "Trying to lift the hold without the right" }),
      ).toMatchObject({ ok: false, error: { code: "forbidden:action" } });
      expect((await lastEvent(actorId))?.action).toBe("retention.setHold");
      expect((await lastEvent(actorId))?.outcome).toBe("refused");
      expect(
        await setUserActiveAction({
          userId: demoUserId("sw2"),
          active: false,
          reason: "Left the authority (fictional test)",
        }),
      ).toMatchObject({
        ok: false,
        error: { code: "forbidden:action" },
      });
      expect(await verifyAuditAction({})).toMatchObject({ ok: false, error: { code: "forbidden:action" } });
      const [hold] = await demo.handle.db.select().from(retentionHold);
      expect(hold?.active).toBe(true);
      const [sw2] = await demo.handle.db
        .select()
        .from(users)
        .where(eq(users.id, demoUserId("sw2")));
      expect(sw2?.active).toBe(true);
    });
  }

  it("refuses a provider break-glass access, and writes nothing", async () => {
    as("prov1");
    const before = await count(breakGlassGrants);
    const result = await requestBreakGlassAction({
      childId: demoChildId(10),
      reason: "I would like to read this child's record please",
    });
    expect(result).toMatchObject({ ok: false, error: { code: "forbidden:action" } });
    expect(await count(breakGlassGrants)).toBe(before);
  });
});

describe("break-glass", () => {
  for (const key of STAFF) {
    it(`lets ${key} open a child outside their caseload with a reason, flagged for review`, async () => {
      as(key);
      // A child outside this person's caseload: another team's, and not one they review.
      const child = demoChildId(["sw3", "tm2", "ro"].includes(key) ? 11 : key === "iro2" ? 30 : 31);
      expect(await childAccess(demo.handle.db, demo.actors.get(key) as Actor, child)).toBeNull();
      const result = await requestBreakGlassAction({
        childId: child,
        reason: `Emergency duty call about this child, needed now (${key})`,
      });
      expect(result.ok).toBe(true);
      const access = await childAccess(demo.handle.db, demo.actors.get(key) as Actor, child);
      expect(access?.relation).toBe("break_glass");
      const [event] = await demo.handle.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.actorId, demoUserId(key)), eq(auditEvents.action, "breakGlass.grant")))
        .orderBy(desc(auditEvents.id))
        .limit(1);
      expect(event).toMatchObject({ outcome: "allowed", flagged: true, childId: child });
    });
  }

  it("refuses a reason that is too short, with a field error, writing nothing", async () => {
    as("sw3");
    const before = await count(breakGlassGrants);
    const result = await requestBreakGlassAction({ childId: demoChildId(12), reason: "because" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fieldErrors?.reason?.[0]).toMatch(/at least 20 characters/);
    expect(await count(breakGlassGrants)).toBe(before);
  });

  it("gives the same answer for a child that does not exist, without leaking anything", async () => {
    as("sw3");
    const result = await requestBreakGlassAction({
      childId: "00000000-0000-4000-8000-000000000001",
      reason: "Looking for a child that is not in the system",
    });
    expect(result).toMatchObject({ ok: false, error: { code: "forbidden:child" } });
    expect(JSON.stringify(result)).not.toMatch(new RegExp(demoChildName(12).lastName));
    expect((await lastEvent(demoUserId("sw3")))?.outcome).toBe("failed");
  });
});

describe("records officer actions", () => {
  it("deactivating a user takes effect and is audited", async () => {
    as("ro");
    const result = await setUserActiveAction({
      userId: demoUserId("sw2"),
      active: false,
      reason: "Left the authority (fictional test)",
    });
    expect(result.ok).toBe(true);
    const [sw2] = await demo.handle.db
      .select()
      .from(users)
      .where(eq(users.id, demoUserId("sw2")));
    expect(sw2?.active).toBe(false);
    expect(await lastEvent(demoUserId("ro"))).toMatchObject({ action: "user.setActive", outcome: "allowed" });
    expect(
      (
        await setUserActiveAction({
          userId: demoUserId("sw2"),
          active: true,
          reason: "Came back to the team (fictional test)",
        })
      ).ok,
    ).toBe(true);
  });

  it("verifies the audit chains", async () => {
    as("ro");
    const result = await verifyAuditAction({});
    expect(result.ok && result.data.ok).toBe(true);
  });

  it("changes the retention hold only with a reason, and the change is flagged", async () => {
    as("ro");
    const bad = await setRetentionHoldAction({ active: "off", reason: "" });
    expect(bad.ok).toBe(false);
    const good = await setRetentionHoldAction({
      active: "on",
      reason: "Confirming the hold pending national guidance (IICSA)",
    });
    expect(good.ok).toBe(true);
    expect(await lastEvent(demoUserId("ro"))).toMatchObject({ action: "retention.setHold", flagged: true });
  });
});
