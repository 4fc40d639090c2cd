// An audit event's identity: which chain it goes on, the bytes that are hashed and keyed, and
// the hash and HMAC over them. Pure functions, shared by the writer and the verifier.
import { createHash, createHmac } from "node:crypto";
import canonicalize from "canonicalize";

export const GENESIS_HASH = "0".repeat(64);

/** Views and downloads take whichever of these chains is free: `views:1` ... `views:16` (created by migration 0010). */
export const VIEW_POOL = { prefix: "views:", size: 16 } as const;

export interface AuditInput {
  actorId: string | null;
  action: string;
  childId?: string | null;
  /** A carer's or home's record: its changes go on its own chain, `carer:<id>` (and the id into the detail). */
  carerRecordId?: string | null;
  outcome?: "allowed" | "refused" | "failed";
  flagged?: boolean;
  detail?: Record<string, unknown>;
}

export type ChainTarget = { chainKey: string } | { pool: typeof VIEW_POOL };

/** A read that changed nothing: it needs a place in the log, not an order among the child's changes. */
export function isViewEvent(input: AuditInput): boolean {
  return (input.outcome ?? "allowed") === "allowed" && /\.(view|download)$/.test(input.action);
}

/**
 * Which chain an event goes on. Changes to a child go on the child's chain, in order; views go on
 * the pool (their child_id still says whose record was opened, which is how they are found).
 * Refusals go on the actor's chain: a refused attempt must not create or touch a child's chain.
 */
export function chainFor(input: AuditInput): ChainTarget {
  if (isViewEvent(input) && (input.childId || input.carerRecordId)) return { pool: VIEW_POOL };
  if (input.childId && (input.outcome ?? "allowed") === "allowed") return { chainKey: `child:${input.childId}` };
  if (input.carerRecordId && !isViewEvent(input) && (input.outcome ?? "allowed") === "allowed")
    return { chainKey: `carer:${input.carerRecordId}` };
  if (input.actorId) return { chainKey: `user:${input.actorId}` };
  return { chainKey: "system" };
}

export interface Hashable {
  chainKey: string;
  seq: number;
  prevHash: string;
  occurredAt: Date;
  actorId: string | null;
  action: string;
  childId: string | null;
  outcome: string;
  flagged: boolean;
  detail: unknown;
}

/** The bytes that are hashed and keyed: RFC 8785, so key order in the stored JSON cannot matter. */
export function eventBytes(e: Hashable): string {
  return (
    canonicalize({
      chainKey: e.chainKey,
      seq: e.seq,
      prevHash: e.prevHash,
      occurredAt: e.occurredAt.toISOString(),
      actorId: e.actorId,
      action: e.action,
      childId: e.childId,
      outcome: e.outcome,
      flagged: e.flagged,
      detail: e.detail ?? {},
    }) ?? ""
  );
}

export function eventHash(e: Hashable): string {
  return createHash("sha256").update(eventBytes(e)).digest("hex");
}

/** The key the database does not hold: without it a rewritten or inserted event cannot pass. */
export function eventMac(e: Hashable, key: string): string {
  return createHmac("sha256", key).update(eventBytes(e)).digest("hex");
}
