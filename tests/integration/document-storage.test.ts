// The document store underneath uploads: contents in 1 MB chunks under a write-once header,
// stored once by SHA-256, refused by the database when not whole, and existing single-row
// contents carried over by the migration intact (or the migration stops, changing nothing).
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf, type DbHandle } from "@/db/client";
import { migrationsFolder, runMigrations } from "@/db/migrate";
import { BLOB_CHUNK_BYTES, documentBlobChunks, documentBlobs } from "@/db/schema";
import { postgresBlobStore, sha256Hex } from "@/lib/documents/storage";
import { createTestDb, type TestDbHandle } from "../helpers/db";

/** Varied bytes, so every chunk differs. */
function content(size: number, seed: number): Buffer {
  const out = Buffer.alloc(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(stream).arrayBuffer());
}

/** The migrations folder as it was before migration 0014 (document chunks). */
function migrationsBefore0014(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "cases-migrations-"));
  cpSync(migrationsFolder, dir, { recursive: true });
  const journalPath = path.join(dir, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: Array<{ tag: string }> };
  journal.entries = journal.entries.filter((e) => e.tag < "0014");
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

const columnsOf = async (handle: DbHandle, table: string) =>
  rowsOf<{ column_name: string }>(
    await handle.db.execute(
      sql`select column_name from information_schema.columns where table_schema = 'public' and table_name = ${table} order by 1`,
    ),
  ).map((r) => r.column_name);

