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
 * 4. Binarize: Sauvola's local threshold, then drop specks of a pixel or
 *    two (scanner noise) that would otherwise be read as points.
 * 5. Rules by morphology, robust to faint and broken lines:
 *
 *        close 5×1 (bridge gaps)      close 1×5
 *        open  L×1 (keep long runs)   open  1×L      L = MIN_RULE_IN
 *               \                     /
 *                 union → components at least a table's size (grids)
 *                 → their horizontal and vertical parts → BdxRule
 *
 *    Han strokes are shorter than L and stand alone: they are neither
 *    rules nor erased.  The grids' lines (dilated by two pixels, for
 *    their grey fringe) are whitened in the picture tesseract reads, so a
 *    rule is never read as "|" or "1".
 *
 * Reading (bdx_ocr_read_page): tesseract, LSTM, page segmentation
 * automatic (PSM 3), over the picture without rules.  Each symbol
 * becomes a glyph: its own horizontal extent (widened inside a word to
 * meet its neighbours, as the advance boxes of a text layer do), its text
 * line's vertical extent (the ink box of "一" is a sliver; layout needs
 * an em), its confidence.  Characters go through NFKC and the radical
 * folding of the text layer, so both sources give the same text.
 *
 * Reading cells again (bdx_ocr_reread_cells), once layout has made the
 * grids: whole-page reading confuses "," and "." and "0" and "o" in
 * tables; one cell on its own, as one line, with the right alphabet,
 * does not.  Each cell is classified by its first reading and by its
 * column (a column whose cells are mostly numbers is a number column):
 * numbers are read with digits, "." "," "-" only; other cells with ink
 * where nothing or little was read, or read with low confidence, are read
 * again as a line (or a block when taller than two lines) of text, and
 * the more confident reading is kept.  Cells with no ink lose any glyph
 * (noise read as "'" or ".").
 *
 * Workers (BdxOcrPool): one thread per worker, each with its own engine
 * made once; jobs in one queue, results in another.  poppler is not
 * thread-safe: the caller renders pages on its own thread and hands the
 * pictures over.
 */
#include "bdx/ocr.h"

#include <dlfcn.h>
#include <leptonica/allheaders.h>
#include <math.h>
#include <string.h>
#include <tesseract/capi.h>

#include "bdx/error.h"
#include "bdx/text.h"

#define WORK_DPI 300.0     /* pictures below MIN_DPI are scaled to this */
#define MIN_DPI 250.0
#define MAX_PIXELS (60u * 1000u * 1000u)
#define MIN_RULE_IN 0.2    /* shortest rule piece, inches */
#define MIN_TABLE_W_IN 0.8 /* a grid is at least this wide … */
#define MIN_TABLE_H_IN 0.25 /* … and this tall */
#define MAX_RULE_THICK_IN 0.06 /* thicker is a bar, not a rule */
#define NUMBER_WHITELIST "0123456789.,-"

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

static void
lept_to_debug (const char *msg)
{
  g_debug ("leptonica: %s", msg);
}

static void
quiet_leptonica (void)
{
  static gsize once = 0;
  if (g_once_init_enter (&once))
    {
      leptSetStderrHandler (lept_to_debug);
      g_once_init_leave (&once, 1);
    }
}

/* Tesseract parallelizes its LSTM with OpenMP (four threads per time
 * step): with one engine per worker that only adds threads fighting for
 * the same cores, and spinning.  OMP_THREAD_LIMIT would stop it, but
 * libgomp reads its environment once, when it is loaded, before any code
 * of ours runs.  Setting max-active-levels to 0 at run time does the
 * same: no parallel region gets more than one thread.  It is a per-thread
 * setting (an ICV of the thread's task), so every thread that recognizes
 * sets it, once.  Looked up at run time, since bdx does not link libgomp
 * itself (a tesseract built without OpenMP has none: nothing to do). */
