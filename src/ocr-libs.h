/* bdx — tesseract and leptonica, loaded when a page first needs them.
 *
 * Most documents have a text layer and never use OCR, yet linking
 * tesseract and leptonica into every run maps and relocates some forty
 * more shared libraries (libcurl, gnutls, krb5, the image codecs, …):
 * half of a run's start-up time and about 6 MB of resident memory
 * (docs/performance.md).  So libbdx is not linked against them; it opens
 * them with dlopen() the first time a page or a picture needs OCR.
 *
 * Code that calls them includes this header instead of theirs.  Each
 * function libbdx uses is listed once in BDX_OCR_FUNCTIONS; its name is
 * then a macro that calls through the loaded table, with the type the
 * library's own header declares (__typeof__, a GNU extension as
 * g_autoptr is).  A function missing from the list is an undefined
 * symbol, which the library's link (-Wl,--no-undefined) refuses.
 *
 * Every public entry point that can reach these functions calls
 * bdx__ocr_libs_load() first; it is cheap once loaded and thread-safe.
 */
#ifndef BDX_OCR_LIBS_H
#define BDX_OCR_LIBS_H

#include <glib.h>

#include <leptonica/allheaders.h>
#include <tesseract/capi.h>

#define BDX_OCR_TESSERACT_FUNCTIONS(X)                                        \
  X (TessBaseAPIClear)                                                        \
  X (TessBaseAPICreate)                                                       \
  X (TessBaseAPIDelete)                                                       \
  X (TessBaseAPIEnd)                                                          \
  X (TessBaseAPIGetAvailableLanguagesAsVector)                                \
  X (TessBaseAPIGetIterator)                                                  \
  X (TessBaseAPIInit2)                                                        \
  X (TessBaseAPIMeanTextConf)                                                 \
  X (TessBaseAPIRecognize)                                                    \
  X (TessBaseAPISetImage2)                                                    \
  X (TessBaseAPISetPageSegMode)                                               \
  X (TessBaseAPISetRectangle)                                                 \
  X (TessBaseAPISetSourceResolution)                                          \
  X (TessBaseAPISetVariable)                                                  \
  X (TessDeleteText)                                                          \
  X (TessDeleteTextArray)                                                     \
  X (TessPageIteratorBoundingBox)                                             \
  X (TessPageIteratorIsAtBeginningOf)                                         \
  X (TessResultIteratorConfidence)                                            \
  X (TessResultIteratorDelete)                                                \
  X (TessResultIteratorGetPageIterator)                                       \
  X (TessResultIteratorGetUTF8Text)                                           \
  X (TessResultIteratorNext)

#define BDX_OCR_LEPTONICA_FUNCTIONS(X)                                        \
  X (boxCreate)                                                               \
  X (boxDestroy)                                                              \
  X (boxGetGeometry)                                                          \
  X (boxaDestroy)                                                             \
  X (boxaGetBoxGeometry)                                                      \
  X (boxaGetCount)                                                            \
  X (fopenReadFromMemory)                                                     \
  X (leptSetStderrHandler)                                                    \
  X (numaDestroy)                                                             \
  X (numaGetCount)                                                            \
  X (numaGetFValue)                                                           \
  X (pixAnd)                                                                  \
  X (pixClearInRect)                                                          \
  X (pixClipRectangle)                                                        \
  X (pixClipToForeground)                                                     \
  X (pixClone)                                                                \
  X (pixCloseBrick)                                                           \
  X (pixConnComp)                                                             \
  X (pixConnCompBB)                                                           \
  X (pixConvertRGBToLuminance)                                                \
  X (pixConvertTo8)                                                           \
  X (pixCopy)                                                                 \
  X (pixCountPixels)                                                          \
  X (pixCountConnComp)                                                        \
  X (pixCountPixelsByRow)                                                     \
  X (pixCreate)                                                               \
  X (pixDestroy)                                                              \
  X (pixDilateBrick)                                                          \
  X (pixExpandBinaryPower2)                                                   \
  X (pixFindSkewAndDeskew)                                                    \
  X (pixGetColormap)                                                          \
  X (pixGetData)                                                              \
  X (pixGetDepth)                                                             \
  X (pixGetHeight)                                                            \
  X (pixGetWidth)                                                             \
  X (pixGetWpl)                                                               \
  X (pixGetXRes)                                                              \
  X (pixOpenBrick)                                                            \
  X (pixOr)                                                                   \
  X (pixRasterop)                                                             \
  X (pixReadHeaderMem)                                                        \
  X (pixReadMem)                                                              \
  X (pixReadMemTiff)                                                          \
  X (pixReduceRankBinaryCascade)                                              \
  X (pixRotateOrth)                                                           \
  X (pixSauvolaBinarizeTiled)                                                 \
  X (pixScaleGrayLI)                                                          \
  X (pixSelectBySize)                                                         \
  X (pixSetAllArbitrary)                                                      \
  X (pixSetMasked)                                                            \
  X (pixSetResolution)                                                        \
  X (pixSubtract)                                                             \
  X (pixThresholdToBinary)                                                    \
  X (tiffGetCount)

