// Downloading one document: policy check, audited (refusals too), the content as a stream read a
// chunk at a time from the store, and the response headers that make the browser save the file
// rather than render it. The route handler only wraps this.
import "server-only";
import { authorizedView } from "@/lib/access/view";
import { contentDisposition } from "./filename";
import { isUuid } from "@/lib/validation";
import { getDocumentForDownload } from "./queries";

export type DocumentDownload =
  | {
      ok: true;
      stream: ReadableStream<Uint8Array<ArrayBuffer>>;
      size: number;
      sha256: string;
      mimeType: string;
      fileName: string;
      headers: Record<string, string>;
    }
  /** Refused, or no such document: the caller answers 404 either way. */
  | { ok: false };

export function downloadHeaders(fileName: string, mimeType: string, size: number): Record<string, string> {
  return {
    "Content-Type": mimeType,
    "Content-Length": String(size),
    "Content-Disposition": contentDisposition(fileName),
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
    // A document opened from the download must not be able to run anything in our origin.
    "Content-Security-Policy": "default-src 'none'; sandbox",
  };
}

/** Through the read door: the documents policy, then the document itself; both refusals are audited. */
export async function openDocumentDownload(childId: string, documentId: string): Promise<DocumentDownload> {
  const view = await authorizedView("documents.download", childId, { deferAudit: true });
  if (!view.ok || !view.access) return { ok: false };
  const found = await getDocumentForDownload(view.db, view.actor, view.access, documentId);
  if (!found) {
    await view.audit({ reason: "document", documentId: isUuid(documentId) ? documentId : null }, "refused");
    return { ok: false };
  }
  await view.audit({ documentId: found.document.id, sha256: found.document.sha256 });
  return {
    ok: true,
    stream: found.stream(),
    size: found.size,
    sha256: found.sha256,
    mimeType: found.mimeType,
    fileName: found.document.fileName,
    headers: downloadHeaders(found.document.fileName, found.mimeType, found.size),
  };
}
