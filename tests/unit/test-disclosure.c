/* Unit tests for bdx/disclosure.h: constructors start in the documented
 * state, the free functions release the whole tree (run under
 * AddressSanitizer, whose leak checker fails the test otherwise),
 * lookups and names. */
#include "bdx/disclosure.h"

static BdxMoney
money (gint64 fen, gint8 decimals)
{
  return (BdxMoney){ .fen = fen, .decimals = decimals, .present = TRUE };
}

static BdxTable *
make_table (const char *id, int number)
{
  static const int pages[] = { 3, 4 };
  BdxTable *t = bdx_table_new ();
  BdxRow *row;
  BdxMoney values[] = { money (100, 2), BDX_MONEY_BLANK, money (-5, 0) };

  t->id = g_strdup (id);
  t->number = number;
  t->title = g_strdup ("收支总表");
  g_array_append_vals (t->pages, pages, G_N_ELEMENTS (pages));
  t->unit = BDX_UNIT_WAN_YUAN;
  t->department = g_strdup ("某部门");
  t->note = g_strdup ("本表无数据");
  g_ptr_array_add (t->columns,
                   bdx_column_new ("budget", "预算数", BDX_SIDE_INCOME));
  g_ptr_array_add (t->columns, bdx_column_new ("total", "合计/小计",
                                               BDX_SIDE_EXPENDITURE));
  g_ptr_array_add (t->columns, bdx_column_new (NULL, "未知", BDX_SIDE_NONE));

  row = bdx_row_new ();
  row->kind = BDX_ROW_ITEM;
  row->code = g_strdup ("2010101");
  row->level = 3;
  row->name = g_strdup ("行政运行");
  row->project = g_strdup ("项目");
  row->side = BDX_SIDE_EXPENDITURE;
  g_array_append_vals (row->values, values, G_N_ELEMENTS (values));
  row->page = 3;
  g_ptr_array_add (t->rows, row);

  row = bdx_row_new ();
  row->kind = BDX_ROW_TOTAL;
  row->name = g_strdup ("合计");
  g_ptr_array_add (t->rows, row);
  return t;
}

static BdxOutlineNode *
make_outline (void)
{
  BdxOutlineNode *root = bdx_outline_node_new ("第一部分 部门概况", 1, 2);
  BdxOutlineNode *child = bdx_outline_node_new ("一、主要职能", 2, 2);

  g_ptr_array_add (child->children, bdx_outline_node_new ("（一）", 3, 2));
  g_ptr_array_add (root->children, child);
  g_ptr_array_add (root->children, bdx_outline_node_new ("二、机构设置", 2, 3));
  return root;
}

