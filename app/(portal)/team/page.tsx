// The team manager's dashboard: CP and CLA marker tasks by time left and the breaches (actioned
// late, or still open past the 24-hour deadline) with how late, the team's unallocated children,
// and each worker's caseload. Each list is one set-based query over the team.
import type { Metadata } from "next";
import Link from "next/link";
import { MARKER_WORDS } from "@/components/episodes/marker-list";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui";
import { requireView } from "@/lib/access/view";
import { formatUkDateTime } from "@/lib/dates";
import { teamAllocationSummary, teamMarkerTasks } from "@/lib/episodes/queries";
import { teamCompliance } from "@/lib/timescales/compliance";
import { ComplianceTable } from "@/components/charts/compliance";

export const metadata: Metadata = { title: "Team dashboard" };

function howLong(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const hours = Math.floor(minutes / 60);
  const days = Math.floor(hours / 24);
  if (days >= 1) return `${days} day${days === 1 ? "" : "s"} ${hours % 24} h`;
  if (hours >= 1) return `${hours} h ${minutes % 60} min`;
  return `${minutes} min`;
}

export default async function TeamPage() {
  const { actor, db, reports } = await requireView("team.dashboard");
  const now = new Date();
  const [tasks, allocation, compliance] = await Promise.all([
    teamMarkerTasks(db, actor, now),
    teamAllocationSummary(db, actor),
    // Counts over months of history: a report, read from the replica when there is one. The
    // markers and allocations are worked from live, so they stay on the primary.
    teamCompliance(reports, actor, 6, now),
  ]);
  const open = tasks.filter((t) => t.state === "open");
  const breaches = tasks.filter((t) => t.state === "overdue" || t.state === "actioned late");

  const childLink = (t: (typeof tasks)[number]) => (
    <Link href={`/children/${t.childId}/episodes`}>
      {t.firstName} {t.lastName} ({t.reference})
    </Link>
  );

  return (
    <div className="space-y-6">
      <PageHeader title="Team dashboard" caption="CP and CLA markers, allocations and caseloads" />
      <Card title={`Marker tasks due (${open.length})`}>
        {open.length === 0 ? (
          <EmptyState title="No marker tasks waiting">Every CP and CLA marker has been actioned.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-200">
            {open.map((t) => (
              <li key={t.task.id} className="py-2">
                {childLink(t)}: {MARKER_WORDS[`${t.task.marker}:${t.task.trigger}`]}
                <span className="block text-sm text-slate-700">
                  Due by {formatUkDateTime(t.task.dueAt)} · {howLong(t.task.dueAt.getTime() - now.getTime())} left
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={`Breaches (${breaches.length})`}>
        {breaches.length === 0 ? (
          <EmptyState title="No breaches">Every marker was actioned within 24 hours.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-200">
            {breaches.map((t) => (
              <li key={t.task.id} className="py-2">
                {childLink(t)}: {MARKER_WORDS[`${t.task.marker}:${t.task.trigger}`]}{" "}
                <Badge tone="red">{t.state === "overdue" ? "Overdue" : "Actioned late"}</Badge>
                <span className="block text-sm text-slate-700">
                  Due by {formatUkDateTime(t.task.dueAt)} ·{" "}
                  {t.task.actionedAt
                    ? `actioned ${formatUkDateTime(t.task.actionedAt)} by ${t.actionedByName ?? "unknown"}, ${howLong(t.task.actionedAt.getTime() - t.task.dueAt.getTime())} late`
                    : `${howLong(now.getTime() - t.task.dueAt.getTime())} overdue`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={`Unallocated children (${allocation.unallocated.length})`}>
        {allocation.unallocated.length === 0 ? (
          <EmptyState title="Every child has a social worker" />
        ) : (
          <ul>
            {allocation.unallocated.map((c) => (
              <li key={c.id}>
                <Link href={`/children/${c.id}`}>
                  {c.firstName} {c.lastName} ({c.reference})
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title="Caseloads">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Children allocated to each social worker in the team</caption>
          <thead>
            <tr>
              <th scope="col" className="py-1">
                Social worker
              </th>
              <th scope="col" className="py-1">
                Children allocated
              </th>
            </tr>
          </thead>
          <tbody>
            {allocation.caseloads.map((w) => (
              <tr key={w.id} className="border-t border-slate-200">
                <td className="py-1">{w.name}</td>
                <td className="py-1">{w.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <Card title="Compliance: done by the due date">
        <ComplianceTable months={compliance} />
      </Card>
    </div>
  );
}
