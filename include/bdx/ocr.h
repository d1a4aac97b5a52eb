/* bdx — ocr: pages as pictures, read by tesseract into the glyph model.
 *
 * A page without a usable text layer (read.h: BDX_PAGE_NO_TEXT or
 * BDX_PAGE_GARBLED), or a scanned image, is read here into the same
 * BdxPage the text layer fills: glyphs with source BDX_GLYPH_OCR and
 * tesseract's confidence, and the ruling lines of its tables.  Layout,
 * segmentation and parsing then run unchanged: there is one parser.
 *
 * Coordinates are those of read.h: points (1/72 inch) of the page as it
 * is after being turned upright and deskewed, origin top-left; a picture
 * of R pixels per inch is R/72 pixels per point.
 *
 * The steps, each a function so that the pipeline orders them:
 *
 *   bdx_ocr_image_new()      picture → grey, upright, deskewed, binarized;
 *                            ruling lines found by morphology and erased
 *   bdx_ocr_read_page()      whole-page recognition → a BdxPage
 *   (layout: grids from the rules, glyphs into cells)
 *   bdx_ocr_reread_cells()   each grid cell (and line) read again on
 *                            its own: amounts and codes with digits only
 *   (layout again; parse; validate)
 *   bdx_ocr_repair()         an amount the failed checks pin down
 *
 * Ownership: *_new() and *_open_*() return owned objects, freed by the
 * matching *_free() (g_autoptr works for all of them); pictures (struct
 * Pix, leptonica's PIX) passed in are borrowed, those returned are owned
 * (pixDestroy).  An engine is not thread-safe: one thread uses it at a
 * time.  A BdxOcrImage is read-only once made and may be shared.
 * Nothing here prints: leptonica's messages go to g_debug (log domain
 * "bdx"), tesseract is kept quiet.
 */
#ifndef BDX_OCR_H
#define BDX_OCR_H

#include <glib.h>

#include "bdx/disclosure.h"
#include "bdx/layout.h"
#include "bdx/patterns.h"
#include "bdx/read.h"
#include "bdx/visibility.h"

G_BEGIN_DECLS

struct Pix;

/* Resolution assumed for a picture that does not state one, and the
 * default for rendering PDF pages for OCR. */
#define BDX_OCR_DEFAULT_DPI 300

/* Glyphs and cells below this confidence are "low confidence": a cell
 * read so is reported (a notice), never trusted silently. */
#define BDX_OCR_LOW_CONFIDENCE 0.75f

/* ---- images as input ---------------------------------------------------- */

/* TRUE when bytes start like a picture leptonica reads: TIFF, PNG, JPEG
 * (by their magic bytes, not a file name). */
BDX_API gboolean bdx_image_sniff (GBytes *bytes);

typedef struct _BdxImageFile BdxImageFile;

/* Opens a picture file from memory (bytes are referenced); a TIFF may hold
 * several pages.  Errors: BDX_ERROR_FORMAT (not a picture, or a damaged
 * one), BDX_ERROR_LIMIT (more than max_pages pages; 0 = the default of
 * read.h). */
BDX_API BdxImageFile *bdx_image_file_open_bytes (GBytes *bytes,
                                                 guint max_pages,
                                                 GError **error);
BDX_API void bdx_image_file_free (BdxImageFile *f);
BDX_API int bdx_image_file_n_pages (const BdxImageFile *f);
/* Page `index` (0-based) as decoded, its resolution set
 * (BDX_OCR_DEFAULT_DPI when the file states none).  Owned.  Errors:
 * BDX_ERROR_FORMAT. */
BDX_API struct Pix *bdx_image_file_load_page (BdxImageFile *f, int index,
                                              GError **error);

/* ---- the engine ------------------------------------------------------------ */

typedef struct _BdxOcrEngine BdxOcrEngine;

typedef struct {
  /* tesseract language(s); NULL = "chi_sim". */
  const char *lang;
  /* Folder of the *.traineddata files; NULL = $TESSDATA_PREFIX when set,
   * else tesseract's built-in default. */
  const char *datapath;
  /* Words the documents print (NULL-terminated, or NULL): the lexicon
   * that settles a look-alike chi_sim confuses ("文出" is read, "支出" is
   * a word: 支 was printed).  The pipeline gives the words of its pattern
   * set.  Copied. */
  const char *const *words;
} BdxOcrEngineOptions;

/* A tesseract engine (LSTM) initialized for lang.  Expensive (a fraction
 * of a second and tens of MB): make one per thread and keep it.  Turns
 * tesseract's own OpenMP parallelism off for the whole process (OpenMP's
 * max-active-levels set to 0), so that its threads do not compete with
 * bdx's workers.  Errors: BDX_ERROR_LIBRARY (language data missing or
 * unreadable). */
BDX_API BdxOcrEngine *bdx_ocr_engine_new (const BdxOcrEngineOptions *opts,
                                          GError **error);

/* The words of a pattern set, for BdxOcrEngineOptions.words: every run
 * of two or more ideographs in its entries' sources (regexes and
 * values).  Owned (g_strfreev). */
BDX_API GStrv bdx_ocr_words_from_patterns (const BdxPatterns *patterns);
BDX_API void bdx_ocr_engine_free (BdxOcrEngine *e);

/* ---- a page picture prepared for recognition ------------------------------ */

typedef struct _BdxOcrImage BdxOcrImage;

typedef struct {
  gboolean keep_orientation; /* do not turn a sideways page upright */
  gboolean keep_skew;        /* do not deskew */
} BdxOcrImageOptions;

