// `npm run faults`: the fault script. Starts the production server on PostgreSQL and on PGlite,
// drives writes through the server actions as a browser does, kills the server with SIGKILL at
// random moments many times, restarts it, and then proves from the database that every
// acknowledged write is present with its audit event, that nothing is half-written (no entry
// without its event, no event without its entry), that retried submissions were written once,
// and that the audit chains verify. Not part of `npm test`: it takes a few minutes.
//
// FAULTS_KILLS (default 12 per database), FAULTS_WRITERS (4 in flight), FAULTS_ONLY=postgres|pglite.
// The audit keys first: one set for every server this script starts and for its own checks.
import "../tests/helpers/audit-env";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { and, eq, like, sql } from "drizzle-orm";
import postgres from "postgres";
import { openPglite, openPostgres, type DbHandle } from "../db/client";
import { runMigrations } from "../db/migrate";
import { auditEvents, recordEntries } from "../db/schema";
import { verifyAuditChains } from "../lib/audit";
import { build, buildIsStale, startServer, type RunningServer } from "./server";
import { signIn, type CookieJar } from "./http";
import { BENCH } from "./config";
import { DEMO_PASSWORD, DEMO_USERS, demoChildId, seedDemoAuthority } from "../scripts/seed/demo";

const KILLS = Number(process.env.FAULTS_KILLS ?? 12);
const WRITERS = Number(process.env.FAULTS_WRITERS ?? 4);
const ONLY = process.env.FAULTS_ONLY;
const ADMIN_URL = process.env.FAULTS_DATABASE_URL ?? BENCH.adminUrl;
const root = process.cwd();
const outDir = path.join(root, ".data", "faults");
const SW1_EMAIL = DEMO_USERS.find((u) => u.key === "sw1")?.email ?? "social.worker@demo.invalid";
const CHILD = demoChildId(0);

