/* bdx — a page's ink masks from its drawing operations; see render-ink.h.
 *
 * Like render-notext.c, this file defines some of cairo's own functions,
 * exported, so that poppler's calls bind to them: the drawing operations
 * (stroke, fill, paint, mask), the clip, save and restore, the start of
 * a group, and glyph outlines.  While this thread captures a page
 * (bdx__render_ink) and the call draws on that page's surface, they work
 * on the masks instead; otherwise they go on to cairo's (interpose.h).  The surface is a
 * recording surface nothing is ever drawn on: it only gives the cairo_t
 * its extents.
 *
 * What is reproduced: a stroke whose every segment runs along an axis of
 * the page, solid (no dash), with any cap and join; a fill whose every
 * subpath is an axis-aligned rectangle, none overlapping another (then
 * the fill rule does not matter); a solid colour of any opacity, drawn
 * with OVER (or SOURCE, when opaque); a clip that is one axis-aligned
 * rectangle, kept on a stack with cairo_save and cairo_restore.  A cap
 * or join is taken as square: it reaches half the line width past the
 * segment's end, as a square cap or a miter join does (a round or bevel
 * one leaves part of that corner out, less than a pixel at rule widths).
 * Anything else ends the capture (render-ink.h). */
#include "render-ink.h"

#include "interpose.h"
#include "render-notext.h"

#include <math.h>
#include <string.h>

/* Coordinates within this of each other (pixels) are the same. */
#define EPS 1e-6
/* A fill of more rectangles than this ends the capture. */
#define MAX_FILL_BOXES 4096

typedef struct {
  double x0, y0, x1, y1; /* device pixels, x0 ≤ x1, y0 ≤ y1 */
} Box;

typedef struct {
  cairo_surface_t *target;
  BdxInkMasks *m;
  gboolean complex; /* drew something not reproduced: masks are void */
  const char *why;  /* what, for the debug log */
  Box clip;
  GArray *saved; /* of Box: the clip at each cairo_save */
} Capture;

static _Thread_local Capture *capture;

/* ---- the capture's state ------------------------------------------------ */

/* The capture `cr` draws into, or NULL: another thread's page, or a
 * surface of poppler's own (a soft mask, a pattern's tile) is drawn for
 * real. */
static Capture *
capturing (cairo_t *cr)
{
  Capture *c = capture;
  return c != NULL && cairo_get_target (cr) == c->target ? c : NULL;
}

/* Ends the capture: the page drew something it cannot reproduce. */
static void
give_up (Capture *c, const char *why)
{
  if (!c->complex)
    c->why = why;
  c->complex = TRUE;
}

/* ---- the masks ----------------------------------------------------------- */

void
bdx__set_bits (guint64 *line, int a, int b)
{
  for (int w = a >> 6; a < b; w++)
    {
      int lo = a & 63, hi = MIN (64, lo + (b - a));
      guint64 m = (hi == 64 ? ~G_GUINT64_CONSTANT (0) : (G_GUINT64_CONSTANT (1) << hi) - 1)
                  & (~G_GUINT64_CONSTANT (0) << lo);
      line[w] |= m;
      a += hi - lo;
    }
}

static void
clear_bits (guint64 *line, int a, int b)
{
  for (int w = a >> 6; a < b; w++)
    {
      int lo = a & 63, hi = MIN (64, lo + (b - a));
      guint64 m = (hi == 64 ? ~G_GUINT64_CONSTANT (0) : (G_GUINT64_CONSTANT (1) << hi) - 1)
                  & (~G_GUINT64_CONSTANT (0) << lo);
      line[w] &= ~m;
      a += hi - lo;
    }
}

/* The share of pixel i that [lo, hi) covers. */
static inline double
cover (double lo, double hi, int i)
{
  return MIN (hi, i + 1.0) - MAX (lo, (double) i);
}

/* The pixels [*a, *b) of a line whose coverage by [lo, hi) (within
 * [0, n]), times `across`, passes `thr`: above it, or at least it when
 * `at_least`.  Only the two end pixels can be partly covered, so the
 * span is the covered pixels less either end that falls short. */
