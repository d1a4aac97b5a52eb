/* bdx — the JSON reader: `bdx.disclosure/1` JSON back into the model.
 *
 * The inverse of emit (bdx/emit.h), used by `bdx validate FILE.json` and
 * by tools that post-process output.  model → JSON → model → JSON gives
 * the same text.
 *
 * Strict where it matters, tolerant elsewhere:
 *  - `format` must be "bdx.disclosure/1";
 *  - every key the contract fixes must be present, with its type; money
 *    must be an integer or null ("1.5" or "150" as text is an error);
 *    enumerations (kind, side, status, op, scope, unit) must be known
 *    values; validation's counts must agree with its results;
 *  - keys bdx does not know are ignored (of duplicate keys, the last one
 *    counts), and the extension keys (notices, table.department,
 *    row.project, row.side, column.side, fact.count, fact.share,
 *    staffing's *_increase) may be missing.
 *
 * The input is checked before it is parsed, so hostile input is an error,
 * never a crash: it must be valid UTF-8 and strict RFC 8259 JSON (no
 * leading zeros, no lone surrogates, no "\u0000"), at most
 * BDX_JSON_MAX_DEPTH arrays and objects deep, with integers that fit in 64
 * bits and finite numbers; files are at most BDX_JSON_MAX_SIZE bytes.
 *
 * JSON does not carry how many decimals an amount was printed with; the
 * reader infers BdxMoney.decimals, as a document prints all amounts of
 * one unit alike: each table amount gets the most decimals (0..4) that any
 * table amount of its unit (the table's, else the document's, else 元)
 * needs to be printed exactly; an amount outside the tables gets that of
 * the document's unit, or more if it needs more.
 *
 * Errors are BDX_ERROR_FORMAT (not JSON, or not this format) and
 * BDX_ERROR_LIMIT (nested too deep, text too big, a number beyond 64-bit
 * integers or doubles), with messages that name the place: "invalid JSON
 * at line 3, column 7: ..." for syntax, the JSON path for content
 * ("tables[2].rows[5].values[1]: amount is not an integer").  Loading a
 * file can also fail with BDX_ERROR_IO.
 *
 * Ownership: both functions return an owned disclosure, or NULL with the
 * error set.
 */
#ifndef BDX_JSONREAD_H
#define BDX_JSONREAD_H

#include <glib.h>

#include "bdx/disclosure.h"
#include "bdx/visibility.h"

G_BEGIN_DECLS

/* Arrays and objects nested deeper than this are refused. */
#define BDX_JSON_MAX_DEPTH 128

/* Files larger than this (bytes) are refused. */
#define BDX_JSON_MAX_SIZE ((gsize)64 * 1024 * 1024)

/* Reads a disclosure from JSON text; `len` is the length in bytes, or -1
 * when `data` is NUL-terminated. */
BDX_API BdxDisclosure *bdx_disclosure_from_json (const char *data, gssize len,
                                                 GError **error);

/* Reads a disclosure from a JSON file; "-" reads standard input.  Errors
 * are prefixed with the file name. */
BDX_API BdxDisclosure *bdx_disclosure_load (const char *path, GError **error);

G_END_DECLS

#endif
