/* Fuzz target: the pattern-file loader on an arbitrary file. */
#include <stdint.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "bdx/patterns.h"
#include "bdx/validate.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *dir = g_dir_make_tmp ("bdx-fuzz-XXXXXX", NULL);
  g_assert_nonnull (dir);
  g_autofree char *file = g_build_filename (dir, "x.pat", NULL);
  g_assert_true (g_file_set_contents (file, (const char *) data, (gssize) size, NULL));
  g_autoptr (GError) error = NULL;
  g_autoptr (BdxPatterns) p = bdx_patterns_load (dir, &error);
  if (p != NULL)
    {
      /* Whatever loads can be matched against and checked as rules. */
      g_autoptr (GPtrArray) secs = bdx_patterns_sections (p, "");
      for (guint i = 0; i < secs->len; i++)
        {
          const GPtrArray *es = bdx_patterns_entries (p, g_ptr_array_index (secs, i));
          for (guint k = 0; es && k < es->len; k++)
            (void) bdx_pattern_match (g_ptr_array_index (es, k), "一般公共预算 417.37 万元", -1, NULL);
        }
      g_autoptr (GError) rerr = NULL;
      (void) bdx_validate_check_rules (p, NULL, &rerr);
    }
  else
    g_assert_true (error->domain == BDX_ERROR);
  g_unlink (file);
  g_rmdir (dir);
  return 0;
}
