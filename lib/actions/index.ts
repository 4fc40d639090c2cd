// The one wrapper for every server action, deciding from the policy table:
// session -> zod validation -> policy (permission, relationship, section, break-glass) -> one
// transaction (change + audit event, and the receipt of an idempotency key when the action has
// one) -> revalidate -> typed result. Refusals and failures are audited and change nothing;
// database refusals become codes of their own, never `internal`. precheckAction asks the same
// policy before a route reads a request's body.
import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { getDb } from "@/db";
import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { actionReceipts } from "@/db/schema";
import {
  can,
  decide,
  POLICIES,
  type Actor,
  type CarerAccess,
  type CarerPolicyName,
  type ChildAccess,
  type ChildPolicyName,
  type PolicyName,
  type Refusal,
} from "@/lib/access";
import { recordAudit, recordAuditNow } from "@/lib/audit";
import { currentActor } from "@/lib/auth/session";
import { AppError, databaseErrorCode, logUnexpected, messageFor, type ErrorCode } from "@/lib/errors";
import { isUuid, unstorableText } from "@/lib/validation";
import type { ActionError, ActionResult } from "./result";

export type { ActionResult } from "./result";

/** Policies an action in a transaction may use (not the signed-out or the person's own session). */
export type TransactionalPolicyName = Exclude<PolicyName, "auth.signIn" | "session.keepAlive" | "session.signOut">;
export type SessionPolicyName = "auth.signIn" | "session.keepAlive" | "session.signOut";

export interface ActionContext<I, A> {
  tx: Tx;
  actor: Actor;
  input: I;
  /** The child's access for policies that reach a child's section; null otherwise. */
  access: A;
  /** Adds to the audit event's detail (ids of what was written, versions). */
  auditDetail: (detail: Record<string, unknown>) => void;
}

type AccessFor<P extends PolicyName> = P extends ChildPolicyName
  ? ChildAccess
  : P extends CarerPolicyName
    ? CarerAccess
    : null;

export interface ActionOptions<I, R> {
  /** Which child the action concerns; by default the input's `childId` (for a carer policy, `carerRecordId`). */
  childId?: (input: I) => string | null | undefined;
  revalidate?: (input: I, data: R) => string[];
  /**
   * The result holds a secret shown once (a temporary password): no receipt is kept, so it is
   * never stored, and a retried submission simply runs again.
   */
  secretResult?: boolean;
}

/** Marks a function as made by a wrapper here: a test fails for any "use server" export without it. */
export const WRAPPED_POLICY = Symbol.for("cases.wrappedPolicy");

function mark<F extends object>(fn: F, name: PolicyName): F {
  Object.defineProperty(fn, WRAPPED_POLICY, { value: name, enumerable: false });
  return fn;
}

/** The policy (or, for a family, the comma-separated policies) a wrapped action decides by. */
export function wrappedPolicyOf(value: unknown): string | undefined {
  if (typeof value !== "function") return undefined;
  return (value as unknown as Record<symbol, string | undefined>)[WRAPPED_POLICY];
}

function failure<T>(code: ErrorCode, message?: string, fieldErrors?: Record<string, string[]>): ActionResult<T> {
  return {
    ok: false,
    error: { code, message: message ?? messageFor(code) } as ActionError,
    ...(fieldErrors ? { fieldErrors } : {}),
  };
}

/** A refusal by the policy: audited, and answered the same whether the child exists or not (nothing leaks). */
async function refused<T>(
  db: Db,
  actor: Actor,
  name: PolicyName,
  childId: string | null,
  refusal: Refusal,
  access: ChildAccess | CarerAccess | null = null,
): Promise<ActionResult<T>> {
  const subject = refusal === "no-child" ? null : childId;
  const onCarer = POLICIES[name].reaches.kind === "carer";
  await recordAuditNow(db, {
    actorId: actor.id,
    action: POLICIES[name].audit,
    childId: onCarer ? null : subject,
    carerRecordId: onCarer && subject && isUuid(subject) ? subject : null,
    outcome: "refused",
    detail: { reason: refusal, policy: name },
  });
  // Only someone who may read the record is told it is sealed, and which record is in use.
  if (refusal === "sealed" && access && "sealedInFavourOf" in access && access.sealedInFavourOf)
    return failure(
      "sealed:record",
      `This record is closed: it is the same child as ${access.sealedInFavourOf}, which is the record in use. Add to that record instead.`,
    );
  return failure(refusal === "permission" ? "forbidden:action" : "forbidden:child");
}

