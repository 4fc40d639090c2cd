"use client";
// A button that runs one server action and reports the result. The action's input travels as
// plain props (`input`), not bound into the action: a bound action's arguments are encrypted into
// the page once per button, which on a list of thirty entries is most of the page's cost.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { Button } from "@/components/ui";

export function ActionButton<I>({
  action,
  input,
  label,
  context,
  pendingLabel,
  variant = "secondary",
  successMessage,
  compact = false,
}: {
  /** A server action; called with `input`, which the action validates like any form's. */
  action: (input: I) => Promise<ActionResult<unknown>>;
  input: I;
  label: string;
  /** Extra words for screen readers, e.g. which entry the button acts on. */
  context?: string;
  compact?: boolean;
  pendingLabel?: string;
  variant?: "primary" | "secondary" | "danger";
  successMessage?: string;
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <span className="inline-flex flex-col gap-1">
      <Button
        type="button"
        variant={variant}
        className={compact ? "min-h-9 px-2 py-1 text-xs" : ""}
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await action(input);
            setMessage(
              result.ok
                ? successMessage
                  ? { ok: true, text: successMessage }
                  : null
                : { ok: false, text: result.error.message },
            );
            router.refresh();
          })
        }
      >
        {pending ? (pendingLabel ?? "Working…") : label}
        {context ? <span className="sr-only">: {context}</span> : null}
      </Button>
      <span role="status" className={`text-sm ${message?.ok ? "text-green-800" : "text-red-800"}`}>
        {message?.text}
      </span>
    </span>
  );
}
