// Seeds a large fictional authority into a fresh PostgreSQL database for `npm run bench`: the demo
// authority (so its users can sign in), then thousands of children and a million record entries
// generated inside the server with set-based INSERT ... SELECT, which takes seconds, not hours.
// Run alone with `tsx bench/seed-large.ts`; bench/run.ts calls seedLargeAuthority().
import postgres from "postgres";
import { openPostgres } from "../db/client";
import { runMigrations } from "../db/migrate";
import { DEMO_CARERS, DEMO_ORGS, DEMO_TEAMS, demoUserId, seedDemoAuthority } from "../scripts/seed/demo";
import { FIRST_NAMES, LAST_NAMES } from "../scripts/seed/ids";
import type { EntrySection } from "../lib/records/constants";
import { BENCH, benchDatabaseUrl } from "./config";

export interface SeedStats {
  seconds: number;
  children: number;
  episodes: number;
  entries: number;
  sw1Children: number;
  steps: Array<{ step: string; seconds: number }>;
}

/** A SQL string literal; only ever given this file's own constants. */
const lit = (value: string) => `'${value.replace(/'/g, "''")}'`;
const textArray = (values: readonly string[]) => `array[${values.map(lit).join(", ")}]::text[]`;
/** One of `values`, chosen by an integer SQL expression (a per-row random number). */
const pickSql = (values: readonly string[], by: string) => `(${textArray(values)})[1 + (${by}) % ${values.length}]`;

/** Invented, generic case-note sentences: every text in the bench authority is built from these. */
const SENTENCES = [
  "Child was seen at the placement and presented as settled and chatty throughout the visit.",
  "Carers report that sleep has improved since the new bedtime routine was agreed last month.",
  "School attendance has been consistent this term, with good engagement in English and art.",
  "Family time with birth mother went ahead as planned and was described by the supervisor as warm.",
  "Child spoke about wanting more time with their older brother and this will be explored.",
  "Health needs are being met; the dental check is booked and immunisations are up to date.",
  "The placement plan was reviewed with the carers and no changes were needed at this stage.",
  "Child was seen alone in their bedroom and showed the worker drawings made at school.",
  "Some worries about friendships online were discussed and age-appropriate safety advice given.",
  "Personal education plan targets were reviewed with the designated teacher and remain on track.",
  "Birth father did not attend the planned family time and has not given a reason.",
  "The child's wishes and feelings were recorded using the three houses tool.",
  "The Independent Reviewing Officer was updated by telephone after the visit.",
  "Carers asked for support with managing behaviour at weekends; a referral will be made.",
  "Child is enjoying football club on Saturdays and has made a new friend there.",
  "The next statutory visit is due within six weeks and has been booked with the carers.",
] as const;

/** Several sentences chosen by the row's random number `h`: texts of a realistic length (about 300-700 characters). */
function para(count: number, salt: number): string {
  const picks = Array.from(
    { length: count },
    (_, i) => `s.sentences[1 + ((r.h / ${(i + 1) * 7 + salt}) + ${i * 5}) % ${SENTENCES.length}]`,
  );
  return `concat_ws(' ', ${picks.join(", ")})`;
}
const isoDaysFrom = (days: string) => `to_char(r.occurred_on + (${days}), 'YYYY-MM-DD')`;
const childViews = `case when r.h % 4 = 3 then jsonb_build_object('status', 'too_young', 'text', '')
    when r.h % 4 = 2 then jsonb_build_object('status', 'sought_not_given', 'text', '')
    else jsonb_build_object('status', 'given', 'text', ${para(2, 3)}) end`;
const parentViews = `jsonb_build_array(
    jsonb_build_object('name', 'Parent A (fictional)', 'relationship', 'mother', 'status', 'given', 'text', ${para(1, 11)}),
    jsonb_build_object('name', 'Parent B (fictional)', 'relationship', 'father', 'status', 'sought_not_given', 'text', ''))`;

interface SectionShape {
  /** Share of entries out of 100. */
  weight: number;
  title: string;
  data: string;
}

