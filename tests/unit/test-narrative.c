/* Unit tests for parse-narrative: overview, projects and facts from
 * paragraphs built by hand, in the seed's wording and in variants, with
 * the real pattern set (BDX_TEST_PATTERNS, else the source tree's). */
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "bdx/parse.h"
#include "bdx/text.h"

static BdxPatterns *patterns;

/* ---- Building segments by hand ----------------------------------------- */

static void
paragraph_free (BdxParagraph *q)
{
  g_free (q->text);
  g_free (q->section);
  g_free (q->subsection);
  g_free (q);
}

static BdxSegments *
segments_new (void)
{
  BdxSegments *s = g_new0 (BdxSegments, 1);
  s->paragraphs
      = g_ptr_array_new_with_free_func ((GDestroyNotify)paragraph_free);
  s->pieces = g_ptr_array_new ();
  s->lines = g_ptr_array_new ();
  return s;
}

static void
segments_free (BdxSegments *s)
{
  g_ptr_array_unref (s->paragraphs);
  g_ptr_array_unref (s->pieces);
  g_ptr_array_unref (s->lines);
  g_free (s);
}

/* The paragraphs' headings as segment makes them: a level-2 heading is
 * its own section and clears the subsection, a level-3 one sets it. */
typedef struct
{
  BdxSegments *s;
  char *section, *subsection;
  int page;
} Doc;

static void
doc_init (Doc *doc)
{
  doc->s = segments_new ();
  doc->section = doc->subsection = NULL;
  doc->page = 1;
}

static void
doc_clear (Doc *doc)
{
  segments_free (doc->s);
  g_free (doc->section);
  g_free (doc->subsection);
}

/* Adds a paragraph; text is normalized as segment does (full-width
 * punctuation may be written as printed).  level: 0 body, 1..3 heading. */
static void
add (Doc *doc, int level, const char *text)
{
  BdxParagraph *q = g_new0 (BdxParagraph, 1);
  q->text = bdx_text_normalize (text, -1);
  if (level == 1 || level == 2)
    {
      g_free (doc->section);
      doc->section = level == 2 ? g_strdup (q->text) : NULL;
      g_clear_pointer (&doc->subsection, g_free);
    }
  else if (level == 3)
    {
      g_free (doc->subsection);
      doc->subsection = g_strdup (q->text);
    }
  q->page = doc->page;
  q->section = g_strdup (doc->section);
  q->subsection = g_strdup (doc->subsection);
  q->heading_level = level;
  g_ptr_array_add (doc->s->paragraphs, q);
}

static BdxDisclosure *
run (Doc *doc)
{
  BdxDisclosure *d = bdx_disclosure_new ();
  d->unit = BDX_UNIT_WAN_YUAN;
  g_autoptr (GError) error = NULL;
  g_assert_true (bdx_parse_narrative (doc->s, patterns, d, &error));
  g_assert_no_error (error);
  return d;
}

static const char *
str_at (const GPtrArray *a, guint i)
{
  g_assert_cmpuint (i, <, a->len);
  return g_ptr_array_index (a, i);
}

static const BdxFact *
fact (const BdxDisclosure *d, const char *key)
{
  for (guint i = 0; i < d->facts->len; i++)
    {
      const BdxFact *f = g_ptr_array_index (d->facts, i);
      if (strcmp (f->key, key) == 0)
        return f;
    }
  return NULL;
}

static void
assert_fact (const BdxDisclosure *d, const char *key, gint64 fen,
             const char *share)
{
  const BdxFact *f = fact (d, key);
  if (f == NULL)
    g_error ("no fact '%s'", key);
  g_assert_true (f->value.present);
  g_assert_cmpint (f->value.fen, ==, fen);
  g_assert_cmpstr (f->share, ==, share);
  g_assert_nonnull (f->text);
}

static gboolean
has_notice (const BdxDisclosure *d, const char *needle)
{
  for (guint i = 0; i < d->notices->len; i++)
    if (strstr (g_ptr_array_index (d->notices, i), needle))
      return TRUE;
  return FALSE;
}

/* ---- Overview ---------------------------------------------------------- */

