// Verifies the audit log end to end: every event of every chain up to the newest (not just to the
// head), each hash, HMAC and link, each head, the signed checkpoints outside the database, and
// the database against the newest of them. Names the first missing, altered, reordered or forged
// event of each chain.
import { createPublicKey, timingSafeEqual, type KeyObject } from "node:crypto";
import path from "node:path";
import { and, asc, eq, gt, sql } from "drizzle-orm";
import { rowsOf, type Queryable } from "@/db/client";
import { auditChainHeads, auditEvents, type AuditEvent } from "@/db/schema";
import { env } from "@/lib/env";
import {
  chainTips,
  FolderCheckpointStore,
  listCheckpoints,
  openCheckpoint,
  PUBLIC_KEY_NAME,
  publicKeyPem,
  sha256Hex,
  type ChainPoint,
  type Checkpoint,
  type CheckpointStore,
} from "./checkpoints";
import { eventHash, eventMac, GENESIS_HASH, type Hashable } from "./event";

export type AuditProblemKind =
  /** Events that should be there are not: a gap, a tail removed, or fewer than a checkpoint recorded. */
  | "missing"
  /** An event that existed was changed: its content no longer matches its hash, its HMAC or a checkpoint. */
  | "altered"
  /** An event stands at a place in its chain other than the one it was written at. */
  | "reordered"
  /** An event the application did not write: no valid HMAC. */
  | "forged"
  /** The chain's head does not stand on its newest event (moved back, moved on, or gone). */
  | "head-mismatch"
  /** A chain a checkpoint recorded has no events left in the database. */
  | "chain-missing"
  /** A checkpoint outside the database was changed, removed or signed by another key. */
  | "checkpoint-invalid";

export interface AuditProblem {
  kind: AuditProblemKind;
  /** The chain, or null for a problem with the checkpoints themselves. */
  chainKey: string | null;
  /** The first event concerned (or the checkpoint's number for checkpoint-invalid). */
  seq: number | null;
  message: string;
}

export interface VerifyResult {
  ok: boolean;
  chains: number;
  events: number;
  /** Events written before keying began, accepted because the first checkpoint sealed them. */
  sealedUnkeyed: number;
  /** Checkpoints read and checked. */
  checkpoints: number;
  /** The checkpoint the database was compared with. */
  newestCheckpoint: { seq: number; takenAt: string; chains: number } | null;
  problems: AuditProblem[];
  /** What this check could not prove (no checkpoint yet, events newer than the newest checkpoint). */
  warnings: string[];
}

export interface VerifyOptions {
  /** Defaults to AUDIT_HMAC_KEY. */
  hmacKey?: string;
  /** Defaults to the folder AUDIT_CHECKPOINT_DIR; null checks the database alone. */
  store?: CheckpointStore | null;
  /**
   * The key checkpoints must be signed with. Defaults to AUDIT_SIGNING_KEY's public half; failing
   * that, the public key stored beside the checkpoints.
   */
  publicKey?: KeyObject | null;
  batchSize?: number;
}

/** The folder named by AUDIT_CHECKPOINT_DIR, relative to the working directory. */
export function checkpointStoreFromEnv(): CheckpointStore {
  return new FolderCheckpointStore(path.resolve(/*turbopackIgnore: true*/ process.cwd(), env.AUDIT_CHECKPOINT_DIR));
}

/** How many other places to try when an event fails where it stands: a swap within this distance is named. */
const REORDER_WINDOW = 64;
/** Beyond this many problems in one chain the rest are consequences; the first ones say what happened. */
const PROBLEMS_PER_CHAIN = 20;

const range = (from: number, to: number) => (from === to ? `#${from}` : `#${from}–#${to}`);

function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

interface History {
  count: number;
  /** Checkpoint #1, when it verifies: it seals the events written before keying began. */
  first: Map<string, ChainPoint> | null;
  /** The newest checkpoint that verifies. */
  newest: Checkpoint | null;
  problems: AuditProblem[];
}

