// `npm run audit:verify`: checks every event of every audit chain (hash, HMAC, links, heads) and
// compares the database with the signed checkpoints. Exit code 1 when anything is wrong.
// With PGlite, stop the server first (one process per folder) or use the audit page's button.
import { loadSecrets } from "./secrets.mjs";

async function main(): Promise<number> {
  // The keys npm start keeps in .data/, unless set: never new ones, which would fail every event.
  loadSecrets({ create: false });
  const { openFromEnv } = await import("../db/client");
  const { verifyAuditChains } = await import("../lib/audit/verify");
  const handle = openFromEnv();
  try {
    const started = performance.now();
    const result = await verifyAuditChains(handle.db);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const cp = result.newestCheckpoint;
    console.log(
      `${result.events} events in ${result.chains} chains, ${result.checkpoints} checkpoint(s)` +
        (cp ? `, compared with checkpoint #${cp.seq} of ${cp.takenAt}` : "") +
        ` (${seconds} s).`,
    );
    if (result.sealedUnkeyed)
      console.log(`${result.sealedUnkeyed} event(s) from before keying began are sealed by checkpoint #1.`);
    for (const warning of result.warnings) console.warn(`Note: ${warning}`);
    if (result.ok) {
      console.log("Intact.");
      return 0;
    }
    console.error(`TAMPERING DETECTED in ${result.problems.length} place(s):`);
    for (const p of result.problems)
      console.error(`  ${p.kind.padEnd(18)} ${p.chainKey ?? "checkpoints"} #${p.seq ?? "-"}: ${p.message}`);
    return 1;
  } finally {
    await handle.close();
  }
}

main()
  .then((code) => process.exit(code))
  .catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(2);
  });
