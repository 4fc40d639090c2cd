// A subject access request view for one child: everything held on the record and everyone who has
// looked at it or changed it. Records officer only; opening it is audited on the child and flagged.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { Badge, Card, EmptyState, PageHeader, SummaryList } from "@/components/ui";
import { auditActionLabel, ROLE_LABELS } from "@/lib/access";
import { authorizedView } from "@/lib/access/view";
import { getSubjectAccess } from "@/lib/audit/subject-access";
import { formatUkDate, formatUkDateTime } from "@/lib/dates";
import { CONFIDENTIALITY_LABELS, DOCUMENT_CATEGORY_LABELS } from "@/lib/records/constants";
import { isRecordSection, SECTION_DEFINITIONS } from "@/lib/sections";

export const metadata: Metadata = { title: "Subject access: one child" };

const th = "px-3 py-2";

export default async function SubjectAccessPage({ params }: { params: Promise<{ childId: string }> }) {
  const { childId } = await params;
  const view = await authorizedView("audit.subjectAccess", childId);
  if (!view.ok) {
    if (view.refusal === "signed-out") redirect("/sign-in");
    if (view.refusal === "permission") redirect("/");
    notFound();
  }
  const held = await getSubjectAccess(view.db, childId);
  if (!held) notFound();
  await view.audit({ reference: held.child.reference });
  const { child } = held;
  const sections = [...new Set(held.entries.map((e) => e.section))];
  const sectionLabel = (s: string) => (isRecordSection(s) ? SECTION_DEFINITIONS[s].label : s);

  return (
    <div className="print-frame">
      <div className="print-running-head">
        <span>
          Subject access: {child.firstName} {child.lastName} · {child.reference} · confidential
        </span>
      </div>
      <div className="print-frame-body">
        <nav aria-label="Breadcrumb" className="mb-2 text-sm print:hidden">
          <Link href="/audit">Audit log</Link> <span aria-hidden="true">›</span>{" "}
          <span>
            {child.firstName} {child.lastName}
          </span>
        </nav>
        <PageHeader
          title={`Subject access: ${child.firstName} ${child.lastName}`}
          caption="Everything held on this child's record, and everyone who has looked at it or changed it"
        />
        <Card title="The child">
          <SummaryList
            items={[
              { term: "Name", value: `${child.firstName} ${child.lastName}` },
              { term: "Reference", value: child.reference },
              { term: "Date of birth", value: formatUkDate(child.dateOfBirth) },
              {
                term: "Also held",
                value: `${held.counts.episodes} episode rows of care (SSDA903), ${held.counts.arrangements} provider arrangement versions, ${held.counts.childProtectionPlans} Child Protection Plans`,
              },
            ]}
          />
        </Card>

        <section className="mt-6" aria-labelledby="held-heading">
          <h2 id="held-heading" className="mb-2 text-xl font-bold">
            Entries held ({held.entries.length})
          </h2>
          {sections.length === 0 ? (
            <EmptyState title="No entries on this record" />
          ) : (
            sections.map((s) => {
              const rows = held.entries.filter((e) => e.section === s);
              return (
                <div key={s} className="print-entry mb-4 overflow-x-auto rounded border border-slate-300 bg-white">
                  <table className="w-full text-left text-sm">
                    <caption className="bg-slate-50 px-3 py-2 text-left font-bold">
                      {sectionLabel(s)} ({rows.length})
                    </caption>
                    <thead className="bg-slate-100">
                      <tr>
                        <th scope="col" className={th}>
                          Date
                        </th>
                        <th scope="col" className={th}>
                          Title
                        </th>
                        <th scope="col" className={th}>
                          Versions
                        </th>
                        <th scope="col" className={th}>
                          Confidentiality
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {rows.map((e) => (
                        <tr key={e.entryId} className="border-t border-slate-200">
                          <td className={`${th} whitespace-nowrap`}>{formatUkDate(e.occurredOn)}</td>
                          <td className={th}>{e.title}</td>
                          <td className={th}>{e.versions}</td>
                          <td className={th}>
                            {CONFIDENTIALITY_LABELS[e.confidentiality as keyof typeof CONFIDENTIALITY_LABELS] ??
                              e.confidentiality}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              );
            })
          )}
        </section>

        <section className="print-entry mt-6" aria-labelledby="documents-heading">
          <h2 id="documents-heading" className="mb-2 text-xl font-bold">
            Documents held ({held.documents.length})
          </h2>
          {held.documents.length === 0 ? (
            <EmptyState title="No documents on this record" />
          ) : (
            <ul className="divide-y divide-slate-200 rounded border border-slate-300 bg-white">
              {held.documents.map((d) => (
                <li key={d.id} className="p-3 text-sm">
                  <span className="font-semibold">{d.title}</span> ({d.fileName}) ·{" "}
                  {DOCUMENT_CATEGORY_LABELS[d.category] ?? d.category} · {formatUkDate(d.documentDate)}
                  {d.confidentiality !== "standard" ? (
                    <>
                      {" "}
                      <Badge tone="red">{CONFIDENTIALITY_LABELS[d.confidentiality]}</Badge>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>

        <section className="print-entry mt-6" aria-labelledby="lookers-heading">
          <h2 id="lookers-heading" className="mb-2 text-xl font-bold">
            Who has looked at or changed the record ({held.lookers.length})
          </h2>
          {held.lookers.length === 0 ? (
            <EmptyState title="Nobody has opened this record" />
          ) : (
            <div className="overflow-x-auto rounded border border-slate-300 bg-white">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">People who have looked at or changed the record</caption>
                <thead className="bg-slate-100">
                  <tr>
                    <th scope="col" className={th}>
                      Person
                    </th>
                    <th scope="col" className={th}>
                      Views and downloads
                    </th>
                    <th scope="col" className={th}>
                      All events
                    </th>
                    <th scope="col" className={th}>
                      First
                    </th>
                    <th scope="col" className={th}>
                      Latest
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {held.lookers.map((l) => (
                    <tr key={l.actorId ?? "none"} className="border-t border-slate-200">
                      <td className={th}>
                        {l.name ?? "Nobody signed in"}
                        {l.role ? <span className="block text-xs text-slate-700">{ROLE_LABELS[l.role]}</span> : null}
                        {l.breakGlass > 0 ? <Badge tone="red">{`${l.breakGlass} flagged`}</Badge> : null}
                      </td>
                      <td className={th}>{l.views}</td>
                      <td className={th}>{l.events}</td>
                      <td className={`${th} whitespace-nowrap`}>{formatUkDateTime(l.first)}</td>
                      <td className={`${th} whitespace-nowrap`}>{formatUkDateTime(l.last)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>

        <section className="print-entry mt-6" aria-labelledby="recent-heading">
          <h2 id="recent-heading" className="mb-2 text-xl font-bold">
            The latest events on this record
          </h2>
          <ul className="divide-y divide-slate-200 rounded border border-slate-300 bg-white text-sm">
            {held.recent.map((e) => (
              <li key={e.id} className="p-2">
                {formatUkDateTime(e.occurredAt)}: {e.actorName ?? "Nobody signed in"}, {auditActionLabel(e.action)}
                {e.outcome !== "allowed" ? ` (${e.outcome})` : ""}
                {e.flagged ? " · flagged" : ""}
              </li>
            ))}
          </ul>
          <p className="mt-2 print:hidden">
            <Link href={`/audit?child=${encodeURIComponent(child.reference)}`}>
              Every event on this record in the audit log
            </Link>
          </p>
        </section>
      </div>
    </div>
  );
}