async function resolvePublicKey(
  store: CheckpointStore,
  given: KeyObject | null | undefined,
  problems: AuditProblem[],
): Promise<KeyObject | null> {
  const storedPem = await store.get(PUBLIC_KEY_NAME);
  const trusted = given ?? (env.AUDIT_SIGNING_KEY ? createPublicKey(env.AUDIT_SIGNING_KEY) : null);
  if (trusted) {
    if (storedPem !== null && storedPem.trim() !== publicKeyPem(trusted).trim())
      problems.push({
        kind: "checkpoint-invalid",
        chainKey: null,
        seq: null,
        message: `${PUBLIC_KEY_NAME} beside the checkpoints is not this installation's signing key`,
      });
    return trusted;
  }
  if (storedPem === null) return null;
  try {
    return createPublicKey(storedPem);
  } catch {
    problems.push({
      kind: "checkpoint-invalid",
      chainKey: null,
      seq: null,
      message: `${PUBLIC_KEY_NAME} is not a public key`,
    });
    return null;
  }
}

/**
 * Reads every checkpoint in order, checking each signature, that the numbers run 1, 2, 3 with no
 * gap, that each names the one before by its hash, and that no chain ever goes backwards.
 */
async function readHistory(store: CheckpointStore, given: KeyObject | null | undefined): Promise<History> {
  const problems: AuditProblem[] = [];
  const names = await listCheckpoints(store);
  const history: History = { count: names.length, first: null, newest: null, problems };
  if (names.length === 0) return history;
  const publicKey = await resolvePublicKey(store, given, problems);
  if (!publicKey) {
    problems.push({
      kind: "checkpoint-invalid",
      chainKey: null,
      seq: null,
      message: `there are ${names.length} checkpoints but no public key to check them with`,
    });
    return history;
  }
  const bad = (seq: number, message: string) =>
    problems.push({ kind: "checkpoint-invalid", chainKey: null, seq, message });
  let previous: { checkpoint: Checkpoint; text: string } | null = null;
  let expected = 1;
  for (const { name, seq } of names) {
    if (seq > expected) bad(expected, `checkpoint ${range(expected, seq - 1)} is missing from the store`);
    expected = seq + 1;
    const text = await store.get(name);
    const opened = text === null ? null : openCheckpoint(text, publicKey);
    if (!opened || !opened.ok || text === null) {
      bad(
        seq,
        `checkpoint #${seq} (${name}) cannot be trusted: ${opened && !opened.ok ? opened.reason : "unreadable"}`,
      );
      continue;
    }
    const cp = opened.checkpoint;
    if (cp.seq !== seq) bad(seq, `${name} says it is checkpoint #${cp.seq}`);
    if (previous) {
      if (cp.previous !== sha256Hex(previous.text))
        bad(seq, `checkpoint #${seq} does not name checkpoint #${previous.checkpoint.seq} as the one before it`);
      const now = new Map(cp.chains.map((p) => [p.key, p]));
      for (const before of previous.checkpoint.chains) {
        const after = now.get(before.key);
        if (!after || after.seq < before.seq || (after.seq === before.seq && after.hash !== before.hash))
          bad(seq, `checkpoint #${seq} records chain ${before.key} behind checkpoint #${previous.checkpoint.seq}`);
      }
    } else if (seq === 1) {
      history.first = new Map(cp.chains.map((p) => [p.key, p]));
    }
    previous = { checkpoint: cp, text };
    history.newest = cp;
  }
  return history;
}

interface ChainWalk {
  events: number;
  sealedUnkeyed: number;
  newest: { seq: number; hash: string } | null;
  /** The head as it stood when the newest event was read (the same statement), or null when there is none. */
  head: { seq: number; hash: string } | null;
  /** Stored hash at the newest checkpoint's sequence number for this chain. */
  hashAtCheckpoint: string | null;
}

