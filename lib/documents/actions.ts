"use server";
// Server actions of a child's documents tab.
import { authorizedAction } from "@/lib/actions";
import { sectionHref } from "@/lib/sections";
import { uploadDocument } from "./commands";
import { uploadDocumentSchema } from "./schemas";

// Upload a document to a child's record, stored once by its content hash
export const uploadDocumentAction = authorizedAction(
  "documents.upload",
  uploadDocumentSchema,
  async ({ tx, actor, input, access, auditDetail }) => {
    const { file, childId: _childId, ...details } = input;
    const bytes = new Uint8Array(await file.arrayBuffer());
    const row = await uploadDocument(tx, actor, access, { ...details, fileName: file.name }, bytes);
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
  { revalidate: (i) => [sectionHref(i.childId, "documents"), sectionHref(i.childId, "chronology")] },
);
