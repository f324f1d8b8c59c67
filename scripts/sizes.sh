#!/usr/bin/env bash
# Raw and gzip -9 size of every file of a build, with totals: what loads at first paint;
# what loads on demand (the export worker, fetched behind the first paint); what the
# browser fetches to install the app (the service worker, which then fetches every file
# once more to keep it, the manifest and its PNG icons). The single file
# (report-drafter.html, scripts/single-file.sh) holds everything and is opened on its
# own: it is listed, in no total.
set -euo pipefail
dist="${1:-dist}"
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
