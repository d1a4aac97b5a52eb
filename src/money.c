/* bdx — money: printed amounts to integer fen.
 *
 * The algorithm (bdx_money_parse), on NFKC-normalized text:
 *
 *  1. Trim ASCII whitespace.  Nothing left is a blank, not an error.
 *  2. A lone dash, "-" "–" "—" or "－" (U+002D, U+2013, U+2014, U+FF0D),
 *     is a printed zero with 0 decimals.
 *  3. Take off one sign: a leading "-" or "+", or a pair of parentheses
 *     around the whole amount, which means negative: "(12.30)".
 *  4. Scan the integer digits, either one unbroken run ("1234") or groups
 *     of three after a first group of one to three ("1,234,567"); then an
 *     optional "." with 0 to 4 decimals.  At least one digit in all, so
 *     ".5" and "5." are amounts and "." is not.  Nothing may follow.
 *  5. Scale without floating point:
 *
 *        fen = integer × F + decimals × F / 10^n
 *
 *     where F is fen per unit (元 100, 千元 100 000, 万元 1 000 000,
 *     亿元 10 000 000 000) and n the number of decimals.  The second term
 *     must come out whole: 1.23 元 is 123 fen, 1.234 元 is an error, and
 *     1.2345 万元 is 1 234 500 fen.  Every step is checked against 64-bit
 *     overflow; the result lies in ±G_MAXINT64 fen.
 */
#include "bdx/money.h"

#include <string.h>

#include "bdx/error.h"

#define MAX_DECIMALS 4

static const gint64 pow10_table[MAX_DECIMALS + 1] = { 1, 10, 100, 1000, 10000 };

gint64
bdx_unit_fen (BdxUnit unit)
{
  switch (unit)
    {
    case BDX_UNIT_YUAN:
      return G_GINT64_CONSTANT (100);
    case BDX_UNIT_QIAN_YUAN:
      return G_GINT64_CONSTANT (100000);
    case BDX_UNIT_WAN_YUAN:
      return G_GINT64_CONSTANT (1000000);
    case BDX_UNIT_YI_YUAN:
      return G_GINT64_CONSTANT (10000000000);
    case BDX_UNIT_UNKNOWN:
    default:
      return 0;
    }
}

const char *
bdx_unit_name (BdxUnit unit)
{
  switch (unit)
    {
    case BDX_UNIT_YUAN:
      return "元";
    case BDX_UNIT_QIAN_YUAN:
      return "千元";
    case BDX_UNIT_WAN_YUAN:
      return "万元";
    case BDX_UNIT_YI_YUAN:
      return "亿元";
    case BDX_UNIT_UNKNOWN:
    default:
      return NULL;
    }
}

/* Whitespace as the grammar means it: ASCII only.  Other spaces (U+3000,
 * NBSP) are NFKC-normalized to U+0020 before text reaches us. */
static gboolean
is_ascii_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
         || c == '\v';
}

/* Sets *start and *len to the span of s without surrounding whitespace. */
static void
trim (const char *s, const char **start, gsize *len)
{
  const char *end = s + strlen (s);

  while (s < end && is_ascii_space (*s))
    s++;
  while (end > s && is_ascii_space (end[-1]))
    end--;
  *start = s;
  *len = (gsize) (end - s);
}

static gboolean
span_equals (const char *s, gsize len, const char *literal)
{
  return len == strlen (literal) && memcmp (s, literal, len) == 0;
}

BdxUnit
bdx_unit_from_name (const char *name)
{
  static const BdxUnit units[] = { BDX_UNIT_YUAN, BDX_UNIT_QIAN_YUAN,
                                   BDX_UNIT_WAN_YUAN, BDX_UNIT_YI_YUAN };
  const char *s;
  gsize len;

  if (name == NULL)
    return BDX_UNIT_UNKNOWN;
  trim (name, &s, &len);
  for (gsize i = 0; i < G_N_ELEMENTS (units); i++)
    if (span_equals (s, len, bdx_unit_name (units[i])))
      return units[i];
  return BDX_UNIT_UNKNOWN;
}

typedef enum {
  SCAN_BAD,   /* not an amount */
  SCAN_BLANK, /* empty or whitespace only */
  SCAN_DASH,  /* a printed zero */
  SCAN_NUMBER,
} ScanResult;

/* The pieces of a scanned number, pointing into the text. */
typedef struct {
  gboolean negative;
  const char *integer; /* digits and grouping commas */
  gsize integer_len;
  const char *fraction; /* decimals only */
  gsize fraction_len;
} Scanned;

static gsize
count_digits (const char *p, const char *end)
{
  const char *q = p;

  while (q < end && g_ascii_isdigit (*q))
    q++;
  return (gsize) (q - p);
}

