// Signed checkpoints of every audit chain's newest event, kept outside the database: someone with
// the database alone can neither remove checkpointed events unnoticed nor rewrite a checkpoint.
import { createHash, createPublicKey, sign, verify, type KeyObject } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import canonicalize from "canonicalize";
import { sql } from "drizzle-orm";
import { rowsOf, type Db, type Queryable } from "@/db/client";

/**
 * Where checkpoints live. Write-once by contract: `putIfAbsent` never replaces an object, and
 * nothing here deletes one. The default is a folder; a council can implement the same three
 * calls against an S3 bucket with Object Lock in compliance mode (PutObject with
 * `If-None-Match: *` and a retention period, ListObjectsV2, GetObject), so that not even the
 * bucket's owner can change or remove a checkpoint before its retention ends.
 */
export interface CheckpointStore {
  /** Stores `body` under `name` unless that name exists; false when it does (nothing is overwritten). */
  putIfAbsent(name: string, body: string): Promise<boolean>;
  /** Every stored name. */
  list(): Promise<string[]>;
  /** The stored text, or null when there is no such object. */
  get(name: string): Promise<string | null>;
}

/** A folder, written put-if-absent: each file appears whole (written aside, then hard-linked) and read-only. */
export class FolderCheckpointStore implements CheckpointStore {
  constructor(readonly dir: string) {}

  async putIfAbsent(name: string, body: string): Promise<boolean> {
    if (!/^[A-Za-z0-9._-]+$/.test(name)) throw new Error(`checkpoint store: bad name ${name}`);
    await fs.promises.mkdir(this.dir, { recursive: true });
    const target = path.join(this.dir, name);
    const temp = path.join(this.dir, `.${name}.${process.pid}.${Date.now()}.tmp`);
    const handle = await fs.promises.open(temp, "wx", 0o444);
    try {
      await handle.writeFile(body);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      // link() fails if the name exists: atomic put-if-absent, and readers never see half a file.
      await fs.promises.link(temp, target);
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
      throw e;
    } finally {
      await fs.promises.rm(temp, { force: true });
    }
  }

  async list(): Promise<string[]> {
    try {
      return (await fs.promises.readdir(this.dir)).filter((n) => !n.startsWith("."));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw e;
    }
  }

  async get(name: string): Promise<string | null> {
    try {
      return await fs.promises.readFile(path.join(this.dir, name), "utf8");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw e;
    }
  }
}

export const PUBLIC_KEY_NAME = "public-key.pem";
const NAME_PATTERN = /^checkpoint-(\d{12})\.json$/;
export const checkpointName = (seq: number) => `checkpoint-${String(seq).padStart(12, "0")}.json`;

export interface ChainPoint {
  key: string;
  seq: number;
  hash: string;
}

export interface CheckpointBody {
  version: 1;
  /** 1, 2, 3 ...: a gap in the numbers is a checkpoint removed. */
  seq: number;
  takenAt: string;
  /** SHA-256 of the previous checkpoint's stored text; null for the first. */
  previous: string | null;
  /** Every chain, by key: the newest event's sequence number and hash. */
  chains: ChainPoint[];
}

export interface Checkpoint extends CheckpointBody {
  /** Ed25519 over the RFC 8785 bytes of the body, base64. */
  signature: string;
}

export const sha256Hex = (text: string) => createHash("sha256").update(text).digest("hex");

export function publicKeyPem(key: KeyObject): string {
  const publicKey = key.type === "private" ? createPublicKey(key) : key;
  return publicKey.export({ type: "spki", format: "pem" }).toString();
}

function bodyBytes(body: CheckpointBody): Buffer {
  return Buffer.from(
    canonicalize({
      version: body.version,
      seq: body.seq,
      takenAt: body.takenAt,
      previous: body.previous,
      chains: body.chains,
    }) ?? "",
  );
}

export function signCheckpoint(body: CheckpointBody, signingKey: KeyObject): string {
  const signature = sign(null, bodyBytes(body), signingKey).toString("base64");
  return canonicalize({ ...body, signature }) ?? "";
}

/** Parses a stored checkpoint and checks its signature: the checkpoint, or why it cannot be trusted. */
export function openCheckpoint(
  text: string,
  publicKey: KeyObject,
): { ok: true; checkpoint: Checkpoint } | { ok: false; reason: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, reason: "it is not JSON" };
  }
  const c = parsed as Partial<Checkpoint>;
  const wellFormed =
    c.version === 1 &&
    Number.isInteger(c.seq) &&
    typeof c.takenAt === "string" &&
    (c.previous === null || typeof c.previous === "string") &&
    typeof c.signature === "string" &&
    Array.isArray(c.chains) &&
    c.chains.every((p) => typeof p?.key === "string" && Number.isInteger(p.seq) && typeof p.hash === "string");
  if (!wellFormed) return { ok: false, reason: "it is not a checkpoint" };
  const checkpoint = c as Checkpoint;
  const good = verify(null, bodyBytes(checkpoint), publicKey, Buffer.from(checkpoint.signature, "base64"));
  return good ? { ok: true, checkpoint } : { ok: false, reason: "its signature does not match its content" };
}

/** Checkpoint names in order, and the numbers that should be there but are not. */
export async function listCheckpoints(store: CheckpointStore): Promise<Array<{ name: string; seq: number }>> {
  const names = await store.list();
  return names
    .map((name) => ({ name, seq: Number(NAME_PATTERN.exec(name)?.[1] ?? NaN) }))
    .filter((n) => Number.isInteger(n.seq))
    .sort((a, b) => a.seq - b.seq);
}

