"use client";
// The care plan draft form: validated in the browser and on the server by the same schema,
// autosaved as the person types (so a session that expires loses nothing), offering back an
// unsaved draft, and showing both texts side by side when someone else saved first.
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { DateInput, errorAtPath, FormError, Select, TextArea, TextInput } from "@/components/forms/fields";
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
} from "@/lib/care-plans/schemas";
import { formatUkDateTime } from "@/lib/dates";
import { VIEWS_STATUS } from "@/lib/sections";
import { ConflictPanel } from "./conflict-panel";
import { ParentViewRows } from "@/components/people/parent-view-rows";
import { parentViewRows, type ParentChoice } from "@/lib/people/views";

type Saved = { entryId: string; version: number; lockVersion: number; created: boolean };
type VersionRef = { childId: string; entryId: string; version: number; lockVersion: number };

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
  /** The people linked to the child, whose views the plan records. */
  parents?: readonly ParentChoice[];
  canSubmit: boolean;
  save: (values: CarePlanFormValues) => Promise<ActionResult<Saved>>;
  submit: (values: VersionRef) => Promise<ActionResult<unknown>>;
}

export function CarePlanForm({
  childId,
  editing,
  initial,
  offer,
  canSubmit,
  save,
  submit,
  parents = [],
}: CarePlanFormProps) {
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
      // One row per linked parent, holding what the draft recorded for them.
      parentViews: parentViewRows(parents, initial.parentViews).map((r) => ({ ...r, name: "", relationship: "" })),
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

      <ParentViewRows
        name="parentViews"
        idPrefix="parentViews"
        parents={parents}
        register={(path) => form.register(path as never)}
        errorAt={(path) => errorAtPath(form.formState.errors, path)}
        hint="Each parent's views on the plan, or that they were sought and not given."
      />
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
