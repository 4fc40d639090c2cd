import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ContentFacts, sniffDocumentType, sniffSpooledType } from "./sniff";

const bytes = (...parts: Array<number[] | string>) => {
  const chunks = parts.map((p) => (typeof p === "string" ? strToU8(p) : Uint8Array.from(p)));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0) + 64);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
};

const PNG = bytes(
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d],
  "IHDR",
  [0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0],
);
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], "JFIF", [0]);
const GIF = bytes("GIF89a", [1, 0, 1, 0, 0, 0, 0]);
const WEBP = bytes("RIFF", [0x24, 0, 0, 0], "WEBPVP8 ");
const HEIC = bytes([0, 0, 0, 0x18], "ftypheic", [0, 0, 0, 0], "mif1heic");
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const WORD_97 = bytes(CFB_MAGIC, "padding", Array.from(Buffer.from("WordDocument", "utf16le")));
const EXCEL_97 = bytes(CFB_MAGIC, "padding", Array.from(Buffer.from("Workbook", "utf16le")));

describe("what an uploaded file really is", () => {
  it.each([
    { content: PNG, name: "photo.png", mimeType: "image/png" },
    { content: JPEG, name: "photo.JPG", mimeType: "image/jpeg" },
    { content: GIF, name: "animation.gif", mimeType: "image/gif" },
    { content: WEBP, name: "photo.webp", mimeType: "image/webp" },
    { content: HEIC, name: "IMG_0001.HEIC", mimeType: "image/heic" },
    { content: WORD_97, name: "old letter.doc", mimeType: "application/msword" },
    { content: strToU8("Notes from the visit\nAll well.\n"), name: "notes.txt", mimeType: "text/plain; charset=utf-8" },
  ])("$name is accepted, recognised from its content as $mimeType", async ({ content, name, mimeType }) => {
    expect(await sniffDocumentType(content, name)).toMatchObject({ ok: true, mimeType });
  });

  it("refuses an Excel or installer compound file named .doc", async () => {
    const result = await sniffDocumentType(EXCEL_97, "budget.doc");
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/not a Word document/) });
  });

  it("refuses a .txt that is not UTF-8 text", async () => {
    expect((await sniffDocumentType(Uint8Array.from([0x41, 0, 0x42]), "a.txt")).ok).toBe(false);
    expect((await sniffDocumentType(Uint8Array.from([0xc3, 0x28]), "a.txt")).ok).toBe(false);
  });

  it("refuses text that is not named .txt, such as a web page or a script", async () => {
    for (const name of ["page.html", "page.pdf", "script.sh", "image.svg"]) {
      const result = await sniffDocumentType(strToU8("<html><script>alert(1)</script></html>"), name);
      expect(result).toMatchObject({
        ok: false,
        error: expect.stringMatching(/^This type of file cannot be uploaded\. Upload a PDF/),
      });
    }
  });

  it("refuses a zip archive and a spreadsheet even when named .docx", async () => {
    const zip = zipSync({ "a.txt": strToU8("hello") });
    expect((await sniffDocumentType(zip, "letter.docx")).ok).toBe(false);
    const xlsx = zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "xl/workbook.xml": strToU8("<workbook/>") });
    expect((await sniffDocumentType(xlsx, "letter.docx")).ok).toBe(false);
  });

  it("refuses a file whose name's extension does not match its content", async () => {
    const result = await sniffDocumentType(PNG, "scan.pdf");
    expect(result).toEqual({
      ok: false,
      error: "The file name ends .pdf but the file is a PNG image. Rename it to end .png, or choose the right file.",
    });
  });

  it("refuses an empty file", async () => {
    expect(await sniffDocumentType(new Uint8Array(0), "a.pdf")).toMatchObject({
      ok: false,
      error: expect.stringMatching(/empty/),
    });
  });
});

describe("the type of an upload as it streams in", () => {
  /** Feeds the content in pieces of `piece` bytes, as a request hands them over, and spools it to a file. */
  async function spooled(bytes: Uint8Array, name: string, piece = 7) {
    const facts = new ContentFacts();
    for (let at = 0; at < bytes.byteLength; at += piece) facts.update(bytes.subarray(at, at + piece));
    const dir = mkdtempSync(path.join(tmpdir(), "sniff-test-"));
    try {
      const file = path.join(dir, "content");
      writeFileSync(file, bytes);
      return await sniffSpooledType(file, name, bytes.byteLength, facts);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it("decides as it does for the whole content in memory, whatever the pieces", async () => {
    for (const [content, name] of [
      [PNG, "scan.png"],
      [WORD_97, "minutes.doc"],
      [EXCEL_97, "budget.doc"],
      [strToU8("Dear Sam, caf\u00e9 at four."), "note.txt"],
      [Uint8Array.from([0x41, 0xc3]), "cut.txt"],
      [Uint8Array.from([0x41, 0, 0x42]), "nul.txt"],
    ] as const) {
      expect(await spooled(content, name), name).toEqual(await sniffDocumentType(content, name));
    }
    // A multi-byte character split across two pieces is still text; "WordDocument" split across pieces is still found.
    expect(await spooled(strToU8("\u00e9\u00e9\u00e9"), "accents.txt", 1)).toMatchObject({ ok: true });
    expect(await spooled(WORD_97, "minutes.doc", 3)).toMatchObject({ ok: true, label: "Word 97-2003 document" });
  });

  it("reads on past the first bytes only for a ZIP, to find a Word document whose parts come late", async () => {
    const docx = zipSync(
      {
        "media/photo.bin": new Uint8Array(100_000).map((_, i) => (i * 31) % 256),
        "[Content_Types].xml": strToU8(
          '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        ),
        "word/document.xml": strToU8("<w:document/>"),
      },
      { level: 0 },
    );
    expect(await spooled(docx, "Pathway plan.docx", 65_536)).toMatchObject({ ok: true, label: "Word document" });
  });
});
