"use client";
// A team manager allocates a social worker or an IRO from a date; the current spell ends that
// day, with its reason for a social worker (the return's SW_REASON, in words).
import { useRouter } from "next/navigation";
import { DateInput, FormError, Select } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui";
import { allocateAction, transferTeamAction } from "@/lib/episodes/actions";
import { allocateSchema, transferTeamSchema } from "@/lib/episodes/schemas";
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
    defaultValues: { childId, kind, userId: "", startDate: "", previousEndReason: "" },
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
      {kind === "social_worker" && hasCurrent ? (
        <Select
          id={`${kind}-previousEndReason`}
          label="Why the current social worker's allocation ends"
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
