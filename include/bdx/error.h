/* bdx — error domain.
 *
 * Every fallible libbdx function takes a trailing `GError **error` and
 * returns FALSE/NULL exactly when it set the error.  The codes are few
 * and coarse on purpose: callers branch on them (the CLI maps them to
 * exit codes); the message carries the detail, in git's style
 * ("cannot open 'x.pdf': not a PDF file").
 */
#ifndef BDX_ERROR_H
#define BDX_ERROR_H

#include <glib.h>

#include "bdx/visibility.h"

G_BEGIN_DECLS

#define BDX_ERROR (bdx_error_quark ())

typedef enum {
  BDX_ERROR_IO,          /* a file could not be read or written */
  BDX_ERROR_LIBRARY,     /* a dependency failed (poppler, tesseract, sqlite) */
  BDX_ERROR_ARGUMENT,    /* the caller asked for something meaningless */
  BDX_ERROR_LIMIT,       /* the input exceeds a documented limit */
  BDX_ERROR_UNSUPPORTED, /* valid input we cannot handle */
  BDX_ERROR_FORMAT,      /* the input is not what it claims (not a PDF, bad JSON) */
  BDX_ERROR_ENCRYPTED,   /* a password is needed, or the one given is wrong */
  BDX_ERROR_PATTERN,     /* a pattern file is invalid */
  BDX_ERROR_CANCELLED,   /* the caller cancelled the work */
} BdxErrorCode;

BDX_API GQuark bdx_error_quark (void);

G_END_DECLS

#endif