/**
 * The policy asked before a request's body is read (a streamed upload), so a refused person's
 * file is never received. A refusal is audited and answered exactly as the wrapper does; an
 * allowed answer is not audited, because the wrapped action that then does the work decides
 * again and audits it with the work.
 */
export async function precheckAction(
  name: TransactionalPolicyName,
  childId: string | null,
): Promise<ActionResult<{ actor: Actor }>> {
  const actor = await currentActor();
  if (!actor) return failure("unauthenticated");
  const db = getDb();
  const decision = await decide(db, actor, name, childId);
  if (!decision.ok)
    return refused(db, actor, name, childId && isUuid(childId) ? childId : null, decision.refusal, decision.access);
  return { ok: true, data: { actor } };
}

export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** Thrown inside the transaction when the same submission's receipt already exists: rolls this one back. */
class AlreadyDone extends Error {}

const IDEMPOTENCY_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Forms send `idempotencyKey` with each submission; it is not part of any schema. */
function idempotencyKeyOf(raw: unknown): string | null {
  const value = (raw as { idempotencyKey?: unknown } | null)?.idempotencyKey;
  return typeof value === "string" && IDEMPOTENCY_KEY.test(value) ? value.toLowerCase() : null;
}

async function findReceipt<R>(
  db: Db,
  userId: string,
  key: string,
  name: PolicyName,
): Promise<ActionResult<R> | undefined> {
  const [row] = await db
    .select({ policy: actionReceipts.policy, result: actionReceipts.result })
    .from(actionReceipts)
    .where(and(eq(actionReceipts.userId, userId), eq(actionReceipts.idempotencyKey, key)))
    .limit(1);
  if (!row) return undefined;
  // A key reused for another kind of action is not a retry: refuse it rather than answer wrongly.
  if (row.policy !== name)
    return failure("invalid:input", "This form was already submitted. Reload the page and try again.");
  return { ok: true, data: (row.result as { data: R }).data };
}

/** Records the submission in the change's transaction; false when the same key is already recorded. */
async function keepReceipt(tx: Tx, userId: string, key: string, name: PolicyName, result: unknown): Promise<boolean> {
  const rows = await tx
    .insert(actionReceipts)
    .values({ userId, idempotencyKey: key, policy: name, result: { data: JSON.parse(JSON.stringify(result ?? null)) } })
    .onConflictDoNothing({ target: [actionReceipts.userId, actionReceipts.idempotencyKey] })
    .returning({ id: actionReceipts.id });
  return rows.length > 0;
}

function childIdOf(input: unknown, key: "childId" | "carerRecordId"): string | null {
  const value = (input as Record<string, unknown> | null)?.[key];
  return typeof value === "string" ? value : null;
}

