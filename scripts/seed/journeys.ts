// The demo children's journeys through care, recorded through the same commands practitioners
// use (no raw inserts of episodes, allocations, plans or markers): periods of care with placement
// moves and their reasons, legal status following court orders (V2, L1 or L2, then C1, C2, E1 and
// A5 or A6), periods that ended (E4A, E13, E11, E45, E5), Child Protection Plans, missing and
// away periods, unaccompanied asylum-seeking children, a care leaver, allocation changes and a
// team transfer, and marker tasks actioned in time, late, or not yet. Every date is counted back
// from the day the seed runs, so the data keeps to the Department's rules for the current and the
// previous collection year whenever it is seeded.
import { addDays, addYears, differenceInCalendarDays, differenceInYears, format, parseISO } from "date-fns";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { children, episodes, markerTasks, reviewRecommendations } from "@/db/schema";
import { childAccess, type Actor, type ChildAccess } from "@/lib/access";
import { todayIso } from "@/lib/dates";
import { actionMarker, allocate, endCpPlan, recordCareEvent, startCpPlan } from "@/lib/episodes/commands";
import { ceaseUasc, recordUasc, startMissing, transferTeam } from "@/lib/episodes/missing";
import { careEventSchema, londonInstant, startMissingSchema } from "@/lib/episodes/schemas";
import { createEntry } from "@/lib/records/commands";
import { createEntrySchema } from "@/lib/records/schemas";
import { HEALTH_TYPES } from "@/lib/sections";
import { closeRecommendation, recordReview, scheduleReview, signOffReview } from "@/lib/reviews/commands";
import { linkedPeople } from "@/lib/people/commands";
import { inviteeChoices } from "@/lib/reviews/invitees";
import { recordReviewSchema } from "@/lib/reviews/schemas";
import { clockFacts } from "@/lib/timescales/facts";
import { reviewDue } from "@/lib/timescales/rules";
import { demoCarer, HOME_POSTCODES } from "./places";

type PlaceKey =
  | "hawthorn"
  | "rowan"
  | "linden"
  | "willow"
  | "willowLongTerm"
  | "oakview"
  | "cedar"
  | "supported"
  | "parents"
  | "adopters"
  | "hawthornAdoption"
  | "hospital";

interface Place {
  placement: string;
  provider: string | null;
  carer: string | null;
  /** null: the child's home postcode (placed with parents). */
  postcode: string | null;
  /** The Ofsted URN of a placement with no carer's record: the adoption agency's, the supported accommodation's. */
  urn?: string;
}

const carerPlace = (placement: string, key: string): Place => {
  const c = demoCarer(key);
  return { placement, provider: c.provider, carer: key, postcode: c.postcode };
};

const PLACES: Record<PlaceKey, Place> = {
  hawthorn: carerPlace("U4", "hawthorn"),
  rowan: carerPlace("U6", "rowan"),
  linden: carerPlace("U6", "linden"),
  willow: carerPlace("U3", "willow"),
  willowLongTerm: carerPlace("U1", "willow"),
  oakview: carerPlace("K2", "oakview"),
  cedar: carerPlace("K2", "cedar"),
  supported: { placement: "K3", provider: "PR4", carer: null, postcode: "BS1 3BX", urn: "SC999400" },
  parents: { placement: "P1", provider: "PR0", carer: null, postcode: null },
  adopters: { placement: "A6", provider: "PR1", carer: null, postcode: "BS1 5TL", urn: "SC999300" },
  hawthornAdoption: { ...carerPlace("A5", "hawthorn") },
  // A temporary move: no provider (the Department's rule), the hospital's postcode.
  hospital: { placement: "T1", provider: null, carer: null, postcode: "BS2 8BJ" },
};

/** When something happened: days before the seed's day at an England wall-clock hour, or hours before now. */
type When = { daysAgo: number; hour?: number } | { hoursAgo: number };

type Step = When &
  /** `order`: the court order that gives the legal status the period of care starts on. */
  (
    | { do: "start"; ls: string; cin: string; place: PlaceKey; order?: string }
    | { do: "move"; place: PlaceKey; reason: string | null }
    | { do: "status"; ls: string; order?: string }
    | { do: "temporary"; place: PlaceKey }
    /** Back from a temporary move to the placement before it. */
    | { do: "return" }
    | { do: "cease"; rec: string }
    | { do: "missing"; type: "M" | "A"; hours: number | null; interview: "accepted" | "declined" | "not offered" }
    | { do: "cpStart"; category: "neglect" | "physical" | "sexual" | "emotional" | "multiple" }
    | { do: "cpEnd"; reason: string }
    | { do: "uasc" }
    | { do: "uascCease"; reason: "turned18" }
  );

