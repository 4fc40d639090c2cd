import { describe, expect, it } from "vitest";
import { databaseErrorCode, messageFor } from "./index";

describe("the database's refusals, told to people as what happened", () => {
  it.each([
    ["RH001", "retention:hold", /retention hold/],
    ["RH002", "retention:hold", /retention hold/],
    ["RH003", "immutable:audit", /audit log cannot be changed/],
    ["RH004", "immutable:version", /left draft/],
    ["RH005", "sealed:record", /same child/],
    ["23505", "conflict:duplicate", /same moment/],
  ] as const)("%s becomes %s", (sqlState, code, message) => {
    // postgres.js puts the SQLSTATE on the error; drizzle wraps it as the cause.
    expect(databaseErrorCode({ code: sqlState })).toBe(code);
    expect(databaseErrorCode({ message: "Failed query", cause: { code: sqlState } })).toBe(code);
    expect(messageFor(code)).toMatch(message);
  });

  it("an audit or version refusal is not reported as the retention hold", () => {
    expect(messageFor("immutable:audit")).not.toMatch(/retention/);
    expect(messageFor("immutable:version")).not.toMatch(/retention/);
  });

  it("leaves other failures to the unexpected-error path", () => {
    expect(databaseErrorCode({ code: "40001" })).toBeNull();
    expect(databaseErrorCode(new Error("boom"))).toBeNull();
    expect(databaseErrorCode(null)).toBeNull();
  });
});
