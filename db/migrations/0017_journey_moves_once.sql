-- The journey's rows move once and only forward, whoever asks: an episode ends once (its end
-- date, time and reasons are set together and never changed after; a correction is a newer
-- version) and is superseded once; an allocation spell and a Child Protection Plan end once; a
-- marker task is actioned once. Everything else about these rows never changes in place.
CREATE OR REPLACE FUNCTION journey_move_once() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  col text;
  moving text[] := TG_ARGV::text[];
  old_row jsonb := to_jsonb(OLD);
  new_row jsonb := to_jsonb(NEW);
BEGIN
  FOR col IN SELECT jsonb_object_keys(new_row) LOOP
    -- The soft-delete columns are the retention hold's to refuse (its own trigger and message).
    CONTINUE WHEN col IN ('deleted_at', 'deleted_by', 'deletion_reason');
    IF new_row -> col IS DISTINCT FROM old_row -> col THEN
      IF NOT (col = ANY (moving)) THEN
        RAISE EXCEPTION '%.% cannot be changed in place (record a correction instead)', TG_TABLE_NAME, col
          USING ERRCODE = 'RH004';
      END IF;
      IF old_row -> col IS NOT NULL AND old_row ->> col IS NOT NULL THEN
        RAISE EXCEPTION '%.% is already set and cannot be changed', TG_TABLE_NAME, col USING ERRCODE = 'RH004';
      END IF;
    END IF;
  END LOOP;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER episodes_move_once BEFORE UPDATE ON episodes FOR EACH ROW
EXECUTE FUNCTION journey_move_once('end_date', 'ended_at', 'reason_ceased', 'reason_place_change', 'superseded_at');
--> statement-breakpoint
CREATE TRIGGER allocations_move_once BEFORE UPDATE ON allocations FOR EACH ROW
EXECUTE FUNCTION journey_move_once('end_date', 'end_reason');
--> statement-breakpoint
CREATE TRIGGER child_protection_plans_move_once BEFORE UPDATE ON child_protection_plans FOR EACH ROW
EXECUTE FUNCTION journey_move_once('ended_at', 'end_date', 'end_reason');
--> statement-breakpoint
CREATE TRIGGER marker_tasks_move_once BEFORE UPDATE ON marker_tasks FOR EACH ROW
EXECUTE FUNCTION journey_move_once('actioned_by', 'actioned_at');
