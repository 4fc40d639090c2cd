// What an uploaded file really is, decided from its content (magic numbers via file-type), never
// from the name or the browser's claim. Only types a case record needs are accepted, and the
// name's extension must agree with the content so the file opens in the right program.
import { fileTypeFromBuffer } from "file-type";
import { extensionOf } from "./filename";
import { ALLOWED_TYPES_TEXT } from "./schemas";

export interface AllowedType {
  mimeType: string;
  label: string;
  extensions: readonly string[];
}

const PDF: AllowedType = { mimeType: "application/pdf", label: "PDF", extensions: ["pdf"] };
const JPEG: AllowedType = { mimeType: "image/jpeg", label: "JPEG image", extensions: ["jpg", "jpeg", "jpe", "jfif"] };
const PNG: AllowedType = { mimeType: "image/png", label: "PNG image", extensions: ["png"] };
const GIF: AllowedType = { mimeType: "image/gif", label: "GIF image", extensions: ["gif"] };
const WEBP: AllowedType = { mimeType: "image/webp", label: "WebP image", extensions: ["webp"] };
const HEIC: AllowedType = { mimeType: "image/heic", label: "HEIC photo", extensions: ["heic", "heif"] };
const HEIF: AllowedType = { mimeType: "image/heif", label: "HEIC photo", extensions: ["heic", "heif"] };
const DOCX: AllowedType = {
  mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  label: "Word document",
  extensions: ["docx"],
};
const DOC: AllowedType = { mimeType: "application/msword", label: "Word 97-2003 document", extensions: ["doc"] };
const TEXT: AllowedType = { mimeType: "text/plain; charset=utf-8", label: "plain text", extensions: ["txt"] };

/** By the MIME type file-type reports. Legacy .doc is reported as a generic compound file (application/x-cfb). */
const BY_DETECTED_MIME: Record<string, AllowedType> = {
  "application/pdf": PDF,
  "image/jpeg": JPEG,
  "image/png": PNG,
  "image/gif": GIF,
  "image/webp": WEBP,
  "image/heic": HEIC,
  "image/heif": HEIF,
  [DOCX.mimeType]: DOCX,
  "application/x-cfb": DOC,
};

export type SniffResult = { ok: true; mimeType: string; label: string } | { ok: false; error: string };

const notAllowed = (what: string): SniffResult => ({
  ok: false,
  error: `${what} cannot be uploaded. Upload a ${ALLOWED_TYPES_TEXT} file.`,
});

function isUtf8TextWithoutNul(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** A compound file is a Word 97-2003 document when its directory names the "WordDocument" stream (UTF-16LE). */
function hasWordDocumentStream(bytes: Uint8Array): boolean {
  const needle = Buffer.from("WordDocument", "utf16le");
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}

/** Detects the type from the content and checks it against the allowed types and the name's extension. */
export async function sniffDocumentType(bytes: Uint8Array, fileName: string): Promise<SniffResult> {
  if (bytes.byteLength === 0) return { ok: false, error: "The file is empty. Choose the file again." };
  const ext = extensionOf(fileName);
  const detected = await fileTypeFromBuffer(bytes);

  let allowed: AllowedType | undefined;
  if (!detected) {
    // Plain text has no magic number: only a .txt name with valid UTF-8 and no NUL bytes passes.
    if (ext !== "txt") return notAllowed("This type of file");
    if (!isUtf8TextWithoutNul(bytes)) return notAllowed("This file is named .txt but is not plain text, so it");
    allowed = TEXT;
  } else {
    allowed = BY_DETECTED_MIME[detected.mime];
    if (!allowed) return notAllowed(`This file's content is ${detected.ext.toUpperCase()} (${detected.mime}), which`);
    // Excel, PowerPoint and installer packages are compound files too.
    if (allowed === DOC && !hasWordDocumentStream(bytes))
      return notAllowed("This compound file is not a Word document, so it");
  }

  if (!allowed.extensions.includes(ext)) {
    const expected = allowed.extensions.map((e) => `.${e}`).join(" or ");
    return {
      ok: false,
      error: ext
        ? `The file name ends .${ext} but the file is a ${allowed.label}. Rename it to end ${expected}, or choose the right file.`
        : `The file name has no extension; this file is a ${allowed.label}, so its name should end ${expected}.`,
    };
  }
  return { ok: true, mimeType: allowed.mimeType, label: allowed.label };
}
