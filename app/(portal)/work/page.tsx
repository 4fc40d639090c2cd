// The signed-in person's work tray: what is overdue and due soon for the children they work with
// (computed from the record, each with the rule and facts behind it), the decisions and
// recommendations they own, and for a team manager the care plans waiting for approval and the
// CP and CLA marker tasks still open; for an IRO and a team manager the open stages of disputes
// about a care plan.
import type { Metadata } from "next";
import Link from "next/link";
import { Badge, EmptyState, PageHeader, Pagination } from "@/components/ui";
import { requireView } from "@/lib/access/view";
import { formatUkDate, formatUkDateTime } from "@/lib/dates";
import { sectionHref } from "@/lib/sections";
import { workTray, type TrayItem } from "@/lib/work/queries";

export const metadata: Metadata = { title: "Work tray" };

const TONE = { overdue: "red", "due soon": "amber", upcoming: "grey", met: "green", "met late": "amber" } as const;
const BADGE = {
  overdue: "Overdue",
  "due soon": "Due soon",
  upcoming: "Open",
  met: "Done",
  "met late": "Done late",
} as const;

function Items({ items, caption }: { items: TrayItem[]; caption: string }) {
  return (
    <ul aria-label={caption} className="mb-6 divide-y divide-slate-200 rounded border border-slate-300 bg-white">
      {items.map((i) => (
        <li key={i.key} className="p-3">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <Link href={i.href} className="font-semibold">
              {i.title}: {i.childName}
            </Link>
            <span className="text-sm">
              {i.reference} · due by {formatUkDate(i.dueDate)} <Badge tone={TONE[i.urgency]}>{BADGE[i.urgency]}</Badge>
            </span>
          </div>
          <p className="text-sm text-slate-700">{i.explanation}</p>
        </li>
      ))}
    </ul>
  );
}

/** Statutory items a page: a large caseload's clock is worked through most urgent first. */
const STATUTORY_PAGE_SIZE = 50;

export default async function WorkTrayPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  // Access and the audit on the primary; the statutory clock's facts from the report replica, if any.
  const { actor, db, reports } = await requireView("workTray.view");
  const tray = await workTray(db, actor, { reports });
  const pages = Math.max(1, Math.ceil(tray.statutory.length / STATUTORY_PAGE_SIZE));
  const page = Math.min(pages, Math.max(1, Math.floor(Number((await searchParams).page)) || 1));
  const statutory = tray.statutory.slice((page - 1) * STATUTORY_PAGE_SIZE, page * STATUTORY_PAGE_SIZE);
  const overdue = tray.statutory.filter((i) => i.urgency === "overdue").length;
  const nothing =
    tray.statutory.length + tray.owned.length + tray.approvals.length + tray.markers.length + tray.disputes.length ===
    0;
  return (
    <>
      <PageHeader title="Work tray" caption="What is overdue or due soon, most urgent first" />
      {nothing ? (
        <EmptyState title="Nothing is overdue or due soon">
          Everything due in the next five working days is done.
        </EmptyState>
      ) : null}
      {tray.markers.length > 0 ? (
        <>
          <h2 className="mb-2 text-lg font-bold">CP and CLA marker tasks</h2>
          <ul className="mb-6 divide-y divide-slate-200 rounded border border-slate-300 bg-white">
            {tray.markers.map((m) => (
              <li key={m.task.id} className="flex flex-wrap justify-between gap-2 p-3">
                <Link href={sectionHref(m.childId, "episodes")} className="font-semibold">
                  {m.task.marker === "cp" ? "CP" : "CLA"} marker ({m.task.trigger === "start" ? "started" : "ended"}):{" "}
                  {m.firstName} {m.lastName}
                </Link>
                <span className="text-sm">
                  due {formatUkDateTime(m.task.dueAt)}{" "}
                  <Badge tone={m.state === "overdue" ? "red" : "amber"}>
                    {m.state === "overdue" ? "Overdue" : "Open"}
                  </Badge>
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {tray.approvals.length > 0 ? (
        <>
          <h2 className="mb-2 text-lg font-bold">Care plans waiting for your approval</h2>
          <ul className="mb-6 divide-y divide-slate-200 rounded border border-slate-300 bg-white">
            {tray.approvals.map((a) => (
              <li key={`${a.childId}:${a.version}`} className="flex flex-wrap justify-between gap-2 p-3">
                <Link href={sectionHref(a.childId, "carePlan")} className="font-semibold">
                  {a.firstName} {a.lastName}: version {a.version}
                </Link>
                <span className="text-sm">submitted {formatUkDateTime(a.submittedAt)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {tray.disputes.length > 0 ? (
        <>
          <h2 className="mb-2 text-lg font-bold">Disputes about a care plan</h2>
          <Items items={tray.disputes} caption="Disputes about a care plan" />
        </>
      ) : null}
      {tray.owned.length > 0 ? (
        <>
          <h2 className="mb-2 text-lg font-bold">Decisions and recommendations you own</h2>
          <Items items={tray.owned} caption="Decisions and recommendations you own" />
        </>
      ) : null}
      {tray.statutory.length > 0 ? (
        <>
          <h2 id="statutory" className="mb-2 text-lg font-bold">
            Statutory timescales
          </h2>
          <p className="mb-2 text-sm text-slate-700">
            {overdue} overdue and {tray.statutory.length - overdue} due soon
            {pages > 1
              ? `; showing ${(page - 1) * STATUTORY_PAGE_SIZE + 1} to ${(page - 1) * STATUTORY_PAGE_SIZE + statutory.length}, most urgent first`
              : ""}
            .
          </p>
          <Items items={statutory} caption="Statutory timescales" />
          <Pagination
            page={page}
            pages={pages}
            hrefFor={(p) => `/work?page=${p}#statutory`}
            label="Statutory timescales pages"
          />
        </>
      ) : null}
    </>
  );
}
