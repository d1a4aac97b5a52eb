/* bdx — pipeline: a document's bytes in, the disclosure model out.
 *
 * The only place that orders the stages: read → layout → segment →
 * parse → normalize → validate.  Emit is separate (emit.h): callers
 * decide where the JSON goes.
 *
 * Ownership: bdx_extract_*() return an owned BdxDisclosure.  Options
 * are borrowed for the call; zero means default everywhere.
 */
#ifndef BDX_PIPELINE_H
#define BDX_PIPELINE_H

#include <glib.h>

#include "bdx/disclosure.h"
#include "bdx/patterns.h"
#include "bdx/visibility.h"

G_BEGIN_DECLS

typedef enum {
  BDX_OCR_AUTO = 0, /* OCR the pages without a usable text layer */
  BDX_OCR_NEVER,    /* read text layers only (pictures cannot be read) */
  BDX_OCR_ALWAYS,   /* OCR every page, text layer or not */
} BdxOcrMode;

/* Called after each page is read; return FALSE to cancel. */
typedef gboolean (*BdxProgressFunc) (int page, int n_pages, gpointer data);

typedef struct {
  const char *password;        /* for encrypted PDFs, or NULL */
  const BdxPatterns *patterns; /* borrowed; NULL loads the default set */
  BdxOcrMode ocr;
  int ocr_dpi;                 /* render PDF pages for OCR at; 0 = 300 */
  guint jobs;                  /* OCR worker threads; 0 = one per core */
  const char *ocr_lang;        /* tesseract languages; NULL = "chi_sim" */
  gboolean no_validate;        /* skip the validation stage */
  guint max_pages;             /* 0 = BDX_DEFAULT_MAX_PAGES */
  guint max_glyphs;            /* per page; 0 = BDX_DEFAULT_MAX_GLYPHS */
  BdxProgressFunc progress;
  gpointer progress_data;
} BdxExtractOptions;

/* Extracts one PDF, or one picture file (TIFF, PNG, JPEG: told apart by
 * their first bytes; each picture, each page of a TIFF, is a page).
 * Pages go to OCR (ocr.h) by opts->ocr and their triage (read.h:
 * bdx_page_triage); source.text_pages and source.ocr_pages say which
 * went which way, and notices say why, and which cells OCR read with
 * low confidence.  `display_path` is what the output's source.path
 * says (NULL: the path itself).  Errors: those of bdx_reader_open() and
 * bdx_image_file_open_bytes(), BDX_ERROR_LIBRARY when OCR cannot start
 * or fails, BDX_ERROR_UNSUPPORTED for pictures with BDX_OCR_NEVER,
 * BDX_ERROR_PATTERN for a broken default pattern set,
 * BDX_ERROR_CANCELLED when progress returned FALSE. */
BDX_API BdxDisclosure *bdx_extract_file (const char *path,
                                         const BdxExtractOptions *opts,
                                         GError **error);
BDX_API BdxDisclosure *bdx_extract_bytes (GBytes *bytes,
                                          const char *display_path,
                                          const BdxExtractOptions *opts,
                                          GError **error);

/* Extracts several PDFs that make one disclosure (a narrative document
 * and a separate tables document) into one model; pages are numbered
 * on through the files. */
BDX_API BdxDisclosure *bdx_extract_files (const char *const *paths,
                                          const BdxExtractOptions *opts,
                                          GError **error);

/* TRUE when what was found looks like a budget disclosure at all: at
 * least one known table or performance table; or a known kind (预算,
 * 决算), a department and at least two amounts stated in the text (the
 * narrative half of a disclosure whose tables are in another PDF). */
BDX_API gboolean bdx_disclosure_is_disclosure (const BdxDisclosure *d);

G_END_DECLS

#endif
