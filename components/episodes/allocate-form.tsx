"use client";
// A team manager allocates a social worker or an IRO from a date (the current spell ends that day,
// with its reason: the return's SW_REASON, in words), or ends an allocation on its own, with the
// reason and a confirmation, since the person's access ends at once.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { DateInput, FormError, Select } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui";
import { allocateAction, endAllocationAction, transferTeamAction } from "@/lib/episodes/actions";
import { allocateSchema, endAllocationSchema, transferTeamSchema } from "@/lib/episodes/schemas";
import { SW_REASON } from "@/lib/ssda903/codes";

export function AllocateForm({
  childId,
  kind,
  people,
  hasCurrent,
}: {
  childId: string;
  kind: "social_worker" | "iro";
  people: Array<{ id: string; name: string }>;
  hasCurrent: boolean;
}) {
  const router = useRouter();
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: allocateSchema,
    action: allocateAction,
    // An IRO's spell usually ends for a management decision; a social worker's reason is always asked.
    defaultValues: { childId, kind, userId: "", startDate: "", previousEndReason: kind === "iro" ? "MANAGE" : "" },
    onSuccess: () => {
      form.reset();
      router.refresh();
    },
  });
  const e = form.formState.errors;
  const who = kind === "iro" ? "IRO" : "social worker";
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Allocate ${kind === "iro" ? "an" : "a"} ${who}`}>
      <FormError message={formError} />
      <Select
        id={`${kind}-userId`}
        label={kind === "iro" ? "Independent Reviewing Officer" : "Social worker"}
        options={[{ value: "", label: "Choose" }, ...people.map((p) => ({ value: p.id, label: p.name }))]}
        error={e.userId}
        {...form.register("userId")}
      />
      <DateInput
        id={`${kind}-startDate`}
        label="From"
        hint="For example, 27/03/2026"
        error={e.startDate}
        {...form.register("startDate")}
      />
      {hasCurrent ? (
        <Select
          id={`${kind}-previousEndReason`}
          label={`Why the current ${who}'s allocation ends`}
          options={[
            { value: "", label: "Choose the reason" },
            ...Object.entries(SW_REASON).map(([value, label]) => ({ value, label })),
          ]}
          error={e.previousEndReason}
          {...form.register("previousEndReason")}
        />
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Allocating…" : `Allocate the ${who}`}
      </Button>
    </form>
  );
}

const SW_REASON_OPTIONS = [
  { value: "", label: "Choose the reason" },
  ...Object.entries(SW_REASON).map(([value, label]) => ({ value, label })),
];

/**
 * Ends the current social worker's or IRO's allocation, with no one new yet: the date and the
 * reason first, then a confirmation, because their access to the child's record ends at once.
 */
export function EndAllocationForm({
  childId,
  kind,
  userId,
  name,
}: {
  childId: string;
  kind: "social_worker" | "iro";
  /** Who is allocated now: the allocation ends only if they still are. */
  userId: string;
  name: string;
}) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const who = kind === "iro" ? "IRO" : "social worker";
  const { form, onSubmit, onInvalid, pending, formError } = useActionForm({
    schema: endAllocationSchema,
    action: async (values) => {
      setConfirming(false);
      return endAllocationAction(values);
    },
    defaultValues: { childId, kind, userId, endDate: "", reason: "" },
    onSuccess: () => {
      form.reset();
      router.refresh();
    },
  });
  const ask = form.handleSubmit(() => setConfirming(true), onInvalid);
  const e = form.formState.errors;
  return (
    <form onSubmit={confirming ? onSubmit : ask} noValidate aria-label={`End the ${who}'s allocation`}>
      <FormError message={formError} />
      <DateInput
        id={`end-${kind}-endDate`}
        label="Ends on"
        hint="Today or a day that has passed, for example 27/03/2026"
        readOnly={confirming}
        error={e.endDate}
        {...form.register("endDate")}
      />
      <Select
        id={`end-${kind}-reason`}
        label={`Why ${name}'s allocation ends`}
        options={SW_REASON_OPTIONS}
        error={e.reason}
        {...form.register("reason")}
      />
      {confirming ? (
        <div
          role="alertdialog"
          aria-labelledby={`end-${kind}-confirm-title`}
          aria-describedby={`end-${kind}-confirm-text`}
          className="mb-4 border-4 border-red-700 bg-white p-4"
        >
          <h4 id={`end-${kind}-confirm-title`} className="mb-1 text-lg font-bold">
            End {name}&apos;s allocation?
          </h4>
          <p id={`end-${kind}-confirm-text`} className="mb-3">
            {kind === "iro"
              ? `${name} stops being this child's IRO at once and can no longer open the record. The child has no IRO until you allocate one.`
              : `${name} stops being this child's social worker at once: the child leaves their caseload and shows as unallocated on the team dashboard until you allocate someone.`}
          </p>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant="danger" disabled={pending} autoFocus>
              {pending ? "Ending…" : "Yes, end the allocation"}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
              No, keep the allocation
            </Button>
          </div>
        </div>
      ) : (
        <Button type="submit" variant="secondary" disabled={pending}>
          End the allocation
        </Button>
      )}
    </form>
  );
}

/** A team manager moves the child to another team: the social worker's spell ends; the new team allocates. */
export function TransferTeamForm({
  childId,
  teams,
  hasWorker,
}: {
  childId: string;
  teams: Array<{ id: string; name: string }>;
  hasWorker: boolean;
}) {
  const router = useRouter();
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: transferTeamSchema,
    action: transferTeamAction,
    defaultValues: { childId, teamId: "", startDate: "", previousEndReason: hasWorker ? "TSPROC" : "" },
    onSuccess: () => {
      form.reset();
      router.refresh();
    },
  });
  const e = form.formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Transfer to another team">
      <FormError message={formError} />
      <Select
        id="transfer-teamId"
        label="Transfer to"
        hint="The new team's manager allocates a social worker; you will no longer manage this child"
        options={[{ value: "", label: "Choose the team" }, ...teams.map((t) => ({ value: t.id, label: t.name }))]}
        error={e.teamId}
        {...form.register("teamId")}
      />
      <DateInput id="transfer-startDate" label="From" error={e.startDate} {...form.register("startDate")} />
      {hasWorker ? (
        <Select
          id="transfer-previousEndReason"
          label="Why the social worker's allocation ends"
          options={[
            { value: "", label: "Choose the reason" },
            ...Object.entries(SW_REASON).map(([value, label]) => ({ value, label })),
          ]}
          error={e.previousEndReason}
          {...form.register("previousEndReason")}
        />
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Transferring…" : "Transfer the child"}
      </Button>
    </form>
  );
}
