// Reading the audit log (records officer): newest first, optionally flagged events only.
import { and, desc, eq, isNull, lt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/client";
import { auditEvents, breakGlassGrants, children, users } from "@/db/schema";

export const AUDIT_PAGE_SIZE = 50;

/** Keyset pagination on the id: cost grows with the page, never with the whole log. */
export async function listAuditEvents(
  db: Queryable,
  opts: { flaggedOnly?: boolean; before?: number; pageSize?: number },
) {
  const pageSize = opts.pageSize ?? AUDIT_PAGE_SIZE;
  const conditions = [];
  if (opts.flaggedOnly) conditions.push(eq(auditEvents.flagged, true));
  if (opts.before) conditions.push(lt(auditEvents.id, opts.before));
  const rows = await db
    .select({
      id: auditEvents.id,
      occurredAt: auditEvents.occurredAt,
      action: auditEvents.action,
      outcome: auditEvents.outcome,
      flagged: auditEvents.flagged,
      childId: auditEvents.childId,
      childReference: children.reference,
      actorName: users.name,
      detail: auditEvents.detail,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .leftJoin(children, eq(children.id, auditEvents.childId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditEvents.id))
    .limit(pageSize + 1);
  const more = rows.length > pageSize;
  const items = rows.slice(0, pageSize);
  return { items, nextBefore: more ? items[items.length - 1]?.id : undefined };
}

const reviewer = alias(users, "reviewer");

export function listBreakGlassForReview(db: Queryable) {
  return db
    .select({
      id: breakGlassGrants.id,
      userName: users.name,
      childReference: children.reference,
      childId: children.id,
      reason: breakGlassGrants.reason,
      createdAt: breakGlassGrants.createdAt,
      expiresAt: breakGlassGrants.expiresAt,
      reviewedBy: reviewer.name,
    })
    .from(breakGlassGrants)
    .innerJoin(users, eq(users.id, breakGlassGrants.userId))
    .innerJoin(children, eq(children.id, breakGlassGrants.childId))
    .leftJoin(reviewer, eq(reviewer.id, breakGlassGrants.reviewedBy))
    .where(isNull(breakGlassGrants.reviewedAt))
    .orderBy(desc(breakGlassGrants.createdAt))
    .limit(100);
}

export const countUnreviewedBreakGlass = (db: Queryable) =>
  db
    .select({ n: sql<number>`count(*)::int` })
    .from(breakGlassGrants)
    .where(isNull(breakGlassGrants.reviewedAt));
