// The upload form's schema: the same zod schema checks the form in the browser and the server
// action. Content checks (what the file really is) run on the server in commands.ts.
import { z } from "zod";
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

export const uploadDocumentSchema = z.object({
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
  file: uploadFile,
});
export type UploadDocumentValues = z.input<typeof uploadDocumentSchema>;
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
