"use client";
// Forms to record a provider arrangement and to amend one (new version with a reason).
import { useRouter } from "next/navigation";
import { DateInput, FormError, Select, TextArea } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui";
import { amendArrangementSchema, createArrangementSchema } from "@/lib/arrangements/schemas";
import { amendArrangementAction, createArrangementAction } from "@/lib/arrangements/actions";

export function NewArrangementForm({
  childId,
  organisations,
}: {
  childId: string;
  organisations: Array<{ id: string; name: string }>;
}) {
  const router = useRouter();
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: createArrangementSchema,
    action: createArrangementAction,
    defaultValues: { childId, organisationId: "", functions: "", startDate: "", endDate: "" },
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
        id="organisationId"
        label="Provider"
        options={[
          { value: "", label: "Choose a provider" },
          ...organisations.map((o) => ({ value: o.id, label: o.name })),
        ]}
        error={e.organisationId}
        {...form.register("organisationId")}
      />
      <TextArea
        id="functions"
        label="Functions the provider discharges"
        rows={3}
        error={e.functions}
        {...form.register("functions")}
      />
      <DateInput id="startDate" label="Starts on" error={e.startDate} {...form.register("startDate")} />
      <DateInput
        id="endDate"
        label="Ends on (optional)"
        hint="The provider's access ends on this date. For example, 31/03/2027"
        error={e.endDate}
        {...form.register("endDate")}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Record arrangement"}
      </Button>
    </form>
  );
}

export function AmendArrangementForm({
  childId,
  arrangement,
}: {
  childId: string;
  arrangement: { id: string; functions: string; startDate: string; endDate: string };
}) {
  const router = useRouter();
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: amendArrangementSchema,
    action: amendArrangementAction,
    defaultValues: {
      childId,
      arrangementId: arrangement.id,
      functions: arrangement.functions,
      startDate: arrangement.startDate,
      endDate: arrangement.endDate,
      amendReason: "",
    },
    onSuccess: () => router.refresh(),
  });
  const e = form.formState.errors;
  const p = `amend-${arrangement.id.slice(0, 8)}`;
  return (
    <form onSubmit={onSubmit} noValidate className="mt-2">
      <FormError message={formError} />
      <TextArea id={`${p}-functions`} label="Functions" rows={2} error={e.functions} {...form.register("functions")} />
      <DateInput id={`${p}-start`} label="Starts on" error={e.startDate} {...form.register("startDate")} />
      <DateInput
        id={`${p}-end`}
        label="Ends on"
        hint="The provider's access ends on this date. For example, 31/03/2027"
        error={e.endDate}
        {...form.register("endDate")}
      />
      <TextArea
        id={`${p}-reason`}
        label="Why is it changing?"
        rows={2}
        error={e.amendReason}
        {...form.register("amendReason")}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save change"}
      </Button>
    </form>
  );
}