static void
test_overview_seed (void)
{
  Doc doc;
  doc_init (&doc);
  add (&doc, 1, "第一部分 2026年部门概况");
  add (&doc, 2, "一、主要职能");
  add (&doc, 0,
       "克州数字化发展局是自治州人民政府工作部门，为正县级。主要职责是：");
  add (&doc, 0, "（一）拟订数据要素相关地方性法规并组织实施。");
  /* Short items the segmenter takes for headings. */
  add (&doc, 3, "（二）贯彻落实数字克州规划和建设");
  /* Two items in one paragraph. */
  add (&doc, 0,
       "（三）统筹数据资源整合共享。协调推进分类分级管理。（四）负责组织推进数"
       "字政府的改革。");
  /* An item wrapped over two paragraphs. */
  add (&doc, 0, "（五）在具体承担数据基础制度建设、数据标准规范、");
  add (&doc, 0, "数据基础设施建设等职责中，履行相应数据安全职责。");
  add (&doc, 0, "（六）完成自治州党委交办的其他任务。");
  add (&doc, 2, "二、机构设置及人员情况");
  add (&doc, 0,
       "克孜勒苏柯尔克孜自治州数字化发展局无下属预算单位，下设 3 个科室，"
       "分别是：办公室、大厅管理科（效能科）、热线服务科。");
  add (&doc, 0,
       "克孜勒苏柯尔克孜自治州数字化发展局编制数 33，实有人数 14 人，其中："
       "在职 14 人，增加 4 人；退休 0 人，增加 0 人；离休 0 人，增加 0 人。");
  g_autoptr (BdxDisclosure) d = run (&doc);

  const GPtrArray *fn = d->overview.functions;
  g_assert_cmpuint (fn->len, ==, 6);
  g_assert_cmpstr (str_at (fn, 0), ==,
                   "拟订数据要素相关地方性法规并组织实施。");
  g_assert_cmpstr (str_at (fn, 1), ==, "贯彻落实数字克州规划和建设");
  g_assert_cmpstr (str_at (fn, 2), ==,
                   "统筹数据资源整合共享。协调推进分类分级管理。");
  g_assert_cmpstr (str_at (fn, 3), ==, "负责组织推进数字政府的改革。");
  g_assert_cmpstr (str_at (fn, 4), ==,
                   "在具体承担数据基础制度建设、数据标准规范、"
                   "数据基础设施建设等职责中,履行相应数据安全职责。");
  g_assert_cmpstr (str_at (fn, 5), ==, "完成自治州党委交办的其他任务。");

  const GPtrArray *dv = d->overview.divisions;
  g_assert_cmpuint (dv->len, ==, 3);
  g_assert_cmpstr (str_at (dv, 0), ==, "办公室");
  g_assert_cmpstr (str_at (dv, 1), ==, "大厅管理科(效能科)");
  g_assert_cmpstr (str_at (dv, 2), ==, "热线服务科");
  g_assert_cmpint (d->overview.subordinate_units, ==, 0);

  const BdxStaffing *st = &d->overview.staffing;
  g_assert_true (d->overview.staffing_present);
  g_assert_cmpuint (st->present, ==, 0xff);
  g_assert_cmpint (st->authorized, ==, 33);
  g_assert_cmpint (st->actual, ==, 14);
  g_assert_cmpint (st->in_service, ==, 14);
  g_assert_cmpint (st->in_service_increase, ==, 4);
  g_assert_cmpint (st->retired, ==, 0);
  g_assert_cmpint (st->retired_increase, ==, 0);
  g_assert_cmpint (st->retired_cadre, ==, 0);
  g_assert_cmpint (st->retired_cadre_increase, ==, 0);
  g_assert_cmpuint (d->facts->len, ==, 0);
  g_assert_cmpuint (d->projects->len, ==, 0);
  doc_clear (&doc);
}

