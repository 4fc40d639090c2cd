// `npm run bench`: seeds a large fictional authority into PostgreSQL, checks the query plans of
// the pages under test, then serves a production build and measures, under concurrent load, the
// child's record page (over many children, and one child for every request), the chronology's
// first page and the caseload as ratios to a bare signed-in page in the same run (so the
// machine's speed cancels out). Results go to stdout and bench/results/latest.json; the exit
// code is 1 when a plan reads a large table whole or a page fails (and, with
// BENCH_ENFORCE_BUDGET=1, when the child's record or caseload is over budget).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { demoUserId } from "../scripts/seed/demo";
import { BENCH, benchDatabaseUrl } from "./config";
import { explainPages, type QueryPlan } from "./explain";
import { fetchPage, load, percentile, signIn, type CookieJar, type Sample } from "./http";
import { benchDatabaseExists, migrateBenchDatabase, seedLargeAuthority, type SeedStats } from "./seed-large";
import { build, buildIsStale, startServer, type RunningServer } from "./server";
import { DUE_DATES, printSetWide, SSDA903_RETURN, timeSetWide } from "./set-wide";

const resultsDir = path.join(process.cwd(), "bench/results");
/** How many of the social worker's children the child pages rotate over (1: every request opens the same child). */
const childRotation = Number(process.env.BENCH_CHILD_ROTATION ?? 20) || 20;

interface Target {
  key: string;
  label: string;
  paths: string[];
  /** Text the page must contain: proves it rendered signed in rather than redirecting or erroring. */
  expect: string;
  /** Missing pages (still being built) are reported, not fatal. */
  required: boolean;
  budget: boolean;
  /** Signed in as the team manager rather than the social worker (the team's pages). */
  asManager?: boolean;
}

interface PageResult {
  key: string;
  label: string;
  example: string;
  status: "measured" | "unavailable" | "failed";
  note?: string;
  concurrency: number;
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  mean: number;
  max: number;
  /** Requests completed a second while this page alone was loaded: the server's cost per request, free of queueing. */
  perSecond: number;
  ratioP50: number;
  ratioP95: number;
  serverTimingP50: number | null;
}

interface Level {
  concurrency: number;
  pages: PageResult[];
}

let server: RunningServer | null = null;

async function benchChildren(databaseUrl: string): Promise<Array<{ id: string; entries: number }>> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    return await sql<
      Array<{ id: string; entries: number }>
    >`select c.id, (select count(*)::int from record_entries e where e.child_id = c.id) as entries
      from children c where c.allocated_worker_id = ${demoUserId("sw1")} and c.reference like 'BENCH-%'
      order by c.reference limit ${childRotation}`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

function printPlans(plans: QueryPlan[]): void {
  console.log("\nQuery plans (EXPLAIN ANALYZE, as the demo social worker, one of their children):");
  for (const p of plans) {
    const scans = p.scans
      .map((s) => `${s.node.replace(" Scan", "")}:${s.relation}${s.index ? `(${s.index})` : ""}`)
      .join(", ");
    const flag = p.problems.length ? "  <-- PROBLEM" : "";
    console.log(
      `  ${p.label.padEnd(22)} ${p.executionMs.toFixed(2).padStart(8)} ms ${String(p.sharedBlocks).padStart(6)} blocks  ${scans}${flag}`,
    );
    for (const problem of p.problems) console.log(`      ${problem}`);
  }
}

interface Run {
  samples: Sample[];
  seconds: number;
}

function summarise(t: Target, concurrency: number, run: Run, base: PageResult | null): PageResult {
  const { samples } = run;
  const ok = samples.filter((s) => s.status === 200);
  const ms = ok.map((s) => s.ms);
  const timings = ok.map((s) => s.serverTimingMs).filter((v): v is number => v !== null);
  const p50 = percentile(ms, 50);
  const p95 = percentile(ms, 95);
  return {
    key: t.key,
    label: t.label,
    example: t.paths[0] ?? "",
    status: ok.length === samples.length ? "measured" : "failed",
    ...(ok.length === samples.length
      ? {}
      : { note: `statuses: ${[...new Set(samples.map((s) => s.status))].join(", ")}` }),
    concurrency,
    requests: samples.length,
    errors: samples.length - ok.length,
    p50,
    p95,
    mean: ms.reduce((a, b) => a + b, 0) / Math.max(1, ms.length),
    max: Math.max(...ms),
    perSecond: samples.length / Math.max(run.seconds, 1e-9),
    ratioP50: base ? p50 / base.p50 : 1,
    ratioP95: base ? p95 / base.p95 : 1,
    serverTimingP50: timings.length ? percentile(timings, 50) : null,
  };
}