export interface DemoJourney {
  /** Days before the seed's day that the period of care (or, for a CP plan first, the record) starts. */
  steps: Step[];
  /** The social worker first allocated, when not the current one, and when and why that changed. */
  firstWorker?: { key: string; untilDaysAgo: number; reason: string };
  /** Opened in another team and transferred to the child's team on this day. */
  transferredFrom?: { team: "north" | "south"; worker: string; daysAgo: number };
  /** How the team manager actions the child's marker tasks: in time (default), late, or not yet. */
  markers?: "late" | "open";
}

const CIN = ["N1", "N1", "N1", "N4", "N5", "N2", "N3", "N1", "N8", "N4"] as const;
const MOVE_REASONS = ["CARPL", "CREQB", "CHILD", "LAREQ", "CARPL", "STAND"] as const;

/** Ages some journeys need (years and days): adoption is for the young, K3 and UASC for the old. */
export const AGE_OVERRIDES: Record<number, { years: number; days: number }> = {
  9: { years: 3, days: 40 },
  11: { years: 15, days: 20 },
  12: { years: 8, days: 90 },
  15: { years: 16, days: 120 },
  // A girl of 16 in foster care who is a mother (the return's MOTHER and MC_DOB; ./return-fields).
  20: { years: 16, days: 200 },
  25: { years: 11, days: 10 },
  27: { years: 14, days: 200 },
  28: { years: 2, days: 60 },
  31: { years: 16, days: 30 },
  33: { years: 17, days: 50 },
  35: { years: 17, days: 150 },
  38: { years: 9, days: 0 },
  39: { years: 18, days: 120 },
};

/** A child in foster care whose legal status moves from accommodation to an interim, then a full, care order. */
function fosterJourney(n: number, start: number, place: PlaceKey = "hawthorn"): Step[] {
  const steps: Step[] = [
    { daysAgo: start, hour: 15, do: "start", ls: "V2", cin: CIN[n % CIN.length] ?? "N1", place },
    { daysAgo: start - 45, do: "status", ls: "C1", order: "Interim care order" },
    { daysAgo: start - 230, do: "status", ls: "C2", order: "Care order" },
  ];
  if (n % 3 === 1)
    steps.push({
      daysAgo: start - 300,
      do: "move",
      place: place === "hawthorn" ? "rowan" : "hawthorn",
      reason: MOVE_REASONS[n % MOVE_REASONS.length] ?? "CARPL",
    });
  return steps;
}

