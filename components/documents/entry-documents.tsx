// The documents attached to one section entry, with download links and a link to attach another.
// A server component for section entry pages: <EntryDocuments page={page} entryId={entry.entryId} />.
import { Badge } from "@/components/ui";
import type { ChildPage } from "@/lib/children/page";
import { formatUkDate } from "@/lib/dates";
import { documentsForEntry, type DocumentListItem } from "@/lib/documents/queries";
import { formatFileSize } from "@/lib/documents/schemas";

export const downloadHref = (childId: string, documentId: string) =>
  `/children/${childId}/documents/${documentId}/download`;

/** A plain link: the route answers with a download, which a client-side navigation cannot show. */
export function DocumentTitleLink({
  childId,
  document,
}: {
  childId: string;
  document: Pick<DocumentListItem, "id" | "title" | "fileName">;
}) {
  return (
    <a href={downloadHref(childId, document.id)} className="font-semibold">
      {document.title}
      <span className="sr-only"> (download {document.fileName})</span>
    </a>
  );
}

export function DocumentFlags({
  document,
}: {
  document: Pick<DocumentListItem, "confidentiality" | "childProperty" | "inProgressFile" | "providerSubmitted">;
}) {
  const flags = [
    document.confidentiality === "restricted" ? (
      <Badge key="r" tone="amber">
        Restricted
      </Badge>
    ) : null,
    document.confidentiality === "sealed" ? (
      <Badge key="s" tone="red">
        Sealed
      </Badge>
    ) : null,
    document.childProperty ? (
      <Badge key="p" tone="green">
        Child&apos;s property
      </Badge>
    ) : null,
    document.inProgressFile ? (
      <Badge key="f" tone="blue">
        In progress file
      </Badge>
    ) : null,
    document.providerSubmitted ? (
      <Badge key="v" tone="purple">
        Provider-submitted
      </Badge>
    ) : null,
  ].filter(Boolean);
  return flags.length ? <span className="mt-1 flex flex-wrap gap-1">{flags}</span> : null;
}

export async function EntryDocuments({
  page,
  entryId,
  headingLevel = 3,
}: {
  page: ChildPage;
  entryId: string;
  headingLevel?: 2 | 3;
}) {
  const { actor, access, db, header } = page;
  if (!page.may("documents.view")) return null;
  const docs = await documentsForEntry(db, actor, access, entryId);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const attachHref = `/children/${header.id}/documents?entryId=${encodeURIComponent(entryId)}#upload`;
  return (
    <section aria-labelledby={`documents-${entryId}`} className="mt-4">
      <Heading id={`documents-${entryId}`} className="mb-2 text-lg font-bold">
        Documents
      </Heading>
      {docs.length === 0 ? (
        <p className="text-slate-700">No documents are attached to this entry.</p>
      ) : (
        <ul className="space-y-2">
          {docs.map((d) => (
            <li key={d.id}>
              <DocumentTitleLink childId={header.id} document={d} />
              <span className="block text-sm text-slate-700">
                {d.fileName} · {formatFileSize(d.sizeBytes)} · {formatUkDate(d.documentDate)}
              </span>
              <DocumentFlags document={d} />
            </li>
          ))}
        </ul>
      )}
      {page.may("documents.upload") ? (
        <p className="mt-2">
          <a href={attachHref}>Attach a document</a>
        </p>
      ) : null}
    </section>
  );
}
