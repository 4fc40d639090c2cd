// Each person's work tray: what is due soon and overdue for the children they work with, sorted
// by urgency, each item linking to the place to do it and saying why it is due. Social workers
// see their own children's statutory clock and the recommendations they own; team managers their
// team's, with care plans waiting for approval and CP and CLA marker tasks; IROs their children's
// reviews and the recommendations they own; IROs and team managers the open stages of disputes
// about their children's care plans. One set-based query per list, never one per child.
// The statutory clock's facts may come from the report replica; whose children a tray lists, and
// the lists people act on at once (approvals, markers, recommendations, disputes), come from the primary.
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { children, iroDisputes, iroDisputeStages, recordEntries, reviewRecommendations } from "@/db/schema";
import type { Actor } from "@/lib/access";
import { todayIso } from "@/lib/dates";
import { env } from "@/lib/env";
import { teamMarkerTasks } from "@/lib/episodes/queries";
import { STAGE_LABELS, stageDueExplanation } from "@/lib/reviews/dispute-rules";
import { sectionHref, type RecordSection } from "@/lib/sections";
import { clockFacts } from "@/lib/timescales/facts";
import { dueItems, urgency, type DueKind, type Urgency } from "@/lib/timescales/rules";

export interface TrayItem {
  key: string;
  childId: string;
  childName: string;
  reference: string;
  title: string;
  dueDate: string;
  urgency: Urgency;
  explanation: string;
  href: string;
}

const WHERE: Record<DueKind, { section: RecordSection; suffix: string }> = {
  carePlan: { section: "carePlan", suffix: "" },
  placementPlan: { section: "carePlan", suffix: "" },
  review: { section: "reviews", suffix: "" },
  visit: { section: "visits", suffix: "/new" },
  healthAssessment: { section: "health", suffix: "/new" },
  pep: { section: "education", suffix: "/new" },
};

const ORDER: Record<Urgency, number> = { overdue: 0, "due soon": 1, upcoming: 2, "met late": 3, met: 4 };
const byUrgency = (a: TrayItem, b: TrayItem) =>
  ORDER[a.urgency] - ORDER[b.urgency] || a.dueDate.localeCompare(b.dueDate);

/** The children whose statutory clock this person watches, and which of its items. */
function trayScope(actor: Actor): { scope: SQL; kinds: readonly DueKind[] } | null {
  const live = sql`${children.deletedAt} is null`;
  switch (actor.role) {
    case "social_worker":
      return {
        scope: and(live, eq(children.allocatedWorkerId, actor.id)) as SQL,
        kinds: Object.keys(WHERE) as DueKind[],
      };
    case "team_manager":
      return actor.teamId
        ? { scope: and(live, eq(children.teamId, actor.teamId)) as SQL, kinds: Object.keys(WHERE) as DueKind[] }
        : null;
    case "iro":
      return { scope: and(live, eq(children.iroId, actor.id)) as SQL, kinds: ["review"] };
    default:
      return null;
  }
}

/** Where a tray reads: `reports` for the statutory clock's facts (the report replica, if any), `db` otherwise. */
export interface TrayOptions {
  now?: Date;
  reports?: Queryable;
}

/**
 * The children `scope` selects, as a condition the report database can run. Which children a
 * person's tray lists is an access decision, so it is made on the primary; a replica only
 * supplies their facts. On one database the scope stays inside the facts' own query.
 */
async function decidedOnPrimary(db: Queryable, reports: Queryable, scope: SQL): Promise<SQL> {
  if (reports === db) return scope;
  const ids = await db.select({ id: children.id }).from(children).where(scope);
  return ids.length > 0
    ? inArray(
        children.id,
        ids.map((c) => c.id),
      )
    : sql`false`;
}

export async function statutoryTray(db: Queryable, actor: Actor, options: TrayOptions = {}): Promise<TrayItem[]> {
  const { now = new Date(), reports = db } = options;
  const scope = trayScope(actor);
  if (!scope) return [];
  const today = todayIso(now);
  const rows = await clockFacts(reports, await decidedOnPrimary(db, reports, scope.scope));
  const out: TrayItem[] = [];
  for (const row of rows) {
    for (const item of dueItems(row, today)) {
      if (!scope.kinds.includes(item.kind)) continue;
      const u = urgency(item, today, env.DUE_SOON_WORKING_DAYS);
      // What is met, even late, is history for the compliance table, not work to do.
      if (u === "upcoming" || u === "met" || u === "met late") continue;
      const where = WHERE[item.kind];
      out.push({
        key: `${row.childId}:${item.kind}`,
        childId: row.childId,
        childName: row.name,
        reference: row.reference,
        title: item.title,
        dueDate: item.dueDate,
        urgency: u,
        explanation: item.explanation,
        href: `${sectionHref(row.childId, where.section)}${where.suffix}`,
      });
    }
  }
  return out.sort(byUrgency);
}

