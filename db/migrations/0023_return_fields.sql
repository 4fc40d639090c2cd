-- Fields of the SSDA903 return the record lacked: previous permanence and motherhood on the
-- child, the social worker's SW_ID, contact with care leavers (OC3) and adoption milestones (AD1,
-- placed_for_adoption). Codes are checked here as well as in the forms, so nothing else can store
-- a value the Department would reject.
ALTER TABLE "children" ADD COLUMN "previous_permanence" text;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "previous_permanence_la" text;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "previous_permanence_date" date;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "is_mother" boolean;--> statement-breakpoint
ALTER TABLE "children" ADD COLUMN "mother_child_dob" date;--> statement-breakpoint
ALTER TABLE "children" ADD CONSTRAINT "children_previous_permanence_code" CHECK ("children"."previous_permanence" is null or "children"."previous_permanence" in ('P1','P2','P3','P4','Z1'));--> statement-breakpoint
ALTER TABLE "children" ADD CONSTRAINT "children_previous_permanence_la" CHECK ("children"."previous_permanence_la" is null or "children"."previous_permanence_la" ~ '^[0-9]{3}$');--> statement-breakpoint
ALTER TABLE "children" ADD CONSTRAINT "children_previous_permanence_order" CHECK (("children"."previous_permanence_la" is null and "children"."previous_permanence_date" is null) or "children"."previous_permanence" in ('P1','P2','P3'));--> statement-breakpoint
ALTER TABLE "children" ADD CONSTRAINT "children_previous_permanence_date" CHECK ("children"."previous_permanence_date" is null or "children"."previous_permanence_date" >= "children"."date_of_birth");--> statement-breakpoint
ALTER TABLE "children" ADD CONSTRAINT "children_mother_sex" CHECK ("children"."is_mother" is null or "children"."sex" = 'F');--> statement-breakpoint
ALTER TABLE "children" ADD CONSTRAINT "children_mother_child_dob" CHECK (("children"."mother_child_dob" is not null) = ("children"."is_mother" is true));--> statement-breakpoint
ALTER TABLE "children" ADD CONSTRAINT "children_mother_child_after_12" CHECK ("children"."mother_child_dob" is null or "children"."mother_child_dob" >= "children"."date_of_birth" + interval '12 years');--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "sw_id" text;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_sw_id_unique" UNIQUE("sw_id");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_sw_id_format" CHECK ("users"."sw_id" is null or "users"."sw_id" ~ '^SW[0-9]{1,10}$');--> statement-breakpoint
CREATE TABLE "care_leaver_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"age" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"contacted_on" date NOT NULL,
	"in_touch" text NOT NULL,
	"activity" text,
	"accommodation" text,
	"amend_reason" text,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"superseded_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"deletion_reason" text,
	CONSTRAINT "care_leaver_contacts_age" CHECK ("care_leaver_contacts"."age" between 17 and 21),
	CONSTRAINT "care_leaver_contacts_version_positive" CHECK ("care_leaver_contacts"."version" >= 1),
	CONSTRAINT "care_leaver_contacts_in_touch" CHECK ("care_leaver_contacts"."in_touch" in ('YES','NO','DIED','REFU','NREQ','RHOM')),
	CONSTRAINT "care_leaver_contacts_activity" CHECK ("care_leaver_contacts"."activity" is null or "care_leaver_contacts"."activity" in ('F1','P1','F2','P2','F4','P4','F5','P5','G4','G5','G6')),
	CONSTRAINT "care_leaver_contacts_accommodation" CHECK ("care_leaver_contacts"."accommodation" is null or "care_leaver_contacts"."accommodation" ~ '^([BCDEGHKRTUVWYZ][12]|[SX]2)$'),
	CONSTRAINT "care_leaver_contacts_in_touch_details" CHECK (("care_leaver_contacts"."in_touch" = 'YES') = ("care_leaver_contacts"."activity" is not null) and ("care_leaver_contacts"."in_touch" = 'YES') = ("care_leaver_contacts"."accommodation" is not null))
);
--> statement-breakpoint
CREATE TABLE "adoption_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"decision_on" date NOT NULL,
	"matched_on" date,
	"reversed_on" date,
	"reversed_reason" text,
	"adopted_by_foster_carer" boolean,
	"number_of_adopters" integer,
	"adopters_sex" text,
	"adopters_legal_status" text,
	"amend_reason" text,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"superseded_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"deletion_reason" text,
	CONSTRAINT "adoption_milestones_version_positive" CHECK ("adoption_milestones"."version" >= 1),
	CONSTRAINT "adoption_milestones_match_order" CHECK ("adoption_milestones"."matched_on" is null or "adoption_milestones"."matched_on" >= "adoption_milestones"."decision_on"),
	CONSTRAINT "adoption_milestones_reversal_pair" CHECK (("adoption_milestones"."reversed_on" is null) = ("adoption_milestones"."reversed_reason" is null)),
	CONSTRAINT "adoption_milestones_reversal_order" CHECK ("adoption_milestones"."reversed_on" is null or "adoption_milestones"."reversed_on" > "adoption_milestones"."decision_on"),
	CONSTRAINT "adoption_milestones_reversal_reason" CHECK ("adoption_milestones"."reversed_reason" is null or "adoption_milestones"."reversed_reason" in ('RD1','RD2','RD3','RD4')),
	CONSTRAINT "adoption_milestones_number" CHECK ("adoption_milestones"."number_of_adopters" is null or "adoption_milestones"."number_of_adopters" in (1, 2)),
	CONSTRAINT "adoption_milestones_sex" CHECK ("adoption_milestones"."adopters_sex" is null or "adoption_milestones"."adopters_sex" in ('M1','F1','MM','FF','MF')),
	CONSTRAINT "adoption_milestones_legal_status" CHECK ("adoption_milestones"."adopters_legal_status" is null or "adoption_milestones"."adopters_legal_status" in ('L0','L11','L12','L2','L3','L4')),
	CONSTRAINT "adoption_milestones_single_or_couple" CHECK (("adoption_milestones"."number_of_adopters" is null or "adoption_milestones"."adopters_sex" is null or ("adoption_milestones"."number_of_adopters" = 1) = ("adoption_milestones"."adopters_sex" in ('M1','F1'))) and ("adoption_milestones"."number_of_adopters" is null or "adoption_milestones"."adopters_legal_status" is null or ("adoption_milestones"."number_of_adopters" = 1) = ("adoption_milestones"."adopters_legal_status" = 'L0')))
);
--> statement-breakpoint
ALTER TABLE "care_leaver_contacts" ADD CONSTRAINT "care_leaver_contacts_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_leaver_contacts" ADD CONSTRAINT "care_leaver_contacts_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adoption_milestones" ADD CONSTRAINT "adoption_milestones_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adoption_milestones" ADD CONSTRAINT "adoption_milestones_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "care_leaver_contacts_child_id_age_version_index" ON "care_leaver_contacts" USING btree ("child_id","age","version");--> statement-breakpoint
CREATE UNIQUE INDEX "care_leaver_contacts_current_idx" ON "care_leaver_contacts" USING btree ("child_id","age") WHERE "care_leaver_contacts"."superseded_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "adoption_milestones_child_id_version_index" ON "adoption_milestones" USING btree ("child_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "adoption_milestones_current_idx" ON "adoption_milestones" USING btree ("child_id") WHERE "adoption_milestones"."superseded_at" is null;--> statement-breakpoint
-- A version never changes in place except to be superseded once; a correction is a new version.
CREATE TRIGGER care_leaver_contacts_move_once BEFORE UPDATE ON care_leaver_contacts FOR EACH ROW
EXECUTE FUNCTION journey_move_once('superseded_at');
--> statement-breakpoint
CREATE TRIGGER adoption_milestones_move_once BEFORE UPDATE ON adoption_milestones FOR EACH ROW
EXECUTE FUNCTION journey_move_once('superseded_at');
--> statement-breakpoint
-- Nothing new is filed on a record closed in favour of the same child's record in use.
CREATE TRIGGER care_leaver_contacts_sealed_record BEFORE INSERT ON care_leaver_contacts FOR EACH ROW EXECUTE FUNCTION refuse_new_on_sealed_record();
--> statement-breakpoint
CREATE TRIGGER adoption_milestones_sealed_record BEFORE INSERT ON adoption_milestones FOR EACH ROW EXECUTE FUNCTION refuse_new_on_sealed_record();
--> statement-breakpoint
SELECT retention_protect_all();