/* Steps 1 to 4 of the algorithm: the grammar, without arithmetic. */
static ScanResult
scan (const char *text, Scanned *out)
{
  const char *p, *end;
  gsize len, run;

  memset (out, 0, sizeof *out);
  trim (text, &p, &len);
  if (len == 0)
    return SCAN_BLANK;
  if (span_equals (p, len, "-") || span_equals (p, len, "\u2013")
      || span_equals (p, len, "\u2014") || span_equals (p, len, "\uFF0D"))
    return SCAN_DASH;

  end = p + len;
  if (*p == '(' && end[-1] == ')' && len >= 2)
    {
      out->negative = TRUE;
      p++;
      end--;
    }
  else if (*p == '-' || *p == '+')
    {
      out->negative = *p == '-';
      p++;
    }

  out->integer = p;
  run = count_digits (p, end);
  p += run;
  if (p < end && *p == ',')
    {
      if (run < 1 || run > 3)
        return SCAN_BAD;
      while (p < end && *p == ',')
        {
          p++;
          run = count_digits (p, end);
          if (run != 3)
            return SCAN_BAD;
          p += run;
        }
    }
  out->integer_len = (gsize) (p - out->integer);

  if (p < end && *p == '.')
    {
      p++;
      out->fraction = p;
      out->fraction_len = count_digits (p, end);
      if (out->fraction_len > MAX_DECIMALS)
        return SCAN_BAD;
      p += out->fraction_len;
    }

  if (p != end || (out->integer_len == 0 && out->fraction_len == 0))
    return SCAN_BAD;
  return SCAN_NUMBER;
}

gboolean
bdx_money_is_amount (const char *text)
{
  Scanned scanned;
  ScanResult result;

  g_return_val_if_fail (text != NULL, FALSE);

  result = scan (text, &scanned);
  return result == SCAN_DASH || result == SCAN_NUMBER;
}

gboolean
bdx_money_parse (const char *text, BdxUnit unit, BdxMoney *out,
                 GError **error)
{
  Scanned scanned;
  gint64 unit_fen = bdx_unit_fen (unit);
  guint64 integer = 0, fraction = 0, fen;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (unit_fen > 0, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *out = BDX_MONEY_BLANK;
  switch (scan (text, &scanned))
    {
    case SCAN_BAD:
      g_set_error (error, BDX_ERROR, BDX_ERROR_FORMAT,
                   "'%s' is not an amount", text);
      return FALSE;
    case SCAN_BLANK:
      return TRUE;
    case SCAN_DASH:
      *out = (BdxMoney){ .fen = 0, .decimals = 0, .present = TRUE };
      return TRUE;
    case SCAN_NUMBER:
    default:
      break;
    }

  /* Step 5.  The integer part may be any number of digits long, so
   * accumulate with overflow checks; the fraction has at most 4. */
  for (gsize i = 0; i < scanned.integer_len; i++)
    {
      char c = scanned.integer[i];

      if (c == ',')
        continue;
      if (!g_uint64_checked_mul (&integer, integer, 10)
          || !g_uint64_checked_add (&integer, integer, (guint64) (c - '0')))
        goto too_large;
    }
  for (gsize i = 0; i < scanned.fraction_len; i++)
    fraction = fraction * 10 + (guint64) (scanned.fraction[i] - '0');

  /* fraction < 10^4 and unit_fen <= 10^10: the product fits easily. */
  fraction *= (guint64) unit_fen;
  if (fraction % (guint64) pow10_table[scanned.fraction_len] != 0)
    {
      g_set_error (error, BDX_ERROR, BDX_ERROR_FORMAT,
                   "'%s' is finer than one fen in %s", text,
                   bdx_unit_name (unit));
      return FALSE;
    }
  fraction /= (guint64) pow10_table[scanned.fraction_len];

  if (!g_uint64_checked_mul (&fen, integer, (guint64) unit_fen)
      || !g_uint64_checked_add (&fen, fen, fraction)
      || fen > (guint64) G_MAXINT64)
    goto too_large;

  out->fen = scanned.negative ? -(gint64) fen : (gint64) fen;
  out->decimals = (gint8) scanned.fraction_len;
  out->present = TRUE;
  return TRUE;

too_large:
  g_set_error (error, BDX_ERROR, BDX_ERROR_LIMIT,
               "'%s' is out of range for an amount in %s", text,
               bdx_unit_name (unit));
  return FALSE;
}

gint64
bdx_money_half_unit (BdxMoney money, BdxUnit unit)
{
  gint64 unit_fen = bdx_unit_fen (unit);
  gint64 step;

  if (!money.present)
    return 0;
  g_return_val_if_fail (unit_fen > 0, 0);
  g_return_val_if_fail (money.decimals >= 0
                        && money.decimals <= MAX_DECIMALS, 0);

  /* Half of unit_fen / 10^decimals, rounded up so that a present amount
   * always has a non-zero tolerance: for 1.23 元 the half unit is
   * 0.005 元, half a fen, so 1. */
  step = 2 * pow10_table[money.decimals];
  return (unit_fen + step - 1) / step;
}

char *
bdx_money_format_yuan (gint64 fen)
{
  /* Negate in unsigned arithmetic: -G_MININT64 does not fit a gint64. */
  guint64 magnitude = fen < 0 ? (guint64) 0 - (guint64) fen : (guint64) fen;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u", fen < 0 ? "-" : "",
                          magnitude / 100, (guint) (magnitude % 100));
}
