ALTER TYPE "public"."role" ADD VALUE 'supervising_social_worker';--> statement-breakpoint
CREATE TABLE "carer_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entry_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"carer_record_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"title" text NOT NULL,
	"details" text NOT NULL,
	"amend_reason" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"superseded_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"deletion_reason" text,
	CONSTRAINT "carer_entries_kind" CHECK ("carer_entries"."kind" in ('household_change','approval_review','incident','supervising_visit','note')),
	CONSTRAINT "carer_entries_version_positive" CHECK ("carer_entries"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "carer_record_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"carer_record_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"carers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"household" text,
	"address" text,
	"postcode" text,
	"urn" text,
	"provider" text,
	"approval_type" text,
	"approval_terms" text,
	"approved_places" integer,
	"age_from" integer,
	"age_to" integer,
	"approved_on" date,
	"supervising_worker_id" uuid,
	"amend_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"superseded_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"deletion_reason" text,
	CONSTRAINT "carer_record_versions_version_positive" CHECK ("carer_record_versions"."version" >= 1),
	CONSTRAINT "carer_record_versions_ages" CHECK ("carer_record_versions"."age_from" is null or "carer_record_versions"."age_to" is null or ("carer_record_versions"."age_from" between 0 and 18 and "carer_record_versions"."age_to" between "carer_record_versions"."age_from" and 18)),
	CONSTRAINT "carer_record_versions_places" CHECK ("carer_record_versions"."approved_places" is null or "carer_record_versions"."approved_places" between 1 and 10)
);
--> statement-breakpoint
CREATE TABLE "shared_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entry_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"title" text NOT NULL,
	"details" text NOT NULL,
	"amend_reason" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"superseded_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"deletion_reason" text,
	CONSTRAINT "shared_entries_kind" CHECK ("shared_entries"."kind" in ('joint_contact','shared_letter','joint_meeting','other')),
	CONSTRAINT "shared_entries_version_positive" CHECK ("shared_entries"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "child_people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"relationship" text NOT NULL,
	"relationship_detail" text,
	"parental_responsibility" boolean DEFAULT false NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"end_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"deletion_reason" text,
	CONSTRAINT "child_people_relationship" CHECK ("child_people"."relationship" in ('mother','father','step_parent','grandparent','aunt_or_uncle','friend','other')),
	CONSTRAINT "child_people_end_pair" CHECK (("child_people"."end_date" is null) = ("child_people"."end_reason" is null)),
	CONSTRAINT "child_people_dates" CHECK ("child_people"."end_date" is null or "child_people"."end_date" >= "child_people"."start_date")
);
--> statement-breakpoint
CREATE TABLE "persons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"address" text,
	"phone" text,
	"email" text,
	"amend_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"superseded_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"deletion_reason" text,
	CONSTRAINT "persons_version_positive" CHECK ("persons"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "sibling_contact_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"contact_entry_id" uuid NOT NULL,
	"sibling_id" uuid NOT NULL,
	"sibling_contact_entry_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"deletion_reason" text,
	CONSTRAINT "sibling_contact_links_two_children" CHECK ("sibling_contact_links"."child_id" <> "sibling_contact_links"."sibling_id")
);
--> statement-breakpoint
DROP INDEX "sibling_links_child_id_sibling_id_index";--> statement-breakpoint
ALTER TABLE "carer_records" ADD COLUMN "team_id" uuid;--> statement-breakpoint
ALTER TABLE "sibling_links" ADD COLUMN "placement" text;--> statement-breakpoint
ALTER TABLE "sibling_links" ADD COLUMN "placement_reason" text;--> statement-breakpoint
ALTER TABLE "sibling_links" ADD COLUMN "start_date" date;--> statement-breakpoint
ALTER TABLE "sibling_links" ADD COLUMN "end_date" date;--> statement-breakpoint
ALTER TABLE "sibling_links" ADD COLUMN "end_reason" text;--> statement-breakpoint
ALTER TABLE "sibling_links" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "record_entries" ADD COLUMN "source_kind" text;--> statement-breakpoint
ALTER TABLE "record_entries" ADD COLUMN "source_entry_id" uuid;--> statement-breakpoint
ALTER TABLE "record_entries" ADD COLUMN "source_version" integer;--> statement-breakpoint
ALTER TABLE "record_entries" ADD COLUMN "source_author_id" uuid;--> statement-breakpoint
ALTER TABLE "record_entries" ADD COLUMN "source_recorded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "carer_entries" ADD CONSTRAINT "carer_entries_carer_record_id_carer_records_id_fk" FOREIGN KEY ("carer_record_id") REFERENCES "public"."carer_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carer_entries" ADD CONSTRAINT "carer_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carer_record_versions" ADD CONSTRAINT "carer_record_versions_carer_record_id_carer_records_id_fk" FOREIGN KEY ("carer_record_id") REFERENCES "public"."carer_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carer_record_versions" ADD CONSTRAINT "carer_record_versions_supervising_worker_id_users_id_fk" FOREIGN KEY ("supervising_worker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carer_record_versions" ADD CONSTRAINT "carer_record_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shared_entries" ADD CONSTRAINT "shared_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_people" ADD CONSTRAINT "child_people_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_people" ADD CONSTRAINT "child_people_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sibling_contact_links" ADD CONSTRAINT "sibling_contact_links_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sibling_contact_links" ADD CONSTRAINT "sibling_contact_links_sibling_id_children_id_fk" FOREIGN KEY ("sibling_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sibling_contact_links" ADD CONSTRAINT "sibling_contact_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "carer_entries_entry_id_version_index" ON "carer_entries" USING btree ("entry_id","version");--> statement-breakpoint
CREATE INDEX "carer_entries_carer_record_id_occurred_on_index" ON "carer_entries" USING btree ("carer_record_id","occurred_on" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "carer_record_versions_carer_record_id_version_index" ON "carer_record_versions" USING btree ("carer_record_id","version");--> statement-breakpoint
CREATE INDEX "carer_record_versions_supervising_worker_id_index" ON "carer_record_versions" USING btree ("supervising_worker_id") WHERE "carer_record_versions"."superseded_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "shared_entries_entry_id_version_index" ON "shared_entries" USING btree ("entry_id","version");--> statement-breakpoint
CREATE INDEX "child_people_child_id_index" ON "child_people" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "child_people_person_id_index" ON "child_people" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "child_people_current_idx" ON "child_people" USING btree ("child_id","person_id") WHERE "child_people"."end_date" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "persons_person_id_version_index" ON "persons" USING btree ("person_id","version");--> statement-breakpoint
CREATE INDEX "sibling_contact_links_child_id_index" ON "sibling_contact_links" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "sibling_contact_links_sibling_id_index" ON "sibling_contact_links" USING btree ("sibling_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sibling_contact_links_contact_entry_id_sibling_contact_entry_id_index" ON "sibling_contact_links" USING btree ("contact_entry_id","sibling_contact_entry_id");--> statement-breakpoint
ALTER TABLE "carer_records" ADD CONSTRAINT "carer_records_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sibling_links" ADD CONSTRAINT "sibling_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_entries" ADD CONSTRAINT "record_entries_source_author_id_users_id_fk" FOREIGN KEY ("source_author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sibling_links_current_idx" ON "sibling_links" USING btree ("child_id","sibling_id") WHERE "sibling_links"."end_date" is null;--> statement-breakpoint
CREATE INDEX "record_entries_source_idx" ON "record_entries" USING btree ("source_entry_id") WHERE "record_entries"."source_entry_id" is not null;--> statement-breakpoint
ALTER TABLE "sibling_links" ADD CONSTRAINT "sibling_links_kind" CHECK ("sibling_links"."relationship" in ('sibling','full','half','step'));--> statement-breakpoint
ALTER TABLE "sibling_links" ADD CONSTRAINT "sibling_links_placement" CHECK ("sibling_links"."placement" is null or "sibling_links"."placement" in ('together','apart'));--> statement-breakpoint
ALTER TABLE "sibling_links" ADD CONSTRAINT "sibling_links_end_pair" CHECK (("sibling_links"."end_date" is null) = ("sibling_links"."end_reason" is null));--> statement-breakpoint
ALTER TABLE "record_entries" ADD CONSTRAINT "record_entries_provenance" CHECK (("record_entries"."source_kind" is null) = ("record_entries"."source_entry_id" is null) and ("record_entries"."source_entry_id" is null) = ("record_entries"."source_version" is null));--> statement-breakpoint
-- Links made before these columns existed started when they were recorded.
UPDATE "sibling_links" SET "start_date" = "created_at"::date WHERE "start_date" IS NULL;
--> statement-breakpoint
-- The people around a child, carers' and homes' records and shared entries move once and only
-- forward: a link ends once (with its reason), a version is superseded once by a newer one.
-- Everything else about these rows never changes in place (journey_move_once, migration 0017).
CREATE TRIGGER child_people_move_once BEFORE UPDATE ON child_people FOR EACH ROW
EXECUTE FUNCTION journey_move_once('end_date', 'end_reason');
--> statement-breakpoint
CREATE TRIGGER sibling_links_move_once BEFORE UPDATE ON sibling_links FOR EACH ROW
EXECUTE FUNCTION journey_move_once('end_date', 'end_reason');
--> statement-breakpoint
CREATE TRIGGER persons_move_once BEFORE UPDATE ON persons FOR EACH ROW
EXECUTE FUNCTION journey_move_once('superseded_at');
--> statement-breakpoint
CREATE TRIGGER carer_record_versions_move_once BEFORE UPDATE ON carer_record_versions FOR EACH ROW
EXECUTE FUNCTION journey_move_once('superseded_at');
--> statement-breakpoint
CREATE TRIGGER carer_entries_move_once BEFORE UPDATE ON carer_entries FOR EACH ROW
EXECUTE FUNCTION journey_move_once('superseded_at');
--> statement-breakpoint
CREATE TRIGGER shared_entries_move_once BEFORE UPDATE ON shared_entries FOR EACH ROW
EXECUTE FUNCTION journey_move_once('superseded_at');
--> statement-breakpoint
CREATE TRIGGER sibling_contact_links_move_once BEFORE UPDATE ON sibling_contact_links FOR EACH ROW
EXECUTE FUNCTION journey_move_once('id');
--> statement-breakpoint
-- An entry belongs to one child's record: every version of an entry has the same child (and
-- section). An entry concerning several siblings is a duplicate entry on each record, never one
-- entry on two. Whoever asks, the database refuses a version that names another child.
CREATE OR REPLACE FUNCTION record_entries_one_child() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM record_entries e WHERE e.entry_id = NEW.entry_id
             AND (e.child_id <> NEW.child_id OR e.section <> NEW.section)) THEN
    RAISE EXCEPTION 'entry % belongs to another child''s record: an entry belongs to one child only (place a duplicate entry instead)', NEW.entry_id
      USING ERRCODE = 'RH004';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER record_entries_one_child BEFORE INSERT ON record_entries FOR EACH ROW
EXECUTE FUNCTION record_entries_one_child();
--> statement-breakpoint
-- Where a duplicate entry came from never changes in place: bringing a copy up to date is a new version.
CREATE OR REPLACE FUNCTION record_entries_provenance_fixed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.source_kind IS DISTINCT FROM OLD.source_kind
    OR NEW.source_entry_id IS DISTINCT FROM OLD.source_entry_id
    OR NEW.source_version IS DISTINCT FROM OLD.source_version
    OR NEW.source_author_id IS DISTINCT FROM OLD.source_author_id
    OR NEW.source_recorded_at IS DISTINCT FROM OLD.source_recorded_at
    OR NEW.source_carer_record_id IS DISTINCT FROM OLD.source_carer_record_id
    OR NEW.source_reference IS DISTINCT FROM OLD.source_reference THEN
    RAISE EXCEPTION 'where version % of entry % came from cannot be changed (bring it up to date: a new version)', OLD.version, OLD.entry_id
      USING ERRCODE = 'RH004';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER record_entries_provenance_fixed BEFORE UPDATE ON record_entries FOR EACH ROW
EXECUTE FUNCTION record_entries_provenance_fixed();
--> statement-breakpoint
SELECT retention_protect_all();
