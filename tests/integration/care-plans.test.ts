// The care plan, end to end through its server actions: draft, submit, approve, supersede;
// who may do what; concurrent saves; drafts that outlive a session; version differences.
import { and, desc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, children, formDrafts, recordEntries, users } from "@/db/schema";
import { demoChildId, demoUserId, type DemoUserKey } from "@/scripts/seed/demo";
import { childAccess, type Actor, type ChildAccess } from "@/lib/access";
import { getChronology } from "@/lib/records/chronology";
import { getDraft } from "@/lib/records/queries";
import { databaseErrorCode } from "@/lib/errors";
import type { CarePlanConflict } from "@/lib/care-plans/commands";
import { diffCarePlanVersions, getCarePlan, getCarePlanDraftOffer, getCarePlanVersion } from "@/lib/care-plans/queries";
import {
  approveCarePlanAction,
  returnCarePlanAction,
  saveCarePlanDraftAction,
  startCarePlanVersionAction,
  submitCarePlanAction,
} from "@/lib/care-plans/actions";
import { saveDraftAction } from "@/lib/records/actions";
import { useDemoAuthority } from "../helpers/demo";
import { signInAs } from "../helpers/session";
import { carePlanForm as form, expectOk } from "../helpers/care-plans";

const demo = useDemoAuthority();

const as = (key: DemoUserKey) => signInAs(demo.actors.get(key) ?? null);
const actor = (key: DemoUserKey) => demo.actors.get(key) as Actor;
async function accessFor(key: DemoUserKey, child: string): Promise<ChildAccess> {
  const access = await childAccess(demo.handle.db, actor(key), child);
  if (!access) throw new Error(`${key} has no access to ${child}`);
  return access;
}
const planRows = (child: string) =>
  demo.handle.db
    .select()
    .from(recordEntries)
    .where(and(eq(recordEntries.childId, child), eq(recordEntries.section, "carePlan")))
    .orderBy(recordEntries.version);
const lastEvent = async (key: DemoUserKey) =>
  (
    await demo.handle.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.actorId, demoUserId(key)))
      .orderBy(desc(auditEvents.id))
      .limit(1)
  )[0];

