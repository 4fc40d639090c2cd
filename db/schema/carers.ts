// Records about a foster carer or a children's home: separate from any child's record.
import { pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, softDelete } from "./common";

export const carerKindEnum = pgEnum("carer_kind", ["foster_carer", "childrens_home"]);

export const carerRecords = pgTable("carer_records", {
  id: uuid().primaryKey().defaultRandom(),
  kind: carerKindEnum().notNull(),
  name: text().notNull().unique(),
  /** Ofsted unique reference number for homes (SSDA903 URN). */
  urn: text(),
  postcode: text(),
  createdAt,
  ...softDelete,
});
export type CarerRecord = typeof carerRecords.$inferSelect;
