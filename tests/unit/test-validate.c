/* Unit tests for the validation stage: each kind of check on small
 * hand-made documents with rules from temporary pattern sets, the
 * tolerance rule, rule errors, and the seed document (its tables 1–11,
 * facts, projects and performance tables transcribed below) with the
 * shipped patterns/checks.pat, untouched and with one number changed at
 * a time. */
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bdx/text.h"
#include "bdx/validate.h"
#include "validate-private.h"

/* ---- Building documents ------------------------------------------------- */

static BdxMoney
wan (const char *text)
{
  g_autoptr (GError) error = NULL;
  BdxMoney m;

  g_assert_true (bdx_money_parse (text, BDX_UNIT_WAN_YUAN, &m, &error));
  g_assert_no_error (error);
  return m;
}

static BdxMoney
parse_in (const char *text, BdxUnit unit)
{
  g_autoptr (GError) error = NULL;
  BdxMoney m;

  if (g_str_equal (text, "_"))
    return BDX_MONEY_BLANK;
  g_assert_true (bdx_money_parse (text, unit, &m, &error));
  g_assert_no_error (error);
  return m;
}

static BdxSide
side_of (const char *s)
{
  if (g_str_has_prefix (s, "i/"))
    return BDX_SIDE_INCOME;
  if (g_str_has_prefix (s, "e/"))
    return BDX_SIDE_EXPENDITURE;
  return BDX_SIDE_NONE;
}

/* A table from a compact description.
 *
 * columns: column ids separated by blanks, "i/ID" and "e/ID" for the
 * income and expenditure sides of a two-sided table.
 * rows: one per line, "CODE|NAME|VALUES|PROJECT" (PROJECT optional):
 * CODE is digits, empty for an item without a code, or T for a total,
 * prefixed "i/" or "e/" on a two-sided table; VALUES are printed amounts
 * separated by blanks, "_" for a blank cell, missing ones blank.  Names
 * go through the text normalization, as the extractor's do. */
static BdxTable *
make_table_in (const char *id, BdxUnit unit, const char *columns,
               const char *rows)
{
  BdxTable *t = bdx_table_new ();
  g_auto (GStrv) cols = g_strsplit (columns, " ", -1);
  g_auto (GStrv) lines = g_strsplit (rows, "\n", -1);
  int per_side[3] = { 0, 0, 0 };

  t->id = g_strdup (id);
  t->unit = unit;
  for (int i = 0; cols[i] != NULL; i++)
    {
      BdxSide side = side_of (cols[i]);
      const char *cid = side != BDX_SIDE_NONE ? cols[i] + 2 : cols[i];

      if (*cols[i] == '\0')
        continue;
      g_ptr_array_add (t->columns, bdx_column_new (cid, cid, side));
      per_side[side]++;
    }
  for (int i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) f = NULL;
      g_auto (GStrv) values = NULL;
      BdxRow *row;
      const char *code;
      int n = 0;

      g_strstrip (lines[i]);
      if (*lines[i] == '\0')
        continue;
      f = g_strsplit (lines[i], "|", -1);
      g_assert_cmpuint (g_strv_length (f), >=, 3);
      row = bdx_row_new ();
      row->side = side_of (f[0]);
      code = row->side != BDX_SIDE_NONE ? f[0] + 2 : f[0];
      if (g_str_equal (code, "T"))
        row->kind = BDX_ROW_TOTAL;
      else if (*code != '\0')
        {
          row->code = g_strdup (code);
          row->level = strlen (code) == 3 ? 1 : strlen (code) == 5 ? 2 : 3;
        }
      row->name = bdx_text_normalize (f[1], -1);
      if (f[3] != NULL && *f[3] != '\0')
        row->project = bdx_text_normalize (f[3], -1);
      values = g_strsplit (g_strstrip (f[2]), " ", -1);
      for (int j = 0; values[j] != NULL; j++)
        {
          BdxMoney m;

          if (*values[j] == '\0')
            continue;
          m = parse_in (values[j], unit);
          g_array_append_val (row->values, m);
          n++;
        }
      for (; n < per_side[row->side]; n++)
        {
          BdxMoney blank = BDX_MONEY_BLANK;

          g_array_append_val (row->values, blank);
        }
      g_ptr_array_add (t->rows, row);
    }
  return t;
}

static BdxTable *
make_table (const char *id, const char *columns, const char *rows)
{
  return make_table_in (id, BDX_UNIT_WAN_YUAN, columns, rows);
}

static BdxTable *
add_table (BdxDisclosure *d, const char *id, const char *columns,
           const char *rows)
{
  BdxTable *t = make_table (id, columns, rows);

  g_ptr_array_add (d->tables, t);
  return t;
}

static BdxFact *
add_fact (BdxDisclosure *d, const char *key, const char *value,
          const char *share)
{
  BdxFact *f = bdx_fact_new (key);

  f->value = wan (value);
  f->share = g_strdup (share);
  g_ptr_array_add (d->facts, f);
  return f;
}

/* allocation: "item=amount;item=amount" */
static BdxProject *
add_project (BdxDisclosure *d, const char *name, const char *amount,
             const char *allocation)
{
  BdxProject *p = bdx_project_new ();

  p->name = bdx_text_normalize (name, -1);
  p->amount = wan (amount);
  if (allocation != NULL)
    {
      g_auto (GStrv) items = g_strsplit (allocation, ";", -1);

      for (int i = 0; items[i] != NULL; i++)
        {
          g_auto (GStrv) kv = g_strsplit (items[i], "=", 2);

          g_ptr_array_add (p->allocation,
                           bdx_allocation_new (kv[0], wan (kv[1])));
        }
    }
  g_ptr_array_add (d->projects, p);
  return p;
}

static BdxPerformance *
add_performance (BdxDisclosure *d, const char *project, const char *total,
                 const char *fiscal, const char *other)
{
  BdxPerformance *p = bdx_performance_new ();

  p->scope = g_strdup (project != NULL ? "project" : "department");
  p->project = bdx_text_normalize (project, -1);
  p->funds_total = parse_in (total, BDX_UNIT_WAN_YUAN);
  p->funds_fiscal = parse_in (fiscal, BDX_UNIT_WAN_YUAN);
  p->funds_other = parse_in (other, BDX_UNIT_WAN_YUAN);
  g_ptr_array_add (d->performance, p);
  return p;
}

static BdxDisclosure *
new_doc (void)
{
  BdxDisclosure *d = bdx_disclosure_new ();

  d->unit = BDX_UNIT_WAN_YUAN;
  return d;
}

/* ---- Rule sets ---------------------------------------------------------- */

/* Table declarations the small rule sets refer to. */
static const char declarations[]
    = "[table.t]\n"
      "column.total = x\ncolumn.a = x\ncolumn.b = x\ncolumn.c = x\n"
      "[table.u]\n"
      "column.total = x\ncolumn.a = x\ncolumn.b = x\n"
      "[table.s]\n"
      "two_sided = yes\n"
      "income.column.budget = x\nexpenditure.column.budget = x\n"
      "expenditure.column.gb = x\n"
      "[table.p]\n"
      "column.total = x\ncolumn.goods = x\n";

/* A pattern set made of declarations + rules in a temporary directory. */
static BdxPatterns *
load_rules_full (const char *rules, gboolean with_declarations, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bdx-validate-XXXXXX", &local);
  g_autofree char *file = NULL;
  g_autofree char *text = NULL;
  BdxPatterns *p;

  g_assert_no_error (local);
  file = g_build_filename (dir, "checks.pat", NULL);
  text = g_strconcat (with_declarations ? declarations : "", rules, NULL);
  g_assert_true (g_file_set_contents (file, text, -1, &local));
  g_assert_no_error (local);
  p = bdx_patterns_load (dir, error);
  g_assert_cmpint (g_remove (file), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  return p;
}

static BdxPatterns *
load_rules (const char *rules)
{
  g_autoptr (GError) error = NULL;
  BdxPatterns *p = load_rules_full (rules, TRUE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (p);
  return p;
}

static void
run (BdxDisclosure *d, const BdxPatterns *p)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (bdx_validate (d, p, NULL, &error));
  g_assert_no_error (error);
}

/* Validates d with rules; returns d for chaining. */
static void
run_rules (BdxDisclosure *d, const char *rules)
{
  g_autoptr (BdxPatterns) p = load_rules (rules);

  run (d, p);
}

/* The n-th check whose id is id (and row is row when not NULL). */
static const BdxCheck *
find_check (const BdxDisclosure *d, const char *id, const char *row,
            const char *column)
{
  for (guint i = 0; i < d->checks->len; i++)
    {
      const BdxCheck *c = g_ptr_array_index (d->checks, i);

      if (g_strcmp0 (c->id, id) == 0
          && (row == NULL || g_strcmp0 (c->row, row) == 0)
          && (column == NULL || g_strcmp0 (c->column, column) == 0))
        return c;
    }
  return NULL;
}

static const BdxCheck *
get_check (const BdxDisclosure *d, const char *id, const char *row,
           const char *column)
{
  const BdxCheck *c = find_check (d, id, row, column);

  if (c == NULL)
    g_error ("no check %s row %s column %s", id, row, column);
  return c;
}

static void
assert_status (const BdxDisclosure *d, const char *id, const char *row,
               const char *column, BdxCheckStatus status)
{
  const BdxCheck *c = get_check (d, id, row, column);

  if (c->status != status)
    g_error ("%s %s %s: %s (expected %" G_GINT64_FORMAT
             " actual %" G_GINT64_FORMAT " tolerance %" G_GINT64_FORMAT
             "), wanted %s",
             id, row, column, bdx_check_status_name (c->status), c->expected,
             c->actual, c->tolerance, bdx_check_status_name (status));
}

static int
count_status (const BdxDisclosure *d, BdxCheckStatus status)
{
  int n = 0;

  for (guint i = 0; i < d->checks->len; i++)
    n += ((const BdxCheck *)g_ptr_array_index (d->checks, i))->status == status;
  return n;
}

/* "id|table|row|column" of every check with status, sorted, one per
 * line ("-" for NULL); owned. */
static char *
describe (const BdxDisclosure *d, BdxCheckStatus status)
{
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; i < d->checks->len; i++)
    {
      const BdxCheck *c = g_ptr_array_index (d->checks, i);

      if (c->status == status)
        g_ptr_array_add (lines, g_strdup_printf ("%s|%s|%s|%s", c->id,
                                                 c->table ? c->table : "-",
                                                 c->row ? c->row : "-",
                                                 c->column ? c->column : "-"));
    }
  /* Insertion sort by value (the elements are char *). */
  {
    char **v = (char **)lines->pdata;

    for (guint i = 1; i < lines->len; i++)
      for (guint j = i; j > 0 && strcmp (v[j - 1], v[j]) > 0; j--)
        {
          char *tmp = v[j];

          v[j] = v[j - 1];
          v[j - 1] = tmp;
        }
  }
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (char *)g_ptr_array_index (lines, i));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_described (const BdxDisclosure *d, BdxCheckStatus status,
                  const char *expected)
{
  g_autofree char *got = describe (d, status);

  g_assert_cmpstr (got, ==, expected);
}

/* ---- The tolerance rule -------------------------------------------------- */

