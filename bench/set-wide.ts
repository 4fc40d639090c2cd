// Set-wide computations at the bench's scale, timed outside the web server: the statutory clock's
// due dates for every child in the authority, and the SSDA903 return built and validated. Each
// must be one set-based pass, so the bench counts the SQL statements each one issues as well as
// its time (the median of a few runs), and compares the return with a plain COPY of the episodes
// table in the same run, so a slow machine slows both alike.
import { drizzle } from "drizzle-orm/postgres-js";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import type { Db } from "../db/client";
import * as schema from "../db/schema";
import { todayIso } from "../lib/dates";
import { buildReturn } from "../lib/ssda903/export";
import { collectionYearOf } from "../lib/ssda903/queries";
import { validateReturn } from "../lib/ssda903/validate";
import { clockFacts } from "../lib/timescales/facts";
import { dueItems } from "../lib/timescales/rules";

export interface SetWideResult {
  key: string;
  label: string;
  /** Median wall time of the runs, in ms. */
  ms: number;
  /** SQL statements one run issued: a set-based pass issues a handful, never one per child. */
  statements: number;
  /** What it covered, e.g. "5000 children, 61234 due items". */
  covered: string;
  /** Against the plain COPY of the episodes table in the same run, where that comparison is asked for. */
  ratioToCopy?: number;
}

export interface SetWideComputation {
  key: string;
  label: string;
  run: (db: Db) => Promise<string>;
  compareToCopy?: boolean;
}

const RUNS = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Every child's due items today from one query of the clock's facts over the whole authority. */
export const DUE_DATES: SetWideComputation = {
  key: "due-dates",
  label: "Due dates for every child (the statutory clock)",
  async run(db) {
    const facts = await clockFacts(db, sql`true`);
    const today = todayIso();
    let items = 0;
    for (const f of facts) items += dueItems(f, today).length;
    return `${facts.length} children, ${items} due items`;
  },
};

/** The year's SSDA903 return for the whole authority, built (one query per table) and validated. */
export const SSDA903_RETURN: SetWideComputation = {
  key: "ssda903",
  label: "SSDA903 return built and validated",
  compareToCopy: true,
  async run(db) {
    const year = collectionYearOf(todayIso());
    const built = await buildReturn(db, year);
    const problems = validateReturn(built.tables, year);
    return `${built.tables.header.length} children, ${built.tables.episodes.length} episodes, ${problems.length} problems`;
  },
};

export async function timeSetWide(databaseUrl: string, computations: SetWideComputation[]): Promise<SetWideResult[]> {
  let statements = 0;
  const client = postgres(databaseUrl, { max: 2, onnotice: () => {} });
  const db = drizzle(client, {
    schema,
    casing: "snake_case",
    logger: { logQuery: () => void statements++ },
  }) as unknown as Db;
  try {
    // A plain COPY of the episodes table to nowhere: the floor any export of it stands on.
    const copyTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const stream = await client`COPY (SELECT * FROM episodes) TO STDOUT WITH (FORMAT csv)`.readable();
      // The copy stream closes rather than ends, so wait for either (async iteration would hang).
      await new Promise<void>((resolve, reject) => {
        stream.on("data", () => undefined);
        stream.on("end", resolve);
        stream.on("close", resolve);
        stream.on("error", reject);
      });
      copyTimes.push(performance.now() - t0);
    }
    const copyMs = median(copyTimes);
    const results: SetWideResult[] = [
      { key: "copy-episodes", label: "Plain COPY of the episodes table", ms: copyMs, statements: 1, covered: "" },
    ];
    for (const c of computations) {
      const times: number[] = [];
      let covered = "";
      let counted = 0;
      for (let i = 0; i < RUNS; i++) {
        statements = 0;
        const t0 = performance.now();
        covered = await c.run(db);
        times.push(performance.now() - t0);
        counted = statements;
      }
      const ms = median(times);
      results.push({
        key: c.key,
        label: c.label,
        ms,
        statements: counted,
        covered,
        ...(c.compareToCopy ? { ratioToCopy: ms / Math.max(copyMs, 0.001) } : {}),
      });
    }
    return results;
  } finally {
    await client.end({ timeout: 5 });
  }
}

export function printSetWide(results: SetWideResult[]): void {
  console.log("\nSet-wide computations over the whole authority (median of 3 runs, outside the web server):");
  for (const r of results) {
    const ratio = r.ratioToCopy === undefined ? "" : `, ${r.ratioToCopy.toFixed(1)}x the plain COPY`;
    console.log(
      `  ${r.label.padEnd(52)} ${r.ms.toFixed(0).padStart(7)} ms  ${String(r.statements).padStart(3)} SQL statements${ratio}${r.covered ? `  (${r.covered})` : ""}`,
    );
  }
}
