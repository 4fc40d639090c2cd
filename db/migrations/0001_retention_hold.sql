-- Retention hold: records are never deleted while it is on (seed policy section 2).
-- Hand-written: statement-level triggers refuse DELETE and TRUNCATE on every table in the
-- public schema, row-level triggers refuse setting the soft-delete columns, and the audit log
-- refuses UPDATE. Every later migration that adds a table ends with `SELECT retention_protect_all();`.
INSERT INTO "retention_hold" ("id", "active", "reason")
VALUES (1, true, 'Retention hold pending national guidance following the Independent Inquiry into Child Sexual Abuse: do not delete any records.')
ON CONFLICT ("id") DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION retention_hold_active() RETURNS boolean
LANGUAGE sql STABLE AS $$
  -- No row means no decision to lift the hold was ever recorded: the hold applies.
  SELECT coalesce((SELECT active FROM retention_hold WHERE id = 1), true)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION retention_refuse_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_ARGV[0] = 'always' OR retention_hold_active() THEN
    RAISE EXCEPTION 'retention hold: % on table "%" is refused; records are never deleted (amend or seal instead)', TG_OP, TG_TABLE_NAME
      USING ERRCODE = 'RH001';
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION retention_refuse_soft_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF retention_hold_active() THEN
    RAISE EXCEPTION 'retention hold: marking a row of "%" as deleted is refused while the hold is active', TG_TABLE_NAME
      USING ERRCODE = 'RH002';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only: % on "%" is refused', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'RH003';
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION retention_protect_all() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  r record;
  -- Tables whose rows are the log or the hold itself are protected whatever the hold says.
  always_tables text[] := ARRAY['audit_events', 'audit_chain_heads', 'retention_hold'];
  mode text;
BEGIN
  FOR r IN
    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
  LOOP
    mode := CASE WHEN r.relname = ANY(always_tables) THEN 'always' ELSE 'hold' END;
    EXECUTE format('DROP TRIGGER IF EXISTS retention_refuse_delete ON %I', r.relname);
    EXECUTE format('CREATE TRIGGER retention_refuse_delete BEFORE DELETE ON %I FOR EACH STATEMENT EXECUTE FUNCTION retention_refuse_delete(%L)', r.relname, mode);
    EXECUTE format('DROP TRIGGER IF EXISTS retention_refuse_truncate ON %I', r.relname);
    EXECUTE format('CREATE TRIGGER retention_refuse_truncate BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION retention_refuse_delete(%L)', r.relname, mode);
    IF EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = 'public' AND table_name = r.relname AND column_name = 'deleted_at') THEN
      EXECUTE format('DROP TRIGGER IF EXISTS retention_refuse_soft_delete ON %I', r.relname);
      EXECUTE format('CREATE TRIGGER retention_refuse_soft_delete BEFORE INSERT OR UPDATE ON %I FOR EACH ROW WHEN (NEW.deleted_at IS NOT NULL OR NEW.deleted_by IS NOT NULL OR NEW.deletion_reason IS NOT NULL) EXECUTE FUNCTION retention_refuse_soft_delete()', r.relname);
    END IF;
  END LOOP;
  DROP TRIGGER IF EXISTS audit_refuse_update ON audit_events;
  CREATE TRIGGER audit_refuse_update BEFORE UPDATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
END
$$;
--> statement-breakpoint
SELECT retention_protect_all();
