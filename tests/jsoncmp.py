#!/usr/bin/env python3
"""Compare two JSON files, the expected one being a subset of the actual one.

usage: jsoncmp.py [--max N] EXPECTED ACTUAL
       jsoncmp.py --self-test

Both files are compared as parsed JSON, never as text:
  - object: every key of EXPECTED must be in ACTUAL with an equal value;
    keys only in ACTUAL are allowed;
  - array: same length, compared element by element;
  - number: compared by value (1 == 1.0), but never null == 0 and never
    true == 1;
  - string, true/false, null: exactly.
Exit status: 0 equal, 1 different (the first N differences, 10 by default,
are printed with their JSON path, e.g.
  tables[6].rows[4].values[2]: expected 85000000, got null
followed, for table rows, performance indicators and projects, by the
table id and row name), 2 on a usage error or unreadable or invalid JSON.
Standard library only.
"""

import json
import os
import re
import sys
import tempfile

MISSING = object()


def kind(v):
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, (int, float)):
        return "number"
    if isinstance(v, str):
        return "string"
    if isinstance(v, list):
        return "array"
    if isinstance(v, dict):
        return "object"
    return type(v).__name__


def show(v, limit=80):
    if v is MISSING:
        return "(missing)"
    s = json.dumps(v, ensure_ascii=False)
    return s if len(s) <= limit else s[:limit - 3] + "..."


def path_text(path):
    out = ""
    for p in path:
        if isinstance(p, int):
            out += f"[{p}]"
        elif re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", p):
            out += ("." if out else "") + p
        else:
            out += "[" + json.dumps(p, ensure_ascii=False) + "]"
    return out or "(root)"


def scalar_equal(e, a):
    ke, ka = kind(e), kind(a)
    if ke != ka:
        return False
    return e == a


def compare(e, a, path, diffs):
    """Append (path, message) for every difference below path."""
    ke, ka = kind(e), kind(a)
    if ke == "object":
        if ka != "object":
            diffs.append((path, f"expected an object, got {ka} {show(a)}"))
            return
        for k, v in e.items():
            if k not in a:
                diffs.append((path + [k], f"missing key (expected {show(v)})"))
            else:
                compare(v, a[k], path + [k], diffs)
    elif ke == "array":
        if ka != "array":
            diffs.append((path, f"expected an array, got {ka} {show(a)}"))
            return
        if len(e) != len(a):
            diffs.append((path, f"array length: expected {len(e)}, got {len(a)}"))
        for i, (ev, av) in enumerate(zip(e, a)):
            compare(ev, av, path + [i], diffs)
    elif not scalar_equal(e, a):
        diffs.append((path, f"expected {show(e)}, got {show(a)}"))


def context(path, expected, actual):
    """A readable note for paths inside tables, performance and projects."""
    def get(root, *keys):
        x = root
        for k in keys:
            try:
                x = x[k]
            except (KeyError, IndexError, TypeError):
                return None
        return x

    def pick(*keys):
        v = get(expected, *keys)
        return v if v is not None else get(actual, *keys)

    notes = []
    if len(path) >= 2 and path[0] == "tables" and isinstance(path[1], int):
        tid = pick("tables", path[1], "id")
        num = pick("tables", path[1], "number")
        notes.append(f"table {tid}" + (f" (表 {num})" if num is not None else ""))
        if len(path) >= 4 and path[2] == "rows" and isinstance(path[3], int):
            row = get(expected, "tables", path[1], "rows", path[3]) or \
                get(actual, "tables", path[1], "rows", path[3]) or {}
            if isinstance(row, dict):
                label = " ".join(str(x) for x in (row.get("side"), row.get("code"),
                                                  row.get("name")) if x)
                if row.get("project"):
                    label += f" [{row['project']}]"
                notes.append(f"row {label}")
            if len(path) >= 6 and path[4] == "values" and isinstance(path[5], int):
                side = row.get("side") if isinstance(row, dict) else None
                cols = pick("tables", path[1], "columns") or []
                cols = [c for c in cols if isinstance(c, dict) and c.get("side") == side]
                if path[5] < len(cols):
                    c = cols[path[5]]
                    notes.append(f"column {c.get('id') or c.get('header')}")
    elif len(path) >= 2 and path[0] == "performance" and isinstance(path[1], int):
        notes.append(f"performance {pick('performance', path[1], 'project') or pick('performance', path[1], 'scope')}")
        if len(path) >= 4 and path[2] == "indicators" and isinstance(path[3], int):
            notes.append(f"indicator {pick('performance', path[1], 'indicators', path[3], 'name')}")
    elif len(path) >= 2 and path[0] == "projects" and isinstance(path[1], int):
        notes.append(f"project {pick('projects', path[1], 'name')}")
    return ", ".join(notes)


def diff_json(expected, actual):
    diffs = []
    compare(expected, actual, [], diffs)
    return diffs


def format_diff(path, msg, expected, actual):
    line = f"{path_text(path)}: {msg}"
    note = context(path, expected, actual)
    return line + (f"  ({note})" if note else "")


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def run(expected_path, actual_path, max_diffs=10, out=sys.stdout, err=sys.stderr):
    try:
        expected = load(expected_path)
    except (OSError, ValueError) as e:
        print(f"jsoncmp: cannot read '{expected_path}': {e}", file=err)
        return 2
    try:
        actual = load(actual_path)
    except (OSError, ValueError) as e:
        print(f"jsoncmp: cannot read '{actual_path}': {e}", file=err)
        return 2
    diffs = diff_json(expected, actual)
    if not diffs:
        return 0
    for path, msg in diffs[:max_diffs]:
        print(format_diff(path, msg, expected, actual), file=out)
    if len(diffs) > max_diffs:
        print(f"... and {len(diffs) - max_diffs} more", file=out)
    print(f"{len(diffs)} difference{'s' if len(diffs) != 1 else ''} "
          f"between {expected_path} (expected) and {actual_path}", file=out)
    return 1


