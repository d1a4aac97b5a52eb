/* bdx — a page's ink masks from its drawing operations (render-ink.c).
 *
 * Rules are found in two bit masks of the page rendered at a scale:
 * `ink`, a bit a pixel that is dark, and `inkt`, its transpose.  The
 * masks used to come only from a raster render.  Most pages that carry
 * tables draw nothing but solid, axis-aligned lines and boxes, and for
 * those the pixels cairo would make dark can be worked out from the
 * boxes themselves: bdx__render_ink() runs poppler's render, takes each
 * stroke and fill before cairo rasterizes it, and sets the bits straight
 * away, with no pixel buffer to clear, fill and scan.
 *
 * It only does so while it can be exact about it.  The first mark it
 * cannot reproduce (a curve, a slanted line, an image, a gradient, a
 * transparency group, a dash, an unusual blend) makes it give up: it
 * returns FALSE and the caller renders the page into pixels as before.
 * The text is never drawn (render-notext.h).
 *
 * Where it does reproduce a box, a pixel is ink when the box covers
 * enough of it for cairo's antialiased render to fall below the ink
 * level: a box of colour c (its darkest channel) and opacity α, covering
 * a share a of a pixel, leaves a white pixel at 255 (1 − α a (1 − c))
 * and a black one at 255 α a c.  Only bits are kept, not grey levels, so
 * the masks differ from the raster's at single pixels on boxes' edges:
 * where several boxes share a pixel that none covers enough alone (two
 * rules crossing, two pieces of one meeting), where a light box covers
 * part of a pixel that was grey rather than black, at the corners of
 * round caps and joins (taken as square), and where cairo's 8-bit
 * arithmetic rounds across the level.  On the 360 pages of the
 * benchmark documents 0.2 % of the ink pixels outside glyph boxes
 * differ; the rules found differ by a pixel at most, and bdx's output
 * on them, on the samples and on 200 generated documents is the same,
 * byte for byte (docs/performance.md). */
#ifndef BDX_RENDER_INK_H
#define BDX_RENDER_INK_H

#include <cairo.h>
#include <poppler.h>

/* Ink masks of a W × H page: `ink` H lines of (W + 63) / 64 words,
 * `inkt` W lines of (H + 63) / 64 words, a bit a pixel, bit x of a line
 * in word x / 64 at x % 64; padding bits stay clear. */
typedef struct {
  int W, H;
  int dark_level; /* a channel below this (0–255) is ink */
  guint64 *ink;
  guint64 *inkt;
} BdxInkMasks;

/* Renders `page` at `scale` pixels a point into m, whose masks the
 * caller has cleared.  TRUE when the masks hold the whole page; FALSE
 * when the page drew something this cannot reproduce, and the masks are
 * then to be thrown away.  Thread-safe. */
G_GNUC_INTERNAL gboolean bdx__render_ink (PopplerPage *page, double scale,
                                          BdxInkMasks *m);

/* Sets bits [a, b) of a mask line. */
G_GNUC_INTERNAL void bdx__set_bits (guint64 *line, int a, int b);

#endif