static void
test_half_unit (void)
{
  /* 417.37 万元: half of 0.01 万元 = 50 元 = 5000 fen. */
  g_assert_cmpint (bdx__half_unit (wan ("417.37"), BDX_UNIT_WAN_YUAN, -1), ==,
                   5000);
  /* "7 万元" read beside two-decimal amounts means 7.00. */
  g_assert_cmpint (bdx__half_unit (wan ("7"), BDX_UNIT_WAN_YUAN, 2), ==, 5000);
  g_assert_cmpint (bdx__half_unit (wan ("7"), BDX_UNIT_WAN_YUAN, -1), ==,
                   500000);
  /* Finer than the reference stays finer. */
  g_assert_cmpint (bdx__half_unit (wan ("1.234"), BDX_UNIT_WAN_YUAN, 2), ==,
                   500);
  /* Printed to the fen: no rounding at all. */
  g_assert_cmpint (
      bdx__half_unit (parse_in ("12.34", BDX_UNIT_YUAN), BDX_UNIT_YUAN, -1), ==,
      0);
  g_assert_cmpint (
      bdx__half_unit (parse_in ("12", BDX_UNIT_YUAN), BDX_UNIT_YUAN, -1), ==,
      50);
  g_assert_cmpint (bdx__half_unit (BDX_MONEY_BLANK, BDX_UNIT_WAN_YUAN, 2), ==,
                   0);
  g_assert_cmpint (bdx__half_unit (wan ("1.00"), BDX_UNIT_UNKNOWN, 2), ==, 0);
}

static const char row_sum_rules[] = "[check.row_sum.t]\n"
                                    "id = t.row_total\n"
                                    "table = t\n"
                                    "total = total\n"
                                    "parts = a b ?c\n"
                                    "message = 合计 ≠ a + b\n";

static void
test_row_sum (void)
{
  g_autoptr (BdxDisclosure) d = new_doc ();

  add_table (d, "t", "total a b",
             "|exact|3.00 1.00 2.00\n"
             "|rounded|0.02 0.01 0.02\n" /* 0.03 vs 0.02: 1 unit, 3 amounts */
             "|wrong|3.10 1.00 2.00\n"   /* off by 0.10 */
             "2014101|contract|54.80 54.81 _\n" /* the contract's example */
             "|blank total|_ 1.00 2.00\n"
             "|blank parts|5.00 _ _\n"
             "|zero total|0.00 _ _\n"
             "|nothing|_ _ _\n");
  run_rules (d, row_sum_rules);

  assert_status (d, "t.row_total", "exact", "total", BDX_CHECK_PASSED);
  assert_status (d, "t.row_total", "rounded", "total",
                 BDX_CHECK_WITHIN_ROUNDING);
  g_assert_cmpint (get_check (d, "t.row_total", "rounded", NULL)->tolerance, ==,
                   15000);
  assert_status (d, "t.row_total", "wrong", "total", BDX_CHECK_FAILED);
  {
    const BdxCheck *c = get_check (d, "t.row_total", "2014101", NULL);

    /* One amount against one: equal or failed, never rounding. */
    g_assert_cmpint (c->status, ==, BDX_CHECK_FAILED);
    g_assert_cmpint (c->expected, ==, 54810000);
    g_assert_cmpint (c->actual, ==, 54800000);
    g_assert_cmpint (c->tolerance, ==, 10000);
    g_assert_cmpstr (c->table, ==, "t");
    g_assert_cmpstr (c->message, ==, "合计 ≠ a + b");
  }
  assert_status (d, "t.row_total", "blank total", NULL, BDX_CHECK_FAILED);
  assert_status (d, "t.row_total", "blank parts", NULL, BDX_CHECK_FAILED);
  assert_status (d, "t.row_total", "zero total", NULL, BDX_CHECK_PASSED);
  g_assert_null (find_check (d, "t.row_total", "nothing", NULL));
  g_assert_cmpuint (d->checks->len, ==, 7);
}

static void
test_row_sum_tolerance_grows (void)
{
  g_autoptr (BdxDisclosure) d = new_doc ();
  g_autoptr (BdxPatterns) p = load_rules ("[check.row_sum.t]\n"
                                          "id = t.row_total\n"
                                          "table = t\n"
                                          "total = total\n"
                                          "parts = a b c\n");

  /* Three parts and a total: 4 × 0.005 = 0.02 tolerance, strict, so
   * 0.01 is rounding and 0.02 is not. */
  add_table (d, "t", "total a b c",
             "|one|0.04 0.01 0.01 0.01\n"
             "|two|0.05 0.01 0.01 0.01\n");
  run (d, p);
  assert_status (d, "t.row_total", "one", NULL, BDX_CHECK_WITHIN_ROUNDING);
  assert_status (d, "t.row_total", "two", NULL, BDX_CHECK_FAILED);
  g_assert_cmpint (get_check (d, "t.row_total", "two", NULL)->tolerance, ==,
                   20000);
}

static void
test_row_sum_absent (void)
{
  g_autoptr (BdxDisclosure) d = new_doc ();
  g_autoptr (BdxPatterns) p = load_rules (row_sum_rules);

  /* No table t: nothing.  Table t without column b (required): nothing;
   * without c (optional): checked. */
  add_table (d, "u", "total a b", "|x|1.00 2.00 3.00\n");
  run (d, p);
  g_assert_cmpuint (d->checks->len, ==, 0);

  g_ptr_array_set_size (d->tables, 0);
  add_table (d, "t", "total a", "|x|1.00 1.00\n");
  run (d, p);
  g_assert_cmpuint (d->checks->len, ==, 0);

  g_ptr_array_set_size (d->tables, 0);
  add_table (d, "t", "total a b", "|x|3.00 1.00 2.00\n");
  run (d, p);
  g_assert_cmpuint (d->checks->len, ==, 1);
  assert_status (d, "t.row_total", "x", NULL, BDX_CHECK_PASSED);

  /* A printed-empty table has no rows: nothing. */
  g_ptr_array_set_size (d->tables, 0);
  add_table (d, "t", "total a b c", "")->empty = TRUE;
  run (d, p);
  g_assert_cmpuint (d->checks->len, ==, 0);
}

static void
test_row_sum_unknown_columns (void)
{
  g_autoptr (BdxDisclosure) d = new_doc ();
  BdxTable *t;

  /* A column no pattern knows (id NULL) may be a part of the total: rows
   * with an amount in it are not checked, the others are. */
  t = add_table (d, "t", "total a b x",
                 "|uses x|4.00 1.00 2.00 1.00\n"
                 "|x zero|3.00 1.00 2.00 0.00\n"
                 "|x blank|3.10 1.00 2.00 _\n");
  g_clear_pointer (&((BdxColumn *)g_ptr_array_index (t->columns, 3))->id,
                   g_free);
  run_rules (d, row_sum_rules);
  g_assert_null (find_check (d, "t.row_total", "uses x", NULL));
  assert_status (d, "t.row_total", "x zero", NULL, BDX_CHECK_PASSED);
  assert_status (d, "t.row_total", "x blank", NULL, BDX_CHECK_FAILED);
}

/* ---- column_sum --------------------------------------------------------- */

static const char column_sum_rules[] = "[check.column_sum.t]\n"
                                       "id = t.total\n"
                                       "table = t\n"
                                       "total = @total\n"
                                       "part ~ 因公出国\n"
                                       "part ~ 公务接待\n"
                                       "part ~ 公务用车购置及运行\n"
                                       "[check.column_sum.vehicle]\n"
                                       "id = t.vehicle\n"
                                       "table = t\n"
                                       "total ~ 公务用车购置及运行\n"
                                       "part ~ 公务用车购置费$\n"
                                       "part ~ 公务用车运行(维护)?费$\n"
                                       "columns = total a\n";

static void
test_column_sum (void)
{
  g_autoptr (BdxDisclosure) d = new_doc ();
  g_autoptr (BdxPatterns) p = load_rules (column_sum_rules);

  add_table (d, "t", "total a b",
             "T|合计|3.10 3.10\n"
             "|因公出国（境）费|_\n"
             "|公务接待费|0.80 0.80\n"
             "|公务用车购置及运行费（小计）|2.30 2.40\n"
             "|其中：公务用车购置费|_\n"
             "|公务用车运行费|2.30 2.30\n");
  run (d, p);
  assert_status (d, "t.total", "合计", "total", BDX_CHECK_PASSED);
  assert_status (d, "t.total", "合计", "a", BDX_CHECK_FAILED);
  g_assert_null (find_check (d, "t.total", NULL, "b")); /* all blank */
  assert_status (d, "t.vehicle", "公务用车购置及运行费(小计)", "total",
                 BDX_CHECK_PASSED);
  assert_status (d, "t.vehicle", NULL, "a", BDX_CHECK_FAILED);
  g_assert_cmpuint (d->checks->len, ==, 4);

  /* None of the parts printed: nothing to add up. */
  g_ptr_array_set_size (d->tables, 0);
  add_table (d, "t", "total a b", "T|合计|3.10 3.10\n|其他|3.10 3.10\n");
  run (d, p);
  g_assert_cmpuint (d->checks->len, ==, 0);
}

/* ---- hierarchy ---------------------------------------------------------- */

static void
test_hierarchy (void)
{
  g_autoptr (BdxDisclosure) d = new_doc ();

  /* Printed out of order; 21011's items are rounded one by one. */
  add_table (d, "t", "total a",
             "2101101|行政单位医疗|3.62 3.62\n"
             "T|总计|29.96 29.96\n"
             "210|卫生健康支出|11.04 11.04\n"
             "2101102|事业单位医疗|6.15 6.15\n"
             "21011|行政事业单位医疗|11.04 11.04\n"
             "2101103|公务员医疗补助|1.28 1.28\n"
             "201|一般公共服务支出|18.92 18.82\n"
             "20141|数据事务|18.92 18.92\n"
             "2014101|行政运行|18.92 18.92\n");
  run_rules (d, "[check.hierarchy.t]\nid = t.hierarchy\ntable = t\n");

  assert_status (d, "t.hierarchy", "总计", "total", BDX_CHECK_PASSED);
  g_assert_cmpstr (get_check (d, "t.hierarchy", "总计", "total")->message, ==,
                   "总计 ≠ Σ类");
  assert_status (d, "t.hierarchy", "总计", "a", BDX_CHECK_FAILED);
  assert_status (d, "t.hierarchy", "210", "total", BDX_CHECK_PASSED);
  assert_status (d, "t.hierarchy", "21011", "total", BDX_CHECK_WITHIN_ROUNDING);
  g_assert_cmpstr (get_check (d, "t.hierarchy", "21011", "total")->message, ==,
                   "款 ≠ Σ项");
  g_assert_cmpint (get_check (d, "t.hierarchy", "21011", "total")->tolerance,
                   ==, 20000);
  assert_status (d, "t.hierarchy", "201", "total", BDX_CHECK_PASSED);
  assert_status (d, "t.hierarchy", "201", "a", BDX_CHECK_FAILED);
  g_assert_cmpstr (get_check (d, "t.hierarchy", "201", "a")->message, ==,
                   "类 ≠ Σ款");
  assert_status (d, "t.hierarchy", "20141", "a", BDX_CHECK_PASSED);
  g_assert_null (find_check (d, "t.hierarchy", "2014101", NULL)); /* a leaf */
}

