// The child's record: every section's entries in one versioned, append-only table (the
// chronology's spine), documents stored once by content hash, and autosaved form drafts.
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { children } from "./children";
import { carerRecords } from "./carers";
import { createdAt, softDelete } from "./common";
import { organisations, users } from "./people";
import type { Confidentiality, DocumentCategory, EntrySection, EntryStatus } from "./codes";

export * from "./codes";

export const recordEntries = pgTable(
  "record_entries",
  {
    /** One row per version. */
    id: uuid().primaryKey().defaultRandom(),
    /** The logical entry: every version of it shares this id. */
    entryId: uuid().notNull(),
    version: integer().notNull(),
    childId: uuid()
      .notNull()
      .references(() => children.id),
    section: text().$type<EntrySection>().notNull(),
    /** The date the event happened: the chronology's order. */
    occurredOn: date().notNull(),
    title: text().notNull(),
    /** Section-specific fields, validated by the section's zod schema. */
    data: jsonb().$type<Record<string, unknown>>().notNull(),
    confidentiality: text().$type<Confidentiality>().notNull().default("standard"),
    status: text().$type<EntryStatus>().notNull().default("recorded"),
    /** The latest version of its entry (for a care plan: every version that has left draft). */
    inChronology: boolean().notNull().default(true),
    isLatest: boolean().notNull().default(true),
    significant: boolean().notNull().default(false),
    childProperty: boolean().notNull().default(false),
    providerSubmitted: boolean().notNull().default(false),
    submittedByOrganisationId: uuid().references(() => organisations.id),
    /** Why this version replaced the previous one. */
    amendReason: text(),
    /** Optimistic concurrency for drafts edited in place (care plans before approval). */
    lockVersion: integer().notNull().default(0),
    /** A duplicate entry placed from a carer's or home's record, linked to its source. */
    sourceCarerRecordId: uuid().references(() => carerRecords.id),
    /** The source record's name as it was when the copy was placed (a carer's or home's record, or "shared"). */
    sourceReference: text(),
    /**
     * Provenance of a duplicate entry: an entry of a carer's or home's record, or an entry recorded
     * once for several siblings; which entry, which of its versions the copy holds, who wrote it and when.
     */
    sourceKind: text().$type<"carer_entry" | "shared_entry">(),
    sourceEntryId: uuid(),
    sourceVersion: integer(),
    sourceAuthorId: uuid().references(() => users.id),
    sourceRecordedAt: timestamp({ withTimezone: true }),
    /** A misfiled entry sealed on the wrong record: retained, hidden, audited. */
    sealedReason: text(),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt,
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    submittedBy: uuid().references(() => users.id),
    submittedAt: timestamp({ withTimezone: true }),
    approvedBy: uuid().references(() => users.id),
    approvedAt: timestamp({ withTimezone: true }),
    ...softDelete,
  },
  (t) => [
    uniqueIndex().on(t.entryId, t.version),
    // The chronology and each section's list: one child's rows, newest first.
    index("record_entries_chronology_idx")
      .on(t.childId, t.occurredOn.desc(), t.id)
      .where(sql`${t.inChronology}`),
    index("record_entries_section_idx")
      .on(t.childId, t.section, t.occurredOn.desc())
      .where(sql`${t.isLatest}`),
    // Care plan approvals of one child (every version approved, not only the latest): the
    // statutory clock's review dates count from them.
    index("record_entries_approvals_idx")
      .on(t.childId, t.approvedAt)
      .where(sql`${t.approvedAt} is not null`),
    // The statutory clock's other facts, one child's matching rows only (lib/timescales/facts.ts).
    index("record_entries_statutory_visits_idx")
      .on(t.childId, t.occurredOn)
      .where(
        sql`${t.section} = 'visits' and ${t.isLatest} and ${t.confidentiality} <> 'sealed' and ${t.deletedAt} is null and (${t.data} ->> 'visitType') = 'Statutory visit'`,
      ),
    index("record_entries_health_assessments_idx")
      .on(t.childId, t.occurredOn)
      .where(
        sql`${t.section} = 'health' and ${t.isLatest} and ${t.confidentiality} <> 'sealed' and ${t.deletedAt} is null and (${t.data} ->> 'assessmentType') in ('Initial health assessment', 'Review health assessment')`,
      ),
    index("record_entries_pep_dates_idx")
      .on(t.childId, sql`(${t.data} ->> 'pepDate')`)
      .where(
        sql`${t.section} = 'education' and ${t.isLatest} and ${t.confidentiality} <> 'sealed' and ${t.deletedAt} is null and (${t.data} ->> 'pepDate') ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`,
      ),
    check("record_entries_confidentiality", sql`${t.confidentiality} in ('standard','restricted','sealed')`),
    check(
      "record_entries_status",
      sql`${t.status} in ('recorded','draft','submitted','returned','approved','superseded')`,
    ),
    check("record_entries_version_positive", sql`${t.version} >= 1`),
    check(
      "record_entries_provenance",
      sql`(${t.sourceKind} is null) = (${t.sourceEntryId} is null) and (${t.sourceEntryId} is null) = (${t.sourceVersion} is null)`,
    ),
    index("record_entries_source_idx")
      .on(t.sourceEntryId)
      .where(sql`${t.sourceEntryId} is not null`),
    // One duplicate entry per source on a child's record: placed once, then brought up to date as versions.
    uniqueIndex("record_entries_one_copy_per_child")
      .on(t.childId, t.sourceEntryId)
      .where(sql`${t.version} = 1 and ${t.sourceEntryId} is not null`),
  ],
);
export type RecordEntry = typeof recordEntries.$inferSelect;

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/** The largest chunk of a stored file: small enough to read and write one at a time, never the whole file. */
export const BLOB_CHUNK_BYTES = 1024 * 1024;

