#!/usr/bin/env python3
"""Validates the seed review, as Reviewbench writes it, against resources/review-file.schema.json.

Usage: check_review_schema.py TEST_SEED_MODEL_BINARY SCHEMA
"""
import json
import os
import subprocess
import sys
import tempfile

import jsonschema


def main() -> int:
    binary, schema_path = sys.argv[1], sys.argv[2]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "seed.json")
        env = dict(os.environ, RB_SEED_JSON=out, QT_QPA_PLATFORM="offscreen")
        subprocess.run([binary, "matchesTheSeedReport"], env=env, check=True, stdout=subprocess.DEVNULL)
        with open(out, encoding="utf-8") as f:
            doc = json.load(f)
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
    for e in errors:
        print(f"{'/'.join(str(p) for p in e.path) or '(top)'}: {e.message}")
    # The schema must also refuse what the reader refuses.
    bad = dict(doc, schemaVersion="1")
    if validator.is_valid(bad):
        print("schema accepted a string schemaVersion")
        errors.append(1)
    bad = json.loads(json.dumps(doc))
    bad["issues"][0]["triage"] = "maybe"
    if validator.is_valid(bad):
        print("schema accepted an unknown triage state")
        errors.append(1)
    print(f"schema check: {len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
