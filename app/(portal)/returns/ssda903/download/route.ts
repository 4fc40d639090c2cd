// The SSDA903 return's files for a collection year, as one ZIP: the policy first, then the
// download is audited (flagged for review, with the year and the rows sent) before a byte leaves.
import { authorizedView } from "@/lib/access/view";
import { authority } from "@/lib/authority";
import { buildReturn } from "@/lib/ssda903/export";
import { returnZip } from "@/lib/ssda903/files";
import { selectableYears } from "@/lib/ssda903/queries";

export async function GET(request: Request): Promise<Response> {
  const view = await authorizedView("ssda903.download");
  if (!view.ok) return new Response("Not found", { status: view.refusal === "signed-out" ? 401 : 404 });
  const asked = Number(new URL(request.url).searchParams.get("year"));
  const year = selectableYears().find((y) => y.endYear === asked);
  if (!year) return new Response("Choose a collection year from the return's page", { status: 400 });
  const built = await buildReturn(view.reports, year);
  const rows = Object.fromEntries(Object.entries(built.tables).map(([t, r]) => [t, r.length]));
  await view.audit({ year: year.endYear, rows });
  const name = `ssda903-${authority().laCode}-${year.endYear - 1}-${String(year.endYear).slice(2)}.zip`;
  return new Response(Buffer.from(returnZip(built.tables, year)), {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "no-store",
    },
  });
}
