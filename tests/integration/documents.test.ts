// The documents tab: uploads through the streaming upload route, checked by name and content and
// stored once in chunks, retried safely with an idempotency key; what each person may list and
// download (audited, streamed intact), and the child's progress file.
import { createHash, randomUUID } from "node:crypto";
import { and, desc, eq, sql } from "drizzle-orm";
import { strToU8, unzipSync, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { actionReceipts, auditEvents, documentBlobChunks, documentBlobs, documents } from "@/db/schema";
import { demoChildId, type DemoUserKey } from "@/scripts/seed/demo";
import { childAccess, type Actor, type ChildAccess } from "@/lib/access";
import { openDocumentDownload } from "@/lib/documents/download";
import { buildProgressFile } from "@/lib/documents/progress-file";
import { documentsForEntry, getDocumentForDownload, listDocuments } from "@/lib/documents/queries";
import { MAX_UPLOAD_BYTES, TOO_LARGE_MESSAGE, uploadHref, type UploadDocumentResult } from "@/lib/documents/schemas";
import { sha256Hex } from "@/lib/documents/storage";
import { receiveUpload } from "@/lib/documents/upload";
import { requestBreakGlassAction } from "@/lib/break-glass/actions";
import { amendEntryAction, createEntryAction, sealEntryAction } from "@/lib/records/actions";
import { useDemoAuthority } from "../helpers/demo";
import { signInAs } from "../helpers/session";

const demo = useDemoAuthority();

const actor = (key: DemoUserKey) => demo.actors.get(key) as Actor;
const as = (key: DemoUserKey) => signInAs(actor(key));
/** The read door takes the signed-in person from the session, as the route handlers do. */
const downloadAs = (who: Actor | null, childId: string, documentId: string) => {
  signInAs(who);
  return openDocumentDownload(childId, documentId);
};
const progressFileAs = (who: Actor | null, childId: string) => {
  signInAs(who);
  return buildProgressFile(childId);
};
const accessOf = async (key: DemoUserKey, childId: string) =>
  (await childAccess(demo.handle.db, actor(key), childId)) as ChildAccess;

/** A small but real PDF; `note` makes its content (and so its hash) unique. */
function pdf(note: string): Uint8Array {
  return strToU8(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${note}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  );
}
const fileOf = (bytes: Uint8Array, name: string, type = "application/pdf") =>
  new File([new Uint8Array(bytes)], name, { type });

/** What the upload form sends: the fields as strings, the idempotency key, the file last. */
function formData(file: File | null, fields: Record<string, unknown>): FormData {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined && value !== null) body.set(name, String(value));
  }
  if (file) body.set("file", file);
  return body;
}

/** Posts to the upload route as the form does; the answer's status and JSON. */
async function post(childId: string, file: File | null, extra: Record<string, unknown> = {}) {
  const fields = {
    title: `Document ${file?.name ?? "without a file"}`,
    category: "health_assessment",
    confidentiality: "standard",
    childProperty: false,
    inProgressFile: false,
    documentDate: "03/02/2026",
    idempotencyKey: randomUUID(),
    ...extra,
  };
  const request = new Request(`http://portal.test${uploadHref(childId)}`, {
    method: "POST",
    // What the browser sends from the portal's own page (the proxy does not see this route).
    headers: { "sec-fetch-site": "same-origin" },
    body: formData(file, fields),
  });
  const response = await receiveUpload(request, childId);
  return { status: response.status, result: (await response.json()) as UploadDocumentResult, request };
}

async function upload(childId: string, file: File, extra: Record<string, unknown> = {}) {
  return (await post(childId, file, extra)).result;
}

async function uploaded(childId: string, file: File, extra: Record<string, unknown> = {}): Promise<string> {
  const result = await upload(childId, file, extra);
  if (!result.ok) throw new Error(`upload refused: ${result.error.message} ${JSON.stringify(result.fieldErrors)}`);
  return result.data.documentId;
}

