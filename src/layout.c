/* bdx — layout stage: lines and table grids.
 *
 * The algorithm
 * 1. Rules: merge collinear segments (same y within RULE_SNAP, touching or
 *    overlapping along the line).  Horizontal and vertical segments that
 *    cross (within RULE_TOUCH) are joined into components; a component
 *    with at least two of each is a table grid.  A grid printed without
 *    its left or right border (its row rules run on past the last column
 *    rule and end together) gets that border where they end.
 * 2. Grid: column boundaries are the clustered x of its vertical rules,
 *    row boundaries the clustered y of its horizontal rules.  A grid
 *    position and its right neighbour belong to one merged cell when no
 *    vertical rule crosses the middle of their row at the boundary; the
 *    same downwards.  Rows or columns thinner than MIN_TRACK (double
 *    borders) are folded into their neighbour.
 *
 *        xs[0]   xs[1]         xs[2]      merged "收入" spans two columns:
 *     ys[0] +-----------------------+     no vertical rule crosses row 0
 *           |        收入           |     at xs[1].
 *     ys[1] +-------+---------------+
 *           | 项目  |    预算数     |
 *     ys[2] +-------+---------------+
 *
 * 3. Glyphs: each glyph goes to the cell under its centre; the rest make
 *    lines: sorted by their vertical centre, a glyph joins the current
 *    line while its centre lies within the line's band; each line sorted
 *    by x; a gap of more than a quarter em is a space, of more than
 *    chunk_gap_em a new chunk.
 * 4. Blocks (lines and grids) in order of their top edge.
 */
#include "bdx/layout.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bdx/text.h"

#define RULE_SNAP 1.6   /* points: same line */
#define RULE_JOIN 2.5   /* points: collinear pieces this close are one */
#define RULE_TOUCH 3.0  /* points: a crossing within this is a crossing */
#define MIN_TRACK 3.0   /* points: thinner rows/columns are double borders */

/* ---- small helpers ---------------------------------------------------- */

static int
cmp_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static void
box_union (BdxBox *acc, const BdxBox *b, gboolean *first)
{
  if (*first)
    {
      *acc = *b;
      *first = FALSE;
      return;
    }
  acc->x0 = MIN (acc->x0, b->x0);
  acc->y0 = MIN (acc->y0, b->y0);
  acc->x1 = MAX (acc->x1, b->x1);
  acc->y1 = MAX (acc->y1, b->y1);
}

/* A segment normalized to an axis: `at` across, [lo, hi] along. */
typedef struct {
  double at, lo, hi;
} Seg;

static int
cmp_seg (const void *a, const void *b)
{
  const Seg *s = a, *t = b;
  if (fabs (s->at - t->at) > 1e-9)
    return s->at < t->at ? -1 : 1;
  return (s->lo > t->lo) - (s->lo < t->lo);
}

static GArray *
merge_segments (const GArray *rules, gboolean horizontal)
{
  GArray *segs = g_array_sized_new (FALSE, FALSE, sizeof (Seg), rules->len);
  for (guint i = 0; i < rules->len; i++)
    {
      const BdxRule *r = &g_array_index (rules, BdxRule, i);
      Seg s = horizontal ? (Seg){ (r->y0 + r->y1) / 2, r->x0, r->x1 }
                         : (Seg){ (r->x0 + r->x1) / 2, r->y0, r->y1 };
      g_array_append_val (segs, s);
    }
  g_array_sort (segs, cmp_seg);

  /* Merge: for each segment, look back at the open ones on its line. */
  GArray *out = g_array_new (FALSE, FALSE, sizeof (Seg));
  for (guint i = 0; i < segs->len; i++)
    {
      Seg s = g_array_index (segs, Seg, i);
      gboolean merged = FALSE;
      for (guint k = out->len; k-- > 0;)
        {
          Seg *o = &g_array_index (out, Seg, k);
          if (s.at - o->at > RULE_SNAP)
            break;
          if (s.lo <= o->hi + RULE_JOIN && s.hi >= o->lo - RULE_JOIN)
            {
              o->lo = MIN (o->lo, s.lo);
              o->hi = MAX (o->hi, s.hi);
              merged = TRUE;
              break;
            }
        }
      if (!merged)
        g_array_append_val (out, s);
    }
  g_array_unref (segs);
  return out;
}

