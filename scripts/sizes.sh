#!/usr/bin/env bash
# Raw and gzip -9 size of every file of a build, with totals: what loads at first paint;
# what loads on demand (the export worker, fetched behind the first paint); what the
# browser fetches to install the app (the service worker, which then fetches every file
# once more to keep it, the manifest and its PNG icons). The single file
# (report-drafter.html, scripts/single-file.sh) holds everything and is opened on its
# own: it is listed, in no total.
# Fails when a total is over its ceiling (sizes are deterministic, unlike times).
set -euo pipefail
dist="${1:-dist}"

# The ceilings, in bytes gzip -9, kept here only. First paint: issue #17's goal is
# 250 000; NOT MET yet, so this is the figure reached (BENCHMARKS.md) rounded up by less
# than 2 %, a ratchet that catches growth: lower it as the bundle shrinks.
# The worker: issue #12's budget is 600 000; NOT MET since the checker and coverage moved
# into it (−136 KB at first paint, +47 KB here) and the .xlsx writer joined (+7 KB): the
# figure reached rounded up by less than 1 %, until reading plans and reports moves into a
# worker of its own.
FIRST_PAINT_CEILING=515000
WORKER_CEILING=616000

first_raw=0; first_gz=0; lazy_raw=0; lazy_gz=0; install_raw=0; install_gz=0
printf '%-44s %10s %10s\n' file raw gzip
for f in "$dist"/*; do
  [ -f "$f" ] || continue
  raw=$(wc -c <"$f"); gz=$(gzip -9c "$f" | wc -c)
  case "$(basename "$f")" in
    report-drafter.html) ;;
    worker*) lazy_raw=$((lazy_raw + raw)); lazy_gz=$((lazy_gz + gz)) ;;
    sw.js|manifest.webmanifest|icon-*) install_raw=$((install_raw + raw)); install_gz=$((install_gz + gz)) ;;
    *) first_raw=$((first_raw + raw)); first_gz=$((first_gz + gz)) ;;
  esac
  printf '%-44s %10d %10d\n' "$(basename "$f")" "$raw" "$gz"
done
printf '%-44s %10d %10d\n' "total loaded at first paint" "$first_raw" "$first_gz"
printf '%-44s %10d %10d\n' "total loaded on first export (worker*)" "$lazy_raw" "$lazy_gz"
printf '%-44s %10d %10d\n' "service worker, manifest, icons" "$install_raw" "$install_gz"

over=0
if [ "$first_gz" -gt "$FIRST_PAINT_CEILING" ]; then
  echo "first paint is $first_gz bytes gzip, over its ceiling of $FIRST_PAINT_CEILING (scripts/sizes.sh)" >&2
  over=1
fi
if [ "$lazy_gz" -gt "$WORKER_CEILING" ]; then
  echo "the worker is $lazy_gz bytes gzip, over its ceiling of $WORKER_CEILING (scripts/sizes.sh)" >&2
  over=1
fi
exit "$over"