static void
span (double lo, double hi, int n, double across, double thr,
      gboolean at_least, int *a, int *b)
{
#define PASSES(v) ((at_least) ? (v) >= thr : (v) > thr)
  *a = *b = 0;
  int i0 = (int) floor (lo), i1 = MIN (n, (int) ceil (hi));
  if (i0 >= i1 || !PASSES (across))
    return;
  if (!PASSES (cover (lo, hi, i0) * across))
    i0++;
  if (i1 > i0 && !PASSES (cover (lo, hi, i1 - 1) * across))
    i1--;
  *a = i0;
  *b = i1;
#undef PASSES
}

/* Sets (or clears) bits [a, b) of `count` lines of a mask, `words`
 * apart: the same span on many lines, as the long side of a rule gives
 * the transposed mask.  Within one word, one mask serves all lines. */
static void
mark_lines (guint64 *line, gsize words, int count, int a, int b, gboolean set)
{
  if (a >= b)
    return;
  if (a >> 6 == (b - 1) >> 6)
    {
      int lo = a & 63, hi = lo + (b - a);
      guint64 m = (hi == 64 ? ~G_GUINT64_CONSTANT (0) : (G_GUINT64_CONSTANT (1) << hi) - 1)
                  & (~G_GUINT64_CONSTANT (0) << lo);
      guint64 *w = line + (a >> 6);
      for (int k = 0; k < count; k++, w += words)
        *w = set ? *w | m : *w & ~m;
      return;
    }
  for (int k = 0; k < count; k++, line += words)
    (set ? bdx__set_bits : clear_bits) (line, a, b);
}

/* Marks box b (clipped to the page) in one mask: `lines` lines of `n`
 * pixels, `words` words each; the box spans [l0, l1) across the lines
 * and [p0, p1) along them.  A pixel passes where the box covers more
 * than thr of it (at least thr, when clearing).  Only the first and the
 * last line can be partly covered: the lines between share one span. */
static void
mark_box (guint64 *mask, gsize words, int n, double l0, double l1,
          double p0, double p1, double thr, gboolean set)
{
  int first = (int) floor (l0), last = (int) ceil (l1) - 1, a, b;
  span (p0, p1, n, cover (l0, l1, first), thr, !set, &a, &b);
  mark_lines (mask + (gsize) first * words, words, 1, a, b, set);
  if (last > first)
    {
      span (p0, p1, n, cover (l0, l1, last), thr, !set, &a, &b);
      mark_lines (mask + (gsize) last * words, words, 1, a, b, set);
    }
  if (last > first + 1)
    {
      span (p0, p1, n, 1.0, thr, !set, &a, &b);
      mark_lines (mask + (gsize) (first + 1) * words, words, last - first - 1, a, b, set);
    }
}

/* Paints box b (device pixels) in a colour whose darkest channel is
 * `dark` (0–1) at opacity `alpha`: a white pixel becomes ink where the
 * box covers more than a_set of it, an ink pixel white again where it
 * covers at least a_clear (render-ink.h gives the arithmetic). */
static void
paint_box (BdxInkMasks *m, Box b, double dark, double alpha)
{
  b.x0 = MAX (b.x0, 0.0);
  b.y0 = MAX (b.y0, 0.0);
  b.x1 = MIN (b.x1, (double) m->W);
  b.y1 = MIN (b.y1, (double) m->H);
  if (!(b.x0 < b.x1 && b.y0 < b.y1))
    return;
  double level = m->dark_level / 255.0;
  double a_set = alpha * (1 - dark) > 0 ? (1 - level) / (alpha * (1 - dark)) : 2;
  double a_clear = alpha * dark > 0 ? level / (alpha * dark) : 2;
  gsize wpl = (m->W + 63) / 64, wplt = (m->H + 63) / 64;
  if (a_set <= 1)
    {
      mark_box (m->ink, wpl, m->W, b.y0, b.y1, b.x0, b.x1, a_set, TRUE);
      mark_box (m->inkt, wplt, m->H, b.x0, b.x1, b.y0, b.y1, a_set, TRUE);
    }
  if (a_clear <= 1)
    {
      mark_box (m->ink, wpl, m->W, b.y0, b.y1, b.x0, b.x1, a_clear, FALSE);
      mark_box (m->inkt, wplt, m->H, b.x0, b.x1, b.y0, b.y1, a_clear, FALSE);
    }
}

