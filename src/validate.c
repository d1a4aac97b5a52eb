/* bdx — validate: the entry points and the arithmetic of a check.
 *
 * The algorithm (bdx_validate):
 *
 *  1. Read the rules: every section PREFIX KIND "." NAME of the pattern
 *     set (PREFIX "check." by default), in the set's order.  KIND selects
 *     the C function; the section's entries say which tables, rows,
 *     columns and facts it applies to.  Table and column ids are checked
 *     against the `[table.ID]` sections of the same set (their
 *     `column.X`, `income.column.X`, `expenditure.column.X` keys and
 *     `two_sided`), so a rule cannot name a column no table has.  A bad
 *     rule stops everything with "FILE:LINE: what".
 *  2. Note the precision each amount is read at: a table cell at the
 *     finest precision printed anywhere in its table; an amount of the
 *     text in its unit (the unit word of a fact's text, else 万元) at the
 *     finest precision printed in the tables of that unit (a text that
 *     says "7 万元" beside "22.68 万元" means 7.00).
 *  3. Run each rule.  A check sums the printed amounts on each side
 *     (BdxTerm: Σ fen, Σ half units, how many were present) and compares:
 *
 *         D = actual − expected,   tolerance = Σ half units of both sides
 *
 *         D = 0               passed
 *         0 < |D| < tolerance within_rounding
 *         otherwise           failed
 *
 *     A blank amount adds nothing.  A check where every amount is blank
 *     is not emitted; a blank actual with a non-zero expected is failed.
 *     Why "<" and both sides: each printed amount is off its true value
 *     by at most h (half its printed unit), and the true values satisfy
 *     the identity exactly, so |D| ≤ Σh over all amounts involved; with
 *     round-half-up each error lies in (−h, h], which makes the bound
 *     strict.  For n parts and a total printed to the same unit u this
 *     allows |D| ≤ n·u/2: the seed's eight 商品和服务 items (6.17) against
 *     their total (6.18) have tolerance 9 × 0.005 = 0.045 万元, while a
 *     restated number (one amount against one) must match exactly.
 *  4. Replace d->checks with the results.
 *
 *   checks.pat                 validate-rules.c     validate-*.c
 *   [check.row_sum.X]  ──parse──▶  BdxRule  ──kind──▶  bdx__check_row_sum …
 *                                                        │
 *                                   BdxTerm, bdx__emit ◀─┘
 */
#undef G_LOG_DOMAIN
#define G_LOG_DOMAIN "bdx-validate"

#include "validate-private.h"

#include <string.h>

#include "bdx/text.h"

#define DEFAULT_PREFIX "check."

/* ---- Arithmetic --------------------------------------------------------- */

static gint64
add_saturated (gint64 a, gint64 b)
{
  if (b > 0 && a > G_MAXINT64 - b)
    return G_MAXINT64;
  if (b < 0 && a < G_MININT64 + 1 - b)
    return G_MININT64 + 1;
  return a + b;
}

void
bdx__term_add (BdxTerm *t, gint64 fen, gint64 half)
{
  t->sum = add_saturated (t->sum, fen);
  t->tol = add_saturated (t->tol, half);
  t->present++;
}

/* Half a printed unit of m, read at no coarser than finest_decimals.  An
 * amount printed to the fen (or finer) carries no rounding: the books
 * are kept in fen. */
gint64
bdx__half_unit (BdxMoney m, BdxUnit unit, int finest_decimals)
{
  gint64 unit_fen = bdx_unit_fen (unit);
  gint64 step = 1;
  int decimals;

  if (!m.present || unit_fen <= 0)
    return 0;
  decimals = CLAMP (MAX (m.decimals, finest_decimals), 0, 4);
  for (int i = 0; i < decimals; i++)
    step *= 10;
  if (unit_fen <= step)
    return 0;
  m.decimals = (gint8)decimals;
  return bdx_money_half_unit (m, unit);
}

