// The retention hold in the database itself: no table in the schema can be emptied or have a
// row removed or soft-deleted while the hold is on, whatever the application does. The attempts
// run as the owner (on PostgreSQL a superuser), who has every privilege: the triggers refuse them.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/client";
import { children, recordEntries, retentionHold } from "@/db/schema";
import { demoChildId, demoUserId } from "@/scripts/seed/demo";
import { createTestDb, type TestDbHandle } from "../helpers/db";

/** Purely technical tables that may be deleted from. Empty today: every table holds record data or its audit. */
const TECHNICAL_TABLES: string[] = [];

let handle: TestDbHandle;
let tables: string[];

beforeAll(async () => {
  handle = await createTestDb();
  tables = rowsOf<{ table_name: string }>(
    await handle.db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    ),
  ).map((r) => r.table_name);
});
afterAll(() => handle.close());

async function refusal(statement: string): Promise<string> {
  try {
    await handle.owner.transaction(async (tx) => {
      await tx.execute(sql.raw(statement));
    });
  } catch (e) {
    const err = e as { message?: string; cause?: { message?: string } };
    return err.cause?.message ?? err.message ?? String(e);
  }
  return "ALLOWED";
}

describe("the retention hold, enforced by the database", () => {
  it("finds the schema's tables to check", () => {
    expect(tables).toContain("children");
    expect(tables).toContain("audit_events");
    expect(tables.length).toBeGreaterThanOrEqual(12);
  });

  it("refuses DELETE on every table, even one that matches no row", async () => {
    for (const table of tables.filter((t) => !TECHNICAL_TABLES.includes(t))) {
      expect(await refusal(`DELETE FROM "${table}" WHERE false`), table).toMatch(/refused/);
      expect(await refusal(`DELETE FROM "${table}"`), table).toMatch(/refused/);
    }
  });

  it("refuses TRUNCATE on every table", async () => {
    for (const table of tables.filter((t) => !TECHNICAL_TABLES.includes(t))) {
      expect(await refusal(`TRUNCATE "${table}" CASCADE`), table).toMatch(/refused/);
    }
  });

  it("refuses setting any soft-delete column on every record table while the hold is on", async () => {
    const withColumns = rowsOf<{ table_name: string }>(
      await handle.db.execute(
        sql`select table_name from information_schema.columns where table_schema = 'public' and column_name = 'deleted_at' order by 1`,
      ),
    ).map((r) => r.table_name);
    expect(withColumns).toEqual(
      expect.arrayContaining(["children", "episodes", "users", "provider_arrangements", "sibling_links"]),
    );
    const guarded = rowsOf<{ table_name: string }>(
      await handle.db.execute(
        sql`select c.relname as table_name from pg_trigger t join pg_class c on c.oid = t.tgrelid where t.tgname = 'retention_refuse_soft_delete' order by 1`,
      ),
    ).map((r) => r.table_name);
    expect(guarded).toEqual(withColumns);
    let tried = 0;
    for (const table of withColumns) {
      const [count] = rowsOf<{ n: number }>(
        await handle.db.execute(sql.raw(`select count(*)::int as n from "${table}"`)),
      );
      if (!count || count.n === 0) continue; // no row to try it on: the trigger's presence is checked above
      tried++;
      expect(await refusal(`UPDATE "${table}" SET deleted_at = now()`), table).toMatch(/refused/);
      expect(await refusal(`UPDATE "${table}" SET deletion_reason = 'tidy up'`), table).toMatch(/refused/);
    }
    expect(tried).toBeGreaterThanOrEqual(8);
  });

  it("keeps every row after the refused attempts", async () => {
    const [row] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(children);
    expect(row?.n).toBe(40);
  });

  it("refuses updating or deleting audit events even with the hold lifted", async () => {
    await handle.owner.update(retentionHold).set({ active: false });
    try {
      expect(await refusal(`UPDATE audit_events SET action = 'x'`)).toMatch(/append-only/);
      expect(await refusal(`DELETE FROM audit_events`)).toMatch(/refused/);
      expect(await refusal(`DELETE FROM audit_chain_heads`)).toMatch(/refused/);
      // With the hold lifted, soft-deletion of a record becomes possible (for when guidance allows it).
      expect(
        await refusal(
          `UPDATE children SET deleted_at = now(), deletion_reason = 'test' WHERE id = '${demoChildId(39)}'`,
        ),
      ).toBe("ALLOWED");
    } finally {
      await handle.owner
        .execute(sql`update children set deleted_at = null, deletion_reason = null where id = ${demoChildId(39)}`)
        .catch(() => undefined);
      await handle.owner.update(retentionHold).set({ active: true });
    }
  });

  it("treats a missing hold row as the hold being on", async () => {
    const [row] = rowsOf<{ active: boolean }>(await handle.db.execute(sql`select retention_hold_active() as active`));
    expect(row?.active).toBe(true);
  });
});

