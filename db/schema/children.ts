// The child, their episodes of care (SSDA903 terms), siblings and provider arrangements.
import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
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
    /** Why the person who created the record said it is not one of the possible duplicates shown. */
    notDuplicateReason: text(),
    /** PREV_PERM: the permanence order before this care (P1 to P4, Z1 none); null until recorded. */
    previousPermanence: text(),
    /** LA_PERM: the three-digit code of the authority that made that order (P1 to P3 only). */
    previousPermanenceLa: text(),
    /** DATE_PERM: when that order was made (P1 to P3 only); null when not known. */
    previousPermanenceDate: date(),
    /** MOTHER: whether the child is a mother, recorded for girls; null until recorded. */
    isMother: boolean(),
    /** MC_DOB: the date of birth of the child's first child, given exactly when isMother is true. */
    motherChildDob: date(),
    createdBy: uuid().references(() => users.id),
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
    check(
      "children_previous_permanence_code",
      sql`${t.previousPermanence} is null or ${t.previousPermanence} in ('P1','P2','P3','P4','Z1')`,
    ),
    check(
      "children_previous_permanence_la",
      sql`${t.previousPermanenceLa} is null or ${t.previousPermanenceLa} ~ '^[0-9]{3}$'`,
    ),
    // The authority and the date belong to an order: none for Z1 (no order) or P4 (kind unknown).
    check(
      "children_previous_permanence_order",
      sql`(${t.previousPermanenceLa} is null and ${t.previousPermanenceDate} is null) or ${t.previousPermanence} in ('P1','P2','P3')`,
    ),
    check(
      "children_previous_permanence_date",
      sql`${t.previousPermanenceDate} is null or ${t.previousPermanenceDate} >= ${t.dateOfBirth}`,
    ),
    check("children_mother_sex", sql`${t.isMother} is null or ${t.sex} = 'F'`),
    check("children_mother_child_dob", sql`(${t.motherChildDob} is not null) = (${t.isMother} is true)`),
    check(
      "children_mother_child_after_12",
      sql`${t.motherChildDob} is null or ${t.motherChildDob} >= ${t.dateOfBirth} + interval '12 years'`,
    ),
  ],
);
export type Child = typeof children.$inferSelect;

