// Reads of a child's documents, always narrowed by the access policy in SQL: confidentiality the
// person may see, and for a provider only what its own organisation submitted.
import { and, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import {
  documentBlobs,
  documents,
  recordEntries,
  users,
  type Confidentiality,
  type DocumentCategory,
  type EntrySection,
} from "@/db/schema";
import { allows, type Actor, type ChildAccess } from "@/lib/access";
import { isUuid } from "@/lib/validation";
import { DOCUMENTS_PAGE_SIZE } from "./schemas";
import { blobStore } from "./storage";

/**
 * A document attached to an entry is seen only while that entry's latest version is: restricting
 * or sealing the entry takes its documents with it.
 */
export function attachedEntryVisible(levels: readonly Confidentiality[]): SQL {
  const list = sql.join(
    levels.map((l) => sql`${l}`),
    sql`, `,
  );
  return sql`("documents"."entry_id" is null or exists (select 1 from ${recordEntries} le
    where le.entry_id = "documents"."entry_id" and le.is_latest and le.confidentiality in (${list})))`;
}

/** The documents of this child the person may see; for a provider, only what its organisation submitted. */
export function visibleDocuments(actor: Actor, access: ChildAccess): SQL {
  const levels = access.redactions.confidentiality;
  const conditions: SQL[] = [
    eq(documents.childId, access.childId),
    isNull(documents.deletedAt),
    inArray(documents.confidentiality, levels),
    attachedEntryVisible(levels),
  ];
  if (access.redactions.ownOrganisationSections.includes("documents")) {
    conditions.push(eq(documents.providerSubmitted, true));
    conditions.push(actor.organisationId ? eq(documents.submittedByOrganisationId, actor.organisationId) : sql`false`);
  }
  return and(...conditions) as SQL;
}

export interface DocumentListItem {
  id: string;
  title: string;
  fileName: string;
  category: DocumentCategory;
  confidentiality: Confidentiality;
  childProperty: boolean;
  inProgressFile: boolean;
  documentDate: string;
  providerSubmitted: boolean;
  uploadedByName: string;
  createdAt: Date;
  mimeType: string;
  sizeBytes: number;
  /** The entry it is attached to, when the person may see that entry. */
  entry: { entryId: string; section: EntrySection; title: string } | null;
}

const listColumns = {
  id: documents.id,
  title: documents.title,
  fileName: documents.fileName,
  category: documents.category,
  confidentiality: documents.confidentiality,
  childProperty: documents.childProperty,
  inProgressFile: documents.inProgressFile,
  documentDate: documents.documentDate,
  providerSubmitted: documents.providerSubmitted,
  uploadedByName: users.name,
  createdAt: documents.createdAt,
  mimeType: documentBlobs.mimeType,
  sizeBytes: documentBlobs.sizeBytes,
  entryId: recordEntries.entryId,
  entrySection: recordEntries.section,
  entryTitle: recordEntries.title,
};

type ListRow = Omit<DocumentListItem, "entry"> & {
  entryId: string | null;
  entrySection: EntrySection | null;
  entryTitle: string | null;
};

function toItem(actor: Actor, access: ChildAccess, row: ListRow): DocumentListItem {
  const { entryId, entrySection, entryTitle, ...rest } = row;
  const entry =
    entryId && entrySection && entryTitle !== null && allows(actor, access, `${entrySection}.view`)
      ? { entryId, section: entrySection, title: entryTitle }
      : null;
  return { ...rest, entry };
}

/** Documents joined to their uploader, blob metadata (never the content) and their visible entry. */
function selectDocuments(db: Queryable, actor: Actor, access: ChildAccess) {
  return db
    .select(listColumns)
    .from(documents)
    .innerJoin(users, eq(users.id, documents.uploadedBy))
    .innerJoin(documentBlobs, eq(documentBlobs.sha256, documents.blobSha256))
    .leftJoin(
      recordEntries,
      and(
        eq(recordEntries.entryId, documents.entryId),
        eq(recordEntries.childId, documents.childId),
        eq(recordEntries.isLatest, true),
        isNull(recordEntries.deletedAt),
        inArray(recordEntries.confidentiality, access.redactions.confidentiality),
      ),
    );
}

export async function listDocuments(
  db: Queryable,
  actor: Actor,
  access: ChildAccess,
  opts: { category?: DocumentCategory; page?: number; pageSize?: number } = {},
) {
  const pageSize = opts.pageSize ?? DOCUMENTS_PAGE_SIZE;
  const where = and(visibleDocuments(actor, access), opts.category ? eq(documents.category, opts.category) : undefined);
  const [countRow] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(documents)
    .innerJoin(users, eq(users.id, documents.uploadedBy))
    .where(where);
  const total = Number(countRow?.n ?? 0);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, opts.page ?? 1), pages);
  const rows = await selectDocuments(db, actor, access)
    .where(where)
    .orderBy(desc(documents.documentDate), desc(documents.createdAt), desc(documents.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { items: rows.map((r) => toItem(actor, access, r)), total, page, pages, pageSize };
}

/** The documents attached to one section entry, for the entry's page. */
export async function documentsForEntry(
  db: Queryable,
  actor: Actor,
  access: ChildAccess,
  entryId: string,
): Promise<DocumentListItem[]> {
  if (!isUuid(entryId)) return [];
  const rows = await selectDocuments(db, actor, access)
    .where(and(visibleDocuments(actor, access), eq(documents.entryId, entryId)))
    .orderBy(desc(documents.documentDate), desc(documents.createdAt), desc(documents.id));
  return rows.map((r) => toItem(actor, access, r));
}

/** One document and its stored blob (size, type and a stream of its content), or null when it does not exist or the person may not see it. */
export async function getDocumentForDownload(db: Queryable, actor: Actor, access: ChildAccess, documentId: string) {
  if (!isUuid(documentId)) return null;
  const [row] = await db
    .select({
      id: documents.id,
      title: documents.title,
      fileName: documents.fileName,
      sha256: documents.blobSha256,
      confidentiality: documents.confidentiality,
    })
    .from(documents)
    .innerJoin(users, eq(users.id, documents.uploadedBy))
    .where(and(visibleDocuments(actor, access), eq(documents.id, documentId)))
    .limit(1);
  if (!row) return null;
  const blob = await blobStore().get(row.sha256, db);
  if (!blob) return null;
  return { document: row, ...blob };
}

export interface AttachableEntry {
  entryId: string;
  section: EntrySection;
  title: string;
  confidentiality: Confidentiality;
}

/**
 * The latest version of an entry of this child that the person may see and attach a document to:
 * a readable section and a visible confidentiality; for a provider, only its organisation's entries.
 */
export async function attachableEntry(
  db: Queryable,
  actor: Actor,
  access: ChildAccess,
  entryId: string,
): Promise<AttachableEntry | null> {
  if (!isUuid(entryId)) return null;
  const levels = access.redactions.confidentiality.filter((c) => c !== "sealed");
  const [row] = await db
    .select({
      entryId: recordEntries.entryId,
      section: recordEntries.section,
      title: recordEntries.title,
      confidentiality: recordEntries.confidentiality,
    })
    .from(recordEntries)
    .where(
      and(
        eq(recordEntries.entryId, entryId),
        eq(recordEntries.childId, access.childId),
        eq(recordEntries.isLatest, true),
        isNull(recordEntries.deletedAt),
        inArray(recordEntries.confidentiality, levels),
        access.redactions.submitsAsProvider
          ? actor.organisationId
            ? eq(recordEntries.submittedByOrganisationId, actor.organisationId)
            : sql`false`
          : undefined,
      ),
    )
    .limit(1);
  if (!row || !allows(actor, access, `${row.section}.view`)) return null;
  return row;
}
