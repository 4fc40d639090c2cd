// The review report as a PDF, made with pdf-lib (a maintained, dependency-free PDF writer): the
// child, the review's date and participation, everyone's views, the IRO's assessments, and the
// decisions and recommendations with their owners and due dates. Filed in the documents tab.
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { formatUkDate } from "@/lib/dates";
import { PARTICIPATION } from "./schemas";

export interface ReviewReport {
  authority: string;
  child: { name: string; reference: string; dateOfBirth: string };
  heldOn: string;
  participation: string;
  attendees: readonly string[];
  iro: string;
  views: ReadonlyArray<{ heading: string; text: string }>;
  carePlanAssessment: string;
  progressAssessment: string;
  items: ReadonlyArray<{ kind: string; text: string; owner: string; dueDate: string }>;
  signedOffAt: string;
}

/** The standard fonts encode Windows-1252 only: anything else becomes a plain stand-in. */
const printable = (s: string) =>
  s
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/[\u2013\u2014]/g, "-")
    .replace(/[^\x20-\x7E\xA0-\xFF\n]/g, "?");

class Writer {
  private page: PDFPage;
  private y = 0;
  constructor(
    private readonly doc: PDFDocument,
    private readonly font: PDFFont,
    private readonly bold: PDFFont,
    private readonly footer: string,
  ) {
    this.page = this.newPage();
  }
  private newPage(): PDFPage {
    const page = this.doc.addPage([595.28, 841.89]);
    page.drawText(printable(this.footer), { x: 50, y: 30, size: 8, font: this.font, color: rgb(0.3, 0.3, 0.3) });
    this.y = 790;
    this.page = page;
    return page;
  }
  line(text: string, opts: { size?: number; bold?: boolean; gap?: number } = {}) {
    const size = opts.size ?? 10;
    const font = opts.bold ? this.bold : this.font;
    for (const paragraph of printable(text).split("\n")) {
      const words = paragraph.split(/\s+/);
      let current = "";
      const flush = () => {
        if (this.y < 60) this.newPage();
        this.page.drawText(current, { x: 50, y: this.y, size, font });
        this.y -= size * 1.4;
        current = "";
      };
      for (const word of words) {
        const next = current ? `${current} ${word}` : word;
        if (font.widthOfTextAtSize(next, size) > 495 && current) {
          flush();
          current = word;
        } else current = next;
      }
      flush();
    }
    this.y -= opts.gap ?? 4;
  }
}

export async function renderReviewReport(r: ReviewReport): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Review of ${r.child.name}, ${formatUkDate(r.heldOn)}`);
  doc.setAuthor(r.iro);
  doc.setSubject("Child looked after review report (fictional demo data)");
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const w = new Writer(
    doc,
    font,
    bold,
    `${r.child.name} · ${r.child.reference} · Review ${formatUkDate(r.heldOn)} · Official-Sensitive`,
  );
  w.line(r.authority, { size: 9 });
  w.line(`Review of ${r.child.name}`, { size: 18, bold: true, gap: 8 });
  w.line(`Reference ${r.child.reference} · born ${formatUkDate(r.child.dateOfBirth)}`);
  w.line(`Review held on ${formatUkDate(r.heldOn)}, chaired by ${r.iro} (Independent Reviewing Officer)`);
  w.line(`The child's participation: ${PARTICIPATION[r.participation] ?? r.participation} (${r.participation})`, {
    gap: 10,
  });
  if (r.attendees.length) w.line(`Attended: ${r.attendees.join(", ")}`, { gap: 10 });
  w.line("Views", { size: 13, bold: true });
  for (const v of r.views) {
    w.line(v.heading, { bold: true, gap: 0 });
    w.line(v.text || "Not recorded");
  }
  w.line("The IRO's assessment of the care plan", { size: 13, bold: true });
  w.line(r.carePlanAssessment, { gap: 8 });
  w.line("Progress since the last review", { size: 13, bold: true });
  w.line(r.progressAssessment, { gap: 8 });
  w.line("Decisions and recommendations", { size: 13, bold: true });
  r.items.forEach((item, i) => {
    w.line(`${i + 1}. ${item.kind === "decision" ? "Decision" : "Recommendation"}: ${item.text}`, { gap: 0 });
    w.line(`Owner: ${item.owner}. Due by ${formatUkDate(item.dueDate)}.`);
  });
  w.line(`Signed off ${r.signedOffAt}.`, { size: 9 });
  return doc.save();
}
