"use client";
// A button that runs one server action (bound to its arguments) and reports the result.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { Button } from "@/components/ui";

export function ActionButton({
  action,
  label,
  context,
  pendingLabel,
  variant = "secondary",
  successMessage,
  compact = false,
}: {
  action: () => Promise<ActionResult<unknown>>;
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
            const result = await action();
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