/** Reads a stream to its end: the test's copy, not the portal's. */
async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** A PDF of exactly `size` bytes: a real header and trailer, padded with varied bytes in a comment. */
function pdfOfSize(size: number, note: string): Uint8Array {
  const head = strToU8(`%PDF-1.4\n% ${note}\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n%`);
  const tail = strToU8("\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
  const out = new Uint8Array(size);
  out.set(head, 0);
  let x = 0x9e3779b9;
  for (let i = head.length; i < size - tail.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = 0x20 + ((x >>> 16) % 0x5e);
  }
  out.set(tail, size - tail.length);
  return out;
}

const chunksOf = async (sha256: string) =>
  Number(
    (
      await demo.handle.db
        .select({ n: sql<number>`count(*)::int` })
        .from(documentBlobChunks)
        .where(eq(documentBlobChunks.sha256, sha256))
    )[0]?.n,
  );

const counts = async () => {
  const [d] = await demo.handle.db.select({ n: sql<number>`count(*)::int` }).from(documents);
  const [b] = await demo.handle.db.select({ n: sql<number>`count(*)::int` }).from(documentBlobs);
  const [c] = await demo.handle.db.select({ n: sql<number>`count(*)::int` }).from(documentBlobChunks);
  return { documents: Number(d?.n), blobs: Number(b?.n), chunks: Number(c?.n) };
};
const lastEvent = async (key: DemoUserKey, action: string) =>
  (
    await demo.handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, actor(key).id), eq(auditEvents.action, action)))
      .orderBy(desc(auditEvents.id))
      .limit(1)
  )[0];

