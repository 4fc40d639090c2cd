-- Documents are stored in chunks of at most 1 MB (document_blob_chunks) under a header row
-- (document_blobs: sha256, size, type, chunk count), so no request ever holds a whole file in
-- memory. Existing contents are split into chunks here, each blob is checked against its SHA-256
-- from the chunks before the old single-row column goes, and the migration fails (changing
-- nothing) if any does not match: nothing is lost. Headers and chunks are write-once, and the
-- database refuses at commit a blob whose chunks do not add up to its header. (Retried
-- submissions are answered from action_receipts, migration 0015, for uploads as for every action.)
CREATE TABLE "document_blob_chunks" (
	"sha256" text NOT NULL,
	"seq" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	CONSTRAINT "document_blob_chunks_sha256_seq_pk" PRIMARY KEY("sha256","seq"),
	CONSTRAINT "document_blob_chunks_seq" CHECK ("document_blob_chunks"."seq" >= 0),
	CONSTRAINT "document_blob_chunks_size" CHECK (octet_length("document_blob_chunks"."bytes") between 1 and 1048576)
);
--> statement-breakpoint
ALTER TABLE "document_blob_chunks" ADD CONSTRAINT "document_blob_chunks_sha256_document_blobs_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."document_blobs"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_blobs" ADD COLUMN "chunk_count" integer;--> statement-breakpoint
-- Every existing content, 1 MB at a time (substring of bytea counts bytes, from 1).
INSERT INTO "document_blob_chunks" ("sha256", "seq", "bytes")
SELECT b."sha256", s.seq, substring(b."content" FROM s.seq * 1048576 + 1 FOR 1048576)
FROM "document_blobs" b
CROSS JOIN LATERAL generate_series(0, ceil(octet_length(b."content") / 1048576.0)::int - 1) AS s(seq);--> statement-breakpoint
UPDATE "document_blobs" SET "chunk_count" = ceil(octet_length("content") / 1048576.0)::int;--> statement-breakpoint
DO $$
DECLARE
  bad text;
BEGIN
  SELECT b."sha256" INTO bad
  FROM "document_blobs" b
  WHERE octet_length(b."content") <> b."size_bytes"
     OR encode(sha256(coalesce(
          (SELECT string_agg(c."bytes", ''::bytea ORDER BY c."seq") FROM "document_blob_chunks" c WHERE c."sha256" = b."sha256"),
          ''::bytea)), 'hex') <> b."sha256"
  LIMIT 1;
  IF bad IS NOT NULL THEN
    RAISE EXCEPTION 'document blob % does not match its hash once split into chunks: migration stopped, nothing changed', bad;
  END IF;
END
$$;--> statement-breakpoint
ALTER TABLE "document_blobs" ALTER COLUMN "chunk_count" SET NOT NULL;--> statement-breakpoint
-- Every byte is now in the chunks, checked against its hash above.
ALTER TABLE "document_blobs" DROP COLUMN "content";--> statement-breakpoint
ALTER TABLE "document_blobs" ADD CONSTRAINT "document_blobs_sha256_hex" CHECK ("document_blobs"."sha256" ~ '^[0-9a-f]{64}$');--> statement-breakpoint
ALTER TABLE "document_blobs" ADD CONSTRAINT "document_blobs_chunk_count" CHECK ("document_blobs"."chunk_count" >= 0);--> statement-breakpoint
-- Content-addressed storage is write-once: a changed header or chunk would make the hash lie.
CREATE OR REPLACE FUNCTION document_blob_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'stored documents are write-once: % on "%" is refused', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'RH005';
END
$$;
--> statement-breakpoint
CREATE TRIGGER document_blobs_refuse_update BEFORE UPDATE ON "document_blobs"
FOR EACH STATEMENT EXECUTE FUNCTION document_blob_refuse_change();--> statement-breakpoint
CREATE TRIGGER document_blob_chunks_refuse_update BEFORE UPDATE ON "document_blob_chunks"
FOR EACH STATEMENT EXECUTE FUNCTION document_blob_refuse_change();--> statement-breakpoint
-- At commit, a blob written in the transaction has exactly its chunks 0..n-1 and their sizes add
-- up to its size: a half-written file can never be committed, and no chunk can be added later.
CREATE OR REPLACE FUNCTION document_blob_check_whole() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  header record;
  n integer;
  top integer;
  total bigint;
BEGIN
  SELECT "chunk_count", "size_bytes" INTO header FROM "document_blobs" WHERE "sha256" = NEW."sha256";
  SELECT count(*), max("seq"), coalesce(sum(octet_length("bytes")), 0) INTO n, top, total
  FROM "document_blob_chunks" WHERE "sha256" = NEW."sha256";
  IF n <> header."chunk_count" OR coalesce(top, -1) <> n - 1 OR total <> header."size_bytes" THEN
    RAISE EXCEPTION 'document blob % is not whole: % of % chunks, % of % bytes', NEW."sha256", n, header."chunk_count", total, header."size_bytes"
      USING ERRCODE = 'RH006';
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER document_blobs_whole AFTER INSERT ON "document_blobs"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION document_blob_check_whole();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER document_blob_chunks_whole AFTER INSERT ON "document_blob_chunks"
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION document_blob_check_whole();--> statement-breakpoint
-- New tables join the retention hold: DELETE and TRUNCATE refused.
SELECT retention_protect_all();
