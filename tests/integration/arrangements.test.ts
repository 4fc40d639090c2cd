// Provider arrangements: recording one gives the provider's staff access; ending it takes the
// access away on the end date with no action from anyone; every version is kept.
import { eq } from "drizzle-orm";
import { format, addDays } from "date-fns";
import { describe, expect, it } from "vitest";
import { providerArrangements } from "@/db/schema";
import { DEMO_ORGS, demoChildId, type DemoUserKey } from "@/scripts/seed/demo";
import { childAccess, type Actor } from "@/lib/access";
import { amendArrangementAction, createArrangementAction } from "@/lib/arrangements/actions";
import { useDemoAuthority } from "../helpers/demo";
import { signInAs } from "../helpers/session";

const demo = useDemoAuthority();
const as = (key: DemoUserKey) => signInAs(demo.actors.get(key) ?? null);
const uk = (d: Date) => format(d, "dd/MM/yyyy");
const CHILD = demoChildId(10); // North, allocated to sw1, no arrangement in the demo data

describe("provider arrangements", () => {
  it("a new arrangement gives the provider access to the child", async () => {
    const provider = demo.actors.get("prov1") as Actor;
    expect(await childAccess(demo.handle.db, provider, CHILD)).toBeNull();
    as("sw1");
    const result = await createArrangementAction({
      childId: CHILD,
      organisationId: DEMO_ORGS.brightwater,
      functions: "Foster placement (fictional)",
      startDate: uk(addDays(new Date(), -10)),
      endDate: "",
    });
    expect(result.ok).toBe(true);
    expect((await childAccess(demo.handle.db, provider, CHILD))?.relation).toBe("provider");
  });

  it("ending the arrangement today ends the provider's access today, and keeps the earlier version", async () => {
    const [current] = await demo.handle.db
      .select()
      .from(providerArrangements)
      .where(eq(providerArrangements.childId, CHILD));
    if (!current) throw new Error("no arrangement");
    as("tm1");
    const result = await amendArrangementAction({
      childId: CHILD,
      arrangementId: current.id,
      functions: current.functions,
      startDate: uk(addDays(new Date(), -10)),
      endDate: uk(new Date()),
      amendReason: "Placement ended: child moved to in-house carers",
    });
    expect(result.ok).toBe(true);
    expect(await childAccess(demo.handle.db, demo.actors.get("prov1") as Actor, CHILD)).toBeNull();
    const rows = await demo.handle.db
      .select()
      .from(providerArrangements)
      .where(eq(providerArrangements.childId, CHILD));
    expect(rows).toHaveLength(2);
    expect(rows.filter((r) => r.supersededAt)).toHaveLength(1);
  });

  it("refuses an end date before the start date with a field error", async () => {
    as("sw1");
    const result = await createArrangementAction({
      childId: CHILD,
      organisationId: DEMO_ORGS.harbour,
      functions: "Visits",
      startDate: "10/10/2026",
      endDate: "01/10/2026",
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fieldErrors?.endDate?.[0]).toMatch(/on or after the start date/);
  });

  it("refuses a provider, an IRO and a social worker from another team", async () => {
    for (const key of ["prov1", "iro1", "sw3"] as const) {
      as(key);
      const result = await createArrangementAction({
        childId: CHILD,
        organisationId: DEMO_ORGS.harbour,
        functions: "Visits",
        startDate: "10/10/2026",
        endDate: "",
      });
      expect(result.ok, key).toBe(false);
    }
    const rows = await demo.handle.db
      .select()
      .from(providerArrangements)
      .where(eq(providerArrangements.organisationId, DEMO_ORGS.harbour));
    expect(rows.every((r) => r.childId !== CHILD)).toBe(true);
  });
});
