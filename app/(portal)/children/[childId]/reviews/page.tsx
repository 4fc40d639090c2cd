// A child's reviews: when the next one is due and why (the statutory clock, explained), each
// review held in this period against its due date, every review, and the IRO's way to schedule one;
// and the way to the IRO's monitoring notes and disputes about the care plan between reviews.
import type { Metadata } from "next";
import Link from "next/link";
import { ChildRecordShell } from "@/components/children/child-record-shell";
import { ScheduleReviewForm } from "@/components/reviews/review-forms";
import { Badge, Card, EmptyState } from "@/components/ui";
import { loadChildPage } from "@/lib/children/page";
import { formatUkDate, formatUkDateTime, todayIso } from "@/lib/dates";
import { inviteeChoices } from "@/lib/reviews/invitees";
import { childClock, listReviews } from "@/lib/reviews/queries";
import { urgency } from "@/lib/timescales/rules";

export const metadata: Metadata = { title: "Reviews" };

const STATUS: Record<string, { label: string; tone: "grey" | "amber" | "green" }> = {
  scheduled: { label: "Scheduled", tone: "grey" },
  recorded: { label: "Held, awaiting sign-off", tone: "amber" },
  signed_off: { label: "Signed off", tone: "green" },
};

export default async function ReviewsPage({ params }: { params: Promise<{ childId: string }> }) {
  const { childId } = await params;
  const page = await loadChildPage(childId, "reviews");
  const [rows, clock] = await Promise.all([listReviews(page.db, page.access), childClock(page.db, page.access)]);
  const next = clock.items.find((i) => i.kind === "review");
  const today = todayIso();
  const open = rows.some((r) => r.status !== "signed_off");

  return (
    <ChildRecordShell page={page} current="reviews">
      <h2 className="mb-2 text-xl font-bold">Reviews</h2>
      {next ? (
        <Card title="The next review">
          <p className="mb-1">
            <strong>{next.title}</strong> due by {formatUkDate(next.dueDate)}{" "}
            {urgency(next, today) === "overdue" ? <Badge tone="red">Overdue</Badge> : null}
            {urgency(next, today) === "due soon" ? <Badge tone="amber">Due soon</Badge> : null}
          </p>
          <p className="text-sm text-slate-700">{next.explanation}</p>
        </Card>
      ) : (
        <p className="mb-4 text-slate-700">The child is not looked after at present, so no review is due.</p>
      )}
      {clock.history.length > 0 ? (
        <Card title="Reviews in this period of care">
          <ul className="text-sm">
            {clock.history.map((h, i) => (
              <li key={h.heldOn + i}>
                Review {i + 1} held {formatUkDate(h.heldOn)}, due by {formatUkDate(h.dueDate)}:{" "}
                {h.onTime ? <Badge tone="green">On time</Badge> : <Badge tone="red">Late</Badge>}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      {rows.length === 0 ? (
        <EmptyState title="No reviews recorded yet">
          {page.may("reviews.schedule") ? "Schedule the first one below." : "The child's IRO schedules reviews."}
        </EmptyState>
      ) : (
        <ul className="mb-6 divide-y divide-slate-200 rounded border border-slate-300 bg-white">
          {rows.map((r) => (
            <li key={r.id} className="flex flex-wrap items-baseline justify-between gap-2 p-3">
              <Link href={`/children/${childId}/reviews/${r.reviewId}`} className="font-semibold">
                {r.heldOn ? `Review held ${formatUkDate(r.heldOn)}` : `Review on ${formatUkDateTime(r.scheduledAt)}`}
              </Link>
              <span className="text-sm text-slate-700">
                {r.venue} <Badge tone={STATUS[r.status]?.tone ?? "grey"}>{STATUS[r.status]?.label ?? r.status}</Badge>
                {r.postponedReason && r.status === "scheduled" ? <> Moved: {r.postponedReason}</> : null}
              </span>
            </li>
          ))}
        </ul>
      )}

      {page.may("iroMonitoring.view") ? (
        <div className="mb-6">
          <Card title="Between reviews">
            <p className="mb-1">
              <Link href={`/children/${childId}/reviews/monitoring`} className="font-semibold">
                IRO monitoring notes and disputes about the care plan
              </Link>
            </p>
            <p className="text-sm text-slate-700">
              The IRO&apos;s notes on the child&apos;s case, and any concern about the care plan with the stage it has
              reached and when each stage is due.
            </p>
          </Card>
        </div>
      ) : null}

      {page.may("reviews.schedule") && !open ? (
        <Card title="Schedule a review">
          <ScheduleReviewForm childId={childId} choices={await inviteeChoices(page.db, page.access.childId)} />
        </Card>
      ) : null}
    </ChildRecordShell>
  );
}
