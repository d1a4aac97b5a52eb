/* bdx — validate: the projects of the text.
 *
 *  project_vs_table   each project's 预算安排规模 = the rows of the project
 *                     tables that carry its name (Σ, a project may be
 *                     printed under several codes), in the rule's column.
 *                     A project no row names is failed ("未列入"), unless
 *                     none of the tables is in the document.
 *  allocation_sum     each project's 资金分配情况 items add up to its
 *                     amount.
 *  performance_funds  each project performance table's 年度预算总额 =
 *                     the project's amount (from the text, else from the
 *                     project tables), and 总额 = 财政拨款 + 其他资金; the
 *                     department table's 总额 = the rule's `department`
 *                     reference (first alternative the document has).
 *
 * Project names are compared without blanks ("克州 12345 政务…" is
 * "克州12345政务…").  Checks name the project as their row.
 */
#undef G_LOG_DOMAIN
#define G_LOG_DOMAIN "bdx-validate"

#include "validate-private.h"

#include <string.h>

static char *
sub_id (const BdxRule *rule, const char *what)
{
  return g_strconcat (rule->id, ".", what, NULL);
}

/* Adds the cells of the rows naming project (key without blanks) in the
 * rule's tables.  Returns how many rows matched; *any_table tells
 * whether some table was there to look in; *anchor the first table id. */
static guint
add_project_rows (BdxVContext *cx, const BdxRule *rule, const char *key,
                  BdxTerm *t, gboolean *any_table, const char **anchor)
{
  guint matched = 0;

  *any_table = FALSE;
  for (guint i = 0; i < rule->tables->len; i++)
    {
      const BdxRef *ref = g_ptr_array_index (rule->tables, i);
      const BdxTable *table = bdx_disclosure_lookup_table (cx->d, ref->table);
      int column;

      if (table == NULL)
        continue;
      column = bdx__column_index (table, rule->project_column, ref->side);
      if (column < 0 && !table->empty)
        continue;
      *any_table = TRUE;
      if (*anchor == NULL)
        *anchor = table->id;
      for (guint j = 0; j < table->rows->len; j++)
        {
          const BdxRow *row = g_ptr_array_index (table->rows, j);
          g_autofree char *name = NULL;

          if (row->project == NULL || !bdx__row_on_side (row, ref->side))
            continue;
          name = bdx__name_key (row->project);
          if (g_str_equal (name, key))
            {
              bdx__term_add_cell (cx, t, table, row, column);
              matched++;
            }
        }
    }
  return matched;
}

void
bdx__check_project_table (BdxVContext *cx, const BdxRule *rule)
{
  for (guint i = 0; i < cx->d->projects->len; i++)
    {
      const BdxProject *p = g_ptr_array_index (cx->d->projects, i);
      g_autofree char *key = NULL;
      BdxTerm actual = { 0 }, expected = { 0 };
      const char *table = NULL;
      gboolean any_table;
      guint matched;

      if (p->name == NULL || !p->amount.present)
        continue;
      key = bdx__name_key (p->name);
      matched = add_project_rows (cx, rule, key, &expected, &any_table, &table);
      if (!any_table)
        continue;
      bdx__term_add_text (cx, &actual, p->amount);
      if (matched == 0)
        {
          BdxCheck *c = bdx__emit_status (
              cx, rule->id, table, p->name, rule->project_column,
              BDX_CHECK_FAILED, "项目未列入项目支出表");
          c->actual = actual.sum;
          continue;
        }
      bdx__emit (cx, rule, NULL, table, p->name, rule->project_column, &actual,
                 &expected, FALSE, NULL);
    }
}

void
bdx__check_allocation_sum (BdxVContext *cx, const BdxRule *rule)
{
  for (guint i = 0; i < cx->d->projects->len; i++)
    {
      const BdxProject *p = g_ptr_array_index (cx->d->projects, i);
      BdxTerm actual = { 0 }, expected = { 0 };

      if (p->allocation == NULL || p->allocation->len == 0)
        continue;
      bdx__term_add_text (cx, &actual, p->amount);
      for (guint j = 0; j < p->allocation->len; j++)
        {
          const BdxAllocation *a = g_ptr_array_index (p->allocation, j);

          bdx__term_add_text (cx, &expected, a->amount);
        }
      bdx__emit (cx, rule, NULL, NULL, p->name, NULL, &actual, &expected, FALSE,
                 NULL);
    }
}

