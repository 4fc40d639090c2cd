ALTER TABLE "provider_arrangements" ADD COLUMN "supersedes_id" uuid;--> statement-breakpoint
ALTER TABLE "provider_arrangements" ADD COLUMN "superseded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "provider_arrangements" ADD COLUMN "amend_reason" text;