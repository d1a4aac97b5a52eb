/* Fuzz target: the whole pipeline on raw bytes, as `bdx extract` would
 * run it, then emit.  Limits are lowered so that one input stays cheap.
 * OCR is off: tesseract takes a second or more per page (tens under the
 * sanitizers), so with it a run managed a few dozen inputs in ten
 * minutes and every input with a page to OCR was reported as a timeout.
 * Pictures reach OCR through tests/e2e/ocr-*.sh and tests/unit/test-ocr.c. */
#include <stdint.h>

#include "bdx/emit.h"
#include "bdx/pipeline.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static BdxPatterns *patterns;

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (patterns == NULL)
    {
      g_autofree char *dir = bdx_patterns_default_dir ();
      patterns = bdx_patterns_load (dir, NULL);
      g_assert_nonnull (patterns);
    }
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  BdxExtractOptions opts = { 0 };
  opts.patterns = patterns;
  opts.max_pages = 8;
  opts.max_glyphs = 20000;
  opts.ocr = BDX_OCR_NEVER;
  opts.jobs = 1;
  g_autoptr (GError) error = NULL;
  g_autoptr (BdxDisclosure) d = bdx_extract_bytes (bytes, "fuzz.pdf", &opts, &error);
  if (d == NULL)
    {
      g_assert_true (error != NULL && error->domain == BDX_ERROR);
      return 0;
    }
  g_autofree char *json = bdx_disclosure_to_json (d, FALSE);
  g_assert_nonnull (json);
  return 0;
}
