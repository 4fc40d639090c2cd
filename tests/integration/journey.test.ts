// A child's journey through care through the server actions: events become SSDA903 episodes,
// markers are raised with a deadline exactly 24 hours after the event (right across British
// Summer Time), a team manager actions them and sees breaches, allocations move access at once.
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { EpisodeVersions } from "@/components/episodes/episode-versions";
import {
  allocations,
  auditEvents,
  childProtectionPlans,
  children,
  episodes,
  markerTasks,
  recordEntries,
} from "@/db/schema";
import { childAccess } from "@/lib/access";
import { authorizedView } from "@/lib/access/view";
import { loadChildPage } from "@/lib/children/page";
import { listCaseload } from "@/lib/children/queries";
import { formatUkDateTime, todayIso } from "@/lib/dates";
import {
  actionMarkerAction,
  allocateAction,
  amendEpisodeAction,
  endAllocationAction,
  endCpPlanAction,
  recordCareEventAction,
  startCpPlanAction,
} from "@/lib/episodes/actions";
import { listEpisodeVersions, markerState, teamAllocationSummary, teamMarkerTasks } from "@/lib/episodes/queries";
import { addPersonAction } from "@/lib/people/actions";
import { demoChildId } from "@/scripts/seed/demo";
import { expectOk } from "../helpers/care-plans";
import { useDemoAuthority } from "../helpers/demo";
import { signInAs } from "../helpers/session";

const demo = useDemoAuthority();
// Child 12 (North, allocated to sw1) left care 30 days ago in the demo; child 14 (North) has no CP plan.
const CHILD = demoChildId(12);
const CP_CHILD = demoChildId(14);

const placement = {
  placement: "U6",
  placementProvider: "PR1",
  carerRecordId: "",
  placementPostcode: "TA1 1DY",
  urn: "",
};
const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000);
/** The form's date and time fields, in England, for an instant. */
function when(at: Date) {
  const [date, time] = formatUkDateTime(at).split(" ");
  return { date: date ?? "", time: time ?? "" };
}

// The child's mother (parental responsibility) and father (none) are linked first: a placement
// change and the end of care are decisions that ask for the views of every parent with it.
const parents = { mother: "", father: "" };
beforeAll(async () => {
  demo.as("tm1");
  for (const [key, firstName, pr] of [
    ["mother", "Parent M", true],
    ["father", "Parent F", false],
  ] as const) {
    const linked = await addPersonAction({
      childId: CHILD,
      firstName,
      lastName: "Example (fictional)",
      relationship: key,
      parentalResponsibility: pr,
      startDate: "01/01/2024",
    });
    if (!linked.ok) throw new Error(linked.error.message);
    parents[key] = linked.data.personId;
  }
  signInAs(null);
});
const motherViews = (text: string) => [{ personId: parents.mother, status: "given", text }];

async function latestEpisodes(childId: string) {
  return demo.handle.db
    .select()
    .from(episodes)
    .where(and(eq(episodes.childId, childId)))
    .orderBy(episodes.startDate, episodes.startedAt);
}