static int
uf_find (int *parent, int i)
{
  while (parent[i] != i)
    {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
  return i;
}

static void
uf_union (int *parent, int a, int b)
{
  a = uf_find (parent, a);
  b = uf_find (parent, b);
  if (a != b)
    parent[MAX (a, b)] = MIN (a, b);
}

/* Clusters sorted values within tol; returns the cluster means. */
static GArray *
cluster_values (GArray *vals, double tol)
{
  g_array_sort (vals, cmp_double);
  GArray *out = g_array_new (FALSE, FALSE, sizeof (double));
  guint i = 0;
  while (i < vals->len)
    {
      double sum = 0, first = g_array_index (vals, double, i);
      guint n = 0;
      while (i < vals->len && g_array_index (vals, double, i) - first <= tol)
        sum += g_array_index (vals, double, i++), n++;
      double m = sum / n;
      g_array_append_val (out, m);
    }
  return out;
}

/* Folds tracks thinner than MIN_TRACK into the previous boundary. */
static void
drop_thin_tracks (GArray *bounds)
{
  for (guint i = 1; i < bounds->len;)
    {
      if (g_array_index (bounds, double, i)
              - g_array_index (bounds, double, i - 1)
          < MIN_TRACK)
        {
          /* Keep the outer boundary at the ends, the first one inside. */
          if (i == bounds->len - 1)
            g_array_remove_index (bounds, i - 1);
          else
            g_array_remove_index (bounds, i);
        }
      else
        i++;
    }
}

static int
find_track (const GArray *bounds, double v)
{
  const double *b = (const double *) bounds->data;
  int n = (int) bounds->len - 1;
  if (n <= 0 || v < b[0] || v >= b[n])
    return -1;
  int lo = 0, hi = n - 1;
  while (lo < hi)
    {
      int mid = (lo + hi + 1) / 2;
      if (b[mid] <= v)
        lo = mid;
      else
        hi = mid - 1;
    }
  return lo;
}

/* Is there a segment in segs at `at` (±RULE_SNAP·2) covering point p? */
static gboolean
covered (const GArray *segs, double at, double p)
{
  for (guint i = 0; i < segs->len; i++)
    {
      const Seg *s = &g_array_index (segs, Seg, i);
      if (fabs (s->at - at) <= 2 * RULE_SNAP && s->lo - RULE_TOUCH <= p
          && s->hi + RULE_TOUCH >= p)
        return TRUE;
    }
  return FALSE;
}

/* ---- grids ------------------------------------------------------------ */

static void
cell_free (BdxCell *c)
{
  g_free (c->text);
  g_free (c);
}

static void
grid_free (BdxGrid *g)
{
  if (g == NULL)
    return;
  g_array_unref (g->xs);
  g_array_unref (g->ys);
  g_ptr_array_unref (g->cells);
  g_free (g->at);
  g_free (g);
}

const BdxCell *
bdx_grid_cell (const BdxGrid *g, int row, int col)
{
  g_return_val_if_fail (row >= 0 && row < g->n_rows, NULL);
  g_return_val_if_fail (col >= 0 && col < g->n_cols, NULL);
  return g_ptr_array_index (g->cells, g->at[row * g->n_cols + col]);
}

static BdxGrid *
build_grid (GArray *hs, GArray *vs)
{
  g_autoptr (GArray) yv = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) xv = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < hs->len; i++)
    g_array_append_val (yv, g_array_index (hs, Seg, i).at);
  for (guint i = 0; i < vs->len; i++)
    g_array_append_val (xv, g_array_index (vs, Seg, i).at);
  GArray *ys = cluster_values (yv, RULE_SNAP * 1.5);
  GArray *xs = cluster_values (xv, RULE_SNAP * 1.5);
  drop_thin_tracks (ys);
  drop_thin_tracks (xs);
  if (ys->len < 2 || xs->len < 2)
    {
      g_array_unref (ys);
      g_array_unref (xs);
      return NULL;
    }

  BdxGrid *g = g_new0 (BdxGrid, 1);
  g->xs = xs;
  g->ys = ys;
  g->n_rows = (int) ys->len - 1;
  g->n_cols = (int) xs->len - 1;
  g->box = (BdxBox){ g_array_index (xs, double, 0), g_array_index (ys, double, 0),
                     g_array_index (xs, double, xs->len - 1),
                     g_array_index (ys, double, ys->len - 1) };
  g->cells = g_ptr_array_new_with_free_func ((GDestroyNotify) cell_free);

  int n = g->n_rows * g->n_cols;
  g_autofree int *parent = g_new (int, n);
  for (int i = 0; i < n; i++)
    parent[i] = i;
  const double *X = (const double *) xs->data, *Y = (const double *) ys->data;
  for (int r = 0; r < g->n_rows; r++)
    for (int c = 0; c < g->n_cols; c++)
      {
        double ym = (Y[r] + Y[r + 1]) / 2, xm = (X[c] + X[c + 1]) / 2;
        if (c + 1 < g->n_cols && !covered (vs, X[c + 1], ym))
          uf_union (parent, r * g->n_cols + c, r * g->n_cols + c + 1);
        if (r + 1 < g->n_rows && !covered (hs, Y[r + 1], xm))
          uf_union (parent, r * g->n_cols + c, (r + 1) * g->n_cols + c);
      }

  g->at = g_new (int, n);
  g_autofree int *root_cell = g_new (int, n);
  for (int i = 0; i < n; i++)
    root_cell[i] = -1;
  for (int r = 0; r < g->n_rows; r++)
    for (int c = 0; c < g->n_cols; c++)
      {
        int root = uf_find (parent, r * g->n_cols + c);
        if (root_cell[root] < 0)
          {
            BdxCell *cell = g_new0 (BdxCell, 1);
            cell->row = r;
            cell->col = c;
            cell->rowspan = cell->colspan = 1;
            cell->text = g_strdup ("");
            cell->confidence = 1.0f;
            root_cell[root] = (int) g->cells->len;
            g_ptr_array_add (g->cells, cell);
          }
        BdxCell *cell = g_ptr_array_index (g->cells, root_cell[root]);
        cell->rowspan = MAX (cell->rowspan, r - cell->row + 1);
        cell->colspan = MAX (cell->colspan, c - cell->col + 1);
        g->at[r * g->n_cols + c] = root_cell[root];
      }
  for (guint i = 0; i < g->cells->len; i++)
    {
      BdxCell *cell = g_ptr_array_index (g->cells, i);
      cell->box = (BdxBox){ X[cell->col], Y[cell->row],
                            X[cell->col + cell->colspan],
                            Y[cell->row + cell->rowspan] };
    }
  return g;
}