describe("a care plan's lifecycle", () => {
  const child = demoChildId(0);
  let entryId = "";

  it("a social worker drafts the plan for an allocated child and submits it", async () => {
    as("sw1");
    const saved = expectOk(await saveCarePlanDraftAction(form(child)));
    expect(saved).toMatchObject({ version: 1, lockVersion: 0, created: true });
    entryId = saved.entryId;
    const edited = expectOk(
      await saveCarePlanDraftAction(
        form(child, { entryId, version: 1, lockVersion: 0, needs: "Needs a stable foster home close to her school." }),
      ),
    );
    expect(edited.lockVersion).toBe(1);
    const [draft] = await planRows(child);
    expect(draft).toMatchObject({ status: "draft", inChronology: false, isLatest: true, occurredOn: "2026-03-02" });

    expectOk(await submitCarePlanAction({ childId: child, entryId, version: 1, lockVersion: 1 }));
    const [submitted] = await planRows(child);
    expect(submitted).toMatchObject({ status: "submitted", inChronology: true, submittedBy: demoUserId("sw1") });
  });

  it("a social worker cannot approve it: the attempt is refused, audited, and changes nothing", async () => {
    as("sw1");
    const [before] = await planRows(child);
    const result = await approveCarePlanAction({
      childId: child,
      entryId,
      version: 1,
      lockVersion: before?.lockVersion ?? 0,
      comment: "Approving my own plan without the right",
    });
    expect(result).toMatchObject({ ok: false, error: { code: "forbidden:action" } });
    expect(await lastEvent("sw1")).toMatchObject({ action: "carePlan.approve", outcome: "refused" });
    const [after] = await planRows(child);
    expect(after).toEqual(before);
  });

  it("the team manager approves it, and the approval is a decision with the views recorded in the plan", async () => {
    as("tm1");
    const [row] = await planRows(child);
    const approved = expectOk(
      await approveCarePlanAction({
        childId: child,
        entryId,
        version: 1,
        lockVersion: row?.lockVersion ?? 0,
        comment: "Plan meets her needs; contact plan agreed with mother.",
      }),
    );
    expect(approved).toMatchObject({ version: 1, superseded: [] });
    const [v1] = await planRows(child);
    expect(v1).toMatchObject({ status: "approved", approvedBy: demoUserId("tm1"), inChronology: true, isLatest: true });
    expect(v1?.approvedAt).toBeInstanceOf(Date);

    const [decision] = await demo.handle.db
      .select()
      .from(recordEntries)
      .where(
        and(
          eq(recordEntries.childId, child),
          eq(recordEntries.section, "decisions"),
          // The demo's reviews put their own decisions on the trail.
          sql`${recordEntries.title} like 'Care plan%'`,
        ),
      );
    expect(decision?.title).toBe("Care plan version 1 approved");
    expect(decision?.data).toMatchObject({
      decidedBy: actor("tm1").name,
      reasons: "Plan meets her needs; contact plan agreed with mother.",
      childViews: { status: "given", text: "I want to stay with my carers and see my brother more." },
      // No one is linked to this child, so no parent's views are asked for (people-and-carers.test.ts has them).
      parentViews: [],
      relatesTo: { section: "carePlan", entryId, version: 1 },
    });
  });

  it("a change is a new version: the social worker starts version 2, edits and submits it, and its approval supersedes version 1", async () => {
    as("sw1");
    const started = expectOk(await startCarePlanVersionAction({ childId: child }));
    expect(started).toMatchObject({ entryId, version: 2, lockVersion: 0, created: true });
    const plan = await getCarePlan(demo.handle.db, actor("sw1"), await accessFor("sw1", child));
    expect(plan.inProgress?.content.outcomes).toBe(plan.current?.content.outcomes);
    expect(plan.current?.version).toBe(1);

    expectOk(
      await saveCarePlanDraftAction(
        form(child, {
          entryId,
          version: 2,
          lockVersion: 0,
          needs: "Needs a stable foster home close to her new school.",
        }),
      ),
    );
    expectOk(await submitCarePlanAction({ childId: child, entryId, version: 2, lockVersion: 1 }));
    as("tm1");
    expectOk(
      await approveCarePlanAction({
        childId: child,
        entryId,
        version: 2,
        lockVersion: 2,
        comment: "School move agreed at the review; plan updated.",
      }),
    );

    const [v1, v2] = await planRows(child);
    expect(v1).toMatchObject({ version: 1, status: "superseded", inChronology: true, isLatest: false });
    expect(v2).toMatchObject({ version: 2, status: "approved", inChronology: true, isLatest: true, entryId });

    const access = await accessFor("tm1", child);
    expect((await getCarePlanVersion(demo.handle.db, actor("tm1"), access, 1))?.version.content.needs).toBe(
      "Needs a stable foster home close to her school.",
    );
    expect((await getCarePlanVersion(demo.handle.db, actor("tm1"), access, 2))?.version.content.needs).toBe(
      "Needs a stable foster home close to her new school.",
    );
    const chronology = await getChronology(demo.handle.db, actor("tm1"), access, { section: "carePlan" });
    expect(chronology.items.map((i) => [i.version, i.status]).sort()).toEqual([
      [1, "superseded"],
      [2, "approved"],
    ]);
    const decisions = await getChronology(demo.handle.db, actor("tm1"), access, { section: "decisions" });
    expect(
      decisions.items
        .map((i) => i.title)
        .filter((t) => t.startsWith("Care plan"))
        .sort(),
    ).toEqual(["Care plan version 1 approved", "Care plan version 2 approved"]);
  });

  it("an approved version is never edited: a save to it is refused and changes nothing", async () => {
    as("sw1");
    const before = await planRows(child);
    const result = await saveCarePlanDraftAction(
      form(child, { entryId, version: 2, lockVersion: 2, needs: "Quietly rewriting the approved plan" }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: "forbidden:action" } });
    if (!result.ok) expect(result.error.message).toMatch(/Start a new version/);
    expect(await planRows(child)).toEqual(before);
    expect(await lastEvent("sw1")).toMatchObject({ action: "carePlan.saveDraft", outcome: "failed" });
  });

  it("an Independent Reviewing Officer cannot edit or start the care plan", async () => {
    as("iro1");
    const before = await planRows(child);
    expect(await startCarePlanVersionAction({ childId: child })).toMatchObject({
      ok: false,
      error: { code: "forbidden:action" },
    });
    expect(
      await saveCarePlanDraftAction(form(child, { entryId, version: 2, lockVersion: 2, needs: "IRO's own wording" })),
    ).toMatchObject({ ok: false, error: { code: "forbidden:action" } });
    expect(await submitCarePlanAction({ childId: child, entryId, version: 2, lockVersion: 2 })).toMatchObject({
      ok: false,
      error: { code: "forbidden:action" },
    });
    expect(await lastEvent("iro1")).toMatchObject({ outcome: "refused" });
    expect(await planRows(child)).toEqual(before);
  });

  it("a provider sees only the approved plan in force, never drafts or earlier versions, and cannot change it", async () => {
    as("sw1");
    expectOk(await startCarePlanVersionAction({ childId: child }));
    const plan = await getCarePlan(demo.handle.db, actor("prov1"), await accessFor("prov1", child));
    expect(plan.versions.map((v) => [v.version, v.status])).toEqual([[2, "approved"]]);
    expect(plan.inProgress).toBeNull();
    expect(await getCarePlanVersion(demo.handle.db, actor("prov1"), await accessFor("prov1", child), 1)).toBeNull();
    expect(await getCarePlanVersion(demo.handle.db, actor("prov1"), await accessFor("prov1", child), 3)).toBeNull();
    as("prov1");
    expect(await saveCarePlanDraftAction(form(child, { entryId, version: 3, lockVersion: 0 }))).toMatchObject({
      ok: false,
      error: { code: "forbidden:action" },
    });
    // Staff see all three versions.
    const staff = await getCarePlan(demo.handle.db, actor("sw1"), await accessFor("sw1", child));
    expect(staff.versions.map((v) => v.status)).toEqual(["superseded", "approved", "draft"]);
  });

  it("comparing two versions marks the words removed and added", async () => {
    const access = await accessFor("tm1", child);
    const older = await getCarePlanVersion(demo.handle.db, actor("tm1"), access, 1);
    const newer = await getCarePlanVersion(demo.handle.db, actor("tm1"), access, 2);
    if (!older || !newer) throw new Error("versions missing");
    const diff = diffCarePlanVersions(older.version, newer.version);
    const needs = diff.find((d) => d.field === "Summary of the child's needs");
    expect(needs?.changed).toBe(true);
    expect(needs?.parts.filter((p) => p.added).map((p) => p.value.trim())).toContain("new");
    expect(diff.find((d) => d.field === "Planned outcomes and how they will be met")?.changed).toBe(false);
  });
});

