/* bdx — work poppler does for a viewer that bdx leaves out (poppler-lean.c).
 *
 * Every time poppler starts on a page's content (a Gfx: the text pass,
 * a render, a Type 3 glyph) it sets up colour management for the
 * document's output intent, when it has one: it parses the ICC profile
 * and builds four transforms into it, inverting the profile's tone
 * curves.  That serves exact colours on screen; bdx reads text and
 * finds dark lines, and on documents with an output intent (PDF/A, as
 * the Jiangsu CPPCC's) it was four fifths of the run.  Between
 * bdx__lean_begin() and bdx__lean_end() (nested, per thread) poppler
 * skips it, and colours are converted as for a document without an
 * output intent: ICC-based ones to sRGB, device ones by formula.
 *
 * read.c opens a lean scope around each of its entry points that has
 * poppler interpret a page.  Outside one, in whatever else the process
 * does with poppler, nothing changes. */
#ifndef BDX_POPPLER_LEAN_H
#define BDX_POPPLER_LEAN_H

#include <glib.h>

G_GNUC_INTERNAL void bdx__lean_begin (void);
G_GNUC_INTERNAL void bdx__lean_end (void);

/* How many times this thread's lean scopes kept poppler from setting
 * up an output intent's colour management (for tests). */
G_GNUC_INTERNAL guint64 bdx__lean_skipped (void);

/* A lean scope to the end of the enclosing block. */
typedef struct {
  char unused;
} BdxLeanScope;

static inline void
bdx__lean_scope_end (BdxLeanScope *scope)
{
  (void) scope;
  bdx__lean_end ();
}

#define BDX_LEAN_SCOPE()                                                       \
  __attribute__ ((cleanup (bdx__lean_scope_end), unused))                      \
  BdxLeanScope G_PASTE (bdx_lean_scope_, __LINE__)                            \
      = (bdx__lean_begin (), (BdxLeanScope){ 0 })

#endif
