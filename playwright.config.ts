// End-to-end journeys in Debian's Chromium against a production build with its own fresh PGlite
// folder (.data/e2e) and build folder (.next-e2e), so it never touches the dev database or build.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { defineConfig } from "@playwright/test";

// E2E_PORT lets two checkouts run their journeys side by side on one machine.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const BASE_URL = `http://localhost:${PORT}`;
const PGLITE_DIR = ".data/e2e";
const AUDIT_CHECKPOINT_DIR = ".data/e2e-audit-checkpoints";
const tsx = "node node_modules/tsx/dist/cli.mjs";

const ADDS_CHILDREN =
  /(a-team-manager-records-a-childs-journey-through-care|a-second-record-of-the-same-child-is-closed-and-a-child-moves-team)\.spec\.ts/;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL: BASE_URL,
    locale: "en-GB",
    timezoneId: "Europe/London",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-quic",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/ },
    {
      name: "journeys",
      testMatch: /.*\.spec\.ts/,
      testIgnore: ADDS_CHILDREN,
      dependencies: ["setup"],
      use: { viewport: { width: 1280, height: 900 } },
    },
    // Journeys that add children to the demo authority run after every other, so the caseload
    // journeys count exactly the seeded children.
    {
      name: "journeys that add children",
      testMatch: ADDS_CHILDREN,
      dependencies: ["journeys"],
      use: { viewport: { width: 1280, height: 900 } },
    },
  ],
  webServer: {
    // A fresh database every run: the demo authority, plus extra children so the caseload has
    // more than one page. DATABASE_URL is unset so a developer's PostgreSQL is never touched.
    command: [
      "unset DATABASE_URL",
      `rm -rf ${PGLITE_DIR} ${AUDIT_CHECKPOINT_DIR}`,
      `${tsx} scripts/db.ts setup`,
      `${tsx} e2e/support/add-children-for-pagination.ts`,
      "node scripts/start.mjs",
    ].join(" && "),
    url: `${BASE_URL}/sign-in`,
    timeout: 300_000,
    reuseExistingServer: false,
    // SIGTERM, as a container platform stops a server: it finishes its requests, writes a final
    // audit checkpoint and closes the database.
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      PGLITE_DIR,
      NEXT_DIST_DIR: ".next-e2e",
      AUTH_SECRET: "e2e-only-secret-never-used-outside-playwright-runs",
      // Fresh audit keys each run, like the fresh database they key and sign.
      AUDIT_HMAC_KEY: randomBytes(32).toString("hex"),
      AUDIT_SIGNING_KEY: generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
      AUDIT_CHECKPOINT_DIR,
      AUDIT_CHECKPOINT_MINUTES: "1",
      AUTH_TRUST_HOST: "true",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