/* Every owned field set, so that a free function forgetting one leaks. */
static BdxDisclosure *
make_full_disclosure (void)
{
  static const int text_pages[] = { 1, 2, 3 };
  static const int ocr_pages[] = { 4 };
  BdxDisclosure *d = bdx_disclosure_new ();
  BdxProject *project;
  BdxPerformance *perf;
  BdxIndicator *ind;
  BdxFact *fact;
  BdxCheck *check;

  d->source.path = g_strdup ("doc.pdf");
  d->source.sha256 = g_strdup ("00ff");
  d->source.pages = 4;
  g_array_append_vals (d->source.text_pages, text_pages, 3);
  g_array_append_vals (d->source.ocr_pages, ocr_pages, 1);
  d->kind = BDX_KIND_BUDGET;
  d->year = 2024;
  d->department = g_strdup ("某部门");
  d->published = g_strdup ("2024-02-01");
  d->unit = BDX_UNIT_WAN_YUAN;
  g_ptr_array_add (d->overview.functions, g_strdup ("职能一"));
  g_ptr_array_add (d->overview.divisions, g_strdup ("办公室"));
  d->overview.subordinate_units = 2;
  d->overview.staffing.authorized = 10;
  d->overview.staffing.present = 1;
  d->overview.staffing_present = TRUE;

  g_ptr_array_add (d->outline, make_outline ());
  g_ptr_array_add (d->tables, make_table ("income_expenditure_summary", 1));
  g_ptr_array_add (d->tables, make_table ("income_summary", 2));

  project = bdx_project_new ();
  project->name = g_strdup ("项目A");
  project->amount = money (1234500, 2);
  project->basis = g_strdup ("依据");
  project->owner = g_strdup ("责任科室");
  g_ptr_array_add (project->allocation,
                   bdx_allocation_new ("设备", money (100, 0)));
  g_ptr_array_add (project->allocation,
                   bdx_allocation_new ("服务", BDX_MONEY_BLANK));
  project->period_start = g_strdup ("2024-01-01");
  project->period_end = g_strdup ("2024-12-31");
  project->page = 9;
  g_ptr_array_add (d->projects, project);

  perf = bdx_performance_new ();
  perf->scope = g_strdup ("project");
  perf->project = g_strdup ("项目A");
  perf->department = g_strdup ("某部门");
  perf->manager = g_strdup ("张三");
  perf->goal = g_strdup ("目标");
  perf->funds_total = money (100, 2);
  ind = bdx_indicator_new ();
  ind->level1 = g_strdup ("产出指标");
  ind->level2 = g_strdup ("数量指标");
  ind->name = g_strdup ("培训人次");
  ind->target = g_strdup (">=100人次");
  ind->op = g_strdup (">=");
  ind->value = g_strdup ("100");
  ind->unit = g_strdup ("人次");
  ind->basis = g_strdup ("计划");
  ind->previous = g_strdup ("90");
  ind->scoring = g_strdup ("完成得分");
  ind->evidence = g_strdup ("签到表");
  ind->weight = 10;
  g_ptr_array_add (perf->indicators, ind);
  g_array_append_val (perf->pages, d->source.pages);
  g_ptr_array_add (d->performance, perf);

  fact = bdx_fact_new ("total_expenditure");
  fact->value = money (417370000, 2);
  fact->share = g_strdup ("44.72");
  fact->text = g_strdup ("支出合计417.37万元");
  fact->page = 5;
  g_ptr_array_add (d->facts, fact);

  check = bdx_check_new ("expenditure_summary.row_total");
  check->table = g_strdup ("expenditure_summary");
  check->row = g_strdup ("2010101");
  check->column = g_strdup ("total");
  check->status = BDX_CHECK_WITHIN_ROUNDING;
  check->message = g_strdup ("row total off by one unit");
  g_ptr_array_add (d->checks, check);

  g_ptr_array_add (d->notices, g_strdup ("page 7 has no usable text layer"));
  return d;
}

static void
assert_blank (BdxMoney m)
{
  g_assert_false (m.present);
  g_assert_cmpint (m.fen, ==, 0);
  g_assert_cmpint (m.decimals, ==, -1);
}

static void
test_new_defaults (void)
{
  g_autoptr (BdxDisclosure) d = bdx_disclosure_new ();
  g_autoptr (BdxTable) t = bdx_table_new ();
  g_autoptr (BdxRow) r = bdx_row_new ();
  BdxColumn *c = bdx_column_new ("a", NULL, BDX_SIDE_INCOME);
  BdxOutlineNode *n = bdx_outline_node_new ("一、", 2, 7);
  BdxProject *p = bdx_project_new ();
  BdxAllocation *a = bdx_allocation_new (NULL, BDX_MONEY_BLANK);
  BdxPerformance *perf = bdx_performance_new ();
  BdxIndicator *i = bdx_indicator_new ();
  BdxFact *f = bdx_fact_new ("k");
  BdxCheck *check = bdx_check_new ("x");

  g_assert_null (d->source.path);
  g_assert_cmpuint (d->source.text_pages->len, ==, 0);
  g_assert_cmpuint (g_array_get_element_size (d->source.text_pages), ==,
                    sizeof (int));
  g_assert_cmpuint (d->source.ocr_pages->len, ==, 0);
  g_assert_cmpint (d->kind, ==, BDX_KIND_UNKNOWN);
  g_assert_cmpint (d->year, ==, 0);
  g_assert_cmpint (d->unit, ==, BDX_UNIT_UNKNOWN);
  g_assert_cmpuint (d->overview.functions->len, ==, 0);
  g_assert_cmpuint (d->overview.divisions->len, ==, 0);
  g_assert_cmpint (d->overview.subordinate_units, ==, -1);
  g_assert_false (d->overview.staffing_present);
  g_assert_cmpuint (d->overview.staffing.present, ==, 0);
  g_assert_cmpuint (d->outline->len, ==, 0);
  g_assert_cmpuint (d->tables->len, ==, 0);
  g_assert_cmpuint (d->projects->len, ==, 0);
  g_assert_cmpuint (d->performance->len, ==, 0);
  g_assert_cmpuint (d->facts->len, ==, 0);
  g_assert_cmpuint (d->checks->len, ==, 0);
  g_assert_cmpuint (d->notices->len, ==, 0);

  g_assert_null (t->id);
  g_assert_cmpuint (t->pages->len, ==, 0);
  g_assert_cmpuint (t->columns->len, ==, 0);
  g_assert_cmpuint (t->rows->len, ==, 0);
  g_assert_false (t->empty);

  g_assert_cmpint (r->kind, ==, BDX_ROW_ITEM);
  g_assert_cmpuint (r->values->len, ==, 0);
  g_assert_cmpuint (g_array_get_element_size (r->values), ==,
                    sizeof (BdxMoney));

  g_assert_cmpstr (c->id, ==, "a");
  g_assert_null (c->header);
  g_assert_cmpint (c->side, ==, BDX_SIDE_INCOME);

  g_assert_cmpstr (n->heading, ==, "一、");
  g_assert_cmpint (n->level, ==, 2);
  g_assert_cmpint (n->page, ==, 7);
  g_assert_cmpuint (n->children->len, ==, 0);

  assert_blank (p->amount);
  g_assert_cmpuint (p->allocation->len, ==, 0);
  g_assert_null (a->item);
  assert_blank (a->amount);
  assert_blank (perf->funds_total);
  assert_blank (perf->funds_fiscal);
  assert_blank (perf->funds_other);
  g_assert_cmpuint (perf->indicators->len, ==, 0);
  g_assert_cmpuint (perf->pages->len, ==, 0);
  g_assert_cmpint (i->weight, ==, -1);
  g_assert_cmpstr (f->key, ==, "k");
  assert_blank (f->value);
  g_assert_cmpint (f->count, ==, -1);
  g_assert_cmpstr (check->id, ==, "x");
  g_assert_cmpint (check->status, ==, BDX_CHECK_PASSED);

  bdx_column_free (c);
  bdx_outline_node_free (n);
  bdx_project_free (p);
  bdx_allocation_free (a);
  bdx_performance_free (perf);
  bdx_indicator_free (i);
  bdx_fact_free (f);
  bdx_check_free (check);
}

