/* Unit tests for bdx_parse_performance (src/parse-performance.c): table
 * pieces built by hand, read with the shipped patterns.
 *
 * Grids are written the way `bdx-test-tool layout` prints them: one
 * string per row, cells separated by '|', "{RxC}" after the text of a
 * cell spanning R rows and C columns, "^" where a position is covered by
 * a merged cell.
 *
 * The patterns come from $BDX_TEST_PATTERNS when set, else from the
 * source tree (BDX_SOURCE_PATTERNS_DIR). */
#include <stdio.h>
#include <string.h>

#include <glib.h>

#include "bdx/parse.h"

/* ---- fixtures ------------------------------------------------------ */

static BdxPatterns *patterns;

#define ROW_HEIGHT 20.0
#define X0 40.0

static void
test_grid_free (BdxGrid *g)
{
  g_array_unref (g->xs);
  g_array_unref (g->ys);
  g_ptr_array_unref (g->cells);
  g_free (g->at);
  g_free (g);
}

static void
cell_free (BdxCell *c)
{
  g_free (c->text);
  g_free (c);
}

/* widths: n_cols column widths, or NULL for 40 points each. */
static BdxGrid *
grid_parse (const char *const *rows, int n_rows, const double *widths)
{
  g_auto (GStrv) first = g_strsplit (rows[0], "|", -1);
  int n_cols = (int) g_strv_length (first);
  BdxGrid *g = g_new0 (BdxGrid, 1);
  g->n_rows = n_rows;
  g->n_cols = n_cols;
  g->xs = g_array_new (FALSE, FALSE, sizeof (double));
  g->ys = g_array_new (FALSE, FALSE, sizeof (double));
  double x = X0;
  for (int c = 0; c <= n_cols; c++)
    {
      g_array_append_val (g->xs, x);
      if (c < n_cols)
        x += widths ? widths[c] : 40.0;
    }
  for (int r = 0; r <= n_rows; r++)
    {
      double y = 100.0 + r * ROW_HEIGHT;
      g_array_append_val (g->ys, y);
    }
  g->box = (BdxBox){ X0, 100.0, x, 100.0 + n_rows * ROW_HEIGHT };
  g->cells = g_ptr_array_new_with_free_func ((GDestroyNotify) cell_free);
  g->at = g_new (int, n_rows * n_cols);
  for (int i = 0; i < n_rows * n_cols; i++)
    g->at[i] = -1;

  for (int r = 0; r < n_rows; r++)
    {
      g_auto (GStrv) parts = g_strsplit (rows[r], "|", -1);
      g_assert_cmpint ((int) g_strv_length (parts), ==, n_cols);
      for (int c = 0; c < n_cols; c++)
        {
          char *t = g_strstrip (parts[c]);
          if (strcmp (t, "^") == 0)
            {
              g_assert_cmpint (g->at[r * n_cols + c], >=, 0);
              continue;
            }
          int rs = 1, cs = 1;
          char *brace = strrchr (t, '{');
          if (brace && g_str_has_suffix (t, "}"))
            {
              g_assert_cmpint (sscanf (brace, "{%dx%d}", &rs, &cs), ==, 2);
              *brace = '\0';
            }
          BdxCell *cell = g_new0 (BdxCell, 1);
          cell->row = r;
          cell->col = c;
          cell->rowspan = rs;
          cell->colspan = cs;
          cell->text = g_strdup (t);
          cell->confidence = 1;
          cell->box = (BdxBox){ g_array_index (g->xs, double, c),
                                g_array_index (g->ys, double, r),
                                g_array_index (g->xs, double, c + cs),
                                g_array_index (g->ys, double, r + rs) };
          int idx = (int) g->cells->len;
          g_ptr_array_add (g->cells, cell);
          for (int i = r; i < r + rs; i++)
            for (int k = c; k < c + cs; k++)
              {
                g_assert_cmpint (g->at[i * n_cols + k], ==, -1);
                g->at[i * n_cols + k] = idx;
              }
        }
    }
  for (int i = 0; i < n_rows * n_cols; i++)
    g_assert_cmpint (g->at[i], >=, 0);
  return g;
}

typedef struct {
  GPtrArray *grids;  /* of BdxGrid*, owned */
  GPtrArray *pieces; /* of BdxTablePiece*, owned */
  BdxDisclosure *d;
} Doc;

