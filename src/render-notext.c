/* bdx — rendering a page without drawing its text; see render-notext.h.
 *
 * poppler-glib has no switch to leave text out of a render, and cairo
 * none to ignore glyphs, so this file defines cairo_show_glyphs() itself,
 * exported: the dynamic linker binds poppler's calls to the first
 * definition in the global search order, and libbdx (or a program linked
 * with it statically) comes before libcairo there.  While this thread is
 * inside bdx__render_notext() the call does nothing; otherwise it goes on
 * to cairo's own, found with dlsym (RTLD_NEXT).  Type 3 glyphs go the
 * same way: poppler's cairo backend draws them as a cairo user font,
 * whose glyphs cairo renders (running the glyph procedures) only when
 * they are shown.
 *
 * Why bother: drawing the glyphs was a quarter of the render and 12 % of
 * a run's instructions on the bundled sample, 28 % on its Type 3 copy
 * (docs/performance.md). */
#include "render-notext.h"

#include <dlfcn.h>

#include "interpose.h"

static _Thread_local gboolean skip_glyphs;

void *
bdx__next_symbol (const char *name, void **slot)
{
  void *f = __atomic_load_n (slot, __ATOMIC_ACQUIRE);
  if (f == NULL)
    {
      f = dlsym (RTLD_NEXT, name);
      __atomic_store_n (slot, f, __ATOMIC_RELEASE);
    }
  return f;
}

BDX_EXPORT void
cairo_show_glyphs (cairo_t *cr, const cairo_glyph_t *glyphs, int num_glyphs)
{
  if (!skip_glyphs)
    BDX_CALL_NEXT (cairo_show_glyphs, cr, glyphs, num_glyphs);
}

/* Poppler shows text with this instead where the target keeps text
 * (a PDF or a recording surface, as render-ink.c uses). */
BDX_EXPORT void
cairo_show_text_glyphs (cairo_t *cr, const char *utf8, int utf8_len,
                        const cairo_glyph_t *glyphs, int num_glyphs,
                        const cairo_text_cluster_t *clusters, int num_clusters,
                        cairo_text_cluster_flags_t cluster_flags)
{
  if (!skip_glyphs)
    BDX_CALL_NEXT (cairo_show_text_glyphs, cr, utf8, utf8_len, glyphs, num_glyphs,
                   clusters, num_clusters, cluster_flags);
}

void
bdx__render_notext (PopplerPage *page, cairo_t *cr)
{
  skip_glyphs = TRUE;
  poppler_page_render (page, cr);
  skip_glyphs = FALSE;
}
