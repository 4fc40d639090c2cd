// Records about a foster carer household or a children's home: separate from any child's record,
// with their own versioned details, their own versioned entries, and their own audit chain.
import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, softDelete } from "./common";
import { teams, users } from "./people";

export const carerKindEnum = pgEnum("carer_kind", ["foster_carer", "childrens_home"]);

/** The record's identity. What it says (address, approval, provider) is in its versions. */
export const carerRecords = pgTable("carer_records", {
  id: uuid().primaryKey().defaultRandom(),
  kind: carerKindEnum().notNull(),
  name: text().notNull().unique(),
  /** Ofsted unique reference number for homes (SSDA903 URN), as first recorded; the latest version has the current one. */
  urn: text(),
  postcode: text(),
  /** The fostering team that keeps the record. */
  teamId: uuid().references(() => teams.id),
  createdAt,
  ...softDelete,
});
export type CarerRecord = typeof carerRecords.$inferSelect;

/** One row per version of a carer's or home's details; a change is a new version with a reason. */
export const carerRecordVersions = pgTable(
  "carer_record_versions",
  {
    id: uuid().primaryKey().defaultRandom(),
    carerRecordId: uuid()
      .notNull()
      .references(() => carerRecords.id),
    version: integer().notNull(),
    /** The foster carers of the household, by name (a home: its registered manager). */
    carers: jsonb().$type<string[]>().notNull().default([]),
    /** Other members of the household (foster carers), in words. */
    household: text(),
    address: text(),
    /** SSDA903 PL_POST for children placed here. */
    postcode: text(),
    /** Ofsted URN (children's homes; SSDA903 URN). */
    urn: text(),
    /** The fostering service (the authority's own, or an independent fostering agency) or the home's provider. */
    provider: text(),
    /** Foster carers: the terms of approval. */
    approvalType: text(),
    approvalTerms: text(),
    approvedPlaces: integer(),
    ageFrom: integer(),
    ageTo: integer(),
    approvedOn: date(),
    /** When a foster carer's approval ended; the record is kept at least 10 years from then. */
    approvalEndedOn: date(),
    /** The supervising social worker (foster carers) or the authority's link worker (homes). */
    supervisingWorkerId: uuid().references(() => users.id),
    amendReason: text(),
    createdBy: uuid().references(() => users.id),
    createdAt,
    supersededAt: timestamp({ withTimezone: true }),
    ...softDelete,
  },
  (t) => [
    uniqueIndex().on(t.carerRecordId, t.version),
    index()
      .on(t.supervisingWorkerId)
      .where(sql`${t.supersededAt} is null`),
    check("carer_record_versions_version_positive", sql`${t.version} >= 1`),
    check(
      "carer_record_versions_ages",
      sql`${t.ageFrom} is null or ${t.ageTo} is null or (${t.ageFrom} between 0 and 18 and ${t.ageTo} between ${t.ageFrom} and 18)`,
    ),
    check("carer_record_versions_places", sql`${t.approvedPlaces} is null or ${t.approvedPlaces} between 1 and 10`),
    check(
      "carer_record_versions_approval_end",
      sql`${t.approvalEndedOn} is null or ${t.approvedOn} is null or ${t.approvalEndedOn} >= ${t.approvedOn}`,
    ),
  ],
);
export type CarerRecordVersion = typeof carerRecordVersions.$inferSelect;

export const CARER_ENTRY_KINDS = [
  "household_change",
  "approval_review",
  "incident",
  "supervising_visit",
  "note",
] as const;
export type CarerEntryKind = (typeof CARER_ENTRY_KINDS)[number];

/** Entries on a carer's or home's own record, versioned like a child's entries. */
export const carerEntries = pgTable(
  "carer_entries",
  {
    /** One row per version. */
    id: uuid().primaryKey().defaultRandom(),
    /** The logical entry: every version of it shares this id. */
    entryId: uuid().notNull(),
    version: integer().notNull(),
    carerRecordId: uuid()
      .notNull()
      .references(() => carerRecords.id),
    kind: text().$type<CarerEntryKind>().notNull(),
    occurredOn: date().notNull(),
    title: text().notNull(),
    details: text().notNull(),
    amendReason: text(),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt,
    supersededAt: timestamp({ withTimezone: true }),
    ...softDelete,
  },
  (t) => [
    uniqueIndex().on(t.entryId, t.version),
    index().on(t.carerRecordId, t.occurredOn.desc()),
    check(
      "carer_entries_kind",
      sql`${t.kind} in ('household_change','approval_review','incident','supervising_visit','note')`,
    ),
    check("carer_entries_version_positive", sql`${t.version} >= 1`),
  ],
);
export type CarerEntry = typeof carerEntries.$inferSelect;

export const SHARED_ENTRY_KINDS = ["joint_contact", "shared_letter", "joint_meeting", "other"] as const;
export type SharedEntryKind = (typeof SHARED_ENTRY_KINDS)[number];

/**
 * An entry that concerns several siblings, recorded once. It belongs to no child: each child's
 * record holds its own duplicate entry (record_entries), with its own confidentiality and sealing.
 */
export const sharedEntries = pgTable(
  "shared_entries",
  {
    id: uuid().primaryKey().defaultRandom(),
    entryId: uuid().notNull(),
    version: integer().notNull(),
    kind: text().$type<SharedEntryKind>().notNull(),
    occurredOn: date().notNull(),
    title: text().notNull(),
    details: text().notNull(),
    amendReason: text(),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt,
    supersededAt: timestamp({ withTimezone: true }),
    ...softDelete,
  },
  (t) => [
    uniqueIndex().on(t.entryId, t.version),
    check("shared_entries_kind", sql`${t.kind} in ('joint_contact','shared_letter','joint_meeting','other')`),
    check("shared_entries_version_positive", sql`${t.version} >= 1`),
  ],
);
export type SharedEntry = typeof sharedEntries.$inferSelect;
