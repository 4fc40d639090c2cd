// The people around a child: parents, relatives and other significant people as person records
// (one record however many siblings they are linked to), each child's links to them, and links
// between siblings' contact arrangements. Children's records stay separate.
import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { children } from "./children";
import { createdAt, softDelete } from "./common";
import { users } from "./people";

/** One row per version of a person's details; a change of address is a new version with a reason. */
export const persons = pgTable(
  "persons",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The person: every version shares this id. */
    personId: uuid().notNull(),
    version: integer().notNull(),
    firstName: text().notNull(),
    lastName: text().notNull(),
    /** Contact details: never shown to providers (birth-family addresses are restricted). */
    address: text(),
    phone: text(),
    email: text(),
    amendReason: text(),
    createdBy: uuid().references(() => users.id),
    createdAt,
    supersededAt: timestamp({ withTimezone: true }),
    ...softDelete,
  },
  (t) => [uniqueIndex().on(t.personId, t.version), check("persons_version_positive", sql`${t.version} >= 1`)],
);
export type PersonVersion = typeof persons.$inferSelect;

export const PERSON_RELATIONSHIPS = [
  "mother",
  "father",
  "step_parent",
  "grandparent",
  "aunt_or_uncle",
  "friend",
  "other",
] as const;
export type PersonRelationship = (typeof PERSON_RELATIONSHIPS)[number];

/** A child's link to a person: the relationship, parental responsibility, from when and until when. */
export const childPeople = pgTable(
  "child_people",
  {
    id: uuid().primaryKey().defaultRandom(),
    childId: uuid()
      .notNull()
      .references(() => children.id),
    personId: uuid().notNull(),
    relationship: text().$type<PersonRelationship>().notNull(),
    /** Only for "other": what the relationship is. */
    relationshipDetail: text(),
    parentalResponsibility: boolean().notNull().default(false),
    startDate: date().notNull(),
    endDate: date(),
    endReason: text(),
    createdBy: uuid().references(() => users.id),
    createdAt,
    ...softDelete,
  },
  (t) => [
    index().on(t.childId),
    index().on(t.personId),
    uniqueIndex("child_people_current_idx")
      .on(t.childId, t.personId)
      .where(sql`${t.endDate} is null`),
    check(
      "child_people_relationship",
      sql`${t.relationship} in ('mother','father','step_parent','grandparent','aunt_or_uncle','friend','other')`,
    ),
    check("child_people_end_pair", sql`(${t.endDate} is null) = (${t.endReason} is null)`),
    check("child_people_dates", sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
  ],
);
export type ChildPerson = typeof childPeople.$inferSelect;

/** Two siblings' contact arrangements (contact entries) linked across their separate records. */
export const siblingContactLinks = pgTable(
  "sibling_contact_links",
  {
    id: uuid().primaryKey().defaultRandom(),
    childId: uuid()
      .notNull()
      .references(() => children.id),
    contactEntryId: uuid().notNull(),
    siblingId: uuid()
      .notNull()
      .references(() => children.id),
    siblingContactEntryId: uuid().notNull(),
    createdBy: uuid().references(() => users.id),
    createdAt,
    ...softDelete,
  },
  (t) => [
    index().on(t.childId),
    index().on(t.siblingId),
    uniqueIndex().on(t.contactEntryId, t.siblingContactEntryId),
    check("sibling_contact_links_two_children", sql`${t.childId} <> ${t.siblingId}`),
  ],
);
