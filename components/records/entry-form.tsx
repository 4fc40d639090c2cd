"use client";
// The form for a section entry, built from the section's spec: create or amend, validated by
// the same zod schema as the server, with autosave for long forms and conflict handling.
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { Checkbox, DateInput, FormError, Select, TextArea, TextInput } from "@/components/forms/fields";
import { AutosaveStatus, useAutosave } from "@/components/forms/use-autosave";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui";
import { amendEntrySchema, createEntrySchema } from "@/lib/records/schemas";
import { formatValue } from "@/lib/records/format";
import {
  blankWhatDoesNotApply,
  fieldApplies,
  formSpec,
  VIEWS_STATUS,
  type FieldSpec,
  type FormSection,
} from "@/lib/sections";
import { amendEntryAction, createEntryAction } from "@/lib/records/actions";
import { parentViewRows, typedParentViews, type ParentChoice } from "@/lib/people/views";

import type { EntryFormValues } from "@/lib/records/format";

interface Props {
  section: FormSection;
  childId: string;
  /** Values as typed in the form (dates dd/mm/yyyy). */
  defaults: EntryFormValues;
  amend?: { entryId: string; baseVersion: number };
  /** Providers submit standard entries only. */
  canRestrict: boolean;
  restoredFrom?: string | null;
  /** The people linked to the child, whose views a parents' views field asks for. */
  parents?: readonly ParentChoice[];
}

type AnyErrors = FieldErrors<Record<string, unknown>>;
const errorAt = (errors: AnyErrors, path: string): { message?: string } | undefined => {
  let node: unknown = errors;
  for (const key of path.split(".")) node = (node as Record<string, unknown> | undefined)?.[key];
  return node && typeof node === "object" && "message" in node ? (node as { message?: string }) : undefined;
};

function ViewsField({
  field,
  register,
  errors,
  idPrefix,
}: {
  field: FieldSpec;
  register: UseFormRegister<Record<string, unknown>>;
  errors: AnyErrors;
  idPrefix: string;
}) {
  const name = `data.${field.name}`;
  const statusError = errorAt(errors, `${name}.status`);
  return (
    <fieldset
      className="mb-4 rounded border border-slate-300 p-3"
      aria-describedby={statusError?.message ? `${idPrefix}-status-error` : undefined}
    >
      <legend className="px-1 font-semibold">{field.label}</legend>
      {statusError?.message ? (
        <p id={`${idPrefix}-status-error`} className="font-semibold text-red-800">
          <span className="sr-only">Error: </span>
          {statusError.message}
        </p>
      ) : null}
      <div className="mb-2 flex flex-wrap gap-4">
        {VIEWS_STATUS.map((s) => (
          <label key={s.value} className="flex items-center gap-2">
            <input
              type="radio"
              value={s.value}
              aria-invalid={statusError?.message ? true : undefined}
              {...register(`${name}.status`)}
              className="h-5 w-5"
            />
            {s.label}
          </label>
        ))}
      </div>
      <TextArea
        id={`${idPrefix}-text`}
        label="In their words, or why not"
        error={errorAt(errors, `${name}.text`)}
        rows={3}
        {...register(`${name}.text`)}
      />
    </fieldset>
  );
}

