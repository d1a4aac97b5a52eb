/* bdx — ocr stage: page pictures read by tesseract into BdxPage.
 *
 * The algorithm
 *
 * Preparing a picture (bdx_ocr_image_new):
 * 1. Grey, 8 bpp.  A picture of less than MIN_DPI is scaled up to
 *    WORK_DPI (tesseract reads 10-point Han characters badly below
 *    ~30 px).  From here on a point is px_per_pt pixels.
 * 2. Orientation.  Han text runs in lines: closed along the line, its
 *    characters make long thin blobs.  When a rough binary picture (lines
 *    erased) has clearly more tall blobs than wide ones, the page lies on
 *    its side.  Which way up is not a question of shape: a few text lines
 *    are read both ways round (PSM 7) and the reading with the higher mean
 *    confidence wins.
 * 3. Deskew: leptonica's sweep-and-search over the binary picture (the
 *    table rules dominate it, which makes it precise), rotating the grey
 *    picture by area mapping.
 * 4. Binarize: Sauvola's local threshold, in tiles.
 * 5. Rules by morphology, at half resolution, robust to faint and broken
 *    lines:
 *
 *        close 3×1 (bridge breaks)    close 1×3
 *        open  L×1 (keep long runs)   open  1×L      L = MIN_RULE_IN
 *               \                     /
 *                 union → components at least a table's size (grids)
 *                 → their horizontal and vertical parts → BdxRule
 *
 *    Han strokes are shorter than L and stand alone: they are neither
 *    rules nor erased.  The grids' lines (and a fringe) are whitened in
 *    the picture tesseract reads, so a rule is never read as "|" or "1".
 *
 * Reading (bdx_ocr_read_page): tesseract, LSTM, page segmentation
 * automatic (PSM 3), over the picture without rules.  Each symbol
 * becomes a glyph: its own horizontal extent (widened inside a word to
 * meet its neighbours, as the advance boxes of a text layer do), its text
 * line's vertical extent (the ink box of "一" is a sliver; layout needs
 * an em) unless that "line" is implausibly tall, its confidence.
 * Characters go through NFKC and the radical folding of the text layer.
 *
 * Reading again (bdx_ocr_reread_cells), once layout has made the grids:
 * whole-page reading confuses "," and "." and "6" and "0" in tables,
 * skips number columns of rough scans and mixes up cells wrapped onto
 * short lines; one region on its own does better.  Regions are the grid
 * cells and the lines outside the grids, each cut to its ink (parts a
 * quarter em or more: specks do not count) plus a margin; every page
 * glyph belongs to one region at most.
 *  - Text: read as a line (PSM 7), a character when the ink is square
 *    (PSM 10: ※, 款), a block when it is two lines tall (PSM 6) and then
 *    also unwrapped — its lines laid end to end into one line — the more
 *    confident of those; then the page's reading or this one, the more
 *    confident.  Look-alikes the lexicon settles and unbalanced brackets
 *    are corrected (correct_glyphs).
 *  - Numbers: a cell whose reading is a number, or that stands in a
 *    column of numbers (by the page's reading, and again by the text
 *    readings), is read by eng as a word and by chi_sim as a line, both
 *    with digits and separators only, and by eng as a line when those
 *    differ: two that agree win, else the most confident with its
 *    confidence cut below BDX_OCR_LOW_CONFIDENCE (vote).
 *  - The column-number row (※ ※ 1 2 3) is set right by its structure.
 * Cells with no ink lose any glyph (noise read as "'" or ".").
 *
 * Repair (bdx_ocr_repair), after validation: one misread amount that
 * explains failed checks, by a plausible misreading, and makes them all
 * hold is corrected, with a notice.
 *
 * Workers (BdxOcrPool): one thread per worker, each with its own engine
 * made once; jobs in one queue, results in another.  poppler is not
 * thread-safe: the caller renders pages on its own thread and hands the
 * pictures over.
 */
#include "bdx/ocr.h"

#include <stdio.h>
#include <math.h>
#include <string.h>

#include "bdx/error.h"
#include "bdx/money.h"
#include "bdx/text.h"
#include "bdx/validate.h"
#include "ocr-libs.h"
#include "ocr-private.h"

#define WORK_DPI 300.0     /* pictures below MIN_DPI are scaled to this */
#define MIN_DPI 250.0
#define MAX_PIXELS (60u * 1000u * 1000u)
#define MIN_RULE_IN 0.2    /* shortest rule piece, inches */
#define MIN_TABLE_W_IN 0.8 /* a grid is at least this wide … */
#define MIN_TABLE_H_IN 0.25 /* … and this tall */
#define MAX_RULE_THICK_IN 0.06 /* thicker is a bar, not a rule */
#define NUMBER_WHITELIST "0123456789.,-"
/* A line outside the grids read by the page pass with every glyph at
 * least this confident, and longer than this, is prose: not read again. */
#define SURE_LINE 0.90f
#define SURE_LINE_GLYPHS 30

static void
pix_unref (PIX *p)
{
  pixDestroy (&p);
}
static void
boxa_unref (BOXA *b)
{
  boxaDestroy (&b);
}
static void
box_unref (BOX *b)
{
  boxDestroy (&b);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PIX, pix_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BOXA, boxa_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BOX, box_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TessResultIterator, TessResultIteratorDelete)

/* Tesseract parallelizes its LSTM with OpenMP (four threads per time
 * step): with one engine per worker that only adds threads fighting for
 * the same cores, and spinning.  OMP_THREAD_LIMIT would stop it, but
 * libgomp reads its environment once, when it is loaded, before any code
 * of ours runs.  Setting max-active-levels to 0 at run time does the
 * same: no parallel region gets more than one thread.  It is a per-thread
 * setting (an ICV of the thread's task), so every thread that recognizes
 * sets it, once.  Looked up at run time among tesseract's dependencies
 * (ocr-libs.c); a tesseract built without OpenMP has none: nothing to
 * do. */
static void
limit_openmp (void)
{
  static gsize once = 0;
  static void (*set_levels) (int) = NULL;
  static GPrivate done = G_PRIVATE_INIT (NULL);
  if (g_once_init_enter (&once))
    {
      set_levels = bdx__ocr_libs.omp_set_max_active_levels;
      g_debug ("OpenMP %s", set_levels ? "found: limited to one thread" : "not found");
      g_once_init_leave (&once, 1);
    }
  if (set_levels != NULL && g_private_get (&done) == NULL)
    {
      set_levels (0);
      g_private_set (&done, GINT_TO_POINTER (1));
    }
}

/* ---- the engine -------------------------------------------------------- */

static guint64
bigram_key (gunichar a, gunichar b)
{
  return ((guint64) a << 32) | b;
}

struct _BdxOcrEngine {
  GHashTable *lexicon;  /* of guint64 bigram keys, or NULL */
  TessBaseAPI *api;     /* the languages asked for: text */
  TessBaseAPI *numbers; /* eng, digits only; NULL: api with a whitelist */
  gboolean digits;      /* api's whitelist is set (no eng) */
};

static TessBaseAPI *
start_api (const char *datapath, const char *lang)
{
  TessBaseAPI *api = TessBaseAPICreate ();
  if (TessBaseAPIInit2 (api, datapath, lang, OEM_LSTM_ONLY) != 0)
    {
      TessBaseAPIDelete (api);
      return NULL;
    }
  return api;
}

static gboolean
has_language (TessBaseAPI *api, const char *lang)
{
  char **langs = TessBaseAPIGetAvailableLanguagesAsVector (api);
  gboolean found = FALSE;
  for (char **l = langs; l && *l && !found; l++)
    found = strcmp (*l, lang) == 0;
  TessDeleteTextArray (langs);
  return found;
}

/* tesseract prints some findings on stderr whatever its settings say
 * ("Detected 152 diacritics" on a noisy page, "Empty page!!"); the
 * library must not print.  Its debug_file parameter (one for the
 * process) sends them elsewhere: to an unlinked temporary file, named by
 * its descriptor in /proc, open for the life of the process.  Without
 * /proc they stay on stderr. */
static void
quiet_tesseract (TessBaseAPI *api)
{
  static gsize once = 0;
  if (g_once_init_enter (&once))
    {
      FILE *sink = tmpfile ();
      if (sink != NULL)
        {
          g_autofree char *path = g_strdup_printf ("/proc/self/fd/%d", fileno (sink));
          if (g_file_test (path, G_FILE_TEST_EXISTS))
            TessBaseAPISetVariable (api, "debug_file", path);
          else
            fclose (sink);
        }
      g_once_init_leave (&once, 1);
    }
}

BdxOcrEngine *
bdx_ocr_engine_new (const BdxOcrEngineOptions *opts, GError **error)
{
  if (!bdx__ocr_libs_load (error))
    return NULL;
  limit_openmp ();
  const char *lang = opts && opts->lang ? opts->lang : "chi_sim";
  const char *datapath = opts ? opts->datapath : NULL;

  TessBaseAPI *api = start_api (datapath, lang);
  if (api == NULL)
    {
      g_set_error (error, BDX_ERROR, BDX_ERROR_LIBRARY,
                   "cannot start tesseract for '%s' (is its language data "
                   "installed? set TESSDATA_PREFIX)",
                   lang);
      return NULL;
    }
  quiet_tesseract (api);
  BdxOcrEngine *e = g_new0 (BdxOcrEngine, 1);
  e->api = api;
  /* chi_sim reads some typefaces' 6 as 0 even alone in a cell; eng reads
   * digits better.  Without eng, chi_sim with the whitelist does. */
  if (has_language (api, "eng"))
    e->numbers = start_api (datapath, "eng");
  if (e->numbers != NULL)
    TessBaseAPISetVariable (e->numbers, "tessedit_char_whitelist",
                            NUMBER_WHITELIST);
  /* The lexicon's pairs of neighbouring ideographs. */
  if (opts && opts->words)
    {
      e->lexicon = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      for (const char *const *w = opts->words; *w; w++)
        for (const char *p = *w; *p; p = g_utf8_next_char (p))
          {
            const char *q = g_utf8_next_char (p);
            if (*q == '\0')
              break;
            gunichar a = g_utf8_get_char (p), b = g_utf8_get_char (q);
            if (!bdx_unichar_is_han (a) || !bdx_unichar_is_han (b))
              continue;
            guint64 *k = g_new (guint64, 1);
            *k = bigram_key (a, b);
            g_hash_table_add (e->lexicon, k);
          }
    }
  return e;
}

GStrv
bdx_ocr_words_from_patterns (const BdxPatterns *patterns)
{
  g_return_val_if_fail (patterns != NULL, NULL);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) sections = bdx_patterns_sections (patterns, NULL);
  for (guint i = 0; i < sections->len; i++)
    {
      const GPtrArray *entries = bdx_patterns_entries (patterns, sections->pdata[i]);
      for (guint k = 0; entries && k < entries->len; k++)
        {
          const char *src = bdx_pattern_source (entries->pdata[k]);
          const char *p = src;
          while (*p)
            {
              const char *start = p;
              int n = 0;
              while (*p && bdx_unichar_is_han (g_utf8_get_char (p)))
                p = g_utf8_next_char (p), n++;
              if (n >= 2)
                g_hash_table_add (seen, g_strndup (start, p - start));
              if (n == 0)
                p = g_utf8_next_char (p);
            }
        }
    }
  g_autoptr (GPtrArray) words = g_ptr_array_new ();
  GHashTableIter it;
  gpointer key;
  g_hash_table_iter_init (&it, seen);
  while (g_hash_table_iter_next (&it, &key, NULL))
    {
      g_ptr_array_add (words, key);
      g_hash_table_iter_steal (&it);
    }
  g_ptr_array_add (words, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&words), FALSE);
}

void
bdx_ocr_engine_free (BdxOcrEngine *e)
{
  if (e == NULL)
    return;
  TessBaseAPIEnd (e->api);
  TessBaseAPIDelete (e->api);
  if (e->numbers != NULL)
    {
      TessBaseAPIEnd (e->numbers);
      TessBaseAPIDelete (e->numbers);
    }
  if (e->lexicon != NULL)
    g_hash_table_unref (e->lexicon);
  g_free (e);
}

/* The engine's text reader, its whitelist off. */
static TessBaseAPI *
text_api (BdxOcrEngine *e)
{
  if (e->digits)
    {
      TessBaseAPISetVariable (e->api, "tessedit_char_whitelist", "");
      e->digits = FALSE;
    }
  return e->api;
}

/* The engine's number reader. */
static TessBaseAPI *
number_api (BdxOcrEngine *e)
{
  if (e->numbers != NULL)
    return e->numbers;
  if (!e->digits)
    {
      TessBaseAPISetVariable (e->api, "tessedit_char_whitelist", NUMBER_WHITELIST);
      e->digits = TRUE;
    }
  return e->api;
}

/* ---- preparing a picture ------------------------------------------------- */

struct _BdxOcrImage {
  PIX *grey;        /* upright, deskewed, 8 bpp */
  PIX *binary;      /* 1 bpp, rules erased, specks dropped */
  PIX *read;        /* what tesseract reads: grey, rules whitened */
  double px_per_pt;
  int ppi;
  int quarter_turns;
  double skew;
  GArray *hrules, *vrules; /* of BdxRule, points */
};

void
bdx_ocr_image_free (BdxOcrImage *img)
{
  if (img == NULL)
    return;
  pixDestroy (&img->grey);
  pixDestroy (&img->binary);
  pixDestroy (&img->read);
  g_array_unref (img->hrules);
  g_array_unref (img->vrules);
  g_free (img);
}

int
bdx_ocr_image_quarter_turns (const BdxOcrImage *img)
{
  return img->quarter_turns;
}

double
bdx_ocr_image_skew (const BdxOcrImage *img)
{
  return img->skew;
}

static int
inches (double in, int ppi)
{
  return MAX (1, (int) lround (in * ppi));
}

/* Long horizontal and vertical runs of a binary picture (see 5. above),
 * kept only where they make a grid.  Returns the union; *h and *v get
 * each direction's part. */
static PIX *
find_lines (PIX *bin, int ppi, PIX **h, PIX **v)
{
  /* The closing bridges breaks of a pixel or two (a faint or noisy
   * rule), not the gaps between digits: a number next to a rule would
   * become a rule piece. */
  int len = inches (MIN_RULE_IN, ppi);
  int bridge = MAX (3, inches (0.015, ppi));
  g_autoptr (PIX) hc = pixCloseBrick (NULL, bin, bridge, 1);
  g_autoptr (PIX) vc = pixCloseBrick (NULL, bin, 1, bridge);
  g_autoptr (PIX) ho = pixOpenBrick (NULL, hc, len, 1);
  g_autoptr (PIX) vo = pixOpenBrick (NULL, vc, 1, len);
  g_autoptr (PIX) all = pixOr (NULL, ho, vo);
  l_int32 changed = 0;
  PIX *grids = pixSelectBySize (all, inches (MIN_TABLE_W_IN, ppi),
                                inches (MIN_TABLE_H_IN, ppi), 8,
                                L_SELECT_IF_BOTH, L_SELECT_IF_GTE, &changed);
  *h = pixAnd (NULL, ho, grids);
  *v = pixAnd (NULL, vo, grids);
  return grids;
}

/* Connected components of a line mask as rules, in points. */
static void
lines_to_rules (PIX *mask, gboolean horizontal, int ppi, double px_per_pt,
                GArray *out)
{
  g_autoptr (BOXA) boxes = pixConnCompBB (mask, 8);
  if (boxes == NULL)
    return;
  int thick = inches (MAX_RULE_THICK_IN, ppi);
  int min_len = inches (MIN_RULE_IN, ppi);
  for (int i = 0; i < boxaGetCount (boxes); i++)
    {
      l_int32 x, y, w, h;
      boxaGetBoxGeometry (boxes, i, &x, &y, &w, &h);
      if ((horizontal ? h : w) > thick || (horizontal ? w : h) < min_len)
        continue;
      BdxRule r = { x / px_per_pt, y / px_per_pt, (x + w) / px_per_pt,
                    (y + h) / px_per_pt };
      g_array_append_val (out, r);
    }
}