describe("a submitted version", () => {
  const child = demoChildId(6);

  it("cannot be edited until a manager returns it to draft with a comment", async () => {
    as("sw1");
    const { entryId } = expectOk(await saveCarePlanDraftAction(form(child)));
    expectOk(await submitCarePlanAction({ childId: child, entryId, version: 1, lockVersion: 0 }));
    const refused = await saveCarePlanDraftAction(
      form(child, { entryId, version: 1, lockVersion: 1, needs: "A late change" }),
    );
    expect(refused).toMatchObject({ ok: false, error: { code: "forbidden:action" } });
    expect(await startCarePlanVersionAction({ childId: child })).toMatchObject({
      ok: false,
      error: { code: "forbidden:action" },
    });

    as("sw1");
    expect(
      await returnCarePlanAction({
        childId: child,
        entryId,
        version: 1,
        lockVersion: 1,
        comment: "Add the health plan before I approve.",
      }),
    ).toMatchObject({ ok: false, error: { code: "forbidden:action" } });
    as("tm1");
    expectOk(
      await returnCarePlanAction({
        childId: child,
        entryId,
        version: 1,
        lockVersion: 1,
        comment: "Add the health plan before I approve.",
      }),
    );
    const plan = await getCarePlan(demo.handle.db, actor("sw1"), await accessFor("sw1", child));
    // The author carries on in a new draft version; the version the manager read is kept as submitted.
    expect(plan.inProgress).toMatchObject({ version: 2, status: "draft", inChronology: false, lockVersion: 0 });
    expect(plan.inProgress?.returnNotes.map((n) => n.comment)).toEqual(["Add the health plan before I approve."]);

    as("sw1");
    expectOk(
      await saveCarePlanDraftAction(
        form(child, { entryId, version: 2, lockVersion: 0, healthPlan: "Initial health assessment booked." }),
      ),
    );
    const [returned, draft] = await planRows(child);
    expect(returned).toMatchObject({ version: 1, status: "returned", inChronology: true });
    expect(returned?.data.healthPlan).toBe(form(child).healthPlan);
    expect(draft?.data.healthPlan).toBe("Initial health assessment booked.");
    expect(draft?.data.returnNotes).toHaveLength(1);
  });
});

