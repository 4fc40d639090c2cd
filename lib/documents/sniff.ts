// What an uploaded file really is, decided from its content (magic numbers via file-type), never
// from the name or the browser's claim. Only types a case record needs are accepted, and the
// name's extension must agree with the content so the file opens in the right program. Works on
// bytes in memory or on an upload spooled to disk, with facts gathered as it streamed past.
import { fileTypeFromBuffer, fileTypeFromFile, type FileTypeResult } from "file-type";
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

const WORD_DOCUMENT_STREAM = Buffer.from("WordDocument", "utf16le");
/** How much of the start of an upload the type is read from. */
const HEAD_BYTES = 64 * 1024;

/**
 * What the type decision needs to know about the whole content, gathered a piece at a time as an
 * upload streams past (the type itself is read from the first bytes): whether it is valid UTF-8
 * without NUL bytes (plain text), and whether a compound file names the "WordDocument" stream.
 */
export class ContentFacts {
  private decoder = new TextDecoder("utf-8", { fatal: true });
  private text = true;
  private wordStream = false;
  /** The last bytes of the previous piece, so a name split across two pieces is still found. */
  private tail: Buffer = Buffer.alloc(0);
  private finished = false;
  private headPieces: Buffer[] = [];
  private headBytes = 0;

  update(piece: Uint8Array): void {
    const bytes = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    if (this.headBytes < HEAD_BYTES) {
      const take = bytes.subarray(0, HEAD_BYTES - this.headBytes);
      this.headPieces.push(Buffer.from(take));
      this.headBytes += take.byteLength;
    }
    if (this.text) {
      if (bytes.includes(0)) this.text = false;
      else {
        try {
          this.decoder.decode(bytes, { stream: true });
        } catch {
          this.text = false;
        }
      }
    }
    if (!this.wordStream) {
      const window = Buffer.concat([this.tail, bytes]);
      if (window.includes(WORD_DOCUMENT_STREAM)) this.wordStream = true;
      this.tail = window.subarray(Math.max(0, window.byteLength - (WORD_DOCUMENT_STREAM.byteLength - 1)));
    }
  }

  /** Valid UTF-8 to the end (no sequence cut short) and no NUL byte. */
  get isUtf8TextWithoutNul(): boolean {
    if (!this.finished) {
      this.finished = true;
      if (this.text) {
        try {
          this.decoder.decode();
        } catch {
          this.text = false;
        }
      }
    }
    return this.text;
  }

  get hasWordDocumentStream(): boolean {
    return this.wordStream;
  }

  /** The first bytes of the content, where every accepted type announces itself. */
  get head(): Uint8Array {
    return Buffer.concat(this.headPieces, this.headBytes);
  }

  static of(bytes: Uint8Array): ContentFacts {
    const facts = new ContentFacts();
    facts.update(bytes);
    return facts;
  }
}

/** The decision, from the type file-type detected, the name's extension and the facts about the content. */
function judge(detected: FileTypeResult | undefined, fileName: string, size: number, facts: ContentFacts): SniffResult {
  if (size === 0) return { ok: false, error: "The file is empty. Choose the file again." };
  const ext = extensionOf(fileName);

  let allowed: AllowedType | undefined;
  if (!detected) {
    // Plain text has no magic number: only a .txt name with valid UTF-8 and no NUL bytes passes.
    if (ext !== "txt") return notAllowed("This type of file");
    if (!facts.isUtf8TextWithoutNul) return notAllowed("This file is named .txt but is not plain text, so it");
    allowed = TEXT;
  } else {
    allowed = BY_DETECTED_MIME[detected.mime];
    if (!allowed) return notAllowed(`This file's content is ${detected.ext.toUpperCase()} (${detected.mime}), which`);
    // Excel, PowerPoint and installer packages are compound files too.
    if (allowed === DOC && !facts.hasWordDocumentStream)
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

/** Detects the type of content held in memory and checks it against the allowed types and the name's extension. */
export async function sniffDocumentType(bytes: Uint8Array, fileName: string): Promise<SniffResult> {
  if (bytes.byteLength === 0) return judge(undefined, fileName, 0, new ContentFacts());
  return judge(await fileTypeFromBuffer(bytes), fileName, bytes.byteLength, ContentFacts.of(bytes));
}

/**
 * The same decision for an upload spooled to a file, from its first bytes. Only when they show a
 * ZIP does file-type read on in the file (a Word document is a ZIP whose parts say so), and then
 * only the parts it needs, never the whole file.
 */
export async function sniffSpooledType(
  path: string,
  fileName: string,
  size: number,
  facts: ContentFacts,
): Promise<SniffResult> {
  if (size === 0) return judge(undefined, fileName, 0, facts);
  let detected = await fileTypeFromBuffer(facts.head);
  if (detected?.mime === "application/zip" && size > HEAD_BYTES) detected = (await fileTypeFromFile(path)) ?? detected;
  return judge(detected, fileName, size, facts);
}