static void
piece_free (BdxTablePiece *p)
{
  g_free (p->title);
  g_free (p->department);
  g_ptr_array_unref (p->after);
  g_free (p);
}

static Doc *
doc_new (void)
{
  Doc *doc = g_new0 (Doc, 1);
  doc->grids = g_ptr_array_new_with_free_func ((GDestroyNotify) test_grid_free);
  doc->pieces = g_ptr_array_new_with_free_func ((GDestroyNotify) piece_free);
  doc->d = bdx_disclosure_new ();
  return doc;
}

static void
doc_free (Doc *doc)
{
  g_ptr_array_unref (doc->pieces);
  g_ptr_array_unref (doc->grids);
  bdx_disclosure_free (doc->d);
  g_free (doc);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Doc, doc_free)

static BdxTablePiece *
add_piece (Doc *doc, int page, const char *title, const char *const *rows,
           int n_rows, const double *widths)
{
  BdxGrid *g = grid_parse (rows, n_rows, widths);
  g_ptr_array_add (doc->grids, g);
  BdxTablePiece *p = g_new0 (BdxTablePiece, 1);
  p->grid = g;
  p->page = page;
  p->title = g_strdup (title);
  p->after = g_ptr_array_new_with_free_func (g_free);
  p->at_page_top = title == NULL;
  p->at_page_end = TRUE;
  g_ptr_array_add (doc->pieces, p);
  return p;
}

static void
run (Doc *doc)
{
  BdxSegments s = { 0 };
  s.pieces = doc->pieces;
  g_autoptr (GError) error = NULL;
  g_assert_true (bdx_parse_performance (&s, patterns, doc->d, &error));
  g_assert_no_error (error);
}

static BdxPerformance *
perf (Doc *doc, guint i)
{
  g_assert_cmpuint (i, <, doc->d->performance->len);
  return g_ptr_array_index (doc->d->performance, i);
}

static BdxIndicator *
ind (BdxPerformance *p, guint i)
{
  g_assert_cmpuint (i, <, p->indicators->len);
  return g_ptr_array_index (p->indicators, i);
}

static void
assert_money (BdxMoney m, gint64 fen)
{
  g_assert_true (m.present);
  g_assert_cmpint (m.fen, ==, fen);
}

/* Checks an indicator; NULL expects NULL, weight -1 expects none. */
static void
assert_indicator (const BdxIndicator *i, const char *level1,
                  const char *level2, const char *name, const char *target,
                  const char *op, const char *value, const char *unit,
                  const char *basis, const char *previous, int weight,
                  const char *scoring, const char *evidence)
{
  g_assert_cmpstr (i->level1, ==, level1);
  g_assert_cmpstr (i->level2, ==, level2);
  g_assert_cmpstr (i->name, ==, name);
  g_assert_cmpstr (i->target, ==, target);
  g_assert_cmpstr (i->op, ==, op);
  g_assert_cmpstr (i->value, ==, value);
  g_assert_cmpstr (i->unit, ==, unit);
  g_assert_cmpstr (i->basis, ==, basis);
  g_assert_cmpstr (i->previous, ==, previous);
  g_assert_cmpint (i->weight, ==, weight);
  g_assert_cmpstr (i->scoring, ==, scoring);
  g_assert_cmpstr (i->evidence, ==, evidence);
}

/* The top block and header of a project table, as in the seed. */
#define PROJECT_TOP                                                          \
  "预算单位{1x2}|^|某某局{1x7}|^|^|^|^|^|^",                                 \
  "项目名称{1x2}|^|某某 运维 项目{1x3}|^|^|项目负责人|张三{1x3}|^|^",         \
  "项目资金(万元){1x2}|^|年度预算总额|62.40|其中:财政拨款|60.00|其他资金|2.40{1x2}|^", \
  "项目总体目标{1x2}|^|项目资金 62.4 万元。 主要用于: 1.运维{1x7}|^|^|^|^|^|^", \
  "一级指标|二级指标|三级指标|指标值|指标值设置依据|上年完成值|指标分值权重|指标赋分规则|佐证资料"

/* ---- tests --------------------------------------------------------- */

