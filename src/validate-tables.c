/* bdx — validate: the checks inside one table.
 *
 *  row_sum     in every row: total column = Σ part columns
 *              (合计 = 基本支出 + 项目支出; 小计 = Σ sources).
 *  column_sum  in every column: a named row = Σ named rows
 *              (三公 合计 = 出国 + 接待 + 公务用车小计).
 *  hierarchy   in every column, by code prefix, whatever the print order:
 *
 *                 总计           = Σ rows whose code has lengths[0] digits
 *                 201 (类)       = Σ 201xx (款)
 *                 20141 (款)     = Σ 20141xx (项)
 *                 2014199 (项)   = Σ its project rows, when the table
 *                                  prints the 项 once as a subtotal and
 *                                  again per project
 *
 *              Rows that share a code (one per project in the project
 *              table) are added together: the code's amount is their sum,
 *              or the subtotal row when there is one.
 *  codes       well formed (digits, one of the level lengths, level
 *              matching the length); every child's parent code printed in
 *              the same table; the same code named alike in every table.
 */
#undef G_LOG_DOMAIN
#define G_LOG_DOMAIN "bdx-validate"

#include "validate-private.h"

#include <string.h>

/* The column ids a rule works on: its own list, else every column of
 * the side that has an id.  Borrowed strings, owned array. */
static GPtrArray *
rule_columns (const BdxRule *rule, const BdxTable *t)
{
  GPtrArray *ids = g_ptr_array_new ();

  if (rule->columns != NULL)
    {
      for (guint i = 0; i < rule->columns->len; i++)
        g_ptr_array_add (ids, g_ptr_array_index (rule->columns, i));
      return ids;
    }
  for (guint i = 0; i < t->columns->len; i++)
    {
      const BdxColumn *c = g_ptr_array_index (t->columns, i);

      if (c->id != NULL
          && (rule->side == BDX_SIDE_NONE || c->side == rule->side))
        g_ptr_array_add (ids, c->id);
    }
  return ids;
}

/* ---- row_sum ----------------------------------------------------------- */

void
bdx__check_row_sum (BdxVContext *cx, const BdxRule *rule)
{
  const BdxTable *t = bdx_disclosure_lookup_table (cx->d, rule->table);
  g_autoptr (GArray) parts = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr (GArray) unknown = g_array_new (FALSE, FALSE, sizeof (int));
  int total, on_side = 0;

  if (t == NULL)
    return;
  total = bdx__column_index (t, rule->total_column, rule->side);
  for (guint i = 0; i < rule->part_columns->len; i++)
    {
      const char *id = g_ptr_array_index (rule->part_columns, i);
      gboolean optional = *id == '?';
      int index = bdx__column_index (t, id + optional, rule->side);

      if (index >= 0)
        g_array_append_val (parts, index);
      else if (!optional)
        return; /* a column the identity needs is not printed */
    }
  /* A template without these columns: the identity does not apply. */
  if (total < 0 || parts->len == 0)
    return;
  /* Amount columns no pattern knows (单位预留机动经费, …) may be parts of
   * the total too: a row with an amount in one is not checked. */
  for (guint i = 0; i < t->columns->len; i++)
    {
      const BdxColumn *c = g_ptr_array_index (t->columns, i);

      if (rule->side != BDX_SIDE_NONE && c->side != rule->side)
        continue;
      if (c->id == NULL)
        g_array_append_val (unknown, on_side);
      on_side++;
    }

  for (guint i = 0; i < t->rows->len; i++)
    {
      const BdxRow *row = g_ptr_array_index (t->rows, i);
      BdxTerm actual = { 0 }, expected = { 0 };
      gboolean other = FALSE;

      if (!bdx__row_on_side (row, rule->side))
        continue;
      for (guint j = 0; j < unknown->len && !other; j++)
        {
          BdxMoney m = bdx__row_value (row, g_array_index (unknown, int, j));

          other = m.present && m.fen != 0;
        }
      if (other)
        continue;
      bdx__term_add_cell (cx, &actual, t, row, total);
      for (guint j = 0; j < parts->len; j++)
        bdx__term_add_cell (cx, &expected, t, row,
                            g_array_index (parts, int, j));
      bdx__emit (cx, rule, NULL, t->id, bdx__row_label (row),
                 rule->total_column, &actual, &expected, FALSE, NULL);
    }
}

