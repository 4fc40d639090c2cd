"use client";
// Missing and away periods (start, the return and the return interview) and the child's
// unaccompanied asylum-seeking status, recorded on the episodes page.
import { useRouter } from "next/navigation";
import { DateInput, FormError, Select } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui";
import { ceaseUascAction, endMissingAction, recordUascAction, startMissingAction } from "@/lib/episodes/actions";
import {
  ceaseUascSchema,
  endMissingSchema,
  recordUascSchema,
  startMissingSchema,
  UASC_CEASED_REASONS,
} from "@/lib/episodes/schemas";
import { WhenFields, type WhenErrors } from "./when-fields";

type Errors = Record<string, { message?: string } | undefined> & { at?: WhenErrors; endAt?: WhenErrors };
const yesNo = (blank: string) => [
  { value: "", label: blank },
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
];

function InterviewFields({
  idPrefix,
  errors,
  register,
  offered,
}: {
  idPrefix: string;
  errors: Errors;
  register: (name: "returnInterviewOffered" | "returnInterviewAccepted") => object;
  offered: string;
}) {
  return (
    <>
      <Select
        id={`${idPrefix}-returnInterviewOffered`}
        label="Was the child offered a return interview?"
        options={yesNo("Choose")}
        error={errors.returnInterviewOffered}
        {...register("returnInterviewOffered")}
      />
      {offered === "yes" ? (
        <Select
          id={`${idPrefix}-returnInterviewAccepted`}
          label="Did the child accept it?"
          options={yesNo("Choose")}
          error={errors.returnInterviewAccepted}
          {...register("returnInterviewAccepted")}
        />
      ) : null}
    </>
  );
}

export function StartMissingForm({ childId }: { childId: string }) {
  const router = useRouter();
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: startMissingSchema,
    action: startMissingAction,
    defaultValues: {
      childId,
      kind: "" as never,
      at: { date: "", time: "" },
      ended: "no",
      endAt: { date: "", time: "" },
      returnInterviewOffered: "",
      returnInterviewAccepted: "",
    },
    onSuccess: () => {
      form.reset();
      router.refresh();
    },
  });
  const errors = form.formState.errors as Errors;
  const register = form.register as unknown as (name: string) => ReturnType<typeof form.register>;
  const ended = form.watch("ended");
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Record a missing or away period">
      <FormError message={formError} />
      <Select
        id="missing-kind"
        label="What happened"
        options={[
          { value: "", label: "Choose" },
          { value: "M", label: "Missing from placement" },
          { value: "A", label: "Away from placement without authorisation" },
        ]}
        error={errors.kind}
        {...register("kind")}
      />
      <WhenFields idPrefix="missing-at" legend="When it started" error={errors.at} register={(n) => register(n)} />
      <Select
        id="missing-ended"
        label="Has the child come back?"
        options={[
          { value: "no", label: "Not yet" },
          { value: "yes", label: "Yes" },
        ]}
        {...register("ended")}
      />
      {ended === "yes" ? (
        <>
          <WhenFields
            prefix="endAt"
            idPrefix="missing-endAt"
            legend="When the child came back"
            error={errors.endAt}
            register={(n) => register(n)}
          />
          <InterviewFields
            idPrefix="missing"
            errors={errors}
            register={(n) => register(n)}
            offered={form.watch("returnInterviewOffered") ?? ""}
          />
        </>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Recording…" : "Record the period"}
      </Button>
    </form>
  );
}

export function EndMissingForm({ childId, missingId }: { childId: string; missingId: string }) {
  const router = useRouter();
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: endMissingSchema,
    action: endMissingAction,
    defaultValues: {
      childId,
      missingId,
      at: { date: "", time: "" },
      returnInterviewOffered: "",
      returnInterviewAccepted: "",
    },
    onSuccess: () => router.refresh(),
  });
  const errors = form.formState.errors as Errors;
  const register = form.register as unknown as (name: string) => ReturnType<typeof form.register>;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Record the child's return">
      <FormError message={formError} />
      <WhenFields
        idPrefix={`return-${missingId}`}
        legend="When the child came back"
        error={errors.at}
        register={(n) => register(n)}
      />
      <InterviewFields
        idPrefix={`return-${missingId}`}
        errors={errors}
        register={(n) => register(n)}
        offered={form.watch("returnInterviewOffered") ?? ""}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Recording…" : "Record the return"}
      </Button>
    </form>
  );
}

export function RecordUascForm({ childId }: { childId: string }) {
  const router = useRouter();
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: recordUascSchema,
    action: recordUascAction,
    defaultValues: { childId, sinceDate: "" },
    onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Record unaccompanied asylum-seeking child status">
      <FormError message={formError} />
      <DateInput id="sinceDate" label="Since" error={form.formState.errors.sinceDate} {...form.register("sinceDate")} />
      <Button type="submit" disabled={pending}>
        {pending ? "Recording…" : "Record the status"}
      </Button>
    </form>
  );
}

export function CeaseUascForm({ childId }: { childId: string }) {
  const router = useRouter();
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: ceaseUascSchema,
    action: ceaseUascAction,
    defaultValues: { childId, ceasedDate: "", ceasedReason: "" as never },
    onSuccess: () => router.refresh(),
  });
  const e = form.formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Record that the status ceased">
      <FormError message={formError} />
      <DateInput
        id="ceasedDate"
        label="Date the status ceased"
        hint="The child's 18th birthday at the latest, for example 27/03/2026"
        error={e.ceasedDate}
        {...form.register("ceasedDate")}
      />
      <Select
        id="ceasedReason"
        label="Why it ceased"
        options={[
          { value: "", label: "Choose the reason" },
          ...Object.entries(UASC_CEASED_REASONS).map(([value, label]) => ({ value, label })),
        ]}
        error={e.ceasedReason}
        {...form.register("ceasedReason")}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Recording…" : "Record that it ceased"}
      </Button>
    </form>
  );
}
