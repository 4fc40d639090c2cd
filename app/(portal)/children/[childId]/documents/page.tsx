// A child's documents tab: the documents this person may see, filtered by category and paged,
// the upload form for those who may add documents, and the child's progress file export.
import type { Metadata } from "next";
import { ChildRecordShell } from "@/components/children/child-record-shell";
import { DocumentTitleLink, DocumentFlags } from "@/components/documents/entry-documents";
import { Button, ButtonLink, Card, EmptyState, Notice, Pagination } from "@/components/ui";
import { loadChildPage } from "@/lib/children/page";
import { formatUkDate } from "@/lib/dates";
import { attachableEntry, listDocuments } from "@/lib/documents/queries";
import { documentListQuery, formatFileSize } from "@/lib/documents/schemas";
import { DOCUMENT_CATEGORIES, DOCUMENT_CATEGORY_LABELS } from "@/lib/records/constants";
import {
  formSpec,
  isFormSection,
  PROVIDER_DOCUMENT_CATEGORIES,
  SECTION_DEFINITIONS,
  sectionHref,
} from "@/lib/sections";
import { UploadDocumentForm, type UploadDefaults } from "./upload-document-form";

export const metadata: Metadata = { title: "Documents" };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function DocumentsPage({
  params,
  searchParams,
}: {
  params: Promise<{ childId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { childId } = await params;
  const raw = await searchParams;
  const query = documentListQuery.parse({
    category: first(raw.category),
    page: first(raw.page),
    entryId: first(raw.entryId),
  });
  const page = await loadChildPage(childId, "documents");
  const { actor, access, db } = page;

  const [list, entry] = await Promise.all([
    listDocuments(db, actor, access, { category: query.category, page: query.page }),
    query.entryId ? attachableEntry(db, actor, access, query.entryId) : Promise.resolve(null),
  ]);
  const mayUpload = page.may("documents.upload");
  const mayExport = page.may("progressFile.export");
  const isProvider = access.redactions.ownOrganisationSections.includes("documents");
  const base = `/children/${childId}/documents`;
  const hrefFor = (n: number) => {
    const qs = new URLSearchParams();
    if (query.category) qs.set("category", query.category);
    if (n > 1) qs.set("page", String(n));
    const s = qs.toString();
    return s ? `${base}?${s}` : base;
  };
  const entrySpec = entry && isFormSection(entry.section) ? formSpec(entry.section) : undefined;
  const defaults: UploadDefaults = {
    category: entrySpec?.documentCategory ?? (entry?.section === "carePlan" ? "care_plan" : ""),
    childProperty: entrySpec?.childPropertyByDefault ?? false,
    entryId: entry?.entryId ?? "",
  };

  return (
    <ChildRecordShell page={page} current="documents">
      <div className="mb-4 flex flex-wrap items-end justify-between gap-4">
        <div>
          <h2 className="text-xl font-bold">Documents</h2>
          <p className="text-slate-700">
            {isProvider
              ? "Documents your organisation has submitted for this child."
              : "Every document on the child's record, newest first. Documents are never deleted: a misfiled one is sealed by the records officer."}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {mayUpload ? (
            <ButtonLink href="#upload" variant="secondary">
              Upload a document
            </ButtonLink>
          ) : null}
          {mayExport ? (
            // A plain link: the ZIP is a download, not a page to prefetch.
            <a
              href={`/children/${childId}/progress-file`}
              className="inline-flex min-h-11 items-center justify-center rounded bg-brand-700 px-4 py-2 text-sm font-semibold text-white no-underline hover:bg-brand-800 hover:text-white"
            >
              Download the child&apos;s progress file (ZIP)
            </a>
          ) : null}
        </div>
      </div>

      <form method="get" action={base} className="mb-4 flex flex-wrap items-end gap-2" aria-label="Filter documents">
        <div>
          <label htmlFor="category-filter" className="block font-semibold">
            Category
          </label>
          <select
            id="category-filter"
            name="category"
            defaultValue={query.category ?? ""}
            className="mt-1 block rounded border border-slate-600 px-3 py-2"
          >
            <option value="">All categories</option>
            {(isProvider ? PROVIDER_DOCUMENT_CATEGORIES : DOCUMENT_CATEGORIES).map((c) => (
              <option key={c} value={c}>
                {DOCUMENT_CATEGORY_LABELS[c]}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" variant="secondary">
          Show
        </Button>
      </form>

      {list.items.length === 0 ? (
        <EmptyState
          title={
            query.category
              ? `No documents in “${DOCUMENT_CATEGORY_LABELS[query.category]}”`
              : isProvider
                ? "Your organisation has not uploaded any documents yet"
                : "No documents yet"
          }
        >
          {isProvider ? "Only documents your organisation uploaded are shown, not the local authority's. " : null}
          {query.category ? (
            <a href={base}>Show all categories</a>
          ) : mayUpload ? (
            "Documents uploaded to this record will be listed here."
          ) : null}
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded border border-slate-300 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">
              Documents{query.category ? ` in ${DOCUMENT_CATEGORY_LABELS[query.category]}` : ""}, newest first, page{" "}
              {list.page} of {list.pages}
            </caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Document
                </th>
                <th scope="col" className="px-3 py-2">
                  Category
                </th>
                <th scope="col" className="px-3 py-2">
                  Date
                </th>
                <th scope="col" className="px-3 py-2">
                  Uploaded by
                </th>
                <th scope="col" className="px-3 py-2">
                  Attached to
                </th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((d) => (
                <tr key={d.id} className="border-t border-slate-200 align-top">
                  <td className="px-3 py-2">
                    <DocumentTitleLink childId={childId} document={d} />
                    <span className="block text-slate-700">
                      {d.fileName} · {formatFileSize(d.sizeBytes)}
                    </span>
                    <DocumentFlags document={d} />
                  </td>
                  <td className="px-3 py-2">{DOCUMENT_CATEGORY_LABELS[d.category]}</td>
                  <td className="px-3 py-2">{formatUkDate(d.documentDate)}</td>
                  <td className="px-3 py-2">{d.uploadedByName}</td>
                  <td className="px-3 py-2">
                    {d.entry ? (
                      <>
                        <a href={sectionHref(childId, d.entry.section)}>{SECTION_DEFINITIONS[d.entry.section].label}</a>
                        <span className="block text-slate-700">{d.entry.title}</span>
                      </>
                    ) : (
                      <span className="text-slate-600">Not attached</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={list.page} pages={list.pages} hrefFor={hrefFor} label="Pages of documents" />

      {mayUpload ? (
        <div id="upload" className="mt-8 max-w-2xl scroll-mt-4">
          <Card title="Upload a document">
            {query.entryId && !entry ? (
              <Notice tone="warning" title="The entry could not be found">
                The document will be added to the record without being attached to an entry.
              </Notice>
            ) : null}
            {entry ? (
              <p className="mb-4">
                Attaching to {SECTION_DEFINITIONS[entry.section].label}: <strong>{entry.title}</strong>.{" "}
                <a href={`${base}#upload`}>Upload without attaching</a>
              </p>
            ) : null}
            <UploadDocumentForm
              key={entry?.entryId ?? "none"}
              childId={childId}
              defaults={defaults}
              isProvider={isProvider}
            />
          </Card>
        </div>
      ) : null}
    </ChildRecordShell>
  );
}
