// A subject access request for one child: everything the record holds (every entry with its
// versions, documents, episodes of care, provider arrangements, Child Protection Plans, reviews
// with their recommendations and responses, the IRO's notes and disputes, the people and siblings
// linked, missing periods, marker tasks, allocations, UASC status, care leaver contacts, adoption
// milestones and duplicate entries, sealed ones included, as the records officer sees them) and
// everyone who has looked at or changed it, from the audit log. Read by the records officer only,
// through the audit.subjectAccess policy. One query per table, each bounded by the child's index;
// a long table gives its count and its latest rows in the same query (a window count).
import { and, asc, count, desc, eq, inArray, isNull, max, min, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/client";
import {
  adoptionMilestones,
  allocations,
  auditEvents,
  careLeaverContacts,
  childPeople,
  childProtectionPlans,
  children,
  documents,
  episodes,
  iroDisputes,
  iroDisputeStages,
  iroMonitoringNotes,
  markerTasks,
  missingEpisodes,
  persons,
  providerArrangements,
  recordEntries,
  reviewRecommendations,
  reviewResponses,
  reviews,
  sameChildLinks,
  siblingLinks,
  teams,
  uascStatuses,
  users,
} from "@/db/schema";

/** How many rows of each kind the view lists; the count says how many are held. */
export const SUBJECT_ACCESS_SHORT_LIST = 10;

/** How many are held, and the latest of them. */
export interface HeldList<T> {
  count: number;
  items: T[];
}

const held = <T>(rows: T[]): HeldList<T> => ({ count: rows.length, items: rows.slice(0, SUBJECT_ACCESS_SHORT_LIST) });
/** From rows that carry the window's `total` (count(*) over ()): the count and the rows without it. */
const windowed = <T extends { total: number }>(rows: T[]): HeldList<Omit<T, "total">> => ({
  count: rows[0]?.total ?? 0,
  items: rows.map(({ total: _total, ...rest }) => rest),
});
const total = sql<number>`count(*) over ()`.mapWith(Number);

export interface HeldEntry {
  entryId: string;
  section: string;
  title: string;
  occurredOn: string;
  versions: number;
  confidentiality: string;
  status: string;
  /** For a duplicate entry: the record it was copied from, as named when it was placed. */
  sourceReference: string | null;
}

/** The latest version of each chain, with how many versions the chain has, in the order chains first appear. */
function latestOfEach<T extends { version: number }>(rows: T[], chainOf: (row: T) => string) {
  const chains = new Map<string, T & { versions: number }>();
  for (const r of rows) {
    const key = chainOf(r);
    const seen = chains.get(key);
    if (!seen) chains.set(key, { ...r, versions: 1 });
    else if (r.version > seen.version) chains.set(key, { ...r, versions: seen.versions + 1 });
    else seen.versions += 1;
  }
  return [...chains.values()];
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
  const otherChild = alias(children, "other_child");
  const [
    entryRows,
    documentRows,
    episodeCount,
    arrangementCount,
    cpCount,
    lookers,
    recent,
    reviewRows,
    recommendationRows,
    responseRows,
    noteRows,
    disputeRows,
    stageCounts,
    peopleRows,
    siblingRows,
    missingRows,
    markerRows,
    allocationRows,
    uascRows,
    careLeaverRows,
    adoptionRows,
    sameChildRows,
  ] = await Promise.all([
    db
      .select({
        entryId: recordEntries.entryId,
        section: recordEntries.section,
        title: recordEntries.title,
        occurredOn: recordEntries.occurredOn,
        version: recordEntries.version,
        confidentiality: recordEntries.confidentiality,
        status: recordEntries.status,
        sourceReference: recordEntries.sourceReference,
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
        detail: auditEvents.detail,
        actorName: users.name,
      })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorId))
      .where(eq(auditEvents.childId, childId))
      .orderBy(desc(auditEvents.id))
      .limit(50),
    // Every version of every review: the view shows each review once, as its latest version.
    db
      .select({
        reviewId: reviews.reviewId,
        version: reviews.version,
        status: reviews.status,
        scheduledAt: reviews.scheduledAt,
        heldOn: reviews.heldOn,
        venue: reviews.venue,
      })
      .from(reviews)
      .where(eq(reviews.childId, childId))
      .orderBy(desc(reviews.scheduledAt)),
    db
      .select({
        id: reviewRecommendations.id,
        kind: reviewRecommendations.kind,
        text: reviewRecommendations.text,
        status: reviewRecommendations.status,
        dueDate: reviewRecommendations.dueDate,
        ownerName: users.name,
        total,
      })
      .from(reviewRecommendations)
      .leftJoin(users, eq(users.id, reviewRecommendations.ownerId))
      .where(eq(reviewRecommendations.childId, childId))
      .orderBy(desc(reviewRecommendations.dueDate), asc(reviewRecommendations.id))
      .limit(SUBJECT_ACCESS_SHORT_LIST),
    // Responses are keyed by review: reached through the child's reviews, not a scan of the table.
    db
      .select({
        id: reviewResponses.id,
        reviewId: reviewResponses.reviewId,
        response: reviewResponses.response,
        comment: reviewResponses.comment,
        respondedAt: reviewResponses.createdAt,
        byName: users.name,
      })
      .from(reviewResponses)
      .leftJoin(users, eq(users.id, reviewResponses.respondedBy))
      .where(
        and(
          inArray(
            reviewResponses.reviewId,
            db.selectDistinct({ id: reviews.reviewId }).from(reviews).where(eq(reviews.childId, childId)),
          ),
          eq(reviewResponses.childId, childId),
        ),
      )
      .orderBy(desc(reviewResponses.createdAt)),
    db
      .select({
        id: iroMonitoringNotes.id,
        writtenAt: iroMonitoringNotes.writtenAt,
        note: iroMonitoringNotes.note,
        authorName: users.name,
        total,
      })
      .from(iroMonitoringNotes)
      .leftJoin(users, eq(users.id, iroMonitoringNotes.authorId))
      .where(eq(iroMonitoringNotes.childId, childId))
      .orderBy(desc(iroMonitoringNotes.writtenAt))
      .limit(SUBJECT_ACCESS_SHORT_LIST),
    db
      .select({
        id: iroDisputes.id,
        raisedOn: iroDisputes.raisedOn,
        concern: iroDisputes.concern,
        resolvedAt: iroDisputes.resolvedAt,
        outcome: iroDisputes.outcome,
        cafcassReferredAt: iroDisputes.cafcassReferredAt,
        raisedByName: users.name,
        total,
      })
      .from(iroDisputes)
      .leftJoin(users, eq(users.id, iroDisputes.raisedBy))
      .where(eq(iroDisputes.childId, childId))
      .orderBy(desc(iroDisputes.raisedAt))
      .limit(SUBJECT_ACCESS_SHORT_LIST),
    db
      .select({ disputeId: iroDisputeStages.disputeId, stages: count() })
      .from(iroDisputeStages)
      .where(eq(iroDisputeStages.childId, childId))
      .groupBy(iroDisputeStages.disputeId),
    // Each person linked, by their current details.
    db
      .select({
        id: childPeople.id,
        firstName: persons.firstName,
        lastName: persons.lastName,
        relationship: childPeople.relationship,
        relationshipDetail: childPeople.relationshipDetail,
        parentalResponsibility: childPeople.parentalResponsibility,
        startDate: childPeople.startDate,
        endDate: childPeople.endDate,
      })
      .from(childPeople)
      .innerJoin(persons, and(eq(persons.personId, childPeople.personId), isNull(persons.supersededAt)))
      .where(eq(childPeople.childId, childId))
      .orderBy(sql`${childPeople.endDate} is not null`, desc(childPeople.startDate)),
    db
      .select({
        id: siblingLinks.id,
        firstName: otherChild.firstName,
        lastName: otherChild.lastName,
        reference: otherChild.reference,
        relationship: siblingLinks.relationship,
        placement: siblingLinks.placement,
        startDate: siblingLinks.startDate,
        endDate: siblingLinks.endDate,
      })
      .from(siblingLinks)
      .innerJoin(otherChild, eq(otherChild.id, siblingLinks.siblingId))
      .where(eq(siblingLinks.childId, childId))
      .orderBy(sql`${siblingLinks.endDate} is not null`, asc(otherChild.firstName)),
    db
      .select({
        id: missingEpisodes.id,
        kind: missingEpisodes.kind,
        startedAt: missingEpisodes.startedAt,
        endedAt: missingEpisodes.endedAt,
        total,
      })
      .from(missingEpisodes)
      .where(eq(missingEpisodes.childId, childId))
      .orderBy(desc(missingEpisodes.startedAt))
      .limit(SUBJECT_ACCESS_SHORT_LIST),
    db
      .select({
        id: markerTasks.id,
        marker: markerTasks.marker,
        trigger: markerTasks.trigger,
        dueAt: markerTasks.dueAt,
        actionedAt: markerTasks.actionedAt,
        total,
      })
      .from(markerTasks)
      .where(eq(markerTasks.childId, childId))
      .orderBy(desc(markerTasks.dueAt))
      .limit(SUBJECT_ACCESS_SHORT_LIST),
    db
      .select({
        id: allocations.id,
        kind: allocations.kind,
        userName: users.name,
        teamName: teams.name,
        startDate: allocations.startDate,
        endDate: allocations.endDate,
        total,
      })
      .from(allocations)
      .leftJoin(users, eq(users.id, allocations.userId))
      .leftJoin(teams, eq(teams.id, allocations.teamId))
      .where(eq(allocations.childId, childId))
      .orderBy(desc(allocations.startDate), asc(allocations.kind))
      .limit(SUBJECT_ACCESS_SHORT_LIST),
    db
      .select({
        id: uascStatuses.id,
        sinceDate: uascStatuses.sinceDate,
        ceasedDate: uascStatuses.ceasedDate,
        ceasedReason: uascStatuses.ceasedReason,
      })
      .from(uascStatuses)
      .where(eq(uascStatuses.childId, childId)),
    db
      .select({
        id: careLeaverContacts.id,
        age: careLeaverContacts.age,
        version: careLeaverContacts.version,
        contactedOn: careLeaverContacts.contactedOn,
        inTouch: careLeaverContacts.inTouch,
      })
      .from(careLeaverContacts)
      .where(eq(careLeaverContacts.childId, childId))
      .orderBy(asc(careLeaverContacts.age), desc(careLeaverContacts.version)),
    db
      .select({
        id: adoptionMilestones.id,
        version: adoptionMilestones.version,
        decisionOn: adoptionMilestones.decisionOn,
        matchedOn: adoptionMilestones.matchedOn,
        reversedOn: adoptionMilestones.reversedOn,
      })
      .from(adoptionMilestones)
      .where(eq(adoptionMilestones.childId, childId))
      .orderBy(desc(adoptionMilestones.version)),
    // Records found to be the same child (never merged): this record on either side of the link.
    db
      .select({
        id: sameChildLinks.id,
        inUse: sql<boolean>`${sameChildLinks.inUseChildId} = ${childId}`,
        otherReference: otherChild.reference,
        otherFirstName: otherChild.firstName,
        otherLastName: otherChild.lastName,
        reason: sameChildLinks.reason,
        markedAt: sameChildLinks.createdAt,
      })
      .from(sameChildLinks)
      .innerJoin(
        otherChild,
        sql`${otherChild.id} = case when ${sameChildLinks.inUseChildId} = ${childId} then ${sameChildLinks.sealedChildId} else ${sameChildLinks.inUseChildId} end`,
      )
      .where(or(eq(sameChildLinks.inUseChildId, childId), eq(sameChildLinks.sealedChildId, childId))),
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
        sourceReference: r.sourceReference,
      });
  }
  const entries = [...byEntry.values()];
  const stagesOf = new Map(stageCounts.map((s) => [s.disputeId, s.stages]));
  const disputes = windowed(disputeRows);
  const heldReviews = latestOfEach(reviewRows, (r) => r.reviewId).sort(
    (a, b) => b.scheduledAt.getTime() - a.scheduledAt.getTime(),
  );
  const currentAdoption = latestOfEach(adoptionRows, () => "adoption");
  return {
    child,
    entries,
    documents: documentRows,
    counts: {
      episodes: episodeCount[0]?.n ?? 0,
      arrangements: arrangementCount[0]?.n ?? 0,
      childProtectionPlans: cpCount[0]?.n ?? 0,
    },
    reviews: held(heldReviews),
    recommendations: windowed(recommendationRows),
    responses: held(responseRows),
    monitoringNotes: windowed(noteRows),
    disputes: { ...disputes, items: disputes.items.map((d) => ({ ...d, stages: stagesOf.get(d.id) ?? 0 })) },
    people: held(peopleRows),
    siblings: held(siblingRows),
    missing: windowed(missingRows),
    markerTasks: windowed(markerRows),
    allocations: windowed(allocationRows),
    uasc: held(uascRows),
    careLeaverContacts: held(latestOfEach(careLeaverRows, (r) => String(r.age))),
    adoptionMilestones: held(currentAdoption),
    duplicateEntries: held(entries.filter((e) => e.section === "duplicates")),
    sameChild: held(sameChildRows),
    lookers,
    recent,
  };
}