/* A table printed without its left or right border (the rows' rules run
 * on past the last column rule, and nothing is drawn where they end):
 * when the top and the bottom horizontal rules, and at least half of
 * them, end together beyond the outermost vertical rule, their end is
 * the grid's edge, a vertical rule from top to bottom. */
static void
close_open_sides (GArray *hs, GArray *vs)
{
  double vmin = G_MAXDOUBLE, vmax = -G_MAXDOUBLE;
  double top = G_MAXDOUBLE, bottom = -G_MAXDOUBLE;
  for (guint i = 0; i < vs->len; i++)
    {
      const Seg *v = &g_array_index (vs, Seg, i);
      vmin = MIN (vmin, v->at);
      vmax = MAX (vmax, v->at);
    }
  for (guint i = 0; i < hs->len; i++)
    {
      const Seg *h = &g_array_index (hs, Seg, i);
      top = MIN (top, h->at);
      bottom = MAX (bottom, h->at);
    }
  for (int side = 0; side < 2; side++)
    {
      /* The edge: where the top rule ends on this side. */
      double edge = 0;
      gboolean top_found = FALSE;
      for (guint i = 0; i < hs->len && !top_found; i++)
        {
          const Seg *h = &g_array_index (hs, Seg, i);
          if (h->at == top)
            edge = side ? h->hi : h->lo, top_found = TRUE;
        }
      if (!top_found
          || (side ? edge - vmax : vmin - edge) < 2 * MIN_TRACK)
        continue;
      guint n = 0;
      gboolean bottom_ends = FALSE;
      for (guint i = 0; i < hs->len; i++)
        {
          const Seg *h = &g_array_index (hs, Seg, i);
          if (fabs ((side ? h->hi : h->lo) - edge) <= RULE_JOIN)
            {
              n++;
              bottom_ends |= h->at == bottom;
            }
        }
      if (!bottom_ends || n < 3 || 2 * n < hs->len)
        continue;
      Seg s = { edge, top, bottom };
      g_array_append_val (vs, s);
    }
}

static gboolean
crosses (const Seg *h, const Seg *v)
{
  return v->at >= h->lo - RULE_TOUCH && v->at <= h->hi + RULE_TOUCH
         && h->at >= v->lo - RULE_TOUCH && h->at <= v->hi + RULE_TOUCH;
}

/* A rule of a grid runs at least from one rule across it to the next: a
 * segment crossing fewer than two is no border but a stroke of a
 * character that survived the erasing of the text (the upright of 阝 or
 * 亻 on its glyph box's edge, the bottom of 一 below it), and would split
 * its cell.  Dropping one may leave another loose: repeat. */
