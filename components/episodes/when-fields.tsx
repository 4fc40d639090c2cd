"use client";
// The date and time something happened, as two fields (England time); the schema turns them
// into an exact instant. Shared by every form of a child's journey.
import { DateInput, TextInput } from "@/components/forms/fields";

export type WhenErrors = { message?: string; date?: { message?: string }; time?: { message?: string } } | undefined;

export function WhenFields<P extends string = "at">({
  error,
  register,
  prefix = "at" as P,
  idPrefix,
  legend,
}: {
  error: WhenErrors;
  register: (name: `${P}.date` | `${P}.time`) => object;
  /** The field's name in the form (its ids follow it), for a form with two instants. */
  prefix?: P;
  /** Ids distinct from another form's on the same page (defaults to the field's name). */
  idPrefix?: string;
  /** Shown above the pair when a form asks for two instants. */
  legend?: string;
}) {
  const fields = (
    <div className="flex flex-wrap gap-4">
      <DateInput
        id={`${idPrefix ?? prefix}-date`}
        label="Date"
        hint="For example, 27/03/2026"
        error={error?.date ?? error}
        {...register(`${prefix}.date`)}
      />
      <TextInput
        id={`${idPrefix ?? prefix}-time`}
        label="Time"
        hint="24-hour clock, for example 14:30"
        error={error?.time}
        {...register(`${prefix}.time`)}
      />
    </div>
  );
  if (!legend) return fields;
  return (
    <fieldset className="mb-2">
      <legend className="mb-1 font-semibold">{legend}</legend>
      {fields}
    </fieldset>
  );
}