/** The journey of each demo child, by number (see DEMO_USERS and DEMO_ARRANGEMENTS for who sees whom). */
export function demoJourney(n: number, ageDays: number): DemoJourney {
  // A period of care cannot start before birth: the youngest start a few weeks after.
  const from = (days: number) => Math.min(days, ageDays - 20);
  switch (n) {
    case 0:
    case 1:
    case 5:
      // Brothers and sisters placed together with a Brightwater household, and a child placed there alone.
      return { steps: fosterJourney(n, from(900), "linden").filter((s) => s.do !== "move") };
    case 2:
    case 3:
    case 4:
      return {
        steps: [
          ...fosterJourney(n, from(760), "rowan").filter((s) => s.do !== "move"),
          { daysAgo: 320, do: "move", place: "linden", reason: "CARPL" } satisfies Step,
        ].filter((s) => s.do === "start" || ("daysAgo" in s && s.daysAgo < from(760))),
      };
    case 6:
      // On a Child Protection Plan until the child became looked after; the Brightwater placement ended.
      return {
        steps: [
          { daysAgo: from(560), hour: 11, do: "cpStart", category: "neglect" },
          { daysAgo: from(500), hour: 16, do: "cpEnd", reason: "The child became looked after" },
          {
            daysAgo: from(500),
            hour: 17,
            do: "start",
            ls: "C1",
            cin: "N1",
            place: "linden",
            order: "Interim care order",
          },
          { daysAgo: from(500) - 200, do: "status", ls: "C2", order: "Care order" },
          { daysAgo: 60, do: "move", place: "hawthorn", reason: "CLOSE" },
        ],
        firstWorker: { key: "sw2", untilDaysAgo: 200, reason: "LEFTRL" },
      };
    case 7:
      // A stay in hospital: a temporary move, then back to the same carers.
      return {
        steps: [
          ...fosterJourney(n, from(600)),
          { daysAgo: 40, hour: 9, do: "temporary", place: "hospital" },
          { daysAgo: 36, hour: 14, do: "return" },
        ],
      };
    case 9:
      // Emergency protection, an interim care order, a placement order, then placed for adoption with the foster carers.
      return {
        steps: [
          {
            daysAgo: from(700),
            hour: 22,
            do: "start",
            ls: "L2",
            cin: "N1",
            place: "hawthorn",
            order: "Emergency protection order",
          },
          { daysAgo: from(700) - 4, do: "status", ls: "C1", order: "Interim care order" },
          { daysAgo: from(700) - 330, do: "status", ls: "E1", order: "Placement order" },
          { daysAgo: from(700) - 400, do: "move", place: "hawthornAdoption", reason: "CARPL" },
        ],
      };
    case 11:
    case 27:
      // A teenager in a children's home, sometimes missing or away.
      return {
        steps: [
          { daysAgo: from(480), hour: 19, do: "start", ls: "V2", cin: "N5", place: n === 11 ? "oakview" : "cedar" },
          { daysAgo: 200, hour: 18, do: "missing", type: "M", hours: 20, interview: "accepted" },
          { daysAgo: 120, hour: 22, do: "missing", type: "A", hours: 4, interview: "not offered" },
          { daysAgo: 35, hour: 21, do: "missing", type: "M", hours: 30, interview: "declined" },
        ],
      };
    case 12:
      return {
        steps: [
          { daysAgo: 400, hour: 13, do: "start", ls: "V2", cin: "N4", place: "rowan" },
          { daysAgo: 30, hour: 11, do: "cease", rec: "E4A" },
        ],
      };
    case 15:
      // Sixteen, from a children's home to supported accommodation, missing since this morning.
      return {
        steps: [
          { daysAgo: 420, hour: 20, do: "start", ls: "C2", cin: "N6", place: "cedar", order: "Care order" },
          { daysAgo: 100, hour: 23, do: "missing", type: "A", hours: 6, interview: "accepted" },
          { daysAgo: 30, do: "move", place: "supported", reason: "CARPL" },
          { hoursAgo: 6, do: "missing", type: "M", hours: null, interview: "not offered" },
        ],
      };
    case 16:
      // A Child Protection Plan started this morning: its marker is not due yet.
      return {
        steps: [...fosterJourney(n, from(500)), { hoursAgo: 10, do: "cpStart", category: "emotional" }],
        markers: "open",
      };
    case 18:
      // Police protection at night, accommodation within 72 hours, then court.
      return {
        steps: [
          { daysAgo: from(300), hour: 23, do: "start", ls: "L1", cin: "N1", place: "rowan" },
          { daysAgo: from(300) - 2, hour: 14, do: "status", ls: "V2" },
          { daysAgo: from(300) - 30, do: "status", ls: "C1", order: "Interim care order" },
          { daysAgo: from(300) - 200, do: "status", ls: "C2", order: "Care order" },
        ],
      };
    case 19:
      // Home to parents under a care order.
      return {
        steps: [...fosterJourney(n, from(700)), { daysAgo: 90, do: "move", place: "parents", reason: "CARPL" }],
      };
    case 21:
    case 36:
      return {
        steps: [
          { daysAgo: from(640), hour: 10, do: "cpStart", category: n === 21 ? "physical" : "multiple" },
          { daysAgo: from(520), hour: 15, do: "cpEnd", reason: "The child became looked after" },
          ...fosterJourney(n, from(520) - 0).map((s) => (s.do === "start" ? { ...s, hour: 16 } : s)),
        ],
      };
    case 22:
      // A plan started three days ago whose marker nobody has actioned: a breach on the dashboard.
      return {
        steps: [...fosterJourney(n, from(540)), { hoursAgo: 72, do: "cpStart", category: "neglect" }],
        markers: "open",
      };
    case 23:
      return { steps: fosterJourney(n, from(520)), transferredFrom: { team: "south", worker: "sw3", daysAgo: 150 } };
    case 24:
      return {
        steps: [
          ...fosterJourney(n, from(800), "rowan").filter((s) => s.do !== "move"),
          { daysAgo: 200, do: "move", place: "linden", reason: "CARPL" } satisfies Step,
        ],
      };
    case 25:
      return {
        steps: [
          { daysAgo: from(600), hour: 12, do: "start", ls: "V2", cin: "N4", place: "rowan" },
          { daysAgo: 40, hour: 10, do: "cease", rec: "E13" },
        ],
      };
    case 26:
      // Looked after since the day before yesterday; the manager actioned the marker late.
      return { steps: [{ hoursAgo: 50, do: "start", ls: "V2", cin: "N4", place: "rowan" }], markers: "late" };
    case 28:
      // Adopted.
      return {
        steps: [
          {
            daysAgo: from(650),
            hour: 15,
            do: "start",
            ls: "C1",
            cin: "N1",
            place: "hawthorn",
            order: "Interim care order",
          },
          { daysAgo: from(650) - 280, do: "status", ls: "E1", order: "Placement order" },
          { daysAgo: from(650) - 330, do: "move", place: "adopters", reason: "CARPL" },
          { daysAgo: 45, hour: 11, do: "cease", rec: "E11" },
        ],
      };
    case 29:
      // Looked after since this morning: the marker is open and due within the day.
      return { steps: [{ hoursAgo: 5, do: "start", ls: "V2", cin: "N3", place: "hawthorn" }], markers: "open" };
    case 31:
    case 35:
      // Unaccompanied asylum-seeking children.
      return {
        steps: [
          { daysAgo: from(300), hour: 16, do: "start", ls: "V2", cin: "N8", place: n === 31 ? "cedar" : "rowan" },
          { daysAgo: from(300), hour: 17, do: "uasc" },
        ],
      };
    case 32:
      return { steps: fosterJourney(n, from(700), "willow") };
    case 33:
      return {
        steps: [
          { daysAgo: from(700), hour: 18, do: "start", ls: "V2", cin: "N5", place: "oakview" },
          { daysAgo: 60, do: "move", place: "supported", reason: "CHILD" },
          { daysAgo: 20, hour: 22, do: "missing", type: "A", hours: 10, interview: "accepted" },
        ],
      };
    case 38:
      // A special guardianship order to the relatives who fostered the child.
      return {
        steps: [
          ...fosterJourney(n, from(1100), "willowLongTerm").filter((s) => s.do !== "move"),
          { daysAgo: 25, hour: 12, do: "cease", rec: "E45" },
        ],
      };
    case 39: {
      // A care leaver: came alone at 16, left care on their 18th birthday for supported independent living.
      const at16 = ageDays - 16 * 365 - 60;
      const at18 = ageDays - differenceInCalendarDays(addYears(parseISO(todayIso()), 18), parseISO(todayIso()));
      return {
        steps: [
          { daysAgo: at16, hour: 15, do: "start", ls: "V2", cin: "N8", place: "rowan" },
          { daysAgo: at16, hour: 16, do: "uasc" },
          { daysAgo: ageDays - 17 * 365 - 30, do: "move", place: "supported", reason: "CARPL" },
          { daysAgo: at18, hour: 10, do: "cease", rec: "E5" },
          { daysAgo: at18, hour: 11, do: "uascCease", reason: "turned18" },
        ],
      };
    }
    default:
      return {
        steps: fosterJourney(n, from(300 + ((n * 97) % 1000)), n % 4 === 0 ? "rowan" : "hawthorn"),
        ...(n < 24 && n % 5 === 0
          ? { firstWorker: { key: n % 2 === 0 ? "sw2" : "sw1", untilDaysAgo: 120, reason: "MANAGE" } }
          : {}),
      };
  }
}

