// The server process's checkpoints: one at start, one every AUDIT_CHECKPOINT_MINUTES, and a final
// one at shutdown, after Next has finished the requests in flight and before the database closes.
import { closeDb, getDb } from "@/db/client";
import { env } from "@/lib/env";
import { takeCheckpoint } from "./checkpoints";
import { checkpointStoreFromEnv } from "./verify";

type Holder = { __auditCheckpoints?: boolean };

/** Requests still running after this long do not delay the final checkpoint any further. */
const DRAIN_DEADLINE_MS = 15_000;
/** A hung checkpoint or database must not keep a stopping server alive for ever. */
const SHUTDOWN_DEADLINE_MS = 25_000;

export function startAuditCheckpoints(): void {
  const holder = globalThis as Holder;
  if (holder.__auditCheckpoints) return;
  holder.__auditCheckpoints = true;
  const signingKey = env.AUDIT_SIGNING_KEY;
  if (!signingKey) {
    console.warn(
      "AUDIT_SIGNING_KEY is not set: no audit checkpoints are written, so removed events cannot be detected.",
    );
    return;
  }
  const store = checkpointStoreFromEnv();
  let running: Promise<void> = Promise.resolve();
  // One at a time: a slow checkpoint and the next tick must not race for the same number.
  const checkpoint = (why: string) => {
    running = running.then(async () => {
      try {
        const outcome = await takeCheckpoint(getDb(), { store, signingKey });
        if (outcome.written) console.log(`Audit checkpoint #${outcome.seq} written (${why}).`);
        if (outcome.held.length)
          console.error(
            `AUDIT: ${outcome.held.length} chain(s) no longer reach the previous checkpoint (${outcome.held.slice(0, 5).join(", ")}); ` +
              "their checkpointed entries were kept. Run `npm run audit:verify`.",
          );
      } catch (e) {
        console.error(`Audit checkpoint failed (${why}):`, e);
      }
    });
    return running;
  };

  void checkpoint("start");
  const timer = setInterval(() => void checkpoint("scheduled"), env.AUDIT_CHECKPOINT_MINUTES * 60_000);
  timer.unref();

  let stopping: Promise<void> | null = null;
  const stop = (code: number) => {
    stopping ??= (async () => {
      clearInterval(timer);
      await checkpoint("shutdown");
      await closeDb().then(
        () => console.log("Database closed."),
        (e: unknown) => console.error("Closing the database failed:", e),
      );
    })().finally(() => realExit(code));
  };
  const realExit = process.exit.bind(process);

  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      const code = signal === "SIGTERM" ? 143 : 130;
      setTimeout(() => stop(code), DRAIN_DEADLINE_MS).unref();
      setTimeout(() => realExit(code), SHUTDOWN_DEADLINE_MS).unref();
      if (process.env.NEXT_MANUAL_SIG_HANDLE) {
        stop(code);
        return;
      }
      // Next's own handler stops accepting connections, lets the requests in flight finish, then
      // calls process.exit: the final checkpoint and closing the database run at that moment.
      process.exit = ((exitCode?: number | string | null) => {
        stop(typeof exitCode === "number" ? exitCode : code);
      }) as typeof process.exit;
    });
  }
}
