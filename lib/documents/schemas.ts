// The upload form's schema: the same fields are checked in the browser and by the upload route
// (upload.ts), which sees the file as a stream rather than a File. Content checks (what the file
// really is) run on the server as it streams in.
import { z } from "zod";
import type { ActionResult } from "@/lib/actions/result";
import { DOCUMENT_CATEGORIES } from "@/lib/records/constants";
import { id, pastUkDate, requiredText } from "@/lib/validation";
import { checkFileName } from "./filename";

export const MAX_UPLOAD_MB = 25;
export const MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024;
export const DOCUMENTS_PAGE_SIZE = 20;

/** Shown in the form and in refusals; the server decides the type from the content (sniff.ts). */
export const ALLOWED_TYPES_TEXT =
  "PDF, Word (.docx or .doc), JPEG, PNG, GIF, WebP or HEIC images, or plain text (.txt)";
/** For the file input's `accept`: a hint to the browser only. */
export const ACCEPT_ATTRIBUTE = ".pdf,.doc,.docx,.jpg,.jpeg,.png,.gif,.webp,.heic,.heif,.txt";

/** Rounded up, so a file just over the limit never reads as "25.0 MB". */
export function megabytes(bytes: number): string {
  return `${(Math.ceil((bytes / (1024 * 1024)) * 10) / 10).toFixed(1)} MB`;
}

/** The server stops reading a file at the limit, so it cannot say by how much it is over. */
export const TOO_LARGE_MESSAGE = `The file is larger than ${MAX_UPLOAD_MB} MB, the limit for one document. Choose a smaller file, or split it into parts.`;

export function sizeError(bytes: number): string | null {
  if (bytes === 0) return "The file is empty. Choose the file again.";
  if (bytes > MAX_UPLOAD_BYTES) return `The file is ${megabytes(bytes)}; the limit is ${MAX_UPLOAD_MB} MB`;
  return null;
}

const uploadFile = z.instanceof(File, { message: "Choose a file to upload" }).superRefine((file, ctx) => {
  const size = sizeError(file.size);
  if (size) ctx.addIssue({ code: "custom", message: size });
  const name = checkFileName(file.name);
  if (!name.ok) ctx.addIssue({ code: "custom", message: name.error });
});

/** The form's fields other than the file, shared by the browser's schema and the upload route's. */
export const uploadDetailsShape = {
  childId: id,
  title: requiredText("a title for the document", 200),
  category: z.enum(DOCUMENT_CATEGORIES, { error: "Choose a category" }),
  confidentiality: z.enum(["standard", "restricted"], { error: "Choose standard or restricted" }).default("standard"),
  childProperty: z.boolean().default(false),
  inProgressFile: z.boolean().default(false),
  documentDate: pastUkDate("the date of the document"),
  /** Attach to a section entry (its logical entry id). */
  entryId: z
    .union([id, z.literal("")])
    .optional()
    .transform((v) => (v ? v : null)),
};

export const uploadDocumentSchema = z.object({ ...uploadDetailsShape, file: uploadFile });
export type UploadDocumentValues = z.input<typeof uploadDocumentSchema>;
/** What the upload route answers, as JSON: the result of its wrapped action. */
export type UploadDocumentResult = ActionResult<{ documentId: string; title: string }>;
/** Where the form posts (a route handler, so the file streams rather than passing through a server action). */
export const uploadHref = (childId: string) => `/children/${childId}/documents/upload`;
export type UploadDocumentInput = z.output<typeof uploadDocumentSchema>;

/** The list's filters, from the query string: anything unexpected falls back to "all". */
export const documentListQuery = z.object({
  category: z.enum(DOCUMENT_CATEGORIES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100000).optional().catch(undefined),
  entryId: id.optional().catch(undefined),
});

/** For lists: "845 KB", "3.2 MB". */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return megabytes(bytes);
}
