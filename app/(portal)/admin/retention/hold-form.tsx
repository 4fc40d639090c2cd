"use client";
// Form to change the retention hold.
import { useRouter } from "next/navigation";
import { FormError, Select, TextArea } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui";
import { retentionHoldSchema } from "@/lib/retention/schemas";
import { setRetentionHoldAction } from "@/lib/retention/actions";

export function HoldForm({ active }: { active: boolean }) {
  const router = useRouter();
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: retentionHoldSchema,
    action: setRetentionHoldAction,
    defaultValues: { active: active ? "on" : "off", reason: "" },
    onSuccess: () => {
      form.reset({ active: form.getValues("active"), reason: "" });
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      <Select
        id="active"
        label="Retention hold"
        options={[
          { value: "on", label: "On: nothing may be deleted" },
          { value: "off", label: "Off: destruction per the retention schedule" },
        ]}
        error={form.formState.errors.active}
        {...form.register("active")}
      />
      <TextArea
        id="reason"
        label="Reason for this decision"
        hint="Cite the national guidance or the decision that allows this."
        error={form.formState.errors.reason}
        {...form.register("reason")}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Record decision"}
      </Button>
    </form>
  );
}