/* The leak checker proves this frees everything. */
static void
test_free_tree (void)
{
  BdxDisclosure *d = make_full_disclosure ();
  g_autoptr (BdxTable) t = make_table ("t", 1);
  g_autoptr (BdxRow) r = bdx_row_new ();

  g_assert_cmpuint (d->tables->len, ==, 2);
  bdx_disclosure_free (d);

  /* Parts freed on their own, by g_autoptr. */
  g_assert_cmpuint (t->rows->len, ==, 2);

  g_array_append_val (r->values, ((BdxMoney){ 1, 0, TRUE }));
  r->code = g_strdup ("201");
}

static void
test_free_null (void)
{
  bdx_disclosure_free (NULL);
  bdx_table_free (NULL);
  bdx_column_free (NULL);
  bdx_row_free (NULL);
  bdx_outline_node_free (NULL);
  bdx_project_free (NULL);
  bdx_allocation_free (NULL);
  bdx_performance_free (NULL);
  bdx_indicator_free (NULL);
  bdx_fact_free (NULL);
  bdx_check_free (NULL);
}

/* A free function meets an object whose arrays were taken away. */
static void
test_free_partial (void)
{
  BdxDisclosure *d = bdx_disclosure_new ();
  BdxTable *t = bdx_table_new ();

  g_clear_pointer (&d->tables, g_ptr_array_unref);
  g_clear_pointer (&d->source.text_pages, g_array_unref);
  g_clear_pointer (&t->rows, g_ptr_array_unref);
  bdx_disclosure_free (d);
  bdx_table_free (t);
}

static void
test_lookup_table (void)
{
  g_autoptr (BdxDisclosure) d = bdx_disclosure_new ();
  BdxTable *unknown = bdx_table_new ();
  BdxTable *first = make_table ("income_summary", 2);
  BdxTable *second = make_table ("income_summary", 3);

  g_assert_null (bdx_disclosure_lookup_table (d, "income_summary"));
  g_ptr_array_add (d->tables, unknown); /* id NULL: never matches */
  g_ptr_array_add (d->tables, make_table ("expenditure_summary", 1));
  g_ptr_array_add (d->tables, first);
  g_ptr_array_add (d->tables, second);

  g_assert_true (bdx_disclosure_lookup_table (d, "income_summary") == first);
  g_assert_cmpint (bdx_disclosure_lookup_table (d, "expenditure_summary")
                       ->number, ==, 1);
  g_assert_null (bdx_disclosure_lookup_table (d, "income"));
  g_assert_null (bdx_disclosure_lookup_table (d, ""));
}