typedef struct
{
#define BDX_OCR_SLOT(f) __typeof__ (f) *f;
  BDX_OCR_TESSERACT_FUNCTIONS (BDX_OCR_SLOT)
  BDX_OCR_LEPTONICA_FUNCTIONS (BDX_OCR_SLOT)
#undef BDX_OCR_SLOT
  /* OpenMP's, from tesseract's dependencies; NULL for a tesseract built
   * without OpenMP. */
  void (*omp_set_max_active_levels) (int);
} BdxOcrLibs;

/* Filled by bdx__ocr_libs_load(); read only after it succeeded. */
G_GNUC_INTERNAL extern BdxOcrLibs bdx__ocr_libs;

/* Opens tesseract and leptonica once for the process.  FALSE, with
 * BDX_ERROR_LIBRARY naming what is missing, when they cannot be loaded
 * (then OCR is unavailable; text-layer pages are read as always). */
G_GNUC_INTERNAL gboolean bdx__ocr_libs_load (GError **error);

#ifndef BDX_OCR_LIBS_TABLE
/* From here on a listed name calls through the table. */
#define TessBaseAPIClear bdx__ocr_libs.TessBaseAPIClear
#define TessBaseAPICreate bdx__ocr_libs.TessBaseAPICreate
#define TessBaseAPIDelete bdx__ocr_libs.TessBaseAPIDelete
#define TessBaseAPIEnd bdx__ocr_libs.TessBaseAPIEnd
#define TessBaseAPIGetAvailableLanguagesAsVector                              \
  bdx__ocr_libs.TessBaseAPIGetAvailableLanguagesAsVector
#define TessBaseAPIGetIterator bdx__ocr_libs.TessBaseAPIGetIterator
#define TessBaseAPIInit2 bdx__ocr_libs.TessBaseAPIInit2
#define TessBaseAPIMeanTextConf bdx__ocr_libs.TessBaseAPIMeanTextConf
#define TessBaseAPIRecognize bdx__ocr_libs.TessBaseAPIRecognize
#define TessBaseAPISetImage2 bdx__ocr_libs.TessBaseAPISetImage2
#define TessBaseAPISetPageSegMode bdx__ocr_libs.TessBaseAPISetPageSegMode
#define TessBaseAPISetRectangle bdx__ocr_libs.TessBaseAPISetRectangle
#define TessBaseAPISetSourceResolution                                        \
  bdx__ocr_libs.TessBaseAPISetSourceResolution
#define TessBaseAPISetVariable bdx__ocr_libs.TessBaseAPISetVariable
#define TessDeleteText bdx__ocr_libs.TessDeleteText
#define TessDeleteTextArray bdx__ocr_libs.TessDeleteTextArray
#define TessPageIteratorBoundingBox bdx__ocr_libs.TessPageIteratorBoundingBox
#define TessPageIteratorIsAtBeginningOf                                       \
  bdx__ocr_libs.TessPageIteratorIsAtBeginningOf
#define TessResultIteratorConfidence bdx__ocr_libs.TessResultIteratorConfidence
#define TessResultIteratorDelete bdx__ocr_libs.TessResultIteratorDelete
#define TessResultIteratorGetPageIterator                                     \
  bdx__ocr_libs.TessResultIteratorGetPageIterator
#define TessResultIteratorGetUTF8Text                                         \
  bdx__ocr_libs.TessResultIteratorGetUTF8Text
