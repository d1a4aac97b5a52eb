/* bdx — work poppler does for a viewer that bdx leaves out; see
 * poppler-lean.h.
 *
 * Gfx::initDisplayProfile() is the step: the Gfx constructor calls it
 * (libpoppler, through its PLT) to read the catalog's /OutputIntents and
 * give the page's graphics state that display profile.  libbdx defines
 * the function, exported, so that the dynamic linker binds poppler's
 * call here, as it binds poppler's cairo calls to render-notext.c and
 * render-ink.c.  It takes only the object and returns nothing, so the
 * C definition matches the C++ one on every ABI that mangles names so
 * (the Itanium C++ ABI: GCC and Clang); the name changes if the
 * signature does, and then this definition is simply never called. */
#include "poppler-lean.h"

#include <dlfcn.h>

#include "interpose.h"

static _Thread_local guint lean_depth;
static _Thread_local guint64 skipped;

void
bdx__lean_begin (void)
{
  lean_depth++;
}

void
bdx__lean_end (void)
{
  g_return_if_fail (lean_depth > 0);
  lean_depth--;
}

guint64
bdx__lean_skipped (void)
{
  return skipped;
}

#define INIT_DISPLAY_PROFILE _ZN3Gfx18initDisplayProfileEv

BDX_EXPORT void INIT_DISPLAY_PROFILE (void *gfx);

BDX_EXPORT void
INIT_DISPLAY_PROFILE (void *gfx)
{
  if (lean_depth > 0)
    {
      skipped++;
      return;
    }
  static void *next_slot;
  void (*next) (void *) = NULL;
  void *p = bdx__next_symbol (G_STRINGIFY (INIT_DISPLAY_PROFILE), &next_slot);
  memcpy (&next, &p, sizeof next);
  if (next != NULL) /* it is, while libpoppler is loaded */
    next (gfx);
}
