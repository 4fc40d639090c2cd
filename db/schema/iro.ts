// The IRO's work between reviews: monitoring notes on the child's case, and concerns about the
// care plan taken through the dispute resolution stages (informal, team manager, service manager,
// head of service), each stage with its time limit and outcome, the whole within a limit of working
// days, and a referral to Cafcass at any stage. Append-only: a note never changes; a stage's outcome
// and a dispute's resolution and referral are each recorded once (migration 0022's triggers).
import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, softDelete } from "./common";
import { children } from "./children";
import { users } from "./people";

/** The dispute resolution stages, in the order a concern goes through them. */
export const DISPUTE_STAGES = ["informal", "team_manager", "service_manager", "head_of_service"] as const;
export type DisputeStage = (typeof DISPUTE_STAGES)[number];

/** A note the IRO keeps on the child's case between reviews, optionally about one review. */
export const iroMonitoringNotes = pgTable(
  "iro_monitoring_notes",
  {
    id: uuid().primaryKey().defaultRandom(),
    childId: uuid()
      .notNull()
      .references(() => children.id),
    authorId: uuid()
      .notNull()
      .references(() => users.id),
    writtenAt: timestamp({ withTimezone: true }).notNull(),
    note: text().notNull(),
    /** The logical review (reviews.review_id) the note is about, when it is about one. */
    reviewId: uuid(),
    createdAt,
    ...softDelete,
  },
  (t) => [index().on(t.childId, t.writtenAt)],
);
export type IroMonitoringNote = typeof iroMonitoringNotes.$inferSelect;

/** A concern the IRO raises about the care plan, resolved at one of the stages, with any referral to Cafcass. */
export const iroDisputes = pgTable(
  "iro_disputes",
  {
    id: uuid().primaryKey().defaultRandom(),
    childId: uuid()
      .notNull()
      .references(() => children.id),
    raisedBy: uuid()
      .notNull()
      .references(() => users.id),
    raisedAt: timestamp({ withTimezone: true }).notNull(),
    /** The day it was raised in England: the working days are counted from it. */
    raisedOn: date().notNull(),
    concern: text().notNull(),
    /** The limit for the whole dispute when it was raised, and the day it falls on. */
    timeLimitWorkingDays: integer().notNull(),
    dueBy: date().notNull(),
    resolvedAt: timestamp({ withTimezone: true }),
    resolvedBy: uuid().references(() => users.id),
    outcome: text(),
    cafcassReferredAt: timestamp({ withTimezone: true }),
    cafcassReferredBy: uuid().references(() => users.id),
    /** The stage open when the referral was made. */
    cafcassStage: text().$type<DisputeStage>(),
    cafcassNote: text(),
    createdAt,
    ...softDelete,
  },
  (t) => [
    index().on(t.childId, t.raisedAt),
    check("iro_disputes_limit", sql`${t.timeLimitWorkingDays} between 1 and 20`),
    check(
      "iro_disputes_resolved",
      sql`(${t.resolvedAt} is null) = (${t.resolvedBy} is null) and (${t.resolvedAt} is null) = (${t.outcome} is null)`,
    ),
    check(
      "iro_disputes_cafcass",
      sql`(${t.cafcassReferredAt} is null) = (${t.cafcassReferredBy} is null)
        and (${t.cafcassReferredAt} is null) = (${t.cafcassNote} is null)
        and (${t.cafcassReferredAt} is null) = (${t.cafcassStage} is null)`,
    ),
    check(
      "iro_disputes_cafcass_stage",
      sql`${t.cafcassStage} is null or ${t.cafcassStage} in ('informal','team_manager','service_manager','head_of_service')`,
    ),
  ],
);
export type IroDispute = typeof iroDisputes.$inferSelect;

/** One stage of a dispute: opened, due by its time limit (or the whole dispute's, if sooner), and its outcome once. */
export const iroDisputeStages = pgTable(
  "iro_dispute_stages",
  {
    id: uuid().primaryKey().defaultRandom(),
    disputeId: uuid()
      .notNull()
      .references(() => iroDisputes.id),
    childId: uuid()
      .notNull()
      .references(() => children.id),
    stage: text().$type<DisputeStage>().notNull(),
    /** 1 to 4, the stage's place in the order. */
    stageNumber: integer().notNull(),
    openedAt: timestamp({ withTimezone: true }).notNull(),
    openedOn: date().notNull(),
    openedBy: uuid()
      .notNull()
      .references(() => users.id),
    /** The stage's own limit when it opened; `dueBy` is the sooner of that and the dispute's. */
    timeLimitWorkingDays: integer().notNull(),
    dueBy: date().notNull(),
    outcome: text(),
    outcomeAt: timestamp({ withTimezone: true }),
    outcomeBy: uuid().references(() => users.id),
    /** What the outcome did: moved the concern to the next stage, or resolved it. */
    closedAs: text().$type<"escalated" | "resolved">(),
    createdAt,
    ...softDelete,
  },
  (t) => [
    uniqueIndex().on(t.disputeId, t.stageNumber),
    index().on(t.childId),
    // The work trays read the open stages only.
    index()
      .on(t.dueBy)
      .where(sql`${t.outcomeAt} is null`),
    check(
      "iro_dispute_stages_stage",
      sql`(${t.stage}, ${t.stageNumber}) in (('informal', 1), ('team_manager', 2), ('service_manager', 3), ('head_of_service', 4))`,
    ),
    check("iro_dispute_stages_limit", sql`${t.timeLimitWorkingDays} between 1 and 20`),
    check(
      "iro_dispute_stages_outcome",
      sql`(${t.outcomeAt} is null) = (${t.outcome} is null) and (${t.outcomeAt} is null) = (${t.outcomeBy} is null)
        and (${t.outcomeAt} is null) = (${t.closedAs} is null)`,
    ),
    check("iro_dispute_stages_closed_as", sql`${t.closedAs} is null or ${t.closedAs} in ('escalated','resolved')`),
    check("iro_dispute_stages_last", sql`${t.closedAs} is distinct from 'escalated' or ${t.stageNumber} < 4`),
  ],
);
export type IroDisputeStage = typeof iroDisputeStages.$inferSelect;
