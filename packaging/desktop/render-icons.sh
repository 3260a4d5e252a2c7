#!/usr/bin/env bash
# Renders the application icon (icons/reviewbench.svg) to the hicolor PNG sizes, with the
# headless Chromium of the build environment, and records the SVG's hash in
# icons/rendered-from.sha256 so that a test notices an SVG changed without its PNGs.
# Run it after editing the SVG:  packaging/devenv exec packaging/desktop/render-icons.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
svg="$here/icons/reviewbench.svg"
sizes=(16 22 24 32 48 64 128 256 512)
chrome=$(command -v chromium || command -v chromium-browser || true)
[ -n "$chrome" ] || { echo "render-icons.sh: chromium is needed (run it through packaging/devenv exec)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for s in "${sizes[@]}"; do
    printf '<!DOCTYPE html><html><body style="margin:0;background:transparent"><img src="file://%s" width="%s" height="%s" style="display:block"></body></html>\n' \
        "$svg" "$s" "$s" >"$work/icon.html"
    "$chrome" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$work/profile" \
        --default-background-color=00000000 --window-size="$s,$s" \
        --screenshot="$work/$s.png" "file://$work/icon.html" >"$work/chromium.log" 2>&1 \
        || { cat "$work/chromium.log" >&2; exit 1; }
    [ -s "$work/$s.png" ] || { echo "render-icons.sh: chromium wrote no $s.png" >&2; cat "$work/chromium.log" >&2; exit 1; }
    mv "$work/$s.png" "$here/icons/reviewbench-$s.png"
    echo "icons/reviewbench-$s.png"
done
(cd "$here/icons" && sha256sum reviewbench.svg >rendered-from.sha256)
