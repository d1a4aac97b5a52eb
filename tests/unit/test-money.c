/* Unit tests for bdx/money.h, plus the case file tests/cases/money.txt.
 *
 * Case file format, one case per line, fields separated by one TAB:
 *
 *   INPUT <TAB> UNIT <TAB> EXPECTED [<TAB> DECIMALS]
 *
 * EXPECTED is the amount in fen, "blank", "error" (BDX_ERROR_FORMAT) or
 * "limit" (BDX_ERROR_LIMIT); DECIMALS, optional, is the expected count of
 * printed decimals.  INPUT may use the escapes \t \n \\ \xHH and \u{HEX}.
 * Lines starting with "#", and empty lines, are ignored.  The directory
 * comes from the BDX_TEST_CASES environment variable.
 */
#include <stdlib.h>
#include <string.h>

#include "bdx/error.h"
#include "bdx/money.h"

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

static char *
case_file_path (const char *name)
{
  const char *dir = g_getenv ("BDX_TEST_CASES");

  if (dir == NULL)
    {
      g_test_skip ("BDX_TEST_CASES is not set");
      return NULL;
    }
  return g_build_filename (dir, name, NULL);
}

static void
test_case_file (void)
{
  g_autofree char *path = case_file_path ("money.txt");
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GError) error = NULL;
  guint cases = 0;

  if (path == NULL)
    return;
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", -1);
  for (guint n = 0; lines[n] != NULL; n++)
    {
      const char *line = lines[n];
      g_auto (GStrv) fields = NULL;
      g_autofree char *input = NULL;
      g_autoptr (GError) parse_error = NULL;
      BdxUnit unit;
      BdxMoney money = { 0 };
      gboolean ok;
      guint nfields;

      if (line[0] == '#' || line[0] == '\0')
        continue;
      fields = g_strsplit (line, "\t", -1);
      nfields = g_strv_length (fields);
      input = nfields >= 3 ? unescape (fields[0]) : NULL;
      unit = nfields >= 3 ? bdx_unit_from_name (fields[1]) : BDX_UNIT_UNKNOWN;
      if ((nfields != 3 && nfields != 4) || input == NULL
          || unit == BDX_UNIT_UNKNOWN)
        {
          g_test_fail_printf ("%s:%u: malformed case line", path, n + 1);
          continue;
        }
      cases++;

      ok = bdx_money_parse (input, unit, &money, &parse_error);
      g_assert_true (ok == (parse_error == NULL));

      if (strcmp (fields[2], "error") == 0
          || strcmp (fields[2], "limit") == 0)
        {
          int code = fields[2][0] == 'e' ? BDX_ERROR_FORMAT : BDX_ERROR_LIMIT;

          if (!g_error_matches (parse_error, BDX_ERROR, code))
            g_test_fail_printf ("%s:%u: '%s' in %s: expected %s, got %s",
                                path, n + 1, input, fields[1], fields[2],
                                ok ? "success" : parse_error->message);
          /* On error the output is a blank. */
          else if (money.present || money.fen != 0 || money.decimals != -1)
            g_test_fail_printf ("%s:%u: output not blank after an error",
                                path, n + 1);
          continue;
        }

      if (!ok)
        {
          g_test_fail_printf ("%s:%u: '%s' in %s: expected %s, got error %s",
                              path, n + 1, input, fields[1], fields[2],
                              parse_error->message);
          continue;
        }

      if (strcmp (fields[2], "blank") == 0)
        {
          if (money.present || money.fen != 0 || money.decimals != -1)
            g_test_fail_printf ("%s:%u: '%s': expected a blank", path, n + 1,
                                input);
        }
      else
        {
          char *end;
          gint64 expected = g_ascii_strtoll (fields[2], &end, 10);

          if (*end != '\0' || end == fields[2])
            g_test_fail_printf ("%s:%u: bad EXPECTED '%s'", path, n + 1,
                                fields[2]);
          else if (!money.present || money.fen != expected)
            g_test_fail_printf ("%s:%u: '%s' in %s: expected %" G_GINT64_FORMAT
                                " fen, got %" G_GINT64_FORMAT "%s",
                                path, n + 1, input, fields[1], expected,
                                money.fen, money.present ? "" : " (blank)");
          else if (nfields == 4 && money.decimals != atoi (fields[3]))
            g_test_fail_printf ("%s:%u: '%s': expected %s decimals, got %d",
                                path, n + 1, input, fields[3], money.decimals);
        }

      /* The grammar-only check agrees on every successful parse. */
      if (bdx_money_is_amount (input) != money.present)
        g_test_fail_printf ("%s:%u: bdx_money_is_amount ('%s') disagrees",
                            path, n + 1, input);
    }

  g_test_message ("%u cases from %s", cases, path);
  g_assert_cmpuint (cases, >=, 40);
}