/* Prepares a picture of a page (any depth; its resolution from the
 * picture, BDX_OCR_DEFAULT_DPI when unset): grey; a page turned by 90, 180
 * or 270 degrees turned upright (the engine reads a few lines both ways
 * round); deskewed; binarized; the table rules found by morphology and
 * erased.  opts may be NULL.  Errors: BDX_ERROR_FORMAT (empty or
 * absurdly sized picture), BDX_ERROR_LIMIT (more than 60 megapixels). */
BDX_API BdxOcrImage *bdx_ocr_image_new (BdxOcrEngine *e, struct Pix *pix,
                                        const BdxOcrImageOptions *opts,
                                        GError **error);
BDX_API void bdx_ocr_image_free (BdxOcrImage *img);
/* Quarter turns clockwise applied to make the page upright (0..3), and
 * the skew corrected, in degrees. */
BDX_API int bdx_ocr_image_quarter_turns (const BdxOcrImage *img);
BDX_API double bdx_ocr_image_skew (const BdxOcrImage *img);

/* ---- recognition ------------------------------------------------------------ */

/* Reads the whole prepared page: a new BdxPage numbered `number` (its size
 * in points from the picture), with the glyphs tesseract found (each
 * character's box: its own horizontal extent, its text line's vertical
 * one; NFKC and radicals folded as for the text layer) and the rules of
 * bdx_ocr_image_new() (rules_known TRUE).  text_state is BDX_PAGE_TEXT
 * when anything was read, BDX_PAGE_NO_TEXT otherwise.  Errors:
 * BDX_ERROR_LIBRARY. */
BDX_API BdxPage *bdx_ocr_read_page (BdxOcrEngine *e, const BdxOcrImage *img,
                                    int number, GError **error);

/* Reads every cell of the layout's grids, and every line outside them,
 * again on its own, cut to its ink: text as a line, a character or a
 * block (a wrapped cell also laid out as one line); a cell that reads as
 * a number, or stands in a column of numbers, by two models with digits
 * only, which must agree or the cell's confidence drops below
 * BDX_OCR_LOW_CONFIDENCE.  Look-alikes the engine's lexicon settles are
 * corrected.  The page's glyphs of those regions are replaced by the new
 * reading.  layout must have been made from page.  Returns the number of
 * regions whose glyphs changed (the caller lays the page out again when
 * > 0), or -1 with BDX_ERROR_LIBRARY. */
BDX_API int bdx_ocr_reread_cells (BdxOcrEngine *e, const BdxOcrImage *img,
                                  BdxPage *page, const BdxLayout *layout,
                                  GError **error);

/* ---- repair by validation --------------------------------------------------------- */

/* After validation (validate.h): where failed checks are explained by one
 * amount on an OCR page read with a plausible misreading — a digit taken
 * for a look-alike (0/6/8/9, 1/7/4, 3/5/8 …), a digit dropped or doubled,
 * a decimal point lost — and exactly one such cell and value makes every
 * check it concerns hold again (moving each by what it misses, breaking
 * none that held; misreadings elsewhere may still fail), the cell takes
 * that value and a notice keeps what OCR
 * read: "page 8: 表3 row 行政运行, column 基本支出: OCR read '54.01'; every
 * check holds with '54.81': repaired".  An amount no check confirms is
 * never changed (its low confidence is already in a notice).  Last, a
 * 类 or 款 code OCR read with no code under it, in a table that prints
 * deeper codes (a 项 that lost two digits: "21001" for 2101101), gets a
 * notice and an `ocr` mark, and stays as read.  Runs
 * bdx_validate() again after each repair; d->checks is current on
 * return.  Returns the number of cells repaired, or -1 with the error of
 * bdx_validate(). */
BDX_API int bdx_ocr_repair (BdxDisclosure *d, const BdxPatterns *patterns,
                            GError **error);

/* ---- workers ------------------------------------------------------------------ */

typedef struct _BdxOcrPool BdxOcrPool;

/* Work on one job, in a worker thread, with that worker's own engine. */
typedef void (*BdxOcrWorkFunc) (BdxOcrEngine *e, gpointer job,
                                gpointer user_data);

/* Starts n_workers threads (0 = the number of processors), each with its
 * own engine, made once.  Returns when every engine is ready; errors are
 * those of bdx_ocr_engine_new().  job_free (may be NULL) frees jobs
 * pushed but never popped when the pool is freed. */
BDX_API BdxOcrPool *bdx_ocr_pool_new (guint n_workers,
                                      const BdxOcrEngineOptions *opts,
                                      BdxOcrWorkFunc func,
                                      GDestroyNotify job_free,
                                      gpointer user_data, GError **error);
/* Queues a job; the pool holds it until bdx_ocr_pool_pop() returns it. */
BDX_API void bdx_ocr_pool_push (BdxOcrPool *pool, gpointer job);
/* Waits for a job to be done and returns it (in the order they finish);
 * NULL when no job is queued or running. */
BDX_API gpointer bdx_ocr_pool_pop (BdxOcrPool *pool);
/* Jobs pushed and not yet popped. */
BDX_API guint bdx_ocr_pool_pending (const BdxOcrPool *pool);
BDX_API guint bdx_ocr_pool_n_workers (const BdxOcrPool *pool);
/* Waits for the running jobs, stops the workers, frees their engines and
 * every job not popped (with job_free). */
BDX_API void bdx_ocr_pool_free (BdxOcrPool *pool);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BdxImageFile, bdx_image_file_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BdxOcrEngine, bdx_ocr_engine_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BdxOcrImage, bdx_ocr_image_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BdxOcrPool, bdx_ocr_pool_free)

G_END_DECLS

#endif
