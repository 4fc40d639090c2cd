"use client";
// Creating a child's record. If the server finds records that may be the same child, they are
// listed with a link to each, and the person either opens one or says why this child is different.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { DateInput, FormError, Select, TextArea, TextInput } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button, Notice } from "@/components/ui";
import { createChildAction } from "@/lib/children/actions";
import type { PossibleDuplicate } from "@/lib/children/commands";
import { createChildSchema } from "@/lib/children/schemas";
import { formatUkDate } from "@/lib/dates";
import { ETHNICITY, SEX, UPN_UNKNOWN } from "@/lib/ssda903/codes";

const choose = (set: Record<string, string>, blank: string) => [
  { value: "", label: blank },
  ...Object.entries(set).map(([value, label]) => ({ value, label })),
];

export function NewChildForm({
  teams = [],
  ownTeamId = null,
}: {
  /** The authority's teams, for a team manager, who may open the record in another team. */
  teams?: Array<{ id: string; name: string }>;
  ownTeamId?: string | null;
}) {
  const router = useRouter();
  const [duplicates, setDuplicates] = useState<PossibleDuplicate[]>([]);
  // A record opened in another team is that team's: its manager allocates, and the creator cannot open it.
  const [createdElsewhere, setCreatedElsewhere] = useState<{ reference: string; team: string } | null>(null);
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: createChildSchema,
    action: async (values) => {
      const result = await createChildAction(values);
      if (!result.ok && result.error.code === "conflict:duplicate")
        setDuplicates((result.error.details?.duplicates ?? []) as PossibleDuplicate[]);
      return result;
    },
    defaultValues: {
      firstName: "",
      lastName: "",
      preferredName: "",
      dateOfBirth: "",
      sex: "",
      ethnicity: "",
      upn: "",
      familyAddress: "",
      teamId: ownTeamId ?? "",
      notDuplicateReason: "",
    },
    onSuccess: (data) => {
      if (data.inOwnTeam) router.push(`/children/${data.childId}`);
      else {
        setCreatedElsewhere({
          reference: data.reference,
          team: teams.find((t) => t.id === data.teamId)?.name ?? "the team you chose",
        });
        setDuplicates([]);
        form.reset();
      }
    },
  });
  const e = form.formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Create a child's record">
      <FormError message={formError} />
      {createdElsewhere ? (
        <Notice tone="success" title={`Record ${createdElsewhere.reference} created`}>
          <p>
            The record is in {createdElsewhere.team}: its team manager allocates a social worker. You cannot open it
            from your caseload.
          </p>
        </Notice>
      ) : null}
      {duplicates.length > 0 ? (
        <Notice tone="warning" title="This may be a child who already has a record">
          <ul className="mb-2 list-disc pl-5">
            {duplicates.map((d) => (
              <li key={d.id}>
                <Link href={`/children/${d.id}`}>
                  {d.name} ({d.reference}), born {formatUkDate(d.dateOfBirth)}
                </Link>{" "}
                — same {d.why}
              </li>
            ))}
          </ul>
          <p>Open the existing record if it is this child. Records are never merged.</p>
        </Notice>
      ) : null}
      <TextInput
        id="firstName"
        label="Legal first name"
        autoComplete="off"
        error={e.firstName}
        {...form.register("firstName")}
      />
      <TextInput
        id="lastName"
        label="Legal last name"
        autoComplete="off"
        error={e.lastName}
        {...form.register("lastName")}
      />
      <TextInput
        id="preferredName"
        label="Known as (optional)"
        error={e.preferredName}
        {...form.register("preferredName")}
      />
      <DateInput
        id="dateOfBirth"
        label="Date of birth"
        hint="For example, 27/03/2015"
        error={e.dateOfBirth}
        {...form.register("dateOfBirth")}
      />
      <Select id="sex" label="Sex" options={choose(SEX, "Choose")} error={e.sex} {...form.register("sex")} />
      <Select
        id="ethnicity"
        label="Ethnicity"
        options={choose(ETHNICITY, "Choose")}
        error={e.ethnicity}
        {...form.register("ethnicity")}
      />
      <TextInput
        id="upn"
        label="Unique Pupil Number"
        hint={`13 characters, for example A123456789012. If there is none, enter why: ${Object.entries(UPN_UNKNOWN)
          .map(([code, words]) => `${code} (${words.toLowerCase()})`)
          .join("; ")}.`}
        error={e.upn}
        {...form.register("upn")}
      />
      {teams.length > 0 ? (
        <Select
          id="teamId"
          label="Team"
          hint="Your own team unless the child belongs to another; that team's manager then allocates a social worker"
          options={teams.map((t) => ({ value: t.id, label: t.id === ownTeamId ? `${t.name} (your team)` : t.name }))}
          error={e.teamId}
          {...form.register("teamId")}
        />
      ) : null}
      <TextArea
        id="familyAddress"
        label="Family's address"
        hint="Never shown to providers"
        rows={2}
        error={e.familyAddress}
        {...form.register("familyAddress")}
      />
      {duplicates.length > 0 ? (
        <TextArea
          id="notDuplicateReason"
          label="Why is this a different child?"
          rows={3}
          error={e.notDuplicateReason}
          {...form.register("notDuplicateReason")}
        />
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create the record"}
      </Button>
    </form>
  );
}
