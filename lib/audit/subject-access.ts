// A subject access request for one child: everything the record holds (every entry with its
// versions, documents, episodes of care, provider arrangements and Child Protection Plans, sealed
// ones included, as the records officer sees them) and everyone who has looked at or changed it,
// from the audit log. Read by the records officer only, through the audit.subjectAccess policy.
import { and, asc, count, desc, eq, max, min, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import {
  auditEvents,
  childProtectionPlans,
  children,
  documents,
  episodes,
  providerArrangements,
  recordEntries,
  users,
} from "@/db/schema";

export interface HeldEntry {
  entryId: string;
  section: string;
  title: string;
  occurredOn: string;
  versions: number;
  confidentiality: string;
  status: string;
}

export async function getSubjectAccess(db: Queryable, childId: string) {
  const [child] = await db
    .select({
      id: children.id,
      reference: children.reference,
      firstName: children.firstName,
      lastName: children.lastName,
      dateOfBirth: children.dateOfBirth,
    })
    .from(children)
    .where(eq(children.id, childId))
    .limit(1);
  if (!child) return null;
  const [entryRows, documentRows, episodeCount, arrangementCount, cpCount, lookers, recent] = await Promise.all([
    db
      .select({
        entryId: recordEntries.entryId,
        section: recordEntries.section,
        title: recordEntries.title,
        occurredOn: recordEntries.occurredOn,
        version: recordEntries.version,
        confidentiality: recordEntries.confidentiality,
        status: recordEntries.status,
      })
      .from(recordEntries)
      .where(eq(recordEntries.childId, childId))
      .orderBy(asc(recordEntries.section), desc(recordEntries.occurredOn), asc(recordEntries.version)),
    db
      .select({
        id: documents.id,
        title: documents.title,
        category: documents.category,
        documentDate: documents.documentDate,
        fileName: documents.fileName,
        confidentiality: documents.confidentiality,
      })
      .from(documents)
      .where(eq(documents.childId, childId))
      .orderBy(desc(documents.documentDate)),
    db.select({ n: count() }).from(episodes).where(eq(episodes.childId, childId)),
    db.select({ n: count() }).from(providerArrangements).where(eq(providerArrangements.childId, childId)),
    db.select({ n: count() }).from(childProtectionPlans).where(eq(childProtectionPlans.childId, childId)),
    // Who has looked at or changed the record: every person with an allowed event on this child.
    db
      .select({
        actorId: auditEvents.actorId,
        name: users.name,
        role: users.role,
        events: count(),
        views:
          sql<number>`count(*) filter (where ${auditEvents.action} like '%.view' or ${auditEvents.action} = 'documents.download')`.mapWith(
            Number,
          ),
        breakGlass: sql<number>`count(*) filter (where ${auditEvents.flagged})`.mapWith(Number),
        first: min(auditEvents.occurredAt),
        last: max(auditEvents.occurredAt),
      })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorId))
      .where(and(eq(auditEvents.childId, childId), eq(auditEvents.outcome, "allowed")))
      .groupBy(auditEvents.actorId, users.name, users.role)
      .orderBy(desc(max(auditEvents.occurredAt))),
    db
      .select({
        id: auditEvents.id,
        occurredAt: auditEvents.occurredAt,
        action: auditEvents.action,
        outcome: auditEvents.outcome,
        flagged: auditEvents.flagged,
        actorName: users.name,
      })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorId))
      .where(eq(auditEvents.childId, childId))
      .orderBy(desc(auditEvents.id))
      .limit(50),
  ]);
  // Each entry once, as its latest version, with how many versions it has.
  const byEntry = new Map<string, HeldEntry>();
  for (const r of entryRows) {
    const seen = byEntry.get(r.entryId);
    if (!seen || r.version > seen.versions)
      byEntry.set(r.entryId, {
        entryId: r.entryId,
        section: r.section,
        title: r.title,
        occurredOn: r.occurredOn,
        versions: r.version,
        confidentiality: r.confidentiality,
        status: r.status,
      });
  }
  return {
    child,
    entries: [...byEntry.values()],
    documents: documentRows,
    counts: {
      episodes: episodeCount[0]?.n ?? 0,
      arrangements: arrangementCount[0]?.n ?? 0,
      childProtectionPlans: cpCount[0]?.n ?? 0,
    },
    lookers,
    recent,
  };
}
