// Receiving an uploaded document: all the upload route does. The policy is asked before the
// body is read, so a refused person's file is never received. The multipart body is parsed as a
// stream (busboy, keeping any path in the sent name so it is refused, not silently cut off); the
// file is hashed (SHA-256), counted, checked for its type and spooled to a temporary file as it
// arrives, and reading stops at 25 MB. Then the wrapped action (not a server action: nothing
// outside this module can hand it a file) stores the content in chunks and records the document
// and its audit event in one transaction, once per idempotency key. The answer is JSON in the
// shape of every action's result, which the form shows on its fields.
import "server-only";
import { env } from "@/lib/env";
import { checkOrigin } from "@/lib/http/forwarding";
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable, Transform, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import busboy from "busboy";
import { z } from "zod";
import { BLOB_CHUNK_BYTES } from "@/db/schema";
import { authorizedAction, precheckAction, type ActionResult } from "@/lib/actions";
import type { ErrorCode } from "@/lib/errors";
import { messageFor } from "@/lib/errors";
import { sectionHref } from "@/lib/sections";
import { id } from "@/lib/validation";
import { uploadDocument, type IncomingContent } from "./commands";
import { checkFileName } from "./filename";
import { MAX_UPLOAD_BYTES, sizeError, TOO_LARGE_MESSAGE, uploadDetailsShape } from "./schemas";
import { ContentFacts, sniffSpooledType, type SniffResult } from "./sniff";

/** Room for the form's other fields and the multipart framing around the file. */
const FORM_OVERHEAD_BYTES = 1024 * 1024;
/** A request longer than this cannot be a file within the limit plus the form: it is not read further. */
export const MAX_UPLOAD_REQUEST_BYTES = MAX_UPLOAD_BYTES + FORM_OVERHEAD_BYTES;
const MAX_FIELDS = 20;
const MAX_FIELD_BYTES = 10_000;

const SPOOLED = Symbol("spooled");

/** An uploaded file as it arrived: made only by `spool` below, from bytes that really came in the request. */
export class SpooledFile {
  private constructor(
    token: symbol,
    /** The name exactly as sent, path parts and all. */
    readonly sentName: string,
    private readonly path: string | null,
    readonly size: number,
    readonly sha256: string,
    /** Null when the content was not kept (too large, empty, or a refused name). */
    readonly type: SniffResult | null,
    /** The file went on past the limit; reading stopped there. */
    readonly tooLarge: boolean,
  ) {
    if (token !== SPOOLED) throw new Error("a spooled file is made only by the upload parser");
  }

  static of(fields: {
    sentName: string;
    path: string | null;
    size: number;
    sha256: string;
    type: SniffResult | null;
    tooLarge: boolean;
  }): SpooledFile {
    return new SpooledFile(
      SPOOLED,
      fields.sentName,
      fields.path,
      fields.size,
      fields.sha256,
      fields.type,
      fields.tooLarge,
    );
  }

  /** What the command needs: the facts gathered on the way in, and the spooled bytes to read once more. */
  content(): IncomingContent {
    const spooledAt = this.path;
    return {
      fileName: this.sentName,
      size: this.size,
      sha256: this.sha256,
      type: this.type ?? { ok: false, error: "The file could not be read. Choose it again." },
      read: () => {
        if (!spooledAt) throw new Error("no spooled content to read");
        return createReadStream(spooledAt, { highWaterMark: BLOB_CHUNK_BYTES });
      },
    };
  }
}

// The same checks as the browser's schema, on what really arrived; refusals here change nothing.
const spooledFile = z
  .custom<SpooledFile>((v) => v instanceof SpooledFile, { message: "Choose a file to upload" })
  .superRefine((file, ctx) => {
    if (file.tooLarge) {
      ctx.addIssue({ code: "custom", message: TOO_LARGE_MESSAGE });
      return;
    }
    // A refused name's content is not kept, so its size says nothing.
    const name = checkFileName(file.sentName);
    if (!name.ok) {
      ctx.addIssue({ code: "custom", message: name.error });
      return;
    }
    const size = sizeError(file.size);
    if (size) ctx.addIssue({ code: "custom", message: size });
  });

