"use client";
// One form for every event of a child's journey through care: choose what happened, then the
// fields that event needs. The same zod schema checks it here and on the server; the
// Department's rules that need the child's history come back from the server on their fields.
import { useRouter } from "next/navigation";
import { errorAtPath, FormError, Select, TextArea, TextInput } from "@/components/forms/fields";
import { ParentViewRows } from "@/components/people/parent-view-rows";
import { WhenFields } from "./when-fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui";
import { recordCareEventAction } from "@/lib/episodes/actions";
import { careEventSchema } from "@/lib/episodes/schemas";
import { formatUkDate } from "@/lib/dates";
import { parentViewRows, type ParentChoice } from "@/lib/people/views";
import { CARE_EVENT_LABELS, type CareEventKind } from "@/lib/episodes/rules";
import {
  CATEGORY_OF_NEED,
  LEGAL_STATUS,
  PLACEMENT,
  PLACEMENT_PROVIDER,
  REASON_CEASED,
  REASON_PLACE_CHANGE,
} from "@/lib/ssda903/codes";

type Options = Array<{ value: string; label: string }>;
const options = (set: Record<string, string>, blank: string, only?: (code: string) => boolean): Options => [
  { value: "", label: blank },
  ...Object.entries(set)
    .filter(([code]) => !only || only(code))
    .map(([value, label]) => ({ value, label: `${label} (${value})` })),
];
const isTemporary = (code: string) => /^T[0-4]$/.test(code);

