// A child's review, from scheduling to sign-off, as a chain of versions (lib/records/versions):
// scheduled (and moved, with the reason), recorded, signed off with its decisions and
// recommendations (each on the decision trail and, with an owner and a due date, on the owner's
// work tray), the report filed as a PDF in the documents tab, amended after sign-off only with a
// reason, and the team manager's response within the local window. Every function runs in the
// caller's transaction (the action wrapper adds the audit event) under the child's lock.
import { createHash } from "node:crypto";
import { differenceInYears, parseISO } from "date-fns";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import {
  children,
  reviewRecommendations,
  reviewResponses,
  reviews,
  users,
  type Review,
  type ReviewViews,
} from "@/db/schema";
import type { Actor, ChildAccess } from "@/lib/access";
import { authority } from "@/lib/authority";
import { lockChild } from "@/lib/children/lock";
import { formatUkDateTime, todayIso } from "@/lib/dates";
import { uploadDocument } from "@/lib/documents/commands";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { recordDecision } from "@/lib/records/commands";
import { lockChain, type VersionChain } from "@/lib/records/versions";
import { addWorkingDays } from "@/lib/timescales/calendar";
import { resolveParentViews } from "@/lib/people/commands";
import { parentName } from "@/lib/sections";
import { resolveInvitees } from "./invitees";
import { renderReviewReport } from "./report";
import type { RecordReviewInput } from "./schemas";
import { reviewViewsWho } from "./views";

const refuse = (field: string, message: string) => new AppError("invalid:input", message, { [field]: [message] });

type NewReviewVersion = Omit<typeof reviews.$inferInsert, "id" | "reviewId" | "version" | "childId">;

function reviewChain(childId: string, reviewId: string): VersionChain<Review, NewReviewVersion> {
  const ofChain = and(eq(reviews.reviewId, reviewId), eq(reviews.childId, childId));
  return {
    async lockAndRead(tx) {
      const [first] = await tx
        .select({ id: reviews.id })
        .from(reviews)
        .where(and(ofChain, eq(reviews.version, 1)))
        .for("update");
      if (!first) return [];
      return tx.select().from(reviews).where(ofChain).orderBy(asc(reviews.version));
    },
    async supersede(tx, latest) {
      await tx
        .update(reviews)
        .set({ supersededAt: new Date() })
        .where(and(eq(reviews.id, latest.id), isNull(reviews.supersededAt)));
    },
    async insert(tx, version, values) {
      const [row] = await tx
        .insert(reviews)
        .values({ ...values, reviewId, version, childId })
        .onConflictDoNothing({ target: [reviews.reviewId, reviews.version] })
        .returning();
      return row;
    },
  };
}

const stale = (current: Review) =>
  new AppError(
    "conflict:version",
    `Someone changed this review a moment ago (it is now version ${current.version}). Reload the page to see it.`,
  );

async function openChain(tx: Tx, access: ChildAccess, reviewId: string) {
  await lockChild(tx, access.childId);
  return lockChain(
    tx,
    reviewChain(access.childId, reviewId),
    () => new AppError("not-found", "That review could not be found."),
  );
}

/** Everything of a version but its identity, to carry into the next one. */
function carried(latest: Review): NewReviewVersion {
  const { id: _i, reviewId: _r, version: _v, childId: _c, createdAt: _a, supersededAt: _s, ...rest } = latest;
  return rest;
}

