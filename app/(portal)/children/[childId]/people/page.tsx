// The people around a child: parents, relatives and significant people (one record each, however
// many siblings they are linked to), with parental responsibility; contact details only for those
// who may see them (never providers); and sibling links, each shown on both children's records.
import type { Metadata } from "next";
import Link from "next/link";
import { ChildRecordShell } from "@/components/children/child-record-shell";
import {
  AddPersonForm,
  AmendPersonForm,
  EndPersonLinkForm,
  EndSiblingLinkForm,
  LinkSiblingContactForm,
  LinkSiblingForm,
} from "@/components/people/people-forms";
import { Badge, Card, EmptyState } from "@/components/ui";
import { loadChildPage } from "@/lib/children/page";
import { formatUkDate, formatUkDateTime } from "@/lib/dates";
import {
  contactLinkChoices,
  listChildPeople,
  listPersonVersions,
  listSiblingContactLinks,
  listSiblingLinks,
  peopleOfSiblings,
  siblingChoices,
  type PersonVersionRow,
} from "@/lib/people/queries";
import { SIBLING_KINDS, SIBLING_PLACEMENTS } from "@/lib/people/schemas";

export const metadata: Metadata = { title: "Family and people" };

export default async function PeoplePage({ params }: { params: Promise<{ childId: string }> }) {
  const { childId } = await params;
  const page = await loadChildPage(childId, "people");
  const { db, actor, access } = page;
  const mayAdd = page.may("people.add");
  const mayLink = page.may("siblings.link");
  const mayLinkContact = page.may("siblings.linkContact");
  const [people, siblings, contactLinks, history] = await Promise.all([
    listChildPeople(db, access),
    listSiblingLinks(db, access),
    listSiblingContactLinks(db, actor, access),
    listPersonVersions(db, access),
  ]);
  const [siblingsPeople, choices, contactChoices] = await Promise.all([
    mayAdd ? peopleOfSiblings(db, access) : [],
    mayLink ? siblingChoices(db, actor, access) : [],
    mayLinkContact ? contactLinkChoices(db, actor, access) : null,
  ]);
  const hidesContact = access.redactions.hidesBirthFamilyAddresses;
  const current = people.filter((p) => !p.endDate);
  const ended = people.filter((p) => p.endDate);

  return (
    <ChildRecordShell page={page} current="people">
      <div className="mb-4">
        <h2 className="text-xl font-bold">Family and people</h2>
        <p className="text-slate-700">
          Parents, relatives and other significant people. Each person is one record, linked to every child they are
          part of the life of; each child&apos;s record stays separate and is never merged with another.
        </p>
        {hidesContact ? (
          <p className="mt-2 text-sm text-slate-700">Addresses and contact details are not shown to providers.</p>
        ) : null}
      </div>

      <section aria-labelledby="people-now" className="mb-6">
        <h3 id="people-now" className="mb-2 text-lg font-bold">
          People linked now
        </h3>
        {current.length === 0 ? (
          <EmptyState title="No one is linked to this child yet" />
        ) : (
          <ul className="space-y-3">
            {current.map((p) => (
              <li key={p.linkId} className="rounded border border-slate-300 bg-white p-3">
                <p className="font-semibold">
                  {p.firstName} {p.lastName} <span className="font-normal">({p.relationshipLabel})</span>{" "}
                  {p.parentalResponsibility ? <Badge tone="blue">Parental responsibility</Badge> : null}
                </p>
                <p className="text-sm text-slate-700">
                  Linked since {formatUkDate(p.startDate)}
                  {p.linkedChildren > 1 ? ` · also linked to ${p.linkedChildren - 1} other child's record` : ""}
                </p>
                {hidesContact ? null : (
                  <dl className="mt-1 grid gap-x-4 text-sm sm:grid-cols-3">
                    <div>
                      <dt className="font-semibold">Address</dt>
                      <dd className="whitespace-pre-wrap">{p.address || "Not recorded"}</dd>
                    </div>
                    <div>
                      <dt className="font-semibold">Phone</dt>
                      <dd>{p.phone || "Not recorded"}</dd>
                    </div>
                    <div>
                      <dt className="font-semibold">Email</dt>
                      <dd>{p.email || "Not recorded"}</dd>
                    </div>
                  </dl>
                )}
                <PersonHistory
                  name={p.firstName}
                  versions={history.get(p.personId) ?? []}
                  hidesContact={hidesContact}
                />
                {mayAdd ? (
                  <div className="mt-2 flex flex-wrap gap-4">
                    <details>
                      <summary className="cursor-pointer text-brand-700">Change {p.firstName}&apos;s details</summary>
                      <AmendPersonForm
                        childId={childId}
                        person={{
                          personId: p.personId,
                          version: p.version,
                          firstName: p.firstName,
                          lastName: p.lastName,
                          address: p.address ?? "",
                          phone: p.phone ?? "",
                          email: p.email ?? "",
                        }}
                      />
                    </details>
                    <details>
                      <summary className="cursor-pointer text-brand-700">End the link</summary>
                      <EndPersonLinkForm childId={childId} linkId={p.linkId} name={`${p.firstName} ${p.lastName}`} />
                    </details>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {ended.length > 0 ? (
          <details className="mt-3">
            <summary className="cursor-pointer text-brand-700">Links that have ended ({ended.length})</summary>
            <ul className="mt-2 list-disc pl-5 text-sm">
              {ended.map((p) => (
                <li key={p.linkId}>
                  {p.firstName} {p.lastName} ({p.relationshipLabel}), {formatUkDate(p.startDate)} to{" "}
                  {formatUkDate(p.endDate)}: {p.endReason}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>

      {access.redactions.hidesSiblingRecords ? null : (
        <section aria-labelledby="siblings" className="mb-6">
          <h3 id="siblings" className="mb-2 text-lg font-bold">
            Siblings (separate records)
          </h3>
          {siblings.length === 0 ? (
            <EmptyState title="No siblings are linked" />
          ) : (
            <ul className="space-y-3">
              {siblings.map((s) => (
                <li key={s.id} className="rounded border border-slate-300 bg-white p-3">
                  <p className="font-semibold">
                    <Link href={`/children/${s.siblingId}`}>
                      {s.firstName} {s.lastName}
                    </Link>{" "}
                    <span className="font-normal">
                      ({SIBLING_KINDS[s.relationship as keyof typeof SIBLING_KINDS] ?? "Sibling"})
                    </span>{" "}
                    {s.endDate ? <Badge>Link ended</Badge> : null}
                  </p>
                  <p className="text-sm">
                    {s.placement ? SIBLING_PLACEMENTS[s.placement] : "Placed together or apart: not recorded"}
                    {s.placementReason ? `: ${s.placementReason}` : ""}
                  </p>
                  {s.endDate ? (
                    <p className="text-sm text-slate-700">
                      Ended {formatUkDate(s.endDate)}: {s.endReason}
                    </p>
                  ) : mayLink ? (
                    <details className="mt-1">
                      <summary className="cursor-pointer text-brand-700">End this sibling link</summary>
                      <EndSiblingLinkForm childId={childId} siblingId={s.siblingId} name={s.firstName} />
                    </details>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {contactLinks.length > 0 ? (
            <div className="mt-3">
              <h4 className="font-semibold">Contact arrangements linked with siblings&apos;</h4>
              <ul className="list-disc pl-5 text-sm">
                {contactLinks.map((l) => (
                  <li key={l.id}>
                    {l.ownTitle ? (
                      <Link href={`/children/${childId}/contact/${l.ownEntryId}`}>{l.ownTitle}</Link>
                    ) : (
                      "An arrangement on this record you cannot see"
                    )}{" "}
                    is linked with{" "}
                    {l.siblingTitle ? (
                      <>
                        {l.siblingName}&apos;s{" "}
                        <Link href={`/children/${l.siblingId}/contact/${l.siblingEntryId}`}>{l.siblingTitle}</Link>
                      </>
                    ) : (
                      "a linked arrangement on a sibling's record you cannot open"
                    )}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </section>
      )}

      <div className="grid gap-4 lg:grid-cols-2">
        {mayAdd ? (
          <Card title="Link a person" headingLevel={3}>
            <AddPersonForm childId={childId} siblingsPeople={siblingsPeople} />
          </Card>
        ) : null}
        {mayLink ? (
          <Card title="Link a sibling" headingLevel={3}>
            {choices.length === 0 ? (
              <p>There is no other child you may link.</p>
            ) : (
              <LinkSiblingForm childId={childId} choices={choices} />
            )}
          </Card>
        ) : null}
        {contactChoices && contactChoices.siblings.length > 0 ? (
          <Card title="Link contact arrangements across siblings' records" headingLevel={3}>
            <LinkSiblingContactForm childId={childId} own={contactChoices.own} siblings={contactChoices.siblings} />
          </Card>
        ) : null}
      </div>
    </ChildRecordShell>
  );
}

/** Every version of a person's details, newest first, each with who changed it, when and why. */
function PersonHistory({
  name,
  versions,
  hidesContact,
}: {
  name: string;
  versions: readonly PersonVersionRow[];
  hidesContact: boolean;
}) {
  if (versions.length < 2) return null;
  return (
    <details className="mt-2">
      <summary className="cursor-pointer text-brand-700">
        History of {name}&apos;s details ({versions.length} versions)
      </summary>
      <ol className="mt-2 space-y-2">
        {[...versions].reverse().map((v) => (
          <li key={v.id} className="rounded border border-slate-200 p-2 text-sm">
            <p>
              <span className="font-semibold">
                Version {v.version}
                {v.current ? " (current)" : ""}
              </span>{" "}
              by {v.authorName ?? "the demo seed"}, {formatUkDateTime(v.createdAt)}.{" "}
              {v.amendReason ?? "First recorded."}
            </p>
            <dl className="mt-1 grid gap-x-4 sm:grid-cols-4">
              <div>
                <dt className="font-semibold">Name</dt>
                <dd>
                  {v.firstName} {v.lastName}
                </dd>
              </div>
              {hidesContact ? null : (
                <>
                  <div>
                    <dt className="font-semibold">Address</dt>
                    <dd className="whitespace-pre-wrap">{v.address || "Not recorded"}</dd>
                  </div>
                  <div>
                    <dt className="font-semibold">Phone</dt>
                    <dd>{v.phone || "Not recorded"}</dd>
                  </div>
                  <div>
                    <dt className="font-semibold">Email</dt>
                    <dd>{v.email || "Not recorded"}</dd>
                  </div>
                </>
              )}
            </dl>
          </li>
        ))}
      </ol>
    </details>
  );
}
