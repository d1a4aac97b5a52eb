/* Unit tests for bdx/emit.h and bdx/jsonread.h: the JSON text of a
 * hand-built disclosure (key order, exact pieces, layout), the round trip
 * model → JSON → model → JSON, the reader's errors on wrong and hostile
 * input, and the atomic write.
 *
 * `test-emit --write-sample FILE` writes the sample's JSON to FILE and
 * exits; ctest validates that file against the JSON Schema. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-c/json.h>

#include "bdx/emit.h"
#include "bdx/error.h"
#include "bdx/jsonread.h"

/* ---- the sample ---------------------------------------------------- */

static BdxMoney
money (gint64 fen, gint8 decimals)
{
  return (BdxMoney){ .fen = fen, .decimals = decimals, .present = TRUE };
}

#define BLANK BDX_MONEY_BLANK

static BdxRow *
add_row (BdxTable *t, BdxRowKind kind, const char *code, int level,
         const char *name, BdxSide side, int page, guint n,
         const BdxMoney *values)
{
  BdxRow *r = bdx_row_new ();
  r->kind = kind;
  r->code = g_strdup (code);
  r->level = level;
  r->name = g_strdup (name);
  r->side = side;
  r->page = page;
  g_array_append_vals (r->values, values, n);
  g_ptr_array_add (t->rows, r);
  return r;
}

static BdxTable *
add_table (BdxDisclosure *d, const char *id, int number, const char *title,
           int page)
{
  BdxTable *t = bdx_table_new ();
  t->id = g_strdup (id);
  t->number = number;
  t->title = g_strdup (title);
  g_array_append_val (t->pages, page);
  t->unit = BDX_UNIT_WAN_YUAN;
  g_ptr_array_add (d->tables, t);
  return t;
}

static BdxIndicator *
add_indicator (BdxPerformance *p, const char *name, const char *target,
               const char *op, const char *value, const char *unit, int weight)
{
  BdxIndicator *i = bdx_indicator_new ();
  i->level1 = g_strdup ("产出指标");
  i->level2 = g_strdup ("数量指标");
  i->name = g_strdup (name);
  i->target = g_strdup (target);
  i->op = g_strdup (op);
  i->value = g_strdup (value);
  i->unit = g_strdup (unit);
  i->basis = g_strdup ("计划标准");
  i->previous = NULL;
  i->weight = weight;
  i->scoring = g_strdup ("按照正常比例赋分");
  i->evidence = g_strdup ("工作资料");
  g_ptr_array_add (p->indicators, i);
  return i;
}

static BdxFact *
add_fact (BdxDisclosure *d, const char *key, BdxMoney value, gint64 count,
          const char *share, const char *text, int page)
{
  BdxFact *f = bdx_fact_new (key);
  f->value = value;
  f->count = count;
  f->share = g_strdup (share);
  f->text = g_strdup (text);
  f->page = page;
  g_ptr_array_add (d->facts, f);
  return f;
}

static BdxCheck *
add_check (BdxDisclosure *d, const char *id, const char *row,
           BdxCheckStatus status, gint64 expected, gint64 actual,
           gint64 tolerance, const char *message)
{
  BdxCheck *c = bdx_check_new (id);
  c->table = g_strdup ("expenditure_summary");
  c->row = g_strdup (row);
  c->column = g_strdup ("total");
  c->status = status;
  c->expected = expected;
  c->actual = actual;
  c->tolerance = tolerance;
  c->message = g_strdup (message);
  g_ptr_array_add (d->checks, c);
  return c;
}

/* A small document touching every part of the contract. */
static BdxDisclosure *
make_sample (void)
{
  static const int text_pages[] = { 1, 2 };
  static const int ocr_pages[] = { 3 };
  BdxDisclosure *d = bdx_disclosure_new ();

  d->source.path = g_strdup ("samples/seed.pdf");
  d->source.sha256 = g_strdup ("9f86d081884c7d659a2feaa0c55ad015"
                               "a3bf4f1b2b0b822cd15d6c15b0f00a08");
  d->source.pages = 38;
  g_array_append_vals (d->source.text_pages, text_pages, 2);
  g_array_append_vals (d->source.ocr_pages, ocr_pages, 1);
  d->kind = BDX_KIND_BUDGET;
  d->year = 2026;
  d->department = g_strdup ("克孜勒苏柯尔克孜自治州数字化发展局");
  d->published = g_strdup ("2026-02-20");
  d->unit = BDX_UNIT_WAN_YUAN;

  BdxOverview *o = &d->overview;
  g_ptr_array_add (o->functions, g_strdup ("贯彻执行数字化发展方针政策。"));
  g_ptr_array_add (o->divisions, g_strdup ("办公室"));
  g_ptr_array_add (o->divisions, g_strdup ("数据资源科"));
  o->subordinate_units = 0;
  o->staffing_present = TRUE;
  o->staffing.authorized = 33;
  o->staffing.actual = 14;
  o->staffing.in_service = 14;
  o->staffing.retired = 0;
  o->staffing.retired_cadre = 0;
  o->staffing.in_service_increase = -2;
  o->staffing.present = 0x3F; /* the five, and in_service_increase */

  BdxOutlineNode *part = bdx_outline_node_new ("第一部分 2026年部门概况", 1, 3);
  g_ptr_array_add (part->children,
                   bdx_outline_node_new ("一、部门主要职能", 2, 3));
  g_ptr_array_add (d->outline, part);

  /* 1: two-sided. */
  BdxTable *t
      = add_table (d, "revenue_expenditure_summary", 1, "部门收支总表", 4);
  t->department = g_strdup ("克孜勒苏柯尔克孜自治州数字化发展局");
  g_ptr_array_add (t->columns,
                   bdx_column_new ("budget", "预算数", BDX_SIDE_INCOME));
  g_ptr_array_add (t->columns,
                   bdx_column_new ("budget", "预算数", BDX_SIDE_EXPENDITURE));
  add_row (t, BDX_ROW_ITEM, NULL, 0, "一般公共预算拨款收入", BDX_SIDE_INCOME, 4,
           1, (BdxMoney[]){ money (417370000, 2) });
  add_row (t, BDX_ROW_ITEM, NULL, 0, "一般公共服务支出", BDX_SIDE_EXPENDITURE,
           4, 1, (BdxMoney[]){ money (373030000, 2) });
  add_row (t, BDX_ROW_TOTAL, NULL, 0, "收入总计", BDX_SIDE_INCOME, 4, 1,
           (BdxMoney[]){ money (417370000, 2) });

  /* 2: blank, 0 and a negative amount. */
  t = add_table (d, "expenditure_summary", 3, "部门支出总体情况表", 5);
  g_ptr_array_add (t->columns, bdx_column_new ("total", "合计", 0));
  g_ptr_array_add (t->columns, bdx_column_new ("basic", "基本支出", 0));
  g_ptr_array_add (t->columns, bdx_column_new ("project", "项目支出", 0));
  add_row (t, BDX_ROW_TOTAL, NULL, 0, "总计", 0, 5, 3,
           (BdxMoney[]){ money (417370000, 2), money (186630000, 2),
                         money (230740000, 2) });
  add_row (t, BDX_ROW_ITEM, "201", 1, "一般公共服务支出", 0, 5, 3,
           (BdxMoney[]){ money (373030000, 2), money (142290000, 2),
                         money (230740000, 2) });
  add_row (t, BDX_ROW_ITEM, "2014101", 3, "行政运行", 0, 5, 3,
           (BdxMoney[]){ money (54810000, 2), money (0, 2), BLANK });
  add_row (t, BDX_ROW_ITEM, "2080505", 3, "机关事业单位基本养老保险缴费支出", 0,
           5, 3, (BdxMoney[]){ money (-1500000, 2), BLANK, BLANK });

  /* 3: an unknown table with projects; one row has none. */
  t = add_table (d, NULL, 0, "项目支出表", 6);
  t->unit = BDX_UNIT_YUAN;
  g_ptr_array_add (t->columns, bdx_column_new (NULL, "金额", 0));
  BdxRow *r = add_row (t, BDX_ROW_ITEM, "2013299", 3, "其他政府办公厅支出", 0,
                       6, 1, (BdxMoney[]){ money (62400000, 2) });
  r->project = g_strdup ("克州电子政务外网专项运维费项目");
  add_row (t, BDX_ROW_TOTAL, NULL, 0, "合计", 0, 6, 1,
           (BdxMoney[]){ money (62400000, 2) });

  /* 4: printed as empty. */
  t = add_table (d, "state_capital_expenditure", 9, "国有资本经营预算支出表",
                 8);
  t->empty = TRUE;
  t->note = g_strdup ("本部门2026年无国有资本经营预算支出，此表为空表。");
  g_ptr_array_add (t->columns, bdx_column_new ("total", "合计", 0));

  BdxProject *p = bdx_project_new ();
  p->name = g_strdup ("克州电子政务外网专项运维费项目");
  p->amount = money (62400000, 2);
  p->basis = g_strdup ("为进一步落实……");
  p->owner = g_strdup ("克孜勒苏柯尔克孜自治州数字化发展局");
  g_ptr_array_add (p->allocation,
                   bdx_allocation_new ("等保测评", money (7000000, 2)));
  g_ptr_array_add (p->allocation, bdx_allocation_new ("链路费", BLANK));
  p->period_start = g_strdup ("2026-01-01");
  p->period_end = g_strdup ("2026-12-31");
  p->page = 14;
  g_ptr_array_add (d->projects, p);

  BdxPerformance *perf = bdx_performance_new ();
  perf->scope = g_strdup ("project");
  perf->project = g_strdup ("克州12345政务服务便民热线经费项目");
  perf->department = g_strdup ("克孜勒苏柯尔克孜自治州数字化发展局");
  perf->manager = g_strdup ("吴永波");
  perf->funds_total = money (101340000, 2);
  perf->funds_fiscal = money (101340000, 2);
  perf->funds_other = money (0, 2);
  perf->goal = g_strdup ("项目资金101.34万元，……");
  add_indicator (perf, "维护服务器数（台）", "=3台", "=", "3", "台", 5);
  add_indicator (perf, "平均处理时长（天）", "<=1.8天", "<=", "1.8", "天", 10);
  add_indicator (perf, "满意度", ">=95%", ">=", "95", "%", -1);
  add_indicator (perf, "保障运行", "有效保障", NULL, NULL, NULL, 5);
  int perf_page = 20;
  g_array_append_val (perf->pages, perf_page);
  g_ptr_array_add (d->performance, perf);

  add_fact (d, "basic_expenditure", money (186630000, 2), -1, "44.72",
            "基本支出 186.63 万元，占 44.72%", 12);
  add_fact (d, "asset_vehicle", money (0, 2), 0, NULL,
            "车辆 0 辆，价值 0.00 万元", 13);
  add_fact (d, "performance_project_count", BLANK, 6, NULL,
            "当年预算安排项目 6 个", 15);

  add_check (d, "expenditure_summary.row_total", "201", BDX_CHECK_PASSED,
             373030000, 373030000, 10000, "合计 = 基本支出 + 项目支出");
  add_check (d, "expenditure_summary.row_total", "2014101",
             BDX_CHECK_WITHIN_ROUNDING, 54810000, 54800000, 10000,
             "合计 ≈ 基本支出 + 项目支出");
  add_check (d, "expenditure_summary.column_total", "总计", BDX_CHECK_FAILED,
             417370000, 417360000, 5000, "总计 ≠ Σ类");

  g_ptr_array_add (d->notices, g_strdup ("page 3 has no usable text layer"));
  return d;
}

