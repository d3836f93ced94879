#!/usr/bin/env bash
# Quick start on a fresh machine: install, build the extension for Chrome and Firefox, analyse the bundled
# sample policy with the CLI, and — where a display exists — open Chromium with the extension loaded on it.
set -euo pipefail
cd "$(dirname "$0")/.."
done_steps=()
skipped=()
bash scripts/setup.sh
done_steps+=("installed dependencies (scripts/setup.sh)")
npm run -s build
npm run -s build:firefox
done_steps+=("built .output/chrome-mv3 and .output/firefox-mv2")
sample=data/samples/examplify-privacy-policy.html
echo
echo "== fineprint analyze $sample (text) =="
npm run -s fineprint -- analyze "$sample" --url https://examplify.example/privacy --format text
done_steps+=("analysed $sample with the command line")
# Say at the end what ran and what did not (and how to run it), so nothing is skipped silently.
summary() {
  echo
  echo "== quickstart: what it did =="
  for s in "${done_steps[@]}"; do echo "  done:    $s"; done
  for s in "${skipped[@]}"; do echo "  skipped: $s"; done
  echo "Load the build by hand: Chrome chrome://extensions → Developer mode → Load unpacked → .output/chrome-mv3;"
  echo "Firefox about:debugging#/runtime/this-firefox → Load Temporary Add-on → .output/firefox-mv2/manifest.json."
}
if [ -z "${DISPLAY:-}" ]; then
  skipped+=("opening Chromium with the extension: no display (\$DISPLAY is unset). On a desktop, run npm run -s quickstart there, or load the build by hand as below")
elif [ ! -x /usr/lib/chromium/chromium ]; then
  skipped+=("opening Chromium with the extension: /usr/lib/chromium/chromium not found (apt-get install chromium)")
else
  echo "Opening Chromium with Fineprint loaded on the sample policy (close the window to finish)…"
  profile=$(mktemp -d)
  python3 -m http.server 8765 --bind 127.0.0.1 --directory data/samples >/dev/null 2>&1 &
  server=$!
  trap 'kill $server 2>/dev/null; rm -rf "$profile"' EXIT
  /usr/lib/chromium/chromium --user-data-dir="$profile" --no-first-run --disable-background-networking \
    --disable-extensions-except="$PWD/.output/chrome-mv3" --load-extension="$PWD/.output/chrome-mv3" \
    "http://127.0.0.1:8765/$(basename "$sample")" || true
  done_steps+=("opened Chromium with the extension on the sample policy")
fi
summary