describe("uploading documents", () => {
  it("a social worker uploads a PDF to their child's record, and the same file uploaded twice is stored once", async () => {
    as("sw1");
    const child = demoChildId(0);
    const bytes = pdf("stored once");
    const first = await uploaded(child, fileOf(bytes, "Health assessment.pdf"));
    const afterFirst = await counts();
    const second = await uploaded(child, fileOf(bytes, "Health assessment copy.pdf"), {
      title: "The same report again",
    });
    // The second upload records a document and writes no content.
    expect(await counts()).toEqual({ ...afterFirst, documents: afterFirst.documents + 1 });
    expect(first).not.toBe(second);
    const hash = sha256Hex(bytes);
    const blobs = await demo.handle.db
      .select({ size: documentBlobs.sizeBytes, mimeType: documentBlobs.mimeType })
      .from(documentBlobs)
      .where(eq(documentBlobs.sha256, hash));
    expect(blobs).toEqual([{ size: bytes.byteLength, mimeType: "application/pdf" }]);
    expect(await chunksOf(hash)).toBe(1);
    const rows = await demo.handle.db.select().from(documents).where(eq(documents.blobSha256, hash));
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.childId === child && r.uploadedBy === actor("sw1").id && !r.providerSubmitted)).toBe(
      true,
    );
    expect(await lastEvent("sw1", "documents.upload")).toMatchObject({ outcome: "allowed", childId: child });
  });

  it("stores a file of exactly 25 MB in 1 MB chunks, and refuses one byte more with the portal's message, writing nothing", async () => {
    as("sw1");
    const child = demoChildId(0);
    const limit = pdfOfSize(MAX_UPLOAD_BYTES, "exactly the limit");
    const accepted = await post(child, fileOf(limit, "Scanned bundle.pdf"));
    expect(accepted.status).toBe(201);
    expect(accepted.result.ok).toBe(true);
    const hash = sha256Hex(limit);
    expect(await chunksOf(hash)).toBe(25);
    const [header] = await demo.handle.db.select().from(documentBlobs).where(eq(documentBlobs.sha256, hash));
    expect(header).toMatchObject({ sizeBytes: MAX_UPLOAD_BYTES, chunkCount: 25, mimeType: "application/pdf" });

    const before = await counts();
    const over = await post(child, fileOf(pdfOfSize(MAX_UPLOAD_BYTES + 1, "one byte over"), "Scanned bundle.pdf"));
    expect(over.status).toBe(413);
    expect(over.result).toMatchObject({ ok: false, error: { code: "invalid:input" } });
    if (!over.result.ok) expect(over.result.fieldErrors?.file).toEqual([TOO_LARGE_MESSAGE]);
    expect(TOO_LARGE_MESSAGE).toMatch(/^The file is larger than 25 MB/);
    // Far over the limit: reading stops at the limit and the same answer comes back.
    const far = await post(child, fileOf(new Uint8Array(Math.round(31.2 * 1024 * 1024)), "Scanned bundle.pdf"));
    expect(far.status).toBe(413);
    if (!far.result.ok) expect(far.result.fieldErrors?.file).toEqual([TOO_LARGE_MESSAGE]);
    expect(await counts()).toEqual(before);
  }, 120_000);

  it("refuses an empty file or a submission with no file, with the form's messages", async () => {
    as("sw1");
    const before = await counts();
    const empty = await post(demoChildId(0), fileOf(new Uint8Array(0), "Empty.pdf"));
    expect(empty.status).toBe(400);
    if (!empty.result.ok) expect(empty.result.fieldErrors?.file).toEqual(["The file is empty. Choose the file again."]);
    const none = await post(demoChildId(0), null);
    if (!none.result.ok) expect(none.result.fieldErrors?.file).toEqual(["Choose a file to upload"]);
    expect(none.status).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it("refuses a file named .pdf whose content is a Windows program or a web page, naming the types allowed", async () => {
    as("sw1");
    const before = await counts();
    const exe = new Uint8Array(512);
    exe.set(strToU8("MZ"), 0);
    exe.set([0x80, 0, 0, 0], 0x3c);
    exe.set(strToU8("PE\0\0"), 0x80);
    const html = strToU8("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>");
    for (const bytes of [exe, html]) {
      const result = await upload(demoChildId(0), fileOf(bytes, "Care plan.pdf"));
      expect(result.ok).toBe(false);
      if (!result.ok)
        expect(result.fieldErrors?.file?.[0]).toMatch(
          /cannot be uploaded\. Upload a PDF, Word \(\.docx or \.doc\), JPEG, PNG, GIF, WebP or HEIC images, or plain text \(\.txt\) file\./,
        );
    }
    expect(await counts()).toEqual(before);
  });

  it("refuses hostile file names with a clear error", async () => {
    as("sw1");
    const before = await counts();
    const cases: Array<[string, RegExp]> = [
      // Sent with its path: refused with a message, never silently renamed "passwd.txt".
      ["../../etc/passwd.txt", /must not contain \/ or \\/],
      ["../../etc/passwd", /must not contain \/ or \\/],
      ["C:\\Users\\worker\\report.pdf", /must not contain \/ or \\/],
      ["..\\..\\report.pdf", /must not contain \/ or \\/],
      ["report\u202Efdp.exe", /change the direction of the text/],
      ["CON", /reserved by Windows/],
      ["nul.pdf", /reserved by Windows/],
      [".htaccess", /must not start with a dot/],
      [`${"a".repeat(201)}.pdf`, /200 characters or fewer/],
    ];
    for (const [name, message] of cases) {
      const { status, result } = await post(demoChildId(0), fileOf(pdf(name), name));
      expect(status, name).toBe(400);
      expect(result.ok, name).toBe(false);
      if (!result.ok) expect(String(result.fieldErrors?.file?.[0]), name).toMatch(message);
    }
    // Control characters cannot even be sent in a part's header (the form checks them before sending):
    // the request is refused as not arriving whole.
    for (const name of ["minutes\u0000.pdf", "minutes\u0007.pdf"]) {
      const sent = await post(demoChildId(0), fileOf(pdf(name), name));
      expect(sent, name).toMatchObject({ status: 400, result: { ok: false, error: { code: "invalid:input" } } });
    }
    expect(await counts()).toEqual(before);
  });

  it("marks a provider's upload as provider-submitted, and standard", async () => {
    as("prov1");
    const id = await uploaded(demoChildId(2), fileOf(pdf("provider report"), "Supervising social worker report.pdf"), {
      category: "visit",
    });
    const [row] = await demo.handle.db.select().from(documents).where(eq(documents.id, id));
    expect(row).toMatchObject({ providerSubmitted: true, confidentiality: "standard", uploadedBy: actor("prov1").id });
  });

  it("does not let a provider mark its upload restricted", async () => {
    as("prov1");
    const before = await counts();
    const result = await upload(demoChildId(2), fileOf(pdf("provider restricted"), "Notes.pdf"), {
      confidentiality: "restricted",
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fieldErrors?.confidentiality?.[0]).toMatch(/standard/);
    expect(await counts()).toEqual(before);
  });

  it("refuses an upload from a worker in another team or a provider without an arrangement for the child before reading the file, audits it, and writes nothing", async () => {
    const before = await counts();
    const refusedAs = async (key: DemoUserKey, code: string, reason: string) => {
      as(key);
      const { status, result, request } = await post(demoChildId(0), fileOf(pdf(`refused ${key}`), "Letter.pdf"));
      expect(result, key).toMatchObject({ ok: false, error: { code } });
      expect(status, key).toBe(403);
      // The policy answered before the body was read.
      expect(request.bodyUsed, key).toBe(false);
      expect(await lastEvent(key, "documents.upload"), key).toMatchObject({
        outcome: "refused",
        detail: { reason, policy: "documents.upload" },
      });
    };
    await refusedAs("sw3", "forbidden:child", "relationship");
    await refusedAs("prov2", "forbidden:child", "relationship");
    await refusedAs("iro1", "forbidden:action", "permission");
    signInAs(null);
    const signedOut = await post(demoChildId(0), fileOf(pdf("signed out"), "Letter.pdf"));
    expect(signedOut).toMatchObject({ status: 401, result: { ok: false, error: { code: "unauthenticated" } } });
    expect(await counts()).toEqual(before);
  });

  it("answers a retry with the same idempotency key with the first result, and stores nothing new", async () => {
    as("sw1");
    const child = demoChildId(0);
    const key = randomUUID();
    const file = fileOf(pdf("retried after a network failure"), "Retried letter.pdf");
    const first = await post(child, file, { idempotencyKey: key, title: "Retried letter" });
    expect(first.status).toBe(201);
    if (!first.result.ok) throw new Error(first.result.error.message);
    const before = await counts();
    const retry = await post(child, file, { idempotencyKey: key, title: "Retried letter" });
    expect(retry).toMatchObject({ status: 201, result: first.result });
    expect(await counts()).toEqual(before);
    // Nothing new is written for the retry, not even an audit event: the last one is still the upload's.
    expect(await lastEvent("sw1", "documents.upload")).toMatchObject({
      outcome: "allowed",
      detail: { documentId: first.result.data.documentId },
    });

    // Retries racing each other (truly parallel on PostgreSQL): still one document.
    const raceKey = randomUUID();
    const raced = await Promise.all(
      [1, 2, 3].map(() => post(child, fileOf(pdf("raced"), "Raced letter.pdf"), { idempotencyKey: raceKey })),
    );
    const ids = new Set(raced.map((r) => (r.result.ok ? r.result.data.documentId : r.result.error.code)));
    expect(ids.size).toBe(1);
    expect(raced.every((r) => r.status === 201)).toBe(true);
    expect((await counts()).documents).toBe(before.documents + 1);

    // A key belongs to one person: someone else's request with it is their own.
    as("tm1");
    const other = await post(child, fileOf(pdf("manager's own"), "Manager letter.pdf"), { idempotencyKey: key });
    expect(other.status).toBe(201);
    if (other.result.ok) expect(other.result.data.documentId).not.toBe(first.result.data.documentId);
    const receipts = await demo.handle.db.select().from(actionReceipts).where(eq(actionReceipts.idempotencyKey, key));
    expect(receipts).toHaveLength(2);

    // A refused request leaves no receipt, so the same key works once the form is corrected.
    as("sw1");
    const fixKey = randomUUID();
    const refused = await post(child, fileOf(pdf("fixed"), "Fixed letter.pdf"), { idempotencyKey: fixKey, title: "" });
    expect(refused.status).toBe(400);
    const fixed = await post(child, fileOf(pdf("fixed"), "Fixed letter.pdf"), { idempotencyKey: fixKey });
    expect(fixed.status).toBe(201);

    // Without a key the form's submission is refused: every upload can be retried safely.
    const keyless = await post(child, fileOf(pdf("no key"), "No key.pdf"), { idempotencyKey: undefined });
    expect(keyless.status).toBe(400);
  });

  it("keeps court reports restricted whatever the form asked for", async () => {
    as("sw1");
    const id = await uploaded(demoChildId(0), fileOf(pdf("guardian"), "Guardian report.pdf"), {
      category: "court_report",
      confidentiality: "standard",
    });
    const [row] = await demo.handle.db
      .select({ confidentiality: documents.confidentiality })
      .from(documents)
      .where(eq(documents.id, id));
    expect(row?.confidentiality).toBe("restricted");
  });
});

describe("who sees which documents", () => {
  const child = demoChildId(4);
  let restrictedId = "";
  let authorityId = "";
  let providerId = "";
  beforeAll(async () => {
    as("sw1");
    restrictedId = await uploaded(child, fileOf(pdf("cp detail"), "Strategy meeting minutes.pdf"), {
      confidentiality: "restricted",
      category: "assessment_or_review",
    });
    authorityId = await uploaded(child, fileOf(pdf("school letter"), "Letter from school.pdf"), {
      category: "education",
    });
    as("prov1");
    providerId = await uploaded(child, fileOf(pdf("carer log"), "Foster carer log.pdf"), { category: "visit" });
    signInAs(null);
  });

  it("a provider never sees a restricted document, and sees only what its own organisation submitted", async () => {
    const prov = actor("prov1");
    const access = await accessOf("prov1", child);
    const list = await listDocuments(demo.handle.db, prov, access);
    expect(list.items.map((d) => d.id)).toEqual([providerId]);
    expect(await getDocumentForDownload(demo.handle.db, prov, access, restrictedId)).toBeNull();
    expect(await getDocumentForDownload(demo.handle.db, prov, access, authorityId)).toBeNull();
    expect((await downloadAs(prov, child, restrictedId)).ok).toBe(false);
    expect(await lastEvent("prov1", "documents.download")).toMatchObject({
      outcome: "refused",
      detail: { reason: "document", documentId: restrictedId },
    });
  });

  it("the allocated social worker sees every document, restricted ones included, newest first and by category", async () => {
    const sw = actor("sw1");
    const access = await accessOf("sw1", child);
    const list = await listDocuments(demo.handle.db, sw, access);
    // Besides the demo's review reports, which its reviews filed.
    const uploaded = list.items.filter((d) => d.category !== "review_report");
    expect(new Set(uploaded.map((d) => d.id))).toEqual(new Set([restrictedId, authorityId, providerId]));
    expect(list.items.find((d) => d.id === providerId)).toMatchObject({
      providerSubmitted: true,
      uploadedByName: actor("prov1").name,
    });
    const education = await listDocuments(demo.handle.db, sw, access, { category: "education" });
    expect(education.items.map((d) => d.id)).toEqual([authorityId]);
    const total = list.items.length;
    const paged = await listDocuments(demo.handle.db, sw, access, { pageSize: 2, page: 2 });
    expect(paged).toMatchObject({ total, pages: Math.ceil(total / 2), page: 2 });
    expect(paged.items).toHaveLength(Math.min(2, total - 2));
  });

  it("downloads a document with its stored type, as an attachment that is never sniffed or cached, and audits it", async () => {
    const result = await downloadAs(actor("sw1"), child, authorityId);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(new TextDecoder().decode(await readAll(result.stream))).toContain("school letter");
    expect(result.headers).toMatchObject({
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="Letter from school.pdf"; filename*=UTF-8''Letter%20from%20school.pdf`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    });
    expect(await lastEvent("sw1", "documents.download")).toMatchObject({
      outcome: "allowed",
      childId: child,
      detail: { documentId: authorityId },
    });
  });

  it("refuses a download to someone without access to the child, the same as for a document that does not exist, and audits the refusal", async () => {
    const refused = await downloadAs(actor("sw3"), child, authorityId);
    const unknown = await downloadAs(actor("sw3"), child, "00000000-0000-4000-8000-000000000009");
    expect(refused).toEqual({ ok: false });
    expect(unknown).toEqual({ ok: false });
    expect(await lastEvent("sw3", "documents.download")).toMatchObject({
      outcome: "refused",
      detail: { reason: "relationship" },
    });
    // A document of another child, asked for through a child the person can open, is not found either.
    expect(await downloadAs(actor("sw1"), demoChildId(0), authorityId)).toEqual({
      ok: false,
    });
    expect(await downloadAs(null, child, authorityId)).toEqual({ ok: false });
  });

  it("a records officer without break-glass cannot download", async () => {
    expect(await downloadAs(actor("ro"), child, authorityId)).toEqual({ ok: false });
  });
});

describe("streamed storage and downloads", () => {
  it("downloads a multi-chunk document intact, streamed with its length, and streams it into the progress file intact too", async () => {
    as("sw1");
    const child = demoChildId(12);
    const bytes = pdfOfSize(3.5 * 1024 * 1024, "multi-chunk report");
    const hash = sha256Hex(bytes);
    const id = await uploaded(child, fileOf(bytes, "Long report.pdf"), {
      category: "review_report",
      inProgressFile: true,
    });
    expect(await chunksOf(hash)).toBe(4);
    const result = await downloadAs(actor("sw1"), child, id);
    if (!result.ok) throw new Error("download refused");
    expect(result.headers["Content-Length"]).toBe(String(bytes.byteLength));
    const reader = result.stream.getReader();
    const received: Uint8Array[] = [];
    for (let next = await reader.read(); !next.done; next = await reader.read()) received.push(next.value);
    // One stored chunk at a time, never the whole file at once.
    expect(Math.max(...received.map((c) => c.byteLength))).toBeLessThanOrEqual(1024 * 1024);
    const digest = createHash("sha256");
    for (const c of received) digest.update(c);
    expect(digest.digest("hex")).toBe(hash);
    expect(await lastEvent("sw1", "documents.download")).toMatchObject({
      outcome: "allowed",
      detail: { documentId: id, sha256: hash },
    });

    const zip = await progressFileAs(actor("sw1"), child);
    if (!zip.ok) throw new Error("progress file refused");
    const files = unzipSync(await readAll(zip.stream));
    expect(sha256Hex(files["files/Long report.pdf"] ?? new Uint8Array())).toBe(hash);
  });
});

describe("documents attached to entries", () => {
  it("attaches a document to a section entry, and lists it on that entry", async () => {
    as("sw1");
    const child = demoChildId(6);
    const entry = await createEntryAction("education", {
      childId: child,
      occurredOn: "10/01/2026",
      title: "Autumn term progress",
      data: {
        school: "Demo Primary School",
        attainment: "Working at the expected standard",
        specialNeeds: "None identified",
      },
    });
    expect(entry.ok).toBe(true);
    if (!entry.ok) return;
    const id = await uploaded(child, fileOf(pdf("report card"), "Report card.pdf"), {
      category: "education",
      entryId: entry.data.entryId,
    });
    const access = await accessOf("sw1", child);
    const attached = await documentsForEntry(demo.handle.db, actor("sw1"), access, entry.data.entryId);
    expect(attached.map((d) => d.id)).toEqual([id]);
    const list = await listDocuments(demo.handle.db, actor("sw1"), access);
    expect(list.items.find((d) => d.id === id)?.entry).toMatchObject({
      entryId: entry.data.entryId,
      section: "education",
      title: "Autumn term progress",
    });
  });

  it("refuses to attach a document to an entry of another child", async () => {
    as("sw1");
    const entry = await createEntryAction("education", {
      childId: demoChildId(8),
      occurredOn: "10/01/2026",
      title: "Another child's entry",
      data: { school: "Demo Primary School", attainment: "Good progress", specialNeeds: "None identified" },
    });
    if (!entry.ok) throw new Error(entry.error.message);
    const before = await counts();
    const result = await upload(demoChildId(6), fileOf(pdf("misfiled"), "Misfiled.pdf"), {
      entryId: entry.data.entryId,
    });
    expect(result).toMatchObject({ ok: false, error: { code: "not-found" } });
    expect(await counts()).toEqual(before);
  });
});

describe("the child's progress file", () => {
  const child = demoChildId(10);
  it("is one ZIP with an index page and exactly the documents that are the child's property or chosen for it, never restricted ones", async () => {
    as("sw1");
    const contribution = await createEntryAction("contributions", {
      childId: child,
      occurredOn: "14/02/2026",
      title: "My poem about the sea",
      childProperty: true,
      data: { kind: "Writing", description: "A poem written at school", originalWith: "The child" },
    });
    expect(contribution.ok).toBe(true);
    await uploaded(child, fileOf(pdf("swimming"), "certificate.pdf"), {
      title: "Swimming certificate",
      category: "child_contribution",
      childProperty: true,
    });
    await uploaded(child, fileOf(pdf("reading"), "Certificate.pdf"), {
      title: "Reading certificate",
      category: "child_contribution",
      childProperty: true,
    });
    await uploaded(child, fileOf(pdf("review"), "Review <summary>.pdf"), {
      title: "Review summary for Sam",
      category: "review_report",
      inProgressFile: true,
    });
    await uploaded(child, fileOf(pdf("ordinary"), "Case note.pdf"), { title: "Case note", category: "correspondence" });
    await uploaded(child, fileOf(pdf("restricted"), "Court bundle.pdf"), {
      title: "Court bundle",
      category: "court_report",
      childProperty: true,
      confidentiality: "restricted",
    });

    const result = await progressFileAs(actor("sw1"), child);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.fileName).toBe("progress-file-DEMO-1011.zip");
    const zip = unzipSync(await readAll(result.stream));
    expect(Object.keys(zip).sort()).toEqual([
      "files/Certificate (2).pdf",
      "files/Review _summary_.pdf",
      "files/certificate.pdf",
      "index.html",
    ]);
    expect(new TextDecoder().decode(zip["files/certificate.pdf"])).toContain("swimming");
    const index = new TextDecoder().decode(zip["index.html"]);
    expect(index).toContain("My poem about the sea");
    expect(index).toContain("Swimming certificate");
    expect(index).toContain("This is your property");
    expect(index).toContain('href="files/Review%20_summary_.pdf"');
    expect(index).not.toContain("Court bundle");
    expect(index).not.toContain("Case note");
    expect(index).not.toContain("<summary>");
    expect(result.files).toBe(3);
    expect(await lastEvent("sw1", "progressFile.export")).toMatchObject({
      outcome: "allowed",
      childId: child,
      detail: { files: 3, entries: 1 },
    });
  });

  it("cannot be exported by a provider or by someone without access to the child, and each refusal is audited", async () => {
    expect(await progressFileAs(actor("prov1"), demoChildId(0))).toEqual({ ok: false });
    expect(await lastEvent("prov1", "progressFile.export")).toMatchObject({
      outcome: "refused",
      detail: { reason: "permission" },
    });
    expect(await progressFileAs(actor("sw3"), child)).toEqual({ ok: false });
    expect(await lastEvent("sw3", "progressFile.export")).toMatchObject({
      outcome: "refused",
      detail: { reason: "relationship" },
    });
  });
});

describe("documents and the Word formats", () => {
  it("accepts a Word document identified from its content", async () => {
    as("sw1");
    const docx = zipSync({
      "[Content_Types].xml": strToU8(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
      "word/document.xml": strToU8("<w:document/>"),
    });
    const id = await uploaded(demoChildId(0), fileOf(docx, "Pathway plan.docx", ""));
    const [row] = await demo.handle.db
      .select({ mimeType: documentBlobs.mimeType })
      .from(documents)
      .innerJoin(documentBlobs, eq(documentBlobs.sha256, documents.blobSha256))
      .where(eq(documents.id, id));
    expect(row?.mimeType).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  });
});

describe("documents attached to an entry that is later restricted or sealed", () => {
  it("go with the entry: a provider no longer sees them, nor does anyone but the records officer once it is sealed, nor the progress file", async () => {
    as("sw1");
    const child = demoChildId(0); // Brightwater has an active arrangement
    const entry = await createEntryAction("health", {
      childId: child,
      occurredOn: "10/02/2026",
      title: "Dental check",
      data: { assessmentType: "Dental check", assessor: "Community dentist (fictional)", summary: "All well" },
    });
    if (!entry.ok) throw new Error(entry.error.message);
    const id = await uploaded(child, fileOf(pdf("dental letter"), "Dental letter.pdf"), {
      category: "health_assessment",
      entryId: entry.data.entryId,
      inProgressFile: true,
    });
    const provider = actor("prov1");
    expect(
      (await listDocuments(demo.handle.db, actor("sw1"), await accessOf("sw1", child))).items.map((d) => d.id),
    ).toContain(id);

    // The entry is restricted: its document leaves the provider's view and the progress file.
    const restricted = await amendEntryAction("health", {
      childId: child,
      entryId: entry.data.entryId,
      baseVersion: 1,
      amendReason: "Contains safeguarding detail",
      occurredOn: "10/02/2026",
      title: "Dental check",
      confidentiality: "restricted",
      data: {
        assessmentType: "Dental check",
        assessor: "Community dentist (fictional)",
        summary: "All well; safeguarding note",
      },
    });
    expect(restricted.ok).toBe(true);
    const providerAccess = (await childAccess(demo.handle.db, provider, child)) as ChildAccess;
    expect(await getDocumentForDownload(demo.handle.db, provider, providerAccess, id)).toBeNull();
    const zip = await progressFileAs(actor("sw1"), child);
    if (!zip.ok) throw new Error("progress file refused");
    expect(new TextDecoder().decode(unzipSync(await readAll(zip.stream))["index.html"])).not.toContain("Dental letter");

    // Sealed as misfiled: only the records officer still sees it.
    as("ro");
    expect(
      (
        await sealEntryAction({
          childId: child,
          section: "health",
          entryId: entry.data.entryId,
          reason: "Filed on the wrong child: belongs to another record",
        })
      ).ok,
    ).toBe(true);
    expect(
      (await listDocuments(demo.handle.db, actor("sw1"), await accessOf("sw1", child))).items.map((d) => d.id),
    ).not.toContain(id);
    demo.as("ro");
    const granted = await requestBreakGlassAction({
      childId: child,
      reason: "Checking a misfiled document for the subject access request (test)",
    });
    expect(granted.ok).toBe(true);
    const roAccess = await accessOf("ro", child);
    expect(roAccess.relation).toBe("break_glass");
    expect((await listDocuments(demo.handle.db, actor("ro"), roAccess)).items.map((d) => d.id)).toContain(id);
  });
});

describe("an upload from another site", () => {
  it("is refused before anything is read, whoever is signed in", async () => {
    as("sw1");
    const before = await counts();
    for (const headers of [{ origin: "https://evil.example" }, { origin: "null" }, {}] as Array<
      Record<string, string>
    >) {
      const request = new Request(`http://portal.test${uploadHref(demoChildId(0))}`, {
        method: "POST",
        headers,
        body: formData(fileOf(pdf("cross-site"), "Cross site.pdf"), { title: "Cross site", category: "visit" }),
      });
      const response = await receiveUpload(request, demoChildId(0));
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(request.bodyUsed).toBe(false);
    }
    expect(await counts()).toEqual(before);
  });
});