static void
test_project (void)
{
  g_autoptr (Doc) doc = doc_new ();
  const char *rows[] = {
    PROJECT_TOP,
    "产出指标{3x1}|数量指标{2x1}|维护服务器数(台)|=3 台|计划标准|3台|5|按照正常比例赋分|工作资料",
    "^|^|维护系统数(套)|>=12次|计划标准|12次|4|按照正常比例赋分|工作资料",
    "^|质量指标|电话接听率(%)|> =98%|计划标准|98%|4|按照正常比例赋分|工作资料",
    "成本指标{2x1}|经济成本指标{2x1}|热线平台维护费(万元)|<= 0.80 万元|预算支出标准|10万元|5|按照正常比例赋分|",
    "^|^|一个单位缴纳标准(元/月)|≤525元/月|预算支出标准|525元/月|10|按照正常比例赋分|原始凭证",
    "效益指标|社会效益指标|保障平台平稳运转|有效 保障|计划标准|有效保障|10|按评判等级赋分|说明材料",
  };
  add_piece (doc, 20, "项目支出绩效目标表", rows, G_N_ELEMENTS (rows), NULL);
  run (doc);

  g_assert_cmpuint (doc->d->performance->len, ==, 1);
  BdxPerformance *p = perf (doc, 0);
  g_assert_cmpstr (p->scope, ==, "project");
  g_assert_cmpstr (p->project, ==, "某某运维项目");
  g_assert_cmpstr (p->department, ==, "某某局");
  g_assert_cmpstr (p->manager, ==, "张三");
  g_assert_cmpstr (p->goal, ==, "项目资金62.4万元。主要用于:1.运维");
  assert_money (p->funds_total, 62400000);
  assert_money (p->funds_fiscal, 60000000);
  assert_money (p->funds_other, 2400000);
  g_assert_cmpuint (p->pages->len, ==, 1);
  g_assert_cmpint (g_array_index (p->pages, int, 0), ==, 20);

  g_assert_cmpuint (p->indicators->len, ==, 6);
  assert_indicator (ind (p, 0), "产出指标", "数量指标", "维护服务器数(台)",
                    "=3台", "=", "3", "台", "计划标准", "3台", 5,
                    "按照正常比例赋分", "工作资料");
  /* Merged level cells give their text to every row they span. */
  assert_indicator (ind (p, 1), "产出指标", "数量指标", "维护系统数(套)",
                    ">=12次", ">=", "12", "次", "计划标准", "12次", 4,
                    "按照正常比例赋分", "工作资料");
  assert_indicator (ind (p, 2), "产出指标", "质量指标", "电话接听率(%)",
                    ">=98%", ">=", "98", "%", "计划标准", "98%", 4,
                    "按照正常比例赋分", "工作资料");
  /* A blank evidence cell is NULL, not a guess from the neighbours. */
  assert_indicator (ind (p, 3), "成本指标", "经济成本指标",
                    "热线平台维护费(万元)", "<=0.80万元", "<=", "0.80",
                    "万元", "预算支出标准", "10万元", 5, "按照正常比例赋分",
                    NULL);
  assert_indicator (ind (p, 4), "成本指标", "经济成本指标",
                    "一个单位缴纳标准(元/月)", "≤525元/月", "<=", "525",
                    "元/月", "预算支出标准", "525元/月", 10,
                    "按照正常比例赋分", "原始凭证");
  /* Qualitative target: no op, value or unit. */
  assert_indicator (ind (p, 5), "效益指标", "社会效益指标", "保障平台平稳运转",
                    "有效保障", NULL, NULL, NULL, "计划标准", "有效保障", 10,
                    "按评判等级赋分", "说明材料");
  g_assert_cmpuint (doc->d->notices->len, ==, 0);
}