static void
drop_loose_segments (GArray *hs, GArray *vs)
{
  gboolean dropped = TRUE;
  while (dropped)
    {
      dropped = FALSE;
      for (int side = 0; side < 2; side++)
        {
          GArray *a = side ? vs : hs, *b = side ? hs : vs;
          for (guint i = 0; i < a->len;)
            {
              const Seg *s = &g_array_index (a, Seg, i);
              int n = 0;
              /* Stop at two: most segments of a grid cross many. */
              for (guint j = 0; j < b->len && n < 2; j++)
                {
                  const Seg *t = &g_array_index (b, Seg, j);
                  n += side ? crosses (t, s) : crosses (s, t);
                }
              if (n < 2)
                {
                  g_array_remove_index (a, i);
                  dropped = TRUE;
                }
              else
                i++;
            }
        }
    }
}

static GPtrArray *
find_grids (const BdxPage *page)
{
  GPtrArray *grids = g_ptr_array_new_with_free_func ((GDestroyNotify) grid_free);
  if (!page->rules_known || page->hrules->len < 2 || page->vrules->len < 2)
    return grids;

  g_autoptr (GArray) hs = merge_segments (page->hrules, TRUE);
  g_autoptr (GArray) vs = merge_segments (page->vrules, FALSE);
  drop_loose_segments (hs, vs);
  if (hs->len < 2 || vs->len < 2)
    return grids;
  int nh = (int) hs->len, nv = (int) vs->len, n = nh + nv;
  g_autofree int *parent = g_new (int, n);
  for (int i = 0; i < n; i++)
    parent[i] = i;
  for (int i = 0; i < nh; i++)
    {
      const Seg *h = &g_array_index (hs, Seg, i);
      for (int j = 0; j < nv; j++)
        {
          if (crosses (h, &g_array_index (vs, Seg, j)))
            uf_union (parent, i, nh + j);
        }
    }

  g_autofree gboolean *done = g_new0 (gboolean, n);
  for (int i = 0; i < n; i++)
    {
      int root = uf_find (parent, i);
      if (done[root])
        continue;
      done[root] = TRUE;
      g_autoptr (GArray) ch = g_array_new (FALSE, FALSE, sizeof (Seg));
      g_autoptr (GArray) cv = g_array_new (FALSE, FALSE, sizeof (Seg));
      for (int k = 0; k < n; k++)
        if (uf_find (parent, k) == root)
          {
            if (k < nh)
              g_array_append_val (ch, g_array_index (hs, Seg, k));
            else
              g_array_append_val (cv, g_array_index (vs, Seg, k - nh));
          }
      if (ch->len < 2 || cv->len < 2)
        continue;
      close_open_sides (ch, cv);
      BdxGrid *g = build_grid (ch, cv);
      if (g != NULL)
        g_ptr_array_add (grids, g);
    }
  return grids;
}

/* ---- text from glyphs ----------------------------------------------- */

typedef struct {
  const BdxGlyph *g;
  double yc;
} GRef;

static int
cmp_gref_y (const void *a, const void *b)
{
  double x = ((const GRef *) a)->yc, y = ((const GRef *) b)->yc;
  return (x > y) - (x < y);
}

static int
cmp_gref_x (const void *a, const void *b)
{
  double x = ((const GRef *) a)->g->box.x0, y = ((const GRef *) b)->g->box.x0;
  return (x > y) - (x < y);
}

/* Splits glyph refs (any order) into lines; returns an array of GArray*
 * (of GRef, sorted by x), lines top to bottom. */
static GPtrArray *
group_lines (GArray *refs)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_array_sort (refs, cmp_gref_y);
  GArray *cur = NULL;
  double band0 = 0, band1 = 0;
  for (guint i = 0; i < refs->len; i++)
    {
      GRef *r = &g_array_index (refs, GRef, i);
      if (cur == NULL || r->yc > band1)
        {
          cur = g_array_new (FALSE, FALSE, sizeof (GRef));
          g_ptr_array_add (lines, cur);
          band0 = r->g->box.y0;
          band1 = r->g->box.y1;
        }
      else
        {
          band0 = MIN (band0, r->g->box.y0);
          (void) band0;
        }
      g_array_append_val (cur, *r);
    }
  for (guint i = 0; i < lines->len; i++)
    g_array_sort (g_ptr_array_index (lines, i), cmp_gref_x);
  return lines;
}