function unavailable(t: Target, concurrency: number, note: string): PageResult {
  return {
    key: t.key,
    label: t.label,
    example: t.paths[0] ?? "",
    status: "unavailable",
    note,
    concurrency,
    requests: 0,
    errors: 0,
    p50: NaN,
    p95: NaN,
    mean: NaN,
    max: NaN,
    perSecond: NaN,
    ratioP50: NaN,
    ratioP95: NaN,
    serverTimingP50: null,
  };
}

function printTable(level: Level): void {
  const header = ["Page", "Requests", "p50 ms", "p95 ms", "p50 ratio", "p95 ratio", "req/s", "Errors"];
  const body = level.pages.map((r) =>
    r.status === "unavailable"
      ? [r.label, "-", "-", "-", "-", "-", "-", r.note ?? "unavailable"]
      : [
          r.label,
          String(r.requests),
          r.p50.toFixed(1),
          r.p95.toFixed(1),
          `${r.ratioP50.toFixed(2)}x`,
          `${r.ratioP95.toFixed(2)}x`,
          r.perSecond.toFixed(1),
          String(r.errors),
        ],
  );
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
  console.log(
    `\n${level.concurrency} request${level.concurrency === 1 ? "" : "s"} in flight:\n${line(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}`,
  );
  for (const row of body) console.log(line(row));
}

/** Checks each page renders (a page still being built is reported, not measured), warms them up, then measures each level. */
async function measure(
  base: string,
  jars: { worker: CookieJar; manager: CookieJar },
  targets: Target[],
): Promise<Level[]> {
  const jarOf = (t: Target) => (t.asManager ? jars.manager : jars.worker);
  const available: Target[] = [];
  const missing = new Map<string, string>();
  for (const t of targets) {
    const { sample, body } = await fetchPage(base, t.paths[0] ?? "/", jarOf(t));
    if (sample.status === 200 && body.includes(t.expect)) {
      available.push(t);
      continue;
    }
    const note = sample.status === 200 ? `rendered without "${t.expect}"` : `HTTP ${sample.status}`;
    if (t.required) throw new Error(`${t.label} (${t.paths[0]}) did not render: ${note}`);
    missing.set(t.key, note);
  }

  const top = Math.max(...BENCH.concurrency);
  console.log(
    `\nWarming up (${BENCH.warmup} requests a page), then ${BENCH.requests} requests a page at each of ${BENCH.concurrency.join(", ")} in flight, in ${BENCH.rounds} interleaved rounds`,
  );
  for (const t of available) await load(base, t.paths, jarOf(t), BENCH.warmup, top);

  const levels: Level[] = [];
  for (const concurrency of BENCH.concurrency) {
    const runs = new Map<string, Run>(available.map((t) => [t.key, { samples: [], seconds: 0 }]));
    const perRound = Math.ceil(BENCH.requests / BENCH.rounds);
    for (let round = 0; round < BENCH.rounds; round++) {
      for (const t of available) {
        const run = runs.get(t.key);
        if (!run) continue;
        const start = performance.now();
        run.samples.push(...(await load(base, t.paths, jarOf(t), perRound, concurrency)));
        run.seconds += (performance.now() - start) / 1000;
      }
    }
    const baselineTarget = available.find((t) => t.key === "baseline");
    const baselineRun = runs.get("baseline");
    const baseline = baselineTarget && baselineRun ? summarise(baselineTarget, concurrency, baselineRun, null) : null;
    const pages = targets.map((t) => {
      const run = runs.get(t.key);
      if (!run) return unavailable(t, concurrency, missing.get(t.key) ?? "not measured");
      return t.key === "baseline" && baseline ? baseline : summarise(t, concurrency, run, baseline);
    });
    levels.push({ concurrency, pages });
  }
  return levels;
}