export function CareEventForm({
  childId,
  lookedAfter,
  carers,
  courtOrders,
  parents = [],
}: {
  childId: string;
  /** Whether a period of care is open: which events make sense now. */
  lookedAfter: boolean;
  carers: Array<{ id: string; name: string }>;
  /** The child's court orders, for a legal status that follows one. */
  courtOrders: Array<{ entryId: string; title: string; occurredOn: string }>;
  /** The people linked to the child: a placement change or the end of care asks for each parent's views. */
  parents?: readonly ParentChoice[];
}) {
  const router = useRouter();
  const kinds: CareEventKind[] = lookedAfter
    ? ["changePlacement", "changeLegalStatus", "changeBoth", "temporaryMove", "ceaseCare"]
    : ["startCare"];
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: careEventSchema,
    action: recordCareEventAction,
    defaultValues: {
      kind: kinds[0],
      childId,
      at: { date: "", time: "" },
      legalStatus: "",
      categoryOfNeed: "",
      placement: "",
      placementProvider: "",
      carerRecordId: "",
      placementPostcode: "",
      homePostcode: "",
      urn: "",
      reasonPlaceChange: "",
      reasonCeased: "",
      courtOrderEntryId: "",
      childViews: { status: "", text: "" },
      parentViews: parentViewRows(parents, []),
    } as never,
    onSuccess: () => {
      form.reset();
      router.refresh();
    },
  });
  const kind = form.watch("kind") as CareEventKind;
  const e = form.formState.errors as Record<string, { message?: string } | undefined> & {
    at?: { message?: string; date?: { message?: string }; time?: { message?: string } };
  };
  const register = form.register as unknown as (name: string) => ReturnType<typeof form.register>;
  const placing = kind !== "changeLegalStatus" && kind !== "ceaseCare";
  const changingStatus = kind === "startCare" || kind === "changeLegalStatus" || kind === "changeBoth";
  const views = kind === "changePlacement" || kind === "changeBoth" || kind === "ceaseCare";

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Record an event">
      <FormError message={formError} />
      <Select
        id="kind"
        label="What happened"
        options={kinds.map((k) => ({ value: k, label: CARE_EVENT_LABELS[k] }))}
        {...register("kind")}
      />
      <WhenFields error={e.at} register={(n) => register(n)} />
      {changingStatus ? (
        <Select
          id="legalStatus"
          label={kind === "startCare" ? "Legal status" : "New legal status"}
          options={options(LEGAL_STATUS, "Choose the legal status")}
          error={e.legalStatus}
          {...register("legalStatus")}
        />
      ) : null}
      {changingStatus ? (
        <Select
          id="courtOrderEntryId"
          label="The court order that made this legal status"
          hint={
            courtOrders.length
              ? "Leave as none for a legal status without an order (for example accommodation under section 20)"
              : "Record the order in the court orders section first if this legal status follows one"
          }
          options={[
            { value: "", label: "None" },
            ...courtOrders.map((o) => ({ value: o.entryId, label: `${o.title}, made ${formatUkDate(o.occurredOn)}` })),
          ]}
          error={e.courtOrderEntryId}
          {...register("courtOrderEntryId")}
        />
      ) : null}
      {kind === "startCare" ? (
        <>
          <Select
            id="categoryOfNeed"
            label="Category of need"
            hint="Set for the whole period of care"
            options={options(CATEGORY_OF_NEED, "Choose the category of need")}
            error={e.categoryOfNeed}
            {...register("categoryOfNeed")}
          />
          <TextInput
            id="homePostcode"
            label="Home postcode"
            hint="Where the child lived before"
            error={e.homePostcode}
            {...register("homePostcode")}
          />
        </>
      ) : null}
      {placing ? (
        <fieldset className="mb-4 rounded border border-slate-300 p-3">
          <legend className="px-1 font-semibold">
            {kind === "temporaryMove" ? "The temporary placement" : "The placement"}
          </legend>
          <Select
            id="placement"
            label="Placement type"
            options={options(PLACEMENT, "Choose the placement type", (c) =>
              kind === "temporaryMove" ? isTemporary(c) : !isTemporary(c),
            )}
            error={e.placement}
            {...register("placement")}
          />
          {kind !== "temporaryMove" ? (
            <Select
              id="placementProvider"
              label="Placement provider"
              hint="Leave blank for other placements (Z11 to Z14)"
              options={options(PLACEMENT_PROVIDER, "None")}
              error={e.placementProvider}
              {...register("placementProvider")}
            />
          ) : null}
          <Select
            id="carerRecordId"
            label="Foster carer or children's home"
            options={[
              { value: "", label: "Not one of the authority's carer records" },
              ...carers.map((c) => ({ value: c.id, label: c.name })),
            ]}
            error={e.carerRecordId}
            {...register("carerRecordId")}
          />
          <TextInput
            id="placementPostcode"
            label="Placement postcode"
            error={e.placementPostcode}
            {...register("placementPostcode")}
          />
          <TextInput id="urn" label="Ofsted URN (children's homes)" error={e.urn} {...register("urn")} />
        </fieldset>
      ) : null}
      {kind === "changePlacement" || kind === "changeBoth" ? (
        <Select
          id="reasonPlaceChange"
          label="Reason for the change of placement"
          hint="Not needed when the child returns from a temporary move"
          options={options(REASON_PLACE_CHANGE, "Choose the reason")}
          error={e.reasonPlaceChange}
          {...register("reasonPlaceChange")}
        />
      ) : null}
      {kind === "ceaseCare" ? (
        <Select
          id="reasonCeased"
          label="Why the child ceased to be looked after"
          options={options(REASON_CEASED, "Choose the reason", (c) => c !== "X1")}
          error={e.reasonCeased}
          {...register("reasonCeased")}
        />
      ) : null}
      {views ? (
        <>
          <Select
            id="childViews-status"
            label="The child's views"
            options={[
              { value: "", label: "Choose" },
              { value: "given", label: "Views given" },
              { value: "sought_not_given", label: "Sought, not given" },
              { value: "not_sought", label: "Not sought" },
              { value: "too_young", label: "Too young to express views" },
            ]}
            {...register("childViews.status")}
          />
          <TextArea id="childViews-text" label="What the child said" rows={3} {...register("childViews.text")} />
          <ParentViewRows
            name="parentViews"
            idPrefix="event-parent"
            parents={parents}
            register={(path) => register(path)}
            errorAt={(path) => errorAtPath(form.formState.errors, path)}
            legend="Parents' views on this decision"
            hint="A change of placement or the end of care is a decision: record the views of every parent with parental responsibility, or that they were sought and not given."
          />
        </>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Recording…" : "Record the event"}
      </Button>
    </form>
  );
}
