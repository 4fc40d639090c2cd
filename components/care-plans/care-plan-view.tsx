// A care plan version rendered to be read: every part under its heading, the views recorded,
// and who wrote, submitted and approved it.
import { Badge, SummaryList } from "@/components/ui";
import { formatUkDate, formatUkDateTime } from "@/lib/dates";
import { CARE_PLAN_TEXT_FIELDS, carePlanStatus, namedIroWords, viewsStatusLabel } from "@/lib/care-plans/fields";
import type { CarePlanVersion } from "@/lib/care-plans/queries";
import type { CarePlanContent } from "@/lib/care-plans/schemas";
import { parentName } from "@/lib/sections";

export function CarePlanStatusBadge({ status }: { status: string }) {
  const s = carePlanStatus(status);
  return <Badge tone={s.tone}>{s.label}</Badge>;
}

function Text({ value }: { value: string }) {
  return value.trim() ? <p className="whitespace-pre-wrap">{value}</p> : <p className="text-slate-600">Not recorded</p>;
}

/** The IRO the version names (reg 5(d)), shown at the head of the plan and on its printed copy. */
export function NamedIro({ version, allocatedIroName }: { version: CarePlanVersion; allocatedIroName: string | null }) {
  const value = namedIroWords(version, allocatedIroName);
  return (
    <p className="print-entry mb-2" data-testid="named-iro">
      <span className="font-semibold">Independent Reviewing Officer:</span> {value}
    </p>
  );
}

export function CarePlanMeta({ version }: { version: CarePlanVersion }) {
  return (
    <SummaryList
      items={[
        { term: "Version", value: String(version.version) },
        { term: "Status", value: <CarePlanStatusBadge status={version.status} /> },
        { term: "Plan date", value: formatUkDate(version.content.planDate) },
        { term: "Written by", value: `${version.authorName}, started ${formatUkDateTime(version.createdAt)}` },
        { term: "Last changed", value: formatUkDateTime(version.updatedAt) },
        ...(version.submittedAt
          ? [
              {
                term: "Submitted",
                value: `${formatUkDateTime(version.submittedAt)} by ${version.submittedByName ?? "unknown"}`,
              },
            ]
          : []),
        ...(version.approvedAt
          ? [
              {
                term: "Approved",
                value: `${formatUkDateTime(version.approvedAt)} by ${version.approvedByName ?? "unknown"}`,
              },
            ]
          : []),
      ]}
    />
  );
}

export function CarePlanView({ content, headingLevel = 3 }: { content: CarePlanContent; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? "h2" : "h3";
  const heading = "mt-4 mb-1 text-base font-bold";
  return (
    <div>
      {CARE_PLAN_TEXT_FIELDS.slice(0, 2).map((f) => (
        <section key={f.name} className="print-entry">
          <H className={heading}>{f.label}</H>
          <Text value={content[f.name]} />
        </section>
      ))}
      <section className="print-entry">
        <H className={heading}>The child&apos;s views and wishes</H>
        <p className="text-sm font-semibold text-slate-700">{viewsStatusLabel(content.childViews.status)}</p>
        {content.childViews.text ? <p className="whitespace-pre-wrap">{content.childViews.text}</p> : null}
      </section>
      <section className="print-entry">
        <H className={heading}>Parents&apos; views</H>
        {content.parentViews.length === 0 ? (
          <p className="text-slate-600">Not recorded</p>
        ) : (
          <ul className="space-y-2">
            {content.parentViews.map((p, i) => (
              <li key={i}>
                <span className="font-semibold">{parentName(p)}</span>:{" "}
                <span className="text-sm text-slate-700">{viewsStatusLabel(p.status)}</span>
                {p.text ? <span className="block whitespace-pre-wrap">{p.text}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      {CARE_PLAN_TEXT_FIELDS.slice(2).map((f) => (
        <section key={f.name} className="print-entry">
          <H className={heading}>{f.label}</H>
          <Text value={content[f.name]} />
        </section>
      ))}
    </div>
  );
}
