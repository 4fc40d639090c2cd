// The child, their episodes of care (SSDA903 terms), siblings and provider arrangements.
import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, softDelete } from "./common";
import { organisations, teams, users } from "./people";
import { carerRecords } from "./carers";

export const children = pgTable(
  "children",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The authority's case reference, also the SSDA903 CHILD id. */
    reference: text().notNull().unique(),
    firstName: text().notNull(),
    lastName: text().notNull(),
    preferredName: text(),
    dateOfBirth: date().notNull(),
    dateOfDeath: date(),
    /** SSDA903 SEX: M, F, U. */
    sex: text().notNull(),
    /** SSDA903 ETHNIC code. */
    ethnicity: text().notNull(),
    upn: text(),
    /** Birth family's address: never shown to providers. */
    familyAddress: text(),
    teamId: uuid()
      .notNull()
      .references(() => teams.id),
    allocatedWorkerId: uuid().references(() => users.id),
    iroId: uuid().references(() => users.id),
    createdAt,
    ...softDelete,
  },
  (t) => [
    index().on(t.teamId, t.lastName, t.firstName),
    index().on(t.allocatedWorkerId),
    index().on(t.iroId),
    index("children_name_search_idx").using(
      "gin",
      sql`(lower(${t.firstName} || ' ' || ${t.lastName} || ' ' || coalesce(${t.preferredName}, ''))) gin_trgm_ops`,
    ),
    check("children_sex_check", sql`${t.sex} in ('M','F','U')`),
  ],
);
export type Child = typeof children.$inferSelect;

export const episodes = pgTable(
  "episodes",
  {
    id: uuid().primaryKey().defaultRandom(),
    childId: uuid()
      .notNull()
      .references(() => children.id),
    /** DECOM: date the episode started. */
    startDate: date().notNull(),
    /** RNE: reason for new episode. */
    reasonNewEpisode: text().notNull(),
    /** LS: legal status. */
    legalStatus: text().notNull(),
    /** CIN: category of need. */
    categoryOfNeed: text().notNull(),
    /** PLACE: placement type. */
    placement: text().notNull(),
    /** PLACE_PROVIDER. */
    placementProvider: text(),
    /** DEC and REC: end date and reason ceased, both given or both blank. */
    endDate: date(),
    reasonCeased: text(),
    reasonPlaceChange: text(),
    homePostcode: text(),
    placementPostcode: text(),
    urn: text(),
    carerRecordId: uuid().references(() => carerRecords.id),
    createdAt,
    ...softDelete,
  },
  (t) => [
    index().on(t.childId, t.startDate),
    check("episodes_end_pair_check", sql`(${t.endDate} is null) = (${t.reasonCeased} is null)`),
    check("episodes_dates_check", sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
  ],
);
export type Episode = typeof episodes.$inferSelect;

/** Cross-references between siblings' separate records; never a merge. */
export const siblingLinks = pgTable(
  "sibling_links",
  {
    id: uuid().primaryKey().defaultRandom(),
    childId: uuid()
      .notNull()
      .references(() => children.id),
    siblingId: uuid()
      .notNull()
      .references(() => children.id),
    relationship: text().notNull().default("sibling"),
    createdAt,
    ...softDelete,
  },
  (t) => [uniqueIndex().on(t.childId, t.siblingId), check("sibling_not_self", sql`${t.childId} <> ${t.siblingId}`)],
);

/** Arrangements for the authority's functions to be discharged by a provider; they also grant provider users access. */
export const providerArrangements = pgTable(
  "provider_arrangements",
  {
    /** One row per version. */
    id: uuid().primaryKey().defaultRandom(),
    /** The logical arrangement: every version of it shares this id. */
    arrangementId: uuid().notNull(),
    version: integer().notNull(),
    childId: uuid()
      .notNull()
      .references(() => children.id),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    functions: text().notNull(),
    startDate: date().notNull(),
    /** Access ends on this date: the provider sees the child on days strictly before it. */
    endDate: date(),
    createdAt,
    createdBy: uuid().references(() => users.id),
    /** An amendment is a new row; the row it replaces is kept, marked superseded. */
    supersedesId: uuid(),
    supersededAt: timestamp({ withTimezone: true }),
    amendReason: text(),
    ...softDelete,
  },
  (t) => [
    uniqueIndex().on(t.arrangementId, t.version),
    index().on(t.organisationId, t.childId),
    index().on(t.childId),
    check("provider_arrangement_version_positive", sql`${t.version} >= 1`),
    check("provider_arrangement_dates", sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
  ],
);
export type ProviderArrangement = typeof providerArrangements.$inferSelect;
