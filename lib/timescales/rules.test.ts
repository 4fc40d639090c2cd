// The statutory clock's rules with known dates: Christmas and Boxing Day substitutes, Easter, the
// May bank holidays, month ends, 29 February and the clock changes; and, for any dates, that a
// working-day due date is a working day and that a later fact never moves a due date earlier.
import fc from "fast-check";
import { addDays, format, getDay, parseISO } from "date-fns";
import { describe, expect, it } from "vitest";
import { addCalendarMonths, addWorkingDays, isWorkingDay, publicHolidays, workingDaysBetween } from "./calendar";
import { dueItems, healthDue, reviewDue, reviewsOnTime, urgency, visitDue, type ChildClockFacts } from "./rules";

const facts = (over: Partial<ChildClockFacts> = {}): ChildClockFacts => ({
  dateOfBirth: "2016-05-10",
  periodStart: "2026-12-01",
  placementStart: "2026-12-01",
  placement: "U4",
  legalStatus: "C2",
  reviewsHeld: [],
  earlyReviewBy: null,
  visitsSincePlacement: [],
  healthAssessments: [],
  carePlanApprovals: [],
  peps: [],
  ...over,
});

describe("working days in England and Wales", () => {
  it.each([
    ["2026-12-18", 5, "2026-12-29", "Christmas Day (Friday) and the Boxing Day substitute (Monday 28th)"],
    ["2027-03-25", 1, "2027-03-30", "Good Friday and Easter Monday"],
    ["2026-05-01", 1, "2026-05-05", "the early May bank holiday"],
    ["2026-05-22", 1, "2026-05-26", "the late May bank holiday"],
    ["2026-08-28", 1, "2026-09-01", "the summer bank holiday"],
    ["2026-03-27", 1, "2026-03-30", "the weekend the clocks go forward"],
    ["2026-10-23", 1, "2026-10-26", "the weekend the clocks go back"],
    ["2026-12-01", 20, "2026-12-31", "twenty working days across Christmas"],
  ])("%s plus %i working days is %s (%s)", (from, n, expected) => {
    expect(addWorkingDays(from, n)).toBe(expected);
  });

  it("knows the public holidays from the maintained calendar, not a hand-written list", () => {
    expect([...publicHolidays(2027)]).toEqual(
      expect.arrayContaining([
        "2027-01-01",
        "2027-03-26",
        "2027-03-29",
        "2027-05-03",
        "2027-05-31",
        "2027-08-30",
        "2027-12-27",
        "2027-12-28",
      ]),
    );
    expect(isWorkingDay("2027-12-24")).toBe(true);
    expect(workingDaysBetween("2026-12-24", "2026-12-29")).toBe(1);
  });

  it.each([
    ["2026-08-31", 6, "2027-02-28"],
    ["2027-08-31", 6, "2028-02-29"],
    ["2027-11-30", 3, "2028-02-29"],
    ["2028-02-29", 12, "2029-02-28"],
    ["2026-01-31", 1, "2026-02-28"],
  ])("%s plus %i calendar months is %s", (from, n, expected) => {
    expect(addCalendarMonths(from, n)).toBe(expected);
  });
});

describe("reviews (reg 33)", () => {
  it("the first within 20 working days, the second within 3 months, then every 6 months from the last held", () => {
    expect(reviewDue("2026-12-01", [])).toEqual({
      dueDate: "2026-12-31",
      explanation:
        "First review due by 31/12/2026: within 20 working days of becoming looked after on 01/12/2026 (Care Planning Regulations 2010, reg 33)",
    });
    expect(reviewDue("2026-12-01", ["2026-12-14"]).explanation).toBe(
      "Second review due by 14/03/2027: within 3 months of the first review, held 14/12/2026 (Care Planning Regulations 2010, reg 33)",
    );
    expect(reviewDue("2026-12-01", ["2026-12-14", "2027-03-10"]).dueDate).toBe("2027-09-10");
    // A review on 31 August: the next is due by the last day of February.
    expect(reviewDue("2026-01-05", ["2026-02-01", "2026-05-01", "2026-08-31"]).dueDate).toBe("2027-02-28");
  });

  it("counts each review held against the date it was due", () => {
    expect(reviewsOnTime("2026-12-01", ["2026-12-31", "2027-04-01"])).toEqual([
      { heldOn: "2026-12-31", dueDate: "2026-12-31", onTime: true },
      { heldOn: "2027-04-01", dueDate: "2027-03-31", onTime: false },
    ]);
  });

  it("an early review the IRO asks for comes first, and says so", () => {
    const review = dueItems(facts({ earlyReviewBy: "2026-12-10" }), "2026-12-02").find((i) => i.kind === "review");
    expect(review).toMatchObject({ dueDate: "2026-12-10", title: "Early review (asked for by the IRO)" });
    expect(review?.explanation).toMatch(/reg 33\(3\)/);
  });
});

