/* bdx — the JSON reader: `bdx.disclosure/1` JSON back into the model.
 *
 * The algorithm:
 *  1. Refuse what a JSON parser might mishandle, before one sees the
 *     text: the text must be valid UTF-8, and a strict RFC 8259 syntax
 *     check (an explicit recursive descent, at most BDX_JSON_MAX_DEPTH
 *     levels deep) refuses leading zeros, lone surrogates, "\u0000",
 *     integers past 64 bits (parsers wrap, clamp or round them: a hostile
 *     amount would change) and numbers past a double's range.  Its errors
 *     name a line and a column (in characters).
 *  2. json-c builds the tree, in its strict mode and with its depth limit
 *     just above step 1's; integers are kept as exact 64-bit values.
 *     (json-c rather than json-glib: a harvest reads back every worker's
 *     JSON, and json-glib took 2.4 times as long.)
 *  3. Walk the tree in the contract's shape into a fresh model, keeping a
 *     stack of path segments (keys and indexes) so that an error names
 *     its place: "tables[2].rows[5].values[1]: amount is not an integer".
 *     Missing extension keys take the model's "unknown" value; unknown
 *     keys are ignored.
 *  4. A JSON number read as a decimal text (indicator value, fact share)
 *     becomes the shortest decimal that reads back as the same double,
 *     written without exponent: emit writes canonical decimals of at most
 *     15 digits, so this gives back exactly the text emit wrote.
 *  5. Money gets its printed decimals back by inference (bdx/jsonread.h
 *     and infer_decimals below).
 */
#include "bdx/jsonread.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-c/json.h>

#include "bdx/error.h"

/* ---- step 1: the syntax check -------------------------------------- */

typedef struct
{
  const char *start, *p, *end;
  int depth;
  GError **error;
} Lexer;

static gboolean lex_fail (Lexer *lx, const char *at, int code, const char *fmt,
                          ...) G_GNUC_PRINTF (4, 5);

static gboolean
lex_fail (Lexer *lx, const char *at, int code, const char *fmt, ...)
{
  int line = 1, column = 1;
  for (const char *q = lx->start; q < at; q++)
    {
      if (*q == '\n')
        {
          line++;
          column = 1;
        }
      else if (((unsigned char)*q & 0xC0) != 0x80)
        column++;
    }
  va_list ap;
  va_start (ap, fmt);
  g_autofree char *msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  g_set_error (lx->error, BDX_ERROR, code,
               "invalid JSON at line %d, column %d: %s", line, column, msg);
  return FALSE;
}

/* "unexpected end of input", or what was expected instead of *p. */
static gboolean
lex_expected (Lexer *lx, const char *what)
{
  if (lx->p >= lx->end)
    return lex_fail (lx, lx->p, BDX_ERROR_FORMAT, "unexpected end of input");
  gunichar c = g_utf8_get_char (lx->p);
  if (c < 0x20 || c == 0x7F || c == 0xFEFF)
    return lex_fail (lx, lx->p, BDX_ERROR_FORMAT, "expected %s, found U+%04X",
                     what, c);
  char utf8[8] = { 0 };
  g_unichar_to_utf8 (c, utf8);
  return lex_fail (lx, lx->p, BDX_ERROR_FORMAT, "expected %s, found '%s'", what,
                   utf8);
}

static void
lex_ws (Lexer *lx)
{
  while (
      lx->p < lx->end
      && (*lx->p == ' ' || *lx->p == '\t' || *lx->p == '\n' || *lx->p == '\r'))
    lx->p++;
}

static int
hex4 (const char *p, const char *end)
{
  if (end - p < 4)
    return -1;
  int v = 0;
  for (int i = 0; i < 4; i++)
    {
      int d = g_ascii_xdigit_value (p[i]);
      if (d < 0)
        return -1;
      v = v * 16 + d;
    }
  return v;
}

static gboolean
lex_string (Lexer *lx)
{
  const char *open = lx->p++;
  for (;;)
    {
      if (lx->p >= lx->end)
        return lex_fail (lx, open, BDX_ERROR_FORMAT, "unterminated string");
      unsigned char c = (unsigned char)*lx->p;
      if (c == '"')
        {
          lx->p++;
          return TRUE;
        }
      if (c < 0x20)
        return lex_fail (lx, lx->p, BDX_ERROR_FORMAT,
                         "control character U+%04X in string", c);
      if (c != '\\')
        {
          lx->p++;
          continue;
        }
      const char *esc = lx->p++;
      if (lx->p >= lx->end)
        return lex_fail (lx, open, BDX_ERROR_FORMAT, "unterminated string");
      switch (*lx->p)
        {
        case '"':
        case '\\':
        case '/':
        case 'b':
        case 'f':
        case 'n':
        case 'r':
        case 't':
          lx->p++;
          continue;
        case 'u':
          break;
        default:
          return lex_fail (lx, esc, BDX_ERROR_FORMAT, "invalid escape");
        }
      int cp = hex4 (lx->p + 1, lx->end);
      if (cp < 0)
        return lex_fail (lx, esc, BDX_ERROR_FORMAT, "invalid \\u escape");
      lx->p += 5;
      if (cp == 0)
        return lex_fail (lx, esc, BDX_ERROR_FORMAT, "\\u0000 is not supported");
      if (cp >= 0xDC00 && cp <= 0xDFFF)
        return lex_fail (lx, esc, BDX_ERROR_FORMAT, "lone surrogate");
      if (cp >= 0xD800 && cp <= 0xDBFF)
        {
          int low
              = (lx->end - lx->p >= 2 && lx->p[0] == '\\' && lx->p[1] == 'u')
                    ? hex4 (lx->p + 2, lx->end)
                    : -1;
          if (low < 0xDC00 || low > 0xDFFF)
            return lex_fail (lx, esc, BDX_ERROR_FORMAT, "lone surrogate");
          lx->p += 6;
        }
    }
}

static gboolean
lex_number (Lexer *lx)
{
  const char *start = lx->p;
  gboolean integral = TRUE;
  if (lx->p < lx->end && *lx->p == '-')
    lx->p++;
  if (lx->p < lx->end && *lx->p == '0')
    lx->p++;
  else if (lx->p < lx->end && *lx->p >= '1' && *lx->p <= '9')
    while (lx->p < lx->end && g_ascii_isdigit (*lx->p))
      lx->p++;
  else
    return lex_fail (lx, start, BDX_ERROR_FORMAT, "invalid number");
  if (lx->p < lx->end && *lx->p == '.')
    {
      integral = FALSE;
      lx->p++;
      if (lx->p >= lx->end || !g_ascii_isdigit (*lx->p))
        return lex_fail (lx, start, BDX_ERROR_FORMAT, "invalid number");
      while (lx->p < lx->end && g_ascii_isdigit (*lx->p))
        lx->p++;
    }
  if (lx->p < lx->end && (*lx->p == 'e' || *lx->p == 'E'))
    {
      integral = FALSE;
      lx->p++;
      if (lx->p < lx->end && (*lx->p == '+' || *lx->p == '-'))
        lx->p++;
      if (lx->p >= lx->end || !g_ascii_isdigit (*lx->p))
        return lex_fail (lx, start, BDX_ERROR_FORMAT, "invalid number");
      while (lx->p < lx->end && g_ascii_isdigit (*lx->p))
        lx->p++;
    }
  if (lx->p < lx->end && g_ascii_isdigit (*lx->p))
    return lex_fail (lx, start, BDX_ERROR_FORMAT,
                     "invalid number (leading zero)");

  g_autofree char *text = g_strndup (start, (gsize)(lx->p - start));
  errno = 0;
  if (integral)
    {
      (void)g_ascii_strtoll (text, NULL, 10);
      if (errno == ERANGE)
        return lex_fail (lx, start, BDX_ERROR_LIMIT, "integer out of range");
    }
  else if (!isfinite (g_ascii_strtod (text, NULL)))
    return lex_fail (lx, start, BDX_ERROR_LIMIT, "number out of range");
  return TRUE;
}