static void
test_hierarchy_projects (void)
{
  g_autoptr (BdxDisclosure) d = new_doc ();
  g_autoptr (BdxPatterns) p
      = load_rules ("[check.hierarchy.p]\nid = p.hierarchy\ntable = p\n");

  /* The project table: one row per project under the same code. */
  add_table (d, "p", "total goods",
             "T|总计|30.00 20.00\n"
             "|某局|30.00 20.00\n"
             "201|一般公共服务支出|30.00 20.00\n"
             "20141|数据事务|30.00 20.00\n"
             "2014199|其他数据事务支出|10.00 10.00|甲项目\n"
             "2014199|其他数据事务支出|20.00 10.00|乙项目\n");
  run (d, p);
  assert_status (d, "p.hierarchy", "20141", "total", BDX_CHECK_PASSED);
  assert_status (d, "p.hierarchy", "20141", "goods", BDX_CHECK_PASSED);
  g_assert_cmpint (get_check (d, "p.hierarchy", "20141", "total")->expected, ==,
                   30000000);

  /* The same code printed once as a subtotal, then per project: the
   * subtotal stands for the code, and is checked against the projects. */
  g_ptr_array_set_size (d->tables, 0);
  add_table (d, "p", "total goods",
             "T|总计|30.00 20.00\n"
             "201|一般公共服务支出|30.00 20.00\n"
             "20141|数据事务|30.00 20.00\n"
             "2014199|其他数据事务支出|30.00 20.00\n"
             "2014199|其他数据事务支出|10.00 10.00|甲项目\n"
             "2014199|其他数据事务支出|20.00 11.00|乙项目\n");
  run (d, p);
  assert_status (d, "p.hierarchy", "20141", "total", BDX_CHECK_PASSED);
  assert_status (d, "p.hierarchy", "20141", "goods", BDX_CHECK_PASSED);
  assert_status (d, "p.hierarchy", "2014199", "total", BDX_CHECK_PASSED);
  assert_status (d, "p.hierarchy", "2014199", "goods", BDX_CHECK_FAILED);
  g_assert_cmpstr (get_check (d, "p.hierarchy", "2014199", "goods")->message,
                   ==, "科目小计 ≠ Σ项目");
}

static void
test_hierarchy_economic (void)
{
  g_autoptr (BdxDisclosure) d = new_doc ();

  add_table (d, "u", "total a b",
             "T|总计|6.20 0.02 6.18\n"
             "302|商品和服务支出|6.18 _ 6.18\n"
             "30201|办公费|2.10 _ 2.10\n"
             "30299|其他商品和服务支出|4.07 _ 4.07\n"
             "303|对个人和家庭的补助|0.02 0.02\n"
             "30309|奖励金|0.02 0.02\n");
  run_rules (d, "[check.hierarchy.u]\nid = u.hierarchy\ntable = u\n"
                "lengths = 3 5\ncolumns = total b\n");
  assert_status (d, "u.hierarchy", "总计", "total", BDX_CHECK_PASSED);
  assert_status (d, "u.hierarchy", "302", "total", BDX_CHECK_WITHIN_ROUNDING);
  assert_status (d, "u.hierarchy", "302", "b", BDX_CHECK_WITHIN_ROUNDING);
  assert_status (d, "u.hierarchy", "303", "total", BDX_CHECK_PASSED);
  g_assert_null (find_check (d, "u.hierarchy", NULL, "a"));  /* not listed */
  g_assert_null (find_check (d, "u.hierarchy", "303", "b")); /* all blank */
}

/* ---- equal -------------------------------------------------------------- */

static void
test_equal_cross (void)
{
  g_autoptr (BdxDisclosure) d = new_doc ();

  /* s lists only 类; t lists 类, 款 and 项. */
  add_table (d, "s", "i/budget e/budget e/gb",
             "i/T|收入总计|30.00\n"
             "e/201|一般公共服务支出|20.00 20.00\n"
             "e/202|外交支出|_ _\n"
             "e/208|社会保障和就业支出|10.00 10.00\n"
             "e/T|支出总计|30.00 30.00\n");
  add_table (d, "t", "total a",
             "T|总计|30.10 20.00\n"
             "201|一般公共服务支出|20.00 20.00\n"
             "20141|数据事务|20.00 20.00\n"
             "208|社会保障和就业支出|10.10 _\n");
  run_rules (d, "[check.equal.balance]\n"
                "id = cross.s.balance\n"
                "left = s.income:@total:budget\n"
                "right = s.expenditure:@total:budget\n"
                "message = 收入总计 ≠ 支出总计\n"
                "[check.equal.total]\n"
                "id = cross.s=t.total\n"
                "left = s.expenditure:@total:budget\n"
                "right = t:@total:total\n"
                "[check.equal.code]\n"
                "id = cross.s=t.code\n"
                "each = code\n"
                "left = s.expenditure:#*:budget\n"
                "right = t:#*:total\n"
                "[check.equal.absent]\n"
                "left = s.expenditure:@total:budget\n"
                "right = u:@total:total\n"
                "[check.equal.optional]\n"
                "id = cross.optional\n"
                "left = s.expenditure:@total:gb\n"
                "right = t:@total:a + ?u:@total:total + ?t:#999:a\n"
                "[check.equal.nothing]\n"
                "id = cross.nothing\n"
                "left = ?u:@total:total\n"
                "right = t:@total:a\n");

  assert_status (d, "cross.s.balance", "收入总计", "budget", BDX_CHECK_PASSED);
  {
    const BdxCheck *c = get_check (d, "cross.s=t.total", NULL, NULL);

    g_assert_cmpint (c->status, ==, BDX_CHECK_FAILED);
    g_assert_cmpstr (c->table, ==, "s");
    g_assert_cmpstr (c->row, ==, "支出总计");
    g_assert_cmpint (c->tolerance, ==, 10000);
  }
  assert_status (d, "cross.s=t.code", "201", NULL, BDX_CHECK_PASSED);
  assert_status (d, "cross.s=t.code", "208", NULL, BDX_CHECK_FAILED);
  /* 20141 is not compared: s does not list 款.  202 is blank in s and
   * absent from t: nothing to check. */
  g_assert_null (find_check (d, "cross.s=t.code", "20141", NULL));
  g_assert_null (find_check (d, "cross.s=t.code", "202", NULL));
  g_assert_null (find_check (d, "absent", NULL, NULL));
  assert_status (d, "cross.optional", NULL, NULL, BDX_CHECK_FAILED);
  g_assert_cmpint (get_check (d, "cross.optional", NULL, NULL)->expected, ==,
                   20000000);
  g_assert_null (find_check (d, "cross.nothing", NULL, NULL));
}

static void
test_equal_missing_rows (void)
{
  g_autoptr (BdxDisclosure) d = new_doc ();
  g_autoptr (BdxPatterns) p = load_rules ("[check.equal.total]\n"
                                          "id = total\n"
                                          "left = t:@total:total\n"
                                          "right = u:@total:total\n"
                                          "[check.equal.named]\n"
                                          "id = named\n"
                                          "left = t:$r:total\n"
                                          "right = u:@total:total\n"
                                          "row.r ~ ^一般公共预算$\n"
                                          "[check.equal.code]\n"
                                          "id = code\n"
                                          "left = t:#201:total\n"
                                          "right = u:@total:total\n");

  /* t prints neither a total row nor a row called 一般公共预算: a
   * template that does not state those numbers, no check.  A code t does
   * not list is nothing spent on it: blank. */
  add_table (d, "t", "total", "|其他|1.00\n");
  add_table (d, "u", "total", "T|合计|5.00\n");
  run (d, p);
  g_assert_null (find_check (d, "total", NULL, NULL));
  g_assert_null (find_check (d, "named", NULL, NULL));
  assert_status (d, "code", "201", NULL, BDX_CHECK_FAILED);
  g_assert_cmpint (get_check (d, "code", NULL, NULL)->actual, ==, 0);

  /* A table printed empty states zero. */
  g_ptr_array_set_size (d->tables, 0);
  add_table (d, "t", "total", "")->empty = TRUE;
  add_table (d, "u", "total", "T|合计|5.00\n");
  run (d, p);
  assert_status (d, "total", NULL, NULL, BDX_CHECK_FAILED);
}

static void
test_text_unit (void)
{
  g_autoptr (BdxDisclosure) d = new_doc ();
  BdxFact *f;

  /* Tables in 元 printed to the fen, the text in 万元 rounded to 0.01
   * 万元 (50 元 either way). */
  d->unit = BDX_UNIT_YUAN;
  g_ptr_array_add (d->tables,
                   make_table_in ("t", BDX_UNIT_YUAN, "total a",
                                  "T|合计|156211123.45 156211123.45\n"));
  f = add_fact (d, "income_total", "15621.11", NULL);
  f->text = g_strdup ("收入预算15621.11万元，其中");
  f = add_fact (d, "expenditure_total", "15621.11", NULL);
  f->text = g_strdup ("支出预算15621.11万元");
  run_rules (d, "[check.fact_equal.x]\nid = income\n"
                "left = fact:income_total\nright = t:@total:total\n"
                "[check.fact_equal.y]\nid = expenditure\n"
                "left = fact:expenditure_total\nright = t:@total:a\n");
  assert_status (d, "income", NULL, NULL, BDX_CHECK_WITHIN_ROUNDING);
  g_assert_cmpint (get_check (d, "income", NULL, NULL)->tolerance, ==, 5000);
  /* Without a unit in the text the text is taken to be in 万元 too. */
  assert_status (d, "expenditure", NULL, NULL, BDX_CHECK_WITHIN_ROUNDING);

  g_free (f->text);
  f->text = g_strdup ("支出预算156211100元");
  f->value = parse_in ("156211100", BDX_UNIT_YUAN);
  run_rules (d, "[check.fact_equal.y]\nid = expenditure\n"
                "left = fact:expenditure_total\nright = t:@total:a\n");
  /* Printed in 元 to the 元: half a 元. */
  assert_status (d, "expenditure", NULL, NULL, BDX_CHECK_FAILED);
  g_assert_cmpint (get_check (d, "expenditure", NULL, NULL)->tolerance, ==, 50);
}

static void
test_equal_at_least (void)
{
  g_autoptr (BdxDisclosure) d = new_doc ();

  add_table (d, "t", "total a",
             "|公务接待费|0.80 0.80\n"
             "|因公出国（境）费|_ _\n");
  add_table (d, "u", "total",
             "30217|公务接待费|0.80\n"
             "30212|因公出国（境）费用|0.50\n"
             "30231|公务用车运行维护费|0.10\n");
  run_rules (d, "[check.equal.reception]\n"
                "id = ge.reception\n"
                "relation = >=\n"
                "left = t:$r:a\n"
                "right = u:#30217:total\n"
                "row.r ~ 公务接待\n"
                "[check.equal.abroad]\n"
                "id = ge.abroad\n"
                "relation = >=\n"
                "left = t:$r:a\n"
                "right = u:#30212:total\n"
                "row.r ~ 因公出国\n"
                "[check.equal.bigger]\n"
                "id = ge.bigger\n"
                "relation = >=\n"
                "left = t:$r:a\n"
                "right = u:#30231:total\n"
                "row.r = 公务接待费\n");
  assert_status (d, "ge.reception", "公务接待费", "a", BDX_CHECK_PASSED);
  assert_status (d, "ge.abroad", "因公出国(境)费", "a", BDX_CHECK_FAILED);
  assert_status (d, "ge.bigger", NULL, NULL, BDX_CHECK_PASSED);
}

