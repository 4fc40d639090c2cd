// Column groups shared by record tables: the soft-delete columns the retention hold guards.
import { text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Present on every record table for when national guidance allows destruction; refused while the hold is on. */
export const softDelete = {
  deletedAt: timestamp({ withTimezone: true }),
  deletedBy: uuid(),
  deletionReason: text(),
};

export const createdAt = timestamp({ withTimezone: true }).notNull().defaultNow();