async function main(): Promise<number> {
  const started = new Date();
  const databaseUrl = benchDatabaseUrl();
  let seed: SeedStats | null = null;
  if (BENCH.skipSeed && (await benchDatabaseExists())) {
    console.log(`BENCH_SKIP_SEED=1: reusing the seeded database ${BENCH.dbName}, migrated to the current schema`);
    await migrateBenchDatabase();
  } else {
    seed = await seedLargeAuthority();
  }

  const children = await benchChildren(databaseUrl);
  const first = children[0];
  if (!first) throw new Error("no bench children allocated to the demo social worker: reseed without BENCH_SKIP_SEED");
  console.log(
    `Child pages rotate over ${children.length} of the demo social worker's children (${first.entries} entries in the first).`,
  );

  const plans = await explainPages(databaseUrl, demoUserId("sw1"), first.id);
  printPlans(plans);
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(
    path.join(resultsDir, "explain.txt"),
    plans.map((p) => `== ${p.label}\n${p.query}\n\n${p.text}\n`).join("\n"),
  );

  // Set-wide computations: one set-based pass each, however many children.
  const setWide = await timeSetWide(databaseUrl, [DUE_DATES, SSDA903_RETURN]);
  printSetWide(setWide);
  if (process.env.BENCH_SET_WIDE_ONLY === "1") {
    fs.writeFileSync(
      path.join(resultsDir, "set-wide.json"),
      `${JSON.stringify({ startedAt: started, setWide }, null, 2)}\n`,
    );
    console.log("\nBENCH_SET_WIDE_ONLY=1: pages not measured.");
    return setWide.some((r) => r.statements > 25) ? 1 : 0;
  }

  if (buildIsStale()) build();
  else console.log(`\nReusing the build in ${BENCH.distDir} (newer than the sources).`);
  server = await startServer(databaseUrl, path.join(resultsDir, "server.log"));
  const loadBefore = os.loadavg()[0] ?? 0;
  const ids = children.map((c) => c.id);
  const targets: Target[] = [
    {
      key: "baseline",
      label: "Baseline (signed in, no data)",
      paths: ["/baseline"],
      expect: "Signed in as",
      required: true,
      budget: false,
    },
    {
      key: "caseload",
      label: "Caseload",
      paths: ["/children"],
      expect: "Children you can see",
      required: true,
      budget: true,
    },
    {
      key: "child",
      label: "Child's record (overview)",
      paths: ids.map((id) => `/children/${id}`),
      expect: "Episodes of care",
      required: true,
      budget: true,
    },
    {
      // Every request opens the same child: its views must not queue on one audit chain.
      key: "same-child",
      label: "Child's record, same child every time",
      paths: [`/children/${first.id}`],
      expect: "Episodes of care",
      required: true,
      budget: false,
    },
    {
      key: "chronology",
      label: "Chronology, first page",
      paths: ids.map((id) => `/children/${id}/chronology`),
      expect: "All sections",
      required: false,
      budget: false,
    },
    {
      key: "episodes",
      label: "Episodes of care, missing periods and markers",
      paths: ids.map((id) => `/children/${id}/episodes`),
      expect: "Missing and away from placement",
      required: true,
      budget: true,
    },
    {
      // The team manager's dashboard over the North team's 200 children: one set-based query per list.
      key: "team",
      label: "Team dashboard (team manager)",
      paths: ["/team"],
      expect: "CP and CLA markers",
      required: true,
      budget: true,
      asManager: true,
    },
    {
      key: "reviews",
      label: "Reviews and the statutory clock",
      paths: ids.map((id) => `/children/${id}/reviews`),
      expect: "Reviews",
      required: true,
      budget: true,
    },
    {
      // The social worker's work tray: their children's due items, from one set-based query.
      key: "work",
      label: "Work tray (social worker)",
      paths: ["/work"],
      expect: "Work tray",
      required: true,
      budget: true,
    },
    {
      key: "visits",
      label: "Section list (visits)",
      paths: ids.map((id) => `/children/${id}/visits`),
      expect: "Records of visits to the child",
      required: false,
      budget: false,
    },
  ];
  // BENCH_PAGES=child,chronology measures only those (and the baseline): for iterating on one page.
  const only = (process.env.BENCH_PAGES ?? "")
    .split(",")
    .map((k) => k.trim())
    .filter(Boolean);
  const unknown = only.filter((k) => !targets.some((t) => t.key === k));
  if (unknown.length) throw new Error(`BENCH_PAGES names no page: ${unknown.join(", ")}`);
  const measured = only.length ? targets.filter((t) => t.key === "baseline" || only.includes(t.key)) : targets;
  let levels: Level[];
  try {
    const worker = await signIn(server.base, BENCH.email, BENCH.password);
    const manager = await signIn(server.base, BENCH.managerEmail, BENCH.password);
    levels = await measure(server.base, { worker, manager }, measured);
  } finally {
    await server.stop();
    server = null;
  }

  const loadAfter = os.loadavg()[0] ?? 0;
  for (const level of levels) printTable(level);
  const cpus = os.cpus().length;
  if (Math.max(loadBefore, loadAfter) > cpus) {
    console.warn(
      `\nWarning: the machine was busy (load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after, ${cpus} CPUs): absolute times are inflated; the ratios less so.`,
    );
  }

  const failures: string[] = [];
  for (const p of plans) for (const problem of p.problems) failures.push(`plan of "${p.label}": ${problem}`);
  for (const level of levels) {
    for (const r of level.pages)
      if (r.status === "failed")
        failures.push(
          `${r.label} at ${level.concurrency} in flight: ${r.errors} of ${r.requests} requests failed (${r.note ?? ""})`,
        );
  }
  // A set-based pass issues a few statements per table, however many children: 25 is far below 5,000.
  for (const r of setWide)
    if (r.statements > 25)
      failures.push(`${r.label}: ${r.statements} SQL statements in one run, so not one set-based pass`);
  const loaded = levels[levels.length - 1];
  const overBudget = (loaded?.pages ?? [])
    .filter(
      (r) => targets.some((t) => t.key === r.key && t.budget) && r.status === "measured" && r.p95 >= BENCH.budgetMs,
    )
    .map(
      (r) =>
        `${r.label}: p95 ${r.p95.toFixed(0)} ms at ${r.concurrency} in flight is over the ${BENCH.budgetMs} ms budget`,
    );
  if (BENCH.enforceBudget) failures.push(...overBudget);

  const report = {
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: {
      cpus,
      cpuModel: os.cpus()[0]?.model ?? "",
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      loadAverageBefore: loadBefore,
      loadAverageAfter: loadAfter,
    },
    config: { ...BENCH, password: undefined, childRotation },
    seed,
    levels,
    setWide,
    plans: plans.map(({ text: _text, ...rest }) => rest),
    overBudget,
    failures,
  };
  fs.writeFileSync(path.join(resultsDir, "latest.json"), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nWrote ${path.relative(process.cwd(), path.join(resultsDir, "latest.json"))} and explain.txt`);
  if (seed) console.log(`Seeding took ${seed.seconds.toFixed(1)} s.`);
  if (overBudget.length) console.warn(`\nOVER BUDGET:\n${overBudget.map((f) => `  - ${f}`).join("\n")}`);
  if (failures.length) {
    console.error(`\nBENCH FAILED:\n${failures.map((f) => `  - ${f}`).join("\n")}`);
    return 1;
  }
  console.log(
    `\nBench completed: no large-table scans${overBudget.length ? "" : `; child's record and caseload p95 under ${BENCH.budgetMs} ms at ${loaded?.concurrency ?? "?"} in flight`}.`,
  );
  return 0;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void (server?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  });
}

main()
  .then((code) => process.exit(code))
  .catch(async (e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    await server?.stop();
    process.exit(1);
  });
