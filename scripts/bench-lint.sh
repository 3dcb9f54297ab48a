#!/usr/bin/env bash
# Benchmark `kehoach lint`: generate N plan files of T tasks each (default 10,000 × 100)
# in a scratch directory, lint them with the release binary, and report wall time
# (median of 3 runs) and peak RSS (/usr/bin/time -v); then the same files through
# yamllint (`pip install yamllint`) for comparison.
#
#   scripts/bench-lint.sh [N] [T]
#
# Environment: BENCH_DIR (default /tmp/kehoach-bench), KEHOACH (a prebuilt binary; by
# default the script builds the release binary and copies it into BENCH_DIR),
# YAMLLINT_RUNS (default 1: yamllint takes minutes on the full set).
set -euo pipefail

N=${1:-10000}
T=${2:-100}
DIR=${BENCH_DIR:-/tmp/kehoach-bench}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$DIR"

if [[ -z "${KEHOACH:-}" ]]; then
  (cd "$ROOT" && cargo build --release --locked --quiet)
  cp "${CARGO_TARGET_DIR:-$ROOT/target}/release/kehoach" "$DIR/kehoach"
  KEHOACH="$DIR/kehoach"
fi

PLANS="$DIR/plans-$N-$T"
if [[ ! -d "$PLANS" ]]; then
  echo "generating $N plans of $T tasks in $PLANS" >&2
  python3 - "$PLANS" "$N" "$T" "$ROOT/lints/dti-922-2022.yaml" <<'PY'
import os, re, sys
out, n, t, cat = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
# Indicator codes (depth 2) of the real catalogue, in file order.
codes = [c for c in re.findall(r'^\s*- code: "([0-9.]+)"', open(cat).read(), re.M)
         if c.count('.') == 1]
leads = ["Sở Thông tin và Truyền thông", "Sở Nội vụ", "Sở Tài chính",
         "Sở Kế hoạch và Đầu tư", "Văn phòng UBND tỉnh"]
deadlines = ["Quý IV/2023", "Trước 30/11/2023", "Năm 2024", "Thường xuyên", "2023 - 2025"]
head = '''catalogue: dti-922-2022
document:
  issuer: ["ỦY BAN NHÂN DÂN", "TỈNH TIỀN GIANG"]
  issuer_name: "Ủy ban nhân dân tỉnh Tiền Giang"
  number: "{num}"
  symbol: "KH-UBND"
  place: "Tiền Giang"
  date: "2023-10-23"
  title: "Nâng cao Chỉ số chuyển đổi số (DTI) năm 2023, bản {num}"
  year: 2023
  horizon: 2025
bases:
  - "Căn cứ Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ;"
  - "Căn cứ Quyết định số 922/QĐ-BTTTT ngày 20/5/2022 của Bộ trưởng Bộ Thông tin và Truyền thông;"
tasks:
'''
tail = '''recipients:
  - "Bộ Thông tin và Truyền thông (b/c);"
  - "Lưu: VT."
signer:
  authority: "KT. CHỦ TỊCH"
  title: "PHÓ CHỦ TỊCH"
  name: "Phạm Văn Trọng"
'''
for d in range(n // 1000 + 1):
    os.makedirs(f"{out}/{d:02}", exist_ok=True)
for k in range(n):
    parts = [head.format(num=k + 1)]
    for j in range(t):
        c = codes[j % len(codes)]
        parts.append(f'''  - id: "nv-{j + 1}"
    group: "{c.split('.')[0]}"
    title: "Nhiệm vụ {j + 1} cho chỉ số {c}"
    indicators: ["{c}"]
    lead: ["{leads[j % 5]}"]
    support: ["{leads[(j + 1) % 5]}"]
    deadline: "{deadlines[j % 5]}"
''')
    parts.append(tail)
    with open(f"{out}/{k // 1000:02}/plan-{k:05}.yaml", "w") as f:
        f.write("".join(parts))
PY
fi
du -sh "$PLANS" >&2

# One timed run: prints "wall_seconds max_rss_kb".
timed() {
  local log
  log=$(mktemp)
  /usr/bin/time -v "$@" >/dev/null 2>"$log" || true
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/{print $2}' "$log" |
    awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(awk -F': ' '/Maximum resident set size/{print $2}' "$log")
  rm -f "$log"
  echo "$wall $rss"
}

# The median of a column of numbers.
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# bench NAME RUNS COMMAND…: median wall time and largest peak RSS over RUNS runs.
bench() {
  local name=$1 n=$2
  shift 2
  local runs=()
  for _ in $(seq "$n"); do runs+=("$(timed "$@")"); done
  local wall rss
  wall=$(printf '%s\n' "${runs[@]}" | awk '{print $1}' | median)
  rss=$(printf '%s\n' "${runs[@]}" | awk '{print $2}' | sort -n | tail -1)
  printf '%-10s wall %7.2f s (median of %s)   peak RSS %6.1f MB\n' "$name" "$wall" "$n" "$(awk "BEGIN {print $rss / 1024}")"
}

echo "files: $N, tasks per file: $T, cores: $(nproc)"
bench kehoach 3 "$KEHOACH" lint "$PLANS" --format concise
# yamllint is single-threaded and takes minutes on the full set: one run by default.
if command -v yamllint >/dev/null; then
  bench yamllint "${YAMLLINT_RUNS:-1}" yamllint -f parsable -d relaxed "$PLANS"
else
  echo "yamllint not installed (pip install yamllint)"
fi
