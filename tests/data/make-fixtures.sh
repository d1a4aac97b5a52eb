#!/usr/bin/env bash
# Makes the small PDFs the CLI tests use, from the bundled sample.  Run by
# hand when they need to change (needs qpdf); the results are committed,
# so the tests need no tool.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
sample=$here/../../samples/kizilsu-2026-budget.pdf

# One page of tables (表3), encrypted with the user password "bdx".
qpdf --empty --pages "$sample" 10 -- "$here/one-table.pdf"
qpdf --encrypt bdx owner-secret 256 -- "$here/one-table.pdf" "$here/encrypted.pdf"
rm "$here/one-table.pdf"

# The glossary page alone: a real PDF, but no disclosure tables in it.
last=$(qpdf --show-npages "$sample")
qpdf --empty --pages "$sample" "$last" -- "$here/not-a-disclosure.pdf"

# A syntactically valid PDF whose page tree is empty.
cat > "$here/zero-pages.pdf" <<'PDF'
%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
trailer << /Root 1 0 R /Size 3 >>
%%EOF
PDF
