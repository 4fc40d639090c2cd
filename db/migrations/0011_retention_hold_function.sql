-- The portal's database login (PostgreSQL: an app role that owns nothing, see db/roles.ts) may
-- UPDATE only the columns the application moves. These triggers keep those moves legal whoever
-- makes them, on PostgreSQL and on PGlite alike, so a login with UPDATE rights still cannot hide,
-- revive or rewrite history with a plain statement.

-- The retention hold changes only through this function: it checks who asks and why, and writes
-- who, why and when on the hold itself (the portal's audit event goes in the same transaction).
-- SECURITY DEFINER because the app role has no INSERT or UPDATE on retention_hold; the fixed
-- search_path stops a caller's own objects from standing in for ours.
CREATE OR REPLACE FUNCTION set_retention_hold(p_actor uuid, p_active boolean, p_reason text)
RETURNS TABLE (was_active boolean, is_active boolean)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
#variable_conflict use_column
DECLARE
  v_was boolean;
BEGIN
  IF p_active IS NULL THEN
    RAISE EXCEPTION 'retention hold: say whether the hold is on or off' USING ERRCODE = 'RH005';
  END IF;
  IF p_reason IS NULL OR length(btrim(p_reason)) < 20 THEN
    RAISE EXCEPTION 'retention hold: a change needs its reason (at least 20 characters)' USING ERRCODE = 'RH005';
  END IF;
  IF NOT EXISTS (
    SELECT 1 FROM users u
    WHERE u.id = p_actor AND u.role = 'records_officer' AND u.active AND u.deleted_at IS NULL
  ) THEN
    RAISE EXCEPTION 'retention hold: only an active records officer may change it' USING ERRCODE = 'RH005';
  END IF;
  -- The row lock orders concurrent changes, so each one reports the state it replaced.
  SELECT h.active INTO v_was FROM retention_hold h WHERE h.id = 1 FOR UPDATE;
  INSERT INTO retention_hold AS h (id, active, reason, changed_by, changed_at)
  VALUES (1, p_active, btrim(p_reason), p_actor, now())
  ON CONFLICT (id) DO UPDATE
    SET active = excluded.active, reason = excluded.reason, changed_by = excluded.changed_by, changed_at = excluded.changed_at;
  -- No row before means no decision had been recorded: the hold applied.
  was_active := coalesce(v_was, true);
  is_active := p_active;
  RETURN NEXT;
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION set_retention_hold(uuid, boolean, text) FROM PUBLIC;
--> statement-breakpoint
-- record_entries: where a version sits in the record (latest, in the chronology, significant) and
-- who submitted or approved it move only as the lifecycle moves them.
CREATE OR REPLACE FUNCTION record_entries_keep_place() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.is_latest AND NOT OLD.is_latest THEN
    RAISE EXCEPTION 'version % of entry % has been replaced: it cannot become the latest again', OLD.version, OLD.entry_id
      USING ERRCODE = 'RH006';
  END IF;
  IF NEW.in_chronology AND NOT OLD.in_chronology AND NOT NEW.is_latest THEN
    RAISE EXCEPTION 'version % of entry % has been replaced: it cannot join the chronology', OLD.version, OLD.entry_id
      USING ERRCODE = 'RH006';
  END IF;
  IF NEW.significant IS DISTINCT FROM OLD.significant AND (NOT NEW.in_chronology OR OLD.confidentiality = 'sealed') THEN
    RAISE EXCEPTION 'version % of entry % is not shown in the chronology: it cannot be marked significant', OLD.version, OLD.entry_id
      USING ERRCODE = 'RH006';
  END IF;
  IF (NEW.submitted_by IS DISTINCT FROM OLD.submitted_by OR NEW.submitted_at IS DISTINCT FROM OLD.submitted_at)
     AND NOT (OLD.status = 'draft' AND NEW.status = 'submitted') THEN
    RAISE EXCEPTION 'version % of entry %: who submitted it is set only when it is submitted', OLD.version, OLD.entry_id
      USING ERRCODE = 'RH006';
  END IF;
  IF (NEW.approved_by IS DISTINCT FROM OLD.approved_by OR NEW.approved_at IS DISTINCT FROM OLD.approved_at)
     AND NOT (OLD.status = 'submitted' AND NEW.status = 'approved') THEN
    RAISE EXCEPTION 'version % of entry %: who approved it is set only when it is approved', OLD.version, OLD.entry_id
      USING ERRCODE = 'RH006';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS record_entries_keep_place ON record_entries;
--> statement-breakpoint
CREATE TRIGGER record_entries_keep_place BEFORE UPDATE ON record_entries
FOR EACH ROW EXECUTE FUNCTION record_entries_keep_place();
--> statement-breakpoint
-- A version stops being the latest, or leaves the chronology, only when a newer version of the
-- same entry exists: otherwise the statement just hides the entry. Checked at commit, because the
-- application marks the old version first and inserts the new one next, in the same transaction.
CREATE OR REPLACE FUNCTION record_entries_replaced_by_newer() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM record_entries r
    WHERE r.entry_id = OLD.entry_id AND r.child_id = OLD.child_id AND r.version > OLD.version
  ) THEN
    RAISE EXCEPTION 'version % of entry % is its newest: it cannot stop being the latest or leave the chronology (amend or seal it instead)', OLD.version, OLD.entry_id
      USING ERRCODE = 'RH006';
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS record_entries_replaced_by_newer ON record_entries;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER record_entries_replaced_by_newer AFTER UPDATE ON record_entries
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
WHEN ((OLD.is_latest AND NOT NEW.is_latest) OR (OLD.in_chronology AND NOT NEW.in_chronology))
EXECUTE FUNCTION record_entries_replaced_by_newer();
--> statement-breakpoint
-- provider_arrangements decide who sees a child: an arrangement's terms never change in place,
-- and it is superseded once, by the row that replaces it. Reviving a superseded arrangement
-- (superseded_at back to null) would let a provider back in.
CREATE OR REPLACE FUNCTION provider_arrangements_keep_terms() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.child_id IS DISTINCT FROM OLD.child_id
    OR NEW.organisation_id IS DISTINCT FROM OLD.organisation_id
    OR NEW.functions IS DISTINCT FROM OLD.functions
    OR NEW.start_date IS DISTINCT FROM OLD.start_date
    OR NEW.end_date IS DISTINCT FROM OLD.end_date
    OR NEW.supersedes_id IS DISTINCT FROM OLD.supersedes_id
    OR NEW.amend_reason IS DISTINCT FROM OLD.amend_reason
    OR NEW.created_by IS DISTINCT FROM OLD.created_by
    OR NEW.created_at IS DISTINCT FROM OLD.created_at
    OR NEW.id IS DISTINCT FROM OLD.id
  THEN
    RAISE EXCEPTION 'provider arrangement %: its terms cannot be changed (amend it: a new row)', OLD.id
      USING ERRCODE = 'RH006';
  END IF;
  IF OLD.superseded_at IS NOT NULL AND NEW.superseded_at IS DISTINCT FROM OLD.superseded_at THEN
    RAISE EXCEPTION 'provider arrangement % has been superseded: that cannot be undone or redated', OLD.id
      USING ERRCODE = 'RH006';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS provider_arrangements_keep_terms ON provider_arrangements;
