#!/usr/bin/env bash
# Office-format timings (README, "Drafting" → figures): DOCX and XLSX export of Tiền Giang
# 2023 (and 2024) with hyperfine, each run a new process; then the watch loop's re-render
# time: `kehoach watch` on a copy of Tiền Giang 2023, the plan changed ten times, the
# milliseconds it prints for each run collected.
#
#   scripts/bench-office.sh                 # builds the release binary first
#   KEHOACH=target/release/kehoach scripts/bench-office.sh
#
# Needs hyperfine. Run it on a quiet machine (`uptime`: load under 1.5).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -z "${KEHOACH:-}" ]]; then
    cargo build --release --locked
    KEHOACH=target/release/kehoach
fi
K="$(realpath "$KEHOACH")"
TMP="$(mktemp -d)"
WATCH_PID=""
cleanup() {
    if [[ -n "$WATCH_PID" ]]; then kill "$WATCH_PID" 2>/dev/null || true; fi
    rm -rf "$TMP"
}
trap cleanup EXIT
echo "load: $(uptime)"

for plan in plans/tien-giang-2023.yaml plans/tien-giang-2024.yaml; do
    name="$(basename "$plan" .yaml)"
    hyperfine --warmup 2 --runs 10 --style basic \
        --export-markdown "$TMP/$name.md" \
        -n "docx $name" "$K render $plan --format docx -o $TMP/$name.docx" \
        -n "xlsx $name" "$K export $plan --format xlsx -o $TMP/$name.xlsx" \
        -n "pdf $name (cold render, for comparison)" "$K render $plan -o $TMP/$name.pdf"
    cat "$TMP/$name.md"
done

# Watch: ten edits, each waited for.
cp plans/tien-giang-2023.yaml "$TMP/tg.yaml"
"$K" watch "$TMP/tg.yaml" 2> "$TMP/watch.log" &
WATCH_PID=$!
runs() { grep -c "^đã xuất (rendered)" "$TMP/watch.log" || true; }
wait_runs() { # wait_runs N: until N runs are logged, at most 30 s
    for _ in $(seq 300); do
        [[ "$(runs)" -ge "$1" ]] && return 0
        sleep 0.1
    done
    echo "watch did not render within 30 s:" >&2
    cat "$TMP/watch.log" >&2
    exit 1
}
wait_runs 1
for i in $(seq 1 10); do
    echo "# sửa lần $i" >> "$TMP/tg.yaml"
    wait_runs $((i + 1))
    sleep 0.3
done
kill "$WATCH_PID"
WATCH_PID=""
echo "watch, Tiền Giang 2023 (first run cold, then ten edits):"
grep "^đã xuất (rendered)" "$TMP/watch.log" | sed 's/^.*: //'
grep "^đã xuất (rendered)" "$TMP/watch.log" | tail -n 10 | python3 -c '
import re, statistics, sys
render, lint = [], []
for line in sys.stdin:
    m = re.search(r"(\d+) ms \(kiểm tra, lint (\d+) ms\)", line)
    render.append(int(m.group(1))); lint.append(int(m.group(2)))
print(f"re-render after an edit: median {statistics.median(render)} ms "
      f"(min {min(render)}, max {max(render)}); lint median {statistics.median(lint)} ms")
'
