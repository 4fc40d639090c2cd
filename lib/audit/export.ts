// The audit log as CSV, for a filtered view: written by csv-stringify (quoting, embedded quotes
// and new lines done by a maintained library, not by hand) and streamed a batch at a time, so a
// large export never sits in memory. Cells are guarded against formula injection: a spreadsheet
// would run a cell starting with = + - @ (or a tab or carriage return) as a formula, so such a
// cell starts with an apostrophe instead (the OWASP advice).
import { stringify } from "csv-stringify/sync";
import type { Queryable } from "@/db/client";
import { auditActionLabel } from "@/lib/access";
import { formatUkDateTime } from "@/lib/dates";
import { auditEventBatches, type AuditRow } from "./queries";
import type { AuditFilters } from "./schemas";

const HEADER = [
  "When (UK time)",
  "Occurred at (UTC)",
  "Event number",
  "Who",
  "Email",
  "What happened",
  "Action",
  "Outcome",
  "Flagged for review",
  "Child reference",
  "Child id",
  "Detail",
  "Person the event is about",
];

/** A cell a spreadsheet will show as text, never evaluate. */
export function csvSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function row(e: AuditRow): string[] {
  return [
    formatUkDateTime(e.occurredAt),
    e.occurredAt.toISOString(),
    String(e.id),
    e.actorName ?? "",
    e.actorEmail ?? "",
    auditActionLabel(e.action),
    e.action,
    e.outcome,
    e.flagged ? "yes" : "no",
    e.childReference ?? "",
    e.childId ?? "",
    Object.keys(e.detail ?? {}).length ? JSON.stringify(e.detail) : "",
    e.subjectName ?? "",
  ].map(csvSafe);
}

export function auditCsv(rows: AuditRow[], withHeader: boolean): string {
  return stringify(withHeader ? [HEADER, ...rows.map(row)] : rows.map(row), { quoted: true, record_delimiter: "\r\n" });
}

/** The filtered events as a CSV byte stream, newest first, with a header row (and a BOM for spreadsheets). */
export function auditCsvStream(db: Queryable, filters: AuditFilters): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const batches = auditEventBatches(db, filters);
  let first = true;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await batches.next();
      if (next.done) {
        if (first) controller.enqueue(encoder.encode(`\uFEFF${auditCsv([], true)}`));
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(`${first ? "\uFEFF" : ""}${auditCsv(next.value, first)}`));
      first = false;
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}
