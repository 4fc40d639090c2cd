// Fields that apply only to some types of entry: the health section's SDQ, immunisation and
// substance misuse answers (which the SSDA903 return reads) are required when they apply, checked
// for range, and blanked when the type of entry changes so no stale answer is kept.
import { describe, expect, it } from "vitest";
import { HEALTH_TYPES } from "@/lib/sections";
import { createEntrySchema } from "./schemas";

const CHILD = "00000000-0000-4000-8000-000000000001";
const health = (data: Record<string, unknown>) =>
  createEntrySchema("health").safeParse({
    childId: CHILD,
    occurredOn: "01/10/2026",
    title: "Health entry (fictional)",
    data: { assessor: "Dr Example (fictional)", summary: "Well (fictional).", ...data },
  });
const errorsOf = (r: ReturnType<typeof health>) =>
  r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));

describe("fields that apply only to some health entries", () => {
  it("an SDQ needs its outcome, and a completed one its score from 0 to 40", () => {
    expect(errorsOf(health({ assessmentType: HEALTH_TYPES.sdq }))).toEqual({
      "data.sdqOutcome": "Select whether the questionnaire was completed, or why not",
    });
    expect(errorsOf(health({ assessmentType: HEALTH_TYPES.sdq, sdqOutcome: "Completed" }))).toEqual({
      "data.sdqScore": "Enter the total difficulties score, from 0 to 40",
    });
    for (const bad of ["41", "-1", "12.5", "ten"])
      expect(
        errorsOf(health({ assessmentType: HEALTH_TYPES.sdq, sdqOutcome: "Completed", sdqScore: bad })),
        bad,
      ).toEqual({ "data.sdqScore": "Enter a whole number from 0 to 40" });
    const ok = health({ assessmentType: HEALTH_TYPES.sdq, sdqOutcome: "Completed", sdqScore: "17" });
    expect(ok.success && ok.data.data).toMatchObject({ sdqOutcome: "Completed", sdqScore: "17" });
    // A reason it was not completed needs no score, and keeps none.
    const reason = health({ assessmentType: HEALTH_TYPES.sdq, sdqOutcome: "SDQ2", sdqScore: "17" });
    expect(reason.success && reason.data.data).toMatchObject({ sdqOutcome: "SDQ2", sdqScore: "" });
  });

  it("a change of type blanks the answers that belonged to the other type", () => {
    const r = health({
      assessmentType: "Dental check",
      sdqOutcome: "Completed",
      sdqScore: "12",
      immunisationsUpToDate: "Yes",
      substanceMisuse: "Yes",
      interventionOffered: "Yes",
    });
    expect(r.success && r.data.data).toMatchObject({
      assessmentType: "Dental check",
      sdqOutcome: "",
      sdqScore: "",
      immunisationsUpToDate: "",
      substanceMisuse: "",
      interventionOffered: "",
    });
  });

  it("substance misuse asks about an intervention only when there is a problem, and receipt only when offered", () => {
    expect(errorsOf(health({ assessmentType: HEALTH_TYPES.substance, substanceMisuse: "Yes" }))).toEqual({
      "data.interventionOffered": "Select whether an intervention was offered",
    });
    expect(errorsOf(health({ assessmentType: HEALTH_TYPES.substance, substanceMisuse: "No" }))).toEqual({});
    expect(
      errorsOf(health({ assessmentType: HEALTH_TYPES.substance, substanceMisuse: "Yes", interventionOffered: "Yes" })),
    ).toEqual({ "data.interventionReceived": "Select whether the child received the intervention" });
    expect(errorsOf(health({ assessmentType: "Immunisations" }))).toEqual({
      "data.immunisationsUpToDate": "Select whether the child's immunisations are up to date",
    });
  });
});
