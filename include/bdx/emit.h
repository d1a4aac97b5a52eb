/* bdx — emit: the disclosure model written as `bdx.disclosure/1` JSON.
 *
 * The output is the contract of docs/output-format.md, key for key and in
 * its key order; docs/schema/bdx.disclosure-1.schema.json checks it.
 * Money is written as integer fen or null (a blank cell); decimal texts
 * the document prints as numbers (an indicator's value, a fact's share)
 * are written as JSON numbers from their text, never through a double.
 *
 * Ownership: bdx_disclosure_to_json() returns an owned string; the
 * disclosure is only read.  Emitting never fails: a string in the model
 * that is not valid UTF-8 (a bug upstream) is repaired with U+FFFD, and a
 * decimal text that is not a number is written as null.
 */
#ifndef BDX_EMIT_H
#define BDX_EMIT_H

#include <glib.h>

#include "bdx/disclosure.h"
#include "bdx/visibility.h"

G_BEGIN_DECLS

/* The disclosure as JSON text: owned UTF-8 ending with "\n".  `pretty`
 * indents by two spaces and keeps arrays of numbers on one line; without
 * it the text is one line with no spaces between tokens. */
BDX_API char *bdx_disclosure_to_json (const BdxDisclosure *d, gboolean pretty);

/* Writes the JSON text of `d` to `path`, or to standard output when path
 * is "-".
 *
 * A file is written atomically: to a new temporary file in the same
 * directory, flushed to disk, then renamed over `path`; on any failure the
 * temporary file is removed and `path` is left as it was, so a partial
 * file is never seen at `path`.  The new file's mode is 0666 less the
 * umask.  A `path` that exists and is not a regular file (a FIFO, a
 * device such as /dev/null) is opened and written in place instead, as
 * renaming over it would replace the node itself.  Standard output is
 * written through stdio and flushed.
 *
 * Returns FALSE with BDX_ERROR_IO when a write fails, e.g. a missing
 * directory, ENOSPC, or EPIPE (a closed pipe; the caller must ignore
 * SIGPIPE to get the error instead of the signal). */
BDX_API gboolean bdx_disclosure_write_json (const BdxDisclosure *d,
                                            const char *path, gboolean pretty,
                                            GError **error);

G_END_DECLS

#endif
