#!/usr/bin/env bash
# Raw and gzip -9 size of every file of a build, and the first-paint total.
set -euo pipefail
dist="${1:-dist}"
total_raw=0; total_gz=0
printf '%-44s %10s %10s\n' file raw gzip
for f in "$dist"/*; do
  [ -f "$f" ] || continue
  raw=$(wc -c <"$f"); gz=$(gzip -9c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '%-44s %10d %10d\n' "$(basename "$f")" "$raw" "$gz"
done
printf '%-44s %10d %10d\n' "total (all load at first paint)" "$total_raw" "$total_gz"
