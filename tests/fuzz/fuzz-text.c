/* Fuzz target: text normalization and the heading classifier (with the
 * project's pattern set) on arbitrary bytes. */
#include <stdint.h>
#include <string.h>

#include "bdx/patterns.h"
#include "bdx/segment.h"
#include "bdx/text.h"

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
  g_autofree char *norm = bdx_text_normalize ((const char *) data, (gssize) size);
  g_assert_true (g_utf8_validate (norm, -1, NULL));
  /* Normalizing twice changes nothing. */
  g_autofree char *again = bdx_text_normalize (norm, -1);
  g_assert_cmpstr (norm, ==, again);
  int level = bdx_segment_heading_level (patterns, norm);
  g_assert_cmpint (level, >=, 0);
  g_autofree char *bare = bdx_text_strip_spaces (norm);
  g_assert_true (strlen (bare) <= strlen (norm));
  return 0;
}
