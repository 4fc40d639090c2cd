// The rest of a child's journey, through the server actions: missing and away periods with their
// return interviews, unaccompanied asylum-seeking child status and the date it ceased, a transfer
// to another team (access follows at once), court orders linked to the legal status they brought,
// and two records of the same child cross-referenced, one closed against anything new, never merged.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { and, eq, isNull, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  allocations,
  auditEvents,
  children,
  episodes,
  missingEpisodes,
  recordEntries,
  uascStatuses,
} from "@/db/schema";
import { childAccess, POLICY_NAMES } from "@/lib/access";
import { createChildAction, markSameChildAction } from "@/lib/children/actions";
import { sameChildReferences } from "@/lib/children/same-child";
import { formatUkDateTime } from "@/lib/dates";
import { databaseErrorCode } from "@/lib/errors";
import {
  amendEpisodeAction,
  ceaseUascAction,
  endMissingAction,
  recordCareEventAction,
  recordUascAction,
  startMissingAction,
  transferTeamAction,
} from "@/lib/episodes/actions";
import { legalStatusesFromOrders } from "@/lib/episodes/court-orders";
import { createEntryAction } from "@/lib/records/actions";
import { DEMO_TEAMS, demoChildId } from "@/scripts/seed/demo";
import { expectOk } from "../helpers/care-plans";
import { useDemoAuthority } from "../helpers/demo";
import { entryInput } from "../helpers/entries";

const demo = useDemoAuthority();

const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000);
function when(at: Date) {
  const [date, time] = formatUkDateTime(at).split(" ");
  return { date: date ?? "", time: time ?? "" };
}
const day = (ago: number) => when(hoursAgo(ago * 24)).date;

// Child 14: North, allocated to sw1, looked after in foster care in the demo.
const LOOKED_AFTER = demoChildId(14);

describe("missing and away periods", () => {
  it("records a period that has ended, with the return interview offered and accepted", async () => {
    demo.as("sw1");
    const { missingId } = expectOk(
      await startMissingAction({
        childId: LOOKED_AFTER,
        kind: "M",
        at: when(hoursAgo(30)),
        ended: "yes",
        endAt: when(hoursAgo(20)),
        returnInterviewOffered: "yes",
        returnInterviewAccepted: "yes",
      }),
    );
    const [row] = await demo.handle.db.select().from(missingEpisodes).where(eq(missingEpisodes.id, missingId));
    expect(row).toMatchObject({ kind: "M", returnInterviewOffered: true, returnInterviewAccepted: true });
    const [event] = await demo.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "missing.start"), eq(auditEvents.childId, LOOKED_AFTER)));
    expect(event?.outcome).toBe("allowed");
  });

  it("refuses an overlapping period, a second open one, and a return interview left unanswered", async () => {
    demo.as("sw1");
    const overlap = await startMissingAction({ childId: LOOKED_AFTER, kind: "A", at: when(hoursAgo(25)) });
    expect(overlap).toMatchObject({ ok: false, fieldErrors: { at: [expect.stringMatching(/never overlap/)] } });

    const { missingId } = expectOk(
      await startMissingAction({ childId: LOOKED_AFTER, kind: "A", at: when(hoursAgo(3)) }),
    );
    const second = await startMissingAction({ childId: LOOKED_AFTER, kind: "M", at: when(hoursAgo(1)) });
    expect(second).toMatchObject({
      ok: false,
      fieldErrors: { at: [expect.stringMatching(/record their return first/)] },
    });

    const unanswered = await endMissingAction({
      childId: LOOKED_AFTER,
      missingId,
      at: when(hoursAgo(1)),
      returnInterviewOffered: "yes",
    });
    expect(unanswered).toMatchObject({ ok: false, fieldErrors: { returnInterviewAccepted: [expect.any(String)] } });

    expectOk(
      await endMissingAction({ childId: LOOKED_AFTER, missingId, at: when(hoursAgo(1)), returnInterviewOffered: "no" }),
    );
    const [row] = await demo.handle.db.select().from(missingEpisodes).where(eq(missingEpisodes.id, missingId));
    expect(row).toMatchObject({ returnInterviewOffered: false, returnInterviewAccepted: null });
    // Once back, the return is not recorded again, and the database will not rewrite it.
    expect(
      await endMissingAction({
        childId: LOOKED_AFTER,
        missingId,
        at: when(hoursAgo(0.5)),
        returnInterviewOffered: "no",
      }),
    ).toMatchObject({ ok: false, error: { code: "not-found" } });
    const rewrite = await demo.handle.db
      .execute(sql`update missing_episodes set end_date = '2020-01-01' where id = ${missingId}`)
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(databaseErrorCode(rewrite)).toBe("immutable:version");
  });

  it("is recorded only while the child is looked after, and only by the child's workers", async () => {
    demo.as("sw1");
    // Child 12 ceased to be looked after 30 days ago.
    expect(
      await startMissingAction({ childId: demoChildId(12), kind: "M", at: when(hoursAgo(24 * 10)) }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { at: [expect.stringMatching(/not looked after/)] },
    });
    for (const [key, code] of [
      ["sw3", "forbidden:child"],
      ["prov1", "forbidden:action"],
      ["iro1", "forbidden:action"],
    ] as const) {
      demo.as(key);
      expect(
        await startMissingAction({ childId: demoChildId(0), kind: "M", at: when(hoursAgo(2)) }),
        key,
      ).toMatchObject({
        ok: false,
        error: { code },
      });
    }
  });
});