const isoDaysAgo = (days: number) => format(addDays(parseISO(todayIso()), -days), "yyyy-MM-dd");
const ukDay = (iso: string) => format(parseISO(iso), "dd/MM/yyyy");

function instant(w: When, now: Date): Date {
  if ("hoursAgo" in w) return new Date(now.getTime() - w.hoursAgo * 3600_000);
  const [y, m, d] = isoDaysAgo(w.daysAgo).split("-").map(Number) as [number, number, number];
  return londonInstant(y, m, d, w.hour ?? 10, 0) ?? new Date(now.getTime() - w.daysAgo * 86400_000);
}

/** The form's date and time for an instant, in England. */
function formAt(at: Date) {
  const date = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", dateStyle: "short" }).format(at);
  const time = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/London",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(at);
  return { date, time };
}

export interface JourneyPeople {
  manager: Actor;
  /** The worker allocated now, and the IRO. */
  worker: Actor;
  iro: Actor;
  /** For a transfer or a change of worker: anyone by key. */
  actor: (key: string) => Actor;
}

/** When the child's record was opened: a fortnight before the first thing recorded, never before birth. */
export function recordOpenedOn(journey: DemoJourney, dateOfBirth: string, now: Date): string {
  const first = journey.steps.map((s) => instant(s, now)).sort((a, b) => a.getTime() - b.getTime())[0] ?? now;
  const opened = format(addDays(first, -14), "yyyy-MM-dd");
  return opened < dateOfBirth ? dateOfBirth : opened;
}

