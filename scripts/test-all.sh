#!/usr/bin/env bash
# Every test, as CI runs it: install, typecheck, lint, format, build both browsers, Firefox lint,
# then unit + corpus + real-browser suites.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
npm run -s typecheck
npm run -s lint
npm run -s format:check
npm run -s build
npm run -s build:firefox
npx web-ext lint --source-dir .output/firefox-mv2 --self-hosted=false --output text
npx vitest run