describe("two people saving the same draft", () => {
  const child = demoChildId(2);

  it("refuses the second save as a conflict, and keeps both texts: the draft holds the first, the refused person's autosaved draft the second", async () => {
    as("sw1");
    const { entryId } = expectOk(await saveCarePlanDraftAction(form(child)));
    // Both open the draft at lock version 0.
    expectOk(
      await saveCarePlanDraftAction(
        form(child, { entryId, version: 1, lockVersion: 0, needs: "Alex's wording of the needs." }),
      ),
    );
    as("tm1");
    const second = await saveCarePlanDraftAction(
      form(child, { entryId, version: 1, lockVersion: 0, needs: "Morgan's wording of the needs." }),
    );
    expect(second).toMatchObject({ ok: false, error: { code: "conflict:version" } });
    if (second.ok) return;
    const details = second.error.details as CarePlanConflict;
    expect(details.yours.needs).toBe("Morgan's wording of the needs.");
    expect(details.current).toMatchObject({ version: 1, lockVersion: 1, status: "draft" });
    expect(details.current?.content.needs).toBe("Alex's wording of the needs.");

    const [row] = await planRows(child);
    expect(row?.data.needs).toBe("Alex's wording of the needs.");
    const kept = await getDraft(demo.handle.db, actor("tm1"), child, `carePlan:${entryId}`);
    expect(kept?.data.needs).toBe("Morgan's wording of the needs.");
    expect(kept?.conflictWithVersion).toBe(1);
    expect(await lastEvent("tm1")).toMatchObject({ action: "carePlan.saveDraft", outcome: "failed" });

    // Back on the form, the manager is offered their own text to restore.
    const plan = await getCarePlan(demo.handle.db, actor("tm1"), await accessFor("tm1", child));
    const offer = await getCarePlanDraftOffer(demo.handle.db, actor("tm1"), child, plan.inProgress);
    expect(offer).toMatchObject({ fromConflict: true, content: { needs: "Morgan's wording of the needs." } });
  });

  it("lets exactly one of two simultaneous saves through", async () => {
    as("sw1");
    const [row] = await planRows(child);
    const lockVersion = row?.lockVersion ?? 0;
    const entryId = row?.entryId ?? null;
    const first = saveCarePlanDraftAction(
      form(child, { entryId, version: 1, lockVersion, outcomes: "Outcomes from the first tab." }),
    );
    as("tm1");
    const second = saveCarePlanDraftAction(
      form(child, { entryId, version: 1, lockVersion, outcomes: "Outcomes from the second tab." }),
    );
    const results = await Promise.all([first, second]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error.code === "conflict:version")).toHaveLength(1);
    const [after] = await planRows(child);
    expect(after?.lockVersion).toBe(lockVersion + 1);
  });

  it("refuses a second person starting the plan at the same time as the first, keeping their text", async () => {
    const other = demoChildId(8);
    as("sw1");
    expectOk(await saveCarePlanDraftAction(form(other)));
    as("tm1");
    const late = await saveCarePlanDraftAction(form(other, { needs: "Started separately by the manager." }));
    expect(late).toMatchObject({ ok: false, error: { code: "conflict:version" } });
    expect(await planRows(other)).toHaveLength(1);
    expect((await getDraft(demo.handle.db, actor("tm1"), other, "carePlan:new"))?.data.needs).toBe(
      "Started separately by the manager.",
    );
  });
});

