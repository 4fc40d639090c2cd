// The audit log: hash-chained and keyed, per child for changes, on a pool of chains for views,
// verified end to end, and written only through the database's own append function.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type DbHandle } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { demoChildId, demoUserId } from "@/scripts/seed/demo";
import { recordAudit, recordAuditNow, verifyAuditChains } from "@/lib/audit";
import { createTestDb } from "../helpers/db";

let handle: DbHandle;
const actorId = demoUserId("sw1");
beforeAll(async () => {
  handle = await createTestDb();
  for (let i = 0; i < 5; i++) {
    await recordAuditNow(handle.db, { actorId, action: "summary.view", childId: demoChildId(i % 2) });
    await recordAuditNow(handle.db, { actorId, action: "visits.create", childId: demoChildId(i % 2) });
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

async function databaseError(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (e) {
    const err = e as { message?: string; cause?: { message?: string } };
    return err.cause?.message ?? err.message ?? String(e);
  }
  return "ALLOWED";
}

describe("the audit chain", () => {
  it("keeps a child's changes on the child's chain, each person's own events on theirs", async () => {
    const chains = await handle.db
      .select({ chainKey: auditEvents.chainKey, n: sql<number>`count(*)::int` })
      .from(auditEvents)
      .groupBy(auditEvents.chainKey);
    const byKey = Object.fromEntries(chains.map((c) => [c.chainKey, c.n]));
    expect(byKey[`child:${demoChildId(0)}`]).toBe(3);
    expect(byKey[`child:${demoChildId(1)}`]).toBe(2);
    expect(byKey[`user:${actorId}`]).toBe(1);
    expect(byKey.system).toBe(1);
  });

  it("puts views on the pool of view chains, still findable by the child they opened", async () => {
    const views = await handle.db
      .select({ chainKey: auditEvents.chainKey, childId: auditEvents.childId })
      .from(auditEvents)
      .where(sql`${auditEvents.action} = 'summary.view'`);
    expect(views).toHaveLength(5);
    for (const v of views) expect(v.chainKey).toMatch(/^views:\d+$/);
    expect(views.filter((v) => v.childId === demoChildId(0))).toHaveLength(3);
  });

  it("keys every event with an HMAC beside its hash", async () => {
    const rows = await handle.db.select({ hash: auditEvents.hash, mac: auditEvents.mac }).from(auditEvents);
    for (const r of rows) {
      expect(r.mac).toMatch(/^[0-9a-f]{64}$/);
      expect(r.mac).not.toBe(r.hash);
    }
  });

  it("verifies when nothing has been touched", async () => {
    const result = await verifyAuditChains(handle.db);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.events).toBe(12);
  });

  it("rolls the event back with the change it records", async () => {
    const before = await verifyAuditChains(handle.db);
    await expect(
      handle.db.transaction(async (tx) => {
        await recordAudit(tx, { actorId, action: "visits.create", childId: demoChildId(0) });
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

  it("moves a head only one step, onto the event appended with it", async () => {
    const chainKey = `child:${demoChildId(0)}`;
    const [head] = rowsOf<{ seq: number | string; hash: string }>(
      await handle.db.execute(sql`select seq, hash from audit_chain_heads where chain_key = ${chainKey}`),
    );
    if (!head) throw new Error("no head");
    const append = (seq: number, prevHash: string) =>
      databaseError(() =>
        handle.db.execute(sql`select audit_append_event(${chainKey}, ${seq}::bigint, ${prevHash}, ${"a".repeat(64)},
          ${"b".repeat(64)}, now(), null::uuid, 'visits.create', null::uuid, 'allowed', false, '{}'::jsonb)`),
      );
    // Skipping ahead, or appending after anything but the head, is refused by the database.
    expect(await append(Number(head.seq) + 2, head.hash)).toMatch(/does not follow the head/);
    expect(await append(Number(head.seq) + 1, "c".repeat(64))).toMatch(/does not follow the head/);
    expect(await append(Number(head.seq), head.hash)).toMatch(/does not follow the head/);
  });
});
