#!/usr/bin/env bash
# Installs what privacyscan needs and a fresh machine may lack: Chromium.
# Debian/Ubuntu (apt-get, as root or through sudo) and macOS (Homebrew).
set -euo pipefail

have_browser() {
  for b in chromium chromium-browser google-chrome google-chrome-stable; do
    command -v "$b" >/dev/null 2>&1 && return 0
  done
  [ -x "/Applications/Chromium.app/Contents/MacOS/Chromium" ] || [ -x "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome" ]
}

if have_browser; then
  exit 0
fi

if command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  echo "installing Chromium with apt-get" >&2
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq chromium >/dev/null
elif command -v brew >/dev/null 2>&1; then
  echo "installing Chromium with Homebrew" >&2
  brew install --cask chromium
else
  echo "privacyscan needs Chromium or Chrome: install it with your package manager, or pass --chrome-path" >&2
  exit 1
fi
have_browser