static void
test_units (void)
{
  g_assert_cmpint (bdx_unit_fen (BDX_UNIT_YUAN), ==, 100);
  g_assert_cmpint (bdx_unit_fen (BDX_UNIT_QIAN_YUAN), ==, 100000);
  g_assert_cmpint (bdx_unit_fen (BDX_UNIT_WAN_YUAN), ==, 1000000);
  g_assert_cmpint (bdx_unit_fen (BDX_UNIT_YI_YUAN), ==,
                   G_GINT64_CONSTANT (10000000000));
  g_assert_cmpint (bdx_unit_fen (BDX_UNIT_UNKNOWN), ==, 0);

  g_assert_cmpstr (bdx_unit_name (BDX_UNIT_YUAN), ==, "元");
  g_assert_cmpstr (bdx_unit_name (BDX_UNIT_QIAN_YUAN), ==, "千元");
  g_assert_cmpstr (bdx_unit_name (BDX_UNIT_WAN_YUAN), ==, "万元");
  g_assert_cmpstr (bdx_unit_name (BDX_UNIT_YI_YUAN), ==, "亿元");
  g_assert_null (bdx_unit_name (BDX_UNIT_UNKNOWN));

  g_assert_cmpint (bdx_unit_from_name ("元"), ==, BDX_UNIT_YUAN);
  g_assert_cmpint (bdx_unit_from_name ("千元"), ==, BDX_UNIT_QIAN_YUAN);
  g_assert_cmpint (bdx_unit_from_name ("万元"), ==, BDX_UNIT_WAN_YUAN);
  g_assert_cmpint (bdx_unit_from_name ("亿元"), ==, BDX_UNIT_YI_YUAN);
  g_assert_cmpint (bdx_unit_from_name (" 万元\t"), ==, BDX_UNIT_WAN_YUAN);
  g_assert_cmpint (bdx_unit_from_name ("单位：万元"), ==, BDX_UNIT_UNKNOWN);
  g_assert_cmpint (bdx_unit_from_name ("万"), ==, BDX_UNIT_UNKNOWN);
  g_assert_cmpint (bdx_unit_from_name ("元元"), ==, BDX_UNIT_UNKNOWN);
  g_assert_cmpint (bdx_unit_from_name (""), ==, BDX_UNIT_UNKNOWN);
  g_assert_cmpint (bdx_unit_from_name (NULL), ==, BDX_UNIT_UNKNOWN);
}

static void
test_parse_state (void)
{
  BdxMoney m;
  g_autoptr (GError) error = NULL;

  g_assert_true (bdx_money_parse ("417.37", BDX_UNIT_WAN_YUAN, &m, &error));
  g_assert_no_error (error);
  g_assert_true (m.present);
  g_assert_cmpint (m.fen, ==, 417370000);
  g_assert_cmpint (m.decimals, ==, 2);

  /* A blank keeps the invariant of money.h. */
  m = (BdxMoney){ 5, 3, TRUE };
  g_assert_true (bdx_money_parse (" \t ", BDX_UNIT_YUAN, &m, &error));
  g_assert_false (m.present);
  g_assert_cmpint (m.fen, ==, 0);
  g_assert_cmpint (m.decimals, ==, -1);

  /* Every dash is a present zero with no decimals. */
  for (guint i = 0; i < 4; i++)
    {
      static const char *const dashes[] = { "-", "\u2013", "\u2014",
                                            "\uFF0D" };

      g_assert_true (bdx_money_parse (dashes[i], BDX_UNIT_YUAN, &m, &error));
      g_assert_true (m.present);
      g_assert_cmpint (m.fen, ==, 0);
      g_assert_cmpint (m.decimals, ==, 0);
    }

  /* The caller's error pointer may be NULL. */
  g_assert_false (bdx_money_parse ("abc", BDX_UNIT_YUAN, &m, NULL));
  g_assert_false (m.present);
}