/* Counts blobs much longer one way than the other after closing the
 * binary picture along that direction: text lines of Han characters. */
static int
count_text_lines (PIX *bin, gboolean horizontal, int ppi)
{
  int gap = inches (0.06, ppi);
  g_autoptr (PIX) closed = horizontal ? pixCloseBrick (NULL, bin, gap, 1)
                                      : pixCloseBrick (NULL, bin, 1, gap);
  g_autoptr (BOXA) boxes = pixConnCompBB (closed, 8);
  if (boxes == NULL)
    return 0;
  int n = 0, min_long = inches (0.4, ppi), max_short = inches (0.35, ppi);
  for (int i = 0; i < boxaGetCount (boxes); i++)
    {
      l_int32 x, y, w, h;
      boxaGetBoxGeometry (boxes, i, &x, &y, &w, &h);
      int along = horizontal ? w : h, across = horizontal ? h : w;
      if (along >= min_long && across <= max_short && along >= 4 * across
          && across >= inches (0.04, ppi))
        n++;
    }
  return n;
}

/* Mean confidence of reading up to n text lines of a picture, each as
 * one line.  The lines are the widest text-line blobs. */
static double
sample_confidence (BdxOcrEngine *e, PIX *grey, PIX *bin, int ppi, int n)
{
  int gap = inches (0.06, ppi);
  g_autoptr (PIX) closed = pixCloseBrick (NULL, bin, gap, 1);
  g_autoptr (BOXA) boxes = pixConnCompBB (closed, 8);
  if (boxes == NULL)
    return 0;
  /* The candidates: line-shaped blobs, widest first. */
  g_autoptr (GArray) cand = g_array_new (FALSE, FALSE, sizeof (int));
  for (int i = 0; i < boxaGetCount (boxes); i++)
    {
      l_int32 x, y, w, h;
      boxaGetBoxGeometry (boxes, i, &x, &y, &w, &h);
      if (w >= 4 * h && h >= inches (0.06, ppi) && h <= inches (0.35, ppi))
        g_array_append_val (cand, i);
    }
  TessBaseAPI *api = text_api (e);
  TessBaseAPISetPageSegMode (api, PSM_SINGLE_LINE);
  TessBaseAPISetImage2 (api, grey);
  TessBaseAPISetSourceResolution (api, ppi);
  double sum = 0;
  int got = 0;
  /* Take lines spread over the page: every k-th candidate. */
  guint step = MAX (1u, cand->len / (guint) n);
  for (guint k = 0; k < cand->len && got < n; k += step)
    {
      l_int32 x, y, w, h;
      boxaGetBoxGeometry (boxes, g_array_index (cand, int, k), &x, &y, &w, &h);
      int pad = h / 4;
      int x0 = MAX (0, x - pad), y0 = MAX (0, y - pad);
      int x1 = MIN (pixGetWidth (grey), x + w + pad);
      int y1 = MIN (pixGetHeight (grey), y + h + pad);
      /* A long line is enough to judge by its first 4 inches. */
      x1 = MIN (x1, x0 + inches (4, ppi));
      TessBaseAPISetRectangle (api, x0, y0, x1 - x0, y1 - y0);
      if (TessBaseAPIRecognize (api, NULL) != 0)
        continue;
      sum += TessBaseAPIMeanTextConf (api);
      got++;
    }
  TessBaseAPIClear (api);
  return got > 0 ? sum / got : 0;
}

static PIX *
to_grey (PIX *pix)
{
  if (pixGetDepth (pix) == 8 && pixGetColormap (pix) == NULL)
    return pixCopy (NULL, pix);
  if (pixGetDepth (pix) == 32)
    return pixConvertRGBToLuminance (pix);
  return pixConvertTo8 (pix, FALSE);
}

static PIX *
binarize (PIX *grey, int ppi)
{
  /* Sauvola's local threshold keeps the thin strokes of a rough scan
   * that a per-tile Otsu breaks up.  In tiles of about two inches: its
   * accumulators for a whole page would take tens of megabytes. */
  PIX *bin = NULL;
  int half = MAX (7, inches (0.05, ppi));
  int w = pixGetWidth (grey), h = pixGetHeight (grey);
  int nx = CLAMP (w / inches (2.0, ppi), 1, 8), ny = CLAMP (h / inches (2.0, ppi), 1, 8);
  /* Each tile must hold a window. */
  while (nx > 1 && w / nx < 2 * half + 3)
    nx--;
  while (ny > 1 && h / ny < 2 * half + 3)
    ny--;
  if (w > 2 * half + 3 && h > 2 * half + 3)
    pixSauvolaBinarizeTiled (grey, half, 0.34f, nx, ny, NULL, &bin);
  if (bin == NULL)
    bin = pixThresholdToBinary (grey, 160);
  return bin;
}

/* The picture turned by quarter turns (clockwise). */
static PIX *
turn (PIX *pix, int quarters)
{
  return quarters % 4 ? pixRotateOrth (pix, quarters % 4) : pixClone (pix);
}

/* How many quarter turns make the page upright (step 2). */
static int
find_orientation (BdxOcrEngine *e, PIX *grey, int ppi)
{
  /* Half resolution is plenty for the shape of text lines. */
  g_autoptr (PIX) small = pixScaleGrayLI (grey, 0.5f, 0.5f);
  int sppi = ppi / 2;
  g_autoptr (PIX) bin = pixThresholdToBinary (small, 160);
  g_autoptr (PIX) h = NULL, v = NULL;
  g_autoptr (PIX) lines = find_lines (bin, sppi, &h, &v);
  g_autoptr (PIX) text = pixSubtract (NULL, bin, lines);
  int wide = count_text_lines (text, TRUE, sppi);
  int tall = count_text_lines (text, FALSE, sppi);
  g_debug ("orientation: %d wide, %d tall text blobs", wide, tall);
  if (wide == 0 && tall == 0)
    return 0; /* nothing to read either way */
  int base = tall > 2 * wide ? 1 : 0;

  /* Read both ways round; when neither reads well (few lines, the shape
   * test unsure), the other two ways too. */
  double best = -1;
  int best_q = 0;
  for (int k = 0; k < 4; k++)
    {
      int q = (base + (k == 0 ? 0 : k == 1 ? 2 : k == 2 ? 1 : 3)) % 4;
      /* Text read upright with high confidence is upright: a page upside
       * down never reads so well. */
      if ((k == 1 && q == 2 && best >= 85) || (k == 2 && best >= 60))
        break;
      g_autoptr (PIX) g = turn (small, q);
      g_autoptr (PIX) t = turn (text, q);
      double c = sample_confidence (e, g, t, sppi, 4);
      g_debug ("orientation: %d quarter turns: confidence %.0f", q, c);
      /* Upright wins ties and near-ties. */
      if (c > best + (q == 0 ? -10 : 10) || best < 0)
        {
          best = c;
          best_q = q;
        }
    }
  return best_q;
}

BdxOcrImage *
bdx_ocr_image_new (BdxOcrEngine *e, struct Pix *pix,
                   const BdxOcrImageOptions *opts, GError **error)
{
  g_return_val_if_fail (e != NULL && pix != NULL, NULL);
  limit_openmp (); /* the engine loaded the libraries */
  BdxOcrImageOptions o = opts ? *opts : (BdxOcrImageOptions){ 0 };

  int w = pixGetWidth (pix), h = pixGetHeight (pix);
  if (w < 16 || h < 16)
    {
      g_set_error (error, BDX_ERROR, BDX_ERROR_FORMAT,
                   "picture of %d×%d pixels is too small to read", w, h);
      return NULL;
    }
  int ppi = pixGetXRes (pix);
  if (ppi < 100 || ppi > 2400)
    ppi = BDX_OCR_DEFAULT_DPI;
  double scale = ppi < MIN_DPI ? WORK_DPI / ppi : 1.0;
  if ((guint64) (w * scale) * (guint64) (h * scale) > MAX_PIXELS)
    {
      g_set_error (error, BDX_ERROR, BDX_ERROR_LIMIT,
                   "picture of %d×%d pixels is larger than the limit of %u "
                   "megapixels",
                   w, h, MAX_PIXELS / 1000000u);
      return NULL;
    }

  /* 1. Grey, at a resolution tesseract reads well. */
  g_autoptr (PIX) grey0 = to_grey (pix);
  if (grey0 == NULL)
    {
      g_set_error (error, BDX_ERROR, BDX_ERROR_FORMAT,
                   "picture of depth %d cannot be read", pixGetDepth (pix));
      return NULL;
    }
  g_autoptr (PIX) grey1 = NULL;
  if (scale != 1.0)
    {
      grey1 = pixScaleGrayLI (grey0, (l_float32) scale, (l_float32) scale);
      ppi = (int) lround (ppi * scale);
    }
  else
    grey1 = pixClone (grey0);

  BdxOcrImage *img = g_new0 (BdxOcrImage, 1);
  img->hrules = g_array_new (FALSE, FALSE, sizeof (BdxRule));
  img->vrules = g_array_new (FALSE, FALSE, sizeof (BdxRule));
  img->ppi = ppi;
  img->px_per_pt = ppi / 72.0;

  /* 2. Upright. */
  g_autoptr (PIX) grey2 = NULL;
  if (!o.keep_orientation)
    {
      img->quarter_turns = find_orientation (e, grey1, ppi);
      grey2 = turn (grey1, img->quarter_turns);
    }
  else
    grey2 = pixClone (grey1);

  /* 3. Deskewed. */
  if (!o.keep_skew)
    {
      l_float32 angle = 0, conf = 0;
      img->grey = pixFindSkewAndDeskew (grey2, 2, &angle, &conf);
      /* leptonica rotates only when sure (confidence >= 3) and the angle
       * is worth it (>= 0.1 degree); report what it did. */
      if (conf >= 3.0 && fabsf (angle) >= 0.1f)
        img->skew = angle;
      g_debug ("skew %.2f degrees (confidence %.1f)", angle, conf);
    }
  if (img->grey == NULL)
    img->grey = pixClone (grey2);

  /* 4. Binary. */
  g_autoptr (PIX) clean = binarize (img->grey, ppi);

  /* 5. Rules, found at half the resolution (a rule is long: nothing is
   * lost, and the morphology costs a quarter), and the pictures without
   * them. */
  g_autoptr (PIX) half = pixReduceRankBinaryCascade (clean, 1, 0, 0, 0);
  g_autoptr (PIX) hl = NULL, vl = NULL;
  g_autoptr (PIX) lines = find_lines (half, ppi / 2, &hl, &vl);
  lines_to_rules (hl, TRUE, ppi / 2, img->px_per_pt / 2, img->hrules);
  lines_to_rules (vl, FALSE, ppi / 2, img->px_per_pt / 2, img->vrules);
  g_autoptr (PIX) wide = pixExpandBinaryPower2 (lines, 2);
  g_autoptr (PIX) erase = pixCreate (pixGetWidth (clean), pixGetHeight (clean), 1);
  pixRasterop (erase, 0, 0, pixGetWidth (clean), pixGetHeight (clean), PIX_SRC,
               wide, 0, 0);
  pixDilateBrick (erase, erase, 3, 3);
  img->binary = pixSubtract (NULL, clean, erase);
  img->read = pixCopy (NULL, img->grey);
  pixSetMasked (img->read, erase, 255);
  pixSetResolution (img->read, ppi, ppi);
  g_debug ("picture %dx%d at %d ppi: %u horizontal, %u vertical rules",
           pixGetWidth (img->grey), pixGetHeight (img->grey), ppi,
           img->hrules->len, img->vrules->len);
  return img;
}

/* ---- glyphs from tesseract's results --------------------------------------- */

typedef struct {
  char *text;
  int x0, y0, x1, y1; /* symbol box, pixels */
  int ly0, ly1;       /* its line's vertical extent */
  float conf;         /* 0..1 */
} Sym;

