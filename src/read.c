/* bdx — read stage: poppler-glib text layer and ruling lines.
 *
 * The algorithm
 * 1. Open: check the "%PDF-" signature and the final %%EOF ourselves
 *    (poppler's message for a non-PDF is vague, and it silently repairs a
 *    truncated file), then let poppler parse.  Map poppler's error codes
 *    to ours; an encrypted file without the right password is ENCRYPTED.
 * 2. Glyphs: poppler_page_get_text() and poppler_page_get_text_layout()
 *    are parallel: the n-th character has the n-th rectangle (newlines
 *    included, with empty boxes).  Pair them once, here.  Whitespace is
 *    dropped (layout measures gaps itself); each character is NFKC-folded
 *    and CJK radicals are mapped to the ideographs they stand for.  A
 *    character whose NFKC form is several characters ("㈠" → "(一)")
 *    splits its box evenly.
 * 3. Rules: poppler-glib exposes no vector paths, so render the page
 *    (default 1.5 px/pt) without its text (render-notext.h) into masks
 *    of its ink: straight from its drawing operations where they are
 *    axis-aligned lines and boxes, as on nearly every table page
 *    (render-ink.h), else through a raster (RGB16_565).  Take every glyph
 *    box out, and what stays dark and thin and long is a ruling line:
 *
 *        +-------+--------+        rows of dark pixels ≥ MIN_RULE_PT long
 *        | 总计  | 417.37 |   →    whose neighbours 1.5 pt above and below
 *        +-------+--------+        are light (a fill is not a line)
 *
 *    Runs on neighbouring pixel rows merge into one rule; columns the same.
 * 4. Triage (bdx_page_triage): while pairing, count the characters as
 *    poppler gives them, before folding: ideographs, radicals, and
 *    suspects — what a font without a usable ToUnicode map yields (U+FFFD,
 *    private use, controls, unassigned code points, or its glyph ids
 *    taken for code points, which scatter over Arabic, Indic, Hangul and
 *    CJK extension A, scripts a Chinese disclosure never prints).  A page
 *    with little text is looked at for pictures covering it: a scan.
 *    The thresholds are in read.h.
 */
#include "bdx/read.h"

#include <cairo.h>
#include <gio/gio.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "bdx/error.h"
#include "bdx/text.h"
#include "ocr-libs.h"
#include "poppler-lean.h"
#include "render-ink.h"
#include "render-notext.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_t, cairo_destroy)
/* poppler-glib 22 declares no autoptr for its GObjects. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

#define MIN_RULE_PT 6.0   /* shortest segment taken for a rule */
#define DARK_LEVEL 200    /* grey below this is ink */
#define GLYPH_GROW_PT 0.5 /* glyph boxes are erased grown by this */
#define MAX_RENDER_PIXELS (40u * 1000u * 1000u)
#define MAX_OCR_PIXELS (60u * 1000u * 1000u)
/* Triage thresholds, documented at bdx_page_triage() in read.h. */
#define SUSPECT_SHARE 0.10
#define RADICAL_SHARE 0.20
#define SCAN_MAX_CHARS 40
#define SCAN_COVER 0.5

struct _BdxReader {
  PopplerDocument *doc;
  GBytes *bytes; /* the PDF when opened from memory, else NULL */
  char *uri;     /* the PDF when opened from a file, else NULL */
  /* doc renders without text only: its font cache holds blank stand-ins
   * (render-notext.c).  Renders that draw text (OCR, the blank-page
   * test) use this second copy, opened when first needed. */
  PopplerDocument *text_doc;
  BdxReadOptions opts;
  char *password;
  /* The page last read, kept for bdx_reader_find_rules(): poppler builds
   * a page's text layer while rendering it unless it has one already, so
   * text and render come from one pass over the page's content when the
   * same PopplerPage is rendered first (bdx_reader_read_page). */
  PopplerPage *last_page;
  int last_index;
  /* The page whose render for rules is in the ink masks (-1: none),
   * and the last page rules were looked for on. */
  int rendered_index;
  int ruled_index;
  /* Buffers for finding rules, kept from page to page: pages of one
   * document mostly share their size, and fresh buffers of several
   * megabytes cost page faults each time. */
  cairo_surface_t *surf;
  guint8 *pixels;
  gsize pixels_size;
  guint64 *ink, *inkt;
  guint64 *erased, *erasedt; /* the glyph boxes erased, as the masks */
  gsize ink_size;            /* of each of the four */
};

static int
cmp_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

BdxPage *
bdx_page_new (int number, double width, double height)
{
  BdxPage *p = g_new0 (BdxPage, 1);
  p->number = number;
  p->width = width;
  p->height = height;
  p->glyphs = g_array_new (FALSE, FALSE, sizeof (BdxGlyph));
  p->hrules = g_array_new (FALSE, FALSE, sizeof (BdxRule));
  p->vrules = g_array_new (FALSE, FALSE, sizeof (BdxRule));
  return p;
}

void
bdx_page_free (BdxPage *p)
{
  if (p == NULL)
    return;
  g_array_unref (p->glyphs);
  g_array_unref (p->hrules);
  g_array_unref (p->vrules);
  g_free (p);
}

static gboolean
looks_like_pdf (GBytes *bytes)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  /* The signature may follow some junk; readers accept it in the first KiB. */
  gsize lim = MIN (len, 1024);
  for (gsize i = 0; i + 5 <= lim; i++)
    if (memcmp (data + i, "%PDF-", 5) == 0)
      return TRUE;
  return FALSE;
}

/* A complete PDF ends with %%EOF (writers may add a little junk after
 * it).  poppler reconstructs a truncated file and silently yields fewer
 * or broken pages: for data we would rather refuse it. */
static gboolean
has_eof_marker (GBytes *bytes)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  gsize from = len > 1024 ? len - 1024 : 0;
  for (gsize i = from; i + 5 <= len; i++)
    if (memcmp (data + i, "%%EOF", 5) == 0)
      return TRUE;
  return FALSE;
}

/* Whether bytes look like a whole PDF; FALSE with BDX_ERROR_FORMAT
 * set otherwise. */
static gboolean
check_pdf (GBytes *bytes, GError **error)
{
  if (!looks_like_pdf (bytes))
    {
      g_set_error (error, BDX_ERROR, BDX_ERROR_FORMAT, "not a PDF file");
      return FALSE;
    }
  if (!has_eof_marker (bytes))
    {
      g_set_error (error, BDX_ERROR, BDX_ERROR_FORMAT,
                   "truncated PDF (no end-of-file marker)");
      return FALSE;
    }
  return TRUE;
}

