"use client";
// Forms for a carer's or home's own record: open one, change its details (a new version with a
// reason), record and amend its entries, and place a duplicate of an entry on the records of
// children placed there, each copy with its own confidentiality.
import { useRouter } from "next/navigation";
import { useFieldArray } from "react-hook-form";
import { Checkbox, DateInput, FormError, Select, TextArea, TextInput } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui";
import {
  amendCarerEntryAction,
  amendCarerRecordAction,
  createCarerEntryAction,
  createCarerRecordAction,
  duplicateCarerEntryAction,
} from "@/lib/carers/actions";
import {
  amendCarerEntrySchema,
  amendCarerRecordSchema,
  CARER_ENTRY_KIND_LABELS,
  CARER_KIND_LABELS,
  createCarerEntrySchema,
  createCarerRecordSchema,
  duplicateCarerEntrySchema,
} from "@/lib/carers/schemas";

const ENTRY_KINDS = [
  { value: "", label: "Choose" },
  ...Object.entries(CARER_ENTRY_KIND_LABELS).map(([value, label]) => ({ value, label })),
];

export interface CarerDetailsValues {
  kind: "foster_carer" | "childrens_home";
  carers: string;
  household: string;
  address: string;
  postcode: string;
  urn: string;
  provider: string;
  approvalType: string;
  approvalTerms: string;
  approvedPlaces: string;
  ageFrom: string;
  ageTo: string;
  approvedOn: string;
  approvalEndedOn: string;
}

function DetailsFields({
  register,
  errors,
  kind,
  prefix,
  amending = false,
}: {
  register: (name: keyof CarerDetailsValues) => object;
  errors: Partial<Record<keyof CarerDetailsValues, { message?: string }>>;
  kind: string;
  prefix: string;
  /** A record already open: its approval may have ended. */
  amending?: boolean;
}) {
  const home = kind === "childrens_home";
  return (
    <>
      <TextArea
        id={`${prefix}-carers`}
        label={home ? "Registered manager" : "Foster carers"}
        hint="One per line."
        rows={2}
        error={errors.carers}
        {...register("carers")}
      />
      {home ? null : (
        <TextArea
          id={`${prefix}-household`}
          label="Household"
          hint="Others living in the home."
          rows={2}
          error={errors.household}
          {...register("household")}
        />
      )}
      <TextArea id={`${prefix}-address`} label="Address" rows={2} error={errors.address} {...register("address")} />
      <TextInput
        id={`${prefix}-postcode`}
        label="Postcode"
        hint="The placement postcode of every child placed here comes from this."
        error={errors.postcode}
        {...register("postcode")}
      />
      <TextInput
        id={`${prefix}-urn`}
        label={home ? "Ofsted URN" : "Ofsted URN of the fostering service"}
        hint={home ? undefined : "The Department's return asks for it for every child placed here."}
        error={errors.urn}
        {...register("urn")}
      />
      <TextInput
        id={`${prefix}-provider`}
        label={home ? "Provider" : "Fostering service"}
        error={errors.provider}
        {...register("provider")}
      />
      {home ? null : (
        <>
          <TextInput
            id={`${prefix}-approvalType`}
            label="Type of approval"
            error={errors.approvalType}
            {...register("approvalType")}
          />
          <DateInput
            id={`${prefix}-approvedOn`}
            label="Approved on"
            error={errors.approvedOn}
            {...register("approvedOn")}
          />
          {amending ? (
            <DateInput
              id={`${prefix}-approvalEndedOn`}
              label="Approval ended on"
              hint="Leave blank while the carers are approved. The record is kept for at least 10 years from this date."
              error={errors.approvalEndedOn}
              {...register("approvalEndedOn")}
            />
          ) : null}
        </>
      )}
      <TextArea
        id={`${prefix}-approvalTerms`}
        label={home ? "Registration" : "Terms of approval"}
        rows={2}
        error={errors.approvalTerms}
        {...register("approvalTerms")}
      />
      <div className="grid gap-x-4 sm:grid-cols-3">
        <TextInput
          id={`${prefix}-places`}
          label="Number of children"
          inputMode="numeric"
          error={errors.approvedPlaces}
          {...register("approvedPlaces")}
        />
        <TextInput
          id={`${prefix}-ageFrom`}
          label="Youngest age"
          inputMode="numeric"
          error={errors.ageFrom}
          {...register("ageFrom")}
        />
        <TextInput
          id={`${prefix}-ageTo`}
          label="Oldest age"
          inputMode="numeric"
          error={errors.ageTo}
          {...register("ageTo")}
        />
      </div>
    </>
  );
}