static int
cmp_double_qsort (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static void
sym_clear (Sym *s)
{
  g_free (s->text);
}

/* Appends the glyphs of a word's symbols: horizontal extents widened to
 * meet halfway between neighbours. */
/* A vertical bar: what a piece of a ruling line left by the line removal
 * reads as ("|部门支出总体情况表").  A disclosure prints none. */
static gboolean
is_bar (gunichar c)
{
  return c == '|' || c == 0xFF5C || c == 0x2502 || c == 0x2503
         || c == 0x4E28 || c == 0x2223;
}

/* A full-width colon is two dots a quarter em apart, and tesseract reads
 * it now and then as two marks: ";,", ":." or ";:" ("其中;,一般财力"
 * for "其中：一般财力").  Two such marks in a row, among glyphs from
 * `from` on, become one ':'. */
static void
merge_split_colons (GArray *glyphs, GArray *inks, guint from)
{
  for (guint i = from; i + 1 < glyphs->len; i++)
    {
      BdxGlyph *a = &g_array_index (glyphs, BdxGlyph, i);
      const BdxGlyph *b = &g_array_index (glyphs, BdxGlyph, i + 1);
      if ((a->c != ';' && a->c != ':')
          || (b->c != ',' && b->c != '.' && b->c != ':' && b->c != ';'))
        continue;
      a->c = ':';
      a->box.x1 = MAX (a->box.x1, b->box.x1);
      a->confidence = MIN (a->confidence, b->confidence);
      g_array_remove_index (glyphs, i + 1);
      g_array_remove_range (inks, 2 * (i + 1), 2);
    }
}

/* A word whose symbols tesseract's LSTM boxed into the width of its first
 * character or two: "石家庄" of a title boxed 69 px wide where each
 * character is 80, leaving a gap of two em before the next word that
 * layout takes for a new chunk ("石家庄 市水利局…": no title matches).
 * Han characters are about as wide as they are tall: a word of such
 * characters less than 0.6 of its plausible width gets that width (Han
 * one ink height each, others about half), up to the next word of its
 * line (next_x0; G_MAXINT when it is the last, which is left alone),
 * shared out among its symbols in proportion. */
static void
unsqueeze_word (GArray *word, int next_x0)
{
  guint n = word->len;
  if (n < 2)
    return;
  int han = 0, em = 0, x0 = G_MAXINT, x1 = G_MININT;
  for (guint i = 0; i < n; i++)
    {
      const Sym *s = &g_array_index (word, Sym, i);
      x0 = MIN (x0, s->x0), x1 = MAX (x1, s->x1);
      if (bdx_unichar_is_han (g_utf8_get_char (s->text)))
        {
          han++;
          em = MAX (em, s->y1 - s->y0);
        }
    }
  if (han < 2 || em <= 0)
    return;
  double weight = han + 0.5 * (n - han);
  double want = 0.95 * em * weight;
  if (x1 - x0 >= 0.6 * want)
    return;
  /* Only a gap before the next word of the line is filled: the last
   * word of a line has no such bound, and spread blindly its glyphs
   * leave their cell ("项目支合计" for 项目支出合计).  A next word that
   * overlaps this one: the boxes are muddled beyond what spreading can
   * mend. */
  if (next_x0 == G_MAXINT || next_x0 <= x1)
    return;
  double to = MIN (x0 + want, next_x0 - em / 8.0);
  if (to <= x1)
    return;
  double at = x0, per = (to - x0) / weight;
  for (guint i = 0; i < n; i++)
    {
      Sym *s = &g_array_index (word, Sym, i);
      double w = per * (bdx_unichar_is_han (g_utf8_get_char (s->text)) ? 1.0 : 0.5);
      s->x0 = (int) lround (at);
      s->x1 = (int) lround (at + w);
      at += w;
    }
}

static void
flush_word (GArray *word, double px_per_pt, GArray *glyphs, GArray *inks,
            int next_x0)
{
  guint start = glyphs->len;
  unsqueeze_word (word, next_x0);
  for (guint i = 0; i + 1 < word->len; i++)
    {
      Sym *a = &g_array_index (word, Sym, i), *b = &g_array_index (word, Sym, i + 1);
      if (b->x0 > a->x1)
        {
          int mid = (a->x1 + b->x0) / 2;
          a->x1 = mid;
          b->x0 = mid;
        }
    }
  for (guint i = 0; i < word->len; i++)
    {
      const Sym *s = &g_array_index (word, Sym, i);
      g_autofree char *nf = g_utf8_normalize (s->text, -1, G_NORMALIZE_NFKC);
      if (nf == NULL)
        continue;
      glong count = g_utf8_strlen (nf, -1);
      double w = (double) (s->x1 - s->x0) / (count > 0 ? count : 1);
      int k = 0;
      for (const char *p = nf; *p; p = g_utf8_next_char (p), k++)
        {
          gunichar c = bdx_text_fold_radical (g_utf8_get_char (p));
          if (bdx_unichar_is_space (c) || c == 0xFFFD || is_bar (c))
            continue;
          BdxGlyph g = { 0 };
          g.c = c;
          g.box.x0 = (s->x0 + k * w) / px_per_pt;
          g.box.x1 = (s->x0 + (k + 1) * w) / px_per_pt;
          g.box.y0 = MIN (s->y0, s->ly0) / px_per_pt;
          g.box.y1 = MAX (s->y1, s->ly1) / px_per_pt;
          g.confidence = s->conf;
          g.source = BDX_GLYPH_OCR;
          g_array_append_val (glyphs, g);
          double ink[2] = { s->y0 / px_per_pt, s->y1 / px_per_pt };
          g_array_append_vals (inks, ink, 2);
        }
    }
  merge_split_colons (glyphs, inks, start);
  g_array_set_size (word, 0);
}

/* A text line's glyphs, from `from` on, get the line's vertical extent
 * only when it is plausible: tesseract's "line" is sometimes a column of
 * table cells or a line with a stray mark, many times as tall as its
 * characters.  Then each glyph gets the characters' median height around
 * the median centre instead. */
static void
fix_line (GArray *glyphs, GArray *inks, guint from)
{
  guint n = glyphs->len - from;
  if (n == 0)
    return;
  g_autofree double *h = g_new (double, n), *c = g_new (double, n);
  double ly0 = G_MAXDOUBLE, ly1 = -G_MAXDOUBLE;
  for (guint i = 0; i < n; i++)
    {
      const double *ink = &g_array_index (inks, double, 2 * (from + i));
      h[i] = ink[1] - ink[0];
      c[i] = (ink[0] + ink[1]) / 2;
      const BdxGlyph *g = &g_array_index (glyphs, BdxGlyph, from + i);
      ly0 = MIN (ly0, g->box.y0), ly1 = MAX (ly1, g->box.y1);
    }
  qsort (h, n, sizeof (double), cmp_double_qsort);
  qsort (c, n, sizeof (double), cmp_double_qsort);
  double mh = h[n / 2], mc = c[n / 2];
  if (ly1 - ly0 <= 2.0 * mh || mh <= 0)
    return;
  for (guint i = 0; i < n; i++)
    {
      BdxGlyph *g = &g_array_index (glyphs, BdxGlyph, from + i);
      g->box.y0 = mc - 0.6 * mh;
      g->box.y1 = mc + 0.6 * mh;
    }
}

/* The symbols of the last recognition as glyphs. */
static void
collect_glyphs (TessBaseAPI *api, double px_per_pt, GArray *glyphs)
{
  g_autoptr (TessResultIterator) it = TessBaseAPIGetIterator (api);
  if (it == NULL)
    return;
  TessPageIterator *pi = TessResultIteratorGetPageIterator (it);
  g_autoptr (GArray) word = g_array_new (FALSE, FALSE, sizeof (Sym));
  g_array_set_clear_func (word, (GDestroyNotify) sym_clear);
  g_autoptr (GArray) inks = g_array_new (FALSE, FALSE, sizeof (double));
  g_array_set_size (inks, 2 * glyphs->len); /* glyphs there before: not ours */
  guint line_from = glyphs->len;
  int ly0 = 0, ly1 = 0;
  do
    {
      gboolean new_line = TessPageIteratorIsAtBeginningOf (pi, RIL_TEXTLINE);
      if (TessPageIteratorIsAtBeginningOf (pi, RIL_WORD))
        {
          /* The next word's left edge, when it is on the same line. */
          int nx0, ny0, nx1, ny1;
          gboolean known = !new_line
                           && TessPageIteratorBoundingBox (pi, RIL_SYMBOL, &nx0, &ny0, &nx1, &ny1);
          flush_word (word, px_per_pt, glyphs, inks, known ? nx0 : G_MAXINT);
        }
      if (new_line)
        {
          fix_line (glyphs, inks, line_from);
          line_from = glyphs->len;
          int lx0, lx1;
          if (!TessPageIteratorBoundingBox (pi, RIL_TEXTLINE, &lx0, &ly0, &lx1, &ly1))
            ly0 = ly1 = 0;
        }
      Sym s = { 0 };
      char *t = TessResultIteratorGetUTF8Text (it, RIL_SYMBOL);
      if (t == NULL)
        continue;
      s.text = g_strdup (t);
      TessDeleteText (t);
      if (!TessPageIteratorBoundingBox (pi, RIL_SYMBOL, &s.x0, &s.y0, &s.x1, &s.y1))
        {
          g_free (s.text);
          continue;
        }
      s.ly0 = ly1 > ly0 ? ly0 : s.y0;
      s.ly1 = ly1 > ly0 ? ly1 : s.y1;
      s.conf = CLAMP (TessResultIteratorConfidence (it, RIL_SYMBOL) / 100.0f, 0.0f, 1.0f);
      g_array_append_val (word, s);
    }
  while (TessResultIteratorNext (it, RIL_SYMBOL));
  flush_word (word, px_per_pt, glyphs, inks, G_MAXINT);
  fix_line (glyphs, inks, line_from);
}

BdxPage *
bdx_ocr_read_page (BdxOcrEngine *e, const BdxOcrImage *img, int number,
                   GError **error)
{
  g_return_val_if_fail (e != NULL && img != NULL, NULL);
  limit_openmp ();
  double s = img->px_per_pt;
  g_autoptr (BdxPage) page = bdx_page_new (number, pixGetWidth (img->read) / s,
                                           pixGetHeight (img->read) / s);
  g_array_append_vals (page->hrules, img->hrules->data, img->hrules->len);
  g_array_append_vals (page->vrules, img->vrules->data, img->vrules->len);
  page->rules_known = TRUE;

  /* A blank page (a separator, the back of a sheet): nothing to read,
   * and tesseract would only say "Empty page!!" on stderr. */
  l_int32 ink = 0;
  pixCountPixels (img->binary, &ink, NULL);
  if (ink < (l_int32) (s * s)) /* less than a square point of ink */
    {
      page->text_state = BDX_PAGE_NO_TEXT;
      return g_steal_pointer (&page);
    }
  TessBaseAPI *api = text_api (e);
  TessBaseAPISetPageSegMode (api, PSM_AUTO);
  TessBaseAPISetImage2 (api, img->read);
  TessBaseAPISetSourceResolution (api, img->ppi);
  if (TessBaseAPIRecognize (api, NULL) != 0)
    {
      TessBaseAPIClear (api);
      g_set_error (error, BDX_ERROR, BDX_ERROR_LIBRARY,
                   "tesseract cannot read page %d", number);
      return NULL;
    }
  collect_glyphs (api, s, page->glyphs);
  TessBaseAPIClear (api);
  page->text_state = page->glyphs->len > 0 ? BDX_PAGE_TEXT : BDX_PAGE_NO_TEXT;
  g_debug ("page %d: %u glyphs read", number, page->glyphs->len);
  return g_steal_pointer (&page);
}

/* ---- cells read again ---------------------------------------------------------- */

/* Characters a number's first reading may show: digits, separators and
 * what whole-page reading turns them into. */
static gboolean
numberish (gunichar c)
{
  return g_unichar_isdigit (c)
         || (c < 128 && strchr (".,-:;'`|[]lIiOoSsBZz", (int) c) != NULL)
         || c == 0x2014 || c == 0x2013 || c == 0x2212 || c == 0x3002;
}

static void
array_unref0 (GArray *a)
{
  if (a != NULL)
    g_array_unref (a);
}

typedef enum {
  CELL_BLANK = 0,
  CELL_NUMBER,
  CELL_TEXT,
} CellKind;

/* A cell's kind by a reading: a number when it has digits and nothing
 * else but separators and the characters digits are misread as — or at
 * most one character in four of anything else ("96G2", "全755": a number
 * read as text). */
static CellKind
reading_kind (const char *text)
{
  if (text == NULL || *text == '\0')
    return CELL_BLANK;
  int digits = 0, other = 0, all = 0;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == ' ')
        continue;
      all++;
      if (g_unichar_isdigit (c))
        digits++;
      else if (!numberish (c))
        other++;
    }
  return digits > 0 && (other == 0 || (other == 1 && all >= 4)) ? CELL_NUMBER
                                                                 : CELL_TEXT;
}

/* Cells that say a column holds text: two ideographs or more. */
static gboolean
wordy (const char *text)
{
  int han = 0;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    han += bdx_unichar_is_han (g_utf8_get_char (p));
  return han >= 2;
}

/* A region read again: a grid cell, or a line outside the grids. */
typedef struct {
  const BdxCell *cell; /* NULL for a line */
  BdxBox box;       /* points: glyphs centred in it are replaced */
  const char *text; /* the first reading */
  CellKind kind;
  gboolean line;    /* a text line, not a cell */
  gboolean orphan;  /* a line of ink the page's reading left out */
  int x, y, w, h;   /* what to read, pixels: the ink and a margin */
  int ink;          /* black pixels inside */
  int ink_w, ink_h; /* size of the ink's box */
  int parts;        /* connected parts of the ink */
} Region;

/* Narrows a region to its ink and a margin of `pad` pixels (within the
 * region); counts the ink.  Ink is what belongs to parts at least
 * `min_part` pixels wide or tall: a character, a dash; not the specks and
 * JPEG blotches of a rough scan, nor the fringe of an erased rule. */
static void
fit_to_ink (PIX *bin, Region *j, int pad, int min_part)
{
  g_autoptr (BOX) b = boxCreate (j->x, j->y, j->w, j->h);
  g_autoptr (PIX) clip = pixClipRectangle (bin, b, NULL);
  j->ink = 0;
  if (clip == NULL)
    return;
  /* Parts of one character that binarization broke apart (thin strokes
   * of a rough scan) count together: sized after a small closing. */
  l_int32 changed = 0;
  g_autoptr (PIX) closed = pixCloseBrick (NULL, clip, 3, 3);
  g_autoptr (PIX) big = pixSelectBySize (closed, min_part, min_part, 8,
                                         L_SELECT_IF_EITHER, L_SELECT_IF_GTE,
                                         &changed);
  g_autoptr (PIX) parts = big ? pixAnd (NULL, big, clip) : NULL;
  l_int32 n = 0;
  if (parts == NULL || pixCountPixels (parts, &n, NULL) != 0 || n == 0)
    return;
  j->ink = n;
  l_int32 n_parts = 0;
  if (pixCountConnComp (parts, 8, &n_parts) == 0)
    j->parts = n_parts;
  BOX *fg = NULL;
  if (pixClipToForeground (parts, NULL, &fg) != 0 || fg == NULL)
    return;
  l_int32 x, y, w, h;
  boxGetGeometry (fg, &x, &y, &w, &h);
  boxDestroy (&fg);
  x += j->x, y += j->y;
  j->ink_w = w, j->ink_h = h;
  int x0 = MAX (j->x, x - pad), y0 = MAX (j->y, y - pad);
  int x1 = MIN (j->x + j->w, x + w + pad), y1 = MIN (j->y + j->h, y + h + pad);
  j->x = x0, j->y = y0, j->w = x1 - x0, j->h = y1 - y0;
}

/* A cell whose ink is one short bar, thin and well filled, holds a dash:
 * the "-" a table prints for zero.  chi_sim reads a lone dash as 一, 四,
 * "_" or nothing, and the digit models as nothing at all; the shape is
 * unambiguous.  Short: at most DASH_MAX_EM of an em wide, where the
 * ideograph 一 of the same size is nearly a whole em.  A bar: half as
 * long again as it is thick at least (10×4 px at 300 dpi; 9×5 on a
 * 200 dpi scan scaled up, blurred by noise and JPEG). */
#define DASH_MAX_EM 0.7
gboolean
bdx__ocr_is_dash (int ink, int parts, int ink_w, int ink_h, double em_px)
{
  if (parts != 1 || ink_h <= 0)
    return FALSE;
  return ink_h <= em_px / 5 && ink_w >= 1.5 * ink_h && ink_w <= DASH_MAX_EM * em_px
         && ink >= 0.6 * ink_w * ink_h;
}

static gboolean
is_dash (const Region *j, double em_px)
{
  return !j->line && bdx__ocr_is_dash (j->ink, j->parts, j->ink_w, j->ink_h, em_px);
}

static double
mean_conf (const GArray *glyphs)
{
  if (glyphs->len == 0)
    return 0;
  double s = 0;
  for (guint i = 0; i < glyphs->len; i++)
    s += g_array_index (glyphs, BdxGlyph, i).confidence;
  return s / glyphs->len;
}

static int
cmp_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* Each page glyph's region: the smallest region whose box holds its
 * centre, or -1.  A glyph belongs to one region at most, so that two
 * regions' boxes overlapping never read one glyph twice. */
static int *
glyph_owners (const BdxPage *page, const GArray *regions)
{
  int *owner = g_new (int, MAX (1u, page->glyphs->len));
  for (guint i = 0; i < page->glyphs->len; i++)
    {
      const BdxGlyph *g = &g_array_index (page->glyphs, BdxGlyph, i);
      double xc = (g->box.x0 + g->box.x1) / 2, yc = (g->box.y0 + g->box.y1) / 2;
      double best = G_MAXDOUBLE;
      owner[i] = -1;
      for (guint k = 0; k < regions->len; k++)
        {
          const BdxBox *b = &g_array_index (regions, Region, k).box;
          double area = (b->x1 - b->x0) * (b->y1 - b->y0);
          if (xc >= b->x0 && xc < b->x1 && yc >= b->y0 && yc < b->y1 && area < best)
            {
              best = area;
              owner[i] = (int) k;
            }
        }
    }
  return owner;
}

static gboolean
has_glyphs (const BdxPage *page, const int *owner, guint k)
{
  for (guint i = 0; i < page->glyphs->len; i++)
    if (owner[i] == (int) k)
      return TRUE;
  return FALSE;
}

static void
owned_glyphs (const BdxPage *page, const int *owner, guint k, GArray *out)
{
  for (guint i = 0; i < page->glyphs->len; i++)
    if (owner[i] == (int) k)
      g_array_append_val (out, g_array_index (page->glyphs, BdxGlyph, i));
}

/* Drops the glyphs of a reading whose centre is outside box: tesseract
 * may take a neighbour's ink at the edge of the rectangle. */
static void
keep_inside (GArray *glyphs, const BdxBox *box)
{
  for (guint i = glyphs->len; i-- > 0;)
    {
      const BdxGlyph *g = &g_array_index (glyphs, BdxGlyph, i);
      double xc = (g->box.x0 + g->box.x1) / 2, yc = (g->box.y0 + g->box.y1) / 2;
      if (!(xc >= box->x0 && xc < box->x1 && yc >= box->y0 && yc < box->y1))
        g_array_remove_index (glyphs, i);
    }
}

/* The glyphs' text as layout would make it (no spaces: compared only). */
static char *
glyphs_text (const GArray *glyphs)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < glyphs->len; i++)
    g_string_append_unichar (s, g_array_index (glyphs, BdxGlyph, i).c);
  return g_string_free (s, FALSE);
}

static gboolean
read_rect (TessBaseAPI *api, const BdxOcrImage *img, const Region *j,
           TessPageSegMode psm, GArray *out)
{
  TessBaseAPISetPageSegMode (api, psm);
  TessBaseAPISetRectangle (api, j->x, j->y, j->w, j->h);
  if (TessBaseAPIRecognize (api, NULL) != 0)
    return FALSE;
  collect_glyphs (api, img->px_per_pt, out);
  keep_inside (out, &j->box);
  return TRUE;
}

