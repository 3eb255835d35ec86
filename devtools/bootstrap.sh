#!/usr/bin/env bash
# Installs what the project needs and is missing: uv, the Python environment,
# the npm packages of the clients and of the code they share (clients/shared).
# Safe to run again; it only does what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v uv >/dev/null 2>&1 && ! python3 -m uv --version >/dev/null 2>&1; then
  echo "installing uv (Python package manager)..."
  python3 -m pip install --quiet --disable-pip-version-check uv \
    || { echo "error: could not install uv: install it (pip install uv) and retry" >&2; exit 1; }
fi
uv_cmd() { if command -v uv >/dev/null 2>&1; then uv "$@"; else python3 -m uv "$@"; fi; }
uv_cmd sync --frozen --quiet
# Bytecode, once per lock file and then for what changed: with PYTHONDONTWRITEBYTECODE
# set, every API, worker and test process would compile its imports again (about 1 s each).
stamp=.venv/.bytecode
if [ ! -f "$stamp" ] || [ uv.lock -nt "$stamp" ]; then
  .venv/bin/python -m compileall -q -j0 .venv/lib >/dev/null 2>&1 || true
  touch "$stamp"
fi
.venv/bin/python -m compileall -q -j0 api core documents workers bench devtools tests >/dev/null

command -v npm >/dev/null 2>&1 || { echo "error: npm is missing: install Node.js 20+" >&2; exit 1; }
for client in clients/shared clients/widget clients/dashboard; do
  [ -f "$client/package-lock.json" ] || continue
  stamp="$client/node_modules/.installed"
  if [ ! -f "$stamp" ] || [ "$client/package-lock.json" -nt "$stamp" ]; then
    echo "installing $client npm packages..."
    (cd "$client" && npm ci --no-audit --no-fund --loglevel=error) && touch "$stamp"
  fi
done
