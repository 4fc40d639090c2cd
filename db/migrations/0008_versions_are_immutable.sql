-- Only a draft is ever edited in place. Any other version of an entry (recorded, submitted,
-- returned, approved, superseded, sealed) keeps its content for good: the database refuses a
-- change to what it says, whoever asks. Flags that place it (latest, in the chronology,
-- significant, status) may still move; a submitted care plan takes its approval date.
CREATE OR REPLACE FUNCTION record_entries_refuse_content_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status <> 'draft' AND (
       NEW.title IS DISTINCT FROM OLD.title
    OR NEW.data IS DISTINCT FROM OLD.data
    OR NEW.confidentiality IS DISTINCT FROM OLD.confidentiality
    OR NEW.child_id IS DISTINCT FROM OLD.child_id
    OR NEW.section IS DISTINCT FROM OLD.section
    OR NEW.entry_id IS DISTINCT FROM OLD.entry_id
    OR NEW.version IS DISTINCT FROM OLD.version
    OR NEW.created_by IS DISTINCT FROM OLD.created_by
    OR NEW.sealed_reason IS DISTINCT FROM OLD.sealed_reason
    OR (NEW.occurred_on IS DISTINCT FROM OLD.occurred_on AND OLD.status <> 'submitted')
  ) THEN
    RAISE EXCEPTION 'version % of entry % is %: its content cannot be changed (amend it: a new version)', OLD.version, OLD.entry_id, OLD.status
      USING ERRCODE = 'RH004';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS record_entries_refuse_content_change ON record_entries;
--> statement-breakpoint
CREATE TRIGGER record_entries_refuse_content_change BEFORE UPDATE ON record_entries
FOR EACH ROW EXECUTE FUNCTION record_entries_refuse_content_change();
