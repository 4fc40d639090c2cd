// The records officer's user management through its server actions, called directly as an
// attacker would: only the records officer may add a user, change a role or team, reset a
// password, deactivate or reactivate; every change is audited with its reason, and refusals
// change nothing.
import { and, desc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { actionReceipts, auditEvents, users } from "@/db/schema";
import { DEMO_ORGS, DEMO_TEAMS, demoUserId, type DemoUserKey } from "@/scripts/seed/demo";
import { listAuditEvents } from "@/lib/audit/queries";
import { NO_FILTERS } from "@/lib/audit/schemas";
import { auditDetails } from "@/lib/audit/words";
import { verifyCredentials } from "@/lib/auth/credentials";
import {
  changeUserRoleAction,
  createUserAction,
  resetUserPasswordAction,
  setUserActiveAction,
} from "@/lib/users/actions";
import { useDemoAuthority } from "../helpers/demo";

const demo = useDemoAuthority();
const REASON = "New starter in the North team (fictional test)";

const userRow = async (id: string) => (await demo.handle.db.select().from(users).where(eq(users.id, id)))[0];
const lastEvent = async (action: string) =>
  (
    await demo.handle.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, action))
      .orderBy(desc(auditEvents.id))
      .limit(1)
  )[0];
const userCount = async () => (await demo.handle.db.select({ n: sql<number>`count(*)::int` }).from(users))[0]?.n;

const NOT_RECORDS_OFFICER: DemoUserKey[] = ["sw1", "tm1", "iro1", "prov1"];

