"use client";
// The IRO's forms between reviews: a monitoring note, raising a concern about the care plan,
// recording the outcome of a dispute's open stage (escalating it or resolving the dispute), and
// recording a referral to Cafcass. Each success comes back to the page with a confirmation banner.
import { useRouter } from "next/navigation";
import { FormError, Select, TextArea } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui";
import type { ActionResult } from "@/lib/actions/result";
import {
  escalateDisputeAction,
  raiseDisputeAction,
  referDisputeToCafcassAction,
  resolveDisputeAction,
  writeMonitoringNoteAction,
} from "@/lib/reviews/actions";
import {
  raiseDisputeSchema,
  recordStageOutcomeSchema,
  referToCafcassSchema,
  writeMonitoringNoteSchema,
} from "@/lib/reviews/schemas";

const monitoringPath = (childId: string) => `/children/${childId}/reviews/monitoring`;

export function MonitoringNoteForm({
  childId,
  reviews,
}: {
  childId: string;
  reviews: Array<{ value: string; label: string }>;
}) {
  const router = useRouter();
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: writeMonitoringNoteSchema,
    action: writeMonitoringNoteAction,
    defaultValues: { childId, note: "", reviewId: "" },
    onSuccess: () => {
      form.reset({ childId, note: "", reviewId: "" });
      router.push(`${monitoringPath(childId)}?saved=note#monitoring-notes`);
    },
  });
  const e = form.formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Write a monitoring note">
      <FormError message={formError} />
      <TextArea
        id="monitoring-note"
        label="Monitoring note"
        hint="What you checked on the child's case and what you found: progress on the care plan, contact with the child, actions from the last review"
        rows={4}
        error={e.note}
        {...form.register("note")}
      />
      {reviews.length > 0 ? (
        <Select
          id="monitoring-review"
          label="About a review (optional)"
          options={[{ value: "", label: "Not about one review" }, ...reviews]}
          error={e.reviewId}
          {...form.register("reviewId")}
        />
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save the note"}
      </Button>
    </form>
  );
}

export function RaiseDisputeForm({ childId, rule }: { childId: string; rule: string }) {
  const router = useRouter();
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: raiseDisputeSchema,
    action: raiseDisputeAction,
    defaultValues: { childId, concern: "" },
    onSuccess: (r) => {
      form.reset({ childId, concern: "" });
      router.push(`${monitoringPath(childId)}?saved=raised#dispute-${r.disputeId}`);
    },
  });
  const e = form.formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Raise a concern about the care plan">
      <FormError message={formError} />
      <TextArea
        id="dispute-concern"
        label="Your concern about the care plan"
        hint={rule}
        rows={4}
        error={e.concern}
        {...form.register("concern")}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Raising…" : "Raise the concern"}
      </Button>
    </form>
  );
}

export function StageOutcomeForm({
  childId,
  disputeId,
  stageId,
  stageLabel,
  nextLabel,
}: {
  childId: string;
  disputeId: string;
  stageId: string;
  stageLabel: string;
  /** The stage an escalation opens; null at the last stage, which can only resolve. */
  nextLabel: string | null;
}) {
  const router = useRouter();
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: recordStageOutcomeSchema,
    // The two ways on are two policies: the choice picks the action.
    action: async (values): Promise<ActionResult<{ disputeId: string }>> =>
      values.next === "escalate" ? escalateDisputeAction(values) : resolveDisputeAction(values),
    defaultValues: { childId, disputeId, stageId, outcome: "", next: nextLabel ? ("" as never) : "resolve" },
    onSuccess: () =>
      router.push(
        `${monitoringPath(childId)}?saved=${form.getValues("next") === "escalate" ? "escalated" : "resolved"}#dispute-${disputeId}`,
      ),
  });
  const e = form.formState.errors;
  const id = (suffix: string) => `stage-${stageId}-${suffix}`;
  const choices = [
    ...(nextLabel
      ? [{ value: "escalate", label: `Not resolved: escalate to the ${nextLabel.toLowerCase()} stage` }]
      : []),
    { value: "resolve", label: "Resolved: close the dispute" },
  ];
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Record the outcome of the ${stageLabel.toLowerCase()} stage`}>
      <FormError message={formError} />
      <TextArea
        id={id("outcome")}
        label={`What came of the ${stageLabel.toLowerCase()} stage`}
        hint="Who you discussed it with, what they said, and what was agreed"
        rows={3}
        error={e.outcome}
        {...form.register("outcome")}
      />
      <fieldset
        className={`mb-4 ${e.next ? "border-l-4 border-red-700 pl-3" : ""}`}
        aria-describedby={e.next ? id("next-error") : undefined}
      >
        <legend className="font-semibold">What happens now</legend>
        {e.next?.message ? (
          <p id={id("next-error")} className="font-semibold text-red-800">
            <span className="sr-only">Error: </span>
            {e.next.message}
          </p>
        ) : null}
        {choices.map((c) => (
          <label key={c.value} className="mt-1 flex items-center gap-2">
            <input
              id={id(`next-${c.value}`)}
              type="radio"
              value={c.value}
              className="h-5 w-5"
              aria-invalid={e.next ? true : undefined}
              {...form.register("next")}
            />
            {c.label}
          </label>
        ))}
      </fieldset>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Record the outcome"}
      </Button>
    </form>
  );
}

export function CafcassReferralForm({ childId, disputeId }: { childId: string; disputeId: string }) {
  const router = useRouter();
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: referToCafcassSchema,
    action: referDisputeToCafcassAction,
    defaultValues: { childId, disputeId, note: "" },
    onSuccess: () => router.push(`${monitoringPath(childId)}?saved=cafcass#dispute-${disputeId}`),
  });
  const e = form.formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Record a referral to Cafcass">
      <FormError message={formError} />
      <TextArea
        id={`cafcass-${disputeId}-note`}
        label="Why the concern was referred to Cafcass, and what was sent"
        rows={3}
        error={e.note}
        {...form.register("note")}
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : "Record the referral to Cafcass"}
      </Button>
    </form>
  );
}