static BdxReadOptions
options_or_defaults (const BdxReadOptions *opts)
{
  BdxReadOptions o = opts ? *opts : (BdxReadOptions){ 0 };
  if (o.max_glyphs == 0)
    o.max_glyphs = BDX_DEFAULT_MAX_GLYPHS;
  if (o.max_pages == 0)
    o.max_pages = BDX_DEFAULT_MAX_PAGES;
  if (o.rules_scale <= 0)
    o.rules_scale = 1.5;
  return o;
}

/* A reader over doc (taken), or NULL with the error set for what poppler
 * reported (perr) when doc is NULL, or for a document without pages or
 * with too many. */
static BdxReader *
reader_new (PopplerDocument *doc, GError *perr, const BdxReadOptions *o,
            GError **error)
{
  if (doc == NULL)
    {
      if (g_error_matches (perr, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error (error, BDX_ERROR, BDX_ERROR_ENCRYPTED,
                     o->password ? "wrong password for encrypted PDF"
                                 : "encrypted PDF (give --password)");
      else
        g_set_error (error, BDX_ERROR, BDX_ERROR_FORMAT,
                     "damaged PDF: %s", perr ? perr->message : "unknown");
      return NULL;
    }

  int n = poppler_document_get_n_pages (doc);
  if (n <= 0)
    {
      g_object_unref (doc);
      g_set_error (error, BDX_ERROR, BDX_ERROR_FORMAT, "PDF has no pages");
      return NULL;
    }
  if ((guint) n > o->max_pages)
    {
      g_object_unref (doc);
      g_set_error (error, BDX_ERROR, BDX_ERROR_LIMIT,
                   "PDF has %d pages, more than the limit of %u", n,
                   o->max_pages);
      return NULL;
    }

  BdxReader *r = g_new0 (BdxReader, 1);
  r->doc = doc;
  r->password = g_strdup (o->password);
  r->opts = *o;
  r->opts.password = r->password;
  r->last_index = -1;
  r->rendered_index = -1;
  r->ruled_index = -1;
  return r;
}

static PopplerDocument *
document_from_bytes (GBytes *bytes, const char *password, GError **error)
{
  if (password == NULL)
    return poppler_document_new_from_bytes (bytes, NULL, error);
  /* poppler-glib 22.12's new_from_bytes() crashes on a wrong password
   * (a NULL read in PDFDoc's constructor); the stream entry point
   * reports it cleanly. */
  g_autoptr (GInputStream) in = g_memory_input_stream_new_from_bytes (bytes);
  return poppler_document_new_from_stream (in, (goffset) g_bytes_get_size (bytes),
                                           password, NULL, error);
}

BdxReader *
bdx_reader_open_bytes (GBytes *bytes, const BdxReadOptions *opts,
                       GError **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);

  if (!check_pdf (bytes, error))
    return NULL;
  BdxReadOptions o = options_or_defaults (opts);
  g_autoptr (GError) perr = NULL;
  PopplerDocument *doc = document_from_bytes (bytes, o.password, &perr);
  BdxReader *r = reader_new (doc, perr, &o, error);
  if (r != NULL)
    r->bytes = g_bytes_ref (bytes);
  return r;
}

/* poppler reads the file itself, a little at a time, as pdftotext does,
 * rather than from a mapping of it: what poppler has read of a mapping
 * stays resident (for the bundled sample 1.1 MB of the peak), the page
 * cache behind a file does not count.  Only the checks look at the
 * mapping, at its first and last KiB. */
BdxReader *
bdx_reader_open (const char *path, const BdxReadOptions *opts, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  g_autoptr (GError) ferr = NULL;
  g_autoptr (GMappedFile) map = g_mapped_file_new (path, FALSE, &ferr);
  if (map == NULL)
    {
      g_set_error (error, BDX_ERROR, BDX_ERROR_IO, "%s", ferr->message);
      return NULL;
    }
  g_autoptr (GBytes) bytes = g_mapped_file_get_bytes (map);
  if (!check_pdf (bytes, error))
    return NULL;
  g_autofree char *abs = g_canonicalize_filename (path, NULL);
  g_autofree char *uri = g_filename_to_uri (abs, NULL, &ferr);
  if (uri == NULL)
    {
      g_set_error (error, BDX_ERROR, BDX_ERROR_IO, "%s", ferr->message);
      return NULL;
    }
  BdxReadOptions o = options_or_defaults (opts);
  g_autoptr (GError) perr = NULL;
  PopplerDocument *doc = poppler_document_new_from_file (uri, o.password, &perr);
  BdxReader *r = reader_new (doc, perr, &o, error);
  if (r != NULL)
    r->uri = g_steal_pointer (&uri);
  return r;
}

void
bdx_reader_free (BdxReader *r)
{
  if (r == NULL)
    return;
  g_clear_object (&r->last_page);
  g_clear_pointer (&r->surf, cairo_surface_destroy);
  g_free (r->pixels);
  g_free (r->ink);
  g_free (r->inkt);
  g_free (r->erased);
  g_free (r->erasedt);
  g_clear_object (&r->doc);
  g_clear_object (&r->text_doc);
  g_clear_pointer (&r->bytes, g_bytes_unref);
  g_free (r->uri);
  g_free (r->password);
  g_free (r);
}

int
bdx_reader_n_pages (const BdxReader *r)
{
  return poppler_document_get_n_pages (r->doc);
}

/* ---- triage --------------------------------------------------------- */

/* Characters a Chinese disclosure prints, by block: Latin and its
 * punctuation, general punctuation, letterlike symbols, number forms,
 * arrows, mathematical operators, technical symbols, enclosed
 * alphanumerics, box drawing, shapes, miscellaneous symbols, CJK
 * punctuation, enclosed CJK and compatibility, unified ideographs,
 * compatibility ideographs and forms, half- and full-width forms; Greek
 * and Cyrillic (a "α" or "№" happen).  Radicals are counted apart. */
static gboolean
expected_char (gunichar c)
{
  return (c >= 0x20 && c < 0x7F) || (c >= 0xA0 && c <= 0xFF)
         || (c >= 0x370 && c <= 0x4FF) || (c >= 0x2000 && c <= 0x27BF)
         || (c >= 0x3000 && c <= 0x303F) || (c >= 0x3200 && c <= 0x33FF)
         || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF)
         || (c >= 0xFE30 && c <= 0xFE6F) || (c >= 0xFF00 && c <= 0xFFEF);
}

