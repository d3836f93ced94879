#!/usr/bin/env bash
# Every test, as CI runs it: install, typecheck, lint, import graph (.dependency-cruiser.cjs), format, build both
# browsers, Firefox lint (warnings must be explained in docs/permissions.md), then unit + corpus + real-browser suites (vitest: Chromium, then Firefox).
# Prints the time of each step and the total. Under CI=true, suites that need the corpus, Chromium or Firefox
# fail instead of skipping when those are missing.
set -euo pipefail
cd "$(dirname "$0")/.."

start=$(date +%s)
step() {
  local name=$1
  shift
  local t0
  t0=$(date +%s)
  echo
  echo "== $name"
  "$@"
  echo "-- $name: $(($(date +%s) - t0)) s"
}

corpus="${FINEPRINT_CORPUS:-$(cd .. && pwd)/shared/corpus}"
echo "Node $(node --version); CI=${CI:-}; corpus: $corpus ($([ -f "$corpus/MANIFEST.md" ] && echo found || echo MISSING))"

step setup bash scripts/setup.sh
step typecheck npm run -s typecheck
step lint npm run -s lint
step "import graph (dependency-cruiser)" npm run -s lint:deps
step format npm run -s format:check
step "build chrome-mv3" npm run -s build
step "build firefox-mv2" npm run -s build:firefox
step "web-ext lint (firefox-mv2)" npm run -s lint:firefox
step "vitest (unit, corpus, Chromium, Firefox)" npx vitest run --reporter=default --reporter=json --outputFile.json=.output/vitest-results.json

echo
echo "test-all: every step passed in $(($(date +%s) - start)) s"
# One plain closing line with the counts, whatever reporter format vitest prints above.
node -e '
  const r = require("./.output/vitest-results.json");
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
'

