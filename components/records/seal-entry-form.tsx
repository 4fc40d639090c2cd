"use client";
// The records officer's form to seal a misfiled entry, with the reason.
import { useRouter } from "next/navigation";
import { FormError, TextArea } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui";
import type { FormSection } from "@/lib/sections";
import { sealEntrySchema } from "@/lib/records/schemas";
import { sealEntryAction } from "@/lib/records/actions";

export function SealEntryForm({
  childId,
  section,
  entryId,
}: {
  childId: string;
  section: FormSection | "duplicates";
  entryId: string;
}) {
  const router = useRouter();
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: sealEntrySchema,
    action: sealEntryAction,
    defaultValues: { childId, section, entryId, reason: "" },
    onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={onSubmit} noValidate className="mt-2">
      <FormError message={formError} />
      <TextArea
        id="seal-reason"
        label="Why is this entry misfiled?"
        hint="It stays in the database, hidden from everyone but records officers. Record it again on the right child's record."
        rows={3}
        error={form.formState.errors.reason}
        {...form.register("reason")}
      />
      <Button type="submit" variant="danger" disabled={pending}>
        {pending ? "Sealing…" : "Seal this entry"}
      </Button>
    </form>
  );
}
