// Reads of foster carers' and children's homes' records, by the relationship the policy decided:
// the summary for everyone it lets in, entries, version history and the children placed there
// (from the episodes) only for those who may read the whole record.
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/client";
import { carerEntries, carerRecords, carerRecordVersions, children, episodes, recordEntries, users } from "@/db/schema";
import { allows, carerIdColumn, carerScope, type Actor, type CarerAccess } from "@/lib/access";
import { isUuid } from "@/lib/validation";

const author = alias(users, "author");
const supervisor = alias(users, "supervisor");

/** The records this person's list reaches, with each one's current details. */
export async function listCarerRecords(db: Queryable, actor: Actor) {
  return db
    .select({
      id: carerRecords.id,
      kind: carerRecords.kind,
      name: carerRecords.name,
      postcode: carerRecordVersions.postcode,
      provider: carerRecordVersions.provider,
      supervisorName: supervisor.name,
      placedNow: sql<number>`(select count(distinct e.child_id)::int from ${episodes} e where e.carer_record_id = ${carerIdColumn}
        and e.superseded_at is null and e.deleted_at is null and e.end_date is null)`,
    })
    .from(carerRecords)
    .leftJoin(
      carerRecordVersions,
      and(eq(carerRecordVersions.carerRecordId, carerRecords.id), isNull(carerRecordVersions.supersededAt)),
    )
    .leftJoin(supervisor, eq(supervisor.id, carerRecordVersions.supervisingWorkerId))
    .where(carerScope(actor))
    .orderBy(asc(carerRecords.kind), asc(carerRecords.name));
}

/** The record's identity and its current details (the latest version). */
export async function getCarerSummary(db: Queryable, access: CarerAccess) {
  const [row] = await db
    .select({ record: carerRecords, details: carerRecordVersions, supervisorName: supervisor.name })
    .from(carerRecords)
    .leftJoin(
      carerRecordVersions,
      and(eq(carerRecordVersions.carerRecordId, carerRecords.id), isNull(carerRecordVersions.supersededAt)),
    )
    .leftJoin(supervisor, eq(supervisor.id, carerRecordVersions.supervisingWorkerId))
    .where(eq(carerRecords.id, access.carerRecordId))
    .limit(1);
  return row ?? null;
}

/** Every version of the record's details, oldest first (only for those who read the whole record). */
export async function getCarerVersions(db: Queryable, actor: Actor, access: CarerAccess) {
  if (!allows(actor, access, "carerEntries.view")) return [];
  return db
    .select({ version: carerRecordVersions, authorName: author.name, supervisorName: supervisor.name })
    .from(carerRecordVersions)
    .leftJoin(author, eq(author.id, carerRecordVersions.createdBy))
    .leftJoin(supervisor, eq(supervisor.id, carerRecordVersions.supervisingWorkerId))
    .where(eq(carerRecordVersions.carerRecordId, access.carerRecordId))
    .orderBy(asc(carerRecordVersions.version));
}

/**
 * The latest approval review recorded on the record (by the date it happened; the entry's latest
 * version): its date belongs with the approval, which everyone who opens the record reads.
 */
export async function latestApprovalReview(db: Queryable, access: CarerAccess) {
  const [row] = await db
    .select({ entryId: carerEntries.entryId, occurredOn: carerEntries.occurredOn })
    .from(carerEntries)
    .where(
      and(
        eq(carerEntries.carerRecordId, access.carerRecordId),
        eq(carerEntries.kind, "approval_review"),
        isNull(carerEntries.supersededAt),
        isNull(carerEntries.deletedAt),
      ),
    )
    .orderBy(desc(carerEntries.occurredOn), desc(carerEntries.createdAt))
    .limit(1);
  return row ?? null;
}

/** The record's entries (latest versions), newest first. */
export async function listCarerEntries(db: Queryable, actor: Actor, access: CarerAccess) {
  if (!allows(actor, access, "carerEntries.view")) return [];
  return db
    .select({ entry: carerEntries, authorName: author.name })
    .from(carerEntries)
    .innerJoin(author, eq(author.id, carerEntries.createdBy))
    .where(
      and(
        eq(carerEntries.carerRecordId, access.carerRecordId),
        isNull(carerEntries.supersededAt),
        isNull(carerEntries.deletedAt),
      ),
    )
    .orderBy(desc(carerEntries.occurredOn), desc(carerEntries.createdAt));
}

/** Every version of one entry, oldest first; empty when the person may not read the record's entries. */
export async function getCarerEntryVersions(db: Queryable, actor: Actor, access: CarerAccess, entryId: string) {
  if (!isUuid(entryId) || !allows(actor, access, "carerEntries.view")) return [];
  return db
    .select({ entry: carerEntries, authorName: author.name })
    .from(carerEntries)
    .innerJoin(author, eq(author.id, carerEntries.createdBy))
    .where(and(eq(carerEntries.carerRecordId, access.carerRecordId), eq(carerEntries.entryId, entryId)))
    .orderBy(asc(carerEntries.version));
}

/**
 * The children placed here, past and present, from their episodes of care (latest versions): the
 * first start and the last end of their time here, and whether they are here now.
 */
export async function placedChildren(db: Queryable, actor: Actor, access: CarerAccess) {
  if (!allows(actor, access, "carerEntries.view")) return [];
  const rows = await db
    .select({
      childId: episodes.childId,
      firstName: children.firstName,
      lastName: children.lastName,
      reference: children.reference,
      from: sql<string>`min(${episodes.startDate})::text`,
      to: sql<
        string | null
      >`case when bool_or(${episodes.endDate} is null) then null else max(${episodes.endDate})::text end`,
    })
    .from(episodes)
    .innerJoin(children, eq(children.id, episodes.childId))
    .where(
      and(
        eq(episodes.carerRecordId, access.carerRecordId),
        isNull(episodes.supersededAt),
        isNull(episodes.deletedAt),
        isNull(children.deletedAt),
      ),
    )
    .groupBy(episodes.childId, children.firstName, children.lastName, children.reference)
    .orderBy(sql`bool_or(${episodes.endDate} is null) desc`, asc(children.firstName));
  return rows.map((r) => ({ ...r, current: r.to === null }));
}

/** Which children's records hold a copy of this entry, and of which version (for the entry's page). */
export async function copiesOfCarerEntry(db: Queryable, actor: Actor, access: CarerAccess, entryId: string) {
  if (!isUuid(entryId) || !allows(actor, access, "carerEntries.view")) return [];
  return db
    .select({
      childId: recordEntries.childId,
      firstName: children.firstName,
      lastName: children.lastName,
      sourceVersion: recordEntries.sourceVersion,
    })
    .from(recordEntries)
    .innerJoin(children, eq(children.id, recordEntries.childId))
    .where(
      and(
        eq(recordEntries.sourceKind, "carer_entry"),
        eq(recordEntries.sourceEntryId, entryId),
        eq(recordEntries.sourceCarerRecordId, access.carerRecordId),
        eq(recordEntries.isLatest, true),
      ),
    )
    .orderBy(asc(children.firstName));
}

/** The people a record may be handed to: every active supervising social worker, by name. */
export async function supervisingWorkerChoices(db: Queryable) {
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.role, "supervising_social_worker"), eq(users.active, true)))
    .orderBy(asc(users.name));
}