/* ---- facts -------------------------------------------------------------- */

static const char fact_rules[]
    = "[check.fact_equal.basic]\n"
      "id = facts.basic_expenditure\n"
      "left = fact:basic_expenditure\n"
      "right = t:@total:a\n"
      "[check.fact_equal.abroad]\n"
      "id = facts.three_public_abroad\n"
      "left = fact:three_public_abroad\n"
      "right = t:$r:total\n"
      "row.r ~ 因公出国\n"
      "[check.fact_equal.class]\n"
      "id = facts.general_budget_class.*\n"
      "each = fact:general_budget_class\n"
      "left = fact:general_budget_class.*\n"
      "right = t:#*:total\n"
      "[check.equal.parts]\n"
      "id = facts.procurement_total.parts\n"
      "left = fact:procurement_total\n"
      "right = ?fact:procurement_goods + ?fact:procurement_works + "
      "?fact:procurement_services\n";

static void
test_fact_equal (void)
{
  g_autoptr (BdxDisclosure) d = new_doc ();
  g_autoptr (BdxPatterns) p = load_rules (fact_rules);

  add_table (d, "t", "total a",
             "T|总计|417.37 186.63\n"
             "|因公出国（境）费|_\n"
             "201|一般公共服务支出|373.03\n"
             "208|社会保障和就业支出|44.34\n");
  add_fact (d, "basic_expenditure", "186.63", "44.72");
  add_fact (d, "three_public_abroad", "0.00", NULL); /* blank cell: 0 */
  add_fact (d, "general_budget_class.201", "373.03", NULL);
  add_fact (d, "general_budget_class.208", "44.43", NULL);
  add_fact (d, "procurement_total", "184.74", NULL);
  add_fact (d, "procurement_goods", "21.44", NULL);
  add_fact (d, "procurement_services", "163.3", NULL); /* 163.30 */
  run (d, p);

  {
    const BdxCheck *c = get_check (d, "facts.basic_expenditure", NULL, NULL);

    g_assert_cmpint (c->status, ==, BDX_CHECK_PASSED);
    g_assert_cmpstr (c->table, ==, "t"); /* where the text's number is */
    g_assert_cmpstr (c->row, ==, "总计");
    g_assert_cmpstr (c->column, ==, "a");
  }
  assert_status (d, "facts.three_public_abroad", NULL, NULL, BDX_CHECK_PASSED);
  assert_status (d, "facts.general_budget_class.201", "201", NULL,
                 BDX_CHECK_PASSED);
  assert_status (d, "facts.general_budget_class.208", "208", NULL,
                 BDX_CHECK_FAILED);
  {
    const BdxCheck *c
        = get_check (d, "facts.procurement_total.parts", NULL, NULL);

    g_assert_cmpint (c->status, ==, BDX_CHECK_PASSED);
    g_assert_null (c->table);
    g_assert_cmpstr (c->row, ==, "procurement_total");
  }

  /* A fact the text does not state: no check. */
  g_ptr_array_set_size (d->facts, 0);
  run (d, p);
  g_assert_cmpuint (d->checks->len, ==, 0);
}

static const char share_rules[] = "[check.fact_share.basic]\n"
                                  "id = facts.basic_expenditure.share\n"
                                  "fact = basic_expenditure\n"
                                  "base = fact:expenditure_total\n"
                                  "base = t:@total:total\n"
                                  "[check.fact_share.class]\n"
                                  "id = facts.general_budget_class.*.share\n"
                                  "fact = general_budget_class.*\n"
                                  "base = t:@total:total\n";

static void
test_fact_share (void)
{
  g_autoptr (BdxDisclosure) d = new_doc ();
  g_autoptr (BdxPatterns) p = load_rules (share_rules);
  const BdxCheck *c;

  add_table (d, "t", "total", "T|总计|417.37\n|x|3.00\n");
  add_fact (d, "basic_expenditure", "186.63", "44.72");
  add_fact (d, "general_budget_class.201", "373.03", "89.38");
  add_fact (d, "general_budget_class.208", "18.38", "4.41");
  add_fact (d, "general_budget_class.209", "18.38", "4.42");
  add_fact (d, "general_budget_class.210", "11.04", "2.75");
  add_fact (d, "general_budget_class.221", "14.92", NULL); /* no share */
  run (d, p);

  /* 186.63 / 417.37 = 44.7157 %: printed 44.72 is its rounding. */
  c = get_check (d, "facts.basic_expenditure.share", "basic_expenditure", NULL);
  g_assert_cmpint (c->status, ==, BDX_CHECK_PASSED);
  g_assert_cmpint (c->expected, ==, 447157);
  g_assert_cmpint (c->actual, ==, 447200);
  g_assert_cmpint (c->tolerance, >, 50);
  g_assert_cmpint (c->tolerance, <, 80);
  assert_status (d, "facts.general_budget_class.201.share", NULL, NULL,
                 BDX_CHECK_PASSED);
  /* 18.38 / 417.37 = 4.4037 %, but 18.385 / 417.365 = 4.4050 %, which
   * a printer rounds to 4.41: possible.  4.42 is not. */
  assert_status (d, "facts.general_budget_class.208.share", NULL, NULL,
                 BDX_CHECK_WITHIN_ROUNDING);
  assert_status (d, "facts.general_budget_class.209.share", NULL, NULL,
                 BDX_CHECK_FAILED);
  assert_status (d, "facts.general_budget_class.210.share", NULL, NULL,
                 BDX_CHECK_FAILED);
  g_assert_null (
      find_check (d, "facts.general_budget_class.221.share", NULL, NULL));

  /* Within rounding: 1.00 / 3.00 = 33.33 %, but the true amounts may be
   * 1.005 / 2.995 = 33.56 %: a printed 33.50 is possible, 33.60 is not. */

  g_ptr_array_set_size (d->facts, 0);
  add_fact (d, "expenditure_total", "3.00", NULL);
  add_fact (d, "basic_expenditure", "1.00", "33.50");
  run (d, p);
  assert_status (d, "facts.basic_expenditure.share", NULL, NULL,
                 BDX_CHECK_WITHIN_ROUNDING);
  g_ptr_array_set_size (d->facts, 0);
  add_fact (d, "expenditure_total", "3.00", NULL);
  add_fact (d, "basic_expenditure", "1.00", "33.60");
  run (d, p);
  assert_status (d, "facts.basic_expenditure.share", NULL, NULL,
                 BDX_CHECK_FAILED);
  /* A share pushed off its rounding to make the shares add up to 100 %
   * (a Jiangsu budget: 13994.31 / 21955.35 = 63.740 %, printed 63.75) is
   * not what the amounts give: failed. */
  g_ptr_array_set_size (d->facts, 0);
  add_fact (d, "expenditure_total", "21955.35", NULL);
  add_fact (d, "basic_expenditure", "13994.31", "63.75");
  run (d, p);
  assert_status (d, "facts.basic_expenditure.share", NULL, NULL,
                 BDX_CHECK_FAILED);
  /* The first base the document states is used: here the table. */
  g_ptr_array_set_size (d->facts, 0);
  add_fact (d, "basic_expenditure", "3.00", "100.00");
  run (d, p);
  assert_status (d, "facts.basic_expenditure.share", NULL, NULL,
                 BDX_CHECK_FAILED);
  g_ptr_array_set_size (d->facts, 0);
  add_fact (d, "basic_expenditure", "417.37", "100");
  run (d, p);
  assert_status (d, "facts.basic_expenditure.share", NULL, NULL,
                 BDX_CHECK_PASSED);
  /* An unreadable percentage is reported, not ignored. */
  g_ptr_array_set_size (d->facts, 0);
  add_fact (d, "basic_expenditure", "186.63", "约四成");
  run (d, p);
  assert_status (d, "facts.basic_expenditure.share", NULL, NULL,
                 BDX_CHECK_FAILED);
}

/* ---- projects ----------------------------------------------------------- */

static const char project_rules[]
    = "[check.project_vs_table.p]\n"
      "id = projects.table\n"
      "table = p\n"
      "column = total\n"
      "[check.allocation_sum.x]\n"
      "id = projects.allocation\n"
      "[check.performance_funds.x]\n"
      "id = performance\n"
      "table = p\n"
      "column = total\n"
      "department = fact:performance_department_targets\n"
      "department = t:@total:total\n";

static void
test_projects (void)
{
  g_autoptr (BdxDisclosure) d = new_doc ();
  g_autoptr (BdxPatterns) p = load_rules (project_rules);

  add_table (
      d, "p", "total goods",
      "T|总计|163.74\n"
      "2014199|其他数据事务支出|62.40 8.50|克州电子政务外网专项运维费项目\n"
      "2014199|其他数据事务支出|101.34 101.34|克州 12345 "
      "政务服务便民热线经费项目\n");
  add_table (d, "t", "total", "T|总计|417.37\n");
  add_project (d, "克州电子政务外网专项运维费项目", "62.40",
               "等保测评=7;链路费=22.68;设备购置=32.72");
  add_project (d, "克州12345政务服务便民热线经费项目", "101.34",
               "话务员工资=75.6;维护费=20;设备租赁费=3.94;短信费=1.8");
  add_project (d, "克州政务服务大厅维保经费项目", "30.00",
               "人员费用=10;设备升级费用=14;备品备件采购=6.1");
  add_project (d, "克州数字化发展局公车购置项目", "20.00", NULL);
  add_performance (d, NULL, "417.37", "417.37", "0.00");
  add_performance (d, "克州 12345 政务服务便民热线经费项目", "101.34", "101.34",
                   "0.00");
  add_performance (d, "克州电子政务外网专项运维费项目", "62.50", "62.40",
                   "0.00");
  add_performance (d, "某个未列出的项目", "5.00", "_", "_");
  run (d, p);

  assert_status (d, "projects.table", "克州电子政务外网专项运维费项目", "total",
                 BDX_CHECK_PASSED);
  assert_status (d, "projects.table", "克州12345政务服务便民热线经费项目", NULL,
                 BDX_CHECK_PASSED);
  {
    const BdxCheck *c
        = get_check (d, "projects.table", "克州政务服务大厅维保经费项目", NULL);

    g_assert_cmpint (c->status, ==, BDX_CHECK_FAILED);
    g_assert_cmpstr (c->table, ==, "p");
    g_assert_cmpstr (c->message, ==, "项目未列入项目支出表");
  }
  /* "7 万元" beside "22.68 万元" is 7.00: the sum is exact. */
  assert_status (d, "projects.allocation", "克州电子政务外网专项运维费项目",
                 NULL, BDX_CHECK_PASSED);
  g_assert_cmpint (get_check (d, "projects.allocation",
                              "克州电子政务外网专项运维费项目", NULL)
                       ->tolerance,
                   ==, 20000);
  assert_status (d, "projects.allocation", "克州12345政务服务便民热线经费项目",
                 NULL, BDX_CHECK_PASSED);
  assert_status (d, "projects.allocation", "克州政务服务大厅维保经费项目", NULL,
                 BDX_CHECK_FAILED);
  g_assert_null (find_check (d, "projects.allocation",
                             "克州数字化发展局公车购置项目", NULL));

  assert_status (d, "performance.department_funds", NULL, NULL,
                 BDX_CHECK_PASSED);
  assert_status (d, "performance.project_funds",
                 "克州12345政务服务便民热线经费项目", NULL, BDX_CHECK_PASSED);
  assert_status (d, "performance.project_funds",
                 "克州电子政务外网专项运维费项目", NULL, BDX_CHECK_FAILED);
  assert_status (d, "performance.funds_sum", "克州电子政务外网专项运维费项目",
                 NULL, BDX_CHECK_FAILED);
  assert_status (d, "performance.funds_sum",
                 "克州12345政务服务便民热线经费项目", NULL, BDX_CHECK_PASSED);
  assert_status (d, "performance.project_funds", "某个未列出的项目", NULL,
                 BDX_CHECK_FAILED);

  /* Without the text's projects, the performance table is compared with
   * the project table. */
  g_ptr_array_set_size (d->projects, 0);
  run (d, p);
  {
    const BdxCheck *c = get_check (d, "performance.project_funds",
                                   "克州12345政务服务便民热线经费项目", NULL);

    g_assert_cmpint (c->status, ==, BDX_CHECK_PASSED);
    g_assert_cmpstr (c->table, ==, "p");
  }

  /* Without the project table, projects are not compared with it. */
  g_ptr_array_set_size (d->tables, 0);
  add_project (d, "甲", "1.00", NULL);
  run (d, p);
  g_assert_null (find_check (d, "projects.table", NULL, NULL));
}