/** The action's id in the production build, from Next's server reference manifest. */
function actionId(exportedName: string, file: string): string {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(root, BENCH.distDir, "server", "server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { exportedName?: string; filename?: string }> };
  const found = Object.entries(manifest.node).find(([, v]) => v.exportedName === exportedName && v.filename === file);
  if (!found) throw new Error(`no server action ${exportedName} in ${file}`);
  return found[0];
}

type Outcome = { kind: "acknowledged"; entryId: string } | { kind: "refused"; code: string } | { kind: "lost" };

/** Calls a server action over HTTP the way the browser's action client does, and reads its result. */
async function callAction(base: string, jar: CookieJar, id: string, args: unknown[]): Promise<Outcome> {
  let res: Response;
  try {
    res = await fetch(`${base}/children/${CHILD}/visits/new`, {
      method: "POST",
      headers: {
        "next-action": id,
        accept: "text/x-component",
        "content-type": "text/plain;charset=UTF-8",
        origin: base,
        cookie: jar.header(),
      },
      body: JSON.stringify(args),
      signal: AbortSignal.timeout(15_000),
    });
  } catch {
    return { kind: "lost" };
  }
  let text: string;
  try {
    text = await res.text();
  } catch {
    return { kind: "lost" };
  }
  if (res.status !== 200) return { kind: "refused", code: `http ${res.status}` };
  for (const line of text.split("\n")) {
    const colon = line.indexOf(":");
    if (colon < 0) continue;
    try {
      const value = JSON.parse(line.slice(colon + 1)) as {
        ok?: boolean;
        data?: { entryId?: string };
        error?: { code?: string };
      };
      if (value && typeof value === "object" && "ok" in value) {
        if (value.ok && value.data?.entryId) return { kind: "acknowledged", entryId: value.data.entryId };
        return { kind: "refused", code: value.error?.code ?? "unknown" };
      }
    } catch {
      // not a JSON row of the flight stream
    }
  }
  return { kind: "lost" };
}

interface Submission {
  title: string;
  key: string;
  outcome: Outcome;
  /** When the server it was sent to was killed. */
  killedAt?: number;
  /** Sent again after a restart with the same key (its first answer was lost). */
  retried?: Outcome;
}

function visitInput(title: string, key: string) {
  return {
    childId: CHILD,
    title,
    occurredOn: "20/11/2026",
    confidentiality: "standard",
    significant: false,
    childProperty: false,
    idempotencyKey: key,
    data: {
      visitor: "Fault script (fictional)",
      visitType: "Statutory visit",
      location: "Foster home",
      seenAlone: "Yes",
      childViews: { status: "given", text: "Fictional views recorded by the fault script." },
      observations: `Fictional observations for ${title}.`,
      actions: "",
    },
  };
}

async function runAgainst(label: string, target: { url: string | null; pgliteDir?: string }) {
  const env: Record<string, string> = {
    ...(target.pgliteDir ? { PGLITE_DIR: target.pgliteDir } : {}),
    // Every restart keys and signs with the same keys, as a real deployment does.
    AUDIT_HMAC_KEY: process.env.AUDIT_HMAC_KEY ?? "",
    AUDIT_SIGNING_KEY: process.env.AUDIT_SIGNING_KEY ?? "",
    // Each database its own checkpoints (this process verifies the chains' keys and links).
    AUDIT_CHECKPOINT_DIR: path.join(outDir, `${label}-checkpoints-${Date.now()}`),
  };
  const create = actionId("createEntryAction", "lib/records/actions.ts");
  const submissions: Submission[] = [];
  let kills = 0;
  let sequence = 0;
  const logFile = path.join(outDir, `${label}-server.log`);

  const lostOnes = () => submissions.filter((s) => s.outcome.kind === "lost" && !s.retried);
  for (let round = 0; round <= KILLS; round++) {
    const server: RunningServer = await startServer(target.url, logFile, env);
    try {
      const jar = await signIn(server.base, SW1_EMAIL, DEMO_PASSWORD);
      // Retry every submission whose answer was lost, with its key: it must be written once.
      for (const s of lostOnes())
        s.retried = await callAction(server.base, jar, create, ["visits", visitInput(s.title, s.key)]);
      if (round === KILLS) break;
      let stop = false;
      const writer = async () => {
        while (!stop) {
          const title = `Fault visit ${label} ${round}.${sequence++}`;
          const key = randomUUID();
          const submission: Submission = { title, key, outcome: { kind: "lost" } };
          submissions.push(submission);
          submission.outcome = await callAction(server.base, jar, create, ["visits", visitInput(title, key)]);
        }
      };
      const writers = Array.from({ length: WRITERS }, writer);
      // A random moment: sometimes early, sometimes with many writes in flight.
      await new Promise((r) => setTimeout(r, 300 + Math.random() * 2500));
      // No new writes from here on; the ones in flight are cut off by the kill.
      stop = true;
      const killedAt = Date.now();
      await server.kill();
      kills++;
      await Promise.all(writers);
      for (const s of submissions) if (s.outcome.kind === "lost" && s.killedAt === undefined) s.killedAt = killedAt;
    } finally {
      await server.stop();
    }
  }
  return { submissions, kills };
}

async function check(label: string, handle: DbHandle, submissions: Submission[], kills: number) {
  const rows = await handle.db
    .select({ entryId: recordEntries.entryId, title: recordEntries.title, version: recordEntries.version })
    .from(recordEntries)
    .where(like(recordEntries.title, `Fault visit ${label} %`));
  const byTitle = new Map<string, typeof rows>();
  for (const r of rows) byTitle.set(r.title, [...(byTitle.get(r.title) ?? []), r]);
  const events = await handle.db
    .select({ entryId: sql<string>`${auditEvents.detail}->>'entryId'`, at: auditEvents.occurredAt })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, "visits.create"), eq(auditEvents.outcome, "allowed")));
  const evented = new Map<string, number>();
  const eventAt = new Map<string, number>();
  for (const e of events) {
    evented.set(e.entryId, (evented.get(e.entryId) ?? 0) + 1);
    eventAt.set(e.entryId, e.at.getTime());
  }

  const problems: string[] = [];
  const acknowledged = submissions.filter(
    (s) => s.outcome.kind === "acknowledged" || s.retried?.kind === "acknowledged",
  );
  for (const s of acknowledged) {
    const found = byTitle.get(s.title) ?? [];
    const ids = [s.outcome, s.retried].flatMap((o) => (o?.kind === "acknowledged" ? [o.entryId] : []));
    if (found.length !== 1) problems.push(`${s.title}: acknowledged, ${found.length} rows in the database`);
    else if (!ids.every((id) => id === found[0]?.entryId)) problems.push(`${s.title}: acknowledged with another id`);
  }
  // Nothing half-written: every row of the script has exactly one event, and no title twice.
  for (const [title, found] of byTitle) {
    if (found.length > 1) problems.push(`${title}: written ${found.length} times`);
    for (const r of found)
      if ((evented.get(r.entryId) ?? 0) !== 1) problems.push(`${title}: ${evented.get(r.entryId) ?? 0} audit events`);
  }
  const ids = new Set(rows.map((r) => r.entryId));
  const scriptEvents = [...evented.keys()].filter((id) => !ids.has(id));
  if (scriptEvents.length) problems.push(`${scriptEvents.length} audit events for entries that do not exist`);
  const verification = await verifyAuditChains(handle.db);
  if (!verification.ok) problems.push(`audit chains: ${JSON.stringify(verification.problems.slice(0, 3))}`);

  const lost = submissions.filter((s) => s.outcome.kind === "lost");
  // Committed before the kill although its answer never arrived: the retry then found its receipt.
  const committedDespiteLoss = lost.filter((s) => {
    const id = byTitle.get(s.title)?.[0]?.entryId;
    const at = id ? eventAt.get(id) : undefined;
    return at !== undefined && s.killedAt !== undefined && at <= s.killedAt;
  }).length;
  const summary = {
    database: label,
    kills,
    submissions: submissions.length,
    acknowledged: acknowledged.length,
    answersLost: lost.length,
    lostButCommitted: committedDespiteLoss,
    retriedAndWrittenOnce: lost.filter(
      (s) => s.retried?.kind === "acknowledged" && (byTitle.get(s.title)?.length ?? 0) === 1,
    ).length,
    rowsWritten: rows.length,
    eventsWithoutEntry: scriptEvents.length,
    chainsVerified: verification.ok,
    problems: problems.length,
  };
  console.log(JSON.stringify(summary));
  for (const p of problems.slice(0, 20)) console.log(`  problem: ${p}`);
  return problems.length === 0;
}

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  if (buildIsStale()) build();
  let ok = true;

  if (ONLY !== "pglite") {
    const name = `faults_${Date.now()}`;
    const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${name}`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    try {
      const setup = openPostgres(url.toString(), 2);
      await runMigrations(setup);
      await seedDemoAuthority(setup.db, { records: false });
      await setup.close();
      const { submissions, kills } = await runAgainst("postgres", { url: url.toString() });
      const handle = openPostgres(url.toString(), 2);
      ok = (await check("postgres", handle, submissions, kills)) && ok;
      await handle.close();
    } finally {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }

  if (ONLY !== "postgres") {
    const dir = path.join(outDir, "pglite");
    fs.rmSync(dir, { recursive: true, force: true });
    delete process.env.DATABASE_URL;
    const setup = openPglite(dir);
    await runMigrations(setup);
    await seedDemoAuthority(setup.db, { records: false });
    await setup.close();
    const { submissions, kills } = await runAgainst("pglite", { url: null, pgliteDir: dir });
    // The server is gone: this process may open the folder now.
    const handle = openPglite(dir);
    ok = (await check("pglite", handle, submissions, kills)) && ok;
    await handle.close();
  }

  if (!ok) {
    console.error("Faults found: see the problems above.");
    process.exit(1);
  }
  console.log("Every acknowledged write is present with its audit event; nothing is half-written; the chains verify.");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
