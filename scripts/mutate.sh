#!/usr/bin/env bash
# The mutation and differential campaign of the reliability report, rerunnable: N cases
# (default 5,000, seed 2) mutated from the bundled plans and every fixture plan; each is
# linted (JSON contract, exit code, locations, no panic, no hang) and, unless it has a
# directive or document marker, linted again behind "%YAML 1.2" (which makes serde-saphyr
# read it) and the two reports compared. Prints the counts; the cases with a problem are
# kept in OUT/found/, one line per case in OUT/log.jsonl.
#
#   scripts/mutate.sh [N] [SEED]
#
# Environment: OUT (default /tmp/kehoach-mutate), KEHOACH (a prebuilt binary; by default
# the release build).
set -euo pipefail
N=${1:-5000}
SEED=${2:-2}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${OUT:-/tmp/kehoach-mutate}
if [[ -z "${KEHOACH:-}" ]]; then
  (cd "$ROOT" && cargo build --release --locked --quiet)
  KEHOACH="${CARGO_TARGET_DIR:-$ROOT/target}/release/kehoach"
fi
rm -rf "$OUT" && mkdir -p "$OUT/seeds"
# Seeds: the five real plans and the fixture plans (catalogues and configs left out).
for f in "$ROOT"/plans/*.yaml $(find "$ROOT/tests/fixtures" -name '*.yaml' | sort); do
  case $(basename "$f") in kehoach.yaml | *catalogue*.yaml | agencies*.yaml) continue ;; esac
  grep -q '^catalogue:' "$f" || continue
  cp "$f" "$OUT/seeds/$(echo "${f#"$ROOT"/}" | tr / _)"
done
cp "$ROOT/tests/fixtures/lint/mini-catalogue.yaml" "$OUT/mini-catalogue.yaml"
cp "$ROOT/plans/kehoach.yaml" "$OUT/kehoach.yaml"
echo "seeds: $(ls "$OUT/seeds" | wc -l)" >&2
KEHOACH=$KEHOACH SEEDS="$OUT/seeds" MINI="$OUT/mini-catalogue.yaml" \
  python3 "$ROOT/scripts/mutate.py" "$OUT" "$N" "$SEED" | tail -n 1
python3 - "$OUT/log.jsonl" <<'PY'
import collections, json, sys
probs = collections.Counter()
for line in open(sys.argv[1]):
    r = json.loads(line)
    for p in r.get("problems", []):
        probs[p.split(":")[0] if not p.startswith("F2:") else "F2:" + p.split(":")[1]] += 1
print("problems by kind:", dict(probs) or "none")
PY
