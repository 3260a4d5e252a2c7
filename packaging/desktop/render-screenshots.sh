#!/usr/bin/env bash
# render-screenshots.sh BUILD_DIR OUTPUT_DIR — the screenshots of docs/screenshots/ and the
# AppStream metadata, made by the installed program: installs BUILD_DIR with
# `cmake --install` into a scratch prefix, then runs that prefix's
# `bin/reviewbench --render-screenshots` in light and dark on the built-in demo, offscreen,
# with the prefix's share/ first in XDG_DATA_DIRS (its icon, as a desktop would find it) and
# a scratch home; XDG_CONFIG_HOME names /home/user/.config, which is only shown (Preferences
# is never applied) and need not exist: no user settings or agents.json are read or written. Run inside the build environment:
#   packaging/devenv exec packaging/desktop/render-screenshots.sh build/dev docs/screenshots
set -euo pipefail
build=${1:?usage: render-screenshots.sh BUILD_DIR OUTPUT_DIR}
out=${2:?usage: render-screenshots.sh BUILD_DIR OUTPUT_DIR}
mkdir -p "$out"
out=$(cd "$out" && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cmake --install "$build" --prefix "$scratch/prefix" >/dev/null
mkdir -p "$scratch/home/user"
for scheme in light dark; do
    env HOME="$scratch/home/user" XDG_CONFIG_HOME=/home/user/.config XDG_DATA_DIRS="$scratch/prefix/share:/usr/local/share:/usr/share" \
        QT_QPA_PLATFORM=offscreen "$scratch/prefix/bin/reviewbench" --render-screenshots "$out" --scheme "$scheme" 2>"$scratch/messages" \
        || { cat "$scratch/messages" >&2; exit 1; }
done