static gboolean
is_radical (gunichar c)
{
  return c >= 0x2E80 && c <= 0x2FDF;
}

static void
count_char (BdxTextStats *st, gunichar c)
{
  if (c == (gunichar) -1 || c == (gunichar) -2)
    {
      st->chars++;
      st->suspect++;
      return;
    }
  if (g_unichar_isspace (c) || c == 0xFEFF || c == 0x200B)
    return;
  st->chars++;
  if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF))
    st->han++;
  else if (is_radical (c))
    st->radicals++;
  else if (c >= 0x20000 && c <= 0x3FFFF)
    ; /* rare ideographs: neither way */
  else if (c == 0xFFFD || c < 0x20 || (c >= 0x7F && c < 0xA0)
           || g_unichar_type (c) == G_UNICODE_UNASSIGNED
           || g_unichar_type (c) == G_UNICODE_PRIVATE_USE
           || !expected_char (c))
    st->suspect++;
}

BdxPageTextState
bdx_page_triage (const BdxTextStats *st)
{
  g_return_val_if_fail (st != NULL, BDX_PAGE_NO_TEXT);
  if (st->chars == 0)
    return BDX_PAGE_NO_TEXT;
  if (st->chars >= 10 ? st->suspect >= SUSPECT_SHARE * st->chars
                      : 2 * st->suspect >= st->chars)
    return BDX_PAGE_GARBLED;
  if (st->radicals >= 5
      && st->radicals >= RADICAL_SHARE * (st->han + st->radicals))
    return BDX_PAGE_GARBLED;
  if (st->scanned && st->chars < SCAN_MAX_CHARS)
    return BDX_PAGE_NO_TEXT;
  return BDX_PAGE_TEXT;
}

/* TRUE when pictures cover more than SCAN_COVER of the page. */
static gboolean
looks_scanned (PopplerPage *pp, double w, double h)
{
  GList *images = poppler_page_get_image_mapping (pp);
  double area = 0;
  for (GList *l = images; l; l = l->next)
    {
      const PopplerImageMapping *m = l->data;
      double x0 = CLAMP (MIN (m->area.x1, m->area.x2), 0, w);
      double x1 = CLAMP (MAX (m->area.x1, m->area.x2), 0, w);
      double y0 = CLAMP (MIN (m->area.y1, m->area.y2), 0, h);
      double y1 = CLAMP (MAX (m->area.y1, m->area.y2), 0, h);
      area += (x1 - x0) * (y1 - y0);
    }
  poppler_page_free_image_mapping (images);
  return w > 0 && h > 0 && area > SCAN_COVER * w * h;
}

/* Weight of one character, from poppler's attribute runs.  (Their font
 * size is no help with Type 3 fonts: it is inflated like the boxes.) */
typedef struct {
  gboolean bold;
} FontInfo;

static gboolean
is_bold_font (const char *name)
{
  if (name == NULL)
    return FALSE;
  g_autofree char *low = g_ascii_strdown (name, -1);
  return strstr (low, "bold") || strstr (low, "heavy") || strstr (low, "black")
         || strstr (low, "semibold") || strstr (low, "demi");
}

static void
add_glyph (BdxPage *page, gunichar c, const PopplerRectangle *rect,
           FontInfo font)
{
  if (g_unichar_isspace (c) || c == 0 || c == 0xFEFF || c == 0x200B)
    return;

  double y0 = MIN (rect->y1, rect->y2), y1 = MAX (rect->y1, rect->y2);

  /* NFKC one character; it may become several (rare: ㈠, ㎡ …).  ASCII
   * and the unified ideographs, most of a page, are their own NFKC form. */
  char buf[8];
  int n = g_unichar_to_utf8 (c, buf);
  g_autofree char *nf = NULL;
  if (c < 0x80 || (c >= 0x4E00 && c <= 0x9FFF))
    buf[n] = '\0';
  else if ((nf = g_utf8_normalize (buf, n, G_NORMALIZE_NFKC)) == NULL)
    return;
  const char *norm = nf != NULL ? nf : buf;
  glong count = g_utf8_strlen (norm, -1);
  double w = (rect->x2 - rect->x1) / (count > 0 ? count : 1);
  int i = 0;
  for (const char *s = norm; *s; s = g_utf8_next_char (s), i++)
    {
      gunichar u = bdx_text_fold_radical (g_utf8_get_char (s));
      if (g_unichar_isspace (u))
        continue;
      BdxGlyph g = { 0 };
      g.c = u;
      g.box.x0 = MIN (rect->x1, rect->x2) + i * w;
      g.box.x1 = g.box.x0 + w;
      g.box.y0 = y0;
      g.box.y1 = y1;
      g.confidence = 1.0f;
      g.source = BDX_GLYPH_TEXT_LAYER;
      g.bold = font.bold;
      g_array_append_val (page->glyphs, g);
    }
}

/* Type 3 fonts (Chromium prints CJK fonts so) report glyph boxes from an
 * oversized font bounding box, two or three times the font size, though
 * their centre is right; so does their attribute font size.  The advance
 * of a Han character is one em, which tells the true size.  Glyphs of one
 * text run share their vertical extent exactly: per such run, take the
 * median Han advance (or 1.8 × the median advance of other characters)
 * as the em, and when the boxes are more than 1.4 em tall shrink them to
 * one em around their centre.  Without this, lines merge and the rules
 * under the text are erased with it. */
