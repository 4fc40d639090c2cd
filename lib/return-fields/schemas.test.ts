import { describe, expect, it } from "vitest";
import { birthdayWords, CARE_LEAVER_AGES } from "./schemas";

describe("a care leaver's birthdays in words", () => {
  it("reads 17th to 21st, never 21th", () => {
    expect(CARE_LEAVER_AGES.map(birthdayWords)).toEqual([
      "17th birthday",
      "18th birthday",
      "19th birthday",
      "20th birthday",
      "21st birthday",
    ]);
    expect(birthdayWords(22)).toBe("22nd birthday");
    expect(birthdayWords(111)).toBe("111th birthday");
  });
});
