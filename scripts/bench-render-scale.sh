#!/usr/bin/env bash
# Render at scale (issue 13's figures): plans generated from tests/fixtures/render/
# tien-giang-small.yaml with N one-line tasks ("full:N") or N tasks whose body is one
# 4.4 KB paragraph ("long:N"), each rendered to PDF by the release binary in a new
# process; prints wall time, CPU time (user + system), peak RSS and pages, one JSON line
# per case.
#
#   scripts/bench-render-scale.sh [CASE ...]     # default: full:1000 full:5000 long:100
#
# Environment: OUT (default /tmp/kehoach-render-scale), KEHOACH (a prebuilt binary; by
# default the release build).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${OUT:-/tmp/kehoach-render-scale}
if [[ -z "${KEHOACH:-}" ]]; then
  (cd "$ROOT" && cargo build --release --locked --quiet)
  KEHOACH="${CARGO_TARGET_DIR:-$ROOT/target}/release/kehoach"
fi
mkdir -p "$OUT"
[[ $# -gt 0 ]] || set -- full:1000 full:5000 long:100
python3 - "$ROOT" "$OUT" "$KEHOACH" "$@" <<'PY'
import json, os, re, subprocess, sys, time
root, out, k, cases = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
base = open(os.path.join(root, "tests/fixtures/render/tien-giang-small.yaml"), encoding="utf-8").read()
head, _, tail = base.partition("tasks:\n")
tail = tail[tail.index("organisation:"):]
body = "Triển khai " * 400
def plan(kind, n):
    if kind == "long":
        tasks = "".join(f'  - id: t{i}\n    indicators: ["1.3"]\n    lead: [Sở Thông tin và Truyền thông]\n    deadline: Quý IV/2023\n    body: {body}\n' for i in range(n))
    else:
        tasks = "".join(f'  - {{id: t{i}, indicators: ["1.3"], lead: [Sở Thông tin và Truyền thông], deadline: Quý IV/2023}}\n' for i in range(n))
    return head + "tasks:\n" + tasks + tail
for case in cases:
    kind, n = case.split(":")
    n = int(n)
    p = os.path.join(out, f"{kind}_{n}.yaml")
    open(p, "w", encoding="utf-8").write(plan(kind, n))
    t0 = time.monotonic()
    r = subprocess.run(["/usr/bin/time", "-v", k, "render", p, "-o", p + ".pdf"], capture_output=True)
    wall = time.monotonic() - t0
    err = r.stderr.decode()
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", err).group(1)) // 1024
    cpu = sum(float(x) for x in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", err))
    pages = None
    if r.returncode == 0:
        info = subprocess.run(["pdfinfo", p + ".pdf"], capture_output=True).stdout.decode()
        pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    last = [l for l in err.splitlines() if l.strip() and not l.startswith("\t")][-1:] if r.returncode else []
    print(json.dumps({"case": case, "bytes": os.path.getsize(p), "rc": r.returncode, "wall_s": round(wall, 2),
                      "cpu_s": round(cpu, 2), "rss_MB": rss, "pages": pages, "error": last}, ensure_ascii=False), flush=True)
PY
