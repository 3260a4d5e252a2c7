#!/usr/bin/env bash
# Renders the workbench's main states on the built-in demo to PNG files in this folder, with
# the installed program (packaging/desktop/render-screenshots.sh), offscreen, in light
# (NAME.png) and dark (NAME-dark.png): workbench, side-by-side, design, summary, find, report-preview,
# open-range, open-range-error, preferences, preferences-agents (ui/screenshots/screenshot_tour.h).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
packaging/devenv build >/dev/null
packaging/devenv exec packaging/desktop/render-screenshots.sh build/dev docs/screenshots