/* Reads a cell whose text wraps onto several lines as one line: its
 * lines (bands of ink, by rows) cut out of the picture and laid end to
 * end, then the glyphs put back where their band was.  FALSE when the
 * cell has fewer than two lines or tesseract fails. */
static gboolean
read_unwrapped (TessBaseAPI *api, const BdxOcrImage *img, const Region *j,
                int min_part, TessPageSegMode psm, GArray *out)
{
  g_autoptr (BOX) b = boxCreate (j->x, j->y, j->w, j->h);
  g_autoptr (PIX) clip = pixClipRectangle (img->binary, b, NULL);
  if (clip == NULL)
    return FALSE;
  NUMA *rows = pixCountPixelsByRow (clip, NULL);
  if (rows == NULL)
    return FALSE;
  /* Bands of rows with ink; gaps of a pixel or two do not split one. */
  enum { MAX_BANDS = 8 };
  int y0[MAX_BANDS], y1[MAX_BANDS], n = 0, start = -1, last = -3;
  int h = numaGetCount (rows);
  for (int y = 0; y <= h; y++)
    {
      l_float32 v = 0;
      if (y < h)
        numaGetFValue (rows, y, &v);
      if (v > 0)
        {
          if (start < 0 || y - last > 3)
            {
              if (start >= 0 && last - start + 1 >= min_part && n < MAX_BANDS)
                y0[n] = start, y1[n] = last + 1, n++;
              start = y;
            }
          last = y;
        }
    }
  if (start >= 0 && last - start + 1 >= min_part && n < MAX_BANDS)
    y0[n] = start, y1[n] = last + 1, n++;
  numaDestroy (&rows);
  if (n < 2)
    return FALSE;

  /* Each band's ink, left to right; laid out with half a line between. */
  int x0[MAX_BANDS], x1[MAX_BANDS], dx[MAX_BANDS], height = 0, width = 0;
  int gap = (y1[0] - y0[0]) / 2, pad = y1[0] - y0[0];
  for (int i = 0; i < n; i++)
    {
      g_autoptr (BOX) bb = boxCreate (0, y0[i], j->w, y1[i] - y0[i]);
      BOX *fg = NULL;
      g_autoptr (PIX) band = pixClipRectangle (clip, bb, NULL);
      if (band == NULL || pixClipToForeground (band, NULL, &fg) != 0 || fg == NULL)
        return FALSE;
      l_int32 fx, fy, fw, fh;
      boxGetGeometry (fg, &fx, &fy, &fw, &fh);
      boxDestroy (&fg);
      x0[i] = fx, x1[i] = fx + fw;
      dx[i] = pad + width + (i > 0 ? gap : 0);
      width += (i > 0 ? gap : 0) + fw;
      height = MAX (height, y1[i] - y0[i]);
    }
  g_autoptr (PIX) line = pixCreate (width + 2 * pad, height + 2 * pad, 8);
  pixSetAllArbitrary (line, 255);
  pixSetResolution (line, img->ppi, img->ppi);
  for (int i = 0; i < n; i++)
    pixRasterop (line, dx[i], pad, x1[i] - x0[i], y1[i] - y0[i], PIX_SRC,
                 img->read, j->x + x0[i], j->y + y0[i]);

  TessBaseAPISetImage2 (api, line);
  TessBaseAPISetSourceResolution (api, img->ppi);
  TessBaseAPISetPageSegMode (api, psm);
  if (TessBaseAPIRecognize (api, NULL) != 0)
    return FALSE;
  /* Glyphs in the line's pixels (px_per_pt 1), then back to the cell. */
  g_autoptr (GArray) got = g_array_new (FALSE, FALSE, sizeof (BdxGlyph));
  collect_glyphs (api, 1.0, got);
  double s = img->px_per_pt;
  for (guint k = 0; k < got->len; k++)
    {
      BdxGlyph g = g_array_index (got, BdxGlyph, k);
      double xc = (g.box.x0 + g.box.x1) / 2;
      int i = 0;
      while (i + 1 < n && xc >= dx[i + 1] - gap / 2.0)
        i++;
      double ox = j->x + x0[i] - dx[i], oy = j->y + y0[i] - pad;
      g.box = (BdxBox){ (g.box.x0 + ox) / s, (g.box.y0 + oy) / s,
                        (g.box.x1 + ox) / s, (g.box.y1 + oy) / s };
      g_array_append_val (out, g);
    }
  keep_inside (out, &j->box);
  return TRUE;
}

static void
clamp_region (Region *j, double x0, double y0, double x1, double y1, int W,
              int H)
{
  int ix0 = CLAMP ((int) ceil (x0), 0, W), ix1 = CLAMP ((int) floor (x1), 0, W);
  int iy0 = CLAMP ((int) ceil (y0), 0, H), iy1 = CLAMP ((int) floor (y1), 0, H);
  j->x = ix0, j->y = iy0, j->w = MAX (0, ix1 - ix0), j->h = MAX (0, iy1 - iy0);
}

/* Rows of a grid that hold data: a cell of another number column, below
 * that column's first number, reads as a number.  A number column's
 * cells above its own first number are headers, except in such rows:
 * the 类 code of the first rows, wrapped ("20" over "7") and misread
 * ("20了"), stands above the first code read right. */
static gboolean *
data_rows (const BdxGrid *grid, const int *numbers, const int *texts,
           const int *first, const int *col, const int *row, const gboolean *number,
           guint n)
{
  gboolean *out = g_new0 (gboolean, grid->n_rows);
  for (guint k = 0; k < n; k++)
    {
      int c = col[k];
      if (number[k] && numbers[c] >= 2 && numbers[c] > texts[c] && row[k] > first[c])
        out[row[k]] = TRUE;
    }
  return out;
}

/* A short cell's text that is a number misread: a digit or at most one
 * ideograph; above the column's first number (in a data row), a digit
 * and at most one ideograph. */
static gboolean
misread_number (const char *text, gboolean above)
{
  if (g_utf8_strlen (text, -1) > 12)
    return FALSE;
  int han = 0, digits = 0;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      han += bdx_unichar_is_han (g_utf8_get_char (p));
      digits += g_unichar_isdigit (g_utf8_get_char (p));
    }
  return above ? digits > 0 && han <= 1 : han <= 1 || digits > 0;
}

/* The regions of a layout's grids, classified (see the algorithm). */
static void
grid_regions (const BdxOcrImage *img, const BdxGrid *grid, int pad,
              int min_part, GArray *out)
{
  double s = img->px_per_pt;
  int W = pixGetWidth (img->read), H = pixGetHeight (img->read);
  /* Inside a cell: clear of the erased rule and its fringe. */
  int inset = MAX (2, (int) lround (0.01 * img->ppi));

  /* Number columns: most of their cells, below the first number, read
   * as numbers. */
  g_autofree int *numbers = g_new0 (int, grid->n_cols);
  g_autofree int *texts = g_new0 (int, grid->n_cols);
  g_autofree int *first = g_new (int, grid->n_cols);
  for (int c = 0; c < grid->n_cols; c++)
    first[c] = grid->n_rows;
  for (guint k = 0; k < grid->cells->len; k++)
    {
      const BdxCell *cell = g_ptr_array_index (grid->cells, k);
      if (cell->colspan > 1)
        continue;
      CellKind kind = reading_kind (cell->text);
      if (kind == CELL_NUMBER)
        {
          numbers[cell->col]++;
          first[cell->col] = MIN (first[cell->col], cell->row);
        }
      else if (wordy (cell->text))
        texts[cell->col]++;
    }
  guint nc = grid->cells->len;
  g_autofree int *ccol = g_new (int, MAX (1u, nc)), *crow = g_new (int, MAX (1u, nc));
  g_autofree gboolean *cnum = g_new (gboolean, MAX (1u, nc));
  for (guint k = 0; k < nc; k++)
    {
      const BdxCell *cell = g_ptr_array_index (grid->cells, k);
      ccol[k] = cell->col, crow[k] = cell->row;
      cnum[k] = cell->colspan == 1 && reading_kind (cell->text) == CELL_NUMBER;
    }
  g_autofree gboolean *data = data_rows (grid, numbers, texts, first, ccol, crow, cnum, nc);
  for (guint k = 0; k < grid->cells->len; k++)
    {
      const BdxCell *cell = g_ptr_array_index (grid->cells, k);
      Region j = { .cell = cell, .box = cell->box, .text = cell->text,
                   .kind = reading_kind (cell->text) };
      clamp_region (&j, cell->box.x0 * s + inset, cell->box.y0 * s + inset,
                    cell->box.x1 * s - inset, cell->box.y1 * s - inset, W, H);
      if (j.w < 4 || j.h < 4)
        continue;
      fit_to_ink (img->binary, &j, pad, min_part);
      g_debug ("cell r%d c%d '%s' ink %d in %d part(s) %dx%d at %d,%d %dx%d", cell->row,
               cell->col, cell->text, j.ink, j.parts, j.ink_w, j.ink_h, j.x, j.y, j.w, j.h);
      gboolean numeric = cell->colspan == 1 && numbers[cell->col] >= 2
                         && numbers[cell->col] > texts[cell->col];
      gboolean number_column = numeric && cell->row > first[cell->col];
      gboolean above = numeric && cell->row < first[cell->col] && data[cell->row];

      /* A number misread as letters ("8" as "日", "6.15" as "全沁9"). */
      if (j.kind == CELL_TEXT && (number_column || above)
          && misread_number (cell->text, above))
        j.kind = CELL_NUMBER;
      if (j.kind == CELL_BLANK && j.ink > 0)
        j.kind = number_column ? CELL_NUMBER : CELL_TEXT;
      g_array_append_val (out, j);
    }
}

/* ---- corrections ------------------------------------------------------------ */

/* Look-alikes chi_sim reads in place of the printed character on the
 * typefaces disclosures use (Song/Ming and Noto Serif), measured on the
 * scanned sample (docs/ocr.md): read → printed.  A reading is corrected
 * only where the lexicon agrees (see correct_glyphs). */
static const struct {
  gunichar read, printed;
} look_alikes[] = {
  { 0x6587, 0x652F }, /* 文 → 支 (支出, 收支, 支付) */
  { 0x6B89, 0x514B }, /* 殉 → 克 */
  { 0x8D41, 0x51ED }, /* 赁 → 凭 (凭证) */
  { 0x653B, 0x5B5C }, /* 攻 → 孜 */
  { 0x4E8E, 0x6B3E }, /* 于 → 款 */
  { 0x5BAB, 0x8425 }, /* 宫 → 营 (经营) */
  { 0x5BF9, 0x8868 }, /* 对 → 表 (总表), bold sans titles of generated scans */
  { 0x002D, 0x4E00 }, /* - → 一 (一般), bold sans titles of generated scans */
  { 0x2014, 0x4E00 }, /* — → 一 */
};

static gboolean
known_bigram (GHashTable *lexicon, gunichar a, gunichar b)
{
  guint64 k = bigram_key (a, b);
  return g_hash_table_contains (lexicon, &k);
}

/* Corrects a reading in place (see the algorithm): a look-alike whose
 * pairs with its neighbours are unknown to the lexicon while the printed
 * character's pairs are known; brackets the reading leaves unbalanced
 * (chi_sim reads "（" as "〈" or "《"). */
static void
correct_glyphs (GHashTable *lexicon, GArray *glyphs)
{
  guint n = glyphs->len;
  BdxGlyph *g = (BdxGlyph *) glyphs->data;
  if (lexicon != NULL)
    for (guint i = 0; i < n; i++)
      for (guint k = 0; k < G_N_ELEMENTS (look_alikes); k++)
        {
          if (g[i].c != look_alikes[k].read)
            continue;
          gunichar x = look_alikes[k].printed;
          gboolean left = i > 0 && bdx_unichar_is_han (g[i - 1].c);
          gboolean right = i + 1 < n && bdx_unichar_is_han (g[i + 1].c);
          gboolean now = (left && known_bigram (lexicon, g[i - 1].c, g[i].c))
                         || (right && known_bigram (lexicon, g[i].c, g[i + 1].c));
          gboolean then = (left && known_bigram (lexicon, g[i - 1].c, x))
                          || (right && known_bigram (lexicon, x, g[i + 1].c));
          if (!now && then)
            {
              g_debug ("look-alike corrected: U+%04X → U+%04X", g[i].c, x);
              g[i].c = x;
              break;
            }
        }
  /* A table's caption number, "表5" or "附表12", alone on its line: a
   * speck read as ":" or "-" between them, or 了 for 7, would hide the
   * number from the parser. */
  if (n >= 2 && n <= 6 && (g[0].c == 0x8868 || (g[0].c == 0x9644 && g[1].c == 0x8868)))
    {
      guint from = g[0].c == 0x8868 ? 1 : 2, digits = 0, junk = 0;
      for (guint i = from; i < n; i++)
        {
          gunichar c = g[i].c;
          if (g_unichar_isdigit (c) || c == 0x4E86 /* 了 */)
            digits++;
          else if (c < 128 && g_ascii_ispunct ((char) c))
            junk++;
        }
      if (digits > 0 && digits + junk == n - from && digits <= 3)
        {
          for (guint i = n; i-- > from;)
            if (g[i].c == 0x4E86)
              g[i].c = '7';
            else if (!g_unichar_isdigit (g[i].c))
              g_array_remove_index (glyphs, i);
          n = glyphs->len;
          g = (BdxGlyph *) glyphs->data;
        }
    }

  /* Brackets: an opening 〈 or 《 without its closing one, before a ")",
   * is "("; the same the other way round. */
  for (guint i = 0; i < n; i++)
    {
      gunichar open = g[i].c, close = open == 0x3008 ? 0x3009 : open == 0x300A ? 0x300B : 0;
      if (close == 0)
        continue;
      gboolean closed = FALSE, paren = FALSE;
      for (guint k = i + 1; k < n && !closed; k++)
        {
          closed = g[k].c == close;
          paren = paren || g[k].c == ')';
        }
      if (!closed && paren)
        g[i].c = '(';
    }
  for (guint i = n; i-- > 0;)
    {
      gunichar close = g[i].c, open = close == 0x3009 ? 0x3008 : close == 0x300B ? 0x300A : 0;
      if (open == 0)
        continue;
      gboolean opened = FALSE, paren = FALSE;
      for (guint k = 0; k < i && !opened; k++)
        {
          opened = g[k].c == open;
          paren = paren || g[k].c == '(';
        }
      if (!opened && paren)
        g[i].c = ')';
    }
}