/* ---- column_sum -------------------------------------------------------- */

void
bdx__check_column_sum (BdxVContext *cx, const BdxRule *rule)
{
  const BdxTable *t = bdx_disclosure_lookup_table (cx->d, rule->table);
  g_autoptr (GPtrArray) totals = NULL;
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();
  g_autoptr (GPtrArray) columns = NULL;
  const BdxRow *total;

  if (t == NULL)
    return;
  totals = bdx__select_rows (t, rule->side, &rule->total_row, NULL);
  if (totals->len == 0)
    return;
  total = g_ptr_array_index (totals, 0);
  for (guint i = 0; i < rule->part_rows->len; i++)
    {
      g_autoptr (GPtrArray) rows = bdx__select_rows (
          t, rule->side, g_ptr_array_index (rule->part_rows, i), NULL);

      for (guint j = 0; j < rows->len; j++)
        {
          gpointer row = g_ptr_array_index (rows, j);

          if (row != total && !g_ptr_array_find (parts, row, NULL))
            g_ptr_array_add (parts, row);
        }
    }
  /* A template that prints none of the parts: nothing to add up. */
  if (parts->len == 0)
    return;

  columns = rule_columns (rule, t);
  for (guint c = 0; c < columns->len; c++)
    {
      const char *id = g_ptr_array_index (columns, c);
      int index = bdx__column_index (t, id, rule->side);
      BdxTerm actual = { 0 }, expected = { 0 };

      if (index < 0)
        continue;
      bdx__term_add_cell (cx, &actual, t, total, index);
      for (guint j = 0; j < parts->len; j++)
        bdx__term_add_cell (cx, &expected, t, g_ptr_array_index (parts, j),
                            index);
      bdx__emit (cx, rule, NULL, t->id, bdx__row_label (total), id, &actual,
                 &expected, rule->at_least, NULL);
    }
}

/* ---- hierarchy --------------------------------------------------------- */

/* The rows printed with one code. */
typedef struct
{
  const char *code;
  int level;           /* index into the rule's lengths */
  GPtrArray *heads;    /* rows without a project (usually one) */
  GPtrArray *projects; /* rows with a project */
} CodeGroup;

static void
code_group_free (gpointer data)
{
  CodeGroup *g = data;

  g_ptr_array_unref (g->heads);
  g_ptr_array_unref (g->projects);
  g_free (g);
}

static int
level_of (const GArray *lengths, const char *code)
{
  int len = (int)strlen (code);

  for (guint i = 0; i < lengths->len; i++)
    if (g_array_index (lengths, int, i) == len)
      return (int)i;
  return -1;
}

static int
compare_groups (gconstpointer a, gconstpointer b)
{
  const CodeGroup *x = *(const CodeGroup *const *)a;
  const CodeGroup *y = *(const CodeGroup *const *)b;

  return strcmp (x->code, y->code);
}

/* The amount a code stands for in one column: its subtotal rows when it
 * has them, else the sum of its rows. */
static void
group_add (BdxVContext *cx, BdxTerm *t, const BdxTable *table,
           const CodeGroup *g, int column)
{
  const GPtrArray *rows = g->heads->len > 0 ? g->heads : g->projects;

  for (guint i = 0; i < rows->len; i++)
    bdx__term_add_cell (cx, t, table, g_ptr_array_index (rows, i), column);
}

static const char *
level_message (const BdxRule *rule, int parent_level, char **scratch)
{
  static const char *const defaults[] = { "类 ≠ Σ款", "款 ≠ Σ项" };

  if (rule->level_messages[parent_level + 1] != NULL)
    return rule->level_messages[parent_level + 1];
  if (parent_level < (int)G_N_ELEMENTS (defaults))
    return defaults[parent_level];
  g_free (*scratch);
  *scratch = g_strdup ("上级科目 ≠ Σ下级科目");
  return *scratch;
}

