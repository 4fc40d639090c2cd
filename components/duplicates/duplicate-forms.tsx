"use client";
// Forms for duplicate entries on a child's record: an entry for several siblings recorded once
// (a copy on each chosen child's record, each with its own confidentiality), amending that shared
// entry, and bringing a copy up to date with its source.
import { useRouter } from "next/navigation";
import { useFieldArray } from "react-hook-form";
import { ActionButton } from "@/components/forms/action-button";
import { Checkbox, DateInput, FormError, Select, TextArea, TextInput } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui";
import { amendSharedEntryAction, recordSharedEntryAction, refreshDuplicateAction } from "@/lib/duplicates/actions";
import { amendSharedEntrySchema, recordSharedEntrySchema, SHARED_ENTRY_KIND_LABELS } from "@/lib/duplicates/schemas";

const KIND_OPTIONS = [
  { value: "", label: "Choose" },
  ...Object.entries(SHARED_ENTRY_KIND_LABELS).map(([value, label]) => ({ value, label })),
];
const CONFIDENTIALITY = [
  { value: "standard", label: "Standard" },
  { value: "restricted", label: "Restricted (never providers)" },
];

export function RefreshDuplicateButton(props: { childId: string; entryId: string; baseVersion: number }) {
  return (
    <ActionButton
      variant="primary"
      label="Bring this copy up to date"
      pendingLabel="Updating…"
      successMessage="The copy now holds the source's latest version."
      action={refreshDuplicateAction}
      input={props}
    />
  );
}

export function RecordSharedEntryForm({
  childId,
  childrenToCopy,
}: {
  childId: string;
  /** This child first, then the siblings linked to it whom the person may add to. */
  childrenToCopy: Array<{ childId: string; name: string }>;
}) {
  const router = useRouter();
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: recordSharedEntrySchema,
    action: recordSharedEntryAction,
    defaultValues: {
      childId,
      kind: "" as never,
      occurredOn: "",
      title: "",
      details: "",
      copies: childrenToCopy.map((c, i) => ({
        childId: c.childId,
        place: i === 0,
        confidentiality: "standard" as const,
      })),
    },
    onSuccess: () => {
      form.reset();
      router.refresh();
    },
  });
  const { fields } = useFieldArray({ control: form.control, name: "copies" });
  const e = form.formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      <Select id="sharedKind" label="Kind" options={KIND_OPTIONS} error={e.kind} {...form.register("kind")} />
      <TextInput id="sharedTitle" label="Title" error={e.title} {...form.register("title")} />
      <DateInput id="sharedOccurredOn" label="Date" error={e.occurredOn} {...form.register("occurredOn")} />
      <TextArea id="sharedDetails" label="What happened" rows={4} error={e.details} {...form.register("details")} />
      <fieldset className="mb-4 rounded border border-slate-300 p-3">
        <legend className="px-1 font-semibold">A copy on each child&apos;s record</legend>
        {e.copies?.root?.message || e.copies?.message ? (
          <p className="font-semibold text-red-800">{e.copies?.root?.message ?? e.copies?.message}</p>
        ) : null}
        {fields.map((f, i) => {
          const c = childrenToCopy[i];
          if (!c) return null;
          return (
            <div key={f.id} className="mb-2 grid items-end gap-x-4 sm:grid-cols-2">
              <Checkbox id={`copy-${i}-place`} label={c.name} {...form.register(`copies.${i}.place`)} />
              <Select
                id={`copy-${i}-confidentiality`}
                label={`Confidentiality of ${c.name}'s copy`}
                options={CONFIDENTIALITY}
                {...form.register(`copies.${i}.confidentiality`)}
              />
            </div>
          );
        })}
      </fieldset>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Record once, with a copy on each record"}
      </Button>
    </form>
  );
}

export function AmendSharedEntryForm({
  childId,
  shared,
}: {
  childId: string;
  shared: { sharedEntryId: string; version: number; kind: string; occurredOn: string; title: string; details: string };
}) {
  const router = useRouter();
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: amendSharedEntrySchema,
    action: amendSharedEntryAction,
    defaultValues: {
      childId,
      sharedEntryId: shared.sharedEntryId,
      baseVersion: shared.version,
      kind: shared.kind as never,
      occurredOn: shared.occurredOn,
      title: shared.title,
      details: shared.details,
      amendReason: "",
    },
    onSuccess: () => router.refresh(),
  });
  const e = form.formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="mt-2">
      <FormError message={formError} />
      <Select id="amendKind" label="Kind" options={KIND_OPTIONS} error={e.kind} {...form.register("kind")} />
      <TextInput id="amendTitle" label="Title" error={e.title} {...form.register("title")} />
      <DateInput id="amendOccurredOn" label="Date" error={e.occurredOn} {...form.register("occurredOn")} />
      <TextArea id="amendDetails" label="What happened" rows={4} error={e.details} {...form.register("details")} />
      <TextArea
        id="amendSharedReason"
        label="Why are you amending the shared entry?"
        hint="Each child's copy will say that its source changed; each is brought up to date on its own record."
        rows={2}
        error={e.amendReason}
        {...form.register("amendReason")}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Amend the shared entry"}
      </Button>
    </form>
  );
}
