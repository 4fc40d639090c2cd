// A subject access request view for one child: everything held on the record and everyone who has
// looked at it or changed it. Records officer only; opening it is audited on the child and flagged.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import type { ReactNode } from "react";
import { MARKER_WORDS } from "@/components/episodes/marker-list";
import { Badge, Card, EmptyState, PageHeader, SummaryList } from "@/components/ui";
import { auditActionLabel, ROLE_LABELS } from "@/lib/access";
import { authorizedView } from "@/lib/access/view";
import { AUDIT_OUTCOMES } from "@/lib/audit/schemas";
import { getSubjectAccess, type HeldList } from "@/lib/audit/subject-access";
import { auditWhy } from "@/lib/audit/words";
import { formatUkDate, formatUkDateTime } from "@/lib/dates";
import { UASC_CEASED_REASONS } from "@/lib/episodes/schemas";
import { RELATIONSHIP_LABELS, SIBLING_KINDS, SIBLING_PLACEMENTS } from "@/lib/people/schemas";
import { birthdayWords } from "@/lib/return-fields/schemas";
import { CONFIDENTIALITY_LABELS, DOCUMENT_CATEGORY_LABELS } from "@/lib/records/constants";
import { isRecordSection, SECTION_DEFINITIONS } from "@/lib/sections";
import { IN_TOUCH, label } from "@/lib/ssda903/codes";

export const metadata: Metadata = { title: "Subject access: one child" };

const th = "px-3 py-2";

const REVIEW_STATUS = { scheduled: "Scheduled", recorded: "Recorded", signed_off: "Signed off" } as const;
const RECOMMENDATION_STATUS = { open: "Open", done: "Done", not_done: "Not done" } as const;
const ALLOCATION_KIND = {
  social_worker: "Social worker",
  iro: "Independent Reviewing Officer",
  team: "Team",
} as const;
const MISSING_KIND = { M: "Missing from placement", A: "Away from placement without authorisation" } as const;

/** The first words of a long text, for a list that says what is held rather than all of it. */
const firstWords = (text: string, max = 120) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);
const between = (from: string | null, to: string | null) =>
  `${from ? formatUkDate(from) : "date not recorded"} to ${to ? formatUkDate(to) : "now"}`;

