// PostgreSQL roles and grants: the portal's login (the app role) owns nothing and may only read,
// append, and move the few columns the application moves. Applied by `npm run db:migrate` after
// the migrations, as the owner that ran them; idempotent, so every run puts the grants back to
// exactly this. PGlite is single-user and has no roles: there the triggers are the defence.
import { sql } from "drizzle-orm";
import type { DbHandle } from "./client";

/** A role name we are willing to splice into SQL as an identifier. */
export const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Every column the application UPDATEs (found from each `.update(...).set(...)` and
 * `onConflictDoUpdate` in lib/ and app/), per table. Nothing else may be updated by the portal;
 * triggers (db/migrations/0008, 0009, 0011, 0017, 0021, 0022) keep even these moves legal. `children.id` is
 * granted only because locking a row (SELECT ... FOR NO KEY UPDATE) needs an UPDATE privilege; a
 * trigger refuses changing it.
 */
export const APP_UPDATABLE_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  users: [
    "active",
    "failed_sign_ins",
    "locked_until",
    "last_sign_in_at",
    "session_version",
    "role",
    "team_id",
    "organisation_id",
    "password_hash",
    // The social worker's registration (SW_ID), recorded by the records officer (migration 0023).
    "sw_id",
  ],
  record_entries: [
    "is_latest",
    "in_chronology",
    "significant",
    "status",
    "title",
    "occurred_on",
    "data",
    "lock_version",
    "updated_at",
    "submitted_by",
    "submitted_at",
    "approved_by",
    "approved_at",
  ],
  form_drafts: ["data", "conflict_with_version", "saved_at", "used_at"],
  provider_arrangements: ["superseded_at"],
  break_glass_grants: ["reviewed_by", "reviewed_at"],
  // The current allocation, which access and caseloads follow (its history is in allocations).
  // and its team, which moves with a transfer.
  // The return's details of the child (previous permanence, motherhood; migration 0023), amended in place and audited.
  children: [
    "id",
    "allocated_worker_id",
    "iro_id",
    "team_id",
    "previous_permanence",
    "previous_permanence_la",
    "previous_permanence_date",
    "is_mother",
    "mother_child_dob",
  ],
  // An episode ends once (its end date, time and reasons); a correction supersedes it.
  episodes: ["end_date", "ended_at", "reason_ceased", "reason_place_change", "superseded_at"],
  allocations: ["end_date", "end_reason"],
  child_protection_plans: ["ended_at", "end_date", "end_reason"],
  marker_tasks: ["actioned_by", "actioned_at"],
  // A missing period ends once, with its return interview; a UASC status ceases once.
  missing_episodes: ["ended_at", "end_date", "return_interview_offered", "return_interview_accepted", "ended_by"],
  uasc_statuses: ["ceased_date", "ceased_reason"],
  // A review version is superseded by the next; a recommendation closes once with its outcome.
  reviews: ["superseded_at"],
  review_recommendations: ["status", "outcome", "completed_by", "completed_at"],
  // An IRO's dispute is resolved once and referred to Cafcass once; a stage's outcome is recorded once (migration 0022).
  iro_disputes: [
    "resolved_at",
    "resolved_by",
    "outcome",
    "cafcass_referred_at",
    "cafcass_referred_by",
    "cafcass_stage",
    "cafcass_note",
  ],
  iro_dispute_stages: ["outcome", "outcome_at", "outcome_by", "closed_as"],
  // A child's link to a person, and a sibling link, end once; versions are superseded once (migration 0021).
  child_people: ["end_date", "end_reason"],
  sibling_links: ["end_date", "end_reason"],
  persons: ["superseded_at"],
  carer_record_versions: ["superseded_at"],
  carer_entries: ["superseded_at"],
  shared_entries: ["superseded_at"],
  // Care leaver contacts (OC3) and adoption milestones: a correction supersedes the version (migration 0023).
  care_leaver_contacts: ["superseded_at"],
  adoption_milestones: ["superseded_at"],
  // Counters that slow password guessing, per address and per (account, address).
  sign_in_addresses: ["failures", "window_started_at", "locked_until", "updated_at"],
  sign_in_pairs: ["failures", "window_started_at", "locked_until", "last_success_at", "updated_at"],
};

/** Tables the app role may read but never write: the hold changes through set_retention_hold(), the chain heads through the audit functions. */
export const APP_READ_ONLY_TABLES = ["retention_hold", "audit_chain_heads"] as const;

export interface RoleOptions {
  /** The portal's login role, created when missing. */
  appRole: string;
  /** Set on the role when given (needs CREATEROLE); otherwise the role keeps the password it has. */
  appPassword?: string | undefined;
}

function quoteIdent(name: string): string {
  if (!ROLE_NAME.test(name)) throw new Error(`"${name}" is not a valid role name (lower case letters, digits, _)`);
  return `"${name}"`;
}

