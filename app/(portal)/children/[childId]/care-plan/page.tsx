// A child's care plan: the approved plan in force, the version being worked on (with what this
// person may do to it), every version, and a comparison of any two. Providers see the approved
// plan only, with no controls.
import type { Metadata } from "next";
import Link from "next/link";
import { ChildRecordShell } from "@/components/children/child-record-shell";
import { CarePlanMeta, CarePlanStatusBadge, CarePlanView, NamedIro } from "@/components/care-plans/care-plan-view";
import { ApproveCarePlanForm, ReturnCarePlanForm } from "@/components/care-plans/review-forms";
import { StartVersionButton } from "@/components/care-plans/start-version-button";
import { CarePlanVersionsTable } from "@/components/care-plans/versions";
import { CompareVersionsForm } from "@/components/records/compare-versions-form";
import { ActionButton } from "@/components/forms/action-button";
import { ButtonLink, Card, EmptyState, Notice } from "@/components/ui";
import { getCarePlan } from "@/lib/care-plans/queries";
import { loadChildPage } from "@/lib/children/page";
import { parentChoices } from "@/lib/people/queries";
import { formatUkDate, formatUkDateTime } from "@/lib/dates";
import {
  approveCarePlanAction,
  returnCarePlanAction,
  startCarePlanVersionAction,
  submitCarePlanAction,
} from "@/lib/care-plans/actions";

export const metadata: Metadata = { title: "Care plan" };