static double
median_height (GArray *line)
{
  g_autofree double *h = g_new (double, line->len);
  for (guint i = 0; i < line->len; i++)
    {
      const BdxGlyph *g = g_array_index (line, GRef, i).g;
      h[i] = g->box.y1 - g->box.y0;
    }
  qsort (h, line->len, sizeof (double), cmp_double);
  double m = h[line->len / 2];
  return m > 0.5 ? m : 10.0;
}

static void
append_glyph_text (GString *s, const BdxGlyph *g)
{
  g_string_append_unichar (s, g->c);
}

static void
chunk_free (BdxChunk *c)
{
  g_free (c->text);
  g_free (c);
}

static void
line_free (BdxLine *l)
{
  if (l == NULL)
    return;
  g_free (l->text);
  g_ptr_array_unref (l->chunks);
  g_free (l);
}

static BdxLine *
make_line (GArray *refs, double chunk_gap_em)
{
  BdxLine *line = g_new0 (BdxLine, 1);
  line->chunks = g_ptr_array_new_with_free_func ((GDestroyNotify) chunk_free);
  line->em = median_height (refs);

  g_autoptr (GString) chunk = g_string_new (NULL);
  BdxBox cbox = { 0 };
  gboolean cfirst = TRUE, lfirst = TRUE;
  const BdxGlyph *prev = NULL;
  for (guint i = 0; i <= refs->len; i++)
    {
      const BdxGlyph *g = i < refs->len ? g_array_index (refs, GRef, i).g : NULL;
      double gap = (g && prev) ? g->box.x0 - prev->box.x1 : 0;
      line->max_gap_em = MAX (line->max_gap_em, gap / line->em);
      if (g == NULL || (prev && gap > chunk_gap_em * line->em))
        {
          BdxChunk *c = g_new0 (BdxChunk, 1);
          c->text = bdx_text_normalize (chunk->str, chunk->len);
          c->box = cbox;
          g_ptr_array_add (line->chunks, c);
          box_union (&line->box, &cbox, &lfirst);
          g_string_truncate (chunk, 0);
          cfirst = TRUE;
          if (g == NULL)
            break;
        }
      else if (prev && gap > 0.25 * line->em)
        g_string_append_c (chunk, ' ');
      append_glyph_text (chunk, g);
      box_union (&cbox, &g->box, &cfirst);
      prev = g;
    }

  g_autoptr (GString) text = g_string_new (NULL);
  for (guint i = 0; i < line->chunks->len; i++)
    {
      BdxChunk *c = g_ptr_array_index (line->chunks, i);
      if (i > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, c->text);
    }
  line->text = g_string_free (g_steal_pointer (&text), FALSE);
  return line;
}

/* Cell text: its glyphs as lines joined without separator (a wrapped
 * header "项目支出 / 合计" is "项目支出合计"), normalized. */
static void
fill_cell (BdxCell *cell, GArray *refs)
{
  if (refs->len == 0)
    return;
  g_autoptr (GPtrArray) lines = group_lines (refs);
  g_autoptr (GString) s = g_string_new (NULL);
  gboolean first = TRUE;
  for (guint i = 0; i < lines->len; i++)
    {
      GArray *l = g_ptr_array_index (lines, i);
      double em = median_height (l);
      const BdxGlyph *prev = NULL;
      for (guint k = 0; k < l->len; k++)
        {
          const BdxGlyph *g = g_array_index (l, GRef, k).g;
          if (prev && g->box.x0 - prev->box.x1 > 0.25 * em)
            g_string_append_c (s, ' ');
          append_glyph_text (s, g);
          box_union (&cell->ink, &g->box, &first);
          cell->confidence = MIN (cell->confidence, g->confidence);
          prev = g;
        }
    }
  g_free (cell->text);
  cell->text = bdx_text_normalize (s->str, s->len);
}

/* ---- page ------------------------------------------------------------ */

static void
block_free (BdxBlock *b)
{
  line_free (b->line);
  grid_free (b->grid);
  g_free (b);
}

static int
cmp_block (const void *a, const void *b)
{
  const BdxBlock *x = *(BdxBlock *const *) a, *y = *(BdxBlock *const *) b;
  return (x->box.y0 > y->box.y0) - (x->box.y0 < y->box.y0);
}

