// Someone with the database alone (a superuser who switches the append-only triggers off) tries
// every way of rewriting history; each is detected and named: what is wrong, on which chain, at
// which event. Each case runs on a database of its own with a checkpoint folder of its own.
import { generateKeyPairSync, type KeyObject } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { openPostgres, rowsOf, type Db, type DbHandle } from "@/db/client";
import * as schema from "@/db/schema";
import { demoChildId, demoUserId } from "@/scripts/seed/demo";
import { eventHash, eventMac, recordAuditNow, verifyAuditChains, type AuditProblem } from "@/lib/audit";
import { FolderCheckpointStore, listCheckpoints, takeCheckpoint } from "@/lib/audit/checkpoints";
import { createTestDb, onPostgres } from "../helpers/db";

const actorId = demoUserId("sw1");
const childA = `child:${demoChildId(0)}`;
const childB = `child:${demoChildId(1)}`;

interface Lab {
  handle: DbHandle;
  /** A superuser connection: on PGlite the only one; on PostgreSQL one of our own to the same database. */
  attacker: Db;
  store: FolderCheckpointStore;
  signingKey: KeyObject;
  publicKey: KeyObject;
  checkpoint: () => ReturnType<typeof takeCheckpoint>;
  verify: () => ReturnType<typeof verifyAuditChains>;
  close: () => Promise<void>;
}

let lab: Lab | null = null;
afterEach(async () => {
  await lab?.close();
  lab = null;
});

// On PGlite a fresh database costs seconds (initdb in WebAssembly): each case gets a copy of one
// migrated database instead. On PostgreSQL a new database per case is quick.
let template: Blob | null = null;
beforeAll(async () => {
  if (onPostgres) return;
  const handle = await createTestDb({ seed: false });
  template = await (handle.db as unknown as { $client: PGlite }).$client.dumpDataDir("none");
  await handle.close();
});

async function freshDb(): Promise<DbHandle> {
  if (!template) return createTestDb({ seed: false });
  const client = new PGlite({ loadDataDir: template, extensions: { pg_trgm } });
  const db = drizzle(client, { schema, casing: "snake_case" }) as unknown as Db;
  return { db, kind: "pglite", close: () => client.close() };
}

