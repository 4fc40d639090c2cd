"use client";
// A manager's decision on a submitted version: approve it (the reasons go on the decision trail)
// or return it to draft with what needs to change.
import { useRouter } from "next/navigation";
import type { z } from "zod";
import { errorAtPath, FormError, TextArea } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui";
import type { ActionResult } from "@/lib/actions/result";
import { approveCarePlanSchema, returnCarePlanSchema } from "@/lib/care-plans/schemas";
import { parentViewRows, type ParentChoice } from "@/lib/people/views";
import { ParentViewRows } from "@/components/people/parent-view-rows";

type VersionRef = { childId: string; entryId: string; version: number; lockVersion: number };

export function ApproveCarePlanForm({
  target,
  approve,
  parents = [],
}: {
  target: VersionRef;
  approve: (values: z.input<typeof approveCarePlanSchema>) => Promise<ActionResult<unknown>>;
  /** The people linked to the child: approval asks for every parent with parental responsibility. */
  parents?: readonly ParentChoice[];
}) {
  const router = useRouter();
  const { form, onSubmit, pending, formError } = useActionForm({
    schema: approveCarePlanSchema,
    action: approve,
    defaultValues: { ...target, comment: "", parentViews: parentViewRows(parents, []) },
    onSuccess: () => router.refresh(),
  });
  const errorAt = (path: string) => errorAtPath(form.formState.errors, path);
  return (
    <form onSubmit={onSubmit} noValidate className="mb-4">
      <FormError message={formError} />
      <ParentViewRows
        name="parentViews"
        idPrefix="approve-parent"
        parents={parents}
        register={(path) => form.register(path as never)}
        errorAt={errorAt}
        legend="Parents' views on this decision"
        hint="Approving a care plan is a decision: record the views of every parent with parental responsibility."
      />
      <TextArea
        id="approve-comment"
        label={`Reasons for approving version ${target.version}`}
        hint="Recorded on the decision trail with the child's views from the plan and the parents' views above."
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
