// The IRO's work on a child's case between reviews: concerns about the care plan taken through the
// dispute resolution stages (each stage as a timeline entry with when it opened, when it is due and
// why, and its outcome) with the forms to escalate, resolve and record a referral to Cafcass; and
// the IRO's monitoring notes, newest first, a page at a time. Whoever reads the reviews reads this;
// only the child's IRO writes it.
import type { Metadata } from "next";
import Link from "next/link";
import { ChildRecordShell } from "@/components/children/child-record-shell";
import {
  CafcassReferralForm,
  MonitoringNoteForm,
  RaiseDisputeForm,
  StageOutcomeForm,
} from "@/components/reviews/monitoring-forms";
import { Badge, Card, EmptyState, Notice, Pagination } from "@/components/ui";
import { loadChildPage } from "@/lib/children/page";
import { formatUkDate, formatUkDateTime } from "@/lib/dates";
import { env } from "@/lib/env";
import { STAGE_LABELS } from "@/lib/reviews/dispute-rules";
import { listDisputes, listMonitoringNotes, listReviews, type DisputeView } from "@/lib/reviews/queries";
import type { Urgency } from "@/lib/timescales/rules";

export const metadata: Metadata = { title: "IRO monitoring and disputes" };

const SAVED: Record<string, { title: string; body: string }> = {
  note: { title: "Monitoring note saved", body: "It is at the top of the monitoring notes below." },
  raised: {
    title: "Concern raised",
    body: "The dispute is open at the informal resolution stage; its due dates are below and on the work trays of the IRO and the team manager.",
  },
  escalated: {
    title: "Outcome recorded and the concern escalated",
    body: "The next stage is open below, with the date it is due by.",
  },
  resolved: { title: "Dispute resolved", body: "The outcome is recorded below and can no longer be changed." },
  cafcass: { title: "Referral to Cafcass recorded", body: "It is shown on the dispute below." },
};

const URGENCY: Record<Urgency, { label: string; tone: "red" | "amber" | "grey" | "green" }> = {
  overdue: { label: "Overdue", tone: "red" },
  "due soon": { label: "Due soon", tone: "amber" },
  upcoming: { label: "Open", tone: "grey" },
  met: { label: "On time", tone: "green" },
  "met late": { label: "Late", tone: "amber" },
};

function UrgencyBadge({ urgency }: { urgency: Urgency }) {
  return <Badge tone={URGENCY[urgency].tone}>{URGENCY[urgency].label}</Badge>;
}

