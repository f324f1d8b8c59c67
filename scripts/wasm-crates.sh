#!/usr/bin/env bash
# What a wasm module holds, per crate (and per module of the project's own crates): the shallow size of every function and data item
# (twiggy: `cargo install twiggy --root ~/.cache/report-drafter/tools`, or TWIGGY=path) summed by the crate its name starts with.
# Names come from the module's name section, so run it on the module cargo built, before
# wasm-bindgen and wasm-opt strip them, e.g.
#   scripts/wasm-crates.sh "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/app.wasm"
# Sizes are of that module without its custom sections (names, wasm-bindgen metadata),
# before wasm-opt: they rank the crates, they are not the bytes the browser downloads
# (scripts/sizes.sh). Generic code counts for the crate whose item it instantiates
# first (`core::ptr::drop_in_place<report_core::…>` is `core`).
set -euo pipefail
module="$1"
twiggy="${TWIGGY:-$HOME/.cache/report-drafter/tools/bin/twiggy}"
"$twiggy" top --format csv "$module" | python3 -c '
import csv, re, sys
totals = {}
for row in csv.DictReader(sys.stdin):
    name = row["Name"]
    # The first path segment names the crate: `report_core::check::…`, `<yew::… as …>`.
    # The crates of this project by module: report_core::check, web::components.
    path = re.search(r"((?:report_core|web)::[a-z_][a-z0-9_]*|[A-Za-z_][A-Za-z0-9_]*)::", name)
    if name.startswith("\"function names\"") or name.startswith("custom section"):
        continue  # names and wasm-bindgen metadata, stripped from the shipped module
    if name.startswith("data segment") or name.startswith("data["):
        crate = "(data: string constants, tables)"
    elif path:
        crate = path.group(1)
    else:
        crate = "(no path: wasm-bindgen glue and describe functions, tables, std)"
    totals[crate] = totals.get(crate, 0) + int(row["ShallowSize"])
total = sum(totals.values())
print("%-60s %10s %7s" % ("crate", "bytes", "share"))
for crate, size in sorted(totals.items(), key=lambda kv: -kv[1]):
    print("%-60s %10d %6.1f%%" % (crate, size, 100 * size / total))
print("%-60s %10d" % ("total", total))
'
