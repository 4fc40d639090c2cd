-- An entry belongs to one child's record, now also on UPDATE and under concurrency. 0021's check
-- ran on INSERT only and read without a lock: a row could be moved to another child in place
-- (a draft, whose content may still change), and two transactions inserting versions of one entry
-- for different children each saw no other row and both committed. The check now takes a
-- transaction-scoped advisory lock on the entry first (released at commit or rollback), so the
-- second waits for the first and then, re-reading (each statement of a plpgsql function takes a
-- new snapshot under READ COMMITTED), sees the first's row. PGlite has one connection and takes
-- the same lock at once. The lock is one of 1,024 buckets of entries (key 1701 with the entry's
-- hash): a transaction inserting many thousands of entries (an import, the bench's seed) holds at
-- most 1,024 locks, far inside the server's shared lock table, and two unrelated entries sharing a
-- bucket only wait for each other's commit.
CREATE OR REPLACE FUNCTION record_entries_one_child() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(1701, hashtext(NEW.entry_id::text) & 1023);
  IF TG_OP = 'UPDATE' AND (NEW.child_id IS DISTINCT FROM OLD.child_id OR NEW.section IS DISTINCT FROM OLD.section) THEN
    RAISE EXCEPTION 'version % of entry % belongs to one child''s record: it cannot move to another child or section (place a duplicate entry instead)', OLD.version, OLD.entry_id
      USING ERRCODE = 'RH004';
  END IF;
  IF EXISTS (SELECT 1 FROM record_entries e WHERE e.entry_id = NEW.entry_id AND e.id <> NEW.id
             AND (e.child_id <> NEW.child_id OR e.section <> NEW.section)) THEN
    RAISE EXCEPTION 'entry % belongs to another child''s record: an entry belongs to one child only (place a duplicate entry instead)', NEW.entry_id
      USING ERRCODE = 'RH004';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS record_entries_one_child ON record_entries;
--> statement-breakpoint
CREATE TRIGGER record_entries_one_child BEFORE INSERT OR UPDATE OF child_id, section, entry_id ON record_entries
FOR EACH ROW EXECUTE FUNCTION record_entries_one_child();
--> statement-breakpoint
-- One duplicate entry per source on each child's record: its first version is placed once (later
-- versions bring the same copy up to date). The commands check first; this holds under a race.
DO $$
DECLARE
  found text;
BEGIN
  SELECT string_agg(child_id::text || ' / ' || source_entry_id::text, ', ') INTO found
  FROM (SELECT child_id, source_entry_id FROM record_entries
        WHERE version = 1 AND source_entry_id IS NOT NULL
        GROUP BY child_id, source_entry_id HAVING count(*) > 1 LIMIT 20) d;
  IF found IS NOT NULL THEN
    RAISE EXCEPTION 'two copies of one source on one child''s record (child / source entry: %): the migration stops rather than index one of them away; nothing is deleted, so take it to the records officer', found;
  END IF;
END
$$;
--> statement-breakpoint
CREATE UNIQUE INDEX "record_entries_one_copy_per_child" ON "record_entries" USING btree ("child_id","source_entry_id") WHERE "record_entries"."version" = 1 and "record_entries"."source_entry_id" is not null;--> statement-breakpoint
-- When a foster carer's approval ended (their record is kept at least 10 years from then:
-- Fostering Services (England) Regulations 2011, regulation 32(1)).
ALTER TABLE "carer_record_versions" ADD COLUMN "approval_ended_on" date;--> statement-breakpoint
ALTER TABLE "carer_record_versions" ADD CONSTRAINT "carer_record_versions_approval_end" CHECK ("carer_record_versions"."approval_ended_on" is null or "carer_record_versions"."approved_on" is null or "carer_record_versions"."approval_ended_on" >= "carer_record_versions"."approved_on");
