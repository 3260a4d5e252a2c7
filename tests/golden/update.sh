#!/bin/sh
# Regenerates the report reference files from the current exporters. Review the diff
# (git diff tests/golden) before committing: every change must be intended.
set -eu
cd "$(dirname "$0")/../.."
packaging/devenv exec cmake --build build/dev --target test_report_golden
packaging/devenv exec env RB_UPDATE_GOLDEN=1 build/dev/tests/test_report_golden
git status --short tests/golden
