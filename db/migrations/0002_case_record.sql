CREATE TABLE "document_blobs" (
	"sha256" text PRIMARY KEY NOT NULL,
	"size_bytes" bigint NOT NULL,
	"mime_type" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"child_id" uuid NOT NULL,
	"entry_id" uuid,
	"blob_sha256" text NOT NULL,
	"file_name" text NOT NULL,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"confidentiality" text DEFAULT 'standard' NOT NULL,
	"child_property" boolean DEFAULT false NOT NULL,
	"in_progress_file" boolean DEFAULT false NOT NULL,
	"document_date" date NOT NULL,
	"provider_submitted" boolean DEFAULT false NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"sealed_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"deletion_reason" text,
	CONSTRAINT "documents_confidentiality" CHECK ("documents"."confidentiality" in ('standard','restricted','sealed'))
);
--> statement-breakpoint
CREATE TABLE "form_drafts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"form_key" text NOT NULL,
	"data" jsonb NOT NULL,
	"conflict_with_version" integer,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL,
	"used_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"deletion_reason" text
);
--> statement-breakpoint
CREATE TABLE "record_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entry_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"child_id" uuid NOT NULL,
	"section" text NOT NULL,
	"occurred_on" date NOT NULL,
	"title" text NOT NULL,
	"data" jsonb NOT NULL,
	"confidentiality" text DEFAULT 'standard' NOT NULL,
	"status" text DEFAULT 'recorded' NOT NULL,
	"in_chronology" boolean DEFAULT true NOT NULL,
	"is_latest" boolean DEFAULT true NOT NULL,
	"significant" boolean DEFAULT false NOT NULL,
	"child_property" boolean DEFAULT false NOT NULL,
	"provider_submitted" boolean DEFAULT false NOT NULL,
	"submitted_by_organisation_id" uuid,
	"amend_reason" text,
	"lock_version" integer DEFAULT 0 NOT NULL,
	"source_carer_record_id" uuid,
	"source_reference" text,
	"sealed_reason" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	"deletion_reason" text,
	CONSTRAINT "record_entries_confidentiality" CHECK ("record_entries"."confidentiality" in ('standard','restricted','sealed')),
	CONSTRAINT "record_entries_status" CHECK ("record_entries"."status" in ('recorded','draft','submitted','approved','superseded')),
	CONSTRAINT "record_entries_version_positive" CHECK ("record_entries"."version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_blob_sha256_document_blobs_sha256_fk" FOREIGN KEY ("blob_sha256") REFERENCES "public"."document_blobs"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_drafts" ADD CONSTRAINT "form_drafts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_drafts" ADD CONSTRAINT "form_drafts_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_entries" ADD CONSTRAINT "record_entries_child_id_children_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."children"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_entries" ADD CONSTRAINT "record_entries_submitted_by_organisation_id_organisations_id_fk" FOREIGN KEY ("submitted_by_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_entries" ADD CONSTRAINT "record_entries_source_carer_record_id_carer_records_id_fk" FOREIGN KEY ("source_carer_record_id") REFERENCES "public"."carer_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_entries" ADD CONSTRAINT "record_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_entries" ADD CONSTRAINT "record_entries_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_entries" ADD CONSTRAINT "record_entries_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "documents_child_id_document_date_index" ON "documents" USING btree ("child_id","document_date" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "documents_entry_id_index" ON "documents" USING btree ("entry_id");--> statement-breakpoint
CREATE UNIQUE INDEX "form_drafts_user_id_child_id_form_key_index" ON "form_drafts" USING btree ("user_id","child_id","form_key");--> statement-breakpoint
CREATE UNIQUE INDEX "record_entries_entry_id_version_index" ON "record_entries" USING btree ("entry_id","version");--> statement-breakpoint
CREATE INDEX "record_entries_chronology_idx" ON "record_entries" USING btree ("child_id","occurred_on" DESC NULLS LAST,"id") WHERE "record_entries"."in_chronology";--> statement-breakpoint
CREATE INDEX "record_entries_section_idx" ON "record_entries" USING btree ("child_id","section","occurred_on" DESC NULLS LAST) WHERE "record_entries"."is_latest";