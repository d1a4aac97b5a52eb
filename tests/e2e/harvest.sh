#!/usr/bin/env bash
# bdx harvest over a folder that mixes good PDFs with bad ones: the bundled
# samples, a variant and a duplicate of one, a non-disclosure, an
# encrypted PDF, a text file named .pdf, a truncated and an empty PDF, and
# three PDFs on which the worker hangs, crashes and runs out of memory
# (failure injection, BDX_INJECT; docs/harvest.md), plus a manifest naming
# a missing file.  The run must finish with exit 0, every good document
# in the dataset, every bad one recorded with its reason.  Then: a rerun
# skips everything and changes nothing; --force redoes; export; the CLI's
# usage errors and the directory lock.
#   harvest.sh BDX PYTHON SAMPLES_DIR DATA_DIR
set -uo pipefail
bdx=$1 py=$2 samples=$3 data=$4
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$here/harvest-lib.sh"

exited () { [ "$1" -eq "$2" ] && grep -Eq -- "$3" "$4"; } # RC WANT REGEX FILE

# Under AddressSanitizer a worker is several times slower and bigger, and
# the memory limit is sampled resident memory (docs/harvest.md): the
# memory-hungry PDF then gets a run of its own with a small limit, so that
# it does not take minutes to fill hundreds of MiB.
if sanitized; then
  timeout=30 memory=768 oom_dir=$tmp/oom
else
  timeout=15 memory=256 oom_dir=$tmp/in
fi

