// Reading the audit log (records officer): newest first, filtered by child, person, action,
// outcome and dates, paged by keyset; the same filters feed the CSV export.
import { and, asc, desc, eq, gt, inArray, isNull, lt, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/client";
import { auditEvents, breakGlassGrants, children, users } from "@/db/schema";
import { auditActionsMatching } from "@/lib/access";
import { NO_FILTERS, type AuditFilters } from "./schemas";

export const AUDIT_PAGE_SIZE = 50;

/** Lowercased, with LIKE wildcards escaped. */
const like = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The filters as conditions on audit_events. The child and the person are found first (by
 * reference or name, by name or email) and the events by their indexes on child_id and actor_id;
 * dates are days in England, turned into instants by PostgreSQL so the index on occurred_at serves.
 */
export function auditConditions(f: AuditFilters): SQL[] {
  const out: SQL[] = [];
  if (f.flaggedOnly) out.push(eq(auditEvents.flagged, true));
  if (f.action) {
    const names = auditActionsMatching(f.action);
    out.push(names.length > 1 ? inArray(auditEvents.action, names) : eq(auditEvents.action, f.action));
  }
  if (f.outcome) out.push(eq(auditEvents.outcome, f.outcome));
  if (f.child) {
    const q = f.child.trim();
    out.push(sql`${auditEvents.childId} in (select c.id from ${children} c
      where lower(c.reference) = ${q.toLowerCase()} or c.id::text = ${q.toLowerCase()}
         or lower(c.first_name || ' ' || c.last_name) like ${like(q)})`);
  }
  if (f.user) {
    out.push(sql`${auditEvents.actorId} in (select u.id from ${users} u
      where lower(u.name) like ${like(f.user)} or lower(u.email) like ${like(f.user)})`);
  }
  if (f.from) out.push(sql`${auditEvents.occurredAt} >= (${f.from}::date::timestamp at time zone 'Europe/London')`);
  if (f.to) out.push(sql`${auditEvents.occurredAt} < ((${f.to}::date + 1)::timestamp at time zone 'Europe/London')`);
  return out;
}

/** The person an event about a user account names (`detail.userId`): its name is read with the page. */
const subject = alias(users, "subject");
const UUID_TEXT = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
const subjectJoin = sql`${subject.id} = case when ${auditEvents.detail}->>'userId' ~ ${UUID_TEXT}
  then (${auditEvents.detail}->>'userId')::uuid end`;

const eventColumns = {
  id: auditEvents.id,
  occurredAt: auditEvents.occurredAt,
  action: auditEvents.action,
  outcome: auditEvents.outcome,
  flagged: auditEvents.flagged,
  childId: auditEvents.childId,
  childReference: children.reference,
  actorName: users.name,
  actorEmail: users.email,
  subjectName: subject.name,
  detail: auditEvents.detail,
};

export type AuditRow = {
  id: number;
  occurredAt: Date;
  action: string;
  outcome: string;
  flagged: boolean;
  childId: string | null;
  childReference: string | null;
  actorName: string | null;
  actorEmail: string | null;
  /** The name of the user the event is about (user administration), when it is about one. */
  subjectName: string | null;
  detail: Record<string, unknown>;
};

/**
 * One page of events, newest first, by keyset on the id (cost grows with the page, never with
 * the whole log): `before` pages to older events, `after` back to newer ones.
 */
export async function listAuditEvents(
  db: Queryable,
  opts: { filters?: AuditFilters; flaggedOnly?: boolean; before?: number; after?: number; pageSize?: number },
) {
  const pageSize = opts.pageSize ?? AUDIT_PAGE_SIZE;
  const filters = {
    ...NO_FILTERS,
    ...opts.filters,
    flaggedOnly: Boolean(opts.filters?.flaggedOnly || opts.flaggedOnly),
  };
  const conditions = auditConditions(filters);
  const newer = !opts.before && opts.after !== undefined;
  if (opts.before) conditions.push(lt(auditEvents.id, opts.before));
  else if (newer && opts.after !== undefined) conditions.push(gt(auditEvents.id, opts.after));
  const rows: AuditRow[] = await db
    .select(eventColumns)
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .leftJoin(children, eq(children.id, auditEvents.childId))
    .leftJoin(subject, subjectJoin)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(newer ? asc(auditEvents.id) : desc(auditEvents.id))
    .limit(pageSize + 1);
  const more = rows.length > pageSize;
  const page = rows.slice(0, pageSize);
  const items = newer ? page.reverse() : page;
  const first = items[0]?.id;
  const last = items[items.length - 1]?.id;
  return {
    items,
    /** Older events exist beyond this page. */
    nextBefore: (newer || more) && last !== undefined ? last : undefined,
    /** Newer events exist before this page. */
    prevAfter: (newer ? more : Boolean(opts.before)) && first !== undefined ? first : undefined,
  };
}

/** Every event the filters match, newest first, a batch at a time (for the CSV export). */
export async function* auditEventBatches(db: Queryable, filters: AuditFilters, batchSize = 1000) {
  let before: number | undefined;
  for (;;) {
    const page = await listAuditEvents(db, { filters, before, pageSize: batchSize });
    if (page.items.length > 0) yield page.items;
    if (!page.nextBefore) return;
    before = page.nextBefore;
  }
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
