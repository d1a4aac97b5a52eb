/* bdx — validate: reading the rules.
 *
 * A rule is a section PREFIX KIND "." NAME of the pattern set
 * (docs/validation.md).  Its entries are read in order, except that the
 * keys that change how the others read (each; fact for fact_share) are
 * read first.  Table and column ids are checked against what the set
 * declares in its `[table.ID]` sections (tables.pat):
 *
 *   [table.fiscal_summary]            known["fiscal_summary"] =
 *   two_sided = yes                     { two_sided,
 *   income.column.total ~ …               income: {total},
 *   expenditure.column.total ~ …          expenditure: {total, …} }
 *
 * so a rule cannot name a table or column no pattern produces.  Every
 * error is BDX_ERROR_PATTERN "FILE:LINE: what", at the entry at fault.
 */
#undef G_LOG_DOMAIN
#define G_LOG_DOMAIN "bdx-validate"

#include "validate-private.h"

#include <string.h>

/* ---- Rules: freeing ---------------------------------------------------- */

static void
row_sel_clear (BdxRowSel *s)
{
  g_clear_pointer (&s->code, g_free);
}

static void
row_sel_free (gpointer data)
{
  BdxRowSel *s = data;

  row_sel_clear (s);
  g_free (s);
}

static void
ref_free (gpointer data)
{
  BdxRef *r = data;

  g_free (r->fact);
  g_free (r->table);
  row_sel_clear (&r->row);
  g_free (r->column);
  g_free (r);
}

static void
rule_free (gpointer data)
{
  BdxRule *r = data;

  g_free (r->section);
  g_free (r->id);
  g_free (r->message);
  g_free (r->table);
  g_free (r->total_column);
  g_clear_pointer (&r->part_columns, g_ptr_array_unref);
  row_sel_clear (&r->total_row);
  g_clear_pointer (&r->part_rows, g_ptr_array_unref);
  g_clear_pointer (&r->columns, g_ptr_array_unref);
  g_clear_pointer (&r->lengths, g_array_unref);
  for (guint i = 0; i < G_N_ELEMENTS (r->level_messages); i++)
    g_free (r->level_messages[i]);
  g_clear_pointer (&r->left, g_ptr_array_unref);
  g_clear_pointer (&r->right, g_ptr_array_unref);
  g_free (r->each_fact);
  g_clear_pointer (&r->levels, g_array_unref);
  g_free (r->fact);
  g_clear_pointer (&r->bases, g_ptr_array_unref);
  g_clear_pointer (&r->tables, g_ptr_array_unref);
  g_free (r->project_column);
  g_clear_pointer (&r->department, g_ptr_array_unref);
  g_free (r);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BdxRule, rule_free)

/* ---- Rules: what the pattern set declares ------------------------------ */

/* A table id the set declares, with its column ids per side. */
typedef struct
{
  gboolean two_sided;
  GHashTable *columns[3]; /* indexed by BdxSide: set of column ids */
} Known;

static void
known_free (gpointer data)
{
  Known *k = data;

  for (int i = 0; i < 3; i++)
    g_hash_table_unref (k->columns[i]);
  g_free (k);
}

/* Reads the `[table.ID]` sections: id → Known. */
static GHashTable *
known_tables (const BdxPatterns *p)
{
  GHashTable *known
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, known_free);
  g_autoptr (GPtrArray) sections = bdx_patterns_sections (p, "table.");

  for (guint i = 0; i < sections->len; i++)
    {
      const char *section = g_ptr_array_index (sections, i);
      const GPtrArray *entries = bdx_patterns_entries (p, section);
      Known *k = g_new0 (Known, 1);

      for (int s = 0; s < 3; s++)
        k->columns[s]
            = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint j = 0; entries != NULL && j < entries->len; j++)
        {
          const BdxPattern *e = g_ptr_array_index (entries, j);
          const char *key = bdx_pattern_key (e);

          if (g_str_equal (key, "two_sided"))
            k->two_sided = g_str_equal (bdx_pattern_source (e), "yes");
          else if (g_str_has_prefix (key, "column."))
            g_hash_table_add (k->columns[BDX_SIDE_NONE],
                              g_strdup (key + strlen ("column.")));
          else if (g_str_has_prefix (key, "income.column."))
            g_hash_table_add (k->columns[BDX_SIDE_INCOME],
                              g_strdup (key + strlen ("income.column.")));
          else if (g_str_has_prefix (key, "expenditure.column."))
            g_hash_table_add (k->columns[BDX_SIDE_EXPENDITURE],
                              g_strdup (key + strlen ("expenditure.column.")));
        }
      g_hash_table_replace (known, g_strdup (section + strlen ("table.")), k);
    }
  return known;
}

