/* bdx — layout: glyphs into lines, ruling lines into table grids.
 *
 * Input: a BdxPage (read.h).  Output: a BdxLayout, the page as a list of
 * blocks in reading order (top to bottom): text lines and table grids.
 * Glyphs inside a grid belong to its cells and to no line.
 *
 * Ownership: bdx_layout_page() returns an owned BdxLayout; everything in
 * it is owned by it.  Texts are normalized (bdx_text_normalize).
 * Coordinates are those of read.h.
 */
#ifndef BDX_LAYOUT_H
#define BDX_LAYOUT_H

#include <glib.h>

#include "bdx/read.h"
#include "bdx/visibility.h"

G_BEGIN_DECLS

/* A run of a line separated from the next by a wide gap (≥ 2 em):
 * "编制部门：某局          单位：万元" is one line of two chunks. */
typedef struct {
  char *text;
  BdxBox box;
} BdxChunk;

typedef struct {
  char *text;         /* chunks joined by a single space */
  BdxBox box;
  double em;          /* median glyph height, points */
  double max_gap_em;  /* widest gap between two of its glyphs, in em */
  gboolean bold;
  GPtrArray *chunks;  /* of BdxChunk* */
} BdxLine;

/* One cell of a grid; a merged cell spans several grid positions. */
typedef struct {
  int row, col;         /* top-left grid position */
  int rowspan, colspan; /* >= 1 */
  char *text;           /* "" when blank */
  BdxBox box;           /* the cell's ruled box */
  BdxBox ink;           /* the box of its glyphs; zero when blank */
  float confidence;     /* lowest glyph confidence, 1 for the text layer */
} BdxCell;

typedef struct {
  BdxBox box;
  int n_rows, n_cols;
  GArray *xs;          /* of double: n_cols + 1 column boundaries */
  GArray *ys;          /* of double: n_rows + 1 row boundaries */
  GPtrArray *cells;    /* of BdxCell*, each merged cell once, row-major */
  int *at;             /* n_rows × n_cols: index into cells */
} BdxGrid;

typedef enum {
  BDX_BLOCK_LINE = 0,
  BDX_BLOCK_GRID,
} BdxBlockKind;

typedef struct {
  BdxBlockKind kind;
  BdxBox box;
  BdxLine *line; /* when LINE */
  BdxGrid *grid; /* when GRID */
} BdxBlock;

typedef struct {
  int page;               /* 1-based */
  double width, height;
  GPtrArray *blocks;      /* of BdxBlock*, in reading order */
  double text_left, text_right; /* extent of the page's lines */
} BdxLayout;

typedef struct {
  /* Gap that splits a line into chunks, in em; 0 = default 2.0. */
  double chunk_gap_em;
} BdxLayoutOptions;

BDX_API BdxLayout *bdx_layout_page (const BdxPage *page,
                                    const BdxLayoutOptions *opts);
BDX_API void bdx_layout_free (BdxLayout *l);

/* TRUE when the page's text looks like a table: at least two lines with gaps
 * wider than prose ever has.  Such pages are worth finding rules on
 * (rendering); others are not. */
BDX_API gboolean bdx_layout_looks_tabular (const BdxLayout *l);

/* The cell at a grid position (borrowed). */
BDX_API const BdxCell *bdx_grid_cell (const BdxGrid *g, int row, int col);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BdxLayout, bdx_layout_free)

G_END_DECLS

#endif
