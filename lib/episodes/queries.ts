// Reads of a child's journey (episodes, Child Protection Plans, marker tasks, allocations) and the
// team manager's dashboard: open and breached marker tasks, unallocated children and caseload
// counts, each one set-based query over the team, never one per child.
import { and, asc, desc, eq, isNull, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/client";
import {
  allocations,
  carerRecords,
  childProtectionPlans,
  children,
  episodes,
  markerTasks,
  teams,
  users,
} from "@/db/schema";
import type { Actor, ChildAccess } from "@/lib/access";

export type { MarkerTask } from "@/db/schema";

const actionedBy = alias(users, "actioned_by");

export async function listEpisodes(db: Queryable, access: ChildAccess) {
  return db
    .select({ episode: episodes, carerName: carerRecords.name })
    .from(episodes)
    .leftJoin(carerRecords, eq(carerRecords.id, episodes.carerRecordId))
    .where(and(eq(episodes.childId, access.childId), isNull(episodes.supersededAt), isNull(episodes.deletedAt)))
    .orderBy(desc(episodes.startDate), desc(episodes.startedAt));
}

/**
 * The earlier versions of the child's corrected episodes, with who recorded each version: for
 * each episode (by its first version's id), every version oldest first, the current one last, so
 * each earlier version reads with the correction that replaced it (who, when and why).
 */
export async function listEpisodeVersions(db: Queryable, access: ChildAccess) {
  const recordedBy = alias(users, "recorded_by");
  const rows = await db
    .select({ episode: episodes, carerName: carerRecords.name, recordedBy: recordedBy.name })
    .from(episodes)
    .leftJoin(carerRecords, eq(carerRecords.id, episodes.carerRecordId))
    .leftJoin(recordedBy, eq(recordedBy.id, episodes.createdBy))
    .where(
      and(
        eq(episodes.childId, access.childId),
        isNull(episodes.deletedAt),
        // Only the chains that have been corrected: one with a version after the first.
        sql`exists (select 1 from ${episodes} later where later.episode_id = ${episodes.episodeId} and later.version > 1)`,
      ),
    )
    .orderBy(asc(episodes.episodeId), asc(episodes.version));
  const chains = new Map<string, typeof rows>();
  for (const r of rows) {
    const chain = chains.get(r.episode.episodeId) ?? [];
    chain.push(r);
    chains.set(r.episode.episodeId, chain);
  }
  return chains;
}
export type EpisodeVersion = NonNullable<ReturnType<Awaited<ReturnType<typeof listEpisodeVersions>>["get"]>>[number];

export async function listCpPlans(db: Queryable, access: ChildAccess) {
  return db
    .select()
    .from(childProtectionPlans)
    .where(and(eq(childProtectionPlans.childId, access.childId), isNull(childProtectionPlans.deletedAt)))
    .orderBy(desc(childProtectionPlans.startedAt));
}

export async function listChildMarkers(db: Queryable, access: ChildAccess) {
  return db
    .select({ task: markerTasks, actionedByName: actionedBy.name })
    .from(markerTasks)
    .leftJoin(actionedBy, eq(actionedBy.id, markerTasks.actionedBy))
    .where(eq(markerTasks.childId, access.childId))
    .orderBy(desc(markerTasks.eventAt));
}

export async function listAllocations(db: Queryable, access: ChildAccess) {
  const person = alias(users, "person");
  return db
    .select({ allocation: allocations, name: sql<string | null>`coalesce(${person.name}, ${teams.name})` })
    .from(allocations)
    .leftJoin(person, eq(person.id, allocations.userId))
    .leftJoin(teams, eq(teams.id, allocations.teamId))
    .where(eq(allocations.childId, access.childId))
    .orderBy(desc(allocations.startDate), desc(allocations.createdAt));
}

export type MarkerState = "open" | "overdue" | "actioned" | "actioned late";

export function markerState(task: { dueAt: Date; actionedAt: Date | null }, now: Date = new Date()): MarkerState {
  if (task.actionedAt) return task.actionedAt > task.dueAt ? "actioned late" : "actioned";
  return now > task.dueAt ? "overdue" : "open";
}

/**
 * The team's marker tasks that need a manager: open ones by time left, and breaches (actioned
 * late, or still open past the deadline) with how late. One query over the team's children.
 */
export async function teamMarkerTasks(db: Queryable, actor: Actor, now: Date = new Date()) {
  if (!actor.teamId) return [];
  return db
    .select({
      task: markerTasks,
      childId: children.id,
      reference: children.reference,
      firstName: children.firstName,
      lastName: children.lastName,
      actionedByName: actionedBy.name,
    })
    .from(markerTasks)
    .innerJoin(children, eq(children.id, markerTasks.childId))
    .leftJoin(actionedBy, eq(actionedBy.id, markerTasks.actionedBy))
    .where(
      and(
        eq(children.teamId, actor.teamId),
        or(isNull(markerTasks.actionedAt), sql`${markerTasks.actionedAt} > ${markerTasks.dueAt}`),
      ),
    )
    .orderBy(sql`${markerTasks.actionedAt} is not null`, asc(markerTasks.dueAt))
    .limit(200)
    .then((rows) => rows.map((r) => ({ ...r, state: markerState(r.task, now) })));
}

/** The team's children with no allocated social worker, and each worker's caseload count. */
export async function teamAllocationSummary(db: Queryable, actor: Actor) {
  if (!actor.teamId) return { unallocated: [], caseloads: [] };
  const [unallocated, caseloads] = await Promise.all([
    db
      .select({
        id: children.id,
        reference: children.reference,
        firstName: children.firstName,
        lastName: children.lastName,
      })
      .from(children)
      .where(and(eq(children.teamId, actor.teamId), isNull(children.allocatedWorkerId), isNull(children.deletedAt)))
      .orderBy(asc(children.lastName), asc(children.firstName))
      .limit(100),
    db
      .select({
        id: users.id,
        name: users.name,
        // Per worker through the allocated-worker index: the team's few workers, never the whole table.
        // The outer row's id, named with its table: a bare "id" inside the subquery is the child's own.
        count: sql<number>`(select count(*)::int from ${children} c where c.allocated_worker_id = "users"."id" and c.deleted_at is null)`,
      })
      .from(users)
      .where(and(eq(users.teamId, actor.teamId), eq(users.role, "social_worker"), eq(users.active, true)))
      .orderBy(asc(users.name)),
  ]);
  return { unallocated, caseloads };
}

/** The authority's carer and children's home records, for choosing a placement. */
export async function listCarerChoices(db: Queryable) {
  return db
    .select({ id: carerRecords.id, name: carerRecords.name })
    .from(carerRecords)
    .where(isNull(carerRecords.deletedAt))
    .orderBy(asc(carerRecords.name));
}

/** Who a team manager may allocate: the team's active social workers, and every active IRO. */
export async function allocationChoices(db: Queryable, access: ChildAccess) {
  const [workers, iros] = await Promise.all([
    db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(eq(users.role, "social_worker"), eq(users.teamId, access.teamId), eq(users.active, true)))
      .orderBy(asc(users.name)),
    db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(eq(users.role, "iro"), eq(users.active, true)))
      .orderBy(asc(users.name)),
  ]);
  return { workers, iros };
}

/** The teams a child can be transferred to: every team but the child's own. */
export async function transferChoices(db: Queryable, access: ChildAccess) {
  return db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(and(ne(teams.id, access.teamId), isNull(teams.deletedAt)))
    .orderBy(asc(teams.name));
}