/** The open decisions and recommendations this person owns, soonest first, with how urgent each is. */
export async function ownedRecommendations(db: Queryable, actor: Actor, now = new Date()): Promise<TrayItem[]> {
  const today = todayIso(now);
  const rows = await db
    .select({
      id: reviewRecommendations.id,
      kind: reviewRecommendations.kind,
      text: reviewRecommendations.text,
      dueDate: reviewRecommendations.dueDate,
      childId: children.id,
      firstName: children.firstName,
      lastName: children.lastName,
      reference: children.reference,
    })
    .from(reviewRecommendations)
    .innerJoin(children, eq(children.id, reviewRecommendations.childId))
    .where(and(eq(reviewRecommendations.ownerId, actor.id), eq(reviewRecommendations.status, "open")))
    .orderBy(asc(reviewRecommendations.dueDate))
    .limit(200);
  return rows.map((r) => ({
    key: r.id,
    childId: r.childId,
    childName: `${r.firstName} ${r.lastName}`,
    reference: r.reference,
    title: `${r.kind === "decision" ? "Review decision" : "Review recommendation"}: ${r.text}`,
    dueDate: r.dueDate,
    urgency: urgency({ dueDate: r.dueDate, metOn: null }, today, env.DUE_SOON_WORKING_DAYS),
    explanation: `Due by ${r.dueDate.split("-").reverse().join("/")}, the date the review set`,
    href: sectionHref(r.childId, "reviews"),
  }));
}

/**
 * The open stage of each unresolved dispute about a care plan: on the tray of the child's IRO (who
 * runs it) and of the manager of the child's team (whose service answers it), most urgent first.
 */
export async function openDisputeStages(db: Queryable, actor: Actor, now = new Date()): Promise<TrayItem[]> {
  const scope =
    actor.role === "iro"
      ? eq(children.iroId, actor.id)
      : actor.role === "team_manager" && actor.teamId
        ? eq(children.teamId, actor.teamId)
        : null;
  if (!scope) return [];
  const today = todayIso(now);
  const rows = await db
    .select({
      stage: iroDisputeStages,
      raisedOn: iroDisputes.raisedOn,
      disputeLimit: iroDisputes.timeLimitWorkingDays,
      concern: iroDisputes.concern,
      childId: children.id,
      firstName: children.firstName,
      lastName: children.lastName,
      reference: children.reference,
    })
    .from(iroDisputeStages)
    .innerJoin(iroDisputes, eq(iroDisputes.id, iroDisputeStages.disputeId))
    .innerJoin(children, eq(children.id, iroDisputeStages.childId))
    .where(
      and(
        scope,
        sql`${iroDisputeStages.outcomeAt} is null`,
        sql`${iroDisputes.resolvedAt} is null`,
        sql`${iroDisputes.deletedAt} is null`,
        sql`${children.deletedAt} is null`,
      ),
    )
    .orderBy(asc(iroDisputeStages.dueBy))
    .limit(200);
  return rows
    .map((r) => ({
      key: r.stage.id,
      childId: r.childId,
      childName: `${r.firstName} ${r.lastName}`,
      reference: r.reference,
      title: `Care plan dispute, ${STAGE_LABELS[r.stage.stage].toLowerCase()} stage`,
      dueDate: r.stage.dueBy,
      urgency: urgency({ dueDate: r.stage.dueBy, metOn: null }, today, env.DUE_SOON_WORKING_DAYS),
      explanation: stageDueExplanation(r.stage, { raisedOn: r.raisedOn, timeLimitWorkingDays: r.disputeLimit }),
      href: `${sectionHref(r.childId, "reviews")}/monitoring#dispute-${r.stage.disputeId}`,
    }))
    .sort(byUrgency);
}

/** Care plans the team manager's team has submitted for approval, oldest first. */
export async function carePlansAwaitingApproval(db: Queryable, actor: Actor) {
  if (actor.role !== "team_manager" || !actor.teamId) return [];
  return db
    .select({
      childId: children.id,
      firstName: children.firstName,
      lastName: children.lastName,
      reference: children.reference,
      submittedAt: recordEntries.submittedAt,
      version: recordEntries.version,
    })
    .from(recordEntries)
    .innerJoin(children, eq(children.id, recordEntries.childId))
    .where(
      and(
        eq(children.teamId, actor.teamId),
        eq(recordEntries.section, "carePlan"),
        eq(recordEntries.status, "submitted"),
        sql`${recordEntries.deletedAt} is null`,
      ),
    )
    .orderBy(asc(recordEntries.submittedAt))
    .limit(100);
}

export async function workTray(db: Queryable, actor: Actor, options: TrayOptions = {}) {
  const { now = new Date() } = options;
  const [statutory, owned, approvals, markers, disputes] = await Promise.all([
    statutoryTray(db, actor, { ...options, now }),
    ownedRecommendations(db, actor, now),
    carePlansAwaitingApproval(db, actor),
    actor.role === "team_manager" ? teamMarkerTasks(db, actor, now) : Promise.resolve([]),
    openDisputeStages(db, actor, now),
  ]);
  return {
    statutory,
    owned,
    disputes,
    approvals,
    markers: markers.filter((m) => m.state === "open" || m.state === "overdue"),
  };
}
