// Edit the care plan's draft (or start the plan when there is none). Approved and submitted
// versions are never edited here: the page says why and offers the next step instead.
import type { Metadata } from "next";
import Link from "next/link";
import { ChildRecordShell } from "@/components/children/child-record-shell";
import { CarePlanForm } from "@/components/care-plans/care-plan-form";
import { StartVersionButton } from "@/components/care-plans/start-version-button";
import { Notice } from "@/components/ui";
import { getCarePlan, getCarePlanDraftOffer } from "@/lib/care-plans/queries";
import { emptyCarePlanContent, toFormContent } from "@/lib/care-plans/schemas";
import { loadChildPage } from "@/lib/children/page";
import { parentChoices } from "@/lib/people/queries";
import { formatUkDate, todayIso } from "@/lib/dates";
import { saveCarePlanDraftAction, startCarePlanVersionAction, submitCarePlanAction } from "@/lib/care-plans/actions";

export const metadata: Metadata = { title: "Edit the care plan" };

export default async function EditCarePlanPage({ params }: { params: Promise<{ childId: string }> }) {
  const { childId } = await params;
  const page = await loadChildPage(childId, "carePlan");
  const { actor, access } = page;
  const base = `/children/${childId}/care-plan`;
  const back = (
    <p className="mt-6">
      <Link href={base}>Back to the care plan</Link>
    </p>
  );

  if (!page.may("carePlan.saveDraft")) {
    return (
      <ChildRecordShell page={page} current="carePlan">
        <Notice tone="warning" title="You can read this care plan but not change it">
          Only the child&apos;s allocated social worker and their team manager write the care plan.
        </Notice>
        {back}
      </ChildRecordShell>
    );
  }

  const plan = await getCarePlan(page.db, actor, access);
  const draft = plan.inProgress?.status === "draft" ? plan.inProgress : null;

  if (plan.inProgress && !draft) {
    return (
      <ChildRecordShell page={page} current="carePlan">
        <h2 className="mb-4 text-xl font-bold">Care plan version {plan.inProgress.version}</h2>
        <Notice tone="info" title="This version is waiting for approval">
          A submitted version cannot be edited. A team manager approves it, or returns it to draft with a comment so it
          can be changed.
        </Notice>
        {back}
      </ChildRecordShell>
    );
  }
  if (!draft && plan.current) {
    return (
      <ChildRecordShell page={page} current="carePlan">
        <h2 className="mb-4 text-xl font-bold">Change the care plan</h2>
        <Notice tone="info" title={`Version ${plan.current.version} is approved and is never edited`}>
          To change the plan, start a new version. It begins as a copy of version {plan.current.version}; the approved
          plan stays in force until the new version is approved.
        </Notice>
        <StartVersionButton childId={childId} start={startCarePlanVersionAction} />
        {back}
      </ChildRecordShell>
    );
  }

  const offer = await getCarePlanDraftOffer(page.db, actor, childId, draft);
  return (
    <ChildRecordShell page={page} current="carePlan">
      <h2 className="mb-1 text-xl font-bold">
        {draft ? `Edit the draft: care plan version ${draft.version}` : "Start the care plan"}
      </h2>
      <p className="mb-6 text-slate-700">
        {draft
          ? `Started by ${draft.authorName}. Plan date ${formatUkDate(draft.content.planDate)}.`
          : "Write the child's first care plan. It is saved as a draft, then submitted to a team manager for approval."}{" "}
        Your typing is saved automatically as you go, so nothing is lost if your session ends.
      </p>
      {draft && draft.returnNotes.length > 0 ? (
        <Notice tone="warning" title="Returned to draft by a manager">
          {draft.returnNotes.map((n) => (
            <p key={n.at}>
              {n.byName}: &ldquo;{n.comment}&rdquo;
            </p>
          ))}
        </Notice>
      ) : null}
      <CarePlanForm
        childId={childId}
        editing={draft ? { entryId: draft.entryId, version: draft.version, lockVersion: draft.lockVersion } : null}
        initial={draft ? toFormContent(draft.content) : emptyCarePlanContent(formatUkDate(todayIso()))}
        offer={
          offer
            ? { savedAt: offer.savedAt.toISOString(), fromConflict: offer.fromConflict, content: offer.content }
            : null
        }
        canSubmit={page.may("carePlan.submit")}
        parents={await parentChoices(page.db, page.access)}
        save={saveCarePlanDraftAction}
        submit={submitCarePlanAction}
      />
      {back}
    </ChildRecordShell>
  );
}
