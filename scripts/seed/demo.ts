// The fictional demo authority: teams, a user of every role, 40 children whose journeys through
// care are recorded through the portal's own commands (./journeys), siblings, foster carers,
// children's homes and two providers. Idempotent.
import { hash } from "@node-rs/argon2";
import { addDays, format, parseISO, subYears } from "date-fns";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { carerRecords, organisations, providerArrangements, siblingLinks, teams, users, type Role } from "@/db/schema";
import type { Actor } from "@/lib/access";
import { openChildRecord } from "@/lib/children/commands";
import { todayIso } from "@/lib/dates";
import { FIRST_NAMES, LAST_NAMES, pick, seededRandom, stableId } from "./ids";
import { seedDemoCarers } from "./carers";
import {
  AGE_OVERRIDES,
  ageInDays,
  demoJourney,
  recordOpenedOn,
  seedDemoHealth,
  seedDemoJourney,
  seedDemoReviews,
} from "./journeys";
import { seedDemoParents, seedDemoPeople } from "./people";
import { DEMO_CARER_LIST, demoCarer, HOME_POSTCODES } from "./places";
import { seedDemoRecords } from "./records";
import { seedDemoReturnFields } from "./return-fields";

export const DEMO_PASSWORD = "Demo-password-2026";
/** Dates are relative to the day of seeding, so the demo (and the access tests) never go stale. */
const DEMO_TODAY = todayIso();
const daysFromToday = (days: number) => format(addDays(parseISO(DEMO_TODAY), days), "yyyy-MM-dd");

export const DEMO_USERS = [
  { key: "sw1", email: "social.worker@demo.invalid", name: "Alex Rowan (demo)", role: "social_worker", team: "north" },
  {
    key: "sw2",
    email: "social.worker2@demo.invalid",
    name: "Jordan Hale (demo)",
    role: "social_worker",
    team: "north",
  },
  { key: "sw3", email: "south.worker@demo.invalid", name: "Casey Lund (demo)", role: "social_worker", team: "south" },
  { key: "tm1", email: "team.manager@demo.invalid", name: "Morgan Ellis (demo)", role: "team_manager", team: "north" },
  { key: "tm2", email: "south.manager@demo.invalid", name: "Taylor Brook (demo)", role: "team_manager", team: "south" },
  { key: "iro1", email: "iro@demo.invalid", name: "Robin Vale (demo)", role: "iro", team: null },
  { key: "iro2", email: "iro2@demo.invalid", name: "Sky Marsh (demo)", role: "iro", team: null },
  {
    key: "prov1",
    email: "provider@demo.invalid",
    name: "Drew Finch (demo)",
    role: "provider",
    team: null,
    org: "brightwater",
  },
  {
    key: "prov2",
    email: "provider2@demo.invalid",
    name: "Pat Wren (demo)",
    role: "provider",
    team: null,
    org: "harbour",
  },
  { key: "ro", email: "records.officer@demo.invalid", name: "Jamie Quill (demo)", role: "records_officer", team: null },
  {
    key: "ssw",
    email: "supervising.worker@demo.invalid",
    name: "Sam Hollis (demo)",
    role: "supervising_social_worker",
    team: null,
  },
  // A second supervising social worker, who supervises no record until one is handed to them.
  {
    key: "ssw2",
    email: "supervising.worker2@demo.invalid",
    name: "Noor Pike (demo)",
    role: "supervising_social_worker",
    team: null,
  },
  {
    key: "gone",
    email: "deactivated@demo.invalid",
    name: "Former Worker (demo)",
    role: "social_worker",
    team: "north",
    active: false,
  },
] as const satisfies ReadonlyArray<{
  key: string;
  email: string;
  name: string;
  role: Role;
  team: "north" | "south" | null;
  org?: string;
  active?: boolean;
}>;

export type DemoUserKey = (typeof DEMO_USERS)[number]["key"];
export const demoUserId = (key: DemoUserKey) => stableId(`user:${key}`);
export const demoChildId = (n: number) => stableId(`child:${n}`);
export const DEMO_TEAMS = { north: stableId("team:north"), south: stableId("team:south") };
export const DEMO_ORGS = { brightwater: stableId("org:brightwater"), harbour: stableId("org:harbour") };
export const DEMO_CARERS = { foster: demoCarer("hawthorn").id, home: demoCarer("oakview").id };
export const DEMO_CHILD_COUNT = 40;
const NORTH_CHILDREN = 24;

/** Provider arrangements by child number: active, ended and not yet started, for the access tests. */
export const DEMO_ARRANGEMENTS = [
  ...[0, 1, 2, 3, 4, 5].map((n) => ({ child: n, org: "brightwater" as const, start: daysFromToday(-320), end: null })),
  { child: 24, org: "brightwater" as const, start: daysFromToday(-200), end: null },
  { child: 6, org: "brightwater" as const, start: daysFromToday(-700), end: daysFromToday(-60) },
  { child: 7, org: "brightwater" as const, start: daysFromToday(40), end: null },
  { child: 8, org: "harbour" as const, start: daysFromToday(-90), end: daysFromToday(600) },
];