describe("migrating contents stored whole in one row", () => {
  let folder: string;
  beforeAll(() => {
    folder = migrationsBefore0014();
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("splits every existing content into chunks, read back byte for byte", async () => {
    const handle = await createTestDb({ migrate: false });
    try {
      await runMigrations(handle, folder);
      expect(await columnsOf(handle, "document_blobs")).toContain("content");
      const sizes = [200, BLOB_CHUNK_BYTES, 2 * BLOB_CHUNK_BYTES, Math.round(2.5 * BLOB_CHUNK_BYTES)];
      const old = sizes.map((size, i) => ({ bytes: content(size, i + 7), sha256: "" }));
      for (const blob of old) {
        blob.sha256 = sha256Hex(blob.bytes);
        await handle.db.execute(
          sql`insert into document_blobs (sha256, size_bytes, mime_type, content) values (${blob.sha256}, ${blob.bytes.byteLength}, 'application/pdf', ${blob.bytes})`,
        );
      }

      await runMigrations(handle);

      expect(await columnsOf(handle, "document_blobs")).not.toContain("content");
      for (const [i, blob] of old.entries()) {
        const [header] = await handle.db.select().from(documentBlobs).where(eq(documentBlobs.sha256, blob.sha256));
        expect(header?.chunkCount, `size ${sizes[i]}`).toBe(Math.ceil(blob.bytes.byteLength / BLOB_CHUNK_BYTES));
        const stored = await postgresBlobStore.get(blob.sha256, handle.db);
        if (!stored) throw new Error("blob missing after the migration");
        expect(stored.size).toBe(blob.bytes.byteLength);
        expect((await readAll(stored.stream())).equals(blob.bytes), `size ${sizes[i]}`).toBe(true);
      }
    } finally {
      await handle.close();
    }
  }, 120_000);

  it("stops, changing nothing, when an existing content does not match its hash", async () => {
    const handle = await createTestDb({ migrate: false });
    try {
      await runMigrations(handle, folder);
      const bytes = content(5000, 3);
      await handle.db.execute(
        sql`insert into document_blobs (sha256, size_bytes, mime_type, content) values (${sha256Hex(content(5000, 4))}, 5000, 'application/pdf', ${bytes})`,
      );
      await expect(runMigrations(handle)).rejects.toThrow();
      expect(await columnsOf(handle, "document_blobs")).toContain("content");
      expect(await columnsOf(handle, "document_blob_chunks")).toEqual([]);
    } finally {
      await handle.close();
    }
  }, 120_000);
});

describe("the chunked store", () => {
  let handle: TestDbHandle;
  beforeAll(async () => {
    handle = await createTestDb({ seed: false });
  });
  afterAll(() => handle.close());

  const header = (bytes: Buffer) => ({ sha256: sha256Hex(bytes), size: bytes.byteLength, mimeType: "application/pdf" });
  /** Pieces of odd sizes, as a request or a file stream hands them over. */
  const source = (bytes: Buffer, piece = 65_537) =>
    async function* () {
      for (let at = 0; at < bytes.byteLength; at += piece) yield bytes.subarray(at, at + piece);
    };
  const chunkCount = async () =>
    Number((await handle.db.select({ n: sql<number>`count(*)::int` }).from(documentBlobChunks))[0]?.n);

  it("stores a content once: a second put of the same hash does not read its source or write a chunk", async () => {
    const bytes = content(Math.round(3.2 * BLOB_CHUNK_BYTES), 11);
    const first = await handle.db.transaction((tx) => postgresBlobStore.put(header(bytes), source(bytes), tx));
    expect(first).toEqual({ written: true });
    const chunks = await chunkCount();
    expect(chunks).toBe(4);
    const second = await handle.db.transaction((tx) =>
      postgresBlobStore.put(
        header(bytes),
        () => {
          throw new Error("the source of a stored content must not be read");
        },
        tx,
      ),
    );
    expect(second).toEqual({ written: false });
    expect(await chunkCount()).toBe(chunks);
    const sizes = rowsOf<{ n: number }>(
      await handle.db.execute(sql`select octet_length(bytes) as n from document_blob_chunks order by seq`),
    ).map((r) => Number(r.n));
    expect(sizes).toEqual([
      BLOB_CHUNK_BYTES,
      BLOB_CHUNK_BYTES,
      BLOB_CHUNK_BYTES,
      bytes.byteLength - 3 * BLOB_CHUNK_BYTES,
    ]);
    const stored = await postgresBlobStore.get(header(bytes).sha256, handle.db);
    if (!stored) throw new Error("not stored");
    const digest = createHash("sha256");
    const reader = stored.stream().getReader();
    let pieces = 0;
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      pieces++;
      digest.update(next.value);
    }
    expect(pieces).toBe(4);
    expect(digest.digest("hex")).toBe(header(bytes).sha256);
  });

  it("refuses content that does not match its hash or its size, and keeps nothing of it", async () => {
    const bytes = content(1.5 * BLOB_CHUNK_BYTES, 12);
    const before = await chunkCount();
    await expect(
      handle.db.transaction((tx) => postgresBlobStore.put(header(bytes), source(content(bytes.byteLength, 13)), tx)),
    ).rejects.toThrow(/does not match/);
    await expect(
      handle.db.transaction((tx) =>
        postgresBlobStore.put({ ...header(bytes), size: bytes.byteLength - 1 }, source(bytes), tx),
      ),
    ).rejects.toThrow(/longer than its header/);
    expect(await chunkCount()).toBe(before);
    expect(await postgresBlobStore.get(header(bytes).sha256, handle.db)).toBeNull();
  });

  it("is refused by the database when a blob is not whole at commit, and its rows can never change", async () => {
    const bytes = content(2 * BLOB_CHUNK_BYTES, 14);
    const h = header(bytes);
    const refusal = async (work: () => Promise<unknown>) => {
      try {
        await work();
      } catch (e) {
        const err = e as { message?: string; cause?: { message?: string } };
        return err.cause?.message ?? err.message ?? String(e);
      }
      return "ALLOWED";
    };
    // A header whose second chunk never arrives.
    expect(
      await refusal(() =>
        handle.db.transaction(async (tx) => {
          await tx
            .insert(documentBlobs)
            .values({ sha256: h.sha256, sizeBytes: h.size, mimeType: h.mimeType, chunkCount: 2 });
          await tx
            .insert(documentBlobChunks)
            .values({ sha256: h.sha256, seq: 0, bytes: bytes.subarray(0, BLOB_CHUNK_BYTES) });
        }),
      ),
    ).toMatch(/not whole/);
    await handle.db.transaction((tx) => postgresBlobStore.put(h, source(bytes), tx));
    // A chunk added to a whole blob later.
    expect(
      await refusal(() =>
        handle.db.insert(documentBlobChunks).values({ sha256: h.sha256, seq: 2, bytes: Buffer.from("more") }),
      ),
    ).toMatch(/not whole/);
    // As the owner, whom no privilege stops (the portal's own login may not even try): the trigger refuses.
    expect(
      await refusal(() => handle.owner.execute(sql`update document_blob_chunks set bytes = '\\x00' where seq = 0`)),
    ).toMatch(/write-once/);
    expect(await refusal(() => handle.owner.execute(sql`update document_blobs set mime_type = 'text/html'`))).toMatch(
      /write-once/,
    );
    expect(await refusal(() => handle.owner.execute(sql`delete from document_blob_chunks`))).toMatch(/refused/);
    const stored = await postgresBlobStore.get(h.sha256, handle.db);
    expect(stored && (await readAll(stored.stream())).equals(bytes)).toBe(true);
  });
});
