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

#include "blank-font.h"
#include "interpose.h"

static _Thread_local gboolean skip_glyphs;

void *
bdx__next_symbol (const char *name, void **slot)
{
  void *f = __atomic_load_n (slot, __ATOMIC_ACQUIRE);
  if (f == NULL)
    {
      f = dlsym (RTLD_NEXT, name);
      __atomic_store_n (slot, f, __ATOMIC_RELEASE);
    }
  return f;
}

BDX_EXPORT void
cairo_show_glyphs (cairo_t *cr, const cairo_glyph_t *glyphs, int num_glyphs)
{
  if (!skip_glyphs)
    BDX_CALL_NEXT (cairo_show_glyphs, cr, glyphs, num_glyphs);
}

/* Poppler shows text with this instead where the target keeps text
 * (a PDF or a recording surface, as render-ink.c uses). */
BDX_EXPORT void
cairo_show_text_glyphs (cairo_t *cr, const char *utf8, int utf8_len,
                        const cairo_glyph_t *glyphs, int num_glyphs,
                        const cairo_text_cluster_t *clusters, int num_clusters,
                        cairo_text_cluster_flags_t cluster_flags)
{
  if (!skip_glyphs)
    BDX_CALL_NEXT (cairo_show_text_glyphs, cr, utf8, utf8_len, glyphs, num_glyphs,
                   clusters, num_clusters, cluster_flags);
}

/* ---- fonts ---------------------------------------------------------------
 *
 * Before poppler's cairo backend shows a glyph it loads the font: it
 * decompresses the embedded font file (GfxFont::readEmbFontFile) and
 * builds a FreeType face from it.  For glyphs nobody draws this was, on
 * table documents, 10 to 45 % of a run's instructions and most of its
 * memory peak (docs/performance.md).  So while a render leaves text out,
 * the backend's request for the font file gets the blank font of
 * blank-font.h instead, which poppler and FreeType take for any kind of
 * font and which has no glyph to draw.
 *
 * The function is C++ (libpoppler's), called by libpoppler-glib through
 * its PLT, so the dynamic linker binds that call here as it does cairo's.
 * What it returns, std::optional<std::vector<unsigned char>> since
 * poppler 22.04, is a class the C++ ABI returns through a hidden pointer,
 * as C returns a struct of more than 16 bytes; OptionalBytes has its
 * layout: the vector's three pointers, then the "engaged" flag.  The
 * vector's storage must come from C++'s operator new, as its destructor
 * gives it back with operator delete.
 *
 * The stand-in is given only when all of these hold, else the call goes
 * on to poppler's own function:
 *   - this thread is inside bdx__render_notext();
 *   - the caller is libpoppler-glib, i.e. the cairo font engine: the
 *     calls libpoppler makes itself (a Type 1 font's built-in encoding,
 *     read while the page's text layer is built in the same pass) get
 *     the real file;
 *   - the poppler running is the version bdx was built with (a later
 *     one might return something else).
 * The engine keeps the fonts it made for the document (PopplerDocument),
 * so a document rendered this way must never be rendered with its text:
 * read.c renders text from a second copy of the document.
 *
 * A font the document does not embed the engine first looks up among
 * the system's fonts (GfxFont::locateFont): fontconfig's set-up, a tenth
 * of such a document's instructions, then the whole file of the font it
 * picks, megabytes for a CJK collection.  On x86-64 the same conditions
 * answer that lookup too, with "embedded", so that the blank font stands
 * in for these fonts as well.  The answer, std::optional<GfxFontLoc>, is
 * built in place with GfxFontLoc's own constructor: its std::string
 * points into itself, so it cannot be built elsewhere and copied, as C
 * may do with a struct it returns.  Hence the hidden pointer is taken
 * as the explicit first argument, which the x86-64 ABI allows (the
 * callee returns it in rax) and others, such as AArch64's, do not. */

/* Built only for the poppler versions whose sources show these types
 * (22.04 to 25): mangled names leave out the return type, so a poppler
 * that changed it would still bind here. */
#if POPPLER_CHECK_VERSION(22, 4, 0) && !POPPLER_CHECK_VERSION(26, 0, 0)         \
    && (defined(__x86_64__) || defined(__aarch64__))
#define BLANK_FONTS 1

typedef struct {
  unsigned char *begin, *end, *end_of_storage;
  _Bool engaged;
} OptionalBytes;
G_STATIC_ASSERT (sizeof (OptionalBytes) == 4 * sizeof (void *));

#define READ_EMB_FONT_FILE _ZN7GfxFont15readEmbFontFileEP4XRef

BDX_EXPORT OptionalBytes READ_EMB_FONT_FILE (void *font, void *xref);

