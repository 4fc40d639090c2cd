// Everyday use, through the portal's own actions, queries and routes: a new contact arrangement
// is a decision; a care plan draft may be incomplete but one submitted for approval has every
// statutory part and a named IRO; providers file only their own categories; the audit log
// filters, pages and exports (audited, formula-safe CSV); the records officer finds a child by
// name, reference or date of birth; a subject access view shows what is held and who looked.
import { randomUUID } from "node:crypto";
import { and, count, countDistinct, desc, eq, isNotNull, or, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { GET as exportAuditCsv } from "@/app/(portal)/audit/export/route";
import {
  adoptionMilestones,
  allocations,
  auditEvents,
  careLeaverContacts,
  childPeople,
  children,
  iroDisputes,
  iroMonitoringNotes,
  markerTasks,
  missingEpisodes,
  recordEntries,
  reviewRecommendations,
  reviewResponses,
  reviews,
  sameChildLinks,
  siblingLinks,
  uascStatuses,
} from "@/db/schema";
import { demoChildId, demoUserId, type DemoUserKey } from "@/scripts/seed/demo";
import { childAccess, type ChildAccess } from "@/lib/access";
import { authorizedView } from "@/lib/access/view";
import { auditCsv, csvSafe } from "@/lib/audit/export";
import { listAuditEvents } from "@/lib/audit/queries";
import { parseAuditFilters } from "@/lib/audit/schemas";
import { getSubjectAccess, SUBJECT_ACCESS_SHORT_LIST } from "@/lib/audit/subject-access";
import { createChildAction, markSameChildAction } from "@/lib/children/actions";
import { recordSharedEntryAction } from "@/lib/duplicates/actions";
import { addPersonAction } from "@/lib/people/actions";
import { raiseDisputeAction, writeMonitoringNoteAction } from "@/lib/reviews/actions";
import { respondToReview } from "@/lib/reviews/commands";
import { searchChildren } from "@/lib/break-glass/queries";
import { saveCarePlanDraftAction, submitCarePlanAction } from "@/lib/care-plans/actions";
import { listAwaitingApproval } from "@/lib/care-plans/queries";
import { listCaseload } from "@/lib/children/queries";
import { sectionRefusal } from "@/lib/children/refusal";
import { uploadHref, type UploadDocumentResult } from "@/lib/documents/schemas";
import { receiveUpload } from "@/lib/documents/upload";
import { getChronology } from "@/lib/records/chronology";
import { createEntryAction } from "@/lib/records/actions";
import { blankFormValues } from "@/lib/records/format";
import { parentViewText } from "@/lib/sections";
import { formatUkDate, todayIso } from "@/lib/dates";
import { carePlanForm, expectOk } from "../helpers/care-plans";
import { useDemoAuthority } from "../helpers/demo";
import { entryInput } from "../helpers/entries";

const demo = useDemoAuthority();
const db = () => demo.handle.db;
const accessOf = async (key: DemoUserKey, childId: string) =>
  (await childAccess(db(), demo.actor(key), childId)) as ChildAccess;
const referenceOf = async (childId: string) =>
  (await db().select({ r: children.reference }).from(children).where(eq(children.id, childId)))[0]?.r ?? "";
const decisionsOn = async (childId: string) =>
  db()
    .select()
    .from(recordEntries)
    .where(and(eq(recordEntries.childId, childId), eq(recordEntries.section, "decisions")))
    .orderBy(desc(recordEntries.createdAt));

describe("a new contact arrangement", () => {
  it("records a decision with who decided, why and the child's views", async () => {
    demo.as("sw1");
    const child = demoChildId(0);
    const input = entryInput(child, "contact", 7);
    input.data.reasons = "Weekly contact keeps her bond with her brother (fictional)";
    const created = expectOk(await createEntryAction("contact", input));
    const [decision] = await decisionsOn(child);
    expect(decision?.title).toBe(`Contact arrangement made: ${input.title}`);
    expect(decision?.data).toMatchObject({
      decidedBy: demo.actor("sw1").name,
      reasons: "Weekly contact keeps her bond with her brother (fictional)",
      relatesTo: { section: "contact", entryId: created.entryId },
    });
  });

  it("is refused, with no decision, when called directly with another team's child", async () => {
    demo.as("sw1");
    const other = demoChildId(30);
    const before = (await decisionsOn(other)).length;
    expect(await createEntryAction("contact", entryInput(other, "contact", 8))).toMatchObject({
      ok: false,
      error: { code: "forbidden:child" },
    });
    expect((await decisionsOn(other)).length).toBe(before);
  });
});

describe("a new visit", () => {
  it("starts with Visited by filled in with the signed-in worker", () => {
    expect(blankFormValues("visits", "Sam Worker").data.visitor).toBe("Sam Worker");
    expect(blankFormValues("health", "Sam Worker").data.assessor).toBe("");
  });

  it("says what is missing in words written for a person", async () => {
    demo.as("sw1");
    const input = entryInput(demoChildId(0), "visits", 9);
    input.data.visitor = "";
    input.data.seenAlone = "";
    const result = await createEntryAction("visits", input);
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: {
        "data.visitor": ["Enter the name of the person who visited the child"],
        "data.seenAlone": ["Select whether the child was seen alone"],
      },
    });
  });
});