/** Each section's title and fields as lib/records/sections.ts describes them (dates as ISO strings). */
const SECTIONS: Record<Exclude<EntrySection, "duplicates">, SectionShape> = {
  visits: {
    weight: 28,
    title: pickSql(["Statutory visit", "Unannounced visit", "Review visit", "Visit at school"], "r.h / 3"),
    data: `jsonb_build_object('visitor', r.worker_name, 'visitType', ${pickSql(["Statutory visit", "Unannounced visit", "Review visit", "Other"], "r.h / 3")},
      'location', ${pickSql(["Placement", "School", "Family centre", "Park near the placement"], "r.h / 5")}, 'seenAlone', ${pickSql(["Yes", "Yes", "No"], "r.h / 7")},
      'childViews', ${childViews}, 'observations', ${para(5, 1)}, 'actions', ${para(2, 2)})`,
  },
  correspondence: {
    weight: 14,
    title: pickSql(
      [
        "Letter to school",
        "Email from health visitor",
        "Letter from solicitor",
        "Email to carers",
        "Letter to birth mother",
      ],
      "r.h / 3",
    ),
    data: `jsonb_build_object('direction', ${pickSql(["Received", "Sent"], "r.h / 5")}, 'correspondent', ${pickSql(["Designated teacher", "Health visitor", "Family solicitor", "Foster carers"], "r.h / 7")},
      'summary', ${para(3, 4)})`,
  },
  decisions: {
    weight: 10,
    title: pickSql(
      [
        "Agree overnight stays with grandparents",
        "Increase family time to fortnightly",
        "Agree school trip abroad",
        "Change of placement agreed",
        "Agree haircut and ear piercing",
      ],
      "r.h / 3",
    ),
    data: `jsonb_build_object('decision', ${para(2, 5)}, 'decidedBy', ${pickSql(["Team manager", "Independent Reviewing Officer", "Head of service"], "r.h / 5")},
      'reasons', ${para(3, 6)}, 'childViews', ${childViews}, 'parentViews', ${parentViews})`,
  },
  planning: {
    weight: 8,
    title: pickSql(
      [
        "Looked after review report",
        "Request for information to GP",
        "Consultation form for carers",
        "Information sent to IRO",
      ],
      "r.h / 3",
    ),
    data: `jsonb_build_object('purpose', ${pickSql(["Seeking information", "Providing information", "Recording views", "Review report"], "r.h / 5")},
      'fromOrTo', ${pickSql(["GP surgery", "Independent Reviewing Officer", "Foster carers", "School"], "r.h / 7")}, 'summary', ${para(3, 7)},
      'childViews', ${childViews}, 'parentViews', ${parentViews})`,
  },
  health: {
    weight: 8,
    title: pickSql(
      ["Review health assessment", "Dental check", "Optician check", "Immunisations", "Initial health assessment"],
      "r.h / 3",
    ),
    data: `jsonb_build_object('assessmentType', ${pickSql(["Review health assessment", "Dental check", "Optician check", "Immunisations", "Initial health assessment"], "r.h / 3")},
      'assessor', ${pickSql(["Looked after children nurse", "Community paediatrician", "Family dentist"], "r.h / 5")}, 'summary', ${para(3, 8)},
      'recommendations', ${para(1, 9)}, 'nextDue', ${isoDaysFrom("182")})`,
  },
  education: {
    weight: 8,
    title: pickSql(["Personal education plan meeting", "End of term report", "Attendance update"], "r.h / 3"),
    data: `jsonb_build_object('school', ${pickSql(["Northgate Primary (fictional)", "Riverside Academy (fictional)", "St Brendan's High (fictional)"], "r.h / 5")},
      'pepDate', ${isoDaysFrom("0")}, 'nextPepDue', ${isoDaysFrom("120")}, 'attainment', ${para(3, 10)},
      'specialNeeds', ${pickSql(["None identified", "SEN support", "Education, health and care plan", "Being assessed"], "r.h / 7")}, 'attendance', (88 + r.h % 12)::text)`,
  },
  contact: {
    weight: 6,
    title: pickSql(
      ["Family time with mother", "Family time with siblings", "Phone calls with grandparents"],
      "r.h / 3",
    ),
    data: `jsonb_build_object('withWhom', ${pickSql(["Birth mother", "Siblings", "Grandparents", "Birth father"], "r.h / 3")}, 'relationship', ${pickSql(["Mother", "Sister", "Grandmother", "Father"], "r.h / 3")},
      'frequency', ${pickSql(["Fortnightly on Saturdays", "Monthly", "Weekly video call"], "r.h / 5")}, 'supervision', ${pickSql(["Supervised", "Supported", "Unsupervised", "Indirect only (letters, calls)"], "r.h / 7")},
      'venue', 'Family centre', 'restrictions', ${para(1, 12)}, 'childViews', ${childViews})`,
  },
  assessments: {
    weight: 6,
    title: pickSql(["Child and family assessment", "Review of the case", "Risk assessment"], "r.h / 3"),
    data: `jsonb_build_object('assessmentType', ${pickSql(["Child and family assessment", "Review of the case", "Risk assessment", "Parenting assessment"], "r.h / 3")},
      'author', r.worker_name, 'summary', ${para(5, 13)}, 'childViews', ${childViews}, 'parentViews', ${parentViews})`,
  },
  contributions: {
    weight: 5,
    title: pickSql(
      ["My drawing of my family", "Swimming certificate", "Letter to my review", "Photograph from the school trip"],
      "r.h / 3",
    ),
    data: `jsonb_build_object('kind', ${pickSql(["Artwork", "School certificate", "Writing", "Photograph"], "r.h / 3")}, 'description', ${para(1, 14)},
      'originalWith', ${pickSql(["The child", "The authority (copy given to the child)", "The carer"], "r.h / 5")})`,
  },
  carePlan: {
    weight: 3,
    title: "'Care plan'",
    data: `jsonb_build_object('summary', ${para(3, 15)}, 'placementPlan', ${para(2, 16)}, 'healthPlan', ${para(1, 17)}, 'educationPlan', ${para(1, 18)},
      'contactPlan', ${para(1, 19)}, 'childViews', ${childViews})`,
  },
  courtOrders: {
    weight: 2,
    title: pickSql(["Interim care order", "Care order", "Placement order"], "r.h / 3"),
    data: `jsonb_build_object('orderType', ${pickSql(["Interim care order", "Care order", "Placement order"], "r.h / 3")}, 'court', 'Family Court at Demotown (fictional)',
      'caseNumber', 'ZZ' || (10000 + r.h % 89999)::text, 'expiresOn', ${isoDaysFrom("365")}, 'conditions', ${para(1, 20)})`,
  },
  courtReports: {
    weight: 2,
    title: pickSql(["Children's guardian's report", "Social work statement", "Specialist assessment"], "r.h / 3"),
    data: `jsonb_build_object('reportType', ${pickSql(["Children's guardian's report", "Social work statement", "Specialist assessment"], "r.h / 3")},
      'author', 'Children''s guardian (fictional)', 'proceedings', 'Care proceedings', 'summary', ${para(5, 21)})`,
  },
};

