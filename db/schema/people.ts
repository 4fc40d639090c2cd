// Teams, provider organisations and the people who sign in.
import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, softDelete } from "./common";

export const roleEnum = pgEnum("role", [
  "social_worker",
  "team_manager",
  "iro",
  "provider",
  "records_officer",
  "supervising_social_worker",
]);
export type Role = (typeof roleEnum.enumValues)[number];

export const teams = pgTable("teams", {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull().unique(),
  createdAt,
  ...softDelete,
});
export type Team = typeof teams.$inferSelect;

export const organisationKindEnum = pgEnum("organisation_kind", [
  "independent_fostering_provider",
  "social_work_provider",
]);

export const organisations = pgTable("organisations", {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull().unique(),
  kind: organisationKindEnum().notNull(),
  createdAt,
  ...softDelete,
});
export type Organisation = typeof organisations.$inferSelect;

export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull().unique(),
    name: text().notNull(),
    role: roleEnum().notNull(),
    teamId: uuid().references(() => teams.id),
    organisationId: uuid().references(() => organisations.id),
    /** argon2id hash; null for accounts that only sign in through the council's identity provider. */
    passwordHash: text(),
    active: boolean().notNull().default(true),
    failedSignIns: integer().notNull().default(0),
    lockedUntil: timestamp({ withTimezone: true }),
    lastSignInAt: timestamp({ withTimezone: true }),
    /**
     * Sessions are JWTs with no server-side record: each carries the version current when it was
     * issued, and signing out moves the version on, so every earlier copy stops working at once
     * (a counter, not a time, so servers' clocks need not agree).
     */
    sessionVersion: integer().notNull().default(0),
    /** SW_ID: the social worker's Social Work England registration (SW then digits), for sw_episodes. */
    swId: text().unique("users_sw_id_unique"),
    createdAt,
    ...softDelete,
  },
  (t) => [
    index().on(t.teamId),
    index().on(t.organisationId),
    check("users_sw_id_format", sql`${t.swId} is null or ${t.swId} ~ '^SW[0-9]{1,10}$'`),
  ],
);
export type User = typeof users.$inferSelect;
