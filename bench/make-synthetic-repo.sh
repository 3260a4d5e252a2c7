#!/usr/bin/env bash
# bench/make-synthetic-repo.sh DIR — builds a deterministic bare repository for the diff
# benchmark: branch `base` and branch `head` (one commit on top of base) differ in
# 3,200 modified files, 40 added, 40 deleted and 40 renamed-and-edited ones, with
# 1,030,000+ changed lines. The same DIR contents come out on every run (fixed dates,
# names and a fixed pseudo-random sequence, a single-threaded repack). Needs git and python3.
#
#   bench/make-synthetic-repo.sh /tmp/synthetic
#   packaging/devenv bench reviewbench-bench-diff /tmp/synthetic base head
set -euo pipefail

[ $# -eq 1 ] || { echo "usage: $0 DIR" >&2; exit 2; }
dir=$1
if [ -e "$dir" ] && [ -n "$(ls -A "$dir" 2>/dev/null)" ]; then
    echo "$0: $dir exists and is not empty; give a new folder" >&2
    exit 1
fi
command -v git >/dev/null || { echo "$0: git is needed" >&2; exit 1; }
command -v python3 >/dev/null || { echo "$0: python3 is needed" >&2; exit 1; }

git init -q --bare "$dir"
python3 - <<'PY' | git -C "$dir" fast-import --quiet
import sys

out = sys.stdout.buffer
MODIFIED, ADDED, DELETED, RENAMED = 3200, 40, 40, 40
LINES = 322          # lines per modified file
SMALL = 200          # lines per added, deleted and renamed file

state = 12345
def rnd(n):
    # A fixed linear congruential sequence: the same repository on every run.
    global state
    state = (state * 1103515245 + 12345) & 0x7fffffff
    return state % n

WORDS = ["value", "count", "index", "buffer", "result", "offset", "length", "entry",
         "cursor", "header", "record", "status", "weight", "target", "source", "limit"]

def line(tag):
    a, b, c = WORDS[rnd(16)], WORDS[rnd(16)], WORDS[rnd(16)]
    return "    %s_%d = %s_%s(%s_%d, %d); // %s\n" % (a, rnd(1000), b, tag, c, rnd(100), rnd(10000), tag)

def text(n, tag):
    return [line(tag) for _ in range(n)]

def edited(lines, tag):
    # Replaces 4 lines of every 8: half of the file changes, in many small hunks.
    out = list(lines)
    for i in range(0, len(out), 8):
        for j in range(i + 2, min(i + 6, len(out))):
            out[j] = line(tag)
    return out

def blob(path, lines):
    data = "".join(lines).encode()
    out.write(b"M 100644 inline %s\ndata %d\n" % (path.encode(), len(data)))
    out.write(data)
    out.write(b"\n")

def commit(branch, when, message, files, parent=None, deletes=()):
    out.write(b"commit refs/heads/%s\n" % branch.encode())
    out.write(b"author Synthetic <synthetic@example.org> %d +0000\n" % when)
    out.write(b"committer Synthetic <synthetic@example.org> %d +0000\n" % when)
    msg = message.encode()
    out.write(b"data %d\n%s\n" % (len(msg), msg))
    if parent:
        out.write(b"from %s\n" % parent.encode())
    for p in deletes:
        out.write(b"D %s\n" % p.encode())
    for path, lines in files:
        blob(path, lines)
    out.write(b"\n")

def mod_path(i):
    return "src/module%02d/unit_%04d.c" % (i % 64, i)

base_files, head_files, deletes = [], [], []
for i in range(MODIFIED):
    old = text(LINES, "b%d" % i)
    base_files.append((mod_path(i), old))
    head_files.append((mod_path(i), edited(old, "h%d" % i)))
for i in range(DELETED):
    base_files.append(("old/removed_%03d.c" % i, text(SMALL, "d%d" % i)))
    deletes.append("old/removed_%03d.c" % i)
for i in range(RENAMED):
    old = text(SMALL, "r%d" % i)
    base_files.append(("lib/before_%03d.c" % i, old))
    new = list(old)
    new[10] = line("renamed%d" % i)
    new[100] = line("renamed%d" % i)
    deletes.append("lib/before_%03d.c" % i)
    head_files.append(("lib/after_%03d.c" % i, new))
for i in range(ADDED):
    head_files.append(("new/added_%03d.c" % i, text(SMALL, "a%d" % i)))

commit("base", 1767225600, "Synthetic base", base_files)
commit("head", 1767229200, "Synthetic head: large change", head_files, parent="refs/heads/base", deletes=deletes)
PY
git -C "$dir" symbolic-ref HEAD refs/heads/head
# fast-import chains each blob to the one written before it (chains 50 deep, across
# unrelated files); repack as `git gc` would, so that the objects sit as in a real
# repository. One thread keeps the pack identical from run to run.
echo "repacking (about a minute)..."
git -C "$dir" -c pack.threads=1 repack -adfq
echo "synthetic repository in $dir (bare): base...head:"
git -C "$dir" diff --shortstat base...head
