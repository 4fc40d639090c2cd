// Frame of every page of a child's record: who the child is, and the sections this person may open.
import Link from "next/link";
import type { ReactNode } from "react";
import { Badge, Notice } from "@/components/ui";
import type { ChildPage } from "@/lib/children/page";
import { ageInYears, formatUkDate } from "@/lib/dates";
import { childrenBackLink } from "@/lib/navigation";
import { SECTION_DEFINITIONS, sectionHref, type RecordSection } from "@/lib/sections";

export async function ChildRecordShell({
  page,
  current,
  children,
}: {
  page: ChildPage;
  current: RecordSection;
  children: ReactNode;
}) {
  // Nothing of the record is shown until the view is in the audit log (a failure shows the error page).
  await page.audited;
  const { header, access, sections } = page;
  const back = childrenBackLink(page.actor);
  const name = `${header.firstName}${header.preferredName ? ` (${header.preferredName})` : ""} ${header.lastName}`;
  return (
    <>
      {/* Printed at the top of every page: whose record this is. */}
      <div className="print-frame">
        <div className="print-running-head">
          <span>
            {name} · {header.reference} · born {formatUkDate(header.dateOfBirth)} · confidential
          </span>
        </div>
        <div className="print-frame-body">
          <nav aria-label="Breadcrumb" className="mb-2 text-sm">
            <Link href={back.href}>{back.label}</Link> <span aria-hidden="true">›</span> <span>{name}</span>
          </nav>
          <div className="mb-4 flex flex-wrap items-end justify-between gap-2 border-b border-slate-300 pb-4">
            <div>
              <h1 className="text-2xl font-bold">{name}</h1>
              <p className="text-slate-700">
                {header.reference} · Born {formatUkDate(header.dateOfBirth)} (age {ageInYears(header.dateOfBirth)})
              </p>
            </div>
            {access.relation === "break_glass" ? (
              <Badge tone="red">Break-glass access: this visit is logged for review</Badge>
            ) : null}
            {access.relation === "team" ? <Badge tone="amber">Read-only summary: not allocated to you</Badge> : null}
            {header.cpInForce ? <Badge tone="red">Child Protection Plan in force</Badge> : null}
            {access.relation === "provider" ? <Badge tone="purple">Provider view</Badge> : null}
          </div>
          {page.sameChild.map((r) =>
            r.other === "in use" ? (
              <Notice key={r.otherId} tone="warning" title="This record is closed">
                It is the same child as <Link href={`/children/${r.otherId}`}>{r.otherReference}</Link>, which is the
                record in use. This record stays readable; nothing new can be added to it.
              </Notice>
            ) : (
              <Notice key={r.otherId} title="Also recorded under another reference">
                The same child has a closed record, <Link href={`/children/${r.otherId}`}>{r.otherReference}</Link>. It
                stays readable; add everything new here.
              </Notice>
            ),
          )}
          <nav aria-label="Sections of the record" className="mb-6">
            <ul className="flex flex-wrap gap-1 text-sm">
              {sections.map((s) => (
                <li key={s}>
                  <Link
                    href={sectionHref(header.id, s)}
                    aria-current={s === current ? "page" : undefined}
                    className={`block rounded px-3 py-2 font-semibold no-underline ${s === current ? "bg-brand-700 text-white hover:text-white" : "bg-white text-brand-700 ring-1 ring-slate-300 hover:bg-brand-50"}`}
                  >
                    {SECTION_DEFINITIONS[s].label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          {children}
        </div>
      </div>
    </>
  );
}
