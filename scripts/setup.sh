#!/usr/bin/env bash
# Installs whatever is missing to build, serve and test report-drafter; a quick no-op
# when everything is present. Only package registries are used (crates.io, npm, PyPI,
# Debian's archive): nothing is downloaded from GitHub or any other host.
#
# Tools go to $REPORT_DRAFTER_TOOLS (default ~/.cache/report-drafter/tools), outside
# the checkout, so a fresh clone on the same machine (as CI makes) reuses them.
# Source this file's exports with `. scripts/env.sh` after running it.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh

SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
die() { echo "setup: $*" >&2; exit 1; }
# "has TOOL TEXT": TOOL is on PATH and its --version mentions TEXT. No `| grep -q`: under
# pipefail an early exit of grep can fail the pipe and force a reinstall.
has() { command -v "$1" >/dev/null && [[ "$("$1" --version 2>/dev/null)" == *"$2"* ]]; }

[[ "$(rustup target list --installed)" == *wasm32-unknown-unknown* ]] \
  || rustup target add wasm32-unknown-unknown || die "cannot add the wasm32 target"
[[ "$(<Trunk.toml)" == *"wasm_bindgen = \"$WASM_BINDGEN_VERSION\""* ]] \
  || die "Trunk.toml's wasm_bindgen differs from scripts/versions.env"
[[ "$(<Cargo.toml)" == *"wasm-bindgen = \"=$WASM_BINDGEN_VERSION\""* ]] \
  || die "Cargo.toml's wasm-bindgen differs from scripts/versions.env"
for pinned in "playwright-core\": \"$PLAYWRIGHT_CORE_VERSION" "puppeteer-core\": \"$PUPPETEER_CORE_VERSION"; do
  [[ "$(<tests/e2e/package.json)" == *"\"$pinned\""* ]] \
    || die "tests/e2e/package.json's ${pinned%%\"*} differs from scripts/versions.env"
done

mkdir -p "$TOOLS_DIR"
# Unlocked on purpose: the CLI's lockfile wants a webpki-roots release the registry lacks.
has wasm-bindgen "$WASM_BINDGEN_VERSION" \
  || cargo install --root "$TOOLS_DIR" wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION"
has trunk "$TRUNK_VERSION" \
  || cargo install --root "$TOOLS_DIR" trunk --version "=$TRUNK_VERSION" --locked
# wasm-split-cli has no --version: cargo's record of what it installed in the root says.
[[ -x "$TOOLS_DIR/bin/wasm-split-cli" && "$(<"$TOOLS_DIR/.crates.toml")" == *"\"wasm_split_cli_support $WASM_SPLIT_VERSION "* ]] \
  || cargo install --root "$TOOLS_DIR" wasm_split_cli_support --version "=$WASM_SPLIT_VERSION" --locked --features build-binary
# The npm tools in one install: an install with --no-save removes the packages it is not
# given.
npm_has() { [[ "$(cat "$TOOLS_DIR/node_modules/$1/package.json" 2>/dev/null)" == *"\"version\": \"$2\""* ]]; }
{ npm_has binaryen "$BINARYEN_VERSION" && npm_has terser "$TERSER_VERSION" && npm_has csso-cli "$CSSO_CLI_VERSION"; } \
  || npm install --prefix "$TOOLS_DIR" --no-audit --no-fund --no-save "binaryen@$BINARYEN_VERSION" \
    "terser@$TERSER_VERSION" "csso-cli@$CSSO_CLI_VERSION"

missing=()
for pkg in chromium chromium-driver libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils fonts-noto-cjk python3-venv; do
  [[ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null)" == *"ok installed"* ]] || missing+=("$pkg")
done
# Firefox ESR at the pinned major version: Debian's security archive keeps only the latest
# point release of an ESR, so an exact pin would stop installing with its next update.
firefox_esr() { dpkg-query -W -f='${Status} ${Version}' firefox-esr 2>/dev/null || true; }
[[ "$(firefox_esr)" == "install ok installed $FIREFOX_ESR_MAJOR."* ]] || missing+=(firefox-esr)
if [ "${#missing[@]}" -gt 0 ]; then
  $SUDO apt-get update
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi
[[ "$(firefox_esr)" == "install ok installed $FIREFOX_ESR_MAJOR."* ]] \
  || die "Debian's firefox-esr is $(firefox_esr), not ESR $FIREFOX_ESR_MAJOR: update FIREFOX_ESR_MAJOR in scripts/versions.env and re-run tests/e2e/firefox.mjs"

# openxml-audit (PyPI) checks every exported part against the OOXML schemas
# (scripts/ooxml-audit.sh); it lives in its own virtual environment beside the other tools.
VENV="$TOOLS_DIR/venv"
[[ "$("$VENV/bin/pip" show openxml-audit 2>/dev/null)" == *"Version: $OPENXML_AUDIT_VERSION"* ]] || {
  [ -x "$VENV/bin/pip" ] || python3 -m venv "$VENV" || die "cannot create a Python venv in $VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "openxml-audit==$OPENXML_AUDIT_VERSION"
}

# The version of an e2e package installed in tests/e2e, if any.
installed() { node -p "require('./tests/e2e/node_modules/$1/package.json').version" 2>/dev/null || true; }
[ "$(installed playwright-core)" = "$PLAYWRIGHT_CORE_VERSION" ] && [ "$(installed puppeteer-core)" = "$PUPPETEER_CORE_VERSION" ] \
  || npm ci --prefix tests/e2e --no-audit --no-fund

# Trunk runs cargo offline: fetch every crate now.
cargo fetch --locked