void
bdx__check_hierarchy (BdxVContext *cx, const BdxRule *rule)
{
  const BdxTable *t = bdx_disclosure_lookup_table (cx->d, rule->table);
  g_autoptr (GHashTable) by_code = NULL;
  g_autoptr (GPtrArray) groups = NULL;
  g_autoptr (GPtrArray) columns = NULL;
  g_autoptr (GPtrArray) totals = NULL;
  g_autofree char *scratch = NULL;
  int n_levels = (int)rule->lengths->len;

  if (t == NULL)
    return;
  by_code = g_hash_table_new (g_str_hash, g_str_equal);
  groups = g_ptr_array_new_with_free_func (code_group_free);
  for (guint i = 0; i < t->rows->len; i++)
    {
      BdxRow *row = g_ptr_array_index (t->rows, i);
      CodeGroup *g;
      int level;

      if (!bdx__row_on_side (row, rule->side) || row->kind == BDX_ROW_TOTAL
          || !bdx__code_is_digits (row->code))
        continue;
      level = level_of (rule->lengths, row->code);
      if (level < 0)
        continue; /* reported by the codes checks */
      g = g_hash_table_lookup (by_code, row->code);
      if (g == NULL)
        {
          g = g_new0 (CodeGroup, 1);
          g->code = row->code;
          g->level = level;
          g->heads = g_ptr_array_new ();
          g->projects = g_ptr_array_new ();
          g_hash_table_insert (by_code, (gpointer)g->code, g);
          g_ptr_array_add (groups, g);
        }
      g_ptr_array_add (row->project != NULL && *row->project != '\0'
                           ? g->projects
                           : g->heads,
                       row);
    }
  if (groups->len == 0)
    return;
  g_ptr_array_sort (groups, compare_groups);
  columns = rule_columns (rule, t);

  /* 总计 = Σ first level. */
  totals = bdx__select_rows (t, rule->side,
                             &(BdxRowSel){ .kind = BDX_SEL_TOTAL }, NULL);
  if (rule->with_total && totals->len > 0)
    {
      const BdxRow *total = g_ptr_array_index (totals, 0);
      g_autofree char *message = NULL;
      gboolean any_first = FALSE;

      for (guint i = 0; i < groups->len; i++)
        any_first
            |= ((const CodeGroup *)g_ptr_array_index (groups, i))->level == 0;
      message = rule->level_messages[0] != NULL
                    ? g_strdup (rule->level_messages[0])
                    : g_strdup_printf (
                        "%s ≠ Σ类", total->name != NULL ? total->name : "总计");
      for (guint c = 0; any_first && c < columns->len; c++)
        {
          const char *id = g_ptr_array_index (columns, c);
          int index = bdx__column_index (t, id, rule->side);
          BdxTerm actual = { 0 }, expected = { 0 };

          if (index < 0)
            continue;
          bdx__term_add_cell (cx, &actual, t, total, index);
          for (guint i = 0; i < groups->len; i++)
            {
              const CodeGroup *g = g_ptr_array_index (groups, i);

              if (g->level == 0)
                group_add (cx, &expected, t, g, index);
            }
          bdx__emit (cx, rule, NULL, t->id, bdx__row_label (total), id, &actual,
                     &expected, FALSE, message);
        }
    }

  /* Each code = Σ the codes one level down that start with it. */
  for (guint i = 0; i < groups->len; i++)
    {
      const CodeGroup *parent = g_ptr_array_index (groups, i);
      g_autoptr (GPtrArray) children = g_ptr_array_new ();

      if (parent->level + 1 < n_levels)
        for (guint j = 0; j < groups->len; j++)
          {
            const CodeGroup *g = g_ptr_array_index (groups, j);

            if (g->level == parent->level + 1
                && g_str_has_prefix (g->code, parent->code))
              g_ptr_array_add (children, (gpointer)g);
          }

      for (guint c = 0; c < columns->len; c++)
        {
          const char *id = g_ptr_array_index (columns, c);
          int index = bdx__column_index (t, id, rule->side);

          if (index < 0)
            continue;
          if (children->len > 0)
            {
              BdxTerm actual = { 0 }, expected = { 0 };

              group_add (cx, &actual, t, parent, index);
              for (guint j = 0; j < children->len; j++)
                group_add (cx, &expected, t, g_ptr_array_index (children, j),
                           index);
              bdx__emit (cx, rule, NULL, t->id, parent->code, id, &actual,
                         &expected, FALSE,
                         level_message (rule, parent->level, &scratch));
            }
          /* A subtotal printed for a code that is also printed per
           * project: subtotal = Σ projects. */
          if (parent->heads->len > 0 && parent->projects->len > 0)
            {
              BdxTerm actual = { 0 }, expected = { 0 };

              for (guint j = 0; j < parent->heads->len; j++)
                bdx__term_add_cell (cx, &actual, t,
                                    g_ptr_array_index (parent->heads, j),
                                    index);
              for (guint j = 0; j < parent->projects->len; j++)
                bdx__term_add_cell (cx, &expected, t,
                                    g_ptr_array_index (parent->projects, j),
                                    index);
              bdx__emit (cx, rule, NULL, t->id, parent->code, id, &actual,
                         &expected, FALSE,
                         rule->level_messages[3] != NULL
                             ? rule->level_messages[3]
                             : "科目小计 ≠ Σ项目");
            }
        }
    }
}