/* ---- Rules: parsing ---------------------------------------------------- */

typedef struct
{
  const BdxPatterns *p;
  GHashTable *known; /* id → Known */
  const char *section;
} Parser;

G_GNUC_PRINTF (3, 4)
static gboolean
fail (GError **error, const BdxPattern *e, const char *format, ...)
{
  g_autofree char *what = NULL;
  va_list ap;

  va_start (ap, format);
  what = g_strdup_vprintf (format, ap);
  va_end (ap);
  if (e != NULL)
    g_set_error (error, BDX_ERROR, BDX_ERROR_PATTERN, "%s:%d: %s",
                 bdx_pattern_file (e), bdx_pattern_line (e), what);
  else
    g_set_error (error, BDX_ERROR, BDX_ERROR_PATTERN, "%s", what);
  return FALSE;
}

static const struct
{
  const char *name;
  BdxRuleKind kind;
} kinds[] = {
  { "row_sum", BDX_RULE_ROW_SUM },
  { "column_sum", BDX_RULE_COLUMN_SUM },
  { "hierarchy", BDX_RULE_HIERARCHY },
  { "equal", BDX_RULE_EQUAL },
  { "fact_equal", BDX_RULE_FACT_EQUAL },
  { "fact_share", BDX_RULE_FACT_SHARE },
  { "project_vs_table", BDX_RULE_PROJECT_TABLE },
  { "allocation_sum", BDX_RULE_ALLOCATION_SUM },
  { "performance_funds", BDX_RULE_PERFORMANCE_FUNDS },
  { "codes", BDX_RULE_CODES },
};

/* Splits on blanks; an owned array of owned strings, never empty. */
static GPtrArray *
split_words (const char *s)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  g_auto (GStrv) parts = g_strsplit_set (s, " \t", -1);

  for (int i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_ptr_array_add (words, g_strdup (parts[i]));
  return words;
}

static gboolean
is_id (const char *s)
{
  if (s == NULL || *s == '\0')
    return FALSE;
  for (const char *p = s; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '_')
      return FALSE;
  return TRUE;
}

/* "TABLE" or "TABLE.SIDE" → *table (owned), *side; checks the id. */
static gboolean
parse_table_name (Parser *ps, const BdxPattern *e, const char *text,
                  char **table, BdxSide *side, GError **error)
{
  g_autofree char *id = g_strdup (text);
  char *dot = strchr (id, '.');
  const Known *k;

  *side = BDX_SIDE_NONE;
  if (dot != NULL)
    {
      *dot = '\0';
      if (g_str_equal (dot + 1, "income"))
        *side = BDX_SIDE_INCOME;
      else if (g_str_equal (dot + 1, "expenditure"))
        *side = BDX_SIDE_EXPENDITURE;
      else
        return fail (error, e, "unknown side '%s' (income or expenditure)",
                     dot + 1);
    }
  if (!is_id (id))
    return fail (error, e, "'%s' is not a table id", text);
  k = g_hash_table_lookup (ps->known, id);
  if (k == NULL)
    return fail (error, e, "unknown table id '%s'", id);
  if (k->two_sided && *side == BDX_SIDE_NONE)
    return fail (error, e,
                 "table '%s' has two sides: write '%s.income' or "
                 "'%s.expenditure'",
                 id, id, id);
  if (!k->two_sided && *side != BDX_SIDE_NONE)
    return fail (error, e, "table '%s' has no sides", id);
  *table = g_steal_pointer (&id);
  return TRUE;
}