/** Names some children prefer to be called. */
const NICKNAMES: Record<string, string> = {
  Isla: "Izzy",
  Rory: "Ro",
  Leo: "Lenny",
  Elsie: "Els",
  Nell: "Nelly",
  Sami: "Sam",
};

const ETHNIC = [
  "WBRI",
  "WIRI",
  "WOTH",
  "MWBC",
  "MWBA",
  "MWAS",
  "AIND",
  "APKN",
  "ABAN",
  "BCRB",
  "BAFR",
  "CHNE",
  "OOTH",
  "NOBT",
] as const;
/**
 * A UPN in the Department's format for the demo's LA code: a check letter, then the LA code,
 * a school number, the year the UPN was issued and a serial. The check letter is the sum of the
 * twelve characters weighted 2 to 13, modulo 23, as a letter (never I, O or S).
 */
export function demoUpn(n: number, dateOfBirth: string): string {
  const issued = String((Number(dateOfBirth.slice(0, 4)) + 5) % 100).padStart(2, "0");
  const rest = `801${String(2100 + (n % 60)).padStart(4, "0")}${issued}${String(100 + n).padStart(3, "0")}`;
  const sum = [...rest].reduce((total, digit, i) => total + Number(digit) * (i + 2), 0);
  return `${"ABCDEFGHJKLMNPQRTUVWXYZ"[sum % 23]}${rest}`;
}

export function demoChildName(n: number): { firstName: string; lastName: string } {
  // Siblings (0&1, 2&3, 24&25) share a surname; everyone else gets a distinct pairing.
  const siblingOf: Record<number, number> = { 1: 0, 3: 2, 25: 24 };
  const base = siblingOf[n] ?? n;
  const firstName = FIRST_NAMES[n % FIRST_NAMES.length] ?? "Ava";
  const lastName = LAST_NAMES[(base * 7) % LAST_NAMES.length] ?? "Ashdown";
  return {
    firstName,
    lastName:
      n >= 20 && siblingOf[n] === undefined ? `${lastName}-${FIRST_NAMES[(n * 3) % FIRST_NAMES.length]}` : lastName,
  };
}