/* ---- what a drawing operation draws ------------------------------------ */

/* The darkest channel and the opacity of cr's source, when it is a
 * solid colour drawn in a way paint_box reproduces. */
static gboolean
solid_source (cairo_t *cr, double *dark, double *alpha)
{
  cairo_pattern_t *src = cairo_get_source (cr);
  double r, g, b, a;
  if (cairo_pattern_get_type (src) != CAIRO_PATTERN_TYPE_SOLID
      || cairo_pattern_get_rgba (src, &r, &g, &b, &a) != CAIRO_STATUS_SUCCESS)
    return FALSE;
  cairo_operator_t op = cairo_get_operator (cr);
  if (!(op == CAIRO_OPERATOR_OVER || (op == CAIRO_OPERATOR_SOURCE && a >= 1)))
    return FALSE;
  *dark = MIN (r, MIN (g, b));
  *alpha = a;
  return TRUE;
}

/* The box a device-space quadrilateral p[4] spans, when it is one (its
 * corners on the box's corners, in any order). */
static gboolean
quad_box (const double px[4], const double py[4], Box *out)
{
  Box b = { px[0], py[0], px[0], py[0] };
  for (int k = 1; k < 4; k++)
    {
      if (!isfinite (px[k]) || !isfinite (py[k]))
        return FALSE;
      b.x0 = MIN (b.x0, px[k]);
      b.x1 = MAX (b.x1, px[k]);
      b.y0 = MIN (b.y0, py[k]);
      b.y1 = MAX (b.y1, py[k]);
    }
  if (!isfinite (px[0]) || !isfinite (py[0]))
    return FALSE;
  for (int k = 0; k < 4; k++)
    if ((fabs (px[k] - b.x0) > EPS && fabs (px[k] - b.x1) > EPS)
        || (fabs (py[k] - b.y0) > EPS && fabs (py[k] - b.y1) > EPS))
      return FALSE;
  *out = b;
  return TRUE;
}

static Box
intersect (Box a, Box b)
{
  return (Box){ MAX (a.x0, b.x0), MAX (a.y0, b.y0), MIN (a.x1, b.x1),
                MIN (a.y1, b.y1) };
}

/* A subpath's points in device space, consecutive repeats dropped. */
typedef struct {
  double x[8], y[8];
  int n;
  gboolean overflow; /* more than 8 distinct points */
} Sub;

static void
sub_add (Sub *s, double x, double y)
{
  if (s->n > 0 && fabs (s->x[s->n - 1] - x) <= EPS && fabs (s->y[s->n - 1] - y) <= EPS)
    return;
  if (s->n == G_N_ELEMENTS (s->x))
    {
      s->overflow = TRUE;
      return;
    }
  s->x[s->n] = x;
  s->y[s->n] = y;
  s->n++;
}

/* The rectangle a closed device-space polygon is, if it is one.
 * Points on a side between its corners are dropped first. */
static gboolean
sub_rect (Sub *s, Box *out)
{
  if (s->overflow)
    return FALSE;
  int n = s->n;
  if (n > 1 && fabs (s->x[n - 1] - s->x[0]) <= EPS && fabs (s->y[n - 1] - s->y[0]) <= EPS)
    n--;
  double x[8], y[8];
  int k = 0;
  for (int i = 0; i < n; i++)
    {
      const double *X = s->x, *Y = s->y;
      int p = (i + n - 1) % n, q = (i + 1) % n;
      /* Collinear with its neighbours along an axis: not a corner. */
      if ((fabs (X[p] - X[i]) <= EPS && fabs (X[q] - X[i]) <= EPS)
          || (fabs (Y[p] - Y[i]) <= EPS && fabs (Y[q] - Y[i]) <= EPS))
        continue;
      x[k] = X[i];
      y[k] = Y[i];
      k++;
    }
  if (k == 0)
    {
      /* All on one line: no area. */
      *out = (Box){ 0, 0, 0, 0 };
      return TRUE;
    }
  if (k != 4)
    return FALSE;
  /* Four corners, each side along an axis. */
  for (int i = 0; i < 4; i++)
    {
      int q = (i + 1) % 4;
      if (fabs (x[q] - x[i]) > EPS && fabs (y[q] - y[i]) > EPS)
        return FALSE;
    }
  return quad_box (x, y, out);
}