static gboolean
lex_literal (Lexer *lx, const char *word)
{
  gsize n = strlen (word);
  if ((gsize)(lx->end - lx->p) < n || memcmp (lx->p, word, n) != 0)
    return lex_expected (lx, "a value");
  lx->p += n;
  return TRUE;
}

static gboolean lex_value (Lexer *lx);

/* An object or an array, from its opening bracket. */
static gboolean
lex_container (Lexer *lx)
{
  gboolean object = *lx->p == '{';
  char close = object ? '}' : ']';
  if (++lx->depth > BDX_JSON_MAX_DEPTH)
    return lex_fail (lx, lx->p, BDX_ERROR_LIMIT, "nested deeper than %d levels",
                     BDX_JSON_MAX_DEPTH);
  lx->p++;
  lex_ws (lx);
  if (lx->p < lx->end && *lx->p == close)
    {
      lx->p++;
      lx->depth--;
      return TRUE;
    }
  for (;;)
    {
      if (object)
        {
          lex_ws (lx);
          if (lx->p >= lx->end || *lx->p != '"')
            return lex_expected (lx, "a string key");
          if (!lex_string (lx))
            return FALSE;
          lex_ws (lx);
          if (lx->p >= lx->end || *lx->p != ':')
            return lex_expected (lx, "':'");
          lx->p++;
        }
      if (!lex_value (lx))
        return FALSE;
      lex_ws (lx);
      if (lx->p < lx->end && *lx->p == ',')
        {
          lx->p++;
          continue;
        }
      if (lx->p < lx->end && *lx->p == close)
        {
          lx->p++;
          lx->depth--;
          return TRUE;
        }
      return lex_expected (lx, object ? "',' or '}'" : "',' or ']'");
    }
}

static gboolean
lex_value (Lexer *lx)
{
  lex_ws (lx);
  if (lx->p >= lx->end)
    return lex_expected (lx, "a value");
  switch (*lx->p)
    {
    case '{':
    case '[':
      return lex_container (lx);
    case '"':
      return lex_string (lx);
    case 't':
      return lex_literal (lx, "true");
    case 'f':
      return lex_literal (lx, "false");
    case 'n':
      return lex_literal (lx, "null");
    default:
      if (*lx->p == '-' || g_ascii_isdigit (*lx->p))
        return lex_number (lx);
      return lex_expected (lx, "a value");
    }
}

static gboolean
check_syntax (const char *data, gsize len, GError **error)
{
  Lexer lx = { data, data, data + len, 0, error };
  const char *bad = NULL;
  if (!g_utf8_validate_len (data, len, &bad))
    return lex_fail (&lx, bad, BDX_ERROR_FORMAT, "%s",
                     *bad ? "invalid UTF-8" : "NUL byte");
  if (!lex_value (&lx))
    return FALSE;
  lex_ws (&lx);
  if (lx.p < lx.end)
    return lex_expected (&lx, "end of input");
  return TRUE;
}

/* ---- step 3: the tree walk ----------------------------------------- */

typedef struct
{
  const char *key; /* NULL for an array index */
  guint index;
} Segment;

typedef struct
{
  GArray *path; /* of Segment */
  GError **error;
} Reader;

static void
push_key (Reader *r, const char *key)
{
  Segment s = { key, 0 };
  g_array_append_val (r->path, s);
}

static void
push_index (Reader *r, guint index)
{
  Segment s = { NULL, index };
  g_array_append_val (r->path, s);
}

static void
pop (Reader *r)
{
  g_assert (r->path->len > 0);
  g_array_set_size (r->path, r->path->len - 1);
}

/* Sets the error at the current path, plus `key` when not NULL:
 * "tables[2].title: expected a string or null, got an integer". */