static char *
sample_json (gboolean pretty)
{
  g_autoptr (BdxDisclosure) d = make_sample ();
  return bdx_disclosure_to_json (d, pretty);
}

/* Asserts that `text` contains `piece`, showing both when it does not. */
#define assert_contains(text, piece)                                           \
  G_STMT_START                                                                 \
  {                                                                            \
    if (!strstr ((text), (piece)))                                             \
      g_error ("missing piece:\n%s\nin:\n%s", (piece), (text));                \
  }                                                                            \
  G_STMT_END

/* ---- emit ---------------------------------------------------------- */

static void
assert_members (struct json_object *o, const char *const *expected)
{
  guint n = 0;
  json_object_object_foreach (o, key, value)
    {
      (void)value;
      g_assert_nonnull (expected[n]);
      g_assert_cmpstr (key, ==, expected[n]);
      n++;
    }
  g_assert_null (expected[n]);
}

/* The object at `path` ("$.tables[2].rows[1]": keys and indexes). */
static struct json_object *
path_object (struct json_object *root, const char *path)
{
  g_assert_true (g_str_has_prefix (path, "$."));
  g_auto (GStrv) steps = g_strsplit (path + 2, ".", -1);
  struct json_object *o = root;
  for (char **s = steps; *s; s++)
    {
      char *bracket = strchr (*s, '[');
      g_autofree char *key
          = g_strndup (*s, bracket ? (gsize)(bracket - *s) : strlen (*s));
      g_assert_true (json_object_object_get_ex (o, key, &o));
      if (bracket)
        o = json_object_array_get_idx (o, atoi (bracket + 1));
      g_assert_nonnull (o);
    }
  g_assert_true (json_object_is_type (o, json_type_object));
  return o;
}

static void
test_emit_key_order (void)
{
  g_autofree char *json = sample_json (FALSE);
  struct json_object *root = json_tokener_parse (json);
  g_assert_nonnull (root);

  static const char *const top[]
      = { "format",   "source",   "document",   "template",
          "overview", "outline",  "tables",     "projects",
          "performance", "facts", "validation", "notices", NULL };
  static const char *const table[]
      = { "id",    "number", "title",   "pages", "unit", "department",
          "empty", "note",   "columns", "rows",  NULL };
  static const char *const project_row[]
      = { "kind", "code", "level", "name", "project", "values", "page", NULL };
  static const char *const sided_row[]
      = { "kind", "code", "level", "name", "side", "values", "page", NULL };
  static const char *const indicator_keys[]
      = { "level1",  "level2",   "name",  "target",   "op",
          "value",   "unit",     "basis", "previous", "weight",
          "scoring", "evidence", NULL };
  static const char *const performance[]
      = { "scope", "project",    "department", "manager", "funds",
          "goal",  "indicators", "pages",      NULL };
  static const char *const check[]
      = { "id",       "table",  "row",       "column",  "status",
          "expected", "actual", "tolerance", "message", NULL };
  static const char *const staffing[] = { "authorized",
                                          "actual",
                                          "in_service",
                                          "retired",
                                          "retired_cadre",
                                          "in_service_increase",
                                          "retired_increase",
                                          "retired_cadre_increase",
                                          NULL };
  static const char *const fact_count[]
      = { "key", "value", "count", "text", "page", NULL };
  static const char *const fact_share[]
      = { "key", "value", "share", "text", "page", NULL };

  assert_members (root, top);
  struct
  {
    const char *path;
    const char *const *keys;
  } cases[] = {
    { "$.tables[0]", table },
    { "$.tables[2].rows[1]", project_row },
    { "$.tables[0].rows[0]", sided_row },
    { "$.performance[0].indicators[0]", indicator_keys },
    { "$.performance[0]", performance },
    { "$.validation.results[1]", check },
    { "$.overview.staffing", staffing },
    { "$.facts[0]", fact_share },
    { "$.facts[1]", fact_count },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      assert_members (path_object (root, cases[i].path), cases[i].keys);
    }
  json_object_put (root);
}

