/* Fuzz target: the JSON reader of `bdx validate`.  Whatever it accepts
 * must emit, read back and emit again to the same text. */
#include <stdint.h>
#include <string.h>

#include "bdx/emit.h"
#include "bdx/jsonread.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BdxDisclosure) d
      = bdx_disclosure_from_json ((const char *) data, (gssize) size, &error);
  if (d == NULL)
    return 0;
  g_autofree char *a = bdx_disclosure_to_json (d, FALSE);
  g_autoptr (BdxDisclosure) d2 = bdx_disclosure_from_json (a, -1, NULL);
  g_assert_nonnull (d2);
  g_autofree char *b = bdx_disclosure_to_json (d2, FALSE);
  g_assert_cmpstr (a, ==, b);
  return 0;
}
