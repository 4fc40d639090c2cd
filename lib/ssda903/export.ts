// The SSDA903 return for a collection year, built from the record with no re-keying: one
// set-based query per table over the whole authority (never one per child), every value as the
// Department writes it (dd/mm/yyyy dates, its codes, "" for blank). Which children are in it:
// every child looked after at any time in the year, and care leavers whose 17th to 21st birthday
// fell in it. A record closed as a second record of the same child is never returned.
import { sql, type SQL } from "drizzle-orm";
import { rowsOf, type Queryable } from "@/db/client";
import { ASSESSMENT_TYPES, HEALTH_TYPES } from "@/lib/sections";
import { ageAt as ageOn, buildCtx, isoToDay, parseDate } from "./validate/core";
import {
  emptyTables,
  TABLE_COLUMNS,
  tablesForYear,
  type CollectionYear,
  type Row,
  type TableName,
  type Tables,
} from "./tables";

/** Where in the record a row came from, so a problem can link to the place to fix it. */
export interface RowSource {
  childId: string;
  /** The record's section path under /children/[childId]/ ("" for the overview). */
  section: string;
}

export interface BuiltReturn {
  year: CollectionYear;
  tables: Tables;
  /** For each table, the source of each row (same order as the rows). */
  sources: { [T in TableName]: RowSource[] };
  /** The children in the return: CHILD (the case reference) to the record's id. */
  childIds: Map<string, string>;
}

const ddmmyyyy = (col: SQL) => sql`coalesce(to_char(${col}, 'DD/MM/YYYY'), '')`;
const str = (v: unknown) => (v === null || v === undefined ? "" : String(v));

/** Children with an episode (its latest version) open at any time in the year; never a closed same-child record. */
const lookedAfter = (y: CollectionYear, team: SQL) => sql`
  select distinct e.child_id from episodes e
  join children c on c.id = e.child_id and c.deleted_at is null ${team}
  where e.superseded_at is null and e.deleted_at is null
    and e.start_date <= ${y.end}::date and (e.end_date is null or e.end_date >= ${y.start}::date)
    and not exists (select 1 from same_child_links s where s.sealed_child_id = c.id and s.deleted_at is null)`;

/**
 * Care leavers for OC3: a 17th to 21st birthday in the year, not looked after on it, and looked
 * after on or after their 16th birthday in a period of care that did not end in adoption or death.
 */
const careLeavers = (y: CollectionYear, team: SQL) => sql`
  select c.id as child_id, b.age, (c.date_of_birth + make_interval(years => b.age))::date as birthday
  from children c
  cross join lateral (select generate_series(17, 21) as age) b
  where c.deleted_at is null ${team}
    and (c.date_of_birth + make_interval(years => b.age))::date between ${y.start}::date and ${y.end}::date
    and not exists (select 1 from same_child_links s where s.sealed_child_id = c.id and s.deleted_at is null)
    and exists (
      select 1 from episodes e where e.child_id = c.id and e.superseded_at is null and e.deleted_at is null
        and coalesce(e.end_date, 'infinity'::date) >= (c.date_of_birth + interval '16 years')::date)
    and not exists (
      select 1 from episodes e where e.child_id = c.id and e.superseded_at is null and e.deleted_at is null
        and e.start_date <= (c.date_of_birth + make_interval(years => b.age))::date
        and coalesce(e.end_date, 'infinity'::date) > (c.date_of_birth + make_interval(years => b.age))::date)
    and not exists (
      select 1 from episodes e where e.child_id = c.id and e.superseded_at is null and e.deleted_at is null
        and e.reason_ceased in ('E11', 'E12', 'E2'))`;

async function query(db: Queryable, q: SQL): Promise<Array<Record<string, unknown>>> {
  return rowsOf<Record<string, unknown>>(await db.execute(q));
}

function rowOf<T extends TableName>(table: T, values: Record<string, unknown>): Row<T> {
  return Object.fromEntries(TABLE_COLUMNS[table].map((c) => [c, str(values[c])])) as Row<T>;
}

