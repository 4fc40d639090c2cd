// Reports from a real streaming standby (scripts/replica.sh up): the primary is migrated and
// seeded by the product's own `scripts/db.ts setup`, people record things on it through the
// portal's commands, and the reports read through getReportDb() on the standby see exactly what
// the primary committed once it has replayed, while a write through that handle is refused.
// Run by `npm run test:replica` (TEST_DB=replica) only, never by the ordinary `npx vitest run`.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  closeReportDb,
  getDb,
  getReportDb,
  openPostgres,
  rowsOf,
  setDbHandle,
  type Db,
  type DbHandle,
} from "@/db/client";
import { children, episodes, recordEntries } from "@/db/schema";
import type { Actor } from "@/lib/access";
import { createChildAction } from "@/lib/children/actions";
import { formatUkDate, formatUkDateTime, todayIso } from "@/lib/dates";
import { recordCareEventAction } from "@/lib/episodes/actions";
import { createEntryAction } from "@/lib/records/actions";
import { teamCompliance } from "@/lib/timescales/compliance";
import { clockFacts } from "@/lib/timescales/facts";
import { buildReturn } from "@/lib/ssda903/export";
import { collectionYearOf } from "@/lib/ssda903/queries";
import { workTray } from "@/lib/work/queries";
import { demoActor } from "../helpers/db";
import { entryInput } from "../helpers/entries";
import { signInAs } from "../helpers/session";

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(
      `${name} is not set. Start the primary and its standby first: ` +
        `eval "$(bash scripts/replica.sh up)" && npm run test:replica; bash scripts/replica.sh down`,
    );
  }
  return value;
}

/** The primary's owner login (a superuser on the throwaway pair) and the reports' login on the standby. */
const PRIMARY_URL = required("REPLICA_PRIMARY_URL");
const STANDBY_URL = required("REPLICA_STANDBY_URL");
/** SQLSTATE read_only_sql_transaction; drizzle puts the driver's error in `cause`. */
const READ_ONLY_TRANSACTION = "25006";
/** The reference of the child the journey test starts in care on the primary. */
let newChildReference = "";
const VISIT_TITLE = "Statutory visit (fictional), recorded on the primary";

let owner: DbHandle | undefined;
let portal: DbHandle | undefined;
let sw1: Actor;
let tm1: Actor;

const ownerDb = (): Db => {
  if (!owner) throw new Error("the primary is not open yet");
  return owner.db;
};

