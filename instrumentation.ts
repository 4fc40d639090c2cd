// Next's start-up hook: in the Node.js server process (not the edge runtime, not `next build`),
// schedule the signed checkpoints of the audit chains and write a final one at shutdown.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startAuditCheckpoints } = await import("./lib/audit/schedule");
  startAuditCheckpoints();
}
