// The child's progress file: one ZIP for the child to keep, holding the documents that are their
// property or chosen for it, and their own contributions, listed on an index.html page. Nothing
// restricted or sealed goes in. Audited, with the number of files. The ZIP is streamed as the
// browser reads it (fflate's streaming Zip), each document read from the store a chunk at a time.
import { Zip, ZipDeflate, ZipPassThrough } from "fflate";
import { and, asc, eq, isNull, or } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { children, documents, recordEntries } from "@/db/schema";
import { authorizedView } from "@/lib/access/view";
import { formatUkDate, todayIso } from "@/lib/dates";
import { DOCUMENT_CATEGORY_LABELS, type DocumentCategory } from "@/lib/records/constants";
import { attachedEntryVisible } from "./queries";
import { blobStore, plainBytes, type StoredBlob } from "./storage";

export interface ProgressFileItem {
  kind: "document" | "contribution";
  title: string;
  /** ISO date. */
  date: string;
  /** What it is: the document's category or the contribution's kind. */
  what: string;
  childProperty: boolean;
  description?: string;
  /** Paths inside the ZIP. */
  files: Array<{ path: string; label: string }>;
}

export type ProgressFile =
  | { ok: true; stream: ReadableStream<Uint8Array<ArrayBuffer>>; fileName: string; files: number; entries: number }
  | { ok: false };

interface ZipEntry {
  path: string;
  /** Images, PDFs and Word files are compressed already; only text gains from deflating. */
  deflate: boolean;
  open: () => ReadableStream<Uint8Array>;
}

/**
 * A ZIP of the entries, made as it is read: each pull passes one piece of one entry (a stored
 * chunk at most) through fflate, so the whole archive is never in memory.
 */
