// Query plans of the pages under test: runs the app's own read functions (lib/) against the bench
// database through a Drizzle logger that captures each statement and its parameters, then
// EXPLAIN (ANALYZE, BUFFERS) each one. A sequential scan of a large table means the page's cost
// grows with the whole authority rather than with one child or one caseload.
import postgres from "postgres";
import { drizzle } from "drizzle-orm/postgres-js";
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client";
import * as schema from "../db/schema";
import { users } from "../db/schema";
import { childAccess, type Actor } from "../lib/access";
import { getChildOverview, listCaseload } from "../lib/children/queries";
import { getChronology } from "../lib/records/chronology";
import { listSectionEntries } from "../lib/records/queries";
import { sameChildReferences } from "../lib/children/same-child";
import { listChildMarkers, listEpisodes, teamAllocationSummary, teamMarkerTasks } from "../lib/episodes/queries";
import { childClock } from "../lib/reviews/queries";
import { teamCompliance } from "../lib/timescales/compliance";
import { statutoryTray } from "../lib/work/queries";

/** Tables that grow with the authority: never read whole for one page. */
export const LARGE_TABLES = [
  "record_entries",
  "children",
  "episodes",
  "audit_events",
  "provider_arrangements",
  "documents",
] as const;

/** Rows one page may reasonably touch in a large table (a child has about 200 entries, a team a few hundred children). */
const ROWS_TOUCHED_LIMIT = 5000;

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Alias?: string;
  "Total Cost"?: number;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Rows Removed by Filter"?: number;
  "Rows Removed by Index Recheck"?: number;
  "Shared Hit Blocks"?: number;
  "Shared Read Blocks"?: number;
  Plans?: PlanNode[];
}
interface ExplainJson {
  Plan: PlanNode;
  "Planning Time": number;
  "Execution Time": number;
}

export interface ScanSummary {
  node: string;
  relation: string;
  index: string | null;
  cost: number;
  rowsTouched: number;
}

export interface QueryPlan {
  query: string;
  label: string;
  executionMs: number;
  planningMs: number;
  sharedBlocks: number;
  scans: ScanSummary[];
  problems: string[];
  text: string;
}

interface Captured {
  label: string;
  query: string;
  params: unknown[];
}

function scansOf(node: PlanNode, out: ScanSummary[] = []): ScanSummary[] {
  if (node["Relation Name"]) {
    const loops = node["Actual Loops"] ?? 1;
    out.push({
      node: node["Node Type"],
      relation: node["Relation Name"],
      index: node["Index Name"] ?? null,
      cost: node["Total Cost"] ?? 0,
      rowsTouched:
        ((node["Actual Rows"] ?? 0) +
          (node["Rows Removed by Filter"] ?? 0) +
          (node["Rows Removed by Index Recheck"] ?? 0)) *
        loops,
    });
  }
  for (const child of node.Plans ?? []) scansOf(child, out);
  return out;
}

function problemsOf(scans: ScanSummary[]): string[] {
  const large = new Set<string>(LARGE_TABLES);
  const problems: string[] = [];
  for (const s of scans) {
    if (!large.has(s.relation)) continue;
    if (s.node.includes("Seq Scan"))
      problems.push(`${s.node} on ${s.relation} (cost ${s.cost.toFixed(0)}, ${s.rowsTouched} rows read)`);
    else if (s.rowsTouched > ROWS_TOUCHED_LIMIT)
      problems.push(`${s.node} on ${s.relation} via ${s.index ?? "?"} reads ${s.rowsTouched} rows`);
  }
  return problems;
}

/** Runs `fn` with a database that records each statement it sends, labelled. */
async function capture(client: postgres.Sql, label: string, fn: (db: Db) => Promise<unknown>): Promise<Captured[]> {
  const captured: Captured[] = [];
  const db = drizzle(client, {
    schema,
    casing: "snake_case",
    logger: { logQuery: (query, params) => captured.push({ label, query, params }) },
  }) as unknown as Db;
  await fn(db);
  return captured;
}