describe("unaccompanied asylum-seeking children", () => {
  it("the demo's care leaver's status ceased on their 18th birthday", async () => {
    const [row] = await demo.handle.db
      .select({ ceased: uascStatuses.ceasedDate, dob: children.dateOfBirth })
      .from(uascStatuses)
      .innerJoin(children, eq(children.id, uascStatuses.childId))
      .where(eq(uascStatuses.childId, demoChildId(39)));
    expect(row?.ceased?.slice(5)).toBe(row?.dob.slice(5));
    expect(Number(row?.ceased?.slice(0, 4)) - Number(row?.dob.slice(0, 4))).toBe(18);
  });

  it("records the status once, refuses a ceased date after the 18th birthday, then records it", async () => {
    demo.as("sw3");
    const child = demoChildId(35); // South, 17, recorded as unaccompanied in the demo
    expect(await recordUascAction({ childId: child, sinceDate: day(10) })).toMatchObject({
      ok: false,
      fieldErrors: { sinceDate: [expect.stringMatching(/already recorded/)] },
    });
    const [c] = await demo.handle.db.select().from(children).where(eq(children.id, child));
    const after18 = `01/01/${Number(c?.dateOfBirth.slice(0, 4)) + 19}`;
    expect(await ceaseUascAction({ childId: child, ceasedDate: after18, ceasedReason: "turned18" })).toMatchObject({
      ok: false,
    });
    expectOk(await ceaseUascAction({ childId: child, ceasedDate: day(1), ceasedReason: "leaveGranted" }));
    const [row] = await demo.handle.db.select().from(uascStatuses).where(eq(uascStatuses.childId, child));
    expect(row?.ceasedReason).toBe("leaveGranted");
  });
});