function ParentViewsField({
  field,
  register,
  errors,
  parents,
  typed,
}: {
  field: FieldSpec;
  register: UseFormRegister<Record<string, unknown>>;
  errors: AnyErrors;
  parents: readonly ParentChoice[];
  typed: ReturnType<typeof typedParentViews>;
}) {
  const name = `data.${field.name}`;
  const listError = errorAt(errors, name) ?? errorAt(errors, `${name}.root`);
  return (
    <fieldset className="mb-4 rounded border border-slate-300 p-3">
      <legend className="px-1 font-semibold">{field.label}</legend>
      {field.hint ? <p className="mb-2 text-sm text-slate-700">{field.hint}</p> : null}
      {listError?.message ? <p className="font-semibold text-red-800">{listError.message}</p> : null}
      {parents.length === 0 ? (
        <p className="mb-2 text-sm text-slate-700">
          No parents are linked to this child: add them on the Family and people page to record their views.
        </p>
      ) : null}
      {parents.map((p, index) => (
        <div key={p.personId} className="mb-3 border-b border-slate-200 pb-3">
          <input type="hidden" {...register(`${name}.${index}.personId`)} />
          <p className="font-semibold">
            {p.name} ({p.relationshipLabel}){p.parentalResponsibility ? ", parental responsibility" : ""}
          </p>
          <Select
            id={`${field.name}-${index}-status`}
            label={`${p.name}'s views`}
            options={[
              { value: "", label: p.parentalResponsibility ? "Choose" : "Not recorded" },
              ...VIEWS_STATUS.filter((s) => s.value !== "too_young"),
            ]}
            error={errorAt(errors, `${name}.${index}.status`) ?? errorAt(errors, `${name}.${index}.personId`)}
            {...register(`${name}.${index}.status`)}
          />
          <TextArea
            id={`${field.name}-${index}-text`}
            label={`In ${p.name}'s words, or why not`}
            rows={2}
            error={errorAt(errors, `${name}.${index}.text`)}
            {...register(`${name}.${index}.text`)}
          />
        </div>
      ))}
      {typed.length > 0 ? (
        <div className="text-sm text-slate-700">
          <p className="font-semibold">Recorded before parents were linked (kept in the earlier version):</p>
          <ul className="list-disc pl-5">
            {typed.map((t, i) => (
              <li key={i}>{formatValue(t)}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </fieldset>
  );
}

export function EntryForm({ section, childId, defaults, amend, canRestrict, restoredFrom, parents = [] }: Props) {
  const spec = formSpec(section);
  const router = useRouter();
  const schema = useMemo(() => (amend ? amendEntrySchema(section) : createEntrySchema(section)), [amend, section]);
  const [conflict, setConflict] = useState<{
    current: { version: number; title: string; data: Record<string, unknown> };
  } | null>(null);
  const { form, onSubmit, pending, formError } = useActionForm({
    schema,
    action: async (values) => {
      const payload = { ...values, ...(amend ?? {}), childId };
      const result = amend ? await amendEntryAction(section, payload) : await createEntryAction(section, payload);
      if (!result.ok && result.error.code === "conflict:version" && result.error.details)
        setConflict(result.error.details as typeof conflict);
      return result;
    },
    defaultValues: {
      ...defaults,
      // One row per linked parent, holding what was recorded for them before.
      data: {
        ...defaults.data,
        ...Object.fromEntries(
          spec.fields
            .filter((f) => f.kind === "parentViews")
            .map((f) => [f.name, parentViewRows(parents, defaults.data[f.name])]),
        ),
      },
      childId,
      ...(amend ?? {}),
    } as never,
    onSuccess: (data) =>
      router.push(`/children/${childId}/${spec.path}/${data.entryId}?saved=${amend ? "amended" : "created"}`),
  });
  const register = form.register as unknown as UseFormRegister<Record<string, unknown>>;
  const errors = form.formState.errors as AnyErrors;
  const applying = blankWhatDoesNotApply(
    spec.fields,
    (form.watch("data" as never) ?? {}) as unknown as Record<string, unknown>,
  );
  const formKey = `${section}:${amend ? amend.entryId : "new"}`;
  const autosave = useAutosave({
    form: form as never,
    childId,
    formKey,
    enabled: Boolean(spec.autosave),
  });

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-3xl">
      <FormError message={formError} />
      {restoredFrom ? (
        <p role="status" className="mb-4 border-l-4 border-blue-700 bg-blue-50 p-3">
          Your unsaved draft from {restoredFrom} has been restored. Check it, then save.
        </p>
      ) : null}
      {conflict ? (
        <div className="mb-4 rounded border border-amber-600 bg-amber-50 p-3">
          <p className="font-bold">
            Version {conflict.current.version} was saved by someone else while you were editing.
          </p>
          <p>
            Your text is still in the form below and has been kept as a draft. Compare it with the saved version, then
            save again if it is still right.
          </p>
          <details className="mt-2">
            <summary className="cursor-pointer font-semibold">
              Show the saved version {conflict.current.version}
            </summary>
            <dl className="mt-2">
              <dt className="font-semibold">{spec.titleLabel}</dt>
              <dd className="mb-2">{conflict.current.title}</dd>
              {spec.fields.map((f) => (
                <div key={f.name}>
                  <dt className="font-semibold">{f.label}</dt>
                  <dd className="mb-2 whitespace-pre-wrap">{formatValue(conflict.current.data[f.name])}</dd>
                </div>
              ))}
            </dl>
          </details>
        </div>
      ) : null}
      <TextInput id="title" label={spec.titleLabel} error={errorAt(errors, "title")} {...register("title")} />
      <DateInput
        id="occurredOn"
        label={spec.dateLabel}
        error={errorAt(errors, "occurredOn")}
        {...register("occurredOn")}
      />
      {spec.fields.map((field) => {
        // Fields that apply only to some types of entry (the SDQ score on an SDQ) show only then.
        if (!fieldApplies(field, applying)) return null;
        const name = `data.${field.name}`;
        const id = `field-${field.name}`;
        const error = errorAt(errors, name);
        switch (field.kind) {
          case "text":
            return (
              <TextInput
                key={field.name}
                id={id}
                label={field.label}
                hint={field.hint}
                error={error}
                {...register(name)}
              />
            );
          case "textarea":
            return (
              <TextArea
                key={field.name}
                id={id}
                label={field.label}
                hint={field.hint}
                error={error}
                {...register(name)}
              />
            );
          case "date":
            return (
              <DateInput
                key={field.name}
                id={id}
                label={field.label}
                hint={field.hint}
                error={error}
                {...register(name)}
              />
            );
          case "select":
            return (
              <Select
                key={field.name}
                id={id}
                label={field.label}
                hint={field.hint}
                error={error}
                options={[{ value: "", label: "Choose" }, ...field.options]}
                {...register(name)}
              />
            );
          case "boolean":
            return <Checkbox key={field.name} id={id} label={field.label} hint={field.hint} {...register(name)} />;
          case "views":
            return <ViewsField key={field.name} field={field} register={register} errors={errors} idPrefix={id} />;
          case "parentViews":
            return (
              <ParentViewsField
                key={field.name}
                field={field}
                register={register}
                errors={errors}
                parents={parents}
                typed={typedParentViews(defaults.data[field.name])}
              />
            );
        }
      })}
      {canRestrict ? (
        <Select
          id="confidentiality"
          label="Confidentiality"
          hint={
            spec.minimumConfidentiality === "restricted"
              ? "Always restricted: never shown to providers."
              : "Restricted entries are never shown to providers."
          }
          options={
            spec.minimumConfidentiality === "restricted"
              ? [{ value: "restricted", label: "Restricted" }]
              : [
                  { value: "standard", label: "Standard" },
                  { value: "restricted", label: "Restricted" },
                ]
          }
          error={errorAt(errors, "confidentiality")}
          {...register("confidentiality")}
        />
      ) : null}
      <Checkbox
        id="childProperty"
        label="This is the child's property"
        hint="Marked so in the record, and included in the child's progress file."
        {...register("childProperty")}
      />
      <Checkbox
        id="significant"
        label="Significant: show in the chronology's significant events"
        {...register("significant")}
      />
      {amend ? (
        <TextArea
          id="amendReason"
          label="Why are you amending this?"
          hint="The earlier version stays in the record; this reason is shown beside the change."
          error={errorAt(errors, "amendReason")}
          rows={3}
          {...register("amendReason")}
        />
      ) : null}
      {spec.autosave ? <AutosaveStatus status={autosave} /> : null}
      <div className="mt-4 flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : amend ? "Save amendment" : `Save ${spec.singular}`}
        </Button>
      </div>
    </form>
  );
}