--> statement-breakpoint
CREATE TRIGGER provider_arrangements_keep_terms BEFORE UPDATE ON provider_arrangements
FOR EACH ROW EXECUTE FUNCTION provider_arrangements_keep_terms();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION provider_arrangements_superseded_by_newer() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM provider_arrangements a WHERE a.supersedes_id = OLD.id) THEN
    RAISE EXCEPTION 'provider arrangement % can be superseded only by a new arrangement that replaces it', OLD.id
      USING ERRCODE = 'RH006';
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS provider_arrangements_superseded_by_newer ON provider_arrangements;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER provider_arrangements_superseded_by_newer AFTER UPDATE ON provider_arrangements
DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
WHEN (OLD.superseded_at IS NULL AND NEW.superseded_at IS NOT NULL)
EXECUTE FUNCTION provider_arrangements_superseded_by_newer();
--> statement-breakpoint
-- break_glass_grants: a grant's terms (whose, which child, why, until when) never change, and it is
-- reviewed once, by someone other than the person who used it.
CREATE OR REPLACE FUNCTION break_glass_grants_keep_terms() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS DISTINCT FROM OLD.id
    OR NEW.user_id IS DISTINCT FROM OLD.user_id
    OR NEW.child_id IS DISTINCT FROM OLD.child_id
    OR NEW.reason IS DISTINCT FROM OLD.reason
    OR NEW.expires_at IS DISTINCT FROM OLD.expires_at
    OR NEW.created_at IS DISTINCT FROM OLD.created_at
  THEN
    RAISE EXCEPTION 'break-glass grant %: its terms cannot be changed', OLD.id USING ERRCODE = 'RH006';
  END IF;
  IF (NEW.reviewed_by IS DISTINCT FROM OLD.reviewed_by OR NEW.reviewed_at IS DISTINCT FROM OLD.reviewed_at) AND (
       OLD.reviewed_at IS NOT NULL OR OLD.reviewed_by IS NOT NULL
    OR NEW.reviewed_at IS NULL OR NEW.reviewed_by IS NULL
    OR NEW.reviewed_by = OLD.user_id
  ) THEN
    RAISE EXCEPTION 'break-glass grant %: it is reviewed once, by someone other than its user', OLD.id
      USING ERRCODE = 'RH006';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS break_glass_grants_keep_terms ON break_glass_grants;
--> statement-breakpoint
CREATE TRIGGER break_glass_grants_keep_terms BEFORE UPDATE ON break_glass_grants
FOR EACH ROW EXECUTE FUNCTION break_glass_grants_keep_terms();
--> statement-breakpoint
-- users: the session version only moves on (moving it back would revive signed-out sessions).
CREATE OR REPLACE FUNCTION users_session_version_moves_on() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'user %: the session version only moves forward', OLD.id USING ERRCODE = 'RH006';
END
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS users_session_version_moves_on ON users;
--> statement-breakpoint
CREATE TRIGGER users_session_version_moves_on BEFORE UPDATE OF session_version ON users
FOR EACH ROW WHEN (NEW.session_version < OLD.session_version)
EXECUTE FUNCTION users_session_version_moves_on();
--> statement-breakpoint
-- children: the app role holds UPDATE on id only so that it may lock a child's row (SELECT ... FOR
-- NO KEY UPDATE needs an UPDATE privilege); the id itself never changes.
CREATE OR REPLACE FUNCTION refuse_id_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the id of a row of "%" never changes', TG_TABLE_NAME USING ERRCODE = 'RH006';
END
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS children_refuse_id_change ON children;
--> statement-breakpoint
CREATE TRIGGER children_refuse_id_change BEFORE UPDATE OF id ON children
FOR EACH ROW WHEN (NEW.id IS DISTINCT FROM OLD.id)
EXECUTE FUNCTION refuse_id_change();