async function accessFor(tx: Tx, actor: Actor, childId: string): Promise<ChildAccess> {
  const access = await childAccess(tx, actor, childId);
  if (!access) throw new Error(`the demo's ${actor.name} cannot open child ${childId}`);
  return access;
}

/** Records the journey of one child whose record was opened (by `opener`) on `openedOn`. */
export async function seedDemoJourney(
  tx: Tx,
  child: { id: string; n: number; dateOfBirth: string; openedOn: string },
  journey: DemoJourney,
  people: JourneyPeople,
  now: Date = new Date(),
): Promise<void> {
  const { manager, iro } = people;
  const homePostcode = HOME_POSTCODES[child.n % HOME_POSTCODES.length] ?? "BS1 5TR";
  const steps = journey.steps
    .map((s) => ({ ...s, at: instant(s, now) }))
    .filter((s) => s.at.getTime() < now.getTime() - 60_000 && format(s.at, "yyyy-MM-dd") >= child.dateOfBirth)
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const careStart = steps.find((s) => s.do === "start")?.at ?? now;
  const allocatedFrom = ukDay(
    format(addDays(careStart, -7), "yyyy-MM-dd") < child.openedOn
      ? child.openedOn
      : format(addDays(careStart, -7), "yyyy-MM-dd"),
  );

  // Allocations: the team that opened the record, its worker, a transfer, then today's worker and the IRO.
  if (journey.transferredFrom) {
    const fromTeam = people.actor(journey.transferredFrom.team === "south" ? "tm2" : "tm1");
    const fromAccess = await accessFor(tx, fromTeam, child.id);
    await allocate(tx, fromTeam, fromAccess, {
      kind: "social_worker",
      userId: people.actor(journey.transferredFrom.worker).id,
      startDate: allocatedFrom.split("/").reverse().join("-"),
      previousEndReason: null,
    });
    await transferTeam(tx, fromTeam, fromAccess, {
      teamId: manager.teamId ?? "",
      startDate: isoDaysAgo(journey.transferredFrom.daysAgo),
      previousEndReason: "TSPROC",
    });
  }
  const managerAccess = await accessFor(tx, manager, child.id);
  const firstWorkerFrom = journey.transferredFrom
    ? isoDaysAgo(journey.transferredFrom.daysAgo)
    : allocatedFrom.split("/").reverse().join("-");
  const firstWorker =
    journey.firstWorker && isoDaysAgo(journey.firstWorker.untilDaysAgo) > firstWorkerFrom ? journey.firstWorker : null;
  if (firstWorker) {
    await allocate(tx, manager, managerAccess, {
      kind: "social_worker",
      userId: people.actor(firstWorker.key).id,
      startDate: firstWorkerFrom,
      previousEndReason: null,
    });
  }
  await allocate(tx, manager, managerAccess, {
    kind: "social_worker",
    userId: people.worker.id,
    startDate: firstWorker ? isoDaysAgo(firstWorker.untilDaysAgo) : firstWorkerFrom,
    previousEndReason: firstWorker?.reason ?? null,
  });
  await allocate(tx, manager, managerAccess, {
    kind: "iro",
    userId: iro.id,
    startDate: allocatedFrom.split("/").reverse().join("-"),
    previousEndReason: null,
  });

  // The events, in order, as the team manager records them.
  const access = await accessFor(tx, manager, child.id);
  // Each placement change and the end of care is a decision: every parent linked to the child is heard
  // (the mother's views given, the father sought and not given, as a worker often finds).
  const parentViews = async (text: string) =>
    (await linkedPeople(tx, child.id)).map((p) => ({
      personId: p.personId,
      status: p.relationship === "mother" ? "given" : "sought_not_given",
      text: p.relationship === "mother" ? text : "",
    }));
  // The court order behind a legal status, made by the demo's court the day the status began.
  const courtOrder = async (orderType: string, madeOn: string, step: number) => {
    const order = await createEntry(
      tx,
      manager,
      access,
      "courtOrders",
      createEntrySchema("courtOrders").parse({
        childId: child.id,
        title: orderType,
        occurredOn: madeOn,
        confidentiality: "restricted",
        significant: true,
        childProperty: false,
        data: {
          orderType,
          court: "Demo Family Court (fictional)",
          caseNumber: `DM${String(26000 + child.n * 11 + step)}`,
          expiresOn: "",
          conditions: "",
        },
      }),
    );
    return order.entryId;
  };
  let cpPlanId: string | null = null;
  let lastPlace: PlaceKey | null = null;
  let beforeTemporary: PlaceKey | null = null;
  for (const s of steps) {
    const at = formAt(s.at);
    const placement = (key: PlaceKey) => {
      const p = PLACES[key];
      return {
        placement: p.placement,
        placementProvider: p.provider ?? "",
        carerRecordId: p.carer ? demoCarer(p.carer).id : "",
        placementPostcode: p.postcode ?? homePostcode,
        urn: p.urn ?? (p.carer ? (demoCarer(p.carer).urn ?? "") : ""),
      };
    };
    switch (s.do) {
      case "start":
        await recordCareEvent(
          tx,
          manager,
          access,
          careEventSchema.parse({
            kind: "startCare",
            childId: child.id,
            at,
            legalStatus: s.ls,
            categoryOfNeed: s.cin,
            homePostcode,
            courtOrderEntryId: s.order ? await courtOrder(s.order, at.date, steps.indexOf(s)) : "",
            ...placement(s.place),
          }),
        );
        lastPlace = s.place;
        break;
      case "move":
        await recordCareEvent(
          tx,
          manager,
          access,
          careEventSchema.parse({
            kind: "changePlacement",
            childId: child.id,
            at,
            reasonPlaceChange: s.reason ?? "",
            childViews:
              s.reason === "CHILD"
                ? { status: "given", text: "I asked to move somewhere I can learn to look after myself (fictional)." }
                : { status: "given", text: "I understand why I am moving (fictional)." },
            parentViews: await parentViews(
              "Understands the reasons for the move and wants contact to continue (fictional).",
            ),
            ...placement(s.place),
          }),
        );
        lastPlace = s.place;
        break;
      case "temporary":
        await recordCareEvent(
          tx,
          manager,
          access,
          careEventSchema.parse({ kind: "temporaryMove", childId: child.id, at, ...placement(s.place) }),
        );
        beforeTemporary = lastPlace;
        break;
      case "return":
        if (!beforeTemporary) break;
        await recordCareEvent(
          tx,
          manager,
          access,
          careEventSchema.parse({
            kind: "changePlacement",
            childId: child.id,
            at,
            reasonPlaceChange: "",
            childViews: { status: "given", text: "Glad to be home with my carers (fictional)." },
            parentViews: await parentViews("Pleased the child is back with the carers (fictional)."),
            ...placement(beforeTemporary),
          }),
        );
        lastPlace = beforeTemporary;
        beforeTemporary = null;
        break;
      case "status": {
        const courtOrderEntryId = s.order ? await courtOrder(s.order, at.date, steps.indexOf(s)) : "";
        await recordCareEvent(
          tx,
          manager,
          access,
          careEventSchema.parse({
            kind: "changeLegalStatus",
            childId: child.id,
            at,
            legalStatus: s.ls,
            courtOrderEntryId,
          }),
        );
        break;
      }
      case "cease":
        await recordCareEvent(
          tx,
          manager,
          access,
          careEventSchema.parse({
            kind: "ceaseCare",
            childId: child.id,
            at,
            reasonCeased: s.rec,
            childViews: { status: "given", text: "I am ready for this and I know who to call (fictional)." },
            parentViews: await parentViews("Agrees with the plan for the child leaving care (fictional)."),
          }),
        );
        break;
      case "missing": {
        const back = s.hours === null ? null : formAt(new Date(s.at.getTime() + s.hours * 3600_000));
        await startMissing(
          tx,
          manager,
          access,
          startMissingSchema.parse({
            childId: child.id,
            kind: s.type,
            at,
            ended: back ? "yes" : "no",
            endAt: back ?? { date: "", time: "" },
            returnInterviewOffered: s.interview === "not offered" ? "no" : "yes",
            returnInterviewAccepted: s.interview === "accepted" ? "yes" : s.interview === "declined" ? "no" : "",
          }),
        );
        break;
      }
      case "cpStart":
        cpPlanId = (await startCpPlan(tx, manager, access, { at: s.at, category: s.category })).planId;
        break;
      case "cpEnd":
        if (cpPlanId) await endCpPlan(tx, access, { planId: cpPlanId, at: s.at, reason: s.reason });
        break;
      case "uasc":
        await recordUasc(tx, manager, access, { sinceDate: format(s.at, "yyyy-MM-dd") });
        break;
      case "uascCease": {
        const eighteenth = format(addYears(parseISO(child.dateOfBirth), 18), "yyyy-MM-dd");
        await ceaseUasc(tx, access, { ceasedDate: eighteenth, ceasedReason: s.reason });
        break;
      }
    }
  }

  // The team manager actions the markers a few hours after each event, except where the demo shows otherwise.
  const tasks = await tx
    .select()
    .from(markerTasks)
    .where(and(eq(markerTasks.childId, child.id)))
    .orderBy(asc(markerTasks.eventAt));
  for (const [i, task] of tasks.entries()) {
    const last = i === tasks.length - 1;
    if (journey.markers === "open" && last) continue;
    const hours = journey.markers === "late" && last ? 30 : 2 + ((child.n + i) % 6);
    const when = new Date(task.eventAt.getTime() + hours * 3600_000);
    if (when > now) continue;
    await actionMarker(tx, manager, managerAccess, { taskId: task.id }, when);
  }
}

