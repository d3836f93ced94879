#!/usr/bin/env bash
# Installs everything the build and the tests need on a fresh Debian machine that has Node 20 + npm:
# npm packages from the lockfile and Debian's Chromium and Firefox ESR for the real-browser tests (needs root +
# apt-get; without them the browser suites say they were skipped, or fail under CI=true). Idempotent; quick when
# everything is present.
set -euo pipefail
cd "$(dirname "$0")/.."

node -e '
  const [maj, min] = process.versions.node.split(".").map(Number);
  if (maj < 20 || (maj === 20 && min < 12)) { console.error(`[setup] Node >= 20.12 needed, found ${process.version}`); process.exit(1); }
'

CHROMIUM="${FINEPRINT_CHROMIUM:-/usr/lib/chromium/chromium}"
FIREFOX="${FINEPRINT_FIREFOX:-/usr/bin/firefox-esr}"
missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium fonts-dejavu-core)
[ -x "$FIREFOX" ] || missing+=(firefox-esr)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "[setup] installing ${missing[*]} from Debian…"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "[setup] missing ${missing[*]} and cannot install (need root + apt-get); the browser suites will say so" >&2
  fi
fi
[ -x "$CHROMIUM" ] && echo "[setup] $("$CHROMIUM" --version 2>/dev/null || echo chromium present)"
[ -x "$FIREFOX" ] && echo "[setup] $("$FIREFOX" --version 2>/dev/null || echo firefox present)"

# npm ci only when the lockfile changed since the last `npm ci` run by this script (stamp = its sha256).
# (Comparing package lists doesn't work: the lockfile lists optional packages for other platforms.)
stamp=node_modules/.fineprint-lock.sha256
if [ ! -d node_modules ] || [ "$(cat "$stamp" 2>/dev/null)" != "$(sha256sum package-lock.json | cut -d' ' -f1)" ]; then
  echo "[setup] npm ci…"
  npm ci --no-audit --no-fund
  sha256sum package-lock.json | cut -d' ' -f1 >"$stamp"
fi
