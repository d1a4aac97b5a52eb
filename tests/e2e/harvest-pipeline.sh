#!/usr/bin/env bash
# The worker servers' pipelining (docs/harvest.md, "Limits"): a server
# holds one document queued behind the one it runs.  With --jobs 1 there
# is one server, so the second input is always queued behind the first:
#  - a document queued behind one that hangs is not charged the wait (its
#    clock starts when it starts): it succeeds, the first times out;
#  - a server that dies with a document queued takes its running document
#    as a crash; the queued one is extracted by a new server, neither
#    lost nor failed;
#  - SIGTERM with a document queued stops the harvest with 130 and leaves
#    no worker and no temporary file; a rerun completes the dataset.
#   harvest-pipeline.sh BDX PYTHON DATA_DIR
set -uo pipefail
bdx=$1 py=$2 data=$3
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$here/harvest-lib.sh"

# Long enough for a small document under AddressSanitizer on a loaded
# machine, short enough to wait for the hanging one.
if sanitized; then timeout=20; else timeout=5; fi

in=$tmp/in
mkdir -p "$in"
# Name order is harvest order: each document is queued behind the one
# before it.
for name in a-hang b-after-hang c-kill d-after-kill e-last; do
  variant "$data/not-a-disclosure.pdf" "$in/$name.pdf" "$name"
done
inject=hang:a-hang.pdf,kill-server:c-kill.pdf

out=$tmp/out
BDX_INJECT=$inject G_MESSAGES_DEBUG=all "$bdx" harvest "$in" --out "$out" \
  --jobs 1 --timeout "$timeout" >"$tmp/log" 2>&1
rc=$?
grep -v '^bdx: harvest: ' "$tmp/log" | grep -i 'lost' || true
check "harvest exits 0" [ "$rc" -eq 0 ]
declare -A st
while IFS='|' read -r path value; do st[$(basename "$path")]=$value; done \
  < <(sql "$out/bdx.sqlite" "SELECT path, status || ':' || COALESCE(reason, '')
                             || ':' || elapsed_ms FROM documents")
status () { cut -d: -f1,2 <<<"${st[$1]:-}"; }
check "the hanging document timed out" \
  [ "$(status a-hang.pdf)" = "failed:timeout" ]
check "the document queued behind it is done" \
  [ "$(status b-after-hang.pdf)" = "not_disclosure:" ]
elapsed=$(cut -d: -f3 <<<"${st[b-after-hang.pdf]:-}")
check "its clock started when it started (${elapsed} ms)" \
  [ -n "$elapsed" ] && [ "$elapsed" -lt $((timeout * 1000)) ]
check "the document whose server died is a crash" \
  [ "$(status c-kill.pdf)" = "failed:crash" ]
check "the server died with a document queued" \
  grep -q 'worker server [0-9]* lost: one running, 1 to hand out again' \
  "$tmp/log"
check "the queued document is done, by a new server" \
  [ "$(status d-after-kill.pdf)" = "not_disclosure:" ]
check "the one after it too" [ "$(status e-last.pdf)" = "not_disclosure:" ]
check "the summary counts each document once" \
  grep -q ': 3 done (3 not disclosures), 0 skipped, 0 duplicates, 2 failed' \
  "$tmp/log"
check "no worker left" [ -z "$(pgrep -f "harvest-worker.*$out" || true)" ]
check "no temporary files left" [ -z "$(find "$out" -name '.*.json.*')" ]

# SIGTERM while the server runs the hanging document and holds the next.
out2=$tmp/stopped
BDX_INJECT=hang:a-hang.pdf "$bdx" harvest "$in/a-hang.pdf" \
  "$in/b-after-hang.pdf" --out "$out2" --jobs 1 --timeout 600 -q &
pid=$!
workers=$(wait_for_workers "harvest-worker.*$out2" 2)
check "the hanging document runs" [ "$workers" -eq 2 ]
sleep 0.3
kill -TERM "$pid"
wait "$pid"
rc=$?
check "SIGTERM stops the harvest with 130" [ "$rc" -eq 130 ]
check "no worker left after SIGTERM" \
  [ -z "$(pgrep -f "harvest-worker.*$out2" || true)" ]
check "no temporary files left after SIGTERM" \
  [ -z "$(find "$out2" -name '.*.json.*')" ]
check "nothing stored for the documents in flight" \
  [ "$(sql "$out2/bdx.sqlite" "SELECT count(*) FROM documents")" = 0 ]
BDX_INJECT=hang:a-hang.pdf "$bdx" harvest "$in/a-hang.pdf" \
  "$in/b-after-hang.pdf" --out "$out2" --jobs 1 --timeout "$timeout" -q
check "the rerun exits 0" [ $? -eq 0 ]
check "the rerun completes the dataset" [ "$(sql "$out2/bdx.sqlite" \
  "SELECT group_concat(status || ':' || COALESCE(reason, ''), ' ')
   FROM (SELECT * FROM documents ORDER BY path)")" \
  = "failed:timeout not_disclosure:" ]

echo "$((n - fails)) passed, $fails failed"
[ "$fails" -eq 0 ]