static void
fix_tall_boxes (GArray *glyphs)
{
  g_autoptr (GHashTable) runs = g_hash_table_new_full (
      g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_array_unref);
  for (guint i = 0; i < glyphs->len; i++)
    {
      const BdxGlyph *g = &g_array_index (glyphs, BdxGlyph, i);
      gint64 *key = g_new (gint64, 1);
      /* Centipoints; unsigned, so a negative coordinate shifts cleanly. */
      *key = (gint64) (((guint64) llround (g->box.y0 * 100) << 32)
                       ^ (guint64) llround (g->box.y1 * 100));
      GArray *idx = g_hash_table_lookup (runs, key);
      if (idx == NULL)
        {
          idx = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (runs, key, idx);
        }
      else
        g_free (key);
      g_array_append_val (idx, i);
    }
  GHashTableIter it;
  gpointer value;
  g_hash_table_iter_init (&it, runs);
  while (g_hash_table_iter_next (&it, NULL, &value))
    {
      GArray *idx = value;
      g_autoptr (GArray) han = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr (GArray) other = g_array_new (FALSE, FALSE, sizeof (double));
      for (guint k = 0; k < idx->len; k++)
        {
          const BdxGlyph *g = &g_array_index (glyphs, BdxGlyph,
                                              g_array_index (idx, guint, k));
          double w = g->box.x1 - g->box.x0;
          g_array_append_val (bdx_unichar_is_han (g->c) ? han : other, w);
        }
      GArray *use = han->len > 0 ? han : other;
      if (use->len == 0)
        continue;
      g_array_sort (use, cmp_double);
      double em = g_array_index (use, double, use->len / 2)
                  * (han->len > 0 ? 1.0 : 1.8);
      const BdxGlyph *g0 = &g_array_index (glyphs, BdxGlyph,
                                           g_array_index (idx, guint, 0));
      if (em < 1.0 || g0->box.y1 - g0->box.y0 <= 1.4 * em)
        continue;
      double mid = (g0->box.y0 + g0->box.y1) / 2;
      for (guint k = 0; k < idx->len; k++)
        {
          BdxGlyph *g = &g_array_index (glyphs, BdxGlyph,
                                        g_array_index (idx, guint, k));
          g->box.y0 = mid - em / 2;
          g->box.y1 = mid + em / 2;
        }
    }
}

/* Office suites fake bold by drawing text twice, a fraction of an em
 * apart.  A glyph with the same character as one already kept, offset by
 * less than a quarter of its size both ways, is that second copy: drop
 * it.  Glyphs are compared with their neighbours in (y, x) order. */
typedef struct {
  guint index;
  double y, x;
} Pos;

static int
cmp_pos (const void *a, const void *b)
{
  const Pos *p = a, *q = b;
  if (p->y != q->y)
    return p->y < q->y ? -1 : 1;
  return (p->x > q->x) - (p->x < q->x);
}

static void
drop_doubled (GArray *glyphs)
{
  guint n = glyphs->len;
  if (n < 2)
    return;
  g_autofree Pos *pos = g_new (Pos, n);
  for (guint i = 0; i < n; i++)
    {
      const BdxGlyph *g = &g_array_index (glyphs, BdxGlyph, i);
      /* Rows of a few points, so near-equal y sort together. */
      pos[i] = (Pos){ i, floor (g->box.y0 / 2.0), g->box.x0 };
    }
  qsort (pos, n, sizeof (Pos), cmp_pos);
  g_autofree gboolean *drop = g_new0 (gboolean, n);
  for (guint a = 0; a < n; a++)
    {
      if (drop[pos[a].index])
        continue;
      const BdxGlyph *g = &g_array_index (glyphs, BdxGlyph, pos[a].index);
      double w = g->box.x1 - g->box.x0, h = g->box.y1 - g->box.y0;
      for (guint b = a + 1; b < n && pos[b].y <= pos[a].y + 1; b++)
        {
          const BdxGlyph *o = &g_array_index (glyphs, BdxGlyph, pos[b].index);
          if (o->box.x0 - g->box.x0 > 0.25 * w && pos[b].y == pos[a].y)
            break;
          if (o->c == g->c && fabs (o->box.x0 - g->box.x0) < 0.25 * w
              && fabs (o->box.y0 - g->box.y0) < 0.25 * h)
            drop[pos[b].index] = TRUE;
        }
    }
  guint k = 0;
  for (guint i = 0; i < n; i++)
    if (!drop[i])
      g_array_index (glyphs, BdxGlyph, k++) = g_array_index (glyphs, BdxGlyph, i);
  g_array_set_size (glyphs, k);
}

static gboolean render_for_rules (BdxReader *r, PopplerPage *pp, int index,
                                  double w, double h, GError **error);

/* Whether the page has annotations.  A render draws them (form fields,
 * free text, stamps) and the text layer it builds takes their text,
 * which the text pass of poppler_page_get_text leaves out: such a page
 * is not rendered before its text is read. */
static gboolean
has_annotations (PopplerPage *pp)
{
  GList *annots = poppler_page_get_annot_mapping (pp);
  gboolean any = annots != NULL;
  poppler_page_free_annot_mapping (annots);
  return any;
}

BdxPage *
bdx_reader_read_page (BdxReader *r, int index, gboolean want_rules,
                      GError **error)
{
  BDX_LEAN_SCOPE ();
  g_return_val_if_fail (r != NULL, NULL);
  g_return_val_if_fail (index >= 0 && index < bdx_reader_n_pages (r), NULL);

  /* The page before, and its text layer, are done with. */
  g_clear_object (&r->last_page);
  r->last_index = -1;
  g_autoptr (PopplerPage) pp = poppler_document_get_page (r->doc, index);
  if (pp == NULL)
    {
      g_set_error (error, BDX_ERROR, BDX_ERROR_FORMAT,
                   "page %d cannot be read", index + 1);
      return NULL;
    }
  double w, h;
  poppler_page_get_size (pp, &w, &h);
  g_autoptr (BdxPage) page = bdx_page_new (index + 1, w, h);

  /* A page rendered before its text is read gets its text layer from
   * that render, as poppler builds one while rendering a page that has
   * none: one pass over the content instead of two.  So render first
   * when rules will be wanted, or likely so: tables follow tables.  (On
   * every page it would cost more than it saves: renda 2018 0.82 G →
   * 1.86 G instructions, where the previous page gives 0.74 G.) */
  gboolean ahead = index > 0 && r->ruled_index == index - 1;
  if ((want_rules || ahead) && !has_annotations (pp))
    {
      /* A render made only ahead of need that fails is no error here:
       * bdx_reader_find_rules tries again and reports it. */
      gboolean ok = render_for_rules (r, pp, index, w, h, want_rules ? error : NULL);
      if (!ok && want_rules)
        return NULL;
    }

  g_autofree char *text = poppler_page_get_text (pp);
  PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  if (text != NULL && *text != '\0'
      && poppler_page_get_text_layout (pp, &rects, &n_rects))
    {
      if (n_rects > r->opts.max_glyphs)
        {
          g_free (rects);
          g_set_error (error, BDX_ERROR, BDX_ERROR_LIMIT,
                       "page %d has %u characters, more than the limit "
                       "of %u",
                       index + 1, n_rects, r->opts.max_glyphs);
          return NULL;
        }
      /* Attribute runs are sorted by character offset. */
      GList *attrs = poppler_page_get_text_attributes (pp);
      GList *at = attrs;
      const char *s = text;
      GList *bold_at = NULL; /* the run whose weight is known */
      gboolean bold = FALSE;
      for (guint i = 0; i < n_rects && *s; i++, s = g_utf8_next_char (s))
        {
          while (at && ((PopplerTextAttributes *) at->data)->end_index < (int) i)
            at = at->next;
          FontInfo font = { 0 };
          if (at && ((PopplerTextAttributes *) at->data)->start_index <= (int) i)
            {
              if (bold_at != at)
                {
                  bold = is_bold_font (((PopplerTextAttributes *) at->data)->font_name);
                  bold_at = at;
                }
              font.bold = bold;
            }
          gunichar c = g_utf8_get_char_validated (s, -1);
          count_char (&page->text_stats, c);
          add_glyph (page, c, &rects[i], font);
        }
      poppler_page_free_text_attributes (attrs);
      g_free (rects);
      fix_tall_boxes (page->glyphs);
      drop_doubled (page->glyphs);
    }

  if (page->text_stats.chars > 0 && page->text_stats.chars < SCAN_MAX_CHARS)
    page->text_stats.scanned = looks_scanned (pp, w, h);
  page->text_state = page->glyphs->len > 0
                         ? bdx_page_triage (&page->text_stats)
                         : BDX_PAGE_NO_TEXT;

  g_clear_object (&r->last_page);
  r->last_page = g_steal_pointer (&pp);
  r->last_index = index;
  if (want_rules && !bdx_reader_find_rules (r, page, error))
    return NULL;
  return g_steal_pointer (&page);
}

