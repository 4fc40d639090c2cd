#!/usr/bin/env bash
# `npm test`: every test. Type check, lint, unit and integration tests on PGlite, the same
# integration tests on PostgreSQL when TEST_DATABASE_URL is set, then Playwright against a
# production build in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== type check"; npx tsc --noEmit
echo "== lint and format"; npm run --silent lint
echo "== unit and integration tests (PGlite)"; npx vitest run
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  echo "== integration tests (PostgreSQL)"; TEST_DB=postgres npx vitest run
else
  echo "== integration tests on PostgreSQL not run: set TEST_DATABASE_URL (CI sets it)"
fi
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  echo "No Chromium found at $CHROMIUM. Install Debian's package (sudo apt-get install -y chromium)" >&2
  echo "or set CHROMIUM_PATH to a Chromium binary. 'npx playwright install' does not work offline." >&2
  exit 1
fi
echo "== end-to-end tests (Playwright, production build)"; npx playwright test
