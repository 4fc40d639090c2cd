-- A carer's or home's placed children by index, and every sibling link of one child (ended ones
-- too). IF NOT EXISTS: a bench database may have the first already.
CREATE INDEX IF NOT EXISTS "episodes_carer_record_idx" ON "episodes" USING btree ("carer_record_id","start_date") WHERE "episodes"."carer_record_id" is not null;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "sibling_links_child_idx" ON "sibling_links" USING btree ("child_id","start_date");