static void
test_emit_pieces (void)
{
  g_autofree char *json = sample_json (FALSE);

  g_assert_true (g_str_has_prefix (
      json,
      "{\"format\":\"bdx.disclosure/1\",\"source\":{\"path\":"
      "\"samples/seed.pdf\",\"sha256\":\"9f86d081884c7d659a2feaa0c55ad015"
      "a3bf4f1b2b0b822cd15d6c15b0f00a08\",\"pages\":38,"
      "\"text_pages\":[1,2],\"ocr_pages\":[3]},"
      "\"document\":{\"kind\":\"budget\",\"year\":2026,\"department\":"
      "\"克孜勒苏柯尔克孜自治州数字化发展局\",\"published\":\"2026-02-20\","
      "\"unit\":\"万元\"},"));
  g_assert_true (g_str_has_suffix (
      json, ",\"notices\":[\"page 3 has no usable text layer\"]}\n"));

  static const char *const pieces[] = {
    /* staffing: unset bits are null */
    "\"subordinate_units\":0,\"staffing\":{\"authorized\":33,\"actual\":14,"
    "\"in_service\":14,\"retired\":0,\"retired_cadre\":0,"
    "\"in_service_increase\":-2,\"retired_increase\":null,"
    "\"retired_cadre_increase\":null}}",
    /* outline */
    "\"outline\":[{\"heading\":\"第一部分 2026年部门概况\",\"level\":1,"
    "\"page\":3,\"children\":[{\"heading\":\"一、部门主要职能\",\"level\":2,"
    "\"page\":3,\"children\":[]}]}]",
    /* two-sided: side on columns and rows */
    "\"columns\":[{\"id\":\"budget\",\"header\":\"预算数\",\"side\":"
    "\"income\"},{\"id\":\"budget\",\"header\":\"预算数\",\"side\":"
    "\"expenditure\"}]",
    "{\"kind\":\"item\",\"code\":null,\"level\":null,\"name\":"
    "\"一般公共服务支出\",\"side\":\"expenditure\",\"values\":[373030000],"
    "\"page\":4}",
    /* blank is null, 0 is 0, negatives stay */
    "{\"kind\":\"item\",\"code\":\"2014101\",\"level\":3,\"name\":\"行政运行\","
    "\"values\":[54810000,0,null],\"page\":5}",
    "\"values\":[-1500000,null,null]",
    "{\"kind\":\"total\",\"code\":null,\"level\":null,\"name\":\"总计\","
    "\"values\":[417370000,186630000,230740000],\"page\":5}",
    /* one-sided columns have no side */
    "{\"id\":\"total\",\"header\":\"合计\"}",
    /* project key on every row of the table, null where there is none */
    "{\"id\":null,\"number\":null,\"title\":\"项目支出表\",\"pages\":[6],"
    "\"unit\":\"元\",\"department\":null,\"empty\":false,\"note\":null,",
    "\"name\":\"其他政府办公厅支出\",\"project\":"
    "\"克州电子政务外网专项运维费项目\",\"values\":[62400000],\"page\":6}",
    "{\"kind\":\"total\",\"code\":null,\"level\":null,\"name\":\"合计\","
    "\"project\":null,\"values\":[62400000],\"page\":6}",
    /* tables without projects have no project key */
    "\"name\":\"行政运行\",\"values\"",
    /* the empty table */
    "{\"id\":\"state_capital_expenditure\",\"number\":9,\"title\":"
    "\"国有资本经营预算支出表\",\"pages\":[8],\"unit\":\"万元\","
    "\"department\":null,\"empty\":true,\"note\":"
    "\"本部门2026年无国有资本经营预算支出，此表为空表。\",\"columns\":"
    "[{\"id\":\"total\",\"header\":\"合计\"}],\"rows\":[]}",
    /* project */
    "\"allocation\":[{\"item\":\"等保测评\",\"amount\":7000000},"
    "{\"item\":\"链路费\",\"amount\":null}],\"period\":{\"start\":"
    "\"2026-01-01\",\"end\":\"2026-12-31\"},\"page\":14}",
    /* performance */
    "\"funds\":{\"total\":101340000,\"fiscal\":101340000,\"other\":0}",
    "{\"level1\":\"产出指标\",\"level2\":\"数量指标\",\"name\":"
    "\"平均处理时长（天）\",\"target\":\"<=1.8天\",\"op\":\"<=\","
    "\"value\":1.8,\"unit\":\"天\",\"basis\":\"计划标准\",\"previous\":null,"
    "\"weight\":10,\"scoring\":\"按照正常比例赋分\",\"evidence\":\"工作资料\"}",
    "\"op\":\">=\",\"value\":95,\"unit\":\"%\",\"basis\":\"计划标准\","
    "\"previous\":null,\"weight\":null,",
    "\"target\":\"有效保障\",\"op\":null,\"value\":null,\"unit\":null,",
    "\"pages\":[20]}]",
    /* facts: count only when >= 0, share only when printed */
    "{\"key\":\"basic_expenditure\",\"value\":186630000,\"share\":44.72,"
    "\"text\":\"基本支出 186.63 万元，占 44.72%\",\"page\":12}",
    "{\"key\":\"asset_vehicle\",\"value\":0,\"count\":0,\"text\":",
    "{\"key\":\"performance_project_count\",\"value\":null,\"count\":6,"
    "\"text\":\"当年预算安排项目 6 个\",\"page\":15}",
    /* validation: counts from the results */
    "\"validation\":{\"checks\":3,\"passed\":1,\"within_rounding\":1,"
    "\"failed\":1,\"results\":[{\"id\":\"expenditure_summary.row_total\","
    "\"table\":\"expenditure_summary\",\"row\":\"201\",\"column\":\"total\","
    "\"status\":\"passed\",\"expected\":373030000,\"actual\":373030000,"
    "\"tolerance\":10000,\"message\":\"合计 = 基本支出 + 项目支出\"}",
    "\"status\":\"within_rounding\"",
    "\"status\":\"failed\",\"expected\":417370000,\"actual\":417360000,"
    "\"tolerance\":5000,\"message\":\"总计 ≠ Σ类\"}]}",
  };
  for (guint i = 0; i < G_N_ELEMENTS (pieces); i++)
    assert_contains (json, pieces[i]);
  g_assert_null (strstr (json, "1.8000"));
  g_assert_true (strchr (json, '\n') == json + strlen (json) - 1);
}

/* The whole text of an empty disclosure, pretty and compact. */
static void
test_emit_empty (void)
{
  g_autoptr (BdxDisclosure) d = bdx_disclosure_new ();
  g_autofree char *pretty = bdx_disclosure_to_json (d, TRUE);
  g_autofree char *compact = bdx_disclosure_to_json (d, FALSE);

  g_assert_cmpstr (pretty, ==,
                   "{\n"
                   "  \"format\": \"bdx.disclosure/1\",\n"
                   "  \"source\": {\n"
                   "    \"path\": null,\n"
                   "    \"sha256\": null,\n"
                   "    \"pages\": 0,\n"
                   "    \"text_pages\": [],\n"
                   "    \"ocr_pages\": []\n"
                   "  },\n"
                   "  \"document\": {\n"
                   "    \"kind\": null,\n"
                   "    \"year\": null,\n"
                   "    \"department\": null,\n"
                   "    \"published\": null,\n"
                   "    \"unit\": null\n"
                   "  },\n"
                   "  \"template\": {\n"
                   "    \"id\": null,\n"
                   "    \"patterns\": null,\n"
                   "    \"tables\": []\n"
                   "  },\n"
                   "  \"overview\": {\n"
                   "    \"functions\": [],\n"
                   "    \"divisions\": [],\n"
                   "    \"subordinate_units\": null,\n"
                   "    \"staffing\": null\n"
                   "  },\n"
                   "  \"outline\": [],\n"
                   "  \"tables\": [],\n"
                   "  \"projects\": [],\n"
                   "  \"performance\": [],\n"
                   "  \"facts\": [],\n"
                   "  \"validation\": {\n"
                   "    \"checks\": 0,\n"
                   "    \"passed\": 0,\n"
                   "    \"within_rounding\": 0,\n"
                   "    \"failed\": 0,\n"
                   "    \"results\": []\n"
                   "  },\n"
                   "  \"notices\": []\n"
                   "}\n");
  g_assert_cmpstr (
      compact, ==,
      "{\"format\":\"bdx.disclosure/1\",\"source\":{\"path\":null,"
      "\"sha256\":null,\"pages\":0,\"text_pages\":[],\"ocr_pages\":[]},"
      "\"document\":{\"kind\":null,\"year\":null,\"department\":null,"
      "\"published\":null,\"unit\":null},\"template\":{\"id\":null,"
      "\"patterns\":null,\"tables\":[]},\"overview\":{\"functions\":[],"
      "\"divisions\":[],\"subordinate_units\":null,\"staffing\":null},"
      "\"outline\":[],\"tables\":[],\"projects\":[],\"performance\":[],"
      "\"facts\":[],\"validation\":{\"checks\":0,\"passed\":0,"
      "\"within_rounding\":0,\"failed\":0,\"results\":[]},\"notices\":[]}\n");
}

