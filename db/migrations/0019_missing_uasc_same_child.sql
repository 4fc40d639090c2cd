CREATE TABLE "missing_episodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"start_date" date NOT NULL,
	"ended_at" timestamp with time zone,
	"end_date" date,
	"return_interview_offered" boolean,
	"return_interview_accepted" boolean,
	"created_by" uuid,
	"ended_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"deletion_reason" text,
	CONSTRAINT "missing_kind" CHECK ("missing_episodes"."kind" in ('M','A')),
	CONSTRAINT "missing_end_pair" CHECK (("missing_episodes"."ended_at" is null) = ("missing_episodes"."end_date" is null)),
	CONSTRAINT "missing_dates" CHECK ("missing_episodes"."ended_at" is null or "missing_episodes"."ended_at" >= "missing_episodes"."started_at"),
	CONSTRAINT "missing_interview" CHECK (("missing_episodes"."ended_at" is not null or "missing_episodes"."return_interview_offered" is null) and ("missing_episodes"."return_interview_offered" is true or "missing_episodes"."return_interview_accepted" is null))
);
--> statement-breakpoint
CREATE TABLE "same_child_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"in_use_child_id" uuid NOT NULL,
	"sealed_child_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"marked_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"deletion_reason" text,
	CONSTRAINT "same_child_not_self" CHECK ("same_child_links"."in_use_child_id" <> "same_child_links"."sealed_child_id")
);
--> statement-breakpoint
CREATE TABLE "uasc_statuses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"since_date" date NOT NULL,
	"ceased_date" date,
	"ceased_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"deletion_reason" text,
	CONSTRAINT "uasc_ceased_pair" CHECK (("uasc_statuses"."ceased_date" is null) = ("uasc_statuses"."ceased_reason" is null)),
	CONSTRAINT "uasc_dates" CHECK ("uasc_statuses"."ceased_date" is null or "uasc_statuses"."ceased_date" >= "uasc_statuses"."since_date")
);
--> statement-breakpoint
ALTER TABLE "missing_episodes" ADD CONSTRAINT "missing_episodes_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_episodes" ADD CONSTRAINT "missing_episodes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "missing_episodes" ADD CONSTRAINT "missing_episodes_ended_by_users_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "same_child_links" ADD CONSTRAINT "same_child_links_in_use_child_id_children_id_fk" FOREIGN KEY ("in_use_child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "same_child_links" ADD CONSTRAINT "same_child_links_sealed_child_id_children_id_fk" FOREIGN KEY ("sealed_child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "same_child_links" ADD CONSTRAINT "same_child_links_marked_by_users_id_fk" FOREIGN KEY ("marked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uasc_statuses" ADD CONSTRAINT "uasc_statuses_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uasc_statuses" ADD CONSTRAINT "uasc_statuses_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "missing_episodes_child_id_started_at_index" ON "missing_episodes" USING btree ("child_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "same_child_links_sealed_child_id_index" ON "same_child_links" USING btree ("sealed_child_id");--> statement-breakpoint
CREATE INDEX "same_child_links_in_use_child_id_index" ON "same_child_links" USING btree ("in_use_child_id");--> statement-breakpoint
CREATE UNIQUE INDEX "uasc_statuses_child_id_index" ON "uasc_statuses" USING btree ("child_id");--> statement-breakpoint
-- A record found to be the same child as another, and not the one in use, is sealed against new
-- entries: nothing new is filed on it (entries, documents, episodes, missing periods, plans); it
-- stays readable. The portal says so first; this is the backstop.
CREATE OR REPLACE FUNCTION refuse_new_on_sealed_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM same_child_links l WHERE l.sealed_child_id = NEW.child_id AND l.deleted_at IS NULL) THEN
    RAISE EXCEPTION 'this record is sealed: it is the same child as another record, which is the one in use'
      USING ERRCODE = 'RH005';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER record_entries_sealed_record BEFORE INSERT ON record_entries FOR EACH ROW EXECUTE FUNCTION refuse_new_on_sealed_record();
--> statement-breakpoint
CREATE TRIGGER documents_sealed_record BEFORE INSERT ON documents FOR EACH ROW EXECUTE FUNCTION refuse_new_on_sealed_record();
--> statement-breakpoint
CREATE TRIGGER episodes_sealed_record BEFORE INSERT ON episodes FOR EACH ROW EXECUTE FUNCTION refuse_new_on_sealed_record();
--> statement-breakpoint
CREATE TRIGGER missing_episodes_sealed_record BEFORE INSERT ON missing_episodes FOR EACH ROW EXECUTE FUNCTION refuse_new_on_sealed_record();
--> statement-breakpoint
CREATE TRIGGER child_protection_plans_sealed_record BEFORE INSERT ON child_protection_plans FOR EACH ROW EXECUTE FUNCTION refuse_new_on_sealed_record();
--> statement-breakpoint
-- A missing period ends once (the return and its interview are set together); a UASC status ceases once.
CREATE TRIGGER missing_episodes_move_once BEFORE UPDATE ON missing_episodes FOR EACH ROW
EXECUTE FUNCTION journey_move_once('ended_at', 'end_date', 'return_interview_offered', 'return_interview_accepted', 'ended_by');
--> statement-breakpoint
CREATE TRIGGER uasc_statuses_move_once BEFORE UPDATE ON uasc_statuses FOR EACH ROW
EXECUTE FUNCTION journey_move_once('ceased_date', 'ceased_reason');
--> statement-breakpoint
CREATE TRIGGER same_child_links_move_once BEFORE UPDATE ON same_child_links FOR EACH ROW
EXECUTE FUNCTION journey_move_once();
--> statement-breakpoint
SELECT retention_protect_all();
