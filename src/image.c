/* bdx — pictures as input: TIFF (one page or many), PNG, JPEG.
 *
 * The algorithm
 * 1. Sniff the magic bytes (never the file name): "II*\0" / "MM\0*" TIFF,
 *    "\x89PNG\r\n\x1a\n" PNG, "\xff\xd8\xff" JPEG.
 * 2. Check the header (leptonica's pixReadHeaderMem) before decoding: a
 *    picture larger than MAX_IMAGE_PIXELS is refused, not decoded.
 * 3. Count a TIFF's pages (its directory chain, tiffGetCount); decode
 *    a page only when it is asked for, so that a long TIFF is never held
 *    in memory whole.
 * 4. A page without a plausible resolution (none, or below 100 dpi: the
 *    72 dpi writers put by default) is taken to be BDX_OCR_DEFAULT_DPI.
 *
 * leptonica is loaded on first use (ocr-libs.h), which also turns its
 * messages on stderr into debug messages: the library prints nothing.
 */
#include "bdx/ocr.h"

#include <stdio.h>
#include <string.h>

#include "bdx/error.h"
#include "ocr-libs.h"

#define MAX_IMAGE_PIXELS (60u * 1000u * 1000u)

struct _BdxImageFile {
  GBytes *bytes;
  int format; /* leptonica's IFF_* */
  int n_pages;
};

gboolean
bdx_image_sniff (GBytes *bytes)
{
  g_return_val_if_fail (bytes != NULL, FALSE);
  gsize len;
  const guint8 *d = g_bytes_get_data (bytes, &len);
  if (len >= 4 && (memcmp (d, "II*\0", 4) == 0 || memcmp (d, "MM\0*", 4) == 0))
    return TRUE;
  if (len >= 8 && memcmp (d, "\x89PNG\r\n\x1a\n", 8) == 0)
    return TRUE;
  if (len >= 3 && d[0] == 0xff && d[1] == 0xd8 && d[2] == 0xff)
    return TRUE;
  return FALSE;
}

BdxImageFile *
bdx_image_file_open_bytes (GBytes *bytes, guint max_pages, GError **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  if (!bdx__ocr_libs_load (error))
    return NULL;
  if (max_pages == 0)
    max_pages = BDX_DEFAULT_MAX_PAGES;

  if (!bdx_image_sniff (bytes))
    {
      g_set_error (error, BDX_ERROR, BDX_ERROR_FORMAT,
                   "not a picture leptonica reads (TIFF, PNG, JPEG)");
      return NULL;
    }
  gsize len;
  const l_uint8 *data = g_bytes_get_data (bytes, &len);
  l_int32 format = IFF_UNKNOWN, w = 0, h = 0, bps = 0, spp = 0, cmap = 0;
  if (pixReadHeaderMem (data, len, &format, &w, &h, &bps, &spp, &cmap) != 0
      || w <= 0 || h <= 0)
    {
      g_set_error (error, BDX_ERROR, BDX_ERROR_FORMAT, "damaged picture");
      return NULL;
    }
  if ((guint64) w * (guint64) h > MAX_IMAGE_PIXELS)
    {
      g_set_error (error, BDX_ERROR, BDX_ERROR_LIMIT,
                   "picture of %d×%d pixels is larger than the limit of %u "
                   "megapixels",
                   w, h, MAX_IMAGE_PIXELS / 1000000u);
      return NULL;
    }

  int n = 1;
  if (L_FORMAT_IS_TIFF (format))
    {
      FILE *fp = fopenReadFromMemory (data, len);
      l_int32 count = 0;
      if (fp == NULL || tiffGetCount (fp, &count) != 0 || count <= 0)
        {
          if (fp != NULL)
            fclose (fp);
          g_set_error (error, BDX_ERROR, BDX_ERROR_FORMAT, "damaged TIFF");
          return NULL;
        }
      fclose (fp);
      n = count;
    }
  if ((guint) n > max_pages)
    {
      g_set_error (error, BDX_ERROR, BDX_ERROR_LIMIT,
                   "TIFF has %d pages, more than the limit of %u", n, max_pages);
      return NULL;
    }

  BdxImageFile *f = g_new0 (BdxImageFile, 1);
  f->bytes = g_bytes_ref (bytes);
  f->format = format;
  f->n_pages = n;
  return f;
}

void
bdx_image_file_free (BdxImageFile *f)
{
  if (f == NULL)
    return;
  g_bytes_unref (f->bytes);
  g_free (f);
}

int
bdx_image_file_n_pages (const BdxImageFile *f)
{
  g_return_val_if_fail (f != NULL, 0);
  return f->n_pages;
}

struct Pix *
bdx_image_file_load_page (BdxImageFile *f, int index, GError **error)
{
  g_return_val_if_fail (f != NULL, NULL);
  g_return_val_if_fail (index >= 0 && index < f->n_pages, NULL);

  gsize len;
  const l_uint8 *data = g_bytes_get_data (f->bytes, &len);
  PIX *pix = L_FORMAT_IS_TIFF (f->format) ? pixReadMemTiff (data, len, index)
                                          : pixReadMem (data, len);
  if (pix == NULL)
    {
      g_set_error (error, BDX_ERROR, BDX_ERROR_FORMAT,
                   "page %d of the picture cannot be decoded", index + 1);
      return NULL;
    }
  /* Each TIFF page has its own header: check its size too. */
  if ((guint64) pixGetWidth (pix) * (guint64) pixGetHeight (pix) > MAX_IMAGE_PIXELS)
    {
      pixDestroy (&pix);
      g_set_error (error, BDX_ERROR, BDX_ERROR_LIMIT,
                   "page %d of the picture is larger than the limit of %u "
                   "megapixels",
                   index + 1, MAX_IMAGE_PIXELS / 1000000u);
      return NULL;
    }
  /* Resolutions below 100 dpi are the "72 dpi" or "1 dpi" of writers
   * that do not know; take the default then. */
  if (pixGetXRes (pix) < 100 || pixGetXRes (pix) > 2400)
    pixSetResolution (pix, BDX_OCR_DEFAULT_DPI, BDX_OCR_DEFAULT_DPI);
  return pix;
}