/* Pretty layout of a table: one member per line, numbers on one line. */
static void
test_emit_pretty_table (void)
{
  g_autofree char *json = sample_json (TRUE);
  assert_contains (json,
                   "    {\n"
                   "      \"id\": \"state_capital_expenditure\",\n"
                   "      \"number\": 9,\n"
                   "      \"title\": \"国有资本经营预算支出表\",\n"
                   "      \"pages\": [8],\n"
                   "      \"unit\": \"万元\",\n"
                   "      \"department\": null,\n"
                   "      \"empty\": true,\n"
                   "      \"note\": \"本部门2026年无国有资本经营预算支出，"
                   "此表为空表。\",\n"
                   "      \"columns\": [\n"
                   "        {\n"
                   "          \"id\": \"total\",\n"
                   "          \"header\": \"合计\"\n"
                   "        }\n"
                   "      ],\n"
                   "      \"rows\": []\n"
                   "    }\n"
                   "  ],\n");
  assert_contains (json, "          \"values\": [54810000, 0, null],\n"
                         "          \"page\": 5\n");
  assert_contains (json, "  \"notices\": [\n"
                         "    \"page 3 has no usable text layer\"\n"
                         "  ]\n"
                         "}\n");
}

/* Decimal texts become canonical JSON numbers, or null. */
static void
test_emit_decimals (void)
{
  static const struct
  {
    const char *text, *json;
  } cases[] = {
    { "1.8", "1.8" },
    { "95", "95" },
    { "1.80", "1.8" },
    { "100.00", "100" },
    { "+5", "5" },
    { "-0.0", "0" },
    { ".5", "0.5" },
    { "5.", "5" },
    { "007", "7" },
    { "-0.25", "-0.25" },
    { " 44.72 ", "44.72" },
    { "0.000001234", "0.000001234" },
    { "123456789012345", "123456789012345" },
    { "1234567890123456", "null" }, /* 16 digits */
    { "1,000", "null" },
    { "abc", "null" },
    { "", "null" },
    { "-", "null" },
    { ".", "null" },
    { "1e5", "null" },
    { "95%", "null" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (BdxDisclosure) d = bdx_disclosure_new ();
      add_fact (d, "k", BLANK, -1, cases[i].text, "t", 1);
      g_autofree char *json = bdx_disclosure_to_json (d, FALSE);
      g_autofree char *want = g_strdup_printf (
          "{\"key\":\"k\",\"value\":null,\"share\":%s,\"text\":\"t\","
          "\"page\":1}",
          cases[i].json);
      assert_contains (json, want);
    }
}

static void
test_emit_escapes (void)
{
  g_autoptr (BdxDisclosure) d = bdx_disclosure_new ();
  g_ptr_array_add (d->notices, g_strdup ("a\"b\\c/d\n\t\r\b\f\x01\x1f\x7f"
                                         "é中"));
  g_ptr_array_add (d->notices, g_strdup ("bad \xff\xfe utf-8"));
  g_autofree char *json = bdx_disclosure_to_json (d, FALSE);
  assert_contains (json, "\"notices\":[\"a\\\"b\\\\c/d\\n\\t\\r\\b\\f"
                         "\\u0001\\u001f\x7f"
                         "é中\",\"bad \xef\xbf\xbd\xef\xbf\xbd utf-8\"]}\n");
  g_assert_true (g_utf8_validate (json, -1, NULL));

  g_autoptr (GError) error = NULL;
  g_autoptr (BdxDisclosure) back = bdx_disclosure_from_json (json, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_ptr_array_index (back->notices, 0), ==,
                   "a\"b\\c/d\n\t\r\b\f\x01\x1f\x7f"
                   "é中");
}

/* ---- round trip ---------------------------------------------------- */

static void
test_round_trip (void)
{
  for (int pretty = 0; pretty <= 1; pretty++)
    {
      g_autofree char *first = sample_json (pretty);
      g_autoptr (GError) error = NULL;
      g_autoptr (BdxDisclosure) d
          = bdx_disclosure_from_json (first, -1, &error);
      g_assert_no_error (error);
      g_autofree char *second = bdx_disclosure_to_json (d, pretty);
      g_assert_cmpstr (first, ==, second);
    }

  /* The model read back: blanks, sentinels and inferred decimals. */
  g_autofree char *json = sample_json (FALSE);
  g_autoptr (BdxDisclosure) d = bdx_disclosure_from_json (json, -1, NULL);
  g_assert_nonnull (d);
  g_assert_cmpint (d->kind, ==, BDX_KIND_BUDGET);
  g_assert_cmpint (d->unit, ==, BDX_UNIT_WAN_YUAN);
  g_assert_true (d->overview.staffing_present);
  g_assert_cmpuint (d->overview.staffing.present, ==, 0x3F);
  g_assert_cmpint (d->overview.staffing.in_service_increase, ==, -2);

  BdxTable *t = bdx_disclosure_lookup_table (d, "expenditure_summary");
  g_assert_nonnull (t);
  BdxRow *row = g_ptr_array_index (t->rows, 2);
  BdxMoney m0 = g_array_index (row->values, BdxMoney, 0);
  BdxMoney m1 = g_array_index (row->values, BdxMoney, 1);
  BdxMoney m2 = g_array_index (row->values, BdxMoney, 2);
  g_assert_true (m0.present && m0.fen == 54810000 && m0.decimals == 2);
  g_assert_true (m1.present && m1.fen == 0 && m1.decimals == 2);
  g_assert_true (!m2.present && m2.decimals == -1);

  BdxTable *sided = g_ptr_array_index (d->tables, 0);
  g_assert_cmpint (((BdxRow *)g_ptr_array_index (sided->rows, 1))->side, ==,
                   BDX_SIDE_EXPENDITURE);
  g_assert_cmpstr (sided->department, ==, "克孜勒苏柯尔克孜自治州数字化发展局");
  BdxTable *unknown = g_ptr_array_index (d->tables, 2);
  g_assert_null (unknown->id);
  g_assert_cmpint (unknown->number, ==, 0);
  g_assert_null (((BdxRow *)g_ptr_array_index (unknown->rows, 1))->project);

  BdxPerformance *perf = g_ptr_array_index (d->performance, 0);
  BdxIndicator *ind = g_ptr_array_index (perf->indicators, 1);
  g_assert_cmpstr (ind->value, ==, "1.8");
  ind = g_ptr_array_index (perf->indicators, 2);
  g_assert_cmpstr (ind->value, ==, "95");
  g_assert_cmpint (ind->weight, ==, -1);
  ind = g_ptr_array_index (perf->indicators, 3);
  g_assert_null (ind->op);
  g_assert_null (ind->value);

  BdxFact *f = g_ptr_array_index (d->facts, 0);
  g_assert_cmpstr (f->share, ==, "44.72");
  g_assert_cmpint (f->count, ==, -1);
  f = g_ptr_array_index (d->facts, 2);
  g_assert_false (f->value.present);
  g_assert_cmpint (f->count, ==, 6);
  g_assert_null (f->share);

  BdxCheck *c = g_ptr_array_index (d->checks, 2);
  g_assert_cmpint (c->status, ==, BDX_CHECK_FAILED);
  g_assert_cmpint (c->actual, ==, 417360000);
}

/* The template fingerprint and the panels of a table printing two lists
 * side by side: written where documented, and read back. */
static void
test_template_and_panels (void)
{
  g_autoptr (BdxDisclosure) d = bdx_disclosure_new ();
  d->tmpl.id = g_strdup ("0123456789ab");
  d->tmpl.patterns = g_strdup ("bdx@ba9876543210");
  g_ptr_array_add (d->tmpl.tables, g_strdup ("revenue_expenditure_summary@js"));

  BdxTable *t = bdx_table_new ();
  t->id = g_strdup ("revenue_expenditure_summary");
  t->unit = BDX_UNIT_WAN_YUAN;
  int page = 8;
  g_array_append_val (t->pages, page);
  BdxColumn *c = bdx_column_new ("function_budget", "功能分类/金额",
                                 BDX_SIDE_EXPENDITURE);
  c->panel = 1;
  g_ptr_array_add (t->columns, c);
  c = bdx_column_new ("use_budget", "支出用途/金额", BDX_SIDE_EXPENDITURE);
  c->panel = 2;
  g_ptr_array_add (t->columns, c);
  BdxRow *row = bdx_row_new ();
  row->name = g_strdup ("一、基本支出");
  row->side = BDX_SIDE_EXPENDITURE;
  row->panel = 2;
  row->page = 8;
  BdxMoney blank = BDX_MONEY_BLANK, m = { 7877760000, 2, TRUE };
  g_array_append_val (row->values, blank);
  g_array_append_val (row->values, m);
  g_ptr_array_add (t->rows, row);
  g_ptr_array_add (d->tables, t);

  g_autofree char *json = bdx_disclosure_to_json (d, FALSE);
  g_assert_nonnull (strstr (
      json, "\"template\":{\"id\":\"0123456789ab\",\"patterns\":"
            "\"bdx@ba9876543210\",\"tables\":"
            "[\"revenue_expenditure_summary@js\"]},\"overview\""));
  g_assert_nonnull (strstr (
      json, "{\"id\":\"use_budget\",\"header\":\"支出用途/金额\","
            "\"side\":\"expenditure\",\"panel\":2}"));
  g_assert_nonnull (strstr (
      json, "\"side\":\"expenditure\",\"panel\":2,\"values\":"
            "[null,7877760000]"));

  g_autoptr (GError) error = NULL;
  g_autoptr (BdxDisclosure) back = bdx_disclosure_from_json (json, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->tmpl.id, ==, "0123456789ab");
  g_assert_cmpuint (back->tmpl.tables->len, ==, 1);
  BdxTable *bt = g_ptr_array_index (back->tables, 0);
  g_assert_cmpint (((BdxColumn *) g_ptr_array_index (bt->columns, 1))->panel,
                   ==, 2);
  g_assert_cmpint (((BdxRow *) g_ptr_array_index (bt->rows, 0))->panel, ==, 2);
  g_autofree char *again = bdx_disclosure_to_json (back, FALSE);
  g_assert_cmpstr (json, ==, again);

  /* Without the extension keys (another producer): no template, no
   * panels. */
  g_autoptr (BdxDisclosure) bare = bdx_disclosure_from_json (
      "{\"format\":\"bdx.disclosure/1\",\"source\":{\"path\":null,"
      "\"sha256\":null,\"pages\":0,\"text_pages\":[],\"ocr_pages\":[]},"
      "\"document\":{\"kind\":null,\"year\":null,\"department\":null,"
      "\"published\":null,\"unit\":null},\"overview\":{\"functions\":[],"
      "\"divisions\":[],\"subordinate_units\":null,\"staffing\":null},"
      "\"outline\":[],\"tables\":[],\"projects\":[],\"performance\":[],"
      "\"facts\":[],\"validation\":{\"checks\":0,\"passed\":0,"
      "\"within_rounding\":0,\"failed\":0,\"results\":[]},\"notices\":[]}",
      -1, &error);
  g_assert_no_error (error);
  g_assert_null (bare->tmpl.id);
  g_assert_cmpuint (bare->tmpl.tables->len, ==, 0);
}

/* A row's OCR marks: written only where there are some, read back, and
 * checked when read. */
static void
test_ocr_marks (void)
{
  g_autoptr (BdxDisclosure) d = bdx_disclosure_new ();
  BdxTable *t = bdx_table_new ();
  t->id = g_strdup ("expenditure_summary");
  t->unit = BDX_UNIT_WAN_YUAN;
  g_ptr_array_add (t->columns, bdx_column_new ("total", "合计", BDX_SIDE_NONE));
  for (int i = 0; i < 2; i++)
    {
      BdxRow *row = bdx_row_new ();
      row->code = g_strdup (i == 0 ? "2101103" : "2101101");
      row->level = 3;
      row->name = g_strdup ("公务员医疗补助");
      row->page = 8;
      BdxMoney m = { 1280000, 2, TRUE };
      g_array_append_val (row->values, m);
      if (i == 0)
        {
          bdx_row_add_ocr_mark (row, BDX_OCR_FIELD_CODE, "21003", -1, TRUE);
          bdx_row_add_ocr_mark (row, 0, "1.23", 38, FALSE);
        }
      g_ptr_array_add (t->rows, row);
    }
  g_ptr_array_add (d->tables, t);

  g_autofree char *json = bdx_disclosure_to_json (d, FALSE);
  g_assert_nonnull (strstr (
      json, "\"page\":8,\"ocr\":[{\"field\":\"code\",\"read\":\"21003\","
            "\"confidence\":null,\"repaired\":true},{\"field\":\"values\","
            "\"index\":0,\"read\":\"1.23\",\"confidence\":38,"
            "\"repaired\":false}]}"));
  /* The second row has none: no key. */
  g_assert_nonnull (strstr (json, "\"values\":[1280000],\"page\":8}"));

  g_autoptr (GError) error = NULL;
  g_autoptr (BdxDisclosure) back = bdx_disclosure_from_json (json, -1, &error);
  g_assert_no_error (error);
  const BdxRow *r0 = g_ptr_array_index (
      ((BdxTable *) g_ptr_array_index (back->tables, 0))->rows, 0);
  const BdxOcrMark *m = bdx_row_ocr_mark (r0, BDX_OCR_FIELD_CODE);
  g_assert_nonnull (m);
  g_assert_cmpstr (m->read, ==, "21003");
  g_assert_true (m->repaired);
  g_assert_cmpint (m->confidence, ==, -1);
  m = bdx_row_ocr_mark (r0, 0);
  g_assert_nonnull (m);
  g_assert_cmpint (m->confidence, ==, 38);
  g_assert_null (bdx_row_ocr_mark (r0, BDX_OCR_FIELD_NAME));
  g_autofree char *again = bdx_disclosure_to_json (back, FALSE);
  g_assert_cmpstr (json, ==, again);

  static const struct
  {
    const char *from, *to, *message;
  } bad[] = {
    { "\"index\":0,", "\"index\":1,",
      "tables[0].rows[0].ocr: a mark of value 1, of 1 values" },
    { "\"index\":0,", "", "tables[0].rows[0].ocr[1]: missing key 'index'" },
    { "\"field\":\"code\"", "\"field\":\"kind\"",
      "tables[0].rows[0].ocr[0].field: unknown field 'kind'" },
    { "\"confidence\":38", "\"confidence\":380",
      "tables[0].rows[0].ocr[1].confidence: 380 is not a percentage" },
    { "\"read\":\"21003\"", "\"read\":null",
      "tables[0].rows[0].ocr[0].read: expected a string, got null" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GString) s = g_string_new (json);
      g_assert_cmpint (g_string_replace (s, bad[i].from, bad[i].to, 1), ==, 1);
      g_autoptr (GError) err = NULL;
      g_autoptr (BdxDisclosure) x = bdx_disclosure_from_json (s->str, -1, &err);
      g_assert_null (x);
      g_assert_error (err, BDX_ERROR, BDX_ERROR_FORMAT);
      g_assert_nonnull (strstr (err->message, bad[i].message));
    }
}

/* JSON numbers other than emit's canonical ones become decimal texts. */
static void
test_read_decimals (void)
{
  static const struct
  {
    const char *json, *text;
  } cases[] = {
    { "1.8", "1.8" },
    { "95", "95" },
    { "1.80", "1.8" },
    { "1e5", "100000" },
    { "1E-7", "0.0000001" },
    { "-0.0", "0" },
    { "2.5e1", "25" },
    { "-1234.5678", "-1234.5678" },
    { "0.1", "0.1" },
    { "1e21", "1000000000000000000000" },
    { "123456789012345", "123456789012345" },
  };
  g_autoptr (BdxDisclosure) d = bdx_disclosure_new ();
  add_fact (d, "k", BLANK, -1, "12.5", "t", 1);
  g_autofree char *json = bdx_disclosure_to_json (d, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto (GStrv) parts = g_strsplit (json, "\"share\":12.5", 2);
      g_autofree char *edited = g_strdup_printf ("%s\"share\":%s%s", parts[0],
                                                 cases[i].json, parts[1]);
      g_autoptr (GError) error = NULL;
      g_autoptr (BdxDisclosure) back
          = bdx_disclosure_from_json (edited, -1, &error);
      g_assert_no_error (error);
      BdxFact *f = g_ptr_array_index (back->facts, 0);
      g_assert_cmpstr (f->share, ==, cases[i].text);
    }
}

/* ---- reader errors ------------------------------------------------- */

/* The sample's compact JSON with the first `from` replaced by `to`. */
static char *
edited_sample (const char *from, const char *to)
{
  g_autofree char *json = sample_json (FALSE);
  const char *at = strstr (json, from);
  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int)(at - json), json, to,
                          at + strlen (from));
}

