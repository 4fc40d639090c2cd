// The demo authority is data a council could send: its journeys were recorded through the
// portal's commands, so every child's history keeps the Department's rules (the same checks the
// forms run), its postcodes are real ones, its UPNs carry their check letters, its court orders
// agree with legal status, and it shows every state a team manager must handle.
import { and, eq, isNull, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  allocations,
  childProtectionPlans,
  children,
  episodes,
  markerTasks,
  missingEpisodes,
  recordEntries,
  uascStatuses,
} from "@/db/schema";
import { toFacts } from "@/lib/episodes/commands";
import { LEGAL_STATUSES_FROM_ORDERS, ORDER_LEGAL_STATUS } from "@/lib/episodes/court-orders";
import { markerState } from "@/lib/episodes/queries";
import { collectionYearOf, historyBreaches } from "@/lib/episodes/rules";
import { todayIso } from "@/lib/dates";
import { DEMO_CHILD_COUNT, demoUpn } from "@/scripts/seed/demo";
import { useDemoAuthority } from "../helpers/demo";

const demo = useDemoAuthority();
const POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}$/;

async function latestEpisodes() {
  return demo.handle.db
    .select()
    .from(episodes)
    .where(and(isNull(episodes.supersededAt), isNull(episodes.deletedAt)))
    .orderBy(episodes.childId, episodes.startDate, episodes.startedAt);
}

