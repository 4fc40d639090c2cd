CREATE TABLE "iro_dispute_stages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dispute_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"stage_number" integer NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"opened_on" date NOT NULL,
	"opened_by" uuid NOT NULL,
	"time_limit_working_days" integer NOT NULL,
	"due_by" date NOT NULL,
	"outcome" text,
	"outcome_at" timestamp with time zone,
	"outcome_by" uuid,
	"closed_as" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"deletion_reason" text,
	CONSTRAINT "iro_dispute_stages_stage" CHECK (("iro_dispute_stages"."stage", "iro_dispute_stages"."stage_number") in (('informal', 1), ('team_manager', 2), ('service_manager', 3), ('head_of_service', 4))),
	CONSTRAINT "iro_dispute_stages_limit" CHECK ("iro_dispute_stages"."time_limit_working_days" between 1 and 20),
	CONSTRAINT "iro_dispute_stages_outcome" CHECK (("iro_dispute_stages"."outcome_at" is null) = ("iro_dispute_stages"."outcome" is null) and ("iro_dispute_stages"."outcome_at" is null) = ("iro_dispute_stages"."outcome_by" is null)
        and ("iro_dispute_stages"."outcome_at" is null) = ("iro_dispute_stages"."closed_as" is null)),
	CONSTRAINT "iro_dispute_stages_closed_as" CHECK ("iro_dispute_stages"."closed_as" is null or "iro_dispute_stages"."closed_as" in ('escalated','resolved')),
	CONSTRAINT "iro_dispute_stages_last" CHECK ("iro_dispute_stages"."closed_as" is distinct from 'escalated' or "iro_dispute_stages"."stage_number" < 4)
);
--> statement-breakpoint
CREATE TABLE "iro_disputes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"raised_by" uuid NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"raised_on" date NOT NULL,
	"concern" text NOT NULL,
	"time_limit_working_days" integer NOT NULL,
	"due_by" date NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	"outcome" text,
	"cafcass_referred_at" timestamp with time zone,
	"cafcass_referred_by" uuid,
	"cafcass_stage" text,
	"cafcass_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"deletion_reason" text,
	CONSTRAINT "iro_disputes_limit" CHECK ("iro_disputes"."time_limit_working_days" between 1 and 20),
	CONSTRAINT "iro_disputes_resolved" CHECK (("iro_disputes"."resolved_at" is null) = ("iro_disputes"."resolved_by" is null) and ("iro_disputes"."resolved_at" is null) = ("iro_disputes"."outcome" is null)),
	CONSTRAINT "iro_disputes_cafcass" CHECK (("iro_disputes"."cafcass_referred_at" is null) = ("iro_disputes"."cafcass_referred_by" is null)
        and ("iro_disputes"."cafcass_referred_at" is null) = ("iro_disputes"."cafcass_note" is null)
        and ("iro_disputes"."cafcass_referred_at" is null) = ("iro_disputes"."cafcass_stage" is null)),
	CONSTRAINT "iro_disputes_cafcass_stage" CHECK ("iro_disputes"."cafcass_stage" is null or "iro_disputes"."cafcass_stage" in ('informal','team_manager','service_manager','head_of_service'))
);
--> statement-breakpoint
CREATE TABLE "iro_monitoring_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"written_at" timestamp with time zone NOT NULL,
	"note" text NOT NULL,
	"review_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"deletion_reason" text
);
--> statement-breakpoint
ALTER TABLE "iro_dispute_stages" ADD CONSTRAINT "iro_dispute_stages_dispute_id_iro_disputes_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "public"."iro_disputes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iro_dispute_stages" ADD CONSTRAINT "iro_dispute_stages_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iro_dispute_stages" ADD CONSTRAINT "iro_dispute_stages_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iro_dispute_stages" ADD CONSTRAINT "iro_dispute_stages_outcome_by_users_id_fk" FOREIGN KEY ("outcome_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iro_disputes" ADD CONSTRAINT "iro_disputes_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iro_disputes" ADD CONSTRAINT "iro_disputes_raised_by_users_id_fk" FOREIGN KEY ("raised_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iro_disputes" ADD CONSTRAINT "iro_disputes_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iro_disputes" ADD CONSTRAINT "iro_disputes_cafcass_referred_by_users_id_fk" FOREIGN KEY ("cafcass_referred_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iro_monitoring_notes" ADD CONSTRAINT "iro_monitoring_notes_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iro_monitoring_notes" ADD CONSTRAINT "iro_monitoring_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "iro_dispute_stages_dispute_id_stage_number_index" ON "iro_dispute_stages" USING btree ("dispute_id","stage_number");--> statement-breakpoint
CREATE INDEX "iro_dispute_stages_child_id_index" ON "iro_dispute_stages" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "iro_dispute_stages_due_by_index" ON "iro_dispute_stages" USING btree ("due_by") WHERE "iro_dispute_stages"."outcome_at" is null;--> statement-breakpoint
CREATE INDEX "iro_disputes_child_id_raised_at_index" ON "iro_disputes" USING btree ("child_id","raised_at");--> statement-breakpoint
CREATE INDEX "iro_monitoring_notes_child_id_written_at_index" ON "iro_monitoring_notes" USING btree ("child_id","written_at");--> statement-breakpoint
-- A monitoring note never changes: a correction is a later note.
CREATE TRIGGER iro_monitoring_notes_move_once BEFORE UPDATE ON iro_monitoring_notes FOR EACH ROW
EXECUTE FUNCTION journey_move_once();
--> statement-breakpoint
-- A dispute is resolved once and referred to Cafcass once; the concern, who raised it and its
-- limits never change.
CREATE TRIGGER iro_disputes_move_once BEFORE UPDATE ON iro_disputes FOR EACH ROW
EXECUTE FUNCTION journey_move_once('resolved_at', 'resolved_by', 'outcome', 'cafcass_referred_at',
  'cafcass_referred_by', 'cafcass_stage', 'cafcass_note');
