// One review: what was recorded (latest version, with every earlier one listed), its decisions and
// recommendations with their owners, the team manager's response, and the forms each person may
// use at this stage: the IRO moves, records, signs off or amends; the team manager responds;
// owners record what came of each item.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChildRecordShell } from "@/components/children/child-record-shell";
import {
  CloseRecommendationForm,
  MoveReviewForm,
  RecordReviewForm,
  RespondToReviewForm,
  SignOffReviewForm,
  type RecordedValues,
} from "@/components/reviews/review-forms";
import { Badge, Card, SummaryList } from "@/components/ui";
import { loadChildPage } from "@/lib/children/page";
import { formatUkDate, formatUkDateTime } from "@/lib/dates";
import { parentChoices } from "@/lib/people/queries";
import { parentViewRows, type ParentChoice } from "@/lib/people/views";
import { getReview, ownerChoices, type Review } from "@/lib/reviews/queries";
import { PARTICIPATION } from "@/lib/reviews/schemas";
import { reviewViewsTerm } from "@/lib/reviews/views";
import { isUuid } from "@/lib/validation";

export const metadata: Metadata = { title: "Review" };

const VIEW_WORDS: Record<string, string> = {
  given: "",
  sought_not_given: "Sought, not given",
  not_sought: "Not sought",
  too_young: "Too young to express views",
};

function recordedValues(r: Review, parents: readonly ParentChoice[]): RecordedValues {
  const v = (role: string) => {
    const found = r.views.find((x) => x.role === role);
    return { who: found?.who ?? "", status: found?.status ?? "", text: found?.text ?? "" };
  };
  return {
    heldOn: r.heldOn ? formatUkDate(r.heldOn) : "",
    participation: r.participation ?? "",
    attendees: r.attendees.join("\n"),
    consultation: r.consultation ?? "",
    spokeToChild: r.spokeToChild ?? "",
    childViews: v("child"),
    parentViews: parentViewRows(
      parents,
      r.views.filter((x) => x.role === "parent"),
    ),
    carerViews: v("carer"),
    socialWorkerViews: v("social_worker"),
    carePlanAssessment: r.carePlanAssessment ?? "",
    progressAssessment: r.progressAssessment ?? "",
  };
}

