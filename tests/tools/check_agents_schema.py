#!/usr/bin/env python3
"""Validates the built-in agent presets and the documented example against
resources/agents/agents.schema.json, and checks that the schema refuses a shell-string command.

Usage: check_agents_schema.py SCHEMA FILE...
"""
import json
import sys

import jsonschema


def main() -> int:
    schema_path, files = sys.argv[1], sys.argv[2:]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    failed = False
    for path in files:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        for e in sorted(validator.iter_errors(doc), key=lambda e: list(e.path)):
            print(f"{path}: {'/'.join(str(p) for p in e.path) or '(top)'}: {e.message}")
            failed = True
    bad = {"agents": [{"id": "x", "command": "claude -p"}]}
    if validator.is_valid(bad):
        print("the schema accepts a command given as a shell string")
        failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
