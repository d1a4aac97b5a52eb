/* bdx — parse: table pieces and narrative paragraphs into the model.
 *
 * Input: the segments (segment.h) and a pattern set.  Output: fills the
 * disclosure's tables (parse_tables), its overview, projects and facts
 * (parse_narrative) and its performance tables (parse_performance).
 * All wording is matched with patterns (patterns/tables.pat,
 * narrative.pat, performance.pat): no Chinese strings in C.
 *
 * Oddities of the input (a cell that is not an amount, a table without a
 * unit) are appended to d->notices, not logged.
 */
#ifndef BDX_PARSE_H
#define BDX_PARSE_H

#include <glib.h>

#include "bdx/disclosure.h"
#include "bdx/patterns.h"
#include "bdx/segment.h"
#include "bdx/visibility.h"

G_BEGIN_DECLS

BDX_API gboolean bdx_parse_tables (const BdxSegments *s,
                                   const BdxPatterns *patterns,
                                   BdxDisclosure *d, GError **error);

BDX_API gboolean bdx_parse_narrative (const BdxSegments *s,
                                      const BdxPatterns *patterns,
                                      BdxDisclosure *d, GError **error);

BDX_API gboolean bdx_parse_performance (const BdxSegments *s,
                                        const BdxPatterns *patterns,
                                        BdxDisclosure *d, GError **error);

/* TRUE when a piece's title names a performance-target table, which
 * parse_tables leaves to parse_performance. */
BDX_API gboolean bdx_parse_is_performance_title (const BdxPatterns *patterns,
                                                 const char *title);

G_END_DECLS

#endif