# ----------------------------------------------------------- self-test

def self_test():
    doc = {"format": "f", "tables": [{"id": "t", "number": 7, "columns": [
        {"id": "total"}, {"id": "basic"}, {"id": "project"}],
        "rows": [{"kind": "total", "code": None, "name": "总计", "values": [3, 1, 2]},
                 {"kind": "item", "code": "201", "name": "一般", "project": "P",
                  "values": [85, None, 85]}]}]}
    cases = [
        # (name, expected, actual, number of diffs, text every first diff must contain)
        ("identical", doc, doc, 0, None),
        ("extra keys in actual", {"a": 1}, {"a": 1, "b": 2}, 0, None),
        ("nested extra keys", {"a": {"b": [1]}}, {"a": {"b": [1], "c": None}}, 0, None),
        ("int equals float", {"a": 1}, {"a": 1.0}, 0, None),
        ("float equals float", {"a": [1.2]}, {"a": [1.2]}, 0, None),
        ("null is not 0", {"a": None}, {"a": 0}, 1, "a: expected null, got 0"),
        ("0 is not null", {"a": 0}, {"a": None}, 1, "a: expected 0, got null"),
        ("true is not 1", {"a": True}, {"a": 1}, 1, "expected true, got 1"),
        ("0 is not false", {"a": 0}, {"a": False}, 1, "expected 0, got false"),
        ("missing key", {"a": 1, "b": {"c": None}}, {"a": 1, "b": {}}, 1,
         "b.c: missing key (expected null)"),
        ("null key must exist", {"a": None}, {}, 1, "a: missing key"),
        ("array shorter", {"a": [1, 2, 3]}, {"a": [1, 2]}, 1,
         "a: array length: expected 3, got 2"),
        ("array longer", [1], [1, 2], 1, "(root): array length: expected 1, got 2"),
        ("array order", [1, 2], [2, 1], 2, "[0]: expected 1, got 2"),
        ("string", {"s": "合计"}, {"s": "总计"}, 1, 's: expected "合计", got "总计"'),
        ("object vs array", {"a": {}}, {"a": []}, 1, "a: expected an object, got array"),
        ("odd key", {"a b": 1}, {"a b": 2}, 1, '["a b"]: expected 1, got 2'),
    ]
    bad = json.loads(json.dumps(doc))
    bad["tables"][0]["rows"][1]["values"][2] = None
    cases.append(("table row context", doc, bad, 1,
                  "tables[0].rows[1].values[2]: expected 85, got null  "
                  "(table t (表 7), row 201 一般 [P], column project)"))
    failed = 0
    for name, e, a, n, text in cases:
        diffs = diff_json(e, a)
        first = format_diff(diffs[0][0], diffs[0][1], e, a) if diffs else ""
        ok = len(diffs) == n and (text is None or text in first)
        if not ok:
            failed += 1
            print(f"FAIL {name}: {len(diffs)} diffs (want {n}); first: {first!r}")
        else:
            print(f"ok   {name}" + (f": {first}" if first else ""))
    # the command line: exit codes and output
    with tempfile.TemporaryDirectory() as d:
        pe, pa, pb, pj = (os.path.join(d, x) for x in ("e.json", "a.json", "b.json", "j.json"))
        for p, v in ((pe, doc), (pa, doc), (pb, bad)):
            with open(p, "w", encoding="utf-8") as f:
                json.dump(v, f, ensure_ascii=False)
        with open(pj, "w", encoding="utf-8") as f:
            f.write("{not json")

        class Sink:
            def __init__(self):
                self.text = ""

            def write(self, s):
                self.text += s
        for name, args, want in (("exit 0 when equal", (pe, pa), 0),
                                 ("exit 1 when different", (pe, pb), 1),
                                 ("exit 2 on invalid JSON", (pe, pj), 2),
                                 ("exit 2 on a missing file", (pe, os.path.join(d, "no")), 2)):
            out, err = Sink(), Sink()
            rc = run(*args, out=out, err=err)
            if rc != want:
                failed += 1
                print(f"FAIL {name}: exit {rc}")
            else:
                print(f"ok   {name}")
    print(f"self-test: {len(cases) + 4 - failed} passed, {failed} failed")
    return 1 if failed else 0


def main(argv):
    args, max_diffs = [], 10
    it = iter(argv[1:])
    for a in it:
        if a == "--self-test":
            return self_test()
        if a in ("-h", "--help"):
            print(__doc__)
            return 0
        if a == "--max" or a.startswith("--max="):
            v = a.split("=", 1)[1] if "=" in a else next(it, "")
            if not v.isdigit() or int(v) < 1:
                print("jsoncmp: --max needs a positive number", file=sys.stderr)
                return 2
            max_diffs = int(v)
        elif a.startswith("-") and a != "-":
            print(f"jsoncmp: unknown option '{a}'", file=sys.stderr)
            return 2
        else:
            args.append(a)
    if len(args) != 2:
        print("usage: jsoncmp.py [--max N] EXPECTED ACTUAL | --self-test", file=sys.stderr)
        return 2
    return run(args[0], args[1], max_diffs)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
