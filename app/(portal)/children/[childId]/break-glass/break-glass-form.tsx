"use client";
// The break-glass request form.
import { useRouter } from "next/navigation";
import { FormError, TextArea } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui";
import { breakGlassSchema } from "@/lib/break-glass/schemas";
import { requestBreakGlassAction } from "@/lib/break-glass/actions";

export function BreakGlassForm({ childId }: { childId: string }) {
  const router = useRouter();
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: breakGlassSchema,
    action: requestBreakGlassAction,
    defaultValues: { childId, reason: "" },
    onSuccess: () => router.push(`/children/${childId}`),
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      <TextArea
        id="reason"
        label="Why do you need to see this record?"
        hint="Be specific. The records officer reviews every break-glass access."
        error={form.formState.errors.reason}
        {...form.register("reason")}
      />
      <Button type="submit" variant="danger" disabled={pending}>
        {pending ? "Requesting…" : "Open the record with break-glass access"}
      </Button>
    </form>
  );
}
