CREATE TABLE "allocations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"user_id" uuid,
	"team_id" uuid,
	"start_date" date NOT NULL,
	"end_date" date,
	"end_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"deletion_reason" text,
	CONSTRAINT "allocations_kind" CHECK ("allocations"."kind" in ('social_worker','iro','team')),
	CONSTRAINT "allocations_who" CHECK (("allocations"."kind" = 'team') = ("allocations"."team_id" is not null) and ("allocations"."kind" = 'team') = ("allocations"."user_id" is null)),
	CONSTRAINT "allocations_end_pair" CHECK (("allocations"."end_date" is null) = ("allocations"."end_reason" is null)),
	CONSTRAINT "allocations_dates" CHECK ("allocations"."end_date" is null or "allocations"."end_date" >= "allocations"."start_date")
);
--> statement-breakpoint
CREATE TABLE "child_protection_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"start_date" date NOT NULL,
	"category" text NOT NULL,
	"ended_at" timestamp with time zone,
	"end_date" date,
	"end_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"deletion_reason" text,
	CONSTRAINT "cp_category" CHECK ("child_protection_plans"."category" in ('neglect','physical','sexual','emotional','multiple')),
	CONSTRAINT "cp_end_pair" CHECK (("child_protection_plans"."end_date" is null) = ("child_protection_plans"."end_reason" is null))
);
--> statement-breakpoint
CREATE TABLE "marker_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"marker" text NOT NULL,
	"trigger" text NOT NULL,
	"source_id" uuid NOT NULL,
	"event_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"actioned_by" uuid,
	"actioned_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"deletion_reason" text,
	CONSTRAINT "marker_kind" CHECK ("marker_tasks"."marker" in ('cla','cp') and "marker_tasks"."trigger" in ('start','end')),
	CONSTRAINT "marker_due" CHECK ("marker_tasks"."due_at" = "marker_tasks"."event_at" + interval '24 hours'),
	CONSTRAINT "marker_actioned_pair" CHECK (("marker_tasks"."actioned_at" is null) = ("marker_tasks"."actioned_by" is null))
);
--> statement-breakpoint
ALTER TABLE "episodes" ADD COLUMN "episode_id" uuid;--> statement-breakpoint
ALTER TABLE "episodes" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "episodes" ADD COLUMN "started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "episodes" ADD COLUMN "ended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "episodes" ADD COLUMN "court_order_entry_id" uuid;--> statement-breakpoint
ALTER TABLE "episodes" ADD COLUMN "started_by" text DEFAULT 'startCare' NOT NULL;--> statement-breakpoint
ALTER TABLE "episodes" ADD COLUMN "superseded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "episodes" ADD COLUMN "amend_reason" text;--> statement-breakpoint
ALTER TABLE "episodes" ADD COLUMN "created_by" uuid;--> statement-breakpoint
-- Episodes recorded before versions: each is its own version 1, starting at noon in England on its date.
UPDATE "episodes" SET "episode_id" = "id", "started_at" = ("start_date" + time '12:00') AT TIME ZONE 'Europe/London',
  "ended_at" = CASE WHEN "end_date" IS NULL THEN NULL ELSE ("end_date" + time '12:00') AT TIME ZONE 'Europe/London' END;--> statement-breakpoint
ALTER TABLE "episodes" ALTER COLUMN "episode_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "episodes" ALTER COLUMN "started_at" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_protection_plans" ADD CONSTRAINT "child_protection_plans_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "child_protection_plans" ADD CONSTRAINT "child_protection_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marker_tasks" ADD CONSTRAINT "marker_tasks_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "marker_tasks" ADD CONSTRAINT "marker_tasks_actioned_by_users_id_fk" FOREIGN KEY ("actioned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "allocations_child_id_kind_start_date_index" ON "allocations" USING btree ("child_id","kind","start_date");--> statement-breakpoint
CREATE INDEX "allocations_user_id_index" ON "allocations" USING btree ("user_id") WHERE "allocations"."end_date" is null;--> statement-breakpoint
CREATE INDEX "child_protection_plans_child_id_start_date_index" ON "child_protection_plans" USING btree ("child_id","start_date");--> statement-breakpoint
CREATE UNIQUE INDEX "marker_tasks_source_id_marker_trigger_index" ON "marker_tasks" USING btree ("source_id","marker","trigger");--> statement-breakpoint
CREATE INDEX "marker_tasks_child_id_due_at_index" ON "marker_tasks" USING btree ("child_id","due_at");--> statement-breakpoint
CREATE INDEX "marker_tasks_open_idx" ON "marker_tasks" USING btree ("due_at") WHERE "marker_tasks"."actioned_at" is null;--> statement-breakpoint
ALTER TABLE "episodes" ADD CONSTRAINT "episodes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "episodes_episode_id_version_index" ON "episodes" USING btree ("episode_id","version");--> statement-breakpoint
ALTER TABLE "episodes" ADD CONSTRAINT "episodes_version_positive" CHECK ("episodes"."version" >= 1);--> statement-breakpoint
-- The new tables join the retention hold: DELETE and TRUNCATE refused.
SELECT retention_protect_all();