/** Waits until the standby has replayed everything the primary has written so far. */
async function standbyCaughtUp(timeoutMs = 30_000): Promise<void> {
  const [primary] = rowsOf<{ lsn: string }>(await ownerDb().execute(sql`select pg_current_wal_lsn()::text as lsn`));
  if (!primary) throw new Error("the primary gave no WAL position");
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [standby] = rowsOf<{ replayed: boolean | null }>(
      await getReportDb().execute(sql`select pg_last_wal_replay_lsn() >= ${primary.lsn}::pg_lsn as replayed`),
    );
    if (standby?.replayed) return;
    if (Date.now() > deadline) throw new Error(`the standby had not replayed ${primary.lsn} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  // Migrated, granted and seeded exactly as a council's deployment job does it, on the primary.
  const root = path.resolve(import.meta.dirname, "../..");
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: PRIMARY_URL };
  delete env.DATABASE_OWNER_URL;
  delete env.DATABASE_REPLICA_URL;
  await promisify(execFile)(path.join(root, "node_modules/.bin/tsx"), ["scripts/db.ts", "setup"], { cwd: root, env });

  owner = openPostgres(PRIMARY_URL, 2);
  // The portal logs in as its app role on the primary, and reads its reports on the standby.
  const appUrl = new URL(PRIMARY_URL);
  appUrl.username = process.env.DATABASE_APP_ROLE ?? "cases_app";
  portal = openPostgres(appUrl.toString(), 5);
  setDbHandle(portal);
  vi.stubEnv("DATABASE_REPLICA_URL", STANDBY_URL);
  sw1 = await demoActor(portal, "sw1");
  tm1 = await demoActor(portal, "tm1");
  await standbyCaughtUp();
}, 300_000);

afterAll(async () => {
  await closeReportDb();
  vi.unstubAllEnvs();
  setDbHandle(undefined);
  await portal?.close();
  await owner?.close();
});

describe("reports from a streaming standby", () => {
  it("read through their own handle on the standby, which is in recovery and takes no write", async () => {
    const reports = getReportDb();
    expect(reports).not.toBe(getDb());
    const [state] = rowsOf<{ recovery: boolean; readOnly: string; port: number }>(
      await reports.execute(
        sql`select pg_is_in_recovery() as recovery, current_setting('default_transaction_read_only') as "readOnly",
          inet_server_port() as port`,
      ),
    );
    expect(state).toEqual({ recovery: true, readOnly: "on", port: Number(new URL(STANDBY_URL).port) });
    await expect(reports.execute(sql`update children set first_name = first_name where false`)).rejects.toMatchObject({
      cause: { code: READ_ONLY_TRANSACTION },
    });
    // The portal's own handle is the primary, which takes writes.
    const [primary] = rowsOf<{ recovery: boolean }>(await getDb().execute(sql`select pg_is_in_recovery() as recovery`));
    expect(primary?.recovery).toBe(false);
  });

  it("see a statutory visit the primary has just recorded, in the team's compliance", async () => {
    const now = new Date();
    // One of the social worker's children in a placement, so that a statutory visit falls due.
    const placed = (await clockFacts(getDb(), eq(children.allocatedWorkerId, sw1.id))).find((c) => c.placementStart);
    if (!placed) throw new Error("the demo authority should place one of the social worker's children");
    const before = await teamCompliance(getReportDb(), tm1, 6, now);

    signInAs(sw1);
    const visit = await createEntryAction("visits", {
      ...entryInput(placed.childId, "visits"),
      title: VISIT_TITLE,
      occurredOn: formatUkDate(todayIso(now)),
    });
    signInAs(null);
    if (!visit.ok) throw new Error(`the visit was refused: ${visit.error.code}`);

    await standbyCaughtUp();
    const replayed = await getReportDb()
      .select({ title: recordEntries.title })
      .from(recordEntries)
      .where(and(eq(recordEntries.childId, placed.childId), eq(recordEntries.title, VISIT_TITLE)));
    expect(replayed).toEqual([{ title: VISIT_TITLE }]);
    const after = await teamCompliance(getReportDb(), tm1, 6, now);
    expect(after).toEqual(await teamCompliance(getDb(), tm1, 6, now));
    // A visit done today counts in this month's visits.
    const month = todayIso(now).slice(0, 7);
    const visitsIn = (rows: typeof after) => rows.find((m) => m.month === month)?.counts.visits.due ?? 0;
    expect(visitsIn(after)).toBe(visitsIn(before) + 1);
  });

  it("see a child the primary has just started to look after, on the work tray", async () => {
    signInAs(sw1);
    const created = await createChildAction({
      firstName: "Rowan",
      lastName: "Standby (fictional)",
      preferredName: "",
      dateOfBirth: "14/02/2016",
      sex: "F",
      ethnicity: "WBRI",
      upn: "UN4",
      familyAddress: "1 Fictional Road (fictional)",
      notDuplicateReason: "",
    });
    if (!created.ok) throw new Error(`the child's record was refused: ${created.error.code}`);
    const childId = created.data.childId;
    const [date, time] = formatUkDateTime(new Date(Date.now() - 60_000)).split(" ");
    const started = await recordCareEventAction({
      kind: "startCare",
      childId,
      at: { date: date ?? "", time: time ?? "" },
      legalStatus: "V2",
      categoryOfNeed: "N4",
      homePostcode: "BS1 5TR",
      placement: "U6",
      placementProvider: "PR1",
      carerRecordId: "",
      placementPostcode: "BS1 5TR",
      urn: "",
    });
    signInAs(null);
    if (!started.ok) throw new Error(`starting care was refused: ${started.error.code}`);

    await standbyCaughtUp();
    // What the return reads: the child and the episode, on the standby.
    const [child] = await getReportDb()
      .select({ reference: children.reference, lastName: children.lastName })
      .from(children)
      .where(eq(children.id, childId));
    expect(child).toEqual({ reference: created.data.reference, lastName: "Standby (fictional)" });
    newChildReference = created.data.reference;
    const opened = await getReportDb()
      .select({ reason: episodes.reasonNewEpisode, placement: episodes.placement })
      .from(episodes)
      .where(eq(episodes.childId, childId));
    expect(opened).toEqual([{ reason: "S", placement: "U6" }]);
    // The placement plan is due within 5 working days of the placement: on the tray at once.
    const now = new Date();
    const tray = await workTray(getDb(), sw1, { now, reports: getReportDb() });
    expect(tray.statutory.find((i) => i.key === `${childId}:placementPlan`)).toMatchObject({
      childName: "Rowan Standby (fictional)",
      urgency: "due soon",
    });
    expect(tray).toEqual(await workTray(getDb(), sw1, { now }));
  });

  it("builds the SSDA903 return on the standby, the same as on the primary, with the primary's newest child", async () => {
    await standbyCaughtUp();
    const year = collectionYearOf();
    const onStandby = await buildReturn(getReportDb(), year);
    const onPrimary = await buildReturn(ownerDb(), year);
    expect(onStandby.tables).toEqual(onPrimary.tables);
    // The child started in care on the primary in the test above is in this year's return.
    expect(newChildReference).not.toBe("");
    expect(onStandby.tables.header.some((h) => h.CHILD === newChildReference)).toBe(true);
    expect(onStandby.tables.episodes.filter((e) => e.CHILD === newChildReference)).toMatchObject([
      { RNE: "S", LS: "V2", PLACE: "U6", DEC: "" },
    ]);
  });
});
