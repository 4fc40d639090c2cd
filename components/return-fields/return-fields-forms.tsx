"use client";
// Forms for the return's own facts on a child's record: the child's details for the children
// looked after return (overview), contact with a care leaver and adoption milestones (episodes
// page). Choices read as words with the Department's code beside them.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { DateInput, FormError, Select, TextArea, TextInput } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button, Notice } from "@/components/ui";
import { formatUkDate } from "@/lib/dates";
import {
  recordAdoptionMilestonesAction,
  recordCareLeaverContactAction,
  recordReturnDetailsAction,
} from "@/lib/return-fields/actions";
import {
  adoptionMilestonesSchema,
  birthdayWords,
  CARE_LEAVER_AGES,
  careLeaverContactSchema,
  returnDetailsSchema,
} from "@/lib/return-fields/schemas";
import {
  ADOPTERS_LEGAL_STATUS,
  ADOPTERS_SEX,
  CARE_LEAVER_ACCOMMODATION,
  CARE_LEAVER_ACTIVITY,
  IN_TOUCH,
  PREVIOUS_PERMANENCE,
  PREVIOUS_PERMANENCE_WITH_ORDER,
  REASON_PLACED_CEASED,
} from "@/lib/ssda903/codes";

const choices = (set: Record<string, string>, blank: string) => [
  { value: "", label: blank },
  ...Object.entries(set).map(([value, words]) => ({ value, label: `${words} (${value})` })),
];
const yesNo = (blank: string) => [
  { value: "", label: blank },
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
];
/** An ISO date as the form types it. */
const typed = (iso: string | null | undefined) => (iso ? formatUkDate(iso) : "");
const answer = (v: boolean | null | undefined) => (v === true ? "yes" : v === false ? "no" : "");

export interface ReturnDetailsValues {
  previousPermanence: string | null;
  previousPermanenceLa: string | null;
  previousPermanenceDate: string | null;
  isMother: boolean | null;
  motherChildDob: string | null;
}

export function ReturnDetailsForm({
  childId,
  isGirl,
  values,
}: {
  childId: string;
  /** MOTHER is asked only for girls. */
  isGirl: boolean;
  values: ReturnDetailsValues;
}) {
  const router = useRouter();
  const [done, setDone] = useState(false);
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: returnDetailsSchema,
    action: recordReturnDetailsAction,
    defaultValues: {
      childId,
      previousPermanence: values.previousPermanence ?? "",
      previousPermanenceLa: values.previousPermanenceLa ?? "",
      previousPermanenceDate: typed(values.previousPermanenceDate),
      isMother: answer(values.isMother),
      motherChildDob: typed(values.motherChildDob),
    },
    onSuccess: () => {
      setDone(true);
      router.refresh();
    },
  });
  const e = form.formState.errors;
  const order = (PREVIOUS_PERMANENCE_WITH_ORDER as readonly string[]).includes(form.watch("previousPermanence"));
  const mother = form.watch("isMother") === "yes";
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Details for the children looked after return">
      <FormError message={formError} />
      {done ? (
        <Notice tone="success" title="Details saved">
          The return reads them from the record.
        </Notice>
      ) : null}
      <Select
        id="previousPermanence"
        label="Before this care, was the child adopted or under a special guardianship or child arrangements order?"
        options={choices(PREVIOUS_PERMANENCE, "Choose")}
        error={e.previousPermanence}
        {...form.register("previousPermanence")}
      />
      {order ? (
        <>
          <TextInput
            id="previousPermanenceLa"
            label="Authority that made the order (optional)"
            hint="Its 3-digit code, for example 801. Leave blank if not known."
            inputMode="numeric"
            autoComplete="off"
            error={e.previousPermanenceLa}
            {...form.register("previousPermanenceLa")}
          />
          <DateInput
            id="previousPermanenceDate"
            label="Date of the order (optional)"
            hint="Leave blank if not known. For example, 27/03/2019"
            error={e.previousPermanenceDate}
            {...form.register("previousPermanenceDate")}
          />
        </>
      ) : null}
      {isGirl ? (
        <>
          <Select
            id="isMother"
            label="Is the child a mother?"
            options={yesNo("Not recorded")}
            error={e.isMother}
            {...form.register("isMother")}
          />
          {mother ? (
            <DateInput
              id="motherChildDob"
              label="Date of birth of her first child"
              error={e.motherChildDob}
              {...form.register("motherChildDob")}
            />
          ) : null}
        </>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save the details"}
      </Button>
    </form>
  );
}

