/* bdx-scan — makes "scanned" copies of a PDF for the OCR tests: its pages
 * rendered at a resolution, optionally skewed, noised and JPEG-compressed,
 * and written as an image-only PDF, a (multi-page) TIFF or PNGs.
 *
 *   bdx-scan [OPTIONS] IN.pdf OUT.{pdf,tiff,png}
 *
 *   --dpi N        resolution (default 300)
 *   --pages A-B,C  pages to take, 1-based (default: all)
 *   --text A,B     in a PDF output, copy these pages as they are (vector,
 *                  with their text layer) instead of scanning them: a PDF
 *                  mixing text pages and scanned pages
 *   --skew DEG     rotate the page content by DEG degrees (a crooked scan)
 *   --rotate Q     turn the page by Q × 90° clockwise (a sideways scan)
 *   --noise SIGMA  add Gaussian grey noise of this deviation, plus specks
 *   --jpeg Q       JPEG-compress each page at quality Q (artefacts)
 *   --seed N       seed of the noise (default 1): outputs are reproducible
 *
 * PNG output writes one file per page: OUT with "-N" before ".png" when
 * there are several pages.  Everything here is deterministic for a given
 * input and options.
 */
#include <cairo-pdf.h>
#include <cairo.h>
#include <leptonica/allheaders.h>
#include <math.h>
#include <poppler.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_t, cairo_destroy)
static void
pix_unref (PIX *p)
{
  pixDestroy (&p);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PIX, pix_unref)

typedef struct {
  int dpi;
  double skew;
  int rotate;
  double noise;
  int jpeg;
  int seed;
  char *pages;
  char *text;
} ScanOptions;

static gboolean
in_list (const char *list, int page)
{
  if (list == NULL)
    return FALSE;
  g_auto (GStrv) parts = g_strsplit (list, ",", -1);
  for (int i = 0; parts[i]; i++)
    {
      int a, b;
      if (sscanf (parts[i], "%d-%d", &a, &b) == 2)
        {
          if (page >= a && page <= b)
            return TRUE;
        }
      else if (atoi (parts[i]) == page)
        return TRUE;
    }
  return FALSE;
}

/* The page rendered at dpi as an 8 bpp grey PIX. */
static PIX *
render (PopplerPage *pp, int dpi)
{
  double w, h;
  poppler_page_get_size (pp, &w, &h);
  double s = dpi / 72.0;
  int W = (int) ceil (w * s), H = (int) ceil (h * s);
  g_autoptr (cairo_surface_t) surf
      = cairo_image_surface_create (CAIRO_FORMAT_RGB24, W, H);
  g_autoptr (cairo_t) cr = cairo_create (surf);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, s, s);
  poppler_page_render_for_printing (pp, cr);
  cairo_surface_flush (surf);

  PIX *pix = pixCreate (W, H, 8);
  pixSetResolution (pix, dpi, dpi);
  const guint8 *data = cairo_image_surface_get_data (surf);
  int stride = cairo_image_surface_get_stride (surf);
  l_uint32 *pd = pixGetData (pix);
  int wpl = pixGetWpl (pix);
  for (int y = 0; y < H; y++)
    {
      const guint32 *row = (const guint32 *) (data + (gsize) y * stride);
      l_uint32 *line = pd + (gsize) y * wpl;
      for (int x = 0; x < W; x++)
        {
          guint32 p = row[x];
          int v = (int) ((((p >> 16) & 0xff) * 77 + ((p >> 8) & 0xff) * 150
                          + (p & 0xff) * 29) >> 8);
          SET_DATA_BYTE (line, x, v);
        }
    }
  return pix;
}

/* A scanner's noise: Gaussian grey noise on every pixel and a few dark
 * specks, from a seeded generator. */
static void
add_noise (PIX *pix, double sigma, GRand *rand)
{
  int W = pixGetWidth (pix), H = pixGetHeight (pix), wpl = pixGetWpl (pix);
  l_uint32 *pd = pixGetData (pix);
  for (int y = 0; y < H; y++)
    {
      l_uint32 *line = pd + (gsize) y * wpl;
      for (int x = 0; x < W; x++)
        {
          /* Box-Muller, one value per pixel. */
          double u1 = g_rand_double_range (rand, 1e-12, 1.0);
          double u2 = g_rand_double (rand);
          double n = sqrt (-2 * log (u1)) * cos (2 * G_PI * u2) * sigma;
          int v = (int) GET_DATA_BYTE (line, x) + (int) lround (n);
          SET_DATA_BYTE (line, x, CLAMP (v, 0, 255));
        }
    }
  int specks = (int) ((double) W * H / 20000);
  for (int i = 0; i < specks; i++)
    {
      int x = g_rand_int_range (rand, 0, W - 2), y = g_rand_int_range (rand, 0, H - 2);
      int v = g_rand_int_range (rand, 40, 160);
      pixSetPixel (pix, x, y, v);
      if (g_rand_boolean (rand))
        pixSetPixel (pix, x + 1, y, v);
    }
}