static void
test_overview_variants (void)
{
  Doc doc;
  doc_init (&doc);
  /* An unnumbered heading; items numbered 1、 with a repeated page. */
  add (&doc, 0, "某区司法局主要职责");
  add (&doc, 0, "某区司法局是区政府工作部门,主要职责是:");
  add (&doc, 0, "1、负责本区行政执法监督工作。");
  add (&doc, 0, "2、完成区委交办的其他任务。");
  add (&doc, 0, "1、负责本区行政执法监督工作。");
  add (&doc, 0, "某区司法局机构设置");
  add (&doc, 0,
       "本部门下属预算单位 2 个。本部门下设4个处室,分别为:办公室;法规科,"
       "执法科(挂“复议办”牌子)、调解科等。");
  /* Only some staffing fields, a decrease. */
  add (&doc, 0, "本部门编制数为20,实有人数18人,其中在职15人,减少2人。");
  g_autoptr (BdxDisclosure) d = run (&doc);

  const GPtrArray *fn = d->overview.functions;
  g_assert_cmpuint (fn->len, ==, 2);
  g_assert_cmpstr (str_at (fn, 0), ==, "负责本区行政执法监督工作。");
  g_assert_cmpstr (str_at (fn, 1), ==, "完成区委交办的其他任务。");
  const GPtrArray *dv = d->overview.divisions;
  g_assert_cmpuint (dv->len, ==, 4);
  g_assert_cmpstr (str_at (dv, 1), ==, "法规科");
  g_assert_cmpstr (str_at (dv, 2), ==, "执法科(挂“复议办”牌子)");
  g_assert_cmpstr (str_at (dv, 3), ==, "调解科");
  g_assert_cmpint (d->overview.subordinate_units, ==, 2);

  const BdxStaffing *st = &d->overview.staffing;
  g_assert_true (d->overview.staffing_present);
  g_assert_cmpuint (st->present, ==,
                    (1u << 0) | (1u << 1) | (1u << 2) | (1u << 5));
  g_assert_cmpint (st->authorized, ==, 20);
  g_assert_cmpint (st->actual, ==, 18);
  g_assert_cmpint (st->in_service, ==, 15);
  g_assert_cmpint (st->in_service_increase, ==, -2);
  doc_clear (&doc);
}

static void
test_overview_count_mismatch (void)
{
  Doc doc;
  doc_init (&doc);
  add (&doc, 0, "本局下设 3 个科室,分别是:办公室、财务科。");
  g_autoptr (BdxDisclosure) d = run (&doc);
  g_assert_cmpuint (d->overview.divisions->len, ==, 2);
  g_assert_true (has_notice (d, "3 divisions announced, 2 listed"));
  g_assert_cmpint (d->overview.subordinate_units, ==, -1);
  g_assert_false (d->overview.staffing_present);
  doc_clear (&doc);
}

/* ---- Projects ---------------------------------------------------------- */

