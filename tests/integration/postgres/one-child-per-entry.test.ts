// On a real PostgreSQL server (PGlite has one connection and hides races): two transactions
// writing versions of one entry for different children at the same moment. The database's rule
// that an entry belongs to one child takes a lock on the entry before it looks, so the second
// writer waits for the first, then sees its row and is refused: never an entry on two records.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { recordEntries } from "@/db/schema";
import { todayIso } from "@/lib/dates";
import { demoChildId, demoUserId } from "@/scripts/seed/demo";
import { useDemoAuthority } from "../../helpers/demo";

const demo = useDemoAuthority();
const A = demoChildId(0);
const B = demoChildId(1);

const version = (entryId: string, n: number, childId: string) => ({
  id: randomUUID(),
  entryId,
  version: n,
  childId,
  section: "visits" as const,
  occurredOn: todayIso(),
  title: `A visit written for two children at once (fictional, version ${n})`,
  data: {},
  createdBy: demoUserId("sw1"),
});

function within<T>(work: Promise<T>, ms: number): Promise<"committed" | "blocked"> {
  return Promise.race([
    work.then(() => "committed" as const),
    new Promise<"blocked">((r) => setTimeout(() => r("blocked"), ms)),
  ]);
}

/** The database's own words, wherever the driver puts them. */
function refusal(reason: unknown): string {
  const e = reason as { message?: string; cause?: { message?: string } };
  return `${e.message ?? ""} ${e.cause?.message ?? ""}`;
}

async function childrenOf(entryId: string) {
  const rows = await demo.handle.db
    .select({ childId: recordEntries.childId })
    .from(recordEntries)
    .where(eq(recordEntries.entryId, entryId));
  return new Set(rows.map((r) => r.childId));
}

describe("an entry belongs to one child, under concurrent writes", () => {
  it("makes a second writer for another child wait for the first, then refuses it", async () => {
    const entryId = randomUUID();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let entered!: () => void;
    const inside = new Promise<void>((r) => (entered = r));
    const first = demo.handle.db.transaction(async (tx) => {
      await tx.insert(recordEntries).values(version(entryId, 1, A));
      entered();
      await gate;
    });
    await inside;
    const second = demo.handle.db.transaction(async (tx) => {
      await tx.insert(recordEntries).values(version(entryId, 2, B));
    });
    const outcome = await within(second, 1000);
    release();
    const [a, b] = await Promise.allSettled([first, second]);
    expect(outcome).toBe("blocked");
    expect(a.status).toBe("fulfilled");
    expect(b.status).toBe("rejected");
    if (b.status === "rejected") expect(refusal(b.reason)).toMatch(/belongs to another child/);
    expect([...(await childrenOf(entryId))]).toEqual([A]);
  });

  it("lets at most one of two simultaneous writers for different children commit, round after round", async () => {
    for (let round = 0; round < 10; round++) {
      const entryId = randomUUID();
      const results = await Promise.allSettled(
        [A, B].map((childId, i) =>
          demo.handle.db.transaction(async (tx) => {
            await tx.insert(recordEntries).values(version(entryId, i + 1, childId));
          }),
        ),
      );
      const committed = results.filter((r) => r.status === "fulfilled").length;
      expect(committed, `round ${round}`).toBe(1);
      for (const r of results)
        if (r.status === "rejected") expect(refusal(r.reason), `round ${round}`).toMatch(/belongs to another child/);
      expect((await childrenOf(entryId)).size, `round ${round}`).toBe(1);
    }
  });
});
