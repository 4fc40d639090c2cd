// Append-only, hash-chained and keyed audit log. One chain per child for changes (and one per
// user for events that concern no child), so writes to different children never wait on a
// common lock; page views and downloads go on a pool of chains, so views never wait at all.
import { sql } from "drizzle-orm";
import { rowsOf, type Db, type Tx } from "@/db/client";
import { env } from "@/lib/env";
import { chainFor, eventHash, eventMac, type AuditInput, type ChainTarget, type Hashable } from "./event";

export {
  chainFor,
  eventBytes,
  eventHash,
  eventMac,
  GENESIS_HASH,
  isViewEvent,
  VIEW_POOL,
  type AuditInput,
  type ChainTarget,
  type Hashable,
} from "./event";

/** The installation's HMAC key, or a clear failure: an unkeyed event would look forged later. */
export function auditHmacKey(): string {
  const key = env.AUDIT_HMAC_KEY;
  if (!key)
    throw new Error(
      "AUDIT_HMAC_KEY is not set: audit events cannot be keyed. `npm start` keeps one in .data/audit-hmac-key; " +
        "elsewhere set it to at least 32 random characters, kept out of the database.",
    );
  return key;
}

interface Head {
  chainKey: string;
  seq: number;
  hash: string;
}

/** Locks the chain's head (creating it if needed) through the database's own function. */
async function lockHead(tx: Tx, target: ChainTarget): Promise<Head> {
  if ("chainKey" in target) {
    const [row] = rowsOf<{ head_seq: number | string; head_hash: string }>(
      await tx.execute(sql`select head_seq, head_hash from audit_lock_head(${target.chainKey})`),
    );
    if (!row) throw new Error(`audit chain head missing for ${target.chainKey}`);
    return { chainKey: target.chainKey, seq: Number(row.head_seq), hash: row.head_hash };
  }
  const [row] = rowsOf<{ head_chain_key: string; head_seq: number | string; head_hash: string }>(
    await tx.execute(
      sql`select head_chain_key, head_seq, head_hash from audit_lock_pool_head(${target.pool.prefix}, ${target.pool.size}::int)`,
    ),
  );
  if (!row) throw new Error(`no audit chain free in the pool ${target.pool.prefix}`);
  return { chainKey: row.head_chain_key, seq: Number(row.head_seq), hash: row.head_hash };
}

/** Appends one event inside the caller's transaction, so it commits or rolls back with the change. */
export async function recordAudit(tx: Tx, input: AuditInput, hmacKey: string = auditHmacKey()): Promise<void> {
  const head = await lockHead(tx, chainFor(input));
  const event: Hashable = {
    chainKey: head.chainKey,
    seq: head.seq + 1,
    prevHash: head.hash,
    occurredAt: new Date(),
    actorId: input.actorId,
    action: input.action,
    childId: input.childId ?? null,
    outcome: input.outcome ?? "allowed",
    flagged: input.flagged ?? false,
    detail: input.carerRecordId ? { carerRecordId: input.carerRecordId, ...input.detail } : (input.detail ?? {}),
  };
  // One call appends the event and moves the head one step onto it: two round trips in all.
  await tx.execute(sql`select audit_append_event(
      ${event.chainKey}, ${event.seq}::bigint, ${event.prevHash}, ${eventHash(event)}, ${eventMac(event, hmacKey)},
      ${event.occurredAt.toISOString()}::timestamptz, ${event.actorId}::uuid, ${event.action}, ${event.childId}::uuid,
      ${event.outcome}, ${event.flagged}::boolean, ${JSON.stringify(event.detail)}::jsonb)`);
}

/** Writes an event in a transaction of its own (refusals, views and sign-ins that change nothing else). */
export async function recordAuditNow(db: Db, input: AuditInput): Promise<void> {
  await db.transaction((tx) => recordAudit(tx, input));
}

export { verifyAuditChains, type AuditProblem, type AuditProblemKind, type VerifyResult } from "./verify";
