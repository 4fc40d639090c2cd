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
  const result = await db.execute(sql`
    with kids as (
      select id, reference, first_name || ' ' || last_name as name, team_id, allocated_worker_id, iro_id,
        date_of_birth
      from children where ${scope}
    ),
    cur as (
      select distinct on (e.child_id) e.child_id, e.start_date, e.placement, e.legal_status
      from episodes e join kids k on k.id = e.child_id
      where e.superseded_at is null and e.deleted_at is null and e.end_date is null
      order by e.child_id, e.start_date desc, e.started_at desc
    ),
    period as (
      select e.child_id, max(e.start_date) as period_start
      from episodes e join cur on cur.child_id = e.child_id
      where e.superseded_at is null and e.deleted_at is null and e.reason_new_episode = 'S' and e.start_date <= cur.start_date
      group by e.child_id
    ),
    placed as (
      select e.child_id, max(e.start_date) as placement_start
      from episodes e join period p on p.child_id = e.child_id
      where e.superseded_at is null and e.deleted_at is null and e.reason_new_episode <> 'L' and e.start_date >= p.period_start
      group by e.child_id
    ),
    held as (
      select r.child_id, array_agg(r.held_on order by r.held_on) as held
      from reviews r join period p on p.child_id = r.child_id
      where r.superseded_at is null and r.deleted_at is null and r.status <> 'scheduled' and r.held_on >= p.period_start
      group by r.child_id
    ),
    visits as (
      select v.child_id, array_agg(v.occurred_on order by v.occurred_on) as visits
      from record_entries v join placed pl on pl.child_id = v.child_id
      where v.section = 'visits' and v.is_latest and v.confidentiality <> 'sealed' and v.deleted_at is null
        and v.data ->> 'visitType' = 'Statutory visit' and v.occurred_on >= pl.placement_start
      group by v.child_id
    ),
    health as (
      select h.child_id, array_agg(h.occurred_on order by h.occurred_on) as dates,
        array_agg(h.data ->> 'assessmentType' = 'Initial health assessment' order by h.occurred_on) as initial
      from record_entries h join kids k on k.id = h.child_id
      where h.section = 'health' and h.is_latest and h.confidentiality <> 'sealed' and h.deleted_at is null
        and h.data ->> 'assessmentType' in ('Initial health assessment', 'Review health assessment')
      group by h.child_id
    ),
    plans as (
      select p.child_id, array_agg((p.approved_at at time zone 'Europe/London')::date order by p.approved_at) as approvals
      from record_entries p join kids k on k.id = p.child_id
      where p.section = 'carePlan' and p.approved_at is not null and p.deleted_at is null
      group by p.child_id
    ),
    peps as (
      select e.child_id, array_agg((e.data ->> 'pepDate')::date order by e.data ->> 'pepDate') as peps
      from record_entries e join kids k on k.id = e.child_id
      where e.section = 'education' and e.is_latest and e.confidentiality <> 'sealed' and e.deleted_at is null
        and e.data ->> 'pepDate' ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
      group by e.child_id
    )
    select k.id as child_id, k.reference, k.name, k.team_id, k.allocated_worker_id, k.iro_id, k.date_of_birth::text,
      p.period_start::text, pl.placement_start::text, cur.placement, cur.legal_status,
      held.held, visits.visits, health.dates as health_dates, health.initial as health_initial, plans.approvals, peps.peps
    from kids k
      left join cur on cur.child_id = k.id
      left join period p on p.child_id = k.id
      left join placed pl on pl.child_id = k.id
      left join held on held.child_id = k.id
      left join visits on visits.child_id = k.id
      left join health on health.child_id = k.id
      left join plans on plans.child_id = k.id
      left join peps on peps.child_id = k.id
    order by k.name`);
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
