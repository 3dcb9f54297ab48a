#!/usr/bin/env bash
# Fuzz kehoach with cargo-fuzz (libFuzzer; nightly toolchain): not part of CI (time).
#
#   scripts/fuzz.sh seed                 # fill fuzz/corpus/<target>/ from plans and fixtures
#   scripts/fuzz.sh run TARGET SECONDS   # fuzz one target (under nice -n 19), log in fuzz/logs/
#   scripts/fuzz.sh cmin TARGET          # minimise its corpus in place
#   scripts/fuzz.sh all SECONDS          # seed, then every target, two at a time, then cmin
#
# Targets (fuzz/fuzz_targets/): plan_load (plan loading, and the fast YAML path against
# serde-saphyr on the same bytes: same plan and spans, or the fast path declines),
# markdown (Markdown → Typst always parses as Typst), vn_parse (deadlines, numbers,
# dates), catalogue_load (catalogue loading and validation). A crash is written to
# fuzz/artifacts/<target>/; make it a regression test (tests/fuzz_regressions.rs), fix
# it, and keep the input in the corpus.
#
# Install once: nice -n 19 cargo install cargo-fuzz
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT/fuzz"
TARGETS=(plan_load markdown vn_parse catalogue_load)

seed() {
  mkdir -p corpus/{plan_load,markdown,vn_parse,catalogue_load}
  for f in "$ROOT"/plans/*.yaml "$ROOT"/tests/fixtures/lint/*/*.yaml \
    "$ROOT"/tests/fixtures/render/*.yaml "$ROOT"/tests/fixtures/reliability/*.yaml; do
    [[ -f $f ]] || continue
    h=$(sha1sum "$f" | cut -c1-16)
    if [[ $(wc -c <"$f") -le 65536 ]]; then cp "$f" "corpus/plan_load/seed-$h"; fi
  done
  # Markdown: every block scalar of the plans, one file each.
  python3 - "$ROOT" <<'PY'
import hashlib, os, re, sys
root = sys.argv[1]
out = os.path.join(root, "fuzz/corpus")
def put(target, text):
    b = text.encode()
    if 0 < len(b) <= 8192:
        h = hashlib.sha1(b).hexdigest()[:16]
        open(os.path.join(out, target, "seed-" + h), "wb").write(b)
for name in sorted(os.listdir(os.path.join(root, "plans"))):
    if not name.endswith(".yaml"):
        continue
    text = open(os.path.join(root, "plans", name), encoding="utf-8").read()
    for m in re.finditer(r": [|>]-?\n((?:(?: {2,}.*)?\n)+)", text):
        block = "\n".join(l.strip() for l in m.group(1).splitlines())
        put("markdown", block)
    for m in re.finditer(r"deadline: \"?([^\"\n]+)", text):
        put("vn_parse", m.group(1))
    for m in re.finditer(r"(?:points|total|max_points|budget): \"?([^\"\n]+)", text):
        put("vn_parse", m.group(1))
for name in sorted(os.listdir(os.path.join(root, "lints"))):
    if name.startswith("dti") and name.endswith(".yaml"):
        put_big = open(os.path.join(root, "lints", name), encoding="utf-8").read()
        h = hashlib.sha1(put_big.encode()).hexdigest()[:16]
        open(os.path.join(out, "catalogue_load", "seed-" + h), "w").write(put_big)
for name in ("mini-catalogue.yaml",):
    p = os.path.join(root, "tests/fixtures/lint", name)
    t = open(p, encoding="utf-8").read()
    put("catalogue_load", t)
PY
  for t in "${TARGETS[@]}"; do echo "$t: $(ls corpus/$t | wc -l) seeds"; done
}

# Built once (`cargo fuzz build -O`, all targets), then each target's binary runs
# directly: `cargo fuzz run` would rebuild everything with other debug settings.
build() {
  nice -n 19 cargo +nightly fuzz build -O >logs/build.log 2>&1
}

run() {
  local t=$1 secs=$2
  mkdir -p logs "artifacts/$t" "corpus/$t"
  local bin=target/x86_64-unknown-linux-gnu/release/$t
  [[ -x $bin ]] || build
  nice -n 19 "$bin" "corpus/$t" -artifact_prefix="artifacts/$t/" \
    -max_total_time="$secs" -rss_limit_mb=2048 -timeout=20 -max_len=65536 \
    -print_final_stats=1 >"logs/$t.log" 2>&1 || true
  tail -n 20 "logs/$t.log" | grep -E '^(stat::|#[0-9]+.*DONE)|Done' || true
}

cmin() {
  local t=$1
  mkdir -p "corpus/$t.min"
  nice -n 19 "target/x86_64-unknown-linux-gnu/release/$t" -merge=1 "corpus/$t.min" "corpus/$t" \
    >"logs/$t.cmin.log" 2>&1 || true
  rm -rf "corpus/$t" && mv "corpus/$t.min" "corpus/$t"
  echo "$t: $(ls corpus/$t | wc -l) files, $(du -sh corpus/$t | cut -f1)"
}

case ${1:-} in
  seed) seed ;;
  run) run "$2" "$3" ;;
  cmin) cmin "$2" ;;
  all)
    mkdir -p logs
    seed
    build
    run plan_load "$2" & run markdown "$2" & wait
    run vn_parse "$2" & run catalogue_load "$2" & wait
    for t in "${TARGETS[@]}"; do cmin "$t"; done
    ;;
  *) sed -n '2,17p' "$0"; exit 2 ;;
esac
