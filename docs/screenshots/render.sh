#!/usr/bin/env bash
# Renders the workbench's main states on the built-in demo to PNG files in this folder,
# under the offscreen platform: workbench.png, side-by-side.png, design.png, summary.png.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
packaging/devenv build >/dev/null
packaging/devenv exec build/dev/tests/render_screenshots "$repo/docs/screenshots"
