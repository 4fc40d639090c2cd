// Who reaches which child: every demo user against every child, and their caseloads.
// Expectations are written here from the product's rules, not read from lib/access.
import { describe, expect, it } from "vitest";
import { DEMO_CHILD_COUNT, demoChildId, type DemoUserKey } from "@/scripts/seed/demo";
import { allows, childAccess, type Actor } from "@/lib/access";
import { listCaseload } from "@/lib/children/queries";
import { useDemoAuthority } from "../helpers/demo";

const NORTH = (n: number) => n < 24;
const expectedRelation: Record<Exclude<DemoUserKey, "gone">, (n: number) => string | null> = {
  sw1: (n) => (NORTH(n) ? (n % 2 === 0 ? "allocated" : "team") : null),
  sw2: (n) => (NORTH(n) ? (n % 2 === 1 ? "allocated" : "team") : null),
  sw3: (n) => (NORTH(n) ? null : "allocated"),
  tm1: (n) => (NORTH(n) ? "manager" : null),
  tm2: (n) => (NORTH(n) ? null : "manager"),
  iro1: (n) => (n % 2 === 0 ? "iro" : null),
  iro2: (n) => (n % 2 === 1 ? "iro" : null),
  // Brightwater: active arrangements for 0-5 and 24; 6 has ended; 7 has not started yet.
  prov1: (n) => ([0, 1, 2, 3, 4, 5, 24].includes(n) ? "provider" : null),
  prov2: (n) => (n === 8 ? "provider" : null),
  // The records officer reaches a child only through break-glass.
  ro: () => null,
  // A supervising social worker reaches carers' and homes' records, never a child's.
  ssw: () => null,
  ssw2: () => null,
};

const demo = useDemoAuthority();

describe("who may open which child", () => {
  for (const key of Object.keys(expectedRelation) as Array<keyof typeof expectedRelation>) {
    it(`${key} reaches exactly the children their relationship allows`, async () => {
      const actor = demo.actors.get(key) as Actor;
      for (let n = 0; n < DEMO_CHILD_COUNT; n++) {
        const access = await childAccess(demo.handle.db, actor, demoChildId(n));
        expect(access?.relation ?? null, `${key} on child ${n}`).toBe(expectedRelation[key](n));
      }
    });

    it(`${key}'s caseload lists exactly those children`, async () => {
      const actor = demo.actors.get(key) as Actor;
      const { items, total } = await listCaseload(demo.handle.db, actor, { pageSize: 100 });
      const expected = Array.from({ length: DEMO_CHILD_COUNT }, (_, n) => n)
        .filter((n) => expectedRelation[key](n) !== null)
        .map(demoChildId);
      expect(items.map((c) => c.id).sort()).toEqual(expected.sort());
      expect(total).toBe(expected.length);
      // Each row carries its current legal status from the child's own episodes.
      expect(items.every((c) => c.legalStatus && /^[A-Z]\d$/.test(c.legalStatus))).toBe(true);
    });
  }

  it("a provider does not see a child whose arrangement ended, nor one not yet started", async () => {
    const provider = demo.actors.get("prov1") as Actor;
    expect(await childAccess(demo.handle.db, provider, demoChildId(6))).toBeNull();
    expect(await childAccess(demo.handle.db, provider, demoChildId(7))).toBeNull();
  });

  it("an id that is not a child, or not an id at all, is refused like any other", async () => {
    const manager = demo.actors.get("tm1") as Actor;
    expect(await childAccess(demo.handle.db, manager, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await childAccess(demo.handle.db, manager, "'; select 1; --")).toBeNull();
  });
});

describe("what a provider may open (the full matrix is in policy-matrix.test.ts)", () => {
  it("a provider user cannot open a court order or a court report", async () => {
    const provider = demo.actors.get("prov1") as Actor;
    const access = await childAccess(demo.handle.db, provider, demoChildId(0));
    expect(access).not.toBeNull();
    expect(allows(provider, access, "courtOrders.view")).toBe(false);
    expect(allows(provider, access, "courtReports.view")).toBe(false);
    expect(allows(provider, access, "visits.view")).toBe(true);
  });
});