static int
table_decimals (BdxVContext *cx, const BdxTable *t)
{
  gpointer found = g_hash_table_lookup (cx->table_decimals, t);
  int finest = -1;

  if (found != NULL)
    return GPOINTER_TO_INT (found) - 2;
  for (guint i = 0; i < t->rows->len; i++)
    {
      const BdxRow *row = g_ptr_array_index (t->rows, i);

      for (guint j = 0; row->values != NULL && j < row->values->len; j++)
        {
          BdxMoney m = g_array_index (row->values, BdxMoney, j);

          if (m.present)
            finest = MAX (finest, m.decimals);
        }
    }
  g_hash_table_insert (cx->table_decimals, (gpointer)t,
                       GINT_TO_POINTER (finest + 2));
  return finest;
}

void
bdx__term_add_cell (BdxVContext *cx, BdxTerm *t, const BdxTable *table,
                    const BdxRow *row, int column)
{
  BdxMoney m = bdx__row_value (row, column);

  if (!m.present)
    return;
  bdx__term_add (t, m.fen,
                 bdx__half_unit (m, table->unit, table_decimals (cx, table)));
}

void
bdx__term_add_text (BdxVContext *cx, BdxTerm *t, BdxMoney m)
{
  bdx__term_add_text_in (cx, t, m, BDX_UNIT_UNKNOWN);
}

void
bdx__term_add_text_in (BdxVContext *cx, BdxTerm *t, BdxMoney m, BdxUnit unit)
{
  int finest = cx->narrative_decimals;

  if (!m.present)
    return;
  if (unit == BDX_UNIT_UNKNOWN || unit == cx->narrative_unit)
    unit = cx->narrative_unit;
  else
    finest = -1; /* a unit no table uses: as printed */
  bdx__term_add (t, m.fen, bdx__half_unit (m, unit, finest));
}

/* The unit word printed with a fact's amount: the first of 亿元, 万元,
 * 千元, 元 in its text, or UNKNOWN. */
BdxUnit
bdx__fact_unit (const BdxFact *f)
{
  static const struct
  {
    const char *word;
    BdxUnit unit;
  } words[] = { { "亿元", BDX_UNIT_YI_YUAN },
                { "万元", BDX_UNIT_WAN_YUAN },
                { "千元", BDX_UNIT_QIAN_YUAN },
                { "元", BDX_UNIT_YUAN } };
  const char *first = NULL;
  BdxUnit unit = BDX_UNIT_UNKNOWN;

  if (f->text == NULL)
    return BDX_UNIT_UNKNOWN;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      const char *at = strstr (f->text, words[i].word);

      /* The earliest word wins; "万元" starts before the "元" in it. */
      if (at != NULL && (first == NULL || at < first))
        {
          first = at;
          unit = words[i].unit;
        }
    }
  return unit;
}

static char *
expand_id (const char *id, const char *code)
{
  g_auto (GStrv) parts = NULL;

  if (code == NULL || strchr (id, '*') == NULL)
    return g_strdup (id);
  parts = g_strsplit (id, "*", -1);
  return g_strjoinv (code, parts);
}

static BdxCheck *
append_check (BdxVContext *cx, char *id, const char *table, const char *row,
              const char *column, BdxCheckStatus status, const char *message)
{
  BdxCheck *c = bdx_check_new (NULL);

  c->id = id;
  c->table = g_strdup (table);
  c->row = g_strdup (row);
  c->column = g_strdup (column);
  c->status = status;
  c->message = g_strdup (message);
  g_ptr_array_add (cx->out, c);
  return c;
}

/* The message of a rule that gives none. */
static const char *
default_message (BdxRuleKind kind)
{
  switch (kind)
    {
    case BDX_RULE_ROW_SUM:
      return "合计 ≠ 各栏之和";
    case BDX_RULE_COLUMN_SUM:
      return "合计 ≠ 各行之和";
    case BDX_RULE_HIERARCHY:
      return "上级科目 ≠ Σ下级科目";
    case BDX_RULE_EQUAL:
      return "两处应相同的数字不一致";
    case BDX_RULE_FACT_EQUAL:
      return "文字所述数字 ≠ 表中数字";
    case BDX_RULE_FACT_SHARE:
      return "文字所述占比 ≠ 金额 / 合计";
    case BDX_RULE_PROJECT_TABLE:
      return "项目预算安排规模 ≠ 项目支出表";
    case BDX_RULE_ALLOCATION_SUM:
      return "资金分配各项之和 ≠ 项目预算安排规模";
    case BDX_RULE_PERFORMANCE_FUNDS:
      return "绩效目标表 资金 ≠ 项目预算";
    case BDX_RULE_CODES:
      return "科目编码有误";
    default:
      return NULL;
    }
}

