// Unit tests beside the code and integration tests against a database: PGlite by default,
// PostgreSQL when TEST_DB=postgres (TEST_DATABASE_URL names the server). TEST_DB=replica runs only
// tests/replica, against a primary and its streaming standby (scripts/replica.sh up).
import path from "node:path";
import { defineConfig } from "vitest/config";

const onPostgres = process.env.TEST_DB === "postgres";
const onReplica = process.env.TEST_DB === "replica";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "tests/stubs/empty.ts"),
    },
  },
  test: {
    environment: "node",
    include: onReplica
      ? ["tests/replica/**/*.test.ts"]
      : onPostgres
        ? ["tests/integration/**/*.test.ts"]
        : ["lib/**/*.test.ts", "tests/integration/*.test.ts"],
    setupFiles: ["tests/helpers/setup.ts"],
    testTimeout: 30_000,
    // Seeding the demo authority through its own commands takes a while on a busy 2-core machine.
    hookTimeout: 180_000,
    pool: "forks",
    // next-auth imports "next/server" without an extension, which only a bundler resolves.
    server: { deps: { inline: ["next-auth"] } },
  },
});
