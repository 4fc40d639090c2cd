"use client";
// Forms on a child's "Family and people" page: link a person (new, or one already on a sibling's
// record), change their details (a new version), end a link; link and unlink siblings; link two
// siblings' contact arrangements. Each posts to its wrapped server action.
import { useRouter } from "next/navigation";
import { Checkbox, DateInput, FormError, Select, TextArea, TextInput } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui";
import {
  addPersonAction,
  amendPersonAction,
  endPersonLinkAction,
  endSiblingLinkAction,
  linkSiblingAction,
  linkSiblingContactAction,
} from "@/lib/people/actions";
import {
  addPersonSchema,
  amendPersonSchema,
  endPersonLinkSchema,
  endSiblingLinkSchema,
  linkSiblingContactSchema,
  linkSiblingSchema,
  RELATIONSHIP_LABELS,
  SIBLING_KINDS,
  SIBLING_PLACEMENTS,
} from "@/lib/people/schemas";

const options = (labels: Record<string, string>, choose: string) => [
  { value: "", label: choose },
  ...Object.entries(labels).map(([value, label]) => ({ value, label })),
];

export function AddPersonForm({
  childId,
  siblingsPeople,
}: {
  childId: string;
  siblingsPeople: Array<{ personId: string; name: string }>;
}) {
  const router = useRouter();
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: addPersonSchema,
    action: addPersonAction,
    defaultValues: {
      childId,
      existingPersonId: "",
      firstName: "",
      lastName: "",
      address: "",
      phone: "",
      email: "",
      relationship: "" as never,
      relationshipDetail: "",
      parentalResponsibility: false,
      startDate: "",
    },
    onSuccess: () => {
      form.reset();
      router.refresh();
    },
  });
  const e = form.formState.errors;
  const existing = form.watch("existingPersonId");
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      {siblingsPeople.length > 0 ? (
        <Select
          id="existingPersonId"
          label="Someone already on a sibling's record"
          hint="The same person is one record, linked to each child. Leave this blank to add someone new."
          options={[
            { value: "", label: "Someone new" },
            ...siblingsPeople.map((p) => ({ value: p.personId, label: p.name })),
          ]}
          error={e.existingPersonId}
          {...form.register("existingPersonId")}
        />
      ) : null}
      {existing ? null : (
        <div className="grid gap-x-4 sm:grid-cols-2">
          <TextInput id="firstName" label="First name" error={e.firstName} {...form.register("firstName")} />
          <TextInput id="lastName" label="Last name" error={e.lastName} {...form.register("lastName")} />
          <TextArea
            id="address"
            label="Address (optional)"
            hint="Never shown to providers."
            rows={2}
            error={e.address}
            {...form.register("address")}
          />
          <div>
            <TextInput id="phone" label="Phone (optional)" error={e.phone} {...form.register("phone")} />
            <TextInput id="email" label="Email (optional)" error={e.email} {...form.register("email")} />
          </div>
        </div>
      )}
      <Select
        id="relationship"
        label="Relationship to the child"
        options={options(RELATIONSHIP_LABELS, "Choose")}
        error={e.relationship}
        {...form.register("relationship")}
      />
      {form.watch("relationship") === "other" ? (
        <TextInput
          id="relationshipDetail"
          label="What the relationship is"
          error={e.relationshipDetail}
          {...form.register("relationshipDetail")}
        />
      ) : null}
      <Checkbox
        id="parentalResponsibility"
        label="Holds parental responsibility"
        hint="Their views are asked for on every care plan approval, contact decision, change of placement and end of care."
        {...form.register("parentalResponsibility")}
      />
      <DateInput id="startDate" label="Linked from" error={e.startDate} {...form.register("startDate")} />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Link this person"}
      </Button>
    </form>
  );
}

export function AmendPersonForm({
  childId,
  person,
}: {
  childId: string;
  person: {
    personId: string;
    version: number;
    firstName: string;
    lastName: string;
    address: string;
    phone: string;
    email: string;
  };
}) {
  const router = useRouter();
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: amendPersonSchema,
    action: amendPersonAction,
    defaultValues: { childId, baseVersion: person.version, amendReason: "", ...person },
    onSuccess: () => router.refresh(),
  });
  const e = form.formState.errors;
  const p = `person-${person.personId.slice(0, 8)}`;
  return (
    <form onSubmit={onSubmit} noValidate className="mt-2">
      <FormError message={formError} />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextInput id={`${p}-first`} label="First name" error={e.firstName} {...form.register("firstName")} />
        <TextInput id={`${p}-last`} label="Last name" error={e.lastName} {...form.register("lastName")} />
        <TextArea id={`${p}-address`} label="Address" rows={2} error={e.address} {...form.register("address")} />
        <div>
          <TextInput id={`${p}-phone`} label="Phone" error={e.phone} {...form.register("phone")} />
          <TextInput id={`${p}-email`} label="Email" error={e.email} {...form.register("email")} />
        </div>
      </div>
      <TextArea
        id={`${p}-reason`}
        label="Why are the details changing?"
        hint="The earlier details stay in the record."
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

export function EndPersonLinkForm({ childId, linkId, name }: { childId: string; linkId: string; name: string }) {
  const router = useRouter();
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: endPersonLinkSchema,
    action: endPersonLinkAction,
    defaultValues: { childId, linkId, endDate: "", endReason: "" },
    onSuccess: () => router.refresh(),
  });
  const e = form.formState.errors;
  const p = `end-${linkId.slice(0, 8)}`;
  return (
    <form onSubmit={onSubmit} noValidate className="mt-2">
      <FormError message={formError} />
      <DateInput id={`${p}-date`} label="Ends on" error={e.endDate} {...form.register("endDate")} />
      <TextInput id={`${p}-reason`} label="Why the link ends" error={e.endReason} {...form.register("endReason")} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : `End the link with ${name}`}
      </Button>
    </form>
  );
}