static gboolean
is_small_integer (const char *t, int *value)
{
  if (t == NULL || *t == '\0' || strlen (t) > 2)
    return FALSE;
  for (const char *p = t; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  *value = atoi (t);
  return TRUE;
}

/* The text a region has now: its new reading, or its glyphs on the page. */
static char *
region_text (const BdxPage *page, const int *owner, GPtrArray *fresh, guint k)
{
  g_autoptr (GArray) got = g_array_new (FALSE, FALSE, sizeof (BdxGlyph));
  if (fresh->pdata[k] != NULL)
    g_array_append_vals (got, ((GArray *) fresh->pdata[k])->data,
                         ((GArray *) fresh->pdata[k])->len);
  else
    owned_glyphs (page, owner, k, got);
  return glyphs_text (got);
}

/* A glyph for a region's centre: layout needs no more than its centre. */
static GArray *
centre_glyphs (const Region *j, const char *text)
{
  GArray *a = g_array_new (FALSE, FALSE, sizeof (BdxGlyph));
  glong n = g_utf8_strlen (text, -1);
  double w = 6, xc = (j->box.x0 + j->box.x1) / 2, yc = (j->box.y0 + j->box.y1) / 2;
  double x = xc - n * w / 2;
  for (const char *p = text; *p; p = g_utf8_next_char (p), x += w)
    {
      BdxGlyph g = { .c = g_utf8_get_char (p), .confidence = 0.9f,
                     .source = BDX_GLYPH_OCR };
      g.box = (BdxBox){ x, yc - 4, x + w, yc + 4 };
      g_array_append_val (a, g);
    }
  return a;
}

/* A grid's column-number row (※ ※ 1 2 3): the amount columns numbered 1,
 * 2, 3 … from left to right, marks in the label columns.  chi_sim does
 * not know ※ (it reads 淡, 炎 or nothing) and misreads a lone small digit
 * now and then ("人4", "O").  A row where at least two cells read as
 * increasing small integers and no cell reads as more than a few
 * characters is such a row: marks (one character or none, with ink) left
 * of the first number become ※ — but for the cells just left of a first
 * number above 1, which are the numbers before it — and a cell between
 * numbers that is not one becomes the number its place says.  Structure, not data: nothing
 * of the output's amounts comes from here. */
static void
mark_column_numbers (const BdxGrid *grid, GArray *regions, guint from,
                     guint to, GPtrArray *fresh, const BdxPage *page,
                     const int *owner)
{
  for (int r = 0; r < grid->n_rows; r++)
    {
      /* The row's regions, left to right (regions are row-major). */
      g_autoptr (GArray) ks = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
      for (guint k = from; k < to; k++)
        {
          const Region *j = &g_array_index (regions, Region, k);
          if (j->cell->row != r)
            continue;
          g_array_append_val (ks, k);
          g_ptr_array_add (texts, region_text (page, owner, fresh, k));
        }
      int numbers = 0, last = 0, first = -1, first_value = 0, marks_read = 0;
      gboolean ok = TRUE;
      for (guint i = 0; i < ks->len && ok; i++)
        {
          int v;
          const char *t = texts->pdata[i];
          /* A mark: ※, or one character read for it (淡, 炎, 上 …). */
          if (first < 0 && g_utf8_strlen (t, -1) == 1 && !g_unichar_isdigit (g_utf8_get_char (t)))
            marks_read++;
          if (is_small_integer (t, &v))
            {
              ok = v > last;
              last = v;
              numbers++;
              if (first < 0)
                first = (int) i, first_value = v;
            }
          else if (g_utf8_strlen (t, -1) > 3)
            ok = FALSE;
        }
      /* Two numbers make the row; so do one number and two marks read
       * before it (a rough scan: "※ ※ ※ ※ · · 3", the 1 and 2 read as
       * nothing; "※ 淡 淡 上 尼 3"). */
      if (!ok || (numbers < 2 && !(numbers == 1 && marks_read >= 2)))
        continue;
      /* Numbering starts at 1: when the first number read is 2 or more,
       * the cells just left of it are the numbers before, misread ("1"
       * in 6.5 pt read as "l" or nothing), not marks. */
      int marks = first - (first_value - 1);
      int expect = 0;
      for (guint i = 0; i < ks->len; i++)
        {
          guint k = g_array_index (ks, guint, i);
          const Region *j = &g_array_index (regions, Region, k);
          const char *t = texts->pdata[i];
          int v;
          if (is_small_integer (t, &v))
            {
              expect = v + 1;
              continue;
            }
          if (j->ink == 0)
            continue;
          g_autofree char *fix = (int) i < marks ? g_strdup ("\u203B")
                                 : (int) i < first ? g_strdup_printf ("%d", first_value - (first - (int) i))
                                                   : g_strdup_printf ("%d", expect++);
          g_debug ("column-number row %d: '%s' made '%s'", r, t, fix);
          if (fresh->pdata[k] != NULL)
            g_array_unref (fresh->pdata[k]);
          fresh->pdata[k] = centre_glyphs (j, fix);
        }
    }
}

/* A number's reading tidied where it cannot be what was printed: a
 * comma before the last one or two digits is the decimal point (a
 * thousands separator has three after it), and a minus far from the
 * digits (more than a third of an em) is a speck or a rule's remnant. */
static void
tidy_number (GArray *glyphs, double em)
{
  guint n = glyphs->len;
  BdxGlyph *g = (BdxGlyph *) glyphs->data;
  if (n >= 3)
    for (guint tail = 1; tail <= 2; tail++)
      {
        if (n < tail + 2 || g[n - tail - 1].c != ',')
          continue;
        gboolean digits = TRUE;
        for (guint k = n - tail; k < n; k++)
          digits = digits && g_unichar_isdigit (g[k].c);
        if (digits)
          g[n - tail - 1].c = '.';
      }
  if (n >= 2 && g[0].c == '-' && g[1].box.x0 - g[0].box.x1 > em / 3)
    g_array_remove_index (glyphs, 0);
}

/* Readings of a number, by two models and two ways of segmenting: the
 * text two of them agree on; when none agree, the most confident, with
 * every glyph's confidence capped below the low mark — a disagreement is
 * never silent.  Returns a new reference. */
static GArray *
vote (GArray **r, int n)
{
  g_autoptr (GPtrArray) t = g_ptr_array_new_with_free_func (g_free);
  for (int i = 0; i < n; i++)
    g_ptr_array_add (t, glyphs_text (r[i]));
  for (int i = 0; i < n; i++)
    for (int k = i + 1; k < n; k++)
      if (strcmp (t->pdata[i], t->pdata[k]) == 0)
        {
          GArray *a = r[i], *b = r[k];
          /* A third reading that ends with theirs and has more before it:
           * the two lost its start ("0.42", "2" and "2"). */
          gboolean cut = FALSE;
          size_t la = strlen (t->pdata[i]);
          for (int m = 0; m < n; m++)
            {
              size_t lm = strlen (t->pdata[m]);
              cut = cut || (m != i && m != k && lm > la
                            && strcmp ((char *) t->pdata[m] + lm - la, t->pdata[i]) == 0);
            }
          if (cut)
            break;
          for (guint g = 0; g < a->len && g < b->len; g++)
            g_array_index (a, BdxGlyph, g).confidence
                = MAX (g_array_index (a, BdxGlyph, g).confidence,
                       g_array_index (b, BdxGlyph, g).confidence);
          return g_array_ref (a);
        }
  int best = 0;
  for (int i = 1; i < n; i++)
    if (mean_conf (r[i]) > mean_conf (r[best]))
      best = i;
  GArray *win = r[best];
  for (guint g = 0; g < win->len; g++)
    {
      BdxGlyph *gl = &g_array_index (win, BdxGlyph, g);
      gl->confidence = MIN (gl->confidence, BDX_OCR_LOW_CONFIDENCE / 2);
    }
  g_debug ("numbers disagree: '%s' or '%s'%s%s%s", (char *) t->pdata[0],
           n > 1 ? (char *) t->pdata[1] : "", n > 2 ? " or '" : "",
           n > 2 ? (char *) t->pdata[2] : "", n > 2 ? "'" : "");
  return g_array_ref (win);
}

/* Lines of ink outside the grids that the page's reading left out: on a
 * rough scan, PSM 3 now and then skips a whole title ("三、部门支出总表"),
 * and the table goes unknown.  The binary picture without the layout's
 * blocks, closed along the line (half an em) into blobs; a blob about a
 * line high (half an em to two and a half) and an em or more long is
 * such a line, read like the others (and kept only when it reads as
 * text: see bdx_ocr_reread_cells). */
static void
orphan_lines (const BdxOcrImage *img, const BdxLayout *layout, double em_px,
              GArray *lines)
{
  double s = img->px_per_pt;
  g_autoptr (PIX) mask = pixCopy (NULL, img->binary);
  if (mask == NULL)
    return;
  int W = pixGetWidth (mask), H = pixGetHeight (mask);
  for (guint b = 0; b < layout->blocks->len; b++)
    {
      const BdxBlock *block = g_ptr_array_index (layout->blocks, b);
      double m = block->kind == BDX_BLOCK_GRID ? 2 : em_px / 4;
      int x0 = CLAMP ((int) (block->box.x0 * s - m), 0, W);
      int y0 = CLAMP ((int) (block->box.y0 * s - m), 0, H);
      int x1 = CLAMP ((int) (block->box.x1 * s + m), 0, W);
      int y1 = CLAMP ((int) (block->box.y1 * s + m), 0, H);
      if (x1 <= x0 || y1 <= y0)
        continue;
      g_autoptr (BOX) box = boxCreate (x0, y0, x1 - x0, y1 - y0);
      pixClearInRect (mask, box);
    }
  int close = MAX (3, (int) (em_px / 2)) | 1;
  g_autoptr (PIX) closed = pixCloseBrick (NULL, mask, close, 3);
  if (closed == NULL)
    return;
  g_autoptr (BOXA) blobs = pixConnComp (closed, NULL, 8);
  if (blobs == NULL)
    return;
  for (int i = 0; i < boxaGetCount (blobs); i++)
    {
      l_int32 x, y, w, h;
      if (boxaGetBoxGeometry (blobs, i, &x, &y, &w, &h) != 0)
        continue;
      if (h < em_px / 2 || h > 2.5 * em_px || w < em_px)
        continue;
      l_int32 ink = 0;
      g_autoptr (BOX) bb = boxCreate (x, y, w, h);
      g_autoptr (PIX) part = pixClipRectangle (mask, bb, NULL);
      if (part == NULL || pixCountPixels (part, &ink, NULL) != 0 || ink < 0.08 * w * h)
        continue;
      double em = h / s;
      Region j = { .box = { x / s - em / 2, y / s - em / 4, (x + w) / s + em / 2,
                            (y + h) / s + em / 4 },
                   .text = "", .kind = CELL_TEXT, .line = TRUE, .orphan = TRUE };
      g_debug ("orphan line at %d,%d %dx%d px", x, y, w, h);
      g_array_append_val (lines, j);
    }
}

int
bdx_ocr_reread_cells (BdxOcrEngine *e, const BdxOcrImage *img, BdxPage *page,
                      const BdxLayout *layout, GError **error)
{
  g_return_val_if_fail (e != NULL && img != NULL && page != NULL, -1);
  g_return_val_if_fail (layout != NULL, -1);
  limit_openmp ();
  double s = img->px_per_pt;
  int W = pixGetWidth (img->read), H = pixGetHeight (img->read);

  /* The text's size: the median height of the page's glyphs (most are
   * the body's or the table's), in pixels. */
  g_autoptr (GArray) ems = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < page->glyphs->len; i++)
    {
      const BdxGlyph *g = &g_array_index (page->glyphs, BdxGlyph, i);
      double h = g->box.y1 - g->box.y0;
      g_array_append_val (ems, h);
    }
  double em_px = 10.5 * s;
  if (ems->len > 0)
    {
      g_array_sort (ems, cmp_double);
      em_px = g_array_index (ems, double, ems->len / 2) * s;
    }
  int pad = MAX (4, (int) (em_px / 4));
  int min_part = MAX (3, (int) (em_px / 4));

  g_autoptr (GArray) regions = g_array_new (FALSE, FALSE, sizeof (Region));
  g_autoptr (GArray) grid_spans = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) lines = g_array_new (FALSE, FALSE, sizeof (Region));
  for (guint b = 0; b < layout->blocks->len; b++)
    {
      const BdxBlock *block = g_ptr_array_index (layout->blocks, b);
      if (block->kind == BDX_BLOCK_GRID)
        {
          guint from = regions->len;
          grid_regions (img, block->grid, pad, min_part, regions);
          guint to = regions->len;
          g_array_append_val (grid_spans, b);
          g_array_append_val (grid_spans, from);
          g_array_append_val (grid_spans, to);
          continue;
        }
      /* A line: its box and a little more (a quarter em up and down,
       * half an em sideways), so that its glyphs are whole. */
      const BdxLine *l = block->line;
      double em = l->em;
      /* A "line" several lines tall is a muddle of the page reading
       * (stray marks); it is left as it is.  Several lines of the page's
       * text, too: its own em may be as tall as the muddle. */
      if (l->box.y1 - l->box.y0 > 3 * em || (l->box.y1 - l->box.y0) * s > 6 * em_px)
        continue;
      Region j = { .box = { l->box.x0 - em / 2, l->box.y0 - em / 4,
                            l->box.x1 + em / 2, l->box.y1 + em / 4 },
                   .text = l->text, .kind = CELL_TEXT, .line = TRUE };
      g_array_append_val (lines, j);
    }
  orphan_lines (img, layout, em_px, lines);
  /* Lines the page pass read twice over one another (a title read as
   * two garbled lines that overlap) are one line: read apart, both
   * readings would be kept and interleave ("一般公公共共预预算算"). */
  for (guint a = 0; a < lines->len; a++)
    {
      Region *ra = &g_array_index (lines, Region, a);
      for (guint b = a + 1; b < lines->len; b++)
        {
          Region *rb = &g_array_index (lines, Region, b);
          double ox = MIN (ra->box.x1, rb->box.x1) - MAX (ra->box.x0, rb->box.x0);
          double oy = MIN (ra->box.y1, rb->box.y1) - MAX (ra->box.y0, rb->box.y0);
          double hmin = MIN (ra->box.y1 - ra->box.y0, rb->box.y1 - rb->box.y0);
          if (ox <= 0 || oy < hmin / 2)
            continue;
          ra->box.x0 = MIN (ra->box.x0, rb->box.x0);
          ra->box.y0 = MIN (ra->box.y0, rb->box.y0);
          ra->box.x1 = MAX (ra->box.x1, rb->box.x1);
          ra->box.y1 = MAX (ra->box.y1, rb->box.y1);
          g_array_remove_index (lines, b);
          b = a; /* the grown line may now meet earlier ones */
        }
    }
  for (guint a = 0; a < lines->len; a++)
    {
      Region j = g_array_index (lines, Region, a);
      clamp_region (&j, j.box.x0 * s, j.box.y0 * s, j.box.x1 * s, j.box.y1 * s, W, H);
      if (j.w < 4 || j.h < 4)
        continue;
      fit_to_ink (img->binary, &j, pad, min_part);
      g_array_append_val (regions, j);
    }
  if (regions->len == 0)
    return 0;
  g_autofree int *owner = glyph_owners (page, regions);

  /* New readings, per region (NULL: keep the first one). */
  g_autoptr (GPtrArray) fresh = g_ptr_array_new_full (regions->len, (GDestroyNotify) array_unref0);
  g_ptr_array_set_size (fresh, regions->len);
  int changed = 0;
  /* A speck or two is no text. */
  int min_ink = (int) (0.5 * s * 0.5 * s);

  /* Text first: what it reads as a number is read again as one. */
  TessBaseAPI *api = text_api (e);
  TessBaseAPISetImage2 (api, img->read);
  TessBaseAPISetSourceResolution (api, img->ppi);
  for (guint k = 0; k < regions->len; k++)
    {
      Region *j = &g_array_index (regions, Region, k);
      if (j->ink < min_ink)
        {
          if (!j->line && *j->text != '\0')
            {
              /* A blank cell: noise was read. */
              fresh->pdata[k] = g_array_new (FALSE, FALSE, sizeof (BdxGlyph));
              changed++;
            }
          j->kind = CELL_BLANK;
          continue;
        }
      if (is_dash (j, em_px))
        {
          g_debug ("region %u: a dash (%dx%d px)", k, j->ink_w, j->ink_h);
          if (fresh->pdata[k] != NULL)
            g_array_unref (fresh->pdata[k]);
          fresh->pdata[k] = centre_glyphs (j, "-");
          j->kind = CELL_BLANK;
          changed++;
          continue;
        }
      if (j->kind != CELL_TEXT)
        continue;
      /* One line, unless a cell's ink is tall enough for two; one
       * character when it is about square and a line high. */
      TessPageSegMode psm = PSM_SINGLE_LINE;
      if (!j->line)
        {
          if (j->ink_h > 1.5 * em_px)
            psm = PSM_SINGLE_BLOCK;
          else if (j->ink_w < 1.4 * j->ink_h && j->ink_h > em_px / 2)
            psm = PSM_SINGLE_CHAR;
        }
      /* A reading the page pass made with confidence is kept (corrected
       * where the lexicon says so) on one line that is not a heading:
       * reading prose twice buys little and costs as much again.  Titles,
       * captions and short lines, cells of one line or one character,
       * wrapped cells and doubtful readings are read again. */
      {
        g_autoptr (GArray) first = g_array_new (FALSE, FALSE, sizeof (BdxGlyph));
        owned_glyphs (page, owner, k, first);
        float least = 1;
        for (guint i = 0; i < first->len; i++)
          least = MIN (least, g_array_index (first, BdxGlyph, i).confidence);
        gboolean sure = j->line && first->len > SURE_LINE_GLYPHS && least >= SURE_LINE;
        if (sure)
          {
            g_autofree char *t0 = glyphs_text (first);
            correct_glyphs (e->lexicon, first);
            g_autofree char *t1 = glyphs_text (first);
            if (strcmp (t0, t1) != 0)
              {
                fresh->pdata[k] = g_array_ref (first);
                changed++;
              }
            continue;
          }
      }
      g_autoptr (GArray) now = g_array_new (FALSE, FALSE, sizeof (BdxGlyph));
      if (!read_rect (api, img, j, psm, now))
        goto fail;
      /* A line with ink that tesseract's line mode reads as nothing at
       * all, nor the page ("资金来源" over three columns, AR PL UMing):
       * its raw-line mode, which skips the line finding, reads it. */
      if (now->len == 0 && psm == PSM_SINGLE_LINE && !has_glyphs (page, owner, k)
          && !read_rect (api, img, j, PSM_RAW_LINE, now))
        goto fail;
      if (psm == PSM_SINGLE_BLOCK)
        {
          /* Narrow cells wrapped onto lines of two or three characters:
           * tesseract's block reading mixes such lines up now and then;
           * the lines laid end to end make one line it reads well.  The
           * more confident reading wins. */
          g_autoptr (GArray) other = g_array_new (FALSE, FALSE, sizeof (BdxGlyph));
          if (read_unwrapped (api, img, j, min_part, PSM_SINGLE_LINE, other)
              && mean_conf (other) > mean_conf (now))
            {
              g_array_set_size (now, 0);
              g_array_append_vals (now, other->data, other->len);
            }
          /* read_unwrapped() read another picture. */
          TessBaseAPISetImage2 (api, img->read);
          TessBaseAPISetSourceResolution (api, img->ppi);
        }
      correct_glyphs (e->lexicon, now);
      /* Two readings: the same text, or the more confident. */
      g_autoptr (GArray) before = g_array_new (FALSE, FALSE, sizeof (BdxGlyph));
      owned_glyphs (page, owner, k, before);
      correct_glyphs (e->lexicon, before);
      GArray *pick = now;
      if (now->len == 0 || (before->len > 0 && mean_conf (before) > mean_conf (now) + 0.05))
        pick = before;
      g_autofree char *tp = glyphs_text (pick);
      if (!j->line && reading_kind (tp) == CELL_NUMBER)
        {
          j->kind = CELL_NUMBER;
          continue;
        }
      /* A table cell the page and the cell read differently, both with
       * something: one of them is wrong, and tesseract's confidence does
       * not say which ("国有资本经营预算拨款" 0.99 against "有资本经营预算
       * 拨坎" 0.96).  The reading kept is flagged, never silent. */
      if (!j->line && before->len > 0 && now->len > 0)
        {
          g_autofree char *t0 = glyphs_text (before), *t1 = glyphs_text (now);
          if (strcmp (t0, t1) != 0)
            for (guint i = 0; i < pick->len; i++)
              {
                BdxGlyph *gl = &g_array_index (pick, BdxGlyph, i);
                gl->confidence = MIN (gl->confidence, BDX_OCR_LOW_CONFIDENCE / 2);
              }
        }
      {
        g_autofree char *tb = glyphs_text (before), *tn = glyphs_text (now);
        g_debug ("region %u %s box %.1f,%.1f-%.1f,%.1f px %d,%d %dx%d: '%s' (%.2f) / '%s' (%.2f)",
                 k, j->line ? "line" : "cell", j->box.x0, j->box.y0, j->box.x1, j->box.y1,
                 j->x, j->y, j->w, j->h, tb, mean_conf (before), tn, mean_conf (now));
      }
      /* An orphan line is text when it reads as some: two glyphs or
       * more, with confidence; else specks, a stamp, a smudge. */
      if (j->orphan && (pick->len < 2 || mean_conf (pick) < BDX_OCR_LOW_CONFIDENCE))
        continue;
      fresh->pdata[k] = g_array_ref (pick);
      changed++;
    }

  /* Columns again, by the text readings: a column where the page's
   * reading found nothing (it skips number columns of rough scans now and
   * then) is a number column when most of its cells now read as numbers;
   * its other short cells with a digit or at most one ideograph are
   * numbers misread ("6.15" as "全沁9") and are read as numbers too. */
  for (guint i = 0; i + 2 < grid_spans->len; i += 3)
    {
      const BdxBlock *block = g_ptr_array_index (layout->blocks,
                                                 g_array_index (grid_spans, guint, i));
      guint from = g_array_index (grid_spans, guint, i + 1);
      guint to = g_array_index (grid_spans, guint, i + 2);
      const BdxGrid *grid = block->grid;
      g_autofree int *numbers = g_new0 (int, grid->n_cols);
      g_autofree int *texts = g_new0 (int, grid->n_cols);
      g_autofree int *first = g_new (int, grid->n_cols);
      for (int c = 0; c < grid->n_cols; c++)
        first[c] = grid->n_rows;
      for (guint k = from; k < to; k++)
        {
          const Region *j = &g_array_index (regions, Region, k);
          if (j->cell->colspan > 1)
            continue;
          g_autofree char *t = region_text (page, owner, fresh, k);
          if (j->kind == CELL_NUMBER)
            {
              numbers[j->cell->col]++;
              first[j->cell->col] = MIN (first[j->cell->col], j->cell->row);
            }
          else if (wordy (t))
            texts[j->cell->col]++;
        }
      guint n = to - from;
      g_autofree int *ccol = g_new (int, MAX (1u, n)), *crow = g_new (int, MAX (1u, n));
      g_autofree gboolean *cnum = g_new (gboolean, MAX (1u, n));
      for (guint k = from; k < to; k++)
        {
          const Region *j = &g_array_index (regions, Region, k);
          ccol[k - from] = j->cell->col, crow[k - from] = j->cell->row;
          cnum[k - from] = j->cell->colspan == 1 && j->kind == CELL_NUMBER;
        }
      g_autofree gboolean *data = data_rows (grid, numbers, texts, first, ccol, crow, cnum, n);
      for (guint k = from; k < to; k++)
        {
          Region *j = &g_array_index (regions, Region, k);
          int c = j->cell->col;
          if (j->kind != CELL_TEXT || j->cell->colspan > 1 || numbers[c] < 2
              || numbers[c] <= texts[c] || j->cell->row == first[c])
            continue;
          gboolean above = j->cell->row < first[c];
          if (above && !data[j->cell->row])
            continue;
          g_autofree char *t = region_text (page, owner, fresh, k);
          if (misread_number (t, above))
            {
              j->kind = CELL_NUMBER;
              g_clear_pointer (&fresh->pdata[k], g_array_unref);
            }
        }
    }

  /* Numbers: eng as a word, chi_sim (digits only) as a line, and when
   * they differ eng as a line too; see vote().  (Raw-line tie-breakers
   * were tried: eng's fails as eng's word mode does, "7,318,237.96" for
   * "47,318,237.96"; chi_sim's read the sample's codes "2101101" as
   * "21001".)  Two line modes that agree on a reading that is the end of
   * the word mode's ("2" of "0.42": the line finder dropped the "0.")
   * are flagged, not taken. */
  {
    struct {
      TessBaseAPI *api;
      TessPageSegMode psm;
    } readers[3] = { { number_api (e), PSM_SINGLE_WORD },
                     { NULL, PSM_SINGLE_LINE },
                     { number_api (e), PSM_SINGLE_LINE } };
    int n_readers = 1;
    if (e->numbers != NULL)
      {
        TessBaseAPISetVariable (e->api, "tessedit_char_whitelist", NUMBER_WHITELIST);
        e->digits = TRUE;
        readers[1].api = e->api;
        n_readers = 3;
      }
    /* got[m]: reader m's readings, per region; freed with `readings`. */
    g_autoptr (GPtrArray) readings = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
    GPtrArray *got[3] = { NULL, NULL, NULL };
    for (int m = 0; m < n_readers; m++)
      {
        got[m] = g_ptr_array_new_full (regions->len, (GDestroyNotify) array_unref0);
        g_ptr_array_set_size (got[m], regions->len);
        g_ptr_array_add (readings, got[m]);
        TessBaseAPI *napi = readers[m].api;
        TessBaseAPISetImage2 (napi, img->read);
        TessBaseAPISetSourceResolution (napi, img->ppi);
        for (guint k = 0; k < regions->len; k++)
          {
            const Region *j = &g_array_index (regions, Region, k);
            if (j->kind != CELL_NUMBER)
              continue;
            if (m == 2)
              {
                /* Only where the first two disagree. */
                g_autofree char *a = glyphs_text (got[0]->pdata[k]);
                g_autofree char *b = glyphs_text (got[1]->pdata[k]);
                if (strcmp (a, b) == 0)
                  continue;
              }
            GArray *now = g_array_new (FALSE, FALSE, sizeof (BdxGlyph));
            got[m]->pdata[k] = now;
            /* A number wrapped in a narrow cell ("20" over "7": a 类 code
             * in bold) is one number: its lines laid end to end. */
            if (j->ink_h > 1.5 * em_px
                && read_unwrapped (napi, img, j, min_part, readers[m].psm, now))
              {
                TessBaseAPISetImage2 (napi, img->read);
                TessBaseAPISetSourceResolution (napi, img->ppi);
              }
            else if (!read_rect (napi, img, j, readers[m].psm, now))
              goto fail;
            tidy_number (now, em_px / s);
          }
      }
    for (guint k = 0; k < regions->len; k++)
      {
        const Region *j = &g_array_index (regions, Region, k);
        if (j->kind != CELL_NUMBER)
          continue;
        GArray *r[3];
        int n = 0;
        for (int m = 0; m < n_readers; m++)
          if (got[m]->pdata[k] != NULL)
            r[n++] = got[m]->pdata[k];
        if (fresh->pdata[k] != NULL)
          g_array_unref (fresh->pdata[k]);
        fresh->pdata[k] = vote (r, n);
        changed++;
      }
  }
  TessBaseAPIClear (number_api (e));
  TessBaseAPIClear (text_api (e));

  for (guint i = 0; i + 2 < grid_spans->len; i += 3)
    {
      const BdxBlock *block = g_ptr_array_index (layout->blocks,
                                                 g_array_index (grid_spans, guint, i));
      mark_column_numbers (block->grid, regions, g_array_index (grid_spans, guint, i + 1),
                           g_array_index (grid_spans, guint, i + 2), fresh, page, owner);
    }

  /* Replace the glyphs of the regions read again. */
  {
    g_autoptr (GArray) keep = g_array_new (FALSE, FALSE, sizeof (BdxGlyph));
    for (guint i = 0; i < page->glyphs->len; i++)
      {
        const BdxGlyph *g = &g_array_index (page->glyphs, BdxGlyph, i);
        if (owner[i] < 0 || fresh->pdata[owner[i]] == NULL)
          g_array_append_val (keep, *g);
      }
    for (guint k = 0; k < regions->len; k++)
      if (fresh->pdata[k] != NULL)
        {
          GArray *a = fresh->pdata[k];
          g_array_append_vals (keep, a->data, a->len);
        }
    g_array_set_size (page->glyphs, 0);
    g_array_append_vals (page->glyphs, keep->data, keep->len);
  }
  g_debug ("page %d: %d of %u regions read again", page->number, changed,
           regions->len);
  return changed;

