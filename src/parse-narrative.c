/* bdx — parse stage, narrative: the overview, the project descriptions
 * and the numbers the text states, from the segments' paragraphs.
 *
 * All wording is in patterns/narrative.pat ([overview], [project],
 * [facts] and one [fact.KEY] section per fact key); this file only walks
 * paragraphs and reads named groups.  Every text kept is "tidied": the
 * spaces that line wrapping left in it are dropped unless they stand
 * between two ASCII letters or digits.
 *
 * The algorithm
 * 1. Functions: the first paragraph matching functions_heading opens
 *    them.  The first paragraph after it that starts like a
 *    function_item fixes the numbering style; from there each paragraph
 *    in that style is one item, or several when an item starts again
 *    right after a function_break ("…实施。(二)…").  An item is kept
 *    without its number.  A paragraph in no style continues the last
 *    item when that did not end a sentence, and otherwise ends the list,
 *    as do a heading, a number seen before (a page printed twice) and
 *    more than three paragraphs before the first item.
 * 2. Divisions, subordinate units, staffing: the first paragraph that
 *    matches.  The divisions list is split at division_separator outside
 *    parentheses ("大厅管理科(效能科)" stays whole); a printed count that
 *    differs from the list is a notice.  Staffing fields are read from
 *    the first paragraph matching staffing_paragraph; only those found
 *    are marked present.
 * 3. Projects: in paragraphs under a heading matching [project]
 *    in_section, `name` opens a project and each `field.F` starts field
 *    F with the text after the match; other paragraphs continue the
 *    current field (joined without a separator: they are wrapped lines);
 *    a heading ends it.  Then the fields are read: the amount and each
 *    allocation item in the unit printed beside it, the period as ISO
 *    dates.
 *
 *        (一)项目名称:X            → name
 *        设立的政策依据:……          → basis ┐ one field, over
 *        ……(wrapped on)             →       ┘ two paragraphs
 *        预算安排规模:62.40万元      → amount
 *
 * 4. Facts: for each [fact.KEY] section, paragraphs in document order
 *    that pass its heading filters are searched with its `text` regexes
 *    (`anywhere` regexes skip the filters; `not` excludes a paragraph).
 *    Without `each = yes` the earliest match of the first paragraph that
 *    matches is the fact; with it every match is.  A key ending in .CODE
 *    names a classification: its name (with its 类 and 款 names when
 *    printed) is looked up in the general_budget_expenditure table, then
 *    in expenditure_summary (in final accounts, the final_ tables of the
 *    same meaning) — exactly, then after removing name_ignore
 *    from both names, then as a prefix — and must give one code; when it
 *    does not, a notice says so and the fact is left out (or, with
 *    [facts] unknown_code = name, keyed by the name instead).
 *    Finally the facts are sorted into document order, the first of each
 *    key kept, and keys the disclosure already had are left alone.
 */
#include "bdx/parse.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "bdx/error.h"
#include "bdx/text.h"

/* Paragraphs skipped between the functions heading and its first item
 * (an introduction such as "主要职责是:") before giving up. */
#define MAX_INTRO_PARAGRAPHS 3

typedef struct
{
  const BdxSegments *s;
  const BdxPatterns *p;
  BdxDisclosure *d;
} Ctx;

static void notice (BdxDisclosure *d, const char *fmt, ...)
    G_GNUC_PRINTF (2, 3);

static void
notice (BdxDisclosure *d, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  g_ptr_array_add (d->notices, g_strdup_vprintf (fmt, ap));
  va_end (ap);
}

static const BdxParagraph *
para (const Ctx *cx, guint i)
{
  return g_ptr_array_index (cx->s->paragraphs, i);
}

static gboolean
omatch (const Ctx *cx, const char *key, const char *text, BdxMatch **m)
{
  return bdx_patterns_match_first (cx->p, "overview", key, text, m) != NULL;
}

/* ---- Text helpers ------------------------------------------------------ */

static gboolean
ascii_word (char c)
{
  return g_ascii_isalnum (c);
}

/* text[0, len) without the spaces line wrapping left: a space stays only
 * between two ASCII letters or digits.  The ends are trimmed. */
