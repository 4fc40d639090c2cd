// Uploaded file names: refused when they could climb out of a folder, hide their real type
// (bidi overrides), upset Windows, or carry control characters; and the safe
// Content-Disposition header that sends one back.

export const MAX_FILE_NAME_LENGTH = 200;

// Embeddings, overrides and isolates: "report\u202Efdp.exe" displays as "reportexe.pdf".
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;
// C0, DEL and C1 controls.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F]/;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

export type FileNameCheck = { ok: true; name: string } | { ok: false; error: string };

/** Checks an uploaded file's name; the accepted name is NFC-normalised and otherwise unchanged. */
export function checkFileName(raw: string): FileNameCheck {
  const name = raw.normalize("NFC");
  if (name.trim() === "") return { ok: false, error: "The file has no name. Rename it and upload it again." };
  if (name.length > MAX_FILE_NAME_LENGTH)
    return {
      ok: false,
      error: `The file name is ${name.length} characters long; it must be ${MAX_FILE_NAME_LENGTH} characters or fewer. Rename it and upload it again.`,
    };
  if (/[/\\]/.test(name))
    return { ok: false, error: "The file name must not contain / or \\. Rename it and upload it again." };
  if (name.includes(".."))
    return { ok: false, error: 'The file name must not contain "..". Rename it and upload it again.' };
  if (CONTROL_CHARACTERS.test(name))
    return { ok: false, error: "The file name contains control characters. Rename it and upload it again." };
  if (BIDI_CONTROLS.test(name))
    return {
      ok: false,
      error:
        "The file name contains hidden characters that change the direction of the text, which can disguise its real type. Rename it and upload it again.",
    };
  if (name.startsWith("."))
    return { ok: false, error: "The file name must not start with a dot. Rename it and upload it again." };
  if (/[. ]$/.test(name) || /^\s/.test(name))
    return {
      ok: false,
      error: "The file name must not start with a space or end with a dot or a space. Rename it and upload it again.",
    };
  const stem = (name.split(".")[0] ?? "").trim();
  if (WINDOWS_RESERVED.test(stem))
    return {
      ok: false,
      error: `"${stem}" is a name reserved by Windows and cannot be used for a file. Rename it and upload it again.`,
    };
  return { ok: true, name };
}

/** The part after the last dot, lower-cased ("" when there is none). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}

/** Printable ASCII only, without the characters that would end or escape a quoted header value. */
export function asciiFallback(name: string): string {
  const ascii = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7E]/g, "_")
    .replace(/["\\%;]/g, "_")
    .trim();
  return ascii === "" || /^[_.]*$/.test(ascii) ? "document" : ascii;
}

/** RFC 5987 / RFC 8187 value: UTF-8, percent-encoded, with the characters encodeURIComponent leaves alone too. */
function encodeExtValue(name: string): string {
  return encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `attachment; filename="<ascii-safe>"; filename*=UTF-8''<percent-encoded>`: always a download, never shown inline. */
export function contentDisposition(name: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = name.normalize("NFC").replace(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, "");
  return `attachment; filename="${asciiFallback(clean)}"; filename*=UTF-8''${encodeExtValue(clean === "" ? "document" : clean)}`;
}
