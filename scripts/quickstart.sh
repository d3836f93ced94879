#!/usr/bin/env bash
# Quick start on a fresh machine: install, build the extension for Chrome and Firefox, analyse the bundled
# sample policy with the CLI, and — where a display exists — open Chromium with the extension loaded on it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
npm run -s build
npm run -s build:firefox
sample=data/samples/examplify-privacy-policy.html
echo
echo "== fineprint analyze $sample (text) =="
npm run -s fineprint -- analyze "$sample" --url https://examplify.example/privacy --format text
echo
echo "Built: .output/chrome-mv3 (load unpacked in Chrome) and .output/firefox-mv2 (about:debugging in Firefox)."
if [ -n "${DISPLAY:-}" ] && [ -x /usr/lib/chromium/chromium ]; then
  echo "Opening Chromium with Fineprint loaded on the sample policy (close the window to finish)…"
  profile=$(mktemp -d)
  python3 -m http.server 8765 --bind 127.0.0.1 --directory data/samples >/dev/null 2>&1 &
  server=$!
  trap 'kill $server 2>/dev/null; rm -rf "$profile"' EXIT
  /usr/lib/chromium/chromium --user-data-dir="$profile" --no-first-run --disable-background-networking \
    --disable-extensions-except="$PWD/.output/chrome-mv3" --load-extension="$PWD/.output/chrome-mv3" \
    "http://127.0.0.1:8765/$(basename "$sample")" || true
fi
