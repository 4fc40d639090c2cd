// The audit log for the records officer: events newest first in words, filtered by child, person,
// action, outcome and dates, paged both ways, exported as CSV; flagged events, break-glass reviews
// and the integrity check.
import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/forms/action-button";
import { FormError } from "@/components/forms/fields";
import { Badge, Card, EmptyState, Notice, PageHeader } from "@/components/ui";
import { AUDIT_ACTIONS, auditActionLabel } from "@/lib/access";
import { requireView } from "@/lib/access/view";
import { listAuditEvents, listBreakGlassForReview } from "@/lib/audit/queries";
import { AUDIT_OUTCOMES, auditFilterParams, hasFilters, parseAuditFilters } from "@/lib/audit/schemas";
import { auditDetails, auditWhy } from "@/lib/audit/words";
import { formatUkDateTime } from "@/lib/dates";
import { reviewBreakGlassAction } from "@/lib/break-glass/actions";
import { VerifyPanel } from "./verify-panel";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// A filter with problems puts "Error: " before the title, as the GOV.UK error summary does.
export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { problems } = parseAuditFilters(await searchParams);
  return { title: problems.length > 0 ? "Error: Audit log" : "Audit log" };
}

const field = "mt-1 block rounded border border-slate-600 px-3 py-2";

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const { db } = await requireView("audit.view");
  const raw = await searchParams;
  const { filters, problems, before, after } = parseAuditFilters(raw);
  const [events, reviews] = await Promise.all([
    listAuditEvents(db, { filters, before, after }),
    listBreakGlassForReview(db),
  ]);
  const params = auditFilterParams(filters);
  const qs = (extra: Record<string, string> = {}) => new URLSearchParams({ ...params, ...extra }).toString();
  const uk = (iso: string | null) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : "");
  const problemFor = (name: string) => problems.find((p) => p.field === name)?.message;

  return (
    <>
      <PageHeader title="Audit log" caption="Append-only; every event is hash-chained" />
      <div className="mb-6 grid gap-4 md:grid-cols-2 print:hidden">
        <Card title="Integrity">
          <VerifyPanel />
        </Card>
        <Card title={`Break-glass access to review (${reviews.length})`}>
          {reviews.length === 0 ? (
            <p>Nothing to review.</p>
          ) : (
            <ul className="space-y-3">
              {reviews.map((r) => (
                <li key={r.id} className="border-b border-slate-200 pb-2">
                  <p>
                    <span className="font-semibold">{r.userName}</span> opened {r.childReference} on{" "}
                    {formatUkDateTime(r.createdAt)}
                  </p>
                  <p className="text-sm text-slate-700">Reason: {r.reason}</p>
                  <ActionButton
                    action={reviewBreakGlassAction}
                    input={{ grantId: r.id }}
                    label="Mark as reviewed"
                    context={`${r.userName}, ${r.childReference}`}
                    successMessage="Reviewed"
                  />
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>

      {/* The error summary takes focus when the page opens with problems, and each link leads to its field. */}
      {problems.length > 0 ? (
        <FormError
          message={{
            message: null,
            fields: problems.map((p) => ({ name: p.field, message: p.message, targetId: `filter-${p.field}` })),
            attempt: 1,
          }}
        />
      ) : null}

      <form
        method="get"
        action="/audit"
        aria-label="Filter the audit log"
        className="mb-4 rounded border border-slate-300 bg-white p-4 print:hidden"
      >
        <h2 className="mb-2 text-lg font-bold">Filter events</h2>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <div>
            <label htmlFor="filter-child" className="block font-semibold">
              Child
            </label>
            <p id="filter-child-hint" className="text-sm text-slate-700">
              Reference or name
            </p>
            <input
              id="filter-child"
              name="child"
              defaultValue={filters.child}
              aria-describedby="filter-child-hint"
              className={`${field} w-full`}
            />
          </div>
          <div>
            <label htmlFor="filter-user" className="block font-semibold">
              Person
            </label>
            <p id="filter-user-hint" className="text-sm text-slate-700">
              Name or email address
            </p>
            <input
              id="filter-user"
              name="user"
              defaultValue={filters.user}
              aria-describedby="filter-user-hint"
              className={`${field} w-full`}
            />
          </div>
          <div>
            <label htmlFor="filter-action" className="block font-semibold">
              What happened
            </label>
            <select id="filter-action" name="action" defaultValue={filters.action} className={`${field} w-full`}>
              <option value="">Anything</option>
              {AUDIT_ACTIONS.map((a) => (
                <option key={a.action} value={a.action}>
                  {a.label}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="filter-outcome" className="block font-semibold">
              Outcome
            </label>
            <select id="filter-outcome" name="outcome" defaultValue={filters.outcome} className={`${field} w-full`}>
              <option value="">Any outcome</option>
              {AUDIT_OUTCOMES.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="filter-from" className="block font-semibold">
              From
            </label>
            <p id="filter-from-hint" className="text-sm text-slate-700">
              For example, 01/11/2026
            </p>
            {problemFor("from") ? (
              <p id="filter-from-error" className="font-semibold text-red-800">
                <span className="sr-only">Error: </span>
                {problemFor("from")}
              </p>
            ) : null}
            <input
              id="filter-from"
              name="from"
              inputMode="numeric"
              defaultValue={problemFor("from") ? String(raw.from ?? "") : uk(filters.from)}
              aria-describedby={problemFor("from") ? "filter-from-hint filter-from-error" : "filter-from-hint"}
              aria-invalid={problemFor("from") ? true : undefined}
              className={`${field} w-40`}
            />
          </div>
          <div>
            <label htmlFor="filter-to" className="block font-semibold">
              To
            </label>
            <p id="filter-to-hint" className="text-sm text-slate-700">
              For example, 30/11/2026
            </p>
            {problemFor("to") ? (
              <p id="filter-to-error" className="font-semibold text-red-800">
                <span className="sr-only">Error: </span>
                {problemFor("to")}
              </p>
            ) : null}
            <input
              id="filter-to"
              name="to"
              inputMode="numeric"
              defaultValue={problemFor("to") ? String(raw.to ?? "") : uk(filters.to)}
              aria-describedby={problemFor("to") ? "filter-to-hint filter-to-error" : "filter-to-hint"}
              aria-invalid={problemFor("to") ? true : undefined}
              className={`${field} w-40`}
            />
          </div>
          <div className="flex items-end gap-2 pb-2">
            <input
              id="filter-flagged"
              name="flagged"
              value="1"
              type="checkbox"
              defaultChecked={filters.flaggedOnly}
              className="h-5 w-5"
            />
            <label htmlFor="filter-flagged" className="font-semibold">
              Flagged events only
            </label>
          </div>
        </div>
        <div className="mt-3 flex flex-wrap items-center gap-4">
          <button
            type="submit"
            className="min-h-11 rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
          >
            Apply filters
          </button>
          {hasFilters(filters) ? <Link href="/audit">Clear filters</Link> : null}
        </div>
      </form>

      <div className="mb-3 flex flex-wrap items-center justify-between gap-4 print:hidden">
        <p className="text-sm text-slate-700" aria-live="polite">
          {hasFilters(filters) ? "Events matching the filters, newest first" : "Every event, newest first"}
        </p>
        {/* A plain link: the CSV is a download, and the export itself is audited. */}
        <a
          href={`/audit/export${qs() ? `?${qs()}` : ""}`}
          className="inline-flex min-h-11 items-center rounded border border-brand-700 px-4 py-2 font-semibold no-underline"
        >
          Export {hasFilters(filters) ? "these events" : "the log"} as CSV
        </a>
      </div>

      {events.items.length === 0 ? (
        <EmptyState title="No events match these filters">
          {hasFilters(filters) ? <Link href="/audit">Clear the filters</Link> : null}
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded border border-slate-300 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Audit events, newest first</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="px-3 py-2">
                  When
                </th>
                <th scope="col" className="px-3 py-2">
                  Who
                </th>
                <th scope="col" className="px-3 py-2">
                  What happened
                </th>
                <th scope="col" className="px-3 py-2">
                  Outcome
                </th>
                <th scope="col" className="px-3 py-2">
                  Child
                </th>
                <th scope="col" className="px-3 py-2">
                  Details
                </th>
              </tr>
            </thead>
            <tbody>
              {events.items.map((e) => {
                const why = auditWhy(e);
                const details = auditDetails(e);
                return (
                  <tr key={e.id} className="border-t border-slate-200">
                    <td className="px-3 py-2 whitespace-nowrap">{formatUkDateTime(e.occurredAt)}</td>
                    <td className="px-3 py-2">{e.actorName ?? "Nobody signed in"}</td>
                    <td className="px-3 py-2">
                      {auditActionLabel(e.action)} {e.flagged ? <Badge tone="red">Flagged</Badge> : null}
                    </td>
                    <td className="px-3 py-2">
                      <Badge tone={e.outcome === "allowed" ? "green" : "red"}>
                        {AUDIT_OUTCOMES.find((o) => o.value === e.outcome)?.label ?? e.outcome}
                      </Badge>
                      {why ? <span className="block text-xs text-slate-700">Why: {why}</span> : null}
                    </td>
                    <td className="px-3 py-2">
                      {e.childReference && e.childId ? (
                        <Link href={`/audit/children/${e.childId}`}>
                          {e.childReference}
                          <span className="sr-only">: everything held and who has looked at it</span>
                        </Link>
                      ) : e.childId ? (
                        <span className="font-mono text-xs">unknown id {e.childId.slice(0, 8)}</span>
                      ) : (
                        ""
                      )}
                    </td>
                    <td className="px-3 py-2">
                      {details.map((line) => (
                        <span key={line} className="block">
                          {line}
                        </span>
                      ))}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {events.prevAfter || events.nextBefore ? (
        <nav aria-label="Audit log pages" className="mt-4 flex flex-wrap gap-6">
          {events.prevAfter ? (
            <Link href={`/audit?${qs({ after: String(events.prevAfter) })}`}>Newer events</Link>
          ) : null}
          {events.prevAfter ? <Link href={`/audit${qs() ? `?${qs()}` : ""}`}>Newest events</Link> : null}
          {events.nextBefore ? (
            <Link href={`/audit?${qs({ before: String(events.nextBefore) })}`}>Older events</Link>
          ) : null}
        </nav>
      ) : null}
      <Notice tone="info">
        To see everything held on one child and who has looked at it (a subject access request), follow the child&apos;s
        reference in the table, or filter by the child first.
      </Notice>
    </>
  );
}