/* ---- ruling lines --------------------------------------------------- */

typedef struct {
  int a0, a1; /* extent along the line, pixels */
  int b0, b1; /* extent across, pixels */
} Run;

/* Ink masks hold a bit a pixel, lines padded to whole 64-bit words:
 * an eighth of a byte mask, and white is skipped 64 pixels at a time. */
static inline gboolean
ink_at (const guint64 *line, int i)
{
  return (line[i >> 6] >> (i & 63)) & 1;
}

/* The first ink pixel of a line at or after `from`, or -1.  Padding
 * bits are never set. */
static int
next_ink (const guint64 *line, int from, int words)
{
  int w = from >> 6;
  if (w >= words)
    return -1;
  guint64 m = line[w] & (~G_GUINT64_CONSTANT (0) << (from & 63));
  while (m == 0)
    {
      if (++w >= words)
        return -1;
      m = line[w];
    }
  return (w << 6) + __builtin_ctzll (m);
}

/* The last pixel of the run of ink that starts at `start`: the one
 * before the first pair of light pixels (past the line's end is light). */
static int
run_end (const guint64 *line, int start, int words)
{
  for (int w = start >> 6; w < words; w++)
    {
      guint64 light = ~line[w];
      guint64 next = w + 1 < words ? ~line[w + 1] : ~G_GUINT64_CONSTANT (0);
      guint64 pair = light & ((light >> 1) | (next << 63));
      if (w == start >> 6)
        pair &= ~G_GUINT64_CONSTANT (0) << (start & 63);
      if (pair != 0)
        return (w << 6) + __builtin_ctzll (pair) - 1;
    }
  return words * 64 - 1;
}

/* Word w of a line with its single light pixels between ink filled in:
 * a run as run_end counts it is a run of set bits here. */
static inline guint64
closed_word (const guint64 *line, int w, int words)
{
  guint64 m = line[w];
  guint64 left = (m << 1) | (w > 0 ? line[w - 1] >> 63 : 0);          /* m[p-1] */
  guint64 right = (m >> 1) | (w + 1 < words ? line[w + 1] << 63 : 0); /* m[p+1] */
  return m | (left & right);
}

/* Whether a line has a run (as run_end counts it) of n pixels or more.
 * Most lines have none, only the crossings of rules that run the other
 * way, and they are passed over a word at a time instead of a run at a
 * time (a table's columns cross every row rule). */
static gboolean
has_run (const guint64 *line, int words, int n)
{
  if (n > 64)
    return TRUE; /* not worth testing: the scan decides */
  for (int w = 0; w < words; w++)
    {
      if (line[w] == 0)
        continue; /* then no run starts in it */
      guint64 c = closed_word (line, w, words);
      guint64 next = w + 1 < words && line[w + 1] != 0
                         ? closed_word (line, w + 1, words)
                         : 0;
      /* Bit p of x: the n pixels from p on are all in a run. */
      guint64 x = c;
      for (int k = 1; k < n && x != 0; k++)
        x &= (c >> k) | (next << (64 - k));
      if (x != 0)
        return TRUE;
    }
  return FALSE;
}

/* Scans an ink mask, `outer` lines of `inner` pixels each, for thin
 * runs along the lines; runs on neighbouring lines that overlap merge.
 * A run goes on through erased pixels (text painted over it) when the
 * ink resumes after them.  Columns are scanned as the rows of the
 * transposed masks. */
static void
scan_runs (const guint64 *ink, const guint64 *erased, int inner, int outer,
           int min_len, int bridge_min, int thick_probe, GArray *out)
{
  g_autoptr (GArray) open = g_array_new (FALSE, FALSE, sizeof (Run));
  int words = (inner + 63) / 64;

  for (int o = 0; o < outer; o++)
    {
      const guint64 *line = ink + (gsize) o * words;
      const guint64 *blank = erased + (gsize) o * words;
      const guint64 *above = o >= thick_probe ? line - (gsize) thick_probe * words : NULL;
      const guint64 *below = o + thick_probe < outer ? line + (gsize) thick_probe * words : NULL;
      /* A run is kept only if at least min_len long, or bridged from
       * pieces of at least bridge_min: a line without a run as long as
       * the shorter of the two has none to give. */
      int i = has_run (line, words, MIN (min_len, bridge_min)) ? 0 : inner;
      while (i < inner)
        {
          i = next_ink (line, i, words);
          if (i < 0)
            break;
          /* A run bridges one-pixel gaps: it ends before two light
           * pixels in a row. */
          int start = i, end = run_end (line, i, words);
          /* Bridge erased text: both pieces long enough to be a rule's,
           * not a stroke sticking out of a glyph box or a rule met
           * across. */
          while (end - start + 1 >= bridge_min)
            {
              int j = end + 1, white = 0;
              gboolean crossed = FALSE;
              while (j < inner && !ink_at (line, j)
                     && (ink_at (blank, j) || ++white <= 1))
                crossed |= ink_at (blank, j++);
              if (!crossed || j >= inner || !ink_at (line, j))
                break;
              int next = run_end (line, j, words);
              if (next - j + 1 < bridge_min)
                break;
              end = next;
            }
          i = MIN (end + 2, inner);
          if (end - start + 1 < min_len)
            continue;
          /* Thin: probes on both sides mostly light (a fill is no line). */
          int lit = 0, probes = 0;
          for (int k = start; k <= end; k += 2)
            {
              probes++;
              if (!(above && ink_at (above, k) && below && ink_at (below, k)))
                lit++;
            }
          if (lit * 10 < probes * 8)
            continue;
          gboolean merged = FALSE;
          for (guint k = 0; k < open->len; k++)
            {
              Run *run = &g_array_index (open, Run, k);
              if (run->b1 >= o - 1 && run->a0 <= end && run->a1 >= start)
                {
                  run->a0 = MIN (run->a0, start);
                  run->a1 = MAX (run->a1, end);
                  run->b1 = o;
                  merged = TRUE;
                  break;
                }
            }
          if (!merged)
            {
              Run nr = { start, end, o, o };
              g_array_append_val (open, nr);
            }
        }
      /* Close runs that did not continue onto this line. */
      for (guint k = 0; k < open->len;)
        {
          Run *run = &g_array_index (open, Run, k);
          if (run->b1 < o - 1 || o == outer - 1)
            {
              g_array_append_val (out, *run);
              g_array_remove_index_fast (open, k);
            }
          else
            k++;
        }
    }
}

