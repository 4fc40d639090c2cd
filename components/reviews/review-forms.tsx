"use client";
// The IRO's forms for a child's review (schedule, move, record, sign off, amend), the team
// manager's response, and an owner recording what came of a decision or recommendation.
import { useRouter } from "next/navigation";
import { useFieldArray } from "react-hook-form";
import { Checkbox, DateInput, errorAtPath, FormError, Select, TextArea, TextInput } from "@/components/forms/fields";
import { ParentViewRows } from "@/components/people/parent-view-rows";
import type { ParentChoice, ParentViewRow } from "@/lib/people/views";
import type { InviteeChoice } from "@/lib/reviews/invitees";
import { useActionForm } from "@/components/forms/use-action-form";
import { WhenFields, type WhenErrors } from "@/components/episodes/when-fields";
import { Button } from "@/components/ui";
import {
  amendReviewAction,
  closeRecommendationAction,
  moveReviewAction,
  recordReviewAction,
  respondToReviewAction,
  scheduleReviewAction,
  signOffReviewAction,
} from "@/lib/reviews/actions";
import {
  amendReviewSchema,
  closeRecommendationSchema,
  moveReviewSchema,
  PARTICIPATION,
  recordReviewSchema,
  respondToReviewSchema,
  scheduleReviewSchema,
  signOffReviewSchema,
} from "@/lib/reviews/schemas";

type Errors = Record<string, { message?: string } | undefined> & { at?: WhenErrors };
type Reg = (name: string) => object;

const VIEW_STATUSES = [
  { value: "given", label: "Views given" },
  { value: "sought_not_given", label: "Sought, not given" },
  { value: "not_sought", label: "Not sought (say why)" },
  { value: "too_young", label: "Too young to express views" },
];

export function ScheduleReviewForm({ childId, choices }: { childId: string; choices: readonly InviteeChoice[] }) {
  const router = useRouter();
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: scheduleReviewSchema,
    action: scheduleReviewAction,
    defaultValues: { childId, at: { date: "", time: "" }, venue: "", invited: [] as string[], invitees: "" },
    onSuccess: (r) => router.push(`/children/${childId}/reviews/${r.reviewId}`),
  });
  const e = form.formState.errors as Errors;
  const reg = form.register as unknown as Reg;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Schedule a review">
      <FormError message={formError} />
      <WhenFields idPrefix="review-at" legend="When" error={e.at} register={(n) => reg(n)} />
      <TextInput id="venue" label="Where" error={e.venue} {...reg("venue")} />
      <fieldset className="mb-4 rounded border border-slate-300 p-3" aria-describedby="invited-hint">
        <legend className="px-1 font-semibold">Who is invited</legend>
        <p id="invited-hint" className="mb-2 text-sm text-slate-700">
          The child, the people linked to the child, the carers and the professionals on the record.
        </p>
        {e.invited?.message ? (
          <p id="invited-error" className="mb-2 font-semibold text-red-800">
            <span className="sr-only">Error: </span>
            {e.invited.message}
          </p>
        ) : null}
        {choices.map((c, i) => (
          <Checkbox key={c.key} id={`invited-${i}`} label={c.label} value={c.key} {...reg("invited")} />
        ))}
      </fieldset>
      <TextArea
        id="invitees"
        label="Anyone else invited"
        hint="One person a line, with their role: for example an advocate or the child's teacher"
        rows={3}
        {...reg("invitees")}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Scheduling…" : "Schedule the review"}
      </Button>
    </form>
  );
}

export function MoveReviewForm({ childId, reviewId, version }: { childId: string; reviewId: string; version: number }) {
  const router = useRouter();
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: moveReviewSchema,
    action: moveReviewAction,
    defaultValues: { childId, reviewId, baseVersion: version, at: { date: "", time: "" }, reason: "" },
    onSuccess: () => router.refresh(),
  });
  const e = form.formState.errors as Errors;
  const reg = form.register as unknown as Reg;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Postpone or adjourn the review">
      <FormError message={formError} />
      <WhenFields idPrefix="move-at" legend="The new date" error={e.at} register={(n) => reg(n)} />
      <TextInput id="move-reason" label="Why it is moving" error={e.reason} {...reg("reason")} />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Move the review"}
      </Button>
    </form>
  );
}