describe("the care plan's statutory parts", () => {
  // Child 3 (North, allocated to the North team) has no care plan in the demo.
  const child = demoChildId(3);

  it("saves an incomplete draft, refuses to submit it and names each missing part", async () => {
    demo.as("tm1");
    const saved = expectOk(
      await saveCarePlanDraftAction(
        carePlanForm(child, { healthPlan: "", identity: "", childViews: { status: "", text: "" }, parentViews: [] }),
      ),
    );
    const submitted = await submitCarePlanAction({ childId: child, ...saved });
    expect(submitted).toMatchObject({ ok: false, error: { code: "invalid:input" } });
    if (submitted.ok) return;
    expect(Object.keys(submitted.fieldErrors ?? {})).toEqual(
      // Parents' views are asked of each linked parent with parental responsibility (people-and-carers.test.ts).
      expect.arrayContaining(["healthPlan", "identity", "childViews.status"]),
    );
    expect(submitted.fieldErrors?.healthPlan).toEqual(["Enter the health plan"]);
  });

  it("refuses a complete plan while the child has no IRO to name, and submits it once one is allocated", async () => {
    demo.as("tm1");
    // The draft left by the test before, now completed.
    const [draft] = await db()
      .select()
      .from(recordEntries)
      .where(
        and(eq(recordEntries.childId, child), eq(recordEntries.section, "carePlan"), eq(recordEntries.status, "draft")),
      );
    expect(draft).toBeDefined();
    if (!draft) return;
    const complete = expectOk(
      await saveCarePlanDraftAction(
        carePlanForm(child, { entryId: draft.entryId, version: draft.version, lockVersion: draft.lockVersion }),
      ),
    );
    const [{ iroId } = { iroId: null }] = await db()
      .select({ iroId: children.iroId })
      .from(children)
      .where(eq(children.id, child));
    await db().update(children).set({ iroId: null }).where(eq(children.id, child));
    const refused = await submitCarePlanAction({ childId: child, ...complete });
    expect(refused).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining("Independent Reviewing Officer") },
    });
    await db().update(children).set({ iroId }).where(eq(children.id, child));
    expectOk(await submitCarePlanAction({ childId: child, ...complete }));
    // It now waits on the team manager's landing page (for another manager: tm1 submitted it).
    const waiting = await listAwaitingApproval(db(), demo.actor("tm1"));
    expect(waiting.map((w) => w.childId)).toContain(child);
    expect(await listAwaitingApproval(db(), demo.actor("sw1"))).toEqual([]);
  });

  it("is refused when submitted directly for another team's child", async () => {
    demo.as("tm1");
    const result = await submitCarePlanAction({
      childId: demoChildId(30),
      entryId: randomUUID(),
      version: 1,
      lockVersion: 0,
    });
    expect(result).toMatchObject({ ok: false, error: { code: "forbidden:child" } });
  });
});

