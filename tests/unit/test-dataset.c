/* Unit tests for bdx/dataset.h: a hand-built disclosure stored and read
 * back with SQL (every part, blanks, a two-sided table), replacement in
 * one transaction, failures, the path cache, merging, export, schema
 * versions and the directory lock.  Expected values come from the
 * disclosure built here, not from bdx's output. */
#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "bdx/dataset.h"
#include "bdx/error.h"
#include "digest.h"

#define SHA_A "aaaa000000000000000000000000000000000000000000000000000000000000"
#define SHA_B "bbbb000000000000000000000000000000000000000000000000000000000000"
#define SHA_C "cccc000000000000000000000000000000000000000000000000000000000000"

static BdxMoney
money (gint64 fen, gint8 decimals)
{
  return (BdxMoney){ .fen = fen, .decimals = decimals, .present = TRUE };
}

static BdxRow *
make_row (BdxRowKind kind, const char *code, const char *name, BdxSide side,
          const BdxMoney *values, guint n)
{
  BdxRow *r = bdx_row_new ();
  r->kind = kind;
  r->code = g_strdup (code);
  r->level = code ? (int)strlen (code) / 2 : 0;
  r->name = g_strdup (name);
  r->side = side;
  g_array_append_vals (r->values, values, n);
  r->page = 7;
  return r;
}

/* 三公 table in 万元: 合计 3.10 = 出国 (blank) + 接待 0.80 + 车 2.30. */
static BdxTable *
make_three_public (void)
{
  BdxTable *t = bdx_table_new ();
  t->id = g_strdup ("three_public_expenses");
  t->number = 10;
  t->title = g_strdup ("财政拨款“三公”经费支出情况表");
  t->unit = BDX_UNIT_WAN_YUAN;
  int page = 15;
  g_array_append_val (t->pages, page);
  g_ptr_array_add (t->columns, bdx_column_new ("total", "合计", BDX_SIDE_NONE));
  g_ptr_array_add (t->columns, bdx_column_new ("general_budget",
                                               "资金来源/一般公共预算",
                                               BDX_SIDE_NONE));
  BdxMoney total[] = { money (3100000, 2), money (3100000, 2) };
  BdxMoney blank[] = { BDX_MONEY_BLANK, BDX_MONEY_BLANK };
  BdxMoney recep[] = { money (800000, 2), money (800000, 2) };
  BdxMoney cars[] = { money (2300000, 2), money (2300000, 2) };
  g_ptr_array_add (t->rows, make_row (BDX_ROW_TOTAL, NULL, "合计",
                                      BDX_SIDE_NONE, total, 2));
  g_ptr_array_add (t->rows, make_row (BDX_ROW_ITEM, NULL, "因公出国(境)费",
                                      BDX_SIDE_NONE, blank, 2));
  g_ptr_array_add (t->rows, make_row (BDX_ROW_ITEM, NULL, "公务接待费",
                                      BDX_SIDE_NONE, recep, 2));
  g_ptr_array_add (t->rows, make_row (BDX_ROW_ITEM, NULL,
                                      "公务用车购置及运行费(小计)",
                                      BDX_SIDE_NONE, cars, 2));
  g_ptr_array_add (t->rows, make_row (BDX_ROW_ITEM, NULL,
                                      "其中:公务用车购置费", BDX_SIDE_NONE,
                                      blank, 2));
  g_ptr_array_add (t->rows, make_row (BDX_ROW_ITEM, NULL, "公务用车运行费",
                                      BDX_SIDE_NONE, cars, 2));
  return t;
}

/* Two-sided: one income column, two expenditure columns. */
static BdxTable *
make_two_sided (void)
{
  BdxTable *t = bdx_table_new ();
  t->id = g_strdup ("fiscal_summary");
  t->unit = BDX_UNIT_WAN_YUAN;
  g_ptr_array_add (t->columns, bdx_column_new ("total", "合计",
                                               BDX_SIDE_INCOME));
  g_ptr_array_add (t->columns, bdx_column_new ("total", "合计",
                                               BDX_SIDE_EXPENDITURE));
  g_ptr_array_add (t->columns, bdx_column_new ("general_budget",
                                               "一般公共预算",
                                               BDX_SIDE_EXPENDITURE));
  BdxMoney in[] = { money (100, 0) };
  BdxMoney out[] = { money (100, 0), money (90, 0) };
  g_ptr_array_add (t->rows, make_row (BDX_ROW_ITEM, NULL, "一般公共预算拨款",
                                      BDX_SIDE_INCOME, in, 1));
  g_ptr_array_add (t->rows, make_row (BDX_ROW_ITEM, "208", "社会保障和就业支出",
                                      BDX_SIDE_EXPENDITURE, out, 2));
  return t;
}

