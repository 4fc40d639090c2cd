-- Keyed audit events and head moves through the database's own functions.
-- Each event now carries an HMAC (`mac`) made with a key the database does not hold, so a
-- rewrite with a recomputed SHA-256 no longer passes verification. Events written before this
-- migration have none; the first signed checkpoint outside the database seals them.
ALTER TABLE "audit_events" ADD COLUMN "mac" text;
--> statement-breakpoint
-- Hand-written from here. The portal's database login may read and append audit events but not
-- write chain heads: every head move goes through these SECURITY DEFINER functions, which only
-- ever move a head one step forward onto the event appended with it. A fixed search_path keeps
-- a caller's own objects from standing in for ours.
CREATE OR REPLACE FUNCTION audit_lock_head(p_chain_key text)
RETURNS TABLE (head_seq bigint, head_hash text)
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  -- Creates the head on first use and row-locks it: appends to this chain wait for each other,
  -- appends to any other chain do not.
  INSERT INTO audit_chain_heads (chain_key, seq, hash) VALUES (p_chain_key, 0, repeat('0', 64))
  ON CONFLICT (chain_key) DO UPDATE SET chain_key = excluded.chain_key
  RETURNING seq, hash
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_lock_pool_head(p_prefix text, p_size integer)
RETURNS TABLE (head_chain_key text, head_seq bigint, head_hash text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
-- Page views and downloads go on a pool of interchangeable chains (`views:1` ... `views:N`):
-- each append takes whichever head no one else holds (SKIP LOCKED), so views of one child, or
-- by one person, never queue behind each other.
BEGIN
  IF p_prefix !~ '^[a-z]+:$' OR p_size < 1 OR p_size > 1024 THEN
    RAISE EXCEPTION 'audit pool %: a prefix like "views:" and 1 to 1024 chains', p_prefix USING ERRCODE = 'RH004';
  END IF;
  FOR attempt IN 1..2 LOOP
    RETURN QUERY
      SELECT h.chain_key, h.seq, h.hash FROM audit_chain_heads h
      WHERE h.chain_key IN (SELECT p_prefix || g FROM generate_series(1, p_size) g)
      ORDER BY h.chain_key LIMIT 1
      FOR UPDATE SKIP LOCKED;
    IF FOUND THEN RETURN; END IF;
    -- None free: create the pool's heads that do not exist yet (only if the pool has grown since
    -- migration 0010 created 16), then look again.
    INSERT INTO audit_chain_heads (chain_key, seq, hash)
    SELECT p_prefix || g, 0, repeat('0', 64) FROM generate_series(1, p_size) g
    ON CONFLICT (chain_key) DO NOTHING;
  END LOOP;
  -- Every chain of the pool is held by another transaction: wait for one of them.
  RETURN QUERY
    SELECT h.chain_key, h.seq, h.hash FROM audit_chain_heads h
    WHERE h.chain_key = p_prefix || (1 + floor(random() * p_size))::int
    FOR UPDATE;
END
$$;
--> statement-breakpoint
-- The pool's heads exist, committed, before the first view: a head created inside a view's own
-- transaction would make every other view wait for that transaction to end.
INSERT INTO audit_chain_heads (chain_key, seq, hash)
SELECT 'views:' || g, 0, repeat('0', 64) FROM generate_series(1, 16) g
ON CONFLICT (chain_key) DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_append_event(
  p_chain_key text, p_seq bigint, p_prev_hash text, p_hash text, p_mac text, p_occurred_at timestamptz,
  p_actor_id uuid, p_action text, p_child_id uuid, p_outcome text, p_flagged boolean, p_detail jsonb
) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  h_seq bigint;
  h_hash text;
BEGIN
  SELECT seq, hash INTO h_seq, h_hash FROM audit_chain_heads WHERE chain_key = p_chain_key FOR UPDATE;
  -- The head moves exactly one step, onto an event that links to where it stood.
  IF NOT FOUND OR p_seq IS DISTINCT FROM h_seq + 1 OR p_prev_hash IS DISTINCT FROM h_hash THEN
    RAISE EXCEPTION 'audit chain %: event #% does not follow the head (#%)', p_chain_key, p_seq, h_seq
      USING ERRCODE = 'RH004';
  END IF;
  IF p_mac IS NULL OR p_hash IS NULL THEN
    RAISE EXCEPTION 'audit chain %: event #% has no hash or HMAC', p_chain_key, p_seq USING ERRCODE = 'RH004';
  END IF;
  INSERT INTO audit_events (chain_key, seq, prev_hash, hash, mac, occurred_at, actor_id, action, child_id, outcome, flagged, detail)
  VALUES (p_chain_key, p_seq, p_prev_hash, p_hash, p_mac, p_occurred_at, p_actor_id, p_action, p_child_id, p_outcome, p_flagged, p_detail);
  UPDATE audit_chain_heads SET seq = p_seq, hash = p_hash WHERE chain_key = p_chain_key;
END
$$;
--> statement-breakpoint
-- Only logins granted EXECUTE (migration 0011's portal role) may call them, not every login.
REVOKE ALL ON FUNCTION audit_lock_head(text) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION audit_lock_pool_head(text, integer) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION audit_append_event(text, bigint, text, text, text, timestamptz, uuid, text, uuid, text, boolean, jsonb) FROM PUBLIC;