static int
cmp_box_x0 (const void *a, const void *b)
{
  double p = ((const Box *) a)->x0, q = ((const Box *) b)->x0;
  return (p > q) - (p < q);
}

/* Whether any two boxes overlap in more than an edge.  Boxes sorted by
 * their left edge are compared with those that start before they end;
 * boxes that share columns a lot (a stack of full-width bars) cost
 * more, and past a budget the answer is yes: the page is then rendered
 * in pixels, in cairo's time, not in ours. */
static gboolean
boxes_overlap (GArray *boxes)
{
  g_array_sort (boxes, cmp_box_x0);
  const Box *b = (const Box *) boxes->data;
  guint64 budget = 32 * (guint64) boxes->len + 4096;
  for (guint i = 0; i < boxes->len; i++)
    for (guint j = i + 1; j < boxes->len && b[j].x0 < b[i].x1 - EPS; j++)
      if ((b[j].y0 < b[i].y1 - EPS && b[i].y0 < b[j].y1 - EPS) || --budget == 0)
        return TRUE;
  return FALSE;
}

/* The rectangles of cr's current path, one per subpath (each closed, as
 * a fill or a clip closes it), those of no area left out; FALSE if a
 * subpath is not an axis-aligned rectangle in device space. */
static gboolean
path_boxes (cairo_t *cr, GArray *boxes)
{
  cairo_path_t *path = cairo_copy_path (cr);
  Sub s = { 0 };
  gboolean ok = path->status == CAIRO_STATUS_SUCCESS;
  for (int i = 0; ok && i <= path->num_data;
       i += i < path->num_data ? path->data[i].header.length : 1)
    {
      cairo_path_data_type_t type
          = i < path->num_data ? path->data[i].header.type : CAIRO_PATH_MOVE_TO;
      if (type == CAIRO_PATH_CURVE_TO)
        ok = FALSE;
      else if (type == CAIRO_PATH_MOVE_TO)
        {
          /* The end of a subpath (or of the path). */
          Box b;
          if (s.n > 0 && !(ok = sub_rect (&s, &b)))
            break;
          if (s.n > 0 && b.x1 > b.x0 && b.y1 > b.y0)
            g_array_append_val (boxes, b);
          if (boxes->len > MAX_FILL_BOXES)
            ok = FALSE;
          s = (Sub){ 0 };
        }
      if (ok && i < path->num_data
          && (type == CAIRO_PATH_MOVE_TO || type == CAIRO_PATH_LINE_TO))
        {
          double x = path->data[i + 1].point.x, y = path->data[i + 1].point.y;
          cairo_user_to_device (cr, &x, &y);
          sub_add (&s, x, y);
        }
      /* CLOSE_PATH: every subpath is taken as closed. */
    }
  cairo_path_destroy (path);
  return ok;
}

/* Paints cr's current path filled: rectangles that do not overlap (so
 * the fill rule does not matter), or the capture ends. */
static void
capture_fill (Capture *c, cairo_t *cr)
{
  double dark, alpha;
  g_autoptr (GArray) boxes = g_array_new (FALSE, FALSE, sizeof (Box));
  if (!solid_source (cr, &dark, &alpha) || !path_boxes (cr, boxes)
      || (boxes->len > 1 && boxes_overlap (boxes)))
    {
      give_up (c, "a fill not of separate rectangles in a solid colour");
      return;
    }
  for (guint i = 0; i < boxes->len; i++)
    paint_box (c->m, intersect (g_array_index (boxes, Box, i), c->clip), dark, alpha);
}

