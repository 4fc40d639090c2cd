// The audit log: hash-chained per child and per user, verified end to end, and tamper-evident.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "@/db/schema";
import { demoChildId, demoUserId } from "@/db/seed/demo";
import { recordAudit, recordAuditNow, verifyAuditChains } from "@/lib/audit";
import { createTestDb, type TestDbHandle } from "../helpers/db";

let handle: TestDbHandle;
beforeAll(async () => {
  handle = await createTestDb();
  const actorId = demoUserId("sw1");
  for (let i = 0; i < 5; i++) {
    await recordAuditNow(handle.db, { actorId, action: "summary.view", childId: demoChildId(i % 2) });
  }
  await recordAuditNow(handle.db, { actorId, action: "auth.signIn" });
  await recordAuditNow(handle.db, {
    actorId: null,
    action: "auth.signIn",
    outcome: "refused",
    detail: { reason: "unknown-account" },
  });
});
afterAll(() => handle.close());

async function withTriggersOff(statement: string) {
  // Behind the application's back: a superuser switches the append-only triggers off.
  await handle.owner.execute(sql.raw(`ALTER TABLE audit_events DISABLE TRIGGER USER`));
  try {
    await handle.owner.execute(sql.raw(statement));
  } finally {
    await handle.owner.execute(sql.raw(`ALTER TABLE audit_events ENABLE TRIGGER USER`));
  }
}

describe("the audit chain", () => {
  it("keeps one chain per child and per user, each linked to the previous event", async () => {
    const chains = await handle.db
      .select({ chainKey: auditEvents.chainKey, n: sql<number>`count(*)::int` })
      .from(auditEvents)
      .groupBy(auditEvents.chainKey);
    const byKey = Object.fromEntries(chains.map((c) => [c.chainKey, c.n]));
    expect(byKey[`child:${demoChildId(0)}`]).toBe(3);
    expect(byKey[`child:${demoChildId(1)}`]).toBe(2);
    expect(byKey[`user:${demoUserId("sw1")}`]).toBe(1);
    expect(byKey.system).toBe(1);
  });

  it("verifies when nothing has been touched", async () => {
    const result = await verifyAuditChains(handle.db);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.events).toBe(7);
  });

  it("rolls the event back with the change it records", async () => {
    const before = await verifyAuditChains(handle.db);
    await expect(
      handle.db.transaction(async (tx) => {
        await recordAudit(tx, { actorId: demoUserId("sw1"), action: "visits.create", childId: demoChildId(0) });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    const after = await verifyAuditChains(handle.db);
    expect(after.events).toBe(before.events);
    expect(after.ok).toBe(true);
  });

  it("is refused an update by the database", async () => {
    await expect(handle.db.execute(sql`update audit_events set action = 'nothing to see'`)).rejects.toThrow();
  });

  it("detects an event altered behind the application's back", async () => {
    await withTriggersOff(
      `UPDATE audit_events SET detail = '{"relation":"forged"}' WHERE chain_key = 'child:${demoChildId(0)}' AND seq = 2`,
    );
    const result = await verifyAuditChains(handle.db);
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(
      expect.objectContaining({
        chainKey: `child:${demoChildId(0)}`,
        seq: 2,
        problem: expect.stringMatching(/altered/),
      }),
    );
  });

  it("detects an event removed from the end of a chain", async () => {
    await withTriggersOff(`DELETE FROM audit_events WHERE chain_key = 'child:${demoChildId(1)}' AND seq = 2`);
    const result = await verifyAuditChains(handle.db);
    expect(result.problems).toContainEqual(
      expect.objectContaining({ chainKey: `child:${demoChildId(1)}`, problem: expect.stringMatching(/removed/) }),
    );
  });
});
