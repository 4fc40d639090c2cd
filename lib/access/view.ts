// The read-side door, twin of the action wrapper: pages and route handlers ask it before reading
// a child's data or an authority-wide list. It decides from the same policy table, logs the view
// (or the refusal), and answers a refusal exactly as for a child that does not exist, while telling
// the page whether the person can open the record at all (so it may say so honestly).
import "server-only";
import { redirect } from "next/navigation";
import { getDb, getReportDb } from "@/db";
import type { Db } from "@/db/client";
import { recordAuditNow } from "@/lib/audit";
import { currentActor } from "@/lib/auth/session";
import { isUuid } from "@/lib/validation";
import {
  decide,
  POLICIES,
  type Actor,
  type CarerAccess,
  type CarerPolicyName,
  type ChildAccess,
  type ChildPolicyName,
  type PolicyName,
  type Refusal,
} from "./index";

type AuditView = (detail?: Record<string, unknown>, outcome?: "allowed" | "refused") => Promise<void>;

export type ViewGrant<A extends ChildAccess | CarerAccess | null = ChildAccess | CarerAccess | null> = {
  ok: true;
  actor: Actor;
  db: Db;
  /**
   * Where report reads go (compliance tables, the statutory clock's facts for a tray): the
   * read-only replica when DATABASE_REPLICA_URL is set, else `db`. Never for deciding access or
   * writing, which stay on `db`.
   */
  reports: Db;
  /** The child's access for policies that reach a child's section; null for the others. */
  access: A;
  /** With `deferAudit`, the caller logs the view once it knows what was shown (a document's hash). */
  audit: AuditView;
};

export type ViewRefusal =
  | { ok: false; refusal: "signed-out" }
  /** `access` is set when the person may open the child's record but not this part of it. */
  | { ok: false; refusal: Refusal; actor: Actor; access: ChildAccess | CarerAccess | null };

type AccessFor<P extends PolicyName> = P extends ChildPolicyName
  ? ChildAccess
  : P extends CarerPolicyName
    ? CarerAccess
    : null;

export async function authorizedView<P extends PolicyName>(
  name: P,
  childId: string | null = null,
  options: { deferAudit?: boolean } = {},
): Promise<ViewGrant<AccessFor<P>> | ViewRefusal> {
  const actor = await currentActor();
  if (!actor) return { ok: false, refusal: "signed-out" };
  const db = getDb();
  const policy = POLICIES[name];
  const valid = childId && isUuid(childId) ? childId : null;
  // For a carer policy the id names the carer's or home's record, never a child.
  const onCarer = policy.reaches.kind === "carer";
  const subject = onCarer ? null : valid;
  const carerRecordId = onCarer ? valid : null;
  const decision = await decide(db, actor, name, childId);
  if (!decision.ok) {
    await recordAuditNow(db, {
      actorId: actor.id,
      action: policy.audit,
      childId: subject,
      carerRecordId,
      outcome: "refused",
      detail: { reason: decision.refusal, policy: name },
    });
    return { ok: false, refusal: decision.refusal, actor, access: decision.access };
  }
  // decide() hands back the child's access exactly for the policies that reach a child's section.
  const access = decision.access as AccessFor<P>;
  const audit: AuditView = (detail = {}, outcome = "allowed") =>
    recordAuditNow(db, {
      actorId: actor.id,
      action: policy.audit,
      childId: subject,
      carerRecordId,
      outcome,
      flagged: outcome === "allowed" && (Boolean(policy.flagged) || access?.relation === "break_glass"),
      detail: { ...(access ? { relation: access.relation } : {}), ...detail },
    });
  // Every view of a child's or carer's record is logged; authority-wide lists log only their refusals.
  if (!options.deferAudit && access) await audit();
  return { ok: true, actor, db, reports: getReportDb(), access, audit };
}

/**
 * For pages that reach no child (the caseload, the audit log, administration): the signed-out go
 * to sign-in, anyone the policy refuses goes to their landing page, exactly as before.
 */
export async function requireView(name: PolicyName, fallback = "/"): Promise<ViewGrant<null>> {
  const view = await authorizedView(name);
  if (!view.ok) redirect(view.refusal === "signed-out" ? "/sign-in" : fallback);
  return { ...view, access: null };
}
