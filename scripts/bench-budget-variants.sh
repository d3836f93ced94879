#!/usr/bin/env bash
# `npm run bench:budget`: what the every-page script would cost on a news page if it gave up, step by step,
# what it does there (docs/every-page-budget.md). Builds three cut-down variants of this checkout in a
# scratch worktree and loads each against this checkout's own build in `npm run bench -- --news-only`
# (interleaved loads, with the two floor extensions), one run per variant:
#   url-title:   triage reads only the address and the title (no headings, forms or text probe);
#   no-watchers: that, and no watching for single-page navigations or late-rendered text;
#   no-listener: that, and no answer to the popup (the script then touches no extension API at start).
# None of them is a candidate design: each drops something issue 4 or the popup needs. They measure what
# each part costs. BENCH_RUNS (default 7; the news page is loaded 3× that) applies to each run.
# Each edit is checked to have applied, so the script fails instead of measuring the unchanged code.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
RUNS="${BENCH_RUNS:-7}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/fineprint-budget-XXXXXX")"
TREE="$WORK/tree"
cleanup() {
  # This checkout's own build goes back where the bench found it, whatever happened.
  if [ -d "$WORK/current" ]; then rm -rf .output/chrome-mv3 && cp -r "$WORK/current" .output/chrome-mv3; fi
  git -C "$ROOT" worktree remove --force "$TREE" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

npx wxt build >/dev/null
cp -r .output/chrome-mv3 "$WORK/current"
git worktree add --detach "$TREE" HEAD >/dev/null
ln -s "$ROOT/node_modules" "$TREE/node_modules"
# The variants start from this checkout as it is: uncommitted changes to tracked files come along (new files
# that git does not track yet do not).
git diff HEAD --binary | (cd "$TREE" && git apply --allow-empty)

# edit <file> <perl substitution>: applies it in the scratch tree, and fails when it changed nothing.
edit() {
  local file="$TREE/$1"
  local before
  before="$(sha256sum "$file")"
  perl -0pi -e "$2" "$file"
  if [ "$(sha256sum "$file")" = "$before" ]; then
    echo "bench:budget: the edit to $1 no longer applies; update this script" >&2
    exit 1
  fi
}
build() {
  (cd "$TREE" && npx wxt build >/dev/null)
  cp -r "$TREE/.output/chrome-mv3" "$WORK/$1"
}

edit lib/detect/triage.ts 's/(export function readTriageFacts\(doc: Document, url: string\): TriageFacts \{\n)/$1  return { path: urlSignalText(url), title: nameText(doc.title), headings: [], relSelf: false, formHint: false, text: "" };\n/'
build url-title
edit lib/page-gate.ts 's/  \} else \{\n    stops\.push\(/  } else if (false) {\n    stops.push(/'
build no-watchers
edit entrypoints/every-page/index.ts 's/  browser\.runtime\.onMessage\.addListener\(/  if (false) browser.runtime.onMessage.addListener(/'
build no-listener

rows() { grep -E '^\| Browser: news page \| (main-thread time in the extension.*scripts, from trace|the same for a content script)' "$1" | cut -d'|' -f3,4,5; }
for variant in url-title no-watchers no-listener; do
  out="$WORK/$variant.txt"
  echo "== $variant (against this checkout's build; $RUNS × 3 loads) =="
  # The bench loads .output/chrome-mv3 as "this build": the variant goes there for the run, this checkout's
  # build is the baseline (and goes back into .output at the end, see cleanup).
  rm -rf .output/chrome-mv3 && cp -r "$WORK/$variant" .output/chrome-mv3
  BENCH_RUNS="$RUNS" BENCH_BASELINE="$WORK/current" BENCH_BASELINE_NAME="this checkout" \
    npx tsx scripts/bench.ts --news-only >"$out" 2>&1 || { cat "$out"; exit 1; }
  rows "$out"
done