export const uploadRequestSchema = z.object({
  ...uploadDetailsShape,
  /** Made by the form when the person submits, and sent again with a retry. */
  idempotencyKey: id,
  file: spooledFile,
});

// Upload a document to a child's record, stored once by its content hash; a retry with the same key stores nothing
export const storeUploadedDocument = authorizedAction(
  "documents.upload",
  uploadRequestSchema,
  async ({ tx, actor, input, access, auditDetail }) => {
    const { file, childId: _childId, idempotencyKey: _key, ...details } = input;
    const row = await uploadDocument(tx, actor, access, details, file.content());
    auditDetail({
      documentId: row.id,
      sha256: row.blobSha256,
      category: row.category,
      confidentiality: row.confidentiality,
      entryId: row.entryId,
      providerSubmitted: row.providerSubmitted,
    });
    return { documentId: row.id, title: row.title };
  },
  {
    revalidate: (i) => [sectionHref(i.childId, "documents"), sectionHref(i.childId, "chronology")],
  },
);

/** Reads one file part to a temporary file, hashing, counting and gathering type facts as it passes. */
async function spool(stream: Readable & { truncated?: boolean }, sentName: string, dir: string): Promise<SpooledFile> {
  const hash = createHash("sha256");
  const facts = new ContentFacts();
  let size = 0;
  const empty = { sentName, path: null, size: 0, sha256: "", type: null, tooLarge: false };
  if (!checkFileName(sentName).ok) {
    // Refused by its name: nothing of it is kept.
    await pipeline(stream, new Writable({ write: (_chunk, _encoding, done) => done() }));
    return SpooledFile.of(empty);
  }
  // Never the sent name on disk: the request chooses nothing about where bytes go.
  const target = path.join(dir, "content");
  await pipeline(
    stream,
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        facts.update(chunk);
        size += chunk.byteLength;
        done(null, chunk);
      },
    }),
    createWriteStream(target, { flags: "wx", mode: 0o600 }),
  );
  if (stream.truncated) return SpooledFile.of({ ...empty, size, tooLarge: true });
  const type = size > 0 ? await sniffSpooledType(target, sentName.normalize("NFC"), size, facts) : null;
  return SpooledFile.of({ sentName, path: target, size, sha256: hash.digest("hex"), type, tooLarge: false });
}

class RequestTooLarge extends Error {}

type Parsed =
  | { kind: "form"; fields: Record<string, string>; file: SpooledFile | null }
  | { kind: "too-large" }
  | { kind: "malformed"; message: string };

const NOT_WHOLE = "The upload did not arrive whole. Try again.";

/** The multipart body as a stream: the form's fields, and its one file spooled into `dir`. */
async function parseUpload(request: Request, dir: string): Promise<Parsed> {
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": request.headers.get("content-type") ?? "" },
      // Keep "../../etc/passwd.txt" as sent, so the name check refuses it rather than the parser cutting it short.
      preservePath: true,
      // Browsers send file names as UTF-8 bytes; busboy would otherwise read them as Latin-1.
      defParamCharset: "utf8",
      limits: {
        // busboy marks a file truncated once it reaches this size, so one byte more than the limit.
        fileSize: MAX_UPLOAD_BYTES + 1,
        files: 1,
        fields: MAX_FIELDS,
        parts: MAX_FIELDS + 1,
        fieldSize: MAX_FIELD_BYTES,
      },
    });
  } catch {
    return { kind: "malformed", message: "The upload must be sent from the form." };
  }
  const fields: Record<string, string> = {};
  let file: Promise<SpooledFile> | null = null;
  let problem: string | null = null;
  parser.on("field", (name, value, info) => {
    if (info.nameTruncated || info.valueTruncated || Object.hasOwn(fields, name)) problem = NOT_WHOLE;
    else fields[name] = value;
  });
  parser.on("file", (name, stream, info) => {
    if (name !== "file" || file) {
      problem = "Send one file at a time.";
      stream.resume();
    } else if (!info.filename) {
      // The form sent the field with no file chosen.
      stream.resume();
    } else {
      file = spool(stream, info.filename, dir);
      // Awaited below; this only keeps an early failure from counting as unhandled.
      file.catch(() => undefined);
    }
  });
  for (const limit of ["partsLimit", "filesLimit", "fieldsLimit"] as const) {
    parser.on(limit, () => {
      problem = NOT_WHOLE;
    });
  }

  let received = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.byteLength;
      done(received > MAX_UPLOAD_REQUEST_BYTES ? new RequestTooLarge() : null, chunk);
    },
  });
  const body = request.body ? Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>) : Readable.from([]);
  try {
    await pipeline(body, counter, parser);
    const spooled: SpooledFile | null = file ? await file : null;
    if (problem) return { kind: "malformed", message: problem };
    return { kind: "form", fields, file: spooled };
  } catch (error) {
    await (file as Promise<SpooledFile> | null)?.catch(() => undefined);
    if (error instanceof RequestTooLarge) return { kind: "too-large" };
    return { kind: "malformed", message: NOT_WHOLE };
  }
}