export default async function MonitoringPage({
  params,
  searchParams,
}: {
  params: Promise<{ childId: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { childId } = await params;
  const query = await searchParams;
  const page = await loadChildPage(childId, "reviews", "iroMonitoring.view");
  const pageNumber = Math.max(1, Number(query.page) || 1);
  const mayNote = page.may("iroMonitoring.writeNote");
  const [notes, disputes, reviews] = await Promise.all([
    listMonitoringNotes(page.db, page.access, pageNumber),
    listDisputes(page.db, page.access),
    mayNote ? listReviews(page.db, page.access) : Promise.resolve([]),
  ]);
  const reviewLabel = new Map(
    reviews.map((r) => [
      r.reviewId,
      r.heldOn ? `Review held ${formatUkDate(r.heldOn)}` : `Review on ${formatUkDateTime(r.scheduledAt)}`,
    ]),
  );
  const saved = query.saved ? SAVED[query.saved] : undefined;
  const stages = env.IRO_DISPUTE_STAGE_WORKING_DAYS;
  const rule = `It opens at the informal resolution stage, then goes if need be to the team manager, the service manager and the head of service, with ${stages.map((d) => `${d}`).join(", ")} working days for each stage in turn; the whole is to be resolved within ${env.IRO_DISPUTE_WORKING_DAYS} working days of raising it.`;

  return (
    <ChildRecordShell page={page} current="reviews">
      {saved ? (
        <Notice tone="success" title={saved.title}>
          {saved.body}
        </Notice>
      ) : null}
      <nav aria-label="Back" className="mb-2 text-sm">
        <Link href={`/children/${childId}/reviews`}>All reviews</Link>
      </nav>
      <h2 className="mb-1 text-xl font-bold">IRO monitoring and disputes</h2>
      <p className="mb-4 text-slate-700">
        Between reviews the Independent Reviewing Officer monitors the child&apos;s case and may raise a concern about
        the care plan, taking it through the dispute resolution stages; a referral to Cafcass can be made at any stage.
      </p>

      <section aria-labelledby="disputes-heading" className="mb-8">
        <h3 id="disputes-heading" className="mb-2 text-lg font-bold">
          Concerns about the care plan
        </h3>
        {disputes.length === 0 ? (
          <EmptyState title="No concerns about the care plan have been raised">
            {page.may("iroDispute.raise") ? "Raise one below." : "The child's IRO raises them."}
          </EmptyState>
        ) : (
          <div className="grid gap-4">
            {disputes.map((d) => (
              <Dispute key={d.dispute.id} d={d} childId={childId} may={page.may} />
            ))}
          </div>
        )}
        {page.may("iroDispute.raise") ? (
          <div className="mt-4">
            <Card title="Raise a concern about the care plan" headingLevel={3}>
              <RaiseDisputeForm childId={childId} rule={rule} />
            </Card>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="monitoring-notes" className="mb-6">
        <h3 id="monitoring-notes" className="mb-2 text-lg font-bold">
          Monitoring notes
        </h3>
        {mayNote ? (
          <div className="mb-4">
            <Card>
              <MonitoringNoteForm
                childId={childId}
                reviews={[...reviewLabel].map(([value, label]) => ({ value, label }))}
              />
            </Card>
          </div>
        ) : null}
        {notes.total === 0 ? (
          <EmptyState title="No monitoring notes yet">
            {mayNote ? "Write the first one above." : "The child's IRO writes them between reviews."}
          </EmptyState>
        ) : (
          <>
            <p className="mb-2 text-sm text-slate-700">
              {notes.total} {notes.total === 1 ? "note" : "notes"}, newest first
            </p>
            <ul
              aria-label="Monitoring notes"
              className="divide-y divide-slate-200 rounded border border-slate-300 bg-white"
            >
              {notes.rows.map(({ note, authorName }) => (
                <li key={note.id} className="p-3">
                  <p className="text-sm text-slate-700">
                    {formatUkDateTime(note.writtenAt)} · {authorName}
                    {note.reviewId ? ` · about the ${reviewLabel.get(note.reviewId)?.toLowerCase() ?? "review"}` : ""}
                  </p>
                  <p className="whitespace-pre-line">{note.note}</p>
                </li>
              ))}
            </ul>
            <Pagination
              page={Math.min(pageNumber, notes.pages)}
              pages={notes.pages}
              label="Monitoring notes pages"
              hrefFor={(n) => `/children/${childId}/reviews/monitoring?page=${n}#monitoring-notes`}
            />
          </>
        )}
      </section>
    </ChildRecordShell>
  );
}

function Dispute({
  d,
  childId,
  may,
}: {
  d: DisputeView;
  childId: string;
  may: (name: "iroDispute.escalate" | "iroDispute.resolve" | "iroDispute.referToCafcass") => boolean;
}) {
  const { dispute, open } = d;
  const headingId = `dispute-${dispute.id}-heading`;
  return (
    <article
      id={`dispute-${dispute.id}`}
      aria-labelledby={headingId}
      className="rounded border border-slate-300 bg-white p-4 shadow-sm"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h4 id={headingId} className="text-lg font-bold">
          Concern raised {formatUkDate(dispute.raisedOn)} by {d.raisedByName}
        </h4>
        {dispute.resolvedAt ? (
          <Badge tone="green">Resolved {formatUkDate(dispute.resolvedAt.toISOString().slice(0, 10))}</Badge>
        ) : (
          <Badge tone="blue">Open at the {open ? open.label.toLowerCase() : ""} stage</Badge>
        )}
      </div>
      <p className="mt-1 whitespace-pre-line">{dispute.concern}</p>
      <p className="mt-2 text-sm text-slate-700">
        {d.explanation} <UrgencyBadge urgency={d.urgency} />
      </p>
      {dispute.outcome ? (
        <p className="mt-1">
          <strong>Outcome:</strong> {dispute.outcome}
        </p>
      ) : null}
      {dispute.cafcassReferredAt ? (
        <p className="mt-1">
          <strong>Referred to Cafcass</strong> {formatUkDateTime(dispute.cafcassReferredAt)}
          {dispute.cafcassStage ? `, at the ${STAGE_LABELS[dispute.cafcassStage].toLowerCase()} stage` : ""}:{" "}
          {dispute.cafcassNote}
        </p>
      ) : null}

      <ol aria-label="Stages" className="mt-4 border-l-4 border-slate-300 pl-4">
        {d.stages.map((s) => (
          <li key={s.id} className="relative mb-4">
            <h5 className="font-semibold">
              Stage {s.stageNumber}: {s.label}{" "}
              {s.outcomeAt ? (
                <Badge tone={s.closedAs === "resolved" ? "green" : "purple"}>
                  {s.closedAs === "resolved" ? "Resolved" : "Escalated"}
                </Badge>
              ) : null}{" "}
              <UrgencyBadge urgency={s.urgency} />
            </h5>
            <dl className="text-sm">
              <div>
                <dt className="inline font-semibold">Opened: </dt>
                <dd className="inline">{formatUkDate(s.openedOn)}</dd>
              </div>
              <div>
                <dt className="inline font-semibold">Time limit: </dt>
                <dd className="inline">{s.explanation}</dd>
              </div>
              <div>
                <dt className="inline font-semibold">Outcome: </dt>
                <dd className="inline">
                  {s.outcomeAt ? (
                    <>
                      {s.outcome} ({formatUkDateTime(s.outcomeAt)}, {s.outcomeByName})
                    </>
                  ) : (
                    "Not yet recorded"
                  )}
                </dd>
              </div>
            </dl>
            {open?.id === s.id && (may("iroDispute.escalate") || may("iroDispute.resolve")) ? (
              <div className="mt-3 rounded border border-slate-200 p-3">
                <StageOutcomeForm
                  key={s.id}
                  childId={childId}
                  disputeId={dispute.id}
                  stageId={s.id}
                  stageLabel={s.label}
                  nextLabel={d.nextLabel}
                />
              </div>
            ) : null}
          </li>
        ))}
      </ol>
      {open && !dispute.cafcassReferredAt && may("iroDispute.referToCafcass") ? (
        <details className="mt-2">
          <summary className="cursor-pointer text-brand-700">Record a referral to Cafcass</summary>
          <div className="mt-2">
            <CafcassReferralForm childId={childId} disputeId={dispute.id} />
          </div>
        </details>
      ) : null}
    </article>
  );
}
