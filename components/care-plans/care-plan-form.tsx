"use client";
// The care plan draft form: validated in the browser and on the server by the same schema,
// autosaved as the person types (so a session that expires loses nothing), offering back an
// unsaved draft, and showing both texts side by side when someone else saved first.
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { useFieldArray, type UseFormReturn } from "react-hook-form";
import { DateInput, FormError, Select, TextArea, TextInput } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { AutosaveStatus, useAutosave } from "@/components/forms/use-autosave";
import { Button, Notice } from "@/components/ui";
import type { ActionResult } from "@/lib/actions/result";
import { CARE_PLAN_TEXT_FIELDS, carePlanFormKey } from "@/lib/care-plans/fields";
import {
  saveCarePlanDraftSchema,
  type CarePlanConflict,
  type CarePlanContent,
  type CarePlanFormValues,
  type SaveCarePlanDraftInput,
} from "@/lib/care-plans/schemas";
import { formatUkDateTime } from "@/lib/dates";
import { VIEWS_STATUS } from "@/lib/sections";
import { ConflictPanel } from "./conflict-panel";

type Saved = { entryId: string; version: number; lockVersion: number; created: boolean };
type VersionRef = { childId: string; entryId: string; version: number; lockVersion: number };
type Form = UseFormReturn<CarePlanFormValues, unknown, SaveCarePlanDraftInput>;

const STATUS_OPTIONS = [
  { value: "", label: "Choose one" },
  ...VIEWS_STATUS.map((v) => ({ value: v.value, label: v.label })),
];

export interface CarePlanFormProps {
  childId: string;
  /** The draft being edited, or null when this form starts the plan. */
  editing: { entryId: string; version: number; lockVersion: number } | null;
  initial: CarePlanContent;
  offer: { savedAt: string; fromConflict: boolean; content: CarePlanContent } | null;
  canSubmit: boolean;
  save: (values: CarePlanFormValues) => Promise<ActionResult<Saved>>;
  submit: (values: VersionRef) => Promise<ActionResult<unknown>>;
}

function ParentViewsFields({ form }: { form: Form }) {
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "parentViews" });
  const errors = form.formState.errors.parentViews;
  return (
    <fieldset className="mb-6 rounded border border-slate-300 p-4">
      <legend className="px-1 text-lg font-bold">Parents&apos; views</legend>
      <p className="mb-3 text-sm text-slate-700">
        Record each parent&apos;s views on the plan, or that they were sought and not given.
      </p>
      {errors?.root?.message || errors?.message ? (
        <p className="font-semibold text-red-800">{errors.root?.message ?? errors.message}</p>
      ) : null}
      {fields.map((field, i) => (
        <div key={field.id} className="mb-4 border-l-4 border-slate-300 pl-3">
          <p className="mb-2 font-semibold">Parent {i + 1}</p>
          <TextInput
            id={`parentViews-${i}-name`}
            label="Name"
            error={errors?.[i]?.name}
            {...form.register(`parentViews.${i}.name`)}
          />
          <TextInput
            id={`parentViews-${i}-relationship`}
            label="Relationship to the child"
            hint="For example, mother"
            error={errors?.[i]?.relationship}
            {...form.register(`parentViews.${i}.relationship`)}
          />
          <Select
            id={`parentViews-${i}-status`}
            label="Were their views given?"
            options={STATUS_OPTIONS}
            error={errors?.[i]?.status}
            {...form.register(`parentViews.${i}.status`)}
          />
          <TextArea
            id={`parentViews-${i}-text`}
            label="Their views, or why they were not sought"
            rows={3}
            error={errors?.[i]?.text}
            {...form.register(`parentViews.${i}.text`)}
          />
          <Button type="button" variant="secondary" onClick={() => remove(i)}>
            Remove parent {i + 1}
          </Button>
        </div>
      ))}
      {fields.length < 6 ? (
        <Button
          id="parentViews-add"
          data-error-target="parentViews"
          type="button"
          variant="secondary"
          onClick={() => append({ name: "", relationship: "", status: "", text: "" })}
        >
          Add a parent&apos;s views
        </Button>
      ) : null}
    </fieldset>
  );
}

