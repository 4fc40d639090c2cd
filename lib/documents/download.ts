// Downloading one document: policy check, audited (refusals too), and the response headers that
// make the browser save the file rather than render it. The route handler only wraps this.
import type { Db } from "@/db/client";
import { canReadSection, childAccess, type Actor } from "@/lib/access";
import { recordAuditNow } from "@/lib/audit";
import { contentDisposition } from "./filename";
import { isUuid } from "@/lib/validation";
import { getDocumentForDownload } from "./queries";

export type DocumentDownload =
  | { ok: true; bytes: Uint8Array<ArrayBuffer>; mimeType: string; fileName: string; headers: Record<string, string> }
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

export async function openDocumentDownload(
  db: Db,
  actor: Actor | null,
  childId: string,
  documentId: string,
): Promise<DocumentDownload> {
  if (!actor) return { ok: false };
  const refuse = async (reason: string): Promise<DocumentDownload> => {
    await recordAuditNow(db, {
      actorId: actor.id,
      action: "documents.download",
      childId: isUuid(childId) ? childId : null,
      outcome: "refused",
      detail: { reason, documentId: isUuid(documentId) ? documentId : null },
    });
    return { ok: false };
  };
  const access = await childAccess(db, actor, childId);
  if (!access || !canReadSection(actor, access, "documents")) return refuse("relationship");
  const found = await getDocumentForDownload(db, actor, access, documentId);
  if (!found) return refuse("document");
  await recordAuditNow(db, {
    actorId: actor.id,
    action: "documents.download",
    childId,
    flagged: access.relation === "break_glass",
    detail: { documentId: found.document.id, sha256: found.document.sha256, relation: access.relation },
  });
  return {
    ok: true,
    bytes: found.bytes,
    mimeType: found.mimeType,
    fileName: found.document.fileName,
    headers: downloadHeaders(found.document.fileName, found.mimeType, found.bytes.byteLength),
  };
}
