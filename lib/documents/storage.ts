// Where document contents live: content-addressed by SHA-256 and stored once, behind one
// interface. The default keeps them in PostgreSQL (table document_blobs). An S3-compatible
// object store with Object Lock (write-once, the retention hold's natural home) can implement
// the same interface: put = PutObject with the hash as the key and a legal hold, skipped when
// the key exists; get = GetObject. Nothing here can remove a blob.
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Queryable, Tx } from "@/db/client";
import { documentBlobs } from "@/db/schema";

export interface StoredBlob {
  bytes: Uint8Array<ArrayBuffer>;
  mimeType: string;
  size: number;
}

export interface BlobStore {
  /** Stores the bytes under their hash, once: a second put of the same content changes nothing. */
  put(sha256: string, bytes: Uint8Array, mimeType: string, tx: Tx): Promise<void>;
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

export const postgresBlobStore: BlobStore = {
  async put(sha256, bytes, mimeType, tx) {
    // A wrong key would make the store lie about content for ever: check it.
    if (sha256Hex(bytes) !== sha256) throw new Error("blob key does not match its content");
    await tx
      .insert(documentBlobs)
      .values({ sha256, sizeBytes: bytes.byteLength, mimeType, content: toBuffer(bytes) })
      .onConflictDoNothing({ target: documentBlobs.sha256 });
  },
  async get(sha256, db) {
    const [row] = await db
      .select({ content: documentBlobs.content, mimeType: documentBlobs.mimeType, size: documentBlobs.sizeBytes })
      .from(documentBlobs)
      .where(eq(documentBlobs.sha256, sha256))
      .limit(1);
    if (!row) return null;
    return { bytes: plainBytes(row.content), mimeType: row.mimeType, size: row.size };
  },
};

/** The store in use. One place to switch to an object store. */
export function blobStore(): BlobStore {
  return postgresBlobStore;
}