static gboolean
check_column (Parser *ps, const BdxPattern *e, const char *table, BdxSide side,
              const char *column, GError **error)
{
  const Known *k = g_hash_table_lookup (ps->known, table);

  if (!is_id (column))
    return fail (error, e, "'%s' is not a column id", column);
  if (!g_hash_table_contains (k->columns[side], column))
    return fail (error, e, "unknown column id '%s' for table '%s%s%s'", column,
                 table, side != BDX_SIDE_NONE ? "." : "",
                 side != BDX_SIDE_NONE ? bdx_side_name (side) : "");
  return TRUE;
}

static gboolean
code_ok (const char *s)
{
  return bdx__code_is_digits (s) && strlen (s) <= 12;
}

/* A row selector written in an entry: a `~` entry is a regex on the
 * name; a `=` entry is "@total", "@uncoded", "#CODE", "#*" or a name. */
static gboolean
parse_row_sel_entry (const BdxPattern *e, BdxRowSel *out, gboolean allow_bound,
                     GError **error)
{
  const char *v = bdx_pattern_source (e);

  memset (out, 0, sizeof *out);
  if (!bdx_pattern_is_regex (e) && v[0] == '@')
    {
      if (g_str_equal (v, "@total"))
        out->kind = BDX_SEL_TOTAL;
      else if (g_str_equal (v, "@uncoded"))
        out->kind = BDX_SEL_UNCODED;
      else
        return fail (error, e, "unknown row selector '%s'", v);
      return TRUE;
    }
  if (!bdx_pattern_is_regex (e) && v[0] == '#')
    {
      if (g_str_equal (v, "#*"))
        {
          if (!allow_bound)
            return fail (error, e, "'#*' needs 'each = code'");
          out->kind = BDX_SEL_BOUND;
          return TRUE;
        }
      if (!code_ok (v + 1))
        return fail (error, e, "'%s' is not a code", v);
      out->kind = BDX_SEL_CODE;
      out->code = g_strdup (v + 1);
      return TRUE;
    }
  out->kind = BDX_SEL_NAME;
  out->name = e;
  return TRUE;
}

/* A reference: "?"? ( "fact:KEY" | TABLE[.SIDE] ":" ROW ":" COLUMN ),
 * ROW being "@total", "@uncoded", "#CODE", "#*" or "$NAME" (the entry
 * row.NAME of the same section). */
static gboolean
parse_ref (Parser *ps, const BdxPattern *e, const char *text,
           gboolean allow_bound, BdxRef **out, GError **error)
{
  BdxRef *r = g_new0 (BdxRef, 1);
  g_autoptr (GPtrArray) guard = g_ptr_array_new_with_free_func (ref_free);
  g_auto (GStrv) parts = NULL;
  const char *s = text;

  g_ptr_array_add (guard, r);
  if (*s == '?')
    {
      r->optional = TRUE;
      s++;
    }
  if (g_str_has_prefix (s, "fact:"))
    {
      const char *key = s + strlen ("fact:");
      gsize len = strlen (key);

      if (len > 2 && g_str_has_suffix (key, ".*"))
        {
          if (!allow_bound)
            return fail (error, e, "'%s' needs 'each'", text);
          r->bound = TRUE;
          len -= 2;
        }
      r->fact = g_strndup (key, len);
      for (const char *p = r->fact; *p != '\0'; p++)
        if (!g_ascii_isalnum (*p) && *p != '_' && *p != '.')
          return fail (error, e, "'%s' is not a fact key", key);
      if (*r->fact == '\0')
        return fail (error, e, "empty fact key in '%s'", text);
      *out = g_ptr_array_steal_index (guard, 0);
      return TRUE;
    }

  parts = g_strsplit (s, ":", -1);
  if (g_strv_length (parts) != 3)
    return fail (error, e,
                 "'%s' is not a reference (fact:KEY or TABLE:ROW:COLUMN)",
                 text);
  if (!parse_table_name (ps, e, parts[0], &r->table, &r->side, error))
    return FALSE;
  if (!check_column (ps, e, r->table, r->side, parts[2], error))
    return FALSE;
  r->column = g_strdup (parts[2]);

  const char *row = parts[1];
  if (row[0] == '$')
    {
      g_autofree char *key = g_strconcat ("row.", row + 1, NULL);
      const BdxPattern *named = bdx_patterns_lookup (ps->p, ps->section, key);

      if (named == NULL)
        return fail (error, e, "'%s' names no entry '%s' in [%s]", row, key,
                     ps->section);
      if (!parse_row_sel_entry (named, &r->row, allow_bound, error))
        return FALSE;
    }
  else if (row[0] == '@' || row[0] == '#')
    {
      /* Reuse the entry parser on the selector text: only its kind and
       * code matter, and those come from the text alone. */
      if (g_str_equal (row, "@total"))
        r->row.kind = BDX_SEL_TOTAL;
      else if (g_str_equal (row, "@uncoded"))
        r->row.kind = BDX_SEL_UNCODED;
      else if (g_str_equal (row, "#*"))
        {
          if (!allow_bound)
            return fail (error, e, "'#*' needs 'each = code'");
          r->row.kind = BDX_SEL_BOUND;
        }
      else if (row[0] == '#' && code_ok (row + 1))
        {
          r->row.kind = BDX_SEL_CODE;
          r->row.code = g_strdup (row + 1);
        }
      else
        return fail (error, e, "unknown row selector '%s'", row);
    }
  else
    return fail (error, e,
                 "unknown row selector '%s' (@total, @uncoded, #CODE, #*, "
                 "$NAME)",
                 row);
  *out = g_ptr_array_steal_index (guard, 0);
  return TRUE;
}

