/* bdx — text normalization.
 *
 * The algorithm (bdx_text_normalize):
 *
 *  1. g_utf8_make_valid: invalid bytes become U+FFFD.
 *  2. g_utf8_normalize (NFKC).  This already maps the Kangxi radicals and
 *     the full-width forms; it leaves most supplement radicals alone.
 *     Skipped when every character is its own NFKC form (nfkc_stable).
 *  3. One pass over the characters: fold radicals (table generated from
 *     the Unicode data, src/radicals-table.h), drop whitespace but
 *     remember that some was there, and emit one ASCII space for it only
 *     between two characters neither of which is CJK:
 *
 *        "  克州   12345 政务 a  b "  →  "克州12345政务a b"
 *
 *     Spaces next to 州, 政 and 务 go; the run between a and b becomes
 *     one space; the ends are trimmed.
 */
#include "bdx/text.h"

#include <string.h>

#include "radicals-table.h"

gunichar
bdx_text_fold_radical (gunichar c)
{
  gsize lo = 0, hi = G_N_ELEMENTS (bdx_radicals_table);

  if (c < bdx_radicals_table[0].radical
      || c > bdx_radicals_table[hi - 1].radical)
    return c;
  /* Binary search for c in [lo, hi). */
  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;

      if (bdx_radicals_table[mid].radical < c)
        lo = mid + 1;
      else if (bdx_radicals_table[mid].radical > c)
        hi = mid;
      else
        return bdx_radicals_table[mid].ideograph;
    }
  return c;
}

gboolean
bdx_unichar_is_han (gunichar c)
{
  return (c >= 0x3400 && c <= 0x4DBF)      /* Extension A */
         || (c >= 0x4E00 && c <= 0x9FFF)   /* unified ideographs */
         || (c >= 0xF900 && c <= 0xFAFF)   /* compatibility ideographs */
         || (c >= 0x20000 && c <= 0x3FFFF); /* planes 2 and 3 */
}

gboolean
bdx_unichar_is_cjk (gunichar c)
{
  return bdx_unichar_is_han (c) || (c >= 0x3000 && c <= 0x303F)
         || (c >= 0xFF00 && c <= 0xFFEF);
}

gboolean
bdx_unichar_is_space (gunichar c)
{
  /* g_unichar_isspace covers \t \n \f \r and the Zs, Zl, Zp categories,
   * not \v or U+0085 NEXT LINE, which are control characters. */
  return g_unichar_isspace (c) || c == '\v' || c == 0x85;
}

/* Characters that are their own NFKC form and compose with nothing in
 * this set: ASCII, the unified ideographs, 、 。 the CJK brackets 〈 〉
 * 《 》 「 」 『 』 【 】 and the curly quotes.  Most text in a disclosure is
 * made of these alone, and then NFKC is the identity. */
static gboolean
nfkc_stable (gunichar c)
{
  return c < 0x80 || (c >= 0x4E00 && c <= 0x9FFF) || c == 0x3001
         || c == 0x3002 || (c >= 0x3008 && c <= 0x3011)
         || (c >= 0x2018 && c <= 0x2019) || (c >= 0x201C && c <= 0x201D);
}

static gboolean
all_nfkc_stable (const char *s)
{
  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    if (!nfkc_stable (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

char *
bdx_text_normalize (const char *s, gssize len)
{
  g_autofree char *valid = NULL;
  g_autofree char *nfkc = NULL;
  GString *out;
  gboolean pending_space = FALSE;
  gunichar last = 0;

  if (s == NULL)
    return NULL;

  valid = g_utf8_make_valid (s, len);
  if (all_nfkc_stable (valid))
    nfkc = g_steal_pointer (&valid);
  else
    nfkc = g_utf8_normalize (valid, -1, G_NORMALIZE_NFKC);
  /* Cannot fail on valid UTF-8, but a NULL here must not crash us. */
  if (nfkc == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (nfkc));
  for (const char *p = nfkc; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = bdx_text_fold_radical (g_utf8_get_char (p));

      if (bdx_unichar_is_space (c))
        {
          /* Leading whitespace is dropped: nothing to separate yet. */
          pending_space = out->len > 0;
          continue;
        }
      if (pending_space && !bdx_unichar_is_cjk (last)
          && !bdx_unichar_is_cjk (c))
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_unichar (out, c);
      last = c;
    }
  return g_string_free (out, FALSE);
}

char *
bdx_text_strip_spaces (const char *s)
{
  g_autofree char *valid = NULL;
  GString *out;

  if (s == NULL)
    return NULL;

  valid = g_utf8_make_valid (s, -1);
  out = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!bdx_unichar_is_space (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

int
bdx_text_chinese_number (const char *s)
{
  static const char *const digits[]
      = { "一", "二", "三", "四", "五", "六", "七", "八", "九" };
  int value = 0, current = 0;
  gboolean any = FALSE;

  g_return_val_if_fail (s != NULL, 0);
  for (const char *p = s; *p;)
    {
      gboolean known = FALSE;
      for (int i = 0; i < 9 && !known; i++)
        if (g_str_has_prefix (p, digits[i]))
          {
            if (current != 0)
              return 0; /* two digits in a row: not a numeral */
            current = i + 1;
            p += strlen (digits[i]);
            known = TRUE;
          }
      if (!known && g_str_has_prefix (p, "十") && value == 0)
        {
          value = (current ? current : 1) * 10;
          current = 0;
          p += strlen ("十");
          known = TRUE;
        }
      if (!known)
        return 0;
      any = TRUE;
    }
  return any ? value + current : 0;
}

gboolean
bdx_text_is_digits (const char *s)
{
  if (s == NULL || *s == '\0')
    return FALSE;
  for (; *s; s++)
    if (!g_ascii_isdigit (*s))
      return FALSE;
  return TRUE;
}