describe("a transfer to another team", () => {
  it("ends the worker's and the team's spells, moves the child, and access follows at once", async () => {
    const child = demoChildId(22); // North, sw1
    demo.as("sw1");
    expect(
      await transferTeamAction({
        childId: child,
        teamId: DEMO_TEAMS.south,
        startDate: day(0),
        previousEndReason: "TSPROC",
      }),
    ).toMatchObject({ ok: false, error: { code: "forbidden:action" } });
    demo.as("tm1");
    expect(
      await transferTeamAction({
        childId: child,
        teamId: DEMO_TEAMS.north,
        startDate: day(0),
        previousEndReason: "TSPROC",
      }),
    ).toMatchObject({ ok: false, fieldErrors: { teamId: [expect.stringMatching(/already in that team/)] } });
    expect(await transferTeamAction({ childId: child, teamId: DEMO_TEAMS.south, startDate: day(0) })).toMatchObject({
      ok: false,
      fieldErrors: { previousEndReason: [expect.any(String)] },
    });
    expectOk(
      await transferTeamAction({
        childId: child,
        teamId: DEMO_TEAMS.south,
        startDate: day(0),
        previousEndReason: "TSPROC",
      }),
    );
    const open = await demo.handle.db
      .select()
      .from(allocations)
      .where(and(eq(allocations.childId, child), sql`${allocations.endDate} is null`));
    expect(open.map((a) => [a.kind, a.teamId])).toEqual(expect.arrayContaining([["team", DEMO_TEAMS.south]]));
    expect(open.some((a) => a.kind === "social_worker")).toBe(false);
    const ended = await demo.handle.db
      .select()
      .from(allocations)
      .where(
        and(eq(allocations.childId, child), eq(allocations.kind, "social_worker"), eq(allocations.endReason, "TSPROC")),
      );
    expect(ended).toHaveLength(1);
    expect(await childAccess(demo.handle.db, demo.actor("tm1"), child)).toBeNull();
    expect(await childAccess(demo.handle.db, demo.actor("sw1"), child)).toBeNull();
    expect((await childAccess(demo.handle.db, demo.actor("tm2"), child))?.relation).toBe("manager");
    expect((await childAccess(demo.handle.db, demo.actor("sw3"), child))?.relation).toBe("team");
  });
});