const emptyDetails: CarerDetailsValues = {
  kind: "foster_carer",
  carers: "",
  household: "",
  address: "",
  postcode: "",
  urn: "",
  provider: "",
  approvalType: "",
  approvalTerms: "",
  approvedPlaces: "",
  ageFrom: "",
  ageTo: "",
  approvedOn: "",
  approvalEndedOn: "",
};

export function CreateCarerRecordForm() {
  const router = useRouter();
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: createCarerRecordSchema,
    action: createCarerRecordAction,
    defaultValues: { name: "", ...emptyDetails } as never,
    onSuccess: (data) => router.push(`/carers/${data.carerRecordId}`),
  });
  const e = form.formState.errors as Partial<Record<string, { message?: string }>>;
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      <Select
        id="new-kind"
        label="Kind of record"
        options={Object.entries(CARER_KIND_LABELS).map(([value, label]) => ({ value, label }))}
        error={e.kind}
        {...form.register("kind")}
      />
      <TextInput
        id="new-name"
        label="Name"
        hint="For example, The Hawthorn household"
        error={e.name}
        {...form.register("name")}
      />
      <DetailsFields
        register={(n) => form.register(n as never)}
        errors={e}
        kind={String(form.watch("kind"))}
        prefix="new"
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Open the record"}
      </Button>
    </form>
  );
}

export function AmendCarerRecordForm({
  carerRecordId,
  version,
  details,
  supervisingWorkerId,
  supervisors,
}: {
  carerRecordId: string;
  version: number;
  details: CarerDetailsValues;
  /** The supervising social worker now (a home's link worker). */
  supervisingWorkerId: string;
  /** Every active supervising social worker, who may take the record on. */
  supervisors: ReadonlyArray<{ id: string; name: string }>;
}) {
  const router = useRouter();
  // Someone no longer active is not offered: blank keeps them until another is chosen.
  const current = supervisors.some((s) => s.id === supervisingWorkerId) ? supervisingWorkerId : "";
  const options = [
    ...(current ? [] : [{ value: "", label: "Keep the current one (not an active supervising social worker)" }]),
    ...supervisors.map((s) => ({ value: s.id, label: s.name })),
  ];
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: amendCarerRecordSchema,
    action: amendCarerRecordAction,
    defaultValues: {
      carerRecordId,
      baseVersion: version,
      amendReason: "",
      supervisingWorkerId: current,
      ...details,
    } as never,
    // Handed to someone else, the record is theirs to open now: back to the list.
    onSuccess: (data) => (data.reassigned ? router.push("/carers") : router.refresh()),
  });
  const e = form.formState.errors as Partial<Record<string, { message?: string }>>;
  const home = details.kind === "childrens_home";
  return (
    <form onSubmit={onSubmit} noValidate className="mt-2">
      <FormError message={formError} />
      <DetailsFields
        register={(n) => form.register(n as never)}
        errors={e}
        kind={details.kind}
        prefix="amend"
        amending
      />
      <Select
        id="amend-supervisingWorkerId"
        label={home ? "Link worker" : "Supervising social worker"}
        hint="The supervising social worker maintains this record. If you choose someone else, only they will be able to change it or open its entries from then on."
        options={options}
        error={e.supervisingWorkerId}
        {...form.register("supervisingWorkerId" as never)}
      />
      <TextArea
        id="amend-reason"
        label="Why are the details changing?"
        hint="The earlier version stays readable."
        rows={2}
        error={e.amendReason}
        {...form.register("amendReason")}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save the new details"}
      </Button>
    </form>
  );
}