/* ---- codes -------------------------------------------------------------- */

static void
test_codes (void)
{
  g_autoptr (BdxDisclosure) d = new_doc ();
  g_autoptr (BdxPatterns) p = load_rules ("[check.codes.f]\n"
                                          "id = codes\n"
                                          "tables = t s.expenditure\n"
                                          "lengths = 3 5 7\n");
  BdxTable *t;

  add_table (d, "t", "total",
             "201|一般公共服务支出|1.00\n"
             "20141|数据事务|1.00\n"
             "2014101|行政运行|1.00\n");
  add_table (d, "s", "i/budget e/budget",
             "e/201|一般公共服务 支出|1.00\n"
             "e/208|社会保障和就业支出|_\n");
  run (d, p);
  assert_status (d, "codes.well_formed", NULL, NULL, BDX_CHECK_PASSED);
  g_assert_cmpstr (get_check (d, "codes.well_formed", NULL, NULL)->table, ==,
                   "t");
  assert_status (d, "codes.parent", NULL, NULL, BDX_CHECK_PASSED);
  assert_status (d, "codes.name", NULL, NULL, BDX_CHECK_PASSED);
  g_assert_cmpint (count_status (d, BDX_CHECK_FAILED), ==, 0);

  /* A malformed code, a 项 whose 款 is missing, a name that differs. */
  t = g_ptr_array_index (d->tables, 0);
  {
    g_autoptr (BdxTable) x
        = make_table ("x", "total",
                      "20141x|坏编码|1.00\n"
                      "2080505|机关事业单位基本养老保险缴费支出|1.00\n"
                      "2080506|机关事业单位职业年金缴费支出|1.00\n"
                      "208|社会保障和就业|1.00\n");

    while (x->rows->len > 0)
      g_ptr_array_add (t->rows, g_ptr_array_steal_index (x->rows, 0));
  }
  run (d, p);
  assert_status (d, "codes.well_formed", "20141x", NULL, BDX_CHECK_FAILED);
  g_assert_cmpstr (get_check (d, "codes.well_formed", "20141x", NULL)->table,
                   ==, "t");
  assert_status (d, "codes.parent", "2080505", NULL, BDX_CHECK_FAILED);
  g_assert_cmpstr (get_check (d, "codes.parent", "2080505", NULL)->message, ==,
                   "科目编码“2080505”的上级科目“20805”未列出");
  g_assert_null (find_check (d, "codes.parent", "2080506", NULL)); /* once */
  /* 208 is named one way in t and another in s: with one of each, the
   * first seen is the reference and s differs. */
  assert_status (d, "codes.name", "208", NULL, BDX_CHECK_FAILED);
  g_assert_cmpstr (get_check (d, "codes.name", "208", NULL)->table, ==, "s");
}

/* ---- rule errors -------------------------------------------------------- */

static void
assert_rule_error (const char *rules, const char *message)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BdxPatterns) p = load_rules_full (rules, TRUE, &error);
  g_autoptr (BdxDisclosure) d = new_doc ();
  BdxCheck *old = bdx_check_new ("old");

  g_assert_no_error (error);
  g_ptr_array_add (d->checks, old);
  g_assert_false (bdx_validate (d, p, NULL, &error));
  g_assert_error (error, BDX_ERROR, BDX_ERROR_PATTERN);
  if (strstr (error->message, message) == NULL)
    g_error ("'%s' does not contain '%s'", error->message, message);
  /* The checks were left alone. */
  g_assert_cmpuint (d->checks->len, ==, 1);
  g_assert_true (g_ptr_array_index (d->checks, 0) == old);
  g_clear_error (&error);
  g_assert_false (bdx_validate_check_rules (p, NULL, &error));
  g_assert_error (error, BDX_ERROR, BDX_ERROR_PATTERN);
}

static void
test_rule_errors (void)
{
  /* The declarations take 17 lines: a rule's header is line 18, its
   * first entry line 19. */
  assert_rule_error ("[check.sum_of_rows.t]\ntable = t\n",
                     "checks.pat:19: [check.sum_of_rows.t]: unknown check kind "
                     "'sum_of_rows'");
  assert_rule_error ("[check.row_sum.t]\ntable = nosuch\n",
                     "checks.pat:19: unknown table id 'nosuch'");
  assert_rule_error ("[check.row_sum.t]\ntable = t\ntotal = totl\n",
                     "checks.pat:20: unknown column id 'totl' for table 't'");
  assert_rule_error ("[check.row_sum.t]\ntable = t\ntotal = total\n",
                     "checks.pat:19: [check.row_sum.t]: missing key 'parts'");
  assert_rule_error ("[check.row_sum.t]\ntable = t\nsum = total\n",
                     "checks.pat:20: unknown key 'sum' in a row_sum rule");
  assert_rule_error ("[check.equal.x]\nleft = t:total\nright = t:@total:a\n",
                     "checks.pat:19: 't:total' is not a reference");
  assert_rule_error (
      "[check.equal.x]\nleft = t:first:total\nright = t:@total:a\n",
      "unknown row selector 'first'");
  assert_rule_error ("[check.equal.x]\nleft = t:#*:total\nright = t:@total:a\n",
                     "checks.pat:19: '#*' needs 'each = code'");
  assert_rule_error (
      "[check.equal.x]\nleft = s:@total:budget\nright = t:@total:a\n",
      "table 's' has two sides");
  assert_rule_error (
      "[check.equal.x]\nleft = s.income:@total:gb\nright = t:@total:a\n",
      "unknown column id 'gb' for table 's.income'");
  assert_rule_error ("[check.equal.x]\nleft = t:$nope:a\nright = t:@total:a\n",
                     "'$nope' names no entry 'row.nope'");
  assert_rule_error (
      "[check.fact_equal.x]\nleft = t:@total:a\nright = fact:y\n",
      "a fact_equal rule's 'left' starts with a fact");
  assert_rule_error ("[check.hierarchy.t]\ntable = t\nlengths = 5 3\n",
                     "checks.pat:20: '5 3': code lengths are increasing");
  assert_rule_error ("[check.row_sum.t]\ntable ~ t\n",
                     "checks.pat:19: 'table' takes '=', not a regex");
  assert_rule_error ("[check.project_vs_table.x]\ntable = p\ncolumn = amount\n",
                     "unknown column id 'amount' for table 'p'");

  /* Without declarations no table id is known. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (BdxPatterns) p = load_rules_full (
        "[check.row_sum.t]\ntable = t\ntotal = total\nparts = a\n", FALSE,
        &error);

    g_assert_no_error (error);
    g_assert_false (bdx_validate_check_rules (p, NULL, &error));
    g_assert_error (error, BDX_ERROR, BDX_ERROR_PATTERN);
    g_assert_cmpstr (error->message, ==, "checks.pat:2: unknown table id 't'");
  }
}

static void
test_options_and_summary (void)
{
  g_autoptr (BdxDisclosure) d = new_doc ();
  g_autoptr (BdxPatterns) p
      = load_rules ("[mine.row_sum.t]\nid = mine\ntable = t\ntotal = total\n"
                    "parts = a b\n"
                    "[check.row_sum.t]\nid = theirs\ntable = t\ntotal = total\n"
                    "parts = a\n");
  BdxValidateOptions opts = { .rule_prefix = "mine." };
  int checks = -1, passed = -1, rounding = -1, failed = -1;
  g_autoptr (GError) error = NULL;

  add_table (d, "t", "total a b",
             "|x|3.00 1.00 2.00\n|y|0.02 0.01 0.02\n|z|9.00 1.00 2.00\n");
  g_ptr_array_add (d->checks, bdx_check_new ("stale"));
  g_assert_true (bdx_validate (d, p, &opts, &error));
  g_assert_no_error (error);
  g_assert_null (find_check (d, "stale", NULL, NULL));
  g_assert_null (find_check (d, "theirs", NULL, NULL));
  bdx_validate_summary (d, &checks, &passed, &rounding, &failed);
  g_assert_cmpint (checks, ==, 3);
  g_assert_cmpint (passed, ==, 1);
  g_assert_cmpint (rounding, ==, 1);
  g_assert_cmpint (failed, ==, 1);
  bdx_validate_summary (d, NULL, NULL, NULL, &failed);
  g_assert_cmpint (failed, ==, 1);

  /* Failed checks are data: bdx_validate still succeeds. */
  g_assert_true (bdx_validate (d, p, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (find_check (d, "theirs", "z", NULL));
}

/* ---- The seed document -------------------------------------------------- */

static BdxPatterns *
shipped_patterns (void)
{
  g_autoptr (GError) error = NULL;
  const char *dir = g_getenv ("BDX_TEST_PATTERNS");
  BdxPatterns *p;

  if (dir == NULL || *dir == '\0')
    dir = BDX_SOURCE_PATTERNS_DIR;
  p = bdx_patterns_load (dir, &error);
  g_assert_no_error (error);
  return p;
}

static const char *const functional_names[][2] = {
  { "201", "一般公共服务支出" },
  { "202", "外交支出" },
  { "203", "国防支出" },
  { "204", "公共安全支出" },
  { "205", "教育支出" },
  { "206", "科学技术支出" },
  { "207", "文化旅游体育与传媒支出" },
  { "208", "社会保障和就业支出" },
  { "209", "社会保险基金支出" },
  { "210", "卫生健康支出" },
  { "211", "节能环保支出" },
  { "212", "城乡社区支出" },
  { "213", "农林水支出" },
  { "214", "交通运输支出" },
  { "215", "资源勘探工业信息等支出" },
  { "216", "商业服务业等支出" },
  { "217", "金融支出" },
  { "219", "援助其他地区支出" },
  { "220", "自然资源海洋气象等支出" },
  { "221", "住房保障支出" },
  { "222", "粮油物资储备支出" },
  { "223", "国有资本经营预算支出" },
  { "224", "灾害防治及应急管理支出" },
  { "227", "预备费" },
  { "229", "其他支出" },
  { "230", "转移性支出" },
  { "231", "债务还本支出" },
  { "232", "债务付息支出" },
  { "233", "债务发行费用支出" },
};

/* The expenditure side of tables 1 and 4: every 类, amounts where printed. */
static char *
expenditure_side (gboolean fiscal)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (functional_names); i++)
    {
      const char *code = functional_names[i][0];
      const char *v = g_str_equal (code, "201")   ? "373.03"
                      : g_str_equal (code, "208") ? "18.38"
                      : g_str_equal (code, "210") ? "11.04"
                      : g_str_equal (code, "221") ? "14.92"
                                                  : NULL;

      if (fiscal)
        g_string_append_printf (s, "e/%s|%s|%s %s _ _\n", code,
                                functional_names[i][1], v ? v : "_",
                                v ? v : "_");
      else
        g_string_append_printf (s, "e/%s|%s|%s\n", code, functional_names[i][1],
                                v ? v : "_");
    }
  g_string_append (s, fiscal ? "e/T|支出总计|417.37 417.37 _ _\n"
                             : "e/T|支出总计|417.37\n");
  return g_string_free (s, FALSE);
}