--> statement-breakpoint
-- Once resolved, a dispute is closed: a referral to Cafcass is made while a stage is open.
CREATE OR REPLACE FUNCTION iro_dispute_closes_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.resolved_at IS NOT NULL THEN
    RAISE EXCEPTION 'iro_disputes: a resolved dispute cannot be changed' USING ERRCODE = 'RH004';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER iro_disputes_closes_once BEFORE UPDATE ON iro_disputes FOR EACH ROW
EXECUTE FUNCTION iro_dispute_closes_once();
--> statement-breakpoint
-- A stage's outcome is recorded once, all of it at once (the check constraint), and then the
-- stage never changes.
CREATE TRIGGER iro_dispute_stages_move_once BEFORE UPDATE ON iro_dispute_stages FOR EACH ROW
EXECUTE FUNCTION journey_move_once('outcome', 'outcome_at', 'outcome_by', 'closed_as');
--> statement-breakpoint
-- Stages go strictly in order: the first stage opens with the dispute, and each later one only
-- once the stage before it has been escalated, on an open dispute of the same child. The portal
-- checks this first (under the child's lock); this is the backstop.
CREATE OR REPLACE FUNCTION iro_dispute_stages_in_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM iro_disputes d WHERE d.id = NEW.dispute_id AND d.child_id = NEW.child_id
                 AND d.resolved_at IS NULL) THEN
    RAISE EXCEPTION 'iro_dispute_stages: a stage opens only on an open dispute of the same child'
      USING ERRCODE = 'RH004';
  END IF;
  IF NEW.stage_number > 1 AND NOT EXISTS (
       SELECT 1 FROM iro_dispute_stages s WHERE s.dispute_id = NEW.dispute_id
       AND s.stage_number = NEW.stage_number - 1 AND s.closed_as = 'escalated') THEN
    RAISE EXCEPTION 'iro_dispute_stages: stage % opens only after stage % has been escalated',
      NEW.stage_number, NEW.stage_number - 1 USING ERRCODE = 'RH004';
  END IF;
  IF NEW.outcome_at IS NOT NULL THEN
    RAISE EXCEPTION 'iro_dispute_stages: a stage opens without an outcome' USING ERRCODE = 'RH004';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER iro_dispute_stages_in_order BEFORE INSERT ON iro_dispute_stages FOR EACH ROW
EXECUTE FUNCTION iro_dispute_stages_in_order();
--> statement-breakpoint
CREATE TRIGGER iro_monitoring_notes_sealed_record BEFORE INSERT ON iro_monitoring_notes FOR EACH ROW EXECUTE FUNCTION refuse_new_on_sealed_record();
--> statement-breakpoint
CREATE TRIGGER iro_disputes_sealed_record BEFORE INSERT ON iro_disputes FOR EACH ROW EXECUTE FUNCTION refuse_new_on_sealed_record();
--> statement-breakpoint
CREATE TRIGGER iro_dispute_stages_sealed_record BEFORE INSERT ON iro_dispute_stages FOR EACH ROW EXECUTE FUNCTION refuse_new_on_sealed_record();
--> statement-breakpoint
SELECT retention_protect_all();
