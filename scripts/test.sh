#!/usr/bin/env bash
# Runs every test layer: formatting and lints, native tests (core, CLI, reducer), the
# OOXML schema audit of every export combination, component tests in headless Chromium,
# the release build with its bundle sizes, and end-to-end tests against that build (in
# Chromium, then in Firefox).
# Installs what is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
. scripts/env.sh
step() { printf '\n=== %s\n' "$*"; }

step "format and lints"
cargo fmt --all --check
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo clippy -p report-drafter-web --target wasm32-unknown-unknown --all-targets --locked -- -D warnings
# The release app's split build (scripts/split-app.mjs) compiles the split point too.
cargo clippy -p report-drafter-web --target wasm32-unknown-unknown --all-targets --locked --features split -- -D warnings

step "native tests: core, CLI, app state"
cargo test --workspace --locked

step "every export combination is schema-valid OOXML (openxml-audit)"
# The CLI binary the CLI's tests just built.
scripts/ooxml-audit.sh "${CARGO_TARGET_DIR:-target}/debug/report-drafter"

step "component tests in headless Chromium"
WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-300}" \
  cargo test -p report-drafter-web --target wasm32-unknown-unknown --locked

step "release build (built once, reused below)"
trunk build --release
scripts/single-file.sh
mkdir -p bench-out
scripts/sizes.sh dist | tee bench-out/sizes.txt

step "end-to-end tests on the release build"
node tests/e2e/run.mjs dist

step "end-to-end tests in Firefox on the same build"
node tests/e2e/firefox.mjs dist
