CREATE TABLE "review_recommendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"review_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"due_date" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"outcome" text,
	"completed_by" uuid,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"deletion_reason" text,
	CONSTRAINT "recommendation_kind" CHECK ("review_recommendations"."kind" in ('decision','recommendation')),
	CONSTRAINT "recommendation_status" CHECK ("review_recommendations"."status" in ('open','done','not_done')),
	CONSTRAINT "recommendation_closed" CHECK (("review_recommendations"."status" = 'open') = ("review_recommendations"."completed_at" is null))
);
--> statement-breakpoint
CREATE TABLE "review_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"review_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"response" text NOT NULL,
	"comment" text NOT NULL,
	"responded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"deletion_reason" text,
	CONSTRAINT "review_response" CHECK ("review_responses"."response" in ('agree','contest'))
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"review_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"child_id" uuid NOT NULL,
	"status" text NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"venue" text NOT NULL,
	"invitees" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"postponed_reason" text,
	"held_on" date,
	"participation" text,
	"attendees" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"consultation" text,
	"spoke_to_child" text,
	"views" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"care_plan_assessment" text,
	"progress_assessment" text,
	"signed_off_by" uuid,
	"signed_off_at" timestamp with time zone,
	"amend_reason" text,
	"superseded_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"deletion_reason" text,
	CONSTRAINT "reviews_status" CHECK ("reviews"."status" in ('scheduled','recorded','signed_off')),
	CONSTRAINT "reviews_participation" CHECK ("reviews"."participation" is null or "reviews"."participation" ~ '^PN[0-7]$'),
	CONSTRAINT "reviews_held" CHECK ("reviews"."status" = 'scheduled' or ("reviews"."held_on" is not null and "reviews"."participation" is not null)),
	CONSTRAINT "reviews_signed" CHECK (("reviews"."status" = 'signed_off') = ("reviews"."signed_off_at" is not null)),
	CONSTRAINT "reviews_version_positive" CHECK ("reviews"."version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "review_recommendations" ADD CONSTRAINT "review_recommendations_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_recommendations" ADD CONSTRAINT "review_recommendations_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_recommendations" ADD CONSTRAINT "review_recommendations_completed_by_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_responses" ADD CONSTRAINT "review_responses_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_responses" ADD CONSTRAINT "review_responses_responded_by_users_id_fk" FOREIGN KEY ("responded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_signed_off_by_users_id_fk" FOREIGN KEY ("signed_off_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "review_recommendations_child_id_index" ON "review_recommendations" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "review_recommendations_owner_id_due_date_index" ON "review_recommendations" USING btree ("owner_id","due_date") WHERE "review_recommendations"."status" = 'open';--> statement-breakpoint
CREATE UNIQUE INDEX "review_responses_review_id_index" ON "review_responses" USING btree ("review_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reviews_review_id_version_index" ON "reviews" USING btree ("review_id","version");--> statement-breakpoint
CREATE INDEX "reviews_child_id_scheduled_at_index" ON "reviews" USING btree ("child_id","scheduled_at");--> statement-breakpoint
-- A version of a review never changes in place except to be superseded once; a recommendation closes once.
CREATE TRIGGER reviews_move_once BEFORE UPDATE ON reviews FOR EACH ROW
EXECUTE FUNCTION journey_move_once('superseded_at');
--> statement-breakpoint
CREATE OR REPLACE FUNCTION recommendation_closes_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status <> 'open' THEN
    RAISE EXCEPTION 'review_recommendations: a closed recommendation cannot be changed' USING ERRCODE = 'RH004';
  END IF;
  IF NEW.review_id IS DISTINCT FROM OLD.review_id OR NEW.child_id IS DISTINCT FROM OLD.child_id
     OR NEW.kind IS DISTINCT FROM OLD.kind OR NEW.text IS DISTINCT FROM OLD.text
     OR NEW.owner_id IS DISTINCT FROM OLD.owner_id OR NEW.due_date IS DISTINCT FROM OLD.due_date
     OR NEW.created_at IS DISTINCT FROM OLD.created_at THEN
    RAISE EXCEPTION 'review_recommendations: only the outcome is recorded, once' USING ERRCODE = 'RH004';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER review_recommendations_close_once BEFORE UPDATE ON review_recommendations FOR EACH ROW
EXECUTE FUNCTION recommendation_closes_once();
--> statement-breakpoint
CREATE TRIGGER review_responses_move_once BEFORE UPDATE ON review_responses FOR EACH ROW
EXECUTE FUNCTION journey_move_once();
--> statement-breakpoint
CREATE TRIGGER reviews_sealed_record BEFORE INSERT ON reviews FOR EACH ROW EXECUTE FUNCTION refuse_new_on_sealed_record();
--> statement-breakpoint
SELECT retention_protect_all();
