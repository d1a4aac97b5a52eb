/* bdx — segment: the document as a sequence of headings, paragraphs and
 * table pieces.
 *
 * Input: the pages' layouts (layout.h), in page order.  Output: a
 * BdxSegments holding
 *  - `items`, the document in reading order: each a narrative line or a
 *    table piece (a grid with the caption lines printed around it: number
 *    "表 N", title, 编制部门, 单位, and the lines after it such as the note
 *    "……为空表。");
 *  - `outline`, the headings as a tree (BdxOutlineNode, disclosure.h);
 *  - `paragraphs`, narrative lines joined into paragraphs, each with the
 *    heading path it stands under.
 * The table of contents (目录) is recognized and kept out of the outline
 * and the paragraphs.  Everything is matched with the patterns of the
 * `[layout]` section (patterns/layout.pat).
 *
 * Ownership: bdx_segment() takes ownership of the layouts array; the
 * result owns everything, and grids in pieces are borrowed from those
 * layouts.
 */
#ifndef BDX_SEGMENT_H
#define BDX_SEGMENT_H

#include <glib.h>

#include "bdx/disclosure.h"
#include "bdx/layout.h"
#include "bdx/patterns.h"
#include "bdx/visibility.h"

G_BEGIN_DECLS

typedef struct {
  const BdxGrid *grid;  /* borrowed from the layout */
  int page;             /* 1-based */
  int number;           /* from "表 N", 0 when none */
  char *title;          /* the caption's title line, or NULL */
  BdxUnit unit;         /* from "单位：…", UNKNOWN when none */
  char *department;     /* from "编制部门：…", or NULL */
  GPtrArray *after;     /* of char*: text lines between this grid and the
                           next grid or heading on the same page */
  gboolean at_page_top; /* nothing but caption lines above it on its page */
  gboolean at_page_end; /* no grid and no heading below it on its page */
} BdxTablePiece;

typedef struct {
  char *text;
  int page;
  BdxBox box;
  double em;
  int heading_level;    /* 0 for body text */
  gboolean in_toc;
} BdxTextLine;

typedef struct {
  char *text;           /* the lines joined, normalized */
  int page;             /* page of its first line */
  char *section;        /* the nearest level-2 heading above, or NULL */
  char *subsection;     /* the nearest level-3 heading above it, or NULL */
  int heading_level;    /* a paragraph that is a heading: its level; else 0 */
} BdxParagraph;

typedef enum {
  BDX_ITEM_LINE = 0,
  BDX_ITEM_TABLE,
} BdxItemKind;

typedef struct {
  BdxItemKind kind;
  BdxTextLine *line;    /* borrowed from lines */
  BdxTablePiece *piece; /* borrowed from pieces */
} BdxItem;

typedef struct {
  GPtrArray *layouts;    /* of BdxLayout*, owned */
  GPtrArray *lines;      /* of BdxTextLine* */
  GPtrArray *pieces;     /* of BdxTablePiece* */
  GArray *items;         /* of BdxItem */
  GPtrArray *outline;    /* of BdxOutlineNode*, top level */
  GPtrArray *paragraphs; /* of BdxParagraph* */
  char *cover_title;     /* the first page's largest line(s), or NULL */
} BdxSegments;

BDX_API BdxSegments *bdx_segment (GPtrArray *layouts,
                                  const BdxPatterns *patterns);
BDX_API void bdx_segments_free (BdxSegments *s);

/* The heading level of a line per the patterns (0 when none). */
BDX_API int bdx_segment_heading_level (const BdxPatterns *patterns,
                                       const char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BdxSegments, bdx_segments_free)

G_END_DECLS

#endif