export function LinkSiblingForm({
  childId,
  choices,
}: {
  childId: string;
  choices: Array<{ id: string; name: string }>;
}) {
  const router = useRouter();
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: linkSiblingSchema,
    action: linkSiblingAction,
    defaultValues: {
      childId,
      siblingId: "",
      relationship: "" as never,
      placement: "" as never,
      placementReason: "",
      startDate: "",
    },
    onSuccess: () => {
      form.reset();
      router.refresh();
    },
  });
  const e = form.formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      <Select
        id="siblingId"
        label="Sibling"
        hint="Their record stays separate: the link is shown on both."
        options={[{ value: "", label: "Choose a child" }, ...choices.map((c) => ({ value: c.id, label: c.name }))]}
        error={e.siblingId}
        {...form.register("siblingId")}
      />
      <Select
        id="siblingRelationship"
        label="Kind of sibling"
        options={options(SIBLING_KINDS, "Choose")}
        error={e.relationship}
        {...form.register("relationship")}
      />
      <Select
        id="siblingPlacement"
        label="Placed together or apart"
        options={options(SIBLING_PLACEMENTS, "Choose")}
        error={e.placement}
        {...form.register("placement")}
      />
      <TextArea
        id="placementReason"
        label="Why"
        rows={2}
        error={e.placementReason}
        {...form.register("placementReason")}
      />
      <DateInput id="siblingStart" label="Recorded from" error={e.startDate} {...form.register("startDate")} />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Link as siblings"}
      </Button>
    </form>
  );
}

export function EndSiblingLinkForm({ childId, siblingId, name }: { childId: string; siblingId: string; name: string }) {
  const router = useRouter();
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: endSiblingLinkSchema,
    action: endSiblingLinkAction,
    defaultValues: { childId, siblingId, endDate: "", endReason: "" },
    onSuccess: () => router.refresh(),
  });
  const e = form.formState.errors;
  const p = `end-sibling-${siblingId.slice(0, 8)}`;
  return (
    <form onSubmit={onSubmit} noValidate className="mt-2">
      <FormError message={formError} />
      <DateInput id={`${p}-date`} label="Ends on" error={e.endDate} {...form.register("endDate")} />
      <TextInput id={`${p}-reason`} label="Why the link ends" error={e.endReason} {...form.register("endReason")} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : `End the sibling link with ${name}`}
      </Button>
    </form>
  );
}

export function LinkSiblingContactForm({
  childId,
  own,
  siblings,
}: {
  childId: string;
  own: Array<{ entryId: string; title: string }>;
  siblings: Array<{ siblingId: string; name: string; arrangements: Array<{ entryId: string; title: string }> }>;
}) {
  const router = useRouter();
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: linkSiblingContactSchema,
    action: linkSiblingContactAction,
    defaultValues: { childId, contactEntryId: "", siblingId: "", siblingContactEntryId: "" },
    onSuccess: () => {
      form.reset();
      router.refresh();
    },
  });
  const e = form.formState.errors;
  const siblingId = form.watch("siblingId");
  const theirs = siblings.find((s) => s.siblingId === siblingId)?.arrangements ?? [];
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      <Select
        id="contactEntryId"
        label="This child's contact arrangement"
        options={[{ value: "", label: "Choose" }, ...own.map((a) => ({ value: a.entryId, label: a.title }))]}
        error={e.contactEntryId}
        {...form.register("contactEntryId")}
      />
      <Select
        id="contactSiblingId"
        label="Sibling"
        options={[{ value: "", label: "Choose" }, ...siblings.map((s) => ({ value: s.siblingId, label: s.name }))]}
        error={e.siblingId}
        {...form.register("siblingId")}
      />
      <Select
        id="siblingContactEntryId"
        label="The sibling's contact arrangement"
        options={[{ value: "", label: "Choose" }, ...theirs.map((a) => ({ value: a.entryId, label: a.title }))]}
        error={e.siblingContactEntryId}
        {...form.register("siblingContactEntryId")}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Link the arrangements"}
      </Button>
    </form>
  );
}