static PIX *
degrade (PIX *pix, const ScanOptions *o, GRand *rand, l_uint8 **jpeg_out,
         size_t *jpeg_len)
{
  PIX *cur = pixClone (pix);
  if (o->skew != 0)
    {
      PIX *r = pixRotate (cur, (l_float32) (o->skew * G_PI / 180), L_ROTATE_AREA_MAP,
                          L_BRING_IN_WHITE, 0, 0);
      pixDestroy (&cur);
      cur = r;
    }
  if (o->rotate % 4 != 0)
    {
      PIX *r = pixRotateOrth (cur, o->rotate % 4);
      pixDestroy (&cur);
      cur = r;
    }
  if (o->noise > 0)
    {
      PIX *c = pixCopy (NULL, cur);
      pixDestroy (&cur);
      cur = c;
      add_noise (cur, o->noise, rand);
    }
  pixSetResolution (cur, o->dpi, o->dpi);
  *jpeg_out = NULL;
  if (o->jpeg > 0)
    {
      l_uint8 *data = NULL;
      size_t len = 0;
      if (pixWriteMemJpeg (&data, &len, cur, o->jpeg, 0) == 0)
        {
          PIX *back = pixReadMem (data, len);
          if (back != NULL)
            {
              pixDestroy (&cur);
              cur = back;
              pixSetResolution (cur, o->dpi, o->dpi);
            }
          *jpeg_out = data;
          *jpeg_len = len;
        }
    }
  return cur;
}

/* One image page of the output PDF: the picture scaled to its size in
 * points (the JPEG bytes embedded as they are when there are some). */
