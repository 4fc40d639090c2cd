"use client";
// Labelled form fields with hints and error messages tied to the input (aria-describedby).
import type { ComponentProps, ReactNode } from "react";
import type { FieldError } from "react-hook-form";

interface FieldShellProps {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: FieldError | { message?: string };
  children: ReactNode;
}

export function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export function FieldShell({ id, label, hint, error, children }: FieldShellProps) {
  return (
    <div className={`mb-4 ${error ? "border-l-4 border-red-700 pl-3" : ""}`}>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      {error?.message ? (
        <p id={`${id}-error`} className="font-semibold text-red-800">
          <span className="sr-only">Error: </span>
          {error.message}
        </p>
      ) : null}
      {children}
    </div>
  );
}

const inputClass = "mt-1 block w-full rounded border border-slate-600 px-3 py-2 aria-[invalid=true]:border-red-700";

export function TextInput({
  id,
  label,
  hint,
  error,
  ...props
}: Omit<FieldShellProps, "children"> & ComponentProps<"input">) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={inputClass}
        {...props}
      />
    </FieldShell>
  );
}

export function TextArea({
  id,
  label,
  hint,
  error,
  ...props
}: Omit<FieldShellProps, "children"> & ComponentProps<"textarea">) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        rows={5}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={inputClass}
        {...props}
      />
    </FieldShell>
  );
}

export function Select({
  id,
  label,
  hint,
  error,
  options,
  ...props
}: Omit<FieldShellProps, "children"> &
  ComponentProps<"select"> & { options: Array<{ value: string; label: string }> }) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={inputClass}
        {...props}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function DateInput(props: Omit<FieldShellProps, "children"> & ComponentProps<"input">) {
  return (
    <TextInput
      inputMode="numeric"
      placeholder="dd/mm/yyyy"
      autoComplete="off"
      {...props}
      hint={props.hint ?? "For example, 27/03/2026"}
      className={`${inputClass} max-w-40`}
    />
  );
}

export function Checkbox({
  id,
  label,
  hint,
  ...props
}: { id: string; label: string; hint?: string } & ComponentProps<"input">) {
  return (
    <div className="mb-4 flex items-start gap-2">
      <input
        id={id}
        type="checkbox"
        className="mt-1 h-5 w-5"
        aria-describedby={hint ? `${id}-hint` : undefined}
        {...props}
      />
      <div>
        <label htmlFor={id} className="font-semibold">
          {label}
        </label>
        {hint ? (
          <p id={`${id}-hint`} className="text-sm text-slate-700">
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}

export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div role="alert" className="mb-4 border-l-4 border-red-700 bg-red-50 p-3">
      <p className="font-bold">There is a problem</p>
      <p>{message}</p>
    </div>
  );
}
