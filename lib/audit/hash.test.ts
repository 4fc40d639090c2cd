import { describe, expect, it } from "vitest";
import { chainFor, eventHash, eventMac, GENESIS_HASH, VIEW_POOL } from "./event";

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
const key = "k".repeat(32);

describe("the audit event hash", () => {
  it("does not depend on the order of keys in the detail (the database reorders them)", () => {
    expect(eventHash(event)).toBe(eventHash({ ...event, detail: { a: 1, b: 2 } }));
    expect(eventMac(event, key)).toBe(eventMac({ ...event, detail: { a: 1, b: 2 } }, key));
  });

  it("changes when anything in the event changes", () => {
    const base = eventHash(event);
    expect(eventHash({ ...event, action: "visits.amend" })).not.toBe(base);
    expect(eventHash({ ...event, prevHash: "f".repeat(64) })).not.toBe(base);
    expect(eventHash({ ...event, occurredAt: new Date("2026-11-25T10:00:00.124Z") })).not.toBe(base);
    expect(eventHash({ ...event, seq: 2 })).not.toBe(base);
  });

  it("is keyed: the HMAC differs from the plain hash and from the HMAC under another key", () => {
    expect(eventMac(event, key)).not.toBe(eventHash(event));
    expect(eventMac(event, "x".repeat(32))).not.toBe(eventMac(event, key));
  });
});

describe("which chain an event goes on", () => {
  it("puts a change to a child on the child's chain", () => {
    expect(chainFor({ actorId: "u1", action: "visits.create", childId: "c1" })).toEqual({ chainKey: "child:c1" });
  });

  it("puts views and downloads on the pool of view chains, so they never queue on the child", () => {
    expect(chainFor({ actorId: "u1", action: "summary.view", childId: "c1" })).toEqual({ pool: VIEW_POOL });
    expect(chainFor({ actorId: "u1", action: "documents.download", childId: "c1" })).toEqual({ pool: VIEW_POOL });
  });

  it("puts refusals on the person's chain, never on the child's", () => {
    expect(chainFor({ actorId: "u1", action: "x", childId: "c1", outcome: "refused" })).toEqual({
      chainKey: "user:u1",
    });
    expect(chainFor({ actorId: "u1", action: "summary.view", childId: "c1", outcome: "refused" })).toEqual({
      chainKey: "user:u1",
    });
    expect(chainFor({ actorId: null, action: "auth.signIn", outcome: "refused" })).toEqual({ chainKey: "system" });
  });
});
