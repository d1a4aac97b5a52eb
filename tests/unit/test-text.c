/* Unit tests for bdx/text.h, plus the case file tests/cases/normalize.txt.
 *
 * Case file format, one case per line, fields separated by one TAB:
 *
 *   INPUT <TAB> EXPECTED
 *
 * EXPECTED is bdx_text_normalize (INPUT, -1).  Both fields may use the
 * escapes \t \n \\ \xHH (a raw byte, for invalid UTF-8) and \u{HEX}, so
 * that invisible characters stay visible in the file.  Lines starting
 * with "#", and empty lines, are ignored.  The directory comes from the
 * BDX_TEST_CASES environment variable.
 */
#include <stdlib.h>
#include <string.h>

#include "bdx/text.h"
#include "radicals-table.h"

/* Decodes the case-file escapes of s; NULL when s has a bad escape. */
static char *
unescape (const char *s)
{
  g_autoptr (GString) out = g_string_new (NULL);

  for (const char *p = s; *p != '\0'; p++)
    {
      if (*p != '\\')
        {
          g_string_append_c (out, *p);
          continue;
        }
      switch (*++p)
        {
        case 't':
          g_string_append_c (out, '\t');
          break;
        case 'n':
          g_string_append_c (out, '\n');
          break;
        case '\\':
          g_string_append_c (out, '\\');
          break;
        case 'x':
          if (!g_ascii_isxdigit (p[1]) || !g_ascii_isxdigit (p[2]))
            return NULL;
          g_string_append_c (out, (char) (g_ascii_xdigit_value (p[1]) * 16
                                          + g_ascii_xdigit_value (p[2])));
          p += 2;
          break;
        case 'u':
          {
            char *end;
            gulong c;

            if (p[1] != '{')
              return NULL;
            c = strtoul (p + 2, &end, 16);
            if (*end != '}' || end == p + 2 || c > 0x10FFFF
                || !g_unichar_validate ((gunichar) c))
              return NULL;
            g_string_append_unichar (out, (gunichar) c);
            p = end;
            break;
          }
        default:
          return NULL;
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_case_file (void)
{
  const char *dir = g_getenv ("BDX_TEST_CASES");
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GError) error = NULL;
  guint cases = 0;

  if (dir == NULL)
    {
      g_test_skip ("BDX_TEST_CASES is not set");
      return;
    }
  path = g_build_filename (dir, "normalize.txt", NULL);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", -1);
  for (guint n = 0; lines[n] != NULL; n++)
    {
      g_auto (GStrv) fields = NULL;
      g_autofree char *input = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *got = NULL;
      g_autofree char *again = NULL;

      if (lines[n][0] == '#' || lines[n][0] == '\0')
        continue;
      fields = g_strsplit (lines[n], "\t", -1);
      if (g_strv_length (fields) == 2)
        {
          input = unescape (fields[0]);
          expected = unescape (fields[1]);
        }
      if (input == NULL || expected == NULL)
        {
          g_test_fail_printf ("%s:%u: malformed case line", path, n + 1);
          continue;
        }
      cases++;

      got = bdx_text_normalize (input, -1);
      if (g_strcmp0 (got, expected) != 0)
        {
          g_test_fail_printf ("%s:%u: '%s': expected '%s', got '%s'", path,
                              n + 1, fields[0], expected, got);
          continue;
        }
      /* Normalizing is idempotent. */
      again = bdx_text_normalize (got, -1);
      if (g_strcmp0 (again, got) != 0)
        g_test_fail_printf ("%s:%u: normalizing '%s' twice gives '%s'", path,
                            n + 1, got, again);
    }

  g_test_message ("%u cases from %s", cases, path);
  g_assert_cmpuint (cases, >=, 20);
}

static void
test_normalize_edges (void)
{
  g_autofree char *part = bdx_text_normalize ("合计 abc", 6);
  g_autofree char *invalid = bdx_text_normalize ("a\xff b\xe4\xb8", -1);
  g_autofree char *with_nul = bdx_text_normalize ("a\0b", 3);
  g_autofree char *empty = bdx_text_normalize ("", -1);
  g_autofree char *spaces = bdx_text_normalize (" \t\u3000\u00a0\n", -1);

  g_assert_null (bdx_text_normalize (NULL, -1));
  g_assert_null (bdx_text_normalize (NULL, 5));
  g_assert_cmpstr (part, ==, "合计");
  g_assert_cmpstr (invalid, ==, "a\uFFFD b\uFFFD\uFFFD"); /* per byte */
  g_assert_cmpstr (with_nul, ==, "a\uFFFDb"); /* a NUL within len */
  g_assert_cmpstr (empty, ==, "");
  g_assert_cmpstr (spaces, ==, "");
}

/* Random bytes never crash the normalizer, and come out valid UTF-8 with
 * no space at either end, no double space and nothing left to change. */
static void
test_normalize_random (void)
{
  static const char *const pieces[] = {
    " ", "\t", "\u3000", "\u00a0", "a", "1", "合", "⻔", "⽀", "，", "（",
    "、", "\xff", "\xe4\xb8", "\xc3", "１", "㎡", "\n",
  };

  for (guint i = 0; i < 3000; i++)
    {
      g_autoptr (GString) in = g_string_new (NULL);
      g_autofree char *out = NULL;
      g_autofree char *again = NULL;
      guint n = (guint) g_test_rand_int_range (0, 12);

      for (guint j = 0; j < n; j++)
        {
          if (g_test_rand_bit ())
            g_string_append (in, pieces[g_test_rand_int_range (
                                     0, G_N_ELEMENTS (pieces))]);
          else
            g_string_append_c (in, (char) g_test_rand_int_range (1, 256));
        }
      out = bdx_text_normalize (in->str, (gssize) in->len);
      g_assert_nonnull (out);
      g_assert_true (g_utf8_validate (out, -1, NULL));
      g_assert_false (g_str_has_prefix (out, " "));
      g_assert_false (g_str_has_suffix (out, " "));
      g_assert_null (strstr (out, "  "));
      again = bdx_text_normalize (out, -1);
      g_assert_cmpstr (again, ==, out);
    }
}

static void
test_fold_radical (void)
{
  g_assert_cmpuint (bdx_text_fold_radical (0x2ED4), ==, 0x95E8); /* ⻔ 门 */
  g_assert_cmpuint (bdx_text_fold_radical (0x2ECB), ==, 0x8F66); /* ⻋ 车 */
  g_assert_cmpuint (bdx_text_fold_radical (0x2F40), ==, 0x652F); /* ⽀ 支 */
  g_assert_cmpuint (bdx_text_fold_radical (0x2EB0), ==, 0x7E9F); /* ⺰ 纟 */
  g_assert_cmpuint (bdx_text_fold_radical (0x2EC8), ==, 0x8BA0); /* ⻈ 讠 */
  g_assert_cmpuint (bdx_text_fold_radical (0x2EA1), ==, 0x6C35); /* ⺡ 氵 */
  g_assert_cmpuint (bdx_text_fold_radical (0x2F00), ==, 0x4E00); /* ⼀ 一 */
  g_assert_cmpuint (bdx_text_fold_radical (0x2FD5), ==, 0x9FA0); /* ⿕ 龠 */
  g_assert_cmpuint (bdx_text_fold_radical (0x2EF3), ==, 0x9F9F); /* ⻳ 龟 */

  /* Not radicals, or radicals Unicode maps to nothing: unchanged. */
  g_assert_cmpuint (bdx_text_fold_radical (0x2E80), ==, 0x2E80);
  g_assert_cmpuint (bdx_text_fold_radical (0x2E9A), ==, 0x2E9A);
  g_assert_cmpuint (bdx_text_fold_radical (0x2EF4), ==, 0x2EF4);
  g_assert_cmpuint (bdx_text_fold_radical (0x2FD6), ==, 0x2FD6);
  g_assert_cmpuint (bdx_text_fold_radical (0x2E7F), ==, 0x2E7F);
  g_assert_cmpuint (bdx_text_fold_radical (0x95E8), ==, 0x95E8);
  g_assert_cmpuint (bdx_text_fold_radical ('a'), ==, 'a');
  g_assert_cmpuint (bdx_text_fold_radical (0), ==, 0);
  g_assert_cmpuint (bdx_text_fold_radical (0x10FFFF), ==, 0x10FFFF);
}

/* The generated table against GLib's own Unicode data. */
static void
test_radical_table (void)
{
  gsize n = G_N_ELEMENTS (bdx_radicals_table);

  for (gsize i = 0; i < n; i++)
    {
      gunichar r = bdx_radicals_table[i].radical;
      gunichar u = bdx_radicals_table[i].ideograph;

      if (i > 0)
        g_assert_cmpuint (bdx_radicals_table[i - 1].radical, <, r);
      g_assert_true ((r >= 0x2E80 && r <= 0x2EF3)
                     || (r >= 0x2F00 && r <= 0x2FD5));
      g_assert_true (bdx_unichar_is_han (u));
      g_assert_cmpuint (bdx_text_fold_radical (r), ==, u);
    }

  /* Every Kangxi radical is there, and agrees with NFKC. */
  for (gunichar r = 0x2F00; r <= 0x2FD5; r++)
    {
      char buf[8] = { 0 };
      g_autofree char *nfkc = NULL;

      g_unichar_to_utf8 (r, buf);
      nfkc = g_utf8_normalize (buf, -1, G_NORMALIZE_NFKC);
      g_assert_cmpuint (g_utf8_get_char (nfkc), ==, bdx_text_fold_radical (r));
    }

  /* Every assigned supplement radical but U+2E80 REPEAT is mapped. */
  for (gunichar r = 0x2E80; r <= 0x2EF3; r++)
    if (r != 0x2E80 && g_unichar_type (r) != G_UNICODE_UNASSIGNED)
      g_assert_cmpuint (bdx_text_fold_radical (r), !=, r);
}

static void
test_is_han (void)
{
  static const gunichar han[] = {
    0x4E00, 0x9FFF, 0x95E8, 0x3400, 0x4DBF, 0xF900, 0xFAFF,
    0x20000, 0x2A6DF, 0x2F800, 0x30000, 0x3FFFF,
  };
  static const gunichar not_han[] = {
    'a', '1', ' ', 0x3000, 0x3001, 0x3007, 0x33FF, 0x4DC0, 0xA000,
    0xF8FF, 0xFB00, 0xFF0C, 0x2ED4, 0x2F00, 0x1FFFF, 0x40000, 0,
  };

  for (guint i = 0; i < G_N_ELEMENTS (han); i++)
    if (!bdx_unichar_is_han (han[i]))
      g_test_fail_printf ("U+%04X should be Han", han[i]);
  for (guint i = 0; i < G_N_ELEMENTS (not_han); i++)
    if (bdx_unichar_is_han (not_han[i]))
      g_test_fail_printf ("U+%04X should not be Han", not_han[i]);

  g_assert_true (bdx_unichar_is_cjk (0x95E8));
  g_assert_true (bdx_unichar_is_cjk (0x3000));
  g_assert_true (bdx_unichar_is_cjk (0x3001));
  g_assert_true (bdx_unichar_is_cjk (0x303F));
  g_assert_true (bdx_unichar_is_cjk (0xFF08));
  g_assert_true (bdx_unichar_is_cjk (0xFFEF));
  g_assert_false (bdx_unichar_is_cjk ('('));
  g_assert_false (bdx_unichar_is_cjk (0x3040));
  g_assert_false (bdx_unichar_is_cjk (0xFFF0));
  g_assert_false (bdx_unichar_is_cjk (0x2FFF));
}

static void
test_is_space (void)
{
  static const gunichar spaces[] = {
    ' ', '\t', '\n', '\v', '\f', '\r', 0x85, 0xA0, 0x3000, 0x2002, 0x2028,
    0x2029,
  };
  static const gunichar not_spaces[] = { 'a', 0, 0x200B, 0xFEFF, 0x95E8 };

  for (guint i = 0; i < G_N_ELEMENTS (spaces); i++)
    if (!bdx_unichar_is_space (spaces[i]))
      g_test_fail_printf ("U+%04X should be a space", spaces[i]);
  for (guint i = 0; i < G_N_ELEMENTS (not_spaces); i++)
    if (bdx_unichar_is_space (not_spaces[i]))
      g_test_fail_printf ("U+%04X should not be a space", not_spaces[i]);
}

static void
test_strip_spaces (void)
{
  static const struct {
    const char *in, *out;
  } cases[] = {
    { "合  计", "合计" },
    { " a\tb\u3000c\u00a0d\n\v\r\f", "abcd" },
    { "一般 公共 预算", "一般公共预算" },
    { "", "" },
    { "   ", "" },
    { "合计", "合计" },
    { "⻔", "⻔" },          /* no other normalization */
    { "１ ２", "１２" },
    { "a\xff b", "a\uFFFDb" }, /* invalid UTF-8 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = bdx_text_strip_spaces (cases[i].in);

      g_assert_cmpstr (got, ==, cases[i].out);
    }
  g_assert_null (bdx_text_strip_spaces (NULL));
}

static void
test_chinese_number (void)
{
  static const struct {
    const char *in;
    int out;
  } cases[] = {
    { "一", 1 }, { "九", 9 }, { "十", 10 }, { "十一", 11 }, { "十二", 12 },
    { "二十", 20 }, { "二十四", 24 }, { "九十九", 99 },
    { "", 0 }, { "百", 0 }, { "一二", 0 }, { "十十", 0 }, { "1", 0 },
    { "十一般", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (bdx_text_chinese_number (cases[i].in), ==, cases[i].out);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/normalize/case-file", test_case_file);
  g_test_add_func ("/text/normalize/edges", test_normalize_edges);
  g_test_add_func ("/text/normalize/random", test_normalize_random);
  g_test_add_func ("/text/fold-radical", test_fold_radical);
  g_test_add_func ("/text/radical-table", test_radical_table);
  g_test_add_func ("/text/is-han", test_is_han);
  g_test_add_func ("/text/is-space", test_is_space);
  g_test_add_func ("/text/strip-spaces", test_strip_spaces);
  g_test_add_func ("/text/chinese-number", test_chinese_number);

  return g_test_run ();
}