BdxCheck *
bdx__emit (BdxVContext *cx, const BdxRule *rule, const char *code,
           const char *table, const char *row, const char *column,
           const BdxTerm *actual, const BdxTerm *expected, gboolean at_least,
           const char *message)
{
  gint64 diff, magnitude, tol;
  BdxCheckStatus status;
  BdxCheck *c;

  if (actual->present == 0 && expected->present == 0)
    return NULL; /* nothing printed: nothing to check */

  diff = add_saturated (actual->sum, -expected->sum);
  magnitude = diff < 0 ? -diff : diff;
  tol = add_saturated (actual->tol, expected->tol);
  if (at_least)
    {
      if (diff >= 0)
        status = BDX_CHECK_PASSED;
      else if (actual->present > 0 && magnitude < tol)
        status = BDX_CHECK_WITHIN_ROUNDING;
      else
        status = BDX_CHECK_FAILED;
    }
  else if (diff == 0)
    status = BDX_CHECK_PASSED;
  else if (actual->present == 0)
    status = BDX_CHECK_FAILED; /* a blank where the parts add up to something */
  else if (magnitude < tol)
    status = BDX_CHECK_WITHIN_ROUNDING;
  else
    status = BDX_CHECK_FAILED;

  if (message == NULL)
    message
        = rule->message != NULL ? rule->message : default_message (rule->kind);
  c = append_check (cx, expand_id (rule->id, code), table, row, column, status,
                    message);
  c->expected = expected->sum;
  c->actual = actual->sum;
  c->tolerance = tol;
  if (status != BDX_CHECK_PASSED)
    g_debug ("%s %s/%s/%s: actual %" G_GINT64_FORMAT
             " expected %" G_GINT64_FORMAT " tolerance %" G_GINT64_FORMAT
             ": %s",
             c->id, table, row, column, c->actual, c->expected, tol,
             bdx_check_status_name (status));
  return c;
}

BdxCheck *
bdx__emit_status (BdxVContext *cx, const char *id, const char *table,
                  const char *row, const char *column, BdxCheckStatus status,
                  const char *message)
{
  return append_check (cx, g_strdup (id), table, row, column, status, message);
}

/* ---- Tables and rows ---------------------------------------------------- */

int
bdx__column_index (const BdxTable *t, const char *id, BdxSide side)
{
  int index = 0;

  for (guint i = 0; i < t->columns->len; i++)
    {
      const BdxColumn *c = g_ptr_array_index (t->columns, i);

      if (side != BDX_SIDE_NONE && c->side != side)
        continue;
      if (g_strcmp0 (c->id, id) == 0)
        return index;
      index++;
    }
  return -1;
}

BdxMoney
bdx__row_value (const BdxRow *row, int index)
{
  if (index < 0 || row->values == NULL || (guint)index >= row->values->len)
    return BDX_MONEY_BLANK;
  return g_array_index (row->values, BdxMoney, index);
}

gboolean
bdx__row_on_side (const BdxRow *row, BdxSide side)
{
  return side == BDX_SIDE_NONE || row->side == side;
}

const char *
bdx__row_label (const BdxRow *row)
{
  if (row->project != NULL && *row->project != '\0')
    return row->project;
  if (row->code != NULL && *row->code != '\0')
    return row->code;
  return row->name;
}

char *
bdx__name_key (const char *name)
{
  return name != NULL ? bdx_text_strip_spaces (name) : g_strdup ("");
}

gboolean
bdx__name_matches (const BdxPattern *e, const char *name)
{
  g_autofree char *key = bdx__name_key (name);

  if (!bdx_pattern_is_regex (e))
    {
      g_autofree char *literal = bdx__name_key (bdx_pattern_source (e));

      return g_str_equal (key, literal);
    }
  return bdx_pattern_match (e, key, -1, NULL);
}

gboolean
bdx__code_is_digits (const char *code)
{
  return bdx_text_is_digits (code);
}

gboolean
bdx__table_has_codes (const BdxTable *t, BdxSide side)
{
  for (guint i = 0; i < t->rows->len; i++)
    {
      const BdxRow *row = g_ptr_array_index (t->rows, i);

      if (bdx__row_on_side (row, side) && bdx__code_is_digits (row->code))
        return TRUE;
    }
  return FALSE;
}

