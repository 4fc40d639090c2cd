// Reads of a child's reviews: the latest version of each, one review with its history,
// recommendations and the team manager's response, who may own a recommendation, and the
// child's statutory clock (one set-based query scoped to the child).
import { and, asc, desc, eq, inArray, isNull, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/client";
import { children, reviewRecommendations, reviewResponses, reviews, users, type Review } from "@/db/schema";

export type { Review };
import type { ChildAccess } from "@/lib/access";
import { todayIso } from "@/lib/dates";
import { clockFacts } from "@/lib/timescales/facts";
import { dueItems, reviewsOnTime } from "@/lib/timescales/rules";

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