static gboolean fail (Reader *r, const char *key, int code, const char *fmt,
                      ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail (Reader *r, const char *key, int code, const char *fmt, ...)
{
  g_autoptr (GString) where = g_string_new (NULL);
  for (guint i = 0; i < r->path->len; i++)
    {
      const Segment *s = &g_array_index (r->path, Segment, i);
      if (s->key)
        g_string_append_printf (where, "%s%s", where->len ? "." : "", s->key);
      else
        g_string_append_printf (where, "[%u]", s->index);
    }
  if (key)
    g_string_append_printf (where, "%s%s", where->len ? "." : "", key);
  va_list ap;
  va_start (ap, fmt);
  g_autofree char *msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  if (where->len)
    g_set_error (r->error, BDX_ERROR, code, "%s: %s", where->str, msg);
  else
    g_set_error_literal (r->error, BDX_ERROR, code, msg);
  return FALSE;
}

/* json-c gives JSON's null as a NULL pointer, which would not tell a
 * null member from a missing one: jv_member() and jv_element() give it
 * as JV_NULL instead, and jv_type() knows it. */
typedef struct json_object Jv;
static const char jv_null_mark;
#define JV_NULL ((Jv *)&jv_null_mark)

static enum json_type
jv_type (Jv *n)
{
  return n == JV_NULL ? json_type_null : json_object_get_type (n);
}

static gboolean
is_null (Jv *n)
{
  return n == JV_NULL;
}

/* The member `key` of object `o`, JV_NULL when it is null, NULL when it
 * is missing. */
static Jv *
jv_member (Jv *o, const char *key)
{
  Jv *n;
  if (!json_object_object_get_ex (o, key, &n))
    return NULL;
  return n ? n : JV_NULL;
}

/* Element `i` of array `a`, JV_NULL when it is null. */
static Jv *
jv_element (Jv *a, guint i)
{
  Jv *n = json_object_array_get_idx (a, i);
  return n ? n : JV_NULL;
}

static const char *
type_name (Jv *n)
{
  switch (jv_type (n))
    {
    case json_type_object:
      return "an object";
    case json_type_array:
      return "an array";
    case json_type_null:
      return "null";
    case json_type_string:
      return "a string";
    case json_type_int:
      return "an integer";
    case json_type_double:
      return "a number";
    case json_type_boolean:
      return "a boolean";
    default:
      return "a value";
    }
}

/* The member `key` of `o`, or NULL when it is missing; *ok is FALSE (and
 * the error set) only when a required key is missing. */
static Jv *
member (Reader *r, Jv *o, const char *key, gboolean required,
        gboolean *ok)
{
  Jv *n = jv_member (o, key);
  *ok = TRUE;
  if (!n && required)
    *ok = fail (r, NULL, BDX_ERROR_FORMAT, "missing key '%s'", key);
  return n;
}

/* A string or null into *out (owned); a missing optional key leaves it. */
static gboolean
get_string (Reader *r, Jv *o, const char *key, gboolean required,
            char **out)
{
  gboolean ok;
  Jv *n = member (r, o, key, required, &ok);
  if (!n)
    return ok;
  if (is_null (n))
    {
      g_clear_pointer (out, g_free);
      return TRUE;
    }
  if (!(jv_type (n) == json_type_string))
    return fail (r, key, BDX_ERROR_FORMAT, "expected a string or null, got %s",
                 type_name (n));
  g_free (*out);
  *out = g_strdup (json_object_get_string (n));
  return TRUE;
}

/* A string that must not be null. */
static gboolean
get_text (Reader *r, Jv *o, const char *key, char **out)
{
  gboolean ok;
  Jv *n = member (r, o, key, TRUE, &ok);
  if (!n)
    return ok;
  if (!(jv_type (n) == json_type_string))
    return fail (r, key, BDX_ERROR_FORMAT, "expected a string, got %s",
                 type_name (n));
  g_free (*out);
  *out = g_strdup (json_object_get_string (n));
  return TRUE;
}

/* An integer in [min, max] into *out; null gives `null_value` when
 * `nullable`.  A missing optional key leaves *out. */
static gboolean
get_int64 (Reader *r, Jv *o, const char *key, gboolean required,
           gboolean nullable, gint64 null_value, gint64 min, gint64 max,
           gint64 *out)
{
  gboolean ok;
  Jv *n = member (r, o, key, required, &ok);
  if (!n)
    return ok;
  if (nullable && is_null (n))
    {
      *out = null_value;
      return TRUE;
    }
  if (!(jv_type (n) == json_type_int))
    return fail (r, key, BDX_ERROR_FORMAT, "expected an integer%s, got %s",
                 nullable ? " or null" : "", type_name (n));
  gint64 v = json_object_get_int64 (n);
  if (v < min || v > max)
    return fail (r, key, BDX_ERROR_FORMAT,
                 "%" G_GINT64_FORMAT " is out of range", v);
  *out = v;
  return TRUE;
}

static gboolean
get_int (Reader *r, Jv *o, const char *key, gboolean required,
         gboolean nullable, int null_value, int min, int *out)
{
  gint64 v = *out;
  if (!get_int64 (r, o, key, required, nullable, null_value, min, G_MAXINT, &v))
    return FALSE;
  *out = (int)v;
  return TRUE;
}

static gboolean
get_bool (Reader *r, Jv *o, const char *key, gboolean *out)
{
  gboolean ok;
  Jv *n = member (r, o, key, TRUE, &ok);
  if (!n)
    return ok;
  if (!(jv_type (n) == json_type_boolean))
    return fail (r, key, BDX_ERROR_FORMAT, "expected a boolean, got %s",
                 type_name (n));
  *out = json_object_get_boolean (n);
  return TRUE;
}

/* Money at the current path (the caller pushed its place). */
static gboolean
money_from_node (Reader *r, Jv *n, BdxMoney *out)
{
  if (is_null (n))
    {
      *out = BDX_MONEY_BLANK;
      return TRUE;
    }
  if (!(jv_type (n) == json_type_int))
    return fail (r, NULL, BDX_ERROR_FORMAT, "amount is not an integer");
  out->fen = json_object_get_int64 (n);
  out->decimals = 0; /* inferred later */
  out->present = TRUE;
  return TRUE;
}

static gboolean
get_money (Reader *r, Jv *o, const char *key, BdxMoney *out)
{
  gboolean ok;
  Jv *n = member (r, o, key, TRUE, &ok);
  if (!n)
    return ok;
  push_key (r, key);
  ok = money_from_node (r, n, out);
  pop (r);
  return ok;
}

/* The shortest decimal text that reads back as `v`, without exponent:
 * 1.8 → "1.8", 1e-7 → "0.0000001", 1e21 → "1000000000000000000000". */
static char *
double_to_decimal (double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char fmt[16];
  for (int precision = 1; precision <= 17; precision++)
    {
      g_snprintf (fmt, sizeof fmt, "%%.%de", precision - 1);
      g_ascii_formatd (buf, sizeof buf, fmt, v);
      if (g_ascii_strtod (buf, NULL) == v)
        break;
    }

  /* buf is "[-]d[.ddd]e[+-]xx": collect the digits and the exponent. */
  GString *digits = g_string_new (NULL);
  const char *p = buf;
  gboolean negative = (*p == '-');
  if (negative)
    p++;
  for (; *p && *p != 'e'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
  int exponent = *p == 'e' ? atoi (p + 1) : 0;
  while (digits->len > 1 && digits->str[digits->len - 1] == '0')
    g_string_truncate (digits, digits->len - 1);

  GString *out = g_string_new (NULL);
  if (strcmp (digits->str, "0") == 0)
    g_string_append_c (out, '0');
  else
    {
      if (negative)
        g_string_append_c (out, '-');
      int point = exponent + 1; /* digits before the decimal point */
      int n = (int)digits->len;
      if (point <= 0)
        {
          g_string_append (out, "0.");
          for (int i = 0; i < -point; i++)
            g_string_append_c (out, '0');
          g_string_append (out, digits->str);
        }
      else if (point >= n)
        {
          g_string_append (out, digits->str);
          for (int i = n; i < point; i++)
            g_string_append_c (out, '0');
        }
      else
        {
          g_string_append_len (out, digits->str, point);
          g_string_append_c (out, '.');
          g_string_append (out, digits->str + point);
        }
    }
  g_string_free (digits, TRUE);
  return g_string_free (out, FALSE);
}

/* A number read as decimal text into *out; null gives NULL.  A missing
 * optional key leaves *out. */
static gboolean
get_decimal (Reader *r, Jv *o, const char *key, gboolean required,
             char **out)
{
  gboolean ok;
  Jv *n = member (r, o, key, required, &ok);
  if (!n)
    return ok;
  g_clear_pointer (out, g_free);
  if (is_null (n))
    return TRUE;
  if ((jv_type (n) == json_type_int))
    *out = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int64 (n));
  else if ((jv_type (n) == json_type_double))
    *out = double_to_decimal (json_object_get_double (n));
  else
    return fail (r, key, BDX_ERROR_FORMAT, "expected a number or null, got %s",
                 type_name (n));
  return TRUE;
}

/* The array member `key`; NULL with *ok FALSE on error, NULL with *ok TRUE
 * when an optional key is missing. */
static Jv *
get_array (Reader *r, Jv *o, const char *key, gboolean required,
           gboolean *ok)
{
  Jv *n = member (r, o, key, required, ok);
  if (!n)
    return NULL;
  if (!(jv_type (n) == json_type_array))
    {
      *ok = fail (r, key, BDX_ERROR_FORMAT, "expected an array, got %s",
                  type_name (n));
      return NULL;
    }
  return n;
}

/* The required object member `key`; NULL with *ok FALSE on error, NULL
 * with *ok TRUE when it is null and `nullable`. */
static Jv *
get_object (Reader *r, Jv *o, const char *key, gboolean nullable,
            gboolean *ok)
{
  Jv *n = member (r, o, key, TRUE, ok);
  if (!n)
    return NULL;
  if (nullable && is_null (n))
    return NULL;
  if (!(jv_type (n) == json_type_object))
    {
      *ok = fail (r, key, BDX_ERROR_FORMAT, "expected an object%s, got %s",
                  nullable ? " or null" : "", type_name (n));
      return NULL;
    }
  return n;
}

/* Element i of `a` as an object, with the index pushed on the path by
 * the caller. */
static Jv *
element_object (Reader *r, Jv *a, guint i)
{
  Jv *n = jv_element (a, i);
  if (!(jv_type (n) == json_type_object))
    {
      fail (r, NULL, BDX_ERROR_FORMAT, "expected an object, got %s",
            type_name (n));
      return NULL;
    }
  return n;
}

/* An array of page numbers (integers >= 1) into a GArray of int. */
static gboolean
get_pages (Reader *r, Jv *o, const char *key, GArray *out)
{
  gboolean ok;
  Jv *a = get_array (r, o, key, TRUE, &ok);
  if (!a)
    return ok;
  push_key (r, key);
  for (guint i = 0; i < json_object_array_length (a); i++)
    {
      Jv *n = jv_element (a, i);
      push_index (r, i);
      if (!(jv_type (n) == json_type_int))
        return fail (r, NULL, BDX_ERROR_FORMAT,
                     "expected a page number, got %s", type_name (n));
      if (json_object_get_int64 (n) < 1 || json_object_get_int64 (n) > G_MAXINT)
        return fail (r, NULL, BDX_ERROR_FORMAT,
                     "%" G_GINT64_FORMAT " is not a page number",
                     json_object_get_int64 (n));
      int page = (int)json_object_get_int64 (n);
      g_array_append_val (out, page);
      pop (r);
    }
  pop (r);
  return TRUE;
}

/* An array of strings appended to `out` (of char*).  Missing and optional
 * leaves `out` as it is. */
static gboolean
get_strings (Reader *r, Jv *o, const char *key, gboolean required,
             GPtrArray *out)
{
  gboolean ok;
  Jv *a = get_array (r, o, key, required, &ok);
  if (!a)
    return ok;
  push_key (r, key);
  for (guint i = 0; i < json_object_array_length (a); i++)
    {
      Jv *n = jv_element (a, i);
      if (!(jv_type (n) == json_type_string))
        {
          push_index (r, i);
          return fail (r, NULL, BDX_ERROR_FORMAT, "expected a string, got %s",
                       type_name (n));
        }
      g_ptr_array_add (out, g_strdup (json_object_get_string (n)));
    }
  pop (r);
  return TRUE;
}

static gboolean
is_iso_date (const char *s)
{
  static const char shape[] = "dddd-dd-dd";
  for (int i = 0; shape[i]; i++)
    if (shape[i] == 'd' ? !g_ascii_isdigit (s[i]) : s[i] != shape[i])
      return FALSE;
  return s[sizeof shape - 1] == '\0';
}

static gboolean
get_date (Reader *r, Jv *o, const char *key, char **out)
{
  if (!get_string (r, o, key, TRUE, out))
    return FALSE;
  if (*out && !is_iso_date (*out))
    return fail (r, key, BDX_ERROR_FORMAT, "'%s' is not a YYYY-MM-DD date",
                 *out);
  return TRUE;
}

/* ---- enumerations -------------------------------------------------- */

static gboolean
get_unit (Reader *r, Jv *o, const char *key, BdxUnit *out)
{
  g_autofree char *name = NULL;
  if (!get_string (r, o, key, TRUE, &name))
    return FALSE;
  *out = name ? bdx_unit_from_name (name) : BDX_UNIT_UNKNOWN;
  if (name && *out == BDX_UNIT_UNKNOWN)
    return fail (r, key, BDX_ERROR_FORMAT, "unknown unit '%s'", name);
  return TRUE;
}

static gboolean
get_kind (Reader *r, Jv *o, BdxDocumentKind *out)
{
  g_autofree char *name = NULL;
  if (!get_string (r, o, "kind", TRUE, &name))
    return FALSE;
  *out = BDX_KIND_UNKNOWN;
  if (!name)
    return TRUE;
  for (BdxDocumentKind k = BDX_KIND_BUDGET; k <= BDX_KIND_FINAL_ACCOUNTS; k++)
    if (g_strcmp0 (name, bdx_document_kind_name (k)) == 0)
      {
        *out = k;
        return TRUE;
      }
  return fail (r, "kind", BDX_ERROR_FORMAT, "unknown document kind '%s'", name);
}

/* An optional side: missing or null is BDX_SIDE_NONE. */
static gboolean
get_side (Reader *r, Jv *o, BdxSide *out)
{
  g_autofree char *name = NULL;
  if (!get_string (r, o, "side", FALSE, &name))
    return FALSE;
  *out = BDX_SIDE_NONE;
  if (!name)
    return TRUE;
  for (BdxSide s = BDX_SIDE_INCOME; s <= BDX_SIDE_EXPENDITURE; s++)
    if (g_strcmp0 (name, bdx_side_name (s)) == 0)
      {
        *out = s;
        return TRUE;
      }
  return fail (r, "side", BDX_ERROR_FORMAT, "unknown side '%s'", name);
}

static gboolean
get_row_kind (Reader *r, Jv *o, BdxRowKind *out)
{
  g_autofree char *name = NULL;
  if (!get_text (r, o, "kind", &name))
    return FALSE;
  if (strcmp (name, "item") == 0)
    *out = BDX_ROW_ITEM;
  else if (strcmp (name, "total") == 0)
    *out = BDX_ROW_TOTAL;
  else
    return fail (r, "kind", BDX_ERROR_FORMAT, "unknown row kind '%s'", name);
  return TRUE;
}

static gboolean
get_status (Reader *r, Jv *o, BdxCheckStatus *out)
{
  g_autofree char *name = NULL;
  if (!get_text (r, o, "status", &name))
    return FALSE;
  for (BdxCheckStatus s = BDX_CHECK_PASSED; s <= BDX_CHECK_FAILED; s++)
    if (g_strcmp0 (name, bdx_check_status_name (s)) == 0)
      {
        *out = s;
        return TRUE;
      }
  return fail (r, "status", BDX_ERROR_FORMAT, "unknown status '%s'", name);
}

/* A string member that must be one of `names` (NULL-terminated), or null
 * when `nullable`. */
static gboolean
get_enum_string (Reader *r, Jv *o, const char *key, gboolean nullable,
                 const char *const *names, char **out)
{
  if (!(nullable ? get_string (r, o, key, TRUE, out)
                 : get_text (r, o, key, out)))
    return FALSE;
  if (!*out)
    return TRUE;
  for (int i = 0; names[i]; i++)
    if (strcmp (*out, names[i]) == 0)
      return TRUE;
  return fail (r, key, BDX_ERROR_FORMAT, "unknown %s '%s'", key, *out);
}

/* ---- money decimals (step 5) --------------------------------------- */

/* The fewest decimals (0..4) that print `fen` exactly in `unit`. */
static gint8
min_decimals (gint64 fen, BdxUnit unit)
{
  gint64 per_unit = bdx_unit_fen (unit);
  if (per_unit <= 0)
    per_unit = 100; /* 元 */
  gint8 decimals = 0;
  while (per_unit > 1 && fen % per_unit != 0 && decimals < 4)
    {
      per_unit /= 10;
      decimals++;
    }
  return decimals;
}

#define N_UNITS (BDX_UNIT_YI_YUAN + 1)

static BdxUnit
table_unit (const BdxTable *t, const BdxDisclosure *d)
{
  return t->unit != BDX_UNIT_UNKNOWN ? t->unit : d->unit;
}

/* Calls fn on every present amount of every table. */
static void
each_table_amount (BdxDisclosure *d,
                   void (*fn) (BdxMoney *m, BdxUnit unit, gint8 *most),
                   gint8 *most)
{
  for (guint t = 0; t < d->tables->len; t++)
    {
      const BdxTable *table = g_ptr_array_index (d->tables, t);
      BdxUnit unit = table_unit (table, d);
      for (guint i = 0; i < table->rows->len; i++)
        {
          BdxRow *row = g_ptr_array_index (table->rows, i);
          for (guint j = 0; j < row->values->len; j++)
            {
              BdxMoney *m = &g_array_index (row->values, BdxMoney, j);
              if (m->present)
                fn (m, unit, most);
            }
        }
    }
}

static void
raise_most (BdxMoney *m, BdxUnit unit, gint8 *most)
{
  most[unit] = MAX (most[unit], min_decimals (m->fen, unit));
}

static void
set_most (BdxMoney *m, BdxUnit unit, gint8 *most)
{
  m->decimals = most[unit];
}

/* An amount outside the tables, printed in the document's unit. */
static void
set_other (BdxMoney *m, BdxUnit unit, const gint8 *most)
{
  if (m->present)
    m->decimals = MAX (most[unit], min_decimals (m->fen, unit));
}

/* Step 5: a document prints all amounts of one unit with the same number
 * of decimals (a 万元 table prints 3.10, not 3.1), so each amount gets the
 * most decimals any table amount of its unit needs; amounts outside the
 * tables use the document's unit, and never fewer than they need. */
static void
infer_decimals (BdxDisclosure *d)
{
  gint8 most[N_UNITS] = { 0 };
  each_table_amount (d, raise_most, most);
  each_table_amount (d, set_most, most);

  BdxUnit unit = d->unit;
  for (guint i = 0; i < d->projects->len; i++)
    {
      BdxProject *p = g_ptr_array_index (d->projects, i);
      set_other (&p->amount, unit, most);
      for (guint j = 0; j < p->allocation->len; j++)
        set_other (
            &((BdxAllocation *)g_ptr_array_index (p->allocation, j))->amount,
            unit, most);
    }
  for (guint i = 0; i < d->performance->len; i++)
    {
      BdxPerformance *p = g_ptr_array_index (d->performance, i);
      set_other (&p->funds_total, unit, most);
      set_other (&p->funds_fiscal, unit, most);
      set_other (&p->funds_other, unit, most);
    }
  for (guint i = 0; i < d->facts->len; i++)
    set_other (&((BdxFact *)g_ptr_array_index (d->facts, i))->value, unit,
               most);
}

/* ---- the parts ----------------------------------------------------- */

static gboolean
read_source (Reader *r, Jv *o, BdxSourceInfo *s)
{
  return get_string (r, o, "path", TRUE, &s->path)
         && get_string (r, o, "sha256", TRUE, &s->sha256)
         && get_int (r, o, "pages", TRUE, FALSE, 0, 0, &s->pages)
         && get_pages (r, o, "text_pages", s->text_pages)
         && get_pages (r, o, "ocr_pages", s->ocr_pages);
}

static gboolean
read_document (Reader *r, Jv *o, BdxDisclosure *d)
{
  return get_kind (r, o, &d->kind)
         && get_int (r, o, "year", TRUE, TRUE, 0, 1, &d->year)
         && get_string (r, o, "department", TRUE, &d->department)
         && get_date (r, o, "published", &d->published)
         && get_unit (r, o, "unit", &d->unit);
}

static const char *const staffing_keys[] = {
  "authorized",       "actual",
  "in_service",       "retired",
  "retired_cadre",    "in_service_increase",
  "retired_increase", "retired_cadre_increase",
};

static gboolean
read_staffing (Reader *r, Jv *o, BdxStaffing *s)
{
  gint64 *fields[] = {
    &s->authorized,       &s->actual,
    &s->in_service,       &s->retired,
    &s->retired_cadre,    &s->in_service_increase,
    &s->retired_increase, &s->retired_cadre_increase,
  };
  G_STATIC_ASSERT (G_N_ELEMENTS (fields) == G_N_ELEMENTS (staffing_keys));
  s->present = 0;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      gboolean required = i < 5; /* the increases are an extension */
      Jv *n = jv_member (o, staffing_keys[i]);
      *fields[i] = 0;
      if (!get_int64 (r, o, staffing_keys[i], required, TRUE, 0, G_MININT64,
                      G_MAXINT64, fields[i]))
        return FALSE;
      if (n && !is_null (n))
        s->present |= 1u << i;
    }
  return TRUE;
}