export const episodes = pgTable(
  "episodes",
  {
    /** One row per version. */
    id: uuid().primaryKey().defaultRandom(),
    /** The logical episode: every version of it shares this id. */
    episodeId: uuid().notNull(),
    version: integer().notNull().default(1),
    childId: uuid()
      .notNull()
      .references(() => children.id),
    /** DECOM: the England date the episode started. */
    startDate: date().notNull(),
    /** The instant it started (police protection is counted in hours). */
    startedAt: timestamp({ withTimezone: true }).notNull(),
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
    endedAt: timestamp({ withTimezone: true }),
    reasonCeased: text(),
    reasonPlaceChange: text(),
    homePostcode: text(),
    placementPostcode: text(),
    urn: text(),
    carerRecordId: uuid().references(() => carerRecords.id),
    /** The court order (a court orders entry) that brought this legal status, if one did. */
    courtOrderEntryId: uuid(),
    /** The event that started it: startCare, changePlacement, changeLegalStatus, changeBoth, temporaryMove. */
    startedBy: text().notNull().default("startCare"),
    /** Set when a correction (a newer version) replaces this one; the row stays readable. */
    supersededAt: timestamp({ withTimezone: true }),
    amendReason: text(),
    createdBy: uuid().references(() => users.id),
    createdAt,
    ...softDelete,
  },
  (t) => [
    uniqueIndex().on(t.episodeId, t.version),
    index().on(t.childId, t.startDate),
    // The children placed with a carer or home, past and present, and whether a worker's child is there now.
    index("episodes_carer_record_idx")
      .on(t.carerRecordId, t.startDate)
      .where(sql`${t.carerRecordId} is not null`),
    check("episodes_end_pair_check", sql`(${t.endDate} is null) = (${t.reasonCeased} is null)`),
    check("episodes_dates_check", sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
    check("episodes_version_positive", sql`${t.version} >= 1`),
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
    /** full, half or step; "sibling" on links made before the kind was recorded. A pair is two rows, one on each record. */
    relationship: text().notNull().default("sibling"),
    /** Whether they are placed together or apart, and why. */
    placement: text().$type<"together" | "apart">(),
    placementReason: text(),
    startDate: date(),
    /** A link ends (with its reason) on both records at once; it is never removed. */
    endDate: date(),
    endReason: text(),
    createdBy: uuid().references(() => users.id),
    createdAt,
    ...softDelete,
  },
  (t) => [
    uniqueIndex("sibling_links_current_idx")
      .on(t.childId, t.siblingId)
      .where(sql`${t.endDate} is null`),
    // Every link of one child, ended ones included (the people page's history, subject access).
    index("sibling_links_child_idx").on(t.childId, t.startDate),
    check("sibling_not_self", sql`${t.childId} <> ${t.siblingId}`),
    check("sibling_links_kind", sql`${t.relationship} in ('sibling','full','half','step')`),
    check("sibling_links_placement", sql`${t.placement} is null or ${t.placement} in ('together','apart')`),
    check("sibling_links_end_pair", sql`(${t.endDate} is null) = (${t.endReason} is null)`),
  ],
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

/** Who is allocated to a child, spell by spell: social workers (SSDA903 sw_episodes), IROs and the team. */
export const allocations = pgTable(
  "allocations",
  {
    id: uuid().primaryKey().defaultRandom(),
    childId: uuid()
      .notNull()
      .references(() => children.id),
    kind: text().$type<"social_worker" | "iro" | "team">().notNull(),
    userId: uuid().references(() => users.id),
    teamId: uuid().references(() => teams.id),
    startDate: date().notNull(),
    endDate: date(),
    /** SSDA903 SW_REASON for a social worker's spell; words for the others. */
    endReason: text(),
    createdBy: uuid().references(() => users.id),
    createdAt,
    ...softDelete,
  },
  (t) => [
    index().on(t.childId, t.kind, t.startDate),
    index()
      .on(t.userId)
      .where(sql`${t.endDate} is null`),
    check("allocations_kind", sql`${t.kind} in ('social_worker','iro','team')`),
    check(
      "allocations_who",
      sql`(${t.kind} = 'team') = (${t.teamId} is not null) and (${t.kind} = 'team') = (${t.userId} is null)`,
    ),
    check("allocations_end_pair", sql`(${t.endDate} is null) = (${t.endReason} is null)`),
    check("allocations_dates", sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
  ],
);
export type Allocation = typeof allocations.$inferSelect;

/** Child Protection Plans: restricted detail, never shown to providers. */
export const childProtectionPlans = pgTable(
  "child_protection_plans",
  {
    id: uuid().primaryKey().defaultRandom(),
    childId: uuid()
      .notNull()
      .references(() => children.id),
    startedAt: timestamp({ withTimezone: true }).notNull(),
    startDate: date().notNull(),
    /** neglect, physical, sexual, emotional, multiple. */
    category: text().notNull(),
    endedAt: timestamp({ withTimezone: true }),
    endDate: date(),
    endReason: text(),
    createdBy: uuid().references(() => users.id),
    createdAt,
    ...softDelete,
  },
  (t) => [
    index().on(t.childId, t.startDate),
    check("cp_category", sql`${t.category} in ('neglect','physical','sexual','emotional','multiple')`),
    check("cp_end_pair", sql`(${t.endDate} is null) = (${t.endReason} is null)`),
  ],
);
export type ChildProtectionPlan = typeof childProtectionPlans.$inferSelect;

/**
 * CP and CLA marker tasks (the policy: actioned within 24 hours of a child starting a period of
 * care or a Child Protection Plan, and updated when it ends). Exact instants: the deadline is the
 * event plus 24 hours, right across the changes to and from British Summer Time.
 */
export const markerTasks = pgTable(
  "marker_tasks",
  {
    id: uuid().primaryKey().defaultRandom(),
    childId: uuid()
      .notNull()
      .references(() => children.id),
    marker: text().$type<"cla" | "cp">().notNull(),
    trigger: text().$type<"start" | "end">().notNull(),
    /** The episode or plan that raised it. */
    sourceId: uuid().notNull(),
    eventAt: timestamp({ withTimezone: true }).notNull(),
    dueAt: timestamp({ withTimezone: true }).notNull(),
    actionedBy: uuid().references(() => users.id),
    actionedAt: timestamp({ withTimezone: true }),
    createdAt,
    ...softDelete,
  },
  (t) => [
    uniqueIndex().on(t.sourceId, t.marker, t.trigger),
    index().on(t.childId, t.dueAt),
    index("marker_tasks_open_idx")
      .on(t.dueAt)
      .where(sql`${t.actionedAt} is null`),
    check("marker_kind", sql`${t.marker} in ('cla','cp') and ${t.trigger} in ('start','end')`),
    check("marker_due", sql`${t.dueAt} = ${t.eventAt} + interval '24 hours'`),
    check("marker_actioned_pair", sql`(${t.actionedAt} is null) = (${t.actionedBy} is null)`),
  ],
);
export type MarkerTask = typeof markerTasks.$inferSelect;

/**
 * Missing and away episodes (SSDA903 missing table): M missing from placement, A away from it
 * without authorisation. A return interview is offered when the child comes back; whether it was
 * accepted is recorded only when it was offered. A child's periods never overlap (checked under
 * the child's lock when one is recorded).
 */
export const missingEpisodes = pgTable(
  "missing_episodes",
  {
    id: uuid().primaryKey().defaultRandom(),
    childId: uuid()
      .notNull()
      .references(() => children.id),
    /** MISSING: M missing, A away without authorisation. */
    kind: text().$type<"M" | "A">().notNull(),
    startedAt: timestamp({ withTimezone: true }).notNull(),
    /** MIS_START: the England date it started. */
    startDate: date().notNull(),
    endedAt: timestamp({ withTimezone: true }),
    /** MIS_END. */
    endDate: date(),
    returnInterviewOffered: boolean(),
    returnInterviewAccepted: boolean(),
    createdBy: uuid().references(() => users.id),
    endedBy: uuid().references(() => users.id),
    createdAt,
    ...softDelete,
  },
  (t) => [
    index().on(t.childId, t.startedAt),
    check("missing_kind", sql`${t.kind} in ('M','A')`),
    check("missing_end_pair", sql`(${t.endedAt} is null) = (${t.endDate} is null)`),
    check("missing_dates", sql`${t.endedAt} is null or ${t.endedAt} >= ${t.startedAt}`),
    check(
      "missing_interview",
      sql`(${t.endedAt} is not null or ${t.returnInterviewOffered} is null) and (${t.returnInterviewOffered} is true or ${t.returnInterviewAccepted} is null)`,
    ),
  ],
);
export type MissingEpisode = typeof missingEpisodes.$inferSelect;

/** Unaccompanied asylum-seeking child status (SSDA903 uasc table): since when, and DUC, the date it ceased. */
export const uascStatuses = pgTable(
  "uasc_statuses",
  {
    id: uuid().primaryKey().defaultRandom(),
    childId: uuid()
      .notNull()
      .references(() => children.id),
    sinceDate: date().notNull(),
    /** DUC: the date the child ceased to be an unaccompanied asylum-seeking child. */
    ceasedDate: date(),
    ceasedReason: text(),
    createdBy: uuid().references(() => users.id),
    createdAt,
    ...softDelete,
  },
  (t) => [
    uniqueIndex().on(t.childId),
    check("uasc_ceased_pair", sql`(${t.ceasedDate} is null) = (${t.ceasedReason} is null)`),
    check("uasc_dates", sql`${t.ceasedDate} is null or ${t.ceasedDate} >= ${t.sinceDate}`),
  ],
);
export type UascStatus = typeof uascStatuses.$inferSelect;

/**
 * Two records later found to be the same child: never merged, cross-referenced. A records officer
 * marks the one in use; the other stays readable to those allowed and is sealed against new
 * entries (the database refuses them, see the migration's trigger).
 */
export const sameChildLinks = pgTable(
  "same_child_links",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The record in use. */
    inUseChildId: uuid()
      .notNull()
      .references(() => children.id),
    /** The record sealed against new entries. */
    sealedChildId: uuid()
      .notNull()
      .references(() => children.id),
    reason: text().notNull(),
    markedBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt,
    ...softDelete,
  },
  (t) => [
    uniqueIndex().on(t.sealedChildId),
    index().on(t.inUseChildId),
    check("same_child_not_self", sql`${t.inUseChildId} <> ${t.sealedChildId}`),
  ],
);
export type SameChildLink = typeof sameChildLinks.$inferSelect;