export default async function CarePlanPage({ params }: { params: Promise<{ childId: string }> }) {
  const { childId } = await params;
  const page = await loadChildPage(childId, "carePlan");
  const { actor, access } = page;
  const plan = await getCarePlan(page.db, actor, access);
  const canWrite = page.may("carePlan.saveDraft");
  const canSubmit = page.may("carePlan.submit");
  const canApprove = page.may("carePlan.approve");
  const base = `/children/${childId}/care-plan`;
  const { current, inProgress } = plan;

  return (
    <ChildRecordShell page={page} current="carePlan">
      <div className="mb-4 flex flex-wrap items-end justify-between gap-4">
        <h2 className="text-xl font-bold">Care plan</h2>
        {canWrite && current && !inProgress ? (
          <StartVersionButton childId={childId} start={startCarePlanVersionAction} />
        ) : null}
      </div>
      {access.redactions.hidesStaffContacts ? null : (
        <p className="mb-4 text-slate-700">
          Independent Reviewing Officer allocated to the child, whom the plan names when it is submitted:{" "}
          <span className="font-semibold">{plan.iroName ?? "none allocated (one is needed before submission)"}</span>
        </p>
      )}

      {plan.versions.length === 0 ? (
        <EmptyState
          title={
            access.redactions.approvedCarePlanOnly
              ? "No approved care plan has been shared for this child"
              : "There is no care plan for this child yet"
          }
        >
          {canWrite ? (
            <>
              <p className="mb-4">
                A care plan is needed before the first placement, or within 10 working days of its start.
              </p>
              <ButtonLink href={`${base}/edit`}>Start the care plan</ButtonLink>
            </>
          ) : null}
        </EmptyState>
      ) : null}

      {inProgress ? (
        <div className="mb-6">
          <Card
            title={`Version ${inProgress.version}: ${inProgress.status === "draft" ? "draft in progress" : "waiting for approval"}`}
          >
            <p className="mb-2">
              <CarePlanStatusBadge status={inProgress.status} />{" "}
              <span className="text-sm text-slate-700">
                Started by {inProgress.authorName}; last changed {formatUkDateTime(inProgress.updatedAt)}
                {inProgress.submittedAt
                  ? `; submitted ${formatUkDateTime(inProgress.submittedAt)} by ${inProgress.submittedByName ?? "unknown"}`
                  : ""}
                .
              </span>
            </p>
            {inProgress.status === "draft" && inProgress.returnNotes.length > 0 ? (
              <Notice tone="warning" title="Returned to draft by a manager">
                {(() => {
                  const note = inProgress.returnNotes[inProgress.returnNotes.length - 1];
                  return note ? `${note.byName} on ${formatUkDateTime(note.at)}: "${note.comment}"` : null;
                })()}
              </Notice>
            ) : null}
            <ul className="mb-4 flex flex-wrap gap-x-4 gap-y-1">
              <li>
                <Link href={`${base}/versions/${inProgress.version}`}>Read version {inProgress.version}</Link>
              </li>
              {current ? (
                <li>
                  <Link href={`${base}/compare?a=${current.version}&b=${inProgress.version}`}>
                    Compare it with the approved plan (version {current.version})
                  </Link>
                </li>
              ) : null}
            </ul>
            {inProgress.status === "draft" && canWrite ? (
              <div className="flex flex-wrap items-start gap-2">
                <ButtonLink href={`${base}/edit`}>Edit the draft</ButtonLink>
                {canSubmit ? (
                  <ActionButton
                    label="Submit for approval"
                    pendingLabel="Submitting…"
                    successMessage="Submitted for approval."
                    action={submitCarePlanAction}
                    input={{
                      childId,
                      entryId: inProgress.entryId,
                      version: inProgress.version,
                      lockVersion: inProgress.lockVersion,
                    }}
                  />
                ) : null}
              </div>
            ) : null}
            {inProgress.status === "submitted" ? (
              canApprove ? (
                <div className="grid gap-6 md:grid-cols-2">
                  <ApproveCarePlanForm
                    target={{
                      childId,
                      entryId: inProgress.entryId,
                      version: inProgress.version,
                      lockVersion: inProgress.lockVersion,
                    }}
                    approve={approveCarePlanAction}
                    parents={await parentChoices(page.db, page.access)}
                  />
                  <ReturnCarePlanForm
                    target={{
                      childId,
                      entryId: inProgress.entryId,
                      version: inProgress.version,
                      lockVersion: inProgress.lockVersion,
                    }}
                    returnToDraft={returnCarePlanAction}
                  />
                </div>
              ) : (
                <p>A team manager approves it, or returns it to draft to be changed. It cannot be edited meanwhile.</p>
              )
            ) : null}
          </Card>
        </div>
      ) : null}

      {current ? (
        <div className="mb-6">
          <Card title={`The plan in force: version ${current.version}`}>
            <p className="mb-2 text-sm text-slate-700">
              {current.content.title}. Plan date {formatUkDate(current.content.planDate)}. Approved{" "}
              {formatUkDateTime(current.approvedAt)} by {current.approvedByName ?? "unknown"}. An approved plan is never
              changed: a change is a new version.
            </p>
            {access.redactions.hidesStaffContacts ? null : (
              <NamedIro version={current} allocatedIroName={plan.iroName} />
            )}
            <CarePlanView content={current.content} />
            <details className="mt-4">
              <summary className="cursor-pointer font-semibold">About this version</summary>
              <CarePlanMeta version={current} />
            </details>
          </Card>
        </div>
      ) : plan.versions.length > 0 ? (
        <Notice tone="info" title="No version has been approved yet">
          The care plan is not in force until a team manager approves it.
        </Notice>
      ) : null}

      {plan.versions.length > 0 && !access.redactions.approvedCarePlanOnly ? (
        <div className="mb-6">
          <Card title="Every version">
            <CarePlanVersionsTable childId={childId} versions={plan.versions} />
            {plan.versions.length >= 2 ? (
              <div className="mt-4 border-t border-slate-200 pt-4">
                <h3 className="mb-2 font-bold">Compare two versions</h3>
                <CompareVersionsForm
                  action={`/children/${childId}/care-plan/compare`}
                  versions={plan.versions.map((v) => v.version)}
                />
              </div>
            ) : null}
          </Card>
        </div>
      ) : null}
    </ChildRecordShell>
  );
}