export function CarePlanForm({ childId, editing, initial, offer, canSubmit, save, submit }: CarePlanFormProps) {
  const router = useRouter();
  const intent = useRef<"save" | "submit">("save");
  const [entryId, setEntryId] = useState(editing?.entryId ?? null);
  const [conflict, setConflict] = useState<{ message: string; details: CarePlanConflict } | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [offerOpen, setOfferOpen] = useState(offer !== null);

  const { form, onSubmit, pending, formError, setFormError } = useActionForm({
    schema: saveCarePlanDraftSchema,
    defaultValues: {
      childId,
      entryId: editing?.entryId ?? null,
      version: editing?.version ?? null,
      lockVersion: editing?.lockVersion ?? 0,
      ...initial,
    },
    action: async (values): Promise<ActionResult<Saved>> => {
      setSavedAt(null);
      const result = await save(values);
      if (!result.ok) {
        if (result.error.details)
          setConflict({ message: result.error.message, details: result.error.details as CarePlanConflict });
        return result;
      }
      setConflict(null);
      // The form now stands on the version just saved: the next save is checked against it.
      form.setValue("entryId", result.data.entryId);
      form.setValue("version", result.data.version);
      form.setValue("lockVersion", result.data.lockVersion);
      setEntryId(result.data.entryId);
      if (intent.current === "submit") {
        const submitted = await submit({
          childId,
          entryId: result.data.entryId,
          version: result.data.version,
          lockVersion: result.data.lockVersion,
        });
        if (!submitted.ok)
          return {
            ok: false,
            error: {
              ...submitted.error,
              message: `Your draft was saved but not submitted. ${submitted.error.message}`,
            },
            fieldErrors: submitted.fieldErrors,
          };
      }
      return result;
    },
    onSuccess: () => {
      if (intent.current === "submit") {
        router.push(`/children/${childId}/care-plan`);
        return;
      }
      setSavedAt(new Date().toISOString());
      router.refresh();
    },
  });
  const autosave = useAutosave({ form, childId, formKey: carePlanFormKey(entryId) });
  const errors = form.formState.errors;

  const loadOnto = (content: CarePlanContent, base: NonNullable<CarePlanConflict["current"]>) => {
    form.reset({ childId, entryId: base.entryId, version: base.version, lockVersion: base.lockVersion, ...content });
    setEntryId(base.entryId);
    setConflict(null);
    setFormError(null);
  };

  const textArea = (f: (typeof CARE_PLAN_TEXT_FIELDS)[number]) => (
    <TextArea
      key={f.name}
      id={f.name}
      label={f.label}
      hint={`${f.hint} Needed before the plan is submitted for approval (${f.regulation}).`}
      rows={6}
      error={errors[f.name]}
      {...form.register(f.name)}
    />
  );

  return (
    <form onSubmit={onSubmit} noValidate>
      {offer && offerOpen ? (
        <Notice
          tone="warning"
          title={
            offer.fromConflict ? "Your text from a save that was refused has been kept" : "You have an unsaved draft"
          }
        >
          <p className="mb-2">
            {offer.fromConflict
              ? "Someone else saved this plan before you. Your own text was kept as a draft so nothing was lost."
              : "Text you typed was saved automatically but not saved to the plan, for example because your session ended."}{" "}
            Restoring it replaces what is in the form below; nothing is saved until you choose Save draft.
          </p>
          <div className="flex flex-wrap gap-2">
            <Button
              type="button"
              onClick={() => {
                form.reset({ ...form.getValues(), ...offer.content });
                setOfferOpen(false);
              }}
            >
              Restore your unsaved draft from {formatUkDateTime(offer.savedAt)}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setOfferOpen(false)}>
              Keep the saved version
            </Button>
          </div>
        </Notice>
      ) : null}

      {conflict ? (
        <ConflictPanel
          childId={childId}
          message={conflict.message}
          details={conflict.details}
          onUseMine={(base) => loadOnto(conflict.details.yours, base)}
          onUseSaved={(base) => loadOnto(base.content, base)}
        />
      ) : (
        <FormError message={formError} />
      )}
      {savedAt ? (
        <Notice tone="success" title="Draft saved">
          Saved at {formatUkDateTime(savedAt)}. It is not in force until it is submitted and approved by a team manager.
        </Notice>
      ) : null}

      <TextInput
        id="title"
        label="Title"
        hint='For example, "Care plan" or "Care plan: placement with Hawthorn household"'
        error={errors.title}
        {...form.register("title")}
      />
      <DateInput id="planDate" label="Plan date" error={errors.planDate} {...form.register("planDate")} />
      {CARE_PLAN_TEXT_FIELDS.slice(0, 2).map(textArea)}

      <fieldset className="mb-6 rounded border border-slate-300 p-4">
        <legend className="px-1 text-lg font-bold">The child&apos;s views and wishes</legend>
        <Select
          id="childViews-status"
          label="Were the child's views given?"
          options={STATUS_OPTIONS}
          error={errors.childViews?.status}
          {...form.register("childViews.status")}
        />
        <TextArea
          id="childViews-text"
          label="The child's views and wishes"
          hint="In the child's own words where possible; or why their views were not sought."
          rows={5}
          error={errors.childViews?.text}
          {...form.register("childViews.text")}
        />
      </fieldset>

      <ParentViewsFields form={form} />
      {CARE_PLAN_TEXT_FIELDS.slice(2).map(textArea)}

      <AutosaveStatus status={autosave} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending} onClick={() => (intent.current = "save")}>
          {pending && intent.current === "save" ? "Saving…" : "Save draft"}
        </Button>
        {canSubmit ? (
          <Button type="submit" variant="secondary" disabled={pending} onClick={() => (intent.current = "submit")}>
            {pending && intent.current === "submit" ? "Submitting…" : "Save and submit for approval"}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