static gboolean
read_overview (Reader *r, Jv *o, BdxOverview *ov)
{
  if (!get_strings (r, o, "functions", TRUE, ov->functions)
      || !get_strings (r, o, "divisions", TRUE, ov->divisions)
      || !get_int (r, o, "subordinate_units", TRUE, TRUE, -1, 0,
                   &ov->subordinate_units))
    return FALSE;
  gboolean ok;
  Jv *staffing = get_object (r, o, "staffing", TRUE, &ok);
  if (!ok)
    return FALSE;
  memset (&ov->staffing, 0, sizeof ov->staffing);
  ov->staffing_present = staffing != NULL;
  if (!staffing)
    return TRUE;
  push_key (r, "staffing");
  ok = read_staffing (r, staffing, &ov->staffing);
  pop (r);
  return ok;
}

/* Recursion is bounded by the syntax check's depth limit. */
static gboolean
read_outline (Reader *r, Jv *a, GPtrArray *out)
{
  for (guint i = 0; i < json_object_array_length (a); i++)
    {
      push_index (r, i);
      Jv *o = element_object (r, a, i);
      if (!o)
        return FALSE;
      g_autofree char *heading = NULL;
      int level = 0, page = 0;
      gboolean ok;
      if (!get_string (r, o, "heading", TRUE, &heading)
          || !get_int (r, o, "level", TRUE, FALSE, 0, 0, &level)
          || !get_int (r, o, "page", TRUE, FALSE, 0, 0, &page))
        return FALSE;
      BdxOutlineNode *node = bdx_outline_node_new (heading, level, page);
      g_ptr_array_add (out, node);
      Jv *children = get_array (r, o, "children", TRUE, &ok);
      if (!children)
        return FALSE;
      push_key (r, "children");
      if (!read_outline (r, children, node->children))
        return FALSE;
      pop (r);
      pop (r);
    }
  return TRUE;
}

