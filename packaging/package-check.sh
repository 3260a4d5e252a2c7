#!/usr/bin/env bash
# package-check.sh DEB APT_CACHE — run by `packaging/devenv package-test` as root inside a
# fresh minimal Debian 13 root: installs DEB with apt-get (dependencies from the mirror, .debs
# kept in APT_CACHE), runs the installed program (--version, --help, the demo written and
# validated headless, the demo window offscreen, screenshots in light and dark), then purges the package and checks that
# none of its files is left and that the demo left nothing in the temporary folder.
set -euo pipefail
deb=$1 cache=$2
step() { printf 'package-check: %s\n' "$*" >&2; }
fail() { printf 'package-check: FAIL: %s\n' "$*" >&2; exit 1; }
apt_opts=(-y -q -o "Dir::Cache::archives=$cache")
export DEBIAN_FRONTEND=noninteractive

[ ! -e /usr/bin/reviewbench ] || fail "the root is not clean: /usr/bin/reviewbench exists"
step "installing $(basename "$deb") and its dependencies"
apt-get update -q >/tmp/apt.log 2>&1 || { cat /tmp/apt.log >&2; fail "apt-get update"; }
apt-get install "${apt_opts[@]}" --no-install-recommends "$deb" >>/tmp/apt.log 2>&1 \
    || { tail -n 30 /tmp/apt.log >&2; fail "apt-get install $deb"; }
dpkg-query -W -f='${Status}\n' reviewbench | grep -q 'install ok installed' || fail "reviewbench is not installed"
mapfile -t files < <(dpkg-query -L reviewbench | while read -r f; do [ -d "$f" ] || echo "$f"; done)
step "installed ${#files[@]} files"
[ -x /usr/bin/reviewbench ] || fail "/usr/bin/reviewbench is missing"
for f in /usr/share/man/man1/reviewbench.1 /usr/share/bash-completion/completions/reviewbench \
         /usr/share/zsh/vendor-completions/_reviewbench /usr/share/fish/vendor_completions.d/reviewbench.fish; do
    printf '%s\n' "${files[@]}" | grep -qx "$f" || fail "the package lacks $f"
done

version=$(reviewbench --version)
[[ "$version" =~ ^reviewbench\ [0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "reviewbench --version printed '$version'"
step "reviewbench --version: $version"
help=$(reviewbench --help)
grep -q '^Usage: reviewbench' <<<"$help" || fail "reviewbench --help printed no usage: $help"
step "reviewbench --help: $(wc -l <<<"$help") lines"

work=$(mktemp -d)
export TMPDIR=$work/tmp HOME=$work/home
mkdir -p "$TMPDIR" "$HOME"
reviewbench demo "$work/demo" >/dev/null || fail "reviewbench demo DIR"
reviewbench validate "$work/demo/review.json" >"$work/validate.txt" || fail "reviewbench validate on the demo: $(cat "$work/validate.txt")"
step "demo written and validated: $(head -n1 "$work/validate.txt")"

# The window on the demo, offscreen: it must still be running after a few seconds (it set
# up the demo, opened it and entered its event loop), then close on SIGTERM with status 0
# and remove the demo's temporary folder.
QT_QPA_PLATFORM=offscreen reviewbench --demo >"$work/window.log" 2>&1 &
pid=$!
sleep 5
kill -0 "$pid" 2>/dev/null || { wait "$pid"; rc=$?; cat "$work/window.log" >&2; fail "reviewbench --demo ended on its own (status $rc)"; }
kill -TERM "$pid"
rc=0; wait "$pid" || rc=$?
[ "$rc" -eq 0 ] || { cat "$work/window.log" >&2; fail "reviewbench --demo exited with status $rc on SIGTERM"; }
left=$(find "$TMPDIR" -mindepth 1 -maxdepth 1 | head -n 5)
[ -z "$left" ] || fail "the demo window left files in the temporary folder: $left"
step "demo window ran offscreen and closed cleanly$( [ -s "$work/window.log" ] && printf ' (its messages: %s)' "$(head -c 300 "$work/window.log" | tr '\n' ' ')")"
# The screenshots, as docs/screenshots and the AppStream metadata get them, from the
# installed program (light and dark).
for scheme in light dark; do
    QT_QPA_PLATFORM=offscreen reviewbench --render-screenshots "$work/shots" --scheme "$scheme" >"$work/shots.log" 2>&1 \
        || { cat "$work/shots.log" >&2; fail "reviewbench --render-screenshots --scheme $scheme"; }
done
for f in workbench workbench-dark preferences-dark; do
    [ "$(head -c 4 "$work/shots/$f.png" 2>/dev/null | tail -c 3)" = PNG ] || fail "no $f.png from --render-screenshots"
done
step "screenshots rendered: $(ls "$work/shots" | wc -l) PNG files in light and dark"
rm -rf "$work"

step "purging reviewbench"
apt-get purge "${apt_opts[@]}" reviewbench >>/tmp/apt.log 2>&1 || { tail -n 30 /tmp/apt.log >&2; fail "apt-get purge reviewbench"; }
! dpkg-query -W -f='${Status}\n' reviewbench 2>/dev/null | grep -q installed || fail "reviewbench is still installed"
for f in "${files[@]}"; do
    [ ! -e "$f" ] || fail "$f is left after purging reviewbench"
done
step "purged: none of the ${#files[@]} files is left"
