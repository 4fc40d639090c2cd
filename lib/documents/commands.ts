// Writes of documents: checks the name and the content, stores the bytes once by their hash and
// records the document on the child. Runs inside the caller's transaction (the action wrapper
// adds the audit event to it). The content arrives already hashed, sized and sniffed as it
// streamed in (upload.ts) and is streamed on to the store. Documents are never deleted; a
// misfiled one is sealed.
import type { Tx } from "@/db/client";
import { documents, type Confidentiality, type DocumentCategory, type DocumentRow } from "@/db/schema";
import type { Actor, ChildAccess } from "@/lib/access";
import { AppError } from "@/lib/errors";
import { formSpec, FORM_SECTIONS, PROVIDER_DOCUMENT_CATEGORIES } from "@/lib/sections";
import { checkFileName } from "./filename";
import { attachableEntry } from "./queries";
import { sizeError } from "./schemas";
import type { SniffResult } from "./sniff";
import { blobStore, type BlobSource } from "./storage";

export interface UploadDocumentCommand {
  title: string;
  category: DocumentCategory;
  confidentiality: "standard" | "restricted";
  childProperty: boolean;
  inProgressFile: boolean;
  /** ISO date. */
  documentDate: string;
  entryId: string | null;
}

/** The uploaded content, as received: what it is, and a way to read it once more to store it. */
export interface IncomingContent {
  fileName: string;
  size: number;
  sha256: string;
  /** Decided from the content as it arrived (sniff.ts). */
  type: SniffResult;
  read: BlobSource;
}

const RANK: Record<Confidentiality, number> = { standard: 0, restricted: 1, sealed: 2 };
const higher = (a: Confidentiality, b: Confidentiality) => (RANK[a] >= RANK[b] ? a : b);

/** Categories whose section is always at least restricted (court reports): never providers. */
function minimumFor(category: DocumentCategory): Confidentiality {
  const spec = FORM_SECTIONS.map((s) => formSpec(s)).find((s) => s.documentCategory === category);
  return spec?.minimumConfidentiality ?? "standard";
}

const fileError = (message: string) => new AppError("invalid:input", message, { file: [message] });

export async function uploadDocument(
  tx: Tx,
  actor: Actor,
  access: ChildAccess,
  input: UploadDocumentCommand,
  content: IncomingContent,
): Promise<DocumentRow> {
  const name = checkFileName(content.fileName);
  if (!name.ok) throw fileError(name.error);
  const size = sizeError(content.size);
  if (size) throw fileError(size);
  const type = content.type;
  if (!type.ok) throw fileError(type.error);

  const isProvider = access.redactions.submitsAsProvider;
  // Providers submit standard documents only: a restricted one would be hidden from themselves.
  if (isProvider && input.confidentiality !== "standard") {
    throw new AppError("invalid:input", undefined, {
      confidentiality: ["Documents from providers are standard; the local authority can restrict them later"],
    });
  }

  if (isProvider && !PROVIDER_DOCUMENT_CATEGORIES.includes(input.category)) {
    throw new AppError("invalid:input", undefined, {
      category: ["Choose one of the categories a provider can upload: health, contact, education or visits"],
    });
  }

  let confidentiality: Confidentiality = isProvider
    ? "standard"
    : higher(input.confidentiality, minimumFor(input.category));
  if (input.entryId) {
    const entry = await attachableEntry(tx, actor, access, input.entryId);
    if (!entry) throw new AppError("not-found", "The entry to attach this document to could not be found.");
    // A document on a restricted entry is at least as restricted as the entry.
    if (!isProvider) confidentiality = higher(confidentiality, entry.confidentiality);
    else if (entry.confidentiality !== "standard")
      throw new AppError("not-found", "The entry to attach this document to could not be found.");
  }

  const sha256 = content.sha256;
  await blobStore().put({ sha256, size: content.size, mimeType: type.mimeType }, content.read, tx);
  const [row] = await tx
    .insert(documents)
    .values({
      childId: access.childId,
      entryId: input.entryId,
      blobSha256: sha256,
      fileName: name.name,
      title: input.title,
      category: input.category,
      confidentiality,
      childProperty: input.childProperty,
      inProgressFile: input.inProgressFile,
      documentDate: input.documentDate,
      providerSubmitted: isProvider,
      submittedByOrganisationId: isProvider ? actor.organisationId : null,
      uploadedBy: actor.id,
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}
