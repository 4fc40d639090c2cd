// Where document contents live: content-addressed by SHA-256 and stored once, behind one
// interface that only ever streams, so no request holds a whole file in memory.
//
// The default keeps them in PostgreSQL: a header row (document_blobs: sha256, size, type, chunk
// count) and the content in order in chunks of at most 1 MB (document_blob_chunks). Both are
// write-once, and the database refuses at commit a blob whose chunks do not add up to its header.
//
// An S3-compatible object store with Object Lock (write-once, the retention hold's natural home)
// implements the same interface: `put` = HeadObject on the hash as the key and, only when it is
// missing, a multipart PutObject streamed from `content()` with a legal hold and the SHA-256 as
// the checksum (the store refuses bytes that do not match); `get` = HeadObject for the size and
// type, then GetObject's body as the stream. The header row can stay in PostgreSQL in the same
// transaction as the document that refers to it. Nothing here can remove a blob.
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Queryable, Tx } from "@/db/client";
import { BLOB_CHUNK_BYTES, documentBlobChunks, documentBlobs } from "@/db/schema";

export interface BlobHeader {
  sha256: string;
  size: number;
  mimeType: string;
}

export interface StoredBlob extends BlobHeader {
  /** The content, read as it is consumed (a chunk at a time): call once per reader. */
  stream(): ReadableStream<Uint8Array<ArrayBuffer>>;
}

/** The bytes to store, read once and only when the content is new (a file on disk, a request). */
export type BlobSource = () => AsyncIterable<Uint8Array>;

export interface BlobStore {
  /**
   * Stores the content under its hash, once: when the hash is already stored, `content` is never
   * read and nothing is written. The store checks the bytes against the hash and the size as they
   * pass and throws (rolling the transaction back) when they do not match.
   */
  put(header: BlobHeader, content: BlobSource, tx: Tx): Promise<{ written: boolean }>;
  get(sha256: string, db: Queryable): Promise<StoredBlob | null>;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The same bytes typed as backed by a plain ArrayBuffer (what Response and Blob accept); copies only a shared buffer. */
export function plainBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer
    ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    : new Uint8Array(bytes);
}

const toBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Regroups pieces of any size into chunks of exactly `size` bytes (the last one shorter). */
async function* rechunk(source: AsyncIterable<Uint8Array>, size: number): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (const piece of source) {
    let rest = toBuffer(piece);
    while (pendingBytes + rest.byteLength >= size) {
      const take = size - pendingBytes;
      pending.push(rest.subarray(0, take));
      yield Buffer.concat(pending, size);
      rest = rest.subarray(take);
      pending = [];
      pendingBytes = 0;
    }
    if (rest.byteLength > 0) {
      // Copied: the caller may reuse the buffer it handed over.
      pending.push(Buffer.from(rest));
      pendingBytes += rest.byteLength;
    }
  }
  if (pendingBytes > 0) yield Buffer.concat(pending, pendingBytes);
}

export const postgresBlobStore: BlobStore = {
  async put(header, content, tx) {
    const chunkCount = Math.ceil(header.size / BLOB_CHUNK_BYTES);
    const inserted = await tx
      .insert(documentBlobs)
      .values({ sha256: header.sha256, sizeBytes: header.size, mimeType: header.mimeType, chunkCount })
      .onConflictDoNothing({ target: documentBlobs.sha256 })
      .returning({ sha256: documentBlobs.sha256 });
    // Stored already (or being stored by a transaction this one waited for): the content is not read.
    if (inserted.length === 0) return { written: false };
    const hash = createHash("sha256");
    let seq = 0;
    let total = 0;
    for await (const chunk of rechunk(content(), BLOB_CHUNK_BYTES)) {
      hash.update(chunk);
      total += chunk.byteLength;
      // A wrong key would make the store lie about content for ever: stop at the first byte too many.
      if (total > header.size) throw new Error("blob content is longer than its header says");
      await tx.insert(documentBlobChunks).values({ sha256: header.sha256, seq, bytes: chunk });
      seq++;
    }
    if (total !== header.size || hash.digest("hex") !== header.sha256) {
      throw new Error("blob content does not match its hash or size");
    }
    return { written: true };
  },

  async get(sha256, db) {
    const [row] = await db
      .select({ mimeType: documentBlobs.mimeType, size: documentBlobs.sizeBytes, chunkCount: documentBlobs.chunkCount })
      .from(documentBlobs)
      .where(eq(documentBlobs.sha256, sha256))
      .limit(1);
    if (!row) return null;
    const { chunkCount } = row;
    return {
      sha256,
      size: row.size,
      mimeType: row.mimeType,
      stream() {
        let seq = 0;
        // Pulled one chunk at a time as the reader asks: a slow download holds one chunk, not the file.
        return new ReadableStream<Uint8Array<ArrayBuffer>>(
          {
            async pull(controller) {
              if (seq >= chunkCount) {
                controller.close();
                return;
              }
              const [chunk] = await db
                .select({ bytes: documentBlobChunks.bytes })
                .from(documentBlobChunks)
                .where(and(eq(documentBlobChunks.sha256, sha256), eq(documentBlobChunks.seq, seq)))
                .limit(1);
              if (!chunk) {
                controller.error(new Error(`document blob ${sha256}: chunk ${seq} is missing`));
                return;
              }
              seq++;
              controller.enqueue(plainBytes(chunk.bytes));
            },
          },
          { highWaterMark: 0 },
        );
      },
    };
  },
};

/** The store in use. One place to switch to an object store. */
export function blobStore(): BlobStore {
  return postgresBlobStore;
}
