"use client";
// Starting and ending a Child Protection Plan: each raises the CP marker task for a team manager.
import { useRouter } from "next/navigation";
import { FormError, Select, TextInput } from "@/components/forms/fields";
import { WhenFields } from "./when-fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui";
import { endCpPlanAction, startCpPlanAction } from "@/lib/episodes/actions";
import { CP_CATEGORIES, endCpPlanSchema, startCpPlanSchema } from "@/lib/episodes/schemas";

type Errors = Record<string, { message?: string } | undefined> & {
  at?: { message?: string; date?: { message?: string }; time?: { message?: string } };
};

export function StartCpPlanForm({ childId }: { childId: string }) {
  const router = useRouter();
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: startCpPlanSchema,
    action: startCpPlanAction,
    defaultValues: { childId, at: { date: "", time: "" }, category: "" as never },
    onSuccess: () => router.refresh(),
  });
  const errors = form.formState.errors as Errors;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Start a Child Protection Plan">
      <FormError message={formError} />
      <WhenFields error={errors.at} register={(n) => form.register(n)} />
      <Select
        id="category"
        label="Category"
        options={[
          { value: "", label: "Choose the category" },
          ...Object.entries(CP_CATEGORIES).map(([value, label]) => ({ value, label })),
        ]}
        error={errors.category}
        {...form.register("category")}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Recording…" : "Record the plan"}
      </Button>
    </form>
  );
}

export function EndCpPlanForm({ childId, planId }: { childId: string; planId: string }) {
  const router = useRouter();
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: endCpPlanSchema,
    action: endCpPlanAction,
    defaultValues: { childId, planId, at: { date: "", time: "" }, reason: "" },
    onSuccess: () => router.refresh(),
  });
  const errors = form.formState.errors as Errors;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="End the Child Protection Plan">
      <FormError message={formError} />
      <WhenFields error={errors.at} register={(n) => form.register(n)} />
      <TextInput id="reason" label="Why the plan ended" error={errors.reason} {...form.register("reason")} />
      <Button type="submit" disabled={pending}>
        {pending ? "Recording…" : "Record the end of the plan"}
      </Button>
    </form>
  );
}
