// A child's review through the server actions, as the IRO runs it: scheduled, moved with a reason,
// recorded with the child's views and participation (checked against age), signed off with a
// recommendation that reaches its owner's work tray and the decision trail, the report filed as a
// PDF that reads back with the child's name, the date and the recommendation; amended only with a
// reason; the team manager's response; and the refusals for everyone else.
import { and, desc, eq } from "drizzle-orm";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { children, documents, recordEntries, reviewRecommendations, reviews } from "@/db/schema";
import { formatUkDateTime } from "@/lib/dates";
import { parentViewText } from "@/lib/sections";
import { blobStore } from "@/lib/documents/storage";
import {
  amendReviewAction,
  closeRecommendationAction,
  moveReviewAction,
  recordReviewAction,
  respondToReviewAction,
  scheduleReviewAction,
  signOffReviewAction,
} from "@/lib/reviews/actions";
import { addPersonAction } from "@/lib/people/actions";
import { participationBreach } from "@/lib/reviews/commands";
import { workTray } from "@/lib/work/queries";
import { demoChildId } from "@/scripts/seed/demo";
import { expectOk } from "../helpers/care-plans";
import { useDemoAuthority } from "../helpers/demo";

const demo = useDemoAuthority();
// Child 14: North, social worker sw1, IRO iro1 (even children), team manager tm1.
const CHILD = demoChildId(14);
const day = (ago: number) => formatUkDateTime(new Date(Date.now() - ago * 86400_000)).split(" ")[0] ?? "";
const at = (ago: number) => ({ date: day(ago), time: "10:30" });

const record = (reviewId: string, baseVersion: number, over: Record<string, unknown> = {}) => ({
  childId: CHILD,
  reviewId,
  baseVersion,
  heldOn: day(1),
  participation: "PN1",
  attendees: "The child\nMorgan Ellis (demo)\nThe foster carers (fictional)",
  consultation: "Consultation forms returned by the child and the carers (fictional).",
  spokeToChild: "Met the child at school the week before (fictional).",
  childViews: { who: "", status: "given", text: "I want to stay with my carers and see my brother more (fictional)." },
  parentViews: [],
  carerViews: { who: "The foster carers (fictional)", status: "given", text: "Settled and doing well (fictional)." },
  socialWorkerViews: { who: "Alex Rowan (demo)", status: "given", text: "The plan is working (fictional)." },
  carePlanAssessment: "The care plan meets the child's needs (fictional).",
  progressAssessment: "Good progress at school since the last review (fictional).",
  ...over,
});

