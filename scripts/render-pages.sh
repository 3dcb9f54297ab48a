#!/usr/bin/env bash
# Page images of a rendered plan, to look at: page 1 and the first page of each
# appendix (or the pages given), as PNG at 80 dpi, with poppler's pdftoppm.
#
#   scripts/render-pages.sh [PLAN] [OUTDIR] [PAGE…]
#   scripts/render-pages.sh plans/tien-giang-2023.yaml /tmp/pages
set -euo pipefail
cd "$(dirname "$0")/.."

PLAN=${1:-plans/tien-giang-2023.yaml}
OUT=${2:-target/pages}
shift $(( $# > 2 ? 2 : $# ))
mkdir -p "$OUT"
stem=$(basename "$PLAN" .yaml)
cargo run --quiet -- render "$PLAN" -o "$OUT/$stem.pdf" --emit both

pages=("$@")
if [ ${#pages[@]} -eq 0 ]; then
  pages=(1)
  # First page of each appendix: where "PHỤ LỤC" opens a page.
  n=$(pdfinfo "$OUT/$stem.pdf" | awk '/^Pages:/ {print $2}')
  for p in $(seq 2 "$n"); do
    if pdftotext -f "$p" -l "$p" "$OUT/$stem.pdf" - | head -3 | grep -q "PHỤ LỤC"; then
      pages+=("$p" "$((p + 1))")
    fi
  done
fi
for p in "${pages[@]}"; do
  pdftoppm -r 80 -png -f "$p" -l "$p" "$OUT/$stem.pdf" "$OUT/$stem-p$p"
done
ls "$OUT"/"$stem"-p*.png