static void
assert_read_error (const char *json, gssize len, int code, const char *message)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BdxDisclosure) d = bdx_disclosure_from_json (json, len, &error);
  g_assert_null (d);
  g_assert_error (error, BDX_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_read_content_errors (void)
{
  static const struct
  {
    const char *from, *to, *message;
  } cases[] = {
    { "\"bdx.disclosure/1\"", "\"bdx.disclosure/2\"",
      "format: expected 'bdx.disclosure/1', got 'bdx.disclosure/2'" },
    { "\"format\":\"bdx.disclosure/1\"", "\"format\":1",
      "format: expected a string, got an integer" },
    { "\"format\":\"bdx.disclosure/1\",", "", "missing key 'format'" },
    { "[54810000,0,null]", "[54810000.5,0,null]",
      "tables[1].rows[2].values[0]: amount is not an integer" },
    { "[54810000,0,null]", "[54810000,0.0,null]",
      "tables[1].rows[2].values[1]: amount is not an integer" },
    { "[54810000,0,null]", "[54810000,0,\"12\"]",
      "tables[1].rows[2].values[2]: amount is not an integer" },
    { "\"amount\":7000000", "\"amount\":7e6",
      "projects[0].allocation[0].amount: amount is not an integer" },
    { "\"other\":0", "\"other\":false",
      "performance[0].funds.other: amount is not an integer" },
    { "\"empty\":true,", "", "tables[3]: missing key 'empty'" },
    { "\"title\":\"项目支出表\",", "", "tables[2]: missing key 'title'" },
    { "\"sha256\":", "\"sha\":", "source: missing key 'sha256'" },
    { "\"validation\":", "\"validations\":", "missing key 'validation'" },
    { "\"kind\":\"budget\"", "\"kind\":\"预算\"",
      "document.kind: unknown document kind '预算'" },
    { "\"unit\":\"万元\"}", "\"unit\":\"万美元\"}",
      "document.unit: unknown unit '万美元'" },
    { "\"year\":2026", "\"year\":\"2026\"",
      "document.year: expected an integer or null, got a string" },
    { "\"year\":2026", "\"year\":0", "document.year: 0 is out of range" },
    { "\"published\":\"2026-02-20\"", "\"published\":\"2026年2月20日\"",
      "document.published: '2026年2月20日' is not a YYYY-MM-DD date" },
    { "\"side\":\"income\"", "\"side\":\"both\"",
      "tables[0].columns[0].side: unknown side 'both'" },
    { "\"code\":\"2014101\"", "\"code\":\"201-41-01\"",
      "tables[1].rows[2].code: '201-41-01' is not a digits-only code" },
    { "{\"kind\":\"total\"", "{\"kind\":\"subtotal\"",
      "tables[0].rows[2].kind: unknown row kind 'subtotal'" },
    { "\"pages\":[5]", "\"pages\":[0]",
      "tables[1].pages[0]: 0 is not a page number" },
    { "\"pages\":[5]", "\"pages\":5",
      "tables[1].pages: expected an array, got an integer" },
    { "\"rows\":[]}", "\"rows\":[1]}",
      "tables[3].rows[0]: expected an object, got an integer" },
    { "\"op\":\"=\"", "\"op\":\"==\"",
      "performance[0].indicators[0].op: unknown op '=='" },
    { "\"scope\":\"project\"", "\"scope\":null",
      "performance[0].scope: expected a string, got null" },
    { "\"value\":1.8", "\"value\":\"1.8\"",
      "performance[0].indicators[1].value: expected a number or null, got a "
      "string" },
    { "\"weight\":5", "\"weight\":-1",
      "performance[0].indicators[0].weight: -1 is out of range" },
    { "\"share\":44.72", "\"share\":[44.72]",
      "facts[0].share: expected a number or null, got an array" },
    { "\"count\":6", "\"count\":-6", "facts[2].count: -6 is out of range" },
    { "\"status\":\"failed\"", "\"status\":\"broken\"",
      "validation.results[2].status: unknown status 'broken'" },
    { "\"passed\":1", "\"passed\":2",
      "validation.passed: 2 does not match the results (1)" },
    { "\"checks\":3", "\"checks\":4",
      "validation.checks: 4 does not match the 3 results" },
    { "\"staffing\":{\"authorized\":33", "\"staffing\":{\"authorised\":33",
      "overview.staffing: missing key 'authorized'" },
    { "\"children\":[]", "\"children\":{}",
      "outline[0].children[0].children: expected an array, got an object" },
    { "\"notices\":[\"", "\"notices\":[7,\"",
      "notices[0]: expected a string, got an integer" },
    { "\"period\":{", "\"period\":[],\"x\":{",
      "projects[0].period: expected an object or null, got an array" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = edited_sample (cases[i].from, cases[i].to);
      assert_read_error (json, -1, BDX_ERROR_FORMAT, cases[i].message);
    }

  assert_read_error ("[]", -1, BDX_ERROR_FORMAT,
                     "expected an object, got an array");
  assert_read_error ("{}", -1, BDX_ERROR_FORMAT, "missing key 'format'");
}

static void
test_read_syntax_errors (void)
{
  static const struct
  {
    const char *json;
    int code;
    const char *message;
  } cases[] = {
    { "garbage", BDX_ERROR_FORMAT,
      "invalid JSON at line 1, column 1: expected a value, found 'g'" },
    { "", BDX_ERROR_FORMAT,
      "invalid JSON at line 1, column 1: unexpected end of input" },
    { "  \n ", BDX_ERROR_FORMAT,
      "invalid JSON at line 2, column 2: unexpected end of input" },
    { "{\n  \"a\": tru\n}", BDX_ERROR_FORMAT,
      "invalid JSON at line 2, column 8: expected a value, found 't'" },
    { "{\"中文\": 1 2}", BDX_ERROR_FORMAT,
      "invalid JSON at line 1, column 10: expected ',' or '}', found '2'" },
    { "[1,]", BDX_ERROR_FORMAT,
      "invalid JSON at line 1, column 4: expected a value, found ']'" },
    { "{\"a\":1,}", BDX_ERROR_FORMAT,
      "invalid JSON at line 1, column 8: expected a string key, found '}'" },
    { "{\"a\" 1}", BDX_ERROR_FORMAT,
      "invalid JSON at line 1, column 6: expected ':', found '1'" },
    { "[1] x", BDX_ERROR_FORMAT,
      "invalid JSON at line 1, column 5: expected end of input, found 'x'" },
    { "[1", BDX_ERROR_FORMAT,
      "invalid JSON at line 1, column 3: unexpected end of input" },
    { "[01]", BDX_ERROR_FORMAT,
      "invalid JSON at line 1, column 2: invalid number (leading zero)" },
    { "[-]", BDX_ERROR_FORMAT,
      "invalid JSON at line 1, column 2: invalid number" },
    { "[1.]", BDX_ERROR_FORMAT,
      "invalid JSON at line 1, column 2: invalid number" },
    { "[1e]", BDX_ERROR_FORMAT,
      "invalid JSON at line 1, column 2: invalid number" },
    { "[\"abc", BDX_ERROR_FORMAT,
      "invalid JSON at line 1, column 2: unterminated string" },
    { "[\"a\tb\"]", BDX_ERROR_FORMAT,
      "invalid JSON at line 1, column 4: control character U+0009 in string" },
    { "[\"\\x\"]", BDX_ERROR_FORMAT,
      "invalid JSON at line 1, column 3: invalid escape" },
    { "[\"\\u12g4\"]", BDX_ERROR_FORMAT,
      "invalid JSON at line 1, column 3: invalid \\u escape" },
    { "[\"\\ud800\"]", BDX_ERROR_FORMAT,
      "invalid JSON at line 1, column 3: lone surrogate" },
    { "[\"\\ud800\\u0041\"]", BDX_ERROR_FORMAT,
      "invalid JSON at line 1, column 3: lone surrogate" },
    { "[\"\\udc00\"]", BDX_ERROR_FORMAT,
      "invalid JSON at line 1, column 3: lone surrogate" },
    { "[\"a\\u0000\"]", BDX_ERROR_FORMAT,
      "invalid JSON at line 1, column 4: \\u0000 is not supported" },
    { "[\"\xff\"]", BDX_ERROR_FORMAT,
      "invalid JSON at line 1, column 3: invalid UTF-8" },
    { "[\"\xe4\xb8\"]", BDX_ERROR_FORMAT,
      "invalid JSON at line 1, column 3: invalid UTF-8" },
    { "\xef\xbb\xbf{}", BDX_ERROR_FORMAT,
      "invalid JSON at line 1, column 1: expected a value, found U+FEFF" },
    { "[123456789012345678901234567890]", BDX_ERROR_LIMIT,
      "invalid JSON at line 1, column 2: integer out of range" },
    { "[9223372036854775808]", BDX_ERROR_LIMIT,
      "invalid JSON at line 1, column 2: integer out of range" },
    { "[-9223372036854775809]", BDX_ERROR_LIMIT,
      "invalid JSON at line 1, column 2: integer out of range" },
    { "[1e999]", BDX_ERROR_LIMIT,
      "invalid JSON at line 1, column 2: number out of range" },
    { "[-1.5e400]", BDX_ERROR_LIMIT,
      "invalid JSON at line 1, column 2: number out of range" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_read_error (cases[i].json, -1, cases[i].code, cases[i].message);

  /* A NUL byte inside the given length. */
  assert_read_error ("[\"a\0\"]", 6, BDX_ERROR_FORMAT,
                     "invalid JSON at line 1, column 4: NUL byte");
  /* The length is honoured: what follows it is not read. */
  assert_read_error ("{}garbage", 2, BDX_ERROR_FORMAT, "missing key 'format'");
}

/* Deep nesting is refused before the parser recurses into it. */
static void
test_read_deep_nesting (void)
{
  gsize n = 100000;
  g_autofree char *deep = g_malloc (2 * n + 1);
  memset (deep, '[', n);
  memset (deep + n, ']', n);
  deep[2 * n] = '\0';
  assert_read_error (deep, -1, BDX_ERROR_LIMIT,
                     "invalid JSON at line 1, column 129: nested deeper than "
                     "128 levels");

  /* Objects too: {"a":{"a":... (unterminated: the depth is met first). */
  g_autoptr (GString) objects = g_string_new (NULL);
  for (gsize i = 0; i < n; i++)
    g_string_append (objects, "{\"a\":");
  assert_read_error (objects->str, (gssize)objects->len, BDX_ERROR_LIMIT,
                     "invalid JSON at line 1, column 641: nested deeper than "
                     "128 levels");

  /* 128 levels are fine as JSON (and then not a disclosure). */
  g_autofree char *ok = g_malloc (2 * 128 + 1);
  memset (ok, '[', 128);
  memset (ok + 128, ']', 128);
  ok[256] = '\0';
  assert_read_error (ok, -1, BDX_ERROR_FORMAT,
                     "expected an object, got an array");
}

/* Unknown keys are ignored; missing extension keys take their defaults. */
static void
test_read_tolerant (void)
{
  g_autofree char *json = sample_json (FALSE);
  g_autofree char *extra = edited_sample (
      "\"notices\":[", "\"x-extra\":{\"deep\":[1,2.5,\"s\"]},\"notices\":[");
  g_autoptr (GError) error = NULL;
  g_autoptr (BdxDisclosure) d = bdx_disclosure_from_json (extra, -1, &error);
  g_assert_no_error (error);
  g_autofree char *again = bdx_disclosure_to_json (d, FALSE);
  g_assert_cmpstr (again, ==, json);

  g_autofree char *rowextra = edited_sample (
      "\"name\":\"行政运行\",", "\"name\":\"行政运行\",\"note\":7,");
  g_autoptr (BdxDisclosure) d2
      = bdx_disclosure_from_json (rowextra, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (d2);

  g_autofree char *bare = edited_sample (
      ",\"notices\":[\"page 3 has no usable text layer\"]", "");
  g_autoptr (BdxDisclosure) d3 = bdx_disclosure_from_json (bare, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (d3->notices->len, ==, 0);

  g_autofree char *noinc
      = edited_sample (",\"in_service_increase\":-2,\"retired_increase\":null,"
                       "\"retired_cadre_increase\":null",
                       "");
  g_autoptr (BdxDisclosure) d4 = bdx_disclosure_from_json (noinc, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (d4->overview.staffing.present, ==, 0x1F);
}

static void
test_read_load (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bdx-emit-XXXXXX", &error);
  g_assert_no_error (error);

  g_autofree char *missing = g_build_filename (dir, "none.json", NULL);
  g_assert_null (bdx_disclosure_load (missing, &error));
  g_assert_error (error, BDX_ERROR, BDX_ERROR_IO);
  g_autofree char *want = g_strdup_printf (
      "cannot read '%s': No such file or directory", missing);
  g_assert_cmpstr (error->message, ==, want);
  g_clear_error (&error);

  g_autofree char *bad = g_build_filename (dir, "bad.json", NULL);
  g_assert_true (g_file_set_contents (bad, "{\"format\":\"x\"}", -1, NULL));
  g_assert_null (bdx_disclosure_load (bad, &error));
  g_assert_error (error, BDX_ERROR, BDX_ERROR_FORMAT);
  g_autofree char *want2 = g_strdup_printf (
      "%s: format: expected 'bdx.disclosure/1', got 'x'", bad);
  g_assert_cmpstr (error->message, ==, want2);
  g_clear_error (&error);

  g_assert_cmpint (g_unlink (bad), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* ---- writing ------------------------------------------------------- */

static guint
count_entries (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (d);
  guint n = 0;
  while (g_dir_read_name (d))
    n++;
  return n;
}

static void
test_write_atomic (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bdx-emit-XXXXXX", &error);
  g_assert_no_error (error);
  g_autoptr (BdxDisclosure) d = make_sample ();

  /* A missing directory: an error, and nothing is created. */
  g_autofree char *sub = g_build_filename (dir, "missing", NULL);
  g_autofree char *nowhere = g_build_filename (sub, "out.json", NULL);
  g_assert_false (bdx_disclosure_write_json (d, nowhere, TRUE, &error));
  g_assert_error (error, BDX_ERROR, BDX_ERROR_IO);
  g_autofree char *want = g_strdup_printf (
      "cannot write '%s': No such file or directory", nowhere);
  g_assert_cmpstr (error->message, ==, want);
  g_clear_error (&error);
  g_assert_false (g_file_test (sub, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_entries (dir), ==, 0);

  /* Over an existing, longer file: replaced whole, no temporary left. */
  g_autofree char *out = g_build_filename (dir, "out.json", NULL);
  g_autofree char *junk = g_strnfill (200000, 'x');
  g_assert_true (g_file_set_contents (out, junk, -1, NULL));
  g_assert_true (bdx_disclosure_write_json (d, out, TRUE, &error));
  g_assert_no_error (error);
  g_autofree char *written = NULL;
  g_assert_true (g_file_get_contents (out, &written, NULL, NULL));
  g_autofree char *expected = bdx_disclosure_to_json (d, TRUE);
  g_assert_cmpstr (written, ==, expected);
  g_assert_cmpuint (count_entries (dir), ==, 1);

  /* And it reads back. */
  g_autoptr (BdxDisclosure) back = bdx_disclosure_load (out, &error);
  g_assert_no_error (error);
  g_autofree char *again = bdx_disclosure_to_json (back, TRUE);
  g_assert_cmpstr (again, ==, expected);

  /* A directory in the way: an error, the directory stays, no temp. */
  g_autofree char *blocker = g_build_filename (dir, "blocker", NULL);
  g_assert_cmpint (g_mkdir (blocker, 0700), ==, 0);
  g_autofree char *inside = g_build_filename (blocker, "f", NULL);
  g_assert_true (g_file_set_contents (inside, "x", -1, NULL));
  g_assert_false (bdx_disclosure_write_json (d, blocker, FALSE, &error));
  g_assert_error (error, BDX_ERROR, BDX_ERROR_IO);
  g_clear_error (&error);
  g_assert_true (g_file_test (blocker, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (count_entries (dir), ==, 2);

  g_assert_cmpint (g_unlink (inside), ==, 0);
  g_assert_cmpint (g_rmdir (blocker), ==, 0);
  g_assert_cmpint (g_unlink (out), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A path that is not a regular file is written in place: a FIFO gets
 * the text and stays a FIFO (renaming over it would replace it). */
static void
test_write_fifo (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bdx-emit-XXXXXX", &error);
  g_assert_no_error (error);
  g_autofree char *fifo = g_build_filename (dir, "fifo", NULL);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  /* The reader first, so that opening for writing does not block; the
   * sample's JSON fits in the pipe's buffer. */
  int rd = open (fifo, O_RDONLY | O_NONBLOCK);
  g_assert_cmpint (rd, >=, 0);
  g_autoptr (BdxDisclosure) d = make_sample ();
  g_assert_true (bdx_disclosure_write_json (d, fifo, FALSE, &error));
  g_assert_no_error (error);

  g_autofree char *expected = bdx_disclosure_to_json (d, FALSE);
  gsize want = strlen (expected);
  g_autofree char *got = g_malloc0 (want + 1);
  gsize have = 0;
  while (have < want)
    {
      ssize_t n = read (rd, got + have, want - have);
      g_assert_cmpint (n, >, 0);
      have += (gsize)n;
    }
  close (rd);
  g_assert_cmpstr (got, ==, expected);

  struct stat st;
  g_assert_cmpint (g_lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
  g_assert_cmpuint (count_entries (dir), ==, 1);
  g_assert_cmpint (g_unlink (fifo), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* In a subprocess: standard output on /dev/full, then on a closed pipe. */
static void
test_write_stdout_errors (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr (BdxDisclosure) d = make_sample ();
      g_autoptr (GError) error = NULL;

      /* /dev/full, where it is the device (not in every container). */
      int full = open ("/dev/full", O_WRONLY);
      struct stat st;
      if (full >= 0 && fstat (full, &st) == 0 && S_ISCHR (st.st_mode))
        {
          g_assert_cmpint (dup2 (full, STDOUT_FILENO), ==, STDOUT_FILENO);
          g_assert_false (bdx_disclosure_write_json (d, "-", TRUE, &error));
          g_assert_error (error, BDX_ERROR, BDX_ERROR_IO);
          g_assert_cmpstr (error->message, ==,
                           "cannot write to standard output: No space left "
                           "on device");
          g_clear_error (&error);
        }

      if (full >= 0)
        close (full);

      int fds[2];
      g_assert_cmpint (pipe (fds), ==, 0);
      signal (SIGPIPE, SIG_IGN);
      close (fds[0]);
      g_assert_cmpint (dup2 (fds[1], STDOUT_FILENO), ==, STDOUT_FILENO);
      close (fds[1]);
      g_assert_false (bdx_disclosure_write_json (d, "-", FALSE, &error));
      g_assert_error (error, BDX_ERROR, BDX_ERROR_IO);
      g_assert_cmpstr (error->message, ==,
                       "cannot write to standard output: Broken pipe");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_write_stdout (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr (BdxDisclosure) d = make_sample ();
      g_assert_true (bdx_disclosure_write_json (d, "-", FALSE, NULL));
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_autofree char *json = sample_json (FALSE);
  g_test_trap_assert_stdout (json);
}

/* ---- main ---------------------------------------------------------- */

int
main (int argc, char **argv)
{
  if (argc == 3 && strcmp (argv[1], "--write-sample") == 0)
    {
      g_autoptr (BdxDisclosure) d = make_sample ();
      g_autoptr (GError) error = NULL;
      if (!bdx_disclosure_write_json (d, argv[2], TRUE, &error))
        {
          fprintf (stderr, "test-emit: %s\n", error->message);
          return 1;
        }
      return 0;
    }

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/emit/key-order", test_emit_key_order);
  g_test_add_func ("/emit/pieces", test_emit_pieces);
  g_test_add_func ("/emit/empty", test_emit_empty);
  g_test_add_func ("/emit/pretty-table", test_emit_pretty_table);
  g_test_add_func ("/emit/decimals", test_emit_decimals);
  g_test_add_func ("/emit/escapes", test_emit_escapes);
  g_test_add_func ("/emit/round-trip", test_round_trip);
  g_test_add_func ("/emit/template-and-panels", test_template_and_panels);
  g_test_add_func ("/emit/ocr-marks", test_ocr_marks);
  g_test_add_func ("/jsonread/decimals", test_read_decimals);
  g_test_add_func ("/jsonread/content-errors", test_read_content_errors);
  g_test_add_func ("/jsonread/syntax-errors", test_read_syntax_errors);
  g_test_add_func ("/jsonread/deep-nesting", test_read_deep_nesting);
  g_test_add_func ("/jsonread/tolerant", test_read_tolerant);
  g_test_add_func ("/jsonread/load", test_read_load);
  g_test_add_func ("/emit/write-atomic", test_write_atomic);
  g_test_add_func ("/emit/write-fifo", test_write_fifo);
  g_test_add_func ("/emit/write-stdout", test_write_stdout);
  g_test_add_func ("/emit/write-stdout-errors", test_write_stdout_errors);
  return g_test_run ();
}