export default async function ReviewPage({ params }: { params: Promise<{ childId: string; reviewId: string }> }) {
  const { childId, reviewId } = await params;
  const page = await loadChildPage(childId, "reviews");
  if (!isUuid(reviewId)) notFound();
  const review = await getReview(page.db, page.access, reviewId);
  if (!review) notFound();
  const { latest, versions, items, response } = review;
  const owners =
    page.may("reviews.signOff") && latest.status === "recorded" ? await ownerChoices(page.db, page.access) : [];
  const mayClose = page.may("reviews.updateRecommendation");
  const parents =
    page.may("reviews.record") || page.may("reviews.amend") ? await parentChoices(page.db, page.access) : [];

  return (
    <ChildRecordShell page={page} current="reviews">
      <nav aria-label="Back" className="mb-2 text-sm">
        <Link href={`/children/${childId}/reviews`}>All reviews</Link>
      </nav>
      <h2 className="mb-1 text-xl font-bold">
        {latest.heldOn
          ? `Review held ${formatUkDate(latest.heldOn)}`
          : `Review on ${formatUkDateTime(latest.scheduledAt)}`}
      </h2>
      <p className="mb-4 text-slate-700">
        {latest.status === "signed_off"
          ? `Signed off ${formatUkDateTime(latest.signedOffAt)}`
          : latest.status === "recorded"
            ? "Held: waiting for the IRO to sign it off"
            : "Scheduled"}
        {latest.amendReason ? ` · corrected: ${latest.amendReason}` : ""} · version {latest.version}
      </p>

      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="Arrangements">
          <SummaryList
            items={[
              { term: "When", value: formatUkDateTime(latest.scheduledAt) },
              { term: "Where", value: latest.venue },
              { term: "Invited", value: latest.invitees.join(", ") || "Nobody listed" },
              ...(latest.postponedReason ? [{ term: "Moved because", value: latest.postponedReason }] : []),
            ]}
          />
        </Card>
        {latest.status !== "scheduled" ? (
          <Card title="What was recorded">
            <SummaryList
              items={[
                {
                  term: "The child's participation",
                  value: `${PARTICIPATION[latest.participation ?? ""] ?? ""} (${latest.participation ?? ""})`,
                },
                { term: "Attended", value: latest.attendees.join(", ") },
                { term: "Spoke to the child", value: latest.spokeToChild ?? "" },
                ...latest.views.map((v) => ({
                  term: reviewViewsTerm(v),
                  value:
                    v.status === "given" ? v.text : `${VIEW_WORDS[v.status] ?? v.status}${v.text ? `: ${v.text}` : ""}`,
                })),
                { term: "The care plan", value: latest.carePlanAssessment ?? "" },
                { term: "Progress", value: latest.progressAssessment ?? "" },
              ]}
            />
          </Card>
        ) : null}
      </div>

      {items.length > 0 ? (
        <section aria-labelledby="items-heading" className="mt-6">
          <h3 id="items-heading" className="mb-2 text-lg font-bold">
            Decisions and recommendations
          </h3>
          <ul className="divide-y divide-slate-200 rounded border border-slate-300 bg-white">
            {items.map(({ item, ownerName }) => (
              <li key={item.id} className="p-3">
                <p className="font-semibold">
                  {item.kind === "decision" ? "Decision" : "Recommendation"}: {item.text}
                </p>
                <p className="text-sm text-slate-700">
                  Owner {ownerName} · due by {formatUkDate(item.dueDate)} ·{" "}
                  {item.status === "open" ? (
                    <Badge tone="amber">Open</Badge>
                  ) : (
                    <Badge tone={item.status === "done" ? "green" : "red"}>
                      {item.status === "done" ? "Done" : "Not done"}{" "}
                      {formatUkDate(item.completedAt?.toISOString().slice(0, 10))}
                    </Badge>
                  )}
                  {item.outcome ? ` ${item.outcome}` : ""}
                </p>
                {item.status === "open" &&
                mayClose &&
                (item.ownerId === page.actor.id || page.access.relation === "manager") ? (
                  <details className="mt-1">
                    <summary className="cursor-pointer text-brand-700">Record what came of it</summary>
                    <CloseRecommendationForm childId={childId} recommendationId={item.id} />
                  </details>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {latest.status === "signed_off" ? (
        <Card title="The team manager's response">
          {response ? (
            <p>
              {response.response.response === "agree" ? "Agreed" : "Contested"} by {response.by}:{" "}
              {response.response.comment}
            </p>
          ) : page.may("reviews.respond") ? (
            <RespondToReviewForm childId={childId} reviewId={reviewId} />
          ) : (
            <p className="text-slate-700">No response yet.</p>
          )}
        </Card>
      ) : null}

      <div className="mt-6 grid gap-4">
        {latest.status === "scheduled" && page.may("reviews.schedule") ? (
          <details>
            <summary className="cursor-pointer text-brand-700">Postpone or adjourn the review</summary>
            <MoveReviewForm childId={childId} reviewId={reviewId} version={latest.version} />
          </details>
        ) : null}
        {latest.status !== "signed_off" && page.may("reviews.record") ? (
          <Card title={latest.status === "scheduled" ? "Record the review" : "Change the record before sign-off"}>
            <RecordReviewForm
              childId={childId}
              reviewId={reviewId}
              version={latest.version}
              initial={recordedValues(latest, parents)}
              parents={parents}
            />
          </Card>
        ) : null}
        {latest.status === "recorded" && page.may("reviews.signOff") ? (
          <Card title="Sign off">
            <p className="mb-2 text-sm text-slate-700">
              A signed-off review is final: its decisions and recommendations go on the decision trail and their
              owners&apos; work trays, and the report is filed as a PDF in the documents.
            </p>
            <SignOffReviewForm childId={childId} reviewId={reviewId} version={latest.version} owners={owners} />
          </Card>
        ) : null}
        {latest.status === "signed_off" && page.may("reviews.amend") ? (
          <details>
            <summary className="cursor-pointer text-brand-700">Correct the signed-off review</summary>
            <RecordReviewForm
              childId={childId}
              reviewId={reviewId}
              version={latest.version}
              initial={recordedValues(latest, parents)}
              parents={parents}
              amend
            />
          </details>
        ) : null}
      </div>

      {versions.length > 1 ? (
        <details className="mt-6">
          <summary className="cursor-pointer text-brand-700">Every version ({versions.length})</summary>
          <ul className="mt-1 text-sm">
            {versions.map((v) => (
              <li key={v.id}>
                Version {v.version}: {v.status.replace("_", " ")} · {formatUkDateTime(v.createdAt)}
                {v.postponedReason && v.status === "scheduled" ? ` · moved: ${v.postponedReason}` : ""}
                {v.amendReason ? ` · corrected: ${v.amendReason}` : ""}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </ChildRecordShell>
  );
}