describe("recording a child's journey through care", () => {
  it("starts, changes and ends a period of care, deriving each episode's reasons and raising the CLA markers", async () => {
    demo.as("tm1");
    const started = expectOk(
      await recordCareEventAction({
        kind: "startCare",
        childId: CHILD,
        at: when(hoursAgo(72)),
        legalStatus: "V2",
        categoryOfNeed: "N4",
        homePostcode: "ta1 1he",
        ...placement,
      }),
    );
    expect(started.reasonNewEpisode).toBe("S");
    const move = {
      kind: "changePlacement",
      childId: CHILD,
      at: when(hoursAgo(48)),
      reasonPlaceChange: "CARPL",
      childViews: { status: "given", text: "I would like to live nearer my school (fictional)." },
      ...placement,
      placement: "U4",
    } as const;
    // Without the mother's views (she holds parental responsibility): refused, naming her, and nothing written.
    const unheard = await recordCareEventAction({
      ...move,
      parentViews: [{ personId: parents.father, status: "sought_not_given", text: "" }],
    });
    expect(unheard).toMatchObject({
      ok: false,
      error: { code: "invalid:input" },
      fieldErrors: { parentViews: [expect.stringMatching(/every parent with parental responsibility: Parent M/)] },
    });
    expect((await latestEpisodes(CHILD)).filter((e) => e.endDate === null)).toHaveLength(1);
    expectOk(
      await recordCareEventAction({
        ...move,
        parentViews: [
          ...motherViews("Wants the child nearer home (fictional)."),
          { personId: parents.father, status: "sought_not_given", text: "" },
        ],
      }),
    );
    expectOk(
      await recordCareEventAction({
        kind: "changeLegalStatus",
        childId: CHILD,
        at: when(hoursAgo(30)),
        legalStatus: "C1",
      }),
    );
    expectOk(
      await recordCareEventAction({
        kind: "ceaseCare",
        childId: CHILD,
        at: when(hoursAgo(2)),
        reasonCeased: "E4A",
        childViews: { status: "given", text: "Happy to go home (fictional)." },
        parentViews: motherViews("Ready to have the child home (fictional)."),
      }),
    );
    const list = (await latestEpisodes(CHILD)).slice(-3);
    expect(
      list.map((e) => [e.reasonNewEpisode, e.legalStatus, e.placement, e.reasonCeased, e.reasonPlaceChange]),
    ).toEqual([
      ["S", "V2", "U6", "X1", "CARPL"],
      ["P", "V2", "U4", "X1", null],
      ["L", "C1", "U4", "E4A", null],
    ]);
    expect(list[0]?.homePostcode).toBe("TA1 1HE");
    // The markers of this period (the demo's earlier period of care raised its own, long actioned).
    const markers = (await demo.handle.db.select().from(markerTasks).where(eq(markerTasks.childId, CHILD))).filter(
      (m) => m.eventAt > hoursAgo(100),
    );
    expect(markers.map((m) => `${m.marker}:${m.trigger}`).sort()).toEqual(["cla:end", "cla:start"]);
    for (const m of markers) expect(m.dueAt.getTime() - m.eventAt.getTime()).toBe(24 * 3600_000);
    // The placement change and the end of care are on the decision trail, with the views of the child and each parent.
    const decisions = await demo.handle.db
      .select({ title: recordEntries.title, data: recordEntries.data })
      .from(recordEntries)
      .where(and(eq(recordEntries.childId, CHILD), eq(recordEntries.section, "decisions")))
      // Newest first: the demo's own earlier period of care ended with a decision too.
      .orderBy(desc(recordEntries.createdAt));
    expect(decisions.map((d) => d.title)).toEqual(
      expect.arrayContaining(["Change of placement", "Ceases to be looked after"]),
    );
    const moved = decisions.find((d) => d.title === "Change of placement");
    expect(moved?.data.childViews).toMatchObject({ status: "given" });
    expect(moved?.data.parentViews).toEqual([
      expect.objectContaining({
        personId: parents.mother,
        name: "Parent M Example (fictional)",
        relationship: "Mother",
        status: "given",
        text: "Wants the child nearer home (fictional).",
      }),
      expect.objectContaining({ personId: parents.father, status: "sought_not_given" }),
    ]);
    expect(decisions.find((d) => d.title === "Ceases to be looked after")?.data.parentViews).toEqual([
      expect.objectContaining({ personId: parents.mother, status: "given" }),
    ]);
  });

  it("refuses an event that breaks a rule, naming it on the field, and changes nothing", async () => {
    demo.as("sw1");
    const before = (await latestEpisodes(CHILD)).length;
    const result = await recordCareEventAction({
      kind: "startCare",
      childId: CHILD,
      at: when(hoursAgo(1)),
      legalStatus: "V2",
      categoryOfNeed: "N4",
      homePostcode: "",
      ...placement,
      placement: "K3",
    });
    expect(result).toMatchObject({ ok: false, error: { code: "invalid:input" } });
    if (!result.ok) expect(result.fieldErrors?.placement?.[0]).toMatch(/16 or over/);
    expect((await latestEpisodes(CHILD)).length).toBe(before);
  });

  it("refuses a worker of another team and a provider, and audits the refusals", async () => {
    for (const [key, code] of [
      ["sw3", "forbidden:child"],
      ["prov1", "forbidden:action"],
    ] as const) {
      demo.as(key);
      const result = await recordCareEventAction({
        kind: "changeLegalStatus",
        childId: demoChildId(0),
        at: when(hoursAgo(1)),
        legalStatus: "C2",
      });
      expect(result, key).toMatchObject({ ok: false, error: { code } });
      const [event] = await demo.handle.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.actorId, demo.actor(key).id), eq(auditEvents.action, "episodes.recordEvent")));
      expect(event?.outcome, key).toBe("refused");
    }
  });
});

