#!/usr/bin/env bash
# A harvest split into shards (as on several machines: --shard K/N), the
# shards merged with bdx merge: the result equals a single run, merging
# again changes nothing, and its exports (CSV, JSON Lines, wide) are the
# single run's byte for byte.  Then the two questions of docs/dataset.md,
# each one SQL query, answered on the sample as the document prints them:
#   - 三公 spending by department and year: 3.10 万元 = 3100000 fen, 2026;
#   - the rows with code 2080505: in tables 2, 3 and 5, 18.38 万元 each.
#   harvest-shard.sh BDX PYTHON SAMPLE.pdf DATA_DIR
set -uo pipefail
bdx=$1 py=$2 sample=$3 data=$4
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$here/harvest-lib.sh"

in=$tmp/in
mkdir -p "$in"
cp "$sample" "$in/sample.pdf"
cp "$data/not-a-disclosure.pdf" "$in/"
for i in 1 2 3; do variant "$data/not-a-disclosure.pdf" "$in/nd$i.pdf" "$i"; done
cp "$data/encrypted.pdf" "$in/"
printf 'hello, not a pdf\n' >"$in/text.pdf"
printf '%s\n' "$in" "$tmp/missing.pdf" >"$tmp/manifest"
opts=(--timeout 600 -q)

"$bdx" harvest "@$tmp/manifest" --out "$tmp/single" "${opts[@]}"
check "single run exits 0" [ $? -eq 0 ]

# The shards, as GNU parallel or a Slurm array would run them (here one
# after another, then two at once), each with the same inputs.
"$bdx" harvest "@$tmp/manifest" --out "$tmp/shard1" --shard 1/3 "${opts[@]}"
check "shard 1/3 exits 0" [ $? -eq 0 ]
"$bdx" harvest - --out "$tmp/shard2" --shard 2/3 "${opts[@]}" <"$tmp/manifest" &
p2=$!
"$bdx" harvest "@$tmp/manifest" --out "$tmp/shard3" --shard 3/3 "${opts[@]}" &
p3=$!
wait "$p2"; r2=$?
wait "$p3"; r3=$?
check "shards 2/3 and 3/3 exit 0" [ "$((r2 + r3))" -eq 0 ]

count () { sql "$1/bdx.sqlite" "SELECT count(*) FROM documents"; }
total=$(count "$tmp/single")
check "the shards split the documents" \
  [ $(( $(count "$tmp/shard1") + $(count "$tmp/shard2") + $(count "$tmp/shard3") )) -eq "$total" ]
check "a document's shard is its hash's" \
  [ -z "$(sql "$tmp/shard2/bdx.sqlite" "SELECT sha256 FROM documents" |
          while read -r h; do [ $(( 0x${h:0:8} % 3 )) -eq 1 ] || echo "$h"; done)" ]

"$bdx" merge "$tmp/shard1" "$tmp/shard2/bdx.sqlite" "$tmp/shard3" \
  --out "$tmp/merged" 2>"$tmp/err"
check "merge exits 0" [ $? -eq 0 ]
dump "$tmp/single/bdx.sqlite" >"$tmp/single.dump"
dump "$tmp/merged/bdx.sqlite" >"$tmp/merged.dump"
if cmp -s "$tmp/single.dump" "$tmp/merged.dump"; then
  ok "merged shards equal the single run"
else
  fail "merged shards differ from the single run"
  diff "$tmp/single.dump" "$tmp/merged.dump" | head -20
fi
"$bdx" merge "$tmp/shard1" "$tmp/shard2" "$tmp/shard3" --out "$tmp/merged" -q
dump "$tmp/merged/bdx.sqlite" >"$tmp/merged2.dump"
check "merging again changes nothing" cmp -s "$tmp/merged.dump" "$tmp/merged2.dump"
check "the JSON files came along" \
  [ "$(cd "$tmp/single" && find json -name '*.json' | sort)" = \
    "$(cd "$tmp/merged" && find json -name '*.json' | sort)" ]
"$bdx" merge "$tmp/merged" --out "$tmp/merged" 2>"$tmp/e"
check "merging a dataset into itself is refused" [ $? -eq 2 ]

for fmt in csv jsonl; do
  "$bdx" export "$tmp/single" --format "$fmt" -o "$tmp/single.$fmt"
  "$bdx" export "$tmp/merged" --format "$fmt" -o "$tmp/merged.$fmt"
  check "export $fmt of the merge equals the single run's" \
    cmp -s "$tmp/single.$fmt" "$tmp/merged.$fmt"
done
"$bdx" export "$tmp/single" --table expenditure_summary >"$tmp/single.wide"
"$bdx" export "$tmp/merged" --table expenditure_summary >"$tmp/merged.wide"
check "wide export of the merge equals the single run's" \
  cmp -s "$tmp/single.wide" "$tmp/merged.wide"
check "the JSON Lines parse" "$py" -c "
import json, sys
for line in open(sys.argv[1]): json.loads(line)" "$tmp/single.jsonl"

# The two questions, verbatim from docs/dataset.md.
db=$tmp/merged/bdx.sqlite
q1=$(sql "$db" "SELECT department, year, SUM(total) AS three_public_fen
FROM v_three_public
GROUP BY department, year
ORDER BY department, year")
check "三公 by department and year: $q1" \
  [ "$q1" = "克孜勒苏柯尔克孜自治州数字化发展局|2026|3100000" ]
q2=$(sql "$db" "SELECT department, year, table_id, name, column_id, amount
FROM v_amounts
WHERE code = '2080505' AND column_id = 'total'
ORDER BY department, year, table_id")
expected="克孜勒苏柯尔克孜自治州数字化发展局|2026|expenditure_summary|机关事业单位基本养老保险缴费支出|total|18380000
克孜勒苏柯尔克孜自治州数字化发展局|2026|general_budget_expenditure|机关事业单位基本养老保险缴费支出|total|18380000
克孜勒苏柯尔克孜自治州数字化发展局|2026|revenue_summary|机关事业单位基本养老保险缴费支出|total|18380000"
check "rows with code 2080505" [ "$q2" = "$expected" ]
[ "$q2" = "$expected" ] || printf '%s\n' "$q2"
plan=$(sql "$db" "EXPLAIN QUERY PLAN SELECT * FROM v_amounts WHERE code = '2080505'")
check "the code query uses the code index" grep -q 'table_rows_code' <<<"$plan"

echo "$((n - fails)) passed, $fails failed"
[ "$fails" -eq 0 ]