describe("words, not codes", () => {
  it("the chronology names episodes of care in words with the SSDA903 code beside", async () => {
    const access = await accessOf("sw1", demoChildId(0));
    const chronology = await getChronology(db(), demo.actor("sw1"), access, { section: "episodes" });
    const started = chronology.items.find((i) => i.kind === "episode" && i.title.startsWith("Episode of care started"));
    expect(started?.title).toMatch(/^Episode of care started: .+ \([A-Z0-9]+\)$/);
    expect(started?.detail).toMatch(/^Legal status: .+ \([A-Z0-9]+\)\. Placement: .+ \([A-Z0-9]+\)\.$/);
  });

  it("a parent's views read as a sentence, without repeating the relationship", () => {
    expect(
      parentViewText({ name: "Mother (fictional)", relationship: "mother", status: "given", text: "Agrees." }),
    ).toBe("Mother (fictional): Agrees.");
    expect(parentViewText({ name: "Sam Doe", relationship: "father", status: "sought_not_given", text: "" })).toBe(
      "Sam Doe (father): views sought but not given",
    );
  });

  it("refusals say what is true for someone who may open the record", () => {
    expect(sectionRefusal("provider", "chronology", "read").title).toBe(
      "This section is not shared with your organisation",
    );
    expect(sectionRefusal("iro", "assessments", "write").title).toBe(
      "You can read this record but not add to this section",
    );
  });
});

describe("providers' documents", () => {
  it("a provider may not file a court order, but may file a visit", async () => {
    demo.as("prov1");
    const post = async (category: string) => {
      const body = new FormData();
      const fields = {
        title: `Provider ${category}`,
        category,
        confidentiality: "standard",
        childProperty: "false",
        inProgressFile: "false",
        documentDate: "03/02/2026",
        idempotencyKey: randomUUID(),
      };
      for (const [k, v] of Object.entries(fields)) body.set(k, v);
      body.set("file", new File([`hello ${category}`], `${category}.txt`, { type: "text/plain" }));
      const request = new Request(`http://portal.test${uploadHref(demoChildId(0))}`, {
        method: "POST",
        headers: { "sec-fetch-site": "same-origin" },
        body,
      });
      return (await (await receiveUpload(request, demoChildId(0))).json()) as UploadDocumentResult;
    };
    expect(await post("court_order")).toMatchObject({ ok: false, fieldErrors: { category: [expect.any(String)] } });
    expect((await post("visit")).ok).toBe(true);
  });
});

describe("searching for a child", () => {
  it("the caseload finds a child by reference and by date of birth", async () => {
    const sw1 = demo.actor("sw1");
    const reference = await referenceOf(demoChildId(0));
    const byReference = await listCaseload(db(), sw1, { search: reference.toLowerCase() });
    expect(byReference.items.map((c) => c.id)).toContain(demoChildId(0));
    const [row] = await db()
      .select({ dob: children.dateOfBirth })
      .from(children)
      .where(eq(children.id, demoChildId(0)));
    const uk = `${row?.dob.slice(8, 10)}/${row?.dob.slice(5, 7)}/${row?.dob.slice(0, 4)}`;
    const byBirth = await listCaseload(db(), sw1, { search: uk });
    expect(byBirth.items.map((c) => c.id)).toContain(demoChildId(0));
    expect(byBirth.items.every((c) => c.dateOfBirth === row?.dob)).toBe(true);
  });

  it("the records officer's search answers only name, reference and date of birth, across teams", async () => {
    const reference = await referenceOf(demoChildId(30));
    const found = await searchChildren(db(), reference);
    expect(found.items).toHaveLength(1);
    expect(Object.keys(found.items[0] ?? {}).sort()).toEqual(["dateOfBirth", "id", "name", "reference"]);
    expect((await searchChildren(db(), "a")).items).toEqual([]);
  });

  it("only the records officer may search", async () => {
    demo.as("ro");
    expect((await authorizedView("child.search")).ok).toBe(true);
    demo.as("tm1");
    expect(await authorizedView("child.search")).toMatchObject({ ok: false, refusal: "permission" });
  });
});