static gboolean
read_column (Reader *r, Jv *o, BdxTable *t)
{
  g_autofree char *id = NULL;
  g_autofree char *header = NULL;
  BdxSide side;
  int panel = 0;
  if (!get_string (r, o, "id", TRUE, &id)
      || !get_string (r, o, "header", TRUE, &header) || !get_side (r, o, &side)
      || !get_int (r, o, "panel", FALSE, TRUE, 0, 1, &panel))
    return FALSE;
  BdxColumn *c = bdx_column_new (id, header, side);
  c->panel = panel;
  g_ptr_array_add (t->columns, c);
  return TRUE;
}

/* A row's "ocr" marks (extension). */
static gboolean
read_ocr_marks (Reader *r, Jv *o, BdxRow *row)
{
  gboolean ok;
  Jv *marks = get_array (r, o, "ocr", FALSE, &ok);
  if (marks == NULL)
    return ok;
  static const char *const fields[] = { "values", "code", "name", "project",
                                        NULL };
  push_key (r, "ocr");
  for (guint i = 0; i < json_object_array_length (marks); i++)
    {
      push_index (r, i);
      Jv *m = element_object (r, marks, i);
      g_autofree char *field = NULL, *read = NULL;
      int index = 0, confidence = -1;
      gboolean repaired = FALSE;
      if (m == NULL || !get_string (r, m, "field", TRUE, &field)
          || !get_string (r, m, "read", TRUE, &read)
          || !get_int (r, m, "confidence", TRUE, TRUE, -1, 0, &confidence)
          || !get_bool (r, m, "repaired", &repaired))
        return FALSE;
      if (field == NULL || !g_strv_contains (fields, field))
        return fail (r, "field", BDX_ERROR_FORMAT, "unknown field '%s'",
                     field ? field : "null");
      if (read == NULL)
        return fail (r, "read", BDX_ERROR_FORMAT, "expected a string, got null");
      if (confidence > 100)
        return fail (r, "confidence", BDX_ERROR_FORMAT,
                     "%d is not a percentage", confidence);
      if (strcmp (field, "values") == 0)
        {
          if (!get_int (r, m, "index", TRUE, FALSE, 0, 0, &index))
            return FALSE;
        }
      else
        index = strcmp (field, "code") == 0   ? BDX_OCR_FIELD_CODE
                : strcmp (field, "name") == 0 ? BDX_OCR_FIELD_NAME
                                              : BDX_OCR_FIELD_PROJECT;
      bdx_row_add_ocr_mark (row, index, read, confidence, repaired);
      pop (r);
    }
  pop (r);
  return TRUE;
}