describe("correcting an episode", () => {
  const correction = (e: typeof episodes.$inferSelect, overrides: Record<string, unknown> = {}) => ({
    childId: CHILD,
    episodeId: e.episodeId,
    baseVersion: e.version,
    legalStatus: e.legalStatus,
    categoryOfNeed: e.categoryOfNeed,
    placement: e.placement,
    placementProvider: e.placementProvider ?? "",
    carerRecordId: e.carerRecordId ?? "",
    placementPostcode: e.placementPostcode ?? "",
    homePostcode: e.homePostcode ?? "",
    urn: e.urn ?? "",
    reasonPlaceChange: e.reasonPlaceChange ?? "",
    amendReason: "Postcode typed wrongly at the time",
    ...overrides,
  });

  it("is a new version with a reason; the earlier one stays, superseded, and the history is unchanged otherwise", async () => {
    demo.as("sw1");
    const current = (await latestEpisodes(CHILD)).filter((e) => e.supersededAt === null);
    const target = current.at(-2);
    if (!target) throw new Error("the journey above made episodes");
    expectOk(await amendEpisodeAction(correction(target, { placementPostcode: "TA1 1DZ" })));
    const versions = (await latestEpisodes(CHILD)).filter((e) => e.episodeId === target.episodeId);
    expect(versions.map((v) => [v.version, v.placementPostcode, v.supersededAt === null])).toEqual([
      [1, "TA1 1DY", false],
      [2, "TA1 1DZ", true],
    ]);
    expect((await latestEpisodes(CHILD)).filter((e) => e.supersededAt === null)).toHaveLength(current.length);
    // The earlier version stays readable on the episodes page: its fields in words, and who corrected it, when and why.
    const access = await childAccess(demo.handle.db, demo.actor("sw1"), CHILD);
    if (!access) throw new Error("no access");
    const chain = (await listEpisodeVersions(demo.handle.db, access)).get(target.episodeId) ?? [];
    expect(chain.map((v) => [v.episode.version, v.episode.placementPostcode, v.recordedBy])).toEqual([
      [1, "TA1 1DY", demo.actor("tm1").name],
      [2, "TA1 1DZ", demo.actor("sw1").name],
    ]);
    const html = renderToStaticMarkup(createElement(EpisodeVersions, { versions: chain }));
    expect(html).toContain("Earlier versions (1)");
    expect(html).toContain(
      `Version 1, recorded ${formatUkDateTime(chain[0]?.episode.createdAt)} by ${demo.actor("tm1").name}`,
    );
    expect(html).toContain("Foster placement with other foster carer (long-term)");
    expect(html).toContain("TA1 1DY<span");
    expect(html).toContain("(corrected to TA1 1DZ)");
    expect(html).toContain(
      `Corrected on ${formatUkDateTime(chain[1]?.episode.createdAt)} by ${demo.actor("sw1").name}: Postcode typed wrongly at the time`,
    );
    expect(html).not.toMatch(/>U4</);
    // From a version someone else has already corrected: a conflict, nothing written.
    expect(await amendEpisodeAction(correction(target, { placementPostcode: "TA1 1EA" }))).toMatchObject({
      ok: false,
      error: { code: "conflict:version" },
    });
  });

  it("is refused when it would break a rule, such as a new category of need inside a period of care", async () => {
    demo.as("sw1");
    const current = (await latestEpisodes(CHILD)).filter((e) => e.supersededAt === null);
    const last = current.at(-1);
    if (!last) throw new Error("no episodes");
    const result = await amendEpisodeAction(
      correction(last, { categoryOfNeed: "N8", amendReason: "Trying a new need" }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: "invalid:input" } });
    if (!result.ok) expect(result.fieldErrors?.categoryOfNeed?.[0]).toMatch(/category of need/);
  });
});