const weightedSections = (Object.keys(SECTIONS) as Array<keyof typeof SECTIONS>).flatMap((s) =>
  Array<string>(SECTIONS[s].weight).fill(s),
);
if (weightedSections.length !== 100)
  throw new Error(`section weights must add up to 100 (got ${weightedSections.length})`);
const caseOf = (field: "title" | "data") =>
  `case r.section ${(Object.keys(SECTIONS) as Array<keyof typeof SECTIONS>).map((s) => `when ${lit(s)} then ${SECTIONS[s][field]}`).join("\n    ")} end`;

type Sql = postgres.Sql;

async function recreateDatabase(): Promise<void> {
  const admin = postgres(BENCH.adminUrl, { max: 1, onnotice: () => {} });
  try {
    // The retention hold refuses DELETE and TRUNCATE, so a fresh start is a fresh database.
    await admin.unsafe(`drop database if exists ${BENCH.dbName} with (force)`);
    await admin.unsafe(`create database ${BENCH.dbName}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

export async function benchDatabaseExists(): Promise<boolean> {
  const admin = postgres(BENCH.adminUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await admin`select 1 from pg_database where datname = ${BENCH.dbName}`;
    if (rows.length === 0) return false;
  } finally {
    await admin.end({ timeout: 5 });
  }
  // A database whose seeding was interrupted has no entries yet: treat it as missing.
  const bench = postgres(benchDatabaseUrl(), { max: 1, onnotice: () => {} });
  try {
    const [row] = await bench<Array<{ seeded: boolean }>>`select exists (select 1 from record_entries) as seeded`;
    return row?.seeded ?? false;
  } catch {
    return false;
  } finally {
    await bench.end({ timeout: 5 });
  }
}

/** Brings a reused bench database up to the current migrations (the schema moves on between runs). */
export async function migrateBenchDatabase(): Promise<void> {
  const handle = openPostgres(benchDatabaseUrl(), 1);
  try {
    await runMigrations(handle);
  } finally {
    await handle.close();
  }
}

/** Teams, their workers and managers, and a pool of IROs, all fictional. */
async function insertStaff(sql: Sql): Promise<void> {
  await sql.unsafe(`insert into teams (id, name)
    select pg_temp.bench_id('team:' || t), 'Locality Team ' || t || ' (bench, fictional)' from generate_series(1, ${BENCH.teams}) t`);
  await sql.unsafe(`insert into users (id, email, name, role, team_id)
    select pg_temp.bench_id('tm:' || t), 'bench.manager.' || t || '@bench.invalid', 'Manager ' || t || ' (bench)', 'team_manager'::role, pg_temp.bench_id('team:' || t)
      from generate_series(1, ${BENCH.teams}) t
    union all
    select pg_temp.bench_id('sw:' || t || ':' || k), 'bench.worker.' || t || '.' || k || '@bench.invalid', 'Worker ' || t || '.' || k || ' (bench)', 'social_worker'::role, pg_temp.bench_id('team:' || t)
      from generate_series(1, ${BENCH.teams}) t, generate_series(1, ${BENCH.workersPerTeam}) k
    union all
    select pg_temp.bench_id('iro:' || i), 'bench.iro.' || i || '@bench.invalid', 'IRO ' || i || ' (bench)', 'iro'::role, null
      from generate_series(1, ${BENCH.iros}) i`);
}

/**
 * Children 1..sw1Children are the demo social worker's own caseload in the demo North team, the
 * next 50 belong to their North colleague, and the rest are spread over the bench teams, about one
 * in twenty waiting for allocation.
 */
async function insertChildren(sql: Sql): Promise<void> {
  const north = lit(DEMO_TEAMS.north);
  const sw1 = lit(demoUserId("sw1"));
  const sw2 = lit(demoUserId("sw2"));
  const iro1 = lit(demoUserId("iro1"));
  const northEnd = BENCH.sw1Children + 50;
  await sql.unsafe(`create temp table bench_children as
    select n, pg_temp.bench_id('child:' || n) as id,
      case when n <= ${northEnd} then ${north}::uuid else pg_temp.bench_id('team:' || (1 + n % ${BENCH.teams})) end as team_id,
      case when n <= ${BENCH.sw1Children} then ${sw1}::uuid
           when n <= ${northEnd} then ${sw2}::uuid
           when n % 20 = 0 then null
           else pg_temp.bench_id('sw:' || (1 + n % ${BENCH.teams}) || ':' || (1 + (n / ${BENCH.teams}) % ${BENCH.workersPerTeam})) end as worker_id,
      case when n <= ${BENCH.sw1Children} and n % 2 = 0 then ${iro1}::uuid else pg_temp.bench_id('iro:' || (1 + n % ${BENCH.iros})) end as iro_id,
      current_date - (365 + (random() * 17 * 365)::int) as dob
    from generate_series(1, ${BENCH.children}) n`);
  await sql.unsafe(`insert into children (id, reference, first_name, last_name, preferred_name, date_of_birth, sex, ethnicity, upn, family_address, team_id, allocated_worker_id, iro_id)
    select c.id, 'BENCH-' || lpad(c.n::text, 6, '0'),
      ${pickSql(FIRST_NAMES, "c.n")},
      ${pickSql(LAST_NAMES, `c.n / ${FIRST_NAMES.length}`)} || case when c.n % 3 = 0 then '-' || ${pickSql(LAST_NAMES, "c.n / 7")} else '' end,
      case when c.n % 9 = 4 then left(${pickSql(FIRST_NAMES, "c.n")}, 3) end,
      c.dob, ${pickSql(["F", "M", "F", "M", "U"], "c.n")},
      ${pickSql(["WBRI", "WBRI", "WBRI", "WIRI", "WOTH", "MWBC", "MWBA", "AIND", "APKN", "BCRB", "BAFR", "CHNE", "OOTH"], "c.n / 3")},
      'B' || lpad((900000000000 + c.n)::text, 12, '0'), c.n || ' Example Road, Demotown ZZ9 ' || (c.n % 9) || 'ZZ (fictional)',
      c.team_id, c.worker_id, c.iro_id
    from bench_children c`);
}

/** One to three SSDA903 episodes per child: each change ends one (REC X1) and starts the next; some have left care (E4A). */
async function insertEpisodes(sql: Sql): Promise<void> {
  const places = ["U4", "U6", "U1", "K2", "U6"];
  const providers = ["PR1", "PR4", "PR1", "PR4", "PR1"];
  const carers = [DEMO_CARERS.foster, DEMO_CARERS.foster, null, DEMO_CARERS.home, DEMO_CARERS.foster];
  const carerArray = `array[${carers.map((c) => (c ? `${lit(c)}::uuid` : "null::uuid")).join(", ")}]`;
  await sql.unsafe(`insert into episodes (id, episode_id, child_id, start_date, started_at, reason_new_episode, legal_status, category_of_need, placement, placement_provider,
      end_date, reason_ceased, reason_place_change, home_postcode, placement_postcode, urn, carer_record_id)
    select pg_temp.bench_id('episode:' || c.n || ':' || e), pg_temp.bench_id('episode:' || c.n || ':' || e), c.id, c.base + (e - 1) * c.span,
      ((c.base + (e - 1) * c.span) + time '12:00') at time zone 'Europe/London',
      case when e = 1 then 'S' else 'P' end,
      ${pickSql(["C2", "C2", "C1", "V2", "E1"], "c.n / 5")}, ${pickSql(["N1", "N1", "N1", "N2", "N3", "N4", "N5", "N8"], "c.n / 11")},
      ${pickSql(places, "c.n + e")}, ${pickSql(providers, "c.n + e")},
      case when e < c.cnt then c.base + e * c.span when c.n % 13 = 12 then current_date - 30 end,
      case when e < c.cnt then 'X1' when c.n % 13 = 12 then 'E4A' end,
      case when e < c.cnt then 'CARPL' end,
      'ZZ9 9ZZ', case when (c.n + e) % 5 = 3 then 'ZZ2 2BB' else 'ZZ1 1AA' end,
      case when (c.n + e) % 5 = 3 then 'SC999001' end,
      (${carerArray})[1 + (c.n + e) % 5]
    from (
      select b.n, b.id, 1 + b.n % 3 as cnt, base,
        greatest(1, (current_date - 45 - base) / (1 + b.n % 3)) as span
      from bench_children b, lateral (select greatest(b.dob, current_date - (90 + (b.n * 37) % 1500)) as base) x
    ) c, generate_series(1, c.cnt) e`);
  // A few children placed through the fictional fostering provider, so providers have a caseload too.
  await sql.unsafe(`insert into provider_arrangements (id, arrangement_id, version, child_id, organisation_id, functions, start_date)
    select pg_temp.bench_id('arrangement:' || n), pg_temp.bench_id('arrangement:' || n), 1, id, ${lit(DEMO_ORGS.brightwater)}::uuid,
      'Foster placement and supervising social work for the placement', current_date - (30 + n % 600)
    from bench_children where n % 20 = 7`);
}

/**
 * Every child's allocation spells (team, social worker, IRO), a Child Protection Plan for one in
 * twenty-five, and the CP and CLA marker tasks of each period of care and plan: most actioned in
 * time, one in forty late and one in fifty still open, so the team dashboard has real work to list.
 */
async function insertJourneyRecords(sql: Sql): Promise<void> {
  await sql.unsafe(`insert into allocations (id, child_id, kind, user_id, team_id, start_date)
    select pg_temp.bench_id('alloc:team:' || b.n), b.id, 'team', null, b.team_id, b.dob from bench_children b
    union all
    select pg_temp.bench_id('alloc:sw:' || b.n), b.id, 'social_worker', b.worker_id, null, greatest(b.dob, current_date - 400)
      from bench_children b where b.worker_id is not null
    union all
    select pg_temp.bench_id('alloc:iro:' || b.n), b.id, 'iro', b.iro_id, null, greatest(b.dob, current_date - 400)
      from bench_children b`);
  await sql.unsafe(`insert into child_protection_plans (id, child_id, started_at, start_date, category)
    select pg_temp.bench_id('cp:' || b.n), b.id, (current_date - (b.n % 300)) + time '10:00', current_date - (b.n % 300),
      ${pickSql(["neglect", "physical", "sexual", "emotional", "multiple"], "b.n / 25")}
    from bench_children b where b.n % 25 = 3`);
  const tm = `pg_temp.bench_id('tm:' || (1 + b.n % ${BENCH.teams}))`;
  const manager = `case when b.team_id = ${lit(DEMO_TEAMS.north)}::uuid then ${lit(demoUserId("tm1"))}::uuid else ${tm} end`;
  await sql.unsafe(`insert into marker_tasks (id, child_id, marker, trigger, source_id, event_at, due_at, actioned_by, actioned_at)
    select pg_temp.bench_id('marker:' || s.kind || ':' || s.source_id), s.child_id, s.kind, 'start', s.source_id, s.at, s.at + interval '24 hours',
      case when s.n % 50 <> 0 then ${manager} end,
      case when s.n % 50 = 0 then null when s.n % 40 = 0 then s.at + interval '30 hours' else s.at + interval '3 hours' end
    from (
      select b.n, b.team_id, e.child_id, 'cla' as kind, e.episode_id as source_id, e.started_at as at
        from episodes e join bench_children b on b.id = e.child_id where e.reason_new_episode = 'S'
      union all
      select b.n, b.team_id, p.child_id, 'cp', p.id, p.started_at
        from child_protection_plans p join bench_children b on b.id = p.child_id
    ) s join bench_children b on b.n = s.n`);
}

/** `perChild` entries for each child numbered first..last, spread over up to five years of their life. */
async function insertEntries(sql: Sql, first: number, last: number, perChild: number): Promise<number> {
  const tm1 = lit(demoUserId("tm1"));
  // Innermost: one row per entry with its random numbers (volatile, so evaluated per row): `g`
  // picks section, confidentiality and significance, `h` the texts, so the two are independent.
  const result =
    await sql.unsafe(`insert into record_entries (id, entry_id, version, child_id, section, occurred_on, title, data, confidentiality, status,
      in_chronology, is_latest, significant, child_property, sealed_reason, created_by, created_at, updated_at)
    select r.id, r.id, 1, r.child_id, r.section, r.occurred_on, ${caseOf("title")}, ${caseOf("data")},
      r.confidentiality, case when r.section = 'carePlan' then 'approved' else 'recorded' end,
      true, true, r.g / 100000 % 25 = 0, r.section = 'contributions',
      case when r.confidentiality = 'sealed' then 'Misfiled: recorded on the wrong child''s record (bench)' end,
      r.author, r.at, r.at
    from (
      select x.*, x.section_name as section,
        case when x.section_name in ('courtOrders', 'courtReports') or x.g / 100 % 100 < 3 then 'restricted' when x.g / 100 % 1000 = 7 then 'sealed' else 'standard' end as confidentiality
      from (
        select y.*, (w.weighted)[1 + y.g % 100] as section_name, current_date - y.days_back as occurred_on,
          current_date - y.days_back + time '09:00' + (y.h % 480) * interval '1 minute' as at,
          coalesce(u.name, 'Duty worker') as worker_name
        from (
          select gen_random_uuid() as id, c.id as child_id, coalesce(c.worker_id, ${tm1}::uuid) as author, c.worker_id,
            (random() * 2147483646)::int as h, (random() * 2147483646)::int as g, (random() * least(1825, current_date - c.dob))::int as days_back
          from bench_children c cross join generate_series(1, ${perChild}) k
          where c.n between ${first} and ${last}
        ) y
        cross join (select ${textArray(weightedSections)} as weighted) w
        left join users u on u.id = y.worker_id
      ) x
    ) r
    cross join (select ${textArray(SENTENCES)} as sentences) s`);
  return result.count;
}

/** Every generated foreign key points at a row that exists (the load ran without the triggers that check this). */
async function checkReferences(sql: Sql): Promise<void> {
  const checks: Array<[string, string, string, string]> = [
    ["children", "team_id", "teams", "id"],
    ["children", "allocated_worker_id", "users", "id"],
    ["children", "iro_id", "users", "id"],
    ["episodes", "child_id", "children", "id"],
    ["episodes", "carer_record_id", "carer_records", "id"],
    ["provider_arrangements", "child_id", "children", "id"],
    ["record_entries", "child_id", "children", "id"],
    ["record_entries", "created_by", "users", "id"],
  ];
  for (const [table, column, target, key] of checks) {
    const [row] = await sql.unsafe<Array<{ n: number }>>(`select count(*)::int as n from ${table} t
      where t.${column} is not null and not exists (select 1 from ${target} r where r.${key} = t.${column})`);
    if ((row?.n ?? 0) > 0)
      throw new Error(`bench seed: ${row?.n} rows of ${table}.${column} point at no ${target} row`);
  }
}

async function timed<T>(steps: SeedStats["steps"], step: string, fn: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const value = await fn();
  const seconds = (performance.now() - start) / 1000;
  steps.push({ step, seconds });
  console.log(`  ${step}: ${seconds.toFixed(1)} s`);
  return value;
}

export async function seedLargeAuthority(): Promise<SeedStats> {
  const started = performance.now();
  const steps: SeedStats["steps"] = [];
  console.log(
    `Seeding the bench authority into ${BENCH.dbName} (${BENCH.children} children, ${BENCH.children * BENCH.entriesPerChild} entries)`,
  );
  await timed(steps, "fresh database", recreateDatabase);

  const handle = openPostgres(benchDatabaseUrl(), 2);
  try {
    await timed(steps, "migrations", () => runMigrations(handle));
    await timed(steps, "demo authority", () => seedDemoAuthority(handle.db));
  } finally {
    await handle.close();
  }

  // One connection: the temporary function and table below live in its session.
  const sql = postgres(benchDatabaseUrl(), { max: 1, onnotice: () => {}, connection: { synchronous_commit: "off" } });
  try {
    // A version-4-shaped id from a name, like db/seed/ids.ts stableId: zod's uuid check accepts it.
    await sql.unsafe(`create function pg_temp.bench_id(name text) returns uuid language sql immutable as $$
      select overlay(overlay(md5('cla-bench:' || name) placing '4' from 13) placing 'a' from 17)::uuid $$`);
    // Row-by-row foreign-key triggers would double the load time. The generator only uses ids it
    // has just inserted, and checkReferences() proves that, set-based, once the load is done.
    const skipTriggers = await sql.unsafe("set session_replication_role = replica").then(
      () => true,
      () => {
        console.log("  (not a superuser: foreign keys are checked row by row)");
        return false;
      },
    );
    await timed(steps, "teams and staff", () => insertStaff(sql));
    await timed(steps, "children", () => insertChildren(sql));
    await timed(steps, "episodes and arrangements", () => insertEpisodes(sql));
    await timed(steps, "allocations, CP plans and markers", () => insertJourneyRecords(sql));

    let entries = 0;
    const chunk = Math.max(1, Math.ceil(BENCH.children / 10));
    await timed(steps, "record entries", async () => {
      for (let first = 1; first <= BENCH.children; first += chunk) {
        const last = Math.min(BENCH.children, first + chunk - 1);
        entries += await insertEntries(sql, first, last, BENCH.entriesPerChild);
        process.stdout.write(`    ${entries.toLocaleString("en-GB")} entries${process.stdout.isTTY ? "\r" : "\n"}`);
      }
      if (process.stdout.isTTY) process.stdout.write("\n");
    });
    if (skipTriggers) {
      await sql.unsafe("set session_replication_role = origin");
      await timed(steps, "reference check", () => checkReferences(sql));
    }
    // Statistics for the planner and a visibility map for index-only scans, as autovacuum would leave them.
    await timed(steps, "vacuum analyze", () =>
      sql.unsafe(
        "vacuum (analyze) children, episodes, record_entries, provider_arrangements, users, teams, audit_events, audit_chain_heads",
      ),
    );

    const [counts] = await sql<Array<{ children: number; episodes: number; entries: number; sw1: number }>>`select
      (select count(*)::int from children) as children, (select count(*)::int from episodes) as episodes,
      (select count(*)::int from record_entries) as entries,
      (select count(*)::int from children where allocated_worker_id = ${demoUserId("sw1")}) as sw1`;
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `Seeded in ${seconds.toFixed(1)} s: ${counts?.children} children, ${counts?.episodes} episodes, ${counts?.entries} entries; ${counts?.sw1} allocated to the demo social worker.`,
    );
    return {
      seconds,
      children: counts?.children ?? 0,
      episodes: counts?.episodes ?? 0,
      entries: counts?.entries ?? 0,
      sw1Children: counts?.sw1 ?? 0,
      steps,
    };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

if (process.argv[1]?.endsWith("seed-large.ts")) {
  seedLargeAuthority().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