static char *
tidy (const char *text, gssize len)
{
  if (len < 0)
    len = strlen (text);
  GString *out = g_string_sized_new (len);
  for (gssize i = 0; i < len; i++)
    {
      char c = text[i];
      if (c == ' ')
        {
          if (out->len > 0 && i + 1 < len && ascii_word (out->str[out->len - 1])
              && ascii_word (text[i + 1]))
            g_string_append_c (out, ' ');
          continue;
        }
      g_string_append_c (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Removes every match of the section's `key` entries from s, in place. */
static void
strip_matches (const BdxPatterns *p, const char *section, const char *key,
               char *s)
{
  const GPtrArray *entries = bdx_patterns_entries (p, section);
  for (guint i = 0; entries && i < entries->len; i++)
    {
      const BdxPattern *e = g_ptr_array_index (entries, i);
      if (strcmp (bdx_pattern_key (e), key) != 0)
        continue;
      g_autoptr (GPtrArray) all = bdx_pattern_match_all (e, s, -1);
      /* Right to left, so that earlier offsets stay valid. */
      for (guint k = all->len; k-- > 0;)
        {
          gssize st, en;
          bdx_match_offsets (g_ptr_array_index (all, k), 0, &st, &en);
          if (st >= 0 && en > st)
            memmove (s + st, s + en, strlen (s + en) + 1);
        }
    }
}

/* A whole number as printed: digits with optional thousands separators
 * and decimals that are all zero ("0.00" is 0).  FALSE otherwise. */
static gboolean
parse_count (const char *text, gint64 *out)
{
  gint64 n = 0;
  const char *t = text;
  if (t == NULL || !g_ascii_isdigit (*t))
    return FALSE;
  for (; *t && *t != '.'; t++)
    {
      if (*t == ',')
        continue;
      if (!g_ascii_isdigit (*t) || n > (G_MAXINT64 - 9) / 10)
        return FALSE;
      n = n * 10 + (*t - '0');
    }
  if (*t == '.')
    for (t++; *t; t++)
      if (*t != '0')
        return FALSE;
  *out = n;
  return TRUE;
}

/* The amount of a match: groups `amount` and `unit` (or the fallback
 * unit).  FALSE with a notice when it is printed but unreadable; a
 * match without an amount leaves *out blank and returns TRUE. */
static gboolean
match_money (Ctx *cx, const BdxMatch *m, BdxUnit fallback, const char *what,
             BdxMoney *out)
{
  *out = BDX_MONEY_BLANK;
  g_autofree char *amount = bdx_match_named (m, "amount");
  if (amount == NULL)
    return TRUE;
  g_autofree char *uname = bdx_match_named (m, "unit");
  BdxUnit unit = uname ? bdx_unit_from_name (uname) : fallback;
  if (unit == BDX_UNIT_UNKNOWN)
    {
      notice (cx->d, "%s: no unit for the amount '%s'; not read", what, amount);
      return FALSE;
    }
  g_autoptr (GError) err = NULL;
  if (!bdx_money_parse (amount, unit, out, &err))
    {
      notice (cx->d, "%s: '%s' is not an amount: %s", what, amount,
              err->message);
      return FALSE;
    }
  return TRUE;
}

/* ---- Heading filters --------------------------------------------------- */

/* Of the entries of `key` (each a regex on subject): -1 none exists,
 * 1 one matches, 0 none matches. */
static int
filter (const GPtrArray *entries, const char *key, const char *subject)
{
  int result = -1;
  for (guint i = 0; entries && i < entries->len; i++)
    {
      const BdxPattern *e = g_ptr_array_index (entries, i);
      if (strcmp (bdx_pattern_key (e), key) != 0)
        continue;
      result = 0;
      if (subject && bdx_pattern_match (e, subject, -1, NULL))
        return 1;
    }
  return result;
}

/* Does q pass the section's in_section / in_subsection / in_heading? */
static gboolean
headings_pass (const GPtrArray *entries, const BdxParagraph *q)
{
  if (filter (entries, "in_section", q->section) == 0)
    return FALSE;
  if (filter (entries, "in_subsection", q->subsection) == 0)
    return FALSE;
  if (filter (entries, "in_heading", q->section) == 0
      && filter (entries, "in_heading", q->subsection) != 1)
    return FALSE;
  return TRUE;
}

/* ---- 1. Functions ------------------------------------------------------ */

typedef struct
{
  const Ctx *cx;
  const BdxPattern *style;
  GHashTable *seen; /* item numbers, as printed */
  GPtrArray *items; /* of char*, owned by the overview */
  gboolean done;
} Functions;

static gboolean
ends_sentence (const Ctx *cx, const char *text)
{
  return omatch (cx, "sentence_end", text, NULL);
}

/* Splits a paragraph that starts in the list's style into its items. */
static void
add_items (Functions *f, const char *text)
{
  const Ctx *cx = f->cx;
  /* Starts of items: offset 0, and after each break where the style
   * matches again. */
  g_autoptr (GArray) starts = g_array_new (FALSE, FALSE, sizeof (gssize));
  gssize zero = 0;
  g_array_append_val (starts, zero);
  const GPtrArray *entries = bdx_patterns_entries (cx->p, "overview");
  for (guint i = 0; entries && i < entries->len; i++)
    {
      const BdxPattern *e = g_ptr_array_index (entries, i);
      if (strcmp (bdx_pattern_key (e), "function_break") != 0)
        continue;
      g_autoptr (GPtrArray) all = bdx_pattern_match_all (e, text, -1);
      for (guint k = 0; k < all->len; k++)
        {
          gssize en;
          bdx_match_offsets (g_ptr_array_index (all, k), 0, NULL, &en);
          if (en > 0 && text[en] != '\0'
              && bdx_pattern_match (f->style, text + en, -1, NULL))
            g_array_append_val (starts, en);
        }
    }
  /* Breaks from several function_break entries: keep them ascending. */
  for (guint i = 1; i < starts->len; i++)
    for (guint j = i; j > 0
                      && g_array_index (starts, gssize, j - 1)
                             > g_array_index (starts, gssize, j);
         j--)
      {
        gssize t = g_array_index (starts, gssize, j);
        g_array_index (starts, gssize, j)
            = g_array_index (starts, gssize, j - 1);
        g_array_index (starts, gssize, j - 1) = t;
      }

  gssize total = strlen (text);
  for (guint i = 0; i < starts->len && !f->done; i++)
    {
      gssize st = g_array_index (starts, gssize, i);
      gssize en
          = i + 1 < starts->len ? g_array_index (starts, gssize, i + 1) : total;
      if (i > 0 && st == g_array_index (starts, gssize, i - 1))
        continue;
      g_autofree char *piece = g_strndup (text + st, en - st);
      g_autoptr (BdxMatch) m = NULL;
      if (!bdx_pattern_match (f->style, piece, -1, &m))
        continue;
      g_autofree char *n = bdx_match_named (m, "n");
      if (n == NULL)
        n = bdx_match_group (m, 0);
      if (g_hash_table_contains (f->seen, n))
        {
          /* The list starts over: a page printed twice. */
          f->done = TRUE;
          break;
        }
      gssize mend;
      bdx_match_offsets (m, 0, NULL, &mend);
      char *item = tidy (piece + mend, -1);
      if (*item == '\0')
        {
          g_free (item);
          continue;
        }
      g_hash_table_add (f->seen, g_steal_pointer (&n));
      g_ptr_array_add (f->items, item);
    }
}

static void
parse_functions (Ctx *cx)
{
  GPtrArray *paras = cx->s->paragraphs;
  guint i;
  for (i = 0; i < paras->len; i++)
    if (omatch (cx, "functions_heading", para (cx, i)->text, NULL))
      break;
  if (i == paras->len)
    return;

  g_autoptr (GHashTable) seen
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Functions f = { cx, NULL, seen, cx->d->overview.functions, FALSE };
  guint first = f.items->len;
  int intro = 0;
  /* A heading as high as the functions heading (or, when that is not a
   * heading, any of levels 1 and 2) is the next part, not an item. */
  int stop_level
      = para (cx, i)->heading_level > 0 ? para (cx, i)->heading_level : 2;
  for (guint k = i + 1; k < paras->len && !f.done; k++)
    {
      const BdxParagraph *q = para (cx, k);
      const BdxPattern *e = NULL;
      if (q->heading_level > 0 && q->heading_level <= stop_level)
        break;
      if (f.style == NULL)
        e = bdx_patterns_match_first (cx->p, "overview", "function_item",
                                      q->text, NULL);
      else if (bdx_pattern_match (f.style, q->text, -1, NULL))
        e = f.style;
      if (e != NULL)
        {
          f.style = e;
          add_items (&f, q->text);
          continue;
        }
      if (q->heading_level > 0)
        break;
      if (f.items->len == first)
        {
          if (++intro > MAX_INTRO_PARAGRAPHS)
            break;
          continue;
        }
      /* A wrapped item split into two paragraphs. */
      char **last = (char **)&g_ptr_array_index (f.items, f.items->len - 1);
      if (ends_sentence (cx, *last))
        break;
      g_autofree char *more = tidy (q->text, -1);
      char *joined = g_strconcat (*last, more, NULL);
      g_free (*last);
      *last = joined;
    }
}

/* ---- 2. Divisions, subordinate units, staffing ------------------------- */

/* Is the character at s (one UTF-8 character) a division separator? */
static gboolean
is_separator (const Ctx *cx, const char *s)
{
  const char *next = g_utf8_next_char (s);
  g_autofree char *c = g_strndup (s, next - s);
  return omatch (cx, "division_separator", c, NULL);
}

static void
add_division (Ctx *cx, const char *start, gssize len)
{
  char *name = tidy (start, len);
  strip_matches (cx->p, "overview", "division_strip", name);
  g_strstrip (name);
  if (*name)
    g_ptr_array_add (cx->d->overview.divisions, name);
  else
    g_free (name);
}

static void
parse_divisions (Ctx *cx)
{
  for (guint i = 0; i < cx->s->paragraphs->len; i++)
    {
      const BdxParagraph *q = para (cx, i);
      g_autoptr (BdxMatch) m = NULL;
      if (!omatch (cx, "divisions", q->text, &m))
        continue;
      g_autofree char *list = bdx_match_named (m, "list");
      if (list == NULL)
        return;
      /* Split outside parentheses. */
      int depth = 0;
      const char *start = list;
      guint before = cx->d->overview.divisions->len;
      for (const char *t = list; *t; t = g_utf8_next_char (t))
        {
          if (*t == '(')
            depth++;
          else if (*t == ')' && depth > 0)
            depth--;
          else if (depth == 0 && is_separator (cx, t))
            {
              add_division (cx, start, t - start);
              start = g_utf8_next_char (t);
            }
        }
      add_division (cx, start, -1);
      g_autofree char *count = bdx_match_named (m, "count");
      gint64 n;
      guint got = cx->d->overview.divisions->len - before;
      if (count && parse_count (count, &n) && n != (gint64)got)
        notice (cx->d,
                "page %d: %" G_GINT64_FORMAT " divisions announced, "
                "%u listed",
                q->page, n, got);
      return;
    }
}

static void
parse_subordinate (Ctx *cx)
{
  for (guint i = 0; i < cx->s->paragraphs->len; i++)
    {
      const BdxParagraph *q = para (cx, i);
      if (omatch (cx, "subordinate_none", q->text, NULL))
        {
          cx->d->overview.subordinate_units = 0;
          return;
        }
      g_autoptr (BdxMatch) m = NULL;
      if (omatch (cx, "subordinate", q->text, &m))
        {
          g_autofree char *count = bdx_match_named (m, "count");
          gint64 n;
          if (count && parse_count (count, &n) && n <= G_MAXINT)
            cx->d->overview.subordinate_units = (int)n;
          return;
        }
    }
}

/* The staffing fields, in the order of BdxStaffing.present's bits. */
static const char *const staffing_fields[] = {
  "authorized",       "actual",
  "in_service",       "retired",
  "retired_cadre",    "in_service_increase",
  "retired_increase", "retired_cadre_increase",
};

static gint64 *
staffing_slot (BdxStaffing *st, guint i)
{
  gint64 *slots[] = {
    &st->authorized,       &st->actual,
    &st->in_service,       &st->retired,
    &st->retired_cadre,    &st->in_service_increase,
    &st->retired_increase, &st->retired_cadre_increase,
  };
  return slots[i];
}

static void
parse_staffing (Ctx *cx)
{
  for (guint i = 0; i < cx->s->paragraphs->len; i++)
    {
      const BdxParagraph *q = para (cx, i);
      if (!omatch (cx, "staffing_paragraph", q->text, NULL))
        continue;
      BdxStaffing *st = &cx->d->overview.staffing;
      for (guint f = 0; f < G_N_ELEMENTS (staffing_fields); f++)
        {
          g_autofree char *key
              = g_strconcat ("staffing.", staffing_fields[f], NULL);
          g_autoptr (BdxMatch) m = NULL;
          if (!omatch (cx, key, q->text, &m))
            continue;
          g_autofree char *count = bdx_match_named (m, "count");
          g_autofree char *decrease = bdx_match_named (m, "decrease");
          gint64 n;
          if (count && parse_count (count, &n))
            *staffing_slot (st, f) = n;
          else if (decrease && parse_count (decrease, &n))
            *staffing_slot (st, f) = -n;
          else
            continue;
          st->present |= 1u << f;
        }
      cx->d->overview.staffing_present = st->present != 0;
      return;
    }
}

/* ---- 3. Projects ------------------------------------------------------- */

typedef enum
{
  FIELD_NONE = -1,
  FIELD_BASIS,
  FIELD_AMOUNT,
  FIELD_OWNER,
  FIELD_ALLOCATION,
  FIELD_PERIOD,
  N_FIELDS
} Field;

static const char *const field_names[N_FIELDS] = {
  "basis", "amount", "owner", "allocation", "period",
};

typedef struct
{
  char *name;
  int page;
  GString *fields[N_FIELDS];
} Draft;

static void
draft_clear (Draft *dr)
{
  g_clear_pointer (&dr->name, g_free);
  for (int f = 0; f < N_FIELDS; f++)
    if (dr->fields[f])
      {
        g_string_free (dr->fields[f], TRUE);
        dr->fields[f] = NULL;
      }
}

static gboolean
pmatch (const Ctx *cx, const char *key, const char *text, BdxMatch **m)
{
  return bdx_patterns_match_first (cx->p, "project", key, text, m) != NULL;
}

static char *
iso_date (const BdxMatch *m, const char *y, const char *mo, const char *da)
{
  g_autofree char *ys = bdx_match_named (m, y);
  g_autofree char *ms = bdx_match_named (m, mo);
  g_autofree char *ds = bdx_match_named (m, da);
  if (!ys || !ms || !ds)
    return NULL;
  int yy = atoi (ys), mm = atoi (ms), dd = atoi (ds);
  if (!g_date_valid_dmy (dd, mm, yy))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", yy, mm, dd);
}

static void
finish_project (Ctx *cx, Draft *dr)
{
  if (dr->name == NULL)
    {
      draft_clear (dr);
      return;
    }
  BdxProject *pr = bdx_project_new ();
  pr->name = g_steal_pointer (&dr->name);
  pr->page = dr->page;
  g_autofree char *what = g_strdup_printf ("project '%s'", pr->name);
  GString **fl = dr->fields;

  if (fl[FIELD_BASIS])
    pr->basis = tidy (fl[FIELD_BASIS]->str, fl[FIELD_BASIS]->len);
  if (fl[FIELD_OWNER])
    {
      pr->owner = tidy (fl[FIELD_OWNER]->str, fl[FIELD_OWNER]->len);
      strip_matches (cx->p, "project", "owner_strip", pr->owner);
    }
  BdxUnit unit = cx->d->unit;
  if (fl[FIELD_AMOUNT])
    {
      g_autofree char *t = tidy (fl[FIELD_AMOUNT]->str, fl[FIELD_AMOUNT]->len);
      g_autoptr (BdxMatch) m = NULL;
      if (pmatch (cx, "amount", t, &m))
        {
          match_money (cx, m, unit, what, &pr->amount);
          g_autofree char *u = bdx_match_named (m, "unit");
          if (u && bdx_unit_from_name (u) != BDX_UNIT_UNKNOWN)
            unit = bdx_unit_from_name (u);
        }
      else
        notice (cx->d, "%s: page %d: amount '%s' not read", pr->name, pr->page,
                t);
    }
  if (fl[FIELD_ALLOCATION])
    {
      g_autofree char *t
          = tidy (fl[FIELD_ALLOCATION]->str, fl[FIELD_ALLOCATION]->len);
      const BdxPattern *e
          = bdx_patterns_lookup (cx->p, "project", "allocation_item");
      g_autoptr (GPtrArray) all
          = e ? bdx_pattern_match_all (e, t, -1) : g_ptr_array_new ();
      for (guint k = 0; k < all->len; k++)
        {
          const BdxMatch *m = g_ptr_array_index (all, k);
          g_autofree char *item = bdx_match_named (m, "name");
          BdxMoney amount;
          if (item == NULL || !match_money (cx, m, unit, what, &amount))
            continue;
          g_strstrip (item);
          g_ptr_array_add (pr->allocation, bdx_allocation_new (item, amount));
        }
      if (all->len == 0)
        notice (cx->d, "%s: page %d: allocation '%s' not read", pr->name,
                pr->page, t);
    }
  if (fl[FIELD_PERIOD])
    {
      g_autofree char *t = tidy (fl[FIELD_PERIOD]->str, fl[FIELD_PERIOD]->len);
      g_autoptr (BdxMatch) m = NULL;
      if (pmatch (cx, "period", t, &m))
        {
          pr->period_start = iso_date (m, "y1", "m1", "d1");
          pr->period_end = iso_date (m, "y2", "m2", "d2");
        }
      if (pr->period_start == NULL || pr->period_end == NULL)
        notice (cx->d, "%s: page %d: period '%s' not read", pr->name, pr->page,
                t);
    }
  g_ptr_array_add (cx->d->projects, pr);
  draft_clear (dr);
}

static void
parse_projects (Ctx *cx)
{
  const GPtrArray *entries = bdx_patterns_entries (cx->p, "project");
  if (entries == NULL)
    return;
  Draft dr = { 0 };
  Field cur = FIELD_NONE;
  for (guint i = 0; i < cx->s->paragraphs->len; i++)
    {
      const BdxParagraph *q = para (cx, i);
      if (!headings_pass (entries, q) || q->heading_level == 1
          || q->heading_level == 2)
        {
          finish_project (cx, &dr);
          cur = FIELD_NONE;
          continue;
        }
      g_autoptr (BdxMatch) m = NULL;
      if (pmatch (cx, "name", q->text, &m))
        {
          finish_project (cx, &dr);
          dr.name = bdx_match_named (m, "name");
          if (dr.name)
            {
              char *t = tidy (dr.name, -1);
              g_free (dr.name);
              dr.name = t;
            }
          dr.page = q->page;
          cur = FIELD_NONE;
          continue;
        }
      if (dr.name == NULL)
        continue;
      g_clear_pointer (&m, bdx_match_free);
      const BdxPattern *e
          = bdx_patterns_match_prefix (cx->p, "project", "field.", q->text, &m);
      const char *rest = q->text;
      if (e != NULL)
        {
          const char *fname = bdx_pattern_key (e) + strlen ("field.");
          cur = FIELD_NONE;
          for (int f = 0; f < N_FIELDS; f++)
            if (strcmp (fname, field_names[f]) == 0)
              cur = (Field)f;
          if (cur == FIELD_NONE)
            continue;
          gssize en;
          bdx_match_offsets (m, 0, NULL, &en);
          rest = q->text + en;
          if (dr.fields[cur] == NULL)
            dr.fields[cur] = g_string_new (NULL);
          else
            cur = FIELD_NONE; /* a field printed twice: keep the first */
        }
      else if (q->heading_level > 0)
        {
          cur = FIELD_NONE;
          continue;
        }
      if (cur != FIELD_NONE)
        g_string_append (dr.fields[cur], rest);
    }
  finish_project (cx, &dr);
}

/* ---- 4. Facts ---------------------------------------------------------- */

typedef struct
{
  guint para;
  gssize offset;
  BdxFact *fact;
} Found;

static int
found_cmp (gconstpointer a, gconstpointer b)
{
  const Found *x = a, *y = b;
  if (x->para != y->para)
    return x->para < y->para ? -1 : 1;
  if (x->offset != y->offset)
    return x->offset < y->offset ? -1 : 1;
  return 0;
}

static void
found_clear (gpointer p)
{
  Found *f = p;
  if (f->fact)
    bdx_fact_free (f->fact);
}

/* Name equality at a tolerance tier: 0 exact, 1 after removing
 * name_ignore, 2 one a prefix of the other (of two characters or more). */
static gboolean
names_match (const Ctx *cx, const char *a, const char *b, int tier)
{
  g_autofree char *x = bdx_text_strip_spaces (a);
  g_autofree char *y = bdx_text_strip_spaces (b);
  if (tier >= 1)
    {
      strip_matches (cx->p, "facts", "name_ignore", x);
      strip_matches (cx->p, "facts", "name_ignore", y);
    }
  if (strcmp (x, y) == 0)
    return TRUE;
  if (tier < 2)
    return FALSE;
  const char *shorter = strlen (x) < strlen (y) ? x : y;
  const char *longer = shorter == x ? y : x;
  return g_utf8_strlen (shorter, -1) >= 2 && g_str_has_prefix (longer, shorter);
}

static gboolean
names_match_loose (const Ctx *cx, const char *a, const char *b)
{
  return names_match (cx, a, b, 2);
}

static const BdxRow *
row_by_code (const BdxTable *t, const char *code)
{
  for (guint i = 0; i < t->rows->len; i++)
    {
      const BdxRow *r = g_ptr_array_index (t->rows, i);
      if (r->code && strcmp (r->code, code) == 0)
        return r;
    }
  return NULL;
}

/* Does the row's ancestor of code length len have a name matching name?
 * TRUE when name is NULL or the ancestor is not in the table. */
static gboolean
parent_ok (const Ctx *cx, const BdxTable *t, const BdxRow *r, gsize len,
           const char *name)
{
  if (name == NULL || strlen (r->code) <= len)
    return TRUE;
  g_autofree char *code = g_strndup (r->code, len);
  const BdxRow *up = row_by_code (t, code);
  return up == NULL || up->name == NULL
         || names_match_loose (cx, up->name, name);
}

/* The one code of a classification named so, or NULL. */
static char *
lookup_code (const Ctx *cx, int level, const char *name, const char *klass,
             const char *section)
{
  static const char *const tables[]
      = { "general_budget_expenditure", "expenditure_summary",
          /* final accounts (决算) */
          "final_general_budget_expenditure", "final_expenditure" };
  for (guint ti = 0; ti < G_N_ELEMENTS (tables); ti++)
    {
      const BdxTable *t = bdx_disclosure_lookup_table (cx->d, tables[ti]);
      if (t == NULL)
        continue;
      for (int tier = 0; tier <= 2; tier++)
        {
          const char *found = NULL;
          gboolean ambiguous = FALSE;
          for (guint i = 0; i < t->rows->len; i++)
            {
              const BdxRow *r = g_ptr_array_index (t->rows, i);
              if (r->code == NULL || r->name == NULL || r->level != level
                  || !names_match (cx, r->name, name, tier)
                  || !parent_ok (cx, t, r, 3, klass)
                  || !parent_ok (cx, t, r, 5, section))
                continue;
              if (found && strcmp (found, r->code) != 0)
                ambiguous = TRUE;
              found = r->code;
            }
          if (found && !ambiguous)
            return g_strdup (found);
          if (ambiguous)
            break;
        }
    }
  return NULL;
}

typedef struct
{
  const char *key; /* from the section name */
  const GPtrArray *entries;
  gboolean each;
  int level;    /* for .CODE keys */
  BdxUnit unit; /* when a regex has no unit group */
} FactRule;

static BdxFact *
fact_from_match (Ctx *cx, const FactRule *rule, const BdxMatch *m,
                 const BdxParagraph *q)
{
  g_autofree char *key = NULL;
  if (g_str_has_suffix (rule->key, ".CODE"))
    {
      g_autofree char *name = bdx_match_named (m, "name");
      if (name == NULL)
        return NULL;
      g_autofree char *tname = tidy (name, -1);
      g_autofree char *klass = bdx_match_named (m, "class");
      g_autofree char *section = bdx_match_named (m, "section");
      g_autofree char *code = bdx_match_named (m, "code");
      if (code == NULL)
        code = lookup_code (cx, rule->level, tname, klass, section);
      gsize plen = strlen (rule->key) - strlen ("CODE");
      if (code == NULL)
        {
          /* The contract's keys end in digits: keying by the name is
           * for users who ask for it. */
          const char *mode
              = bdx_patterns_value (cx->p, "facts", "unknown_code");
          if (mode == NULL || strcmp (mode, "name") != 0)
            {
              notice (cx->d,
                      "page %d: no code found in the tables for "
                      "'%s'; fact left out",
                      q->page, tname);
              return NULL;
            }
          notice (cx->d,
                  "page %d: no code found in the tables for '%s'; "
                  "the fact is keyed by the name",
                  q->page, tname);
          code = g_strdup (tname);
        }
      key = g_strdup_printf ("%.*s%s", (int)plen, rule->key, code);
    }
  else
    key = g_strdup (rule->key);

  BdxFact *f = bdx_fact_new (key);
  if (!match_money (cx, m, rule->unit, key, &f->value))
    {
      bdx_fact_free (f);
      return NULL;
    }
  g_autofree char *count = bdx_match_named (m, "count");
  if (count)
    {
      gint64 n;
      if (parse_count (count, &n))
        f->count = n;
      else
        notice (cx->d,
                "%s: page %d: '%s' is not a whole number; count "
                "left out",
                key, q->page, count);
    }
  if (!f->value.present && f->count < 0)
    {
      bdx_fact_free (f);
      return NULL;
    }
  g_autofree char *share = bdx_match_named (m, "share");
  if (share)
    f->share = tidy (share, -1);
  g_autofree char *text = bdx_match_group (m, 0);
  f->text = tidy (text, -1);
  f->page = q->page;
  return f;
}

static gboolean
paragraph_excluded (const FactRule *rule, const BdxParagraph *q)
{
  return filter (rule->entries, "not", q->text) == 1;
}

static void
add_found (GArray *found, guint para, const BdxMatch *m, BdxFact *f)
{
  if (f == NULL)
    return;
  Found fd = { para, 0, f };
  bdx_match_offsets (m, 0, &fd.offset, NULL);
  g_array_append_val (found, fd);
}

static void
run_rule (Ctx *cx, const FactRule *rule, GArray *found)
{
  for (guint i = 0; i < cx->s->paragraphs->len; i++)
    {
      const BdxParagraph *q = para (cx, i);
      if (paragraph_excluded (rule, q))
        continue;
      gboolean pass = headings_pass (rule->entries, q);
      BdxFact *best = NULL;
      gssize best_at = -1;
      for (guint k = 0; k < rule->entries->len; k++)
        {
          const BdxPattern *e = g_ptr_array_index (rule->entries, k);
          const char *ek = bdx_pattern_key (e);
          if (!((pass && strcmp (ek, "text") == 0)
                || strcmp (ek, "anywhere") == 0))
            continue;
          if (rule->each)
            {
              g_autoptr (GPtrArray) all
                  = bdx_pattern_match_all (e, q->text, -1);
              for (guint j = 0; j < all->len; j++)
                {
                  const BdxMatch *m = g_ptr_array_index (all, j);
                  add_found (found, i, m, fact_from_match (cx, rule, m, q));
                }
              continue;
            }
          g_autoptr (BdxMatch) m = NULL;
          if (!bdx_pattern_match (e, q->text, -1, &m))
            continue;
          gssize at;
          bdx_match_offsets (m, 0, &at, NULL);
          if (best != NULL && at >= best_at)
            continue;
          BdxFact *f = fact_from_match (cx, rule, m, q);
          if (f == NULL)
            continue;
          if (best)
            bdx_fact_free (best);
          best = f;
          best_at = at;
        }
      if (best != NULL)
        {
          Found fd = { i, best_at, best };
          g_array_append_val (found, fd);
          return;
        }
    }
}

static gboolean
has_fact (const GPtrArray *facts, const char *key)
{
  for (guint i = 0; i < facts->len; i++)
    if (strcmp (((const BdxFact *)g_ptr_array_index (facts, i))->key, key) == 0)
      return TRUE;
  return FALSE;
}

static void
parse_facts (Ctx *cx)
{
  g_autoptr (GArray) found = g_array_new (FALSE, TRUE, sizeof (Found));
  g_array_set_clear_func (found, found_clear);
  g_autoptr (GPtrArray) secs = bdx_patterns_sections (cx->p, "fact.");
  for (guint i = 0; i < secs->len; i++)
    {
      const char *sec = g_ptr_array_index (secs, i);
      FactRule rule = { 0 };
      rule.key = sec + strlen ("fact.");
      rule.entries = bdx_patterns_entries (cx->p, sec);
      const char *each = bdx_patterns_value (cx->p, sec, "each");
      rule.each = each && strcmp (each, "yes") == 0;
      const char *level = bdx_patterns_value (cx->p, sec, "level");
      rule.level = level ? atoi (level) : 1;
      const char *unit = bdx_patterns_value (cx->p, sec, "unit");
      rule.unit = unit ? bdx_unit_from_name (unit) : cx->d->unit;
      if (!rule.each && has_fact (cx->d->facts, rule.key))
        continue;
      run_rule (cx, &rule, found);
    }
  g_array_sort (found, found_cmp);

  /* Keys present before this stage, and each key once. */
  g_autoptr (GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < cx->d->facts->len; i++)
    g_hash_table_add (keys,
                      ((BdxFact *)g_ptr_array_index (cx->d->facts, i))->key);
  for (guint i = 0; i < found->len; i++)
    {
      Found *fd = &g_array_index (found, Found, i);
      if (g_hash_table_contains (keys, fd->fact->key))
        continue;
      BdxFact *f = g_steal_pointer (&fd->fact);
      g_hash_table_add (keys, f->key);
      g_ptr_array_add (cx->d->facts, f);
    }
}

gboolean
bdx_parse_narrative (const BdxSegments *s, const BdxPatterns *patterns,
                     BdxDisclosure *d, GError **error)
{
  g_return_val_if_fail (s != NULL && patterns != NULL && d != NULL, FALSE);
  Ctx cx = { s, patterns, d };
  parse_functions (&cx);
  parse_divisions (&cx);
  parse_subordinate (&cx);
  parse_staffing (&cx);
  parse_projects (&cx);
  parse_facts (&cx);
  (void)error;
  return TRUE;
}
