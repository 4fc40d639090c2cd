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

/** The rules an attempt breaks, with their messages (empty when it is accepted). */
function breaches(list: EpisodeFacts[], event: CareEvent, child = CHILD): Array<{ rule: string; message: string }> {
  const outcome = applyCareEvent(list, event, child, NOW);
  return outcome.ok ? [] : outcome.breaches.map((b) => ({ rule: b.rule, message: b.message }));
}
const refusal = (list: EpisodeFacts[], event: CareEvent, child = CHILD) =>
  breaches(list, event, child).map((b) => b.rule);

const lookedAfter = () => history(start());
const move = (
  overrides: Partial<Extract<CareEvent, { kind: "changePlacement" }>> = {},
): Extract<CareEvent, { kind: "changePlacement" }> => ({
  kind: "changePlacement",
  at: at("2026-06-01T10:00:00Z"),
  reasonPlaceChange: "CARPL",
  ...FOSTER,
  carerRecordId: "carer-b",
  ...overrides,
});

describe("the reason for a new episode and the reason an episode ceased, from what changed", () => {
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

  // Each event applied to a child looked after with carer A in a U6 foster placement, through the full event logic.
  const CHANGE_AT = at("2026-06-01T10:00:00Z");
  it.each<[string, CareEvent, { rne: string | null; rec: string; rpc: string | null }]>([
    [
      "a change of legal status only",
      { kind: "changeLegalStatus", at: CHANGE_AT, legalStatus: "C1" },
      { rne: "L", rec: "X1", rpc: null },
    ],
    ["a new placement with another carer", move(), { rne: "P", rec: "X1", rpc: "CARPL" }],
    [
      "a new placement type with the same carer",
      move({ placement: "U4", carerRecordId: "carer-a", reasonPlaceChange: "STAND" }),
      { rne: "T", rec: "X1", rpc: "STAND" },
    ],
    [
      "legal status, placement and carer together",
      {
        kind: "changeBoth",
        at: CHANGE_AT,
        legalStatus: "C2",
        reasonPlaceChange: "LAREQ",
        ...FOSTER,
        carerRecordId: "carer-b",
      },
      { rne: "B", rec: "X1", rpc: "LAREQ" },
    ],
    [
      "legal status and placement, with the same carer",
      {
        kind: "changeBoth",
        at: CHANGE_AT,
        legalStatus: "C2",
        reasonPlaceChange: "CARPL",
        ...FOSTER,
        placement: "U4",
      },
      { rne: "U", rec: "X1", rpc: "CARPL" },
    ],
    [
      "a temporary move (no reason for the move on the ceasing episode)",
      {
        kind: "temporaryMove",
        at: CHANGE_AT,
        ...FOSTER,
        placement: "T1",
        placementProvider: null,
        carerRecordId: null,
      },
      { rne: "P", rec: "X1", rpc: null },
    ],
    [
      "a temporary move with the same carers (their holiday)",
      { kind: "temporaryMove", at: CHANGE_AT, ...FOSTER, placement: "T2", placementProvider: null },
      { rne: "T", rec: "X1", rpc: null },
    ],
    ...(["E4A", "E4B", "E13", "E11", "E45", "E5", "E8"] as const).map(
      (rec) =>
        [
          `ceasing to be looked after (${rec})`,
          { kind: "ceaseCare", at: CHANGE_AT, reasonCeased: rec },
          { rne: null, rec, rpc: null },
        ] satisfies [string, CareEvent, unknown],
    ),
  ])("%s", (_what, event, expected) => {
    const before = lookedAfter();
    const outcome = applyCareEvent(before, event, CHILD, NOW);
    if (!outcome.ok) throw new Error(outcome.breaches.map((b) => b.message).join(" "));
    expect(outcome.closes?.index).toBe(0);
    expect(outcome.closes?.episode).toMatchObject({
      endDate: "2026-06-01",
      endedAt: CHANGE_AT,
      reasonCeased: expected.rec,
      reasonPlaceChange: expected.rpc,
    });
    expect(outcome.opens?.reasonNewEpisode ?? null).toBe(expected.rne);
    if (outcome.opens) expect(outcome.opens).toMatchObject({ startDate: "2026-06-01", categoryOfNeed: "N1" });
  });

  it("a return from a temporary move needs no reason for the move, and the temporary episode carries none", () => {
    const list = history(start(), {
      kind: "temporaryMove",
      at: at("2026-06-01T10:00:00Z"),
      ...FOSTER,
      placement: "T1",
      placementProvider: null,
      carerRecordId: null,
    });
    const outcome = applyCareEvent(list, move({ at: at("2026-06-05T10:00:00Z"), reasonPlaceChange: null }), CHILD, NOW);
    if (!outcome.ok) throw new Error(outcome.breaches.map((b) => b.rule).join());
    expect(outcome.closes?.episode).toMatchObject({ reasonCeased: "X1", reasonPlaceChange: null });
    expect(outcome.opens?.reasonNewEpisode).toBe("P");
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
      {
        kind: "changePlacement",
        at: at("2026-09-20T11:00:00Z"),
        reasonPlaceChange: "CARPL",
        ...FOSTER,
        carerRecordId: "carer-b",
        placement: "U1",
      },
      {
        kind: "changeBoth",
        at: at("2026-10-01T11:00:00Z"),
        legalStatus: "E1",
        reasonPlaceChange: "CARPL",
        ...FOSTER,
        carerRecordId: "carer-c",
        placement: "A5",
      },
      { kind: "ceaseCare", at: at("2026-11-02T16:00:00Z"), reasonCeased: "E11" },
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
      ["P", "C2", "U4", "2026-09-08", "2026-09-20", "X1", "CARPL"],
      ["T", "C2", "U1", "2026-09-20", "2026-10-01", "X1", "CARPL"],
      ["B", "E1", "A5", "2026-10-01", "2026-11-02", "E11", null],
    ]);
    expect(historyBreaches(list, CHILD, NOW)).toEqual([]);
  });

  it("dates an event by the day in England (after midnight in summer time is the next day)", () => {
    const [first] = history(start({ at: at("2026-07-01T23:30:00Z") }));
    expect(first?.startDate).toBe("2026-07-02");
  });
});