export async function scheduleReview(
  tx: Tx,
  actor: Actor,
  access: ChildAccess,
  input: { at: Date; venue: string; invited?: string[]; invitees: string[] },
) {
  await lockChild(tx, access.childId);
  const open = await tx
    .select({ status: reviews.status })
    .from(reviews)
    .where(
      and(
        eq(reviews.childId, access.childId),
        isNull(reviews.supersededAt),
        inArray(reviews.status, ["scheduled", "recorded"]),
      ),
    );
  if (open.length > 0)
    throw refuse("at", "A review is already scheduled for this child: move it, or record and sign it off first");
  const chosen = await resolveInvitees(tx, access.childId, input.invited ?? []);
  if (chosen.unknown.length > 0) throw refuse("invited", "Choose who is invited from the people listed for this child");
  const invitees = [...chosen.labels, ...input.invitees];
  if (invitees.length === 0) throw refuse("invited", "Choose at least one person to invite");
  const reviewId = crypto.randomUUID();
  const [row] = await tx
    .insert(reviews)
    .values({
      reviewId,
      version: 1,
      childId: access.childId,
      status: "scheduled",
      scheduledAt: input.at,
      venue: input.venue,
      invitees,
      createdBy: actor.id,
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return { reviewId, version: 1 };
}

/** A postponed or adjourned review: a new version with the new date and the reason. */
export async function moveReview(
  tx: Tx,
  actor: Actor,
  access: ChildAccess,
  input: { reviewId: string; baseVersion: number; at: Date; reason: string },
) {
  const chain = await openChain(tx, access, input.reviewId);
  if (chain.latest.status !== "scheduled") throw refuse("at", "Only a review not yet held can be moved");
  const row = await chain.append(
    { ...carried(chain.latest), scheduledAt: input.at, postponedReason: input.reason, createdBy: actor.id },
    { baseVersion: input.baseVersion, stale },
  );
  return { reviewId: row.reviewId, version: row.version };
}

/** PN0 only under 4 on the day of the review; PN1 to PN7 only from 4 (the Department's rule). */
export function participationBreach(dateOfBirth: string, heldOn: string, code: string): string | null {
  const age = differenceInYears(parseISO(heldOn), parseISO(dateOfBirth));
  if (code === "PN0" && age >= 4) return "PN0 is only for a child under 4 on the day of the review";
  if (code !== "PN0" && age < 4) return "A child under 4 on the day of the review is recorded as PN0";
  return null;
}

async function viewsOf(tx: Tx, access: ChildAccess, input: RecordReviewInput): Promise<ReviewViews[]> {
  // Each parent is one of the people linked to the child, and every parent with parental
  // responsibility is accounted for (views given, sought and not given, or not sought and why).
  const parents = await resolveParentViews(tx, access.childId, input.parentViews, { everyWithPr: true });
  return [
    { role: "child", ...input.childViews, who: input.childViews.who || "The child" },
    ...parents.map((p) => ({
      role: "parent" as const,
      personId: p.personId ?? undefined,
      relationship: p.relationship,
      who: parentName(p),
      status: p.status as ReviewViews["status"],
      text: p.text,
    })),
    { role: "carer", ...input.carerViews, who: input.carerViews.who || "Carer" },
    { role: "social_worker", ...input.socialWorkerViews, who: input.socialWorkerViews.who || "Social worker" },
  ];
}

async function recordedFields(tx: Tx, access: ChildAccess, input: RecordReviewInput, now: Date) {
  const [child] = await tx.select({ dob: children.dateOfBirth }).from(children).where(eq(children.id, access.childId));
  if (!child) throw new AppError("not-found");
  if (input.heldOn > todayIso(now)) throw refuse("heldOn", "Record a review once it has been held");
  if (input.heldOn < child.dob) throw refuse("heldOn", "The review cannot be before the child was born");
  const breach = participationBreach(child.dob, input.heldOn, input.participation);
  if (breach) throw refuse("participation", breach);
  return {
    heldOn: input.heldOn,
    participation: input.participation,
    attendees: input.attendees,
    consultation: input.consultation || null,
    spokeToChild: input.spokeToChild,
    views: await viewsOf(tx, access, input),
    carePlanAssessment: input.carePlanAssessment,
    progressAssessment: input.progressAssessment,
  };
}

export async function recordReview(
  tx: Tx,
  actor: Actor,
  access: ChildAccess,
  input: RecordReviewInput,
  now = new Date(),
) {
  const chain = await openChain(tx, access, input.reviewId);
  if (chain.latest.status === "signed_off")
    throw new AppError("immutable:version", "This review is signed off: correct it with an amendment and a reason.");
  const fields = await recordedFields(tx, access, input, now);
  const row = await chain.append(
    { ...carried(chain.latest), ...fields, status: "recorded", createdBy: actor.id },
    { baseVersion: input.baseVersion, stale },
  );
  return { reviewId: row.reviewId, version: row.version };
}

export async function signOffReview(
  tx: Tx,
  actor: Actor,
  access: ChildAccess,
  input: {
    reviewId: string;
    baseVersion: number;
    items: Array<{ kind: "decision" | "recommendation"; text: string; ownerId: string; dueDate: string }>;
  },
  now = new Date(),
) {
  const chain = await openChain(tx, access, input.reviewId);
  const latest = chain.latest;
  if (latest.status !== "recorded" || !latest.heldOn)
    throw refuse(
      "items",
      latest.status === "signed_off" ? "This review is already signed off" : "Record the review first",
    );
  const ownerIds = [...new Set(input.items.map((i) => i.ownerId))];
  const owners = await tx
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(
      and(
        inArray(users.id, ownerIds),
        eq(users.active, true),
        inArray(users.role, ["social_worker", "team_manager", "iro"]),
      ),
    );
  if (owners.length !== ownerIds.length) throw refuse("items", "Choose each owner from the list");
  const heldOn = latest.heldOn;
  input.items.forEach((item, i) => {
    if (item.dueDate < heldOn) throw refuse(`items.${i}.dueDate`, "It cannot be due before the review was held");
  });
  const row = await chain.append(
    { ...carried(latest), status: "signed_off", signedOffBy: actor.id, signedOffAt: now, createdBy: actor.id },
    { baseVersion: input.baseVersion, stale },
  );
  const ownerName = new Map(owners.map((o) => [o.id, o.name]));
  await tx.insert(reviewRecommendations).values(
    input.items.map((item) => ({
      reviewId: input.reviewId,
      childId: access.childId,
      kind: item.kind,
      text: item.text,
      ownerId: item.ownerId,
      dueDate: item.dueDate,
    })),
  );
  const childView = latest.views.find((v) => v.role === "child");
  const parentViews = latest.views
    .filter((v) => v.role === "parent")
    // `who` already names the relationship: the decision reads "Dana Ashdown (fictional) (Mother): …".
    .map((v) => ({
      personId: v.personId ?? null,
      name: v.who,
      relationship: v.relationship ?? "",
      status: v.status,
      text: v.text,
    }));
  for (const item of input.items) {
    await recordDecision(tx, actor, access.childId, {
      title: item.kind === "decision" ? "Review decision" : "Review recommendation",
      occurredOn: latest.heldOn,
      decision: item.text,
      decidedBy: `${actor.name} (Independent Reviewing Officer), at the review held ${latest.heldOn.split("-").reverse().join("/")}`,
      reasons: `Owner: ${ownerName.get(item.ownerId) ?? ""}; due by ${item.dueDate.split("-").reverse().join("/")}.`,
      childViews: { status: childView?.status ?? "not_sought", text: childView?.text ?? "" },
      parentViews,
    });
  }
  const documentId = await fileReport(
    tx,
    actor,
    access,
    row,
    input.items.map((i) => ({ ...i, owner: ownerName.get(i.ownerId) ?? "" })),
    now,
  );
  return { reviewId: row.reviewId, version: row.version, documentId };
}

/** Renders the signed-off review as a PDF and files it in the documents tab as a review report. */
async function fileReport(
  tx: Tx,
  actor: Actor,
  access: ChildAccess,
  review: Review,
  items: Array<{ kind: string; text: string; owner: string; dueDate: string }>,
  now: Date,
) {
  const [child] = await tx
    .select({
      firstName: children.firstName,
      lastName: children.lastName,
      reference: children.reference,
      dob: children.dateOfBirth,
    })
    .from(children)
    .where(eq(children.id, access.childId));
  if (!child || !review.heldOn) throw new AppError("not-found");
  const name = `${child.firstName} ${child.lastName}`;
  const bytes = await renderReviewReport({
    authority: authority().name,
    child: { name, reference: child.reference, dateOfBirth: child.dob },
    heldOn: review.heldOn,
    participation: review.participation ?? "",
    attendees: review.attendees,
    iro: actor.name,
    views: review.views.map((v) => ({
      heading: reviewViewsWho(v),
      text:
        v.status === "given"
          ? v.text
          : v.status === "too_young"
            ? "Too young to express views"
            : v.status === "sought_not_given"
              ? "Sought, not given"
              : `Not sought${v.text ? `: ${v.text}` : ""}`,
    })),
    carePlanAssessment: review.carePlanAssessment ?? "",
    progressAssessment: review.progressAssessment ?? "",
    items,
    signedOffAt: `${formatUkDateTime(now)} by ${actor.name}`,
  });
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const doc = await uploadDocument(
    tx,
    actor,
    access,
    {
      title: `Review report, ${review.heldOn.split("-").reverse().join("/")}`,
      category: "review_report",
      confidentiality: "restricted",
      childProperty: false,
      inProgressFile: false,
      documentDate: review.heldOn,
      entryId: null,
    },
    {
      fileName: `review-report-${child.reference}-${review.heldOn}.pdf`,
      size: bytes.byteLength,
      sha256,
      type: { ok: true, mimeType: "application/pdf", label: "PDF" },
      read: async function* () {
        yield bytes;
      },
    },
  );
  return doc.id;
}

/** A correction after sign-off: a new signed-off version with the reason; the earlier one stays readable. */
export async function amendReview(
  tx: Tx,
  actor: Actor,
  access: ChildAccess,
  input: RecordReviewInput & { amendReason: string },
  now = new Date(),
) {
  const chain = await openChain(tx, access, input.reviewId);
  if (chain.latest.status !== "signed_off") throw refuse("amendReason", "Only a signed-off review is amended");
  const fields = await recordedFields(tx, access, input, now);
  const row = await chain.append(
    { ...carried(chain.latest), ...fields, amendReason: input.amendReason, createdBy: actor.id },
    { baseVersion: input.baseVersion, stale },
  );
  return { reviewId: row.reviewId, version: row.version };
}

/** The team manager agrees or contests, once, within the local window after sign-off. */
export async function respondToReview(
  tx: Tx,
  actor: Actor,
  access: ChildAccess,
  input: { reviewId: string; response: "agree" | "contest"; comment: string },
  now = new Date(),
) {
  await lockChild(tx, access.childId);
  const [signed] = await tx
    .select()
    .from(reviews)
    .where(
      and(eq(reviews.reviewId, input.reviewId), eq(reviews.childId, access.childId), eq(reviews.status, "signed_off")),
    )
    .orderBy(asc(reviews.version))
    .limit(1);
  if (!signed?.signedOffAt) throw new AppError("not-found", "That review has not been signed off.");
  const closes = addWorkingDays(todayIso(signed.signedOffAt), env.REVIEW_RESPONSE_WORKING_DAYS);
  if (todayIso(now) > closes)
    throw refuse(
      "response",
      `The window to respond closed on ${closes.split("-").reverse().join("/")}: raise it with the IRO instead`,
    );
  const [row] = await tx
    .insert(reviewResponses)
    .values({
      reviewId: input.reviewId,
      childId: access.childId,
      response: input.response,
      comment: input.comment,
      respondedBy: actor.id,
    })
    .onConflictDoNothing({ target: reviewResponses.reviewId })
    .returning({ id: reviewResponses.id });
  if (!row) throw refuse("response", "A response to this review has already been recorded");
  return { responseId: row.id, closes };
}

/** The owner (or the child's team manager) records what came of a decision or recommendation, once. */
export async function closeRecommendation(
  tx: Tx,
  actor: Actor,
  access: ChildAccess,
  input: { recommendationId: string; status: "done" | "not_done"; outcome: string },
  now = new Date(),
) {
  const [item] = await tx
    .select()
    .from(reviewRecommendations)
    .where(and(eq(reviewRecommendations.id, input.recommendationId), eq(reviewRecommendations.childId, access.childId)))
    .limit(1);
  if (!item) throw new AppError("not-found", "That recommendation could not be found.");
  if (item.ownerId !== actor.id && access.relation !== "manager")
    throw new AppError("forbidden:action", "Only its owner or the team manager records what came of it.");
  const [closed] = await tx
    .update(reviewRecommendations)
    .set({ status: input.status, outcome: input.outcome, completedBy: actor.id, completedAt: now })
    .where(and(eq(reviewRecommendations.id, item.id), eq(reviewRecommendations.status, "open")))
    .returning({ id: reviewRecommendations.id });
  if (!closed) throw refuse("status", "What came of it has already been recorded");
  return { recommendationId: closed.id };
}
