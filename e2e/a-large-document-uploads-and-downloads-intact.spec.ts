// A scanned court bundle of 24 MB: the social worker uploads it through the form and downloads
// exactly the same bytes; a 26 MB one is refused with the portal's own message, by the form and
// by the server; a name with path parts is refused rather than renamed. The PDFs are made here,
// in a temporary folder, with fictional content.
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { authFile, childPath } from "./support/demo";
import { expectNoAxeViolations, shot } from "./support/pages";

const CHILD = 16; // North, allocated to social.worker (sw1)
const MB = 1024 * 1024;

/** A valid minimal one-page PDF of exactly `size` bytes: the padding is a comment before the trailer. */
function writePdf(dir: string, name: string, size: number, text: string): string {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${`BT /F1 18 Tf 72 770 Td (${text}) Tj ET`.length} >>\nstream\nBT /F1 18 Tf 72 770 Td (${text}) Tj ET\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xrefAt = body.length;
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets
    .map((o) => `${String(o).padStart(10, "0")} 00000 n \n`)
    .join("")}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  // The padding sits after %%EOF as comment lines, so the xref offsets stay true.
  const padding = size - body.length - xref.length;
  if (padding < 2) throw new Error("too small for a PDF");
  const file = path.join(dir, name);
  const fd = fs.openSync(file, "w");
  fs.writeSync(fd, body + xref);
  const line = `%${"fictional scan padding ".repeat(4).slice(0, 98)}\n`;
  const block = Buffer.from(line.repeat(Math.floor(MB / line.length)));
  let left = padding;
  while (left > 0) {
    const piece = block.subarray(0, Math.min(left, block.byteLength));
    if (left <= block.byteLength) piece[piece.byteLength - 1] = 0x0a;
    fs.writeSync(fd, piece);
    left -= piece.byteLength;
  }
  fs.closeSync(fd);
  expect(fs.statSync(file).size).toBe(size);
  return file;
}

const sha256Of = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

const uploadForm = (page: Page) => page.getByRole("form", { name: "Upload a document" });

async function fillForm(page: Page, file: string, title: string) {
  const form = uploadForm(page);
  await form.getByLabel("File", { exact: true }).setInputFiles(file);
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Category").selectOption({ label: "Court proceedings report" });
  await form.getByLabel("Date of the document").fill("14/01/2026");
}

test("a 24 MB PDF uploads and downloads intact; a 26 MB one and a name with a path are refused with the portal's messages", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cases-e2e-upload-"));
  try {
    const big = writePdf(dir, "Court bundle (fictional).pdf", 24 * MB, "Fictional court bundle for the demo");
    const tooBig = writePdf(dir, "Scanned archive (fictional).pdf", 26 * MB, "Fictional scanned archive");

    const context = await browser.newContext({ storageState: authFile("sw1"), acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${childPath(CHILD)}/documents`);

    await fillForm(page, big, "Court bundle, January 2026");
    await uploadForm(page).getByRole("button", { name: "Upload the document" }).click();
    await expect(page.getByText("Document uploaded")).toBeVisible({ timeout: 120_000 });
    const link = page.getByRole("link", { name: /Court bundle, January 2026/ });
    await expect(link).toBeVisible();
    await expect(page.getByText("Court bundle (fictional).pdf · 24.0 MB")).toBeVisible();
    await expectNoAxeViolations(page);

    const downloading = page.waitForEvent("download");
    await link.click();
    const download = await downloading;
    const saved = path.join(dir, "downloaded.pdf");
    await download.saveAs(saved);
    expect(fs.statSync(saved).size).toBe(24 * MB);
    expect(sha256Of(saved)).toBe(sha256Of(big));

    // The form checks the size before sending anything.
    await fillForm(page, tooBig, "Scanned archive");
    await uploadForm(page).getByRole("button", { name: "Upload the document" }).click();
    await expect(page.locator("#file-error")).toHaveText(/The file is 26\.0 MB; the limit is 25 MB/);
    await expectNoAxeViolations(page);
    await shot(page, "upload-too-large");

    // The server refuses it too, with the message the form shows on the field, and reads no further.
    const multipart = (name: string, file: string) => ({
      idempotencyKey: crypto.randomUUID(),
      title: "Sent around the form",
      category: "court_report",
      documentDate: "14/01/2026",
      file: { name, mimeType: "application/pdf", buffer: fs.readFileSync(file) },
    });
    const uploadUrl = `${childPath(CHILD)}/documents/upload`;
    // As the portal's own page would send it: the route refuses anything from another origin first.
    const headers = { origin: new URL(page.url()).origin };
    const refused = await page.request.post(uploadUrl, {
      headers,
      multipart: multipart("Scanned archive.pdf", tooBig),
    });
    expect(refused.status()).toBe(413);
    expect((await refused.json()).fieldErrors.file).toEqual([
      expect.stringMatching(/^The file is larger than 25 MB/) as unknown as string,
    ]);
    const small = writePdf(dir, "small.pdf", 4000, "Fictional letter");
    const pathName = await page.request.post(uploadUrl, {
      headers,
      multipart: multipart("../../etc/passwd.txt", small),
    });
    expect(pathName.status()).toBe(400);
    expect((await pathName.json()).fieldErrors.file).toEqual([
      "The file name must not contain / or \\. Rename it and upload it again.",
    ]);
    await context.close();

    // Signed out, the upload route answers for itself (it is not behind the proxy) and reads nothing.
    const anonymous = await browser.newContext();
    const signedOut = await anonymous.request.post(`${headers.origin}${uploadUrl}`, {
      headers,
      multipart: multipart("Letter.pdf", small),
    });
    expect(signedOut.status()).toBe(401);
    // And from another site, whoever it is, nothing is read at all.
    const foreign = await anonymous.request.post(`${headers.origin}${uploadUrl}`, {
      headers: { origin: "https://evil.example" },
      multipart: multipart("Letter.pdf", small),
    });
    expect(foreign.status()).toBe(403);
    await anonymous.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