/* The box of a stroke's segment (ux0, uy0) → (ux1, uy1) in user space,
 * reaching e0 and e1 past its ends, half-width hw either side, in device
 * space; FALSE if it is not a box there (a slanted line). */
static gboolean
segment_box (cairo_t *cr, double ux0, double uy0, double ux1, double uy1,
             double hw, double e0, double e1, Box *out)
{
  double dx = ux1 - ux0, dy = uy1 - uy0, len = hypot (dx, dy);
  if (len == 0)
    {
      dx = 1; /* a dot: cairo orients its cap along the x axis */
      dy = 0;
    }
  else
    {
      dx /= len;
      dy /= len;
    }
  double nx = -dy, ny = dx;
  double ax = ux0 - dx * e0, ay = uy0 - dy * e0;
  double bx = ux1 + dx * e1, by = uy1 + dy * e1;
  double px[4] = { ax + nx * hw, bx + nx * hw, bx - nx * hw, ax - nx * hw };
  double py[4] = { ay + ny * hw, by + ny * hw, by - ny * hw, ay - ny * hw };
  for (int k = 0; k < 4; k++)
    cairo_user_to_device (cr, &px[k], &py[k]);
  return quad_box (px, py, out);
}

/* Paints cr's current path stroked: axis-aligned segments, or the
 * capture ends. */
static void
capture_stroke (Capture *c, cairo_t *cr)
{
  double dark, alpha;
  if (!solid_source (cr, &dark, &alpha))
    {
      give_up (c, "a stroke in a pattern or a blend");
      return;
    }
  if (cairo_get_dash_count (cr) > 0)
    {
      give_up (c, "a dashed stroke");
      return;
    }
  double hw = cairo_get_line_width (cr) / 2;
  if (!(hw > 0) || !isfinite (hw))
    return; /* cairo 1.16 strokes nothing at width 0 */
  double cap = cairo_get_line_cap (cr) == CAIRO_LINE_CAP_BUTT ? 0 : hw;
  cairo_path_t *path = cairo_copy_path (cr);
  gboolean ok = path->status == CAIRO_STATUS_SUCCESS;
  g_autoptr (GArray) boxes = g_array_new (FALSE, FALSE, sizeof (Box));
  /* Segments of the current subpath, in user space: each ends in a join
   * (reach hw) except the ends of an open subpath (reach `cap`). */
  g_autoptr (GArray) pts = g_array_new (FALSE, FALSE, sizeof (double) * 2);
  gboolean closed = FALSE;
  for (int i = 0; ok && i <= path->num_data; i += i < path->num_data ? path->data[i].header.length : 1)
    {
      cairo_path_data_type_t type
          = i < path->num_data ? path->data[i].header.type : CAIRO_PATH_MOVE_TO;
      if (type == CAIRO_PATH_CURVE_TO)
        {
          give_up (c, "a curve stroked");
          ok = FALSE;
          break;
        }
      if (type == CAIRO_PATH_LINE_TO)
        {
          g_array_append_vals (pts, &path->data[i + 1].point, 1);
          continue;
        }
      if (type == CAIRO_PATH_CLOSE_PATH)
        {
          if (pts->len > 0)
            {
              /* A copy: appending may move the array's data. */
              double first[2];
              memcpy (first, pts->data, sizeof first);
              g_array_append_vals (pts, first, 1);
            }
          closed = TRUE;
          continue;
        }
      /* MOVE_TO, or the end: stroke the subpath so far. */
      const double(*p)[2] = (const double(*)[2]) pts->data;
      guint n = pts->len;
      for (guint k = 0; ok && k + 1 < n; k++)
        {
          Box b;
          double e0 = closed || k > 0 ? hw : cap;
          double e1 = closed || k + 2 < n ? hw : cap;
          if (p[k][0] == p[k + 1][0] && p[k][1] == p[k + 1][1] && (closed || n > 2))
            continue; /* a repeated point inside a line */
          if (!(ok = segment_box (cr, p[k][0], p[k][1], p[k + 1][0], p[k + 1][1], hw,
                                  e0, e1, &b)))
            break;
          g_array_append_val (boxes, b);
        }
      g_array_set_size (pts, 0);
      closed = FALSE;
      if (i < path->num_data)
        g_array_append_vals (pts, &path->data[i + 1].point, 1);
    }
  cairo_path_destroy (path);
  if (!ok)
    {
      give_up (c, "a slanted line stroked");
      return;
    }
  for (guint i = 0; i < boxes->len; i++)
    paint_box (c->m, intersect (g_array_index (boxes, Box, i), c->clip), dark, alpha);
}