static void
test_parse_errors (void)
{
  BdxMoney m;
  g_autoptr (GError) error = NULL;

  g_assert_false (bdx_money_parse ("1,23", BDX_UNIT_YUAN, &m, &error));
  g_assert_error (error, BDX_ERROR, BDX_ERROR_FORMAT);
  g_assert_cmpstr (error->message, ==, "'1,23' is not an amount");
  g_clear_error (&error);

  g_assert_false (bdx_money_parse ("12.345", BDX_UNIT_YUAN, &m, &error));
  g_assert_error (error, BDX_ERROR, BDX_ERROR_FORMAT);
  g_assert_cmpstr (error->message, ==, "'12.345' is finer than one fen in 元");
  g_clear_error (&error);

  g_assert_false (bdx_money_parse ("99999999999999999999", BDX_UNIT_YUAN, &m,
                                   &error));
  g_assert_error (error, BDX_ERROR, BDX_ERROR_LIMIT);
  g_assert_cmpstr (error->message, ==,
                   "'99999999999999999999' is out of range for an amount "
                   "in 元");
  g_clear_error (&error);
}

/* Programmer mistakes are criticals, not GErrors. */
static void
test_parse_preconditions (void)
{
  BdxMoney m = BDX_MONEY_BLANK;
  GError *error = NULL;

  g_test_expect_message ("bdx", G_LOG_LEVEL_CRITICAL, "*unit_fen > 0*");
  g_assert_false (bdx_money_parse ("12", BDX_UNIT_UNKNOWN, &m, &error));
  g_test_assert_expected_messages ();
  g_assert_no_error (error);

  g_test_expect_message ("bdx", G_LOG_LEVEL_CRITICAL, "*text != NULL*");
  g_assert_false (bdx_money_parse (NULL, BDX_UNIT_YUAN, &m, &error));
  g_test_assert_expected_messages ();

  g_test_expect_message ("bdx", G_LOG_LEVEL_CRITICAL, "*out != NULL*");
  g_assert_false (bdx_money_parse ("12", BDX_UNIT_YUAN, NULL, &error));
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
}

static void
test_is_amount (void)
{
  static const char *const yes[] = {
    "0", "12", "-12", "+12", "(12)", "1,234", "1,234.5678", ".5", "5.",
    " 7 ", "-", "\u2014", "\u2013", "\uFF0D", "12.345", /* grammar only */
    "99999999999999999999999",
  };
  static const char *const no[] = {
    "", "   ", ".", "+", "()", "(-12)", "-(12)", "--1", "1,23", "12,3456",
    "1234,567", "1.23456", "1 234", "12a", "a12", "1.2.3", "(12", "12)",
    "—1", "- 1", "\u22121" /* U+2212 MINUS SIGN, 1 */, "１２", "1e5",
    "0x10", ",123", "123,", "1,,234", "1.,5",
  };

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    if (!bdx_money_is_amount (yes[i]))
      g_test_fail_printf ("'%s' should be an amount", yes[i]);
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    if (bdx_money_is_amount (no[i]))
      g_test_fail_printf ("'%s' should not be an amount", no[i]);
}