export function CareLeaverContactForm({ childId, ages }: { childId: string; ages: readonly number[] }) {
  const router = useRouter();
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: careLeaverContactSchema,
    action: recordCareLeaverContactAction,
    defaultValues: {
      childId,
      age: "" as never,
      contactedOn: "",
      inTouch: "" as never,
      activity: "",
      accommodation: "",
      amendReason: "",
    },
    onSuccess: () => {
      form.reset();
      router.refresh();
    },
  });
  const e = form.formState.errors;
  const inTouch = form.watch("inTouch") === "YES";
  const age = Number(form.watch("age"));
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Record contact with a care leaver">
      <FormError message={formError} />
      <Select
        id="age"
        label="The birthday this contact is for"
        hint="Contact counts from 3 months before the birthday to 1 month after it."
        options={[
          { value: "", label: "Choose" },
          ...CARE_LEAVER_AGES.map((a) => ({ value: String(a), label: birthdayWords(a) })),
        ]}
        error={e.age}
        {...form.register("age")}
      />
      <DateInput id="contactedOn" label="Date of the contact" error={e.contactedOn} {...form.register("contactedOn")} />
      <Select
        id="inTouch"
        label="Is the authority in touch with the young person?"
        options={choices(IN_TOUCH, "Choose")}
        error={e.inTouch}
        {...form.register("inTouch")}
      />
      {inTouch ? (
        <>
          <Select
            id="activity"
            label="Main activity"
            options={choices(CARE_LEAVER_ACTIVITY, "Choose")}
            error={e.activity}
            {...form.register("activity")}
          />
          <Select
            id="accommodation"
            label="Where the young person lives, and whether it is suitable"
            options={choices(CARE_LEAVER_ACCOMMODATION, "Choose")}
            error={e.accommodation}
            {...form.register("accommodation")}
          />
        </>
      ) : null}
      {ages.includes(age) ? (
        <TextArea
          id="contact-amendReason"
          label="Why you are correcting the contact already recorded for this birthday"
          rows={2}
          error={e.amendReason}
          {...form.register("amendReason")}
        />
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Recording…" : "Record the contact"}
      </Button>
    </form>
  );
}

export interface MilestoneValues {
  version: number;
  decisionOn: string;
  matchedOn: string | null;
  reversedOn: string | null;
  reversedReason: string | null;
  adoptedByFosterCarer: boolean | null;
  numberOfAdopters: number | null;
  adoptersSex: string | null;
  adoptersLegalStatus: string | null;
}

export function AdoptionMilestonesForm({
  childId,
  current,
  adopted,
}: {
  childId: string;
  current: MilestoneValues | null;
  /** Details of the adopters are asked once a period of care ended in adoption. */
  adopted: boolean;
}) {
  const router = useRouter();
  const [done, setDone] = useState(false);
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: adoptionMilestonesSchema,
    action: recordAdoptionMilestonesAction,
    defaultValues: {
      childId,
      baseVersion: current?.version ?? 0,
      decisionOn: typed(current?.decisionOn),
      matchedOn: typed(current?.matchedOn),
      reversedOn: typed(current?.reversedOn),
      reversedReason: current?.reversedReason ?? "",
      adoptedByFosterCarer: answer(current?.adoptedByFosterCarer),
      numberOfAdopters: current?.numberOfAdopters ? (String(current.numberOfAdopters) as "1" | "2") : "",
      adoptersSex: current?.adoptersSex ?? "",
      adoptersLegalStatus: current?.adoptersLegalStatus ?? "",
      amendReason: "",
    },
    onSuccess: (data) => {
      setDone(true);
      form.setValue("baseVersion", data.version);
      form.setValue("amendReason", "");
      router.refresh();
    },
  });
  const e = form.formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Adoption milestones">
      <FormError message={formError} />
      {done ? (
        <Notice tone="success" title="Adoption milestones saved">
          Saved as a new version; earlier versions stay readable.
        </Notice>
      ) : null}
      <DateInput
        id="decisionOn"
        label="Date of the decision that the child should be placed for adoption"
        error={e.decisionOn}
        {...form.register("decisionOn")}
      />
      <DateInput
        id="matchedOn"
        label="Date the child was matched with the prospective adopters (if matched)"
        error={e.matchedOn}
        {...form.register("matchedOn")}
      />
      {adopted ? (
        <>
          <Select
            id="adoptedByFosterCarer"
            label="Was the child adopted by their foster carer(s)?"
            options={yesNo("Choose")}
            error={e.adoptedByFosterCarer}
            {...form.register("adoptedByFosterCarer")}
          />
          <Select
            id="numberOfAdopters"
            label="Number of adopters"
            options={[
              { value: "", label: "Choose" },
              { value: "1", label: "One" },
              { value: "2", label: "Two" },
            ]}
            error={e.numberOfAdopters}
            {...form.register("numberOfAdopters")}
          />
          <Select
            id="adoptersSex"
            label="Sex of the adopter or adopters"
            options={choices(ADOPTERS_SEX, "Choose")}
            error={e.adoptersSex}
            {...form.register("adoptersSex")}
          />
          <Select
            id="adoptersLegalStatus"
            label="Legal status of the adopter or adopters"
            options={choices(ADOPTERS_LEGAL_STATUS, "Choose")}
            error={e.adoptersLegalStatus}
            {...form.register("adoptersLegalStatus")}
          />
        </>
      ) : (
        <>
          <DateInput
            id="reversedOn"
            label="Date the decision was reversed (if it was)"
            error={e.reversedOn}
            {...form.register("reversedOn")}
          />
          <Select
            id="reversedReason"
            label="Why the decision was reversed"
            options={choices(REASON_PLACED_CEASED, "Not reversed")}
            error={e.reversedReason}
            {...form.register("reversedReason")}
          />
        </>
      )}
      {current ? (
        <TextArea
          id="milestones-amendReason"
          label="If you are changing something already recorded, why"
          rows={2}
          error={e.amendReason}
          {...form.register("amendReason")}
        />
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save the milestones"}
      </Button>
    </form>
  );
}