describe("the database keeps the journey's moves legal", () => {
  it("an ended episode's end cannot be changed, and its placement cannot be rewritten in place", async () => {
    const [ended] = (await latestEpisodes(CHILD)).filter((e) => e.reasonCeased === "E4A").slice(-1);
    if (!ended) throw new Error("the journey above ended a period of care");
    const attempt = async (set: string) => {
      try {
        await demo.handle.db.execute(sql.raw(`update episodes set ${set} where id = '${ended.id}'`));
        return "accepted";
      } catch (e) {
        return String((e as { cause?: { message?: string } }).cause?.message ?? e);
      }
    };
    expect(await attempt("end_date = start_date")).toMatch(/already set/);
    // The trigger refuses it on PGlite; on PostgreSQL the portal's login may not even try.
    expect(await attempt("placement = 'K2'")).toMatch(/cannot be changed in place|permission denied/);
  });
});

describe("CP and CLA markers", () => {
  it("a plan started the day before the clocks go forward is due 24 hours later, at 11:00 summer time", async () => {
    demo.as("sw1");
    const { planId } = expectOk(
      await startCpPlanAction({ childId: CP_CHILD, at: { date: "28/03/2026", time: "10:00" }, category: "neglect" }),
    );
    const [task] = await demo.handle.db.select().from(markerTasks).where(eq(markerTasks.sourceId, planId));
    expect(task?.eventAt.toISOString()).toBe("2026-03-28T10:00:00.000Z");
    expect(formatUkDateTime(task?.dueAt)).toBe("29/03/2026 11:00");
    // Still open long after its deadline: a breach on the manager's list, with the time it is overdue.
    demo.as("tm1");
    const listed = (await teamMarkerTasks(demo.handle.db, demo.actor("tm1"))).find((t) => t.task.sourceId === planId);
    expect(listed?.state).toBe("overdue");
    expectOk(await actionMarkerAction({ childId: CP_CHILD, taskId: task?.id ?? "" }));
    const after = (await teamMarkerTasks(demo.handle.db, demo.actor("tm1"))).find((t) => t.task.sourceId === planId);
    expect(after?.state).toBe("actioned late");
    expect(after?.actionedByName).toBe(demo.actor("tm1").name);
  });

  it("ending a plan in October summer time raises the update, due at the same hour in winter time the next day", async () => {
    demo.as("sw1");
    const plans = await startCpPlanAction({
      childId: demoChildId(10),
      at: { date: "20/10/2026", time: "09:00" },
      category: "emotional",
    });
    const { planId } = expectOk(plans);
    expectOk(
      await endCpPlanAction({
        childId: demoChildId(10),
        planId,
        at: { date: "24/10/2026", time: "10:30" },
        reason: "Plan no longer needed",
      }),
    );
    const [task] = await demo.handle.db
      .select()
      .from(markerTasks)
      .where(and(eq(markerTasks.sourceId, planId), eq(markerTasks.trigger, "end")));
    expect(formatUkDateTime(task?.eventAt)).toBe("24/10/2026 10:30");
    // The clocks went back on 25 October: 24 hours later reads 09:30.
    expect(formatUkDateTime(task?.dueAt)).toBe("25/10/2026 09:30");
  });

  it("only the team manager actions a marker, once", async () => {
    const [task] = await demo.handle.db
      .select()
      .from(markerTasks)
      .where(and(eq(markerTasks.childId, CHILD), isNull(markerTasks.actionedAt)))
      .limit(1);
    demo.as("sw1");
    expect(await actionMarkerAction({ childId: CHILD, taskId: task?.id ?? "" })).toMatchObject({
      ok: false,
      error: { code: "forbidden:action" },
    });
    demo.as("tm1");
    expectOk(await actionMarkerAction({ childId: CHILD, taskId: task?.id ?? "" }));
    expect(await actionMarkerAction({ childId: CHILD, taskId: task?.id ?? "" })).toMatchObject({
      ok: false,
      error: { code: "not-found" },
    });
  });

  it("knows open, overdue, actioned and actioned late", () => {
    const due = new Date("2026-06-01T10:00:00Z");
    const now = new Date("2026-06-01T12:00:00Z");
    expect(markerState({ dueAt: due, actionedAt: null }, new Date("2026-06-01T09:00:00Z"))).toBe("open");
    expect(markerState({ dueAt: due, actionedAt: null }, now)).toBe("overdue");
    expect(markerState({ dueAt: due, actionedAt: new Date("2026-06-01T09:59:00Z") }, now)).toBe("actioned");
    expect(markerState({ dueAt: due, actionedAt: new Date("2026-06-01T10:01:00Z") }, now)).toBe("actioned late");
  });
});