describe("a review from scheduling to sign-off", () => {
  it("the IRO schedules, moves, records and signs it off; the recommendation reaches its owner", async () => {
    demo.as("iro1");
    const { reviewId } = expectOk(
      await scheduleReviewAction({
        childId: CHILD,
        at: at(3),
        venue: "The foster home (fictional)",
        invited: ["child"],
        invitees: "The child's advocate (fictional)",
      }),
    );
    expect(await scheduleReviewAction({ childId: CHILD, at: at(2), venue: "Elsewhere", invitees: "" })).toMatchObject({
      ok: false,
      fieldErrors: { at: [expect.stringMatching(/already scheduled/)] },
    });
    expectOk(
      await moveReviewAction({ childId: CHILD, reviewId, baseVersion: 1, at: at(1), reason: "The child was unwell" }),
    );
    // A stale base version is refused, not overwritten.
    expect(await recordReviewAction(record(reviewId, 1))).toMatchObject({
      ok: false,
      error: { code: "conflict:version" },
    });
    // Participation must fit the child's age: this child is well over 4.
    expect(await recordReviewAction(record(reviewId, 2, { participation: "PN0" }))).toMatchObject({
      ok: false,
      fieldErrors: { participation: [expect.stringMatching(/under 4/)] },
    });
    expect(
      await recordReviewAction(record(reviewId, 2, { childViews: { who: "", status: "given", text: "" } })),
    ).toMatchObject({
      ok: false,
      fieldErrors: { "childViews.text": [expect.any(String)] },
    });
    expectOk(await recordReviewAction(record(reviewId, 2)));

    const [scheduled] = await demo.handle.db.select().from(reviews).where(eq(reviews.reviewId, reviewId)).limit(1);
    expect(scheduled?.invitees).toEqual([expect.stringMatching(/\(the child\)$/), "The child's advocate (fictional)"]);

    const sw1 = demo.actor("sw1");
    const signed = expectOk(
      await signOffReviewAction({
        childId: CHILD,
        reviewId,
        baseVersion: 3,
        items: [
          {
            kind: "recommendation",
            text: "Arrange fortnightly contact with the child's brother",
            ownerId: sw1.id,
            dueDate: day(-20),
          },
          {
            kind: "decision",
            text: "The child stays in the current placement",
            ownerId: demo.actor("tm1").id,
            dueDate: day(-5),
          },
        ],
      }),
    );
    const versions = await demo.handle.db
      .select()
      .from(reviews)
      .where(eq(reviews.reviewId, reviewId))
      .orderBy(reviews.version);
    expect(versions.map((v) => [v.version, v.status, v.supersededAt === null])).toEqual([
      [1, "scheduled", false],
      [2, "scheduled", false],
      [3, "recorded", false],
      [4, "signed_off", true],
    ]);
    expect(versions[1]?.postponedReason).toBe("The child was unwell");

    // On the decision trail, and on the owner's work tray.
    const decisions = await demo.handle.db
      .select({ title: recordEntries.title, data: recordEntries.data })
      .from(recordEntries)
      .where(and(eq(recordEntries.childId, CHILD), eq(recordEntries.section, "decisions")));
    expect(decisions.map((d) => d.title)).toEqual(expect.arrayContaining(["Review recommendation", "Review decision"]));
    const tray = await workTray(demo.handle.db, sw1);
    expect(tray.owned.map((i) => i.title)).toContain(
      "Review recommendation: Arrange fortnightly contact with the child's brother",
    );

    // The report: a PDF in the documents, readable, naming the child, the date and the recommendation.
    const [doc] = await demo.handle.db.select().from(documents).where(eq(documents.id, signed.documentId));
    expect(doc).toMatchObject({ category: "review_report", confidentiality: "restricted" });
    const blob = await blobStore().get(doc?.blobSha256 ?? "", demo.handle.db);
    const chunks: Uint8Array[] = [];
    const reader = blob?.stream().getReader();
    for (;;) {
      const next = await reader?.read();
      if (!next || next.done) break;
      chunks.push(next.value);
    }
    const bytes = new Uint8Array(Buffer.concat(chunks));
    const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
    const [child] = await demo.handle.db.select().from(children).where(eq(children.id, CHILD));
    expect(text).toContain(`${child?.firstName} ${child?.lastName}`);
    expect(text).toContain(`Review held on ${day(1)}`);
    expect(text).toContain("Arrange fortnightly contact with the child's brother");
    // Each person's role is said once: "The child", not "The child (child)".
    expect(text).toContain("Alex Rowan (demo) (social worker)");
    expect(text).toContain("The foster carers (fictional)");
    expect(text).not.toMatch(/\((?:child|carer|parent|social worker)\)\s*\((?:child|carer|parent|social worker)\)/);
    expect(text).not.toContain("The child (child)");
    expect(text).not.toContain("(fictional) (carer)");

    // Final once signed off: recording again is refused; a correction needs a reason.
    expect(await recordReviewAction(record(reviewId, 4))).toMatchObject({
      ok: false,
      error: { code: "immutable:version" },
    });
    expect(await amendReviewAction({ ...record(reviewId, 4), amendReason: "" })).toMatchObject({
      ok: false,
      fieldErrors: { amendReason: [expect.any(String)] },
    });
    expectOk(
      await amendReviewAction({
        ...record(reviewId, 4, { attendees: "The child\nThe carers" }),
        amendReason: "Attendance list corrected",
      }),
    );

    // The team manager responds once; the owner records what came of the recommendation, once.
    demo.as("tm1");
    expectOk(
      await respondToReviewAction({ childId: CHILD, reviewId, response: "agree", comment: "Agreed with the plan" }),
    );
    expect(
      await respondToReviewAction({ childId: CHILD, reviewId, response: "contest", comment: "Changed my mind" }),
    ).toMatchObject({
      ok: false,
    });
    const [rec] = await demo.handle.db
      .select()
      .from(reviewRecommendations)
      .where(and(eq(reviewRecommendations.reviewId, reviewId), eq(reviewRecommendations.kind, "recommendation")));
    demo.as("sw1");
    expectOk(
      await closeRecommendationAction({
        childId: CHILD,
        recommendationId: rec?.id ?? "",
        status: "done",
        outcome: "Contact arranged",
      }),
    );
    expect(
      await closeRecommendationAction({
        childId: CHILD,
        recommendationId: rec?.id ?? "",
        status: "not_done",
        outcome: "Again",
      }),
    ).toMatchObject({ ok: false });
    expect((await workTray(demo.handle.db, sw1)).owned.some((i) => i.key === rec?.id)).toBe(false);
  });

  it("invites and hears the people on the child's record, never someone typed in as a parent", async () => {
    // Child 18: North, sw1, iro1. A mother with parental responsibility is linked to the record.
    const child = demoChildId(18);
    demo.as("sw1");
    const mother = expectOk(
      await addPersonAction({
        childId: child,
        firstName: "Kerry",
        lastName: "Invitetest (fictional)",
        relationship: "mother",
        parentalResponsibility: true,
        startDate: "01/06/2025",
      }),
    ).personId;
    const other = expectOk(
      await addPersonAction({
        childId: demoChildId(16),
        firstName: "Someone",
        lastName: "Else (fictional)",
        relationship: "aunt_or_uncle",
        startDate: "01/06/2025",
      }),
    ).personId;

    demo.as("iro1");
    const schedule = (invited: string[], invitees = "") =>
      scheduleReviewAction({ childId: child, at: at(2), venue: "The school (fictional)", invited, invitees });
    // Another child's person is not one of this child's choices; nobody at all is not an invitation.
    expect(await schedule(["child", `person:${other}`])).toMatchObject({
      ok: false,
      fieldErrors: { invited: [expect.stringMatching(/listed for this child/)] },
    });
    expect(await schedule([])).toMatchObject({ ok: false, fieldErrors: { invited: [expect.any(String)] } });
    const { reviewId } = expectOk(await schedule(["child", `person:${mother}`]));
    const [row] = await demo.handle.db.select().from(reviews).where(eq(reviews.reviewId, reviewId));
    expect(row?.invitees).toContain("Kerry Invitetest (fictional) (Mother, parental responsibility)");

    const recordFor = (parentViews: unknown[]) =>
      recordReviewAction({ ...record(reviewId, 1), childId: child, parentViews });
    // A parent with parental responsibility must be heard (or the attempt recorded).
    expect(await recordFor([])).toMatchObject({
      ok: false,
      fieldErrors: { parentViews: [expect.stringMatching(/Kerry Invitetest/)] },
    });
    expect(await recordFor([{ personId: other, status: "given", text: "Typed in (fictional)" }])).toMatchObject({
      ok: false,
      fieldErrors: { "parentViews.0.personId": [expect.any(String)] },
    });
    expectOk(await recordFor([{ personId: mother, status: "given", text: "Happy with the plan (fictional)." }]));
    const [recorded] = await demo.handle.db
      .select()
      .from(reviews)
      .where(and(eq(reviews.reviewId, reviewId), eq(reviews.version, 2)));
    expect(recorded?.views.filter((v) => v.role === "parent")).toEqual([
      {
        role: "parent",
        personId: mother,
        relationship: "Mother",
        who: "Kerry Invitetest (fictional) (Mother)",
        status: "given",
        text: "Happy with the plan (fictional).",
      },
    ]);
    // Signed off, the decision names the mother once, with her relationship: no "(parent)" added.
    expectOk(
      await signOffReviewAction({
        childId: child,
        reviewId,
        baseVersion: 2,
        items: [
          {
            kind: "decision",
            text: "Contact continues weekly (fictional)",
            ownerId: demo.actor("sw1").id,
            dueDate: day(-5),
          },
        ],
      }),
    );
    const [decision] = await demo.handle.db
      .select({ data: recordEntries.data })
      .from(recordEntries)
      .where(and(eq(recordEntries.childId, child), eq(recordEntries.section, "decisions")))
      .orderBy(desc(recordEntries.createdAt))
      .limit(1);
    const views = decision?.data.parentViews as Array<{ personId: string; name: string; relationship: string }>;
    expect(views.map((v) => parentViewText({ ...v, status: "given", text: "Happy" }))).toEqual([
      "Kerry Invitetest (fictional) (Mother): Happy",
    ]);
    expect(views[0]?.personId).toBe(mother);
  });

  it("refuses a social worker signing off, an IRO not allocated to the child, and a provider", async () => {
    for (const [key, code] of [
      ["sw1", "forbidden:action"],
      ["iro2", "forbidden:child"],
      ["prov1", "forbidden:action"],
      ["tm1", "forbidden:action"],
    ] as const) {
      demo.as(key);
      expect(
        await scheduleReviewAction({ childId: CHILD, at: at(0), venue: "Anywhere", invitees: "" }),
        key,
      ).toMatchObject({
        ok: false,
        error: { code },
      });
    }
    demo.as("sw1");
    expect(
      await signOffReviewAction({ childId: CHILD, reviewId: crypto.randomUUID(), baseVersion: 1, items: [] }),
    ).toMatchObject({ ok: false });
  });

  it("PN0 only under 4 on the day of the review, PN1 to PN7 only from 4", () => {
    expect(participationBreach("2023-01-10", "2027-01-09", "PN0")).toBeNull();
    expect(participationBreach("2023-01-10", "2027-01-10", "PN0")).toMatch(/under 4/);
    expect(participationBreach("2023-01-10", "2027-01-09", "PN1")).toMatch(/PN0/);
    expect(participationBreach("2023-01-10", "2027-01-10", "PN7")).toBeNull();
  });
});
