// The IRO between reviews, through the server actions: monitoring notes; a concern about the care
// plan taken through every dispute resolution stage in order, or resolved early; a referral to
// Cafcass, once; the open stage on the work trays of the IRO and the team manager; refusals for
// anyone who is not the child's IRO; the database keeping stages in order and outcomes fixed; and
// the due dates counted in working days across Christmas 2026.
import { and, asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, iroDisputes, iroDisputeStages, iroMonitoringNotes } from "@/db/schema";
import { allows, childAccess, type Actor, type ChildAccess } from "@/lib/access";
import { todayIso } from "@/lib/dates";
import {
  escalateDisputeAction,
  raiseDisputeAction,
  referDisputeToCafcassAction,
  resolveDisputeAction,
  writeMonitoringNoteAction,
} from "@/lib/reviews/actions";
import { disputeDueBy, stageDueBy } from "@/lib/reviews/dispute-rules";
import { escalateDispute, raiseDispute } from "@/lib/reviews/disputes";
import { listDisputes, listMonitoringNotes } from "@/lib/reviews/queries";
import { addWorkingDays } from "@/lib/timescales/calendar";
import { openDisputeStages, workTray } from "@/lib/work/queries";
import { demoChildId } from "@/scripts/seed/demo";
import { expectOk } from "../helpers/care-plans";
import { useDemoAuthority } from "../helpers/demo";

const demo = useDemoAuthority();
// Even children are iro1's; 14, 16, 18, 20 and 22 are North (social worker sw1, team manager tm1).
const LIFECYCLE = demoChildId(14);
const EARLY = demoChildId(16);
const CAFCASS = demoChildId(18);
const REFUSALS = demoChildId(20);
const CHRISTMAS = demoChildId(22);

const CONCERN = "The care plan does not say how contact with the child's brother will restart (fictional).";

async function raise(childId: string, concern = CONCERN) {
  demo.as("iro1");
  return expectOk(await raiseDisputeAction({ childId, concern }));
}

async function stagesOf(disputeId: string) {
  return demo.handle.db
    .select()
    .from(iroDisputeStages)
    .where(eq(iroDisputeStages.disputeId, disputeId))
    .orderBy(asc(iroDisputeStages.stageNumber));
}

async function disputeRow(disputeId: string) {
  const [row] = await demo.handle.db.select().from(iroDisputes).where(eq(iroDisputes.id, disputeId));
  if (!row) throw new Error(`no dispute ${disputeId}`);
  return row;
}

async function accessOf(actor: Actor, childId: string): Promise<ChildAccess> {
  const access = await childAccess(demo.handle.db, actor, childId);
  if (!access) throw new Error("no access");
  return access;
}

/** The database's own refusal of a statement, as the owner (no privilege stops it; only the triggers can). */
async function refusal(statement: ReturnType<typeof sql>) {
  try {
    await demo.handle.owner.execute(statement);
    return "accepted";
  } catch (e) {
    return String((e as { cause?: { message?: string } }).cause?.message ?? e);
  }
}