describe("allocations", () => {
  it("a team manager allocates another worker: the spell is kept, and access follows at once", async () => {
    demo.as("tm1");
    const child = demoChildId(20); // allocated to sw1 in the demo, after sw2 until 120 days ago
    const day = (ago: number) => formatUkDateTime(hoursAgo(ago * 24)).split(" ")[0] ?? "";
    const iso = (uk: string) => uk.split("/").reverse().join("-");
    expect(
      await allocateAction({ childId: child, kind: "social_worker", userId: demo.actor("sw2").id, startDate: day(10) }),
    ).toMatchObject({ ok: false, fieldErrors: { previousEndReason: [expect.stringMatching(/why/i)] } });
    expectOk(
      await allocateAction({
        childId: child,
        kind: "social_worker",
        userId: demo.actor("sw2").id,
        startDate: day(10),
        previousEndReason: "ABSENC",
      }),
    );
    expect((await childAccess(demo.handle.db, demo.actor("sw2"), child))?.relation).toBe("allocated");
    expectOk(
      await allocateAction({
        childId: child,
        kind: "social_worker",
        userId: demo.actor("sw1").id,
        startDate: day(3),
        previousEndReason: "MANAGE",
      }),
    );
    const spells = await demo.handle.db
      .select()
      .from(allocations)
      .where(and(eq(allocations.childId, child), eq(allocations.kind, "social_worker")))
      .orderBy(allocations.startDate);
    expect(spells.slice(-3).map((s) => [s.userId, s.startDate, s.endDate, s.endReason])).toEqual([
      [demo.actor("sw1").id, spells.at(-3)?.startDate, iso(day(10)), "ABSENC"],
      [demo.actor("sw2").id, iso(day(10)), iso(day(3)), "MANAGE"],
      [demo.actor("sw1").id, iso(day(3)), null, null],
    ]);
    expect((await childAccess(demo.handle.db, demo.actor("sw1"), child))?.relation).toBe("allocated");
    expect((await childAccess(demo.handle.db, demo.actor("sw2"), child))?.relation).toBe("team");
  });

  it("a team manager ends a social worker's allocation on its own: the spell ends with its reason, access and the caseload follow at once, audited", async () => {
    demo.as("tm1");
    const child = demoChildId(18); // North, allocated to sw1, IRO iro1
    const today = formatUkDateTime(new Date()).split(" ")[0] ?? "";
    const tomorrow = formatUkDateTime(hoursAgo(-24)).split(" ")[0] ?? "";
    // The reason is required, and an end in the future is refused (access would end before it).
    const sw1 = demo.actor("sw1").id;
    expect(
      await endAllocationAction({ childId: child, kind: "social_worker", userId: sw1, endDate: today }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { reason: [expect.stringMatching(/why the allocation ends/i)] },
    });
    expect(
      await endAllocationAction({
        childId: child,
        kind: "social_worker",
        userId: sw1,
        endDate: tomorrow,
        reason: "LEFTRL",
      }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { endDate: [expect.stringMatching(/today or on a day that has passed/)] },
    });
    // Someone else than the person the manager saw allocated: nothing ends (another manager reallocated).
    expect(
      await endAllocationAction({
        childId: child,
        kind: "social_worker",
        userId: demo.actor("sw2").id,
        endDate: today,
        reason: "LEFTRL",
      }),
    ).toMatchObject({
      ok: false,
      error: { code: "conflict:version", message: expect.stringMatching(/nothing was ended/) },
    });
    const stillThere = await demo.handle.db.select().from(children).where(eq(children.id, child));
    expect(stillThere[0]?.allocatedWorkerId).toBe(sw1);
    const ended = expectOk(
      await endAllocationAction({
        childId: child,
        kind: "social_worker",
        userId: sw1,
        endDate: today,
        reason: "LEFTRL",
      }),
    );
    expect(ended.userId).toBe(demo.actor("sw1").id);
    const [spell] = await demo.handle.db.select().from(allocations).where(eq(allocations.id, ended.allocationId));
    expect(spell).toMatchObject({ endDate: todayIso(), endReason: "LEFTRL" });
    const [row] = await demo.handle.db.select().from(children).where(eq(children.id, child));
    expect(row?.allocatedWorkerId).toBeNull();
    expect((await childAccess(demo.handle.db, demo.actor("sw1"), child))?.relation).toBe("team");
    const { unallocated } = await teamAllocationSummary(demo.handle.db, demo.actor("tm1"));
    expect(unallocated.map((c) => c.id)).toContain(child);
    const [event] = await demo.handle.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, "allocation.end"),
          eq(auditEvents.childId, child),
          eq(auditEvents.outcome, "allowed"),
        ),
      );
    expect(event).toMatchObject({ actorId: demo.actor("tm1").id });
    expect(event?.detail).toMatchObject({ kind: "social_worker", reason: "LEFTRL", userId: demo.actor("sw1").id });
    // Nobody is allocated now: ending again is refused, saying so.
    expect(
      await endAllocationAction({
        childId: child,
        kind: "social_worker",
        userId: sw1,
        endDate: today,
        reason: "LEFTRL",
      }),
    ).toMatchObject({
      ok: false,
      error: { code: "invalid:input", message: expect.stringMatching(/No social worker is allocated/) },
    });

    // The IRO's allocation too: they can no longer open the record.
    expectOk(
      await endAllocationAction({
        childId: child,
        kind: "iro",
        userId: demo.actor("iro1").id,
        endDate: today,
        reason: "ORGRST",
      }),
    );
    const [after] = await demo.handle.db.select().from(children).where(eq(children.id, child));
    expect(after?.iroId).toBeNull();
    expect(await childAccess(demo.handle.db, demo.actor("iro1"), child)).toBeNull();
  });

  it("only the child's team manager ends an allocation, and each refusal is audited", async () => {
    const child = demoChildId(16);
    for (const [key, code] of [
      ["sw1", "forbidden:action"],
      ["iro1", "forbidden:action"],
      ["tm2", "forbidden:child"],
    ] as const) {
      demo.as(key);
      const result = await endAllocationAction({
        childId: child,
        kind: "social_worker",
        userId: demo.actor("sw1").id,
        endDate: "01/11/2026",
        reason: "MANAGE",
      });
      expect(result, key).toMatchObject({ ok: false, error: { code } });
      const [event] = await demo.handle.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.actorId, demo.actor(key).id), eq(auditEvents.action, "allocation.end")));
      expect(event?.outcome, key).toBe("refused");
    }
    const [row] = await demo.handle.db.select().from(children).where(eq(children.id, child));
    expect(row?.allocatedWorkerId).toBe(demo.actor("sw1").id);
  });

  it("reallocating the IRO ends their spell with the reason the manager chose, a management decision by default", async () => {
    demo.as("tm1");
    const child = demoChildId(16); // IRO iro1
    const day = (ago: number) => formatUkDateTime(hoursAgo(ago * 24)).split(" ")[0] ?? "";
    expectOk(
      await allocateAction({
        childId: child,
        kind: "iro",
        userId: demo.actor("iro2").id,
        startDate: day(5),
        previousEndReason: "FCONTA",
      }),
    );
    expectOk(await allocateAction({ childId: child, kind: "iro", userId: demo.actor("iro1").id, startDate: day(2) }));
    const spells = await demo.handle.db
      .select()
      .from(allocations)
      .where(and(eq(allocations.childId, child), eq(allocations.kind, "iro")))
      .orderBy(allocations.startDate);
    expect(spells.slice(-3).map((s) => [s.userId, s.endReason])).toEqual([
      [demo.actor("iro1").id, "FCONTA"],
      [demo.actor("iro2").id, "MANAGE"],
      [demo.actor("iro1").id, null],
    ]);
  });

  it("a social worker cannot allocate, and a worker of another team cannot be allocated", async () => {
    demo.as("sw1");
    expect(
      await allocateAction({
        childId: demoChildId(22),
        kind: "social_worker",
        userId: demo.actor("sw2").id,
        startDate: "01/11/2026",
      }),
    ).toMatchObject({ ok: false, error: { code: "forbidden:action" } });
    demo.as("tm1");
    const other = await allocateAction({
      childId: demoChildId(22),
      kind: "social_worker",
      userId: demo.actor("sw3").id,
      startDate: "01/11/2026",
    });
    expect(other).toMatchObject({ ok: false, error: { code: "invalid:input" } });
  });

  it("the team dashboard counts each worker's children, as the children's allocations say", async () => {
    const tm1 = demo.actor("tm1");
    const { caseloads } = await teamAllocationSummary(demo.handle.db, tm1);
    const counted = await demo.handle.db
      .select({ worker: children.allocatedWorkerId, n: sql<number>`count(*)::int` })
      .from(children)
      .where(and(eq(children.teamId, tm1.teamId ?? ""), isNull(children.deletedAt)))
      .groupBy(children.allocatedWorkerId);
    expect(caseloads.length).toBeGreaterThan(0);
    for (const c of caseloads) expect(c.count, c.name).toBe(counted.find((r) => r.worker === c.id)?.n ?? 0);
    expect(caseloads.some((c) => c.count > 0)).toBe(true);
  });
});

