import { describe, expect, it } from "vitest";
import {
  applyCareEvent,
  collectionYearOf,
  historyBreaches,
  reasonForNewEpisode,
  type CareEvent,
  type EpisodeFacts,
} from "./rules";

const CHILD = { dateOfBirth: "2014-05-10" };
const NOW = new Date("2026-11-30T12:00:00Z");
const at = (iso: string) => new Date(iso);
const FOSTER = {
  placement: "U6",
  placementProvider: "PR1",
  carerRecordId: "carer-a",
  placementPostcode: "TA1 1DY",
  urn: null,
};

function start(overrides: Partial<Extract<CareEvent, { kind: "startCare" }>> = {}): CareEvent {
  return {
    kind: "startCare",
    at: at("2026-04-06T10:00:00Z"),
    legalStatus: "V2",
    categoryOfNeed: "N1",
    homePostcode: "TA1 1HE",
    ...FOSTER,
    ...overrides,
  };
}

/** The history after applying events in turn, failing the test on a refusal. */
function history(...events: CareEvent[]): EpisodeFacts[] {
  const list: EpisodeFacts[] = [];
  for (const e of events) {
    const outcome = applyCareEvent(list, e, CHILD, NOW);
    if (!outcome.ok) throw new Error(`${e.kind}: ${outcome.breaches.map((b) => b.rule).join(", ")}`);
    if (outcome.closes) list[outcome.closes.index] = outcome.closes.episode;
    if (outcome.opens) list.push(outcome.opens);
  }
  return list;
}

function refusal(list: EpisodeFacts[], event: CareEvent, child = CHILD): string[] {
  const outcome = applyCareEvent(list, event, child, NOW);
  return outcome.ok ? [] : outcome.breaches.map((b) => b.rule);
}

describe("the reason for a new episode, from what changed", () => {
  it.each([
    ["startCare", false, "S"],
    ["changeLegalStatus", false, "L"],
    ["changePlacement", false, "P"],
    ["changePlacement", true, "T"],
    ["changeBoth", false, "B"],
    ["changeBoth", true, "U"],
    ["temporaryMove", false, "P"],
    ["temporaryMove", true, "T"],
  ] as const)("%s (same carer: %s) gives %s", (kind, sameCarer, rne) => {
    expect(reasonForNewEpisode(kind, sameCarer)).toBe(rne);
  });

  it("derives each event's episodes: the current one ends the same day with X1, the reason of the move on it", () => {
    const list = history(
      start(),
      { kind: "changeLegalStatus", at: at("2026-05-01T09:00:00Z"), legalStatus: "C1" },
      {
        kind: "changePlacement",
        at: at("2026-06-15T14:00:00Z"),
        reasonPlaceChange: "CARPL",
        ...FOSTER,
        carerRecordId: "carer-b",
      },
      {
        kind: "changeBoth",
        at: at("2026-08-20T11:00:00Z"),
        legalStatus: "C2",
        reasonPlaceChange: "STAND",
        ...FOSTER,
        carerRecordId: "carer-b",
        placement: "U4",
      },
      {
        kind: "temporaryMove",
        at: at("2026-09-01T11:00:00Z"),
        ...FOSTER,
        placement: "T2",
        placementProvider: null,
        carerRecordId: null,
      },
      {
        kind: "changePlacement",
        at: at("2026-09-08T11:00:00Z"),
        reasonPlaceChange: null,
        ...FOSTER,
        carerRecordId: "carer-b",
        placement: "U4",
      },
      { kind: "ceaseCare", at: at("2026-11-02T16:00:00Z"), reasonCeased: "E4A" },
    );
    expect(
      list.map((e) => [
        e.reasonNewEpisode,
        e.legalStatus,
        e.placement,
        e.startDate,
        e.endDate,
        e.reasonCeased,
        e.reasonPlaceChange,
      ]),
    ).toEqual([
      ["S", "V2", "U6", "2026-04-06", "2026-05-01", "X1", null],
      ["L", "C1", "U6", "2026-05-01", "2026-06-15", "X1", "CARPL"],
      ["P", "C1", "U6", "2026-06-15", "2026-08-20", "X1", "STAND"],
      ["U", "C2", "U4", "2026-08-20", "2026-09-01", "X1", null],
      ["P", "C2", "T2", "2026-09-01", "2026-09-08", "X1", null],
      ["P", "C2", "U4", "2026-09-08", "2026-11-02", "E4A", null],
    ]);
    expect(historyBreaches(list, CHILD)).toEqual([]);
  });

  it("dates an event by the day in England (after midnight in summer time is the next day)", () => {
    const [first] = history(start({ at: at("2026-07-01T23:30:00Z") }));
    expect(first?.startDate).toBe("2026-07-02");
  });
});

