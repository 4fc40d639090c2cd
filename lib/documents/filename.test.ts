import { describe, expect, it } from "vitest";
import { checkFileName, contentDisposition } from "./filename";

describe("uploaded file names", () => {
  it("accepts ordinary names, accents and all", () => {
    expect(checkFileName("Initial health assessment 2026.pdf")).toEqual({
      ok: true,
      name: "Initial health assessment 2026.pdf",
    });
    expect(checkFileName("Zoë's certificate.jpg").ok).toBe(true);
  });

  it.each([
    ["", /has no name/],
    ["   ", /has no name/],
    ["a/b.pdf", /\/ or \\/],
    ["a\\b.pdf", /\/ or \\/],
    ["notes..pdf", /"\.\."/],
    ["tab\there.pdf", /control characters/],
    ["photo\u2066gpj.exe", /direction of the text/],
    ["photo\u202Agpj.exe", /direction of the text/],
    [".env", /start with a dot/],
    ["report.pdf.", /end with a dot or a space/],
    ["aux", /reserved by Windows/],
    ["COM1.txt", /reserved by Windows/],
    ["Lpt9.doc", /reserved by Windows/],
    ["x".repeat(201), /200 characters or fewer/],
  ])("a file named %j is refused with a clear reason", (name, message) => {
    const result = checkFileName(name);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});

describe("the Content-Disposition of a download", () => {
  it("is always an attachment, with an ASCII name and the exact name in UTF-8", () => {
    expect(contentDisposition("Zoë's report (final).pdf")).toBe(
      `attachment; filename="Zoe's report (final).pdf"; filename*=UTF-8''Zo%C3%AB%27s%20report%20%28final%29.pdf`,
    );
  });

  it("cannot be broken out of by quotes, backslashes, semicolons or line breaks", () => {
    const header = contentDisposition('a"; filename="evil.html\r\nSet-Cookie: x=1;\\.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toBe(
      `attachment; filename="a__ filename=_evil.htmlSet-Cookie: x=1__.pdf"; filename*=UTF-8''a%22%3B%20filename%3D%22evil.htmlSet-Cookie%3A%20x%3D1%3B%5C.pdf`,
    );
  });

  it("falls back to a plain name when nothing ASCII is left", () => {
    expect(contentDisposition("写真.jpg")).toBe(
      `attachment; filename="__.jpg"; filename*=UTF-8''%E5%86%99%E7%9C%9F.jpg`,
    );
  });
});
