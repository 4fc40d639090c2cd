// The people around the demo children (all fictional, marked so): each child's mother and father as
// person records, siblings sharing the same person records (one person, however many siblings),
// with parental responsibility, contact details at invented addresses (the reserved ZZ99 postcode
// area, never a real home), and the demo's sibling pairs recorded as full siblings placed together.
import { addDays, format, parseISO } from "date-fns";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { childPeople, children, persons, siblingLinks } from "@/db/schema";
import { todayIso } from "@/lib/dates";
import { LAST_NAMES, stableId } from "./ids";

/** The demo's sibling pairs (their records stay separate; the people are shared). */
export const DEMO_SIBLING_PAIRS: ReadonlyArray<readonly [number, number]> = [
  [0, 1],
  [2, 3],
  [24, 25],
];
const familyOf = (n: number) => DEMO_SIBLING_PAIRS.find((p) => p.includes(n))?.[0] ?? n;

const MOTHERS = ["Dana", "Kerry", "Leanne", "Priya", "Shona", "Tasha", "Amira", "Gemma"] as const;
const FATHERS = ["Craig", "Dean", "Marcus", "Ravi", "Scott", "Wayne", "Yusuf", "Liam"] as const;

export interface DemoParent {
  personId: string;
  firstName: string;
  lastName: string;
  relationship: "mother" | "father";
  parentalResponsibility: boolean;
}

/** The demo child's parents; siblings get the same two person records. */
export function demoParents(n: number): DemoParent[] {
  const f = familyOf(n);
  const lastName = `${LAST_NAMES[(f * 3) % LAST_NAMES.length] ?? "Ashdown"} (fictional)`;
  return [
    {
      personId: stableId(`person:${f}:mother`),
      firstName: MOTHERS[f % MOTHERS.length] ?? "Dana",
      lastName,
      relationship: "mother",
      parentalResponsibility: true,
    },
    {
      personId: stableId(`person:${f}:father`),
      firstName: FATHERS[f % FATHERS.length] ?? "Craig",
      lastName,
      relationship: "father",
      // Some fathers do not hold parental responsibility (not named on the birth certificate, no order).
      parentalResponsibility: f % 3 !== 1,
    },
  ];
}

/** Parents' views as a demo decision records them: chosen from the linked parents. */
export function demoParentViews(n: number) {
  return demoParents(n).map((p, i) => ({
    personId: p.personId,
    name: `${p.firstName} ${p.lastName}`,
    relationship: p.relationship === "mother" ? "Mother" : "Father",
    parentalResponsibility: p.parentalResponsibility,
    status: i === 0 ? "given" : "sought_not_given",
    text: i === 0 ? "Agrees with the plan and wants contact to continue (fictional)." : "",
  }));
}

/**
 * Links demo child `n`'s mother and father (person records shared by siblings), from `since`. The
 * seed links them as each record opens, before the child's journey, so the placement changes and
 * the end of care on the decision trail hear each parent.
 */
export async function seedDemoParents(tx: Tx, n: number, childId: string, since?: string): Promise<void> {
  const start = since ?? format(addDays(parseISO(todayIso()), -400), "yyyy-MM-dd");
  const [child] = await tx.select({ id: children.id }).from(children).where(eq(children.id, childId)).limit(1);
  if (!child) return;
  for (const p of demoParents(n)) {
    await tx
      .insert(persons)
      .values({
        id: p.personId,
        personId: p.personId,
        version: 1,
        firstName: p.firstName,
        lastName: p.lastName,
        address: `${20 + (familyOf(n) % 70)} Example Street, Demotown ZZ99 ${1 + (n % 9)}ZZ (fictional)`,
        phone: `0117 496 0${String(100 + familyOf(n)).padStart(3, "0")}`,
        email: `${p.firstName.toLowerCase()}.parent${familyOf(n)}@demo.invalid`,
      })
      .onConflictDoNothing();
    const [linked] = await tx
      .select({ id: childPeople.id })
      .from(childPeople)
      .where(and(eq(childPeople.childId, childId), eq(childPeople.personId, p.personId)))
      .limit(1);
    if (!linked)
      await tx.insert(childPeople).values({
        id: stableId(`child-person:${n}:${p.relationship}`),
        childId,
        personId: p.personId,
        relationship: p.relationship,
        parentalResponsibility: p.parentalResponsibility,
        startDate: start,
      });
  }
}

export async function seedDemoPeople(tx: Tx, childIds: readonly string[]): Promise<void> {
  const start = format(addDays(parseISO(todayIso()), -400), "yyyy-MM-dd");
  for (const [n, childId] of childIds.entries()) await seedDemoParents(tx, n, childId, start);
  // The seeded sibling links, with what workers now record about them.
  for (const [a, b] of DEMO_SIBLING_PAIRS) {
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      const [childId, siblingId] = [childIds[x], childIds[y]];
      if (!childId || !siblingId) continue;
      await tx
        .insert(siblingLinks)
        .values({
          id: stableId(`sibling:${x}:${y}`),
          childId,
          siblingId,
          relationship: "full",
          placement: "together",
          placementReason: "Placed together: they are close and the carers can meet both children's needs (fictional).",
          startDate: start,
        })
        .onConflictDoNothing();
    }
  }
}