/* ---- codes ------------------------------------------------------------- */

static char *
sub_id (const BdxRule *rule, const char *what)
{
  return g_strconcat (rule->id, ".", what, NULL);
}

/* Checks one table's codes; adds (code → name key → count) to names. */
static void
check_table_codes (BdxVContext *cx, const BdxRule *rule, const BdxTable *t)
{
  g_autofree char *wf_id = sub_id (rule, "well_formed");
  g_autofree char *parent_id = sub_id (rule, "parent");
  g_autoptr (GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) missing
      = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GString) lengths = g_string_new (NULL);
  gboolean any_code = FALSE, any_child = FALSE, bad = FALSE, orphan = FALSE;

  for (guint i = 0; i < rule->lengths->len; i++)
    g_string_append_printf (lengths, "%s%d", i > 0 ? "/" : "",
                            g_array_index (rule->lengths, int, i));
  for (guint i = 0; i < t->rows->len; i++)
    {
      const BdxRow *row = g_ptr_array_index (t->rows, i);

      if (row->code != NULL && *row->code != '\0')
        g_hash_table_add (present, row->code);
    }

  for (guint i = 0; i < t->rows->len; i++)
    {
      const BdxRow *row = g_ptr_array_index (t->rows, i);
      int level;

      if (row->code == NULL || *row->code == '\0')
        continue;
      any_code = TRUE;
      level = bdx__code_is_digits (row->code)
                  ? level_of (rule->lengths, row->code)
                  : -1;
      if (level < 0 || (row->level > 0 && row->level != level + 1))
        {
          g_autofree char *message = NULL;

          if (level < 0)
            message = g_strdup_printf ("科目编码“%s”格式不对（应为 %s 位数字）",
                                       row->code, lengths->str);
          else
            message = g_strdup_printf ("科目编码“%s”的级次 %d 与位数不符",
                                       row->code, row->level);
          bdx__emit_status (cx, wf_id, t->id, row->code, NULL, BDX_CHECK_FAILED,
                            message);
          bad = TRUE;
          continue;
        }
      if (level > 0)
        {
          int parent_len = g_array_index (rule->lengths, int, level - 1);
          g_autofree char *parent = g_strndup (row->code, (gsize)parent_len);

          any_child = TRUE;
          /* A missing parent is reported once per table. */
          if (!g_hash_table_contains (present, parent)
              && !g_hash_table_contains (missing, parent))
            {
              g_autofree char *message = g_strdup_printf (
                  "科目编码“%s”的上级科目“%s”未列出", row->code, parent);

              bdx__emit_status (cx, parent_id, t->id, row->code, NULL,
                                BDX_CHECK_FAILED, message);
              orphan = TRUE;
              g_hash_table_add (missing, g_steal_pointer (&parent));
            }
        }
    }
  if (any_code && !bad)
    bdx__emit_status (cx, wf_id, t->id, NULL, NULL, BDX_CHECK_PASSED,
                      "科目编码格式正确");
  if (any_child && !orphan)
    bdx__emit_status (cx, parent_id, t->id, NULL, NULL, BDX_CHECK_PASSED,
                      "每个科目的上级科目都已列出");
}