static void
test_department (void)
{
  g_autoptr (Doc) doc = doc_new ();
  const char *rows[] = {
    "部门名称(盖章){1x2}|^|某某局{1x4}|^|^|^",
    "部门联系人{1x2}|^|李四|联系电话|13800000000{1x2}|^",
    "年度绩效目标{1x2}|^|完成年度 工作任务。{1x4}|^|^|^",
    "年度预算(万元){4x2}|^|资金来源{1x2}|^|资金总额(万元){1x2}|^",
    "^|^|财政资金(万元){2x1}|上级安排|0.00{1x2}|^",
    "^|^|^|本级安排|417.37{1x2}|^",
    "^|^|其他资金(万元)|其他|1.00{1x2}|^",
    "一级指标|二级指标|三级指标|指标值|指标设定依据|分值权重",
    "履职效能{3x1}|数量指标|举办大会(次)|=1次|工作计划|20",
    "^|数量指标|新增事项(项)|≥500项|工作计划|15",
    "^|质量指标|工单办结(%)|≥95%|工作计划|20",
  };
  add_piece (doc, 18, "部门整体绩效目标表", rows, G_N_ELEMENTS (rows), NULL);
  run (doc);

  g_assert_cmpuint (doc->d->performance->len, ==, 1);
  BdxPerformance *p = perf (doc, 0);
  g_assert_cmpstr (p->scope, ==, "department");
  g_assert_null (p->project);
  g_assert_cmpstr (p->department, ==, "某某局");
  /* No 负责人 printed: the contact is the manager. */
  g_assert_cmpstr (p->manager, ==, "李四");
  g_assert_cmpstr (p->goal, ==, "完成年度工作任务。");
  /* 上级安排 + 本级安排 are fiscal; no printed total: the sum. */
  assert_money (p->funds_fiscal, 417370000);
  assert_money (p->funds_other, 1000000);
  assert_money (p->funds_total, 418370000);

  g_assert_cmpuint (p->indicators->len, ==, 3);
  assert_indicator (ind (p, 0), "履职效能", "数量指标", "举办大会(次)", "=1次",
                    "=", "1", "次", "工作计划", NULL, 20, NULL, NULL);
  assert_indicator (ind (p, 1), "履职效能", "数量指标", "新增事项(项)",
                    "≥500项", ">=", "500", "项", "工作计划", NULL, 15, NULL,
                    NULL);
  assert_indicator (ind (p, 2), "履职效能", "质量指标", "工单办结(%)", "≥95%",
                    ">=", "95", "%", "工作计划", NULL, 20, NULL, NULL);
}

/* A table over three pages.  The second repeats the header, starts with
 * the rest of a row cut by the page break ("社会效益" | "指标", "提高" |
 * "工作效率"), and has one more column: the name column split by a ruling
 * line, the other lines where they were.  The third starts with a row
 * whose level cells end the merged cells above ("满意度指" | "标"). */
static void
test_continuation (void)
{
  g_autoptr (Doc) doc = doc_new ();
  const char *page1[] = {
    PROJECT_TOP,
    "产出指标{2x1}|数量指标{2x1}|维护台数(台)|=3台|计划标准|3台|5|按照正常比例赋分|工作资料",
    "^|^|维护套数(套)|=1套|计划标准|1套|5|按照正常比例赋分|工作资料",
    "效益指标|社会效益|保障热线工作正常开展,提高|有效保障|其他标准|新增|10|按评判等级赋分|说明材料",
  };
  const double w9[] = { 40, 40, 80, 40, 40, 40, 40, 40, 40 };
  const char *page2[] = {
    "一级指标|二级指标|三级指标{1x2}|^|指标值|指标值设置依据|上年完成值|指标分值权重|指标赋分规则|佐证资料",
    "{2x1}|指标{2x1}|工作效率{1x2}|^||||||",
    "^|^|系统正常运行率(%){1x2}|^|=100%|计划标准|新增|10|按评判等级赋分|说明材料",
    "满意度指|满意度指|受益群众|满意度(%)|> =95%|计划标准|95%|5|满意度赋分|工作资料",
  };
  const double w10[] = { 40, 40, 40, 40, 40, 40, 40, 40, 40, 40 };
  const char *page3[] = {
    "标|标|受益人员满意度(%)|> =95%|计划标准|95%|5|满意度赋分|",
  };
  BdxTablePiece *a = add_piece (doc, 20, "项目支出绩效目标表", page1,
                                G_N_ELEMENTS (page1), w9);
  BdxTablePiece *b
      = add_piece (doc, 21, NULL, page2, G_N_ELEMENTS (page2), w10);
  add_piece (doc, 22, NULL, page3, G_N_ELEMENTS (page3), w9);
  g_assert_true (a->at_page_end && b->at_page_top);
  run (doc);

  g_assert_cmpuint (doc->d->performance->len, ==, 1);
  BdxPerformance *p = perf (doc, 0);
  g_assert_cmpuint (p->pages->len, ==, 3);
  g_assert_cmpint (g_array_index (p->pages, int, 1), ==, 21);
  g_assert_cmpint (g_array_index (p->pages, int, 2), ==, 22);
  g_assert_cmpuint (p->indicators->len, ==, 6);
  assert_indicator (ind (p, 1), "产出指标", "数量指标", "维护套数(套)", "=1套",
                    "=", "1", "套", "计划标准", "1套", 5, "按照正常比例赋分",
                    "工作资料");
  assert_indicator (ind (p, 2), "效益指标", "社会效益指标",
                    "保障热线工作正常开展,提高工作效率", "有效保障", NULL, NULL,
                    NULL, "其他标准", "新增", 10, "按评判等级赋分", "说明材料");
  /* A blank level cell: the level above; the joined level cell. */
  assert_indicator (ind (p, 3), "效益指标", "社会效益指标", "系统正常运行率(%)",
                    "=100%", "=", "100", "%", "计划标准", "新增", 10,
                    "按评判等级赋分", "说明材料");
  /* The split name column: both parts. */
  assert_indicator (ind (p, 4), "满意度指标", "满意度指标",
                    "受益群众满意度(%)", ">=95%", ">=", "95", "%", "计划标准",
                    "95%", 5, "满意度赋分", "工作资料");
  assert_indicator (ind (p, 5), "满意度指标", "满意度指标",
                    "受益人员满意度(%)", ">=95%", ">=", "95", "%", "计划标准",
                    "95%", 5, "满意度赋分", NULL);
  g_assert_cmpuint (doc->d->notices->len, ==, 0);
}