describe("the Department's rules, refused when the event is recorded", () => {
  const lookedAfter = () => history(start());
  it.each<[string, () => string[]]>([
    ["already-looked-after", () => refusal(lookedAfter(), start({ at: at("2026-06-01T10:00:00Z") }))],
    [
      "not-looked-after",
      () => refusal([], { kind: "changeLegalStatus", at: at("2026-06-01T10:00:00Z"), legalStatus: "C1" }),
    ],
    [
      "rpc-required",
      () =>
        refusal(lookedAfter(), {
          kind: "changePlacement",
          at: at("2026-06-01T10:00:00Z"),
          reasonPlaceChange: null,
          ...FOSTER,
          carerRecordId: "carer-b",
        }),
    ],
    ["no-temporary-start", () => refusal([], start({ placement: "T1", placementProvider: null }))],
    ["k3-age", () => refusal([], start({ placement: "K3" }))],
    ["youth-justice-age", () => refusal([], start({ legalStatus: "J1" }), { dateOfBirth: "2018-01-01" })],
    ["p1-not-under-v2", () => refusal([], start({ placement: "P1", placementProvider: "PR0" }))],
    ["a5-a6-placement-order", () => refusal([], start({ placement: "A6", legalStatus: "C2" }))],
    ["provider-blank", () => refusal([], start({ placement: "Z11", placementProvider: "PR1" }))],
    ["provider-required", () => refusal([], start({ placementProvider: null }))],
    ["placement-code-withdrawn", () => refusal([], start({ placement: "Z1" }))],
    [
      "placement-code-not-yet-valid",
      () => refusal([], start({ at: at("2025-02-03T10:00:00Z"), placement: "Z12", placementProvider: null })),
    ],
    [
      "cease-not-x1",
      () => refusal(lookedAfter(), { kind: "ceaseCare", at: at("2026-06-01T10:00:00Z"), reasonCeased: "X1" }),
    ],
    [
      "before-current",
      () => refusal(lookedAfter(), { kind: "ceaseCare", at: at("2026-03-01T10:00:00Z"), reasonCeased: "E4A" }),
    ],
    ["not-future", () => refusal([], start({ at: at("2026-12-25T10:00:00Z") }))],
    ["before-birth", () => refusal([], start({ at: at("2014-05-01T10:00:00Z") }))],
    [
      "temporary-code",
      () => refusal(lookedAfter(), { kind: "temporaryMove", at: at("2026-06-01T10:00:00Z"), ...FOSTER }),
    ],
    [
      "no-change",
      () => refusal(lookedAfter(), { kind: "changeLegalStatus", at: at("2026-06-01T10:00:00Z"), legalStatus: "V2" }),
    ],
  ])("%s", (rule, attempt) => {
    expect(attempt()).toContain(rule);
  });

  it("police protection lasts at most 72 hours", () => {
    const list = history(start({ legalStatus: "L1", at: at("2026-06-01T10:00:00Z") }));
    expect(refusal(list, { kind: "changeLegalStatus", at: at("2026-06-04T10:00:01Z"), legalStatus: "L2" })).toContain(
      "l1-72-hours",
    );
    expect(refusal(list, { kind: "changeLegalStatus", at: at("2026-06-04T09:59:00Z"), legalStatus: "L2" })).toEqual([]);
  });

  it("A5 and A6 are accepted under a placement order", () => {
    expect(refusal([], start({ placement: "A6", legalStatus: "E1" }))).toEqual([]);
  });

  it("the category of need stays the same within a period of care, and a new period may change it", () => {
    const list = history(start(), { kind: "ceaseCare", at: at("2026-06-01T10:00:00Z"), reasonCeased: "E4A" });
    expect(refusal(list, start({ at: at("2026-08-01T10:00:00Z"), categoryOfNeed: "N4" }))).toEqual([]);
    const changed = history(start(), { kind: "changeLegalStatus", at: at("2026-06-01T10:00:00Z"), legalStatus: "C1" });
    const broken = changed.map((e, i) => (i === 1 ? { ...e, categoryOfNeed: "N5" } : e));
    expect(historyBreaches(broken, CHILD).map((b) => b.rule)).toContain("cin-period");
  });

  it("a history is checked as a whole: overlaps, a first episode that is not S, a gap in a continuation, DEC without REC", () => {
    const list = history(start(), { kind: "changeLegalStatus", at: at("2026-06-01T10:00:00Z"), legalStatus: "C1" });
    const rules = (l: EpisodeFacts[]) => historyBreaches(l, CHILD).map((b) => b.rule);
    expect(rules(list.map((e, i) => (i === 0 ? { ...e, endDate: "2026-06-05" } : e)))).toContain("no-overlap");
    expect(rules(list.slice(1))).toContain("first-episode-s");
    expect(rules(list.map((e, i) => (i === 0 ? { ...e, endDate: "2026-05-20" } : e)))).toContain(
      "continuation-same-day",
    );
    expect(rules(list.map((e, i) => (i === 1 ? { ...e, endDate: "2026-07-01" } : e)))).toContain("dec-rec-pair");
  });
});

describe("collection years run from 1 April to 31 March", () => {
  it.each([
    ["2026-03-31", 2025],
    ["2026-04-01", 2026],
    ["2025-12-31", 2025],
  ])("%s is in the year starting %i", (date, year) => {
    expect(collectionYearOf(date)).toBe(year);
  });
});