char *
bdx__class_name_key (const BdxVContext *cx, const char *name)
{
  g_autofree char *key = bdx__name_key (name);
  const GPtrArray *strips
      = bdx_patterns_entries (cx->patterns, "checks");

  for (guint i = 0; strips != NULL && i < strips->len; i++)
    {
      const BdxPattern *e = g_ptr_array_index (strips, i);
      g_autoptr (GPtrArray) all = NULL;
      GString *out;
      gsize at = 0;

      if (g_strcmp0 (bdx_pattern_key (e), "class_name_strip") != 0
          || !bdx_pattern_is_regex (e))
        continue;
      all = bdx_pattern_match_all (e, key, -1);
      if (all->len == 0)
        continue;
      out = g_string_new (NULL);
      for (guint k = 0; k < all->len; k++)
        {
          gssize st, en;

          bdx_match_offsets (g_ptr_array_index (all, k), 0, &st, &en);
          if (st < (gssize)at)
            continue;
          g_string_append_len (out, key + at, st - (gssize)at);
          at = en;
        }
      g_string_append (out, key + at);
      g_free (key);
      key = g_string_free (out, FALSE);
    }
  return g_steal_pointer (&key);
}

static gboolean
has_project (const BdxRow *row)
{
  return row->project != NULL && *row->project != '\0';
}

GPtrArray *
bdx__select_rows (const BdxTable *t, BdxSide side, const BdxRowSel *sel,
                  const char *bound)
{
  GPtrArray *out = g_ptr_array_new ();
  const char *code = sel->kind == BDX_SEL_BOUND ? bound : sel->code;
  gboolean any_head = FALSE, any_project = FALSE;

  for (guint i = 0; i < t->rows->len; i++)
    {
      BdxRow *row = g_ptr_array_index (t->rows, i);

      if (!bdx__row_on_side (row, side))
        continue;
      switch (sel->kind)
        {
        case BDX_SEL_TOTAL:
          if (row->kind == BDX_ROW_TOTAL)
            g_ptr_array_add (out, row);
          break;
        case BDX_SEL_UNCODED:
          if (row->kind == BDX_ROW_ITEM
              && (row->code == NULL || *row->code == '\0')
              && !has_project (row))
            g_ptr_array_add (out, row);
          break;
        case BDX_SEL_CODE:
        case BDX_SEL_BOUND:
          if (code != NULL && g_strcmp0 (row->code, code) == 0)
            {
              g_ptr_array_add (out, row);
              any_head |= !has_project (row);
              any_project |= has_project (row);
            }
          break;
        case BDX_SEL_NAME:
          if (bdx__name_matches (sel->name, row->name))
            {
              g_ptr_array_add (out, row);
              return out; /* the first match */
            }
          break;
        case BDX_SEL_NONE:
        default:
          break;
        }
    }

  /* Several total rows (本年收入合计 … 收入总计): the grand total is the
   * one called 总计, else the first. */
  if (sel->kind == BDX_SEL_TOTAL && out->len > 1)
    {
      BdxRow *pick = g_ptr_array_index (out, 0);

      for (guint i = 0; i < out->len; i++)
        {
          BdxRow *row = g_ptr_array_index (out, i);

          if (row->name != NULL && strstr (row->name, "总计") != NULL)
            {
              pick = row;
              break;
            }
        }
      g_ptr_array_set_size (out, 0);
      g_ptr_array_add (out, pick);
    }
  /* A code printed once as a subtotal and again per project: the
   * subtotal stands for the code. */
  if (any_head && any_project)
    for (guint i = out->len; i-- > 0;)
      if (has_project (g_ptr_array_index (out, i)))
        g_ptr_array_remove_index (out, i);
  return out;
}

const BdxFact *
bdx__lookup_fact (const BdxDisclosure *d, const char *key)
{
  for (guint i = 0; i < d->facts->len; i++)
    {
      const BdxFact *f = g_ptr_array_index (d->facts, i);

      if (g_strcmp0 (f->key, key) == 0)
        return f;
    }
  return NULL;
}

