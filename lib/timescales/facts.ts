// The facts the statutory clock needs, for a whole set of children in one set-based query (the
// current period of care and placement, reviews held, statutory visits, health assessments,
// approved care plans, PEP meetings), never one query per child. The rules (./rules) then turn
// each child's facts into due dates with their explanations.
import { sql, type SQL } from "drizzle-orm";
import { rowsOf, type Queryable } from "@/db/client";
import type { ChildClockFacts } from "./rules";

export interface ClockRow extends ChildClockFacts {
  childId: string;
  reference: string;
  name: string;
  teamId: string;
  allocatedWorkerId: string | null;
  iroId: string | null;
}

interface RawRow {
  child_id: string;
  reference: string;
  name: string;
  team_id: string;
  allocated_worker_id: string | null;
  iro_id: string | null;
  date_of_birth: string;
  period_start: string | null;
  placement_start: string | null;
  placement: string | null;
  legal_status: string | null;
  held: string[] | null;
  visits: string[] | null;
  health_dates: string[] | null;
  health_initial: boolean[] | null;
  approvals: string[] | null;
  peps: string[] | null;
}

const isoDate = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));
const dates = (v: unknown): string[] => {
  if (!v) return [];
  if (Array.isArray(v)) return v.map(isoDate);
  // PGlite and postgres-js both return arrays; a text literal "{a,b}" is parsed as a fallback.
  return String(v)
    .replace(/^\{|\}$/g, "")
    .split(",")
    .filter(Boolean)
    .map(isoDate);
};

/** The clock's facts for every child `scope` selects (a condition on `children`). */
export async function clockFacts(db: Queryable, scope: SQL): Promise<ClockRow[]> {
  // One statement, planned once: each child's current episode, period and placement by lateral
  // lookups on the child's own index, and each list of dates as a subquery on the child's rows, so
  // the cost grows with the children in scope (one child for a record page, a caseload for a tray,
  // the authority for the due-date pass), never with the size of the tables.
  const result = await db.execute(sql`
    select children.id as child_id, children.reference, children.first_name || ' ' || children.last_name as name,
      children.team_id, children.allocated_worker_id, children.iro_id, children.date_of_birth::text,
      period.period_start::text, placed.placement_start::text, cur.placement, cur.legal_status,
      (select array_agg(r.held_on order by r.held_on) from reviews r
        where r.child_id = children.id and r.superseded_at is null and r.deleted_at is null
          and r.status <> 'scheduled' and r.held_on >= period.period_start) as held,
      (select array_agg(v.occurred_on order by v.occurred_on) from record_entries v
        where v.child_id = children.id and v.section = 'visits' and v.is_latest and v.confidentiality <> 'sealed'
          and v.deleted_at is null and v.data ->> 'visitType' = 'Statutory visit'
          and v.occurred_on >= placed.placement_start) as visits,
      health.dates as health_dates, health.initial as health_initial,
      (select array_agg((p.approved_at at time zone 'Europe/London')::date order by p.approved_at) from record_entries p
        where p.child_id = children.id and p.approved_at is not null and p.section = 'carePlan'
          and p.deleted_at is null) as approvals,
      (select array_agg((e.data ->> 'pepDate')::date order by e.data ->> 'pepDate') from record_entries e
        where e.child_id = children.id and e.section = 'education' and e.is_latest and e.confidentiality <> 'sealed'
          and e.deleted_at is null and e.data ->> 'pepDate' ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$') as peps
    from children
      left join lateral (
        select e.start_date, e.placement, e.legal_status from episodes e
        where e.child_id = children.id and e.superseded_at is null and e.deleted_at is null and e.end_date is null
        order by e.start_date desc, e.started_at desc limit 1
      ) cur on true
      left join lateral (
        select max(e.start_date) as period_start from episodes e
        where e.child_id = children.id and e.superseded_at is null and e.deleted_at is null
          and e.reason_new_episode = 'S' and e.start_date <= cur.start_date
      ) period on true
      left join lateral (
        select max(e.start_date) as placement_start from episodes e
        where e.child_id = children.id and e.superseded_at is null and e.deleted_at is null
          and e.reason_new_episode <> 'L' and e.start_date >= period.period_start
      ) placed on true
      left join lateral (
        -- Both lists in the same order, ties included, so dates[i] and initial[i] are one assessment.
        select array_agg(h.occurred_on order by h.occurred_on, h.id) as dates,
          array_agg(h.data ->> 'assessmentType' = 'Initial health assessment' order by h.occurred_on, h.id) as initial
        from record_entries h
        where h.child_id = children.id and h.section = 'health' and h.is_latest and h.confidentiality <> 'sealed'
          and h.deleted_at is null and h.data ->> 'assessmentType' in ('Initial health assessment', 'Review health assessment')
      ) health on true
    where ${scope}
    order by name`);
  return rowsOf<RawRow>(result).map((r) => {
    const healthDates = dates(r.health_dates);
    const initial = Array.isArray(r.health_initial) ? r.health_initial : [];
    return {
      childId: r.child_id,
      reference: r.reference,
      name: r.name,
      teamId: r.team_id,
      allocatedWorkerId: r.allocated_worker_id,
      iroId: r.iro_id,
      dateOfBirth: isoDate(r.date_of_birth),
      periodStart: r.period_start ? isoDate(r.period_start) : null,
      placementStart: r.placement_start ? isoDate(r.placement_start) : null,
      placement: r.placement,
      legalStatus: r.legal_status,
      reviewsHeld: dates(r.held),
      earlyReviewBy: null,
      visitsSincePlacement: dates(r.visits),
      healthAssessments: healthDates.map((date, i) => ({ date, initial: Boolean(initial[i]) })),
      carePlanApprovals: dates(r.approvals),
      peps: dates(r.peps),
    };
  });
}
