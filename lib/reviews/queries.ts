// Reads of a child's reviews: the latest version of each, one review with its history,
// recommendations and the team manager's response, who may own a recommendation, and the
// child's statutory clock (one set-based query scoped to the child); the IRO's monitoring notes and
// the child's disputes about the care plan with their stages.
import { and, asc, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/client";
import {
  children,
  iroDisputes,
  iroDisputeStages,
  iroMonitoringNotes,
  reviewRecommendations,
  reviewResponses,
  reviews,
  users,
  type Review,
} from "@/db/schema";

export type { Review };
import type { ChildAccess } from "@/lib/access";
import { todayIso } from "@/lib/dates";
import { env } from "@/lib/env";
import { clockFacts } from "@/lib/timescales/facts";
import { dueItems, reviewsOnTime, urgency } from "@/lib/timescales/rules";
import { disputeDueExplanation, nextStage, STAGE_LABELS, stageDueExplanation } from "./dispute-rules";

export async function listReviews(db: Queryable, access: ChildAccess) {
  return db
    .select()
    .from(reviews)
    .where(and(eq(reviews.childId, access.childId), isNull(reviews.supersededAt), isNull(reviews.deletedAt)))
    .orderBy(desc(reviews.scheduledAt));
}

const owner = alias(users, "owner");

export async function getReview(db: Queryable, access: ChildAccess, reviewId: string) {
  const versions = await db
    .select()
    .from(reviews)
    .where(and(eq(reviews.childId, access.childId), eq(reviews.reviewId, reviewId)))
    .orderBy(asc(reviews.version));
  if (versions.length === 0) return null;
  const [items, [response]] = await Promise.all([
    db
      .select({ item: reviewRecommendations, ownerName: owner.name })
      .from(reviewRecommendations)
      .innerJoin(owner, eq(owner.id, reviewRecommendations.ownerId))
      .where(and(eq(reviewRecommendations.reviewId, reviewId), eq(reviewRecommendations.childId, access.childId)))
      .orderBy(asc(reviewRecommendations.dueDate)),
    db
      .select({ response: reviewResponses, by: users.name })
      .from(reviewResponses)
      .innerJoin(users, eq(users.id, reviewResponses.respondedBy))
      .where(and(eq(reviewResponses.reviewId, reviewId), eq(reviewResponses.childId, access.childId))),
  ]);
  const latest = versions[versions.length - 1];
  if (!latest) return null;
  return { versions, latest, items, response: response ?? null };
}

/** Who may own a decision or recommendation: the child's social worker, the team's managers, and the IRO. */
export async function ownerChoices(db: Queryable, access: ChildAccess) {
  const [child] = await db
    .select({ worker: children.allocatedWorkerId, iro: children.iroId, teamId: children.teamId })
    .from(children)
    .where(eq(children.id, access.childId));
  if (!child) return [];
  return db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(
      and(
        eq(users.active, true),
        or(
          inArray(
            users.id,
            [child.worker, child.iro].filter((v): v is string => v !== null),
          ),
          and(eq(users.role, "team_manager"), eq(users.teamId, child.teamId)),
        ),
      ),
    )
    .orderBy(asc(users.name));
}

/** The child's statutory clock today, and each review held in this period against its due date. */
export async function childClock(db: Queryable, access: ChildAccess, now = new Date()) {
  const [facts] = await clockFacts(db, eq(children.id, access.childId));
  if (!facts) return { items: [], history: [], periodStart: null };
  return {
    items: dueItems(facts, todayIso(now)),
    history: facts.periodStart ? reviewsOnTime(facts.periodStart, facts.reviewsHeld) : [],
    periodStart: facts.periodStart,
  };
}

const author = alias(users, "author");

/** The IRO's monitoring notes on the child, newest first, a page at a time, with the review each is about. */
export async function listMonitoringNotes(db: Queryable, access: ChildAccess, page = 1, pageSize = 10) {
  const [rows, [count]] = await Promise.all([
    db
      .select({ note: iroMonitoringNotes, authorName: author.name })
      .from(iroMonitoringNotes)
      .innerJoin(author, eq(author.id, iroMonitoringNotes.authorId))
      .where(and(eq(iroMonitoringNotes.childId, access.childId), isNull(iroMonitoringNotes.deletedAt)))
      .orderBy(desc(iroMonitoringNotes.writtenAt), desc(iroMonitoringNotes.id))
      .limit(pageSize)
      .offset((Math.max(1, page) - 1) * pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(iroMonitoringNotes)
      .where(and(eq(iroMonitoringNotes.childId, access.childId), isNull(iroMonitoringNotes.deletedAt))),
  ]);
  const total = count?.n ?? 0;
  return { rows, total, pages: Math.max(1, Math.ceil(total / pageSize)) };
}

const raiser = alias(users, "raiser");
const closer = alias(users, "closer");

/** The child's disputes about the care plan, newest first, each with its stages in order and why each is due when. */
export async function listDisputes(db: Queryable, access: ChildAccess, now = new Date()) {
  const disputes = await db
    .select({ dispute: iroDisputes, raisedByName: raiser.name })
    .from(iroDisputes)
    .innerJoin(raiser, eq(raiser.id, iroDisputes.raisedBy))
    .where(and(eq(iroDisputes.childId, access.childId), isNull(iroDisputes.deletedAt)))
    .orderBy(desc(iroDisputes.raisedAt));
  if (disputes.length === 0) return [];
  const stages = await db
    .select({ stage: iroDisputeStages, outcomeByName: closer.name })
    .from(iroDisputeStages)
    .leftJoin(closer, eq(closer.id, iroDisputeStages.outcomeBy))
    .where(
      and(
        eq(iroDisputeStages.childId, access.childId),
        inArray(
          iroDisputeStages.disputeId,
          disputes.map((d) => d.dispute.id),
        ),
      ),
    )
    .orderBy(asc(iroDisputeStages.stageNumber));
  const today = todayIso(now);
  return disputes.map(({ dispute, raisedByName }) => {
    const own = stages
      .filter((s) => s.stage.disputeId === dispute.id)
      .map(({ stage, outcomeByName }) => ({
        ...stage,
        label: STAGE_LABELS[stage.stage],
        outcomeByName,
        explanation: stageDueExplanation(stage, dispute),
        urgency: urgency(
          { dueDate: stage.dueBy, metOn: stage.outcomeAt ? todayIso(stage.outcomeAt) : null },
          today,
          env.DUE_SOON_WORKING_DAYS,
        ),
      }));
    const open = dispute.resolvedAt ? null : (own.find((s) => !s.outcomeAt) ?? null);
    const next = open ? nextStage(open.stage) : null;
    return {
      dispute,
      raisedByName,
      stages: own,
      open,
      nextLabel: next ? STAGE_LABELS[next] : null,
      explanation: disputeDueExplanation(dispute),
      urgency: urgency(
        { dueDate: dispute.dueBy, metOn: dispute.resolvedAt ? todayIso(dispute.resolvedAt) : null },
        today,
        env.DUE_SOON_WORKING_DAYS,
      ),
    };
  });
}
export type DisputeView = Awaited<ReturnType<typeof listDisputes>>[number];
