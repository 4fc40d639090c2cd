// Counters that slow password guessing: one row per client address, and one per (account,
// address) pair. Rows are updated in place, never removed (the retention hold refuses DELETE on
// every table); a counter starts again when its window has passed.
import { integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./people";

/** Failed sign-ins from one address, whatever account (or none) they named. */
export const signInAddresses = pgTable("sign_in_addresses", {
  address: text().primaryKey(),
  failures: integer().notNull().default(0),
  windowStartedAt: timestamp({ withTimezone: true }).notNull(),
  /** While in the future, every attempt from this address is refused. */
  lockedUntil: timestamp({ withTimezone: true }),
  updatedAt: timestamp({ withTimezone: true }).notNull(),
});
export type SignInAddress = typeof signInAddresses.$inferSelect;

/** Failed sign-ins against one account from one address, and when it last signed in from there. */
export const signInPairs = pgTable(
  "sign_in_pairs",
  {
    userId: uuid()
      .notNull()
      .references(() => users.id),
    address: text().notNull(),
    failures: integer().notNull().default(0),
    windowStartedAt: timestamp({ withTimezone: true }).notNull(),
    /** While in the future, this account cannot sign in from this address; elsewhere it still can. */
    lockedUntil: timestamp({ withTimezone: true }),
    /** A familiar address: the account may sign in from it even while strangers elsewhere are guessing. */
    lastSuccessAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.address] })],
);
export type SignInPair = typeof signInPairs.$inferSelect;
