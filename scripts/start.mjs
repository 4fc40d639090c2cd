// `npm start`: prepares the database (migrate and seed, then releases it), builds if the build is
// missing or older than the sources, and serves the portal on http://localhost:3000.
// With DATABASE_URL unset the database is PGlite in .data/pglite; only the server opens it.
import { spawnSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { loadSecrets } from "./secrets.mjs";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);

function run(cmd, args, extraEnv = {}) {
  const result = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...extraEnv } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// Per-installation secrets (sessions, the audit HMAC key, the checkpoint signing key), kept in .data/.
loadSecrets();
process.env.AUTH_TRUST_HOST ??= "true";

run(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/db.ts", "setup"]);

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}
const distDir = process.env.NEXT_DIST_DIR || ".next";
const buildId = path.join(root, distDir, "BUILD_ID");
const sources = ["app", "components", "lib", "db/schema"].map((d) => newestSource(path.join(root, d)));
const files = [
  "package-lock.json",
  "proxy.ts",
  "instrumentation.ts",
  "instrumentation-client.ts",
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
].map((f) => fs.statSync(path.join(root, f)).mtimeMs);
const stale = !fs.existsSync(buildId) || Math.max(...sources, ...files) > fs.statSync(buildId).mtimeMs;
if (stale) run(process.execPath, ["node_modules/next/dist/bin/next", "build"]);

// scripts/serve.mjs rather than `next start`: it decides what the X-Forwarded-* headers may say.
const server = spawn(process.execPath, ["scripts/serve.mjs"], { stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