/* Tables 3 and 5 print the same rows. */
static const char seed_expenditure_rows[]
    = "T|总计|417.37 186.63 230.74\n"
      "201|一般公共服务支出|373.03 142.29 230.74\n"
      "20141|数据事务|373.03 142.29 230.74\n"
      "2014101|行政运行|54.81 54.81 _\n"
      "2014150|事业运行|87.48 87.48 _\n"
      "2014199|其他数据事务支出|230.74 _ 230.74\n"
      "208|社会保障和就业支出|18.38 18.38 _\n"
      "20805|行政事业单位养老支出|18.38 18.38 _\n"
      "2080505|机关事业单位基本养老保险缴费支出|18.38 18.38 _\n"
      "210|卫生健康支出|11.04 11.04 _\n"
      "21011|行政事业单位医疗|11.04 11.04 _\n"
      "2101101|行政单位医疗|3.62 3.62 _\n"
      "2101102|事业单位医疗|6.15 6.15 _\n"
      "2101103|公务员医疗补助|1.28 1.28 _\n"
      "221|住房保障支出|14.92 14.92 _\n"
      "22102|住房改革支出|14.92 14.92 _\n"
      "2210201|住房公积金|14.92 14.92 _\n";

static BdxDisclosure *
seed_document (void)
{
  BdxDisclosure *d = new_doc ();
  g_autofree char *t1_expenditure = expenditure_side (FALSE);
  g_autofree char *t4_expenditure = expenditure_side (TRUE);
  g_autofree char *t1 = NULL;
  g_autofree char *t4 = NULL;
  BdxTable *t;

  d->kind = BDX_KIND_BUDGET;
  d->year = 2026;
  d->department = g_strdup ("克孜勒苏柯尔克孜自治州数字化发展局");

  /* 表1 部门收支总体情况表 */
  t1 = g_strconcat ("i/|一、本年收入|417.37\n"
                    "i/|1. 一般公共预算拨款|417.37\n"
                    "i/|其中：一般财力|417.37\n"
                    "i/|上级一般公共预算安排转移支付|_\n"
                    "i/|2. 政府性基金预算拨款|_\n"
                    "i/|其中：政府性基金收入|_\n"
                    "i/|上级政府性基金安排转移支付|_\n"
                    "i/|3. 国有资本经营预算拨款|_\n"
                    "i/|其中：国有资本经营收入|_\n"
                    "i/|上级国有资本经营预算安排转移支付|_\n"
                    "i/|4. 财政专户核拨|_\n"
                    "i/|5. 单位资金|_\n"
                    "i/|其中：事业收入|_\n"
                    "i/|上级补助收入|_\n"
                    "i/|附属单位上缴收入|_\n"
                    "i/|事业单位经营收入|_\n"
                    "i/|其他收入|_\n"
                    "i/|二、上年结转结余|_\n"
                    "i/|1. 财政拨款结转|_\n"
                    "i/|其中：一般公共预算拨款|_\n"
                    "i/|政府性基金预算拨款|_\n"
                    "i/|国有资本经营预算拨款|_\n"
                    "i/|2. 非财政拨款结转结余|_\n"
                    "i/|其中：财政专户核拨|_\n"
                    "i/|单位资金|_\n"
                    "i/T|收入总计|417.37\n",
                    t1_expenditure, NULL);
  add_table (d, "revenue_expenditure_summary", "i/budget e/budget", t1);

  /* 表2 部门收入总体情况表 (two pages, one table) */
  add_table (d, "revenue_summary",
             "total fiscal_subtotal general_budget general_budget_transfer "
             "government_fund government_fund_transfer state_capital "
             "state_capital_transfer special_account unit_funds "
             "fiscal_carryover nonfiscal_carryover",
             "T|总计|417.37 417.37 417.37\n"
             "201|一般公共服务支出|373.03 373.03 373.03\n"
             "20141|数据事务|373.03 373.03 373.03\n"
             "2014101|行政运行|54.81 54.81 54.81\n"
             "2014150|事业运行|87.48 87.48 87.48\n"
             "2014199|其他数据事务支出|230.74 230.74 230.74\n"
             "208|社会保障和就业支出|18.38 18.38 18.38\n"
             "20805|行政事业单位养老支出|18.38 18.38 18.38\n"
             "2080505|机关事业单位基本养老保险缴费支出|18.38 18.38 18.38\n"
             "210|卫生健康支出|11.04 11.04 11.04\n"
             "21011|行政事业单位医疗|11.04 11.04 11.04\n"
             "2101101|行政单位医疗|3.62 3.62 3.62\n"
             "2101102|事业单位医疗|6.15 6.15 6.15\n"
             "2101103|公务员医疗补助|1.28 1.28 1.28\n"
             "221|住房保障支出|14.92 14.92 14.92\n"
             "22102|住房改革支出|14.92 14.92 14.92\n"
             "2210201|住房公积金|14.92 14.92 14.92\n");

  /* 表3 部门支出总体情况表 */
  add_table (d, "expenditure_summary", "total basic project",
             seed_expenditure_rows);

  /* 表4 财政拨款收支预算总体情况表 */
  t4 = g_strconcat ("i/|一、财政拨款（补助）|417.37\n"
                    "i/|一般公共预算|417.37\n"
                    "i/|政府性基金预算|_\n"
                    "i/|国有资本经营预算|_\n"
                    "i/T|收入总计|417.37\n",
                    t4_expenditure, NULL);
  add_table (d, "fiscal_summary",
             "i/total e/total e/general_budget e/government_fund "
             "e/state_capital",
             t4);

  /* 表5 一般公共预算支出情况表 */
  add_table (d, "general_budget_expenditure", "total basic project",
             seed_expenditure_rows);

  /* 表6 一般公共预算基本支出情况表 */
  add_table (d, "general_budget_basic_expenditure", "total personnel public",
             "T|总计|186.63 180.45 6.18\n"
             "301|工资福利支出|180.43 180.43 _\n"
             "30101|基本工资|42.79 42.79 _\n"
             "30102|津贴补贴|61.42 61.42 _\n"
             "30103|奖金|31.15 31.15 _\n"
             "30108|机关事业单位基本养老保险缴费|18.38 18.38 _\n"
             "30110|职工基本医疗保险缴费|9.76 9.76 _\n"
             "30111|公务员医疗补助缴费|1.28 1.28 _\n"
             "30112|其他社会保障缴费|0.74 0.74 _\n"
             "30113|住房公积金|14.92 14.92 _\n"
             "302|商品和服务支出|6.18 _ 6.18\n"
             "30201|办公费|2.10 _ 2.10\n"
             "30202|印刷费|0.10 _ 0.10\n"
             "30206|电费|0.50 _ 0.50\n"
             "30211|差旅费|0.50 _ 0.50\n"
             "30217|公务接待费|0.80 _ 0.80\n"
             "30228|工会经费|0.62 _ 0.62\n"
             "30229|福利费|1.12 _ 1.12\n"
             "30299|其他商品和服务支出|0.43 _ 0.43\n"
             "303|对个人和家庭的补助|0.02 0.02 _\n"
             "30309|奖励金|0.02 0.02 _\n");

  /* 表7 一般公共预算项目支出情况表 */
  add_table (
      d, "general_budget_project_expenditure",
      "total wages_welfare goods_services household_subsidy "
      "debt_interest capital_construction capital "
      "enterprise_subsidy_construction enterprise_subsidy "
      "social_security_subsidy other",
      "T|总计|230.74 _ 157.78 _ _ 18.00 54.96\n"
      "|克孜勒苏柯尔克孜自治州数字化发展局|230.74 _ 157.78 _ _ 18.00 54.96\n"
      "201|一般公共服务支出|230.74 _ 157.78 _ _ 18.00 54.96\n"
      "20141|数据事务|230.74 _ 157.78 _ _ 18.00 54.96\n"
      "2014199|其他数据事务支出|62.40 _ 8.50 _ _ _ 53.90|"
      "克州电子政务外网专项运维费项目\n"
      "2014199|其他数据事务支出|10.00 _ 10.00|克州数字政府工作业务经费项目\n"
      "2014199|其他数据事务支出|30.00 _ 30.00|克州政务服务大厅维保经费项目\n"
      "2014199|其他数据事务支出|20.00 _ 2.00 _ _ 18.00|"
      "克州数字化发展局公车购置项目\n"
      "2014199|其他数据事务支出|7.00 _ 5.94 _ _ _ 1.06|"
      "克州政务服务和数字化发展中心业务经费项目\n"
      "2014199|其他数据事务支出|101.34 _ 101.34|"
      "克州 12345 政务服务便民热线经费项目\n");

  /* 表8, 表9 and 表11 are printed empty. */
  t = add_table (d, "government_fund_expenditure",
                 "total personnel public project", "");
  t->empty = TRUE;
  t = add_table (d, "state_capital_expenditure",
                 "total personnel public project", "");
  t->empty = TRUE;

  /* 表10 财政拨款“三公”经费支出情况表 */
  add_table (d, "three_public_expenses",
             "total general_budget government_fund state_capital",
             "T|合计|3.10 3.10\n"
             "|因公出国（境）费|_\n"
             "|公务接待费|0.80 0.80\n"
             "|公务用车购置及运行费（小计）|2.30 2.30\n"
             "|其中：公务用车购置费|_\n"
             "|公务用车运行费|2.30 2.30\n");

  t = add_table (d, "carryover",
                 "total fiscal_subtotal fiscal_basic_personnel "
                 "fiscal_basic_public fiscal_project nonfiscal_subtotal "
                 "nonfiscal_basic_personnel nonfiscal_basic_public "
                 "nonfiscal_project",
                 "");
  t->empty = TRUE;

  /* 第三部分: the facts. */
  add_fact (d, "total_budget", "417.37", NULL);
  add_fact (d, "income_total", "417.37", NULL);
  add_fact (d, "income_general_budget", "417.37", "100.00");
  add_fact (d, "expenditure_total", "417.37", NULL);
  add_fact (d, "basic_expenditure", "186.63", "44.72");
  add_fact (d, "project_expenditure", "230.74", "55.28");
  add_fact (d, "fiscal_total", "417.37", NULL);
  add_fact (d, "fiscal_general_budget", "417.37", NULL);
  add_fact (d, "general_budget_total", "417.37", NULL);
  add_fact (d, "general_budget_basic", "186.63", NULL);
  add_fact (d, "general_budget_project", "230.74", NULL);
  add_fact (d, "general_budget_class.201", "373.03", "89.38");
  add_fact (d, "general_budget_class.208", "18.38", "4.40");
  add_fact (d, "general_budget_class.210", "11.04", "2.65");
  add_fact (d, "general_budget_class.221", "14.92", "3.57");
  add_fact (d, "general_budget_item.2014101", "54.81", NULL);
  add_fact (d, "general_budget_item.2014150", "87.48", NULL);
  add_fact (d, "general_budget_item.2014199", "230.74", NULL);
  add_fact (d, "general_budget_item.2080505", "18.38", NULL);
  add_fact (d, "general_budget_item.2101101", "3.62", NULL);
  add_fact (d, "general_budget_item.2101102", "6.15", NULL);
  add_fact (d, "general_budget_item.2101103", "1.28", NULL);
  add_fact (d, "general_budget_item.2210201", "14.92", NULL);
  add_fact (d, "basic_personnel", "180.45", NULL);
  add_fact (d, "basic_public", "6.18", NULL);
  add_fact (d, "three_public_total", "3.10", NULL);
  add_fact (d, "three_public_abroad", "0.00", NULL);
  add_fact (d, "three_public_vehicle_purchase", "0.00", NULL);
  add_fact (d, "three_public_vehicle_operation", "2.30", NULL);
  add_fact (d, "three_public_reception", "0.80", NULL);
  add_fact (d, "operating_expenses", "6.18", NULL);
  add_fact (d, "procurement_total", "184.74", NULL);
  add_fact (d, "procurement_goods", "21.44", NULL);
  add_fact (d, "procurement_works", "1.06", NULL);
  add_fact (d, "procurement_services", "162.24", NULL);
  add_fact (d, "procurement_sme_reserved", "0.40", NULL);
  add_fact (d, "procurement_small_micro_reserved", "0.40", NULL);
  add_fact (d, "asset_vehicle", "0.00", NULL)->count = 0;
  add_fact (d, "asset_vehicle_general", "0.00", NULL)->count = 0;
  add_fact (d, "asset_vehicle_enforcement", "0.00", NULL)->count = 0;
  add_fact (d, "asset_vehicle_other", "0.00", NULL)->count = 0;
  add_fact (d, "asset_furniture", "6.22", NULL);
  add_fact (d, "asset_other", "300.32", NULL);
  add_fact (d, "planned_vehicle_purchase", "18.00", NULL);
  add_fact (d, "performance_department_targets", "417.37", NULL)->count = 1;
  {
    BdxFact *f = bdx_fact_new ("performance_project_count");

    f->count = 6;
    g_ptr_array_add (d->facts, f);
  }
  add_fact (d, "performance_fiscal_project_amount", "230.74", NULL);
  add_fact (d, "performance_nonfiscal_project_amount", "0.00", NULL);

  /* 七、项目支出情况说明 */
  add_project (d, "克州电子政务外网专项运维费项目", "62.40",
               "等保测评=7;链路费=22.68;设备购置=32.72");
  add_project (d, "克州数字政府工作业务经费项目", "10.00",
               "公务用车运行维护费=1.5;委托业务费=1.2;办公经费=7.3");
  add_project (d, "克州政务服务大厅维保经费项目", "30.00",
               "大厅维保人员费用=10;大厅网络设备升级费用=14;"
               "大厅维保备品备件采购=6");
  add_project (d, "克州数字化发展局公车购置项目", "20.00",
               "公务用车购置=18;购买保险、车辆购置税=2");
  add_project (d, "克州政务服务和数字化发展中心业务经费项目", "7.00",
               "大厅维修=1.06;其他商品和服务支出=3.04;办公经费=2.9");
  add_project (d, "克州12345政务服务便民热线经费项目", "101.34",
               "话务员工资=75.6;12345政务服务便民热线维护费=20;"
               "克州12345热线平台服务器等设备租赁费=3.94;短信费=1.8");

  /* 绩效目标表 */
  add_performance (d, NULL, "417.37", "417.37", "0.00");
  add_performance (d, "克州 12345 政务服务便民热线经费项目", "101.34", "101.34",
                   "0.00");
  add_performance (d, "克州电子政务外网专项运维费项目", "62.40", "62.40",
                   "0.00");
  add_performance (d, "克州数字化发展局公车购置项目", "20.00", "20.00", "0.00");
  add_performance (d, "克州数字政府工作业务经费项目", "10.00", "10.00", "0.00");
  add_performance (d, "克州政务服务大厅维保经费项目", "30.00", "30.00", "0.00");
  add_performance (d, "克州政务服务和数字化发展中心业务经费项目", "7.00",
                   "7.00", "0.00");
  return d;
}

