#!/usr/bin/env bash
# Every test of the suite, in the order that fails fastest:
#   1. type check (tsc) and lint
#   2. unit and database tests (Jest through backstage-cli), on SQLite and, where a
#      PostgreSQL answers on 127.0.0.1:5432, on PostgreSQL too
#   3. browser journeys: the real portal started on a fresh SQLite folder, driven in Chromium
# Ends with one line "tests: N passed, N failed" that sums Jest and the browser tests.
# Called by ./suite test, after the toolchain and packages are in place.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh
export CI=true # backstage-cli test would otherwise enter watch mode

REPORTS="$PWD/e2e-artifacts/reports"
rm -rf "$REPORTS" && mkdir -p "$REPORTS"
step() { printf '\n[suite] == %s ==\n' "$*" >&2; }

bash scripts/ensure-chromium.sh || exit 1
source scripts/postgres-env.sh

step "type check"
yarn tsc || exit 1

step "lint and formatting"
yarn backstage-cli repo lint || exit 1
yarn prettier --check . || exit 1

step "unit and database tests (Jest)"
yarn backstage-cli repo test --json --outputFile="$REPORTS/jest.json"
jest_rc=$?

step "browser tests (Playwright in Chromium)"
PLAYWRIGHT_JSON_OUTPUT_NAME="$REPORTS/playwright.json" yarn playwright test
e2e_rc=$?

node scripts/test-summary.js "$REPORTS/jest.json" "$REPORTS/playwright.json"
summary_rc=$?
[ $jest_rc -eq 0 ] && [ $e2e_rc -eq 0 ] && [ $summary_rc -eq 0 ]
