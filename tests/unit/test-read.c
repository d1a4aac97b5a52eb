/* Unit tests for the reader's rendering: without text (render-notext.h),
 * and the text layer of a page rendered before its text is read.
 *
 * The sample PDF is found from BDX_TEST_CASES (tests/cases):
 * ../../samples.
 */
#include <cairo-pdf.h>
#include <cairo.h>
#include <glib/gstdio.h>
#include <leptonica/allheaders.h>
#include <poppler.h>
#include <string.h>

#include "bdx/read.h"
#include "poppler-lean.h"
#include "render-notext.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_t, cairo_destroy)
/* poppler-glib 22 declares no autoptr for its GObjects. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

static void
pix_free (PIX *pix)
{
  pixDestroy (&pix);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PIX, pix_free)

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

/* The test case folder (BDX_TEST_CASES), or NULL with the test
 * skipped. */
static const char *
cases_or_skip (void)
{
  const char *cases = g_getenv ("BDX_TEST_CASES");
  if (cases == NULL)
    g_test_skip ("BDX_TEST_CASES is not set");
  return cases;
}

/* The bundled sample `name` (samples/, two folders above the cases). */
static char *
sample_path (const char *cases, const char *name)
{
  return g_build_filename (cases, "..", "..", "samples", name, NULL);
}

static PopplerDocument *
open_pdf (const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr (GError) error = NULL;
  PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  return doc;
}

static PopplerDocument *
open_sample (const char *cases, const char *name)
{
  g_autofree char *path = sample_path (cases, name);
  return open_pdf (path);
}

/* The sample's pages, in TrueType and in Type 3 fonts: without the
 * text, less is drawn on every page with text, the rules of its tables
 * stay, and an ordinary render afterwards draws the text again. */