static void
test_projects_seed (void)
{
  Doc doc;
  doc_init (&doc);
  add (&doc, 2, "七、关于某局2026年一般公共预算项目支出情况说明");
  doc.page = 14;
  add (&doc, 3, "（一）项目名称：克州电子政务外网专项运维费项目");
  add (&doc, 0,
       "设立的政策依据：为进一步落实国家《信息安全等级保护管理办法》，加强与公"
       "众互动交流的重要桥");
  add (&doc, 0, "梁，为跨部门提供网络支撑服务。");
  add (&doc, 0, "预算安排规模：62.40 万元");
  add (&doc, 0, "项目承担单位：克孜勒苏柯尔克孜自治州数字化发展局");
  add (&doc, 0,
       "资金分配情况：等保测评 7 万元，链路费 22.68 万元，设备购置 32.72 "
       "万元。");
  add (&doc, 0, "资金执行时间：2026 年 1 月 1 日到 2026 年 12 月 31 日");
  doc.page = 15;
  add (&doc, 0, "(二)项目名称:克州数字化发展局公车购置项目");
  add (&doc, 0,
       "设立的政策依据:根据《关于印发〈建设三年行动计划(2023- "
       "2026)年〉的通知》精神。");
  add (&doc, 0, "预算安排规模:20.00万元");
  add (&doc, 0, "项目承担单位:克孜勒苏柯尔克孜自治州数字化发展局");
  add (&doc, 0, "资金分配情况:公务用车购置18万元,购买保险、车辆购置税2万元。");
  add (&doc, 0, "资金执行时间:2026年1月1日到2026年12月31日");
  add (&doc, 2, "八、关于某局2026年政府性基金预算拨款情况说明");
  add (&doc, 0, "项目名称:不在项目说明里的项目");
  g_autoptr (BdxDisclosure) d = run (&doc);

  g_assert_cmpuint (d->projects->len, ==, 2);
  const BdxProject *p = g_ptr_array_index (d->projects, 0);
  g_assert_cmpstr (p->name, ==, "克州电子政务外网专项运维费项目");
  g_assert_cmpstr (
      p->basis, ==,
      "为进一步落实国家《信息安全等级保护管理办法》,加强与公众互动交流的"
      "重要桥梁,为跨部门提供网络支撑服务。");
  g_assert_true (p->amount.present);
  g_assert_cmpint (p->amount.fen, ==, 62400000);
  g_assert_cmpstr (p->owner, ==, "克孜勒苏柯尔克孜自治州数字化发展局");
  g_assert_cmpuint (p->allocation->len, ==, 3);
  const BdxAllocation *a = g_ptr_array_index (p->allocation, 0);
  g_assert_cmpstr (a->item, ==, "等保测评");
  g_assert_cmpint (a->amount.fen, ==, 7000000);
  a = g_ptr_array_index (p->allocation, 2);
  g_assert_cmpstr (a->item, ==, "设备购置");
  g_assert_cmpint (a->amount.fen, ==, 32720000);
  g_assert_cmpstr (p->period_start, ==, "2026-01-01");
  g_assert_cmpstr (p->period_end, ==, "2026-12-31");
  g_assert_cmpint (p->page, ==, 14);

  p = g_ptr_array_index (d->projects, 1);
  g_assert_cmpstr (
      p->basis, ==,
      "根据《关于印发〈建设三年行动计划(2023-2026)年〉的通知》精神。");
  g_assert_cmpint (p->amount.fen, ==, 20000000);
  g_assert_cmpuint (p->allocation->len, ==, 2);
  a = g_ptr_array_index (p->allocation, 1);
  g_assert_cmpstr (a->item, ==, "购买保险、车辆购置税");
  g_assert_cmpint (a->amount.fen, ==, 2000000);
  g_assert_cmpint (p->page, ==, 15);
  doc_clear (&doc);
}

static void
test_projects_variants (void)
{
  Doc doc;
  doc_init (&doc);
  add (&doc, 2, "五、项目支出预算情况说明");
  /* 元, thousands separators, 至, no owner, no basis. */
  add (&doc, 0, "1.项目名称:办公楼维修项目");
  add (&doc, 0, "预算安排规模:1,234,567.89元");
  add (&doc, 0, "资金分配情况:屋面防水 1,000,000.00 元;外墙粉刷 234,567.89 元");
  add (&doc, 0, "资金执行时间:2025年3月1日至2025年12月31日");
  /* A project with nothing readable but its name. */
  add (&doc, 0, "2.项目名称:信息化运维项目");
  add (&doc, 0, "资金执行时间:全年");
  g_autoptr (BdxDisclosure) d = run (&doc);

  g_assert_cmpuint (d->projects->len, ==, 2);
  const BdxProject *p = g_ptr_array_index (d->projects, 0);
  g_assert_cmpstr (p->name, ==, "办公楼维修项目");
  g_assert_cmpint (p->amount.fen, ==, 123456789);
  g_assert_null (p->owner);
  g_assert_null (p->basis);
  g_assert_cmpuint (p->allocation->len, ==, 2);
  const BdxAllocation *a = g_ptr_array_index (p->allocation, 1);
  g_assert_cmpstr (a->item, ==, "外墙粉刷");
  g_assert_cmpint (a->amount.fen, ==, 23456789);
  g_assert_cmpstr (p->period_start, ==, "2025-03-01");
  g_assert_cmpstr (p->period_end, ==, "2025-12-31");

  p = g_ptr_array_index (d->projects, 1);
  g_assert_false (p->amount.present);
  g_assert_cmpuint (p->allocation->len, ==, 0);
  g_assert_null (p->period_start);
  g_assert_true (has_notice (d, "period '全年' not read"));
  doc_clear (&doc);
}

/* ---- Facts ------------------------------------------------------------- */

static BdxRow *
row (const char *code, const char *name)
{
  BdxRow *r = bdx_row_new ();
  r->code = g_strdup (code);
  r->name = g_strdup (name);
  r->level = strlen (code) == 3 ? 1 : strlen (code) == 5 ? 2 : 3;
  return r;
}

