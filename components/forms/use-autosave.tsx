"use client";
// Autosaves a long form to the server as the person types (debounced), so no work is lost to a
// time-out. Each save also counts as activity for the session-timeout warning.
import { useEffect, useRef, useState } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";
import { saveDraftAction } from "@/lib/records/actions";

export const SESSION_ACTIVITY_EVENT = "cases:session-activity";

export function useAutosave<T extends FieldValues>(opts: {
  form: UseFormReturn<T, unknown, unknown>;
  childId: string;
  formKey: string;
  enabled?: boolean;
  delayMs?: number;
}) {
  const { form, childId, formKey, enabled = true, delayMs = 1500 } = opts;
  const [status, setStatus] = useState<{ state: "idle" | "saving" | "saved" | "error"; at?: string; message?: string }>(
    { state: "idle" },
  );
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    if (!enabled) return;
    const subscription = form.watch((values, { type }) => {
      if (type !== "change") return;
      clearTimeout(timer.current);
      timer.current = setTimeout(async () => {
        setStatus({ state: "saving" });
        // The form key names its section ("visits:new", "carePlan:<id>"): that section's policy decides.
        const section = formKey.split(":")[0] ?? "";
        const result = await saveDraftAction(section, { childId, formKey, data: values as Record<string, unknown> });
        if (result.ok) {
          setStatus({ state: "saved", at: result.data.savedAt });
          window.dispatchEvent(new Event(SESSION_ACTIVITY_EVENT));
        } else {
          setStatus({ state: "error", message: result.error.message });
        }
      }, delayMs);
    });
    return () => {
      subscription.unsubscribe();
      clearTimeout(timer.current);
    };
  }, [form, childId, formKey, enabled, delayMs]);

  return status;
}

export function AutosaveStatus({ status }: { status: ReturnType<typeof useAutosave> }) {
  const text =
    status.state === "saving"
      ? "Saving draft…"
      : status.state === "saved" && status.at
        ? `Draft saved at ${new Date(status.at).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/London" })}`
        : status.state === "error"
          ? `Draft not saved: ${status.message ?? "try again"}`
          : "";
  return (
    <p
      role="status"
      aria-live="polite"
      className={`min-h-6 text-sm ${status.state === "error" ? "text-red-800" : "text-slate-700"}`}
    >
      {text}
    </p>
  );
}
