CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE TYPE "public"."organisation_kind" AS ENUM('independent_fostering_provider', 'social_work_provider');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('social_worker', 'team_manager', 'iro', 'provider', 'records_officer');--> statement-breakpoint
CREATE TYPE "public"."carer_kind" AS ENUM('foster_carer', 'childrens_home');--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" "organisation_kind" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"deletion_reason" text,
	CONSTRAINT "organisations_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"deletion_reason" text,
	CONSTRAINT "teams_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "role" NOT NULL,
	"team_id" uuid,
	"organisation_id" uuid,
	"password_hash" text,
	"active" boolean DEFAULT true NOT NULL,
	"failed_sign_ins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_sign_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"deletion_reason" text,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "carer_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "carer_kind" NOT NULL,
	"name" text NOT NULL,
	"urn" text,
	"postcode" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"deletion_reason" text,
	CONSTRAINT "carer_records_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "children" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"preferred_name" text,
	"date_of_birth" date NOT NULL,
	"date_of_death" date,
	"sex" text NOT NULL,
	"ethnicity" text NOT NULL,
	"upn" text,
	"family_address" text,
	"team_id" uuid NOT NULL,
	"allocated_worker_id" uuid,
	"iro_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"deletion_reason" text,
	CONSTRAINT "children_reference_unique" UNIQUE("reference"),
	CONSTRAINT "children_sex_check" CHECK ("children"."sex" in ('M','F','U'))
);
--> statement-breakpoint
CREATE TABLE "episodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"reason_new_episode" text NOT NULL,
	"legal_status" text NOT NULL,
	"category_of_need" text NOT NULL,
	"placement" text NOT NULL,
	"placement_provider" text,
	"end_date" date,
	"reason_ceased" text,
	"reason_place_change" text,
	"home_postcode" text,
	"placement_postcode" text,
	"urn" text,
	"carer_record_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"deletion_reason" text,
	CONSTRAINT "episodes_end_pair_check" CHECK (("episodes"."end_date" is null) = ("episodes"."reason_ceased" is null)),
	CONSTRAINT "episodes_dates_check" CHECK ("episodes"."end_date" is null or "episodes"."end_date" >= "episodes"."start_date")
);
--> statement-breakpoint
CREATE TABLE "provider_arrangements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"functions" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"deletion_reason" text,
	CONSTRAINT "provider_arrangement_dates" CHECK ("provider_arrangements"."end_date" is null or "provider_arrangements"."end_date" >= "provider_arrangements"."start_date")
);
--> statement-breakpoint
CREATE TABLE "sibling_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"sibling_id" uuid NOT NULL,
	"relationship" text DEFAULT 'sibling' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"deletion_reason" text,
	CONSTRAINT "sibling_not_self" CHECK ("sibling_links"."child_id" <> "sibling_links"."sibling_id")
);
--> statement-breakpoint
CREATE TABLE "audit_chain_heads" (
	"chain_key" text PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"chain_key" text NOT NULL,
	"seq" bigint NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"child_id" uuid,
	"outcome" text NOT NULL,
	"flagged" boolean DEFAULT false NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "audit_outcome_check" CHECK ("audit_events"."outcome" in ('allowed','refused','failed'))
);
--> statement-breakpoint
CREATE TABLE "break_glass_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"deletion_reason" text
);
--> statement-breakpoint
CREATE TABLE "retention_hold" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"reason" text NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "retention_hold_single_row" CHECK ("retention_hold"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "children" ADD CONSTRAINT "children_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "children" ADD CONSTRAINT "children_allocated_worker_id_users_id_fk" FOREIGN KEY ("allocated_worker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "children" ADD CONSTRAINT "children_iro_id_users_id_fk" FOREIGN KEY ("iro_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episodes" ADD CONSTRAINT "episodes_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episodes" ADD CONSTRAINT "episodes_carer_record_id_carer_records_id_fk" FOREIGN KEY ("carer_record_id") REFERENCES "public"."carer_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_arrangements" ADD CONSTRAINT "provider_arrangements_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_arrangements" ADD CONSTRAINT "provider_arrangements_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_arrangements" ADD CONSTRAINT "provider_arrangements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sibling_links" ADD CONSTRAINT "sibling_links_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sibling_links" ADD CONSTRAINT "sibling_links_sibling_id_children_id_fk" FOREIGN KEY ("sibling_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "break_glass_grants" ADD CONSTRAINT "break_glass_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "break_glass_grants" ADD CONSTRAINT "break_glass_grants_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "break_glass_grants" ADD CONSTRAINT "break_glass_grants_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_hold" ADD CONSTRAINT "retention_hold_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "users_team_id_index" ON "users" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "users_organisation_id_index" ON "users" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "children_team_id_last_name_first_name_index" ON "children" USING btree ("team_id","last_name","first_name");--> statement-breakpoint
CREATE INDEX "children_allocated_worker_id_index" ON "children" USING btree ("allocated_worker_id");--> statement-breakpoint
CREATE INDEX "children_iro_id_index" ON "children" USING btree ("iro_id");--> statement-breakpoint
CREATE INDEX "children_name_search_idx" ON "children" USING gin ((lower("first_name" || ' ' || "last_name" || ' ' || coalesce("preferred_name", ''))) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "episodes_child_id_start_date_index" ON "episodes" USING btree ("child_id","start_date");--> statement-breakpoint
CREATE INDEX "provider_arrangements_organisation_id_child_id_index" ON "provider_arrangements" USING btree ("organisation_id","child_id");--> statement-breakpoint
CREATE INDEX "provider_arrangements_child_id_index" ON "provider_arrangements" USING btree ("child_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sibling_links_child_id_sibling_id_index" ON "sibling_links" USING btree ("child_id","sibling_id");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_events_chain_key_seq_index" ON "audit_events" USING btree ("chain_key","seq");--> statement-breakpoint
CREATE INDEX "audit_events_child_id_occurred_at_index" ON "audit_events" USING btree ("child_id","occurred_at");--> statement-breakpoint
CREATE INDEX "audit_events_actor_id_occurred_at_index" ON "audit_events" USING btree ("actor_id","occurred_at");--> statement-breakpoint
CREATE INDEX "audit_events_occurred_at_index" ON "audit_events" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "break_glass_grants_user_id_child_id_expires_at_index" ON "break_glass_grants" USING btree ("user_id","child_id","expires_at");--> statement-breakpoint
CREATE INDEX "break_glass_grants_reviewed_at_index" ON "break_glass_grants" USING btree ("reviewed_at");