export function CarerEntryForm({
  carerRecordId,
  amend,
}: {
  carerRecordId: string;
  amend?: { entryId: string; baseVersion: number; kind: string; occurredOn: string; title: string; details: string };
}) {
  const router = useRouter();
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: amend ? amendCarerEntrySchema : createCarerEntrySchema,
    action: async (values) =>
      amend
        ? amendCarerEntryAction({ ...values, ...{ entryId: amend.entryId, baseVersion: amend.baseVersion } })
        : createCarerEntryAction(values),
    defaultValues: {
      carerRecordId,
      kind: (amend?.kind ?? "") as never,
      occurredOn: amend?.occurredOn ?? "",
      title: amend?.title ?? "",
      details: amend?.details ?? "",
      ...(amend ? { entryId: amend.entryId, baseVersion: amend.baseVersion, amendReason: "" } : {}),
    } as never,
    onSuccess: (data) => {
      if (amend) router.refresh();
      else router.push(`/carers/${carerRecordId}/entries/${data.entryId}`);
    },
  });
  const e = form.formState.errors as Partial<Record<string, { message?: string }>>;
  const p = amend ? "amend-entry" : "entry";
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      <Select id={`${p}-kind`} label="Kind of entry" options={ENTRY_KINDS} error={e.kind} {...form.register("kind")} />
      <TextInput id={`${p}-title`} label="Title" error={e.title} {...form.register("title")} />
      <DateInput
        id={`${p}-occurredOn`}
        label="Date it happened"
        error={e.occurredOn}
        {...form.register("occurredOn")}
      />
      <TextArea id={`${p}-details`} label="What happened" rows={5} error={e.details} {...form.register("details")} />
      {amend ? (
        <TextArea
          id={`${p}-reason`}
          label="Why are you amending this?"
          hint="Copies on children's records will say that their source changed."
          rows={2}
          error={e.amendReason}
          {...form.register("amendReason" as never)}
        />
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : amend ? "Save amendment" : "Save entry"}
      </Button>
    </form>
  );
}

export function DuplicateEntryForm({
  carerRecordId,
  entryId,
  placed,
}: {
  carerRecordId: string;
  entryId: string;
  /** Children placed here, past or present, without a copy of this entry yet. */
  placed: Array<{ childId: string; name: string }>;
}) {
  const router = useRouter();
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: duplicateCarerEntrySchema,
    action: duplicateCarerEntryAction,
    defaultValues: {
      carerRecordId,
      entryId,
      copies: placed.map((c) => ({ childId: c.childId, place: false, confidentiality: "standard" as const })),
    },
    onSuccess: () => router.refresh(),
  });
  const { fields } = useFieldArray({ control: form.control, name: "copies" });
  const e = form.formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      <fieldset className="mb-4 rounded border border-slate-300 p-3">
        <legend className="px-1 font-semibold">Children placed here</legend>
        {e.copies?.root?.message || e.copies?.message ? (
          <p className="font-semibold text-red-800">{e.copies?.root?.message ?? e.copies?.message}</p>
        ) : null}
        {fields.map((f, i) => {
          const c = placed[i];
          if (!c) return null;
          return (
            <div key={f.id} className="mb-2 grid items-end gap-x-4 sm:grid-cols-2">
              <Checkbox id={`dup-${i}-place`} label={c.name} {...form.register(`copies.${i}.place`)} />
              <Select
                id={`dup-${i}-confidentiality`}
                label={`Confidentiality of ${c.name}'s copy`}
                options={[
                  { value: "standard", label: "Standard" },
                  { value: "restricted", label: "Restricted (never providers)" },
                ]}
                {...form.register(`copies.${i}.confidentiality`)}
              />
            </div>
          );
        })}
      </fieldset>
      <Button type="submit" disabled={pending}>
        {pending ? "Placing…" : "Place duplicate entries"}
      </Button>
    </form>
  );
}
