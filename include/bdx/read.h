/* bdx — read: a document's pages as glyphs and ruling lines.
 *
 * One glyph model for the text layer and for OCR: both fill BdxPage, so
 * layout and parsing exist once.
 *
 * Coordinate space (the only one in bdx): PDF points (1/72 inch), origin
 * at the top-left corner of the page as displayed (after /Rotate), x to
 * the right, y down.  A box is [x0, x1) × [y0, y1) with x0 <= x1, y0 <= y1.
 *
 * Ownership: bdx_reader_open*() return an owned BdxReader;
 * bdx_reader_read_page() returns an owned BdxPage.  A page does not
 * reference its reader.  A reader is not thread-safe (poppler is not):
 * use one per process.
 */
#ifndef BDX_READ_H
#define BDX_READ_H

#include <glib.h>

#include "bdx/visibility.h"

G_BEGIN_DECLS

typedef struct {
  double x0, y0, x1, y1;
} BdxBox;

typedef enum {
  BDX_GLYPH_TEXT_LAYER = 0,
  BDX_GLYPH_OCR,
} BdxGlyphSource;

typedef struct {
  gunichar c;       /* after per-character normalization (NFKC, radicals) */
  BdxBox box;
  float confidence; /* 0..1; 1 for the text layer */
  guint8 source;    /* BdxGlyphSource */
  guint8 bold;      /* font looks bold */
} BdxGlyph;

/* A ruling segment: horizontal when y0 == y1 (up to thickness), vertical
 * when x0 == x1.  Stored as the line's box. */
typedef BdxBox BdxRule;

typedef enum {
  BDX_PAGE_TEXT = 0,    /* usable text layer */
  BDX_PAGE_NO_TEXT,     /* no text at all (image only) */
  BDX_PAGE_GARBLED,     /* text layer present but unusable */
} BdxPageTextState;

/* What triage counted in a page's text layer, characters as poppler gives
 * them (before NFKC and radical folding; whitespace not counted).  The
 * rule that turns them into a BdxPageTextState is bdx_page_triage(). */
typedef struct {
  guint chars;    /* all characters */
  guint han;      /* CJK unified ideographs, U+4E00..U+9FFF and U+F900..U+FAFF */
  guint radicals; /* Kangxi radicals and CJK radicals supplement */
  /* U+FFFD, invalid UTF-8, private use (U+E000..U+F8FF and planes 15-16),
   * controls, unassigned code points, and characters of scripts a Chinese
   * disclosure does not print (Arabic, Indic, Hangul, CJK extension A ...):
   * what fonts without a usable ToUnicode map turn into. */
  guint suspect;
  gboolean scanned; /* pictures cover most of the page */
} BdxTextStats;

typedef struct {
  int number;             /* 1-based */
  double width, height;   /* points, as displayed */
  GArray *glyphs;         /* of BdxGlyph, in the reader's order */
  GArray *hrules;         /* of BdxRule */
  GArray *vrules;         /* of BdxRule */
  gboolean rules_known;   /* FALSE when rules were not looked for */
  BdxPageTextState text_state;
  BdxTextStats text_stats; /* the triage's counts (text layer only) */
} BdxPage;

typedef struct _BdxReader BdxReader;

typedef struct {
  const char *password;   /* NULL: none */
  /* Pages with more glyphs than this fail with BDX_ERROR_LIMIT; 0 = default
   * (BDX_DEFAULT_MAX_GLYPHS). */
  guint max_glyphs;
  /* Documents with more pages than this fail with BDX_ERROR_LIMIT; 0 =
   * default (BDX_DEFAULT_MAX_PAGES). */
  guint max_pages;
  /* Resolution for finding ruling lines, pixels per point; 0 = default
   * 1.5, where a 0.5 pt rule still darkens a pixel to grey: 2 gave the
   * same tables on every test document and cost 8 % more instructions. */
  double rules_scale;
  /* Find rules in a raster render of every page, never straight from
   * its drawing operations: slower, the same rules give or take a
   * pixel; there to compare the two. */
  gboolean raster_rules;
} BdxReadOptions;

#define BDX_DEFAULT_MAX_GLYPHS 200000u
#define BDX_DEFAULT_MAX_PAGES 5000u

/* Opens a PDF.  Errors: BDX_ERROR_IO (unreadable), BDX_ERROR_FORMAT (not
 * a PDF, damaged beyond repair), BDX_ERROR_ENCRYPTED (needs a password, or
 * the given one is wrong), BDX_ERROR_LIMIT (too many pages). */
BDX_API BdxReader *bdx_reader_open (const char *path,
                                    const BdxReadOptions *opts,
                                    GError **error);
/* Same from memory; the bytes are referenced, not copied. */
BDX_API BdxReader *bdx_reader_open_bytes (GBytes *bytes,
                                          const BdxReadOptions *opts,
                                          GError **error);
BDX_API void bdx_reader_free (BdxReader *r);
BDX_API int bdx_reader_n_pages (const BdxReader *r);

/* Reads page `index` (0-based): glyphs from the text layer, normalized,
 * and — when want_rules — the ruling lines, found by rendering the page
 * with the text erased.  NULL with an error on failure. */
BDX_API BdxPage *bdx_reader_read_page (BdxReader *r, int index,
                                       gboolean want_rules, GError **error);

/* Finds ruling lines for a page already read (fills hrules/vrules). */
BDX_API gboolean bdx_reader_find_rules (BdxReader *r, BdxPage *page,
                                        GError **error);

/* Page triage: the state a text layer with these counts is in.
 *   NO_TEXT  no character at all; or fewer than 40 characters on a page
 *            that pictures cover for more than half (a scan with a
 *            stamped page number or an invisible word or two);
 *   GARBLED  10 characters or more of which at least 10 % are suspect,
 *            or fewer where at least half are; or radicals make at least
 *            20 % (and at least 5) of the ideographs: a font that maps
 *            most glyphs to radicals ("radical soup"), where a normal
 *            Chinese text has none or a handful;
 *   TEXT     otherwise.
 * bdx_reader_read_page() sets page->text_state so. */
BDX_API BdxPageTextState bdx_page_triage (const BdxTextStats *stats);

/* TRUE when page `index` (0-based) draws nothing at all: rendered, it
 * would be a white picture, in which OCR finds nothing. */
BDX_API gboolean bdx_reader_page_is_blank (BdxReader *r, int index);

/* Renders page `index` (0-based) as a picture for OCR: 8 bpp grey, `dpi`
 * pixels per inch (0 = 300), its resolution recorded in the picture.
 * Owned (leptonica's pixDestroy).  Errors: BDX_ERROR_FORMAT (the page
 * cannot be read), BDX_ERROR_LIMIT (more than 60 megapixels). */
struct Pix;
BDX_API struct Pix *bdx_reader_render_page (BdxReader *r, int index, int dpi,
                                            GError **error);

BDX_API BdxPage *bdx_page_new (int number, double width, double height);
BDX_API void bdx_page_free (BdxPage *p);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BdxReader, bdx_reader_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BdxPage, bdx_page_free)

G_END_DECLS

#endif
