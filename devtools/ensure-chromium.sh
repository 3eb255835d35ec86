#!/usr/bin/env bash
# Browser tests drive Debian's Chromium; never a browser a tool downloads itself.
set -euo pipefail
[ -x /usr/bin/chromium ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing chromium with apt-get..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null
else
  echo "error: /usr/bin/chromium is missing: install it (apt-get install chromium)" >&2
  exit 1
fi