/* A general_budget_expenditure table with two 行政运行 rows, told apart
 * only by their 款. */
static void
add_table (BdxDisclosure *d)
{
  BdxTable *t = bdx_table_new ();
  t->id = g_strdup ("general_budget_expenditure");
  g_ptr_array_add (t->rows, row ("201", "一般公共服务支出"));
  g_ptr_array_add (t->rows, row ("20141", "数据事务"));
  g_ptr_array_add (t->rows, row ("2014101", "行政运行"));
  g_ptr_array_add (t->rows, row ("20103", "政府办公厅(室)及相关机构事务"));
  g_ptr_array_add (t->rows, row ("2010301", "行政运行"));
  g_ptr_array_add (t->rows, row ("208", "社会保障和就业支出"));
  g_ptr_array_add (d->tables, t);
}

static BdxDisclosure *
run_with_table (Doc *doc)
{
  BdxDisclosure *d = bdx_disclosure_new ();
  d->unit = BDX_UNIT_WAN_YUAN;
  add_table (d);
  g_autoptr (GError) error = NULL;
  g_assert_true (bdx_parse_narrative (doc->s, patterns, d, &error));
  g_assert_no_error (error);
  return d;
}

static void
test_facts_seed (void)
{
  Doc doc;
  doc_init (&doc);
  add (&doc, 2, "一、关于某局2026年收支预算情况总体说明");
  add (&doc, 0,
       "按照全口径预算的原则，某局2026年所有收入和支出均纳入部门预算管理。收支"
       "总预算 417.37 万元。");
  add (&doc, 2, "二、关于某局2026年收入预算情况说明");
  add (&doc, 0,
       "某局部门收入预算 417.37 万元，其中：一般公共预算 417.37 万元，占 "
       "100.00%，"
       "比上年预算增加 417.37 万元，增长 100.00%。");
  add (&doc, 0, "政府性基金预算未安排。");
  add (&doc, 2, "三、关于某局2026年支出预算情况说明");
  add (&doc, 0,
       "基本支出 186.63 万元，占 44.72%，比上年预算增加 186.63 万元。");
  add (&doc, 2, "四、关于某局2026年财政拨款收支预算情况的总体说明");
  add (&doc, 0, "2026年财政拨款收支总预算417.37万元。");
  add (&doc, 0,
       "一般公共预算支出包括:一般公共预算服务支出373.03万元,主要用于……");
  add (&doc, 2, "五、关于某局2026年一般公共预算当年拨款情况说明");
  add (&doc, 3, "（二）一般公共预算当年拨款结构情况");
  add (&doc, 0, "1、一般公共预算服务支出（类）373.03 万元，占 89.38%。");
  add (&doc, 0, "2、社会保障和就业支出（类）18.38万元，占4.40%。");
  add (&doc, 0, "3、不存在的支出（类）1.00万元，占0.24%。");
  add (&doc, 3, "（三）一般公共预算当年拨款具体使用情况");
  add (&doc, 0,
       "1、一般公共服务支出（类）数据事务（款）行政运行（项）：2026年预算数为54"
       ".81万元，"
       "比上年预算增加54.81万元。");
  add (&doc, 2, "十、关于某局2026年财政拨款“三公”经费预算情况说明");
  add (&doc, 0,
       "某局 2026 年财政拨款“三公”经费数为 3.10 万元，其中：因公出国（境）费 "
       "0.00 万元，"
       "公务用车运行费 2.30 万元。");
  add (&doc, 0,
       "2026 年财政拨款“三公”经费预算比上年预算增加 3.10 "
       "万元，其中：因公出国（境）费增加 "
       "0.00 万元。");
  add (&doc, 2, "十二、其他重要事项的情况说明");
  add (&doc, 3, "（三）国有资产占用使用情况");
  add (&doc, 0,
       "2. 车辆0辆，价值0.00万元；其中：一般公务用车0辆，价值0.00万元。");
  add (&doc, 0,
       "部门价值50万元以上大型设备0台，部门价值100万元以上大型设备0台。");
  add (&doc, 0,
       "2026年部门预算安排购置车辆经费18."
       "00万元，安排购置50万元以上大型设备2台。");
  g_autoptr (BdxDisclosure) d = run_with_table (&doc);

  assert_fact (d, "total_budget", 417370000, NULL);
  assert_fact (d, "income_total", 417370000, NULL);
  assert_fact (d, "income_general_budget", 417370000, "100.00");
  g_assert_null (fact (d, "income_government_fund")); /* 未安排: no number */
  assert_fact (d, "basic_expenditure", 186630000, "44.72");
  g_assert_cmpstr (fact (d, "basic_expenditure")->text, ==,
                   "基本支出186.63万元,占44.72%");
  assert_fact (d, "fiscal_total", 417370000, NULL);
  /* 预算 in the name is tolerated; the section 四 sentence is no class. */
  assert_fact (d, "general_budget_class.201", 373030000, "89.38");
  assert_fact (d, "general_budget_class.208", 18380000, "4.40");
  /* No such class in the tables: left out, with a notice. */
  g_assert_null (fact (d, "general_budget_class.不存在的支出"));
  g_assert_true (has_notice (d,
                             "no code found in the tables for '不存在的支出'; "
                             "fact left out"));
  /* 行政运行 is two rows: the 款 tells them apart. */
  assert_fact (d, "general_budget_item.2014101", 54810000, NULL);
  assert_fact (d, "three_public_total", 3100000, NULL);
  assert_fact (d, "three_public_abroad", 0, NULL);
  assert_fact (d, "three_public_vehicle_operation", 2300000, NULL);
  g_assert_null (fact (d, "three_public_vehicle_purchase"));
  assert_fact (d, "asset_vehicle", 0, NULL);
  g_assert_cmpint (fact (d, "asset_vehicle")->count, ==, 0);
  assert_fact (d, "asset_vehicle_general", 0, NULL);
  const BdxFact *eq = fact (d, "asset_equipment_over_500k");
  g_assert_nonnull (eq);
  g_assert_false (eq->value.present);
  g_assert_cmpint (eq->count, ==, 0); /* the holdings, not the 2 planned */
  assert_fact (d, "planned_vehicle_purchase", 18000000, NULL);

  /* Document order, each key once. */
  g_assert_cmpstr (((BdxFact *)g_ptr_array_index (d->facts, 0))->key, ==,
                   "total_budget");
  for (guint i = 0; i < d->facts->len; i++)
    for (guint k = i + 1; k < d->facts->len; k++)
      g_assert_cmpstr (((BdxFact *)g_ptr_array_index (d->facts, i))->key, !=,
                       ((BdxFact *)g_ptr_array_index (d->facts, k))->key);
  doc_clear (&doc);
}