export function authorizedAction<P extends TransactionalPolicyName, S extends z.ZodType, R>(
  name: P,
  schema: S,
  fn: (ctx: ActionContext<z.output<S>, AccessFor<P>>) => Promise<R>,
  options: ActionOptions<z.output<S>, R> = {},
) {
  const policy = POLICIES[name];
  // Input is untrusted whatever its static type: a server action can be called with anything.
  async function run(raw: unknown): Promise<ActionResult<R>> {
    const actor = await currentActor();
    if (!actor) return failure("unauthenticated");
    const db = getDb();

    const unstorable = unstorableText(raw);
    if (Object.keys(unstorable).length > 0) return failure("invalid:input", undefined, unstorable);
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return failure("invalid:input", undefined, fieldErrorsOf(parsed.error));
    const input = parsed.data;

    const reachesChild =
      policy.reaches.kind !== "authority" && policy.reaches.kind !== "self" && policy.reaches.kind !== "public";
    const onCarer = policy.reaches.kind === "carer";
    const childId = reachesChild
      ? ((options.childId ? options.childId(input) : childIdOf(input, onCarer ? "carerRecordId" : "childId")) ?? null)
      : null;
    // A carer policy's changes go on the carer's or home's own chain, never a child's.
    const auditTarget = onCarer ? { childId: null, carerRecordId: childId } : { childId };
    const decision = await decide(db, actor, name, childId);
    if (!decision.ok) return refused(db, actor, name, childId, decision.refusal, decision.access);
    const access = decision.access as AccessFor<P>;
    const flagged = Boolean(policy.flagged) || decision.access?.relation === "break_glass";

    // A retried submission (same person, same key) gets the first result and writes nothing new.
    const key = options.secretResult ? null : idempotencyKeyOf(raw);
    const replay = key ? await findReceipt<R>(db, actor.id, key, name) : undefined;
    if (replay) return replay;

    try {
      const data = await db.transaction(async (tx) => {
        const detail: Record<string, unknown> = {};
        const result = await fn({ tx, actor, input, access, auditDetail: (d) => Object.assign(detail, d) });
        await recordAudit(tx, { actorId: actor.id, action: policy.audit, ...auditTarget, detail, flagged });
        if (key && !(await keepReceipt(tx, actor.id, key, name, result))) throw new AlreadyDone();
        return result;
      });
      for (const path of options.revalidate?.(input, data) ?? []) revalidatePath(path);
      return { ok: true, data };
    } catch (error) {
      // The same submission committed meanwhile (a retry racing the first attempt): its result stands.
      const done = key ? await findReceipt<R>(db, actor.id, key, name) : undefined;
      if (done) return done;
      const code = error instanceof AppError ? error.code : databaseErrorCode(error);
      if (code) {
        // The change was rolled back; the attempt (and anything it must keep) is still on record.
        const keep = error instanceof AppError ? error.extra.afterRollback : undefined;
        try {
          await db.transaction(async (tx) => {
            if (keep) await keep(tx);
            await recordAudit(tx, {
              actorId: actor.id,
              action: policy.audit,
              ...auditTarget,
              outcome: "failed",
              detail: { code },
            });
          });
        } catch (afterError) {
          const id = logUnexpected(afterError, `${name} (after a refused save)`);
          return failure("internal", `${messageFor("internal")} If it happens again, quote reference ${id}.`);
        }
        if (!(error instanceof AppError)) {
          logUnexpected(error, `${name} refused by the database (${code})`);
          return failure(code);
        }
        const result = failure<R>(error.code, error.message, error.fieldErrors);
        if (!result.ok && error.extra.details !== undefined) {
          (result.error as { details?: unknown }).details = error.extra.details;
        }
        return result;
      }
      const id = logUnexpected(error, name);
      return failure("internal", `${messageFor("internal")} If it happens again, quote reference ${id}.`);
    }
  }
  return mark(run, name);
}

/**
 * The door for a person's own session and for signing in: no child, no transaction (signing in
 * and out redirect, and audit themselves). The policy still decides, and the export is marked.
 */
export function sessionAction<A extends unknown[], R>(
  name: SessionPolicyName,
  fn: (ctx: { actor: Actor | null }, ...args: A) => Promise<R>,
) {
  const policy = POLICIES[name];
  async function run(...args: A): Promise<R> {
    const signedIn = policy.reaches.kind === "public" ? null : await currentActor();
    const actor = signedIn && (!policy.permission || can(signedIn, policy.permission)) ? signedIn : null;
    return fn({ actor }, ...args);
  }
  return mark(run, name);
}

type Wrapped<R> = ((raw: unknown) => Promise<ActionResult<R>>) & object;

/**
 * One server action over a family of wrapped actions chosen by a key (an entry section): each
 * member keeps its own policy; an unknown key is "not found". Marked with every member's policy.
 */
export function actionFamily<K extends string, R>(members: Record<K, Wrapped<R>>) {
  async function run(key: string, raw: unknown): Promise<ActionResult<R>> {
    const member = Object.hasOwn(members, key) ? members[key as K] : undefined;
    return member ? member(raw) : failure<R>("not-found");
  }
  const names = Object.values<Wrapped<R>>(members).map(wrappedPolicyOf);
  Object.defineProperty(run, WRAPPED_POLICY, { value: names.join(","), enumerable: false });
  return run;
}

/** Builds one wrapped action per key (an entry section), for `actionFamily`. */
export function familyOf<K extends string, R>(
  keys: readonly K[],
  build: (key: K) => Wrapped<R>,
): Record<K, Wrapped<R>> {
  return Object.fromEntries(keys.map((k) => [k, build(k)])) as Record<K, Wrapped<R>>;
}