describe("autosave", () => {
  const child = demoChildId(4);

  it("a draft survives a session that expired: after signing in again, the autosaved text is offered back", async () => {
    as("sw1");
    const { entryId } = expectOk(await saveCarePlanDraftAction(form(child)));
    const typed = {
      ...form(child, { entryId, version: 1, lockVersion: 0 }),
      needs: "Typed just before the session ran out.",
    };
    expectOk(await saveDraftAction("carePlan", { childId: child, formKey: `carePlan:${entryId}`, data: typed }));

    signInAs(null);
    expect(await saveCarePlanDraftAction(typed)).toMatchObject({ ok: false, error: { code: "unauthenticated" } });

    demo.as("sw1"); // signs in again
    const draft = await getDraft(demo.handle.db, actor("sw1"), child, `carePlan:${entryId}`);
    expect(draft?.data.needs).toBe("Typed just before the session ran out.");
    const plan = await getCarePlan(demo.handle.db, actor("sw1"), await accessFor("sw1", child));
    const offer = await getCarePlanDraftOffer(demo.handle.db, actor("sw1"), child, plan.inProgress);
    expect(offer).toMatchObject({ fromConflict: false, content: { needs: "Typed just before the session ran out." } });

    // Restored and saved: the draft is used, and no longer offered.
    expectOk(await saveCarePlanDraftAction(typed));
    const saved = await getCarePlan(demo.handle.db, actor("sw1"), await accessFor("sw1", child));
    expect(saved.inProgress?.content.needs).toBe("Typed just before the session ran out.");
    expect(await getCarePlanDraftOffer(demo.handle.db, actor("sw1"), child, saved.inProgress)).toBeNull();
    expect(await getDraft(demo.handle.db, actor("sw1"), child, `carePlan:${entryId}`)).toBeNull();
  });

  it("a new plan's draft is autosaved under carePlan:new before the first version exists", async () => {
    const other = demoChildId(10);
    as("sw1");
    expectOk(
      await saveDraftAction("carePlan", {
        childId: other,
        formKey: "carePlan:new",
        data: form(other, { needs: "Half-written needs" }),
      }),
    );
    expect((await getCarePlanDraftOffer(demo.handle.db, actor("sw1"), other, null))?.content.needs).toBe(
      "Half-written needs",
    );
    expectOk(await saveCarePlanDraftAction(form(other)));
    const plan = await getCarePlan(demo.handle.db, actor("sw1"), await accessFor("sw1", other));
    expect(await getCarePlanDraftOffer(demo.handle.db, actor("sw1"), other, plan.inProgress)).toBeNull();
  });
});

describe("validation", () => {
  it("bad input returns field errors and writes nothing", async () => {
    const child = demoChildId(12);
    as("sw1");
    const count = async () =>
      (
        await demo.handle.db
          .select({ n: sql<number>`count(*)::int` })
          .from(recordEntries)
          .where(eq(recordEntries.childId, child))
      )[0]?.n;
    const drafts = async () =>
      (
        await demo.handle.db
          .select({ n: sql<number>`count(*)::int` })
          .from(formDrafts)
          .where(eq(formDrafts.childId, child))
      )[0]?.n;
    const [entriesBefore, draftsBefore] = [await count(), await drafts()];
    const result = await saveCarePlanDraftAction(
      form(child, {
        needs: "  ",
        planDate: "31/02/2026",
        childViews: { status: "given", text: "" },
        parentViews: [{ personId: "not-a-person", status: "given", text: "x" }],
      }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: "invalid:input" } });
    if (!result.ok) {
      // A draft may leave the statutory parts empty (they are needed before submission), but
      // what it does hold must be right.
      expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual([
        "childViews.text",
        "parentViews.0.personId",
        "planDate",
      ]);
      expect(result.fieldErrors?.planDate?.[0]).toBe("The plan date must be a real date, like 27/03/2026");
    }
    expect(await count()).toBe(entriesBefore);
    expect(await drafts()).toBe(draftsBefore);
  });

  it("approval needs the approver's reasons", async () => {
    const child = demoChildId(14);
    as("sw1");
    const { entryId } = expectOk(await saveCarePlanDraftAction(form(child)));
    expectOk(await submitCarePlanAction({ childId: child, entryId, version: 1, lockVersion: 0 }));
    as("tm1");
    const result = await approveCarePlanAction({ childId: child, entryId, version: 1, lockVersion: 1, comment: "" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fieldErrors?.comment?.[0]).toMatch(/reasons/);
    expect((await planRows(child))[0]?.status).toBe("submitted");
  });
});