/* Narrows the clip to cr's current path: one rectangle (or none, which
 * clips everything away), or the capture ends. */
static void
capture_clip (Capture *c, cairo_t *cr)
{
  g_autoptr (GArray) boxes = g_array_new (FALSE, FALSE, sizeof (Box));
  if (!path_boxes (cr, boxes) || boxes->len > 1)
    give_up (c, "a clip not one rectangle");
  else if (boxes->len == 0)
    c->clip = (Box){ 0, 0, 0, 0 };
  else
    c->clip = intersect (c->clip, g_array_index (boxes, Box, 0));
}

/* ---- the interposed functions ------------------------------------------ */

BDX_EXPORT void
cairo_stroke (cairo_t *cr)
{
  Capture *c = capturing (cr);
  if (c == NULL)
    {
      BDX_CALL_NEXT (cairo_stroke, cr);
      return;
    }
  if (!c->complex)
    capture_stroke (c, cr);
  cairo_new_path (cr);
}

BDX_EXPORT void
cairo_stroke_preserve (cairo_t *cr)
{
  Capture *c = capturing (cr);
  if (c == NULL)
    BDX_CALL_NEXT (cairo_stroke_preserve, cr);
  else if (!c->complex)
    capture_stroke (c, cr);
}

BDX_EXPORT void
cairo_fill (cairo_t *cr)
{
  Capture *c = capturing (cr);
  if (c == NULL)
    {
      BDX_CALL_NEXT (cairo_fill, cr);
      return;
    }
  if (!c->complex)
    capture_fill (c, cr);
  cairo_new_path (cr);
}

BDX_EXPORT void
cairo_fill_preserve (cairo_t *cr)
{
  Capture *c = capturing (cr);
  if (c == NULL)
    BDX_CALL_NEXT (cairo_fill_preserve, cr);
  else if (!c->complex)
    capture_fill (c, cr);
}

/* Glyph outlines: poppler strokes text with them (text drawn filled and
 * stroked, a common fake bold) and clips to them (text as a clip).  On
 * the page being captured they are left out, as filled glyphs are
 * (render-notext.h): a stroke of them draws nothing, and a clip to them
 * clips all away until it is restored.  Both change only pixels inside
 * the glyphs' boxes, which finding rules erases anyway. */
BDX_EXPORT void
cairo_glyph_path (cairo_t *cr, const cairo_glyph_t *glyphs, int num_glyphs)
{
  if (capturing (cr) == NULL)
    BDX_CALL_NEXT (cairo_glyph_path, cr, glyphs, num_glyphs);
}

/* Painting the whole clip, or through a mask, is a picture or a group's
 * result: not reproduced. */
BDX_EXPORT void
cairo_paint (cairo_t *cr)
{
  Capture *c = capturing (cr);
  if (c == NULL)
    BDX_CALL_NEXT (cairo_paint, cr);
  else
    give_up (c, "a paint (a picture or a group)");
}

BDX_EXPORT void
cairo_paint_with_alpha (cairo_t *cr, double alpha)
{
  Capture *c = capturing (cr);
  if (c == NULL)
    BDX_CALL_NEXT (cairo_paint_with_alpha, cr, alpha);
  else
    give_up (c, "a paint (a picture or a group)");
}