const PROVIDER_REQUIRED =
  "A placement provider is needed for every placement except temporary moves (T0 to T4) and other placements (Z11 to Z14): choose who provides this placement.";
const PROVIDER_BLANK =
  "Temporary moves (T0 to T4) and other placements (Z11 to Z14) have no placement provider in the return: leave the placement provider blank.";
const withdrawn = (code: string, end: string | null) =>
  `Placement type ${code} was withdrawn after 2024/25: an episode with it must have ended by 01/04/2025, the day the new placement types started (a change of placement on that day moves the child onto one), and this one ${end ? `ends on ${end}` : "is still open"}. Choose one of the current placement types (for example Z11 to Z14, or supported accommodation K3).`;
const notYetValid = (year: string) =>
  `Placement types Z11 to Z14 are valid only from 2025/26 (1 April 2025), and this episode starts in ${year}: choose a placement type that was valid then.`;
const temporaryMove = (placement: string, placementProvider: string | null): CareEvent => ({
  kind: "temporaryMove",
  at: at("2026-06-01T10:00:00Z"),
  ...FOSTER,
  placement,
  placementProvider,
  carerRecordId: null,
});

describe("the Department's rules, refused when the event is recorded, each with a message naming the rule", () => {
  it.each<[string, string, () => Array<{ rule: string; message: string }>]>([
    [
      "already-looked-after",
      "The child is already looked after, so a new period of care cannot start: record a change of placement or legal status, or that the child ceased to be looked after.",
      () => breaches(lookedAfter(), start({ at: at("2026-06-01T10:00:00Z") })),
    ],
    [
      "not-looked-after",
      "The child is not looked after now: record that they start to be looked after before recording a change or an end.",
      () => breaches([], { kind: "changeLegalStatus", at: at("2026-06-01T10:00:00Z"), legalStatus: "C1" }),
    ],
    [
      "rpc-required",
      "The reason for a change of placement is needed whenever the placement changes, except on a return from a temporary move: choose the reason.",
      () => breaches(lookedAfter(), move({ reasonPlaceChange: null })),
    ],
    [
      "no-temporary-start",
      "A period of care cannot start with a temporary placement (T0 to T4): record the placement the child first went to.",
      () => breaches([], start({ placement: "T1", placementProvider: null })),
    ],
    [
      "k3-age",
      "Supported accommodation (K3) is only for young people aged 16 or over, and the child was 11 when this episode started.",
      () => breaches([], start({ placement: "K3" })),
    ],
    [
      "youth-justice-age",
      "A child under 10 cannot be remanded, held under PACE or placed under a youth rehabilitation order (legal status J1 to J3), and the child was 8 when this episode started.",
      () => breaches([], start({ legalStatus: "J1" }), { dateOfBirth: "2018-01-01" }),
    ],
    [
      "p1-not-under-v2",
      "A child accommodated under section 20 (legal status V2) cannot be placed with their parents (placement P1): a child living at home is looked after only under an order, such as a care order.",
      () => breaches([], start({ placement: "P1", placementProvider: "PR0" })),
    ],
    [
      "a5-a6-placement-order",
      "Placement for adoption under a placement order (A5 or A6) needs a placement order (legal status E1, or a freeing order D1) on the same episode: record the order first, or choose placement for adoption with consent (A3 or A4).",
      () => breaches([], start({ placement: "A6", legalStatus: "C2" })),
    ],
    ["provider-blank", PROVIDER_BLANK, () => breaches([], start({ placement: "Z11", placementProvider: "PR1" }))],
    ["provider-required", PROVIDER_REQUIRED, () => breaches([], start({ placementProvider: null }))],
    ["placement-code-withdrawn", withdrawn("Z1", null), () => breaches([], start({ placement: "Z1" }))],
    [
      "placement-code-not-yet-valid",
      notYetValid("2024/25"),
      () => breaches([], start({ at: at("2025-02-03T10:00:00Z"), placement: "Z12", placementProvider: null })),
    ],
    [
      "cease-not-x1",
      "X1 is not a reason for ceasing to be looked after (it means a new episode begins the same day): choose why the child ceased to be looked after.",
      () => breaches(lookedAfter(), { kind: "ceaseCare", at: at("2026-06-01T10:00:00Z"), reasonCeased: "X1" }),
    ],
    [
      "before-current",
      "An event cannot be dated before the current episode started (06/04/2026): correct that episode instead if its start is wrong.",
      () => breaches(lookedAfter(), { kind: "ceaseCare", at: at("2026-03-01T10:00:00Z"), reasonCeased: "E4A" }),
    ],
    [
      "not-future",
      "An event is recorded once it has happened, and this date and time are in the future.",
      () => breaches([], start({ at: at("2026-12-25T10:00:00Z") })),
    ],
    [
      "before-birth",
      "An episode cannot start before the child was born (10/05/2014): check the date.",
      () => breaches([], start({ at: at("2014-05-01T10:00:00Z") })),
    ],
    [
      "temporary-code",
      "A temporary move is to a temporary placement (T0 to T4): choose one of those, or record a change of placement.",
      () => breaches(lookedAfter(), { kind: "temporaryMove", at: at("2026-06-01T10:00:00Z"), ...FOSTER }),
    ],
    [
      "temporary-is-move",
      "A temporary placement (T0 to T4) is recorded as a temporary move, not as a change of placement.",
      () => breaches(lookedAfter(), move({ placement: "T4", placementProvider: null })),
    ],
    [
      "no-change",
      "A change of legal status must change it, and this is the legal status already recorded.",
      () => breaches(lookedAfter(), { kind: "changeLegalStatus", at: at("2026-06-01T10:00:00Z"), legalStatus: "V2" }),
    ],
    [
      "l1-72-hours",
      "Police protection (L1) lasts at most 72 hours in all, whatever placement changes happen during it: it began on 01/06/2026 11:00, so record the change of legal status at the time it happened, within 72 hours of that.",
      () =>
        breaches(history(start({ legalStatus: "L1", at: at("2026-06-01T10:00:00Z") })), {
          kind: "changeLegalStatus",
          at: at("2026-06-04T10:00:01Z"),
          legalStatus: "L2",
        }),
    ],
  ])("%s", (rule, message, attempt) => {
    expect(attempt()).toContainEqual({ rule, message });
  });

  describe("placement types valid for every collection year the episode is in", () => {
    it.each(["H5", "P2", "Z1"])("%s is refused on an episode that starts in 2025/26", (code) => {
      expect(breaches([], start({ placement: code, placementProvider: "PR4" }))).toContainEqual({
        rule: "placement-code-withdrawn",
        message: withdrawn(code, null),
      });
    });

    it.each(["H5", "P2", "Z1"])(
      "%s started in 2024/25 is refused while the episode stays open into 2025/26, and accepted once it ended by 31 March 2025",
      (code) => {
        const early = start({ at: at("2025-01-10T10:00:00Z"), placement: code, placementProvider: "PR4" });
        // Still open today (2026/27): the episode is in the 2025/26 and 2026/27 returns, where the code is not valid.
        expect(breaches([], early)).toContainEqual({
          rule: "placement-code-withdrawn",
          message: withdrawn(code, null),
        });
        const opened = applyCareEvent([], early, CHILD, at("2025-01-10T12:00:00Z"));
        if (!opened.ok || !opened.opens) throw new Error("accepted in 2024/25");
        expect(opened.opens.placement).toBe(code);
        const list = [opened.opens];
        expect(refusal(list, { kind: "ceaseCare", at: at("2025-03-20T10:00:00Z"), reasonCeased: "E4A" })).toEqual([]);
        // The changeover itself: a change of placement on 1 April 2025 ends it that day and starts a current code.
        expect(refusal(list, move({ at: at("2025-04-01T09:00:00Z") }))).not.toContain("placement-code-withdrawn");
        // Ending it after 31 March 2025 keeps it in the 2025/26 return: refused, naming the day it ends.
        expect(
          breaches(list, { kind: "ceaseCare", at: at("2025-04-02T10:00:00Z"), reasonCeased: "E4A" }),
        ).toContainEqual({ rule: "placement-code-withdrawn", message: withdrawn(code, "02/04/2025") });
        // A change that continues the code into 2025/26 (legal status only) is refused for the new episode too.
        expect(
          refusal(list, { kind: "changeLegalStatus", at: at("2025-03-31T10:00:00Z"), legalStatus: "C1" }),
        ).toContain("placement-code-withdrawn");
      },
    );

    it.each(["Z11", "Z12", "Z13", "Z14"])("%s is accepted from 2025/26 with no provider", (code) => {
      expect(refusal([], start({ placement: code, placementProvider: null }))).toEqual([]);
    });

    it.each(["Z11", "Z13", "Z14"])("%s is refused with a provider, and before 2025/26", (code) => {
      expect(breaches([], start({ placement: code, placementProvider: "PR4" }))).toContainEqual({
        rule: "provider-blank",
        message: PROVIDER_BLANK,
      });
      expect(
        breaches([], start({ at: at("2025-03-31T10:00:00Z"), placement: code, placementProvider: null })),
      ).toContainEqual({ rule: "placement-code-not-yet-valid", message: notYetValid("2024/25") });
    });
  });

  it.each(["T0", "T1", "T2", "T3", "T4"])("a temporary move to %s with a placement provider is refused", (code) => {
    expect(breaches(lookedAfter(), temporaryMove(code, "PR1"))).toContainEqual({
      rule: "provider-blank",
      message: PROVIDER_BLANK,
    });
    expect(refusal(lookedAfter(), temporaryMove(code, null))).toEqual([]);
  });

  describe("police protection lasts at most 72 hours", () => {
    const l1 = () => history(start({ legalStatus: "L1", at: at("2026-06-01T10:00:00Z") }));
    it("counted from the start of police protection to the change of legal status", () => {
      expect(refusal(l1(), { kind: "changeLegalStatus", at: at("2026-06-04T10:00:01Z"), legalStatus: "L2" })).toContain(
        "l1-72-hours",
      );
      expect(refusal(l1(), { kind: "changeLegalStatus", at: at("2026-06-04T09:59:00Z"), legalStatus: "L2" })).toEqual(
        [],
      );
    });

    it("across consecutive episodes: a placement change while police protection continues does not start the count again", () => {
      const moved = history(
        start({ legalStatus: "L1", at: at("2026-06-01T10:00:00Z") }),
        move({ at: at("2026-06-02T22:00:00Z") }),
      );
      expect(moved.map((e) => e.legalStatus)).toEqual(["L1", "L1"]);
      // 36 hours in the second episode, 84 in all.
      expect(
        refusal(moved, { kind: "changeLegalStatus", at: at("2026-06-04T22:00:00Z"), legalStatus: "V2" }),
      ).toContain("l1-72-hours");
      expect(refusal(moved, { kind: "changeLegalStatus", at: at("2026-06-04T09:00:00Z"), legalStatus: "V2" })).toEqual(
        [],
      );
      // Another placement change after 72 hours, with police protection still in force, is refused too.
      expect(refusal(moved, move({ at: at("2026-06-04T12:00:00Z"), carerRecordId: "carer-c" }))).toContain(
        "l1-72-hours",
      );
    });

    it("a later, separate period of police protection is counted on its own", () => {
      const list = history(
        start({ legalStatus: "L1", at: at("2026-06-01T10:00:00Z") }),
        { kind: "changeLegalStatus", at: at("2026-06-03T10:00:00Z"), legalStatus: "V2" },
        { kind: "changeLegalStatus", at: at("2026-07-01T10:00:00Z"), legalStatus: "L1" },
      );
      expect(refusal(list, { kind: "changeLegalStatus", at: at("2026-07-03T10:00:00Z"), legalStatus: "C1" })).toEqual(
        [],
      );
    });
  });

  it("A5 and A6 are accepted under a placement order", () => {
    expect(refusal([], start({ placement: "A6", legalStatus: "E1" }))).toEqual([]);
  });

  it("the category of need stays the same within a period of care, and a new period may change it", () => {
    const list = history(start(), { kind: "ceaseCare", at: at("2026-06-01T10:00:00Z"), reasonCeased: "E4A" });
    expect(refusal(list, start({ at: at("2026-08-01T10:00:00Z"), categoryOfNeed: "N4" }))).toEqual([]);
    const changed = history(start(), { kind: "changeLegalStatus", at: at("2026-06-01T10:00:00Z"), legalStatus: "C1" });
    const broken = changed.map((e, i) => (i === 1 ? { ...e, categoryOfNeed: "N5" } : e));
    expect(historyBreaches(broken, CHILD, NOW)).toContainEqual(
      expect.objectContaining({
        rule: "cin-period",
        message:
          "The category of need is set when a period of care starts and stays the same until it ends: it can change only at the start of a new period of care.",
      }),
    );
  });

  it("a history is checked as a whole: overlaps, a first episode that is not S, a gap in a continuation, DEC without REC", () => {
    const list = history(start(), { kind: "changeLegalStatus", at: at("2026-06-01T10:00:00Z"), legalStatus: "C1" });
    const found = (l: EpisodeFacts[]) =>
      historyBreaches(l, CHILD, NOW).map((b) => ({ rule: b.rule, message: b.message }));
    expect(found(list.map((e, i) => (i === 0 ? { ...e, endDate: "2026-06-05" } : e)))).toContainEqual({
      rule: "no-overlap",
      message:
        "Episodes of care cannot overlap: the previous episode ends on 05/06/2026, after this one starts on 01/06/2026.",
    });
    expect(found(list.slice(1))).toContainEqual({
      rule: "first-episode-s",
      message:
        "A child's first episode of care must start a period of care (reason for new episode S): record that the child started to be looked after first.",
    });
    expect(found(list.map((e, i) => (i === 0 ? { ...e, endDate: "2026-05-20" } : e)))).toContainEqual({
      rule: "continuation-same-day",
      message:
        "An episode that continues a period of care (reason L, P, T, B or U) starts on the day the previous episode ended, and that episode ended with X1 (a new episode begins the same day).",
    });
    expect(found(list.map((e, i) => (i === 1 ? { ...e, endDate: "2026-07-01" } : e)))).toContainEqual({
      rule: "dec-rec-pair",
      message: "An episode's end date and its reason for ending are recorded together, or neither is.",
    });
    expect(found(list.map((e, i) => (i === 1 ? { ...e, reasonPlaceChange: "CARPL" } : e)))).toContainEqual({
      rule: "rpc-blank-open",
      message:
        "The reason for a change of placement is recorded on the episode that ends, never on the episode that is still open.",
    });
    const after = history(start(), { kind: "ceaseCare", at: at("2026-06-01T10:00:00Z"), reasonCeased: "E4A" });
    const restarted = [...after, { ...after[0], startDate: "2026-07-01", reasonNewEpisode: "S" } as EpisodeFacts];
    expect(found(restarted.map((e, i) => (i === 0 ? { ...e, reasonCeased: "X1" } : e)))).toContainEqual({
      rule: "s-after-x1",
      message:
        "A new period of care (reason S) cannot follow an episode that ended with X1, which means a new episode of the same period began that day.",
    });
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
