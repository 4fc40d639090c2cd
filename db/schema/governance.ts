// Audit log (hash-chained per child and per user), the retention hold, and break-glass grants.
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, softDelete } from "./common";
import { children } from "./children";
import { users } from "./people";

export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    /** `child:<id>`, `user:<id>` or `system`: one chain each, so writes to different children never wait on one lock. */
    chainKey: text().notNull(),
    seq: bigint({ mode: "number" }).notNull(),
    prevHash: text().notNull(),
    /** SHA-256 of the event's canonical bytes (RFC 8785), which include the previous event's hash. */
    hash: text().notNull(),
    /**
     * HMAC-SHA256 of the same bytes with AUDIT_HMAC_KEY, which the database never holds: someone
     * with the database alone can recompute a hash but not this. Null only on events written
     * before keying began (migration 0010), which the first signed checkpoint seals.
     */
    mac: text(),
    occurredAt: timestamp({ withTimezone: true, mode: "date" }).notNull(),
    actorId: uuid(),
    action: text().notNull(),
    /** No foreign key: refused attempts on ids that do not exist are logged too. */
    childId: uuid(),
    outcome: text().notNull(),
    /** Break-glass access and other events the records officer must review. */
    flagged: boolean().notNull().default(false),
    detail: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    uniqueIndex().on(t.chainKey, t.seq),
    index().on(t.childId, t.occurredAt),
    index().on(t.actorId, t.occurredAt),
    index().on(t.occurredAt),
    check("audit_outcome_check", sql`${t.outcome} in ('allowed','refused','failed')`),
  ],
);
export type AuditEvent = typeof auditEvents.$inferSelect;

export const auditChainHeads = pgTable("audit_chain_heads", {
  chainKey: text().primaryKey(),
  seq: bigint({ mode: "number" }).notNull(),
  hash: text().notNull(),
});

/** Single row (id = 1). While active, the database refuses DELETE, TRUNCATE and setting deleted_at. */
export const retentionHold = pgTable(
  "retention_hold",
  {
    id: integer().primaryKey().default(1),
    active: boolean().notNull().default(true),
    reason: text().notNull(),
    changedBy: uuid().references(() => users.id),
    changedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("retention_hold_single_row", sql`${t.id} = 1`)],
);

export const breakGlassGrants = pgTable(
  "break_glass_grants",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    childId: uuid()
      .notNull()
      .references(() => children.id),
    reason: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    reviewedBy: uuid().references(() => users.id),
    reviewedAt: timestamp({ withTimezone: true }),
    createdAt,
    ...softDelete,
  },
  (t) => [index().on(t.userId, t.childId, t.expiresAt), index().on(t.reviewedAt)],
);
export type BreakGlassGrant = typeof breakGlassGrants.$inferSelect;

/**
 * One row per form submission that changed something, keyed by the person and the submission's
 * idempotency key, written in the same transaction as the change: a retried submission (the
 * response was lost) finds it and gets the first result back instead of writing twice.
 */
export const actionReceipts = pgTable(
  "action_receipts",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    idempotencyKey: uuid().notNull(),
    policy: text().notNull(),
    result: jsonb().$type<unknown>().notNull(),
    createdAt,
    ...softDelete,
  },
  (t) => [uniqueIndex().on(t.userId, t.idempotencyKey)],
);
