"use client";
// react-hook-form wired to a server action: the same zod schema validates in the browser and on
// the server, and the server's field errors come back onto the fields with setError.
import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path } from "react-hook-form";
import type { z } from "zod";
import type { ActionResult } from "@/lib/actions/result";

export function useActionForm<S extends z.ZodType<unknown, FieldValues>, R>(opts: {
  schema: S;
  action: (values: z.input<S>) => Promise<ActionResult<R>>;
  defaultValues: DefaultValues<z.input<S>>;
  onSuccess?: (data: R) => void;
}) {
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    // The resolver's generic types do not line up with a schema passed in as a type parameter.
    resolver: zodResolver(opts.schema as never) as never,
    defaultValues: opts.defaultValues,
    // Check a field when the person leaves it, then again as they correct it.
    mode: "onTouched",
    reValidateMode: "onChange",
  });
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  // The server receives exactly what was typed (dates as dd/mm/yyyy) and applies the schema itself.
  const onSubmit = form.handleSubmit(
    () => {
      setFormError(null);
      startTransition(async () => {
        const result = await opts.action(form.getValues());
        if (result.ok) {
          opts.onSuccess?.(result.data);
          return;
        }
        setFormError(result.error.message);
        for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
          if (field !== "_form") form.setError(field as Path<z.input<S>>, { type: "server", message: messages[0] });
        }
      });
    },
    // Tell the person something is wrong even when the field is not on screen.
    () => setFormError("Some of the information needs correcting. Check the highlighted fields."),
  );

  return { form, onSubmit, pending, formError, setFormError };
}
