# shellcheck shell=bash
# Shared by scripts/serve and scripts/test: install what is missing, skip
# what is already there at the right version, so a second run takes seconds.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PATH="$HOME/.cargo/bin:$PATH"

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# The wasm-bindgen version Cargo.lock resolved; the CLI must match it exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

ensure_wasm_target() {
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then return; fi
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
}

ensure_trunk() {
  # 0.22 needs a newer rustc than this machine has; 0.21.x is the pinned line.
  if trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.'; then return; fi
  log "installing trunk 0.21 (about 8 minutes on 2 cores)"
  cargo install trunk --version "~0.21" --locked
}

ensure_wasm_bindgen() {
  local want
  want=$(wasm_bindgen_version)
  [ -n "$want" ] || die "no wasm-bindgen in Cargo.lock"
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" = "$want" ] &&
    [ "$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{print $2}')" = "$want" ]; then
    return
  fi
  log "installing wasm-bindgen-cli $want (about 3 minutes)"
  # Not --locked: its published Cargo.lock names a dependency version the
  # registry no longer serves. To reproduce:
  #   cargo install wasm-bindgen-cli --version "=$want" --locked
  cargo install wasm-bindgen-cli --version "=$want"
}

ensure_node() {
  command -v node >/dev/null && command -v npm >/dev/null && return
  log "installing Node.js and npm"
  as_root apt-get update -qq
  as_root apt-get install -y -qq nodejs npm
}

# The binaryen version Trunk.toml pins (`wasm_opt = "version_N"`).
binaryen_version() {
  awk -F'"' '/^wasm_opt *=/ { sub(/^version_/, "", $2); print $2 }' "$ROOT/Trunk.toml"
}

# `npm install -g PACKAGE`, showing npm's own output when it fails (a failed
# install would otherwise surface later as a misleading "not on PATH").
npm_global() {
  local out
  if ! out=$(npm install -g --no-audit --no-fund "$1" 2>&1); then
    printf '%s\n' "$out" >&2
    die "npm install -g $1 failed"
  fi
}

ensure_wasm_opt() {
  # Debian's binaryen 108 rejects current Rust output; 132 from npm works.
  local want
  want=$(binaryen_version)
  [ -n "$want" ] || die "Trunk.toml pins no wasm_opt version"
  if wasm-opt --version 2>/dev/null | grep -q "version $want"; then return; fi
  ensure_node
  log "installing wasm-opt (binaryen $want)"
  npm_global "binaryen@$want"
  hash -r
  wasm-opt --version | grep -q "version $want" || die "wasm-opt on PATH is not binaryen $want: $(command -v wasm-opt)"
}

ensure_esbuild() {
  # Release builds minify the embed bundle's JS and CSS with it
  # (scripts/embed-post-build, which names the same version).
  local want
  want=$(awk -F= '/^esbuild_version=/ { print $2 }' "$ROOT/scripts/embed-post-build")
  if [ "$(esbuild --version 2>/dev/null)" = "$want" ]; then return; fi
  ensure_node
  log "installing esbuild $want"
  npm_global "esbuild@$want"
  hash -r
  [ "$(esbuild --version 2>/dev/null)" = "$want" ] || die "esbuild on PATH is not $want: $(command -v esbuild)"
}

# twiggy, for scripts/bench's per-item sizes of each wasm (not needed to
# build or test).
ensure_twiggy() {
  local want=0.8.0
  if [ "$(twiggy --version 2>/dev/null | awk '{ print $2 }')" = "$want" ]; then return; fi
  log "installing twiggy $want (about 3 minutes)"
  cargo install twiggy --version "=$want" --locked
}

# Everything `trunk serve` and `trunk build` need.
ensure_build_tools() {
  ensure_wasm_target
  ensure_wasm_opt
  ensure_esbuild
  ensure_wasm_bindgen
  ensure_trunk
}

ensure_chromium() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then return; fi
  log "installing Chromium and chromedriver from apt"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
}

# A CJK font, so that screenshots show Chinese text rather than empty boxes
# (Debian's Chromium has no fallback font for Han characters).
ensure_cjk_fonts() {
  if fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then return; fi
  log "installing the Noto CJK fonts from apt"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fonts-noto-cjk
}

ensure_npm_deps() {
  ensure_node
  local stamp="$ROOT/tests/node_modules/.citecard-lock-hash" want
  want=$(sha256sum "$ROOT/tests/package-lock.json" | cut -d' ' -f1)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return; fi
  log "installing the end-to-end test dependencies (npm ci)"
  # Playwright drives Debian's Chromium; it must never download a browser.
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --prefix "$ROOT/tests" --no-audit --no-fund >/dev/null
  echo "$want" >"$stamp"
}