fail:
  TessBaseAPIClear (number_api (e));
  TessBaseAPIClear (text_api (e));
  g_set_error (error, BDX_ERROR, BDX_ERROR_LIBRARY,
               "tesseract cannot read the cells of page %d", page->number);
  return -1;
}

/* ---- repair by validation ----------------------------------------------------------- */

/* Digits a digit is misread as (and read for). */
static const char *const digit_look_alikes[10] = {
  "689", "74", "73", "852", "19", "638", "058", "12", "03695", "084",
};

typedef struct {
  BdxTable *table;
  BdxRow *row;
  guint index; /* in row->values */
  gint64 fen;  /* the alternative */
  char *code;  /* or, when not NULL, the alternative code (owned) */
} Fix;

static void
fix_clear (gpointer data)
{
  g_free (((Fix *) data)->code);
}

/* The printed digits of an amount (no sign, no point) and its decimals. */
static char *
amount_digits (BdxMoney m, BdxUnit unit)
{
  gint64 per = bdx_unit_fen (unit);
  if (per <= 0)
    per = 100;
  int dec = MAX (0, m.decimals);
  /* fen → printed units × 10^dec, exactly when it divides. */
  gint64 scale = 1;
  for (int i = 0; i < dec; i++)
    scale *= 10;
  gint64 v = m.fen < 0 ? -m.fen : m.fen;
  if ((v * scale) % per != 0)
    return NULL;
  return g_strdup_printf ("%" G_GINT64_FORMAT, v * scale / per);
}

/* An amount as printed ("54.81"): its digits with the point put back. */
static char *
amount_text (BdxMoney m, BdxUnit unit)
{
  g_autofree char *d = amount_digits (m, unit);
  if (d == NULL)
    return g_strdup ("?");
  int dec = MAX (0, m.decimals);
  gsize n = strlen (d);
  GString *s = g_string_new (m.fen < 0 ? "-" : "");
  if ((gsize) dec >= n)
    {
      g_string_append (s, "0.");
      for (gsize i = n; i < (gsize) dec; i++)
        g_string_append_c (s, '0');
      g_string_append (s, d);
    }
  else
    {
      g_string_append_len (s, d, n - dec);
      if (dec > 0)
        {
          g_string_append_c (s, '.');
          g_string_append (s, d + n - dec);
        }
    }
  return g_string_free (s, FALSE);
}

static gint64
digits_to_fen (const char *digits, int dec, BdxUnit unit, gboolean negative)
{
  gint64 per = bdx_unit_fen (unit);
  if (per <= 0)
    per = 100;
  gint64 scale = 1;
  for (int i = 0; i < dec; i++)
    scale *= 10;
  gint64 v = g_ascii_strtoll (digits, NULL, 10);
  if (v > G_MAXINT64 / per)
    return G_MININT64;
  v = v * per / scale;
  return negative ? -v : v;
}

/* Alternatives of an amount by one plausible misreading. */
static void
misreadings (BdxMoney m, BdxUnit unit, GArray *out)
{
  g_autofree char *d = amount_digits (m, unit);
  if (d == NULL || strlen (d) > 15)
    return;
  int dec = MAX (0, m.decimals);
  gboolean neg = m.fen < 0;
  gsize n = strlen (d);
  char buf[24];
  for (gsize i = 0; i < n; i++)
    {
      /* a look-alike */
      for (const char *a = digit_look_alikes[d[i] - '0']; *a; a++)
        {
          memcpy (buf, d, n + 1);
          buf[i] = *a;
          gint64 f = digits_to_fen (buf, dec, unit, neg);
          g_array_append_val (out, f);
        }
      /* a digit doubled (the printed one had one less) */
      if (n > 1)
        {
          memcpy (buf, d, i);
          memcpy (buf + i, d + i + 1, n - i);
          gint64 f = digits_to_fen (buf, dec, unit, neg);
          g_array_append_val (out, f);
        }
    }
  /* a digit dropped */
  for (gsize i = 0; i <= n; i++)
    for (char c = '0'; c <= '9'; c++)
      {
        memcpy (buf, d, i);
        buf[i] = c;
        memcpy (buf + i + 1, d + i, n - i + 1);
        gint64 f = digits_to_fen (buf, dec, unit, neg);
        g_array_append_val (out, f);
      }
  /* a decimal point lost (read 5481 for 54.81) or read where none was */
  if (m.fen % 100 == 0)
    {
      gint64 f = m.fen / 100;
      g_array_append_val (out, f);
    }
  if (m.fen < G_MAXINT64 / 100)
    {
      gint64 f = m.fen * 100;
      g_array_append_val (out, f);
    }
}