describe("adding a user", () => {
  it("a records officer adds a user with a temporary password that signs in, audited with the reason", async () => {
    demo.as("ro");
    const result = await createUserAction({
      name: "Robin Newstarter",
      email: "Robin.Newstarter@demo.invalid",
      role: "social_worker",
      teamId: DEMO_TEAMS.north,
      organisationId: DEMO_ORGS.brightwater,
      reason: REASON,
      idempotencyKey: "7b7cc0a2-6a1e-4f43-9f36-2a4f3f1f0c11",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const row = await userRow(result.data.id);
    // The email is kept in lower case; a social worker belongs to a team and to no organisation.
    expect(row).toMatchObject({ email: "robin.newstarter@demo.invalid", role: "social_worker", active: true });
    expect(row?.teamId).toBe(DEMO_TEAMS.north);
    expect(row?.organisationId).toBeNull();
    const signIn = await verifyCredentials(
      demo.handle.db,
      { email: "robin.newstarter@demo.invalid", password: result.data.temporaryPassword, address: "192.0.2.10" },
      { failedAnswerMs: 0 },
    );
    expect(signIn.ok).toBe(true);
    const event = await lastEvent("user.create");
    expect(event).toMatchObject({ actorId: demoUserId("ro"), outcome: "allowed" });
    expect(event?.detail).toMatchObject({ userId: result.data.id, role: "social_worker", reason: REASON });
    expect(JSON.stringify(event?.detail)).not.toContain(result.data.temporaryPassword);
    // The temporary password is never stored as a receipt, even when the form sends a key.
    const receipts = await demo.handle.db
      .select()
      .from(actionReceipts)
      .where(eq(actionReceipts.userId, demoUserId("ro")));
    expect(JSON.stringify(receipts)).not.toContain(result.data.temporaryPassword);
  });

  it("refuses an email address that already has an account, and a social worker with no team", async () => {
    demo.as("ro");
    const taken = await createUserAction({
      name: "Someone Else",
      email: "social.worker@demo.invalid",
      role: "iro",
      reason: REASON,
    });
    expect(taken).toMatchObject({
      ok: false,
      fieldErrors: { email: ["There is already an account with this email address"] },
    });
    const noTeam = await createUserAction({
      name: "No Team",
      email: "no.team@demo.invalid",
      role: "team_manager",
      reason: REASON,
    });
    expect(noTeam).toMatchObject({ ok: false, fieldErrors: { teamId: ["Select the team"] } });
  });

  it("is refused to every other role, and adds nobody", async () => {
    const before = await userCount();
    for (const key of NOT_RECORDS_OFFICER) {
      demo.as(key);
      const result = await createUserAction({
        name: "Sneaky Addition",
        email: `sneaky.${key}@demo.invalid`,
        role: "records_officer",
        reason: REASON,
      });
      expect(result, key).toMatchObject({ ok: false, error: { code: "forbidden:action" } });
    }
    expect(await userCount()).toBe(before);
    expect(await lastEvent("user.create")).toMatchObject({ outcome: "refused" });
  });
});

describe("changing a role or team", () => {
  it("moves a social worker to the South team as a team manager, audited with before, after and reason", async () => {
    demo.as("ro");
    const result = await changeUserRoleAction({
      userId: demoUserId("sw2"),
      role: "team_manager",
      teamId: DEMO_TEAMS.south,
      reason: "Promoted to manage the South team (fictional test)",
    });
    expect(result.ok).toBe(true);
    expect(await userRow(demoUserId("sw2"))).toMatchObject({ role: "team_manager", teamId: DEMO_TEAMS.south });
    const event = await lastEvent("user.changeRole");
    expect(event?.detail).toMatchObject({
      userId: demoUserId("sw2"),
      from: { role: "social_worker", teamId: DEMO_TEAMS.north },
      to: { role: "team_manager", teamId: DEMO_TEAMS.south },
    });
    // Back as it was, for the other tests in this file.
    await changeUserRoleAction({
      userId: demoUserId("sw2"),
      role: "social_worker",
      teamId: DEMO_TEAMS.north,
      reason: "Returned to the North team (fictional test)",
    });
  });

  it("refuses a records officer changing their own role, and every other role changing anyone's", async () => {
    demo.as("ro");
    const own = await changeUserRoleAction({
      userId: demoUserId("ro"),
      role: "team_manager",
      teamId: DEMO_TEAMS.north,
      reason: REASON,
    });
    expect(own).toMatchObject({ ok: false, error: { code: "invalid:input" } });
    expect(await userRow(demoUserId("ro"))).toMatchObject({ role: "records_officer" });
    for (const key of NOT_RECORDS_OFFICER) {
      demo.as(key);
      const result = await changeUserRoleAction({
        userId: demoUserId(key),
        role: "records_officer",
        reason: "Trying to make myself a records officer",
      });
      expect(result, key).toMatchObject({ ok: false, error: { code: "forbidden:action" } });
      expect((await userRow(demoUserId(key)))?.role, key).not.toBe("records_officer");
    }
  });

  it("needs a reason", async () => {
    demo.as("ro");
    const result = await changeUserRoleAction({ userId: demoUserId("sw2"), role: "iro", reason: "" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { reason: [expect.stringContaining("Give the reason")] } });
  });
});

describe("resetting a password", () => {
  it("replaces the password with a temporary one and ends the person's sessions", async () => {
    demo.as("ro");
    const before = await userRow(demoUserId("iro2"));
    const result = await resetUserPasswordAction({
      userId: demoUserId("iro2"),
      reason: "Forgot the password; identity checked by phone",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const after = await userRow(demoUserId("iro2"));
    expect(after?.sessionVersion).toBe((before?.sessionVersion ?? 0) + 1);
    const attempt = (password: string) =>
      verifyCredentials(
        demo.handle.db,
        { email: "iro2@demo.invalid", password, address: "192.0.2.11" },
        { failedAnswerMs: 0 },
      );
    expect((await attempt("Demo-password-2026")).ok).toBe(false);
    expect((await attempt(result.data.temporaryPassword)).ok).toBe(true);
    expect(await lastEvent("user.resetPassword")).toMatchObject({
      outcome: "allowed",
      detail: { userId: demoUserId("iro2") },
    });
  });

  it("is refused to every other role", async () => {
    for (const key of NOT_RECORDS_OFFICER) {
      demo.as(key);
      const result = await resetUserPasswordAction({
        userId: demoUserId("ro"),
        reason: "Taking over the records officer",
      });
      expect(result, key).toMatchObject({ ok: false, error: { code: "forbidden:action" } });
    }
  });
});

describe("deactivating and reactivating", () => {
  it("needs a reason, ends the person's sessions, and can be undone", async () => {
    demo.as("ro");
    expect(await setUserActiveAction({ userId: demoUserId("tm2"), active: false })).toMatchObject({
      ok: false,
      error: { code: "invalid:input" },
    });
    const before = await userRow(demoUserId("tm2"));
    const off = await setUserActiveAction({
      userId: demoUserId("tm2"),
      active: false,
      reason: "Left the authority (fictional test)",
    });
    expect(off.ok).toBe(true);
    const after = await userRow(demoUserId("tm2"));
    expect(after).toMatchObject({ active: false, sessionVersion: (before?.sessionVersion ?? 0) + 1 });
    const deactivated = await demo.handle.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, "user.setActive"), sql`${auditEvents.detail}->>'userId' = ${demoUserId("tm2")}`),
      )
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(deactivated[0]?.detail).toMatchObject({ active: false, reason: "Left the authority (fictional test)" });
    const on = await setUserActiveAction({
      userId: demoUserId("tm2"),
      active: true,
      reason: "Came back from leave (fictional test)",
    });
    expect(on.ok).toBe(true);
    expect(await userRow(demoUserId("tm2"))).toMatchObject({ active: true });
    // The audit log's page names the person in the same query, and says what was done and why.
    const page = await listAuditEvents(demo.handle.db, { filters: { ...NO_FILTERS, action: "user.setActive" } });
    const [reactivated, deactivatedRow] = page.items;
    expect(reactivated?.subjectName).toBe(after?.name);
    expect(reactivated && auditDetails(reactivated)).toEqual([
      `Reactivated: ${after?.name}`,
      "Reason: Came back from leave (fictional test)",
    ]);
    expect(deactivatedRow && auditDetails(deactivatedRow)).toEqual([
      `Deactivated: ${after?.name}`,
      "Reason: Left the authority (fictional test)",
    ]);
  });

  it("refuses a records officer deactivating their own account, and every other role", async () => {
    demo.as("ro");
    expect(await setUserActiveAction({ userId: demoUserId("ro"), active: false, reason: REASON })).toMatchObject({
      ok: false,
      error: { code: "invalid:input" },
    });
    for (const key of NOT_RECORDS_OFFICER) {
      demo.as(key);
      expect(await setUserActiveAction({ userId: demoUserId("ro"), active: false, reason: REASON }), key).toMatchObject(
        {
          ok: false,
          error: { code: "forbidden:action" },
        },
      );
    }
    expect(await userRow(demoUserId("ro"))).toMatchObject({ active: true });
  });
});