async function explain(client: postgres.Sql, c: Captured): Promise<QueryPlan> {
  const params = c.params as postgres.ParameterOrJSON<never>[];
  const [jsonRow] = await client.unsafe<Array<{ "QUERY PLAN": ExplainJson[] }>>(
    `explain (analyze, buffers, format json) ${c.query}`,
    params,
  );
  const plan = jsonRow?.["QUERY PLAN"][0];
  if (!plan) throw new Error(`no plan for ${c.label}`);
  const textRows = await client.unsafe<Array<{ "QUERY PLAN": string }>>(
    `explain (analyze, buffers) ${c.query}`,
    params,
  );
  const scans = scansOf(plan.Plan);
  return {
    label: c.label,
    query: c.query.replace(/\s+/g, " ").trim(),
    executionMs: plan["Execution Time"],
    planningMs: plan["Planning Time"],
    sharedBlocks: (plan.Plan["Shared Hit Blocks"] ?? 0) + (plan.Plan["Shared Read Blocks"] ?? 0),
    scans,
    problems: problemsOf(scans),
    text: textRows.map((r) => r["QUERY PLAN"]).join("\n"),
  };
}

/** Plans of every read behind the caseload, the child's overview, a section list and the chronology, as the demo social worker. */
export async function explainPages(databaseUrl: string, actorId: string, childId: string): Promise<QueryPlan[]> {
  const client = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const plain = drizzle(client, { schema, casing: "snake_case" }) as unknown as Db;
    const [actor] = await plain
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        role: users.role,
        teamId: users.teamId,
        organisationId: users.organisationId,
      })
      .from(users)
      .where(and(eq(users.id, actorId), eq(users.active, true)));
    if (!actor) throw new Error(`bench actor ${actorId} not found`);
    const access = await childAccess(plain, actor satisfies Actor, childId);
    const [manager] = await plain
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        role: users.role,
        teamId: users.teamId,
        organisationId: users.organisationId,
      })
      .from(users)
      .where(and(eq(users.role, "team_manager"), eq(users.teamId, actor.teamId ?? ""), eq(users.active, true)))
      .limit(1);
    if (!access) throw new Error(`the bench actor cannot open child ${childId}`);

    const captured = [
      ...(await capture(client, "child access check", (db) => childAccess(db, actor, childId))),
      ...(await capture(client, "caseload", (db) => listCaseload(db, actor, {}))),
      ...(await capture(client, "caseload search", (db) => listCaseload(db, actor, { search: "ava" }))),
      ...(await capture(client, "child overview", (db) => getChildOverview(db, actor, access))),
      ...(await capture(client, "section list (visits)", (db) => listSectionEntries(db, actor, access, "visits"))),
      ...(await capture(client, "chronology", (db) => getChronology(db, actor, access, {}))),
      ...(await capture(client, "chronology search", (db) => getChronology(db, actor, access, { search: "football" }))),
      ...(await capture(client, "episodes", (db) => listEpisodes(db, access))),
      ...(await capture(client, "child's markers", (db) => listChildMarkers(db, access))),
      ...(await capture(client, "same-child references", (db) => sameChildReferences(db, childId))),
      ...(await capture(client, "team dashboard: markers", (db) => teamMarkerTasks(db, manager ?? actor))),
      ...(await capture(client, "team dashboard: allocations", (db) => teamAllocationSummary(db, manager ?? actor))),
      // The statutory clock: one child (the reviews page), a caseload (the work tray), a team (compliance).
      ...(await capture(client, "statutory clock: child", (db) => childClock(db, access))),
      ...(await capture(client, "statutory clock: tray", (db) => statutoryTray(db, actor))),
      ...(await capture(client, "team dashboard: compliance", (db) => teamCompliance(db, manager ?? actor))),
    ];
    const plans: QueryPlan[] = [];
    for (const c of captured) plans.push(await explain(client, c));
    return plans;
  } finally {
    await client.end({ timeout: 5 });
  }
}
