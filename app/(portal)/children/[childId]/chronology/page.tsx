// The chronology: every dated event of every section in one list, filterable, searchable and
// paginated. Decisions and the views of the child and parents stand out, so a reader can trace
// how each decision was reached.
import type { Metadata } from "next";
import Link from "next/link";
import { ChildRecordShell } from "@/components/children/child-record-shell";
import { PrintButton } from "@/components/ui/print-button";
import { carePlanStatusPhrase } from "@/lib/care-plans/fields";
import { ActionButton } from "@/components/forms/action-button";
import { Badge, EmptyState, Pagination } from "@/components/ui";
import { loadChildPage } from "@/lib/children/page";
import { formatUkDate } from "@/lib/dates";
import { getChronology, type ChronologyItem } from "@/lib/records/chronology";
import { CHRONOLOGY_FILTERS, isFormSection, isRecordSection, SECTION_DEFINITIONS, formSpec } from "@/lib/sections";
import { markSignificantAction } from "@/lib/records/actions";

export const metadata: Metadata = { title: "Chronology" };

function hrefFor(childId: string, item: ChronologyItem): string | null {
  const base = `/children/${childId}`;
  if (item.kind === "episode") return base;
  if (item.kind === "arrangement") return `${base}/arrangements`;
  if (item.kind === "document") return `${base}/documents`;
  if (item.section === "carePlan") return `${base}/care-plan/versions/${item.version ?? 1}`;
  if (item.section === "duplicates" && item.entryId)
    return `${base}/duplicates/${item.entryId}?version=${item.version ?? 1}`;
  const spec = isFormSection(item.section) ? formSpec(item.section) : undefined;
  return spec && item.entryId ? `${base}/${spec.path}/${item.entryId}?version=${item.version ?? 1}` : null;
}

const FILTERS: Array<{ value: string; label: string }> = [{ value: "", label: "All sections" }, ...CHRONOLOGY_FILTERS];

export default async function ChronologyPage({
  params,
  searchParams,
}: {
  params: Promise<{ childId: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { childId } = await params;
  const query = await searchParams;
  const page = await loadChildPage(childId, "chronology");
  const section = FILTERS.some((f) => f.value === query.section) ? (query.section ?? "") : "";
  const search = query.q ?? "";
  const significantOnly = query.significant === "1";
  const result = await getChronology(page.db, page.actor, page.access, {
    section,
    search,
    significantOnly,
    page: Number(query.page) || 1,
  });
  const mayMark = page.may("entry.markSignificant");
  const link = (p: number) =>
    `/children/${childId}/chronology?${new URLSearchParams({ ...(section ? { section } : {}), ...(search ? { q: search } : {}), ...(significantOnly ? { significant: "1" } : {}), page: String(p) })}`;

  return (
    <ChildRecordShell page={page} current="chronology">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-xl font-bold">Chronology</h2>
        <PrintButton label="Print the chronology" />
      </div>
      <form
        className="mb-4 flex flex-wrap items-end gap-3 rounded border border-slate-300 bg-white p-3"
        action={`/children/${childId}/chronology`}
      >
        <div>
          <label htmlFor="section" className="block font-semibold">
            Section
          </label>
          <select
            id="section"
            name="section"
            defaultValue={section}
            className="mt-1 rounded border border-slate-600 px-3 py-2"
          >
            {FILTERS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="q" className="block font-semibold">
            Search
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={search}
            className="mt-1 w-64 rounded border border-slate-600 px-3 py-2"
          />
        </div>
        <div className="flex items-center gap-2 py-2">
          <input
            id="significant"
            name="significant"
            type="checkbox"
            value="1"
            defaultChecked={significantOnly}
            className="h-5 w-5"
          />
          <label htmlFor="significant" className="font-semibold">
            Significant events only
          </label>
        </div>
        <button
          type="submit"
          className="min-h-11 rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
        >
          Apply
        </button>
        {section || search || significantOnly ? (
          <Link href={`/children/${childId}/chronology`} className="py-2">
            Clear filters
          </Link>
        ) : null}
      </form>
      <p className="mb-2 text-sm text-slate-700" aria-live="polite">
        {result.total} event{result.total === 1 ? "" : "s"}
      </p>
      {result.items.length === 0 ? (
        <EmptyState title="No events match">Try another section, or clear the search.</EmptyState>
      ) : (
        <ol className="space-y-2">
          {result.items.map((item) => {
            const href = hrefFor(childId, item);
            const isDecision = item.section === "decisions";
            return (
              <li
                key={`${item.kind}-${item.id}`}
                className={`print-entry rounded border bg-white p-3 ${isDecision ? "border-l-8 border-brand-700" : "border-slate-300"}`}
              >
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <p>
                    <span className="mr-2 font-mono text-sm">{formatUkDate(item.occurredOn)}</span>
                    {href ? (
                      <Link href={href} className="font-semibold">
                        {item.title}
                      </Link>
                    ) : (
                      <span className="font-semibold">{item.title}</span>
                    )}
                  </p>
                  <span className="flex flex-wrap gap-1">
                    <Badge tone={isDecision ? "blue" : "grey"}>
                      {isDecision
                        ? "Decision"
                        : isRecordSection(item.section)
                          ? SECTION_DEFINITIONS[item.section].label
                          : "Episode of care"}
                    </Badge>
                    {item.section === "carePlan" && item.status ? (
                      <Badge
                        tone={item.status === "approved" ? "green" : "amber"}
                      >{`Version ${item.version}, ${carePlanStatusPhrase(item.status)}`}</Badge>
                    ) : null}
                    {item.confidentiality === "restricted" ? <Badge tone="red">Restricted</Badge> : null}
                    {item.confidentiality === "sealed" ? <Badge tone="red">Sealed: misfiled</Badge> : null}
                    {item.significant ? <Badge tone="amber">Significant</Badge> : null}
                  </span>
                </div>
                {item.detail ? <p className="mt-1 line-clamp-3 whitespace-pre-wrap text-sm">{item.detail}</p> : null}
                {item.childViews ? (
                  <p className="mt-1 border-l-4 border-purple-700 bg-purple-50 px-2 py-1 text-sm">
                    <span className="font-semibold">Child&apos;s views:</span> {item.childViews}
                  </p>
                ) : null}
                {item.parentViews ? (
                  <p className="mt-1 border-l-4 border-teal-700 bg-teal-50 px-2 py-1 text-sm">
                    <span className="font-semibold">Parents&apos; views:</span> {item.parentViews}
                  </p>
                ) : null}
                <div className="mt-1 flex flex-wrap items-center justify-between gap-2 text-xs text-slate-700">
                  <span>{item.authorName ? `Recorded by ${item.authorName}` : ""}</span>
                  {mayMark && item.kind === "entry" ? (
                    <ActionButton
                      action={markSignificantAction}
                      input={{ childId, rowId: item.id, significant: !item.significant }}
                      label={item.significant ? "Unmark significant" : "Mark significant"}
                      context={item.title}
                      compact
                    />
                  ) : null}
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <Pagination page={result.page} pages={result.pages} hrefFor={link} label="Chronology pages" />
    </ChildRecordShell>
  );
}
