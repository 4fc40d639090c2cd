// The reports' database handle: the primary itself unless DATABASE_REPLICA_URL names a standby,
// and then a separate connection on which every transaction is read-only. On PostgreSQL the
// "replica" here is the test database itself, so the read-only setting is shown to hold even
// where the server would take a write; tests/replica proves it against a real streaming standby.
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { closeReportDb, getDb, getReportDb, rowsOf } from "@/db/client";
import { teamCompliance } from "@/lib/timescales/compliance";
import { workTray } from "@/lib/work/queries";
import { useDemoAuthority } from "../helpers/demo";
import { onPostgres } from "../helpers/db";

const demo = useDemoAuthority();
/** SQLSTATE read_only_sql_transaction: a write in a read-only transaction (drizzle puts the driver's error in `cause`). */
const READ_ONLY_TRANSACTION = "25006";

afterEach(async () => {
  vi.unstubAllEnvs();
  await closeReportDb();
});

describe("the reports' database", () => {
  it("is the primary when no replica is configured", () => {
    vi.stubEnv("DATABASE_REPLICA_URL", undefined);
    expect(getReportDb()).toBe(getDb());
    expect(getReportDb()).toBe(demo.handle.db);
  });

  it.runIf(!onPostgres)("is the primary on the embedded database, which has no standby", () => {
    vi.stubEnv("DATABASE_REPLICA_URL", "postgres://cases_reports@127.0.0.1:5443/cases");
    expect(getReportDb()).toBe(demo.handle.db);
  });

  it.runIf(onPostgres)(
    "with a replica configured is its own connection, and every transaction on it is read-only",
    async () => {
      vi.stubEnv("DATABASE_REPLICA_URL", demo.handle.ownerUrl ?? "");
      const reports = getReportDb();
      expect(reports).not.toBe(getDb());
      expect(getReportDb()).toBe(reports);
      const [setting] = rowsOf<{ value: string }>(
        await reports.execute(sql`select current_setting(${"default_transaction_read_only"}) as value`),
      );
      expect(setting?.value).toBe("on");
      // The owner could write here; the connection's setting is what refuses it.
      await expect(reports.execute(sql`update children set first_name = first_name where false`)).rejects.toMatchObject(
        {
          cause: { code: READ_ONLY_TRANSACTION, message: expect.stringMatching(/read-only transaction/) },
        },
      );
      const [primarySetting] = rowsOf<{ value: string }>(
        await getDb().execute(sql`select current_setting(${"default_transaction_read_only"}) as value`),
      );
      expect(primarySetting?.value).toBe("off");
    },
  );

  it.runIf(onPostgres)("the work tray and the compliance table read from it the same as from the primary", async () => {
    vi.stubEnv("DATABASE_REPLICA_URL", demo.handle.ownerUrl ?? "");
    const now = new Date();
    let items = 0;
    for (const key of ["sw1", "tm1", "iro1"] as const) {
      const actor = demo.actor(key);
      const fromPrimary = await workTray(demo.handle.db, actor, { now });
      const fromReports = await workTray(demo.handle.db, actor, { now, reports: getReportDb() });
      expect(fromReports).toEqual(fromPrimary);
      items += fromReports.statutory.length;
    }
    // Equal and empty would prove nothing: the demo authority has statutory work due.
    expect(items).toBeGreaterThan(0);
    const tm1 = demo.actor("tm1");
    const compliance = await teamCompliance(getReportDb(), tm1, 6, now);
    expect(compliance).toEqual(await teamCompliance(demo.handle.db, tm1, 6, now));
    expect(compliance.some((m) => Object.values(m.counts).some((c) => c.due > 0))).toBe(true);
  });
});