describe("two people on every care plan", () => {
  it("a team manager who submitted a version cannot approve it; another manager's approval is needed", async () => {
    const child = demoChildId(17); // North: tm1 manages it, no plan yet in this file
    as("tm1");
    const saved = expectOk(await saveCarePlanDraftAction(form(child)));
    expectOk(
      await submitCarePlanAction({
        childId: child,
        entryId: saved.entryId,
        version: 1,
        lockVersion: saved.lockVersion,
      }),
    );
    const [row] = await planRows(child);
    const result = await approveCarePlanAction({
      childId: child,
      entryId: saved.entryId,
      version: 1,
      lockVersion: row?.lockVersion ?? 0,
      comment: "Approving the plan I submitted myself",
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: "forbidden:action", message: expect.stringMatching(/another team manager must approve/) },
    });
    const [after] = await planRows(child);
    expect(after?.status).toBe("submitted");
  });
});

describe("the Independent Reviewing Officer the plan names (reg 5(d))", () => {
  it("is stored with the version when it is submitted, and stays with it when the child's IRO changes", async () => {
    const child = demoChildId(19); // North, tm1's team; no plan in the demo (every fourth child has none)
    const [allocated] = await demo.handle.db
      .select({ id: users.id, name: users.name })
      .from(children)
      .innerJoin(users, eq(users.id, children.iroId))
      .where(eq(children.id, child));
    if (!allocated) throw new Error("child 19 has no IRO in the demo");
    as("tm1");
    const saved = expectOk(await saveCarePlanDraftAction(form(child)));
    const draft = await getCarePlanVersion(demo.handle.db, actor("tm1"), await accessFor("tm1", child), 1);
    expect(draft?.version.namedIro).toBeNull();
    const submitted = expectOk(
      await submitCarePlanAction({
        childId: child,
        entryId: saved.entryId,
        version: 1,
        lockVersion: saved.lockVersion,
      }),
    );
    expect(submitted.namedIro).toEqual(allocated);
    const [row] = await planRows(child);
    expect(row?.data.namedIro).toEqual(allocated);
    expect((await lastEvent("tm1"))?.detail).toMatchObject({ version: 1, iroId: allocated.id });

    // Another IRO is allocated afterwards: the submitted version still names the one it was submitted with.
    const other = allocated.id === demoUserId("iro1") ? demoUserId("iro2") : demoUserId("iro1");
    await demo.handle.db.update(children).set({ iroId: other }).where(eq(children.id, child));
    try {
      const read = await getCarePlanVersion(demo.handle.db, actor("tm1"), await accessFor("tm1", child), 1);
      expect(read?.version.namedIro).toEqual(allocated);
      expect(read?.plan.iroName).not.toBe(allocated.name);
      // And the database refuses to change the name on a version that has left draft.
      const refused = await demo.handle.db
        .update(recordEntries)
        .set({ data: { ...row?.data, namedIro: { id: other, name: "Someone else" } } })
        .where(eq(recordEntries.id, row?.id ?? ""))
        .then(
          () => null,
          (error: unknown) => error,
        );
      expect(databaseErrorCode(refused)).toBe("immutable:version");
    } finally {
      await demo.handle.db.update(children).set({ iroId: allocated.id }).where(eq(children.id, child));
    }
  });

  it("is not carried into the draft a manager returns: that draft names whoever is allocated when it is submitted", async () => {
    const child = demoChildId(19);
    const [row] = await planRows(child);
    as("tm1");
    expectOk(
      await returnCarePlanAction({
        childId: child,
        entryId: row?.entryId ?? "",
        version: 1,
        lockVersion: row?.lockVersion ?? 0,
        comment: "Say more about contact with the child's grandmother.",
      }),
    );
    const [returned, redraft] = await planRows(child);
    expect(returned?.data.namedIro).toBeDefined();
    expect(redraft?.status).toBe("draft");
    expect(redraft?.data.namedIro).toBeUndefined();
  });
});
