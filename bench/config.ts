// Settings for `npm run bench`, from the environment with defaults sized to the issue: a large
// authority (5,000 children, 1,000,000 entries) on a PostgreSQL server of its own database.
import { DEMO_PASSWORD, DEMO_USERS } from "../scripts/seed/demo";

const sw1 = DEMO_USERS.find((u) => u.key === "sw1");
if (!sw1) throw new Error("demo user sw1 is missing from db/seed/demo.ts");
const tm1 = DEMO_USERS.find((u) => u.key === "tm1");
if (!tm1) throw new Error("demo user tm1 is missing from db/seed/demo.ts");

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer (got "${raw}")`);
  return value;
}

function intListFromEnv(name: string, fallback: number[]): number[] {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const values = raw.split(",").map((v) => Number(v.trim()));
  if (values.some((v) => !Number.isInteger(v) || v < 1))
    throw new Error(`${name} must be positive integers separated by commas (got "${raw}")`);
  return values;
}

const dbName = process.env.BENCH_DB_NAME ?? "bench_cases";
// Interpolated into CREATE/DROP DATABASE, which take no parameters.
if (!/^[a-z_][a-z0-9_]{0,62}$/.test(dbName))
  throw new Error(`BENCH_DB_NAME must be a plain lower-case identifier (got "${dbName}")`);

export const BENCH = {
  /** A database on the server that can create and drop others (never the bench database itself). */
  adminUrl: process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres",
  dbName,
  children: intFromEnv("BENCH_CHILDREN", 5000),
  entriesPerChild: intFromEnv("BENCH_ENTRIES_PER_CHILD", 200),
  teams: intFromEnv("BENCH_TEAMS", 40),
  workersPerTeam: 4,
  iros: 25,
  /** The demo social worker's own caseload in the North team: what their caseload page shows. */
  sw1Children: intFromEnv("BENCH_SW1_CHILDREN", 150),
  /** 0: any free port (other servers come and go on this machine). */
  port: process.env.BENCH_PORT ? intFromEnv("BENCH_PORT", 3200) : 0,
  /** Inside .data/: already ignored by git, eslint and tsc, so a bench build never trips the lint or the type check. */
  distDir: ".data/next-bench",
  poolSize: intFromEnv("BENCH_POOL_SIZE", 10),
  requests: intFromEnv("BENCH_REQUESTS", 300),
  /** Requests in flight: one at a time gives the server's own time; more shows it under load (the budget applies to the last). */
  concurrency: intListFromEnv("BENCH_CONCURRENCY", [1, 8]),
  warmup: intFromEnv("BENCH_WARMUP", 30),
  /** Pages are measured in interleaved rounds, so drift in the machine's speed hits every page alike. */
  rounds: intFromEnv("BENCH_ROUNDS", 5),
  /** Server time budget (p95, ms) for the child record page and the caseload. */
  budgetMs: intFromEnv("BENCH_BUDGET_MS", 200),
  /** Over budget fails the run only when asked: on a shared two-CPU machine the loaded times mostly measure the queue. */
  enforceBudget: process.env.BENCH_ENFORCE_BUDGET === "1",
  skipSeed: process.env.BENCH_SKIP_SEED === "1",
  /** The demo social worker signs in: their caseload is the one measured. */
  email: sw1.email,
  /** The North team's manager, for the team dashboard. */
  managerEmail: tm1.email,
  password: DEMO_PASSWORD,
} as const;

export function benchDatabaseUrl(): string {
  const url = new URL(BENCH.adminUrl);
  url.pathname = `/${BENCH.dbName}`;
  return url.toString();
}
