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
#include <string.h>

typedef void (*ShowGlyphs) (cairo_t *, const cairo_glyph_t *, int);

static _Thread_local gboolean skip_glyphs;

__attribute__ ((visibility ("default"))) void
cairo_show_glyphs (cairo_t *cr, const cairo_glyph_t *glyphs, int num_glyphs)
{
  static ShowGlyphs real; /* written once, the same value by any thread */
  if (skip_glyphs)
    return;
  ShowGlyphs f = __atomic_load_n (&real, __ATOMIC_ACQUIRE);
  if (f == NULL)
    {
      /* A data pointer to a function pointer: POSIX guarantees dlsym's. */
      void *sym = dlsym (RTLD_NEXT, "cairo_show_glyphs");
      memcpy (&f, &sym, sizeof f);
      if (f == NULL)
        return; /* cannot happen while cairo is linked */
      __atomic_store_n (&real, f, __ATOMIC_RELEASE);
    }
  f (cr, glyphs, num_glyphs);
}

/* Poppler shows text with this instead where the target keeps text
 * (a PDF or a recording surface, as render-ink.c uses). */
typedef void (*ShowTextGlyphs) (cairo_t *, const char *, int, const cairo_glyph_t *,
                                int, const cairo_text_cluster_t *, int,
                                cairo_text_cluster_flags_t);

__attribute__ ((visibility ("default"))) void
cairo_show_text_glyphs (cairo_t *cr, const char *utf8, int utf8_len,
                        const cairo_glyph_t *glyphs, int num_glyphs,
                        const cairo_text_cluster_t *clusters, int num_clusters,
                        cairo_text_cluster_flags_t cluster_flags)
{
  static ShowTextGlyphs real;
  if (skip_glyphs)
    return;
  ShowTextGlyphs f = __atomic_load_n (&real, __ATOMIC_ACQUIRE);
  if (f == NULL)
    {
      void *sym = dlsym (RTLD_NEXT, "cairo_show_text_glyphs");
      memcpy (&f, &sym, sizeof f);
      if (f == NULL)
        return;
      __atomic_store_n (&real, f, __ATOMIC_RELEASE);
    }
  f (cr, utf8, utf8_len, glyphs, num_glyphs, clusters, num_clusters, cluster_flags);
}

void
bdx__render_notext (PopplerPage *page, cairo_t *cr)
{
  skip_glyphs = TRUE;
  poppler_page_render (page, cr);
  skip_glyphs = FALSE;
}