static BdxTable *
make_expenditure (void)
{
  BdxTable *t = bdx_table_new ();
  t->id = g_strdup ("expenditure_summary");
  t->unit = BDX_UNIT_WAN_YUAN;
  g_ptr_array_add (t->columns, bdx_column_new ("total", "合计", BDX_SIDE_NONE));
  g_ptr_array_add (t->columns, bdx_column_new ("basic", "基本支出",
                                               BDX_SIDE_NONE));
  g_ptr_array_add (t->columns, bdx_column_new ("project", "项目支出",
                                               BDX_SIDE_NONE));
  BdxMoney v[] = { money (18380000, 2), money (18380000, 2), BDX_MONEY_BLANK };
  g_ptr_array_add (t->rows, make_row (BDX_ROW_ITEM, "2080505",
                                      "机关事业单位基本养老保险缴费支出",
                                      BDX_SIDE_NONE, v, 3));
  return t;
}

static BdxDisclosure *
make_disclosure (const char *sha, const char *department, int year)
{
  BdxDisclosure *d = bdx_disclosure_new ();
  d->source.path = g_strdup ("doc.pdf");
  d->source.sha256 = g_strdup (sha);
  d->source.pages = 20;
  d->kind = BDX_KIND_BUDGET;
  d->year = year;
  d->department = g_strdup (department);
  d->unit = BDX_UNIT_WAN_YUAN;
  d->overview.subordinate_units = -1;
  g_ptr_array_add (d->overview.functions, g_strdup ("职能一"));
  d->overview.staffing.authorized = 33;
  d->overview.staffing.present = 1;
  d->overview.staffing_present = TRUE;
  BdxOutlineNode *root = bdx_outline_node_new ("第一部分", 1, 3);
  g_ptr_array_add (root->children, bdx_outline_node_new ("一、职能", 2, 3));
  g_ptr_array_add (d->outline, root);
  g_ptr_array_add (d->tables, make_expenditure ());
  g_ptr_array_add (d->tables, make_two_sided ());
  g_ptr_array_add (d->tables, make_three_public ());

  BdxProject *p = bdx_project_new ();
  p->name = g_strdup ("项目A");
  p->amount = money (62400000, 2);
  g_ptr_array_add (p->allocation, bdx_allocation_new ("设备", money (100, 0)));
  g_ptr_array_add (p->allocation, bdx_allocation_new ("服务", BDX_MONEY_BLANK));
  g_ptr_array_add (d->projects, p);

  BdxPerformance *pf = bdx_performance_new ();
  pf->scope = g_strdup ("project");
  pf->project = g_strdup ("项目A");
  BdxIndicator *in = bdx_indicator_new ();
  in->name = g_strdup ("服务器数");
  in->value = g_strdup ("3");
  in->weight = -1;
  g_ptr_array_add (pf->indicators, in);
  g_ptr_array_add (d->performance, pf);

  BdxFact *f = bdx_fact_new ("three_public_total");
  f->value = money (3100000, 2);
  f->count = -1;
  f->share = g_strdup ("44.72");
  g_ptr_array_add (d->facts, f);
  BdxCheck *c = bdx_check_new ("expenditure_summary.row_total");
  c->status = BDX_CHECK_FAILED;
  c->expected = 1;
  c->actual = 2;
  g_ptr_array_add (d->checks, c);
  g_ptr_array_add (d->notices, g_strdup ("page 7 has no text layer"));
  return d;
}

/* ---- helpers ------------------------------------------------------------- */