static void
test_facts_variants (void)
{
  Doc doc;
  doc_init (&doc);
  /* Jiangsu wording: numbered sections without 关于, 元 and separators,
   * a space before %. */
  add (&doc, 2, "二、收入预算总表情况说明");
  add (&doc, 0, "本部门本年收入预算合计12,345,678.90元,其中:");
  add (&doc, 0, "一般公共预算收入12,000,000.00元,占97.2 %;");
  add (&doc, 0, "其他资金345,678.90元,占2.8 %。");
  add (&doc, 2, "三、支出预算总表情况说明");
  add (&doc, 0, "此外,基本支出预算5,916.27万元。");
  add (&doc, 0, "项目支出预算数为5,573万元,占25.38 %;");
  add (&doc, 2, "六、财政拨款基本支出预算表情况说明");
  add (&doc, 0, "(一)人员经费 11,257.35 万元。主要包括:基本工资。");
  add (&doc, 2, "九、一般公共预算“三公”经费支出预算情况说明");
  add (&doc, 0, "1.因公出国(境)费预算支出222.5万元,与上年度持平。");
  add (&doc, 0, "(1)公务用车购置预算支出0万元,比上年预算增加(减少) 0万元。");
  add (&doc, 2, "十二、政府采购支出预算情况说明");
  add (&doc, 0,
       "2018年度政府采购支出预算总额2064.25万元,其中:拟采购货物支出59万元、"
       "拟采购工程支出0万元、拟购买服务支出2005.25万元。");
  add (&doc, 0,
       "2018年本部门共5个项目实行绩效目标管理,涉及财政性资金合计5,086万元。");
  add (&doc, 0,
       "2017年度部门政府采购预算总金额为1,271.22万元。其中,"
       "货物类政府采购支出预算"
       "259.32万元,占20.40%。");
  g_autoptr (BdxDisclosure) d = run_with_table (&doc);

  assert_fact (d, "income_total", 1234567890, NULL);
  assert_fact (d, "income_general_budget", 1200000000, "97.2");
  assert_fact (d, "income_unit_funds", 34567890, "2.8");
  assert_fact (d, "project_expenditure", 5573000000, "25.38");
  assert_fact (d, "basic_personnel", 11257350000, NULL);
  assert_fact (d, "three_public_abroad", 222500000, NULL);
  assert_fact (d, "three_public_vehicle_purchase", 0, NULL);
  assert_fact (d, "procurement_total", 2064250000, NULL);
  assert_fact (d, "procurement_goods", 59000000, NULL);
  assert_fact (d, "procurement_works", 0, NULL);
  assert_fact (d, "procurement_services", 2005250000, NULL);
  assert_fact (d, "performance_project_count", 5086000000, NULL);
  g_assert_cmpint (fact (d, "performance_project_count")->count, ==, 5);
  /* Not stated in this document. */
  g_assert_null (fact (d, "total_budget"));
  /* 基本支出预算 is no 支出预算 (total); the first statement wins. */
  assert_fact (d, "basic_expenditure", 5916270000, NULL);
  g_assert_null (fact (d, "expenditure_total"));
  g_assert_cmpstr (fact (d, "procurement_total")->text, ==,
                   "政府采购支出预算总额2064.25万元");
  g_assert_null (fact (d, "three_public_total"));
  doc_clear (&doc);
}

