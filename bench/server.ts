// The production server under test: built into its own dist folder (so it never disturbs the
// dev or e2e builds), started against the bench database, and always stopped by its process id.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { BENCH } from "./config";

// npm runs scripts from the project root; db/migrate.ts relies on that too.
const root = process.cwd();
const nextBin = path.join(root, "node_modules/next/dist/bin/next");

function newestMtime(entry: string): number {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const child of fs.readdirSync(full)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

/** True when the bench build is missing or older than anything it is built from. */
export function buildIsStale(): boolean {
  const buildId = path.join(root, BENCH.distDir, "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const sources = [
    "app",
    "components",
    "lib",
    "db/schema",
    "proxy.ts",
    "instrumentation.ts",
    "next.config.js",
    "postcss.config.mjs",
    "package-lock.json",
  ];
  return Math.max(...sources.map(newestMtime)) > fs.statSync(buildId).mtimeMs;
}

export function build(): void {
  console.log(`Building the app into ${BENCH.distDir} ...`);
  const result = spawnSync(process.execPath, [nextBin, "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_DIST_DIR: BENCH.distDir, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status ?? result.signal})`);
}

export interface RunningServer {
  base: string;
  pid: number;
  stop: () => Promise<void>;
  kill: () => Promise<void>;
}

async function answers(url: string): Promise<number | null> {
  try {
    const res = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(2000) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return null;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error("no free port"))));
    });
  });
}

/**
 * Starts the production build. `databaseUrl` null: the embedded PGlite database, in the folder
 * given by `env.PGLITE_DIR`. `env` adds to (or overrides) the server's environment.
 */
export async function startServer(
  databaseUrl: string | null,
  logFile: string,
  env: Record<string, string> = {},
): Promise<RunningServer> {
  const port = BENCH.port || (await freePort());
  const base = `http://127.0.0.1:${port}`;
  // Measuring someone else's server by mistake would report nonsense.
  if ((await answers(`${base}/sign-in`)) !== null)
    throw new Error(`port ${port} is already in use; set BENCH_PORT to another`);

  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.openSync(logFile, "w");
  // Audit checkpoints in a folder of their own each run (with keys of their own), removed at the end.
  const checkpoints = fs.mkdtempSync(path.join(os.tmpdir(), "bench-audit-checkpoints-"));
  const child: ChildProcess = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    // Its own process group, so stopping it also stops anything it started.
    detached: true,
    stdio: ["ignore", log, log],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: BENCH.distDir,
      NEXT_TELEMETRY_DISABLED: "1",
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      DB_POOL_SIZE: String(BENCH.poolSize),
      AUTH_SECRET: randomBytes(32).toString("hex"),
      AUTH_TRUST_HOST: "true",
      AUDIT_HMAC_KEY: randomBytes(32).toString("hex"),
      AUDIT_SIGNING_KEY: generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
      AUDIT_CHECKPOINT_DIR: checkpoints,
      ...env,
    },
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error("could not start next start");
  let exited: number | string | null = null;
  const exitedPromise = new Promise<void>((resolve) =>
    child.once("exit", (code, signal) => ((exited = code ?? signal ?? "unknown"), resolve())),
  );

  let stopped = false;
  /** Kills it at once, as a power cut would: nothing gets to finish or flush. */
  const kill = async () => {
    if (stopped) return;
    stopped = true;
    fs.closeSync(log);
    if (exited !== null) return;
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      return;
    }
    await exitedPromise;
  };
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    fs.closeSync(log);
    try {
      if (exited === null) await terminate();
    } finally {
      fs.rmSync(checkpoints, { recursive: true, force: true });
    }
  };
  const terminate = async () => {
    try {
      process.kill(-pid, "SIGTERM");
    } catch {
      return;
    }
    const killed = await Promise.race([
      exitedPromise.then(() => true),
      new Promise<boolean>((r) => setTimeout(() => r(false), 5000)),
    ]);
    if (!killed) {
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  };

  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`next start exited (${exited}) before answering; see ${logFile}`);
    if ((await answers(`${base}/sign-in`)) === 200) return { base, pid, stop, kill };
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`next start did not answer within 60 s; see ${logFile}`);
}
