// On a real PostgreSQL server: writes to different children do not wait for each other's audit
// chain, while writes to the same child are serialised on that child's chain.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { demoChildId, demoUserId } from "@/scripts/seed/demo";
import { recordAudit, verifyAuditChains } from "@/lib/audit";
import { createTestDb } from "../../helpers/db";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(() => handle.close());

function holdOpen(childId: string, release: Promise<void>, entered: () => void) {
  return handle.db.transaction(async (tx) => {
    await recordAudit(tx, { actorId: demoUserId("sw1"), action: "visits.create", childId });
    entered();
    await release;
  });
}

describe("audit chains under concurrent writes", () => {
  it("lets a write to another child commit while one child's transaction is still open", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let entered!: () => void;
    const inside = new Promise<void>((r) => (entered = r));
    const slow = holdOpen(demoChildId(0), gate, entered);
    await inside;
    const other = handle.db.transaction((tx) =>
      recordAudit(tx, { actorId: demoUserId("sw2"), action: "visits.create", childId: demoChildId(1) }),
    );
    const winner = await Promise.race([
      other.then(() => "other child committed"),
      new Promise((r) => setTimeout(() => r("blocked"), 3000)),
    ]);
    release();
    await slow;
    expect(winner).toBe("other child committed");
  });

  it("keeps every chain intact after many concurrent writes", async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        handle.db.transaction((tx) =>
          recordAudit(tx, { actorId: demoUserId("sw1"), action: "visits.create", childId: demoChildId(i % 4) }),
        ),
      ),
    );
    const result = await verifyAuditChains(handle.db);
    expect(result.problems).toEqual([]);
    expect(result.events).toBeGreaterThanOrEqual(42);
  });
});