describe("versions that have left draft, enforced by the database", () => {
  it("refuses changing what a recorded or approved version says, but lets its place in the record move", async () => {
    const sw1 = demoUserId("sw1");
    const entryId = "00000000-0000-4000-8000-0000000000e1";
    await handle.db.insert(recordEntries).values({
      id: entryId,
      entryId,
      version: 1,
      childId: demoChildId(0),
      section: "visits",
      occurredOn: "2026-10-01",
      title: "Visit",
      data: { observations: "As written" },
      createdBy: sw1,
    });
    expect(
      await refusal(`UPDATE record_entries SET data = '{"observations":"Rewritten"}' WHERE id = '${entryId}'`),
    ).toMatch(/cannot be changed/);
    expect(await refusal(`UPDATE record_entries SET title = 'Other' WHERE id = '${entryId}'`)).toMatch(
      /cannot be changed/,
    );
    expect(
      await refusal(
        `UPDATE record_entries SET confidentiality = 'standard', occurred_on = '2026-01-01' WHERE id = '${entryId}'`,
      ),
    ).toMatch(/cannot be changed/);
    expect(await refusal(`UPDATE record_entries SET significant = true WHERE id = '${entryId}'`)).toBe("ALLOWED");
    // Its place moves once a newer version exists (an amendment); without one, see app-role.test.ts.
    await handle.db.insert(recordEntries).values({
      entryId,
      version: 2,
      childId: demoChildId(0),
      section: "visits",
      occurredOn: "2026-10-01",
      title: "Visit",
      data: { observations: "As written, amended" },
      amendReason: "Typo",
      createdBy: sw1,
    });
    expect(
      await refusal(`UPDATE record_entries SET is_latest = false, in_chronology = false WHERE id = '${entryId}'`),
    ).toBe("ALLOWED");
    const draftId = "00000000-0000-4000-8000-0000000000e2";
    await handle.db.insert(recordEntries).values({
      id: draftId,
      entryId: draftId,
      version: 1,
      childId: demoChildId(0),
      section: "carePlan",
      status: "draft",
      occurredOn: "2026-10-01",
      title: "Care plan",
      data: {},
      createdBy: sw1,
    });
    expect(
      await refusal(`UPDATE record_entries SET data = '{"needs":"Edited while a draft"}' WHERE id = '${draftId}'`),
    ).toBe("ALLOWED");
    // Status only moves forward: nothing becomes an editable draft again.
    expect(await refusal(`UPDATE record_entries SET status = 'draft' WHERE id = '${entryId}'`)).toMatch(
      /cannot move from recorded to draft/,
    );
    expect(await refusal(`UPDATE record_entries SET status = 'submitted' WHERE id = '${draftId}'`)).toBe("ALLOWED");
    expect(await refusal(`UPDATE record_entries SET status = 'draft' WHERE id = '${draftId}'`)).toMatch(
      /cannot move from submitted to draft/,
    );
  });
});