/* The pattern set plus one more file, in a temporary directory. */
static char *
patterns_plus (const char *name, const char *text)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("bdx-narrative-XXXXXX", &error);
  g_assert_no_error (error);
  const char *src = bdx_patterns_dir (patterns);
  g_autoptr (GDir) d = g_dir_open (src, 0, &error);
  g_assert_no_error (error);
  const char *f;
  while ((f = g_dir_read_name (d)) != NULL)
    {
      if (!g_str_has_suffix (f, ".pat"))
        continue;
      g_autofree char *from = g_build_filename (src, f, NULL);
      g_autofree char *to = g_build_filename (dir, f, NULL);
      g_autofree char *contents = NULL;
      gsize len;
      g_assert_true (g_file_get_contents (from, &contents, &len, NULL));
      g_assert_true (g_file_set_contents (to, contents, len, NULL));
    }
  g_autofree char *extra = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (extra, text, -1, NULL));
  return dir;
}

static void
remove_tree (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *f;
  while ((f = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, f, NULL);
      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* unknown_code = name keys a class no table knows by its name. */
static void
test_facts_unknown_by_name (void)
{
  g_autofree char *dir
      = patterns_plus ("zz-local.pat", "[facts]\nunknown_code = name\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (BdxPatterns) local = bdx_patterns_load (dir, &error);
  g_assert_no_error (error);

  Doc doc;
  doc_init (&doc);
  add (&doc, 2, "五、关于某局2026年一般公共预算当年拨款情况说明");
  add (&doc, 3, "（二）一般公共预算当年拨款结构情况");
  add (&doc, 0, "1、社会保障和就业支出（类）18.38万元，占4.40%。");
  add (&doc, 0, "2、不存在的支出（类）1.00万元，占0.24%。");
  g_autoptr (BdxDisclosure) d = bdx_disclosure_new ();
  d->unit = BDX_UNIT_WAN_YUAN;
  add_table (d);
  g_assert_true (bdx_parse_narrative (doc.s, local, d, NULL));
  assert_fact (d, "general_budget_class.208", 18380000, "4.40");
  assert_fact (d, "general_budget_class.不存在的支出", 1000000, "0.24");
  g_assert_true (has_notice (d, "the fact is keyed by the name"));
  doc_clear (&doc);
  remove_tree (dir);
}

/* 货物类政府采购支出预算 is the goods part, not the total. */
static void
test_facts_procurement_kinds (void)
{
  Doc doc;
  doc_init (&doc);
  add (&doc, 0,
       "其中,货物类政府采购支出预算259.32万元,占20.40%;服务类政府采购支出预算"
       "1,011.90万元,占79.60%;工程类政府采购支出预算0万元。");
  g_autoptr (BdxDisclosure) d = run (&doc);
  g_assert_null (fact (d, "procurement_total"));
  assert_fact (d, "procurement_goods", 259320000, "20.40");
  assert_fact (d, "procurement_services", 1011900000, "79.60");
  assert_fact (d, "procurement_works", 0, NULL);
  doc_clear (&doc);
}

/* A fact the disclosure already has is left alone. */
static void
test_facts_keep_existing (void)
{
  Doc doc;
  doc_init (&doc);
  add (&doc, 0, "本部门机关运行经费预算为217.83万元。");
  BdxDisclosure *d = bdx_disclosure_new ();
  d->unit = BDX_UNIT_WAN_YUAN;
  BdxFact *f = bdx_fact_new ("operating_expenses");
  g_ptr_array_add (d->facts, f);
  g_assert_true (bdx_parse_narrative (doc.s, patterns, d, NULL));
  g_assert_cmpuint (d->facts->len, ==, 1);
  g_assert_true (g_ptr_array_index (d->facts, 0) == f);
  bdx_disclosure_free (d);
  doc_clear (&doc);
}

/* ---- Nothing to find --------------------------------------------------- */

static void
test_empty (void)
{
  Doc doc;
  doc_init (&doc);
  g_autoptr (BdxDisclosure) d0 = run (&doc);
  g_assert_cmpuint (d0->overview.functions->len, ==, 0);
  g_assert_cmpuint (d0->facts->len, ==, 0);

  add (&doc, 1, "第一部分 部门概况");
  add (&doc, 2, "一、主要职能");
  add (&doc, 0, "本部门是政府工作部门,负责有关工作。");
  add (&doc, 2, "二、工作任务");
  add (&doc, 0, "1、做好各项工作。");
  add (&doc, 0, "表1 部门收支总表");
  add (&doc, 2, "三、名词解释");
  add (&doc, 0,
       "“三公”经费:指因公出国(境)费、公务用车购置及运行费和公务接待费。");
  add (&doc, 0, "机关运行经费:指行政单位的公用经费。");
  g_autoptr (BdxDisclosure) d = run (&doc);
  g_assert_cmpuint (d->overview.functions->len, ==, 0);
  g_assert_cmpuint (d->overview.divisions->len, ==, 0);
  g_assert_cmpint (d->overview.subordinate_units, ==, -1);
  g_assert_false (d->overview.staffing_present);
  g_assert_cmpuint (d->overview.staffing.present, ==, 0);
  g_assert_cmpuint (d->projects->len, ==, 0);
  g_assert_cmpuint (d->facts->len, ==, 0);
  g_assert_cmpuint (d->notices->len, ==, 0);
  doc_clear (&doc);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  const char *dir = g_getenv ("BDX_TEST_PATTERNS");
  g_autoptr (GError) error = NULL;
  patterns
      = bdx_patterns_load (dir && *dir ? dir : BDX_SOURCE_PATTERNS_DIR, &error);
  g_assert_no_error (error);

  g_test_add_func ("/narrative/overview/seed", test_overview_seed);
  g_test_add_func ("/narrative/overview/variants", test_overview_variants);
  g_test_add_func ("/narrative/overview/count-mismatch",
                   test_overview_count_mismatch);
  g_test_add_func ("/narrative/projects/seed", test_projects_seed);
  g_test_add_func ("/narrative/projects/variants", test_projects_variants);
  g_test_add_func ("/narrative/facts/seed", test_facts_seed);
  g_test_add_func ("/narrative/facts/variants", test_facts_variants);
  g_test_add_func ("/narrative/facts/procurement-kinds",
                   test_facts_procurement_kinds);
  g_test_add_func ("/narrative/facts/unknown-by-name",
                   test_facts_unknown_by_name);
  g_test_add_func ("/narrative/facts/keep-existing", test_facts_keep_existing);
  g_test_add_func ("/narrative/empty", test_empty);
  int rc = g_test_run ();
  bdx_patterns_unref (patterns);
  return rc;
}
