#!/usr/bin/env bash
# Raw and gzip -9 size of every file of a build, with totals: what loads at first paint
# (index.html, the app's JS glue, the CSS, the app's main wasm module and the loader of
# its lazily loaded chunk, which the glue imports before the app starts); the chunk
# itself (split_*.wasm, scripts/split-app.mjs: the panels and steps not on the first
# screen, fetched once the first screen is up); each of the two workers,
# fetched behind the first paint (its loader, JS glue and wasm): the draft worker
# (worker*: export, checker, coverage) and the import worker (import_worker*: reading the
# files a user brings in); what the browser fetches to install the app (the service
# worker, which then fetches every file once more to keep it, the manifest and its PNG
# icons). The single file (report-drafter.html, scripts/single-file.sh) holds everything
# and is opened on its own: it is listed, in no total.
# Fails when a total is over its ceiling (sizes are deterministic, unlike times).
set -euo pipefail
dist="${1:-dist}"

# The ceilings, in bytes gzip -9, kept here only: each the figure reached (BENCHMARKS.md,
# "Leaner readers and writers in the first paint") rounded up by about 1 %, a ratchet
# that catches growth: lower them as the bundles shrink.
# First paint: issue #17's goal is 250 000; NOT MET yet.
# The draft worker: issue #12's budget is 600 000, met since reading the files a user
# brings in moved into the import worker, which has no budget of its own.
# The import worker's was raised in stop 25 (269 771 → 272 699: the reader of a report's
# 版头 and 版记, report_frame.rs, and the plan behind an Rc) to that figure plus 1 %, and
# in stop 28 (→ 276 131: dates in Chinese numerals and the legacy-Office message) again;
# Word's automatic numbering, the Excel and web-page readers then took it to 298 912,
# building it with the app's size profile (release-app) to 246 421, and single-file
# pages (.mhtml), unit lists, merged cells and percent cells to 250 496 (stop 28's last
# CI): that plus 1 %.
# Session 6 (4 December): first paint lowered to 454 336 (file names lower-cased as ASCII,
# no Unicode case tables) plus 1 %; the draft worker raised to 540 071 (the lexicon's
# except entries, a target task's figure as its evidence) and the import worker to 254 769
# (plans numbered ①, 1.1 and 第一，; Word's list styles), each plus 1 %.
# Session 7 (5 December): the import worker raised to 259 378 (tracked changes and hidden
# text in .docx, a table's 序号 labels numbered as paragraphs, titles over two lines,
# heading-line items, unit columns pasted beside tasks) plus 1 %.
# Session 9 (5 December): first paint lowered to 416 652 (own diff, one stable sort,
# decimal targets) plus 1 %, the draft worker to 525 772 (decimal targets) plus 1 %.
# Session 10 (6 December): the draft worker raised to 533 468 (the coverage check's wholes
# and their parts, documents a task makes, the lexicon's parts lines) plus 1 %.
# Session 13 (6 December): the draft worker raised to 539 510 (a law studied is no work
# under it, a target of its own left to next year, lexicon words) plus 1 %.
# Session 18 (7 December): the draft worker raised to 544 902 (a task left to the plans, a
# thing of a list named only there, a title naming an unnamed thing) plus 1 %.
# Branch split (7 December): the components not on the first screen moved to a lazily
# loaded chunk (scripts/split-app.mjs); first paint lowered from 419 188 (c9e21f4's CI)
# to 289 328 plus 1 %, the chunk's ceiling set to its 154 238 plus 1 %.
# Session 22 (7 December): the template library, built-in templates, 版本记录 and the edits
# only the chunk's components ask for moved into the chunk (src/adapter/chunk.rs), the glue and
# stylesheets minified (scripts/minify.mjs): first paint 249 754 (b059f2a), so its ceiling is now
# issue #17's goal, 250 000; the chunk raised to 196 554 plus 1 %. Session 23 moved the paste
# reader into the chunk: first paint 242 625, the chunk 203 540, raised to that plus 1 %.
FIRST_PAINT_CEILING=250000
LAZY_CHUNK_CEILING=205600
WORKER_CEILING=550400
IMPORT_WORKER_CEILING=262000

first_raw=0; first_gz=0; chunk_raw=0; chunk_gz=0; worker_raw=0; worker_gz=0; import_raw=0; import_gz=0
install_raw=0; install_gz=0
printf '%-44s %10s %10s\n' file raw gzip
for f in "$dist"/*; do
  [ -f "$f" ] || continue
  raw=$(wc -c <"$f"); gz=$(gzip -9c "$f" | wc -c)
  case "$(basename "$f")" in
    report-drafter.html) ;;
    worker*) worker_raw=$((worker_raw + raw)); worker_gz=$((worker_gz + gz)) ;;
    import_worker*) import_raw=$((import_raw + raw)); import_gz=$((import_gz + gz)) ;;
    split_*.wasm) chunk_raw=$((chunk_raw + raw)); chunk_gz=$((chunk_gz + gz)) ;;
    sw.js|manifest.webmanifest|icon-*) install_raw=$((install_raw + raw)); install_gz=$((install_gz + gz)) ;;
    *) first_raw=$((first_raw + raw)); first_gz=$((first_gz + gz)) ;;
  esac
  printf '%-44s %10d %10d\n' "$(basename "$f")" "$raw" "$gz"
done
printf '%-44s %10d %10d\n' "first paint (HTML, JS and loader, CSS, wasm)" "$first_raw" "$first_gz"
printf '%-44s %10d %10d\n' "lazy UI chunk (split_*.wasm)" "$chunk_raw" "$chunk_gz"
printf '%-44s %10d %10d\n' "draft worker (worker*)" "$worker_raw" "$worker_gz"
printf '%-44s %10d %10d\n' "import worker (import_worker*)" "$import_raw" "$import_gz"
printf '%-44s %10d %10d\n' "service worker, manifest, icons" "$install_raw" "$install_gz"

over=0
if [ "$first_gz" -gt "$FIRST_PAINT_CEILING" ]; then
  echo "first paint is $first_gz bytes gzip, over its ceiling of $FIRST_PAINT_CEILING (scripts/sizes.sh)" >&2
  over=1
fi
if [ "$chunk_gz" -gt "$LAZY_CHUNK_CEILING" ]; then
  echo "the lazy UI chunk is $chunk_gz bytes gzip, over its ceiling of $LAZY_CHUNK_CEILING (scripts/sizes.sh)" >&2
  over=1
fi
if [ "$worker_gz" -gt "$WORKER_CEILING" ]; then
  echo "the draft worker is $worker_gz bytes gzip, over its ceiling of $WORKER_CEILING (scripts/sizes.sh)" >&2
  over=1
fi
if [ "$import_gz" -gt "$IMPORT_WORKER_CEILING" ]; then
  echo "the import worker is $import_gz bytes gzip, over its ceiling of $IMPORT_WORKER_CEILING (scripts/sizes.sh)" >&2
  over=1
fi
exit "$over"
