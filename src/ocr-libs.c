/* bdx — tesseract and leptonica, loaded on first use (ocr-libs.h). */
#define BDX_OCR_LIBS_TABLE 1
#include "ocr-libs.h"

#include <dlfcn.h>

#include "bdx/error.h"

BdxOcrLibs bdx__ocr_libs;

/* The sonames are read off the libraries the build found (CMakeLists). */
#ifndef BDX_TESSERACT_SONAME
#error "BDX_TESSERACT_SONAME is set by the build"
#endif
#ifndef BDX_LEPTONICA_SONAME
#error "BDX_LEPTONICA_SONAME is set by the build"
#endif

static char *load_error; /* set once, if loading failed */

/* leptonica prints its errors on stderr; the library must not. */
static void
lept_to_debug (const char *msg)
{
  g_debug ("leptonica: %s", msg);
}

static gboolean
open_lib (const char *soname, void **handle)
{
  /* Never closed: their code stays in use until the process ends. */
  *handle = dlopen (soname, RTLD_NOW | RTLD_LOCAL);
  if (*handle == NULL)
    load_error = g_strdup_printf ("OCR is unavailable: cannot load %s (%s)",
                                  soname, dlerror ());
  return *handle != NULL;
}

static gboolean
find (void *handle, const char *soname, const char *name, void **slot)
{
  *slot = dlsym (handle, name);
  if (*slot == NULL)
    load_error = g_strdup_printf ("OCR is unavailable: %s lacks %s", soname,
                                  name);
  return *slot != NULL;
}

static gpointer
load (gpointer unused)
{
  void *tess, *lept;
  if (!open_lib (BDX_LEPTONICA_SONAME, &lept)
      || !open_lib (BDX_TESSERACT_SONAME, &tess))
    return NULL;
  /* dlsym returns an object pointer; POSIX guarantees it converts to a
   * function pointer, which is what the slots are. */
#define BDX_OCR_FIND(lib, soname, f)                                          \
  if (!find (lib, soname, #f, (void **)&bdx__ocr_libs.f))                    \
    return NULL;
#define BDX_OCR_FIND_TESS(f) BDX_OCR_FIND (tess, BDX_TESSERACT_SONAME, f)
#define BDX_OCR_FIND_LEPT(f) BDX_OCR_FIND (lept, BDX_LEPTONICA_SONAME, f)
  BDX_OCR_TESSERACT_FUNCTIONS (BDX_OCR_FIND_TESS)
  BDX_OCR_LEPTONICA_FUNCTIONS (BDX_OCR_FIND_LEPT)
#undef BDX_OCR_FIND_LEPT
#undef BDX_OCR_FIND_TESS
#undef BDX_OCR_FIND
  bdx__ocr_libs.leptSetStderrHandler (lept_to_debug);
  /* Searched in tesseract's dependencies, where libgomp is. */
  *(void **)&bdx__ocr_libs.omp_set_max_active_levels
      = dlsym (tess, "omp_set_max_active_levels");
  return GINT_TO_POINTER (1);
}

gboolean
bdx__ocr_libs_load (GError **error)
{
  static GOnce once = G_ONCE_INIT;
  if (g_once (&once, load, NULL) != NULL)
    return TRUE;
  g_set_error_literal (error, BDX_ERROR, BDX_ERROR_LIBRARY,
                       load_error ? load_error : "OCR is unavailable");
  return FALSE;
}