#define TessResultIteratorNext bdx__ocr_libs.TessResultIteratorNext
#define boxCreate bdx__ocr_libs.boxCreate
#define boxDestroy bdx__ocr_libs.boxDestroy
#define boxGetGeometry bdx__ocr_libs.boxGetGeometry
#define boxaDestroy bdx__ocr_libs.boxaDestroy
#define boxaGetBoxGeometry bdx__ocr_libs.boxaGetBoxGeometry
#define boxaGetCount bdx__ocr_libs.boxaGetCount
#define fopenReadFromMemory bdx__ocr_libs.fopenReadFromMemory
#define leptSetStderrHandler bdx__ocr_libs.leptSetStderrHandler
#define numaDestroy bdx__ocr_libs.numaDestroy
#define numaGetCount bdx__ocr_libs.numaGetCount
#define numaGetFValue bdx__ocr_libs.numaGetFValue
#define pixAnd bdx__ocr_libs.pixAnd
#define pixClearInRect bdx__ocr_libs.pixClearInRect
#define pixClipRectangle bdx__ocr_libs.pixClipRectangle
#define pixClipToForeground bdx__ocr_libs.pixClipToForeground
#define pixClone bdx__ocr_libs.pixClone
#define pixCloseBrick bdx__ocr_libs.pixCloseBrick
#define pixConnComp bdx__ocr_libs.pixConnComp
#define pixConnCompBB bdx__ocr_libs.pixConnCompBB
#define pixConvertRGBToLuminance bdx__ocr_libs.pixConvertRGBToLuminance
#define pixConvertTo8 bdx__ocr_libs.pixConvertTo8
#define pixCopy bdx__ocr_libs.pixCopy
#define pixCountPixels bdx__ocr_libs.pixCountPixels
#define pixCountConnComp bdx__ocr_libs.pixCountConnComp
#define pixCountPixelsByRow bdx__ocr_libs.pixCountPixelsByRow
#define pixCreate bdx__ocr_libs.pixCreate
#define pixDestroy bdx__ocr_libs.pixDestroy
#define pixDilateBrick bdx__ocr_libs.pixDilateBrick
#define pixExpandBinaryPower2 bdx__ocr_libs.pixExpandBinaryPower2
#define pixFindSkewAndDeskew bdx__ocr_libs.pixFindSkewAndDeskew
#define pixGetColormap bdx__ocr_libs.pixGetColormap
#define pixGetData bdx__ocr_libs.pixGetData
#define pixGetDepth bdx__ocr_libs.pixGetDepth
#define pixGetHeight bdx__ocr_libs.pixGetHeight
#define pixGetWidth bdx__ocr_libs.pixGetWidth
#define pixGetWpl bdx__ocr_libs.pixGetWpl
#define pixGetXRes bdx__ocr_libs.pixGetXRes
#define pixOpenBrick bdx__ocr_libs.pixOpenBrick
#define pixOr bdx__ocr_libs.pixOr
#define pixRasterop bdx__ocr_libs.pixRasterop
#define pixReadHeaderMem bdx__ocr_libs.pixReadHeaderMem
#define pixReadMem bdx__ocr_libs.pixReadMem
#define pixReadMemTiff bdx__ocr_libs.pixReadMemTiff
#define pixReduceRankBinaryCascade bdx__ocr_libs.pixReduceRankBinaryCascade
#define pixRotateOrth bdx__ocr_libs.pixRotateOrth
#define pixSauvolaBinarizeTiled bdx__ocr_libs.pixSauvolaBinarizeTiled
#define pixScaleGrayLI bdx__ocr_libs.pixScaleGrayLI
#define pixSelectBySize bdx__ocr_libs.pixSelectBySize
#define pixSetAllArbitrary bdx__ocr_libs.pixSetAllArbitrary
#define pixSetMasked bdx__ocr_libs.pixSetMasked
#define pixSetResolution bdx__ocr_libs.pixSetResolution
#define pixSubtract bdx__ocr_libs.pixSubtract
#define pixThresholdToBinary bdx__ocr_libs.pixThresholdToBinary
#define tiffGetCount bdx__ocr_libs.tiffGetCount
#endif /* BDX_OCR_LIBS_TABLE */

#endif /* BDX_OCR_LIBS_H */
