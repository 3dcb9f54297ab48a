#!/usr/bin/env bash
# Benchmark `kehoach render` on one plan (default plans/tien-giang-2023.yaml, body and
# appendix): release build, 7 cold runs (each a new process), median wall time and peak
# RSS from /usr/bin/time -v. If the official `typst` CLI is on PATH, the same emitted .typ
# is compiled by it with the same fonts (and no system fonts) for comparison.
#
#   scripts/bench-render.sh [PLAN] [RUNS]
#
# Extra cargo flags can be passed in BENCH_CARGO_FLAGS (e.g. a --config for a shared
# target directory).
set -euo pipefail
cd "$(dirname "$0")/.."

PLAN=${1:-plans/tien-giang-2023.yaml}
RUNS=${2:-7}
TARGET=${CARGO_TARGET_DIR:-target}

# shellcheck disable=SC2086
cargo build --release --quiet ${BENCH_CARGO_FLAGS:-}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
BIN="$WORK/kehoach"
cp "$TARGET/release/kehoach" "$BIN"

# One run: prints "seconds kilobytes".
measure() {
  /usr/bin/time -v "$@" 2>"$WORK/time.txt" >/dev/null
  local wall rss
  wall=$(grep 'Elapsed (wall clock)' "$WORK/time.txt" | awk '{print $NF}')
  rss=$(grep 'Maximum resident set size' "$WORK/time.txt" | awk '{print $NF}')
  # wall is m:ss.ss
  echo "$wall" | awk -F: -v rss="$rss" '{ printf "%.3f %d\n", $1 * 60 + $2, rss }'
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

bench() {
  local label=$1; shift
  : >"$WORK/runs.txt"
  for _ in $(seq "$RUNS"); do measure "$@" >>"$WORK/runs.txt"; done
  local t m
  t=$(awk '{print $1}' "$WORK/runs.txt" | median)
  m=$(awk '{print $2}' "$WORK/runs.txt" | sort -n | tail -1)
  printf '%-28s median %6.0f ms   peak RSS %5.1f MB   (%s runs)\n' \
    "$label" "$(echo "$t * 1000" | bc -l)" "$(echo "$m / 1024" | bc -l)" "$RUNS"
}

echo "plan: $PLAN"
"$BIN" render "$PLAN" -o "$WORK/plan.pdf" --emit both
pages=$(pdfinfo "$WORK/plan.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}' || true)
echo "pages: ${pages:-?}, PDF $(stat -c %s "$WORK/plan.pdf") bytes"
bench "kehoach render (pdf)" "$BIN" render "$PLAN" -o "$WORK/plan.pdf"
bench "kehoach render (typ only)" "$BIN" render "$PLAN" -o "$WORK/plan.pdf" --emit typ

if command -v typst >/dev/null 2>&1; then
  # `render --emit both` wrote plan.typ and, beside it, the nd30.typ it imports
  bench "typst CLI $(typst --version | awk '{print $2}')" \
    typst compile --ignore-system-fonts --font-path fonts --pdf-standard a-2b,ua-1 \
    "$WORK/plan.typ" "$WORK/typst.pdf"
else
  echo "typst CLI not installed: no comparison (cargo install typst-cli --locked)"
fi