static gboolean
look_alike (char a, char b)
{
  return a >= '0' && a <= '9' && strchr (digit_look_alikes[a - '0'], b) != NULL;
}

/* Whether OCR may have read `read` for the printed `code` by at most two
 * slips: a digit dropped, a digit doubled (or one read where there was
 * none), a digit taken for a look-alike.  An edit distance with only
 * look-alikes substituting. */
static gboolean
code_misread (const char *code, const char *read)
{
  enum { MAX_LEN = 12, MAX_SLIPS = 2 };
  int n = (int) strlen (code), m = (int) strlen (read);
  if (n > MAX_LEN || m > MAX_LEN || ABS (n - m) > MAX_SLIPS)
    return FALSE;
  int dist[MAX_LEN + 1][MAX_LEN + 1];
  for (int i = 0; i <= n; i++)
    for (int j = 0; j <= m; j++)
      {
        if (i == 0 || j == 0)
          {
            dist[i][j] = i + j;
            continue;
          }
        int best = MIN (dist[i - 1][j], dist[i][j - 1]) + 1;
        if (code[i - 1] == read[j - 1])
          best = MIN (best, dist[i - 1][j - 1]);
        else if (look_alike (code[i - 1], read[j - 1]))
          best = MIN (best, dist[i - 1][j - 1] + 1);
        dist[i][j] = best;
      }
  return dist[n][m] > 0 && dist[n][m] <= MAX_SLIPS;
}

/* The codes a row's OCR-read code may stand for: a child of the code
 * printed above it one level up (the nearest row above with a code two
 * digits shorter), which OCR could have misread as what it read.  A 类
 * (3 digits) has no such context and gets none. */
static void
code_alternatives (const BdxTable *t, guint r, GPtrArray *out)
{
  const BdxRow *row = g_ptr_array_index (t->rows, r);
  for (int len = 5; len <= 7; len += 2)
    {
      const char *parent = NULL;
      for (guint k = r; k-- > 0 && parent == NULL;)
        {
          const BdxRow *above = g_ptr_array_index (t->rows, k);
          if (above->side == row->side && bdx_text_is_digits (above->code)
              && (int) strlen (above->code) == len - 2)
            parent = above->code;
        }
      if (parent == NULL)
        continue;
      for (int k = 0; k < 100; k++)
        {
          g_autofree char *code = g_strdup_printf ("%s%02d", parent, k);
          if (code_misread (code, row->code))
            g_ptr_array_add (out, g_steal_pointer (&code));
        }
    }
}

/* Whether a row's code is in doubt: not of a level's length, or it or
 * the code it belongs to (its first 3 or 5 digits) is the row of a
 * failed check. */
static gboolean
code_in_doubt (const BdxDisclosure *d, const BdxTable *t, const BdxRow *row)
{
  size_t n = strlen (row->code);
  if (n != 3 && n != 5 && n != 7)
    return TRUE;
  for (guint c = 0; c < d->checks->len; c++)
    {
      const BdxCheck *chk = g_ptr_array_index (d->checks, c);
      if (chk->status != BDX_CHECK_FAILED || chk->row == NULL
          || g_strcmp0 (chk->table, t->id) != 0 || !bdx_text_is_digits (chk->row))
        continue;
      size_t k = strlen (chk->row);
      if (k <= n && strncmp (chk->row, row->code, k) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean on_ocr_page (const BdxDisclosure *d, const BdxRow *row);

static const BdxTable *
table_of (const BdxDisclosure *d, const BdxRow *row)
{
  for (guint i = 0; i < d->tables->len; i++)
    {
      const BdxTable *t = g_ptr_array_index (d->tables, i);
      for (guint r = 0; r < t->rows->len; r++)
        if (g_ptr_array_index (t->rows, r) == row)
          return t;
    }
  return NULL;
}

/* The rows OCR read with the same code and name as row (row among them):
 * the same line printed in several tables (表3's 2101103 公务员医疗补助 is
 * 表5's), which OCR misreads alike and a repair changes together, so
 * that the checks across tables hold. */
static GPtrArray *
code_twins (const BdxDisclosure *d, BdxRow *row)
{
  GPtrArray *out = g_ptr_array_new ();
  g_ptr_array_add (out, row);
  if (row->name == NULL)
    return out;
  for (guint i = 0; i < d->tables->len; i++)
    {
      const BdxTable *t = g_ptr_array_index (d->tables, i);
      for (guint r = 0; r < t->rows->len; r++)
        {
          BdxRow *o = g_ptr_array_index (t->rows, r);
          if (o != row && on_ocr_page (d, o) && g_strcmp0 (o->code, row->code) == 0
              && g_strcmp0 (o->name, row->name) == 0)
            g_ptr_array_add (out, o);
        }
    }
  return out;
}

static gboolean
on_ocr_page (const BdxDisclosure *d, const BdxRow *row)
{
  return bdx_disclosure_page_is_ocr (d, row->page);
}

static gboolean
row_is (const BdxRow *r, const char *label)
{
  return label != NULL
         && ((r->code && strcmp (r->code, label) == 0)
             || (r->name && strcmp (r->name, label) == 0)
             || (r->project && strcmp (r->project, label) == 0));
}

static int
count_failed (const BdxDisclosure *d)
{
  int failed = 0;
  bdx_validate_summary (d, NULL, NULL, NULL, &failed);
  return failed;
}

/* The failed checks, by what they check (id, table, row, column). */
static GHashTable *
failed_set (const BdxDisclosure *d)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint c = 0; c < d->checks->len; c++)
    {
      const BdxCheck *chk = g_ptr_array_index (d->checks, c);
      if (chk->status == BDX_CHECK_FAILED)
        g_hash_table_add (set, g_strdup_printf ("%s|%s|%s|%s", chk->id,
                                                chk->table ? chk->table : "",
                                                chk->row ? chk->row : "",
                                                chk->column ? chk->column : ""));
    }
  return set;
}

/* How many failed checks of `before` no longer fail in d, or -1 when a
 * check that held fails now. */
static int
fixed_checks (GHashTable *before, const BdxDisclosure *d)
{
  g_autoptr (GHashTable) now = failed_set (d);
  GHashTableIter it;
  gpointer key;
  g_hash_table_iter_init (&it, now);
  while (g_hash_table_iter_next (&it, &key, NULL))
    if (!g_hash_table_contains (before, key))
      return -1;
  return (int) g_hash_table_size (before) - (int) g_hash_table_size (now);
}

/* Marks a row's field repaired, keeping what OCR read (the text of its
 * low-confidence mark, if it had one). */
static void
mark_repaired (BdxRow *row, int field, const char *read)
{
  BdxOcrMark *m = bdx_row_ocr_mark (row, field);
  if (m == NULL)
    m = bdx_row_add_ocr_mark (row, field, read, -1, FALSE);
  m->repaired = TRUE;
}

/* One repair, when exactly one cell explains the failed checks.  1 when
 * made, 0 when none, -1 on error. */
static int
repair_one (BdxDisclosure *d, const BdxPatterns *patterns, GError **error)
{
  if (count_failed (d) == 0)
    return 0;
  /* The differences the failed checks need, and where they are. */
  g_autoptr (GArray) fixes = g_array_new (FALSE, FALSE, sizeof (Fix));
  g_array_set_clear_func (fixes, fix_clear);
  g_autoptr (GHashTable) tried = g_hash_table_new (NULL, NULL);
  for (guint c = 0; c < d->checks->len; c++)
    {
      const BdxCheck *chk = g_ptr_array_index (d->checks, c);
      if (chk->status != BDX_CHECK_FAILED || chk->table == NULL)
        continue;
      gint64 delta = chk->actual - chk->expected;
      BdxTable *t = bdx_disclosure_lookup_table (d, chk->table);
      if (t == NULL)
        continue;
      /* Cells in the check's row, or in its column, on OCR pages. */
      for (guint r = 0; r < t->rows->len; r++)
        {
          BdxRow *row = g_ptr_array_index (t->rows, r);
          if (!on_ocr_page (d, row))
            continue;
          gboolean in_row = row_is (row, chk->row);
          for (guint v = 0; v < row->values->len; v++)
            {
              BdxMoney m = g_array_index (row->values, BdxMoney, v);
              if (!m.present)
                continue;
              gboolean in_column = FALSE;
              guint col = 0;
              for (guint k = 0; k < t->columns->len; k++)
                {
                  const BdxColumn *cl = g_ptr_array_index (t->columns, k);
                  if (cl->side != row->side && cl->side != BDX_SIDE_NONE)
                    continue;
                  if (col++ == v)
                    in_column = chk->column && cl->id && strcmp (cl->id, chk->column) == 0;
                }
              if (!in_row && !in_column)
                continue;
              gint64 *key = &g_array_index (row->values, BdxMoney, v).fen;
              if (g_hash_table_contains (tried, key))
                continue;
              g_hash_table_add (tried, key);
              g_autoptr (GArray) alts = g_array_new (FALSE, FALSE, sizeof (gint64));
              misreadings (m, t->unit, alts);
              for (guint a = 0; a < alts->len; a++)
                {
                  gint64 f = g_array_index (alts, gint64, a);
                  /* Only what moves the check by what it misses. */
                  if (f - m.fen != delta && m.fen - f != delta)
                    continue;
                  gboolean dup = FALSE;
                  for (guint k = 0; k < fixes->len && !dup; k++)
                    {
                      const Fix *x = &g_array_index (fixes, Fix, k);
                      dup = x->row == row && x->index == v && x->fen == f;
                    }
                  if (!dup)
                    g_array_append_val (fixes, ((Fix){ t, row, v, f, NULL }));
                }
            }
        }
    }
  /* Codes: a code in doubt, and the codes it may be a misreading of; once
   * for rows printed alike (code_twins), which change together. */
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                      g_free, NULL);
  for (guint i = 0; i < d->tables->len; i++)
    {
      BdxTable *t = g_ptr_array_index (d->tables, i);
      for (guint r = 0; r < t->rows->len; r++)
        {
          BdxRow *row = g_ptr_array_index (t->rows, r);
          if (!on_ocr_page (d, row) || !bdx_text_is_digits (row->code)
              || !code_in_doubt (d, t, row))
            continue;
          char *key = g_strdup_printf ("%s|%s", row->code,
                                       row->name ? row->name : "");
          if (!g_hash_table_add (seen, key) && row->name != NULL)
            continue;
          g_autoptr (GPtrArray) alts = g_ptr_array_new_with_free_func (g_free);
          code_alternatives (t, r, alts);
          for (guint a = 0; a < alts->len; a++)
            g_array_append_val (fixes, ((Fix){ t, row, 0, 0,
                                               g_strdup (g_ptr_array_index (alts, a)) }));
        }
    }
  if (fixes->len == 0)
    return 0;

  /* Try each.  A fix makes the checks it concerns hold and breaks none
   * that held; other misreadings elsewhere may still fail.  The one that
   * makes the most checks hold again wins — when it is the only one. */
  g_autoptr (GHashTable) before = failed_set (d);
  int good = -1, best = 0, n_best = 0;
  for (guint k = 0; k < fixes->len; k++)
    {
      Fix *x = &g_array_index (fixes, Fix, k);
      gboolean ok;
      int fixed;
      if (x->code != NULL)
        {
          g_autoptr (GPtrArray) twins = code_twins (d, x->row);
          g_autofree char **was = g_new (char *, twins->len);
          g_autofree int *was_level = g_new (int, twins->len);
          for (guint i = 0; i < twins->len; i++)
            {
              BdxRow *r = g_ptr_array_index (twins, i);
              was[i] = r->code;
              was_level[i] = r->level;
              r->code = x->code;
              r->level = bdx_code_level (x->code);
            }
          ok = bdx_validate (d, patterns, NULL, error);
          fixed = ok ? fixed_checks (before, d) : -1;
          for (guint i = 0; i < twins->len; i++)
            {
              BdxRow *r = g_ptr_array_index (twins, i);
              r->code = was[i];
              r->level = was_level[i];
            }
        }
      else
        {
          BdxMoney *cell = &g_array_index (x->row->values, BdxMoney, x->index);
          gint64 was = cell->fen;
          cell->fen = x->fen;
          ok = bdx_validate (d, patterns, NULL, error);
          fixed = ok ? fixed_checks (before, d) : -1;
          cell->fen = was;
        }
      if (!ok)
        return -1;
      if (fixed > best)
        best = fixed, good = (int) k, n_best = 1;
      else if (fixed == best && fixed > 0)
        n_best++;
    }
  if (!bdx_validate (d, patterns, NULL, error))
    return -1;
  if (n_best != 1)
    return 0;

  Fix *x = &g_array_index (fixes, Fix, good);
  if (x->code != NULL)
    {
      g_autoptr (GPtrArray) twins = code_twins (d, x->row);
      g_autofree char *read = g_strdup (x->row->code);
      for (guint i = 0; i < twins->len; i++)
        {
          BdxRow *r = g_ptr_array_index (twins, i);
          const BdxTable *t = table_of (d, r);
          g_ptr_array_add (d->notices, g_strdup_printf (
              "page %d: %s, row %s: OCR read the code '%s'; every check holds "
              "with '%s': repaired",
              r->page, t && t->title ? t->title : t && t->id ? t->id : "?",
              r->name ? r->name : "?", read, x->code));
          mark_repaired (r, BDX_OCR_FIELD_CODE, read);
          g_free (r->code);
          r->code = g_strdup (x->code);
          r->level = bdx_code_level (r->code);
        }
      if (!bdx_validate (d, patterns, NULL, error))
        return -1;
      return 1;
    }
  BdxMoney *cell = &g_array_index (x->row->values, BdxMoney, x->index);
  BdxMoney fixed = *cell;
  fixed.fen = x->fen;
  g_autofree char *read = amount_text (*cell, x->table->unit);
  g_autofree char *want = amount_text (fixed, x->table->unit);
  /* The column's printed header, by the row's side. */
  const char *header = NULL;
  for (guint k = 0, col = 0; k < x->table->columns->len; k++)
    {
      const BdxColumn *cl = g_ptr_array_index (x->table->columns, k);
      if (cl->side != x->row->side && cl->side != BDX_SIDE_NONE)
        continue;
      if (col++ == x->index)
        header = cl->header;
    }
  g_ptr_array_add (d->notices, g_strdup_printf (
      "page %d: %s, row %s, column %s: OCR read '%s'; every check holds "
      "with '%s': repaired",
      x->row->page, x->table->title ? x->table->title : x->table->id,
      x->row->code ? x->row->code : x->row->name ? x->row->name : "?",
      header ? header : "?", read, want));
  mark_repaired (x->row, (int) x->index, read);
  *cell = fixed;
  if (!bdx_validate (d, patterns, NULL, error))
    return -1;
  return 1;
}

/* ---- names the document prints more than once ------------------------------------- */

/* One printed name: where it is kept, and whether OCR read it. */
typedef struct {
  char **slot;
  gboolean ocr;
  BdxRow *row; /* with field, for the mark; NULL for other names */
  int field;
  const char *where; /* for the notice */
  int page;
} Name;

static gboolean
page_is_ocr (const BdxDisclosure *d, int page)
{
  return bdx_disclosure_page_is_ocr (d, page);
}

static void
add_name (GArray *names, char **slot, gboolean ocr, BdxRow *row, int field,
          const char *where, int page)
{
  if (*slot == NULL || **slot == '\0')
    return;
  Name n = { slot, ocr, row, field, where, page };
  g_array_append_val (names, n);
}