/* Header wording of other templates, a two-row header, and targets
 * written in words. */
static void
test_variant_header (void)
{
  g_autoptr (Doc) doc = doc_new ();
  const char *rows[] = {
    "单位名称|某某中心{1x6}|^|^|^|^|^",
    "项目名称|某某项目{1x3}|^|^|联系人|王五{1x2}|^",
    "年度资金(万元)|资金总额: 12.5万元{1x6}|^|^|^|^|^",
    "年度目标|保障运行{1x6}|^|^|^|^|^",
    "绩效指标{1x3}|^|^|年度指标值{2x1}|指标设定依据{2x1}|权重(%){2x1}|佐证材料{2x1}",
    "一级指标|二级指标|指标名称|^|^|^|^",
    "产出指标|数量指标|培训人次|95%以上|计划|10分|名单",
    "产出指标|时效指标|完成时间|2026年12月前|计划|10|",
    "合计|||||20|",
  };
  add_piece (doc, 5, "2026年度项目绩效目标申报表", rows, G_N_ELEMENTS (rows),
             NULL);
  run (doc);

  BdxPerformance *p = perf (doc, 0);
  g_assert_cmpstr (p->scope, ==, "project");
  g_assert_cmpstr (p->department, ==, "某某中心");
  g_assert_cmpstr (p->project, ==, "某某项目");
  g_assert_cmpstr (p->manager, ==, "王五");
  g_assert_cmpstr (p->goal, ==, "保障运行");
  /* "资金总额: 12.5万元" is one text cell, not an amount: not read. */
  g_assert_false (p->funds_total.present);
  g_assert_cmpuint (p->indicators->len, ==, 2);
  assert_indicator (ind (p, 0), "产出指标", "数量指标", "培训人次", "95%以上",
                    ">=", "95", "%", "计划", NULL, 10, NULL, "名单");
  /* A date is not a number with a unit. */
  assert_indicator (ind (p, 1), "产出指标", "时效指标", "完成时间",
                    "2026年12月前", NULL, NULL, NULL, "计划", NULL, 10, NULL,
                    NULL);
}

/* Pieces that do not continue a table: a titled ordinary table, a piece
 * not at the top of its page, a piece two pages on, and an untitled one
 * that starts with 项目名称 (a new table). */