/** `records: false` leaves the children's records empty (tests create what they need through the actions). */
export async function seedDemoAuthority(
  db: Db,
  opts: { records?: boolean } = {},
): Promise<{ created: boolean; children: number }> {
  const existing = await db.select({ id: teams.id }).from(teams).where(eq(teams.id, DEMO_TEAMS.north));
  if (existing.length > 0) return { created: false, children: DEMO_CHILD_COUNT };

  const passwordHash = await hash(DEMO_PASSWORD);
  const rand = seededRandom(903);

  await db.transaction(async (tx) => {
    await tx
      .insert(teams)
      .values([
        { id: DEMO_TEAMS.north, name: "North Locality Team (demo)" },
        { id: DEMO_TEAMS.south, name: "South Locality Team (demo)" },
      ])
      .onConflictDoNothing();
    await tx
      .insert(organisations)
      .values([
        {
          id: DEMO_ORGS.brightwater,
          name: "Brightwater Fostering (fictional)",
          kind: "independent_fostering_provider",
        },
        { id: DEMO_ORGS.harbour, name: "Harbour Social Work Partners (fictional)", kind: "social_work_provider" },
      ])
      .onConflictDoNothing();
    await tx
      .insert(users)
      .values(
        DEMO_USERS.map((u) => ({
          id: demoUserId(u.key),
          email: u.email,
          name: u.name,
          role: u.role,
          teamId: u.team ? DEMO_TEAMS[u.team] : null,
          organisationId: "org" in u ? DEMO_ORGS[u.org] : null,
          passwordHash,
          active: "active" in u ? u.active : true,
        })),
      )
      .onConflictDoNothing();
    await seedDemoCarers(tx, demoUserId("ssw"));
    await tx
      .insert(carerRecords)
      .values(DEMO_CARER_LIST.map((c) => ({ id: c.id, kind: c.kind, name: c.name, urn: c.urn, postcode: c.postcode })))
      .onConflictDoNothing();

    const childRows: Array<{ id: string; teamId: string }> = [];
    const reviewsToSeed: Array<() => Promise<void>> = [];
    const actorOf = (key: string): Actor => {
      const u = DEMO_USERS.find((x) => x.key === key);
      if (!u) throw new Error(`no demo user ${key}`);
      return {
        id: demoUserId(u.key),
        name: u.name,
        email: u.email,
        role: u.role,
        teamId: u.team ? DEMO_TEAMS[u.team] : null,
        organisationId: "org" in u ? DEMO_ORGS[u.org] : null,
      };
    };
    const now = new Date();
    for (let n = 0; n < DEMO_CHILD_COUNT; n++) {
      const north = n < NORTH_CHILDREN;
      const { firstName, lastName } = demoChildName(n);
      const ageYears = 1 + Math.floor(rand() * 17);
      const extraDays = Math.floor(rand() * 300);
      const age = AGE_OVERRIDES[n] ?? { years: ageYears, days: extraDays };
      const dob = format(addDays(subYears(parseISO(DEMO_TODAY), age.years), -age.days), "yyyy-MM-dd");
      const ethnicity = pick(rand, ETHNIC);
      const journey = demoJourney(n, ageInDays(dob));
      const uasc = journey.steps.some((s) => s.do === "uasc");
      // Opened by the manager of the team the child first belonged to, a fortnight before the first event.
      const firstTeam = journey.transferredFrom?.team ?? (north ? "north" : "south");
      const openedOn = recordOpenedOn(journey, dob, now);
      await openChildRecord(
        tx,
        actorOf(firstTeam === "north" ? "tm1" : "tm2"),
        {
          id: demoChildId(n),
          reference: `DEMO-${String(1001 + n)}`,
          firstName,
          lastName,
          preferredName: n % 9 === 4 ? (NICKNAMES[firstName] ?? null) : null,
          dateOfBirth: dob,
          sex: n % 2 === 0 ? "F" : "M",
          ethnicity: uasc ? (n % 2 === 0 ? "BAFR" : "AOTH") : ethnicity,
          upn: uasc ? "UN2" : age.years < 5 ? "UN1" : demoUpn(n, dob),
          familyAddress: `${10 + n} Example Road (fictional), Bristol ${HOME_POSTCODES[n % HOME_POSTCODES.length]}`,
        },
        openedOn,
      );
      // The parents first, so the journey's decisions (placement changes, the end of care) hear them.
      if (opts.records !== false) await seedDemoParents(tx, n, demoChildId(n), openedOn);
      childRows.push({ id: demoChildId(n), teamId: north ? DEMO_TEAMS.north : DEMO_TEAMS.south });
      const people = {
        manager: actorOf(north ? "tm1" : "tm2"),
        worker: actorOf(north ? (n % 2 === 0 ? "sw1" : "sw2") : "sw3"),
        iro: actorOf(n % 2 === 0 ? "iro1" : "iro2"),
        actor: actorOf,
      };
      await seedDemoJourney(tx, { id: demoChildId(n), n, dateOfBirth: dob, openedOn }, journey, people, now);
      reviewsToSeed.push(() => seedDemoReviews(tx, { id: demoChildId(n), n, dateOfBirth: dob }, people, now));
      await seedDemoHealth(tx, { id: demoChildId(n), n, dateOfBirth: dob }, people, now);
    }

    const pairs: Array<[number, number]> = [
      [0, 1],
      [2, 3],
      [24, 25],
    ];
    await tx
      .insert(siblingLinks)
      .values(
        pairs.flatMap(([a, b]) => [
          { id: stableId(`sibling:${a}:${b}`), childId: demoChildId(a), siblingId: demoChildId(b) },
          { id: stableId(`sibling:${b}:${a}`), childId: demoChildId(b), siblingId: demoChildId(a) },
        ]),
      )
      .onConflictDoNothing();

    await tx
      .insert(providerArrangements)
      .values(
        DEMO_ARRANGEMENTS.map((a, i) => ({
          id: stableId(`arrangement:${i}`),
          arrangementId: stableId(`arrangement:${i}`),
          version: 1,
          childId: demoChildId(a.child),
          organisationId: DEMO_ORGS[a.org],
          functions:
            a.org === "brightwater"
              ? "Foster placement and supervising social work for the placement"
              : "Statutory visits and case work for the placement",
          startDate: a.start,
          endDate: a.end,
        })),
      )
      .onConflictDoNothing();

    await seedDemoReturnFields(tx, {
      childCount: DEMO_CHILD_COUNT,
      managerOf: (n) => actorOf(n < NORTH_CHILDREN ? "tm1" : "tm2"),
    });

    if (opts.records !== false)
      await seedDemoPeople(
        tx,
        Array.from({ length: DEMO_CHILD_COUNT }, (_, n) => demoChildId(n)),
      );
    // Reviews after the people, so each review invites and hears the parents linked to the child.
    for (const seedReviews of reviewsToSeed) await seedReviews();
    // Each child's record gets fictional entries from their allocated worker.
    for (const [n, child] of (opts.records === false ? [] : childRows).entries()) {
      const north = n < NORTH_CHILDREN;
      await seedDemoRecords(
        tx,
        child,
        actorOf(north ? (n % 2 === 0 ? "sw1" : "sw2") : "sw3"),
        actorOf(north ? "tm1" : "tm2"),
        n,
      );
    }
  });
  return { created: true, children: DEMO_CHILD_COUNT };
}
