// Reads of the duplicate entries on a child's record: each copy with where it came from, whether
// its source has changed since, and whether this person may open the source at all.
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/client";
import { carerEntries, children, recordEntries, sharedEntries, users } from "@/db/schema";
import { allows, carerAccess, childAccess, type Actor, type ChildAccess } from "@/lib/access";
import { listSiblingLinks } from "@/lib/people/queries";
import { entryVisibility } from "@/lib/records/queries";
import { isUuid } from "@/lib/validation";

const author = alias(users, "author");
const sourceAuthor = alias(users, "source_author");

/** The source's latest version number, for the "source changed" notice. */
const sourceLatest = sql<number | null>`case ${recordEntries.sourceKind}
  when 'carer_entry' then (select max(ce.version) from ${carerEntries} ce where ce.entry_id = ${recordEntries.sourceEntryId})
  when 'shared_entry' then (select max(se.version) from ${sharedEntries} se where se.entry_id = ${recordEntries.sourceEntryId})
end`;

export async function listDuplicates(db: Queryable, actor: Actor, access: ChildAccess) {
  const rows = await db
    .select({
      entry: recordEntries,
      authorName: author.name,
      sourceAuthorName: sourceAuthor.name,
      sourceLatestVersion: sourceLatest,
    })
    .from(recordEntries)
    .innerJoin(author, eq(author.id, recordEntries.createdBy))
    .leftJoin(sourceAuthor, eq(sourceAuthor.id, recordEntries.sourceAuthorId))
    .where(
      and(
        entryVisibility(actor, access, "duplicates"),
        eq(recordEntries.section, "duplicates"),
        eq(recordEntries.isLatest, true),
      ),
    )
    .orderBy(desc(recordEntries.occurredOn), desc(recordEntries.createdAt));
  return rows.map((r) => ({
    ...r,
    sourceChanged: r.sourceLatestVersion !== null && r.sourceLatestVersion > (r.entry.sourceVersion ?? 0),
  }));
}

/**
 * One copy: every version of it, its provenance and the source's state. `sourceHref` is set only
 * when this person may open the source; otherwise the page says the source is not available to them.
 */
export async function getDuplicate(db: Queryable, actor: Actor, access: ChildAccess, entryId: string) {
  if (!isUuid(entryId)) return null;
  const versions = await db
    .select({ entry: recordEntries, authorName: author.name, sourceAuthorName: sourceAuthor.name })
    .from(recordEntries)
    .innerJoin(author, eq(author.id, recordEntries.createdBy))
    .leftJoin(sourceAuthor, eq(sourceAuthor.id, recordEntries.sourceAuthorId))
    .where(
      and(
        entryVisibility(actor, access, "duplicates"),
        eq(recordEntries.section, "duplicates"),
        eq(recordEntries.entryId, entryId),
      ),
    )
    .orderBy(asc(recordEntries.version));
  const latest = versions.find((v) => v.entry.isLatest);
  if (!latest) return null;
  const e = latest.entry;
  const [state] = await db
    .select({ latestVersion: sourceLatest })
    .from(recordEntries)
    .where(eq(recordEntries.id, e.id))
    .limit(1);
  let sourceHref: string | null = null;
  if (e.sourceKind === "carer_entry" && e.sourceCarerRecordId && e.sourceEntryId) {
    const carer = await carerAccess(db, actor, e.sourceCarerRecordId);
    if (allows(actor, carer, "carerEntries.view"))
      sourceHref = `/carers/${e.sourceCarerRecordId}/entries/${e.sourceEntryId}?version=${e.sourceVersion ?? 1}`;
  }
  const sourceLatestVersion = state?.latestVersion ?? null;
  let shared: { version: number; kind: string; occurredOn: string; title: string; details: string } | null = null;
  if (e.sourceKind === "shared_entry" && e.sourceEntryId) {
    const [row] = await db
      .select()
      .from(sharedEntries)
      .where(and(eq(sharedEntries.entryId, e.sourceEntryId), sql`${sharedEntries.supersededAt} is null`))
      .limit(1);
    shared = row ?? null;
  }
  return {
    versions,
    latest,
    sourceLatestVersion,
    sourceChanged: sourceLatestVersion !== null && sourceLatestVersion > (e.sourceVersion ?? 0),
    sourceHref,
    /** The shared entry's latest version, for amending it from this copy. */
    shared,
  };
}

/** This child and each sibling linked to it now whose record the person may add a copy to. */
export async function sharedEntryChoices(db: Queryable, actor: Actor, access: ChildAccess) {
  const [self] = await db
    .select({ firstName: children.firstName, lastName: children.lastName })
    .from(children)
    .where(eq(children.id, access.childId))
    .limit(1);
  const out = [{ childId: access.childId, name: self ? `${self.firstName} ${self.lastName}` : "This child" }];
  for (const link of await listSiblingLinks(db, access)) {
    if (link.endDate) continue;
    const other = await childAccess(db, actor, link.siblingId);
    if (other && allows(actor, other, "sharedEntry.record"))
      out.push({ childId: link.siblingId, name: `${link.firstName} ${link.lastName}` });
  }
  return out;
}
