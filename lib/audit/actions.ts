"use server";
// Records officer's actions on the audit log.
import { z } from "zod";
import { authorizedAction } from "@/lib/actions";
import { verifyAuditChains } from "./index";

// Verify every audit chain and record that it was checked
export const verifyAuditAction = authorizedAction("audit.verify", z.object({}), async ({ tx, auditDetail }) => {
  const result = await verifyAuditChains(tx);
  const first = result.problems[0];
  auditDetail({
    ok: result.ok,
    chains: result.chains,
    events: result.events,
    checkpoint: result.newestCheckpoint?.seq ?? null,
    problems: result.problems.length,
    ...(first ? { first: { kind: first.kind, chainKey: first.chainKey, seq: first.seq } } : {}),
  });
  return result;
});