static void
rm_rf (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      GDir *d = g_dir_open (path, 0, NULL);
      const char *n;
      while (d && (n = g_dir_read_name (d)))
        {
          g_autofree char *child = g_build_filename (path, n, NULL);
          rm_rf (child);
        }
      if (d)
        g_dir_close (d);
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

typedef struct
{
  char *dir;
  char *db;
} Fixture;

static void
fixture_setup (Fixture *fx, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  fx->dir = g_dir_make_tmp ("bdx-dataset-XXXXXX", &error);
  g_assert_no_error (error);
  fx->db = g_build_filename (fx->dir, BDX_DATASET_FILE, NULL);
}

static void
fixture_teardown (Fixture *fx, gconstpointer data)
{
  rm_rf (fx->dir);
  g_free (fx->dir);
  g_free (fx->db);
}

/* One integer from SQL run directly on the file (as a researcher would). */
static gint64
query_int (const char *db, const char *sql)
{
  sqlite3 *h = NULL;
  g_assert_cmpint (sqlite3_open_v2 (db, &h, SQLITE_OPEN_READONLY, NULL), ==,
                   SQLITE_OK);
  sqlite3_stmt *st = NULL;
  int rc = sqlite3_prepare_v2 (h, sql, -1, &st, NULL);
  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (h));
  gint64 v = G_MININT64;
  if (sqlite3_step (st) == SQLITE_ROW
      && sqlite3_column_type (st, 0) != SQLITE_NULL)
    v = sqlite3_column_int64 (st, 0);
  sqlite3_finalize (st);
  sqlite3_close (h);
  return v;
}

#define NULL_VALUE G_MININT64

static void
put_doc (BdxDataset *ds, const char *sha, const char *department, int year)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BdxDisclosure) d = make_disclosure (sha, department, year);
  BdxDatasetPath path = { "in/doc.pdf", 1234, 42 };
  BdxDatasetEntry e = { 0 };
  e.sha256 = sha;
  e.path = "in/doc.pdf";
  e.size = 1234;
  e.paths = &path;
  e.n_paths = 1;
  e.json = "json/aa/x.json";
  e.elapsed_ms = 5;
  g_assert_true (bdx_dataset_put (ds, &e, d, &error));
  g_assert_no_error (error);
}

static void
put_failure (BdxDataset *ds, const char *sha, const char *reason)
{
  g_autoptr (GError) error = NULL;
  BdxDatasetEntry e = { 0 };
  e.sha256 = sha;
  e.path = "in/bad.pdf";
  e.reason = reason;
  e.error = "killed by signal 11";
  e.elapsed_ms = -1;
  g_assert_true (bdx_dataset_put (ds, &e, NULL, &error));
  g_assert_no_error (error);
}

/* ---- tests --------------------------------------------------------------- */

