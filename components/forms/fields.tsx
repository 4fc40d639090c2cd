"use client";
// Labelled form fields with hints and error messages tied to the input (aria-describedby).
import { useEffect, useId, useRef, useState, type ComponentProps, type MouseEvent, type ReactNode } from "react";
import type { FieldError } from "react-hook-form";
import type { FormProblem } from "./use-action-form";

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

/** The error at a dotted path of react-hook-form's errors ("parentViews.0.status"), if any. */
export function errorAtPath(errors: unknown, path: string): { message?: string } | undefined {
  let node: unknown = errors;
  for (const key of path.split(".")) node = (node as Record<string, unknown> | undefined)?.[key];
  return node && typeof node === "object" && "message" in node ? (node as { message?: string }) : undefined;
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

/** The input a field's registered name points at: its own, or the first inside a group of fields. */
function fieldElement(root: ParentNode, name: string): HTMLElement | null {
  const exact = root.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]`);
  return (
    exact ??
    root.querySelector<HTMLElement>(`[name^="${CSS.escape(`${name}.`)}"]`) ??
    // A list's own error (no parent's views yet) leads to the button that adds one.
    root.querySelector<HTMLElement>(`[data-error-target="${CSS.escape(name)}"]`)
  );
}

/**
 * The GOV.UK error summary: "There is a problem", the form's message, then each field's error as
 * a link that moves focus to the field. It takes focus on every failed submission and puts
 * "Error: " before the page's title while it is shown. A plain message still works (a refusal).
 */
export function FormError({ message }: { message: string | FormProblem | null }) {
  const problem: FormProblem | null = typeof message === "string" ? { message, fields: [], attempt: 1 } : message;
  const box = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const [targets, setTargets] = useState<Record<string, string>>({});
  const names = problem?.fields.map((f) => f.name).join("|") ?? "";
  const attempt = problem?.attempt ?? 0;
  const shown = problem !== null;

  useEffect(() => {
    const root = box.current?.closest("form") ?? document;
    const found: Record<string, string> = {};
    for (const name of names ? names.split("|") : []) {
      const el = fieldElement(root, name);
      if (el?.id) found[name] = el.id;
    }
    setTargets(found);
  }, [names]);

  useEffect(() => {
    if (attempt === 0) return;
    box.current?.focus();
    box.current?.scrollIntoView({ block: "start" });
  }, [attempt]);

  useEffect(() => {
    if (!shown) return;
    const prefix = () => {
      if (!document.title.startsWith("Error: ")) document.title = `Error: ${document.title}`;
    };
    prefix();
    // A refreshed page (an action that saved before it failed revalidates it) sets its title again
    // after this ran: put the prefix back for as long as the summary is shown.
    const observer = new MutationObserver(prefix);
    observer.observe(document.head, { subtree: true, childList: true, characterData: true });
    return () => {
      observer.disconnect();
      document.title = document.title.replace(/^Error: /, "");
    };
  }, [shown]);

  if (!problem) return null;
  const goTo = (event: MouseEvent<HTMLAnchorElement>, name: string) => {
    const el = fieldElement(box.current?.closest("form") ?? document, name);
    if (!el) return;
    event.preventDefault();
    el.focus();
    // The label and hint stay in view above the field, as the GOV.UK pattern does.
    (el.closest("fieldset") ?? el.parentElement ?? el).scrollIntoView({ block: "start" });
  };
  return (
    <div
      ref={box}
      role="alert"
      tabIndex={-1}
      aria-labelledby={titleId}
      className="mb-6 border-4 border-red-700 bg-white p-4"
    >
      <h2 id={titleId} className="mb-2 text-xl font-bold">
        There is a problem
      </h2>
      {problem.message ? <p className="mb-2">{problem.message}</p> : null}
      {problem.fields.length > 0 ? (
        <ul className="list-none space-y-1">
          {problem.fields.map((f) => (
            <li key={f.name}>
              <a
                href={`#${targets[f.name] ?? f.targetId ?? f.name}`}
                className="font-bold text-red-800 hover:text-red-900"
                onClick={(e) => goTo(e, f.name)}
              >
                {f.message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
