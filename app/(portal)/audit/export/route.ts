// The CSV export of a filtered view of the audit log: the policy first, then the export itself
// is audited (with its filters, flagged for review) before a single row is sent.
import { authorizedView } from "@/lib/access/view";
import { auditCsvStream } from "@/lib/audit/export";
import { auditFilterParams, parseAuditFilters } from "@/lib/audit/schemas";
import { todayIso } from "@/lib/dates";

export async function GET(request: Request): Promise<Response> {
  const view = await authorizedView("audit.export");
  if (!view.ok) return new Response("Not found", { status: view.refusal === "signed-out" ? 401 : 404 });
  const { filters } = parseAuditFilters(Object.fromEntries(new URL(request.url).searchParams));
  await view.audit({ filters: auditFilterParams(filters) });
  return new Response(auditCsvStream(view.db, filters), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-log-${todayIso()}.csv"`,
      "cache-control": "no-store",
    },
  });
}