export interface RecordedValues {
  heldOn: string;
  participation: string;
  attendees: string;
  consultation: string;
  spokeToChild: string;
  childViews: { who: string; status: string; text: string };
  parentViews: ParentViewRow[];
  carerViews: { who: string; status: string; text: string };
  socialWorkerViews: { who: string; status: string; text: string };
  carePlanAssessment: string;
  progressAssessment: string;
}

function ViewsFields({ name, legend, reg, e }: { name: string; legend: string; reg: Reg; e: Errors }) {
  const errorOf = (field: string) =>
    (e as Record<string, Record<string, { message?: string }> | undefined>)[name]?.[field];
  return (
    <fieldset className="mb-4 rounded border border-slate-300 p-3">
      <legend className="px-1 font-semibold">{legend}</legend>
      {name !== "childViews" ? <TextInput id={`${name}-who`} label="Name" {...reg(`${name}.who`)} /> : null}
      <Select
        id={`${name}-status`}
        label="Their views"
        options={[{ value: "", label: "Choose" }, ...VIEW_STATUSES]}
        error={errorOf("status")}
        {...reg(`${name}.status`)}
      />
      <TextArea id={`${name}-text`} label="What they said" rows={3} error={errorOf("text")} {...reg(`${name}.text`)} />
    </fieldset>
  );
}

export function RecordReviewForm({
  childId,
  reviewId,
  version,
  initial,
  parents,
  amend = false,
}: {
  childId: string;
  reviewId: string;
  version: number;
  initial: RecordedValues;
  /** The people linked to the child, whose views the review records. */
  parents: readonly ParentChoice[];
  /** A correction of a signed-off review, with its reason. */
  amend?: boolean;
}) {
  const router = useRouter();
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: amend ? amendReviewSchema : recordReviewSchema,
    action: amend ? amendReviewAction : recordReviewAction,
    defaultValues: { childId, reviewId, baseVersion: version, ...initial, amendReason: "" } as never,
    onSuccess: () => router.refresh(),
  });
  const e = form.formState.errors as Errors;
  const reg = form.register as unknown as Reg;
  return (
    <form onSubmit={onSubmit} noValidate aria-label={amend ? "Amend the signed-off review" : "Record the review"}>
      <FormError message={formError} />
      <DateInput id="heldOn" label="Held on" error={e.heldOn} {...reg("heldOn")} />
      <Select
        id="participation"
        label="How the child took part"
        options={[
          { value: "", label: "Choose" },
          ...Object.entries(PARTICIPATION).map(([value, label]) => ({ value, label: `${label} (${value})` })),
        ]}
        error={e.participation}
        {...reg("participation")}
      />
      <TextArea id="attendees" label="Who attended" hint="One person a line" rows={3} {...reg("attendees")} />
      <TextArea
        id="consultation"
        label="Consultation before the review"
        hint="Who was asked for their views, and what came back"
        rows={3}
        {...reg("consultation")}
      />
      <TextArea
        id="spokeToChild"
        label="When and how you spoke to the child before the review"
        rows={2}
        error={e.spokeToChild}
        {...reg("spokeToChild")}
      />
      <ViewsFields name="childViews" legend="The child's views" reg={reg} e={e} />
      <ParentViewRows
        name="parentViews"
        idPrefix="parentViews"
        legend="Each parent's views"
        hint="Every parent with parental responsibility: views given, sought and not given, or not sought and why"
        parents={parents}
        register={(path) => reg(path)}
        errorAt={(path) => errorAtPath(form.formState.errors, path)}
      />
      <ViewsFields name="carerViews" legend="The carer's views" reg={reg} e={e} />
      <ViewsFields name="socialWorkerViews" legend="The social worker's views" reg={reg} e={e} />
      <TextArea
        id="carePlanAssessment"
        label="Your assessment of the care plan"
        rows={4}
        error={e.carePlanAssessment}
        {...reg("carePlanAssessment")}
      />
      <TextArea
        id="progressAssessment"
        label="Progress since the last review"
        rows={4}
        error={e.progressAssessment}
        {...reg("progressAssessment")}
      />
      {amend ? (
        <TextInput id="amendReason" label="Why it is being corrected" error={e.amendReason} {...reg("amendReason")} />
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : amend ? "Save the correction" : "Save the record of the review"}
      </Button>
    </form>
  );
}