/* "REF + REF + …" appended to refs. */
static gboolean
parse_ref_list (Parser *ps, const BdxPattern *e, gboolean allow_bound,
                GPtrArray *refs, GError **error)
{
  g_auto (GStrv) items = g_strsplit (bdx_pattern_source (e), "+", -1);

  for (int i = 0; items[i] != NULL; i++)
    {
      g_autofree char *item = g_strstrip (g_strdup (items[i]));
      BdxRef *r = NULL;

      if (*item == '\0')
        return fail (error, e, "empty reference in '%s'",
                     bdx_pattern_source (e));
      if (!parse_ref (ps, e, item, allow_bound, &r, error))
        return FALSE;
      g_ptr_array_add (refs, r);
    }
  return TRUE;
}

static gboolean
parse_lengths (const BdxPattern *e, GArray **out, GError **error)
{
  g_autoptr (GPtrArray) words = split_words (bdx_pattern_source (e));
  g_autoptr (GArray) lengths = g_array_new (FALSE, FALSE, sizeof (int));
  int last = 0;

  for (guint i = 0; i < words->len; i++)
    {
      const char *w = g_ptr_array_index (words, i);
      guint64 n = 0;

      if (!g_ascii_string_to_unsigned (w, 10, 1, 12, &n, NULL)
          || (int)n <= last)
        return fail (error, e,
                     "'%s': code lengths are increasing numbers 1..12",
                     bdx_pattern_source (e));
      last = (int)n;
      g_array_append_val (lengths, last);
    }
  if (lengths->len == 0)
    return fail (error, e, "no code lengths");
  *out = g_steal_pointer (&lengths);
  return TRUE;
}

static gboolean
parse_yes_no (const BdxPattern *e, gboolean *out, GError **error)
{
  const char *v = bdx_pattern_source (e);

  if (g_str_equal (v, "yes"))
    *out = TRUE;
  else if (g_str_equal (v, "no"))
    *out = FALSE;
  else
    return fail (error, e, "'%s': expected yes or no", v);
  return TRUE;
}