export function zipStream(entries: readonly ZipEntry[]): ReadableStream<Uint8Array<ArrayBuffer>> {
  let zip: Zip | null = null;
  let next = 0;
  let current: { file: ZipPassThrough | ZipDeflate; reader: ReadableStreamDefaultReader<Uint8Array> } | null = null;
  /** Bytes handed to the reader during this pull (deflate may hold a piece back). */
  let emitted = false;
  let finished = false;
  /** One step: open the next entry, pass one piece of the current one, or end the archive. */
  async function step() {
    if (!zip) return;
    if (!current) {
      const entry = entries[next++];
      if (!entry) {
        zip.end();
        return;
      }
      const file = entry.deflate ? new ZipDeflate(entry.path, { level: 6 }) : new ZipPassThrough(entry.path);
      zip.add(file);
      current = { file, reader: entry.open().getReader() };
    }
    const { value, done } = await current.reader.read();
    if (done) {
      current.file.push(new Uint8Array(0), true);
      current = null;
    } else current.file.push(value, false);
  }
  return new ReadableStream<Uint8Array<ArrayBuffer>>(
    {
      start(controller) {
        zip = new Zip((error, data, final) => {
          if (error) {
            finished = true;
            return controller.error(error);
          }
          if (data.byteLength > 0) {
            emitted = true;
            controller.enqueue(data);
          }
          if (final) {
            finished = true;
            controller.close();
          }
        });
      },
      // The stream asks again only after something was handed over, so a pull goes on until then.
      async pull() {
        emitted = false;
        while (!emitted && !finished) await step();
      },
      async cancel(reason) {
        finished = true;
        await current?.reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}

const bytesOnce = (bytes: Uint8Array) => () =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

// eslint-disable-next-line no-control-regex
const UNSAFE_IN_ZIP = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069/\\:*?"<>|]/g;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/** A file name that is safe on every system the child may unzip on: no folders, no reserved or hidden names. */
export function zipSafeName(raw: string): string {
  let name = raw
    .normalize("NFC")
    .replace(UNSAFE_IN_ZIP, "_")
    .replace(/\s+/g, " ")
    .replace(/\.{2,}/g, ".");
  name = name.replace(/^[\s.]+/, "").replace(/[\s.]+$/, "");
  const dot = name.lastIndexOf(".");
  let stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : "";
  if (WINDOWS_RESERVED.test(stem.split(".")[0] ?? "")) stem = `_${stem}`;
  if (stem.length > 120) stem = stem.slice(0, 120).trimEnd();
  return stem === "" ? `document${ext}` : `${stem}${ext}`;
}

/** De-duplicates names case-insensitively (Windows and macOS would overwrite): "a.pdf", "a (2).pdf". */
export function uniqueNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((original) => {
    const dot = original.lastIndexOf(".");
    const stem = dot > 0 ? original.slice(0, dot) : original;
    const ext = dot > 0 ? original.slice(dot) : "";
    let candidate = original;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem} (${n})${ext}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

export function renderProgressIndex(childName: string, preparedOn: string, items: readonly ProgressFileItem[]): string {
  const rows = items
    .map((item) => {
      const links = item.files
        .map(
          (f) =>
            `<li><a href="${escapeHtml(f.path.split("/").map(encodeURIComponent).join("/"))}">${escapeHtml(f.label)}</a></li>`,
        )
        .join("");
      return `<li class="item">
  <h3>${escapeHtml(item.title)}</h3>
  <p class="meta">${escapeHtml(formatUkDate(item.date))} · ${escapeHtml(item.what)}</p>
  ${item.childProperty ? `<p class="property">This is your property</p>` : ""}
  ${item.description ? `<p>${escapeHtml(item.description)}</p>` : ""}
  ${links ? `<ul class="files">${links}</ul>` : ""}
</li>`;
    })
    .join("\n");
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(childName)}: progress file</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #0f172a; }
ol { list-style: none; padding: 0; }
.item { border-top: 1px solid #cbd5e1; padding: 0.75rem 0; }
.item h3 { margin: 0; }
.meta { margin: 0; color: #334155; }
.property { display: inline-block; margin: 0.25rem 0; padding: 0 0.5rem; background: #dcfce7; font-weight: 600; }
</style>
</head>
<body>
<h1>${escapeHtml(childName)}: progress file</h1>
<p>Prepared on ${escapeHtml(formatUkDate(preparedOn))}. It holds your own contributions and the documents chosen for you to keep, oldest first. Items marked "This is your property" belong to you.</p>
${items.length === 0 ? "<p>There is nothing in your progress file yet.</p>" : `<ol>\n${rows}\n</ol>`}
</body>
</html>
`;
}

/** The progress file's content: documents that are the child's property or chosen for it, and their contributions; never restricted or sealed. */
async function progressFileContent(db: Queryable, childId: string) {
  const docs = await db
    .select({
      id: documents.id,
      entryId: documents.entryId,
      title: documents.title,
      fileName: documents.fileName,
      category: documents.category,
      documentDate: documents.documentDate,
      childProperty: documents.childProperty,
      sha256: documents.blobSha256,
    })
    .from(documents)
    .where(
      and(
        eq(documents.childId, childId),
        isNull(documents.deletedAt),
        eq(documents.confidentiality, "standard"),
        attachedEntryVisible(["standard"]),
        or(eq(documents.childProperty, true), eq(documents.inProgressFile, true)),
      ),
    )
    .orderBy(asc(documents.documentDate), asc(documents.createdAt), asc(documents.id));
  const entries = await db
    .select({
      entryId: recordEntries.entryId,
      title: recordEntries.title,
      occurredOn: recordEntries.occurredOn,
      childProperty: recordEntries.childProperty,
      data: recordEntries.data,
    })
    .from(recordEntries)
    .where(
      and(
        eq(recordEntries.childId, childId),
        eq(recordEntries.section, "contributions"),
        eq(recordEntries.isLatest, true),
        isNull(recordEntries.deletedAt),
        eq(recordEntries.confidentiality, "standard"),
      ),
    )
    .orderBy(asc(recordEntries.occurredOn), asc(recordEntries.createdAt));
  return { docs, entries };
}

const text = (v: unknown) => (typeof v === "string" ? v : "");

/** The ZIP, ready to stream: index.html plus files/<name> for every document (every blob found before anything is sent). */
export async function assembleProgressFile(db: Queryable, child: { id: string; name: string }, preparedOn: string) {
  const { docs, entries } = await progressFileContent(db, child.id);
  const names = uniqueNames(docs.map((d) => zipSafeName(d.fileName)));
  const blobs: Array<{ path: string; blob: StoredBlob }> = [];
  const docFiles = new Map<string, Array<{ path: string; label: string }>>();
  for (const [i, doc] of docs.entries()) {
    const blob = await blobStore().get(doc.sha256, db);
    if (!blob) throw new Error(`document ${doc.id}: content missing from the store`);
    const path = `files/${names[i] ?? zipSafeName(doc.fileName)}`;
    blobs.push({ path, blob });
    docFiles.set(doc.id, [{ path, label: names[i] ?? doc.fileName }]);
  }
  const attachedTo = new Set(entries.map((e) => e.entryId));
  const items: ProgressFileItem[] = [
    ...entries.map((e) => ({
      kind: "contribution" as const,
      title: e.title,
      date: e.occurredOn,
      what: text(e.data.kind) || "Contribution",
      childProperty: e.childProperty,
      description: text(e.data.description) || undefined,
      files: docs.filter((d) => d.entryId === e.entryId).flatMap((d) => docFiles.get(d.id) ?? []),
    })),
    // Documents attached to a listed contribution appear under it rather than twice.
    ...docs
      .filter((d) => !d.entryId || !attachedTo.has(d.entryId))
      .map((d) => ({
        kind: "document" as const,
        title: d.title,
        date: d.documentDate,
        what: DOCUMENT_CATEGORY_LABELS[d.category as DocumentCategory] ?? "Document",
        childProperty: d.childProperty,
        files: docFiles.get(d.id) ?? [],
      })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  const index = plainBytes(new TextEncoder().encode(renderProgressIndex(child.name, preparedOn, items)));
  const stream = zipStream([
    { path: "index.html", deflate: true, open: bytesOnce(index) },
    ...blobs.map(({ path, blob }) => ({ path, deflate: blob.mimeType.startsWith("text/"), open: () => blob.stream() })),
  ]);
  return { stream, files: docs.length, entries: entries.length };
}

/** The export as the route serves it: through the read door (the progress file's policy), the ZIP, the audit event. */
export async function buildProgressFile(childId: string, now: Date = new Date()): Promise<ProgressFile> {
  const view = await authorizedView("progressFile.export", childId, { deferAudit: true });
  if (!view.ok) return { ok: false };
  const { db } = view;
  const [child] = await db
    .select({
      reference: children.reference,
      firstName: children.firstName,
      preferredName: children.preferredName,
      lastName: children.lastName,
    })
    .from(children)
    .where(eq(children.id, childId))
    .limit(1);
  if (!child) return { ok: false };
  const name = `${child.preferredName ?? child.firstName} ${child.lastName}`;
  const built = await assembleProgressFile(db, { id: childId, name }, todayIso(now));
  await view.audit({ files: built.files, entries: built.entries });
  return {
    ok: true,
    stream: built.stream,
    fileName: `progress-file-${child.reference.replace(/[^A-Za-z0-9-]/g, "_")}.zip`,
    files: built.files,
    entries: built.entries,
  };
}
