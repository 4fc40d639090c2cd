import { describe, expect, it } from "vitest";
import { diffEntryVersions } from "./queries";

describe("comparing two versions of an entry", () => {
  const v1 = {
    title: "Contact with mother",
    occurredOn: "2026-01-10",
    data: { frequency: "Monthly on Saturdays", supervision: "Supervised" },
  };
  const v2 = {
    title: "Contact with mother",
    occurredOn: "2026-01-10",
    data: { frequency: "Fortnightly on Saturdays", supervision: "Supervised" },
  };

  it("marks the words that changed, field by field", () => {
    const diffs = diffEntryVersions(v1, v2, { frequency: "Frequency" });
    const frequency = diffs.find((d) => d.field === "Frequency");
    expect(frequency?.changed).toBe(true);
    expect(frequency?.parts.filter((p) => p.removed).map((p) => p.value.trim())).toEqual(["Monthly"]);
    expect(frequency?.parts.filter((p) => p.added).map((p) => p.value.trim())).toEqual(["Fortnightly"]);
  });

  it("reports unchanged fields as unchanged", () => {
    const diffs = diffEntryVersions(v1, v2);
    expect(diffs.filter((d) => d.changed).map((d) => d.field)).toEqual(["frequency"]);
  });
});
