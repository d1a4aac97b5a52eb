/* Fuzz target: the money parser on arbitrary text, in every unit. */
#include <stdint.h>

#include "bdx/money.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *s = g_strndup ((const char *) data, size);
  for (BdxUnit u = BDX_UNIT_YUAN; u <= BDX_UNIT_YI_YUAN; u++)
    {
      BdxMoney m;
      g_autoptr (GError) error = NULL;
      if (bdx_money_parse (s, u, &m, &error))
        {
          /* A parsed amount formats and parses back to itself in 元. */
          if (m.present && u == BDX_UNIT_YUAN)
            {
              g_autofree char *back = bdx_money_format_yuan (m.fen);
              BdxMoney m2;
              g_assert_true (bdx_money_parse (back, BDX_UNIT_YUAN, &m2, NULL));
              g_assert_cmpint (m2.fen, ==, m.fen);
            }
          (void) bdx_money_half_unit (m, u);
        }
      (void) bdx_money_is_amount (s);
    }
  return 0;
}