static void
test_half_unit (void)
{
  static const struct {
    const char *text;
    BdxUnit unit;
    gint64 half;
  } cases[] = {
    { "417.37", BDX_UNIT_WAN_YUAN, 5000 },
    { "417", BDX_UNIT_WAN_YUAN, 500000 },
    { "417.3", BDX_UNIT_WAN_YUAN, 50000 },
    { "1.2345", BDX_UNIT_WAN_YUAN, 50 },
    { "12", BDX_UNIT_YUAN, 50 },
    { "12.3", BDX_UNIT_YUAN, 5 },
    { "1,234.56", BDX_UNIT_YUAN, 1 }, /* half a fen, rounded up */
    { "1.230", BDX_UNIT_YUAN, 1 },    /* a twentieth of a fen, still 1 */
    { "5", BDX_UNIT_QIAN_YUAN, 50000 },
    { "5.001", BDX_UNIT_QIAN_YUAN, 50 },
    { "3", BDX_UNIT_YI_YUAN, G_GINT64_CONSTANT (5000000000) },
    { "3.0001", BDX_UNIT_YI_YUAN, 500000 },
    { "-", BDX_UNIT_WAN_YUAN, 500000 }, /* a dash: 0 decimals */
    { "(1.5)", BDX_UNIT_YUAN, 5 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      BdxMoney m;
      g_autoptr (GError) error = NULL;

      g_assert_true (bdx_money_parse (cases[i].text, cases[i].unit, &m,
                                      &error));
      g_assert_no_error (error);
      g_assert_cmpint (bdx_money_half_unit (m, cases[i].unit), ==,
                       cases[i].half);
    }

  g_assert_cmpint (bdx_money_half_unit (BDX_MONEY_BLANK, BDX_UNIT_YUAN), ==, 0);
  /* A blank needs no unit. */
  g_assert_cmpint (bdx_money_half_unit (BDX_MONEY_BLANK, BDX_UNIT_UNKNOWN), ==,
                   0);
}

static void
test_format_yuan (void)
{
  static const struct {
    gint64 fen;
    const char *text;
  } cases[] = {
    { 0, "0.00" },
    { 1, "0.01" },
    { -1, "-0.01" },
    { 99, "0.99" },
    { 100, "1.00" },
    { -123456, "-1234.56" },
    { 417370000, "4173700.00" },
    { G_MAXINT64, "92233720368547758.07" },
    { G_MININT64, "-92233720368547758.08" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = bdx_money_format_yuan (cases[i].fen);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* Adds thousands separators to the integer part of "-1234567.89". */
static char *
group_thousands (const char *s)
{
  GString *out = g_string_new (NULL);
  const char *digits = s[0] == '-' ? s + 1 : s;
  const char *point = strchr (digits, '.');
  gsize n = point != NULL ? (gsize) (point - digits) : strlen (digits);

  if (digits != s)
    g_string_append_c (out, '-');
  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  g_string_append (out, digits + n);
  return g_string_free (out, FALSE);
}

/* format_yuan and parse are inverse on random amounts, grouped or not. */
static void
test_round_trip (void)
{
  for (guint i = 0; i < 2000; i++)
    {
      /* Spread over all magnitudes: 64 random bits shifted right by 1 to
       * 63, then a random sign; the parser's range is symmetric,
       * ±G_MAXINT64, and so is this. */
      guint64 bits = (guint64) (guint32) g_test_rand_int () << 32
                     | (guint32) g_test_rand_int ();
      gint64 fen = (gint64) (bits >> g_test_rand_int_range (1, 64));

      if (g_test_rand_bit ())
        fen = -fen;
      g_autofree char *text = bdx_money_format_yuan (fen);
      g_autofree char *grouped = group_thousands (text);
      g_autofree char *parens = NULL;
      BdxMoney m;
      g_autoptr (GError) error = NULL;

      g_assert_true (bdx_money_parse (text, BDX_UNIT_YUAN, &m, &error));
      g_assert_no_error (error);
      g_assert_cmpint (m.fen, ==, fen);
      g_assert_cmpint (m.decimals, ==, 2);

      g_assert_true (bdx_money_parse (grouped, BDX_UNIT_YUAN, &m, &error));
      g_assert_no_error (error);
      g_assert_cmpint (m.fen, ==, fen);

      if (fen < 0)
        {
          parens = g_strdup_printf ("(%s)", grouped + 1);
          g_assert_true (bdx_money_parse (parens, BDX_UNIT_YUAN, &m, &error));
          g_assert_no_error (error);
          g_assert_cmpint (m.fen, ==, fen);
        }
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money/units", test_units);
  g_test_add_func ("/money/parse/state", test_parse_state);
  g_test_add_func ("/money/parse/errors", test_parse_errors);
  g_test_add_func ("/money/parse/preconditions", test_parse_preconditions);
  g_test_add_func ("/money/parse/case-file", test_case_file);
  g_test_add_func ("/money/is-amount", test_is_amount);
  g_test_add_func ("/money/half-unit", test_half_unit);
  g_test_add_func ("/money/format-yuan", test_format_yuan);
  g_test_add_func ("/money/round-trip", test_round_trip);

  return g_test_run ();
}