static void
test_lookup_column (void)
{
  g_autoptr (BdxTable) t = bdx_table_new ();

  g_assert_cmpint (bdx_table_lookup_column (t, "total", BDX_SIDE_NONE), ==,
                   -1);

  /* Two-sided: income columns first, then expenditure ones. */
  g_ptr_array_add (t->columns, bdx_column_new (NULL, "?", BDX_SIDE_INCOME));
  g_ptr_array_add (t->columns,
                   bdx_column_new ("budget", "预算数", BDX_SIDE_INCOME));
  g_ptr_array_add (t->columns,
                   bdx_column_new ("total", "合计", BDX_SIDE_EXPENDITURE));
  g_ptr_array_add (t->columns,
                   bdx_column_new ("budget", "预算数", BDX_SIDE_EXPENDITURE));
  g_ptr_array_add (t->columns,
                   bdx_column_new ("other", "其他", BDX_SIDE_NONE));

  g_assert_cmpint (bdx_table_lookup_column (t, "budget", BDX_SIDE_NONE), ==, 1);
  g_assert_cmpint (bdx_table_lookup_column (t, "budget", BDX_SIDE_INCOME), ==,
                   1);
  g_assert_cmpint (
      bdx_table_lookup_column (t, "budget", BDX_SIDE_EXPENDITURE), ==, 3);
  g_assert_cmpint (bdx_table_lookup_column (t, "total", BDX_SIDE_NONE), ==, 2);
  g_assert_cmpint (bdx_table_lookup_column (t, "total", BDX_SIDE_INCOME), ==,
                   -1);
  /* A side-less column matches only a side-less query. */
  g_assert_cmpint (bdx_table_lookup_column (t, "other", BDX_SIDE_NONE), ==, 4);
  g_assert_cmpint (bdx_table_lookup_column (t, "other", BDX_SIDE_INCOME), ==,
                   -1);
  g_assert_cmpint (bdx_table_lookup_column (t, "missing", BDX_SIDE_NONE), ==,
                   -1);
}

static void
test_lookup_preconditions (void)
{
  g_autoptr (BdxTable) t = bdx_table_new ();

  g_test_expect_message ("bdx", G_LOG_LEVEL_CRITICAL, "*id != NULL*");
  g_assert_cmpint (bdx_table_lookup_column (t, NULL, BDX_SIDE_NONE), ==, -1);
  g_test_assert_expected_messages ();

  g_test_expect_message ("bdx", G_LOG_LEVEL_CRITICAL, "*d != NULL*");
  g_assert_null (bdx_disclosure_lookup_table (NULL, "x"));
  g_test_assert_expected_messages ();
}

static void
test_names (void)
{
  g_assert_cmpstr (bdx_document_kind_name (BDX_KIND_BUDGET), ==, "budget");
  g_assert_cmpstr (bdx_document_kind_name (BDX_KIND_FINAL_ACCOUNTS), ==,
                   "final_accounts");
  g_assert_null (bdx_document_kind_name (BDX_KIND_UNKNOWN));
  g_assert_null (bdx_document_kind_name ((BdxDocumentKind) 99));

  g_assert_cmpstr (bdx_side_name (BDX_SIDE_INCOME), ==, "income");
  g_assert_cmpstr (bdx_side_name (BDX_SIDE_EXPENDITURE), ==, "expenditure");
  g_assert_null (bdx_side_name (BDX_SIDE_NONE));
  g_assert_null (bdx_side_name ((BdxSide) 99));

  g_assert_cmpstr (bdx_check_status_name (BDX_CHECK_PASSED), ==, "passed");
  g_assert_cmpstr (bdx_check_status_name (BDX_CHECK_WITHIN_ROUNDING), ==,
                   "within_rounding");
  g_assert_cmpstr (bdx_check_status_name (BDX_CHECK_FAILED), ==, "failed");
  g_assert_null (bdx_check_status_name ((BdxCheckStatus) 99));

  g_assert_cmpstr (BDX_FORMAT, ==, "bdx.disclosure/1");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/disclosure/new-defaults", test_new_defaults);
  g_test_add_func ("/disclosure/free-tree", test_free_tree);
  g_test_add_func ("/disclosure/free-null", test_free_null);
  g_test_add_func ("/disclosure/free-partial", test_free_partial);
  g_test_add_func ("/disclosure/lookup-table", test_lookup_table);
  g_test_add_func ("/disclosure/lookup-column", test_lookup_column);
  g_test_add_func ("/disclosure/lookup-preconditions",
                   test_lookup_preconditions);
  g_test_add_func ("/disclosure/names", test_names);

  return g_test_run ();
}
