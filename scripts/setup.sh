#!/usr/bin/env bash
# Installs everything the build and the tests need on a fresh Debian machine: npm packages from the
# lockfile and Debian's Chromium for the real-browser tests. Idempotent; quick when all is present.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/lib/chromium/chromium ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "[setup] installing Debian chromium…"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
  else
    echo "[setup] chromium not found and cannot install it (need root + apt-get); browser tests will say so" >&2
  fi
fi

# npm ci only when the lockfile changed since the last install (node_modules/.package-lock.json mirrors it).
if [ ! -d node_modules ] || ! cmp -s <(node -e 'const l=require("./package-lock.json");delete l.packages[""];console.log(JSON.stringify(Object.keys(l.packages).sort()))') \
  <(node -e 'try{const l=require("./node_modules/.package-lock.json");console.log(JSON.stringify(Object.keys(l.packages).sort()))}catch{console.log("none")}'); then
  echo "[setup] npm ci…"
  npm ci --no-audit --no-fund
fi