/** Days since birth, for the journeys' earliest dates. */
export const ageInDays = (dateOfBirth: string) => differenceInCalendarDays(parseISO(todayIso()), parseISO(dateOfBirth));

/**
 * The reviews of the child's current period of care, as the IRO held them: the first within 20
 * working days, the second within 3 months, then every 6 months, each signed off with a
 * recommendation for the social worker (done, once its date has passed). A few children show the
 * clock's other cases: a review held late, and a review now overdue.
 */
export async function seedDemoReviews(
  tx: Tx,
  child: { id: string; n: number; dateOfBirth: string },
  people: JourneyPeople,
  now: Date = new Date(),
): Promise<void> {
  const iroAccess = await childAccess(tx, people.iro, child.id);
  const workerAccess = await childAccess(tx, people.worker, child.id);
  if (!iroAccess || !workerAccess) return;
  const [facts] = await clockFacts(tx, eq(children.id, child.id));
  if (!facts?.periodStart) return;
  const today = todayIso(now);
  const held: string[] = [];
  for (;;) {
    const due = reviewDue(facts.periodStart, held).dueDate;
    // Mostly a few days early; child 13's second review was held late.
    const late = child.n === 13 && held.length === 1;
    const on = late
      ? format(addDays(parseISO(due), 9), "yyyy-MM-dd")
      : format(addDays(parseISO(due), -(3 + (child.n % 5))), "yyyy-MM-dd");
    if (on > format(addDays(parseISO(today), -2), "yyyy-MM-dd") || on < facts.periodStart) break;
    held.push(on);
  }
  // Child 10's latest review has not happened: it is overdue on the IRO's work tray.
  if (child.n === 10 && held.length > 1) held.pop();
  const age = (on: string) => differenceInCalendarDays(parseISO(on), parseISO(child.dateOfBirth)) / 365.25;
  for (const on of held) {
    const [y, m, d] = on.split("-").map(Number) as [number, number, number];
    const at = londonInstant(y, m, d, 10, 0) ?? new Date(`${on}T10:00:00Z`);
    const { reviewId } = await scheduleReview(tx, people.iro, iroAccess, {
      at,
      venue: child.n % 3 === 0 ? "The child's school (fictional)" : "The foster home (fictional)",
      invited: (await inviteeChoices(tx, child.id)).map((c) => c.key),
      invitees: [],
    });
    const young = age(on) < 4;
    await recordReview(
      tx,
      people.iro,
      iroAccess,
      recordReviewSchema.parse({
        childId: child.id,
        reviewId,
        baseVersion: 1,
        heldOn: ukDay(on),
        participation: young ? "PN0" : age(on) >= 13 && child.n % 4 === 1 ? "PN6" : "PN1",
        attendees: `The child\nThe carers (fictional)\n${people.worker.name}`,
        consultation: "Consultation booklets returned by the child and the carers (fictional).",
        spokeToChild: young
          ? "Saw the child at home with the carers (fictional)."
          : "Spoke with the child alone the week before (fictional).",
        childViews: young
          ? { who: "", status: "too_young", text: "" }
          : {
              who: "",
              status: "given",
              text: "I am happy where I live and want to keep seeing my family (fictional).",
            },
        // Each parent chosen from the people linked to the child (none when people are not seeded).
        parentViews: (await linkedPeople(tx, child.id)).map((p) => ({
          personId: p.personId,
          status: p.relationship === "mother" && child.n % 2 === 0 ? "given" : "sought_not_given",
          text: p.relationship === "mother" && child.n % 2 === 0 ? "Wants contact to continue (fictional)." : "",
        })),
        carerViews: {
          who: "The carers (fictional)",
          status: "given",
          text: "Settled; doing well at school (fictional).",
        },
        socialWorkerViews: {
          who: people.worker.name,
          status: "given",
          text: "The plan is meeting the child's needs (fictional).",
        },
        carePlanAssessment: "The care plan meets the child's needs and reflects their wishes (fictional).",
        progressAssessment: "Good progress since the last review (fictional).",
      }),
      new Date(at.getTime() + 3 * 3600_000),
    );
    const signedAt = new Date(at.getTime() + 2 * 86400_000);
    const dueDate = format(addDays(parseISO(on), 28), "yyyy-MM-dd");
    await signOffReview(
      tx,
      people.iro,
      iroAccess,
      {
        reviewId,
        baseVersion: 2,
        items: [
          {
            kind: "recommendation",
            text: "Review the contact arrangements with the family (fictional)",
            ownerId: people.worker.id,
            dueDate,
          },
        ],
      },
      signedAt < now ? signedAt : now,
    );
    if (dueDate < today) {
      const [item] = await tx
        .select({ id: reviewRecommendations.id })
        .from(reviewRecommendations)
        .where(eq(reviewRecommendations.reviewId, reviewId));
      if (item)
        await closeRecommendation(
          tx,
          people.worker,
          workerAccess,
          {
            recommendationId: item.id,
            status: "done",
            outcome: "Contact reviewed with the family and the carers (fictional).",
          },
          new Date(`${dueDate}T12:00:00Z`),
        );
    }
  }
}