static const BdxProject *
find_project (BdxVContext *cx, const char *key)
{
  for (guint i = 0; i < cx->d->projects->len; i++)
    {
      const BdxProject *p = g_ptr_array_index (cx->d->projects, i);
      g_autofree char *name = NULL;

      if (p->name == NULL)
        continue;
      name = bdx__name_key (p->name);
      if (g_str_equal (name, key))
        return p;
    }
  return NULL;
}

/* 总额 = 财政拨款 + 其他资金 of one performance table. */
static void
check_funds_sum (BdxVContext *cx, const BdxRule *rule,
                 const BdxPerformance *perf, const char *row)
{
  g_autofree char *id = sub_id (rule, "funds_sum");
  BdxTerm actual = { 0 }, expected = { 0 };
  BdxRule local = *rule;

  if (!perf->funds_fiscal.present && !perf->funds_other.present)
    return; /* only a total is printed */
  local.id = id;
  bdx__term_add_text (cx, &actual, perf->funds_total);
  bdx__term_add_text (cx, &expected, perf->funds_fiscal);
  bdx__term_add_text (cx, &expected, perf->funds_other);
  bdx__emit (cx, &local, NULL, NULL, row, NULL, &actual, &expected, FALSE,
             "绩效目标表 资金总额 ≠ 财政资金 + 其他资金");
}

void
bdx__check_performance_funds (BdxVContext *cx, const BdxRule *rule)
{
  g_autofree char *project_id = sub_id (rule, "project_funds");
  g_autofree char *department_id = sub_id (rule, "department_funds");
  BdxRule project_rule = *rule, department_rule = *rule;

  project_rule.id = project_id;
  department_rule.id = department_id;

  for (guint i = 0; i < cx->d->performance->len; i++)
    {
      const BdxPerformance *perf = g_ptr_array_index (cx->d->performance, i);
      BdxTerm actual = { 0 }, expected = { 0 };

      if (g_strcmp0 (perf->scope, "project") == 0 && perf->project != NULL)
        {
          g_autofree char *key = bdx__name_key (perf->project);
          const BdxProject *p = find_project (cx, key);
          const char *table = NULL;

          check_funds_sum (cx, rule, perf, perf->project);
          if (!perf->funds_total.present)
            continue;
          bdx__term_add_text (cx, &actual, perf->funds_total);
          if (p != NULL && p->amount.present)
            {
              bdx__term_add_text (cx, &expected, p->amount);
              bdx__emit (cx, &project_rule, NULL, NULL, perf->project, NULL,
                         &actual, &expected, FALSE,
                         rule->message != NULL
                             ? rule->message
                             : "绩效目标表 项目资金 ≠ 项目预算安排规模");
              continue;
            }
          if (rule->tables->len > 0)
            {
              gboolean any_table;
              guint matched = add_project_rows (cx, rule, key, &expected,
                                                &any_table, &table);

              if (matched > 0)
                {
                  bdx__emit (cx, &project_rule, NULL, table, perf->project,
                             rule->project_column, &actual, &expected, FALSE,
                             "绩效目标表 项目资金 ≠ 项目支出表");
                  continue;
                }
              if (!any_table && cx->d->projects->len == 0)
                continue; /* nothing to compare with */
            }
          else if (cx->d->projects->len == 0)
            continue;
          {
            BdxCheck *c = bdx__emit_status (
                cx, project_id, table, perf->project, NULL, BDX_CHECK_FAILED,
                "绩效目标表的项目未见于项目说明和项目支出表");
            c->actual = actual.sum;
          }
        }
      else if (g_strcmp0 (perf->scope, "department") == 0)
        {
          const char *row
              = perf->department != NULL ? perf->department : "部门整体";

          check_funds_sum (cx, rule, perf, row);
          if (!perf->funds_total.present)
            continue;
          for (guint j = 0; j < rule->department->len; j++)
            {
              const GPtrArray *alt = g_ptr_array_index (rule->department, j);
              BdxTerm t = { 0 };
              const char *at = NULL, *ar = NULL, *ac = NULL;

              if (!bdx__resolve_refs (cx, alt, NULL, &t, &at, &ar, &ac)
                  || t.present == 0)
                continue;
              bdx__term_add_text (cx, &actual, perf->funds_total);
              bdx__emit (cx, &department_rule, NULL, NULL, row, NULL, &actual,
                         &t, FALSE,
                         rule->message != NULL
                             ? rule->message
                             : "部门整体绩效目标表 资金总额 ≠ 部门预算");
              break;
            }
        }
    }
}