static void
check_render_notext (const char *cases, const char *name)
{
  g_autoptr (PopplerDocument) doc = open_sample (cases, name);
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

static void
test_render_notext (void)
{
  const char *cases = cases_or_skip ();
  if (cases == NULL)
    return;
  check_render_notext (cases, "kizilsu-2026-budget.pdf");
  check_render_notext (cases, "kizilsu-2026-budget-noto.pdf");
}

/* Rendering without text hands poppler blank fonts, which its cairo
 * backend keeps for the document: rendered with text afterwards, a page
 * of that document draws exactly what it drew without, while another
 * copy of the document draws its text. */
static void
test_render_notext_fonts (void)
{
  const char *cases = cases_or_skip ();
  if (cases == NULL)
    return;
  if (!bdx__render_notext_blanks_fonts ())
    {
      g_test_skip ("blank fonts are not built for this poppler or platform");
      return;
    }
  g_autoptr (PopplerDocument) doc = open_sample (cases, "kizilsu-2026-budget.pdf");
  g_autoptr (PopplerDocument) fresh = open_sample (cases, "kizilsu-2026-budget.pdf");
  for (int i = 0; i < 8; i++)
    {
      g_autoptr (PopplerPage) pp = poppler_document_get_page (doc, i);
      g_autoptr (PopplerPage) fp = poppler_document_get_page (fresh, i);
      guint64 without = ink_pixels (pp, FALSE);
      guint64 after = ink_pixels (pp, TRUE);
      guint64 with = ink_pixels (fp, TRUE);
      g_assert_cmpuint (after, ==, without);
      g_assert_cmpuint (with, >, without);
    }
#if defined(__x86_64__)
  /* A font the document does not embed (annotated.pdf's Helvetica) is
   * not looked up among the system's fonts either: the blank one stands
   * in for it too. */
  g_autofree char *path = g_build_filename (cases, "..", "data", "annotated.pdf", NULL);
  g_autoptr (PopplerDocument) plain = open_pdf (path);
  g_autoptr (PopplerDocument) plain_fresh = open_pdf (path);
  g_autoptr (PopplerPage) pp = poppler_document_get_page (plain, 0);
  g_autoptr (PopplerPage) fp = poppler_document_get_page (plain_fresh, 0);
  guint64 without = ink_pixels (pp, FALSE);
  g_assert_cmpuint (ink_pixels (pp, TRUE), ==, without);
  g_assert_cmpuint (ink_pixels (fp, TRUE), >, without);
#endif
}

/* A reader renders text from a copy of the document its renders for
 * rules never touched (read.c): after reading pages with their rules,
 * the blank-page test and the pictures for OCR are those of a fresh
 * reader, opened from the file or from memory. */
static void
test_text_after_rules (void)
{
  const char *cases = cases_or_skip ();
  if (cases == NULL)
    return;
  g_autofree char *path = sample_path (cases, "kizilsu-2026-budget.pdf");
  g_autofree char *data = NULL;
  gsize len;
  g_autoptr (GError) error = NULL;
  g_assert_true (g_file_get_contents (path, &data, &len, &error));
  g_autoptr (GBytes) bytes = g_bytes_new (data, len);
  BdxReader *read[2] = { bdx_reader_open (path, NULL, &error), NULL };
  g_assert_no_error (error);
  read[1] = bdx_reader_open_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  for (int k = 0; k < 2; k++)
    {
      BdxReader *r = read[k];
      int n = MIN (bdx_reader_n_pages (r), 9);
      for (int i = 0; i < n; i++)
        {
          g_autoptr (BdxPage) p = bdx_reader_read_page (r, i, TRUE, &error);
          g_assert_no_error (error);
        }
      g_autoptr (BdxReader) fresh = bdx_reader_open (path, NULL, &error);
      g_assert_no_error (error);
      for (int i = 0; i < n; i++)
        {
          g_assert_false (bdx_reader_page_is_blank (r, i));
          g_assert_false (bdx_reader_page_is_blank (fresh, i));
        }
      /* The cover (text only) and 表3 (text and rules). */
      const int pages[] = { 0, 7 };
      for (guint j = 0; j < G_N_ELEMENTS (pages); j++)
        {
          g_autoptr (PIX) a = bdx_reader_render_page (r, pages[j], 72, &error);
          g_assert_no_error (error);
          g_autoptr (PIX) b = bdx_reader_render_page (fresh, pages[j], 72, &error);
          g_assert_no_error (error);
          l_int32 same = 0;
          g_assert_cmpint (pixEqual (a, b, &same), ==, 0);
          g_assert_true (same);
        }
      bdx_reader_free (r);
    }
}

/* The reader's passes over a page leave out the output intent's colour
 * management (poppler-lean.h); poppler used directly, outside a lean
 * scope, keeps it. */
static void
test_lean (void)
{
  const char *cases = cases_or_skip ();
  if (cases == NULL)
    return;
  g_autoptr (PopplerDocument) doc = open_sample (cases, "kizilsu-2026-budget.pdf");
  g_autoptr (PopplerPage) pp = poppler_document_get_page (doc, 7);
  guint64 before = bdx__lean_skipped ();
  g_free (poppler_page_get_text (pp));
  g_assert_cmpuint (ink_pixels (pp, TRUE), >, 0);
  g_assert_cmpuint (bdx__lean_skipped (), ==, before);

  g_autofree char *path = sample_path (cases, "kizilsu-2026-budget.pdf");
  g_autoptr (GError) error = NULL;
  g_autoptr (BdxReader) r = bdx_reader_open (path, NULL, &error);
  g_assert_no_error (error);
  g_autoptr (BdxPage) p = bdx_reader_read_page (r, 7, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (p->hrules->len, >, 0);
  guint64 after = bdx__lean_skipped ();
  g_assert_cmpuint (after, >, before);

  {
    /* Scopes nest and end with their block. */
    BDX_LEAN_SCOPE ();
    {
      BDX_LEAN_SCOPE ();
      g_autoptr (PopplerPage) a = poppler_document_get_page (doc, 1);
      g_free (poppler_page_get_text (a));
    }
    g_autoptr (PopplerPage) b = poppler_document_get_page (doc, 2);
    g_free (poppler_page_get_text (b));
    g_assert_cmpuint (bdx__lean_skipped (), ==, after + 2);
    after += 2;
  }
  g_autoptr (PopplerPage) pp2 = poppler_document_get_page (doc, 8);
  g_free (poppler_page_get_text (pp2));
  g_assert_cmpuint (bdx__lean_skipped (), ==, after);
}

/* The blank-page test: an empty page is blank; a faint mark anywhere,
 * even in the page's last pixel column, is not. */
static void
test_page_is_blank (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bdx-read-XXXXXX", &error);
  g_assert_no_error (error);
  g_autofree char *path = g_build_filename (dir, "blank.pdf", NULL);
  double w = 595, h = 842;
  cairo_surface_t *surf = cairo_pdf_surface_create (path, w, h);
  cairo_t *cr = cairo_create (surf);
  cairo_show_page (cr); /* 1: nothing */
  cairo_set_source_rgb (cr, 0.9, 0.9, 0.9);
  cairo_rectangle (cr, 300, 400, 0.5, 0.5);
  cairo_fill (cr);
  cairo_show_page (cr); /* 2: a faint speck */
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_rectangle (cr, w - 0.3, h / 2, 0.3, 0.6);
  cairo_fill (cr);
  cairo_show_page (cr); /* 3: a dot at the right edge */
  cairo_destroy (cr);
  cairo_surface_destroy (surf);

  g_autoptr (BdxReader) r = bdx_reader_open (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bdx_reader_n_pages (r), ==, 3);
  g_assert_true (bdx_reader_page_is_blank (r, 0));
  g_assert_false (bdx_reader_page_is_blank (r, 1));
  g_assert_false (bdx_reader_page_is_blank (r, 2));
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
assert_same_array (GArray *a, GArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  g_assert_cmpmem (a->data, a->len * g_array_get_element_size (a),
                   b->data, b->len * g_array_get_element_size (b));
}

/* A page rendered first takes its text layer from the render (read.c):
 * pages read in order with their rules must give the same glyphs and
 * rules as pages read backwards, whose text is read before any render. */
static void
test_render_first (void)
{
  const char *cases = cases_or_skip ();
  if (cases == NULL)
    return;
  const char *names[] = { "kizilsu-2026-budget.pdf", "kizilsu-2026-budget-noto.pdf" };
  for (guint k = 0; k < G_N_ELEMENTS (names); k++)
    {
      g_autofree char *path = sample_path (cases, names[k]);
      g_autoptr (GError) error = NULL;
      g_autoptr (BdxReader) fwd = bdx_reader_open (path, NULL, &error);
      g_assert_no_error (error);
      g_autoptr (BdxReader) back = bdx_reader_open (path, NULL, &error);
      g_assert_no_error (error);
      int n = MIN (bdx_reader_n_pages (fwd), 12);
      g_autoptr (GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) bdx_page_free);
      for (int i = 0; i < n; i++)
        {
          BdxPage *p = bdx_reader_read_page (fwd, i, TRUE, &error);
          g_assert_no_error (error);
          g_ptr_array_add (pages, p);
        }
      guint rules = 0;
      for (int i = n - 1; i >= 0; i--)
        {
          g_autoptr (BdxPage) q = bdx_reader_read_page (back, i, FALSE, &error);
          g_assert_no_error (error);
          g_assert_true (bdx_reader_find_rules (back, q, &error));
          g_assert_no_error (error);
          const BdxPage *p = g_ptr_array_index (pages, i);
          assert_same_array (p->glyphs, q->glyphs);
          assert_same_array (p->hrules, q->hrules);
          assert_same_array (p->vrules, q->vrules);
          rules += q->hrules->len;
        }
      g_assert_cmpuint (rules, >, 0);
    }
}

/* A page with annotations is not rendered before its text is read: the
 * render would draw the annotation and its text layer take the text
 * (tests/data/annotated.pdf, made by make-annotated.py), which the text
 * pass leaves out.  Read with and without rules, the glyphs agree. */
static void
test_render_first_annotations (void)
{
  const char *cases = cases_or_skip ();
  if (cases == NULL)
    return;
  g_autofree char *path = g_build_filename (cases, "..", "data", "annotated.pdf", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (BdxReader) a = bdx_reader_open (path, NULL, &error);
  g_assert_no_error (error);
  g_autoptr (BdxReader) b = bdx_reader_open (path, NULL, &error);
  g_assert_no_error (error);
  g_autoptr (BdxPage) p = bdx_reader_read_page (a, 0, TRUE, &error);
  g_assert_no_error (error);
  g_autoptr (BdxPage) q = bdx_reader_read_page (b, 0, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (q->glyphs->len, ==, 8); /* "Page text" without the space */
  assert_same_array (p->glyphs, q->glyphs);
}

/* bdx_reader_open lets poppler read the file by name (as a URI):
 * a name with characters URIs escape reads as the same bytes do. */
static void
test_open_path (void)
{
  const char *cases = cases_or_skip ();
  if (cases == NULL)
    return;
  g_autofree char *src = sample_path (cases, "kizilsu-2026-budget-lo.pdf");
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bdx-read-XXXXXX", &error);
  g_assert_no_error (error);
  g_autofree char *path = g_build_filename (dir, "预算 #1%20.pdf", NULL);
  g_autofree char *data = NULL;
  gsize len;
  g_assert_true (g_file_get_contents (src, &data, &len, &error));
  g_assert_true (g_file_set_contents (path, data, (gssize) len, &error));
  g_autoptr (GBytes) bytes = g_bytes_new (data, len);

  g_autoptr (BdxReader) a = bdx_reader_open (path, NULL, &error);
  g_assert_no_error (error);
  g_autoptr (BdxReader) b = bdx_reader_open_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bdx_reader_n_pages (a), ==, bdx_reader_n_pages (b));
  for (int i = 0; i < 3; i++)
    {
      g_autoptr (BdxPage) p = bdx_reader_read_page (a, i, TRUE, &error);
      g_assert_no_error (error);
      g_autoptr (BdxPage) q = bdx_reader_read_page (b, i, TRUE, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (p->glyphs->len, >, 0);
      assert_same_array (p->glyphs, q->glyphs);
      assert_same_array (p->hrules, q->hrules);
    }
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/read/render-notext", test_render_notext);
  g_test_add_func ("/read/render-notext-fonts", test_render_notext_fonts);
  g_test_add_func ("/read/text-after-rules", test_text_after_rules);
  g_test_add_func ("/read/lean", test_lean);
  g_test_add_func ("/read/page-is-blank", test_page_is_blank);
  g_test_add_func ("/read/render-first", test_render_first);
  g_test_add_func ("/read/render-first-annotations", test_render_first_annotations);
  g_test_add_func ("/read/open-path", test_open_path);
  return g_test_run ();
}