BdxLayout *
bdx_layout_page (const BdxPage *page, const BdxLayoutOptions *opts)
{
  g_return_val_if_fail (page != NULL, NULL);
  double chunk_gap = opts && opts->chunk_gap_em > 0 ? opts->chunk_gap_em : 2.0;

  BdxLayout *l = g_new0 (BdxLayout, 1);
  l->page = page->number;
  l->width = page->width;
  l->height = page->height;
  l->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);

  g_autoptr (GPtrArray) grids = find_grids (page);
  /* Per-cell glyph lists, per grid. */
  g_autoptr (GPtrArray) cell_refs = g_ptr_array_new_with_free_func (
      (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < grids->len; i++)
    {
      BdxGrid *g = g_ptr_array_index (grids, i);
      GPtrArray *per = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
      for (guint k = 0; k < g->cells->len; k++)
        g_ptr_array_add (per, g_array_new (FALSE, FALSE, sizeof (GRef)));
      g_ptr_array_add (cell_refs, per);
    }

  g_autoptr (GArray) free_refs = g_array_new (FALSE, FALSE, sizeof (GRef));
  for (guint i = 0; i < page->glyphs->len; i++)
    {
      const BdxGlyph *gl = &g_array_index (page->glyphs, BdxGlyph, i);
      double xc = (gl->box.x0 + gl->box.x1) / 2, yc = (gl->box.y0 + gl->box.y1) / 2;
      GRef ref = { gl, yc };
      gboolean placed = FALSE;
      for (guint k = 0; k < grids->len && !placed; k++)
        {
          BdxGrid *g = g_ptr_array_index (grids, k);
          int c = find_track (g->xs, xc), r = find_track (g->ys, yc);
          if (c < 0 || r < 0)
            continue;
          GPtrArray *per = g_ptr_array_index (cell_refs, k);
          g_array_append_val (g_ptr_array_index (per, g->at[r * g->n_cols + c]), ref);
          placed = TRUE;
        }
      if (!placed)
        g_array_append_val (free_refs, ref);
    }

  for (guint k = 0; k < grids->len; k++)
    {
      BdxGrid *g = g_ptr_array_index (grids, k);
      GPtrArray *per = g_ptr_array_index (cell_refs, k);
      for (guint c = 0; c < g->cells->len; c++)
        fill_cell (g_ptr_array_index (g->cells, c), g_ptr_array_index (per, c));
    }
  /* Hand the grids over to blocks; a grid with no text in any cell is a
   * decoration (a frame, a logo), not a table. */
  while (grids->len > 0)
    {
      BdxGrid *g = g_ptr_array_steal_index (grids, 0);
      gboolean text = FALSE;
      for (guint c = 0; c < g->cells->len && !text; c++)
        text = *((BdxCell *) g_ptr_array_index (g->cells, c))->text != '\0';
      if (!text)
        {
          grid_free (g);
          continue;
        }
      BdxBlock *b = g_new0 (BdxBlock, 1);
      b->kind = BDX_BLOCK_GRID;
      b->grid = g;
      b->box = b->grid->box;
      g_ptr_array_add (l->blocks, b);
    }

  g_autoptr (GPtrArray) lines = group_lines (free_refs);
  gboolean first = TRUE;
  BdxBox ext = { 0 };
  for (guint i = 0; i < lines->len; i++)
    {
      BdxBlock *b = g_new0 (BdxBlock, 1);
      b->kind = BDX_BLOCK_LINE;
      b->line = make_line (g_ptr_array_index (lines, i), chunk_gap);
      b->box = b->line->box;
      box_union (&ext, &b->box, &first);
      g_ptr_array_add (l->blocks, b);
    }
  l->text_left = ext.x0;
  l->text_right = ext.x1;
  g_ptr_array_sort (l->blocks, cmp_block);
  return l;
}

gboolean
bdx_layout_looks_tabular (const BdxLayout *l)
{
  guint gappy = 0;
  for (guint i = 0; i < l->blocks->len; i++)
    {
      const BdxBlock *b = g_ptr_array_index (l->blocks, i);
      if (b->kind == BDX_BLOCK_GRID)
        return TRUE;
      /* A line of three chunks is a table row on its own (a last row
       * continued onto a page); otherwise two gappy lines (a header and
       * the 编制部门 … 单位 line of an empty table) make a table. */
      if (b->line->chunks->len >= 3)
        return TRUE;
      if (b->line->max_gap_em > 1.2 && ++gappy >= 2)
        return TRUE;
    }
  return FALSE;
}

void
bdx_layout_free (BdxLayout *l)
{
  if (l == NULL)
    return;
  g_ptr_array_unref (l->blocks);
  g_free (l);
}