describe("Child Protection Plans are restricted: a provider never sees one", () => {
  // Child 0: North, with Brightwater's arrangement active, so prov1 sees the child (not the plan).
  const child = demoChildId(0);
  let planId = "";
  beforeAll(async () => {
    demo.as("tm1");
    planId = expectOk(await startCpPlanAction({ childId: child, at: when(hoursAgo(5)), category: "physical" })).planId;
    signInAs(null);
  });

  it("no CP flag in the provider's caseload or the child's header, while staff see the plan in force", async () => {
    const flag = async (key: "prov1" | "tm1") => {
      const { items } = await listCaseload(demo.handle.db, demo.actor(key), { pageSize: 100 });
      return items.find((c) => c.id === child)?.cpInForce;
    };
    expect(await flag("tm1")).toBe(true);
    expect(await flag("prov1")).toBe(false);
    demo.as("tm1");
    expect((await loadChildPage(child, "summary")).header.cpInForce).toBe(true);
    demo.as("prov1");
    const page = await loadChildPage(child, "summary");
    expect(page.access.relation).toBe("provider");
    expect(page.header.cpInForce).toBe(false);
    expect(page.sections).not.toContain("childProtection");
  });

  it("the child protection page sends the provider to the not-shared page, and the view is refused and audited", async () => {
    demo.as("prov1");
    const redirected = await loadChildPage(child, "childProtection").then(
      () => "rendered",
      (e: unknown) => String((e as { digest?: string }).digest ?? e),
    );
    expect(redirected).toContain(`/children/${child}/not-shared?section=childProtection`);
    // The record is open to them (hence the honest not-shared page), this section never: providers hold no CP permission.
    expect(await authorizedView("childProtection.view", child)).toMatchObject({
      ok: false,
      refusal: "permission",
      access: { relation: "provider" },
    });
    const refused = await demo.handle.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.actorId, demo.actor("prov1").id),
          eq(auditEvents.action, "childProtection.view"),
          eq(auditEvents.outcome, "refused"),
        ),
      );
    expect(refused.length).toBeGreaterThanOrEqual(2);
  });

  it("the provider can neither start nor end a plan, each refusal audited, and the plan is unchanged", async () => {
    demo.as("prov1");
    expect(await startCpPlanAction({ childId: child, at: when(hoursAgo(1)), category: "neglect" })).toMatchObject({
      ok: false,
      error: { code: "forbidden:action" },
    });
    expect(
      await endCpPlanAction({ childId: child, planId, at: when(hoursAgo(1)), reason: "Trying to end it" }),
    ).toMatchObject({ ok: false, error: { code: "forbidden:action" } });
    for (const action of ["childProtection.start", "childProtection.end"]) {
      const [event] = await demo.handle.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.actorId, demo.actor("prov1").id), eq(auditEvents.action, action)));
      expect(event?.outcome, action).toBe("refused");
    }
    const plans = await demo.handle.db
      .select()
      .from(childProtectionPlans)
      .where(eq(childProtectionPlans.childId, child));
    expect(plans.map((p) => [p.id, p.endDate])).toEqual([[planId, null]]);
  });
});
