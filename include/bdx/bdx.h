/* bdx — budget-disclosure extractor: the whole public API.
 *
 * The pipeline, one header per stage:
 *   read.h      PDF pages → glyphs and ruling lines
 *   layout.h    glyphs → lines, table grids
 *   segment.h   pages → headings, paragraphs, table pieces
 *   parse.h     pieces and paragraphs → the disclosure model
 *   validate.h  the model's accounting identities checked
 *   emit.h      the model → JSON (jsonread.h: JSON → the model)
 *   pipeline.h  all of it in order: bdx_extract_file()
 * and what they share: error.h, money.h, text.h, patterns.h,
 * disclosure.h (the model).
 */
#ifndef BDX_H
#define BDX_H

#include "bdx/disclosure.h"
#include "bdx/emit.h"
#include "bdx/error.h"
#include "bdx/jsonread.h"
#include "bdx/layout.h"
#include "bdx/money.h"
#include "bdx/parse.h"
#include "bdx/patterns.h"
#include "bdx/pipeline.h"
#include "bdx/read.h"
#include "bdx/segment.h"
#include "bdx/text.h"
#include "bdx/validate.h"
#include "bdx/visibility.h"

G_BEGIN_DECLS

/* The library's version ("0.1.0"); static. */
BDX_API const char *bdx_version (void);

G_END_DECLS

#endif