typedef struct
{
  char *name; /* name key (no blanks) */
  int count;
  guint order; /* first seen */
} NameCount;

static void
name_count_free (gpointer data)
{
  NameCount *n = data;

  g_free (n->name);
  g_free (n);
}

void
bdx__check_codes (BdxVContext *cx, const BdxRule *rule)
{
  g_autofree char *names_id = sub_id (rule, "name");
  /* code → GPtrArray of NameCount */
  g_autoptr (GHashTable) names = g_hash_table_new_full (
      g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_ptr_array_unref);
  g_autoptr (GPtrArray) tables = g_ptr_array_new ();
  gboolean any = FALSE, mismatch = FALSE;
  guint order = 0;

  for (guint i = 0; i < rule->tables->len; i++)
    {
      const BdxRef *ref = g_ptr_array_index (rule->tables, i);
      const BdxTable *t = bdx_disclosure_lookup_table (cx->d, ref->table);

      if (t != NULL && !g_ptr_array_find (tables, t, NULL))
        {
          g_ptr_array_add (tables, (gpointer)t);
          check_table_codes (cx, rule, t);
        }
    }

  /* The name each code has most often (first seen on a tie) is its name. */
  for (guint i = 0; i < tables->len; i++)
    {
      const BdxTable *t = g_ptr_array_index (tables, i);

      for (guint j = 0; j < t->rows->len; j++)
        {
          const BdxRow *row = g_ptr_array_index (t->rows, j);
          g_autofree char *key = NULL;
          GPtrArray *counts;
          gboolean found = FALSE;

          if (!bdx__code_is_digits (row->code) || row->name == NULL)
            continue;
          key = bdx__name_key (row->name);
          counts = g_hash_table_lookup (names, row->code);
          if (counts == NULL)
            {
              counts = g_ptr_array_new_with_free_func (name_count_free);
              g_hash_table_insert (names, g_strdup (row->code), counts);
            }
          for (guint k = 0; k < counts->len && !found; k++)
            {
              NameCount *n = g_ptr_array_index (counts, k);

              if (g_str_equal (n->name, key))
                {
                  n->count++;
                  found = TRUE;
                }
            }
          if (!found)
            {
              NameCount *n = g_new0 (NameCount, 1);

              n->name = g_steal_pointer (&key);
              n->count = 1;
              n->order = order++;
              g_ptr_array_add (counts, n);
            }
          any = TRUE;
        }
    }

  for (guint i = 0; i < tables->len; i++)
    {
      const BdxTable *t = g_ptr_array_index (tables, i);
      g_autoptr (GHashTable) reported
          = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint j = 0; j < t->rows->len; j++)
        {
          const BdxRow *row = g_ptr_array_index (t->rows, j);
          g_autofree char *key = NULL;
          const NameCount *best = NULL;
          GPtrArray *counts;

          if (!bdx__code_is_digits (row->code) || row->name == NULL
              || g_hash_table_contains (reported, row->code))
            continue;
          counts = g_hash_table_lookup (names, row->code);
          for (guint k = 0; k < counts->len; k++)
            {
              const NameCount *n = g_ptr_array_index (counts, k);

              if (best == NULL || n->count > best->count
                  || (n->count == best->count && n->order < best->order))
                best = n;
            }
          key = bdx__name_key (row->name);
          if (!g_str_equal (key, best->name))
            {
              g_autofree char *message = g_strdup_printf (
                  "科目编码“%s”在此表名为“%s”，在其他表名为“%s”", row->code,
                  row->name, best->name);

              bdx__emit_status (cx, names_id, t->id, row->code, NULL,
                                BDX_CHECK_FAILED, message);
              g_hash_table_add (reported, row->code);
              mismatch = TRUE;
            }
        }
    }
  if (any && !mismatch)
    bdx__emit_status (cx, names_id, NULL, NULL, NULL, BDX_CHECK_PASSED,
                      "同一科目编码在各表名称一致");
}
