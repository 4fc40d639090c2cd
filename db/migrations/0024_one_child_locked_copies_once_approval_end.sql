-- An entry belongs to one child's record, now also on UPDATE and under concurrency. 0021's check
-- ran on INSERT only and read without a lock: a row could be moved to another child in place
-- (a draft, whose content may still change), and two transactions inserting versions of one entry
-- for different children each saw no other row and both committed. The check now takes a
-- transaction-scoped advisory lock on the entry first (released at commit or rollback), so the
-- second waits for the first and then, re-reading (each statement of a plpgsql function takes a
-- new snapshot under READ COMMITTED), sees the first's row. PGlite has one connection and takes
-- the same lock at once.
CREATE OR REPLACE FUNCTION record_entries_one_child() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext(NEW.entry_id::text));
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
CREATE UNIQUE INDEX "record_entries_one_copy_per_child" ON "record_entries" USING btree ("child_id","source_entry_id") WHERE "record_entries"."version" = 1 and "record_entries"."source_entry_id" is not null;--> statement-breakpoint
-- When a foster carer's approval ended (their record is kept at least 10 years from then:
-- Fostering Services (England) Regulations 2011, regulation 32(1)).
ALTER TABLE "carer_record_versions" ADD COLUMN "approval_ended_on" date;--> statement-breakpoint
ALTER TABLE "carer_record_versions" ADD CONSTRAINT "carer_record_versions_approval_end" CHECK ("carer_record_versions"."approval_ended_on" is null or "carer_record_versions"."approved_on" is null or "carer_record_versions"."approval_ended_on" >= "carer_record_versions"."approved_on");
