// The replica's setting as the portal reads it at start-up: optional, a URL, and only beside a
// PostgreSQL primary.
import { afterEach, describe, expect, it, vi } from "vitest";

async function loadEnv(settings: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(settings)) vi.stubEnv(name, value);
  return import("./env");
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("DATABASE_REPLICA_URL", () => {
  it("is optional: without it the reports read the primary", async () => {
    const { env } = await loadEnv({
      DATABASE_URL: "postgres://cases_app@db.example:5432/cases",
      DATABASE_REPLICA_URL: undefined,
    });
    expect(env.DATABASE_REPLICA_URL).toBeUndefined();
  });

  it("names a standby beside the primary", async () => {
    const { env } = await loadEnv({
      DATABASE_URL: "postgres://cases_app@db.example:5432/cases",
      DATABASE_REPLICA_URL: "postgres://cases_reports@standby.example:5432/cases",
    });
    expect(env.DATABASE_REPLICA_URL).toBe("postgres://cases_reports@standby.example:5432/cases");
  });

  it("must be a URL", async () => {
    await expect(
      loadEnv({ DATABASE_URL: "postgres://cases_app@db.example:5432/cases", DATABASE_REPLICA_URL: "standby.example" }),
    ).rejects.toThrow(/DATABASE_REPLICA_URL/);
  });

  it("is refused beside the embedded database, which has no standby", async () => {
    await expect(
      loadEnv({ DATABASE_URL: undefined, DATABASE_REPLICA_URL: "postgres://cases_reports@standby.example:5432/cases" }),
    ).rejects.toThrow(/DATABASE_REPLICA_URL: a replica needs a PostgreSQL primary/);
  });
});
