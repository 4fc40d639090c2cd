ALTER TABLE "children" ADD COLUMN "not_duplicate_reason" text;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "children" ADD CONSTRAINT "children_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- References for new children's records: the authority's next number (the demo uses DEMO-1001 upwards).
CREATE SEQUENCE IF NOT EXISTS child_reference_seq START WITH 5001;
