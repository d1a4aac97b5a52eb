/* bdx — calling the function libbdx's own definition stands in for.
 *
 * render-notext.c and render-ink.c define some of cairo's functions
 * (exported, so that poppler's calls bind to them) and call cairo's own
 * where they do not act themselves: the next definition in the dynamic
 * linker's search order, found with dlsym (RTLD_NEXT). */
#ifndef BDX_INTERPOSE_H
#define BDX_INTERPOSE_H

#include <glib.h>
#include <string.h>

/* The next definition of `name` after the caller's, looked up once and
 * kept in *slot (written once, the same value by any thread). */
G_GNUC_INTERNAL void *bdx__next_symbol (const char *name, void **slot);

/* Calls the next definition of the function `name` (declared by its
 * library's header) with the arguments given; nothing if there is none,
 * which cannot happen while that library is linked. */
#define BDX_CALL_NEXT(name, ...)                                               \
  do                                                                           \
    {                                                                          \
      static void *next_slot_;                                                 \
      void *next_ = bdx__next_symbol (#name, &next_slot_);                     \
      __typeof__ (&name) next_fn_;                                             \
      /* A data pointer to a function pointer: POSIX guarantees dlsym's. */    \
      memcpy (&next_fn_, &next_, sizeof next_fn_);                             \
      if (next_fn_ != NULL)                                                    \
        next_fn_ (__VA_ARGS__);                                                \
    }                                                                          \
  while (0)

#define BDX_EXPORT __attribute__ ((visibility ("default")))

#endif
