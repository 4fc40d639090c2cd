// On a real PostgreSQL server: writes to different children do not wait for each other's audit
// chain, writes to the same child are serialised on that child's chain, and views (of one child,
// by one person) never wait for each other at all.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres, rowsOf, type DbHandle } from "@/db/client";
import { demoChildId, demoUserId } from "@/scripts/seed/demo";
import { recordAudit, recordAuditNow, VIEW_POOL, verifyAuditChains, type AuditInput } from "@/lib/audit";
import { createTestDb } from "../../helpers/db";

let handle: DbHandle;
/** A second client on the same database with room for a whole pool of views held open at once. */
let wide: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
  const [row] = rowsOf<{ name: string }>(await handle.db.execute(sql`select current_database() as name`));
  const url = new URL(process.env.TEST_DATABASE_URL ?? "");
  url.pathname = `/${row?.name ?? ""}`;
  wide = openPostgres(url.toString(), VIEW_POOL.size + 4);
});
afterAll(async () => {
  await wide.close();
  await handle.close();
});

const write = (childId: string): AuditInput => ({ actorId: demoUserId("sw1"), action: "visits.create", childId });
const view = (childId: string): AuditInput => ({ actorId: demoUserId("sw1"), action: "summary.view", childId });

/** Opens a transaction that appends `input` and stays open until `release` is called. */
async function holdOpen(input: AuditInput, on: DbHandle = handle) {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let entered!: () => void;
  const inside = new Promise<void>((r) => (entered = r));
  const done = on.db.transaction(async (tx) => {
    await recordAudit(tx, input);
    entered();
    await gate;
  });
  await inside;
  return { release, done };
}

function within<T>(work: Promise<T>, ms: number): Promise<"committed" | "blocked"> {
  return Promise.race([
    work.then(() => "committed" as const),
    new Promise<"blocked">((r) => setTimeout(() => r("blocked"), ms)),
  ]);
}

describe("audit chains under concurrent writes", () => {
  it("lets a write to another child commit while one child's transaction is still open", async () => {
    const held = await holdOpen(write(demoChildId(0)));
    const other = handle.db.transaction((tx) => recordAudit(tx, write(demoChildId(1))));
    const outcome = await within(other, 3000);
    held.release();
    await Promise.all([held.done, other]);
    expect(outcome).toBe("committed");
  });

  it("makes a second write to the same child wait for the first: its changes stay in order", async () => {
    const held = await holdOpen(write(demoChildId(2)));
    const second = handle.db.transaction((tx) => recordAudit(tx, write(demoChildId(2))));
    const outcome = await within(second, 1000);
    held.release();
    await Promise.all([held.done, second]);
    expect(outcome).toBe("blocked");
  });

  it("lets eight views of one child, by one person, commit while another view of it is still open", async () => {
    const held = await holdOpen(view(demoChildId(0)));
    // And while a change to the same child holds the child's own chain.
    const heldWrite = await holdOpen(write(demoChildId(0)));
    const views = Promise.all(Array.from({ length: 8 }, () => recordAuditNow(handle.db, view(demoChildId(0)))));
    const outcome = await within(views, 3000);
    held.release();
    heldWrite.release();
    await Promise.all([held.done, heldWrite.done, views]);
    expect(outcome).toBe("committed");
  });

  it("queues a view only when every chain of the pool is held, and then completes it", async () => {
    const holds = [];
    for (let i = 0; i < VIEW_POOL.size; i++) holds.push(await holdOpen(view(demoChildId(3)), wide));
    const extra = recordAuditNow(wide.db, view(demoChildId(3)));
    const outcome = await within(extra, 500);
    for (const h of holds) h.release();
    await Promise.all([...holds.map((h) => h.done), extra]);
    expect(outcome).toBe("blocked");
  });

  it("keeps every chain intact after many concurrent writes and views", async () => {
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        handle.db.transaction((tx) =>
          recordAudit(tx, i % 3 === 0 ? write(demoChildId(i % 4)) : view(demoChildId(i % 4))),
        ),
      ),
    );
    const result = await verifyAuditChains(handle.db);
    expect(result.problems).toEqual([]);
    expect(result.events).toBeGreaterThanOrEqual(60);
  });
});