describe("visits (reg 28)", () => {
  it.each([
    [{}, "2026-12-08", /within a week of the placement starting on 01\/12\/2026/],
    [{ visitsSincePlacement: ["2026-12-05"] }, "2027-01-16", /every 6 weeks in the placement's first year/],
    [
      { placementStart: "2025-06-01", visitsSincePlacement: ["2026-11-20"] },
      "2027-02-20",
      /every 3 months after the first year of a placement meant to last until 18/,
    ],
    [
      { placement: "U6", placementStart: "2025-06-01", visitsSincePlacement: ["2026-11-20"] },
      "2027-01-01",
      /every 6 weeks in this placement/,
    ],
    [{ placement: "P1", visitsSincePlacement: ["2026-12-03"] }, "2026-12-10", /weekly until the first review/],
    [
      { placement: "P1", legalStatus: "C1", reviewsHeld: ["2026-12-20"], visitsSincePlacement: ["2026-12-22"] },
      "2027-01-19",
      /every 4 weeks after the first review, living with a parent under an interim care order/,
    ],
  ])("%o: due %s", (over, due, why) => {
    const v = visitDue(facts(over as Partial<ChildClockFacts>));
    expect(v?.dueDate).toBe(due);
    expect(v?.explanation).toMatch(why);
  });

  it("a temporary placement and short breaks set no visit clock of their own", () => {
    expect(visitDue(facts({ placement: "T1" }))).toBeNull();
    expect(visitDue(facts({ legalStatus: "V3" }))).toBeNull();
  });
});

describe("health assessments (reg 7)", () => {
  it("the initial one by the first review; then 6-monthly before the 5th birthday and yearly from it", () => {
    expect(healthDue(facts())).toMatchObject({ initial: true, dueDate: "2026-12-31" });
    const young = facts({ dateOfBirth: "2022-06-15", healthAssessments: [{ date: "2027-06-14", initial: true }] });
    expect(healthDue(young)?.dueDate).toBe("2027-12-14");
    // The day of the 5th birthday: from then, yearly.
    const five = facts({ dateOfBirth: "2022-06-15", healthAssessments: [{ date: "2027-06-15", initial: false }] });
    expect(healthDue(five)?.dueDate).toBe("2028-06-15");
    expect(healthDue(five)?.explanation).toMatch(/every 12 months from the 5th birthday/);
  });
});

describe("the work tray's urgency", () => {
  it("warns within five working days, says overdue after, and says when an item was met", () => {
    expect(urgency({ dueDate: "2026-12-31", metOn: null }, "2026-12-22")).toBe("due soon");
    expect(urgency({ dueDate: "2026-12-31", metOn: null }, "2026-12-10")).toBe("upcoming");
    expect(urgency({ dueDate: "2026-12-31", metOn: null }, "2027-01-04")).toBe("overdue");
    expect(urgency({ dueDate: "2026-12-31", metOn: "2026-12-30" }, "2027-01-04")).toBe("met");
    expect(urgency({ dueDate: "2026-12-31", metOn: "2027-01-02" }, "2027-01-04")).toBe("met late");
  });
});

const isoDate = fc
  .date({ min: new Date("2024-01-01T12:00:00Z"), max: new Date("2030-12-31T12:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe("properties", () => {
  it("a working-day due date never lands on a weekend or a public holiday", () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 1, max: 60 }), (from, n) => {
        const due = addWorkingDays(from, n);
        const day = getDay(parseISO(due));
        return due > from && day !== 0 && day !== 6 && !publicHolidays(Number(due.slice(0, 4))).has(due);
      }),
      { numRuns: 300 },
    );
  });

  it("recording a later review or visit never moves the next due date earlier", () => {
    fc.assert(
      fc.property(
        isoDate,
        fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 6 }),
        (start, gaps) => {
          const held: string[] = [];
          let at = start;
          let due = reviewDue(start, held).dueDate;
          for (const gap of gaps) {
            at = format(addDays(parseISO(at), gap), "yyyy-MM-dd");
            held.push(at);
            const next = reviewDue(start, held).dueDate;
            if (next < due) return false;
            due = next;
          }
          const visits: string[] = [];
          let visitDueDate = visitDue(facts({ placementStart: start, visitsSincePlacement: [] }))?.dueDate ?? "";
          at = start;
          for (const gap of gaps) {
            at = format(addDays(parseISO(at), gap), "yyyy-MM-dd");
            visits.push(at);
            const next = visitDue(facts({ placementStart: start, visitsSincePlacement: visits }))?.dueDate ?? "";
            if (next < visitDueDate) return false;
            visitDueDate = next;
          }
          return true;
        },
      ),
      { numRuns: 300 },
    );
  });
});
