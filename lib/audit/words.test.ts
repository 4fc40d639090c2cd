import { label, SW_REASON } from "@/lib/ssda903/codes";
import { describe, expect, it } from "vitest";
import { messageFor } from "@/lib/errors";
import { auditDetails, auditWhy } from "./words";

describe("an audit event in words", () => {
  it("explains a refusal by the policy, and a refused sign-in, without codes", () => {
    expect(auditWhy({ outcome: "refused", detail: { reason: "sealed", policy: "visits.create" } })).toBe(
      "The record is closed: it is the same child as another record, which is the one in use.",
    );
    expect(auditWhy({ outcome: "refused", detail: { reason: "wrong-password" } })).toBe("The password was wrong.");
  });

  it("explains a failed change with the error registry's message", () => {
    expect(auditWhy({ outcome: "failed", detail: { code: "conflict:version" } })).toBe(messageFor("conflict:version"));
    expect(auditWhy({ outcome: "failed", detail: { code: "sealed:record" } })).not.toMatch(/sealed:record/);
  });

  it("says nothing of why for an allowed event, but gives its reason and the person it was made to", () => {
    const e = {
      outcome: "allowed",
      detail: { userId: "u1", active: false, reason: "Left the authority (fictional)" },
      subjectName: "Robin Newstarter",
    };
    expect(auditWhy(e)).toBeNull();
    expect(auditDetails(e)).toEqual(["Deactivated: Robin Newstarter", "Reason: Left the authority (fictional)"]);
    expect(auditDetails({ outcome: "allowed", detail: { reason: "Urgent safeguarding call (fictional)" } })).toEqual([
      "Reason: Urgent safeguarding call (fictional)",
    ]);
    expect(auditDetails({ outcome: "allowed", detail: { userId: "u2" }, subjectName: null })).toEqual([
      "Person: a person no longer listed",
    ]);
    expect(
      auditDetails({ action: "allocation.transferTeam", outcome: "allowed", detail: { reason: "ORGRST" } }),
    ).toEqual(["Reason: Organisational restructure (ORGRST)"]);
    expect(auditDetails({ action: "allocation.end", outcome: "allowed", detail: { reason: "LEFTRL" } })).toEqual([
      `Reason: ${label(SW_REASON, "LEFTRL")}`,
    ]);
  });
});
