// A write whose response was lost is retried by the browser with the same submission key: the
// retry gets the first result back and writes nothing new, even when it races the first attempt.
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, recordEntries } from "@/db/schema";
import { createEntryAction } from "@/lib/records/actions";
import { demoChildId } from "@/scripts/seed/demo";
import { useDemoAuthority } from "../helpers/demo";
import { entryInput } from "../helpers/entries";

const demo = useDemoAuthority();
const CHILD = demoChildId(0);

const entriesTitled = async (title: string) =>
  (
    await demo.handle.db
      .select({ n: sql<number>`count(*)::int` })
      .from(recordEntries)
      .where(and(eq(recordEntries.childId, CHILD), eq(recordEntries.title, title)))
  )[0]?.n ?? 0;
const createEvents = async () =>
  (
    await demo.handle.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "visits.create"), eq(auditEvents.outcome, "allowed")))
  )[0]?.n ?? 0;

describe("retried submissions", () => {
  it("a retry with the same key returns the first result and records one visit and one audit event", async () => {
    demo.as("sw1");
    const idempotencyKey = randomUUID();
    const input = { ...entryInput(CHILD, "visits", 1), title: "Visit saved once (fictional)", idempotencyKey };
    const before = await createEvents();
    const first = await createEntryAction("visits", input);
    const retry = await createEntryAction("visits", input);
    expect(first.ok).toBe(true);
    expect(retry).toEqual(first);
    expect(await entriesTitled("Visit saved once (fictional)")).toBe(1);
    expect((await createEvents()) - before).toBe(1);
  });

  it("retries racing the first attempt still write once", async () => {
    demo.as("sw1");
    const idempotencyKey = randomUUID();
    const input = {
      ...entryInput(CHILD, "visits", 2),
      title: "Visit sent three times at once (fictional)",
      idempotencyKey,
    };
    const results = await Promise.all([1, 2, 3].map(() => createEntryAction("visits", input)));
    expect(results.every((r) => r.ok)).toBe(true);
    const ids = new Set(results.map((r) => (r.ok ? r.data.entryId : "")));
    expect(ids.size).toBe(1);
    expect(await entriesTitled("Visit sent three times at once (fictional)")).toBe(1);
  });

  it("a new submission (a new key) is a new visit, and the same key from another person is theirs alone", async () => {
    demo.as("sw1");
    const idempotencyKey = randomUUID();
    const title = "Two separate visits (fictional)";
    expect((await createEntryAction("visits", { ...entryInput(CHILD, "visits", 3), title, idempotencyKey })).ok).toBe(
      true,
    );
    expect(
      (await createEntryAction("visits", { ...entryInput(CHILD, "visits", 3), title, idempotencyKey: randomUUID() }))
        .ok,
    ).toBe(true);
    demo.as("tm1");
    expect((await createEntryAction("visits", { ...entryInput(CHILD, "visits", 3), title, idempotencyKey })).ok).toBe(
      true,
    );
    expect(await entriesTitled(title)).toBe(3);
  });

  it("a refused submission leaves no receipt: fixing the input and sending it again saves it", async () => {
    demo.as("sw1");
    const idempotencyKey = randomUUID();
    const title = "Corrected then saved (fictional)";
    const bad = await createEntryAction("visits", {
      ...entryInput(CHILD, "visits", 4),
      title,
      occurredOn: "31/02/2026",
      idempotencyKey,
    });
    expect(bad).toMatchObject({ ok: false, error: { code: "invalid:input" } });
    expect((await createEntryAction("visits", { ...entryInput(CHILD, "visits", 4), title, idempotencyKey })).ok).toBe(
      true,
    );
    expect(await entriesTitled(title)).toBe(1);
  });
});