gboolean
bdx__resolve_refs (BdxVContext *cx, const GPtrArray *refs, const char *bound,
                   BdxTerm *t, const char **anchor_table,
                   const char **anchor_row, const char **anchor_column)
{
  gboolean found = FALSE;

  for (guint i = 0; i < refs->len; i++)
    {
      const BdxRef *r = g_ptr_array_index (refs, i);
      const BdxTable *table;
      g_autoptr (GPtrArray) rows = NULL;
      int column;

      if (r->fact != NULL)
        {
          g_autofree char *key = r->bound
                                     ? g_strconcat (r->fact, ".", bound, NULL)
                                     : g_strdup (r->fact);
          const BdxFact *f = bdx__lookup_fact (cx->d, key);

          if (f == NULL || !f->value.present)
            {
              if (r->optional)
                continue;
              return FALSE; /* the text does not say it */
            }
          bdx__term_add_text_in (cx, t, f->value, bdx__fact_unit (f));
          found = TRUE;
          continue;
        }

      table = bdx_disclosure_lookup_table (cx->d, r->table);
      column
          = table != NULL ? bdx__column_index (table, r->column, r->side) : -1;
      if (table == NULL || (column < 0 && !table->empty))
        {
          if (r->optional)
            continue;
          return FALSE; /* this template has no such table or column */
        }
      if (r->row.kind == BDX_SEL_BOUND && !table->empty
          && !bdx__table_has_codes (table, r->side))
        {
          /* A table that lists its classes by name only ("一、一般公共
           * 服务支出"): the row named as the code is elsewhere. */
          g_autofree char *want = bdx__class_name_key (cx, cx->bound_name);

          rows = g_ptr_array_new ();
          for (guint j = 0; cx->bound_name != NULL && j < table->rows->len;
               j++)
            {
              BdxRow *row = g_ptr_array_index (table->rows, j);
              g_autofree char *have = NULL;

              if (!bdx__row_on_side (row, r->side) || row->name == NULL
                  || row->kind == BDX_ROW_TOTAL)
                continue;
              have = bdx__class_name_key (cx, row->name);
              if (g_str_equal (have, want))
                {
                  g_ptr_array_add (rows, row);
                  break;
                }
            }
          /* Not named alike here: the identity cannot be stated. */
          if (rows->len == 0)
            {
              if (r->optional)
                continue;
              return FALSE;
            }
        }
      else
        rows = bdx__select_rows (table, r->side, &r->row, bound);
      /* A named row (the total, a row found by its name) that the table
       * does not print: this template does not state the number, as
       * opposed to a code it does not list, which is nothing spent. */
      if (rows->len == 0 && !table->empty && r->row.kind != BDX_SEL_CODE
          && r->row.kind != BDX_SEL_BOUND)
        {
          if (r->optional)
            continue;
          return FALSE;
        }
      found = TRUE;
      for (guint j = 0; j < rows->len; j++)
        bdx__term_add_cell (cx, t, table, g_ptr_array_index (rows, j), column);
      if (anchor_table != NULL && *anchor_table == NULL)
        {
          *anchor_table = table->id;
          *anchor_column = r->column;
          if (rows->len > 0)
            *anchor_row = bdx__row_label (g_ptr_array_index (rows, 0));
          else if (r->row.kind == BDX_SEL_CODE)
            *anchor_row = r->row.code;
          else if (r->row.kind == BDX_SEL_BOUND)
            *anchor_row = bound;
        }
    }
  /* Every reference optional and absent: nothing is stated to compare. */
  return found;
}

/* ---- Entry points ------------------------------------------------------- */

static const char *
rule_prefix (const BdxValidateOptions *opts)
{
  return opts != NULL && opts->rule_prefix != NULL ? opts->rule_prefix
                                                   : DEFAULT_PREFIX;
}

