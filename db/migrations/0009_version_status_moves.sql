-- Tightens 0008: a version's status only moves forward along its lifecycle (draft -> submitted
-- -> approved -> superseded, or submitted -> returned), so nothing can be turned back into an
-- editable draft; and a sealed row is fixed whatever its status.
CREATE OR REPLACE FUNCTION record_entries_refuse_content_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status IS DISTINCT FROM OLD.status AND NOT (
       (OLD.status = 'draft' AND NEW.status = 'submitted')
    OR (OLD.status = 'submitted' AND NEW.status IN ('approved', 'returned'))
    OR (OLD.status = 'approved' AND NEW.status = 'superseded')
  ) THEN
    RAISE EXCEPTION 'version % of entry % cannot move from % to %', OLD.version, OLD.entry_id, OLD.status, NEW.status
      USING ERRCODE = 'RH004';
  END IF;
  IF (OLD.status <> 'draft' OR OLD.confidentiality = 'sealed') AND (
       NEW.title IS DISTINCT FROM OLD.title
    OR NEW.data IS DISTINCT FROM OLD.data
    OR NEW.confidentiality IS DISTINCT FROM OLD.confidentiality
    OR NEW.child_id IS DISTINCT FROM OLD.child_id
    OR NEW.section IS DISTINCT FROM OLD.section
    OR NEW.entry_id IS DISTINCT FROM OLD.entry_id
    OR NEW.version IS DISTINCT FROM OLD.version
    OR NEW.created_by IS DISTINCT FROM OLD.created_by
    OR NEW.sealed_reason IS DISTINCT FROM OLD.sealed_reason
    OR NEW.amend_reason IS DISTINCT FROM OLD.amend_reason
    OR NEW.child_property IS DISTINCT FROM OLD.child_property
    OR (NEW.occurred_on IS DISTINCT FROM OLD.occurred_on AND OLD.status <> 'submitted')
  ) THEN
    RAISE EXCEPTION 'version % of entry % is %: its content cannot be changed (amend it: a new version)', OLD.version, OLD.entry_id, OLD.status
      USING ERRCODE = 'RH004';
  END IF;
  RETURN NEW;
END
$$;