describe("monitoring notes", () => {
  it("the child's IRO writes notes between reviews; they list newest first, a page at a time", async () => {
    demo.as("iro1");
    expect(await writeMonitoringNoteAction({ childId: LIFECYCLE, note: "" })).toMatchObject({
      ok: false,
      fieldErrors: { note: ["Write the monitoring note"] },
    });
    expect(
      await writeMonitoringNoteAction({
        childId: LIFECYCLE,
        note: "About a review of another child (fictional).",
        reviewId: "00000000-0000-4000-8000-000000000000",
      }),
    ).toMatchObject({ ok: false, fieldErrors: { reviewId: [expect.stringMatching(/this child's reviews/)] } });
    for (let i = 1; i <= 12; i++)
      expectOk(
        await writeMonitoringNoteAction({
          childId: LIFECYCLE,
          note: `Checked progress on the plan, note ${i} (fictional).`,
        }),
      );
    const access = await accessOf(demo.actor("sw1"), LIFECYCLE);
    const first = await listMonitoringNotes(demo.handle.db, access, 1);
    expect(first).toMatchObject({ total: 12, pages: 2 });
    expect(first.rows[0]?.note.note).toBe("Checked progress on the plan, note 12 (fictional).");
    expect(first.rows[0]?.authorName).toBe(demo.actor("iro1").name);
    const second = await listMonitoringNotes(demo.handle.db, access, 2);
    expect(second.rows.map((r) => r.note.note)).toEqual([
      "Checked progress on the plan, note 2 (fictional).",
      "Checked progress on the plan, note 1 (fictional).",
    ]);
    // Two refused attempts wrote nothing.
    const [count] = await demo.handle.db
      .select({ n: sql<number>`count(*)::int` })
      .from(iroMonitoringNotes)
      .where(eq(iroMonitoringNotes.childId, LIFECYCLE));
    expect(count?.n).toBe(12);
  });
});

describe("a concern about the care plan through every stage", () => {
  it("opens at the informal stage, escalates in order to the head of service, and is resolved there", async () => {
    demo.as("iro1");
    expect(await raiseDisputeAction({ childId: LIFECYCLE, concern: "Too short" })).toMatchObject({
      ok: false,
      fieldErrors: { concern: ["Describe your concern about the care plan"] },
    });
    const raised = await raise(LIFECYCLE);
    const today = todayIso();
    expect(raised.dueBy).toBe(addWorkingDays(today, 20));
    expect(raised).toMatchObject({ stage: "informal", stageDueBy: addWorkingDays(today, 5) });

    // On the trays of the IRO and of the child's team manager, not the social worker's.
    const iroTray = await workTray(demo.handle.db, demo.actor("iro1"));
    expect(iroTray.disputes.find((i) => i.key === raised.stageId)).toMatchObject({
      childId: LIFECYCLE,
      title: "Care plan dispute, informal resolution stage",
      dueDate: addWorkingDays(today, 5),
      urgency: "due soon",
      explanation: expect.stringMatching(/within 5 working days of the stage opening/),
      href: `/children/${LIFECYCLE}/reviews/monitoring#dispute-${raised.disputeId}`,
    });
    expect((await workTray(demo.handle.db, demo.actor("tm1"))).disputes.map((i) => i.key)).toContain(raised.stageId);
    expect((await workTray(demo.handle.db, demo.actor("sw1"))).disputes).toEqual([]);
    expect((await workTray(demo.handle.db, demo.actor("tm2"))).disputes).toEqual([]);

    const outcome = (stage: string) => `Discussed with the ${stage}; the plan was not changed (fictional).`;
    let stageId = raised.stageId;
    for (const [closing, opening] of [
      ["social worker", "team_manager"],
      ["team manager", "service_manager"],
      ["service manager", "head_of_service"],
    ] as const) {
      const next = expectOk(
        await escalateDisputeAction({
          childId: LIFECYCLE,
          disputeId: raised.disputeId,
          stageId,
          outcome: outcome(closing),
        }),
      );
      expect(next.stage).toBe(opening);
      // The stage just closed cannot take a second outcome: stages go strictly in order.
      expect(
        await escalateDisputeAction({
          childId: LIFECYCLE,
          disputeId: raised.disputeId,
          stageId,
          outcome: "Again (fictional)",
        }),
      ).toMatchObject({ ok: false, fieldErrors: { outcome: [expect.stringMatching(/already has its outcome/)] } });
      stageId = next.stageId;
    }
    // The head of service is the last stage: it resolves, it does not escalate.
    expect(
      await escalateDisputeAction({
        childId: LIFECYCLE,
        disputeId: raised.disputeId,
        stageId,
        outcome: "Nowhere further (fictional)",
      }),
    ).toMatchObject({ ok: false, fieldErrors: { next: [expect.stringMatching(/last stage/)] } });
    // Each action is for its own way on: a resolution sent to the escalation is refused.
    expect(
      await escalateDisputeAction({
        childId: LIFECYCLE,
        disputeId: raised.disputeId,
        stageId,
        outcome: "x (fictional)",
        next: "resolve",
      }),
    ).toMatchObject({ ok: false, error: { code: "invalid:input" } });
    const resolution = "The head of service agreed to amend the contact plan within a week (fictional).";
    expectOk(
      await resolveDisputeAction({ childId: LIFECYCLE, disputeId: raised.disputeId, stageId, outcome: resolution }),
    );

    const stages = await stagesOf(raised.disputeId);
    expect(stages.map((s) => [s.stageNumber, s.stage, s.closedAs])).toEqual([
      [1, "informal", "escalated"],
      [2, "team_manager", "escalated"],
      [3, "service_manager", "escalated"],
      [4, "head_of_service", "resolved"],
    ]);
    expect(stages.every((s) => s.outcomeBy === demo.actor("iro1").id && s.outcomeAt !== null)).toBe(true);
    const dispute = await disputeRow(raised.disputeId);
    expect(dispute).toMatchObject({ outcome: resolution, resolvedBy: demo.actor("iro1").id });

    // Closed: nothing more is recorded on it, and it has left the trays.
    expect(
      await resolveDisputeAction({ childId: LIFECYCLE, disputeId: raised.disputeId, stageId, outcome: "Again" }),
    ).toMatchObject({ ok: false, fieldErrors: { outcome: [expect.stringMatching(/was resolved on/)] } });
    expect(
      await referDisputeToCafcassAction({ childId: LIFECYCLE, disputeId: raised.disputeId, note: "Too late" }),
    ).toMatchObject({ ok: false, fieldErrors: { note: [expect.stringMatching(/was resolved on/)] } });
    expect((await workTray(demo.handle.db, demo.actor("iro1"))).disputes.map((i) => i.key)).not.toContain(stageId);

    // Each step is in the audit log, on the child's chain, in words the policy table gives it.
    const events = await demo.handle.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.childId, LIFECYCLE), eq(auditEvents.outcome, "allowed")));
    const actions = events.map((e) => e.action);
    expect(actions.filter((a) => a === "iroDispute.raise")).toHaveLength(1);
    expect(actions.filter((a) => a === "iroDispute.escalate")).toHaveLength(3);
    expect(actions.filter((a) => a === "iroDispute.resolve")).toHaveLength(1);

    // The social worker and the team manager read it, with each stage's rule in words.
    const [shown] = await listDisputes(demo.handle.db, await accessOf(demo.actor("tm1"), LIFECYCLE));
    expect(shown?.stages.map((s) => s.label)).toEqual([
      "Informal resolution",
      "Team manager",
      "Service manager",
      "Head of service",
    ]);
    expect(shown?.open).toBeNull();
    expect(shown?.stages[0]?.explanation).toMatch(
      /^Due by \d\d\/\d\d\/\d{4}: within 5 working days of the stage opening/,
    );
  });

  it("is resolved at the informal stage when that settles it", async () => {
    const raised = await raise(EARLY);
    expectOk(
      await resolveDisputeAction({
        childId: EARLY,
        disputeId: raised.disputeId,
        stageId: raised.stageId,
        outcome: "The social worker added the contact plan to the care plan (fictional).",
      }),
    );
    expect((await stagesOf(raised.disputeId)).map((s) => [s.stage, s.closedAs])).toEqual([["informal", "resolved"]]);
    expect((await disputeRow(raised.disputeId)).resolvedAt).not.toBeNull();
  });

  it("records a referral to Cafcass once, at the stage open then, and the dispute goes on", async () => {
    const raised = await raise(CAFCASS);
    const next = expectOk(
      await escalateDisputeAction({
        childId: CAFCASS,
        disputeId: raised.disputeId,
        stageId: raised.stageId,
        outcome: "Not resolved informally (fictional).",
      }),
    );
    expect(
      await referDisputeToCafcassAction({ childId: CAFCASS, disputeId: raised.disputeId, note: "" }),
    ).toMatchObject({ ok: false, fieldErrors: { note: [expect.stringMatching(/Say why/)] } });
    const note = "The child's wishes about contact are being overlooked; the care plan and minutes sent (fictional).";
    expectOk(await referDisputeToCafcassAction({ childId: CAFCASS, disputeId: raised.disputeId, note }));
    expect(
      await referDisputeToCafcassAction({ childId: CAFCASS, disputeId: raised.disputeId, note: "A second time" }),
    ).toMatchObject({ ok: false, fieldErrors: { note: [expect.stringMatching(/already recorded/)] } });
    expect(await disputeRow(raised.disputeId)).toMatchObject({
      cafcassStage: "team_manager",
      cafcassNote: note,
      cafcassReferredBy: demo.actor("iro1").id,
      resolvedAt: null,
    });
    // The team manager stage stays open and on the trays.
    expect((await workTray(demo.handle.db, demo.actor("tm1"))).disputes.map((i) => i.key)).toContain(next.stageId);
  });
});

describe("only the child's IRO runs a dispute", () => {
  it("refuses another IRO, the social worker, the team manager and a provider, and writes nothing", async () => {
    const raised = await raise(REFUSALS);
    const count = async () => {
      const [row] = await demo.handle.db
        .select({ n: sql<number>`count(*)::int` })
        .from(iroDisputeStages)
        .where(eq(iroDisputeStages.childId, REFUSALS));
      const [notes] = await demo.handle.db
        .select({ n: sql<number>`count(*)::int` })
        .from(iroMonitoringNotes)
        .where(eq(iroMonitoringNotes.childId, REFUSALS));
      return [row?.n, notes?.n];
    };
    const before = await count();
    const step = {
      childId: REFUSALS,
      disputeId: raised.disputeId,
      stageId: raised.stageId,
      outcome: "Tried (fictional)",
    };
    // An IRO who is not this child's: as for a child that does not exist.
    demo.as("iro2");
    expect(await raiseDisputeAction({ childId: REFUSALS, concern: CONCERN })).toMatchObject({
      ok: false,
      error: { code: "forbidden:child" },
    });
    expect(await writeMonitoringNoteAction({ childId: REFUSALS, note: "Not my child (fictional)" })).toMatchObject({
      ok: false,
      error: { code: "forbidden:child" },
    });
    expect(await escalateDisputeAction(step)).toMatchObject({ ok: false, error: { code: "forbidden:child" } });
    // The social worker, the team manager and a provider: not theirs to run.
    for (const who of ["sw1", "tm1", "prov1"] as const) {
      demo.as(who);
      expect(await raiseDisputeAction({ childId: REFUSALS, concern: CONCERN }), who).toMatchObject({
        ok: false,
        error: { code: "forbidden:action" },
      });
      expect(await escalateDisputeAction(step), who).toMatchObject({ ok: false, error: { code: "forbidden:action" } });
      expect(await resolveDisputeAction(step), who).toMatchObject({ ok: false, error: { code: "forbidden:action" } });
      expect(
        await referDisputeToCafcassAction({ childId: REFUSALS, disputeId: raised.disputeId, note: "Tried" }),
        who,
      ).toMatchObject({ ok: false, error: { code: "forbidden:action" } });
      expect(await writeMonitoringNoteAction({ childId: REFUSALS, note: "Tried (fictional)" }), who).toMatchObject({
        ok: false,
        error: { code: "forbidden:action" },
      });
    }
    expect(await count()).toEqual(before);
    expect(await disputeRow(raised.disputeId)).toMatchObject({ resolvedAt: null, cafcassReferredAt: null });
  });

  it("still: a social worker cannot sign off a review, and an IRO cannot edit the care plan", async () => {
    const sw = demo.actor("sw1");
    const iro = demo.actor("iro1");
    expect(allows(sw, await accessOf(sw, REFUSALS), "reviews.signOff")).toBe(false);
    const iroAccess = await accessOf(iro, REFUSALS);
    for (const name of ["carePlan.saveDraft", "carePlan.startVersion", "carePlan.submit", "carePlan.approve"] as const)
      expect(allows(iro, iroAccess, name), name).toBe(false);
    expect(allows(iro, iroAccess, "iroDispute.raise")).toBe(true);
  });
});

describe("the database keeps a dispute's record", () => {
  it("refuses a stage out of order, a stage on a resolved dispute, and any change to a recorded outcome", async () => {
    const open = await raise(REFUSALS, "A second concern, about the plan for education (fictional).");
    const [dispute] = await demo.handle.db.select().from(iroDisputes).where(eq(iroDisputes.id, open.disputeId));
    if (!dispute) throw new Error("no dispute");
    const stage = (n: number, name: string) => sql`insert into iro_dispute_stages
        (dispute_id, child_id, stage, stage_number, opened_at, opened_on, opened_by, time_limit_working_days, due_by)
      values (${dispute.id}, ${dispute.childId}, ${name}, ${n}, now(), ${dispute.raisedOn}, ${dispute.raisedBy}, 5, ${dispute.dueBy})`;
    // Skipping from the open informal stage to the service manager, or opening the team manager stage before it is escalated.
    expect(await refusal(stage(3, "service_manager"))).toMatch(/only after stage 2 has been escalated/);
    expect(await refusal(stage(2, "team_manager"))).toMatch(/only after stage 1 has been escalated/);
    // A stage that does not match its place in the order.
    expect(await refusal(stage(1, "team_manager"))).toMatch(/iro_dispute_stages_stage/);

    demo.as("iro1");
    const outcome = "Agreed with the social worker (fictional).";
    expectOk(
      await resolveDisputeAction({ childId: REFUSALS, disputeId: open.disputeId, stageId: open.stageId, outcome }),
    );
    // A recorded outcome, and the resolution, are fixed: even the owner of the tables cannot change them.
    expect(await refusal(sql`update iro_dispute_stages set outcome = 'Rewritten' where id = ${open.stageId}`)).toMatch(
      /already set and cannot be changed/,
    );
    expect(
      await refusal(sql`update iro_dispute_stages set closed_as = 'escalated' where id = ${open.stageId}`),
    ).toMatch(/already set and cannot be changed/);
    expect(await refusal(sql`update iro_disputes set concern = 'Rewritten' where id = ${open.disputeId}`)).toMatch(
      /cannot be changed/,
    );
    expect(
      await refusal(
        sql`update iro_disputes set cafcass_referred_at = now(), cafcass_referred_by = raised_by, cafcass_stage = 'informal', cafcass_note = 'late' where id = ${open.disputeId}`,
      ),
    ).toMatch(/a resolved dispute cannot be changed/);
    expect(await refusal(stage(2, "team_manager"))).toMatch(/only on an open dispute/);
    // A monitoring note never changes, and nothing is deleted.
    expect(await refusal(sql`update iro_monitoring_notes set note = 'Rewritten'`)).toMatch(/cannot be changed/);
    expect(await refusal(sql`delete from iro_dispute_stages where id = ${open.stageId}`)).not.toBe("accepted");
    expect(await refusal(sql`delete from iro_disputes where id = ${open.disputeId}`)).not.toBe("accepted");
    const [kept] = await stagesOf(open.disputeId);
    expect(kept).toMatchObject({ outcome, closedAs: "resolved" });
  });
});

describe("due dates in working days", () => {
  it("counts over Christmas 2026: Christmas Day, the substitute Boxing Day holiday and New Year's Day are not working days", () => {
    // Raised Monday 21/12/2026: 22, 23, 24, 29 and 30 December are the five working days of the informal stage.
    expect(stageDueBy("2026-12-21", 5, disputeDueBy("2026-12-21", 20))).toBe("2026-12-30");
    // Twenty working days: six in December, none on 01/01/2027, then fourteen in January.
    expect(disputeDueBy("2026-12-21", 20)).toBe("2027-01-21");
  });

  it("a concern raised on 21/12/2026 is due by 21/01/2027, and a late stage is due when the whole dispute is", async () => {
    const iro = demo.actor("iro1");
    const access = await accessOf(iro, CHRISTMAS);
    // Through the commands themselves, at chosen moments (the actions always use the present).
    const raised = await demo.handle.db.transaction((tx) =>
      raiseDispute(tx, iro, access, { concern: CONCERN }, new Date("2026-12-21T10:00:00Z")),
    );
    expect(raised).toMatchObject({ dueBy: "2027-01-21", stageDueBy: "2026-12-30" });
    // Warned before it is due, overdue after.
    const trayOn = async (iso: string) =>
      (await openDisputeStages(demo.handle.db, iro, new Date(`${iso}T12:00:00Z`))).find(
        (i) => i.key === raised.stageId,
      );
    expect(await trayOn("2026-12-29")).toMatchObject({ urgency: "due soon", dueDate: "2026-12-30" });
    expect(await trayOn("2026-12-31")).toMatchObject({ urgency: "overdue" });
    // Escalated on Monday 18/01/2027: five working days would be 25/01, but the whole dispute is due 21/01.
    const next = await demo.handle.db.transaction((tx) =>
      escalateDispute(
        tx,
        iro,
        access,
        { disputeId: raised.disputeId, stageId: raised.stageId, outcome: "Not resolved over Christmas (fictional)." },
        new Date("2027-01-18T10:00:00Z"),
      ),
    );
    expect(next).toMatchObject({ stage: "team_manager", dueBy: "2027-01-21" });
    const [shown] = await listDisputes(demo.handle.db, access, new Date("2027-01-19T12:00:00Z"));
    expect(shown?.explanation).toBe(
      "To be resolved by 21/01/2027: within 20 working days of the concern being raised on 21/12/2026",
    );
    expect(shown?.stages[0]?.explanation).toBe(
      "Due by 30/12/2026: within 5 working days of the stage opening on 21/12/2026",
    );
    expect(shown?.stages[1]?.explanation).toMatch(
      /^Due by 21\/01\/2027: the whole dispute is to be resolved within 20 working days of the concern being raised on 21\/12\/2026/,
    );
    expect(shown?.stages[0]?.urgency).toBe("met late");
  });
});