static gboolean
read_row (Reader *r, Jv *o, BdxRow *row)
{
  if (!get_row_kind (r, o, &row->kind)
      || !get_string (r, o, "code", TRUE, &row->code)
      || !get_int (r, o, "level", TRUE, TRUE, 0, 1, &row->level)
      || !get_string (r, o, "name", TRUE, &row->name)
      || !get_string (r, o, "project", FALSE, &row->project)
      || !get_side (r, o, &row->side)
      || !get_int (r, o, "panel", FALSE, TRUE, 0, 1, &row->panel)
      || !get_int (r, o, "page", TRUE, FALSE, 0, 0, &row->page)
      || !read_ocr_marks (r, o, row))
    return FALSE;
  if (row->code
      && (!*row->code
          || strspn (row->code, "0123456789") != strlen (row->code)))
    return fail (r, "code", BDX_ERROR_FORMAT, "'%s' is not a digits-only code",
                 row->code);

  gboolean ok;
  Jv *values = get_array (r, o, "values", TRUE, &ok);
  if (!values)
    return FALSE;
  push_key (r, "values");
  for (guint i = 0; i < json_object_array_length (values); i++)
    {
      BdxMoney m;
      push_index (r, i);
      if (!money_from_node (r, jv_element (values, i), &m))
        return FALSE;
      g_array_append_val (row->values, m);
      pop (r);
    }
  pop (r);
  for (guint i = 0; row->ocr && i < row->ocr->len; i++)
    if (g_array_index (row->ocr, BdxOcrMark, i).field >= (int) row->values->len)
      return fail (r, "ocr", BDX_ERROR_FORMAT,
                   "a mark of value %d, of %u values",
                   g_array_index (row->ocr, BdxOcrMark, i).field,
                   row->values->len);
  return TRUE;
}

static gboolean
read_table (Reader *r, Jv *o, BdxTable *t)
{
  gboolean ok;
  if (!get_string (r, o, "id", TRUE, &t->id)
      || !get_int (r, o, "number", TRUE, TRUE, 0, 1, &t->number)
      || !get_string (r, o, "title", TRUE, &t->title)
      || !get_pages (r, o, "pages", t->pages)
      || !get_unit (r, o, "unit", &t->unit)
      || !get_string (r, o, "department", FALSE, &t->department)
      || !get_bool (r, o, "empty", &t->empty)
      || !get_string (r, o, "note", TRUE, &t->note))
    return FALSE;

  Jv *columns = get_array (r, o, "columns", TRUE, &ok);
  if (!columns)
    return FALSE;
  push_key (r, "columns");
  for (guint i = 0; i < json_object_array_length (columns); i++)
    {
      push_index (r, i);
      Jv *c = element_object (r, columns, i);
      if (!c || !read_column (r, c, t))
        return FALSE;
      pop (r);
    }
  pop (r);

  Jv *rows = get_array (r, o, "rows", TRUE, &ok);
  if (!rows)
    return FALSE;
  push_key (r, "rows");
  for (guint i = 0; i < json_object_array_length (rows); i++)
    {
      push_index (r, i);
      Jv *ro = element_object (r, rows, i);
      if (!ro)
        return FALSE;
      BdxRow *row = bdx_row_new ();
      g_ptr_array_add (t->rows, row);
      if (!read_row (r, ro, row))
        return FALSE;
      pop (r);
    }
  pop (r);

  return TRUE;
}

static gboolean
read_project (Reader *r, Jv *o, BdxProject *p)
{
  gboolean ok;
  if (!get_string (r, o, "name", TRUE, &p->name)
      || !get_money (r, o, "amount", &p->amount)
      || !get_string (r, o, "basis", TRUE, &p->basis)
      || !get_string (r, o, "owner", TRUE, &p->owner)
      || !get_int (r, o, "page", TRUE, FALSE, 0, 0, &p->page))
    return FALSE;

  Jv *allocation = get_array (r, o, "allocation", TRUE, &ok);
  if (!allocation)
    return FALSE;
  push_key (r, "allocation");
  for (guint i = 0; i < json_object_array_length (allocation); i++)
    {
      push_index (r, i);
      Jv *ao = element_object (r, allocation, i);
      if (!ao)
        return FALSE;
      g_autofree char *item = NULL;
      BdxMoney amount;
      if (!get_string (r, ao, "item", TRUE, &item)
          || !get_money (r, ao, "amount", &amount))
        return FALSE;
      g_ptr_array_add (p->allocation, bdx_allocation_new (item, amount));
      pop (r);
    }
  pop (r);

  Jv *period = get_object (r, o, "period", TRUE, &ok);
  if (!ok)
    return FALSE;
  if (period)
    {
      push_key (r, "period");
      if (!get_date (r, period, "start", &p->period_start)
          || !get_date (r, period, "end", &p->period_end))
        return FALSE;
      pop (r);
    }
  return TRUE;
}

