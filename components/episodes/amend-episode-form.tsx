"use client";
// Correcting one episode: its codes and places, with a reason. A new version is written and the
// earlier one kept; the dates follow from the events and are not edited here.
import { useRouter } from "next/navigation";
import { FormError, Select, TextArea, TextInput } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui";
import { amendEpisodeAction } from "@/lib/episodes/actions";
import { amendEpisodeSchema } from "@/lib/episodes/schemas";
import { formatUkDate } from "@/lib/dates";
import {
  CATEGORY_OF_NEED,
  LEGAL_STATUS,
  PLACEMENT,
  PLACEMENT_PROVIDER,
  REASON_PLACE_CHANGE,
} from "@/lib/ssda903/codes";

const options = (set: Record<string, string>, blank: string) => [
  { value: "", label: blank },
  ...Object.entries(set).map(([value, label]) => ({ value, label: `${label} (${value})` })),
];

export interface EpisodeValues {
  episodeId: string;
  version: number;
  legalStatus: string;
  categoryOfNeed: string;
  placement: string;
  placementProvider: string | null;
  carerRecordId: string | null;
  placementPostcode: string | null;
  homePostcode: string | null;
  urn: string | null;
  reasonPlaceChange: string | null;
  courtOrderEntryId: string | null;
  ended: boolean;
}

export function AmendEpisodeForm({
  childId,
  episode,
  carers,
  courtOrders = [],
}: {
  childId: string;
  episode: EpisodeValues;
  carers: Array<{ id: string; name: string }>;
  /** The child's court orders: a corrected legal status keeps, changes or drops its link. */
  courtOrders?: Array<{ entryId: string; title: string; occurredOn: string }>;
}) {
  const router = useRouter();
  const id = (name: string) => `${name}-${episode.episodeId}`;
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: amendEpisodeSchema,
    action: amendEpisodeAction,
    defaultValues: {
      childId,
      episodeId: episode.episodeId,
      baseVersion: episode.version,
      legalStatus: episode.legalStatus,
      categoryOfNeed: episode.categoryOfNeed,
      placement: episode.placement,
      placementProvider: episode.placementProvider ?? "",
      carerRecordId: episode.carerRecordId ?? "",
      placementPostcode: episode.placementPostcode ?? "",
      homePostcode: episode.homePostcode ?? "",
      urn: episode.urn ?? "",
      reasonPlaceChange: episode.reasonPlaceChange ?? "",
      courtOrderEntryId: episode.courtOrderEntryId ?? "",
      amendReason: "",
    },
    onSuccess: () => router.refresh(),
  });
  const e = form.formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Correct this episode" className="mt-2">
      <FormError message={formError} />
      <Select
        id={id("legalStatus")}
        label="Legal status"
        options={options(LEGAL_STATUS, "Choose")}
        error={e.legalStatus}
        {...form.register("legalStatus")}
      />
      <Select
        id={id("courtOrderEntryId")}
        label="The court order that made this legal status"
        hint="If you correct the legal status, choose the order that gives it, or none"
        options={[
          { value: "", label: "None" },
          ...courtOrders.map((o) => ({ value: o.entryId, label: `${o.title}, made ${formatUkDate(o.occurredOn)}` })),
        ]}
        error={e.courtOrderEntryId}
        {...form.register("courtOrderEntryId")}
      />
      <Select
        id={id("categoryOfNeed")}
        label="Category of need"
        options={options(CATEGORY_OF_NEED, "Choose")}
        error={e.categoryOfNeed}
        {...form.register("categoryOfNeed")}
      />
      <Select
        id={id("placement")}
        label="Placement type"
        options={options(PLACEMENT, "Choose")}
        error={e.placement}
        {...form.register("placement")}
      />
      <Select
        id={id("placementProvider")}
        label="Placement provider"
        options={options(PLACEMENT_PROVIDER, "None")}
        error={e.placementProvider}
        {...form.register("placementProvider")}
      />
      <Select
        id={id("carerRecordId")}
        label="Foster carer or children's home"
        options={[
          { value: "", label: "Not one of the authority's carer records" },
          ...carers.map((c) => ({ value: c.id, label: c.name })),
        ]}
        error={e.carerRecordId}
        {...form.register("carerRecordId")}
      />
      <TextInput
        id={id("placementPostcode")}
        label="Placement postcode"
        error={e.placementPostcode}
        {...form.register("placementPostcode")}
      />
      <TextInput
        id={id("homePostcode")}
        label="Home postcode"
        error={e.homePostcode}
        {...form.register("homePostcode")}
      />
      <TextInput id={id("urn")} label="Ofsted URN" error={e.urn} {...form.register("urn")} />
      {episode.ended ? (
        <Select
          id={id("reasonPlaceChange")}
          label="Reason for the change of placement"
          options={options(REASON_PLACE_CHANGE, "None")}
          error={e.reasonPlaceChange}
          {...form.register("reasonPlaceChange")}
        />
      ) : null}
      <TextArea
        id={id("amendReason")}
        label="Why it is being corrected"
        rows={2}
        error={e.amendReason}
        {...form.register("amendReason")}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save the correction"}
      </Button>
    </form>
  );
}
