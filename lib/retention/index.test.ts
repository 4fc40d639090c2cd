import { describe, expect, it } from "vitest";
import { carerRecordRetention, earliestDestructionDate } from "./index";

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

describe("the normal retention of a carer's or home's own record", () => {
  it("keeps a foster carer's record for 10 years from the date approval ended", () => {
    expect(carerRecordRetention("foster_carer", "2024-02-29")).toMatchObject({
      earliest: "2034-02-28",
      rule: expect.stringMatching(/regulation 32/),
    });
  });

  it("gives no date while the foster carers are still approved", () => {
    expect(carerRecordRetention("foster_carer", null)).toMatchObject({
      earliest: null,
      rule: expect.stringMatching(/10 years/),
    });
  });

  it("gives no date for a children's home: the authority's retention schedule decides", () => {
    expect(carerRecordRetention("childrens_home", "2024-01-01")).toMatchObject({
      earliest: null,
      rule: expect.stringMatching(/retention schedule/),
    });
  });
});
