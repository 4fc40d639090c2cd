// The one wrapper for every server action:
// session -> zod validation -> policy check (permission and relationship) -> one transaction
// (change + audit event) -> revalidate -> typed result. Refusals are audited and change nothing.
import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { getDb } from "@/db";
import type { Tx } from "@/db/client";
import {
  can,
  canReadSection,
  canWriteSection,
  childAccess,
  type Actor,
  type ChildAccess,
  type Permission,
  type Section,
} from "@/lib/access";
import { recordAudit, recordAuditNow } from "@/lib/audit";
import { currentActor } from "@/lib/auth/session";
import { AppError, logUnexpected, messageFor, type ErrorCode } from "@/lib/errors";
import type { ActionResult } from "./result";

export type { ActionResult } from "./result";

export interface ActionContext<I> {
  tx: Tx;
  actor: Actor;
  input: I;
  access: ChildAccess | null;
  /** Adds to the audit event's detail (ids of what was written, versions). */
  auditDetail: (detail: Record<string, unknown>) => void;
}

export interface ActionOptions<S extends z.ZodType, R> {
  /** Audit action name, e.g. "carePlan.approve". */
  action: string;
  permission: Permission;
  schema: S;
  /** When the action touches a child: which child, and which section the relationship must let them write. */
  child?: { id: (input: z.output<S>) => string; section: Section; mode?: "read" | "write" };
  /** A child the action concerns without needing a relationship to it (break-glass): audited on its chain. */
  subjectChild?: (input: z.output<S>) => string;
  /** Always flag the audit event for the records officer's review. */
  flagged?: boolean;
  revalidate?: (input: z.output<S>, data: R) => string[];
}

function failure<T>(code: ErrorCode, message?: string, fieldErrors?: Record<string, string[]>): ActionResult<T> {
  return { ok: false, error: { code, message: message ?? messageFor(code) }, ...(fieldErrors ? { fieldErrors } : {}) };
}

export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** Database errors raised by the retention triggers (RH001/RH002) and other known causes. */
function databaseCode(error: unknown): ErrorCode | null {
  const code =
    (error as { code?: string; cause?: { code?: string } })?.cause?.code ?? (error as { code?: string })?.code;
  if (code === "RH001" || code === "RH002" || code === "RH003" || code === "RH004") return "retention:hold";
  return null;
}

export function authorizedAction<S extends z.ZodType, R>(
  options: ActionOptions<S, R>,
  fn: (ctx: ActionContext<z.output<S>>) => Promise<R>,
) {
  // Input is untrusted whatever its static type: a server action can be called with anything.
  return async function run(raw: unknown): Promise<ActionResult<R>> {
    const actor = await currentActor();
    if (!actor) return failure("unauthenticated");
    const db = getDb();

    const parsed = options.schema.safeParse(raw);
    if (!parsed.success) return failure("invalid:input", undefined, fieldErrorsOf(parsed.error));
    const input = parsed.data;

    const childId = options.child?.id(input) ?? options.subjectChild?.(input) ?? null;
    // Fail closed: an action declared as touching a child must name one.
    if ((options.child || options.subjectChild) && !childId) return failure("forbidden:child");
    if (!can(actor, options.permission)) {
      await recordAuditNow(db, {
        actorId: actor.id,
        action: options.action,
        childId,
        outcome: "refused",
        detail: { reason: "permission", permission: options.permission },
      });
      return failure("forbidden:action");
    }
    let access: ChildAccess | null = null;
    if (options.child && childId) {
      access = await childAccess(db, actor, childId);
      // Break-glass opens a record to read, never to change, whatever the action asks.
      const allowed =
        access?.relation !== "break_glass" &&
        (options.child.mode === "read"
          ? canReadSection(actor, access, options.child.section)
          : canWriteSection(actor, access, options.child.section));
      if (!allowed) {
        await recordAuditNow(db, {
          actorId: actor.id,
          action: options.action,
          childId,
          outcome: "refused",
          detail: { reason: "relationship", section: options.child.section },
        });
        // The same answer whether the child exists or not: nothing leaks.
        return failure("forbidden:child");
      }
    }

    try {
      const data = await db.transaction(async (tx) => {
        const detail: Record<string, unknown> = {};
        const result = await fn({ tx, actor, input, access, auditDetail: (d) => Object.assign(detail, d) });
        await recordAudit(tx, {
          actorId: actor.id,
          action: options.action,
          childId,
          detail,
          flagged: options.flagged || access?.relation === "break_glass",
        });
        return result;
      });
      for (const path of options.revalidate?.(input, data) ?? []) revalidatePath(path);
      return { ok: true, data };
    } catch (error) {
      const code = error instanceof AppError ? error.code : databaseCode(error);
      if (code) {
        // The change was rolled back; the attempt (and anything it must keep) is still on record.
        const keep = error instanceof AppError ? error.extra.afterRollback : undefined;
        await db.transaction(async (tx) => {
          if (keep) await keep(tx);
          await recordAudit(tx, {
            actorId: actor.id,
            action: options.action,
            childId,
            outcome: "failed",
            detail: { code },
          });
        });
        if (!(error instanceof AppError)) return failure(code);
        const result = failure<R>(error.code, error.message, error.fieldErrors);
        if (!result.ok && error.extra.details !== undefined) result.error.details = error.extra.details;
        return result;
      }
      const id = logUnexpected(error, options.action);
      return failure("internal", `${messageFor("internal")} If it happens again, quote reference ${id}.`);
    }
  };
}