static void
set_string (char **field, const char *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

/* The keys a kind accepts (besides id, message and row.NAME). */
static gboolean
key_allowed (BdxRuleKind kind, const char *key)
{
  static const char *const row_sum[] = { "table", "total", "parts", NULL };
  static const char *const column_sum[]
      = { "table", "total", "part", "columns", "relation", NULL };
  static const char *const hierarchy[]
      = { "table",     "lengths",   "columns",   "total", "message.total",
          "message.1", "message.2", "message.3", NULL };
  static const char *const equal[]
      = { "left", "right", "relation", "each", "levels", NULL };
  static const char *const share[] = { "fact", "base", NULL };
  static const char *const project[] = { "table", "column", NULL };
  static const char *const none[] = { NULL };
  static const char *const performance[]
      = { "table", "column", "department", NULL };
  static const char *const codes[] = { "tables", "lengths", NULL };
  const char *const *list;

  switch (kind)
    {
    case BDX_RULE_ROW_SUM:
      list = row_sum;
      break;
    case BDX_RULE_COLUMN_SUM:
      list = column_sum;
      break;
    case BDX_RULE_HIERARCHY:
      list = hierarchy;
      break;
    case BDX_RULE_EQUAL:
    case BDX_RULE_FACT_EQUAL:
      list = equal;
      break;
    case BDX_RULE_FACT_SHARE:
      list = share;
      break;
    case BDX_RULE_PROJECT_TABLE:
      list = project;
      break;
    case BDX_RULE_ALLOCATION_SUM:
      list = none;
      break;
    case BDX_RULE_PERFORMANCE_FUNDS:
      list = performance;
      break;
    case BDX_RULE_CODES:
      list = codes;
      break;
    default:
      return FALSE;
    }
  return g_strv_contains (list, key);
}

static const char *
kind_name (BdxRuleKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i].kind == kind)
      return kinds[i].name;
  return "?";
}

/* Checks a list of column ids against a table; appends them to out.
 * With allow_optional a column may be written "?ID" (kept as written). */
static gboolean
parse_columns (Parser *ps, const BdxPattern *e, const BdxRule *r,
               gboolean allow_optional, GPtrArray *out, GError **error)
{
  g_autoptr (GPtrArray) words = split_words (bdx_pattern_source (e));

  if (r->table == NULL)
    return fail (error, e, "'%s' must come after 'table'", bdx_pattern_key (e));
  for (guint i = 0; i < words->len; i++)
    {
      const char *w = g_ptr_array_index (words, i);
      const char *id = allow_optional && *w == '?' ? w + 1 : w;

      if (!check_column (ps, e, r->table, r->side, id, error))
        return FALSE;
      g_ptr_array_add (out, g_strdup (w));
    }
  return TRUE;
}

/* A table listed by a project or codes rule: "?"? TABLE, no row or
 * column. */