/** One kind of thing held: its count, the latest of them, and a line saying when only some are listed. */
function HeldKind<T>({
  id,
  title,
  list,
  item,
}: {
  id: string;
  title: string;
  list: HeldList<T>;
  item: (row: T) => { key: string; line: ReactNode };
}) {
  return (
    <section className="print-entry mt-4" aria-labelledby={id}>
      <h3 id={id} className="mb-1 text-lg font-bold">
        {title} ({list.count})
      </h3>
      {list.count === 0 ? (
        <p className="text-sm text-slate-700">None held.</p>
      ) : (
        <>
          <ul className="divide-y divide-slate-200 rounded border border-slate-300 bg-white text-sm">
            {list.items.map((row) => {
              const { key, line } = item(row);
              return (
                <li key={key} className="p-2">
                  {line}
                </li>
              );
            })}
          </ul>
          {list.count > list.items.length ? (
            <p className="mt-1 text-sm text-slate-700">
              The latest {list.items.length} of {list.count} are listed.
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}

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

        <section className="mt-6" aria-labelledby="also-held-heading">
          <h2 id="also-held-heading" className="mb-2 text-xl font-bold">
            Also held on the record
          </h2>
          <HeldKind
            id="held-reviews"
            title="Reviews"
            list={held.reviews}
            item={(r) => ({
              key: r.reviewId,
              line: (
                <>
                  <span className="font-semibold">{REVIEW_STATUS[r.status]}</span>:{" "}
                  {r.heldOn ? `held ${formatUkDate(r.heldOn)}` : `for ${formatUkDateTime(r.scheduledAt)}`} at {r.venue}
                  {r.versions > 1 ? ` · ${r.versions} versions` : ""}
                </>
              ),
            })}
          />
          <HeldKind
            id="held-recommendations"
            title="Review decisions and recommendations"
            list={held.recommendations}
            item={(r) => ({
              key: r.id,
              line: (
                <>
                  <span className="font-semibold">{r.kind === "decision" ? "Decision" : "Recommendation"}</span>:{" "}
                  {firstWords(r.text)} · {r.ownerName ?? "no owner"} by {formatUkDate(r.dueDate)} ·{" "}
                  {RECOMMENDATION_STATUS[r.status]}
                </>
              ),
            })}
          />
          <HeldKind
            id="held-responses"
            title="Team managers' responses to reviews"
            list={held.responses}
            item={(r) => ({
              key: r.id,
              line: (
                <>
                  <span className="font-semibold">{r.response === "agree" ? "Agreed" : "Contested"}</span> by{" "}
                  {r.byName ?? "someone no longer listed"}, {formatUkDateTime(r.respondedAt)}: {firstWords(r.comment)}
                </>
              ),
            })}
          />
          <HeldKind
            id="held-monitoring"
            title="The IRO's monitoring notes"
            list={held.monitoringNotes}
            item={(n) => ({
              key: n.id,
              line: (
                <>
                  {formatUkDateTime(n.writtenAt)}, {n.authorName ?? "someone no longer listed"}: {firstWords(n.note)}
                </>
              ),
            })}
          />
          <HeldKind
            id="held-disputes"
            title="The IRO's disputes about the care plan"
            list={held.disputes}
            item={(d) => ({
              key: d.id,
              line: (
                <>
                  Raised {formatUkDate(d.raisedOn)} by {d.raisedByName ?? "someone no longer listed"}:{" "}
                  {firstWords(d.concern)} · {d.stages === 1 ? "1 stage" : `${d.stages} stages`} ·{" "}
                  {d.resolvedAt ? `resolved: ${firstWords(d.outcome ?? "", 80)}` : "open"}
                  {d.cafcassReferredAt ? " · referred to Cafcass" : ""}
                </>
              ),
            })}
          />
          <HeldKind
            id="held-people"
            title="People linked to the child"
            list={held.people}
            item={(p) => ({
              key: p.id,
              line: (
                <>
                  <span className="font-semibold">
                    {p.firstName} {p.lastName}
                  </span>
                  ,{" "}
                  {p.relationship === "other" && p.relationshipDetail
                    ? p.relationshipDetail
                    : RELATIONSHIP_LABELS[p.relationship]}
                  {p.parentalResponsibility ? ", with parental responsibility" : ""} · {between(p.startDate, p.endDate)}
                </>
              ),
            })}
          />
          <HeldKind
            id="held-siblings"
            title="Sibling links"
            list={held.siblings}
            item={(s) => ({
              key: s.id,
              line: (
                <>
                  <span className="font-semibold">
                    {s.firstName} {s.lastName}
                  </span>{" "}
                  ({s.reference}), {SIBLING_KINDS[s.relationship as keyof typeof SIBLING_KINDS] ?? "Sibling"}
                  {s.placement ? ` · ${SIBLING_PLACEMENTS[s.placement]}` : ""} · {between(s.startDate, s.endDate)}
                </>
              ),
            })}
          />
          <HeldKind
            id="held-missing"
            title="Missing and away from placement"
            list={held.missing}
            item={(m) => ({
              key: m.id,
              line: (
                <>
                  {MISSING_KIND[m.kind]}: from {formatUkDateTime(m.startedAt)}
                  {m.endedAt ? ` to ${formatUkDateTime(m.endedAt)}` : ", not yet back"}
                </>
              ),
            })}
          />
          <HeldKind
            id="held-markers"
            title="CP and CLA marker tasks"
            list={held.markerTasks}
            item={(m) => ({
              key: m.id,
              line: (
                <>
                  {MARKER_WORDS[`${m.marker}:${m.trigger}`]}: due {formatUkDateTime(m.dueAt)} ·{" "}
                  {m.actionedAt ? `actioned ${formatUkDateTime(m.actionedAt)}` : "not actioned"}
                </>
              ),
            })}
          />
          <HeldKind
            id="held-allocations"
            title="Allocations"
            list={held.allocations}
            item={(a) => ({
              key: a.id,
              line: (
                <>
                  {ALLOCATION_KIND[a.kind]}: {a.userName ?? a.teamName ?? "not recorded"} ·{" "}
                  {between(a.startDate, a.endDate)}
                </>
              ),
            })}
          />
          <HeldKind
            id="held-uasc"
            title="Unaccompanied asylum-seeking child status"
            list={held.uasc}
            item={(u) => ({
              key: u.id,
              line: (
                <>
                  Since {formatUkDate(u.sinceDate)}
                  {u.ceasedDate
                    ? `, ceased ${formatUkDate(u.ceasedDate)}: ${
                        UASC_CEASED_REASONS[u.ceasedReason as keyof typeof UASC_CEASED_REASONS] ?? u.ceasedReason
                      }`
                    : ""}
                </>
              ),
            })}
          />
          <HeldKind
            id="held-care-leaver"
            title="Contact with the care leaver"
            list={held.careLeaverContacts}
            item={(c) => ({
              key: c.id,
              line: (
                <>
                  {birthdayWords(c.age)}: {label(IN_TOUCH, c.inTouch)}, contacted {formatUkDate(c.contactedOn)}
                  {c.versions > 1 ? ` · ${c.versions} versions` : ""}
                </>
              ),
            })}
          />
          <HeldKind
            id="held-adoption"
            title="Adoption milestones"
            list={held.adoptionMilestones}
            item={(a) => ({
              key: a.id,
              line: (
                <>
                  Decision {formatUkDate(a.decisionOn)} · matched {a.matchedOn ? formatUkDate(a.matchedOn) : "not yet"}
                  {a.reversedOn ? ` · decision reversed ${formatUkDate(a.reversedOn)}` : ""}
                  {a.versions > 1 ? ` · ${a.versions} versions` : ""}
                </>
              ),
            })}
          />
          <HeldKind
            id="held-duplicates"
            title="Duplicate entries from other records"
            list={held.duplicateEntries}
            item={(e) => ({
              key: e.entryId,
              line: (
                <>
                  {formatUkDate(e.occurredOn)}: {e.title} · from {e.sourceReference ?? "another record"}
                  {e.versions > 1 ? ` · ${e.versions} versions` : ""}
                </>
              ),
            })}
          />
          <HeldKind
            id="held-same-child"
            title="Records found to be the same child"
            list={held.sameChild}
            item={(l) => ({
              key: l.id,
              line: (
                <>
                  {l.inUse ? "This record is in use; " : "This record is closed; "}
                  {l.otherFirstName} {l.otherLastName} ({l.otherReference}) {l.inUse ? "is closed" : "is in use"} ·
                  marked {formatUkDateTime(l.markedAt)}: {firstWords(l.reason)}
                </>
              ),
            })}
          />
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
                {e.outcome !== "allowed"
                  ? ` (${(AUDIT_OUTCOMES.find((o) => o.value === e.outcome)?.label ?? e.outcome).toLowerCase()}${
                      auditWhy(e) ? `: ${auditWhy(e)}` : ""
                    })`
                  : ""}
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