/* r->surf, W × H pixels, over r->pixels: the buffer grows as needed
 * and serves pages of other shapes (portrait and landscape) without
 * being allocated, cleared and faulted in again.
 *
 * RGB16_565 rather than RGB24 halves the largest buffer of a run (4.5 MB
 * for an A4 page at 1.5 px/pt, 9 MB for A3).  It loses nothing for the
 * ink test: pixman stores a channel truncated to its top 5 or 6 bits,
 * and an 8-bit channel is below DARK_LEVEL (200 = 25 × 8 = 50 × 4)
 * exactly when its 5-bit value is below 25 or its 6-bit value below 50.
 * (Only a blend onto an already stored pixel can round differently,
 * by less than one step.) */
static gboolean
render_surface (BdxReader *r, int W, int H, GError **error)
{
  if (r->surf != NULL && cairo_image_surface_get_width (r->surf) == W
      && cairo_image_surface_get_height (r->surf) == H)
    return TRUE;
  g_clear_pointer (&r->surf, cairo_surface_destroy);
  int stride = cairo_format_stride_for_width (CAIRO_FORMAT_RGB16_565, W);
  gsize size = (gsize) stride * H;
  if (size > r->pixels_size)
    {
      g_free (r->pixels);
      r->pixels = g_malloc (size);
      r->pixels_size = size;
    }
  r->surf = cairo_image_surface_create_for_data (r->pixels, CAIRO_FORMAT_RGB16_565,
                                                 W, H, stride);
  if (cairo_surface_status (r->surf) == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, BDX_ERROR, BDX_ERROR_LIBRARY, "cannot render: %s",
               cairo_status_to_string (cairo_surface_status (r->surf)));
  g_clear_pointer (&r->surf, cairo_surface_destroy);
  return FALSE;
}

/* Renders pp into r's surface (render_surface) at s pixels a point, on
 * white; with `text` false the glyphs are left out (render-notext.h).
 * With text, pp must be a page of r->text_doc. */
static void
paint_page (BdxReader *r, PopplerPage *pp, double s, gboolean text)
{
  g_autoptr (cairo_t) cr = cairo_create (r->surf);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, s, s);
  if (text)
    poppler_page_render (pp, cr);
  else
    bdx__render_notext (pp, cr);
  cairo_surface_flush (r->surf);
}

/* Whether 32 pixels from p are all white, in vector registers where
 * the compiler has them (a GNU extension, as g_autoptr is). */
typedef guint32 Px4 __attribute__ ((vector_size (16)));
typedef guint16 Px8 __attribute__ ((vector_size (16)));

static inline gboolean
white32 (const guint8 *p)
{
  Px4 v[4];
  memcpy (v, p, sizeof v);
  Px4 acc = v[0] & v[1] & v[2] & v[3];
  guint64 h[2];
  memcpy (h, &acc, sizeof h);
  return (h[0] & h[1]) == ~G_GUINT64_CONSTANT (0);
}

/* The ink test divides DARK_LEVEL into 5- and 6-bit steps. */
G_STATIC_ASSERT (DARK_LEVEL % 8 == 0);

/* r->ink and r->inkt for a W × H page, cleared. */
static void
clear_masks (BdxReader *r, int W, int H)
{
  int wpl = (W + 63) / 64, wplt = (H + 63) / 64;
  gsize size = MAX ((gsize) wpl * H, (gsize) wplt * W) * sizeof (guint64);
  if (size > r->ink_size)
    {
      g_free (r->ink);
      g_free (r->inkt);
      g_free (r->erased);
      g_free (r->erasedt);
      r->ink = g_malloc (size);
      r->inkt = g_malloc (size);
      r->erased = g_malloc (size);
      r->erasedt = g_malloc (size);
      r->ink_size = size;
    }
  memset (r->ink, 0, (gsize) wpl * H * sizeof (guint64));
  memset (r->inkt, 0, (gsize) wplt * W * sizeof (guint64));
}

/* Ink masks of the rendered page: r->ink, W × H, and its transpose
 * r->inkt (columns as rows, for scan_runs).  Ink is a pixel whose
 * darkest channel is below DARK_LEVEL (see render_surface for the 5-
 * and 6-bit channels).  Most of a page is white: blocks of 32 pixels
 * are tested for white at once, others are classified 8 pixels at a
 * time, and only ink is written into the cleared masks, so the
 * transpose costs nothing for white. */
