-- Provider arrangements become version chains like entries: every version of an arrangement shares
-- arrangement_id and has a version number, so the one versioning module locks, checks and appends
-- them. Existing rows are numbered along their supersedes_id links, oldest first.
ALTER TABLE "provider_arrangements" ADD COLUMN "arrangement_id" uuid;--> statement-breakpoint
ALTER TABLE "provider_arrangements" ADD COLUMN "version" integer;--> statement-breakpoint
WITH RECURSIVE chain AS (
  SELECT id, id AS arrangement_id, 1 AS version FROM provider_arrangements WHERE supersedes_id IS NULL
  UNION ALL
  SELECT pa.id, chain.arrangement_id, chain.version + 1
  FROM provider_arrangements pa JOIN chain ON pa.supersedes_id = chain.id
)
UPDATE provider_arrangements pa SET arrangement_id = chain.arrangement_id, version = chain.version
FROM chain WHERE chain.id = pa.id;--> statement-breakpoint
ALTER TABLE "provider_arrangements" ALTER COLUMN "arrangement_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "provider_arrangements" ALTER COLUMN "version" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "provider_arrangements_arrangement_id_version_index" ON "provider_arrangements" USING btree ("arrangement_id","version");--> statement-breakpoint
ALTER TABLE "provider_arrangements" ADD CONSTRAINT "provider_arrangement_version_positive" CHECK ("provider_arrangements"."version" >= 1);
