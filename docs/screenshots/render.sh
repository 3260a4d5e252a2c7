#!/usr/bin/env bash
# Renders the workbench's main states on the built-in demo to PNG files in this folder,
# under the offscreen platform, in light (NAME.png) and dark (NAME-dark.png): workbench,
# side-by-side, design, summary, find, open-range, open-range-error, preferences,
# preferences-agents (ui/screenshots/screenshot_tour.h).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
packaging/devenv build >/dev/null
for scheme in light dark; do
    packaging/devenv exec env HOME=/home/user XDG_CONFIG_HOME=/home/user/.config \
        build/dev/tests/render_screenshots "$repo/docs/screenshots" "$scheme"
done
