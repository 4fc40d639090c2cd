// Bad input gets a clear field error and changes nothing: characters the database cannot store,
// dates of things that happened set in the future or before the child was born.
import { format, addDays } from "date-fns";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { children, recordEntries } from "@/db/schema";
import { createEntryAction } from "@/lib/records/actions";
import { formatUkDate, todayIso } from "@/lib/dates";
import { demoChildId } from "@/scripts/seed/demo";
import { useDemoAuthority } from "../helpers/demo";
import { entryInput } from "../helpers/entries";

const demo = useDemoAuthority();
const CHILD = demoChildId(0);
const entries = async () => (await demo.handle.db.select({ n: sql<number>`count(*)::int` }).from(recordEntries))[0]?.n;
const ukDay = (days: number) => formatUkDate(format(addDays(new Date(`${todayIso()}T12:00:00Z`), days), "yyyy-MM-dd"));

describe("text the database cannot store", () => {
  it.each([
    ["a NUL character", "Seen at home\u0000 and at school"],
    ["half of an emoji", "Happy \uD83D today"],
    ["the other half on its own", "Happy \uDE00 today"],
  ])("refuses %s with an error on that field and saves nothing", async (_what, text) => {
    demo.as("sw1");
    const before = await entries();
    const input = entryInput(CHILD, "visits", 1);
    const result = await createEntryAction("visits", { ...input, data: { ...input.data, observations: text } });
    expect(result).toMatchObject({ ok: false, error: { code: "invalid:input" } });
    if (result.ok) return;
    expect(result.fieldErrors?.["data.observations"]?.[0]).toMatch(/cannot be stored/);
    expect(await entries()).toBe(before);
  });

  it("accepts whole emoji and accents", async () => {
    demo.as("sw1");
    const input = entryInput(CHILD, "visits", 2);
    const result = await createEntryAction("visits", {
      ...input,
      data: { ...input.data, observations: "Zoë smiled 😀" },
    });
    expect(result.ok).toBe(true);
  });
});

describe("dates of things that happened", () => {
  it("refuses a visit dated in the future, saying what today is", async () => {
    demo.as("sw1");
    const before = await entries();
    const result = await createEntryAction("visits", { ...entryInput(CHILD, "visits", 3), occurredOn: ukDay(1) });
    expect(result).toMatchObject({ ok: false, error: { code: "invalid:input" } });
    if (result.ok) return;
    expect(result.fieldErrors?.occurredOn?.[0]).toMatch(/cannot be in the future/);
    expect(await entries()).toBe(before);
  });

  it("refuses a visit, an assessment, an order or a decision dated before the child was born", async () => {
    const [child] = await demo.handle.db.select().from(children).where(eq(children.id, CHILD));
    if (!child) throw new Error("no child 0");
    const dayBefore = formatUkDate(format(addDays(new Date(`${child.dateOfBirth}T12:00:00Z`), -1), "yyyy-MM-dd"));
    for (const section of ["visits", "assessments", "courtOrders", "decisions"] as const) {
      demo.as(section === "courtOrders" || section === "decisions" ? "tm1" : "sw1");
      const result = await createEntryAction(section, { ...entryInput(CHILD, section, 4), occurredOn: dayBefore });
      expect(result, section).toMatchObject({ ok: false, error: { code: "invalid:input" } });
      if (!result.ok) expect(result.fieldErrors?.occurredOn?.[0], section).toMatch(/before the child was born/);
    }
  });

  it("lets a start date and due dates be in the future", async () => {
    demo.as("sw1");
    const contact = await createEntryAction("contact", { ...entryInput(CHILD, "contact", 5), occurredOn: ukDay(14) });
    expect(contact.ok).toBe(true);
    const health = entryInput(CHILD, "health", 5);
    const due = await createEntryAction("health", { ...health, data: { ...health.data, nextDue: ukDay(180) } });
    expect(due.ok).toBe(true);
  });
});
