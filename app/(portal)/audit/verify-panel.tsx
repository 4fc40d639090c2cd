"use client";
// Runs the chain verification and shows what it found.
import { useState, useTransition } from "react";
import { Button } from "@/components/ui";
import type { VerifyResult } from "@/lib/audit";
import { verifyAuditAction } from "@/lib/audit/actions";

export function VerifyPanel() {
  const [pending, start] = useTransition();
  const [result, setResult] = useState<VerifyResult | string | null>(null);
  return (
    <div>
      <Button
        type="button"
        onClick={() =>
          start(async () => {
            const r = await verifyAuditAction({});
            setResult(r.ok ? r.data : r.error.message);
          })
        }
        disabled={pending}
      >
        {pending ? "Verifying…" : "Verify the audit chains"}
      </Button>
      <div role="status" className="mt-2">
        {typeof result === "string" ? <p className="text-red-800">{result}</p> : null}
        {result && typeof result !== "string" ? (
          result.ok ? (
            <p className="text-green-800">
              Intact: {result.events} events in {result.chains} chains verified
              {result.newestCheckpoint ? `, matching signed checkpoint #${result.newestCheckpoint.seq}` : ""}.
            </p>
          ) : (
            <div className="text-red-800">
              <p className="font-bold">Tampering detected in {result.problems.length} place(s):</p>
              <ul className="list-disc pl-5">
                {result.problems.slice(0, 20).map((p) => (
                  <li key={`${p.kind}-${p.chainKey}-${p.seq}-${p.message}`}>
                    <strong>{p.kind}</strong>: {p.chainKey ?? "checkpoints"} #{p.seq ?? "-"}: {p.message}
                  </li>
                ))}
              </ul>
            </div>
          )
        ) : null}
        {result && typeof result !== "string"
          ? result.warnings.map((w) => (
              <p key={w} className="text-sm text-slate-700">
                {w}
              </p>
            ))
          : null}
      </div>
    </div>
  );
}
