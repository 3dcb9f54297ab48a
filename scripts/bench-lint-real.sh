#!/usr/bin/env bash
# Benchmark `kehoach lint` on real plans: the five bundled plans, C copies each (default
# 200: 1,000 files, ~80 MB, many findings), with plans/kehoach.yaml beside them. For
# every output format: wall time (median of RUNS) and peak RSS (/usr/bin/time -v, the
# largest of the runs), the output discarded; then one job against all cores for the
# parallel speed-up.
#
#   scripts/bench-lint-real.sh [C]
#
# Environment: BENCH_DIR (default /tmp/kehoach-bench), KEHOACH (a prebuilt binary; by
# default the script builds the release binary), RUNS (default 3), FORMATS (default
# "concise human json sarif github"), BASELINE (another binary, e.g. an older build: each
# of its runs then alternates with one of KEHOACH's, so both are timed in the same
# minutes; this VM's speed drifts by up to 2× within minutes).
set -euo pipefail

C=${1:-200}
DIR=${BENCH_DIR:-/tmp/kehoach-bench}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${RUNS:-3}
FORMATS=${FORMATS:-concise human json sarif github}
mkdir -p "$DIR"

if [[ -z "${KEHOACH:-}" ]]; then
  (cd "$ROOT" && cargo build --release --locked --quiet)
  KEHOACH="${CARGO_TARGET_DIR:-$ROOT/target}/release/kehoach"
fi

PLANS="$DIR/real-$C"
if [[ ! -d "$PLANS" ]]; then
  echo "copying the bundled plans $C times into $PLANS" >&2
  mkdir -p "$PLANS"
  cp "$ROOT/plans/kehoach.yaml" "$PLANS/"
  for k in $(seq -w 1 "$C"); do
    mkdir -p "$PLANS/$k"
    for p in "$ROOT"/plans/*.yaml; do
      [[ $(basename "$p") == kehoach.yaml ]] && continue
      cp "$p" "$PLANS/$k/"
    done
  done
fi
echo "files: $(find "$PLANS" -name '*.yaml' ! -name kehoach.yaml | wc -l), $(du -sh "$PLANS" | cut -f1), cores: $(nproc), load: $(cut -d' ' -f1-3 /proc/loadavg)"

# One timed run: prints "wall_seconds max_rss_kb exit_code cpu_seconds" (cpu = user + system:
# on a loaded machine the CPU time of a --jobs 1 run is the figure to compare).
timed() {
  local log code=0
  log=$(mktemp)
  /usr/bin/time -v "$@" >/dev/null 2>"$log" || code=$?
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/{print $2}' "$log" |
    awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(awk -F': ' '/Maximum resident set size/{print $2}' "$log")
  cpu=$(awk -F': ' '/User time \(seconds\)|System time \(seconds\)/{t += $2} END {print t}' "$log")
  rm -f "$log"
  echo "$wall $rss $code $cpu"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# bench NAME COMMAND…: median wall time and largest peak RSS over RUNS runs.
# summary NAME RUN…: one line for runs of "wall rss exit cpu".
summary() {
  local name=$1
  shift
  local runs=("$@")
  local wall rss all cpu
  wall=$(printf '%s\n' "${runs[@]}" | awk '{print $1}' | median)
  cpu=$(printf '%s\n' "${runs[@]}" | awk '{print $4}' | median)
  rss=$(printf '%s\n' "${runs[@]}" | awk '{print $2}' | sort -n | tail -1)
  all=$(printf '%s\n' "${runs[@]}" | awk '{printf "%s ", $1}')
  printf '%-16s wall %6.2f s (median of %s: %s)  cpu %6.2f s  peak RSS %6.1f MB  exit %s\n' \
    "$name" "$wall" "$RUNS" "$all" "$cpu" "$(awk "BEGIN {print $rss / 1024}")" \
    "$(printf '%s\n' "${runs[@]}" | awk '{print $3}' | sort -u | tr '\n' ' ')"
}

# bench NAME ARGS…: RUNS runs of KEHOACH with ARGS (alternating with BASELINE's, if set).
bench() {
  local name=$1
  shift
  local runs=() base=()
  for _ in $(seq "$RUNS"); do
    if [[ -n "${BASELINE:-}" ]]; then base+=("$(timed "$BASELINE" "$@")"); fi
    runs+=("$(timed "$KEHOACH" "$@")")
  done
  summary "$name" "${runs[@]}"
  if [[ -n "${BASELINE:-}" ]]; then summary "  baseline" "${base[@]}"; fi
}

for f in $FORMATS; do
  bench "$f" lint "$PLANS" --format "$f"
done
bench "concise -j 1" lint "$PLANS" --format concise --jobs 1
bench "json -j 1" lint "$PLANS" --format json --jobs 1
