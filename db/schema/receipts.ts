// Receipts of requests sent with an idempotency key: a retry of the same request by the same
// person (after a network failure, say) finds the first one's receipt and gets its result back
// instead of doing the work again. Inserted in the transaction of the work itself.
import { sql } from "drizzle-orm";
import { check, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./common";
import { users } from "./people";

export const requestReceipts = pgTable(
  "request_receipts",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    /** Made by the browser when the person submits (a UUID), sent again with every retry. */
    key: uuid().notNull(),
    /** The policy of the request: a key is never honoured for a different kind of request. */
    policy: text().notNull(),
    /** What the first request answered; null only inside its own transaction. */
    result: jsonb().$type<unknown>(),
    createdAt,
  },
  (t) => [uniqueIndex().on(t.userId, t.key), check("request_receipts_policy", sql`${t.policy} <> ''`)],
);
export type RequestReceipt = typeof requestReceipts.$inferSelect;
