import { describe, expect, it } from "vitest";
import { reviewViewsTerm, reviewViewsWho } from "./views";

describe("who gave the views a review records", () => {
  it("says each person's role once", () => {
    expect(reviewViewsWho({ role: "child", who: "The child" })).toBe("The child");
    expect(reviewViewsWho({ role: "carer", who: "Carer" })).toBe("The carer");
    expect(reviewViewsWho({ role: "social_worker", who: "Social worker" })).toBe("The social worker");
    expect(reviewViewsWho({ role: "parent", who: "Dana Ashdown (fictional) (Mother)" })).toBe(
      "Dana Ashdown (fictional) (Mother)",
    );
    expect(reviewViewsWho({ role: "carer", who: "Jo Bloggs (fictional)" })).toBe("Jo Bloggs (fictional) (carer)");
    expect(reviewViewsWho({ role: "carer", who: "Foster carer Jo" })).toBe("Foster carer Jo");
    expect(reviewViewsWho({ role: "child", who: "" })).toBe("The child");
  });

  it("labels them without a possessive after a bracket", () => {
    expect(reviewViewsTerm({ role: "parent", who: "Dana Ashdown (fictional) (Mother)" })).toBe(
      "Views of Dana Ashdown (fictional) (Mother)",
    );
    expect(reviewViewsTerm({ role: "child", who: "The child" })).toBe("Views of the child");
    expect(reviewViewsTerm({ role: "carer", who: "Carer" })).toBe("Views of the carer");
  });
});
