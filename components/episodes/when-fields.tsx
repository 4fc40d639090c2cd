"use client";
// The date and time something happened, as two fields (England time); the schema turns them
// into an exact instant. Shared by every form of a child's journey.
import { DateInput, TextInput } from "@/components/forms/fields";

export type WhenErrors = { message?: string; date?: { message?: string }; time?: { message?: string } } | undefined;

export function WhenFields({
  error,
  register,
}: {
  error: WhenErrors;
  register: (name: "at.date" | "at.time") => object;
}) {
  return (
    <div className="flex flex-wrap gap-4">
      <DateInput
        id="at-date"
        label="Date"
        hint="For example, 27/03/2026"
        error={error?.date ?? error}
        {...register("at.date")}
      />
      <TextInput
        id="at-time"
        label="Time"
        hint="24-hour clock, for example 14:30"
        error={error?.time}
        {...register("at.time")}
      />
    </div>
  );
}
