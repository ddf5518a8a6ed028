#!/usr/bin/env bash
# Runs the demo portal on the embedded default: frontend dev server on :3000, backend on
# :7007, SQLite files under data/sqlite so what a user did survives a restart.
# Called by ./suite start, after the toolchain and packages are in place.
set -euo pipefail
cd "$(dirname "$0")/.."
export DATAMESH_DATA_DIR="${DATAMESH_DATA_DIR:-$PWD/data}"
mkdir -p "$DATAMESH_DATA_DIR/sqlite"
printf '[suite] portal data in %s\n[suite] open http://localhost:3000 (backend http://localhost:7007)\n' "$DATAMESH_DATA_DIR" >&2
exec yarn start