static const char *const op_names[] = { "=", ">=", "<=", ">", "<", NULL };
static const char *const scope_names[] = { "department", "project", NULL };

static gboolean
read_indicator (Reader *r, Jv *o, BdxIndicator *i)
{
  return get_string (r, o, "level1", TRUE, &i->level1)
         && get_string (r, o, "level2", TRUE, &i->level2)
         && get_string (r, o, "name", TRUE, &i->name)
         && get_string (r, o, "target", TRUE, &i->target)
         && get_enum_string (r, o, "op", TRUE, op_names, &i->op)
         && get_decimal (r, o, "value", TRUE, &i->value)
         && get_string (r, o, "unit", TRUE, &i->unit)
         && get_string (r, o, "basis", TRUE, &i->basis)
         && get_string (r, o, "previous", TRUE, &i->previous)
         && get_int (r, o, "weight", TRUE, TRUE, -1, 0, &i->weight)
         && get_string (r, o, "scoring", TRUE, &i->scoring)
         && get_string (r, o, "evidence", TRUE, &i->evidence);
}

static gboolean
read_performance (Reader *r, Jv *o, BdxPerformance *p)
{
  gboolean ok;
  if (!get_enum_string (r, o, "scope", FALSE, scope_names, &p->scope)
      || !get_string (r, o, "project", TRUE, &p->project)
      || !get_string (r, o, "department", TRUE, &p->department)
      || !get_string (r, o, "manager", TRUE, &p->manager)
      || !get_string (r, o, "goal", TRUE, &p->goal)
      || !get_pages (r, o, "pages", p->pages))
    return FALSE;

  Jv *funds = get_object (r, o, "funds", FALSE, &ok);
  if (!funds)
    return FALSE;
  push_key (r, "funds");
  if (!get_money (r, funds, "total", &p->funds_total)
      || !get_money (r, funds, "fiscal", &p->funds_fiscal)
      || !get_money (r, funds, "other", &p->funds_other))
    return FALSE;
  pop (r);

  Jv *indicators = get_array (r, o, "indicators", TRUE, &ok);
  if (!indicators)
    return FALSE;
  push_key (r, "indicators");
  for (guint i = 0; i < json_object_array_length (indicators); i++)
    {
      push_index (r, i);
      Jv *io = element_object (r, indicators, i);
      if (!io)
        return FALSE;
      BdxIndicator *ind = bdx_indicator_new ();
      g_ptr_array_add (p->indicators, ind);
      if (!read_indicator (r, io, ind))
        return FALSE;
      pop (r);
    }
  pop (r);
  return TRUE;
}

static gboolean
read_fact (Reader *r, Jv *o, BdxFact *f)
{
  f->count = -1;
  if (!get_money (r, o, "value", &f->value)
      || !get_int64 (r, o, "count", FALSE, TRUE, -1, 0, G_MAXINT64, &f->count)
      || !get_decimal (r, o, "share", FALSE, &f->share)
      || !get_string (r, o, "text", TRUE, &f->text)
      || !get_int (r, o, "page", TRUE, FALSE, 0, 0, &f->page))
    return FALSE;
  return TRUE;
}

static gboolean
read_check (Reader *r, Jv *o, BdxCheck *c)
{
  return get_string (r, o, "table", TRUE, &c->table)
         && get_string (r, o, "row", TRUE, &c->row)
         && get_string (r, o, "column", TRUE, &c->column)
         && get_status (r, o, &c->status)
         && get_int64 (r, o, "expected", TRUE, FALSE, 0, G_MININT64, G_MAXINT64,
                       &c->expected)
         && get_int64 (r, o, "actual", TRUE, FALSE, 0, G_MININT64, G_MAXINT64,
                       &c->actual)
         && get_int64 (r, o, "tolerance", TRUE, FALSE, 0, 0, G_MAXINT64,
                       &c->tolerance)
         && get_string (r, o, "message", TRUE, &c->message);
}

static gboolean
read_validation (Reader *r, Jv *o, GPtrArray *checks)
{
  static const char *const count_keys[]
      = { "passed", "within_rounding", "failed" };
  gint64 total = 0, counts[3] = { 0, 0, 0 }, found[3] = { 0, 0, 0 };
  if (!get_int64 (r, o, "checks", TRUE, FALSE, 0, 0, G_MAXINT64, &total))
    return FALSE;
  for (int i = 0; i < 3; i++)
    if (!get_int64 (r, o, count_keys[i], TRUE, FALSE, 0, 0, G_MAXINT64,
                    &counts[i]))
      return FALSE;

  gboolean ok;
  Jv *results = get_array (r, o, "results", TRUE, &ok);
  if (!results)
    return FALSE;
  push_key (r, "results");
  for (guint i = 0; i < json_object_array_length (results); i++)
    {
      push_index (r, i);
      Jv *co = element_object (r, results, i);
      if (!co)
        return FALSE;
      g_autofree char *id = NULL;
      if (!get_text (r, co, "id", &id))
        return FALSE;
      BdxCheck *c = bdx_check_new (id);
      g_ptr_array_add (checks, c);
      if (!read_check (r, co, c))
        return FALSE;
      found[c->status]++;
      pop (r);
    }
  pop (r);

  if (total != (gint64)checks->len)
    return fail (r, "checks", BDX_ERROR_FORMAT,
                 "%" G_GINT64_FORMAT " does not match the %u results", total,
                 checks->len);
  for (int i = 0; i < 3; i++)
    if (counts[i] != found[i])
      return fail (r, count_keys[i], BDX_ERROR_FORMAT,
                   "%" G_GINT64_FORMAT
                   " does not match the results (%" G_GINT64_FORMAT ")",
                   counts[i], found[i]);
  return TRUE;
}

/* Each element of the array `key` of `o`, as an object, to `read_one`. */
typedef gboolean (*ReadOne) (Reader *r, Jv *o, BdxDisclosure *d);

static gboolean
read_each (Reader *r, Jv *o, const char *key, ReadOne read_one,
           BdxDisclosure *d)
{
  gboolean ok;
  Jv *a = get_array (r, o, key, TRUE, &ok);
  if (!a)
    return FALSE;
  push_key (r, key);
  for (guint i = 0; i < json_object_array_length (a); i++)
    {
      push_index (r, i);
      Jv *e = element_object (r, a, i);
      if (!e || !read_one (r, e, d))
        return FALSE;
      pop (r);
    }
  pop (r);
  return TRUE;
}

static gboolean
read_one_table (Reader *r, Jv *o, BdxDisclosure *d)
{
  BdxTable *t = bdx_table_new ();
  g_ptr_array_add (d->tables, t);
  return read_table (r, o, t);
}

static gboolean
read_one_project (Reader *r, Jv *o, BdxDisclosure *d)
{
  BdxProject *p = bdx_project_new ();
  g_ptr_array_add (d->projects, p);
  return read_project (r, o, p);
}

