// The audit log for the records officer: events newest first, flagged events, break-glass reviews.
import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/forms/action-button";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui";
import { requireView } from "@/lib/access/view";
import { listAuditEvents, listBreakGlassForReview } from "@/lib/audit/queries";
import { formatUkDateTime } from "@/lib/dates";
import { reviewBreakGlassAction } from "@/lib/break-glass/actions";
import { VerifyPanel } from "./verify-panel";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { db } = await requireView("audit.view");
  const params = await searchParams;
  const flaggedOnly = params.flagged === "1";
  const before = Number(params.before) || undefined;
  const [events, reviews] = await Promise.all([
    listAuditEvents(db, { flaggedOnly, before }),
    listBreakGlassForReview(db),
  ]);

  return (
    <>
      <PageHeader title="Audit log" caption="Append-only; every event is hash-chained" />
      <div className="mb-6 grid gap-4 md:grid-cols-2">
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
                    action={reviewBreakGlassAction.bind(null, { grantId: r.id })}
                    label="Mark as reviewed"
                    successMessage="Reviewed"
                  />
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      <nav aria-label="Audit filters" className="mb-3 flex gap-4">
        {flaggedOnly ? (
          <Link href="/audit">Show all events</Link>
        ) : (
          <Link href="/audit?flagged=1">Show flagged events only</Link>
        )}
      </nav>
      {events.items.length === 0 ? (
        <EmptyState title="No events" />
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
                  Action
                </th>
                <th scope="col" className="px-3 py-2">
                  Outcome
                </th>
                <th scope="col" className="px-3 py-2">
                  Child
                </th>
              </tr>
            </thead>
            <tbody>
              {events.items.map((e) => (
                <tr key={e.id} className="border-t border-slate-200">
                  <td className="px-3 py-2 whitespace-nowrap">{formatUkDateTime(e.occurredAt)}</td>
                  <td className="px-3 py-2">{e.actorName ?? "Unknown or none"}</td>
                  <td className="px-3 py-2">
                    <code>{e.action}</code> {e.flagged ? <Badge tone="red">Flagged</Badge> : null}
                  </td>
                  <td className="px-3 py-2">
                    <Badge tone={e.outcome === "allowed" ? "green" : "red"}>{e.outcome}</Badge>
                  </td>
                  <td className="px-3 py-2">
                    {e.childReference ??
                      (e.childId ? <span className="font-mono text-xs">unknown id {e.childId.slice(0, 8)}</span> : "")}
                    {e.outcome !== "allowed" && typeof (e.detail.reason ?? e.detail.code) === "string" ? (
                      <span className="block text-xs text-slate-700">
                        Why: {String(e.detail.reason ?? e.detail.code)}
                      </span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {events.nextBefore ? (
        <p className="mt-4">
          <Link
            href={`/audit?${new URLSearchParams({ ...(flaggedOnly ? { flagged: "1" } : {}), before: String(events.nextBefore) })}`}
          >
            Older events
          </Link>
        </p>
      ) : null}
    </>
  );
}