static gboolean
parse_table_refs (Parser *ps, const BdxPattern *e, GPtrArray *out,
                  GError **error)
{
  g_autoptr (GPtrArray) words = split_words (bdx_pattern_source (e));

  for (guint i = 0; i < words->len; i++)
    {
      const char *w = g_ptr_array_index (words, i);
      BdxRef *r = g_new0 (BdxRef, 1);

      g_ptr_array_add (out, r);
      if (*w == '?')
        {
          r->optional = TRUE;
          w++;
        }
      if (!parse_table_name (ps, e, w, &r->table, &r->side, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
parse_entry (Parser *ps, BdxRule *r, const BdxPattern *e, GError **error)
{
  const char *key = bdx_pattern_key (e);
  const char *v = bdx_pattern_source (e);
  gboolean literal = !bdx_pattern_is_regex (e);
  gboolean bound = r->each != BDX_EACH_NONE
                   || (r->kind == BDX_RULE_FACT_SHARE && r->fact != NULL
                       && g_str_has_suffix (r->fact, ".*"));

  if (g_str_has_prefix (key, "row.") && key[4] != '\0')
    return TRUE; /* read through $NAME */
  if (g_str_equal (key, "id"))
    {
      if (!literal || *v == '\0' || strchr (v, ' ') != NULL)
        return fail (error, e, "'id' is a literal without blanks");
      set_string (&r->id, v);
      return TRUE;
    }
  if (g_str_equal (key, "message"))
    {
      set_string (&r->message, v);
      return TRUE;
    }
  if (!key_allowed (r->kind, key))
    return fail (error, e, "unknown key '%s' in a %s rule", key,
                 kind_name (r->kind));
  if (!literal
      && !(r->kind == BDX_RULE_COLUMN_SUM
           && (g_str_equal (key, "total") || g_str_equal (key, "part"))))
    return fail (error, e, "'%s' takes '=', not a regex", key);

  switch (r->kind)
    {
    case BDX_RULE_ROW_SUM:
    case BDX_RULE_COLUMN_SUM:
    case BDX_RULE_HIERARCHY:
      if (g_str_equal (key, "table"))
        {
          g_clear_pointer (&r->table, g_free);
          return parse_table_name (ps, e, v, &r->table, &r->side, error);
        }
      if (g_str_equal (key, "columns"))
        {
          if (r->columns == NULL)
            r->columns = g_ptr_array_new_with_free_func (g_free);
          return parse_columns (ps, e, r, FALSE, r->columns, error);
        }
      break;
    default:
      break;
    }

  switch (r->kind)
    {
    case BDX_RULE_ROW_SUM:
      if (g_str_equal (key, "total"))
        {
          g_autoptr (GPtrArray) one = g_ptr_array_new_with_free_func (g_free);

          if (!parse_columns (ps, e, r, FALSE, one, error))
            return FALSE;
          if (one->len != 1)
            return fail (error, e, "'total' is one column id");
          set_string (&r->total_column, g_ptr_array_index (one, 0));
          return TRUE;
        }
      /* parts */
      return parse_columns (ps, e, r, TRUE, r->part_columns, error);

    case BDX_RULE_COLUMN_SUM:
      if (g_str_equal (key, "total"))
        {
          row_sel_clear (&r->total_row);
          return parse_row_sel_entry (e, &r->total_row, FALSE, error);
        }
      if (g_str_equal (key, "part"))
        {
          BdxRowSel *sel = g_new0 (BdxRowSel, 1);

          g_ptr_array_add (r->part_rows, sel);
          return parse_row_sel_entry (e, sel, FALSE, error);
        }
      /* relation */
      if (!g_str_equal (v, "=") && !g_str_equal (v, ">="))
        return fail (error, e, "'%s': relation is '=' or '>='", v);
      r->at_least = g_str_equal (v, ">=");
      return TRUE;

    case BDX_RULE_HIERARCHY:
      if (g_str_equal (key, "lengths"))
        {
          g_clear_pointer (&r->lengths, g_array_unref);
          return parse_lengths (e, &r->lengths, error);
        }
      if (g_str_equal (key, "total"))
        return parse_yes_no (e, &r->with_total, error);
      /* message.total, message.1 .. message.3 */
      {
        const char *which = key + strlen ("message.");
        int i = g_str_equal (which, "total") ? 0 : which[0] - '0';

        set_string (&r->level_messages[i], v);
        return TRUE;
      }

    case BDX_RULE_EQUAL:
    case BDX_RULE_FACT_EQUAL:
      if (g_str_equal (key, "each"))
        {
          if (r->left->len > 0 || r->right->len > 0)
            return fail (error, e,
                         "'each' must come before 'left' and 'right'");
          if (g_str_equal (v, "code"))
            r->each = BDX_EACH_CODE;
          else if (g_str_has_prefix (v, "fact:") && v[5] != '\0')
            {
              r->each = BDX_EACH_FACT;
              set_string (&r->each_fact, v + 5);
            }
          else
            return fail (error, e, "'%s': each is 'code' or 'fact:PREFIX'", v);
          return TRUE;
        }
      if (g_str_equal (key, "levels"))
        {
          g_clear_pointer (&r->levels, g_array_unref);
          return parse_lengths (e, &r->levels, error);
        }
      if (g_str_equal (key, "relation"))
        {
          if (!g_str_equal (v, "=") && !g_str_equal (v, ">="))
            return fail (error, e, "'%s': relation is '=' or '>='", v);
          r->at_least = g_str_equal (v, ">=");
          return TRUE;
        }
      return parse_ref_list (
          ps, e, bound, g_str_equal (key, "left") ? r->left : r->right, error);

    case BDX_RULE_FACT_SHARE:
      if (g_str_equal (key, "fact"))
        {
          for (const char *p = v; *p != '\0'; p++)
            if (!g_ascii_isalnum (*p) && *p != '_' && *p != '.' && *p != '*')
              return fail (error, e, "'%s' is not a fact key", v);
          if (strchr (v, '*') != NULL && !g_str_has_suffix (v, ".*"))
            return fail (error, e, "'%s': only a final '.*' iterates", v);
          set_string (&r->fact, v);
          return TRUE;
        }
      /* base: one alternative */
      {
        GPtrArray *alt = g_ptr_array_new_with_free_func (ref_free);

        g_ptr_array_add (r->bases, alt);
        return parse_ref_list (ps, e, bound, alt, error);
      }

    case BDX_RULE_PROJECT_TABLE:
    case BDX_RULE_PERFORMANCE_FUNDS:
      if (g_str_equal (key, "table"))
        return parse_table_refs (ps, e, r->tables, error);
      if (g_str_equal (key, "column"))
        {
          if (!is_id (v))
            return fail (error, e, "'%s' is not a column id", v);
          set_string (&r->project_column, v);
          return TRUE;
        }
      /* department: one alternative */
      {
        GPtrArray *alt = g_ptr_array_new_with_free_func (ref_free);

        g_ptr_array_add (r->department, alt);
        return parse_ref_list (ps, e, FALSE, alt, error);
      }

    case BDX_RULE_CODES:
      if (g_str_equal (key, "tables"))
        return parse_table_refs (ps, e, r->tables, error);
      g_clear_pointer (&r->lengths, g_array_unref);
      return parse_lengths (e, &r->lengths, error);

    case BDX_RULE_ALLOCATION_SUM:
    default:
      break;
    }
  return fail (error, e, "unknown key '%s'", key);
}

/* What every rule of a kind needs once its entries are read. */
static gboolean
finish_rule (Parser *ps, BdxRule *r, const BdxPattern *first, GError **error)
{
  const char *need = NULL;

  switch (r->kind)
    {
    case BDX_RULE_ROW_SUM:
      if (r->table == NULL)
        need = "table";
      else if (r->total_column == NULL)
        need = "total";
      else if (r->part_columns->len == 0)
        need = "parts";
      break;
    case BDX_RULE_COLUMN_SUM:
      if (r->table == NULL)
        need = "table";
      else if (r->total_row.kind == BDX_SEL_NONE)
        need = "total";
      else if (r->part_rows->len == 0)
        need = "part";
      break;
    case BDX_RULE_HIERARCHY:
      if (r->table == NULL)
        need = "table";
      break;
    case BDX_RULE_EQUAL:
    case BDX_RULE_FACT_EQUAL:
      if (r->left->len == 0)
        need = "left";
      else if (r->right->len == 0)
        need = "right";
      else if (r->kind == BDX_RULE_FACT_EQUAL)
        {
          const BdxRef *l = g_ptr_array_index (r->left, 0);

          if (l->fact == NULL)
            return fail (error, first,
                         "[%s]: a fact_equal rule's 'left' starts with a fact",
                         ps->section);
        }
      if (need == NULL && r->each == BDX_EACH_CODE)
        {
          gboolean any = FALSE;

          for (guint s = 0; s < 2; s++)
            {
              GPtrArray *refs = s == 0 ? r->left : r->right;

              for (guint i = 0; i < refs->len; i++)
                {
                  const BdxRef *ref = g_ptr_array_index (refs, i);

                  any |= ref->fact == NULL && ref->row.kind == BDX_SEL_BOUND;
                }
            }
          if (!any)
            return fail (error, first,
                         "[%s]: 'each = code' but no reference uses '#*'",
                         ps->section);
        }
      break;
    case BDX_RULE_FACT_SHARE:
      if (r->fact == NULL)
        need = "fact";
      else if (r->bases->len == 0)
        need = "base";
      break;
    case BDX_RULE_PROJECT_TABLE:
      if (r->tables->len == 0)
        need = "table";
      else if (r->project_column == NULL)
        need = "column";
      break;
    case BDX_RULE_PERFORMANCE_FUNDS:
      if (r->tables->len > 0 && r->project_column == NULL)
        need = "column";
      break;
    case BDX_RULE_CODES:
      if (r->tables->len == 0)
        need = "tables";
      break;
    case BDX_RULE_ALLOCATION_SUM:
    default:
      break;
    }
  if (need != NULL)
    return fail (error, first, "[%s]: missing key '%s'", ps->section, need);

  /* Columns named by project rules exist in every table they list. */
  if (r->project_column != NULL)
    for (guint i = 0; i < r->tables->len; i++)
      {
        const BdxRef *t = g_ptr_array_index (r->tables, i);

        if (!check_column (ps, first, t->table, t->side, r->project_column,
                           error))
          return FALSE;
      }
  if (r->lengths == NULL
      && (r->kind == BDX_RULE_HIERARCHY || r->kind == BDX_RULE_CODES))
    {
      static const int functional[] = { 3, 5, 7 };

      r->lengths = g_array_new (FALSE, FALSE, sizeof (int));
      g_array_append_vals (r->lengths, functional, 3);
    }
  return TRUE;
}

static BdxRule *
parse_rule (Parser *ps, const char *section, const char *after_prefix,
            GError **error)
{
  const GPtrArray *entries = bdx_patterns_entries (ps->p, section);
  const BdxPattern *first = entries != NULL && entries->len > 0
                                ? g_ptr_array_index (entries, 0)
                                : NULL;
  g_autofree char *kind = g_strdup (after_prefix);
  char *dot = strchr (kind, '.');
  g_autoptr (BdxRule) r = g_new0 (BdxRule, 1);
  gboolean found = FALSE;

  if (dot != NULL)
    *dot = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kinds[i].name, kind))
      {
        r->kind = kinds[i].kind;
        found = TRUE;
      }
  if (!found)
    {
      fail (error, first, "[%s]: unknown check kind '%s'", section, kind);
      return NULL;
    }
  if (first == NULL && r->kind != BDX_RULE_ALLOCATION_SUM
      && r->kind != BDX_RULE_PERFORMANCE_FUNDS)
    {
      fail (error, NULL, "[%s]: empty rule", section);
      return NULL;
    }

  ps->section = section;
  r->section = g_strdup (section);
  r->id = g_strdup (dot != NULL ? dot + 1 : kind);
  r->file = first != NULL ? bdx_pattern_file (first) : NULL;
  r->line = first != NULL ? bdx_pattern_line (first) : 0;
  r->with_total = TRUE;
  r->part_columns = g_ptr_array_new_with_free_func (g_free);
  r->part_rows = g_ptr_array_new_with_free_func (row_sel_free);
  r->left = g_ptr_array_new_with_free_func (ref_free);
  r->right = g_ptr_array_new_with_free_func (ref_free);
  r->bases = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  r->tables = g_ptr_array_new_with_free_func (ref_free);
  r->department
      = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);

  /* Keys that change how the others read come first: each, fact. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; entries != NULL && i < entries->len; i++)
      {
        const BdxPattern *e = g_ptr_array_index (entries, i);
        const char *key = bdx_pattern_key (e);
        gboolean early
            = g_str_equal (key, "each")
              || (r->kind == BDX_RULE_FACT_SHARE && g_str_equal (key, "fact"));

        if (early == (pass == 0) && !parse_entry (ps, r, e, error))
          return NULL;
      }
  if (!finish_rule (ps, r, first, error))
    return NULL;
  return g_steal_pointer (&r);
}

/* All rules of the set, in order; NULL with an error for a bad one. */
GPtrArray *
bdx__parse_rules (const BdxPatterns *p, const char *prefix, GError **error)
{
  g_autoptr (GPtrArray) rules = g_ptr_array_new_with_free_func (rule_free);
  g_autoptr (GPtrArray) sections = bdx_patterns_sections (p, prefix);
  g_autoptr (GHashTable) known = known_tables (p);
  Parser ps = { p, known, NULL };

  for (guint i = 0; i < sections->len; i++)
    {
      const char *section = g_ptr_array_index (sections, i);
      BdxRule *r = parse_rule (&ps, section, section + strlen (prefix), error);

      if (r == NULL)
        return NULL;
      g_ptr_array_add (rules, r);
    }
  return g_steal_pointer (&rules);
}