/* The seed's own rounding differences, and nothing else. */
static const char seed_within_rounding[]
    = "expenditure_summary.hierarchy|expenditure_summary|21011|basic\n"
      "expenditure_summary.hierarchy|expenditure_summary|21011|total\n"
      "general_budget_basic_expenditure.hierarchy|general_budget_basic_"
      "expenditure|301|personnel\n"
      "general_budget_basic_expenditure.hierarchy|general_budget_basic_"
      "expenditure|301|total\n"
      "general_budget_basic_expenditure.hierarchy|general_budget_basic_"
      "expenditure|302|public\n"
      "general_budget_basic_expenditure.hierarchy|general_budget_basic_"
      "expenditure|302|total\n"
      "general_budget_expenditure.hierarchy|general_budget_expenditure|21011|"
      "basic\n"
      "general_budget_expenditure.hierarchy|general_budget_expenditure|21011|"
      "total\n"
      "revenue_summary.hierarchy|revenue_summary|21011|fiscal_subtotal\n"
      "revenue_summary.hierarchy|revenue_summary|21011|general_budget\n"
      "revenue_summary.hierarchy|revenue_summary|21011|total\n";

static void
test_seed (void)
{
  g_autoptr (BdxPatterns) p = shipped_patterns ();
  g_autoptr (BdxDisclosure) d = seed_document ();
  int checks, passed, rounding, failed;

  run (d, p);
  assert_described (d, BDX_CHECK_FAILED, "");
  assert_described (d, BDX_CHECK_WITHIN_ROUNDING, seed_within_rounding);
  bdx_validate_summary (d, &checks, &passed, &rounding, &failed);
  g_test_message ("seed: %d checks, %d passed, %d within rounding", checks,
                  passed, rounding);
  g_assert_cmpint (rounding, ==, 11);
  g_assert_cmpint (failed, ==, 0);

  /* The known cases, with their numbers: 商品和服务 items 6.17 against
   * 6.18, 9 amounts; 工资福利 items 180.44 against 180.43. */
  {
    const BdxCheck *c = get_check (
        d, "general_budget_basic_expenditure.hierarchy", "302", "total");

    g_assert_cmpint (c->actual, ==, 6180000);
    g_assert_cmpint (c->expected, ==, 6170000);
    g_assert_cmpint (c->tolerance, ==, 45000);
    c = get_check (d, "general_budget_basic_expenditure.hierarchy", "301",
                   "total");
    g_assert_cmpint (c->actual, ==, 180430000);
    g_assert_cmpint (c->expected, ==, 180440000);
    c = get_check (d, "expenditure_summary.hierarchy", "21011", "total");
    g_assert_cmpint (c->expected, ==, 11050000);
    g_assert_cmpint (c->tolerance, ==, 20000);
  }

  /* Every kind of check took part. */
  {
    static const char *const ids[] = {
      "expenditure_summary.row_total",
      "revenue_summary.fiscal_subtotal",
      "three_public_expenses.total",
      "three_public_expenses.vehicle_subtotal",
      "revenue_expenditure_summary.income_total",
      "general_budget_project_expenditure.hierarchy",
      "general_budget_project_expenditure.units",
      "cross.revenue_expenditure_summary.balance",
      "cross.revenue_expenditure_summary=expenditure_summary.code",
      ("cross.general_budget_expenditure="
       "general_budget_project_expenditure.code"),
      "cross.three_public_expenses>=general_budget_basic_expenditure.reception",
      "facts.basic_expenditure",
      "facts.basic_expenditure.share",
      "facts.general_budget_class.208.share",
      "facts.general_budget_item.2101103",
      "facts.procurement_total.parts",
      "projects.table",
      "projects.allocation",
      "performance.project_funds",
      "performance.department_funds",
      "performance.funds_sum",
      "codes.well_formed",
      "codes.parent",
      "codes.name",
    };

    for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
      get_check (d, ids[i], NULL, NULL);
  }
  /* 表1 lists only 类: compared with 表3 at 类 only; all six projects
   * are found in 表7 whatever their spacing. */
  get_check (d, "cross.revenue_expenditure_summary=expenditure_summary.code",
             "210", NULL);
  g_assert_null (find_check (
      d, "cross.revenue_expenditure_summary=expenditure_summary.code", "21011",
      NULL));
  assert_status (d, "projects.table", "克州12345政务服务便民热线经费项目",
                 "total", BDX_CHECK_PASSED);
}

/* ---- The seed with one number changed ----------------------------------- */

static BdxRow *
seed_row (BdxDisclosure *d, const char *table, const char *label)
{
  BdxTable *t = bdx_disclosure_lookup_table (d, table);

  for (guint i = 0; i < t->rows->len; i++)
    {
      BdxRow *row = g_ptr_array_index (t->rows, i);

      if (g_strcmp0 (bdx__row_label (row), label) == 0)
        return row;
    }
  g_error ("no row %s in %s", label, table);
  return NULL;
}

static void
set_cell (BdxDisclosure *d, const char *table, const char *row,
          const char *column, const char *value)
{
  BdxTable *t = bdx_disclosure_lookup_table (d, table);
  BdxRow *r = seed_row (d, table, row);
  int index = bdx__column_index (t, column, r->side);

  g_assert_cmpint (index, >=, 0);
  g_array_index (r->values, BdxMoney, index) = wan (value);
}

static BdxFact *
seed_fact (BdxDisclosure *d, const char *key)
{
  return (BdxFact *)bdx__lookup_fact (d, key);
}

static BdxProject *
seed_project (BdxDisclosure *d, const char *name)
{
  for (guint i = 0; i < d->projects->len; i++)
    {
      BdxProject *p = g_ptr_array_index (d->projects, i);

      if (g_str_equal (p->name, name))
        return p;
    }
  g_error ("no project %s", name);
  return NULL;
}

