import { describe, expect, it } from "vitest";
import { namedIroWords } from "./fields";

describe("the Independent Reviewing Officer a care plan version names", () => {
  it("is the one stored when the version was submitted, whoever is allocated now", () => {
    expect(namedIroWords({ status: "approved", namedIro: { name: "Robin Vale (demo)" } }, "Sky Marsh (demo)")).toBe(
      "Robin Vale (demo)",
    );
  });

  it("says a version submitted before names were kept did not record one, rather than guess", () => {
    expect(namedIroWords({ status: "superseded", namedIro: null }, "Sky Marsh (demo)")).toBe(
      "Not recorded with this version",
    );
  });

  it("for a draft, is whoever is allocated, named when it is submitted", () => {
    expect(namedIroWords({ status: "draft", namedIro: null }, "Sky Marsh (demo)")).toBe(
      "Sky Marsh (demo) (named in the plan when it is submitted)",
    );
    expect(namedIroWords({ status: "draft", namedIro: null }, null)).toMatch(/^None allocated yet/);
  });
});
