// The documents tab: uploads checked by name and content and stored once, what each person may
// list and download (audited), and the child's progress file.
import { and, desc, eq, sql } from "drizzle-orm";
import { strToU8, unzipSync, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, documentBlobs, documents } from "@/db/schema";
import { demoChildId, type DemoUserKey } from "@/scripts/seed/demo";
import { childAccess, type Actor, type ChildAccess } from "@/lib/access";
import { openDocumentDownload } from "@/lib/documents/download";
import { buildProgressFile } from "@/lib/documents/progress-file";
import { documentsForEntry, getDocumentForDownload, listDocuments } from "@/lib/documents/queries";
import { sha256Hex } from "@/lib/documents/storage";
import { uploadDocumentAction } from "@/lib/documents/actions";
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

function upload(childId: string, file: File, extra: Record<string, unknown> = {}) {
  return uploadDocumentAction({
    childId,
    // The title is typed by the person; only the file name carries the hostile characters here.
    title: `Document ${file.name.replaceAll(String.fromCharCode(0), "")}`,
    category: "health_assessment",
    confidentiality: "standard",
    childProperty: false,
    inProgressFile: false,
    documentDate: "03/02/2026",
    file,
    ...extra,
  });
}

async function uploaded(childId: string, file: File, extra: Record<string, unknown> = {}): Promise<string> {
  const result = await upload(childId, file, extra);
  if (!result.ok) throw new Error(`upload refused: ${result.error.message} ${JSON.stringify(result.fieldErrors)}`);
  return result.data.documentId;
}

const counts = async () => {
  const [d] = await demo.handle.db.select({ n: sql<number>`count(*)::int` }).from(documents);
  const [b] = await demo.handle.db.select({ n: sql<number>`count(*)::int` }).from(documentBlobs);
  return { documents: Number(d?.n), blobs: Number(b?.n) };
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
    const second = await uploaded(child, fileOf(bytes, "Health assessment copy.pdf"), {
      title: "The same report again",
    });
    expect(first).not.toBe(second);
    const hash = sha256Hex(bytes);
    const blobs = await demo.handle.db
      .select({ size: documentBlobs.sizeBytes, mimeType: documentBlobs.mimeType })
      .from(documentBlobs)
      .where(eq(documentBlobs.sha256, hash));
    expect(blobs).toEqual([{ size: bytes.byteLength, mimeType: "application/pdf" }]);
    const rows = await demo.handle.db.select().from(documents).where(eq(documents.blobSha256, hash));
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.childId === child && r.uploadedBy === actor("sw1").id && !r.providerSubmitted)).toBe(
      true,
    );
    expect(await lastEvent("sw1", "documents.upload")).toMatchObject({ outcome: "allowed", childId: child });
  });

  it("refuses a file over 25 MB with a clear error, and writes nothing", async () => {
    as("sw1");
    const before = await counts();
    const big = new Uint8Array(Math.round(31.2 * 1024 * 1024));
    big.set(pdf("large"));
    const result = await upload(demoChildId(0), fileOf(big, "Scanned bundle.pdf"));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fieldErrors?.file).toEqual(["The file is 31.2 MB; the limit is 25 MB"]);
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
      ["../../etc/passwd", /must not contain \/ or \\/],
      ["..\\..\\report.pdf", /must not contain \/ or \\/],
      ["report\u202Efdp.exe", /change the direction of the text/],
      ["CON", /reserved by Windows/],
      ["nul.pdf", /reserved by Windows/],
      [".htaccess", /must not start with a dot/],
      ["minutes\u0000.pdf", /control characters/],
      [`${"a".repeat(201)}.pdf`, /200 characters or fewer/],
    ];
    for (const [name, message] of cases) {
      const result = await upload(demoChildId(0), fileOf(pdf(name), name));
      expect(result.ok, name).toBe(false);
      if (!result.ok) expect(result.fieldErrors?.file?.[0], name).toMatch(message);
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

  it("refuses an upload from a worker in another team or a provider without an arrangement for the child, and writes nothing", async () => {
    const before = await counts();
    as("sw3");
    expect(await upload(demoChildId(0), fileOf(pdf("stranger"), "Letter.pdf"))).toMatchObject({
      ok: false,
      error: { code: "forbidden:child" },
    });
    as("prov2");
    expect(await upload(demoChildId(0), fileOf(pdf("other provider"), "Letter.pdf"))).toMatchObject({
      ok: false,
      error: { code: "forbidden:child" },
    });
    as("iro1");
    expect(await upload(demoChildId(0), fileOf(pdf("iro"), "Letter.pdf"))).toMatchObject({
      ok: false,
      error: { code: "forbidden:action" },
    });
    expect(await counts()).toEqual(before);
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
    expect(new Set(list.items.map((d) => d.id))).toEqual(new Set([restrictedId, authorityId, providerId]));
    expect(list.items.find((d) => d.id === providerId)).toMatchObject({
      providerSubmitted: true,
      uploadedByName: actor("prov1").name,
    });
    const education = await listDocuments(demo.handle.db, sw, access, { category: "education" });
    expect(education.items.map((d) => d.id)).toEqual([authorityId]);
    const paged = await listDocuments(demo.handle.db, sw, access, { pageSize: 2, page: 2 });
    expect(paged).toMatchObject({ total: 3, pages: 2, page: 2 });
    expect(paged.items).toHaveLength(1);
  });

  it("downloads a document with its stored type, as an attachment that is never sniffed or cached, and audits it", async () => {
    const result = await downloadAs(actor("sw1"), child, authorityId);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(new TextDecoder().decode(result.bytes)).toContain("school letter");
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
    const zip = unzipSync(result.zip);
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
    expect(new TextDecoder().decode(unzipSync(zip.zip)["index.html"])).not.toContain("Dental letter");

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
