"use client";
// The records officer confirms that two records are the same child: which one is closed (sealed
// against anything new), which one is in use, and how they know. Nothing is merged.
import { useRouter } from "next/navigation";
import { FormError, TextArea } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui";
import { markSameChildAction } from "@/lib/children/actions";
import { markSameChildSchema } from "@/lib/children/schemas";

export function SameChildForm({
  closed,
  inUse,
}: {
  closed: { id: string; reference: string };
  inUse: { id: string; reference: string };
}) {
  const router = useRouter();
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: markSameChildSchema,
    action: markSameChildAction,
    defaultValues: { childId: closed.id, inUseChildId: inUse.id, reason: "" },
    onSuccess: () => router.push(`/admin/same-child?marked=${encodeURIComponent(closed.reference)}`),
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Mark as the same child">
      <FormError message={formError} />
      <TextArea
        id="reason"
        label="How you know these are the same child"
        hint="For example, the same UPN and birth certificate details were confirmed with the school"
        rows={3}
        error={form.formState.errors.reason}
        {...form.register("reason")}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Marking…" : `Close ${closed.reference} and keep ${inUse.reference} in use`}
      </Button>
    </form>
  );
}