describe("court orders and legal status", () => {
  it("links a placement order to the placement order legal status, and refuses an order that cannot give it", async () => {
    demo.as("tm1");
    const child = LOOKED_AFTER;
    const care = expectOk(
      await createEntryAction("courtOrders", {
        ...entryInput(child, "courtOrders"),
        title: "Care order",
        occurredOn: day(5),
        data: {
          orderType: "Care order",
          court: "Demo Family Court (fictional)",
          caseNumber: "",
          expiresOn: "",
          conditions: "",
        },
      }),
    );
    const placementOrder = expectOk(
      await createEntryAction("courtOrders", {
        ...entryInput(child, "courtOrders"),
        title: "Placement order",
        occurredOn: day(4),
        data: {
          orderType: "Placement order",
          court: "Demo Family Court (fictional)",
          caseNumber: "",
          expiresOn: "",
          conditions: "",
        },
      }),
    );
    const wrong = await recordCareEventAction({
      kind: "changeLegalStatus",
      childId: child,
      at: when(hoursAgo(24 * 4 - 2)),
      legalStatus: "E1",
      courtOrderEntryId: care.entryId,
    });
    expect(wrong).toMatchObject({
      ok: false,
      fieldErrors: { courtOrderEntryId: [expect.stringMatching(/does not give that legal status/)] },
    });
    // Another child's order is not one of this child's.
    const [other] = await demo.handle.db
      .select({ entryId: recordEntries.entryId })
      .from(recordEntries)
      .where(and(eq(recordEntries.childId, demoChildId(0)), eq(recordEntries.section, "courtOrders")))
      .limit(1);
    expect(
      await recordCareEventAction({
        kind: "changeLegalStatus",
        childId: child,
        at: when(hoursAgo(24 * 4 - 2)),
        legalStatus: "E1",
        courtOrderEntryId: other?.entryId ?? "",
      }),
    ).toMatchObject({ ok: false, fieldErrors: { courtOrderEntryId: [expect.stringMatching(/child's court orders/)] } });

    const { openedEpisodeId } = expectOk(
      await recordCareEventAction({
        kind: "changeLegalStatus",
        childId: child,
        at: when(hoursAgo(24 * 4 - 2)),
        legalStatus: "E1",
        courtOrderEntryId: placementOrder.entryId,
      }),
    );
    expect(openedEpisodeId).toBeTruthy();
    const access = await childAccess(demo.handle.db, demo.actor("tm1"), child);
    if (!access) throw new Error("no access");
    const brought = await legalStatusesFromOrders(demo.handle.db, access, [placementOrder.entryId, care.entryId]);
    expect(brought.get(placementOrder.entryId)?.legalStatus).toBe("E1");
    expect(brought.has(care.entryId)).toBe(false);
  });

  it("a correction of the legal status checks the court order link again: refused while the order cannot give it", async () => {
    demo.as("tm1");
    const child = LOOKED_AFTER;
    const [current] = await demo.handle.db
      .select()
      .from(episodes)
      .where(and(eq(episodes.childId, child), isNull(episodes.endDate), isNull(episodes.supersededAt)));
    if (!current?.courtOrderEntryId) throw new Error("the placement order episode above");
    const orders = await demo.handle.db
      .select({ entryId: recordEntries.entryId, title: recordEntries.title })
      .from(recordEntries)
      .where(and(eq(recordEntries.childId, child), eq(recordEntries.section, "courtOrders")));
    const careOrder = orders.find((o) => o.title === "Care order")?.entryId ?? "";
    const correction = (overrides: Record<string, unknown>) => ({
      childId: child,
      episodeId: current.episodeId,
      baseVersion: current.version,
      legalStatus: current.legalStatus,
      categoryOfNeed: current.categoryOfNeed,
      placement: current.placement,
      placementProvider: current.placementProvider ?? "",
      carerRecordId: current.carerRecordId ?? "",
      placementPostcode: current.placementPostcode ?? "",
      homePostcode: current.homePostcode ?? "",
      urn: current.urn ?? "",
      reasonPlaceChange: "",
      amendReason: "The order made was a care order, not a placement order",
      ...overrides,
    });
    // Keeping the placement order's link with a care order's legal status: refused, saying why and what to do.
    const kept = await amendEpisodeAction(correction({ legalStatus: "C2" }));
    expect(kept).toMatchObject({
      ok: false,
      error: { code: "invalid:input" },
      fieldErrors: {
        courtOrderEntryId: [
          expect.stringMatching(
            /^This episode is linked to the placement order made on \d{2}\/\d{2}\/\d{4}, which does not give the legal status Full care order \(C2\): choose the court order that gives it, or none\.$/,
          ),
        ],
      },
    });
    // Choosing another order that cannot give it is refused too, by the same check as an event.
    expect(await amendEpisodeAction(correction({ legalStatus: "C1", courtOrderEntryId: careOrder }))).toMatchObject({
      ok: false,
      fieldErrors: { courtOrderEntryId: [expect.stringMatching(/does not give that legal status/)] },
    });
    let [latest] = await demo.handle.db
      .select()
      .from(episodes)
      .where(and(eq(episodes.episodeId, current.episodeId), isNull(episodes.supersededAt)));
    expect(latest?.version).toBe(current.version);
    // With the care order chosen it is accepted, and the new version links to it.
    expectOk(await amendEpisodeAction(correction({ legalStatus: "C2", courtOrderEntryId: careOrder })));
    [latest] = await demo.handle.db
      .select()
      .from(episodes)
      .where(and(eq(episodes.episodeId, current.episodeId), isNull(episodes.supersededAt)));
    expect(latest).toMatchObject({ version: current.version + 1, legalStatus: "C2", courtOrderEntryId: careOrder });
  });
});

describe("two records of the same child", () => {
  it("a records officer closes one in favour of the other: it stays readable, takes nothing new, and both show it", async () => {
    // A second record made for child 0 (DEMO-1001) by someone who did not recognise her.
    demo.as("sw1");
    const [first] = await demo.handle.db
      .select()
      .from(children)
      .where(eq(children.id, demoChildId(0)));
    const created = expectOk(
      await createChildAction({
        firstName: first?.firstName ?? "",
        lastName: first?.lastName ?? "",
        preferredName: "",
        dateOfBirth: (first?.dateOfBirth ?? "").split("-").reverse().join("/"),
        sex: first?.sex ?? "F",
        ethnicity: first?.ethnicity ?? "WBRI",
        upn: "UN4",
        familyAddress: "",
        notDuplicateReason: "Different school and family details were given at referral (fictional)",
      }),
    );
    expectOk(await createEntryAction("visits", entryInput(created.childId, "visits")));

    // Only the records officer marks it.
    const marking = {
      childId: created.childId,
      inUseChildId: demoChildId(0),
      reason: "Same UPN and birth details confirmed with the school (fictional)",
    };
    expect(await markSameChildAction(marking)).toMatchObject({ ok: false, error: { code: "forbidden:action" } });
    demo.as("ro");
    expect(await markSameChildAction({ ...marking, reason: "same" })).toMatchObject({
      ok: false,
      fieldErrors: { reason: [expect.any(String)] },
    });
    const marked = expectOk(await markSameChildAction(marking));
    expect(marked).toMatchObject({ sealedReference: created.reference, inUseReference: "DEMO-1001" });
    expect(await markSameChildAction(marking)).toMatchObject({ ok: false, error: { code: "invalid:input" } });
    // Nothing can be marked in favour of the closed record.
    expect(
      await markSameChildAction({ childId: demoChildId(1), inUseChildId: created.childId, reason: marking.reason }),
    ).toMatchObject({ ok: false, fieldErrors: { inUseChildId: [expect.stringMatching(/DEMO-1001/)] } });

    // The closed record is still readable by its worker, refuses new entries naming the record in use,
    demo.as("sw1");
    const access = await childAccess(demo.handle.db, demo.actor("sw1"), created.childId);
    expect(access?.sealedInFavourOf).toBe("DEMO-1001");
    const refused = await createEntryAction("visits", entryInput(created.childId, "visits", 2));
    expect(refused).toMatchObject({
      ok: false,
      error: { code: "sealed:record", message: expect.stringMatching(/DEMO-1001/) },
    });
    // and the database refuses them too.
    const around = await demo.handle.db
      .insert(recordEntries)
      .values({
        entryId: crypto.randomUUID(),
        version: 1,
        childId: created.childId,
        section: "visits",
        occurredOn: "2026-10-01",
        title: "Written around the portal",
        data: {},
        createdBy: demo.actor("sw1").id,
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(databaseErrorCode(around)).toBe("sealed:record");
    // The record in use takes entries as before, and both records show the cross-reference.
    expectOk(await createEntryAction("visits", entryInput(demoChildId(0), "visits", 3)));
    expect(await sameChildReferences(demo.handle.db, created.childId)).toMatchObject([
      { otherId: demoChildId(0), otherReference: "DEMO-1001", other: "in use" },
    ]);
    expect(await sameChildReferences(demo.handle.db, demoChildId(0))).toMatchObject([
      { otherId: created.childId, other: "closed" },
    ]);
    // Audited on both children's records, flagged for review.
    const events = await demo.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "child.markSameChild"), eq(auditEvents.outcome, "allowed")));
    expect(events.map((e) => e.childId).sort()).toEqual([created.childId, demoChildId(0)].sort());
    expect(events.every((e) => e.flagged)).toBe(true);
    // Both records are still there, each with its own entries: nothing was merged.
    const entries = await demo.handle.db
      .select({ childId: recordEntries.childId })
      .from(recordEntries)
      .where(eq(recordEntries.childId, created.childId));
    expect(entries).toHaveLength(1);
  });

  it("has no merge path: no policy, action or command merges records", () => {
    expect(POLICY_NAMES.filter((n) => /merge|amalgamat/i.test(n))).toEqual([]);
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name)) files.push(path);
      }
    };
    walk(join(process.cwd(), "lib"));
    walk(join(process.cwd(), "app"));
    const exportsMerging = files.filter((f) =>
      /export\s+(async\s+)?(function|const)\s+\w*(merge|amalgamat)\w*/i.test(readFileSync(f, "utf8")),
    );
    expect(exportsMerging).toEqual([]);
  });
});
