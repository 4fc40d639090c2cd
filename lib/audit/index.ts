// Append-only, hash-chained audit log. One chain per child (and one per user for events that
// concern no child), so writes to different children never wait on a common lock.
import { createHash } from "node:crypto";
import canonicalize from "canonicalize";
import { and, asc, eq, gt, lte, sql } from "drizzle-orm";
import type { Db, Queryable, Tx } from "@/db/client";
import { auditChainHeads, auditEvents } from "@/db/schema";

export const GENESIS_HASH = "0".repeat(64);

export interface AuditInput {
  actorId: string | null;
  action: string;
  childId?: string | null;
  outcome?: "allowed" | "refused" | "failed";
  flagged?: boolean;
  detail?: Record<string, unknown>;
}

/** Refusals go on the actor's chain: a refused attempt must not create or touch a child's chain. */
export function chainKeyFor(input: AuditInput): string {
  if (input.childId && (input.outcome ?? "allowed") === "allowed") return `child:${input.childId}`;
  if (input.actorId) return `user:${input.actorId}`;
  return "system";
}

interface Hashable {
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

export function eventHash(e: Hashable): string {
  const body = canonicalize({
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
  });
  return createHash("sha256")
    .update(body ?? "")
    .digest("hex");
}

/** Appends one event inside the caller's transaction, so it commits or rolls back with the change. */
export async function recordAudit(tx: Tx, input: AuditInput): Promise<void> {
  const chainKey = chainKeyFor(input);
  // One statement creates the chain's head if needed and locks it (row lock on this chain only:
  // other chains proceed side by side), returning the previous event's sequence and hash.
  const [head] = await tx
    .insert(auditChainHeads)
    .values({ chainKey, seq: 0, hash: GENESIS_HASH })
    .onConflictDoUpdate({ target: auditChainHeads.chainKey, set: { chainKey: sql`excluded.chain_key` } })
    .returning({ seq: auditChainHeads.seq, hash: auditChainHeads.hash });
  if (!head) throw new Error(`audit chain head missing for ${chainKey}`);
  const event = {
    chainKey,
    seq: head.seq + 1,
    prevHash: head.hash,
    occurredAt: new Date(),
    actorId: input.actorId,
    action: input.action,
    childId: input.childId ?? null,
    outcome: input.outcome ?? "allowed",
    flagged: input.flagged ?? false,
    detail: input.detail ?? {},
  };
  const hash = eventHash(event);
  // And one more appends the event and moves the head, so an audited write costs two round trips.
  await tx.execute(sql`with appended as (
      insert into ${auditEvents} (chain_key, seq, prev_hash, hash, occurred_at, actor_id, action, child_id, outcome, flagged, detail)
      values (${chainKey}, ${event.seq}, ${event.prevHash}, ${hash}, ${event.occurredAt.toISOString()}::timestamptz, ${event.actorId}, ${event.action},
              ${event.childId}, ${event.outcome}, ${event.flagged}, ${JSON.stringify(event.detail)}::jsonb)
      returning seq)
    update ${auditChainHeads} set seq = (select seq from appended), hash = ${hash} where chain_key = ${chainKey}`);
}

/** Writes an event in a transaction of its own (refusals, views and sign-ins that change nothing else). */
export async function recordAuditNow(db: Db, input: AuditInput): Promise<void> {
  await db.transaction((tx) => recordAudit(tx, input));
}

export interface VerifyResult {
  ok: boolean;
  chains: number;
  events: number;
  problems: Array<{ chainKey: string; seq: number; problem: string }>;
}

/** Walks every chain in order, recomputing each hash and link, and checks each head. */
export async function verifyAuditChains(db: Queryable, batchSize = 5000): Promise<VerifyResult> {
  const result: VerifyResult = { ok: true, chains: 0, events: 0, problems: [] };
  const heads = await db.select().from(auditChainHeads).orderBy(asc(auditChainHeads.chainKey));
  for (const head of heads) {
    result.chains++;
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    let lastSeq = 0;
    for (;;) {
      const rows = await db
        .select()
        .from(auditEvents)
        // Only up to the head as read: events appended while verifying belong to the next check.
        .where(
          and(eq(auditEvents.chainKey, head.chainKey), gt(auditEvents.seq, lastSeq), lte(auditEvents.seq, head.seq)),
        )
        .orderBy(asc(auditEvents.seq))
        .limit(batchSize);
      for (const row of rows) {
        result.events++;
        if (row.seq !== expectedSeq)
          result.problems.push({
            chainKey: head.chainKey,
            seq: row.seq,
            problem: `sequence gap: expected ${expectedSeq}`,
          });
        if (row.prevHash !== prevHash)
          result.problems.push({
            chainKey: head.chainKey,
            seq: row.seq,
            problem: "link to the previous event is broken",
          });
        if (eventHash(row) !== row.hash)
          result.problems.push({
            chainKey: head.chainKey,
            seq: row.seq,
            problem: "event content does not match its hash (altered)",
          });
        prevHash = row.hash;
        expectedSeq = row.seq + 1;
        lastSeq = row.seq;
      }
      if (rows.length < batchSize) break;
    }
    if (head.seq !== lastSeq || head.hash !== prevHash) {
      result.problems.push({
        chainKey: head.chainKey,
        seq: lastSeq,
        problem: "chain head does not match the last event (events removed?)",
      });
    }
  }
  result.ok = result.problems.length === 0;
  return result;
}
