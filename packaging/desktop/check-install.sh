#!/usr/bin/env bash
# check-install.sh PREFIX VERSION ICON_SOURCE_DIR "SIZES"
# Checks a `cmake --install` tree: every desktop-integration file is where the desktop looks
# for it, the desktop entry and the AppStream metadata pass their validators, the metadata's
# newest release is this version, the icons are the sizes their folders say and were
# rendered from the current SVG, the MIME type and its handler are registered, and the
# installed binary runs. Prints one line per failure and exits 1 if there was any.
set -uo pipefail
prefix=$1 version=$2 icons=$3 sizes=$4
id=org.reviewbench.Reviewbench
mime=application/x-reviewbench-review+json
share=$prefix/share
failures=0
fail() { printf 'FAIL: %s\n' "$*"; failures=$((failures + 1)); }
ok()   { printf 'ok: %s\n' "$*"; }

for f in "bin/reviewbench" "share/applications/$id.desktop" "share/metainfo/$id.metainfo.xml" \
         "share/mime/packages/$id.xml" "share/icons/hicolor/scalable/apps/$id.svg"; do
    [ -s "$prefix/$f" ] || fail "$f is not installed"
done

if out=$(desktop-file-validate "$share/applications/$id.desktop" 2>&1) && [ -z "$out" ]; then
    ok "desktop-file-validate"
else
    fail "desktop-file-validate: $out"
fi
if out=$(appstreamcli validate --no-net --explain "$share/metainfo/$id.metainfo.xml" 2>&1); then
    ok "appstreamcli validate"
else
    fail "appstreamcli validate: $out"
fi
newest=$(grep -o -m1 '<release version="[^"]*"' "$share/metainfo/$id.metainfo.xml" | cut -d'"' -f2)
[ "$newest" = "$version" ] && ok "newest release is $version" \
    || fail "the metainfo's newest release is '$newest', the project's version is $version: add a <release> with its notes"

for s in $sizes; do
    png="$share/icons/hicolor/${s}x${s}/apps/$id.png"
    if [ ! -s "$png" ]; then fail "icon ${s}x${s} is not installed"; continue; fi
    desc=$(file -b "$png")
    case "$desc" in "PNG image data, $s x $s, "*) ;; *) fail "$png is not a ${s}x${s} PNG: $desc" ;; esac
done
if (cd "$icons" && sha256sum --quiet -c rendered-from.sha256 >/dev/null 2>&1); then
    ok "icons rendered from the current SVG"
else
    fail "icons/reviewbench.svg changed since its PNGs were rendered: run packaging/devenv exec packaging/desktop/render-icons.sh"
fi

[ -f "$share/mime/${mime}.xml" ] && ok "MIME type registered" \
    || fail "update-mime-database did not register $mime (no $share/mime/${mime}.xml)"
grep -qx "$mime=$id.desktop;" "$share/applications/mimeinfo.cache" 2>/dev/null && ok "desktop entry handles $mime" \
    || fail "update-desktop-database lists no handler for $mime: $(cat "$share/applications/mimeinfo.cache" 2>&1)"

if out=$("$prefix/bin/reviewbench" --version 2>&1) && [ "$out" = "reviewbench $version" ]; then
    ok "installed binary: $out"
else
    fail "installed binary --version: $out"
fi

# The man page and the shell completions, generated from the command declarations.
for f in share/man/man1/reviewbench.1 share/bash-completion/completions/reviewbench \
         share/fish/vendor_completions.d/reviewbench.fish; do
    [ -s "$prefix/$f" ] && ok "$f installed" || fail "$f is not installed"
done
ls "$prefix"/share/zsh/*/_reviewbench >/dev/null 2>&1 && ok "zsh completion installed" || fail "no share/zsh/*/_reviewbench"
grep -q '^\.SH COMMANDS' "$prefix/share/man/man1/reviewbench.1" || fail "the man page has no COMMANDS section"

# The screenshots of the AppStream metadata are the installed program's own: render them
# (light and dark) and check that every image the metadata names is one of them.
shots=$(mktemp -d)
if HOME="$shots" XDG_CONFIG_HOME="$shots/config" QT_QPA_PLATFORM=offscreen \
        "$prefix/bin/reviewbench" --render-screenshots "$shots/out" --scheme light >"$shots/log" 2>&1 &&
   HOME="$shots" XDG_CONFIG_HOME="$shots/config" QT_QPA_PLATFORM=offscreen \
        "$prefix/bin/reviewbench" --render-screenshots "$shots/out" --scheme dark >>"$shots/log" 2>&1; then
    ok "installed binary rendered $(ls "$shots/out" | wc -l) screenshots"
    images=$(grep -o '<image>[^<]*</image>' "$share/metainfo/$id.metainfo.xml" | sed 's|</image>||; s|.*/||')
    [ -n "$images" ] || fail "the metainfo names no screenshot"
    for img in $images; do
        desc=$(file -b "$shots/out/$img" 2>/dev/null)
        case "$desc" in "PNG image data"*) ok "metainfo screenshot $img rendered ($desc)" ;;
            *) fail "the metainfo names $img, which --render-screenshots does not make" ;; esac
    done
else
    fail "reviewbench --render-screenshots: $(tail -n 5 "$shots/log")"
fi
rm -rf "$shots"

[ "$failures" -eq 0 ] || { echo "$failures check(s) failed in $prefix"; exit 1; }
