/* Unit tests for the reader's rendering without text (render-notext.h).
 *
 * The sample PDF is found from BDX_TEST_CASES (tests/cases):
 * ../../samples.
 */
#include <cairo.h>
#include <poppler.h>
#include <string.h>

#include "render-notext.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_t, cairo_destroy)
/* poppler-glib 22 declares no autoptr for its GObjects. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

/* Pixels of page `pp` rendered at 1 px/pt that are not white. */
static guint64
ink_pixels (PopplerPage *pp, gboolean text)
{
  double w, h;
  poppler_page_get_size (pp, &w, &h);
  g_autoptr (cairo_surface_t) surf
      = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) w, (int) h);
  g_autoptr (cairo_t) cr = cairo_create (surf);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (text)
    poppler_page_render (pp, cr);
  else
    bdx__render_notext (pp, cr);
  cairo_surface_flush (surf);
  const guint8 *data = cairo_image_surface_get_data (surf);
  int stride = cairo_image_surface_get_stride (surf);
  guint64 n = 0;
  for (int y = 0; y < (int) h; y++)
    for (int x = 0; x < (int) w; x++)
      {
        guint32 p;
        memcpy (&p, data + (gsize) y * stride + 4 * x, 4);
        n += (p & 0xffffff) != 0xffffff;
      }
  return n;
}

/* The sample's pages: without the text, less is drawn on every page
 * with text, the rules of its tables stay, and an ordinary render
 * afterwards draws the text again. */
static void
test_render_notext (void)
{
  const char *cases = g_getenv ("BDX_TEST_CASES");
  if (cases == NULL)
    {
      g_test_skip ("BDX_TEST_CASES is not set");
      return;
    }
  g_autofree char *path
      = g_build_filename (cases, "..", "..", "samples", "kizilsu-2026-budget.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PopplerDocument) doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  guint64 with = 0, without = 0;
  for (int i = 0; i < poppler_document_get_n_pages (doc) && i < 8; i++)
    {
      g_autoptr (PopplerPage) pp = poppler_document_get_page (doc, i);
      guint64 a = ink_pixels (pp, TRUE);
      guint64 b = ink_pixels (pp, FALSE);
      guint64 c = ink_pixels (pp, TRUE);
      g_assert_cmpuint (c, ==, a);
      g_autofree char *text = poppler_page_get_text (pp);
      if (text != NULL && *text != '\0')
        g_assert_cmpuint (b, <, a);
      else
        g_assert_cmpuint (b, ==, a);
      with += a;
      without += b;
    }
  g_assert_cmpuint (without, >, 0);
  g_assert_cmpuint (without, <, with / 2);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/read/render-notext", test_render_notext);
  return g_test_run ();
}