async function walkChain(
  db: Queryable,
  chainKey: string,
  ctx: {
    hmacKey: string;
    batchSize: number;
    checkpointed: ChainPoint | undefined;
    sealedUpTo: number;
    report: (kind: AuditProblemKind, seq: number, message: string) => void;
    /** True once the chain has as many findings as are worth reporting: later ones skip the costly search. */
    saturated: () => boolean;
  },
): Promise<ChainWalk> {
  const walk: ChainWalk = { events: 0, sealedUnkeyed: 0, newest: null, head: null, hashAtCheckpoint: null };
  const checkpointSeq = ctx.checkpointed?.seq ?? 0;
  let expected = 1;
  let prevHash = GENESIS_HASH;
  let prevSound = true;
  let lastSeq = 0;
  for (;;) {
    const rows: AuditEvent[] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.chainKey, chainKey), gt(auditEvents.seq, lastSeq)))
      .orderBy(asc(auditEvents.seq))
      .limit(ctx.batchSize);
    for (const row of rows) {
      walk.events++;
      const report = (kind: AuditProblemKind, message: string) => ctx.report(kind, row.seq, message);
      let sound = true;
      const gap = row.seq > expected;
      if (gap) ctx.report("missing", expected, `event ${range(expected, row.seq - 1)} is missing`);
      const hash = eventHash(row);
      const keyed = row.mac !== null && sameHex(eventMac(row, ctx.hmacKey), row.mac);
      const sealed = row.mac === null && row.seq <= ctx.sealedUpTo && hash === row.hash;
      if (sealed) walk.sealedUnkeyed++;
      else if (!keyed) {
        sound = false;
        const writtenAt = ctx.saturated() ? null : originalPlace(row, ctx.hmacKey);
        if (writtenAt !== null) report("reordered", `found at #${row.seq} but written as #${writtenAt}`);
        else if (hash !== row.hash) report("altered", "its content no longer matches its hash");
        else if (row.seq <= checkpointSeq)
          report(
            "altered",
            "rewritten with a recomputed hash: its HMAC does not match, and a checkpoint vouches for it",
          );
        else
          report(
            "forged",
            row.mac === null
              ? "it has no HMAC: the application did not write it"
              : "its HMAC does not match: the application did not write it",
          );
      } else if (hash !== row.hash) {
        sound = false;
        report("altered", "its stored hash was changed");
      }
      // A sound event names the one before it in its keyed bytes: a mismatch means that one was replaced or moved.
      if (sound && prevSound && !gap && row.prevHash !== prevHash)
        report("reordered", `it does not follow the event now at #${row.seq - 1}`);
      if (ctx.checkpointed && row.seq === ctx.checkpointed.seq) walk.hashAtCheckpoint = row.hash;
      prevHash = row.hash;
      prevSound = sound;
      expected = row.seq + 1;
      lastSeq = row.seq;
      walk.newest = { seq: row.seq, hash: row.hash };
    }
    if (rows.length < ctx.batchSize) {
      // The head and the newest event in one statement (one snapshot), so an event appended while
      // this chain was read is walked too rather than taken for a head out of place.
      const [state] = rowsOf<{
        head_seq: number | string | null;
        head_hash: string | null;
        tip: number | string | null;
      }>(
        await db.execute(sql`select
            (select seq from audit_chain_heads where chain_key = ${chainKey}) as head_seq,
            (select hash from audit_chain_heads where chain_key = ${chainKey}) as head_hash,
            (select seq from audit_events where chain_key = ${chainKey} order by seq desc limit 1) as tip`),
      );
      if (state?.tip !== null && state?.tip !== undefined && Number(state.tip) > lastSeq) continue;
      walk.head =
        state?.head_seq !== null && state?.head_seq !== undefined && state.head_hash !== null
          ? { seq: Number(state.head_seq), hash: state.head_hash }
          : null;
      break;
    }
  }
  return walk;
}

/** The place an event was written at, when it verifies at another place near where it stands. */
function originalPlace(row: AuditEvent, hmacKey: string): number | null {
  for (let d = 1; d <= REORDER_WINDOW; d++) {
    for (const seq of [row.seq - d, row.seq + d]) {
      if (seq < 1) continue;
      const moved: Hashable = { ...row, seq };
      const fits = row.mac !== null ? sameHex(eventMac(moved, hmacKey), row.mac) : eventHash(moved) === row.hash;
      if (fits) return seq;
    }
  }
  return null;
}

/**
 * Walks every chain and compares it with the newest signed checkpoint. Safe beside live writes,
 * in any transaction or none: each chain's head is compared with its newest event as read in one
 * statement, and events appended meanwhile are simply walked too.
 */