static void
context_init (BdxVContext *cx, BdxDisclosure *d, const BdxPatterns *p,
              const BdxValidateOptions *opts)
{
  memset (cx, 0, sizeof *cx);
  cx->d = d;
  cx->patterns = p;
  cx->table_decimals = g_hash_table_new (g_direct_hash, g_direct_equal);
  cx->out = g_ptr_array_new_with_free_func ((GDestroyNotify)bdx_check_free);

  /* The text states amounts in 万元 even where the tables print 元 (the
   * text rounds them; a finer unit in the text would only make the
   * tolerance looser, never a false failure). */
  cx->narrative_unit = opts != NULL ? opts->narrative_unit : BDX_UNIT_UNKNOWN;
  if (cx->narrative_unit == BDX_UNIT_UNKNOWN)
    {
      BdxUnit unit = d->unit;

      for (guint i = 0; unit == BDX_UNIT_UNKNOWN && i < d->tables->len; i++)
        unit = ((const BdxTable *)g_ptr_array_index (d->tables, i))->unit;
      cx->narrative_unit = unit == BDX_UNIT_YI_YUAN ? unit : BDX_UNIT_WAN_YUAN;
    }

  cx->narrative_decimals = -1;
  for (guint i = 0; i < d->tables->len; i++)
    {
      const BdxTable *t = g_ptr_array_index (d->tables, i);

      if (t->unit == cx->narrative_unit)
        cx->narrative_decimals
            = MAX (cx->narrative_decimals, table_decimals (cx, t));
    }
}

static void
context_clear (BdxVContext *cx)
{
  g_clear_pointer (&cx->table_decimals, g_hash_table_unref);
  g_clear_pointer (&cx->out, g_ptr_array_unref);
}

static void
run_rule (BdxVContext *cx, const BdxRule *r)
{
  switch (r->kind)
    {
    case BDX_RULE_ROW_SUM:
      bdx__check_row_sum (cx, r);
      break;
    case BDX_RULE_COLUMN_SUM:
      bdx__check_column_sum (cx, r);
      break;
    case BDX_RULE_HIERARCHY:
      bdx__check_hierarchy (cx, r);
      break;
    case BDX_RULE_EQUAL:
    case BDX_RULE_FACT_EQUAL:
      bdx__check_equal (cx, r);
      break;
    case BDX_RULE_FACT_SHARE:
      bdx__check_fact_share (cx, r);
      break;
    case BDX_RULE_PROJECT_TABLE:
      bdx__check_project_table (cx, r);
      break;
    case BDX_RULE_ALLOCATION_SUM:
      bdx__check_allocation_sum (cx, r);
      break;
    case BDX_RULE_PERFORMANCE_FUNDS:
      bdx__check_performance_funds (cx, r);
      break;
    case BDX_RULE_CODES:
      bdx__check_codes (cx, r);
      break;
    default:
      g_assert_not_reached ();
    }
}

gboolean
bdx_validate (BdxDisclosure *d, const BdxPatterns *patterns,
              const BdxValidateOptions *opts, GError **error)
{
  g_autoptr (GPtrArray) rules = NULL;
  BdxVContext cx;

  g_return_val_if_fail (d != NULL, FALSE);
  g_return_val_if_fail (patterns != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  rules = bdx__parse_rules (patterns, rule_prefix (opts), error);
  if (rules == NULL)
    return FALSE;

  context_init (&cx, d, patterns, opts);
  for (guint i = 0; i < rules->len; i++)
    run_rule (&cx, g_ptr_array_index (rules, i));

  /* Swap the results in: the old checks go with the old array. */
  g_ptr_array_unref (d->checks);
  d->checks = g_steal_pointer (&cx.out);
  context_clear (&cx);
  return TRUE;
}

gboolean
bdx_validate_check_rules (const BdxPatterns *patterns,
                          const BdxValidateOptions *opts, GError **error)
{
  g_autoptr (GPtrArray) rules = NULL;

  g_return_val_if_fail (patterns != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  rules = bdx__parse_rules (patterns, rule_prefix (opts), error);
  return rules != NULL;
}

void
bdx_validate_summary (const BdxDisclosure *d, int *checks, int *passed,
                      int *within_rounding, int *failed)
{
  int counts[3] = { 0, 0, 0 };
  int total = 0;

  g_return_if_fail (d != NULL);

  for (guint i = 0; d->checks != NULL && i < d->checks->len; i++)
    {
      const BdxCheck *c = g_ptr_array_index (d->checks, i);

      if (c->status <= BDX_CHECK_FAILED)
        counts[c->status]++;
      total++;
    }
  if (checks != NULL)
    *checks = total;
  if (passed != NULL)
    *passed = counts[BDX_CHECK_PASSED];
  if (within_rounding != NULL)
    *within_rounding = counts[BDX_CHECK_WITHIN_ROUNDING];
  if (failed != NULL)
    *failed = counts[BDX_CHECK_FAILED];
}