/* Validates d and compares the failed checks with expected; the checks
 * within rounding stay the seed's own unless extra_rounding adds some. */
static void
assert_changed (BdxDisclosure *d, const char *expected_failed,
                const char *extra_rounding)
{
  g_autoptr (BdxPatterns) p = shipped_patterns ();

  run (d, p);
  assert_described (d, BDX_CHECK_FAILED, expected_failed);
  if (extra_rounding == NULL)
    assert_described (d, BDX_CHECK_WITHIN_ROUNDING, seed_within_rounding);
  else
    {
      g_autofree char *got = describe (d, BDX_CHECK_WITHIN_ROUNDING);

      g_assert_nonnull (strstr (got, extra_rounding));
    }
}

static void
test_seed_changed_total (void)
{
  g_autoptr (BdxDisclosure) d = seed_document ();

  /* 表3 总计 417.37 → 417.47 */
  set_cell (d, "expenditure_summary", "总计", "total", "417.47");
  assert_changed (
      d,
      "cross.revenue_expenditure_summary=expenditure_summary.total|"
      "revenue_expenditure_summary|支出总计|budget\n"
      "cross.revenue_summary=expenditure_summary.total|revenue_summary|总计|"
      "total\n"
      "expenditure_summary.hierarchy|expenditure_summary|总计|total\n"
      "expenditure_summary.row_total|expenditure_summary|总计|total\n"
      "facts.expenditure_total|expenditure_summary|总计|total\n",
      NULL);
}

static void
test_seed_changed_project_cell (void)
{
  g_autoptr (BdxDisclosure) d = seed_document ();

  /* 表7, a cell in the middle: 克州数字政府工作业务经费项目 商品和服务支出
   * 10.00 → 10.10 */
  set_cell (d, "general_budget_project_expenditure",
            "克州数字政府工作业务经费项目", "goods_services", "10.10");
  assert_changed (
      d,
      "general_budget_project_expenditure.hierarchy|"
      "general_budget_project_expenditure|20141|goods_services\n"
      "general_budget_project_expenditure.row_total|"
      "general_budget_project_expenditure|克州数字政府工作业务经费项目|total\n",
      NULL);
}

static void
test_seed_changed_basic_cell (void)
{
  g_autoptr (BdxDisclosure) d = seed_document ();

  /* 表5 行政运行 基本支出 54.81 → 54.91 */
  set_cell (d, "general_budget_expenditure", "2014101", "basic", "54.91");
  assert_changed (d,
                  "general_budget_expenditure.hierarchy|"
                  "general_budget_expenditure|20141|basic\n"
                  "general_budget_expenditure.row_total|"
                  "general_budget_expenditure|2014101|total\n",
                  NULL);
}

static void
test_seed_changed_restated (void)
{
  g_autoptr (BdxDisclosure) d = seed_document ();

  /* 表1 社会保障和就业支出 18.38 → 18.39: one unit, within the rounding
   * of 表1's sum of 类, but a restated number must match exactly. */
  set_cell (d, "revenue_expenditure_summary", "208", "budget", "18.39");
  assert_changed (d,
                  "cross.revenue_expenditure_summary=expenditure_summary.code|"
                  "revenue_expenditure_summary|208|budget\n",
                  "revenue_expenditure_summary.hierarchy|"
                  "revenue_expenditure_summary|支出总计|budget\n");
}

static void
test_seed_changed_allocation (void)
{
  g_autoptr (BdxDisclosure) d = seed_document ();
  BdxProject *p = seed_project (d, "克州电子政务外网专项运维费项目");
  BdxAllocation *a = g_ptr_array_index (p->allocation, 1);

  /* 链路费 22.68 → 22.78 */
  a->amount = wan ("22.78");
  assert_changed (d, "projects.allocation|-|克州电子政务外网专项运维费项目|-\n",
                  NULL);
}

static void
test_seed_changed_project_amount (void)
{
  g_autoptr (BdxDisclosure) d = seed_document ();

  /* 预算安排规模 62.40 → 62.50 */
  seed_project (d, "克州电子政务外网专项运维费项目")->amount = wan ("62.50");
  assert_changed (
      d,
      "performance.project_funds|-|克州电子政务外网专项运维费项目|-\n"
      "projects.allocation|-|克州电子政务外网专项运维费项目|-\n"
      "projects.table|general_budget_project_expenditure|"
      "克州电子政务外网专项运维费项目|total\n",
      NULL);
}

static void
test_seed_changed_fact (void)
{
  g_autoptr (BdxDisclosure) d = seed_document ();

  /* 基本支出 186.63 → 186.73 in the text */
  seed_fact (d, "basic_expenditure")->value = wan ("186.73");
  assert_changed (d,
                  "facts.basic_expenditure.share|-|basic_expenditure|-\n"
                  "facts.basic_expenditure|expenditure_summary|总计|basic\n"
                  "facts.expenditure_total.parts|-|expenditure_total|-\n",
                  NULL);
}

static void
test_seed_changed_share (void)
{
  g_autoptr (BdxDisclosure) d = seed_document ();
  BdxFact *f = seed_fact (d, "general_budget_class.208");

  /* 占 4.40% → 4.50% */
  g_free (f->share);
  f->share = g_strdup ("4.50");
  assert_changed (d,
                  "facts.general_budget_class.208.share|-|"
                  "general_budget_class.208|-\n",
                  NULL);
}

static void
test_seed_changed_class_fact (void)
{
  g_autoptr (BdxDisclosure) d = seed_document ();

  /* 社会保障和就业支出（类）18.38 → 18.48 in the text */
  seed_fact (d, "general_budget_class.208")->value = wan ("18.48");
  assert_changed (d,
                  "facts.general_budget_class.208.share|-|"
                  "general_budget_class.208|-\n"
                  "facts.general_budget_class.208|general_budget_expenditure|"
                  "208|total\n",
                  NULL);
}

static void
test_seed_changed_operating_expenses (void)
{
  g_autoptr (BdxDisclosure) d = seed_document ();

  /* 机关运行经费 6.18 → 6.28: more than the 公用经费 of table 6 */
  seed_fact (d, "operating_expenses")->value = wan ("6.28");
  assert_changed (d,
                  "facts.operating_expenses|general_budget_basic_expenditure|"
                  "总计|public\n",
                  NULL);
}

static void
test_seed_changed_nonfiscal (void)
{
  g_autoptr (BdxDisclosure) d = seed_document ();

  /* 非财政拨款项目涉及预算金额 0.00 → 0.10 */
  seed_fact (d, "performance_nonfiscal_project_amount")->value = wan ("0.10");
  assert_changed (d,
                  "facts.performance_project_amounts|expenditure_summary|"
                  "总计|project\n",
                  NULL);
}

static void
test_seed_changed_three_public (void)
{
  g_autoptr (BdxDisclosure) d = seed_document ();

  /* 表10 公务接待费 合计 0.80 → 0.90 */
  set_cell (d, "three_public_expenses", "公务接待费", "total", "0.90");
  assert_changed (d,
                  "facts.three_public_reception|three_public_expenses|"
                  "公务接待费|total\n"
                  "three_public_expenses.row_total|three_public_expenses|"
                  "公务接待费|total\n"
                  "three_public_expenses.total|three_public_expenses|合计|"
                  "total\n",
                  NULL);
}

static void
test_seed_changed_performance (void)
{
  g_autoptr (BdxDisclosure) d = seed_document ();
  BdxPerformance *perf = g_ptr_array_index (d->performance, 3);

  /* 公车购置项目 年度预算总额 20.00 → 21.00 */
  g_assert_cmpstr (perf->project, ==, "克州数字化发展局公车购置项目");
  perf->funds_total = wan ("21.00");
  assert_changed (
      d,
      "performance.funds_sum|-|克州数字化发展局公车购置项目|-\n"
      "performance.project_funds|-|克州数字化发展局公车购置项目|-\n",
      NULL);
}

static void
test_shipped_rules (void)
{
  g_autoptr (BdxPatterns) p = shipped_patterns ();
  g_autoptr (GError) error = NULL;
  g_autoptr (BdxDisclosure) d = new_doc ();

  g_assert_true (bdx_validate_check_rules (p, NULL, &error));
  g_assert_no_error (error);
  /* An empty document: no table, no fact, nothing to check. */
  run (d, p);
  g_assert_cmpuint (d->checks->len, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/validate/half-unit", test_half_unit);
  g_test_add_func ("/validate/row-sum", test_row_sum);
  g_test_add_func ("/validate/row-sum/tolerance", test_row_sum_tolerance_grows);
  g_test_add_func ("/validate/row-sum/absent", test_row_sum_absent);
  g_test_add_func ("/validate/row-sum/unknown-columns",
                   test_row_sum_unknown_columns);
  g_test_add_func ("/validate/column-sum", test_column_sum);
  g_test_add_func ("/validate/hierarchy", test_hierarchy);
  g_test_add_func ("/validate/hierarchy/projects", test_hierarchy_projects);
  g_test_add_func ("/validate/hierarchy/economic", test_hierarchy_economic);
  g_test_add_func ("/validate/equal/cross", test_equal_cross);
  g_test_add_func ("/validate/equal/at-least", test_equal_at_least);
  g_test_add_func ("/validate/equal/missing-rows", test_equal_missing_rows);
  g_test_add_func ("/validate/text-unit", test_text_unit);
  g_test_add_func ("/validate/fact-equal", test_fact_equal);
  g_test_add_func ("/validate/fact-share", test_fact_share);
  g_test_add_func ("/validate/projects", test_projects);
  g_test_add_func ("/validate/codes", test_codes);
  g_test_add_func ("/validate/rule-errors", test_rule_errors);
  g_test_add_func ("/validate/options-summary", test_options_and_summary);
  g_test_add_func ("/validate/shipped-rules", test_shipped_rules);
  g_test_add_func ("/validate/seed", test_seed);
  g_test_add_func ("/validate/seed/changed-total", test_seed_changed_total);
  g_test_add_func ("/validate/seed/changed-project-cell",
                   test_seed_changed_project_cell);
  g_test_add_func ("/validate/seed/changed-basic-cell",
                   test_seed_changed_basic_cell);
  g_test_add_func ("/validate/seed/changed-restated",
                   test_seed_changed_restated);
  g_test_add_func ("/validate/seed/changed-allocation",
                   test_seed_changed_allocation);
  g_test_add_func ("/validate/seed/changed-project-amount",
                   test_seed_changed_project_amount);
  g_test_add_func ("/validate/seed/changed-fact", test_seed_changed_fact);
  g_test_add_func ("/validate/seed/changed-share", test_seed_changed_share);
  g_test_add_func ("/validate/seed/changed-class-fact",
                   test_seed_changed_class_fact);
  g_test_add_func ("/validate/seed/changed-operating-expenses",
                   test_seed_changed_operating_expenses);
  g_test_add_func ("/validate/seed/changed-nonfiscal",
                   test_seed_changed_nonfiscal);
  g_test_add_func ("/validate/seed/changed-three-public",
                   test_seed_changed_three_public);
  g_test_add_func ("/validate/seed/changed-performance",
                   test_seed_changed_performance);
  return g_test_run ();
}
