// Facts the SSDA903 return needs that no other part of the record holds: contact with care
// leavers around their 17th to 21st birthdays (OC3) and a child's adoption milestones (AD1 and
// placed_for_adoption). Both are version chains: a correction is a new version and the one it
// replaces is kept, marked superseded, so the current row is always "superseded_at is null".
import { sql } from "drizzle-orm";
import { boolean, check, date, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, softDelete } from "./common";
import { children } from "./children";
import { users } from "./people";

/** OC3: what the authority knew about a care leaver around one birthday (17 to 21). */
export const careLeaverContacts = pgTable(
  "care_leaver_contacts",
  {
    /** One row per version. */
    id: uuid().primaryKey().defaultRandom(),
    childId: uuid()
      .notNull()
      .references(() => children.id),
    /** The birthday the contact is for: 17 to 21. The chain is (child, age). */
    age: integer().notNull(),
    version: integer().notNull().default(1),
    contactedOn: date().notNull(),
    /** IN_TOUCH. */
    inTouch: text().notNull(),
    /** ACTIV: given exactly when in touch (the return writes 0 otherwise). */
    activity: text(),
    /** ACCOM: given exactly when in touch (the return writes 0 otherwise). */
    accommodation: text(),
    /** Why an earlier version for this birthday was corrected. */
    amendReason: text(),
    recordedBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt,
    supersededAt: timestamp({ withTimezone: true }),
    ...softDelete,
  },
  (t) => [
    uniqueIndex().on(t.childId, t.age, t.version),
    // The export reads the latest per child and birthday with this one predicate.
    uniqueIndex("care_leaver_contacts_current_idx")
      .on(t.childId, t.age)
      .where(sql`${t.supersededAt} is null`),
    check("care_leaver_contacts_age", sql`${t.age} between 17 and 21`),
    check("care_leaver_contacts_version_positive", sql`${t.version} >= 1`),
    check("care_leaver_contacts_in_touch", sql`${t.inTouch} in ('YES','NO','DIED','REFU','NREQ','RHOM')`),
    check(
      "care_leaver_contacts_activity",
      sql`${t.activity} is null or ${t.activity} in ('F1','P1','F2','P2','F4','P4','F5','P5','G4','G5','G6')`,
    ),
    check(
      "care_leaver_contacts_accommodation",
      sql`${t.accommodation} is null or ${t.accommodation} ~ '^([BCDEGHKRTUVWYZ][12]|[SX]2)$'`,
    ),
    check(
      "care_leaver_contacts_in_touch_details",
      sql`(${t.inTouch} = 'YES') = (${t.activity} is not null) and (${t.inTouch} = 'YES') = (${t.accommodation} is not null)`,
    ),
  ],
);
export type CareLeaverContact = typeof careLeaverContacts.$inferSelect;

/** AD1 and placed_for_adoption: one chain per child; the version with no superseded_at is current. */
export const adoptionMilestones = pgTable(
  "adoption_milestones",
  {
    id: uuid().primaryKey().defaultRandom(),
    childId: uuid()
      .notNull()
      .references(() => children.id),
    version: integer().notNull().default(1),
    /** The decision that the child should be placed for adoption: DATE_PLACED and DATE_INT. */
    decisionOn: date().notNull(),
    /** DATE_MATCH: matched with the prospective adopters. */
    matchedOn: date(),
    /** DATE_PLACED_CEASED and REASON_PLACED_CEASED: the decision reversed, both or neither. */
    reversedOn: date(),
    reversedReason: text(),
    /** FOSTER_CARE: adopted by their foster carer(s). */
    adoptedByFosterCarer: boolean(),
    /** NB_ADOPTR: 1 or 2. */
    numberOfAdopters: integer(),
    /** SEX_ADOPTR. */
    adoptersSex: text(),
    /** LS_ADOPTR. */
    adoptersLegalStatus: text(),
    amendReason: text(),
    recordedBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt,
    supersededAt: timestamp({ withTimezone: true }),
    ...softDelete,
  },
  (t) => [
    uniqueIndex().on(t.childId, t.version),
    uniqueIndex("adoption_milestones_current_idx")
      .on(t.childId)
      .where(sql`${t.supersededAt} is null`),
    check("adoption_milestones_version_positive", sql`${t.version} >= 1`),
    check("adoption_milestones_match_order", sql`${t.matchedOn} is null or ${t.matchedOn} >= ${t.decisionOn}`),
    check("adoption_milestones_reversal_pair", sql`(${t.reversedOn} is null) = (${t.reversedReason} is null)`),
    check("adoption_milestones_reversal_order", sql`${t.reversedOn} is null or ${t.reversedOn} > ${t.decisionOn}`),
    check(
      "adoption_milestones_reversal_reason",
      sql`${t.reversedReason} is null or ${t.reversedReason} in ('RD1','RD2','RD3','RD4')`,
    ),
    check("adoption_milestones_number", sql`${t.numberOfAdopters} is null or ${t.numberOfAdopters} in (1, 2)`),
    check("adoption_milestones_sex", sql`${t.adoptersSex} is null or ${t.adoptersSex} in ('M1','F1','MM','FF','MF')`),
    check(
      "adoption_milestones_legal_status",
      sql`${t.adoptersLegalStatus} is null or ${t.adoptersLegalStatus} in ('L0','L11','L12','L2','L3','L4')`,
    ),
    // One adopter is M1 or F1 and a single person (L0); a couple is MM, FF or MF and never L0.
    check(
      "adoption_milestones_single_or_couple",
      sql`(${t.numberOfAdopters} is null or ${t.adoptersSex} is null or (${t.numberOfAdopters} = 1) = (${t.adoptersSex} in ('M1','F1'))) and (${t.numberOfAdopters} is null or ${t.adoptersLegalStatus} is null or (${t.numberOfAdopters} = 1) = (${t.adoptersLegalStatus} = 'L0'))`,
    ),
  ],
);
export type AdoptionMilestone = typeof adoptionMilestones.$inferSelect;