/* Levenshtein distance in characters, or limit + 1 when above limit. */
static int
char_distance (const gunichar *a, glong n, const gunichar *b, glong m,
               int limit)
{
  if (ABS (n - m) > limit)
    return limit + 1;
  g_autofree int *prev = g_new (int, m + 1);
  g_autofree int *cur = g_new (int, m + 1);
  for (glong j = 0; j <= m; j++)
    prev[j] = (int) j;
  for (glong i = 1; i <= n; i++)
    {
      cur[0] = (int) i;
      int row_min = cur[0];
      for (glong j = 1; j <= m; j++)
        {
          int v = MIN (prev[j], cur[j - 1]) + 1;
          v = MIN (v, prev[j - 1] + (a[i - 1] != b[j - 1]));
          cur[j] = v;
          row_min = MIN (row_min, v);
        }
      if (row_min > limit)
        return limit + 1;
      int *t = prev;
      prev = cur;
      cur = t;
    }
  return prev[m];
}

/* The one name of `list` nearest to s (u, len: its characters), by at
 * most `limit` characters, or NULL when none or several tie. */
static const char *
nearest_name (const gunichar *u, glong len, const char *s, GPtrArray *list,
              int limit)
{
  const char *best = NULL;
  int best_d = limit + 1, n_best = 0;
  for (guint k = 0; k < list->len; k++)
    {
      const char *t = g_ptr_array_index (list, k);
      if (strcmp (t, s) == 0)
        continue;
      glong tlen;
      g_autofree gunichar *tu = g_utf8_to_ucs4_fast (t, -1, &tlen);
      int dist = char_distance (u, len, tu, tlen, limit);
      if (dist > limit)
        continue;
      if (dist < best_d)
        best = t, best_d = dist, n_best = 1;
      else if (dist == best_d)
        n_best++;
    }
  return n_best == 1 ? best : NULL;
}

/* A long name OCR read once that differs by a character or two from a
 * name the document prints at least twice as often, and from no other
 * as little: the same name misread (the department's name in 表7's first
 * row, read "克和孜勒苏…" once and "克孜勒苏…" on every other page).
 * When the other is printed less than twice as often, one of the two is
 * misread but which is not known: a row's name is flagged (a notice, an
 * ocr mark), not changed ("自然资源海详气象等支出" in 表1 beside 表4's
 * "自然资源海洋气象等支出", both read without doubt).
 * Names shorter than 8 characters are left alone: short names that differ
 * by one character are often different names (行政运行, 事业运行).
 * Returns the number of names changed. */
static int
agree_names (BdxDisclosure *d)
{
  g_autoptr (GArray) names = g_array_new (FALSE, FALSE, sizeof (Name));
  gboolean any_ocr = d->source.ocr_pages->len > 0;
  add_name (names, &d->department, any_ocr, NULL, 0, "the department", 0);
  for (guint i = 0; i < d->tables->len; i++)
    {
      BdxTable *t = g_ptr_array_index (d->tables, i);
      gboolean ocr = FALSE;
      for (guint k = 0; k < t->pages->len; k++)
        ocr |= page_is_ocr (d, g_array_index (t->pages, int, k));
      const char *title = t->title ? t->title : t->id ? t->id : "a table";
      add_name (names, &t->department, ocr, NULL, 0, title,
                t->pages->len ? g_array_index (t->pages, int, 0) : 0);
      for (guint r = 0; r < t->rows->len; r++)
        {
          BdxRow *row = g_ptr_array_index (t->rows, r);
          gboolean o = page_is_ocr (d, row->page);
          add_name (names, &row->name, o, row, BDX_OCR_FIELD_NAME, title,
                    row->page);
          add_name (names, &row->project, o, row, BDX_OCR_FIELD_PROJECT,
                    title, row->page);
        }
    }
  for (guint i = 0; i < d->projects->len; i++)
    {
      BdxProject *p = g_ptr_array_index (d->projects, i);
      add_name (names, &p->name, page_is_ocr (d, p->page), NULL, 0,
                "a project", p->page);
    }

  /* How often each name is printed (as read, before any change). */
  g_autoptr (GHashTable) count
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < names->len; i++)
    {
      const char *s = *g_array_index (names, Name, i).slot;
      guint c = GPOINTER_TO_UINT (g_hash_table_lookup (count, s));
      g_hash_table_replace (count, g_strdup (s), GUINT_TO_POINTER (c + 1));
    }
  /* The long names, and those printed at least twice. */
  g_autoptr (GPtrArray) common = g_ptr_array_new ();
  g_autoptr (GPtrArray) all = g_ptr_array_new ();
  GHashTableIter it;
  gpointer key, value;
  g_hash_table_iter_init (&it, count);
  while (g_hash_table_iter_next (&it, &key, &value))
    if (g_utf8_strlen (key, -1) >= 8)
      {
        g_ptr_array_add (all, key);
        if (GPOINTER_TO_UINT (value) >= 2)
          g_ptr_array_add (common, key);
      }

  int changed = 0;
  for (guint i = 0; i < names->len; i++)
    {
      Name *n = &g_array_index (names, Name, i);
      if (!n->ocr)
        continue;
      const char *s = *n->slot;
      glong len;
      g_autofree gunichar *u = g_utf8_to_ucs4_fast (s, -1, &len);
      if (len < 8)
        continue;
      guint mine = GPOINTER_TO_UINT (g_hash_table_lookup (count, s));
      int limit = len >= 16 ? 2 : 1;
      const char *best = nearest_name (u, len, s, common, limit);
      if (best == NULL
          || GPOINTER_TO_UINT (g_hash_table_lookup (count, best)) < 2 * mine)
        {
          /* No name printed twice as often: when another is this one
           * but for a character or two, and printed more than half as
           * often (or it is the one repaired), one of the two is
           * misread, and which is not known.  A row's name OCR read
           * without doubt is flagged (a doubt has its notice already). */
          const char *other = nearest_name (u, len, s, all, limit);
          guint theirs
              = other ? GPOINTER_TO_UINT (g_hash_table_lookup (count, other))
                      : 0;
          if (other != NULL && 2 * theirs > mine && n->row != NULL
              && bdx_row_ocr_mark (n->row, n->field) == NULL)
            {
              g_ptr_array_add (d->notices, g_strdup_printf (
                  "page %d: %s: OCR read '%s'; the document prints '%s' "
                  "elsewhere: one of them is misread",
                  n->page, n->where, s, other));
              bdx_row_add_ocr_mark (n->row, n->field, s, -1, FALSE);
            }
          continue;
        }
      g_ptr_array_add (d->notices, g_strdup_printf (
          "page %d: %s: OCR read '%s'; the document prints '%s' elsewhere: "
          "repaired", n->page, n->where, s, best));
      if (n->row != NULL)
        mark_repaired (n->row, n->field, s);
      g_free (*n->slot);
      *n->slot = g_strdup (best);
      changed++;
    }
  return changed;
}

/* ---- codes that stop short of the table's tree ---------------------------------- */

/* Flags the codes OCR read that leave a branch of their table's tree
 * short: a 类 or 款 with no code under it, in a table that prints codes
 * one level deeper or more.  The function classification is budgeted at
 * its lowest level, so a table that itemizes 项 prints each 款 with its
 * 项; a 5-digit code alone there is most often a 项 that lost two digits
 * ("21001" for 2101101: narrow 1s run together), which no check sees
 * when its parent's lost the same way or the checks fail on the parent
 * row only.  Flagged, not changed: which 项 it was is not known.  A
 * code that already carries a mark (low confidence, repaired) has its
 * notice.  Returns how many were flagged. */
static int
flag_short_codes (BdxDisclosure *d)
{
  int flagged = 0;
  for (guint i = 0; i < d->tables->len; i++)
    {
      BdxTable *t = g_ptr_array_index (d->tables, i);
      for (guint r = 0; r < t->rows->len; r++)
        {
          BdxRow *row = g_ptr_array_index (t->rows, r);
          size_t n = bdx_text_is_digits (row->code) ? strlen (row->code) : 0;
          if ((n != 3 && n != 5) || !on_ocr_page (d, row)
              || bdx_row_ocr_mark (row, BDX_OCR_FIELD_CODE) != NULL)
            continue;
          size_t deepest = 0;
          gboolean child = FALSE;
          for (guint k = 0; k < t->rows->len && !child; k++)
            {
              const BdxRow *o = g_ptr_array_index (t->rows, k);
              if (o->side != row->side || !bdx_text_is_digits (o->code))
                continue;
              size_t m = strlen (o->code);
              if (m == 3 || m == 5 || m == 7)
                deepest = MAX (deepest, m);
              child = m > n && strncmp (o->code, row->code, n) == 0;
            }
          if (child || deepest <= n)
            continue;
          g_ptr_array_add (d->notices, g_strdup_printf (
              "page %d: %s, row %s: OCR read the code '%s', which has no code "
              "under it where the table prints %zu-digit codes: it may be misread",
              row->page, t->title ? t->title : t->id ? t->id : "?",
              row->name ? row->name : "?", row->code, deepest));
          bdx_row_add_ocr_mark (row, BDX_OCR_FIELD_CODE, row->code, -1, FALSE);
          flagged++;
        }
    }
  return flagged;
}

/* ---- titles whose marks do not pair --------------------------------------------- */

/* Flags a table title OCR read with a quote or bracket that does not
 * pair ("一般公共预算三公”经费支出表": the opening “ lost): a title
 * prints its marks in pairs, so a character is missing or made up.  The
 * title may still be known by its words; it is flagged, not changed.
 * Returns how many were flagged. */
static int
flag_unpaired_titles (BdxDisclosure *d)
{
  static const gunichar pairs[][2] = {
    { 0x201C, 0x201D }, /* “ ” */
    { 0x2018, 0x2019 }, /* ‘ ’ */
    { '(', ')' },
    { 0x300A, 0x300B }, /* 《 》 */
  };
  int flagged = 0;
  for (guint i = 0; i < d->tables->len; i++)
    {
      BdxTable *t = g_ptr_array_index (d->tables, i);
      if (t->title == NULL || t->pages->len == 0
          || !page_is_ocr (d, g_array_index (t->pages, int, 0)))
        continue;
      gboolean bad = FALSE;
      for (guint k = 0; k < G_N_ELEMENTS (pairs) && !bad; k++)
        {
          int depth = 0;
          for (const char *p = t->title; *p && depth >= 0;
               p = g_utf8_next_char (p))
            {
              gunichar c = g_utf8_get_char (p);
              depth += c == pairs[k][0] ? 1 : c == pairs[k][1] ? -1 : 0;
            }
          bad = depth != 0;
        }
      if (!bad)
        continue;
      g_ptr_array_add (d->notices, g_strdup_printf (
          "page %d: OCR read the title '%s', whose quotes or brackets do not "
          "pair: a character may be misread",
          g_array_index (t->pages, int, 0), t->title));
      flagged++;
    }
  return flagged;
}

int
bdx_ocr_repair (BdxDisclosure *d, const BdxPatterns *patterns, GError **error)
{
  g_return_val_if_fail (d != NULL && patterns != NULL, -1);
  if (d->source.ocr_pages == NULL || d->source.ocr_pages->len == 0)
    return 0;
  /* Names first: a name checked against its code's other names. */
  int repaired = agree_names (d);
  if (repaired > 0 && !bdx_validate (d, patterns, NULL, error))
    return -1;
  /* One at a time: each repair changes what the others must explain. */
  for (int round = 0; round < 16; round++)
    {
      int r = repair_one (d, patterns, error);
      if (r < 0)
        return -1;
      if (r == 0)
        break;
      repaired++;
    }
  flag_short_codes (d);
  flag_unpaired_titles (d);
  return repaired;
}

/* ---- workers --------------------------------------------------------------------- */

struct _BdxOcrPool {
  GAsyncQueue *todo;  /* jobs; `stop` ends a worker */
  GAsyncQueue *done;  /* finished jobs */
  GAsyncQueue *ready; /* one GError* (or the pool itself for success) per worker at start */
  GThread **threads;
  guint n;
  BdxOcrWorkFunc func;
  GDestroyNotify job_free;
  gpointer user_data;
  guint pending;
  char *lang, *datapath;
  GStrv words;
};

static char stop_marker;

static gpointer
worker_main (gpointer data)
{
  BdxOcrPool *pool = data;
  BdxOcrEngineOptions opts = { pool->lang, pool->datapath,
                               (const char *const *) pool->words };
  GError *err = NULL;
  g_autoptr (BdxOcrEngine) e = bdx_ocr_engine_new (&opts, &err);
  g_async_queue_push (pool->ready, e ? (gpointer) pool : (gpointer) err);
  if (e == NULL)
    return NULL;
  for (;;)
    {
      gpointer job = g_async_queue_pop (pool->todo);
      if (job == &stop_marker)
        break;
      pool->func (e, job, pool->user_data);
      g_async_queue_push (pool->done, job);
    }
  return NULL;
}

static void
pool_stop (BdxOcrPool *pool)
{
  /* Jobs not started are not worth starting. */
  gpointer job;
  while ((job = g_async_queue_try_pop (pool->todo)) != NULL)
    {
      if (job != &stop_marker && pool->job_free)
        pool->job_free (job);
    }
  for (guint i = 0; i < pool->n; i++)
    g_async_queue_push (pool->todo, &stop_marker);
  for (guint i = 0; i < pool->n; i++)
    if (pool->threads[i] != NULL)
      g_thread_join (pool->threads[i]);
  while ((job = g_async_queue_try_pop (pool->done)) != NULL)
    if (pool->job_free)
      pool->job_free (job);
  pool->pending = 0;
}

BdxOcrPool *
bdx_ocr_pool_new (guint n_workers, const BdxOcrEngineOptions *opts,
                  BdxOcrWorkFunc func, GDestroyNotify job_free,
                  gpointer user_data, GError **error)
{
  g_return_val_if_fail (func != NULL, NULL);
  if (!bdx__ocr_libs_load (error))
    return NULL;
  limit_openmp ();
  if (n_workers == 0)
    n_workers = MAX (1u, g_get_num_processors ());

  BdxOcrPool *pool = g_new0 (BdxOcrPool, 1);
  pool->todo = g_async_queue_new ();
  pool->done = g_async_queue_new ();
  pool->ready = g_async_queue_new ();
  pool->func = func;
  pool->job_free = job_free;
  pool->user_data = user_data;
  pool->lang = g_strdup (opts ? opts->lang : NULL);
  pool->datapath = g_strdup (opts ? opts->datapath : NULL);
  pool->words = opts && opts->words ? g_strdupv ((char **) opts->words) : NULL;
  pool->n = n_workers;
  pool->threads = g_new0 (GThread *, n_workers);
  for (guint i = 0; i < n_workers; i++)
    pool->threads[i] = g_thread_new ("bdx-ocr", worker_main, pool);

  /* Engines start in parallel; wait for all of them. */
  GError *first = NULL;
  for (guint i = 0; i < n_workers; i++)
    {
      gpointer r = g_async_queue_pop (pool->ready);
      if (r != pool)
        {
          if (first == NULL)
            first = r;
          else
            g_error_free (r);
        }
    }
  if (first != NULL)
    {
      g_propagate_error (error, first);
      bdx_ocr_pool_free (pool);
      return NULL;
    }
  return pool;
}

void
bdx_ocr_pool_push (BdxOcrPool *pool, gpointer job)
{
  g_return_if_fail (pool != NULL && job != NULL);
  pool->pending++;
  g_async_queue_push (pool->todo, job);
}

gpointer
bdx_ocr_pool_pop (BdxOcrPool *pool)
{
  g_return_val_if_fail (pool != NULL, NULL);
  if (pool->pending == 0)
    return NULL;
  pool->pending--;
  return g_async_queue_pop (pool->done);
}

guint
bdx_ocr_pool_pending (const BdxOcrPool *pool)
{
  return pool->pending;
}

guint
bdx_ocr_pool_n_workers (const BdxOcrPool *pool)
{
  return pool->n;
}

void
bdx_ocr_pool_free (BdxOcrPool *pool)
{
  if (pool == NULL)
    return;
  pool_stop (pool);
  g_async_queue_unref (pool->todo);
  g_async_queue_unref (pool->done);
  g_async_queue_unref (pool->ready);
  g_free (pool->threads);
  g_free (pool->lang);
  g_free (pool->datapath);
  g_strfreev (pool->words);
  g_free (pool);
}