/** Five changes to child A, three to child B, views of both, a sign-in; then a signed checkpoint. */
async function openLab(opts: { checkpoint?: boolean } = {}): Promise<Lab> {
  const handle = await freshDb();
  let attackerHandle: DbHandle | null = null;
  if (onPostgres) {
    const [row] = rowsOf<{ name: string }>(await handle.db.execute(sql`select current_database() as name`));
    const url = new URL(process.env.TEST_DATABASE_URL ?? "");
    url.pathname = `/${row?.name ?? ""}`;
    attackerHandle = openPostgres(url.toString(), 1);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "audit-tamper-"));
  const store = new FolderCheckpointStore(dir);
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  for (let i = 1; i <= 5; i++)
    await recordAuditNow(handle.db, { actorId, action: "visits.create", childId: demoChildId(0), detail: { n: i } });
  for (let i = 1; i <= 3; i++)
    await recordAuditNow(handle.db, { actorId, action: "health.create", childId: demoChildId(1), detail: { n: i } });
  await recordAuditNow(handle.db, { actorId, action: "summary.view", childId: demoChildId(0) });
  await recordAuditNow(handle.db, { actorId, action: "summary.view", childId: demoChildId(1) });
  await recordAuditNow(handle.db, { actorId, action: "auth.signIn" });
  const created: Lab = {
    handle,
    attacker: attackerHandle?.db ?? handle.db,
    store,
    signingKey: privateKey,
    publicKey,
    checkpoint: () => takeCheckpoint(handle.db, { store, signingKey: privateKey }),
    verify: () => verifyAuditChains(handle.db, { store, publicKey }),
    close: async () => {
      await attackerHandle?.close();
      await handle.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  lab = created;
  if (opts.checkpoint !== false) await created.checkpoint();
  return created;
}

/** Behind the application's back: the append-only triggers off, the statements, the triggers on. */
async function tamper(l: Lab, ...statements: string[]) {
  await l.attacker.transaction(async (tx) => {
    await tx.execute(sql.raw(`ALTER TABLE audit_events DISABLE TRIGGER USER`));
    await tx.execute(sql.raw(`ALTER TABLE audit_chain_heads DISABLE TRIGGER USER`));
    for (const s of statements) await tx.execute(sql.raw(s));
    await tx.execute(sql.raw(`ALTER TABLE audit_events ENABLE TRIGGER USER`));
    await tx.execute(sql.raw(`ALTER TABLE audit_chain_heads ENABLE TRIGGER USER`));
  });
}

interface Row {
  seq: number;
  prevHash: string;
  hash: string;
  occurredAt: Date;
  actorId: string | null;
  action: string;
  childId: string | null;
  outcome: string;
  flagged: boolean;
  detail: Record<string, unknown>;
}

async function chain(l: Lab, chainKey: string): Promise<Row[]> {
  const rows = rowsOf<{
    seq: number | string;
    prev_hash: string;
    hash: string;
    occurred_at: string | Date;
    actor_id: string | null;
    action: string;
    child_id: string | null;
    outcome: string;
    flagged: boolean;
    detail: Record<string, unknown> | string;
  }>(await l.attacker.execute(sql`select * from audit_events where chain_key = ${chainKey} order by seq`));
  return rows.map((r) => ({
    seq: Number(r.seq),
    prevHash: r.prev_hash,
    hash: r.hash,
    occurredAt: new Date(r.occurred_at),
    actorId: r.actor_id,
    action: r.action,
    childId: r.child_id,
    outcome: r.outcome,
    flagged: r.flagged,
    detail: typeof r.detail === "string" ? (JSON.parse(r.detail) as Record<string, unknown>) : r.detail,
  }));
}

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
/** The problems found on one chain, in order. */
const on = (problems: AuditProblem[], chainKey: string | null) => problems.filter((p) => p.chainKey === chainKey);

describe("tampering with the audit log is detected and named", () => {
  it("verifies an untouched log against its signed checkpoint", async () => {
    const l = await openLab();
    const result = await l.verify();
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.newestCheckpoint?.seq).toBe(1);
    expect(result.events).toBe(11);
  });

  it("names the first missing event when the tail is deleted and the head moved back", async () => {
    const l = await openLab();
    const rows = await chain(l, childA);
    const third = rows[2];
    if (!third) throw new Error("no third event");
    await tamper(
      l,
      `DELETE FROM audit_events WHERE chain_key = ${lit(childA)} AND seq > 3`,
      `UPDATE audit_chain_heads SET seq = 3, hash = ${lit(third.hash)} WHERE chain_key = ${lit(childA)}`,
    );
    const result = await l.verify();
    expect(result.ok).toBe(false);
    expect(on(result.problems, childA)[0]).toMatchObject({ kind: "missing", chainKey: childA, seq: 4 });
    expect(on(result.problems, childA)[0]?.message).toMatch(/#4–#5 is missing: checkpoint #1/);
  });

  it("names an event rewritten with its SHA-256, every later link and the head recomputed", async () => {
    const l = await openLab();
    const rows = await chain(l, childA);
    // The attacker knows the algorithm and recomputes every hash from the rewritten event on.
    const statements: string[] = [];
    let prevHash = rows[1]?.hash ?? "";
    for (const row of rows.slice(2)) {
      const rewritten = {
        ...row,
        chainKey: childA,
        prevHash,
        detail: row.seq === 3 ? { n: 3, forged: true } : row.detail,
      };
      const hash = eventHash(rewritten);
      statements.push(
        `UPDATE audit_events SET detail = ${lit(JSON.stringify(rewritten.detail))}::jsonb, prev_hash = ${lit(prevHash)}, hash = ${lit(hash)} WHERE chain_key = ${lit(childA)} AND seq = ${row.seq}`,
      );
      prevHash = hash;
    }
    statements.push(`UPDATE audit_chain_heads SET hash = ${lit(prevHash)} WHERE chain_key = ${lit(childA)}`);
    await tamper(l, ...statements);
    const result = await l.verify();
    expect(result.ok).toBe(false);
    expect(on(result.problems, childA)[0]).toMatchObject({ kind: "altered", chainKey: childA, seq: 3 });
    expect(on(result.problems, childA)[0]?.message).toMatch(/HMAC does not match/);
  });

  it("names a forged event appended with a plain INSERT and a head UPDATE", async () => {
    const l = await openLab();
    const rows = await chain(l, childA);
    const last = rows[rows.length - 1];
    if (!last) throw new Error("no events");
    const forged = {
      ...last,
      chainKey: childA,
      seq: 6,
      prevHash: last.hash,
      occurredAt: new Date(),
      detail: { n: 6, note: "visit that never happened" },
    };
    const hash = eventHash(forged);
    // A guess at the key: anything but the installation's own.
    const mac = eventMac(forged, "a guessed key that is not the real one");
    await tamper(
      l,
      `INSERT INTO audit_events (chain_key, seq, prev_hash, hash, mac, occurred_at, actor_id, action, child_id, outcome, flagged, detail)
       VALUES (${lit(childA)}, 6, ${lit(last.hash)}, ${lit(hash)}, ${lit(mac)}, ${lit(forged.occurredAt.toISOString())}, ${lit(actorId)},
               'visits.create', ${lit(demoChildId(0))}, 'allowed', false, ${lit(JSON.stringify(forged.detail))}::jsonb)`,
      `UPDATE audit_chain_heads SET seq = 6, hash = ${lit(hash)} WHERE chain_key = ${lit(childA)}`,
    );
    const result = await l.verify();
    expect(result.ok).toBe(false);
    expect(on(result.problems, childA)).toEqual([
      expect.objectContaining({ kind: "forged", chainKey: childA, seq: 6 }),
    ]);
  });

  it("names the last event when the head is moved back by one (events are checked past the head)", async () => {
    const l = await openLab();
    const rows = await chain(l, childA);
    const fourth = rows[3];
    if (!fourth) throw new Error("no fourth event");
    await tamper(
      l,
      `UPDATE audit_chain_heads SET seq = 4, hash = ${lit(fourth.hash)} WHERE chain_key = ${lit(childA)}`,
    );
    const result = await l.verify();
    expect(result.ok).toBe(false);
    expect(on(result.problems, childA)).toEqual([
      expect.objectContaining({ kind: "head-mismatch", chainKey: childA, seq: 5 }),
    ]);
  });

  it("names a whole chain dropped, events and head", async () => {
    const l = await openLab();
    await tamper(
      l,
      `DELETE FROM audit_events WHERE chain_key = ${lit(childB)}`,
      `DELETE FROM audit_chain_heads WHERE chain_key = ${lit(childB)}`,
    );
    const result = await l.verify();
    expect(result.ok).toBe(false);
    expect(on(result.problems, childB)).toEqual([
      expect.objectContaining({ kind: "chain-missing", chainKey: childB, seq: 1 }),
    ]);
    expect(on(result.problems, childA)).toEqual([]);
  });

  it("names two events swapped in their chain", async () => {
    const l = await openLab();
    await tamper(
      l,
      `UPDATE audit_events SET seq = -2 WHERE chain_key = ${lit(childA)} AND seq = 2`,
      `UPDATE audit_events SET seq = 2 WHERE chain_key = ${lit(childA)} AND seq = 3`,
      `UPDATE audit_events SET seq = 3 WHERE chain_key = ${lit(childA)} AND seq = -2`,
    );
    const result = await l.verify();
    expect(result.ok).toBe(false);
    expect(on(result.problems, childA)).toEqual([
      expect.objectContaining({ kind: "reordered", chainKey: childA, seq: 2, message: expect.stringMatching(/as #3/) }),
      expect.objectContaining({ kind: "reordered", chainKey: childA, seq: 3, message: expect.stringMatching(/as #2/) }),
    ]);
  });

  it("keeps the evidence when a chain is cut and the application writes on past the cut", async () => {
    const l = await openLab();
    const rows = await chain(l, childA);
    const third = rows[2];
    if (!third) throw new Error("no third event");
    await tamper(
      l,
      `DELETE FROM audit_events WHERE chain_key = ${lit(childA)} AND seq > 3`,
      `UPDATE audit_chain_heads SET seq = 3, hash = ${lit(third.hash)} WHERE chain_key = ${lit(childA)}`,
    );
    // New, genuine events now stand at #4 to #6, and the next checkpoint is taken.
    for (let i = 0; i < 3; i++)
      await recordAuditNow(l.handle.db, { actorId, action: "visits.create", childId: demoChildId(0) });
    await recordAuditNow(l.handle.db, { actorId, action: "health.create", childId: demoChildId(1) });
    const outcome = await l.checkpoint();
    expect(outcome).toMatchObject({ written: true, seq: 2, held: [childA] });
    const result = await l.verify();
    expect(result.newestCheckpoint?.seq).toBe(2);
    expect(on(result.problems, childA)).toEqual([
      expect.objectContaining({
        kind: "altered",
        chainKey: childA,
        seq: 5,
        message: expect.stringMatching(/checkpoint #2/),
      }),
    ]);
  });

  it("says how many events are newer than the newest checkpoint: only those could be cut unseen", async () => {
    const l = await openLab();
    await recordAuditNow(l.handle.db, { actorId, action: "visits.create", childId: demoChildId(0) });
    await recordAuditNow(l.handle.db, { actorId, action: "visits.create", childId: demoChildId(0) });
    const result = await l.verify();
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([expect.stringMatching(/^2 event\(s\) are newer than checkpoint #1/)]);
  });

  it("accepts events from before keying began only where the first checkpoint sealed them", async () => {
    const l = await openLab({ checkpoint: false });
    const rows = await chain(l, childB);
    // As migration 0010 finds them: written by the earlier version, without an HMAC.
    await tamper(l, `UPDATE audit_events SET mac = NULL WHERE chain_key = ${lit(childB)}`);
    expect((await l.verify()).problems).toContainEqual(
      expect.objectContaining({ kind: "forged", chainKey: childB, seq: 1 }),
    );
    await l.checkpoint();
    const sealed = await l.verify();
    expect(sealed.problems).toEqual([]);
    expect(sealed.sealedUnkeyed).toBe(rows.length);
    // After the seal, an event without an HMAC is a forgery again.
    await recordAuditNow(l.handle.db, { actorId, action: "health.create", childId: demoChildId(1) });
    await tamper(l, `UPDATE audit_events SET mac = NULL WHERE chain_key = ${lit(childB)} AND seq = 4`);
    expect(on((await l.verify()).problems, childB)).toEqual([
      expect.objectContaining({ kind: "forged", chainKey: childB, seq: 4 }),
    ]);
  });

  it("rejects every event when checked with another HMAC key", async () => {
    const l = await openLab();
    const result = await verifyAuditChains(l.handle.db, {
      store: l.store,
      publicKey: l.publicKey,
      hmacKey: "not this installation's key at all, 32+",
    });
    expect(result.ok).toBe(false);
    // Every event is vouched for by the checkpoint, so each reads as altered rather than inserted.
    expect(result.problems).toHaveLength(11);
    expect(result.problems.every((p) => p.kind === "altered")).toBe(true);
  });
});

describe("the signed checkpoints", () => {
  it("are signed with Ed25519, list every chain, and name the checkpoint before them", async () => {
    const l = await openLab();
    await recordAuditNow(l.handle.db, { actorId, action: "visits.create", childId: demoChildId(0) });
    expect(await l.checkpoint()).toMatchObject({ written: true, seq: 2 });
    // Nothing new: no checkpoint.
    expect(await l.checkpoint()).toMatchObject({ written: false });
    const names = await l.store.list();
    expect(names.sort()).toEqual(["checkpoint-000000000001.json", "checkpoint-000000000002.json", "public-key.pem"]);
    const second = JSON.parse((await l.store.get("checkpoint-000000000002.json")) ?? "{}") as {
      previous: string;
      chains: Array<{ key: string; seq: number }>;
      signature: string;
    };
    expect(second.previous).toMatch(/^[0-9a-f]{64}$/);
    expect(second.signature.length).toBeGreaterThan(80);
    expect(second.chains.find((c) => c.key === childA)?.seq).toBe(6);
    expect(second.chains.map((c) => c.key)).toEqual(expect.arrayContaining([childA, childB, `user:${actorId}`]));
    expect(await l.store.get("public-key.pem")).toMatch(/BEGIN PUBLIC KEY/);
  });

  it("are never overwritten: a second write of a name is refused", async () => {
    const l = await openLab();
    expect(await l.store.putIfAbsent("checkpoint-000000000001.json", "{}")).toBe(false);
    expect((await l.verify()).ok).toBe(true);
  });

  it("detect a checkpoint file edited to hide a removal", async () => {
    const l = await openLab();
    const file = path.join(l.store.dir, "checkpoint-000000000001.json");
    const text = fs.readFileSync(file, "utf8");
    fs.chmodSync(file, 0o644);
    // Someone with the folder lowers child A's entry to #3, then cuts the chain to match.
    fs.writeFileSync(
      file,
      text.replace(/("key":"child:[^"]+","seq":)5/, (_, entry: string) => `${entry}3`),
    );
    expect(fs.readFileSync(file, "utf8")).not.toBe(text);
    const result = await l.verify();
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(
      expect.objectContaining({
        kind: "checkpoint-invalid",
        chainKey: null,
        seq: 1,
        message: expect.stringMatching(/signature does not match/),
      }),
    );
    // And the next checkpoint refuses to build on it.
    await expect(l.checkpoint()).rejects.toThrow(/cannot be trusted/);
  });

  it("detect a checkpoint removed from the middle of the sequence", async () => {
    const l = await openLab();
    for (let i = 0; i < 2; i++) {
      await recordAuditNow(l.handle.db, { actorId, action: "visits.create", childId: demoChildId(0) });
      await l.checkpoint();
    }
    expect((await listCheckpoints(l.store)).map((c) => c.seq)).toEqual([1, 2, 3]);
    fs.rmSync(path.join(l.store.dir, "checkpoint-000000000002.json"));
    const result = await l.verify();
    expect(result.problems).toEqual([
      expect.objectContaining({ kind: "checkpoint-invalid", seq: 2, message: expect.stringMatching(/#2 is missing/) }),
      expect.objectContaining({ kind: "checkpoint-invalid", seq: 3, message: expect.stringMatching(/does not name/) }),
    ]);
  });

  it("detect checkpoints signed by another key", async () => {
    const l = await openLab();
    const other = generateKeyPairSync("ed25519");
    const result = await verifyAuditChains(l.handle.db, { store: l.store, publicKey: other.publicKey });
    expect(result.problems).toContainEqual(expect.objectContaining({ kind: "checkpoint-invalid", seq: 1 }));
    expect(result.problems).toContainEqual(
      expect.objectContaining({ kind: "checkpoint-invalid", message: expect.stringMatching(/public-key.pem/) }),
    );
    await expect(takeCheckpoint(l.handle.db, { store: l.store, signingKey: other.privateKey })).rejects.toThrow(
      /not this installation's/,
    );
  });
});
