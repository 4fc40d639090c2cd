import { describe, expect, it } from "vitest";
import { earliestDestructionDate } from "./index";

describe("the normal earliest destruction date of a looked-after child's record", () => {
  it("is the 75th birthday", () => {
    expect(earliestDestructionDate("2012-05-09")).toBe("2087-05-09");
  });

  it("is 15 years after death when the child died before 18", () => {
    expect(earliestDestructionDate("2012-05-09", "2020-01-02")).toBe("2035-01-02");
  });

  it("is still the 75th birthday when the person died as an adult", () => {
    expect(earliestDestructionDate("1990-05-09", "2020-01-02")).toBe("2065-05-09");
  });
});
