"use server";
// Server actions of a child's documents tab.
import { authorizedAction } from "@/lib/actions";
import { uploadDocument } from "@/lib/documents/commands";
import { uploadDocumentSchema } from "@/lib/documents/schemas";

// Upload a document to a child's record, stored once by its content hash
export const uploadDocumentAction = authorizedAction(
  {
    action: "documents.upload",
    permission: "documents.write",
    schema: uploadDocumentSchema,
    child: { id: (i) => i.childId, section: "documents" },
    revalidate: (i) => [`/children/${i.childId}/documents`, `/children/${i.childId}/chronology`],
  },
  async ({ tx, actor, input, access, auditDetail }) => {
    if (!access) throw new Error("access checked by the wrapper");
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
);