/**
 * The whole authority's return, or (for the data-quality page) only one team's children: the
 * Department's rules look at one child at a time, so a team's part checks the same as the whole.
 */
export async function buildReturn(
  db: Queryable,
  year: CollectionYear,
  scope: { teamId?: string } = {},
): Promise<BuiltReturn> {
  const y = year;
  const team = scope.teamId ? sql`and c.team_id = ${scope.teamId}` : sql``;
  const lookedAfterInYear = (yr: CollectionYear) => lookedAfter(yr, team);
  const careLeaversInYear = (yr: CollectionYear) => careLeavers(yr, team);
  const inReturn = sql`(${lookedAfterInYear(y)} union select child_id from (${careLeaversInYear(y)}) l)`;
  const [header, episodes, reviews, uasc, health, leavers, adoption, permanence, missing, spells, dolo] =
    await Promise.all([
      query(
        db,
        sql`select c.id as child_id, c.reference as "CHILD", c.sex as "SEX", ${ddmmyyyy(sql`c.date_of_birth`)} as "DOB",
          c.ethnicity as "ETHNIC", coalesce(c.upn, '') as "UPN",
          -- A mother in the year: her first child was born by its end; one born since is next year's.
          case when c.is_mother is true and c.mother_child_dob <= ${y.end}::date then '1'
            when c.is_mother is not null then '0' else '' end as "MOTHER",
          case when c.is_mother is true and c.mother_child_dob <= ${y.end}::date
            then ${ddmmyyyy(sql`c.mother_child_dob`)} else '' end as "MC_DOB"
        from children c where c.id in ${inReturn} order by c.reference`,
      ),
      query(
        db,
        sql`select e.child_id, c.reference as "CHILD", ${ddmmyyyy(sql`e.start_date`)} as "DECOM",
          e.reason_new_episode as "RNE", e.legal_status as "LS", e.category_of_need as "CIN", e.placement as "PLACE",
          coalesce(e.placement_provider, '') as "PLACE_PROVIDER",
          case when e.end_date <= ${y.end}::date then ${ddmmyyyy(sql`e.end_date`)} else '' end as "DEC",
          case when e.end_date <= ${y.end}::date then e.reason_ceased else '' end as "REC",
          case when e.end_date <= ${y.end}::date then coalesce(e.reason_place_change, '') else '' end as "REASON_PLACE_CHANGE",
          coalesce(e.home_postcode, '') as "HOME_POST", coalesce(e.placement_postcode, '') as "PL_POST",
          coalesce(e.urn, '') as "URN"
        from episodes e join children c on c.id = e.child_id
        where e.superseded_at is null and e.deleted_at is null and e.child_id in (${lookedAfterInYear(y)})
          and e.start_date <= ${y.end}::date and (e.end_date is null or e.end_date >= ${y.start}::date)
        order by c.reference, e.start_date, e.started_at`,
      ),
      query(
        db,
        sql`select r.child_id, c.reference as "CHILD", ${ddmmyyyy(sql`c.date_of_birth`)} as "DOB",
          ${ddmmyyyy(sql`r.held_on`)} as "REVIEW", r.participation as "REVIEW_CODE"
        from reviews r join children c on c.id = r.child_id
        where r.superseded_at is null and r.deleted_at is null and r.status <> 'scheduled'
          and r.held_on between ${y.start}::date and ${y.end}::date and r.child_id in (${lookedAfterInYear(y)})
        order by c.reference, r.held_on`,
      ),
      query(
        db,
        sql`select u.child_id, c.reference as "CHILD", c.sex as "SEX", ${ddmmyyyy(sql`c.date_of_birth`)} as "DOB",
          case when u.ceased_date <= ${y.end}::date then ${ddmmyyyy(sql`u.ceased_date`)} else '' end as "DUC"
        from uasc_statuses u join children c on c.id = u.child_id
        where u.deleted_at is null and u.since_date <= ${y.end}::date
          and (u.ceased_date is null or u.ceased_date >= ${y.start}::date) and u.child_id in ${inReturn}
        order by c.reference`,
      ),
      // The OC2 facts of every child from their health and assessment entries in the year (latest versions).
      query(
        db,
        sql`select e.child_id,
          bool_or(e.section = 'health' and e.data->>'assessmentType' in ('Initial health assessment', 'Review health assessment')) as assessed,
          bool_or(e.section = 'health' and e.data->>'assessmentType' = 'Dental check') as teeth,
          bool_or(e.section = 'health' and e.data->>'assessmentType' = ${HEALTH_TYPES.development} and e.data->>'developmentUpToDate' = 'Yes') as development,
          (array_agg(e.data->>'immunisationsUpToDate' order by e.occurred_on desc)
            filter (where e.section = 'health' and e.data->>'assessmentType' = 'Immunisations'))[1] as immunisations,
          (array_agg(e.data->>'sdqOutcome' order by e.occurred_on desc)
            filter (where e.section = 'health' and e.data->>'assessmentType' = ${HEALTH_TYPES.sdq}))[1] as sdq_outcome,
          (array_agg(e.data->>'sdqScore' order by e.occurred_on desc)
            filter (where e.section = 'health' and e.data->>'assessmentType' = ${HEALTH_TYPES.sdq}))[1] as sdq_score,
          (array_agg(e.data->>'substanceMisuse' order by e.occurred_on desc)
            filter (where e.section = 'health' and e.data->>'assessmentType' = ${HEALTH_TYPES.substance}))[1] as substance,
          (array_agg(e.data->>'interventionOffered' order by e.occurred_on desc)
            filter (where e.section = 'health' and e.data->>'assessmentType' = ${HEALTH_TYPES.substance}))[1] as offered,
          (array_agg(e.data->>'interventionReceived' order by e.occurred_on desc)
            filter (where e.section = 'health' and e.data->>'assessmentType' = ${HEALTH_TYPES.substance}))[1] as received,
          bool_or(e.section = 'assessments' and e.data->>'assessmentType' = ${ASSESSMENT_TYPES.conviction}) as convicted
        from record_entries e
        where e.is_latest and e.deleted_at is null and e.sealed_reason is null and e.status = 'recorded'
          and e.section in ('health', 'assessments') and e.occurred_on between ${y.start}::date and ${y.end}::date
          and e.child_id in (${lookedAfterInYear(y)})
        group by e.child_id`,
      ),
      query(
        db,
        sql`select l.child_id, c.reference as "CHILD", ${ddmmyyyy(sql`c.date_of_birth`)} as "DOB", l.age,
          coalesce(k.in_touch, '') as "IN_TOUCH",
          -- Not in touch: the Department's 0; died or returned home: blank.
          coalesce(k.activity, case when k.in_touch in ('NO', 'REFU', 'NREQ') then '0' else '' end) as "ACTIV",
          coalesce(k.accommodation, case when k.in_touch in ('NO', 'REFU', 'NREQ') then '0' else '' end) as "ACCOM"
        from (${careLeaversInYear(y)}) l join children c on c.id = l.child_id
        left join lateral (
          select in_touch, activity, accommodation from care_leaver_contacts k
          where k.child_id = l.child_id and k.age = l.age and k.superseded_at is null and k.deleted_at is null
          order by k.created_at desc limit 1) k on true
        order by c.reference`,
      ),
      query(
        db,
        sql`select a.child_id, c.reference as "CHILD", ${ddmmyyyy(sql`c.date_of_birth`)} as "DOB",
          ${ddmmyyyy(sql`a.decision_on`)} as "DATE_PLACED", ${ddmmyyyy(sql`a.reversed_on`)} as "DATE_PLACED_CEASED",
          coalesce(a.reversed_reason, '') as "REASON_PLACED_CEASED",
          ${ddmmyyyy(sql`a.decision_on`)} as "DATE_INT", ${ddmmyyyy(sql`a.matched_on`)} as "DATE_MATCH",
          case when a.adopted_by_foster_carer then '1' when a.adopted_by_foster_carer is false then '0' else '' end as "FOSTER_CARE",
          coalesce(a.number_of_adopters::text, '') as "NB_ADOPTR", coalesce(a.adopters_sex, '') as "SEX_ADOPTR",
          coalesce(a.adopters_legal_status, '') as "LS_ADOPTR",
          exists (select 1 from episodes e where e.child_id = a.child_id and e.superseded_at is null and e.deleted_at is null
            and e.reason_ceased in ('E11', 'E12') and e.end_date between ${y.start}::date and ${y.end}::date) as adopted
        from adoption_milestones a join children c on c.id = a.child_id
        where a.superseded_at is null and a.deleted_at is null and a.decision_on <= ${y.end}::date
          and (a.reversed_on is null or a.reversed_on >= ${y.start}::date) and a.child_id in (${lookedAfterInYear(y)})
        order by c.reference`,
      ),
      // Previous permanence: asked of every child who started to be looked after in the year.
      query(
        db,
        sql`select c.id as child_id, c.reference as "CHILD", ${ddmmyyyy(sql`c.date_of_birth`)} as "DOB",
          coalesce(c.previous_permanence, '') as "PREV_PERM",
          case when c.previous_permanence in ('P1', 'P2', 'P3') then coalesce(c.previous_permanence_la, '') else '' end as "LA_PERM",
          case when c.previous_permanence in ('P1', 'P2', 'P3') then ${ddmmyyyy(sql`c.previous_permanence_date`)} else '' end as "DATE_PERM"
        from children c
        where c.id in (select e.child_id from episodes e where e.superseded_at is null and e.deleted_at is null
            and e.reason_new_episode = 'S' and e.start_date between ${y.start}::date and ${y.end}::date)
          and c.id in (${lookedAfterInYear(y)})
        order by c.reference`,
      ),
      query(
        db,
        sql`select m.child_id, c.reference as "CHILD", ${ddmmyyyy(sql`c.date_of_birth`)} as "DOB", m.kind as "MISSING",
          ${ddmmyyyy(sql`m.start_date`)} as "MIS_START",
          case when m.end_date <= ${y.end}::date then ${ddmmyyyy(sql`m.end_date`)} else '' end as "MIS_END"
        from missing_episodes m join children c on c.id = m.child_id
        where m.deleted_at is null and m.start_date <= ${y.end}::date
          and (m.end_date is null or m.end_date >= ${y.start}::date) and m.child_id in (${lookedAfterInYear(y)})
        order by c.reference, m.started_at`,
      ),
      query(
        db,
        // SW_REASON is why the child's social worker changed to this one: the reason the spell
        // before it ended (blank for the child's first spell).
        sql`select a.child_id, c.reference as "CHILD", ${ddmmyyyy(sql`c.date_of_birth`)} as "DOB",
          coalesce(u.sw_id, '') as "SW_ID", ${ddmmyyyy(sql`a.start_date`)} as "SW_DECOM",
          case when a.end_date <= ${y.end}::date then ${ddmmyyyy(sql`a.end_date`)} else '' end as "SW_DEC",
          coalesce(a.changed_because, '') as "SW_REASON"
        from (
          select s.*, lag(s.end_reason) over (partition by s.child_id order by s.start_date, s.created_at) as changed_because
          from allocations s where s.kind = 'social_worker' and s.deleted_at is null
            and s.child_id in (${lookedAfterInYear(y)})
        ) a join children c on c.id = a.child_id join users u on u.id = a.user_id
        where a.start_date <= ${y.end}::date and (a.end_date is null or a.end_date >= ${y.start}::date)
        order by c.reference, a.start_date`,
      ),
      tablesForYear(y).includes("dolo")
        ? query(
            db,
            sql`select e.child_id, c.reference as "CHILD", ${ddmmyyyy(sql`c.date_of_birth`)} as "DOB",
              ${ddmmyyyy(sql`e.occurred_on`)} as "DOLO_START",
              case when (e.data->>'expiresOn') ~ '^\\d{4}-\\d{2}-\\d{2}$' and (e.data->>'expiresOn')::date <= ${y.end}::date
                then to_char((e.data->>'expiresOn')::date, 'DD/MM/YYYY') else '' end as "DOLO_END"
            from record_entries e join children c on c.id = e.child_id
            where e.is_latest and e.deleted_at is null and e.sealed_reason is null and e.section = 'courtOrders'
              and e.data->>'orderType' = 'Deprivation of liberty order' and e.occurred_on <= ${y.end}::date
              and e.child_id in (${lookedAfterInYear(y)})
            order by c.reference, e.occurred_on`,
          )
        : Promise.resolve([]),
    ]);

  const tables = emptyTables();
  const sources = Object.fromEntries(Object.keys(tables).map((t) => [t, []])) as unknown as BuiltReturn["sources"];
  const childIds = new Map<string, string>();
  const push = <T extends TableName>(table: T, values: Record<string, unknown>, section: string) => {
    (tables[table] as Row<T>[]).push(rowOf(table, values));
    sources[table].push({ childId: str(values.child_id), section });
  };
  for (const r of header) {
    childIds.set(str(r.CHILD), str(r.child_id));
    push("header", r, "");
  }
  for (const r of episodes) push("episodes", r, "episodes");
  for (const r of reviews) push("reviews", r, "reviews");
  for (const r of uasc) push("uasc", r, "episodes");
  for (const r of leavers) push("oc3", r, "episodes");
  for (const r of adoption) {
    push("placed_for_adoption", r, "episodes");
    if (r.adopted === true) push("ad1", r, "episodes");
  }
  for (const r of permanence) push("previous_permanence", r, "");
  for (const r of missing) push("missing", r, "episodes");
  for (const r of spells) push("sw_episodes", r, "episodes");
  for (const r of dolo) push("dolo", r, "court-orders");

  // OC2 for the children looked after for 12 months at 31 March, as the Department derives them from the episodes.
  const twelveMonths = buildCtx(tables, y).cla;
  const facts = new Map(health.map((h) => [str(h.child_id), h]));
  const yes = (v: unknown) => (v === true || v === "Yes" ? "1" : "0");
  for (const h of tables.header) {
    if (!twelveMonths.has(h.CHILD)) continue;
    const childId = childIds.get(h.CHILD) ?? "";
    const f = facts.get(childId) ?? {};
    // Ages as the Department counts them (birthdays), with the validator's own date arithmetic.
    const dob = parseDate(h.DOB);
    const ageAt = (iso: string) => (dob === null ? -1 : ageOn(dob, isoToDay(iso)));
    const age = ageAt(y.end);
    // The SDQ is asked of children who are 4 by the end of the year and not yet 17 at its start.
    const sdqAge = age >= 4 && ageAt(y.start) < 17;
    const sdqOutcome = str(f.sdq_outcome);
    const substance = str(f.substance) === "Yes";
    push(
      "oc2",
      {
        child_id: childId,
        CHILD: h.CHILD,
        DOB: h.DOB,
        SDQ_SCORE: sdqAge && sdqOutcome === "Completed" ? str(f.sdq_score) : "",
        SDQ_REASON: sdqAge && sdqOutcome && sdqOutcome !== "Completed" ? sdqOutcome : "",
        CONVICTED: age >= 10 ? yes(f.convicted) : "",
        HEALTH_CHECK: age < 5 ? yes(f.development) : "",
        IMMUNISATIONS: yes(f.immunisations),
        TEETH_CHECK: yes(f.teeth),
        HEALTH_ASSESSMENT: yes(f.assessed),
        SUBSTANCE_MISUSE: substance ? "1" : "0",
        INTERVENTION_RECEIVED: substance && str(f.offered) === "Yes" ? yes(f.received) : "",
        INTERVENTION_OFFERED: substance ? yes(f.offered) : "",
      },
      "health",
    );
  }
  return { year: y, tables, sources, childIds };
}