/**
 * A stored file's header, one per content (SHA-256): its size, type and how many chunks hold it
 * (behind lib/documents/storage so an object store can replace it). Written once, never changed.
 */
export const documentBlobs = pgTable(
  "document_blobs",
  {
    sha256: text().primaryKey(),
    sizeBytes: bigint({ mode: "number" }).notNull(),
    mimeType: text().notNull(),
    chunkCount: integer().notNull(),
    createdAt,
  },
  (t) => [
    check("document_blobs_sha256_hex", sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check("document_blobs_chunk_count", sql`${t.chunkCount} >= 0`),
  ],
);
export type DocumentBlob = typeof documentBlobs.$inferSelect;

/** A file's content in order, at most BLOB_CHUNK_BYTES a row; the database checks at commit that a blob is whole. */
export const documentBlobChunks = pgTable(
  "document_blob_chunks",
  {
    sha256: text()
      .notNull()
      .references(() => documentBlobs.sha256),
    /** From 0. */
    seq: integer().notNull(),
    bytes: bytea().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sha256, t.seq] }),
    check("document_blob_chunks_seq", sql`${t.seq} >= 0`),
    check(
      "document_blob_chunks_size",
      sql`octet_length(${t.bytes}) between 1 and ${sql.raw(String(BLOB_CHUNK_BYTES))}`,
    ),
  ],
);

export const documents = pgTable(
  "documents",
  {
    id: uuid().primaryKey().defaultRandom(),
    childId: uuid()
      .notNull()
      .references(() => children.id),
    /** The section entry this document is attached to, if any (a logical entry id). */
    entryId: uuid(),
    blobSha256: text()
      .notNull()
      .references(() => documentBlobs.sha256),
    fileName: text().notNull(),
    title: text().notNull(),
    category: text().$type<DocumentCategory>().notNull(),
    confidentiality: text().$type<Confidentiality>().notNull().default("standard"),
    childProperty: boolean().notNull().default(false),
    /** Chosen by the worker for the child's progress file. */
    inProgressFile: boolean().notNull().default(false),
    documentDate: date().notNull(),
    providerSubmitted: boolean().notNull().default(false),
    /** The provider organisation that submitted it: its staff keep seeing it even if the uploader moves on. */
    submittedByOrganisationId: uuid().references(() => organisations.id),
    uploadedBy: uuid()
      .notNull()
      .references(() => users.id),
    sealedReason: text(),
    createdAt,
    ...softDelete,
  },
  (t) => [
    index().on(t.childId, t.documentDate.desc()),
    index().on(t.entryId),
    check("documents_confidentiality", sql`${t.confidentiality} in ('standard','restricted','sealed')`),
  ],
);
export type DocumentRow = typeof documents.$inferSelect;

/** Server-side autosave of long forms, so no work is lost to a time-out. Never deleted: marked used. */
export const formDrafts = pgTable(
  "form_drafts",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    childId: uuid()
      .notNull()
      .references(() => children.id),
    /** e.g. "visits:new", "carePlan:<entryId>", "contact:<entryId>". */
    formKey: text().notNull(),
    data: jsonb().$type<Record<string, unknown>>().notNull(),
    /** Kept when a save was refused as a conflict, so both texts survive. */
    conflictWithVersion: integer(),
    savedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    usedAt: timestamp({ withTimezone: true }),
    ...softDelete,
  },
  (t) => [uniqueIndex().on(t.userId, t.childId, t.formKey)],
);
export type FormDraft = typeof formDrafts.$inferSelect;
