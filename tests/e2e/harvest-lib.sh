#!/usr/bin/env bash
# Shared by the harvest tests (sourced, not a test itself).
#   needs: $bdx $py $tmp set by the caller; fails counts failures.

fails=${fails:-0}
n=${n:-0}

# A snapshot of the pattern set: a test compares runs, which must read
# documents with the same patterns even if the set is edited meanwhile.
if [ -n "${BDX_PATTERNS:-}" ] && [ -d "$BDX_PATTERNS" ]; then
  cp -r "$BDX_PATTERNS" "$tmp/patterns"
  export BDX_PATTERNS=$tmp/patterns
fi

ok () { n=$((n + 1)); echo "ok   $*"; }
fail () { n=$((n + 1)); fails=$((fails + 1)); echo "FAIL: $*"; }
check () { # check DESCRIPTION COMMAND...: passes when the command succeeds
  local what=$1
  shift
  if "$@"; then ok "$what"; else fail "$what"; fi
}

# True when bdx was built with AddressSanitizer: everything is slower and
# the memory limit is sampled (docs/harvest.md), so limits are scaled.
sanitized () {
  case "$(ldd "$bdx" 2>/dev/null)" in *libasan*) return 0 ;; esac
  return 1
}

# A copy of a PDF with a unique trailer after %%EOF: a distinct document
# (another content hash) that extracts like the original.
variant () { # variant SRC DEST TAG
  cp "$1" "$2"
  printf '%%bdx-test-variant %s\n' "$3" >>"$2"
}

# Waits (up to 30 s: the server loads its patterns first, slowly under
# ASan) until at least N processes carry PATTERN in their command line
# (a worker server and its document process both carry the dataset
# directory); prints how many there were.
wait_for_workers () { # wait_for_workers PATTERN N
  local count=0
  for _ in $(seq 150); do
    count=$(pgrep -c -f "$1" || true)
    [ "$count" -ge "$2" ] && break
    sleep 0.2
  done
  echo "$count"
}

# One SQL query on a dataset, rows as "a|b|c" lines.
sql () { # sql DB QUERY
  "$py" - "$1" "$2" <<'EOF'
import sqlite3, sys
db = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
for row in db.execute(sys.argv[2]):
    print("|".join("" if v is None else str(v) for v in row))
EOF
}

# A canonical dump of a dataset: every table's rows, sorted, with document
# ids replaced by hashes and run-dependent columns (timings, timestamps,
# ids) left out.  Two datasets are equal when their dumps are.
dump () { # dump DB > FILE
  "$py" - "$1" <<'EOF'
import sqlite3, sys
db = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
skip = {"documents": {"id", "elapsed_ms", "max_rss_kb", "harvested_at"}}
ids = dict(db.execute("SELECT id, sha256 FROM documents"))
names = [r[0] for r in db.execute(
    "SELECT name FROM sqlite_master WHERE type = 'table'"
    " AND name NOT LIKE 'sqlite_%' ORDER BY name")]
for name in names:
    cols = [r[1] for r in db.execute('PRAGMA table_info("%s")' % name)]
    keep = [c for c in cols if c not in skip.get(name, ())]
    rows = []
    for r in db.execute('SELECT * FROM "%s"' % name):
        d = dict(zip(cols, r))
        if "document_id" in d:
            d["document_id"] = ids[d["document_id"]]
        rows.append("|".join(repr(d[c]) for c in keep))
    rows.sort()
    print("== %s (%d rows)" % (name, len(rows)))
    print("\n".join(rows))
EOF
}