BDX_EXPORT void
cairo_mask (cairo_t *cr, cairo_pattern_t *pattern)
{
  Capture *c = capturing (cr);
  if (c == NULL)
    BDX_CALL_NEXT (cairo_mask, cr, pattern);
  else
    give_up (c, "a mask");
}

BDX_EXPORT void
cairo_mask_surface (cairo_t *cr, cairo_surface_t *surface, double x, double y)
{
  Capture *c = capturing (cr);
  if (c == NULL)
    BDX_CALL_NEXT (cairo_mask_surface, cr, surface, x, y);
  else
    give_up (c, "a mask");
}

/* A group is composited onto the page later, with an opacity or a mask:
 * not reproduced.  The group is still made, so that poppler's matching
 * pop finds it. */
BDX_EXPORT void
cairo_push_group (cairo_t *cr)
{
  Capture *c = capturing (cr);
  if (c != NULL)
    give_up (c, "a group");
  BDX_CALL_NEXT (cairo_push_group, cr);
}

BDX_EXPORT void
cairo_push_group_with_content (cairo_t *cr, cairo_content_t content)
{
  Capture *c = capturing (cr);
  if (c != NULL)
    give_up (c, "a group");
  BDX_CALL_NEXT (cairo_push_group_with_content, cr, content);
}

BDX_EXPORT void
cairo_clip (cairo_t *cr)
{
  Capture *c = capturing (cr);
  if (c != NULL && !c->complex)
    capture_clip (c, cr);
  BDX_CALL_NEXT (cairo_clip, cr);
}

BDX_EXPORT void
cairo_clip_preserve (cairo_t *cr)
{
  Capture *c = capturing (cr);
  if (c != NULL && !c->complex)
    capture_clip (c, cr);
  BDX_CALL_NEXT (cairo_clip_preserve, cr);
}

BDX_EXPORT void
cairo_reset_clip (cairo_t *cr)
{
  Capture *c = capturing (cr);
  if (c != NULL)
    c->clip = (Box){ 0, 0, c->m->W, c->m->H };
  BDX_CALL_NEXT (cairo_reset_clip, cr);
}

BDX_EXPORT void
cairo_save (cairo_t *cr)
{
  Capture *c = capturing (cr);
  if (c != NULL)
    g_array_append_val (c->saved, c->clip);
  BDX_CALL_NEXT (cairo_save, cr);
}

BDX_EXPORT void
cairo_restore (cairo_t *cr)
{
  Capture *c = capturing (cr);
  if (c != NULL)
    {
      if (c->saved->len > 0)
        {
          c->clip = g_array_index (c->saved, Box, c->saved->len - 1);
          g_array_set_size (c->saved, c->saved->len - 1);
        }
      else
        give_up (c, "an unbalanced restore"); /* unbalanced: the clip is no longer known */
    }
  BDX_CALL_NEXT (cairo_restore, cr);
}

/* ---- the capture --------------------------------------------------------- */

gboolean
bdx__render_ink (PopplerPage *page, double scale, BdxInkMasks *m)
{
  g_return_val_if_fail (capture == NULL, FALSE);
  cairo_rectangle_t extents = { 0, 0, m->W, m->H };
  cairo_surface_t *surf = cairo_recording_surface_create (CAIRO_CONTENT_COLOR, &extents);
  cairo_t *cr = cairo_create (surf);
  Capture c = { .target = surf,
                .m = m,
                .clip = { 0, 0, m->W, m->H },
                .saved = g_array_new (FALSE, FALSE, sizeof (Box)) };
  cairo_scale (cr, scale, scale);
  capture = &c;
  bdx__render_notext (page, cr);
  capture = NULL;
  gboolean ok = !c.complex && cairo_status (cr) == CAIRO_STATUS_SUCCESS;
  if (!ok)
    g_debug ("rules not from drawing operations: %s",
             c.why != NULL ? c.why : cairo_status_to_string (cairo_status (cr)));
  g_array_unref (c.saved);
  cairo_destroy (cr);
  cairo_surface_destroy (surf);
  return ok;
}