describe("the demo authority", () => {
  it("keeps the Department's rules in every child's history of episodes", async () => {
    const kids = await demo.handle.db.select().from(children);
    expect(kids).toHaveLength(DEMO_CHILD_COUNT);
    const all = await latestEpisodes();
    for (const child of kids) {
      const history = all.filter((e) => e.childId === child.id);
      expect(history.length, child.reference).toBeGreaterThan(0);
      expect(historyBreaches(history.map(toFacts), child), child.reference).toEqual([]);
      expect(history[0]?.reasonNewEpisode, child.reference).toBe("S");
    }
  });

  it("covers the current and the previous collection year, with periods that ended in several ways", async () => {
    const all = await latestEpisodes();
    const current = collectionYearOf(todayIso());
    const open = (year: number) =>
      all.filter((e) => e.startDate < `${year + 1}-04-01` && (e.endDate === null || e.endDate >= `${year}-04-01`));
    expect(new Set(open(current).map((e) => e.childId)).size).toBeGreaterThan(30);
    expect(new Set(open(current - 1).map((e) => e.childId)).size).toBeGreaterThan(20);
    const endings = new Set(all.map((e) => e.reasonCeased).filter((r) => r && r !== "X1"));
    for (const rec of ["E4A", "E13", "E11", "E45", "E5"]) expect(endings).toContain(rec);
    const changes = new Set(all.map((e) => e.reasonNewEpisode));
    for (const rne of ["S", "L", "P", "T"]) expect(changes).toContain(rne);
    for (const ls of ["V2", "C1", "C2", "E1", "L1", "L2"])
      expect(
        all.some((e) => e.legalStatus === ls),
        ls,
      ).toBe(true);
    expect(all.some((e) => e.placement === "A5" || e.placement === "A6")).toBe(true);
    expect(all.some((e) => /^T[0-4]$/.test(e.placement))).toBe(true);
  });

  it("uses real-format postcodes of real places, never placeholders, and UPNs with their check letters", async () => {
    const all = await latestEpisodes();
    for (const e of all) {
      if (e.homePostcode) expect(e.homePostcode).toMatch(POSTCODE);
      if (e.placementPostcode) expect(e.placementPostcode).toMatch(POSTCODE);
      expect(`${e.homePostcode} ${e.placementPostcode}`).not.toMatch(/ZZ/);
    }
    const kids = await demo.handle.db.select().from(children);
    for (const c of kids) {
      expect(c.upn, c.reference).toMatch(/^([A-HJ-NP-RT-Z]\d{12}|UN[1-5])$/);
      if (c.upn && !c.upn.startsWith("UN"))
        expect(c.upn).toBe(demoUpn(Number(c.reference.slice(5)) - 1001, c.dateOfBirth));
    }
  });

  it("links every legal status that follows an order, wherever it first appears, to an order of the kind that gives it", async () => {
    const all = await latestEpisodes();
    const orders = await demo.handle.db
      .select({
        entryId: recordEntries.entryId,
        childId: recordEntries.childId,
        occurredOn: recordEntries.occurredOn,
        data: recordEntries.data,
      })
      .from(recordEntries)
      .where(and(eq(recordEntries.section, "courtOrders"), eq(recordEntries.isLatest, true)));
    const byId = new Map(orders.map((o) => [o.entryId, o]));
    // The first episode of each run of one legal status: a period of care starting on it, or a change to it.
    const firsts = all.filter((e, i) => {
      const prev = all[i - 1];
      return (
        LEGAL_STATUSES_FROM_ORDERS.includes(e.legalStatus) &&
        (e.reasonNewEpisode === "S" || prev?.childId !== e.childId || prev.legalStatus !== e.legalStatus)
      );
    });
    // Periods of care that start on an order (children 6, 9, 15 and 28) as well as changes to one.
    expect(firsts.some((e) => e.reasonNewEpisode === "S")).toBe(true);
    for (const e of firsts) {
      const where = `${e.childId}: ${e.legalStatus} from ${e.startDate} (${e.reasonNewEpisode})`;
      const order = byId.get(e.courtOrderEntryId ?? "");
      expect(order, where).toBeDefined();
      expect(order?.childId, where).toBe(e.childId);
      expect(ORDER_LEGAL_STATUS[String(order?.data.orderType)], where).toContain(e.legalStatus);
      expect((order?.occurredOn ?? "9999-12-31") <= e.startDate, where).toBe(true);
    }
  });

  it("has markers actioned in time, actioned late, open and overdue, CP plans, missing periods and UASC", async () => {
    const tasks = await demo.handle.db.select().from(markerTasks);
    const states = new Set(tasks.map((t) => markerState(t)));
    for (const s of ["actioned", "actioned late", "open", "overdue"]) expect(states).toContain(s);
    const plans = await demo.handle.db.select().from(childProtectionPlans);
    expect(plans.some((p) => p.endDate === null)).toBe(true);
    expect(plans.some((p) => p.endDate !== null)).toBe(true);
    const missing = await demo.handle.db.select().from(missingEpisodes);
    expect(new Set(missing.map((m) => m.kind))).toEqual(new Set(["M", "A"]));
    expect(missing.some((m) => m.endedAt === null)).toBe(true);
    const uasc = await demo.handle.db.select().from(uascStatuses);
    expect(uasc.length).toBeGreaterThanOrEqual(3);
    expect(uasc.some((u) => u.ceasedDate !== null)).toBe(true);
  });

  it("records allocations as spells: every child has its worker, IRO and team, with changes and a transfer", async () => {
    const spells = await demo.handle.db.select().from(allocations);
    const kids = await demo.handle.db.select().from(children);
    for (const c of kids) {
      const open = spells.filter((s) => s.childId === c.id && s.endDate === null);
      expect(open.find((s) => s.kind === "social_worker")?.userId, c.reference).toBe(c.allocatedWorkerId);
      expect(open.find((s) => s.kind === "iro")?.userId, c.reference).toBe(c.iroId);
      expect(open.find((s) => s.kind === "team")?.teamId, c.reference).toBe(c.teamId);
    }
    expect(spells.some((s) => s.kind === "social_worker" && s.endReason === "MANAGE")).toBe(true);
    expect(spells.some((s) => s.kind === "team" && s.endDate !== null)).toBe(true);
    const [{ n } = { n: 0 }] = await demo.handle.db
      .select({ n: sql<number>`count(*)::int` })
      .from(allocations)
      .where(eq(allocations.endReason, "TSPROC"));
    expect(n).toBeGreaterThanOrEqual(1);
  });
});