/* Whether the running libpoppler-glib is the version built against. */
static gboolean
same_poppler (void)
{
  static int same = -1; /* unknown */
  int s = __atomic_load_n (&same, __ATOMIC_ACQUIRE);
  if (s < 0)
    {
      g_autofree char *built = g_strdup_printf ("%d.%d.", POPPLER_MAJOR_VERSION,
                                                POPPLER_MINOR_VERSION);
      s = g_str_has_prefix (poppler_get_version (), built);
      __atomic_store_n (&same, s, __ATOMIC_RELEASE);
    }
  return s;
}

/* Whether code at address pc belongs to libpoppler-glib. */
static gboolean
in_poppler_glib (const void *pc)
{
  Dl_info self, caller;
  void (*f) (void) = (void (*) (void)) poppler_page_render;
  void *fp;
  memcpy (&fp, &f, sizeof fp);
  return dladdr (fp, &self) != 0 && dladdr (pc, &caller) != 0
         && self.dli_fbase == caller.dli_fbase;
}

BDX_EXPORT OptionalBytes
READ_EMB_FONT_FILE (void *font, void *xref)
{
  if (skip_glyphs && same_poppler ()
      && in_poppler_glib (__builtin_return_address (0)))
    {
      /* The first definition, as poppler's operator delete is: a
       * sanitizer's runtime defines both. */
      void *(*op_new) (size_t) = NULL;
      void *p = dlsym (RTLD_DEFAULT, "_Znwm");
      memcpy (&op_new, &p, sizeof op_new);
      if (op_new != NULL)
        {
          unsigned char *b = op_new (sizeof blank_font);
          memcpy (b, blank_font, sizeof blank_font);
          return (OptionalBytes){ b, b + sizeof blank_font,
                                  b + sizeof blank_font, 1 };
        }
    }
  static void *next_slot;
  OptionalBytes (*next) (void *, void *) = NULL;
  void *p = bdx__next_symbol (G_STRINGIFY (READ_EMB_FONT_FILE), &next_slot);
  memcpy (&next, &p, sizeof next);
  if (next == NULL) /* cannot happen while libpoppler is loaded */
    return (OptionalBytes){ NULL, NULL, NULL, 0 };
  return next (font, xref);
}

#if defined(__x86_64__)
/* GfxFontLoc: locType, fontType, embFontID, path (std::string), fontNum,
 * substIdx; 56 bytes, then std::optional's flag. */
#define FONT_LOC_SIZE 56
#define LOCATE_FONT _ZN7GfxFont10locateFontEP4XRefP11PSOutputDev

BDX_EXPORT void *LOCATE_FONT (void *ret, void *font, void *xref, void *ps);

BDX_EXPORT void *
LOCATE_FONT (void *ret, void *font, void *xref, void *ps)
{
  static void *ctor_slot;
  void (*ctor) (void *) = NULL;
  if (skip_glyphs && same_poppler ()
      && in_poppler_glib (__builtin_return_address (0)))
    {
      void *p = bdx__next_symbol ("_ZN10GfxFontLocC1Ev", &ctor_slot);
      memcpy (&ctor, &p, sizeof ctor);
    }
  if (ctor != NULL)
    {
      unsigned char *loc = ret;
      ctor (loc);
      /* The layout, checked where it shows: an empty path whose
       * characters are stored in itself, 16 bytes in. */
      unsigned char *chars;
      guint64 length;
      memcpy (&chars, loc + 16, sizeof chars);
      memcpy (&length, loc + 24, sizeof length);
      if (chars != loc + 32 || length != 0)
        {
          static void *dtor_slot;
          void (*dtor) (void *) = NULL;
          void *p = bdx__next_symbol ("_ZN10GfxFontLocD1Ev", &dtor_slot);
          memcpy (&dtor, &p, sizeof dtor);
          if (dtor != NULL)
            dtor (loc);
          goto next;
        }
      const gint32 embedded = 0, unknown_type = 0, no_ref[2] = { -1, -1 };
      memcpy (loc, &embedded, 4);         /* locType: gfxFontLocEmbedded */
      memcpy (loc + 4, &unknown_type, 4); /* fontType: unused when embedded */
      memcpy (loc + 8, no_ref, 8);        /* embFontID: Ref::INVALID() */
      loc[FONT_LOC_SIZE] = 1;             /* the optional holds a value */
      return ret;
    }
next:;
  static void *next_slot;
  void *(*next) (void *, void *, void *, void *) = NULL;
  void *p = bdx__next_symbol (G_STRINGIFY (LOCATE_FONT), &next_slot);
  memcpy (&next, &p, sizeof next);
  if (next == NULL) /* cannot happen while libpoppler is loaded */
    {
      memset (ret, 0, FONT_LOC_SIZE + 8);
      return ret;
    }
  return next (ret, font, xref, ps);
}
#endif
#endif

gboolean
bdx__render_notext_blanks_fonts (void)
{
#ifdef BLANK_FONTS
  return same_poppler ();
#else
  return FALSE;
#endif
}

void
bdx__render_notext (PopplerPage *page, cairo_t *cr)
{
  skip_glyphs = TRUE;
  poppler_page_render (page, cr);
  skip_glyphs = FALSE;
}
