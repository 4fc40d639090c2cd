import { describe, expect, it } from "vitest";
import { ageInYears, formatUkDate, formatUkDateTime, parseUkDate, todayIso } from "./index";

describe("dates at the edge of the interface", () => {
  it("reads a date typed in UK form and refuses one that does not exist", () => {
    expect(parseUkDate("27/03/2026")).toBe("2026-03-27");
    expect(parseUkDate("1/4/2026")).toBe("2026-04-01");
    expect(parseUkDate("29/02/2025")).toBeNull();
    expect(parseUkDate("2026-03-27")).toBeNull();
    expect(parseUkDate("31/13/2026")).toBeNull();
    expect(parseUkDate("01/01/0099")).toBeNull();
    expect(parseUkDate("01/01/9999")).toBeNull();
  });

  it("shows stored dates as dd/mm/yyyy and instants in London time", () => {
    expect(formatUkDate("2026-03-27")).toBe("27/03/2026");
    expect(formatUkDate(null)).toBe("");
    // 23:30 UTC in British Summer Time is 00:30 the next day in London.
    expect(formatUkDateTime(new Date("2026-06-30T23:30:00Z"))).toBe("01/07/2026 00:30");
  });

  it("takes today's date from London, not from UTC", () => {
    expect(todayIso(new Date("2026-06-30T23:30:00Z"))).toBe("2026-07-01");
    expect(todayIso(new Date("2026-12-31T23:30:00Z"))).toBe("2026-12-31");
  });

  it("counts a child's age in whole years", () => {
    expect(ageInYears("2010-11-26", "2026-11-25")).toBe(15);
    expect(ageInYears("2010-11-25", "2026-11-25")).toBe(16);
  });
});
