"use client";
// A manager's decision on a submitted version: approve it (the reasons go on the decision trail)
// or return it to draft with what needs to change.
import { useRouter } from "next/navigation";
import type { z } from "zod";
import { FormError, TextArea } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui";
import type { ActionResult } from "@/lib/actions/result";
import { approveCarePlanSchema, returnCarePlanSchema } from "@/lib/care-plans/schemas";

type VersionRef = { childId: string; entryId: string; version: number; lockVersion: number };

export function ApproveCarePlanForm({
  target,
  approve,
}: {
  target: VersionRef;
  approve: (values: z.input<typeof approveCarePlanSchema>) => Promise<ActionResult<unknown>>;
}) {
  const router = useRouter();
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: approveCarePlanSchema,
    action: approve,
    defaultValues: { ...target, comment: "" },
    onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={onSubmit} noValidate className="mb-4">
      <FormError message={formError} />
      <TextArea
        id="approve-comment"
        label={`Reasons for approving version ${target.version}`}
        hint="Recorded on the decision trail with the views of the child and parents from the plan."
        rows={4}
        error={form.formState.errors.comment}
        {...form.register("comment")}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Approving…" : `Approve version ${target.version}`}
      </Button>
    </form>
  );
}

export function ReturnCarePlanForm({
  target,
  returnToDraft,
}: {
  target: VersionRef;
  returnToDraft: (values: z.input<typeof returnCarePlanSchema>) => Promise<ActionResult<unknown>>;
}) {
  const router = useRouter();
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: returnCarePlanSchema,
    action: returnToDraft,
    defaultValues: { ...target, comment: "" },
    onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      <TextArea
        id="return-comment"
        label="Or return it to draft: what needs to change?"
        hint="The social worker sees this with the draft."
        rows={3}
        error={form.formState.errors.comment}
        {...form.register("comment")}
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Returning…" : "Return to draft"}
      </Button>
    </form>
  );
}
