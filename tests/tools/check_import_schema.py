#!/usr/bin/env python3
"""Imports every raw review in tests/data/reviews with `reviewbench import` and validates the
resulting review file against resources/review-file.schema.json.

Usage: check_import_schema.py REVIEWBENCH_BINARY REVIEWS_DIR SCHEMA
"""
import json
import os
import subprocess
import sys
import tempfile

import jsonschema


def main() -> int:
    binary, reviews, schema_path = sys.argv[1], sys.argv[2], sys.argv[3]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    names = sorted(n for n in os.listdir(reviews) if n.endswith((".md", ".json", ".sarif")))
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "review.json")
        for name in names:
            subprocess.run([binary, "import", out, "--agent", name, "--source-root", os.path.join(reviews, "src"),
                            os.path.join(reviews, name)], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with open(out, encoding="utf-8") as f:
            doc = json.load(f)
    if len(doc["agents"]) != len(names):
        print(f"expected {len(names)} agents, found {len(doc['agents'])}")
        return 1
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(doc))
    for e in errors:
        print(f"{'/'.join(str(p) for p in e.path) or '(top)'}: {e.message}")
    print(f"{len(names)} raw reviews imported, {len(doc['findings'])} findings, {len(errors)} schema errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