export function SignOffReviewForm({
  childId,
  reviewId,
  version,
  owners,
}: {
  childId: string;
  reviewId: string;
  version: number;
  owners: Array<{ id: string; name: string }>;
}) {
  const router = useRouter();
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: signOffReviewSchema,
    action: signOffReviewAction,
    defaultValues: {
      childId,
      reviewId,
      baseVersion: version,
      items: [{ kind: "recommendation", text: "", ownerId: "", dueDate: "" }],
    },
    onSuccess: () => router.refresh(),
  });
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "items" });
  const e = form.formState.errors as unknown as {
    items?: Array<Record<string, { message?: string }>> & { message?: string };
  };
  const reg = form.register as unknown as Reg;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Sign off the review">
      <FormError message={formError ?? e.items?.message ?? null} />
      {fields.map((f, i) => (
        <fieldset key={f.id} className="mb-4 rounded border border-slate-300 p-3">
          <legend className="px-1 font-semibold">Decision or recommendation {i + 1}</legend>
          <Select
            id={`items-${i}-kind`}
            label="Kind"
            options={[
              { value: "recommendation", label: "Recommendation" },
              { value: "decision", label: "Decision" },
            ]}
            {...reg(`items.${i}.kind`)}
          />
          <TextArea
            id={`items-${i}-text`}
            label="What"
            rows={2}
            error={e.items?.[i]?.text}
            {...reg(`items.${i}.text`)}
          />
          <Select
            id={`items-${i}-ownerId`}
            label="Owner"
            options={[
              { value: "", label: "Choose who owns it" },
              ...owners.map((o) => ({ value: o.id, label: o.name })),
            ]}
            error={e.items?.[i]?.ownerId}
            {...reg(`items.${i}.ownerId`)}
          />
          <DateInput
            id={`items-${i}-dueDate`}
            label="Due by"
            error={e.items?.[i]?.dueDate}
            {...reg(`items.${i}.dueDate`)}
          />
          {fields.length > 1 ? (
            <Button type="button" variant="secondary" onClick={() => remove(i)}>
              Remove this one
            </Button>
          ) : null}
        </fieldset>
      ))}
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          variant="secondary"
          onClick={() => append({ kind: "recommendation", text: "", ownerId: "", dueDate: "" })}
        >
          Add another
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? "Signing off…" : "Sign off the review"}
        </Button>
      </div>
    </form>
  );
}

export function RespondToReviewForm({ childId, reviewId }: { childId: string; reviewId: string }) {
  const router = useRouter();
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: respondToReviewSchema,
    action: respondToReviewAction,
    defaultValues: { childId, reviewId, response: "" as never, comment: "" },
    onSuccess: () => router.refresh(),
  });
  const e = form.formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Respond to the review's decisions">
      <FormError message={formError} />
      <Select
        id="response"
        label="Your response"
        options={[
          { value: "", label: "Choose" },
          { value: "agree", label: "I agree with the decisions" },
          { value: "contest", label: "I contest the decisions" },
        ]}
        error={e.response}
        {...form.register("response")}
      />
      <TextArea id="response-comment" label="Your reasons" rows={3} error={e.comment} {...form.register("comment")} />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Record the response"}
      </Button>
    </form>
  );
}

export function CloseRecommendationForm({ childId, recommendationId }: { childId: string; recommendationId: string }) {
  const router = useRouter();
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: closeRecommendationSchema,
    action: closeRecommendationAction,
    defaultValues: { childId, recommendationId, status: "" as never, outcome: "" },
    onSuccess: () => router.refresh(),
  });
  const e = form.formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Record what came of it">
      <FormError message={formError} />
      <Select
        id={`status-${recommendationId}`}
        label="Was it done?"
        options={[
          { value: "", label: "Choose" },
          { value: "done", label: "Done" },
          { value: "not_done", label: "Not done" },
        ]}
        error={e.status}
        {...form.register("status")}
      />
      <TextArea
        id={`outcome-${recommendationId}`}
        label="What happened"
        rows={2}
        error={e.outcome}
        {...form.register("outcome")}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Record it"}
      </Button>
    </form>
  );
}
