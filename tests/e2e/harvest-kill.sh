#!/usr/bin/env bash
# kill -9 of a harvest at random moments, in a loop: after each kill the
# dataset holds only whole documents (each equal to the same document in
# an uninterrupted run), no worker survives, and the directory can be
# harvested again at once; a final rerun completes the dataset, which then
# equals the uninterrupted run's, with no duplicates.
#   harvest-kill.sh BDX PYTHON SAMPLE.pdf DATA_DIR [ROUNDS]
set -uo pipefail
bdx=$1 py=$2 sample=$3 data=$4 rounds=${5:-5}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$here/harvest-lib.sh"

in=$tmp/in
mkdir -p "$in/a" "$in/b"
cp "$sample" "$in/a/sample.pdf"
cp "$sample" "$in/b/copy-of-sample.pdf"
cp "$data/not-a-disclosure.pdf" "$in/b/"
for i in 2 3 4; do
  variant "$data/not-a-disclosure.pdf" "$in/b/nd$i.pdf" "$i"
done
cp "$data/encrypted.pdf" "$in/a/"
printf 'hello, not a pdf\n' >"$in/a/text.pdf"
head -c 100000 "$sample" >"$in/b/truncated.pdf"
opts=(--jobs 2 --timeout 600 -q)

# The uninterrupted run.
start=$(date +%s%N)
"$bdx" harvest "$in" --out "$tmp/ref" "${opts[@]}"
check "uninterrupted run exits 0" [ $? -eq 0 ]
span_ms=$(( ($(date +%s%N) - start) / 1000000 ))
dump "$tmp/ref/bdx.sqlite" >"$tmp/ref.dump"
echo "uninterrupted run: ${span_ms} ms, $(grep -c . "$tmp/ref.dump") dump lines"

# Every document the killed dataset has is whole: its rows in every table
# equal those of the same document in the uninterrupted run.
whole () { # whole KILLED_DB REF_DB
  "$py" - "$1" "$2" <<'EOF'
import sqlite3, sys
def load(path):
    db = sqlite3.connect("file:" + path + "?mode=ro", uri=True)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    ids = dict(db.execute("SELECT id, sha256 FROM documents"))
    out = {}
    for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type ="
                              " 'table' AND name NOT LIKE 'sqlite_%'"):
        cols = [r[1] for r in db.execute('PRAGMA table_info("%s")' % name)]
        for r in db.execute('SELECT * FROM "%s"' % name):
            d = dict(zip(cols, r))
            for c in ("id", "elapsed_ms", "max_rss_kb", "harvested_at"):
                if name == "documents":
                    d.pop(c, None)
            key = d.get("sha256") if name == "documents" else None
            if "document_id" in d:
                key = d["document_id"] = ids[d["document_id"]]
            out.setdefault((name, key), []).append(repr(sorted(d.items())))
    return {k: sorted(v) for k, v in out.items()}, set(ids.values())
killed, kdocs = load(sys.argv[1])
ref, rdocs = load(sys.argv[2])
assert kdocs <= rdocs, "documents the uninterrupted run does not have"
for (name, key), rows in killed.items():
    if key is None:   # paths, errors, meta: a subset of the run's
        assert set(rows) <= set(ref.get((name, key), [])), name
    else:
        assert rows == ref.get((name, key)), "%s of %s differs" % (name, key)
print("%d whole documents of %d" % (len(kdocs), len(rdocs)))
EOF
}

out=$tmp/killed
for round in $(seq 1 "$rounds"); do
  delay_ms=$(( RANDOM % (span_ms * 7 / 10 + 200) ))
  "$bdx" harvest "$in" --out "$out" "${opts[@]}" &
  pid=$!
  end=$(( $(date +%s%N) / 1000000 + delay_ms ))
  while kill -0 "$pid" 2>/dev/null && [ $(( $(date +%s%N) / 1000000 )) -lt "$end" ]; do
    sleep 0.05
  done
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  sleep 0.3 # workers die with their parent (PR_SET_PDEATHSIG)
  check "round $round (kill after ${delay_ms} ms): no worker left" \
    [ -z "$(pgrep -f "harvest-worker.*$tmp" || true)" ]
  if [ -f "$out/bdx.sqlite" ]; then
    check "round $round: only whole documents" whole "$out/bdx.sqlite" "$tmp/ref/bdx.sqlite"
  fi
done

"$bdx" harvest "$in" --out "$out" "${opts[@]}"
check "the rerun completes (exit 0)" [ $? -eq 0 ]
dump "$out/bdx.sqlite" >"$tmp/killed.dump"
if cmp -s "$tmp/ref.dump" "$tmp/killed.dump"; then
  ok "the dataset equals the uninterrupted run's"
else
  fail "the dataset differs from the uninterrupted run's"
  diff "$tmp/ref.dump" "$tmp/killed.dump" | head -20
fi
check "no temporary JSON files left" [ -z "$(find "$out" -name '.*.json.*')" ]
check "every document's JSON exists" \
  [ "$(sql "$out/bdx.sqlite" "SELECT json FROM documents WHERE json IS NOT NULL" \
       | while read -r j; do [ -f "$out/$j" ] || echo "$j"; done)" = "" ]

echo "$((n - fails)) passed, $fails failed"
[ "$fails" -eq 0 ]