static void
test_boundaries (void)
{
  g_autoptr (Doc) doc = doc_new ();
  const char *t1[] = {
    PROJECT_TOP,
    "产出指标|数量指标|甲|=1个|计划|1个|10|规则|资料",
  };
  const char *data[] = {
    "产出指标|数量指标|乙|=2个|计划|2个|10|规则|资料",
  };
  const char *other[] = { "科目|金额", "合计|1.00" };
  const char *t2[] = {
    "预算单位{1x2}|^|另一局{1x7}|^|^|^|^|^|^",
    "项目名称{1x2}|^|另一项目{1x7}|^|^|^|^|^|^",
    "一级指标|二级指标|三级指标|指标值|指标值设置依据|上年完成值|指标分值权重|指标赋分规则|佐证资料",
    "产出指标|数量指标|丙|=3个|计划|3个|10|规则|资料",
  };
  add_piece (doc, 10, "项目支出绩效目标表", t1, G_N_ELEMENTS (t1), NULL);
  BdxTablePiece *mid = add_piece (doc, 11, NULL, data, 1, NULL);
  mid->at_page_top = FALSE; /* text above it: not a continuation */
  add_piece (doc, 12, NULL, data, 1, NULL); /* after a non-table piece */
  add_piece (doc, 13, "部门支出总表", other, 2, NULL);
  add_piece (doc, 14, "项目支出绩效目标表", t1, G_N_ELEMENTS (t1), NULL);
  add_piece (doc, 16, NULL, data, 1, NULL); /* a page skipped */
  add_piece (doc, 17, "项目支出绩效目标表", t1, G_N_ELEMENTS (t1), NULL);
  add_piece (doc, 18, NULL, t2, G_N_ELEMENTS (t2), NULL);
  run (doc);

  g_assert_cmpuint (doc->d->performance->len, ==, 4);
  for (guint i = 0; i < 3; i++)
    {
      BdxPerformance *p = perf (doc, i);
      g_assert_cmpuint (p->indicators->len, ==, 1);
      g_assert_cmpstr (ind (p, 0)->name, ==, "甲");
      g_assert_cmpuint (p->pages->len, ==, 1);
    }
  BdxPerformance *p = perf (doc, 3);
  g_assert_cmpstr (p->scope, ==, "project");
  g_assert_cmpstr (p->project, ==, "另一项目");
  g_assert_cmpuint (p->indicators->len, ==, 1);
  g_assert_cmpstr (ind (p, 0)->name, ==, "丙");
}

/* A table without an indicator header keeps its top block and says so;
 * a weight that is not a whole number is a notice. */
static void
test_oddities (void)
{
  g_autoptr (Doc) doc = doc_new ();
  const char *t1[] = {
    "预算单位|某某局",
    "项目名称|某某项目",
  };
  const char *t2[] = {
    PROJECT_TOP,
    "产出指标|数量指标|甲|=1个|计划|1个|二十|规则|资料",
  };
  add_piece (doc, 3, "项目支出绩效目标表", t1, G_N_ELEMENTS (t1), NULL);
  add_piece (doc, 5, "项目支出绩效目标表", t2, G_N_ELEMENTS (t2), NULL);
  run (doc);

  g_assert_cmpuint (doc->d->performance->len, ==, 2);
  BdxPerformance *p = perf (doc, 0);
  g_assert_cmpstr (p->project, ==, "某某项目");
  g_assert_cmpuint (p->indicators->len, ==, 0);
  g_assert_false (p->funds_total.present);
  p = perf (doc, 1);
  g_assert_cmpint (ind (p, 0)->weight, ==, -1);
  g_assert_cmpuint (doc->d->notices->len, ==, 2);
  g_assert_nonnull (strstr (g_ptr_array_index (doc->d->notices, 0),
                            "no indicator header"));
  g_assert_nonnull (strstr (g_ptr_array_index (doc->d->notices, 1), "二十"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  const char *dir = g_getenv ("BDX_TEST_PATTERNS");
  if (dir == NULL || *dir == '\0')
    dir = BDX_SOURCE_PATTERNS_DIR;
  g_autoptr (GError) error = NULL;
  patterns = bdx_patterns_load (dir, &error);
  g_assert_no_error (error);

  g_test_add_func ("/performance/project", test_project);
  g_test_add_func ("/performance/department", test_department);
  g_test_add_func ("/performance/continuation", test_continuation);
  g_test_add_func ("/performance/variant-header", test_variant_header);
  g_test_add_func ("/performance/boundaries", test_boundaries);
  g_test_add_func ("/performance/oddities", test_oddities);
  int rc = g_test_run ();
  bdx_patterns_unref (patterns);
  return rc;
}
