// Children's reviews, run by the IRO: each review is a chain of versions (scheduled, postponed
// with a new date, recorded, signed off, amended after sign-off with a reason), its decisions and
// recommendations tracked to completion by their owners, and the team manager's response.
import { sql } from "drizzle-orm";
import { check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, softDelete } from "./common";
import { children } from "./children";
import { users } from "./people";

export type ReviewStatus = "scheduled" | "recorded" | "signed_off";

/** A person's views as a review records them. */
export interface ReviewViews {
  who: string;
  /** A parent chosen from the people linked to the child. */
  personId?: string;
  /** A parent's relationship to the child, as the link named it ("Mother"); `who` already says it. */
  relationship?: string;
  role: "child" | "parent" | "carer" | "social_worker" | "other";
  status: "given" | "sought_not_given" | "not_sought" | "too_young";
  text: string;
}

export const reviews = pgTable(
  "reviews",
  {
    /** One row per version. */
    id: uuid().primaryKey().defaultRandom(),
    /** The logical review: every version shares it. */
    reviewId: uuid().notNull(),
    version: integer().notNull(),
    childId: uuid()
      .notNull()
      .references(() => children.id),
    status: text().$type<ReviewStatus>().notNull(),
    scheduledAt: timestamp({ withTimezone: true }).notNull(),
    venue: text().notNull(),
    invitees: jsonb().$type<string[]>().notNull().default([]),
    /** Why the review moved to this date (a postponement or an adjournment). */
    postponedReason: text(),
    /** The day it was held (SSDA903 REVIEW). */
    heldOn: date(),
    /** SSDA903 REVIEW_CODE: the child's participation, PN0 to PN7. */
    participation: text(),
    attendees: jsonb().$type<string[]>().notNull().default([]),
    consultation: text(),
    spokeToChild: text(),
    views: jsonb().$type<ReviewViews[]>().notNull().default([]),
    carePlanAssessment: text(),
    progressAssessment: text(),
    signedOffBy: uuid().references(() => users.id),
    signedOffAt: timestamp({ withTimezone: true }),
    amendReason: text(),
    supersededAt: timestamp({ withTimezone: true }),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt,
    ...softDelete,
  },
  (t) => [
    uniqueIndex().on(t.reviewId, t.version),
    index().on(t.childId, t.scheduledAt),
    check("reviews_status", sql`${t.status} in ('scheduled','recorded','signed_off')`),
    check("reviews_participation", sql`${t.participation} is null or ${t.participation} ~ '^PN[0-7]$'`),
    check(
      "reviews_held",
      sql`${t.status} = 'scheduled' or (${t.heldOn} is not null and ${t.participation} is not null)`,
    ),
    check("reviews_signed", sql`(${t.status} = 'signed_off') = (${t.signedOffAt} is not null)`),
    check("reviews_version_positive", sql`${t.version} >= 1`),
  ],
);
export type Review = typeof reviews.$inferSelect;

/** A decision or recommendation of a signed-off review, with its owner and due date, tracked to completion. */
export const reviewRecommendations = pgTable(
  "review_recommendations",
  {
    id: uuid().primaryKey().defaultRandom(),
    reviewId: uuid().notNull(),
    childId: uuid()
      .notNull()
      .references(() => children.id),
    kind: text().$type<"decision" | "recommendation">().notNull(),
    text: text().notNull(),
    ownerId: uuid()
      .notNull()
      .references(() => users.id),
    dueDate: date().notNull(),
    status: text().$type<"open" | "done" | "not_done">().notNull().default("open"),
    outcome: text(),
    completedBy: uuid().references(() => users.id),
    completedAt: timestamp({ withTimezone: true }),
    createdAt,
    ...softDelete,
  },
  (t) => [
    index().on(t.childId),
    index()
      .on(t.ownerId, t.dueDate)
      .where(sql`${t.status} = 'open'`),
    check("recommendation_kind", sql`${t.kind} in ('decision','recommendation')`),
    check("recommendation_status", sql`${t.status} in ('open','done','not_done')`),
    check("recommendation_closed", sql`(${t.status} = 'open') = (${t.completedAt} is null)`),
  ],
);
export type ReviewRecommendation = typeof reviewRecommendations.$inferSelect;

/** The team manager agrees with or contests a signed-off review's decisions, within the local window. */
export const reviewResponses = pgTable(
  "review_responses",
  {
    id: uuid().primaryKey().defaultRandom(),
    reviewId: uuid().notNull(),
    childId: uuid()
      .notNull()
      .references(() => children.id),
    response: text().$type<"agree" | "contest">().notNull(),
    comment: text().notNull(),
    respondedBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt,
    ...softDelete,
  },
  (t) => [uniqueIndex().on(t.reviewId), check("review_response", sql`${t.response} in ('agree','contest')`)],
);