static void
test_put_and_query (Fixture *fx, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BdxDataset) ds = bdx_dataset_open (fx->db, FALSE, &error);
  g_assert_no_error (error);
  put_doc (ds, SHA_A, "甲局", 2026);

  BdxDocStatus status = BDX_DOC_ABSENT;
  g_assert_true (bdx_dataset_lookup_status (ds, SHA_A, &status, &error));
  g_assert_cmpint (status, ==, BDX_DOC_OK);
  g_assert_true (bdx_dataset_lookup_status (ds, SHA_B, &status, &error));
  g_assert_cmpint (status, ==, BDX_DOC_ABSENT);

  /* The two questions of docs/dataset.md. */
  g_assert_cmpint (query_int (fx->db,
                              "SELECT SUM(total) FROM v_three_public"
                              " WHERE department = '甲局' AND year = 2026"),
                   ==, 3100000);
  g_assert_cmpint (query_int (fx->db, "SELECT abroad FROM v_three_public"),
                   ==, NULL_VALUE);
  g_assert_cmpint (query_int (fx->db, "SELECT reception FROM v_three_public"),
                   ==, 800000);
  g_assert_cmpint (query_int (fx->db,
                              "SELECT vehicle_operation FROM v_three_public"),
                   ==, 2300000);
  g_assert_cmpint (query_int (fx->db,
                              "SELECT vehicle_purchase FROM v_three_public"),
                   ==, NULL_VALUE);
  g_assert_cmpint (query_int (fx->db,
                              "SELECT amount FROM v_amounts WHERE code ="
                              " '2080505' AND column_id = 'total'"),
                   ==, 18380000);
  /* A blank is NULL, not 0, and still a row. */
  g_assert_cmpint (query_int (fx->db,
                              "SELECT count(*) FROM v_amounts WHERE code ="
                              " '2080505' AND amount IS NULL"),
                   ==, 1);
  /* Two-sided: the expenditure row's 2nd value is the expenditure
   * general_budget column (table index 2 of 0..2). */
  g_assert_cmpint (query_int (fx->db,
                              "SELECT column_index FROM v_amounts WHERE"
                              " table_id = 'fiscal_summary' AND amount = 90"),
                   ==, 2);
  g_assert_cmpint (query_int (fx->db,
                              "SELECT count(*) FROM v_amounts WHERE"
                              " table_id = 'fiscal_summary'"),
                   ==, 3);
  /* The wide views. */
  g_assert_cmpint (query_int (fx->db,
                              "SELECT basic FROM v_expenditure_summary"
                              " WHERE code = '2080505'"),
                   ==, 18380000);
  g_assert_cmpint (query_int (fx->db,
                              "SELECT total FROM v_three_public_expenses"
                              " WHERE row_kind = 'total'"),
                   ==, 3100000);
  /* Every part. */
  g_assert_cmpint (query_int (fx->db, "SELECT count(*) FROM outline"), ==, 2);
  g_assert_cmpint (query_int (fx->db, "SELECT parent_index FROM outline"
                                      " WHERE node_index = 1"),
                   ==, 0);
  g_assert_cmpint (query_int (fx->db, "SELECT authorized FROM overview"), ==,
                   33);
  g_assert_cmpint (query_int (fx->db, "SELECT actual FROM overview"), ==,
                   NULL_VALUE);
  g_assert_cmpint (query_int (fx->db, "SELECT count(*) FROM overview_items"),
                   ==, 1);
  g_assert_cmpint (query_int (fx->db, "SELECT amount FROM projects"), ==,
                   62400000);
  g_assert_cmpint (query_int (fx->db, "SELECT count(*) FROM allocations"
                                      " WHERE amount IS NULL"),
                   ==, 1);
  g_assert_cmpint (query_int (fx->db, "SELECT CAST(value AS INTEGER)"
                                      " FROM indicators"),
                   ==, 3);
  g_assert_cmpint (query_int (fx->db, "SELECT weight FROM indicators"), ==,
                   NULL_VALUE);
  g_assert_cmpint (query_int (fx->db, "SELECT amount FROM facts WHERE key ="
                                      " 'three_public_total'"),
                   ==, 3100000);
  g_assert_cmpint (query_int (fx->db, "SELECT checks_failed FROM documents"),
                   ==, 1);
  g_assert_cmpint (query_int (fx->db, "SELECT count(*) FROM checks WHERE"
                                      " status = 'failed'"),
                   ==, 1);
  g_assert_cmpint (query_int (fx->db, "SELECT count(*) FROM notices"), ==, 1);
  g_assert_cmpint (query_int (fx->db, "SELECT count(*) FROM document_paths"),
                   ==, 1);
}

static void
test_replace (Fixture *fx, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BdxDataset) ds = bdx_dataset_open (fx->db, FALSE, &error);
  g_assert_no_error (error);
  put_doc (ds, SHA_A, "甲局", 2026);
  gint64 amounts = query_int (fx->db, "SELECT count(*) FROM amounts");
  put_doc (ds, SHA_A, "甲局", 2026);
  g_assert_cmpint (query_int (fx->db, "SELECT count(*) FROM documents"), ==, 1);
  g_assert_cmpint (query_int (fx->db, "SELECT count(*) FROM amounts"), ==,
                   amounts);
  /* A failure replaces the data too, and keeps the paths. */
  put_failure (ds, SHA_A, "crash");
  g_assert_cmpint (query_int (fx->db, "SELECT count(*) FROM amounts"), ==, 0);
  g_assert_cmpint (query_int (fx->db, "SELECT count(*) FROM document_paths"),
                   ==, 1);
  BdxDocStatus status;
  g_assert_true (bdx_dataset_lookup_status (ds, SHA_A, &status, &error));
  g_assert_cmpint (status, ==, BDX_DOC_FAILED);
  g_assert_cmpint (query_int (fx->db, "SELECT count(*) FROM v_failures"
                                      " WHERE reason = 'crash'"),
                   ==, 1);
}