const BOOLEAN_FIELDS = new Set(["childProperty", "inProgressFile"]);

/** Form fields are strings; the schema's booleans are "true" (or a checkbox's "on") and anything else false. */
function fieldValues(fields: Record<string, string>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields).map(([k, v]) => [k, BOOLEAN_FIELDS.has(k) ? v === "true" || v === "on" : v]),
  );
}

const STATUS: Partial<Record<ErrorCode, number>> = {
  unauthenticated: 401,
  "forbidden:action": 403,
  "forbidden:child": 403,
  "invalid:input": 400,
  "not-found": 404,
  "conflict:version": 409,
  "conflict:duplicate": 409,
};

function answer(result: ActionResult<unknown>, tooLarge = false): Response {
  const status = result.ok ? 201 : tooLarge ? 413 : (STATUS[result.error.code] ?? 500);
  return Response.json(result, { status, headers: { "Cache-Control": "no-store" } });
}

const refused = (message: string, fieldErrors: Record<string, string[]>): ActionResult<never> => ({
  ok: false,
  error: { code: "invalid:input", message },
  fieldErrors,
});

/** The upload route's whole work: a JSON answer, 201 when the document is recorded. */
export async function receiveUpload(request: Request, childId: string): Promise<Response> {
  // The proxy leaves this route alone (it would buffer the body), so the origin is checked here.
  const origin = checkOrigin(request.method, request.headers, {
    trustProxy: env.TRUST_PROXY,
    origins: env.PORTAL_ORIGINS,
  });
  if (!origin.ok) {
    return new Response(
      JSON.stringify({
        ok: false,
        error: { code: "forbidden:action", message: "Uploads must come from the portal's own pages." },
      }),
      { status: 403, headers: { "Content-Type": "application/json", "Cache-Control": "no-store" } },
    );
  }
  const allowed = await precheckAction("documents.upload", childId);
  if (!allowed.ok) return answer(allowed);
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > MAX_UPLOAD_REQUEST_BYTES) {
    return answer(refused(messageFor("invalid:input"), { file: [TOO_LARGE_MESSAGE] }), true);
  }
  const dir = await mkdtemp(path.join(tmpdir(), "cases-upload-"));
  try {
    const parsed = await parseUpload(request, dir);
    if (parsed.kind === "too-large") {
      return answer(refused(messageFor("invalid:input"), { file: [TOO_LARGE_MESSAGE] }), true);
    }
    if (parsed.kind === "malformed") return answer(refused(parsed.message, { _form: [parsed.message] }));
    const result = await storeUploadedDocument({
      ...fieldValues(parsed.fields),
      childId,
      file: parsed.file ?? undefined,
    });
    return answer(result, parsed.file?.tooLarge ?? false);
  } finally {
    // The spooled copy belongs to this request, not to the record: what is kept is in the store.
    await rm(dir, { recursive: true, force: true });
  }
}
