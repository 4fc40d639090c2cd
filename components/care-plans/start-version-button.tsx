"use client";
// Starts a new version of an approved care plan (the approved one is never edited) and opens it.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui";
import type { ActionResult } from "@/lib/actions/result";

export function StartVersionButton({
  childId,
  start,
}: {
  childId: string;
  start: (values: { childId: string }) => Promise<ActionResult<unknown>>;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-col gap-1">
      <Button
        type="button"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await start({ childId });
            if (result.ok) router.push(`/children/${childId}/care-plan/edit`);
            else setError(result.error.message);
          })
        }
      >
        {pending ? "Starting…" : "Start a new version"}
      </Button>
      <span role="status" className="text-sm text-red-800">
        {error}
      </span>
    </span>
  );
}