static void
test_paths_and_errors (Fixture *fx, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BdxDataset) ds = bdx_dataset_open (fx->db, FALSE, &error);
  g_assert_no_error (error);
  BdxDatasetPath p = { "x/copy.pdf", 10, 99 };
  g_assert_true (bdx_dataset_set_input_error (ds, "x/copy.pdf", "unreadable",
                                              "cannot open", &error));
  g_assert_cmpint (query_int (fx->db, "SELECT count(*) FROM errors"), ==, 1);
  g_assert_true (bdx_dataset_add_path (ds, SHA_B, &p, &error));
  /* Readable now: its error is forgotten. */
  g_assert_cmpint (query_int (fx->db, "SELECT count(*) FROM errors"), ==, 0);
  g_autofree char *sha = bdx_dataset_lookup_path (ds, "x/copy.pdf", 10, 99);
  g_assert_cmpstr (sha, ==, SHA_B);
  g_autofree char *changed = bdx_dataset_lookup_path (ds, "x/copy.pdf", 10, 100);
  g_assert_null (changed);
}

static void
test_merge (Fixture *fx, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *db2 = g_build_filename (fx->dir, "other.sqlite", NULL);
  g_autoptr (BdxDataset) a = bdx_dataset_open (fx->db, FALSE, &error);
  g_autoptr (BdxDataset) b = bdx_dataset_open (db2, FALSE, &error);
  g_assert_no_error (error);
  put_doc (a, SHA_A, "甲局", 2026);
  put_failure (a, SHA_B, "timeout");
  put_doc (b, SHA_B, "乙局", 2025);
  put_doc (b, SHA_C, "丙局", 2026);
  put_doc (b, SHA_A, "甲局", 2026);
  g_assert_true (bdx_dataset_set_input_error (b, "gone.pdf", "unreadable",
                                              "cannot open", &error));

  BdxMergeStats st;
  g_assert_true (bdx_dataset_merge (a, db2, NULL, &st, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (st.added, ==, 1);
  g_assert_cmpuint (st.replaced, ==, 1);
  g_assert_cmpuint (st.kept, ==, 1);
  g_assert_cmpint (query_int (fx->db, "SELECT count(*) FROM documents"), ==, 3);
  g_assert_cmpint (query_int (fx->db, "SELECT count(*) FROM documents WHERE"
                                      " status = 'failed'"),
                   ==, 0);
  gint64 amounts = query_int (fx->db, "SELECT count(*) FROM amounts");
  g_assert_cmpint (amounts, ==,
                   query_int (db2, "SELECT count(*) FROM amounts"));
  g_assert_cmpint (query_int (fx->db, "SELECT SUM(total) FROM v_three_public"
                                      " WHERE year = 2026"),
                   ==, 6200000);
  g_assert_cmpint (query_int (fx->db, "SELECT count(*) FROM errors"), ==, 1);

  /* Again: nothing changes. */
  g_assert_true (bdx_dataset_merge (a, db2, NULL, &st, &error));
  g_assert_cmpuint (st.added + st.replaced, ==, 0);
  g_assert_cmpint (query_int (fx->db, "SELECT count(*) FROM amounts"), ==,
                   amounts);
  /* Into itself: refused. */
  g_assert_false (bdx_dataset_merge (a, fx->db, NULL, &st, &error));
  g_assert_error (error, BDX_ERROR, BDX_ERROR_ARGUMENT);
}

static char *
export_to_string (BdxDataset *ds, const BdxExportOptions *opts,
                  GError **error)
{
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream (&buf, &len);
  gboolean ok = bdx_dataset_export (ds, opts, f, error);
  fclose (f);
  if (!ok)
    {
      free (buf);
      return NULL;
    }
  char *s = g_strndup (buf, len);
  free (buf);
  return s;
}

static void
test_export (Fixture *fx, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BdxDataset) ds = bdx_dataset_open (fx->db, FALSE, &error);
  g_assert_no_error (error);
  put_doc (ds, SHA_A, "甲局", 2026);

  BdxExportOptions o = { 0 };
  g_autofree char *csv = export_to_string (ds, &o, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (csv, "sha256,department,year,kind,"));
  g_assert_null (strstr (csv, "document_id"));
  /* The blank project cell of 2080505: an empty field, not 0. */
  g_assert_nonnull (strstr (csv, ",project,项目支出,,7\r\n"));

  o.format = BDX_EXPORT_JSONL;
  g_autofree char *jsonl = export_to_string (ds, &o, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (jsonl, "{\"sha256\":\"" SHA_A "\""));
  g_assert_nonnull (strstr (jsonl, "\"column_id\":\"project\",\"header\":"
                                   "\"项目支出\",\"amount\":null"));

  o.format = BDX_EXPORT_CSV;
  o.table_id = "fiscal_summary";
  g_autofree char *wide = export_to_string (ds, &o, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (wide, ",income_total,expenditure_total,"
                                  "expenditure_general_budget\r\n"));
  g_assert_nonnull (strstr (wide, ",income,7,100,,\r\n"));
  g_assert_nonnull (strstr (wide, ",expenditure,7,,100,90\r\n"));

  o.table_id = "no_such_table";
  g_autofree char *none = export_to_string (ds, &o, &error);
  g_assert_null (none);
  g_assert_error (error, BDX_ERROR, BDX_ERROR_ARGUMENT);
  g_clear_error (&error);

  o.table_id = NULL;
  o.relation = "documents; DROP TABLE documents";
  g_assert_null (export_to_string (ds, &o, &error));
  g_assert_error (error, BDX_ERROR, BDX_ERROR_ARGUMENT);
  g_clear_error (&error);
  o.relation = "v_three_public";
  g_autofree char *view = export_to_string (ds, &o, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (view, "document_id,sha256,"));
}

static void
test_versions (Fixture *fx, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  BdxDataset *ds = bdx_dataset_open (fx->db, FALSE, &error);
  g_assert_no_error (error);
  bdx_dataset_free (ds);
  sqlite3 *h = NULL;
  sqlite3_open (fx->db, &h);
  sqlite3_exec (h, "UPDATE meta SET value = '99' WHERE key = 'schema_version'",
                NULL, NULL, NULL);
  sqlite3_close (h);
  g_assert_null (bdx_dataset_open (fx->db, FALSE, &error));
  g_assert_error (error, BDX_ERROR, BDX_ERROR_UNSUPPORTED);
  g_clear_error (&error);

  g_autofree char *text = g_build_filename (fx->dir, "text.sqlite", NULL);
  g_assert_true (g_file_set_contents (text, "hello, not a database\n"
                                            "0123456789012345678901234567890"
                                            "1234567890123456789012345678901",
                                      -1, NULL));
  g_assert_null (bdx_dataset_open (text, FALSE, &error));
  g_assert_error (error, BDX_ERROR, BDX_ERROR_FORMAT);
  g_clear_error (&error);

  g_autofree char *missing = g_build_filename (fx->dir, "none.sqlite", NULL);
  g_assert_null (bdx_dataset_open (missing, TRUE, &error));
  g_assert_error (error, BDX_ERROR, BDX_ERROR_IO);
}

static void
test_lock (Fixture *fx, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_build_filename (fx->dir, "out", NULL);
  g_autoptr (BdxDataset) a = bdx_dataset_open_dir (dir, &error);
  g_assert_no_error (error);
  g_assert_null (bdx_dataset_open_dir (dir, &error));
  g_assert_error (error, BDX_ERROR, BDX_ERROR_IO);
  g_clear_error (&error);
  g_clear_pointer (&a, bdx_dataset_free);
  g_autoptr (BdxDataset) b = bdx_dataset_open_dir (dir, &error);
  g_assert_no_error (error);
  g_assert_nonnull (b);
}

/* A document's identity: FIPS 180-2's test vectors, whole and fed in
 * pieces that do not fall on block boundaries. */
static void
test_sha256 (void)
{
  g_autofree char *abc = bdx__sha256_hex_of ("abc", 3);
  g_assert_cmpstr (abc, ==,
                   "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  g_autofree char *empty = bdx__sha256_hex_of ("", 0);
  g_assert_cmpstr (empty, ==,
                   "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  const char *msg = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
  BdxSha256 s;
  bdx__sha256_init (&s);
  for (const char *p = msg; *p; p += MIN (strlen (p), 7))
    bdx__sha256_update (&s, p, MIN (strlen (p), 7));
  g_autofree char *pieces = bdx__sha256_hex (&s);
  g_assert_cmpstr (pieces, ==,
                   "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(name, fn)                                                          \
  g_test_add ("/dataset/" name, Fixture, NULL, fixture_setup, fn,              \
              fixture_teardown)
  ADD ("put-and-query", test_put_and_query);
  ADD ("replace", test_replace);
  ADD ("paths-and-errors", test_paths_and_errors);
  ADD ("merge", test_merge);
  ADD ("export", test_export);
  ADD ("versions", test_versions);
  ADD ("lock", test_lock);
  g_test_add_func ("/dataset/sha256", test_sha256);
  return g_test_run ();
}