static void
build_masks (BdxReader *r, cairo_surface_t *surf, int W, int H)
{
  int wplt = (H + 63) / 64;
  clear_masks (r, W, H);
  guint64 *ink = r->ink, *inkt = r->inkt;
  int wpl = (W + 63) / 64;

  int stride = cairo_image_surface_get_stride (surf);
  const guint8 *data = cairo_image_surface_get_data (surf);
  for (int y = 0; y < H; y++)
    {
      const guint8 *row = data + (gsize) y * stride;
      guint64 *out = ink + (gsize) y * wpl;
      guint64 ybit = G_GUINT64_CONSTANT (1) << (y & 63);
      int x = 0;
      while (x < W)
        {
          if (x + 32 <= W && white32 (row + 2 * x))
            {
              x += 32;
              continue;
            }
          for (int e32 = MIN (x + 32, W); x < e32;)
            {
              if (x + 8 <= e32)
                {
                  /* Eight pixels' channels compared at once. */
                  Px8 v;
                  memcpy (&v, row + 2 * x, sizeof v);
                  Px8 dark = (Px8) (((v >> 11) < DARK_LEVEL / 8)
                                    | (((v >> 5) & 63) < DARK_LEVEL / 4)
                                    | ((v & 31) < DARK_LEVEL / 8));
                  guint64 d[2];
                  memcpy (d, &dark, sizeof d);
                  if ((d[0] | d[1]) != 0)
                    for (int k = 0; k < 8; k++)
                      if (dark[k])
                        {
                          out[(x + k) >> 6] |= G_GUINT64_CONSTANT (1) << ((x + k) & 63);
                          inkt[(gsize) (x + k) * wplt + (y >> 6)] |= ybit;
                        }
                  x += 8;
                  continue;
                }
              for (int e = MIN (x + 8, e32); x < e; x++)
                {
                  guint16 p;
                  memcpy (&p, row + 2 * x, 2);
                  if ((p >> 11) < DARK_LEVEL / 8 || ((p >> 5) & 63) < DARK_LEVEL / 4
                      || (p & 31) < DARK_LEVEL / 8)
                    {
                      out[x >> 6] |= G_GUINT64_CONSTANT (1) << (x & 63);
                      inkt[(gsize) x * wplt + (y >> 6)] |= ybit;
                    }
                }
            }
        }
    }
}

/* Renders page `index` for rules into the ink masks r->ink and r->inkt:
 * from its drawing operations where they are simple enough
 * (render-ink.h), else in pixels.  Rendered before its text is read,
 * the page gets its text layer from this render. */
static gboolean
render_for_rules (BdxReader *r, PopplerPage *pp, int index, double w,
                  double h, GError **error)
{
  double s = r->opts.rules_scale;
  int W = (int) ceil (w * s), H = (int) ceil (h * s);
  r->rendered_index = -1;
  if (W <= 0 || H <= 0 || (guint64) W * H > MAX_RENDER_PIXELS)
    return TRUE;
  clear_masks (r, W, H);
  BdxInkMasks m = { W, H, DARK_LEVEL, r->ink, r->inkt };
  if (r->opts.raster_rules || !bdx__render_ink (pp, s, &m))
    {
      g_debug ("page %d: rules from a raster render", index + 1);
      if (!render_surface (r, W, H, error))
        return FALSE;
      paint_page (r, pp, s, FALSE);
      build_masks (r, r->surf, W, H);
    }
  r->rendered_index = index;
  return TRUE;
}

gboolean
bdx_reader_find_rules (BdxReader *r, BdxPage *page, GError **error)
{
  BDX_LEAN_SCOPE ();
  g_autoptr (PopplerPage) pp
      = r->last_page != NULL && r->last_index == page->number - 1
            ? g_object_ref (r->last_page)
            : poppler_document_get_page (r->doc, page->number - 1);
  if (pp == NULL)
    {
      g_set_error (error, BDX_ERROR, BDX_ERROR_FORMAT,
                   "page %d cannot be read", page->number);
      return FALSE;
    }
  double s = r->opts.rules_scale;
  int W = (int) ceil (page->width * s), H = (int) ceil (page->height * s);
  r->ruled_index = page->number - 1;
  if (W <= 0 || H <= 0 || (guint64) W * H > MAX_RENDER_PIXELS)
    {
      /* A giant page: not worth rendering; layout falls back to text. */
      g_debug ("page %d: %dx%d px too large for rules", page->number, W, H);
      page->rules_known = FALSE;
      return TRUE;
    }
  if (r->rendered_index != page->number - 1
      && !render_for_rules (r, pp, page->number - 1, page->width, page->height, error))
    return FALSE;
  if (r->rendered_index != page->number - 1)
    {
      page->rules_known = FALSE; /* not rendered: layout falls back to text */
      return TRUE;
    }

  /* The text is left out: glyphs are not drawn (render-notext.h), and
   * all glyph boxes, grown a little, are erased.  Grown, because where
   * glyphs are drawn after all (the interposition did not take, or text
   * is drawn as stroked outlines) the edge strokes of characters (the
   * left stroke of 阝 or 亻) lie on their box's edge and would survive
   * as short rules that split cells; where a box covers a rule, the
   * rule is bridged over the erased pixels (scan_runs). */
  /* Erased pixels, a bit a pixel as the ink masks, and transposed; in
   * buffers kept as the masks' are (clear_masks sized them). */
  int wpl = (W + 63) / 64, wplt = (H + 63) / 64;
  guint64 *erased = r->erased, *erasedt = r->erasedt;
  memset (erased, 0, (gsize) wpl * H * sizeof *erased);
  memset (erasedt, 0, (gsize) wplt * W * sizeof *erasedt);
  for (guint i = 0; i < page->glyphs->len; i++)
    {
      const BdxGlyph *g = &g_array_index (page->glyphs, BdxGlyph, i);
      if (!isfinite (g->box.x0) || !isfinite (g->box.x1)
          || !isfinite (g->box.y0) || !isfinite (g->box.y1))
        continue;
      /* Clamped before the conversion: a box may lie far off the page. */
      int x0 = (int) CLAMP (floor ((g->box.x0 - GLYPH_GROW_PT) * s), 0, W);
      int x1 = (int) CLAMP (ceil ((g->box.x1 + GLYPH_GROW_PT) * s), 0, W);
      int y0 = (int) CLAMP (floor ((g->box.y0 - GLYPH_GROW_PT) * s), 0, H);
      int y1 = (int) CLAMP (ceil ((g->box.y1 + GLYPH_GROW_PT) * s), 0, H);
      if (x1 <= x0 || y1 <= y0)
        continue;
      for (int y = y0; y < y1; y++)
        bdx__set_bits (erased + (gsize) y * wpl, x0, x1);
      for (int x = x0; x < x1; x++)
        bdx__set_bits (erasedt + (gsize) x * wplt, y0, y1);
    }

  /* Erased pixels are no ink. */
  for (gsize k = 0, n = (gsize) ((W + 63) / 64) * H; k < n; k++)
    r->ink[k] &= ~erased[k];
  for (gsize k = 0, n = (gsize) ((H + 63) / 64) * W; k < n; k++)
    r->inkt[k] &= ~erasedt[k];
  const guint64 *ink = r->ink;

  int min_len = (int) (MIN_RULE_PT * s);
  int bridge_min = (int) (MIN_RULE_PT / 2 * s);
  int probe = MAX (2, (int) lround (1.5 * s));
  g_autoptr (GArray) runs = g_array_new (FALSE, FALSE, sizeof (Run));

  scan_runs (ink, erased, W, H, min_len, bridge_min, probe, runs);
  for (guint i = 0; i < runs->len; i++)
    {
      Run *run = &g_array_index (runs, Run, i);
      if (run->b1 - run->b0 > 3 * s) /* too thick: a bar, not a rule */
        continue;
      BdxRule rule = { run->a0 / s, run->b0 / s, (run->a1 + 1) / s,
                       (run->b1 + 1) / s };
      g_array_append_val (page->hrules, rule);
    }
  g_array_set_size (runs, 0);
  scan_runs (r->inkt, erasedt, H, W, min_len, bridge_min, probe, runs);
  for (guint i = 0; i < runs->len; i++)
    {
      Run *run = &g_array_index (runs, Run, i);
      if (run->b1 - run->b0 > 3 * s)
        continue;
      BdxRule rule = { run->b0 / s, run->a0 / s, (run->b1 + 1) / s,
                       (run->a1 + 1) / s };
      g_array_append_val (page->vrules, rule);
    }
  page->rules_known = TRUE;
  g_debug ("page %d: %u horizontal, %u vertical rules", page->number,
           page->hrules->len, page->vrules->len);
  return TRUE;
}

