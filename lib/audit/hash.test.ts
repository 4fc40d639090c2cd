import { describe, expect, it } from "vitest";
import { chainKeyFor, eventHash, GENESIS_HASH } from "./index";

const event = {
  chainKey: "child:1",
  seq: 1,
  prevHash: GENESIS_HASH,
  occurredAt: new Date("2026-11-25T10:00:00.123Z"),
  actorId: "u1",
  action: "visits.create",
  childId: "c1",
  outcome: "allowed",
  flagged: false,
  detail: { b: 2, a: 1 },
};

describe("the audit event hash", () => {
  it("does not depend on the order of keys in the detail (the database reorders them)", () => {
    expect(eventHash(event)).toBe(eventHash({ ...event, detail: { a: 1, b: 2 } }));
  });

  it("changes when anything in the event changes", () => {
    const base = eventHash(event);
    expect(eventHash({ ...event, action: "visits.amend" })).not.toBe(base);
    expect(eventHash({ ...event, prevHash: "f".repeat(64) })).not.toBe(base);
    expect(eventHash({ ...event, occurredAt: new Date("2026-11-25T10:00:00.124Z") })).not.toBe(base);
  });

  it("puts refusals on the person's chain, never on the child's", () => {
    expect(chainKeyFor({ actorId: "u1", action: "x", childId: "c1" })).toBe("child:c1");
    expect(chainKeyFor({ actorId: "u1", action: "x", childId: "c1", outcome: "refused" })).toBe("user:u1");
    expect(chainKeyFor({ actorId: null, action: "auth.signIn", outcome: "refused" })).toBe("system");
  });
});