static void
limit_openmp (void)
{
  static gsize once = 0;
  static void (*set_levels) (int) = NULL;
  static GPrivate done = G_PRIVATE_INIT (NULL);
  if (g_once_init_enter (&once))
    {
      set_levels = (void (*) (int)) dlsym (RTLD_DEFAULT, "omp_set_max_active_levels");
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

BdxOcrEngine *
bdx_ocr_engine_new (const BdxOcrEngineOptions *opts, GError **error)
{
  quiet_leptonica ();
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
  int len = inches (MIN_RULE_IN, ppi);
  g_autoptr (PIX) hc = pixCloseBrick (NULL, bin, 5, 1);
  g_autoptr (PIX) vc = pixCloseBrick (NULL, bin, 1, 5);
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
  PIX *bin = NULL;
  int half = MAX (7, inches (0.05, ppi));
  if (pixGetWidth (grey) > 2 * half + 3 && pixGetHeight (grey) > 2 * half + 3)
    pixSauvolaBinarizeTiled (grey, half, 0.34f, 1, 1, NULL, &bin);
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
      if (k == 2 && best >= 60)
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
  quiet_leptonica ();
  limit_openmp ();
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

  /* 4. Binary, without specks. */
  g_autoptr (PIX) bin = binarize (img->grey, ppi);
  int speck = MAX (2, ppi / 150);
  l_int32 changed = 0;
  g_autoptr (PIX) clean = pixSelectBySize (bin, speck + 1, speck + 1, 8,
                                           L_SELECT_IF_EITHER, L_SELECT_IF_GTE,
                                           &changed);

  /* 5. Rules, and the pictures without them. */
  g_autoptr (PIX) hl = NULL, vl = NULL;
  g_autoptr (PIX) lines = find_lines (clean, ppi, &hl, &vl);
  lines_to_rules (hl, TRUE, ppi, img->px_per_pt, img->hrules);
  lines_to_rules (vl, FALSE, ppi, img->px_per_pt, img->vrules);
  g_autoptr (PIX) erase = pixDilateBrick (NULL, lines, 5, 5);
  img->binary = pixSubtract (NULL, clean, erase);
  img->read = pixCopy (NULL, img->grey);
  pixSetMasked (img->read, erase, 255);
  {
    const char *v = g_getenv ("BDX_OCR_VARIANT");
    if (v && strcmp (v, "erode") == 0)
      {
        PIX *t = pixErodeGray (img->read, 3, 3);
        pixDestroy (&img->read);
        img->read = t;
      }
    else if (v && strcmp (v, "binary") == 0)
      {
        pixDestroy (&img->read);
        img->read = pixConvert1To8 (NULL, img->binary, 255, 0);
      }
    else if (v && (strcmp (v, "up") == 0 || strcmp (v, "down") == 0))
      {
        double f = strcmp (v, "up") == 0 ? 1.5 : 0.75;
        PIX *t = pixScaleGrayLI (img->read, f, f);
        pixDestroy (&img->read);
        img->read = t;
        PIX *b = pixScale (img->binary, f, f);
        pixDestroy (&img->binary);
        img->binary = b;
        ppi = (int) (ppi * f);
        img->ppi = ppi;
        img->px_per_pt = ppi / 72.0;
      }
  }
  pixSetResolution (img->read, ppi, ppi);
  if (g_getenv ("BDX_OCR_DUMP_TMP"))   /* TEMPORARY */
    {
      g_autofree char *a = g_strdup_printf ("%s-read.png", g_getenv ("BDX_OCR_DUMP_TMP"));
      g_autofree char *b = g_strdup_printf ("%s-bin.png", g_getenv ("BDX_OCR_DUMP_TMP"));
      pixWrite (a, img->read, IFF_PNG);
      pixWrite (b, img->binary, IFF_PNG);
    }
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

static void
sym_clear (Sym *s)
{
  g_free (s->text);
}

/* Appends the glyphs of a word's symbols: horizontal extents widened to
 * meet halfway between neighbours. */
static void
flush_word (GArray *word, double px_per_pt, GArray *glyphs)
{
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
          if (bdx_unichar_is_space (c) || c == 0xFFFD)
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
        }
    }
  g_array_set_size (word, 0);
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
  int ly0 = 0, ly1 = 0;
  do
    {
      if (TessPageIteratorIsAtBeginningOf (pi, RIL_WORD))
        flush_word (word, px_per_pt, glyphs);
      if (TessPageIteratorIsAtBeginningOf (pi, RIL_TEXTLINE))
        {
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
  flush_word (word, px_per_pt, glyphs);
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

/* A cell's kind by its first reading. */
static CellKind
reading_kind (const char *text)
{
  if (text == NULL || *text == '\0')
    return CELL_BLANK;
  int digits = 0, other = 0;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == ' ')
        continue;
      if (g_unichar_isdigit (c))
        digits++;
      else if (!numberish (c))
        other++;
    }
  return digits > 0 && other == 0 ? CELL_NUMBER : CELL_TEXT;
}

/* A region read again: a grid cell, or a line outside the grids. */
typedef struct {
  const BdxCell *cell; /* NULL for a line */
  BdxBox box;       /* points: glyphs centred in it are replaced */
  const char *text; /* the first reading */
  CellKind kind;
  gboolean line;    /* a text line, not a cell */
  int x, y, w, h;   /* what to read, pixels: the ink and a margin */
  int ink;          /* black pixels inside */
  int ink_w, ink_h; /* size of the ink's box */
} Region;

/* Narrows a region to its ink and a margin of `pad` pixels (within the
 * region); counts the ink. */
static void
fit_to_ink (PIX *bin, Region *j, int pad)
{
  g_autoptr (BOX) b = boxCreate (j->x, j->y, j->w, j->h);
  l_int32 n = 0;
  pixCountPixelsInRect (bin, b, &n, NULL);
  j->ink = n;
  BOX *fg = NULL;
  if (n == 0 || pixClipBoxToForeground (bin, b, NULL, &fg) != 0 || fg == NULL)
    return;
  l_int32 x, y, w, h;
  boxGetGeometry (fg, &x, &y, &w, &h);
  boxDestroy (&fg);
  j->ink_w = w, j->ink_h = h;
  int x0 = MAX (j->x, x - pad), y0 = MAX (j->y, y - pad);
  int x1 = MIN (j->x + j->w, x + w + pad), y1 = MIN (j->y + j->h, y + h + pad);
  j->x = x0, j->y = y0, j->w = x1 - x0, j->h = y1 - y0;
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

/* Glyphs of the page whose centre is in box. */
static void
glyphs_in (const BdxPage *page, const BdxBox *box, GArray *out)
{
  for (guint i = 0; i < page->glyphs->len; i++)
    {
      const BdxGlyph *g = &g_array_index (page->glyphs, BdxGlyph, i);
      double xc = (g->box.x0 + g->box.x1) / 2, yc = (g->box.y0 + g->box.y1) / 2;
      if (xc >= box->x0 && xc < box->x1 && yc >= box->y0 && yc < box->y1)
        g_array_append_val (out, *g);
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

/* The regions of a layout's grids, classified (see the algorithm). */
static void
grid_regions (const BdxOcrImage *img, const BdxGrid *grid, int pad,
              GArray *out)
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
      else if (kind == CELL_TEXT)
        texts[cell->col]++;
    }
  for (guint k = 0; k < grid->cells->len; k++)
    {
      const BdxCell *cell = g_ptr_array_index (grid->cells, k);
      Region j = { .cell = cell, .box = cell->box, .text = cell->text,
                   .kind = reading_kind (cell->text) };
      clamp_region (&j, cell->box.x0 * s + inset, cell->box.y0 * s + inset,
                    cell->box.x1 * s - inset, cell->box.y1 * s - inset, W, H);
      if (j.w < 4 || j.h < 4)
        continue;
      fit_to_ink (img->binary, &j, pad);
      gboolean number_column = cell->colspan == 1 && numbers[cell->col] >= 2
                               && numbers[cell->col] > 2 * texts[cell->col]
                               && cell->row > first[cell->col];
      if (j.kind == CELL_TEXT && number_column
          && g_utf8_strlen (cell->text, -1) <= 16)
        {
          /* A number misread as a letter or two ("8" as "日"). */
          int han = 0;
          for (const char *p = cell->text; *p; p = g_utf8_next_char (p))
            han += bdx_unichar_is_han (g_utf8_get_char (p));
          if (han <= 1)
            j.kind = CELL_NUMBER;
        }
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

/* A grid's column-number row (※ ※ 1 2 3): cells numbered 1, 2, 3 … from
 * left to right, and single marks in the label columns, which chi_sim
 * does not know (it reads ※ as 淡, 炎 or nothing).  Those marks are made
 * ※, the template's mark. */
static void
mark_column_numbers (const BdxGrid *grid, GArray *regions, guint from,
                     guint to, GPtrArray *fresh, const BdxPage *page)
{
  for (int r = 0; r < grid->n_rows; r++)
    {
      int numbers = 0, last = 0, marks = 0, other = 0;
      for (guint k = from; k < to; k++)
        {
          const Region *j = &g_array_index (regions, Region, k);
          if (j->cell->row != r)
            continue;
          g_autoptr (GArray) got = g_array_new (FALSE, FALSE, sizeof (BdxGlyph));
          if (fresh->pdata[k] != NULL)
            g_array_append_vals (got, ((GArray *) fresh->pdata[k])->data,
                                 ((GArray *) fresh->pdata[k])->len);
          else
            glyphs_in (page, &j->box, got);
          g_autofree char *t = glyphs_text (got);
          int v;
          if (is_small_integer (t, &v))
            {
              if (v != last + 1 && last != 0)
                other++;
              last = v;
              numbers++;
            }
          else if (j->ink > 0 && g_utf8_strlen (t, -1) <= 1 && j->ink_w < 2 * j->ink_h)
            marks++;
          else if (*t != '\0')
            other++;
        }
      if (numbers < 2 || marks == 0 || other > 0)
        continue;
      for (guint k = from; k < to; k++)
        {
          Region *j = &g_array_index (regions, Region, k);
          if (j->cell->row != r || j->ink == 0)
            continue;
          g_autoptr (GArray) got = g_array_new (FALSE, FALSE, sizeof (BdxGlyph));
          if (fresh->pdata[k] != NULL)
            g_array_append_vals (got, ((GArray *) fresh->pdata[k])->data,
                                 ((GArray *) fresh->pdata[k])->len);
          else
            glyphs_in (page, &j->box, got);
          g_autofree char *t = glyphs_text (got);
          int v;
          if (is_small_integer (t, &v))
            continue;
          /* A mark in the middle of the cell: layout needs its centre. */
          BdxGlyph mark = { .c = 0x203B, .confidence = 0.9f, .source = BDX_GLYPH_OCR };
          mark.box.x0 = (j->box.x0 + j->box.x1) / 2 - 4;
          mark.box.x1 = mark.box.x0 + 8;
          mark.box.y0 = (j->box.y0 + j->box.y1) / 2 - 4;
          mark.box.y1 = mark.box.y0 + 8;
          GArray *a = g_array_new (FALSE, FALSE, sizeof (BdxGlyph));
          g_array_append_val (a, mark);
          if (fresh->pdata[k] != NULL)
            g_array_unref (fresh->pdata[k]);
          fresh->pdata[k] = a;
        }
    }
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

int
bdx_ocr_reread_cells (BdxOcrEngine *e, const BdxOcrImage *img, BdxPage *page,
                      const BdxLayout *layout, GError **error)
{
  g_return_val_if_fail (e != NULL && img != NULL && page != NULL, -1);
  g_return_val_if_fail (layout != NULL, -1);
  limit_openmp ();
  double s = img->px_per_pt;
  int W = pixGetWidth (img->read), H = pixGetHeight (img->read);

  /* The text's line height: the median em of the lines, in pixels. */
  g_autoptr (GArray) ems = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint b = 0; b < layout->blocks->len; b++)
    {
      const BdxBlock *block = g_ptr_array_index (layout->blocks, b);
      if (block->kind == BDX_BLOCK_LINE)
        g_array_append_val (ems, block->line->em);
    }
  double em_px = 10.5 * s;
  if (ems->len > 0)
    {
      g_array_sort (ems, cmp_double);
      em_px = g_array_index (ems, double, ems->len / 2) * s;
    }
  int pad = MAX (4, (int) (em_px / 4));

  g_autoptr (GArray) regions = g_array_new (FALSE, FALSE, sizeof (Region));
  g_autoptr (GArray) grid_spans = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint b = 0; b < layout->blocks->len; b++)
    {
      const BdxBlock *block = g_ptr_array_index (layout->blocks, b);
      if (block->kind == BDX_BLOCK_GRID)
        {
          guint from = regions->len;
          grid_regions (img, block->grid, pad, regions);
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
      Region j = { .box = { l->box.x0 - em / 2, l->box.y0 - em / 4,
                            l->box.x1 + em / 2, l->box.y1 + em / 4 },
                   .text = l->text, .kind = CELL_TEXT, .line = TRUE };
      clamp_region (&j, j.box.x0 * s, j.box.y0 * s, j.box.x1 * s, j.box.y1 * s, W, H);
      if (j.w < 4 || j.h < 4)
        continue;
      fit_to_ink (img->binary, &j, pad);
      g_array_append_val (regions, j);
    }
  if (regions->len == 0)
    return 0;

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
      g_autoptr (GArray) now = g_array_new (FALSE, FALSE, sizeof (BdxGlyph));
      if (!read_rect (api, img, j, psm, now))
        goto fail;
      correct_glyphs (e->lexicon, now);
      /* Two readings: the same text, or the more confident. */
      g_autoptr (GArray) before = g_array_new (FALSE, FALSE, sizeof (BdxGlyph));
      glyphs_in (page, &j->box, before);
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
      {
        g_autofree char *tb = glyphs_text (before), *tn = glyphs_text (now);
        g_debug ("region %u %s box %.1f,%.1f-%.1f,%.1f px %d,%d %dx%d: '%s' (%.2f) / '%s' (%.2f)",
                 k, j->line ? "line" : "cell", j->box.x0, j->box.y0, j->box.x1, j->box.y1,
                 j->x, j->y, j->w, j->h, tb, mean_conf (before), tn, mean_conf (now));
      }
      fresh->pdata[k] = g_array_ref (pick);
      changed++;
    }

  /* Numbers: eng as a word, chi_sim (digits only) as a line, and when
   * they differ eng as a line too; see vote(). */
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
            if (!read_rect (napi, img, j, readers[m].psm, now))
              goto fail;
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
                           g_array_index (grid_spans, guint, i + 2), fresh, page);
    }

  /* Replace the glyphs of the regions read again. */
  {
    g_autoptr (GArray) keep = g_array_new (FALSE, FALSE, sizeof (BdxGlyph));
    for (guint i = 0; i < page->glyphs->len; i++)
      {
        const BdxGlyph *g = &g_array_index (page->glyphs, BdxGlyph, i);
        double xc = (g->box.x0 + g->box.x1) / 2, yc = (g->box.y0 + g->box.y1) / 2;
        gboolean replaced = FALSE;
        for (guint k = 0; k < regions->len && !replaced; k++)
          {
            const BdxBox *b = &g_array_index (regions, Region, k).box;
            replaced = fresh->pdata[k] != NULL && xc >= b->x0 && xc < b->x1
                       && yc >= b->y0 && yc < b->y1;
          }
        if (!replaced)
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
  quiet_leptonica ();
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