/**
 * Every chain's newest event, in one statement: the distinct chain keys by a loose index scan of
 * (chain_key, seq), then one backward index probe each, so the cost grows with the number of
 * chains, not of events. Heads are not trusted here: a head moved back changes nothing.
 */
export async function chainTips(db: Queryable): Promise<ChainPoint[]> {
  const rows = rowsOf<{ key: string; seq: number | string; hash: string }>(
    await db.execute(sql`with recursive keys(chain_key) as (
        (select chain_key from audit_events order by chain_key limit 1)
        union all
        select (select e.chain_key from audit_events e where e.chain_key > k.chain_key order by e.chain_key limit 1)
        from keys k where k.chain_key is not null
      )
      select k.chain_key as key, t.seq, t.hash from keys k
      cross join lateral (
        select seq, hash from audit_events e where e.chain_key = k.chain_key order by e.seq desc limit 1
      ) t
      where k.chain_key is not null
      order by k.chain_key`),
  );
  return rows.map((r) => ({ key: r.key, seq: Number(r.seq), hash: r.hash }));
}

/** The stored hash of each given (chain, seq), in one statement. */
async function hashesAt(db: Queryable, points: ChainPoint[]): Promise<Map<string, string>> {
  if (points.length === 0) return new Map();
  const rows = rowsOf<{ key: string; hash: string }>(
    await db.execute(sql`select e.chain_key as key, e.hash
      from jsonb_to_recordset(${JSON.stringify(points.map((p) => ({ key: p.key, seq: p.seq })))}::jsonb) as p(key text, seq bigint)
      join audit_events e on e.chain_key = p.key and e.seq = p.seq`),
  );
  return new Map(rows.map((r) => [r.key, r.hash]));
}

export interface CheckpointOutcome {
  written: boolean;
  seq: number | null;
  /** Chains that no longer reach the previous checkpoint: their previous entry was kept as evidence. */
  held: string[];
}

/** Stores the public key beside the checkpoints once; a store holding another key is refused. */
async function ensurePublicKey(store: CheckpointStore, signingKey: KeyObject): Promise<void> {
  const pem = publicKeyPem(signingKey);
  let stored = await store.get(PUBLIC_KEY_NAME);
  if (stored === null) {
    if (await store.putIfAbsent(PUBLIC_KEY_NAME, pem)) return;
    stored = await store.get(PUBLIC_KEY_NAME);
  }
  if (stored?.trim() !== pem.trim())
    throw new Error(
      `the checkpoint store's ${PUBLIC_KEY_NAME} is not this installation's AUDIT_SIGNING_KEY: refusing to write checkpoints into it`,
    );
}

async function newestCheckpoint(
  store: CheckpointStore,
  publicKey: KeyObject,
): Promise<{ checkpoint: Checkpoint; text: string } | null> {
  const names = await listCheckpoints(store);
  const newest = names[names.length - 1];
  if (!newest) return null;
  const text = await store.get(newest.name);
  if (text === null) throw new Error(`checkpoint ${newest.name} is listed but cannot be read`);
  const opened = openCheckpoint(text, publicKey);
  // Chaining onto a checkpoint that fails its signature would lend it our signature's trust.
  if (!opened.ok) throw new Error(`the newest checkpoint ${newest.name} cannot be trusted: ${opened.reason}`);
  return { checkpoint: opened.checkpoint, text };
}

/**
 * Writes the next checkpoint when any chain has moved. A chain that no longer reaches its entry in
 * the previous checkpoint (shorter, gone, or a different event at that number) keeps that entry:
 * a checkpoint never records less than the one before, so a removal stays visible to every later
 * verification. Several servers may share one store: the loser of a race re-reads and tries again.
 */
export async function takeCheckpoint(
  db: Db,
  opts: { store: CheckpointStore; signingKey: KeyObject; now?: () => Date },
): Promise<CheckpointOutcome> {
  const publicKey = createPublicKey(opts.signingKey);
  await ensurePublicKey(opts.store, opts.signingKey);
  for (let attempt = 0; attempt < 5; attempt++) {
    const previous = await newestCheckpoint(opts.store, publicKey);
    const before = previous?.checkpoint.chains ?? [];
    const { tips, reached } = await db.transaction(
      async (tx) => ({ tips: await chainTips(tx), reached: await hashesAt(tx, before) }),
      { isolationLevel: "repeatable read", accessMode: "read only" },
    );
    const current = new Map(tips.map((t) => [t.key, t]));
    const held: string[] = [];
    const chains = new Map<string, ChainPoint>();
    for (const point of before) {
      const tip = current.get(point.key);
      if (tip && tip.seq >= point.seq && reached.get(point.key) === point.hash) chains.set(point.key, tip);
      else {
        chains.set(point.key, point);
        held.push(point.key);
      }
    }
    for (const tip of tips) if (!chains.has(tip.key)) chains.set(tip.key, tip);
    const sorted = [...chains.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const unchanged =
      sorted.length === before.length &&
      sorted.every((p, i) => p.key === before[i]?.key && p.seq === before[i]?.seq && p.hash === before[i]?.hash);
    if (unchanged && (previous || sorted.length === 0)) return { written: false, seq: null, held };
    const body: CheckpointBody = {
      version: 1,
      seq: (previous?.checkpoint.seq ?? 0) + 1,
      takenAt: (opts.now?.() ?? new Date()).toISOString(),
      previous: previous ? sha256Hex(previous.text) : null,
      chains: sorted,
    };
    if (await opts.store.putIfAbsent(checkpointName(body.seq), signCheckpoint(body, opts.signingKey)))
      return { written: true, seq: body.seq, held };
  }
  throw new Error("could not write an audit checkpoint: other writers kept taking the next number");
}