static void
pdf_image_page (cairo_t *cr, cairo_surface_t *pdf, PIX *pix, int dpi,
                l_uint8 *jpeg, size_t jpeg_len)
{
  int W = pixGetWidth (pix), H = pixGetHeight (pix);
  double wpt = W * 72.0 / dpi, hpt = H * 72.0 / dpi;
  cairo_pdf_surface_set_size (pdf, wpt, hpt);
  g_autoptr (cairo_surface_t) img
      = cairo_image_surface_create (CAIRO_FORMAT_RGB24, W, H);
  guint8 *data = cairo_image_surface_get_data (img);
  int stride = cairo_image_surface_get_stride (img);
  const l_uint32 *pd = pixGetData (pix);
  int wpl = pixGetWpl (pix);
  for (int y = 0; y < H; y++)
    {
      guint32 *row = (guint32 *) (data + (gsize) y * stride);
      const l_uint32 *line = pd + (gsize) y * wpl;
      for (int x = 0; x < W; x++)
        {
          guint32 v = GET_DATA_BYTE (line, x);
          row[x] = (v << 16) | (v << 8) | v;
        }
    }
  cairo_surface_mark_dirty (img);
  if (jpeg != NULL)
    {
      guint8 *copy = g_memdup2 (jpeg, jpeg_len);
      cairo_surface_set_mime_data (img, CAIRO_MIME_TYPE_JPEG, copy, jpeg_len,
                                   g_free, copy);
    }
  cairo_save (cr);
  cairo_scale (cr, 72.0 / dpi, 72.0 / dpi);
  cairo_set_source_surface (cr, img, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
  cairo_show_page (cr);
}

int
main (int argc, char **argv)
{
  ScanOptions o = { .dpi = 300, .seed = 1 };
  GOptionEntry entries[] = {
    { "dpi", 0, 0, G_OPTION_ARG_INT, &o.dpi, "Resolution", "N" },
    { "pages", 0, 0, G_OPTION_ARG_STRING, &o.pages, "Pages to take", "LIST" },
    { "text", 0, 0, G_OPTION_ARG_STRING, &o.text, "Pages copied as text (PDF output)", "LIST" },
    { "skew", 0, 0, G_OPTION_ARG_DOUBLE, &o.skew, "Skew in degrees", "DEG" },
    { "rotate", 0, 0, G_OPTION_ARG_INT, &o.rotate, "Quarter turns clockwise", "Q" },
    { "noise", 0, 0, G_OPTION_ARG_DOUBLE, &o.noise, "Grey noise deviation", "SIGMA" },
    { "jpeg", 0, 0, G_OPTION_ARG_INT, &o.jpeg, "JPEG quality", "Q" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &o.seed, "Noise seed", "N" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) ctx = g_option_context_new ("IN.pdf OUT.{pdf,tiff,png}");
  g_option_context_add_main_entries (ctx, entries, NULL);
  g_autoptr (GError) error = NULL;
  if (!g_option_context_parse (ctx, &argc, &argv, &error) || argc != 3
      || o.dpi < 36 || o.dpi > 1200)
    {
      fprintf (stderr, "bdx-scan: %s\n",
               error ? error->message : "usage: bdx-scan [OPTIONS] IN.pdf OUT");
      return 2;
    }
  setMsgSeverity (L_SEVERITY_ERROR);
  const char *in = argv[1], *out = argv[2];
  g_autofree char *uri = g_filename_to_uri (in, NULL, &error);
  if (uri == NULL && g_path_is_absolute (in) == FALSE)
    {
      g_autofree char *abs = g_canonicalize_filename (in, NULL);
      g_clear_error (&error);
      uri = g_filename_to_uri (abs, NULL, &error);
    }
  g_autoptr (PopplerDocument) doc
      = uri ? poppler_document_new_from_file (uri, NULL, &error) : NULL;
  if (doc == NULL)
    {
      fprintf (stderr, "bdx-scan: cannot open '%s': %s\n", in, error->message);
      return 1;
    }

  enum { OUT_PDF, OUT_TIFF, OUT_PNG } kind;
  if (g_str_has_suffix (out, ".pdf"))
    kind = OUT_PDF;
  else if (g_str_has_suffix (out, ".tif") || g_str_has_suffix (out, ".tiff"))
    kind = OUT_TIFF;
  else if (g_str_has_suffix (out, ".png"))
    kind = OUT_PNG;
  else
    {
      fprintf (stderr, "bdx-scan: '%s': output must end in .pdf, .tiff or .png\n", out);
      return 2;
    }

  int n = poppler_document_get_n_pages (doc);
  g_autoptr (GArray) take = g_array_new (FALSE, FALSE, sizeof (int));
  for (int i = 1; i <= n; i++)
    if (o.pages == NULL || in_list (o.pages, i))
      g_array_append_val (take, i);
  if (take->len == 0)
    {
      fprintf (stderr, "bdx-scan: no page selected\n");
      return 2;
    }

  g_autoptr (GRand) rand = g_rand_new_with_seed ((guint32) o.seed);
  g_autoptr (cairo_surface_t) pdf = NULL;
  g_autoptr (cairo_t) cr = NULL;
  if (kind == OUT_PDF)
    {
      pdf = cairo_pdf_surface_create (out, 595, 842);
      cr = cairo_create (pdf);
    }
  else if (kind == OUT_TIFF)
    remove (out); /* pixWriteTiff appends */

  for (guint k = 0; k < take->len; k++)
    {
      int num = g_array_index (take, int, k);
      g_autoptr (PopplerPage) pp = poppler_document_get_page (doc, num - 1);
      if (kind == OUT_PDF && in_list (o.text, num))
        {
          double w, h;
          poppler_page_get_size (pp, &w, &h);
          cairo_pdf_surface_set_size (pdf, w, h);
          cairo_save (cr);
          poppler_page_render_for_printing (pp, cr);
          cairo_restore (cr);
          cairo_show_page (cr);
          continue;
        }
      g_autoptr (PIX) page = render (pp, o.dpi);
      l_uint8 *jpeg = NULL;
      size_t jpeg_len = 0;
      g_autoptr (PIX) scan = degrade (page, &o, rand, &jpeg, &jpeg_len);
      int ok = 0;
      switch (kind)
        {
        case OUT_PDF:
          pdf_image_page (cr, pdf, scan, o.dpi, jpeg, jpeg_len);
          break;
        case OUT_TIFF:
          ok = pixWriteTiff (out, scan, IFF_TIFF_ZIP, k == 0 ? "w" : "a");
          break;
        case OUT_PNG:
          {
            g_autofree char *name = NULL;
            if (take->len == 1)
              name = g_strdup (out);
            else
              {
                g_autofree char *stem = g_strndup (out, strlen (out) - 4);
                name = g_strdup_printf ("%s-%d.png", stem, num);
              }
            ok = pixWrite (name, scan, IFF_PNG);
          }
          break;
        }
      lept_free (jpeg);
      if (ok != 0)
        {
          fprintf (stderr, "bdx-scan: cannot write '%s'\n", out);
          return 1;
        }
    }
  if (pdf != NULL)
    {
      cairo_surface_finish (pdf);
      if (cairo_surface_status (pdf) != CAIRO_STATUS_SUCCESS)
        {
          fprintf (stderr, "bdx-scan: cannot write '%s': %s\n", out,
                   cairo_status_to_string (cairo_surface_status (pdf)));
          return 1;
        }
    }
  g_free (o.pages);
  g_free (o.text);
  return 0;
}