/**
 * Each collection year's health checks the SSDA903 return's OC2 reads, recorded by the child's
 * social worker as health entries: a dental check, immunisations, and the SDQ (a score from 4 to
 * 16, otherwise the Department's reason), on 15 October of each year the child was looked after.
 */
export async function seedDemoHealth(
  tx: Tx,
  child: { id: string; n: number; dateOfBirth: string },
  people: JourneyPeople,
  now: Date = new Date(),
): Promise<void> {
  const today = todayIso(now);
  const access = await childAccess(tx, people.worker, child.id);
  if (!access) return;
  const spells = await tx
    .select({ start: episodes.startDate, end: episodes.endDate })
    .from(episodes)
    .where(and(eq(episodes.childId, child.id), isNull(episodes.supersededAt)));
  const endYear = Number(today.slice(0, 4)) + (Number(today.slice(5, 7)) >= 4 ? 1 : 0);
  for (const year of [endYear - 1, endYear]) {
    const on = `${year - 1}-10-15`;
    if (on > today || on < child.dateOfBirth) continue;
    if (!spells.some((s) => s.start <= on && (s.end === null || s.end >= on))) continue;
    const age = differenceInYears(parseISO(on), parseISO(child.dateOfBirth));
    const entry = async (title: string, data: Record<string, string>) =>
      createEntry(
        tx,
        people.worker,
        access,
        "health",
        createEntrySchema("health").parse({
          childId: child.id,
          title,
          occurredOn: ukDay(on),
          data: { assessor: "Community paediatric team (fictional)", summary: `${title} (fictional).`, ...data },
        }),
      );
    await entry("Dental check", { assessmentType: "Dental check" });
    await entry("Immunisations", { assessmentType: "Immunisations", immunisationsUpToDate: "Yes" });
    await entry(
      "Strengths and difficulties questionnaire",
      age >= 4 && age <= 16
        ? { assessmentType: HEALTH_TYPES.sdq, sdqOutcome: "Completed", sdqScore: String(6 + ((child.n * 7) % 15)) }
        : { assessmentType: HEALTH_TYPES.sdq, sdqOutcome: "SDQ1" },
    );
  }
}
