#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (Playwright cannot download its own browser on
# closed networks). Installs it where it is missing.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$CHROMIUM" ] && exit 0
echo "[suite] installing Debian's chromium for the browser tests" >&2
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >&2
$SUDO apt-get install -y -qq chromium >&2
[ -x "$CHROMIUM" ] || { echo "[suite] chromium is still missing at $CHROMIUM" >&2; exit 1; }
