/* bdx — rendering a page without drawing its text (render-notext.c).
 *
 * Finding rules renders a page and then erases every glyph box: the
 * glyphs' pixels are drawn only to be wiped out.  bdx__render_notext()
 * renders with poppler as usual but leaves out what poppler draws with
 * cairo_show_glyphs(): the glyphs of every font, Type 3 ones included
 * (poppler's cairo backend makes those cairo user fonts); and poppler
 * loads no embedded font for them, it is handed a blank one.  It is an
 * optimization, never a change of meaning: callers still erase the
 * glyph boxes, and where the interposition does not take effect (libbdx
 * loaded with RTLD_LOCAL after cairo, a static cairo, another poppler)
 * the glyphs are simply drawn and erased as before.  Thread-safe: the
 * switch is per thread.  One rule for callers: a PopplerDocument
 * rendered this way is never rendered with its text afterwards, which
 * could come out blank (bdx__render_notext_blanks_fonts). */
#ifndef BDX_RENDER_NOTEXT_H
#define BDX_RENDER_NOTEXT_H

#include <cairo.h>
#include <poppler.h>

G_GNUC_INTERNAL void bdx__render_notext (PopplerPage *page, cairo_t *cr);

/* Whether bdx__render_notext() hands poppler a blank font in place of
 * each embedded one (render-notext.c): built for this poppler and
 * platform, and running with the poppler it was built for.  Then a
 * document rendered without text renders no text afterwards either: its
 * fonts stay blank. */
G_GNUC_INTERNAL gboolean bdx__render_notext_blanks_fonts (void);

#endif
