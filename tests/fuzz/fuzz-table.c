/* Fuzz target: layout, segmentation and table parsing fed an arbitrary
 * glyph stream and arbitrary ruling lines, as a scanned page might give.
 *
 * Input: a sequence of 8-byte records.  Record kind by the first byte:
 *   0..199  a glyph: char from a small alphabet of what tables hold
 *           (digits, punctuation, 合计, 表, codes …), box from bytes 1..4
 *   200..227 a horizontal rule, 228..255 a vertical rule, from bytes 1..6
 * Pages break every 64 records. */
#include <stdint.h>
#include <string.h>

#include "bdx/disclosure.h"
#include "bdx/layout.h"
#include "bdx/parse.h"
#include "bdx/segment.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static BdxPatterns *patterns;

static const char alphabet[] =
    "0123456789.,-()※:总计合计类款项表单位万元编制部门一二三、支出收入项目"
    "基本人员经费公用本年预算数功能分类科目编码名称为空表。";

static gunichar
pick_char (guint8 b)
{
  static gunichar *chars;
  static glong n;
  if (chars == NULL)
    chars = g_utf8_to_ucs4_fast (alphabet, -1, &n);
  return chars[b % n];
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (patterns == NULL)
    {
      g_autofree char *dir = bdx_patterns_default_dir ();
      patterns = bdx_patterns_load (dir, NULL);
      g_assert_nonnull (patterns);
    }
  GPtrArray *layouts = g_ptr_array_new_with_free_func ((GDestroyNotify) bdx_layout_free);
  BdxPage *page = NULL;
  size_t n = size / 8;
  for (size_t i = 0; i <= n; i++)
    {
      if (page && (i == n || i % 64 == 0))
        {
          g_ptr_array_add (layouts, bdx_layout_page (page, NULL));
          bdx_page_free (page);
          page = NULL;
        }
      if (i == n)
        break;
      if (page == NULL)
        {
          page = bdx_page_new ((int) layouts->len + 1, 600, 850);
          page->rules_known = TRUE;
        }
      const guint8 *r = data + i * 8;
      if (r[0] < 200)
        {
          BdxGlyph g = { 0 };
          g.c = pick_char (r[0]);
          g.box.x0 = r[1] * 2.3;
          g.box.y0 = r[2] * 3.3;
          g.box.x1 = g.box.x0 + 1 + r[3] % 16;
          g.box.y1 = g.box.y0 + 1 + r[4] % 16;
          g.confidence = 1.0f;
          g_array_append_val (page->glyphs, g);
        }
      else
        {
          double a = r[1] * 2.3, b = r[2] * 3.3, len = r[3] * 3.0 + r[4];
          BdxRule rule;
          if (r[0] < 228)
            rule = (BdxRule){ a, b, a + len, b + 0.5 };
          else
            rule = (BdxRule){ a, b, a + 0.5, b + len };
          g_array_append_val (r[0] < 228 ? page->hrules : page->vrules, rule);
        }
    }
  g_autoptr (BdxSegments) s = bdx_segment (layouts, patterns);
  g_autoptr (BdxDisclosure) d = bdx_disclosure_new ();
  d->unit = BDX_UNIT_WAN_YUAN;
  g_autoptr (GError) error = NULL;
  g_assert_true (bdx_parse_tables (s, patterns, d, &error));
  g_assert_true (bdx_parse_performance (s, patterns, d, &error));
  g_assert_true (bdx_parse_narrative (s, patterns, d, &error));
  return 0;
}