static gboolean
read_one_performance (Reader *r, Jv *o, BdxDisclosure *d)
{
  BdxPerformance *p = bdx_performance_new ();
  g_ptr_array_add (d->performance, p);
  return read_performance (r, o, p);
}

static gboolean
read_one_fact (Reader *r, Jv *o, BdxDisclosure *d)
{
  g_autofree char *key = NULL;
  if (!get_text (r, o, "key", &key))
    return FALSE;
  BdxFact *f = bdx_fact_new (key);
  g_ptr_array_add (d->facts, f);
  return read_fact (r, o, f);
}

/* Reads member `key` of `o` as an object with `read_part`. */
typedef gboolean (*ReadPart) (Reader *r, Jv *o, BdxDisclosure *d);

static gboolean
read_part (Reader *r, Jv *o, const char *key, ReadPart read,
           BdxDisclosure *d)
{
  gboolean ok;
  Jv *part = get_object (r, o, key, FALSE, &ok);
  if (!part)
    return FALSE;
  push_key (r, key);
  ok = read (r, part, d);
  pop (r);
  return ok;
}

static gboolean
read_part_source (Reader *r, Jv *o, BdxDisclosure *d)
{
  return read_source (r, o, &d->source);
}

static gboolean
read_part_overview (Reader *r, Jv *o, BdxDisclosure *d)
{
  return read_overview (r, o, &d->overview);
}

static gboolean
read_part_validation (Reader *r, Jv *o, BdxDisclosure *d)
{
  return read_validation (r, o, d->checks);
}

/* The template fingerprint (an extension: may be missing). */
static gboolean
read_template (Reader *r, Jv *o, BdxDisclosure *d)
{
  gboolean ok = TRUE;
  if (jv_member (o, "template") == NULL)
    return TRUE;
  Jv *t = get_object (r, o, "template", TRUE, &ok);
  if (!t)
    return ok;
  push_key (r, "template");
  ok = get_string (r, t, "id", FALSE, &d->tmpl.id)
       && get_string (r, t, "patterns", FALSE, &d->tmpl.patterns)
       && get_strings (r, t, "tables", FALSE, d->tmpl.tables);
  pop (r);
  return ok;
}

static gboolean
read_disclosure (Reader *r, Jv *root, BdxDisclosure *d)
{
  if (!(jv_type (root) == json_type_object))
    return fail (r, NULL, BDX_ERROR_FORMAT, "expected an object, got %s",
                 type_name (root));
  Jv *o = root;

  g_autofree char *format = NULL;
  if (!get_text (r, o, "format", &format))
    return FALSE;
  if (strcmp (format, BDX_FORMAT) != 0)
    return fail (r, "format", BDX_ERROR_FORMAT, "expected '%s', got '%s'",
                 BDX_FORMAT, format);

  gboolean ok;
  if (!read_part (r, o, "source", read_part_source, d)
      || !read_part (r, o, "document", read_document, d)
      || !read_template (r, o, d)
      || !read_part (r, o, "overview", read_part_overview, d))
    return FALSE;

  Jv *outline = get_array (r, o, "outline", TRUE, &ok);
  if (!outline)
    return FALSE;
  push_key (r, "outline");
  if (!read_outline (r, outline, d->outline))
    return FALSE;
  pop (r);

  return read_each (r, o, "tables", read_one_table, d)
         && read_each (r, o, "projects", read_one_project, d)
         && read_each (r, o, "performance", read_one_performance, d)
         && read_each (r, o, "facts", read_one_fact, d)
         && read_part (r, o, "validation", read_part_validation, d)
         && get_strings (r, o, "notices", FALSE, d->notices);
}

BdxDisclosure *
bdx_disclosure_from_json (const char *data, gssize len, GError **error)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  gsize size = len < 0 ? strlen (data) : (gsize)len;
  if (size > BDX_JSON_MAX_SIZE)
    {
      g_set_error (error, BDX_ERROR, BDX_ERROR_LIMIT,
                   "JSON text is larger than %" G_GSIZE_FORMAT " bytes",
                   BDX_JSON_MAX_SIZE);
      return NULL;
    }
  if (!check_syntax (data, size, error))
    return NULL;

  /* json-c: strict RFC 8259 (as checked), 64-bit integers kept exact. */
  struct json_tokener *tok = json_tokener_new_ex (BDX_JSON_MAX_DEPTH + 1);
  if (tok == NULL)
    g_error ("out of memory");
  json_tokener_set_flags (tok, JSON_TOKENER_STRICT);
  Jv *root = json_tokener_parse_ex (tok, data, (int)size);
  enum json_tokener_error jerr = json_tokener_get_error (tok);
  json_tokener_free (tok);
  if (jerr != json_tokener_success)
    {
      /* Not expected after check_syntax; kept as a safety net. */
      json_object_put (root);
      g_set_error (error, BDX_ERROR, BDX_ERROR_FORMAT, "invalid JSON: %s",
                   json_tokener_error_desc (jerr));
      return NULL;
    }

  g_autoptr (BdxDisclosure) d = bdx_disclosure_new ();
  g_autoptr (GArray) path = g_array_new (FALSE, FALSE, sizeof (Segment));
  Reader r = { path, error };
  gboolean ok = read_disclosure (&r, root ? root : JV_NULL, d);
  json_object_put (root);
  if (!ok)
    return NULL;
  infer_decimals (d);
  return g_steal_pointer (&d);
}

/* Reads all of `fd` up to BDX_JSON_MAX_SIZE bytes. */
static GString *
read_fd (int fd, const char *name, GError **error)
{
  g_autoptr (GString) buf = g_string_sized_new (64 * 1024);
  char chunk[64 * 1024];
  for (;;)
    {
      ssize_t n = read (fd, chunk, sizeof chunk);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;
          g_set_error (error, BDX_ERROR, BDX_ERROR_IO, "cannot read %s: %s",
                       name, g_strerror (saved));
          return NULL;
        }
      if (n == 0)
        break;
      if (buf->len + (gsize)n > BDX_JSON_MAX_SIZE)
        {
          g_set_error (error, BDX_ERROR, BDX_ERROR_LIMIT,
                       "cannot read %s: larger than %" G_GSIZE_FORMAT " bytes",
                       name, BDX_JSON_MAX_SIZE);
          return NULL;
        }
      g_string_append_len (buf, chunk, n);
    }
  return g_steal_pointer (&buf);
}

BdxDisclosure *
bdx_disclosure_load (const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  gboolean is_stdin = strcmp (path, "-") == 0;
  g_autofree char *name
      = is_stdin ? g_strdup ("standard input") : g_strdup_printf ("'%s'", path);
  int fd = is_stdin ? STDIN_FILENO : g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, BDX_ERROR, BDX_ERROR_IO, "cannot read %s: %s", name,
                   g_strerror (saved));
      return NULL;
    }
  g_autoptr (GString) text = read_fd (fd, name, error);
  if (!is_stdin)
    (void)close (fd);
  if (!text)
    return NULL;

  BdxDisclosure *d
      = bdx_disclosure_from_json (text->str, (gssize)text->len, error);
  if (!d)
    g_prefix_error (error, "%s: ", is_stdin ? "<stdin>" : path);
  return d;
}
