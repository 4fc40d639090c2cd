// Creating a child's record: possible duplicates first (a similar name and the same date of
// birth, or the same UPN), a reason to go on, the UPN checked as the Department does; never a merge.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { allocations, children } from "@/db/schema";
import { childAccess } from "@/lib/access";
import { createChildAction } from "@/lib/children/actions";
import { DEMO_TEAMS, demoChildId } from "@/scripts/seed/demo";
import { expectOk } from "../helpers/care-plans";
import { useDemoAuthority } from "../helpers/demo";

const demo = useDemoAuthority();

const input = (overrides: Record<string, string> = {}) => ({
  firstName: "Robin",
  lastName: "Testcase",
  preferredName: "",
  dateOfBirth: "14/02/2016",
  sex: "F",
  ethnicity: "WBRI",
  upn: "UN4",
  familyAddress: "Fictional address",
  notDuplicateReason: "",
  ...overrides,
});

describe("creating a child's record", () => {
  it("a social worker creates one for their team, allocated to them, with a new reference", async () => {
    demo.as("sw1");
    const result = await createChildAction(input());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.reference).toMatch(/^DEMO-\d+$/);
    const [row] = await demo.handle.db.select().from(children).where(eq(children.id, result.data.childId));
    expect(row).toMatchObject({
      teamId: demo.actor("sw1").teamId,
      allocatedWorkerId: demo.actor("sw1").id,
      upn: "UN4",
    });
    expect((await childAccess(demo.handle.db, demo.actor("sw1"), result.data.childId))?.relation).toBe("allocated");
    const spells = await demo.handle.db.select().from(allocations).where(eq(allocations.childId, result.data.childId));
    expect(spells.map((s) => s.kind).sort()).toEqual(["social_worker", "team"]);
  });

  it("shows possible duplicates first (similar name, same date of birth) and saves nothing", async () => {
    demo.as("tm1");
    const [existing] = await demo.handle.db
      .select()
      .from(children)
      .where(eq(children.id, demoChildId(3)));
    if (!existing) throw new Error("demo child 3");
    const [y, m, d] = existing.dateOfBirth.split("-");
    const before = (await demo.handle.db.select().from(children)).length;
    const result = await createChildAction(
      input({
        firstName: existing.firstName,
        lastName: existing.lastName.toUpperCase(),
        dateOfBirth: `${d}/${m}/${y}`,
      }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: "conflict:duplicate" } });
    if (result.ok || result.error.code !== "conflict:duplicate") return;
    expect(result.error.details?.duplicates).toEqual([
      expect.objectContaining({ id: existing.id, reference: existing.reference, why: "name and date of birth" }),
    ]);
    expect((await demo.handle.db.select().from(children)).length).toBe(before);
    // With a reason, it is a different child: a record of its own, the reason kept.
    const again = await createChildAction(
      input({
        firstName: existing.firstName,
        lastName: existing.lastName,
        dateOfBirth: `${d}/${m}/${y}`,
        notDuplicateReason:
          "A different child: a twin with the same name spelling, confirmed with the school (fictional).",
      }),
    );
    expect(again.ok).toBe(true);
  });

  it("the same UPN is a possible duplicate too", async () => {
    demo.as("tm1");
    const [existing] = await demo.handle.db
      .select()
      .from(children)
      .where(eq(children.id, demoChildId(5)));
    const result = await createChildAction(input({ firstName: "Someone", lastName: "Else", upn: existing?.upn ?? "" }));
    expect(result).toMatchObject({ ok: false, error: { code: "conflict:duplicate" } });
  });

  it.each(["I123456789012", "A12345678901", "A1234567890AB", "UN6", "123456789012A"])(
    "refuses the UPN %s",
    async (upn) => {
      demo.as("tm1");
      const result = await createChildAction(input({ upn }));
      expect(result).toMatchObject({ ok: false, error: { code: "invalid:input" } });
      if (!result.ok) expect(result.fieldErrors?.upn?.[0]).toMatch(/Unique Pupil Number/);
    },
  );

  it.each([
    ["A123456789012", "01/03/2012"],
    ["B12345678901C", "02/04/2013"],
    ["UN1", "03/05/2021"],
  ])("accepts the UPN %s", async (upn, dateOfBirth) => {
    demo.as("tm1");
    // A different date of birth each, so the children are not taken for one another.
    const result = await createChildAction(input({ firstName: "Alexis", upn, dateOfBirth }));
    expect(result.ok).toBe(true);
  });

  it("a team manager opens it in their own team by default, or in another team they choose", async () => {
    demo.as("tm1");
    const own = expectOk(await createChildAction(input({ firstName: "Harper", dateOfBirth: "05/06/2017" })));
    expect(own).toMatchObject({ teamId: DEMO_TEAMS.north, inOwnTeam: true });
    expect((await childAccess(demo.handle.db, demo.actor("tm1"), own.childId))?.relation).toBe("manager");

    const south = expectOk(
      await createChildAction(input({ firstName: "Quinn", dateOfBirth: "06/07/2017", teamId: DEMO_TEAMS.south })),
    );
    expect(south).toMatchObject({ teamId: DEMO_TEAMS.south, inOwnTeam: false });
    const [row] = await demo.handle.db.select().from(children).where(eq(children.id, south.childId));
    expect(row).toMatchObject({ teamId: DEMO_TEAMS.south, allocatedWorkerId: null });
    const spells = await demo.handle.db.select().from(allocations).where(eq(allocations.childId, south.childId));
    expect(spells.map((s) => [s.kind, s.teamId])).toEqual([["team", DEMO_TEAMS.south]]);
    // The South team's manager manages it at once; the North manager who opened it does not.
    expect((await childAccess(demo.handle.db, demo.actor("tm2"), south.childId))?.relation).toBe("manager");
    expect(await childAccess(demo.handle.db, demo.actor("tm1"), south.childId)).toBeNull();
  });

  it("refuses a team that does not exist, and a social worker's choice of another team", async () => {
    demo.as("tm1");
    const before = (await demo.handle.db.select().from(children)).length;
    expect(
      await createChildAction(
        input({ firstName: "Rowan", dateOfBirth: "07/08/2017", teamId: "00000000-0000-4000-8000-000000000000" }),
      ),
    ).toMatchObject({ ok: false, fieldErrors: { teamId: ["Choose one of the authority's teams"] } });
    demo.as("sw1");
    expect(
      await createChildAction(input({ firstName: "Sasha", dateOfBirth: "08/09/2017", teamId: DEMO_TEAMS.south })),
    ).toMatchObject({ ok: false, fieldErrors: { teamId: [expect.stringMatching(/in their own team/)] } });
    expect((await demo.handle.db.select().from(children)).length).toBe(before);
    // Their own team, named or not, is accepted.
    expect(
      expectOk(
        await createChildAction(input({ firstName: "Sasha", dateOfBirth: "08/09/2017", teamId: DEMO_TEAMS.north })),
      ),
    ).toMatchObject({ teamId: DEMO_TEAMS.north, inOwnTeam: true });
  });

  it("an IRO, a provider and the records officer cannot create one", async () => {
    for (const key of ["iro1", "prov1", "ro"] as const) {
      demo.as(key);
      expect(await createChildAction(input({ firstName: `Not${key}` })), key).toMatchObject({
        ok: false,
        error: { code: "forbidden:action" },
      });
    }
  });
});