/** Creates or updates the app role and sets its grants in the current database, in one transaction. */
export async function applyRoles(handle: DbHandle, opts: RoleOptions): Promise<void> {
  if (handle.kind !== "postgres") return;
  const app = quoteIdent(opts.appRole);
  const grants = Object.entries(APP_UPDATABLE_COLUMNS).map(
    ([table, columns]) =>
      `GRANT UPDATE (${columns.map(quoteIdent).join(", ")}) ON TABLE ${quoteIdent(table)} TO ${app}`,
  );
  await handle.db.transaction(async (tx) => {
    // Passed as settings for this transaction only, so the DO blocks can use them with format().
    await tx.execute(
      sql`select set_config('cases.app_role', ${opts.appRole}, true), set_config('cases.app_password', ${opts.appPassword ?? ""}, true)`,
    );
    await tx.execute(sql.raw(ENSURE_APP_ROLE));
    for (const statement of [
      // Back to nothing, then exactly what is needed.
      `REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${app}`,
      `REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${app}`,
      `REVOKE ALL ON ALL FUNCTIONS IN SCHEMA public FROM ${app}`,
      `REVOKE ALL ON SCHEMA public FROM ${app}`,
      // Nobody but the owner creates objects in the schema (PostgreSQL 15 already says so; older databases did not).
      `REVOKE CREATE ON SCHEMA public FROM PUBLIC`,
      `GRANT USAGE ON SCHEMA public TO ${app}`,
      `GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA public TO ${app}`,
      `REVOKE INSERT ON TABLE ${APP_READ_ONLY_TABLES.map(quoteIdent).join(", ")} FROM ${app}`,
      ...grants,
      `GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${app}`,
      // The functions the app calls (the hold, the audit chain); a trigger function does nothing when called directly.
      `GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO ${app}`,
    ]) {
      await tx.execute(sql.raw(statement));
    }
    await tx.execute(sql.raw(LOCK_DOWN));
  });
}

// Creates the role when missing; refuses an app role that could do more than the portal needs.
const ENSURE_APP_ROLE = `
DO $$
DECLARE
  app text := current_setting('cases.app_role');
  pw text := nullif(current_setting('cases.app_password', true), '');
  owned text;
BEGIN
  IF app = current_user THEN
    RAISE EXCEPTION 'the migrations run as "%", the portal''s own login: run db:migrate with DATABASE_OWNER_URL set to the owner', app;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app) THEN
    BEGIN
      EXECUTE format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS', app);
    EXCEPTION
      WHEN duplicate_object OR unique_violation THEN NULL; -- created meanwhile by another run
      WHEN insufficient_privilege THEN
        RAISE EXCEPTION 'role "%" does not exist and "%" may not create it: create it (LOGIN, nothing else) or give the owner CREATEROLE', app, current_user;
    END;
  END IF;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app
             AND (rolsuper OR rolcreaterole OR rolcreatedb OR rolreplication OR rolbypassrls)) THEN
    RAISE EXCEPTION 'role "%" has attributes the portal must not have (superuser, createrole, createdb, replication or bypassrls)', app;
  END IF;
  IF pg_has_role(app, current_user, 'MEMBER') THEN
    RAISE EXCEPTION 'role "%" is a member of the owner "%": it would own everything the owner owns', app, current_user;
  END IF;
  IF EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member WHERE r.rolname = app) THEN
    RAISE EXCEPTION 'role "%" is a member of other roles: the portal''s login must hold only the grants db:migrate gives it', app;
  END IF;
  SELECT string_agg(x, ', ') INTO owned FROM (
    SELECT c.relname::text AS x FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = app
    UNION ALL SELECT p.proname::text FROM pg_proc p JOIN pg_roles r ON r.oid = p.proowner WHERE r.rolname = app
    UNION ALL SELECT n.nspname::text FROM pg_namespace n JOIN pg_roles r ON r.oid = n.nspowner WHERE r.rolname = app
    UNION ALL SELECT t.typname::text FROM pg_type t JOIN pg_roles r ON r.oid = t.typowner WHERE r.rolname = app
  ) o;
  IF owned IS NOT NULL THEN
    RAISE EXCEPTION 'role "%" owns objects in this database (%): the portal''s login must own nothing', app, owned;
  END IF;
  IF pw IS NOT NULL THEN
    EXECUTE format('ALTER ROLE %I PASSWORD %L', app, pw);
  END IF;
END
$$`;

// The database itself: the app role connects, and creates nothing (not even temporary tables).
// SECURITY DEFINER functions run as their owner, so nobody else may call them unless granted.
const LOCK_DOWN = `
DO $$
DECLARE
  app text := current_setting('cases.app_role');
  f record;
BEGIN
  EXECUTE format('REVOKE ALL ON DATABASE %I FROM %I', current_database(), app);
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), app);
  EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
  FOR f IN
    SELECT p.oid::regprocedure AS sig FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = 'public' AND p.prosecdef
  LOOP
    EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f.sig);
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO %I', f.sig, app);
  END LOOP;
  IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'drizzle') THEN
    EXECUTE format('REVOKE ALL ON SCHEMA drizzle FROM %I', app);
  END IF;
END
$$`;
