"use client";
// react-hook-form wired to a server action: the same zod schema validates in the browser and on
// the server, and the server's field errors come back onto the fields with setError.
import { zodResolver } from "@hookform/resolvers/zod";
import { useRef, useState, useTransition } from "react";
import { useForm, type DefaultValues, type FieldErrors, type FieldValues, type Path } from "react-hook-form";
import type { z } from "zod";
import type { ActionResult } from "@/lib/actions/result";

/** A v4 UUID; getRandomValues works outside secure contexts too (randomUUID does not). */
function newSubmissionKey(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** One error of the form, by the field's registered name ("data.visitor"), for the error summary. */
export interface FieldProblem {
  name: string;
  message: string;
  /** The field's id when the page already knows it (a server-rendered form), so the link works before scripts run. */
  targetId?: string;
}

/** What the error summary shows: a message for the whole form, each field's error, and which attempt it was. */
export interface FormProblem {
  message: string | null;
  fields: FieldProblem[];
  /** Counts failed submissions, so the summary takes focus again on each one. */
  attempt: number;
}

/** Every error message in react-hook-form's nested errors, in the order of the form's fields. */
export function flattenErrors(errors: FieldErrors, prefix = ""): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const [key, value] of Object.entries(errors ?? {})) {
    if (!value || typeof value !== "object" || key === "ref") continue;
    const name = key === "root" ? prefix.replace(/\.$/, "") : `${prefix}${key}`;
    const v = value as Record<string, unknown>;
    if (typeof v.message === "string" && v.message && "type" in v) out.push({ name, message: v.message });
    else out.push(...flattenErrors(v as FieldErrors, `${name}.`));
  }
  return out;
}

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
    // The error summary takes focus (the GOV.UK pattern); its links lead to each field.
    shouldFocusError: false,
  });
  const [formMessage, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [pending, startTransition] = useTransition();
  // One key per submission, kept while no answer has come back: a retry after a lost response is
  // the same submission, and the server returns its first result instead of writing it twice.
  const submissionKey = useRef<string | null>(null);

  // The server receives exactly what was typed (dates as dd/mm/yyyy) and applies the schema itself.
  const onSubmit = form.handleSubmit(
    () => {
      setFormError(null);
      submissionKey.current ??= newSubmissionKey();
      const idempotencyKey = submissionKey.current;
      startTransition(async () => {
        let result: ActionResult<R>;
        try {
          result = await opts.action({ ...form.getValues(), idempotencyKey });
        } catch {
          setFormError("The connection failed before the portal answered. Your answers are still here: try again.");
          setAttempt((n) => n + 1);
          return;
        }
        submissionKey.current = null;
        if (result.ok) {
          opts.onSuccess?.(result.data);
          return;
        }
        setFormError(result.error.message);
        setAttempt((n) => n + 1);
        for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
          if (field !== "_form") form.setError(field as Path<z.input<S>>, { type: "server", message: messages[0] });
        }
      });
    },
    // The error summary lists each problem and takes focus, even when the field is not on screen.
    () => onInvalid(),
  );
  /** For a form that checks its fields before a step of its own (a confirmation): shows the summary. */
  function onInvalid() {
    setFormError(null);
    setAttempt((n) => n + 1);
  }

  const fields = attempt > 0 ? flattenErrors(form.formState.errors) : [];
  const formError: FormProblem | null =
    formMessage || fields.length > 0 ? { message: formMessage, fields, attempt } : null;
  return { form, onSubmit, onInvalid, pending, formError, setFormError };
}
