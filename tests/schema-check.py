#!/usr/bin/env python3
"""Validate JSON files against a JSON Schema (draft 2020-12).

    schema-check.py SCHEMA JSON...

Prints every error as `FILE: PATH: MESSAGE`, PATH being the JSON path of
the offending value ("$.tables[2].rows[5].values[1]").  Exits 0 when every
file is valid, 1 when any is not, 2 on a usage error or an unreadable or
invalid schema.  Needs the `jsonschema` module (Debian: python3-jsonschema).
"""

import json
import sys


def json_path(error):
    path = "$"
    for part in error.absolute_path:
        if isinstance(part, int):
            path += "[%d]" % part
        else:
            path += "." + str(part)
    return path


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def main(argv):
    if len(argv) < 3:
        print("usage: schema-check.py SCHEMA JSON...", file=sys.stderr)
        return 2
    try:
        import jsonschema
    except ImportError:
        print("schema-check.py: the jsonschema module is missing "
              "(python3-jsonschema)", file=sys.stderr)
        return 2

    try:
        schema = load(argv[1])
        jsonschema.Draft202012Validator.check_schema(schema)
    except (OSError, ValueError, jsonschema.SchemaError) as e:
        print("%s: invalid schema: %s" % (argv[1], e), file=sys.stderr)
        return 2
    validator = jsonschema.Draft202012Validator(schema)

    failed = False
    for path in argv[2:]:
        try:
            document = load(path)
        except (OSError, ValueError) as e:
            print("%s: cannot read: %s" % (path, e))
            failed = True
            continue
        errors = sorted(validator.iter_errors(document),
                        key=lambda e: list(map(str, e.absolute_path)))
        for error in errors:
            print("%s: %s: %s" % (path, json_path(error), error.message))
        if errors:
            failed = True
        else:
            print("%s: valid" % path)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