describe("the audit log", () => {
  it("filters by action, person, outcome, child and dates, and pages both ways", async () => {
    demo.as("sw1");
    await authorizedView("visits.view", demoChildId(0));
    await authorizedView("visits.view", demoChildId(30)); // refused: another team's child
    const reference = await referenceOf(demoChildId(0));
    const { filters } = parseAuditFilters({ action: "visits.view", user: "social.worker@demo", child: reference });
    const page = await listAuditEvents(db(), { filters });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((e) => e.action === "visits.view" && e.childId === demoChildId(0))).toBe(true);
    const refused = await listAuditEvents(db(), {
      filters: { ...filters, child: "", outcome: "refused" },
    });
    expect(refused.items.map((e) => e.childId)).toContain(demoChildId(30));
    const uk = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
    const today = parseAuditFilters({ action: "visits.view", from: uk(todayIso()), to: uk(todayIso()) }).filters;
    expect((await listAuditEvents(db(), { filters: today })).items.length).toBeGreaterThan(0);
    const longAgo = parseAuditFilters({ action: "visits.view", from: "01/01/2001", to: "31/12/2001" }).filters;
    expect((await listAuditEvents(db(), { filters: longAgo })).items).toEqual([]);
    // Pages of two: older, then newer again, give back the same events.
    const first = await listAuditEvents(db(), { pageSize: 2 });
    const older = await listAuditEvents(db(), { pageSize: 2, before: first.nextBefore });
    expect(older.items[0]?.id).toBeLessThan(first.items[1]?.id ?? 0);
    const back = await listAuditEvents(db(), { pageSize: 2, after: older.prevAfter });
    expect(back.items.map((e) => e.id)).toEqual(first.items.map((e) => e.id));
  });

  it("refuses a date that is not real, with a message", () => {
    expect(parseAuditFilters({ from: "31/02/2026" }).problems).toEqual([
      { field: "from", message: "The date from must be a real date, like 27/03/2026" },
    ]);
  });

  it("writes CSV that a spreadsheet shows as text, never runs as a formula", () => {
    expect(csvSafe('=HYPERLINK("http://example.invalid")')).toBe(`'=HYPERLINK("http://example.invalid")`);
    expect(csvSafe("+1")).toBe("'+1");
    expect(csvSafe("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvSafe("Jo Bloggs")).toBe("Jo Bloggs");
    const text = auditCsv(
      [
        {
          id: 1,
          occurredAt: new Date("2026-11-01T10:00:00Z"),
          action: "child.search",
          outcome: "allowed",
          flagged: false,
          childId: null,
          childReference: null,
          actorName: "=cmd|' /C calc'!A0",
          actorEmail: "ro@demo.invalid",
          subjectName: null,
          detail: { search: '-2+3, "quoted"' },
        },
      ],
      true,
    );
    const rows = parse(text) as string[][];
    expect(rows[0]?.[0]).toBe("When (UK time)");
    expect(rows[1]?.[3]).toBe("'=cmd|' /C calc'!A0");
    expect(rows[1]?.[5]).toBe("Searched for a child");
    expect(rows[1]?.[11]).toBe('{"search":"-2+3, \\"quoted\\""}');
  });

  it("exports a filtered view as CSV for the records officer only, and audits the export", async () => {
    demo.as("ro");
    const response = await exportAuditCsv(
      new Request("http://portal.test/audit/export?action=visits.view&outcome=allowed"),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const rows = parse((await response.text()).replace(/^\uFEFF/, "")) as string[][];
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.slice(1).every((r) => r[6] === "visits.view" && r[7] === "allowed")).toBe(true);
    const [event] = await db()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "audit.export"))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(event).toMatchObject({ actorId: demoUserId("ro"), outcome: "allowed", flagged: true });
    expect(event?.detail).toMatchObject({ filters: { action: "visits.view", outcome: "allowed" } });
    demo.as("tm1");
    expect((await exportAuditCsv(new Request("http://portal.test/audit/export"))).status).toBe(404);
  });

  it("a subject access view lists what is held on a child and who has looked at it", async () => {
    demo.as("ro");
    const view = await authorizedView("audit.subjectAccess", demoChildId(0));
    expect(view.ok).toBe(true);
    const held = await getSubjectAccess(db(), demoChildId(0));
    expect(held?.entries.length).toBeGreaterThan(0);
    expect(held?.lookers.map((l) => l.actorId)).toContain(demoUserId("sw1"));
    const sw1 = held?.lookers.find((l) => l.actorId === demoUserId("sw1"));
    expect(sw1?.views).toBeGreaterThan(0);
    demo.as("sw1");
    expect(await authorizedView("audit.subjectAccess", demoChildId(0))).toMatchObject({
      ok: false,
      refusal: "permission",
    });
    const count = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "audit.subjectAccess"), eq(auditEvents.outcome, "refused")));
    expect(count[0]?.n).toBeGreaterThan(0);
  });

  it("a subject access view counts and lists reviews, the IRO's work, people, siblings, missing periods, markers, allocations, UASC, care leaving, adoption and duplicates", async () => {
    // Child 2 (North: sw1, tm1, IRO iro1) and its sibling 3 get what the demo does not seed.
    const child = demoChildId(2);
    demo.as("iro1");
    expectOk(
      await writeMonitoringNoteAction({ childId: child, note: "Spoke to the social worker about school (fictional)" }),
    );
    expectOk(
      await raiseDisputeAction({
        childId: child,
        concern: "The plan says nothing about contact with her grandmother (fictional)",
      }),
    );
    demo.as("sw1");
    expectOk(
      await addPersonAction({
        childId: child,
        firstName: "Rhea",
        lastName: "Subjectwood (fictional)",
        address: "",
        phone: "",
        email: "",
        relationship: "grandparent",
        relationshipDetail: "",
        parentalResponsibility: false,
        startDate: "01/02/2025",
      }),
    );
    demo.as("tm1");
    expectOk(
      await recordSharedEntryAction({
        childId: child,
        kind: "joint_meeting",
        occurredOn: formatUkDate(todayIso()),
        title: "Sibling meeting at the family centre (fictional)",
        details: "Both children met their grandmother (fictional).",
        copies: [
          { childId: child, place: true, confidentiality: "standard" },
          { childId: demoChildId(3), place: true, confidentiality: "standard" },
        ],
      }),
    );
    demo.as("sw1");
    const copy = expectOk(
      await createChildAction({
        firstName: "Quentin",
        lastName: "Subjectwood (fictional)",
        preferredName: "",
        dateOfBirth: "03/03/2015",
        sex: "M",
        ethnicity: "WBRI",
        upn: "UN4",
        familyAddress: "",
        notDuplicateReason: "",
      }),
    );
    demo.as("ro");
    expectOk(
      await markSameChildAction({
        childId: copy.childId,
        inUseChildId: child,
        reason: "Opened again at a second referral by mistake (fictional)",
      }),
    );
    // A team manager's response to child 20's latest signed-off review, given inside its window.
    const busy = demoChildId(20);
    const [signed] = await db()
      .select()
      .from(reviews)
      .where(and(eq(reviews.childId, busy), eq(reviews.status, "signed_off"), isNotNull(reviews.signedOffAt)))
      .orderBy(desc(reviews.signedOffAt))
      .limit(1);
    if (!signed?.signedOffAt) throw new Error("the demo has no signed-off review for child 20");
    const signedOffAt = signed.signedOffAt;
    // PGlite has one connection: the access is read before the transaction takes it.
    const managerAccess = await accessOf("tm1", busy);
    await db().transaction(async (tx) =>
      respondToReview(
        tx,
        demo.actor("tm1"),
        managerAccess,
        { reviewId: signed.reviewId, response: "agree", comment: "Agreed with the review's decisions (fictional)" },
        signedOffAt,
      ),
    );

    const countOf = async (table: PgTable, column: PgColumn, childId: string, what: unknown = count()) =>
      Number(
        (
          await db()
            .select({ n: what as ReturnType<typeof count> })
            .from(table)
            .where(eq(column, childId))
        )[0]?.n ?? 0,
      );
    const cases = [
      [busy, "reviews", reviews, reviews.childId, countDistinct(reviews.reviewId)],
      [busy, "recommendations", reviewRecommendations, reviewRecommendations.childId],
      [busy, "responses", reviewResponses, reviewResponses.childId],
      [child, "monitoringNotes", iroMonitoringNotes, iroMonitoringNotes.childId],
      [child, "disputes", iroDisputes, iroDisputes.childId],
      [child, "people", childPeople, childPeople.childId],
      [child, "siblings", siblingLinks, siblingLinks.childId],
      [
        child,
        "duplicateEntries",
        recordEntries,
        recordEntries.childId,
        countDistinct(recordEntries.entryId),
        "duplicates",
      ],
      [demoChildId(27), "missing", missingEpisodes, missingEpisodes.childId],
      [demoChildId(6), "markerTasks", markerTasks, markerTasks.childId],
      [demoChildId(23), "allocations", allocations, allocations.childId],
      [demoChildId(39), "uasc", uascStatuses, uascStatuses.childId],
      [
        demoChildId(39),
        "careLeaverContacts",
        careLeaverContacts,
        careLeaverContacts.childId,
        countDistinct(careLeaverContacts.age),
      ],
      [
        demoChildId(28),
        "adoptionMilestones",
        adoptionMilestones,
        adoptionMilestones.childId,
        sql<number>`least(count(*), 1)`,
      ],
    ] as const;
    for (const [childId, kind, table, column, what, section] of cases) {
      const held = await getSubjectAccess(db(), childId);
      const expected = section
        ? Number(
            (
              await db()
                .select({ n: countDistinct(recordEntries.entryId) })
                .from(recordEntries)
                .where(and(eq(recordEntries.childId, childId), eq(recordEntries.section, section)))
            )[0]?.n ?? 0,
          )
        : await countOf(table, column, childId, what);
      expect(expected, `the demo or this test holds some ${kind}`).toBeGreaterThan(0);
      expect(held?.[kind].count, kind).toBe(expected);
      expect(held?.[kind].items.length, kind).toBe(Math.min(expected, SUBJECT_ACCESS_SHORT_LIST));
    }

    const held = await getSubjectAccess(db(), child);
    expect(held?.monitoringNotes.items[0]?.note).toContain("about school");
    expect(held?.disputes.items[0]).toMatchObject({ stages: 1, resolvedAt: null });
    expect(held?.people.items.map((p) => p.lastName)).toContain("Subjectwood (fictional)");
    expect(held?.siblings.items.map((s) => s.reference)).toContain(await referenceOf(demoChildId(3)));
    expect(held?.duplicateEntries.items[0]).toMatchObject({
      title: "Sibling meeting at the family centre (fictional)",
    });
    expect(held?.sameChild.items).toEqual([expect.objectContaining({ inUse: true, otherReference: copy.reference })]);
    const closed = await getSubjectAccess(db(), copy.childId);
    expect(closed?.sameChild.items).toEqual([
      expect.objectContaining({ inUse: false, otherReference: await referenceOf(child) }),
    ]);
    const sameChildRows = await db()
      .select({ n: count() })
      .from(sameChildLinks)
      .where(or(eq(sameChildLinks.inUseChildId, child), eq(sameChildLinks.sealedChildId, child)));
    expect(held?.sameChild.count).toBe(sameChildRows[0]?.n);
    const responded = await getSubjectAccess(db(), busy);
    expect(responded?.responses.items).toEqual([
      expect.objectContaining({ reviewId: signed.reviewId, response: "agree", byName: demo.actor("tm1").name }),
    ]);
    // Reviews appear once each, as their latest version.
    expect(new Set(responded?.reviews.items.map((r) => r.reviewId)).size).toBe(responded?.reviews.items.length);
    const adoption = await getSubjectAccess(db(), demoChildId(28));
    expect(adoption?.adoptionMilestones.items[0]?.versions).toBe(2);
  });
});