export async function verifyAuditChains(db: Queryable, opts: VerifyOptions = {}): Promise<VerifyResult> {
  const hmacKey = opts.hmacKey ?? env.AUDIT_HMAC_KEY;
  if (!hmacKey) throw new Error("AUDIT_HMAC_KEY is not set: the audit log cannot be verified without it");
  const store = opts.store === undefined ? checkpointStoreFromEnv() : opts.store;
  const batchSize = opts.batchSize ?? 5000;
  // Checkpoints first, the database after: a checkpoint written meanwhile is then never ahead of the snapshot.
  const history: History = store
    ? await readHistory(store, opts.publicKey)
    : { count: 0, first: null, newest: null, problems: [] };
  const newest = history.newest;
  const checkpointed = new Map((newest?.chains ?? []).map((p) => [p.key, p]));
  const result: VerifyResult = {
    ok: true,
    chains: 0,
    events: 0,
    sealedUnkeyed: 0,
    checkpoints: history.count,
    newestCheckpoint: newest ? { seq: newest.seq, takenAt: newest.takenAt, chains: newest.chains.length } : null,
    problems: [...history.problems],
    warnings: [],
  };
  let unsealed = 0;

  const headKeys = (await db.select({ chainKey: auditChainHeads.chainKey }).from(auditChainHeads)).map(
    (h) => h.chainKey,
  );
  const withEvents = (await chainTips(db)).map((t) => t.key);
  const keys = [...new Set([...headKeys, ...withEvents, ...checkpointed.keys()])].sort();
  for (const chainKey of keys) {
    const seen = new Set<string>();
    let reported = 0;
    const report = (kind: AuditProblemKind, seq: number, message: string) => {
      // One finding per event: later checks of an event already named add nothing.
      if (seen.has(`${seq}`) || reported >= PROBLEMS_PER_CHAIN) return;
      seen.add(`${seq}`);
      reported++;
      result.problems.push({ kind, chainKey, seq, message });
    };
    const cp = checkpointed.get(chainKey);
    const walk = await walkChain(db, chainKey, {
      hmacKey,
      batchSize,
      checkpointed: cp,
      sealedUpTo: history.first?.get(chainKey)?.seq ?? 0,
      report,
      saturated: () => reported >= PROBLEMS_PER_CHAIN,
    });
    if (walk.events > 0 || (walk.head?.seq ?? 0) > 0) result.chains++;
    result.events += walk.events;
    result.sealedUnkeyed += walk.sealedUnkeyed;

    const head = walk.head;
    const last = walk.newest;
    if (last && !head) report("head-mismatch", last.seq, "the chain has events but no head");
    else if (head && !last && head.seq > 0)
      report("missing", 1, `event ${range(1, head.seq)} is missing: the head records #${head.seq}`);
    else if (head && last && head.seq > last.seq)
      report(
        "missing",
        last.seq + 1,
        `event ${range(last.seq + 1, head.seq)} is missing: the head records #${head.seq}`,
      );
    else if (head && last && head.seq < last.seq)
      report(
        "head-mismatch",
        head.seq + 1,
        `the head was moved back to #${head.seq}, but event ${range(head.seq + 1, last.seq)} exists after it`,
      );
    else if (head && last && head.hash !== last.hash)
      report("head-mismatch", last.seq, "the head's hash is not the newest event's");

    if (!cp || !newest) {
      unsealed += last?.seq ?? 0;
      continue;
    }
    const when = `checkpoint #${newest.seq} of ${newest.takenAt}`;
    if (!last) report("chain-missing", 1, `the chain has no events, but ${when} recorded it up to #${cp.seq}`);
    else if (last.seq < cp.seq)
      report("missing", last.seq + 1, `event ${range(last.seq + 1, cp.seq)} is missing: ${when} recorded it`);
    else if (walk.hashAtCheckpoint === null)
      report("missing", cp.seq, `event #${cp.seq} is missing: ${when} recorded it`);
    else if (walk.hashAtCheckpoint !== cp.hash) report("altered", cp.seq, `it is not the event ${when} recorded`);
    unsealed += Math.max(0, (last?.seq ?? 0) - cp.seq);
  }

  if (!store) result.warnings.push("No checkpoint store was given: removal of a chain's newest events cannot be seen.");
  else if (!newest)
    result.warnings.push(
      "No signed checkpoint yet: events removed from the end of a chain, or whole chains, cannot be detected.",
    );
  if (newest && unsealed > 0)
    result.warnings.push(
      `${unsealed} event(s) are newer than checkpoint #${newest.seq} (${newest.takenAt}); until the next checkpoint, their removal from the end of a chain would go unnoticed.`,
    );
  result.ok = result.problems.length === 0;
  return result;
}
