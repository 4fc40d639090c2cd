// The demo's facts for the return that no event of the journey records, through the portal's own
// commands so they pass the same checks: each social worker's (fictional) Social Work England
// number; previous permanence for every child (none for most, a special guardianship order made
// by another authority for child 32, not known for child 31); whether each girl of 12 or over is
// a mother (child 20, a girl of 16, is, with her baby's date of birth); adoption milestones for the
// child placed for adoption (9) and the child adopted (28); contact with the care leaver (39)
// around the 18th birthday. Tests may rely on these children and values.
import { addDays, addYears, differenceInCalendarDays, format, parseISO } from "date-fns";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { children, episodes } from "@/db/schema";
import { childAccess, type Actor, type ChildAccess } from "@/lib/access";
import { ageInYears, todayIso } from "@/lib/dates";
import { recordAdoptionMilestones, recordCareLeaverContact, recordReturnDetails } from "@/lib/return-fields/commands";
import { setSocialWorkerId } from "@/lib/users/commands";
import { stableId } from "./ids";

// The same ids as demo.ts gives (imported from there would be a cycle: demo.ts calls this).
const demoChildId = (n: number) => stableId(`child:${n}`);

/** The demo's registered social workers and their fictional SW_IDs (SW9000nn: no real registration). */
export const DEMO_SW_IDS: Readonly<Record<string, string>> = {
  sw1: "SW900001",
  sw2: "SW900002",
  sw3: "SW900003",
  gone: "SW900004",
  tm1: "SW900005",
  tm2: "SW900006",
};
/** Child 32 was under a special guardianship order made by another authority (fictionally North Somerset, 802). */
export const DEMO_SGO_CHILD = 32;
/** Child 31 was under a child arrangements order made by this authority's court (801). */
export const DEMO_ARRANGEMENTS_ORDER_CHILD = 31;
/** Child 20, a girl of 16 (journeys.ts AGE_OVERRIDES), is a mother. */
export const DEMO_MOTHER_CHILD = 20;

const day = (d: Date) => format(d, "yyyy-MM-dd");
const shift = (iso: string, days: number) => day(addDays(parseISO(iso), days));

async function accessFor(tx: Tx, actor: Actor, childId: string): Promise<ChildAccess> {
  const access = await childAccess(tx, actor, childId);
  if (!access) throw new Error(`the demo's ${actor.name} cannot open child ${childId}`);
  return access;
}

export async function seedDemoReturnFields(
  tx: Tx,
  opts: { childCount: number; managerOf: (n: number) => Actor },
): Promise<void> {
  const { childCount, managerOf } = opts;
  for (const [key, swId] of Object.entries(DEMO_SW_IDS)) {
    await setSocialWorkerId(tx, {
      userId: stableId(`user:${key}`),
      swId,
      reason: "Registration checked on the Social Work England register (fictional demo number)",
    });
  }

  const today = todayIso();
  const rows = await tx
    .select({ id: children.id, dateOfBirth: children.dateOfBirth, sex: children.sex })
    .from(children)
    .orderBy(asc(children.reference));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const mother = byId.get(demoChildId(DEMO_MOTHER_CHILD));
  if (!mother || mother.sex !== "F" || ageInYears(mother.dateOfBirth, today) < 16)
    throw new Error(`demo child ${DEMO_MOTHER_CHILD} is meant to be a girl of 16 or over`);

  for (let n = 0; n < childCount; n++) {
    const child = byId.get(demoChildId(n));
    if (!child) continue;
    const access = await accessFor(tx, managerOf(n), child.id);
    const episodeRows = await tx
      .select({ startDate: episodes.startDate, legalStatus: episodes.legalStatus, placement: episodes.placement })
      .from(episodes)
      .where(and(eq(episodes.childId, child.id), isNull(episodes.supersededAt)))
      .orderBy(asc(episodes.startDate), asc(episodes.startedAt));
    const firstStart = episodeRows[0]?.startDate ?? today;
    // The order, halfway between birth and the first period of care.
    const orderOn = shift(
      child.dateOfBirth,
      Math.floor(differenceInCalendarDays(parseISO(firstStart), parseISO(child.dateOfBirth)) / 2),
    );
    // Recorded for every girl: the Department asks it of girls of 12 and over at 31 March and of
    // every girl who leaves care in the year, whatever her age.
    const girl = child.sex === "F";
    const isMother = child.id === mother.id;
    await recordReturnDetails(tx, access, {
      childId: child.id,
      // An order, when there was one, with the authority and the date the Department asks for with it.
      previousPermanence: n === DEMO_SGO_CHILD ? "P2" : n === DEMO_ARRANGEMENTS_ORDER_CHILD ? "P3" : "Z1",
      previousPermanenceLa: n === DEMO_SGO_CHILD ? "802" : n === DEMO_ARRANGEMENTS_ORDER_CHILD ? "801" : null,
      previousPermanenceDate: n === DEMO_SGO_CHILD || n === DEMO_ARRANGEMENTS_ORDER_CHILD ? orderOn : null,
      isMother: girl ? isMother : null,
      // Her baby was born three months ago, well after her 15th birthday.
      motherChildDob: isMother ? shift(today, -90) : null,
    });

    // Placed for adoption (9) and adopted (28): the decision a month before the placement order, the
    // match a fortnight before the placement with the adopters.
    if (n === 9 || n === 28) {
      const orderStart = episodeRows.find((e) => e.legalStatus === "E1")?.startDate;
      const placedStart = episodeRows.find((e) => /^A[3-6]$/.test(e.placement))?.startDate;
      if (!orderStart || !placedStart) throw new Error(`demo child ${n} has no placement order or adoptive placement`);
      const manager = managerOf(n);
      const first = await recordAdoptionMilestones(tx, manager, access, {
        childId: child.id,
        baseVersion: 0,
        decisionOn: shift(orderStart, -30),
        matchedOn: shift(placedStart, -14),
        reversedOn: null,
        reversedReason: null,
        adoptedByFosterCarer: null,
        numberOfAdopters: null,
        adoptersSex: null,
        adoptersLegalStatus: null,
        amendReason: "",
      });
      // Child 28 was adopted by a married couple who had not fostered them (placed A6, not A5).
      if (n === 28)
        await recordAdoptionMilestones(tx, manager, access, {
          childId: child.id,
          baseVersion: first.version,
          decisionOn: shift(orderStart, -30),
          matchedOn: shift(placedStart, -14),
          reversedOn: null,
          reversedReason: null,
          adoptedByFosterCarer: false,
          numberOfAdopters: 2,
          adoptersSex: "MF",
          adoptersLegalStatus: "L11",
          amendReason: "",
        });
    }

    // The care leaver (39) left care on the 18th birthday; the personal adviser saw them ten days later.
    if (n === 39) {
      const eighteenth = day(addYears(parseISO(child.dateOfBirth), 18));
      await recordCareLeaverContact(tx, managerOf(n), access, {
        childId: child.id,
        age: 18,
        contactedOn: shift(eighteenth, 10),
        inTouch: "YES",
        activity: "F2",
        accommodation: "D1",
        amendReason: "",
      });
    }
  }
}