in=$tmp/in
mkdir -p "$in/sub/deeper"
good=()
for f in "$samples"/*.pdf; do
  cp "$f" "$in/"
  good+=("$in/$(basename "$f")")
done
sample=$samples/kizilsu-2026-budget.pdf
variant "$sample" "$in/sub/variant.pdf" 1
good+=("$in/sub/variant.pdf")
cp "$sample" "$in/sub/deeper/duplicate.PDF"          # same content, other path
cp "$data/not-a-disclosure.pdf" "$in/sub/"
cp "$data/encrypted.pdf" "$in/sub/"
printf 'hello, not a pdf\n' >"$in/text.pdf"
head -c 200000 "$sample" >"$in/truncated.pdf"
: >"$in/empty.pdf"
printf 'not a pdf either, and not named .pdf\n' >"$in/notes.txt"
variant "$data/not-a-disclosure.pdf" "$in/hang.pdf" hang
variant "$data/not-a-disclosure.pdf" "$in/crash.pdf" crash
mkdir -p "$oom_dir"
variant "$data/not-a-disclosure.pdf" "$oom_dir/oom.pdf" oom
printf '# a manifest\n%s\n\n%s\n' "$in/sub/variant.pdf" "$tmp/missing.pdf" \
  >"$tmp/manifest"

out=$tmp/out
start=$(date +%s)
BDX_INJECT=hang:hang.pdf,crash:crash.pdf,oom:oom.pdf \
  "$bdx" harvest "$in" "@$tmp/manifest" --out "$out" --jobs 3 \
  --timeout "$timeout" --memory "$memory" 2>"$tmp/err"
rc=$?
took=$(( $(date +%s) - start ))
cat "$tmp/err"
check "harvest exits 0 (took ${took}s)" [ "$rc" -eq 0 ]
db=$out/bdx.sqlite

if [ "$oom_dir" != "$in" ]; then
  BDX_INJECT=oom:oom.pdf "$bdx" harvest "$oom_dir" --out "$out" \
    --memory 200 --timeout 300 -q
  check "separate run for oom.pdf exits 0" [ $? -eq 0 ]
fi

# A good document may time out on a machine under heavy load: retry
# those (not the injected ones) with a generous limit, as a user would.
mapfile -t slow < <(sql "$db" "SELECT path FROM documents
  WHERE reason = 'timeout' AND path NOT LIKE '%/hang.pdf'
  AND path NOT LIKE '%/oom.pdf'")
if [ "${#slow[@]}" != 0 ]; then
  echo "note: ${#slow[@]} good documents timed out under load; retrying them"
  "$bdx" harvest "${slow[@]}" --out "$out" --retry-failed --timeout 600 -q
fi

# Each path's document status, read at once (python starts slowly on a
# loaded machine).
declare -A st
while IFS='|' read -r path value; do st[$path]=$value; done < <(sql "$db" \
  "SELECT p.path, d.status || ':' || COALESCE(d.reason, '')
   FROM documents d JOIN document_paths p ON p.sha256 = d.sha256")
status () { echo "${st[$1]:-}"; }
for f in "${good[@]}"; do
  check "good: $(basename "$f") is ok" [ "$(status "$f")" = "ok:" ]
done
check "duplicate is the sample, stored once" \
  [ "$(status "$in/sub/deeper/duplicate.PDF")" = "ok:" ]
facts=$(sql "$db" "
  SELECT 'paths_max', max(n) FROM (SELECT count(*) AS n FROM document_paths
                                   GROUP BY sha256)
  UNION ALL SELECT 'notes_txt', count(*) FROM document_paths
                                WHERE path LIKE '%notes.txt'
  UNION ALL SELECT 'missing', reason FROM errors
                              WHERE path = '$tmp/missing.pdf'
  UNION ALL SELECT 'no_message', count(*) FROM v_failures
                                 WHERE error IS NULL OR error = ''
  UNION ALL SELECT 'text_error', error FROM documents
                                 WHERE path LIKE '%/text.pdf'
  UNION ALL SELECT 'over_limit', count(*) FROM documents WHERE status = 'ok'
            AND (max_rss_kb IS NULL OR max_rss_kb > $memory * 1024)
  UNION ALL SELECT 'failed_json', count(*) FROM documents
            WHERE status = 'failed' AND json IS NOT NULL
  UNION ALL SELECT 'three_public', group_concat(DISTINCT total)
            FROM v_three_public t JOIN documents d ON d.id = t.document_id
            WHERE d.path = '$in/kizilsu-2026-budget.pdf'")
fact () { sed -n "s/^$1|//p" <<<"$facts"; }
check "one document for the sample and its duplicate" [ "$(fact paths_max)" = 2 ]
check "not a disclosure: stored as such" \
  [ "$(status "$in/sub/not-a-disclosure.pdf")" = "not_disclosure:" ]
check "encrypted" [ "$(status "$in/sub/encrypted.pdf")" = "failed:encrypted" ]
check "text file named .pdf" [ "$(status "$in/text.pdf")" = "failed:format" ]
check "truncated PDF" [ "$(status "$in/truncated.pdf")" = "failed:format" ]
check "empty file" [ "$(status "$in/empty.pdf")" = "failed:format" ]
check "hang: timeout" [ "$(status "$in/hang.pdf")" = "failed:timeout" ]
check "crash: crash" [ "$(status "$in/crash.pdf")" = "failed:crash" ]
check "oom: memory" [ "$(status "$oom_dir/oom.pdf")" = "failed:memory" ]
check "a file not named .pdf in a folder is not an input" \
  [ "$(fact notes_txt)" = 0 ]
check "missing manifest entry recorded" [ "$(fact missing)" = unreadable ]
check "every failure has a message" [ "$(fact no_message)" = 0 ]
check "error message of the text file" grep -q 'not a PDF file' <<<"$(fact text_error)"
check "summary names the failure reasons" \
  grep -Eq 'failed: .*timeout' "$tmp/err"
check "worker peak memory recorded and within the limit" \
  [ "$(fact over_limit)" = 0 ]
check "no worker left behind" \
  [ -z "$(pgrep -f "harvest-worker.*$tmp" || true)" ]

# Each stored document's JSON exists, is the contract's, and is the same
# document.
check "every JSON file matches its document" "$py" -c "
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1] + '/bdx.sqlite')
for sha, path in db.execute(\"SELECT sha256, json FROM documents WHERE status <> 'failed'\"):
    d = json.load(open(sys.argv[1] + '/' + path))
    assert d['format'] == 'bdx.disclosure/1' and d['source']['sha256'] == sha" "$out"
check "no JSON for failures" [ "$(fact failed_json)" = 0 ]
check "no temporary files left" \
  [ -z "$(find "$out" -name '.*.json.*')" ]

# The amounts of a good document are as printed (3.10 万元 of 三公).
check "三公 total of the sample" [ "$(fact three_public)" = 3100000 ]

# A rerun skips everything and changes nothing.
dump "$db" >"$tmp/dump1"
BDX_INJECT=hang:hang.pdf "$bdx" harvest "$in" "@$tmp/manifest" --out "$out" \
  --timeout 1 2>"$tmp/err2"
check "rerun exits 0" [ $? -eq 0 ]
dump "$db" >"$tmp/dump2"
check "rerun changes nothing" cmp -s "$tmp/dump1" "$tmp/dump2"
check "rerun extracts nothing" grep -q ': 0 done (0 not disclosures), [1-9][0-9]* skipped' "$tmp/err2"

# --force redoes a document, in place.
"$bdx" harvest "$in/sub/not-a-disclosure.pdf" --out "$out" --force -q
check "--force redoes" [ $? -eq 0 ]
dump "$db" >"$tmp/dump3"
check "--force gives the same data" cmp -s "$tmp/dump1" "$tmp/dump3"

# Export.
"$bdx" export "$out" -o "$tmp/amounts.csv"
check "export csv" [ $? -eq 0 ]
check "csv header" grep -q '^sha256,department,year,kind,table_index,table_id,' "$tmp/amounts.csv"
check "csv has the 2080505 row" grep -q ',2080505,3,机关事业单位基本养老保险缴费支出,' "$tmp/amounts.csv"
"$bdx" export "$out" --table three_public_expenses --format jsonl >"$tmp/tp.jsonl"
check "export wide jsonl" "$py" -c "
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert any(r['row_kind'] == 'total' and r['total'] == 3100000 for r in rows), rows[:2]" "$tmp/tp.jsonl"
"$bdx" export "$out" --view documents --format csv >"$tmp/docs.csv"
check "export a view" grep -q '^id,sha256,path,' "$tmp/docs.csv"

# Usage errors and the lock.
"$bdx" harvest "$in" 2>"$tmp/e"; rc=$?
check "no --out: exit 2" [ "$rc" -eq 2 ]
"$bdx" harvest "$in" --out "$out" --shard 3/2 2>"$tmp/e"; rc=$?
check "bad --shard: exit 2" exited "$rc" 2 'expected K/N' "$tmp/e"
"$bdx" export "$out" --table no_such_table >/dev/null 2>"$tmp/e"; rc=$?
check "export of an unknown table: exit 2" [ "$rc" -eq 2 ]
"$bdx" export "$tmp/none" 2>"$tmp/e"; rc=$?
check "export of a missing dataset: exit 3" [ "$rc" -eq 3 ]
"$bdx" harvest "@$tmp/no-manifest" --out "$out" 2>"$tmp/e"; rc=$?
check "missing manifest: exit 3" [ "$rc" -eq 3 ]
BDX_INJECT=hang:hang.pdf "$bdx" harvest "$in/hang.pdf" --out "$tmp/locked" \
  --retry-failed --timeout 30 -q &
holder=$!
sleep 1
workers=$(wait_for_workers "harvest-worker.*$tmp/locked" 2)
check "the hanging document runs in a worker server's process" \
  [ "$workers" -eq 2 ]
"$bdx" harvest "$in/text.pdf" --out "$tmp/locked" 2>"$tmp/e"; rc=$?
check "a second harvest in the same directory is refused" \
  exited "$rc" 10 'in use by another' "$tmp/e"
kill -INT "$holder"
wait "$holder"; rc=$?
check "SIGINT stops the harvest with 130" [ "$rc" -eq 130 ]
check "no worker left after SIGINT" \
  [ -z "$(pgrep -f "harvest-worker.*$tmp/locked" || true)" ]

echo "$((n - fails)) passed, $fails failed"
[ "$fails" -eq 0 ]