/* ---- pictures for OCR ------------------------------------------------- */

/* Page `index` of the copy of the document that renders text (text_doc
 * in BdxReader), or NULL with error set. */
static PopplerPage *
text_page (BdxReader *r, int index, GError **error)
{
  if (r->text_doc == NULL)
    {
      g_autoptr (GError) perr = NULL;
      r->text_doc = r->bytes != NULL
                        ? document_from_bytes (r->bytes, r->password, &perr)
                        : poppler_document_new_from_file (r->uri, r->password,
                                                          &perr);
      if (r->text_doc == NULL)
        {
          g_set_error (error, BDX_ERROR, BDX_ERROR_FORMAT,
                       "page %d cannot be rendered: %s", index + 1,
                       perr != NULL ? perr->message : "unknown error");
          return NULL;
        }
    }
  PopplerPage *pp = poppler_document_get_page (r->text_doc, index);
  if (pp == NULL)
    g_set_error (error, BDX_ERROR, BDX_ERROR_FORMAT, "page %d cannot be read",
                 index + 1);
  return pp;
}

/* Whether the n bytes from p are all 0xff: eight at a time. */
static gboolean
all_ff (const guint8 *p, gsize n)
{
  gsize i = 0;
  for (; i + 8 <= n; i += 8)
    {
      guint64 v;
      memcpy (&v, p + i, sizeof v);
      if (v != G_MAXUINT64)
        return FALSE;
    }
  for (; i < n; i++)
    if (p[i] != 0xff)
      return FALSE;
  return TRUE;
}

gboolean
bdx_reader_page_is_blank (BdxReader *r, int index)
{
  BDX_LEAN_SCOPE ();
  g_return_val_if_fail (r != NULL, FALSE);
  g_return_val_if_fail (index >= 0 && index < bdx_reader_n_pages (r), FALSE);

  g_autoptr (PopplerPage) pp = text_page (r, index, NULL);
  if (pp == NULL)
    return FALSE;
  /* Rendered as for rules: a mark too faint to leave any pixel short of
   * white there (antialiasing greys a pixel for a sliver of ink; white
   * is any channel value from 248 up in RGB16_565) is none OCR could
   * read.  Pages may draw white boxes, so drawing operations alone do
   * not tell. */
  double w, h, s = r->opts.rules_scale;
  poppler_page_get_size (pp, &w, &h);
  int W = (int) ceil (w * s), H = (int) ceil (h * s);
  if (W <= 0 || H <= 0 || (guint64) W * H > MAX_RENDER_PIXELS
      || !render_surface (r, W, H, NULL))
    return FALSE;
  paint_page (r, pp, s, TRUE);

  int stride = cairo_image_surface_get_stride (r->surf);
  const guint8 *data = cairo_image_surface_get_data (r->surf);
  for (int y = 0; y < H; y++)
    if (!all_ff (data + (gsize) y * stride, 2 * (gsize) W))
      return FALSE;
  return TRUE;
}

struct Pix *
bdx_reader_render_page (BdxReader *r, int index, int dpi, GError **error)
{
  BDX_LEAN_SCOPE ();
  g_return_val_if_fail (r != NULL, NULL);
  g_return_val_if_fail (index >= 0 && index < bdx_reader_n_pages (r), NULL);
  if (!bdx__ocr_libs_load (error))
    return NULL;
  if (dpi <= 0)
    dpi = 300;

  g_autoptr (PopplerPage) pp = text_page (r, index, error);
  if (pp == NULL)
    return NULL;
  double w, h, s = dpi / 72.0;
  poppler_page_get_size (pp, &w, &h);
  int W = (int) ceil (w * s), H = (int) ceil (h * s);
  if (W <= 0 || H <= 0 || (guint64) W * H > MAX_OCR_PIXELS)
    {
      g_set_error (error, BDX_ERROR, BDX_ERROR_LIMIT,
                   "page %d at %d dpi is larger than the limit of %u "
                   "megapixels",
                   index + 1, dpi, MAX_OCR_PIXELS / 1000000u);
      return NULL;
    }
  g_autoptr (cairo_surface_t) surf
      = cairo_image_surface_create (CAIRO_FORMAT_RGB24, W, H);
  if (cairo_surface_status (surf) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, BDX_ERROR, BDX_ERROR_LIBRARY,
                   "cannot render page %d: %s", index + 1,
                   cairo_status_to_string (cairo_surface_status (surf)));
      return NULL;
    }
  g_autoptr (cairo_t) cr = cairo_create (surf);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, s, s);
  poppler_page_render (pp, cr);
  cairo_surface_flush (surf);

  /* Grey by luminance, 8 bits. */
  PIX *pix = pixCreate (W, H, 8);
  if (pix == NULL)
    {
      g_set_error (error, BDX_ERROR, BDX_ERROR_LIBRARY,
                   "cannot render page %d: out of memory", index + 1);
      return NULL;
    }
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
          guint v = (((p >> 16) & 0xff) * 77 + ((p >> 8) & 0xff) * 150
                     + (p & 0xff) * 29) >> 8;
          SET_DATA_BYTE (line, x, v);
        }
    }
  return pix;
}
