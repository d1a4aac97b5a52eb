/* bdx — the dataset: disclosures in SQLite (bdx/dataset.h).
 *
 * The schema, documented for its users in docs/dataset.md:
 *
 *   documents ─┬─ tables ─┬─ table_columns        (per table)
 *   (one row    │          ├─ table_rows           (per table)
 *   per hash)   │          └─ amounts              (row × column, tidy)
 *               ├─ projects ── allocations
 *               ├─ performance ── indicators
 *               ├─ facts, checks, notices, outline
 *               └─ overview, overview_items
 *   document_paths   path → hash (several paths may hold one document)
 *   errors           inputs that could not be read at all (no hash)
 *
 * Every child table references documents(id) ON DELETE CASCADE and is
 * keyed by (document_id, index in the document, ...), so replacing a
 * document is one DELETE and the inserts, in one transaction.  Ids are
 * local to one database; the hash is the identity across databases, and
 * merging maps ids through it.
 *
 * The views (v_amounts, v_three_public, v_<table id>) are the common
 * queries, defined once here so that every researcher gets the same
 * answer.
 */
#include "bdx/dataset.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "bdx/error.h"
#include "bdx/pipeline.h"
#include "bdx/validate.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

struct _BdxDataset
{
  sqlite3 *db;
  char *path;
  gboolean readonly;
  int lock_fd; /* the directory's lock, or -1 */
  GHashTable *stmts; /* static SQL text (by address) → sqlite3_stmt* */
};

/* ---- the schema ---------------------------------------------------------- */

static const char schema_sql[] =
  "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);\n"
  "CREATE TABLE documents (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  sha256 TEXT NOT NULL UNIQUE,\n"
  "  path TEXT,\n"
  "  size INTEGER,\n"
  "  status TEXT NOT NULL\n"
  "    CHECK (status IN ('ok', 'not_disclosure', 'failed')),\n"
  "  reason TEXT,\n"
  "  error TEXT,\n"
  "  kind TEXT,\n"
  "  year INTEGER,\n"
  "  department TEXT,\n"
  "  published TEXT,\n"
  "  unit TEXT,\n"
  "  template TEXT,\n"
  "  patterns TEXT,\n"
  "  pages INTEGER,\n"
  "  text_pages INTEGER,\n"
  "  ocr_pages INTEGER,\n"
  "  n_tables INTEGER,\n"
  "  checks INTEGER,\n"
  "  checks_passed INTEGER,\n"
  "  checks_within_rounding INTEGER,\n"
  "  checks_failed INTEGER,\n"
  "  json TEXT,\n"
  "  bdx_version TEXT,\n"
  "  elapsed_ms INTEGER,\n"
  "  max_rss_kb INTEGER,\n"
  "  harvested_at TEXT);\n"
  "CREATE INDEX documents_department_year ON documents (department, year);\n"
  "CREATE INDEX documents_year ON documents (year, kind);\n"
  "CREATE INDEX documents_status ON documents (status, reason);\n"
  "CREATE INDEX documents_template ON documents (template);\n"
  "CREATE TABLE document_paths (\n"
  "  path TEXT PRIMARY KEY,\n"
  "  sha256 TEXT NOT NULL,\n"
  "  size INTEGER,\n"
  "  mtime_ns INTEGER);\n"
  "CREATE INDEX document_paths_sha256 ON document_paths (sha256);\n"
  "CREATE TABLE errors (\n"
  "  path TEXT PRIMARY KEY,\n"
  "  reason TEXT NOT NULL,\n"
  "  error TEXT);\n"
  "CREATE TABLE overview (\n"
  "  document_id INTEGER PRIMARY KEY\n"
  "    REFERENCES documents (id) ON DELETE CASCADE,\n"
  "  subordinate_units INTEGER,\n"
  "  authorized INTEGER, actual INTEGER, in_service INTEGER,\n"
  "  retired INTEGER, retired_cadre INTEGER,\n"
  "  in_service_increase INTEGER, retired_increase INTEGER,\n"
  "  retired_cadre_increase INTEGER);\n"
  "CREATE TABLE overview_items (\n"
  "  document_id INTEGER NOT NULL\n"
  "    REFERENCES documents (id) ON DELETE CASCADE,\n"
  "  list TEXT NOT NULL CHECK (list IN ('function', 'division')),\n"
  "  item_index INTEGER NOT NULL,\n"
  "  text TEXT,\n"
  "  PRIMARY KEY (document_id, list, item_index)) WITHOUT ROWID;\n"
  "CREATE TABLE outline (\n"
  "  document_id INTEGER NOT NULL\n"
  "    REFERENCES documents (id) ON DELETE CASCADE,\n"
  "  node_index INTEGER NOT NULL,\n"
  "  parent_index INTEGER,\n"
  "  level INTEGER,\n"
  "  heading TEXT,\n"
  "  page INTEGER,\n"
  "  PRIMARY KEY (document_id, node_index)) WITHOUT ROWID;\n"
  "CREATE TABLE tables (\n"
  "  document_id INTEGER NOT NULL\n"
  "    REFERENCES documents (id) ON DELETE CASCADE,\n"
  "  table_index INTEGER NOT NULL,\n"
  "  table_id TEXT,\n"
  "  variant TEXT,\n"
  "  number INTEGER,\n"
  "  title TEXT,\n"
  "  unit TEXT,\n"
  "  department TEXT,\n"
  "  empty INTEGER NOT NULL,\n"
  "  note TEXT,\n"
  "  first_page INTEGER,\n"
  "  pages TEXT,\n"
  "  PRIMARY KEY (document_id, table_index)) WITHOUT ROWID;\n"
  "CREATE INDEX tables_table_id ON tables (table_id);\n"
  "CREATE TABLE table_columns (\n"
  "  document_id INTEGER NOT NULL\n"
  "    REFERENCES documents (id) ON DELETE CASCADE,\n"
  "  table_index INTEGER NOT NULL,\n"
  "  column_index INTEGER NOT NULL,\n"
  "  column_id TEXT,\n"
  "  header TEXT,\n"
  "  side TEXT,\n"
  "  panel INTEGER,\n"
  "  PRIMARY KEY (document_id, table_index, column_index)) WITHOUT ROWID;\n"
  "CREATE TABLE table_rows (\n"
  "  document_id INTEGER NOT NULL\n"
  "    REFERENCES documents (id) ON DELETE CASCADE,\n"
  "  table_index INTEGER NOT NULL,\n"
  "  row_index INTEGER NOT NULL,\n"
  "  kind TEXT NOT NULL,\n"
  "  code TEXT,\n"
  "  level INTEGER,\n"
  "  name TEXT,\n"
  "  project TEXT,\n"
  "  side TEXT,\n"
  "  panel INTEGER,\n"
  "  page INTEGER,\n"
  "  PRIMARY KEY (document_id, table_index, row_index)) WITHOUT ROWID;\n"
  "CREATE INDEX table_rows_code ON table_rows (code);\n"
  "CREATE TABLE amounts (\n"
  "  document_id INTEGER NOT NULL\n"
  "    REFERENCES documents (id) ON DELETE CASCADE,\n"
  "  table_index INTEGER NOT NULL,\n"
  "  row_index INTEGER NOT NULL,\n"
  "  column_index INTEGER NOT NULL,\n"
  "  amount INTEGER,\n"
  "  PRIMARY KEY (document_id, table_index, row_index, column_index))\n"
  "  WITHOUT ROWID;\n"
  "CREATE TABLE projects (\n"
  "  document_id INTEGER NOT NULL\n"
  "    REFERENCES documents (id) ON DELETE CASCADE,\n"
  "  project_index INTEGER NOT NULL,\n"
  "  name TEXT,\n"
  "  amount INTEGER,\n"
  "  basis TEXT,\n"
  "  owner TEXT,\n"
  "  period_start TEXT,\n"
  "  period_end TEXT,\n"
  "  page INTEGER,\n"
  "  PRIMARY KEY (document_id, project_index)) WITHOUT ROWID;\n"
  "CREATE TABLE allocations (\n"
  "  document_id INTEGER NOT NULL\n"
  "    REFERENCES documents (id) ON DELETE CASCADE,\n"
  "  project_index INTEGER NOT NULL,\n"
  "  allocation_index INTEGER NOT NULL,\n"
  "  item TEXT,\n"
  "  amount INTEGER,\n"
  "  PRIMARY KEY (document_id, project_index, allocation_index))\n"
  "  WITHOUT ROWID;\n"
  "CREATE TABLE performance (\n"
  "  document_id INTEGER NOT NULL\n"
  "    REFERENCES documents (id) ON DELETE CASCADE,\n"
  "  performance_index INTEGER NOT NULL,\n"
  "  scope TEXT,\n"
  "  project TEXT,\n"
  "  department TEXT,\n"
  "  manager TEXT,\n"
  "  goal TEXT,\n"
  "  funds_total INTEGER,\n"
  "  funds_fiscal INTEGER,\n"
  "  funds_other INTEGER,\n"
  "  pages TEXT,\n"
  "  PRIMARY KEY (document_id, performance_index)) WITHOUT ROWID;\n"
  "CREATE TABLE indicators (\n"
  "  document_id INTEGER NOT NULL\n"
  "    REFERENCES documents (id) ON DELETE CASCADE,\n"
  "  performance_index INTEGER NOT NULL,\n"
  "  indicator_index INTEGER NOT NULL,\n"
  "  level1 TEXT, level2 TEXT, name TEXT, target TEXT, op TEXT,\n"
  "  value TEXT, unit TEXT, basis TEXT, previous TEXT,\n"
  "  weight INTEGER, scoring TEXT, evidence TEXT,\n"
  "  PRIMARY KEY (document_id, performance_index, indicator_index))\n"
  "  WITHOUT ROWID;\n"
  "CREATE TABLE facts (\n"
  "  document_id INTEGER NOT NULL\n"
  "    REFERENCES documents (id) ON DELETE CASCADE,\n"
  "  fact_index INTEGER NOT NULL,\n"
  "  key TEXT NOT NULL,\n"
  "  amount INTEGER,\n"
  "  count INTEGER,\n"
  "  share TEXT,\n"
  "  text TEXT,\n"
  "  page INTEGER,\n"
  "  PRIMARY KEY (document_id, fact_index)) WITHOUT ROWID;\n"
  "CREATE INDEX facts_key ON facts (key);\n"
  "CREATE TABLE checks (\n"
  "  document_id INTEGER NOT NULL\n"
  "    REFERENCES documents (id) ON DELETE CASCADE,\n"
  "  check_index INTEGER NOT NULL,\n"
  "  check_id TEXT NOT NULL,\n"
  "  table_id TEXT,\n"
  "  row_ref TEXT,\n"
  "  column_id TEXT,\n"
  "  status TEXT NOT NULL,\n"
  "  expected INTEGER,\n"
  "  actual INTEGER,\n"
  "  tolerance INTEGER,\n"
  "  message TEXT,\n"
  "  PRIMARY KEY (document_id, check_index)) WITHOUT ROWID;\n"
  /* Failed checks only: an index over every check took half of what a
   * document's commit wrote (its ~300 checks landed in as many places),
   * and the questions asked across documents are about failures. */
  "CREATE INDEX checks_failed ON checks (check_id) WHERE status = 'failed';\n"
  "CREATE TABLE notices (\n"
  "  document_id INTEGER NOT NULL\n"
  "    REFERENCES documents (id) ON DELETE CASCADE,\n"
  "  notice_index INTEGER NOT NULL,\n"
  "  text TEXT,\n"
  "  PRIMARY KEY (document_id, notice_index)) WITHOUT ROWID;\n"
  /* The tidy amounts: one row per table cell, with everything needed to
   * read it.  A blank cell is a row with a NULL amount. */
  "CREATE VIEW v_amounts AS\n"
  "SELECT d.id AS document_id, d.sha256, d.department, d.year, d.kind,\n"
  "  t.table_index, t.table_id, t.number AS table_number,\n"
  "  t.title AS table_title, t.unit,\n"
  "  r.row_index, r.kind AS row_kind, r.code, r.level, r.name, r.project,\n"
  "  r.side, c.column_index, c.column_id, c.header, a.amount, r.page\n"
  "FROM amounts a\n"
  "JOIN documents d ON d.id = a.document_id\n"
  "JOIN tables t ON t.document_id = a.document_id\n"
  "  AND t.table_index = a.table_index\n"
  "JOIN table_rows r ON r.document_id = a.document_id\n"
  "  AND r.table_index = a.table_index AND r.row_index = a.row_index\n"
  "JOIN table_columns c ON c.document_id = a.document_id\n"
  "  AND c.table_index = a.table_index\n"
  "  AND c.column_index = a.column_index;\n"
  /* 三公 expenses, one row per table (normally one per document), from the
   * table's total column; the parts are found by the words every template
   * uses for them. */
  "CREATE VIEW v_three_public AS\n"
  "SELECT d.id AS document_id, d.sha256, d.department, d.year, d.kind,\n"
  "  t.table_index, t.unit,\n"
  "  MAX(CASE WHEN r.kind = 'total' THEN a.amount END) AS total,\n"
  "  MAX(CASE WHEN r.kind = 'item' AND r.name LIKE '%出国%'\n"
  "      THEN a.amount END) AS abroad,\n"
  "  MAX(CASE WHEN r.kind = 'item' AND r.name LIKE '%接待%'\n"
  "      THEN a.amount END) AS reception,\n"
  "  MAX(CASE WHEN r.kind = 'item' AND r.name LIKE '%购置及运行%'\n"
  "      THEN a.amount END) AS vehicles,\n"
  "  MAX(CASE WHEN r.kind = 'item' AND r.name LIKE '%购置%'\n"
  "      AND r.name NOT LIKE '%运行%' THEN a.amount END)\n"
  "      AS vehicle_purchase,\n"
  "  MAX(CASE WHEN r.kind = 'item' AND r.name LIKE '%运行%'\n"
  "      AND r.name NOT LIKE '%购置%' THEN a.amount END)\n"
  "      AS vehicle_operation\n"
  "FROM documents d\n"
  "JOIN tables t ON t.document_id = d.id\n"
  "  AND t.table_id = 'three_public_expenses'\n"
  "LEFT JOIN table_columns c ON c.document_id = t.document_id\n"
  "  AND c.table_index = t.table_index AND c.column_id = 'total'\n"
  "LEFT JOIN table_rows r ON r.document_id = t.document_id\n"
  "  AND r.table_index = t.table_index\n"
  "LEFT JOIN amounts a ON a.document_id = r.document_id\n"
  "  AND a.table_index = r.table_index AND a.row_index = r.row_index\n"
  "  AND a.column_index = c.column_index\n"
  "GROUP BY d.id, t.table_index;\n"
  /* Every failure in one place: documents that failed and inputs that
   * could not be read. */
  "CREATE VIEW v_failures AS\n"
  "SELECT sha256, path, reason, error FROM documents\n"
  "  WHERE status = 'failed'\n"
  "UNION ALL\n"
  "SELECT NULL, path, reason, error FROM errors;\n";

/* The wide views v_<table id>: the one-sided tables of the standard
 * template (docs/output-format.md), a column per canonical column id.
 * Two-sided tables have no wide view; `bdx export --table` handles any
 * table. */
static const struct
{
  const char *table;
  const char *columns[13];
} wide_views[] = {
  { "revenue_summary",
    { "total", "fiscal_subtotal", "general_budget", "general_budget_transfer",
      "government_fund", "government_fund_transfer", "state_capital",
      "state_capital_transfer", "special_account", "unit_funds",
      "fiscal_carryover", "nonfiscal_carryover", NULL } },
  { "expenditure_summary", { "total", "basic", "project", NULL } },
  { "general_budget_expenditure", { "total", "basic", "project", NULL } },
  { "general_budget_basic_expenditure",
    { "total", "personnel", "public", NULL } },
  { "general_budget_project_expenditure",
    { "total", "wages_welfare", "goods_services", "household_subsidy",
      "debt_interest", "capital_construction", "capital",
      "enterprise_subsidy_construction", "enterprise_subsidy",
      "social_security_subsidy", "other", NULL } },
  { "government_fund_expenditure",
    { "total", "personnel", "public", "project", NULL } },
  { "state_capital_expenditure",
    { "total", "personnel", "public", "project", NULL } },
  { "three_public_expenses",
    { "total", "general_budget", "government_fund", "state_capital", NULL } },
  { "carryover",
    { "total", "fiscal_subtotal", "fiscal_basic_personnel",
      "fiscal_basic_public", "fiscal_project", "nonfiscal_subtotal",
      "nonfiscal_basic_personnel", "nonfiscal_basic_public",
      "nonfiscal_project", NULL } },
};

/* The row part shared by the wide views and the wide export. */
static const char wide_select[]
    = "SELECT d.id AS document_id, d.sha256, d.department, d.year, d.kind,\n"
      "  t.table_index, t.unit, r.row_index, r.kind AS row_kind, r.code,\n"
      "  r.level, r.name, r.project AS project_name, r.side, r.page";
static const char wide_from[]
    = "FROM tables t\n"
      "JOIN documents d ON d.id = t.document_id\n"
      "JOIN table_rows r ON r.document_id = t.document_id\n"
      "  AND r.table_index = t.table_index\n"
      "LEFT JOIN amounts a ON a.document_id = r.document_id\n"
      "  AND a.table_index = r.table_index AND a.row_index = r.row_index\n"
      "LEFT JOIN table_columns c ON c.document_id = a.document_id\n"
      "  AND c.table_index = a.table_index\n"
      "  AND c.column_index = a.column_index\n";

/* Child tables of documents, in the order merging copies them. */
static const char *const child_tables[]
    = { "overview", "overview_items", "outline",     "tables",
        "table_columns", "table_rows", "amounts",    "projects",
        "allocations", "performance", "indicators", "facts",
        "checks",   "notices" };

/* ---- small helpers ------------------------------------------------------- */

static gboolean
sql_error (BdxDataset *ds, int rc, const char *what, GError **error)
{
  int code = BDX_ERROR_LIBRARY;
  switch (rc & 0xff)
    {
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = BDX_ERROR_IO;
      break;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      code = BDX_ERROR_FORMAT;
      break;
    default:
      break;
    }
  g_set_error (error, BDX_ERROR, code, "%s '%s': %s", what, ds->path,
               ds->db ? sqlite3_errmsg (ds->db) : sqlite3_errstr (rc));
  return FALSE;
}

static gboolean
exec (BdxDataset *ds, const char *sql, GError **error)
{
  int rc = sqlite3_exec (ds->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return sql_error (ds, rc, "cannot update", error);
  return TRUE;
}

static void
stmt_finalize (gpointer p)
{
  sqlite3_finalize (p);
}

/* A prepared statement for static SQL text, cached by its address and
 * reset for use.  Borrowed. */
static sqlite3_stmt *
prepare (BdxDataset *ds, const char *sql, GError **error)
{
  sqlite3_stmt *st = g_hash_table_lookup (ds->stmts, sql);
  if (st != NULL)
    {
      sqlite3_reset (st);
      sqlite3_clear_bindings (st);
      return st;
    }
  int rc = sqlite3_prepare_v3 (ds->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st,
                               NULL);
  if (rc != SQLITE_OK)
    {
      sql_error (ds, rc, "cannot query", error);
      return NULL;
    }
  g_hash_table_insert (ds->stmts, (gpointer)sql, st);
  return st;
}

/* Runs a prepared statement that returns no rows. */
static gboolean
step_done (BdxDataset *ds, sqlite3_stmt *st, GError **error)
{
  int rc = sqlite3_step (st);
  sqlite3_reset (st);
  if (rc != SQLITE_DONE)
    return sql_error (ds, rc, "cannot update", error);
  return TRUE;
}

static void
bind_text (sqlite3_stmt *st, int i, const char *s)
{
  if (s == NULL)
    sqlite3_bind_null (st, i);
  else
    sqlite3_bind_text (st, i, s, -1, SQLITE_TRANSIENT);
}

static void
bind_int (sqlite3_stmt *st, int i, gint64 v, gboolean present)
{
  if (present)
    sqlite3_bind_int64 (st, i, v);
  else
    sqlite3_bind_null (st, i);
}

static void
bind_money (sqlite3_stmt *st, int i, BdxMoney m)
{
  bind_int (st, i, m.fen, m.present);
}

/* A page number: NULL when unknown (0). */
static void
bind_page (sqlite3_stmt *st, int i, int page)
{
  bind_int (st, i, page, page > 0);
}

static char *
pages_text (const GArray *pages)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; pages && i < pages->len; i++)
    g_string_append_printf (s, "%s%d", i ? "," : "",
                            g_array_index (pages, int, i));
  return g_string_free (s, FALSE);
}

static const char *
side_text (BdxSide side)
{
  return side == BDX_SIDE_NONE ? NULL : bdx_side_name (side);
}

const char *
bdx_doc_status_name (BdxDocStatus status)
{
  switch (status)
    {
    case BDX_DOC_OK: return "ok";
    case BDX_DOC_NOT_DISCLOSURE: return "not_disclosure";
    case BDX_DOC_FAILED: return "failed";
    default: return NULL;
    }
}

/* ---- open ---------------------------------------------------------------- */

static gboolean
create_wide_views (BdxDataset *ds, GError **error)
{
  for (guint v = 0; v < G_N_ELEMENTS (wide_views); v++)
    {
      g_autoptr (GString) sql = g_string_new (NULL);
      g_string_append_printf (sql, "CREATE VIEW \"v_%s\" AS\n%s",
                              wide_views[v].table, wide_select);
      for (const char *const *c = wide_views[v].columns; *c; c++)
        g_string_append_printf (sql,
                                ",\n  MAX(CASE WHEN c.column_id = '%s' "
                                "THEN a.amount END) AS \"%s\"",
                                *c, *c);
      g_string_append_printf (sql,
                              "\n%sWHERE t.table_id = '%s'\n"
                              "GROUP BY t.document_id, t.table_index, "
                              "r.row_index;\n",
                              wide_from, wide_views[v].table);
      if (!exec (ds, sql->str, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
create_schema (BdxDataset *ds, GError **error)
{
  g_autofree char *meta = g_strdup_printf (
      "INSERT INTO meta (key, value) VALUES ('format', 'bdx.dataset'),"
      " ('schema_version', '%d'), ('created_by', 'bdx %s'),"
      " ('disclosure_format', '%s');",
      BDX_DATASET_SCHEMA_VERSION, BDX_VERSION, BDX_FORMAT);
  if (!exec (ds, "BEGIN IMMEDIATE", error))
    return FALSE;
  /* Another process may have created it while we waited for the lock. */
  sqlite3_stmt *st = prepare (
      ds, "SELECT count(*) FROM sqlite_master WHERE name = 'meta'", error);
  if (st == NULL)
    goto fail;
  if (sqlite3_step (st) == SQLITE_ROW && sqlite3_column_int (st, 0) > 0)
    {
      sqlite3_reset (st);
      return exec (ds, "COMMIT", error);
    }
  sqlite3_reset (st);
  if (!exec (ds, schema_sql, error) || !create_wide_views (ds, error)
      || !exec (ds, meta, error) || !exec (ds, "COMMIT", error))
    goto fail;
  return TRUE;
fail:
  sqlite3_exec (ds->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

/* Checks that the database is a bdx dataset of our schema version. */
static gboolean
check_meta (BdxDataset *ds, const char *schema, GError **error)
{
  g_autofree char *sql = g_strdup_printf (
      "SELECT value FROM \"%s\".meta WHERE key = 'schema_version'", schema);
  g_autoptr (sqlite3_stmt) st = NULL;
  int rc = sqlite3_prepare_v2 (ds->db, sql, -1, &st, NULL);
  if (rc != SQLITE_OK || sqlite3_step (st) != SQLITE_ROW)
    {
      g_set_error (error, BDX_ERROR, BDX_ERROR_FORMAT,
                   "'%s' is not a bdx dataset", ds->path);
      return FALSE;
    }
  int version = sqlite3_column_int (st, 0);
  if (version != BDX_DATASET_SCHEMA_VERSION)
    {
      g_set_error (error, BDX_ERROR, BDX_ERROR_UNSUPPORTED,
                   "'%s' has dataset schema version %d; this bdx reads "
                   "version %d",
                   ds->path, version, BDX_DATASET_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;
}

void
bdx_dataset_free (BdxDataset *ds)
{
  if (ds == NULL)
    return;
  g_clear_pointer (&ds->stmts, g_hash_table_destroy);
  if (ds->db)
    sqlite3_close_v2 (ds->db);
  if (ds->lock_fd >= 0)
    close (ds->lock_fd);
  g_free (ds->path);
  g_free (ds);
}

BdxDataset *
bdx_dataset_open (const char *path, gboolean readonly, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_autoptr (BdxDataset) ds = g_new0 (BdxDataset, 1);
  ds->lock_fd = -1;
  ds->path = g_strdup (path);
  ds->readonly = readonly;
  ds->stmts = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                     stmt_finalize);
  if (readonly && !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, BDX_ERROR, BDX_ERROR_IO, "cannot open '%s': %s",
                   path, g_strerror (ENOENT));
      return NULL;
    }
  /* A name that starts like a URI is made a relative path: only ATTACH
   * (merge) uses URIs. */
  g_autofree char *name = g_str_has_prefix (path, "file:")
                              ? g_strconcat ("./", path, NULL)
                              : g_strdup (path);
  int flags = (readonly ? SQLITE_OPEN_READONLY
                        : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
              | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2 (name, &ds->db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, BDX_ERROR, BDX_ERROR_IO, "cannot open '%s': %s",
                   path, ds->db ? sqlite3_errmsg (ds->db) : sqlite3_errstr (rc));
      return NULL;
    }
  sqlite3_extended_result_codes (ds->db, 1);
  sqlite3_busy_timeout (ds->db, 30000);

  /* Reading the schema is the first access: a file that is not a
   * database fails here. */
  g_autoptr (sqlite3_stmt) st = NULL;
  rc = sqlite3_prepare_v2 (ds->db, "SELECT count(*) FROM sqlite_master", -1,
                           &st, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (st);
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, BDX_ERROR,
                   (rc & 0xff) == SQLITE_NOTADB ? BDX_ERROR_FORMAT
                                                : BDX_ERROR_IO,
                   "cannot open '%s': %s", path, sqlite3_errmsg (ds->db));
      return NULL;
    }
  gboolean fresh = sqlite3_column_int (st, 0) == 0;
  g_clear_pointer (&st, sqlite3_finalize);

  if (!readonly)
    {
      /* WAL: a commit is atomic and durable against a crash of the
       * process (kill -9) with synchronous=NORMAL; a power cut may lose
       * the last commits, never the database's consistency. */
      if (!exec (ds, "PRAGMA journal_mode = WAL", error)
          || !exec (ds, "PRAGMA synchronous = NORMAL", error))
        return NULL;
    }
  if (!exec (ds, "PRAGMA foreign_keys = ON", error))
    return NULL;
  if (fresh && !readonly && !create_schema (ds, error))
    return NULL;
  if (!check_meta (ds, "main", error))
    return NULL;
  return g_steal_pointer (&ds);
}

/* Creates a new dataset under a temporary name and renames it into place
 * once its schema is committed, so that a harvest killed at its very start
 * leaves either no dataset or one a reader can open: never a file without
 * tables.  The caller holds the directory's lock. */
static gboolean
create_whole (const char *path, GError **error)
{
  g_autofree char *tmp = g_strconcat (path, ".new", NULL);
  static const char *const sidecars[] = { "", "-wal", "-shm", "-journal" };
  for (size_t i = 0; i < G_N_ELEMENTS (sidecars); i++)
    {
      g_autofree char *f = g_strconcat (tmp, sidecars[i], NULL);
      (void)g_unlink (f);
    }
  BdxDataset *ds = bdx_dataset_open (tmp, FALSE, error);
  if (ds == NULL)
    return FALSE;
  bdx_dataset_free (ds); /* the last close checkpoints and removes the WAL */
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;
      g_set_error (error, BDX_ERROR, BDX_ERROR_IO, "cannot create '%s': %s",
                   path, g_strerror (saved));
      (void)g_unlink (tmp);
      return FALSE;
    }
  return TRUE;
}

BdxDataset *
bdx_dataset_open_dir (const char *dir, GError **error)
{
  g_return_val_if_fail (dir != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  if (g_mkdir_with_parents (dir, 0777) != 0)
    {
      int saved = errno;
      g_set_error (error, BDX_ERROR, BDX_ERROR_IO, "cannot create '%s': %s",
                   dir, g_strerror (saved));
      return NULL;
    }
  g_autofree char *lock = g_build_filename (dir, "bdx.lock", NULL);
  int fd = open (lock, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, BDX_ERROR, BDX_ERROR_IO, "cannot write in '%s': %s",
                   dir, g_strerror (saved));
      return NULL;
    }
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      int saved = errno;
      close (fd);
      if (saved == EWOULDBLOCK)
        g_set_error (error, BDX_ERROR, BDX_ERROR_IO,
                     "'%s' is in use by another bdx harvest or merge", dir);
      else
        g_set_error (error, BDX_ERROR, BDX_ERROR_IO, "cannot lock '%s': %s",
                     dir, g_strerror (saved));
      return NULL;
    }
  g_autofree char *path = g_build_filename (dir, BDX_DATASET_FILE, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS) && !create_whole (path, error))
    {
      close (fd);
      return NULL;
    }
  BdxDataset *ds = bdx_dataset_open (path, FALSE, error);
  if (ds == NULL)
    {
      close (fd);
      return NULL;
    }
  ds->lock_fd = fd;
  return ds;
}

/* ---- lookups ------------------------------------------------------------- */

gboolean
bdx_dataset_lookup_status (BdxDataset *ds, const char *sha256,
                           BdxDocStatus *status, GError **error)
{
  g_return_val_if_fail (ds != NULL && sha256 != NULL && status != NULL, FALSE);
  static const char sql[] = "SELECT status FROM documents WHERE sha256 = ?";
  sqlite3_stmt *st = prepare (ds, sql, error);
  if (st == NULL)
    return FALSE;
  bind_text (st, 1, sha256);
  int rc = sqlite3_step (st);
  *status = BDX_DOC_ABSENT;
  if (rc == SQLITE_ROW)
    {
      const char *s = (const char *)sqlite3_column_text (st, 0);
      for (BdxDocStatus k = BDX_DOC_OK; k <= BDX_DOC_FAILED; k++)
        if (g_strcmp0 (s, bdx_doc_status_name (k)) == 0)
          *status = k;
    }
  sqlite3_reset (st);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sql_error (ds, rc, "cannot query", error);
  return TRUE;
}

char *
bdx_dataset_lookup_path (BdxDataset *ds, const char *path, gint64 size,
                         gint64 mtime_ns)
{
  g_return_val_if_fail (ds != NULL && path != NULL, NULL);
  static const char sql[] = "SELECT sha256 FROM document_paths"
                            " WHERE path = ? AND size = ? AND mtime_ns = ?";
  sqlite3_stmt *st = prepare (ds, sql, NULL);
  if (st == NULL)
    return NULL;
  bind_text (st, 1, path);
  sqlite3_bind_int64 (st, 2, size);
  sqlite3_bind_int64 (st, 3, mtime_ns);
  char *sha = NULL;
  if (sqlite3_step (st) == SQLITE_ROW)
    sha = g_strdup ((const char *)sqlite3_column_text (st, 0));
  sqlite3_reset (st);
  return sha;
}

/* ---- put: one document in one transaction -------------------------------- */

static gboolean
put_overview (BdxDataset *ds, gint64 id, const BdxDisclosure *d,
              GError **error)
{
  static const char sql[]
      = "INSERT INTO overview (document_id, subordinate_units, authorized,"
        " actual, in_service, retired, retired_cadre, in_service_increase,"
        " retired_increase, retired_cadre_increase)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  static const char item_sql[]
      = "INSERT INTO overview_items (document_id, list, item_index, text)"
        " VALUES (?, ?, ?, ?)";
  const BdxOverview *o = &d->overview;
  const BdxStaffing *s = &o->staffing;
  const gint64 counts[] = { s->authorized,          s->actual,
                            s->in_service,          s->retired,
                            s->retired_cadre,       s->in_service_increase,
                            s->retired_increase,    s->retired_cadre_increase };
  sqlite3_stmt *st = prepare (ds, sql, error);
  if (st == NULL)
    return FALSE;
  sqlite3_bind_int64 (st, 1, id);
  bind_int (st, 2, o->subordinate_units, o->subordinate_units >= 0);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    bind_int (st, 3 + i, counts[i],
              o->staffing_present && (s->present & (1u << i)));
  if (!step_done (ds, st, error))
    return FALSE;

  const struct
  {
    const char *list;
    const GPtrArray *items;
  } lists[] = { { "function", o->functions }, { "division", o->divisions } };
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l].items && i < lists[l].items->len; i++)
      {
        if ((st = prepare (ds, item_sql, error)) == NULL)
          return FALSE;
        sqlite3_bind_int64 (st, 1, id);
        bind_text (st, 2, lists[l].list);
        sqlite3_bind_int (st, 3, i);
        bind_text (st, 4, g_ptr_array_index (lists[l].items, i));
        if (!step_done (ds, st, error))
          return FALSE;
      }
  return TRUE;
}

/* The outline in preorder; each node names its parent's index. */
static gboolean
put_outline (BdxDataset *ds, gint64 id, const GPtrArray *nodes, int parent,
             int *next, GError **error)
{
  static const char sql[]
      = "INSERT INTO outline (document_id, node_index, parent_index, level,"
        " heading, page) VALUES (?, ?, ?, ?, ?, ?)";
  for (guint i = 0; nodes && i < nodes->len; i++)
    {
      const BdxOutlineNode *n = g_ptr_array_index (nodes, i);
      int self = (*next)++;
      sqlite3_stmt *st = prepare (ds, sql, error);
      if (st == NULL)
        return FALSE;
      sqlite3_bind_int64 (st, 1, id);
      sqlite3_bind_int (st, 2, self);
      bind_int (st, 3, parent, parent >= 0);
      sqlite3_bind_int (st, 4, n->level);
      bind_text (st, 5, n->heading);
      bind_page (st, 6, n->page);
      if (!step_done (ds, st, error)
          || !put_outline (ds, id, n->children, self, next, error))
        return FALSE;
    }
  return TRUE;
}

/* A row's values align with the columns of its side (docs/output-format.md);
 * this gives the table-wide index of the row's i-th value, or -1. */
static int
value_column (const BdxTable *t, BdxSide side, guint i)
{
  guint seen = 0;
  gboolean sided = FALSE;
  for (guint c = 0; c < t->columns->len; c++)
    sided |= ((BdxColumn *)g_ptr_array_index (t->columns, c))->side != BDX_SIDE_NONE;
  for (guint c = 0; c < t->columns->len; c++)
    {
      const BdxColumn *col = g_ptr_array_index (t->columns, c);
      if (sided && side != BDX_SIDE_NONE && col->side != side)
        continue;
      if (seen++ == i)
        return (int)c;
    }
  return -1;
}

static gboolean
put_table (BdxDataset *ds, gint64 id, int ti, const BdxTable *t,
           GError **error)
{
  static const char sql[]
      = "INSERT INTO tables (document_id, table_index, table_id, variant,"
        " number, title, unit, department, empty, note, first_page, pages)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  static const char col_sql[]
      = "INSERT INTO table_columns (document_id, table_index, column_index,"
        " column_id, header, side, panel) VALUES (?, ?, ?, ?, ?, ?, ?)";
  static const char row_sql[]
      = "INSERT INTO table_rows (document_id, table_index, row_index, kind,"
        " code, level, name, project, side, panel, page)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  static const char amount_sql[]
      = "INSERT INTO amounts (document_id, table_index, row_index,"
        " column_index, amount) VALUES (?, ?, ?, ?, ?)";

  sqlite3_stmt *st = prepare (ds, sql, error);
  if (st == NULL)
    return FALSE;
  g_autofree char *pages = pages_text (t->pages);
  sqlite3_bind_int64 (st, 1, id);
  sqlite3_bind_int (st, 2, ti);
  bind_text (st, 3, t->id);
  bind_text (st, 4, t->variant);
  bind_int (st, 5, t->number, t->number > 0);
  bind_text (st, 6, t->title);
  bind_text (st, 7, bdx_unit_name (t->unit));
  bind_text (st, 8, t->department);
  sqlite3_bind_int (st, 9, t->empty ? 1 : 0);
  bind_text (st, 10, t->note);
  bind_page (st, 11, t->pages && t->pages->len
                         ? g_array_index (t->pages, int, 0) : 0);
  bind_text (st, 12, pages);
  if (!step_done (ds, st, error))
    return FALSE;

  for (guint c = 0; c < t->columns->len; c++)
    {
      const BdxColumn *col = g_ptr_array_index (t->columns, c);
      if ((st = prepare (ds, col_sql, error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (st, 1, id);
      sqlite3_bind_int (st, 2, ti);
      sqlite3_bind_int (st, 3, c);
      bind_text (st, 4, col->id);
      bind_text (st, 5, col->header);
      bind_text (st, 6, side_text (col->side));
      bind_int (st, 7, col->panel, col->panel > 0);
      if (!step_done (ds, st, error))
        return FALSE;
    }

  for (guint r = 0; r < t->rows->len; r++)
    {
      const BdxRow *row = g_ptr_array_index (t->rows, r);
      if ((st = prepare (ds, row_sql, error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (st, 1, id);
      sqlite3_bind_int (st, 2, ti);
      sqlite3_bind_int (st, 3, r);
      bind_text (st, 4, row->kind == BDX_ROW_TOTAL ? "total" : "item");
      bind_text (st, 5, row->code);
      bind_int (st, 6, row->level, row->level > 0);
      bind_text (st, 7, row->name);
      bind_text (st, 8, row->project);
      bind_text (st, 9, side_text (row->side));
      bind_int (st, 10, row->panel, row->panel > 0);
      bind_page (st, 11, row->page);
      if (!step_done (ds, st, error))
        return FALSE;
      for (guint v = 0; row->values && v < row->values->len; v++)
        {
          int c = value_column (t, row->side, v);
          if (c < 0)
            {
              g_debug ("table %d row %u: value %u has no column", ti, r, v);
              continue;
            }
          if ((st = prepare (ds, amount_sql, error)) == NULL)
            return FALSE;
          sqlite3_bind_int64 (st, 1, id);
          sqlite3_bind_int (st, 2, ti);
          sqlite3_bind_int (st, 3, r);
          sqlite3_bind_int (st, 4, c);
          bind_money (st, 5, g_array_index (row->values, BdxMoney, v));
          if (!step_done (ds, st, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
put_projects (BdxDataset *ds, gint64 id, const BdxDisclosure *d,
              GError **error)
{
  static const char sql[]
      = "INSERT INTO projects (document_id, project_index, name, amount,"
        " basis, owner, period_start, period_end, page)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
  static const char alloc_sql[]
      = "INSERT INTO allocations (document_id, project_index,"
        " allocation_index, item, amount) VALUES (?, ?, ?, ?, ?)";
  for (guint p = 0; p < d->projects->len; p++)
    {
      const BdxProject *pr = g_ptr_array_index (d->projects, p);
      sqlite3_stmt *st = prepare (ds, sql, error);
      if (st == NULL)
        return FALSE;
      sqlite3_bind_int64 (st, 1, id);
      sqlite3_bind_int (st, 2, p);
      bind_text (st, 3, pr->name);
      bind_money (st, 4, pr->amount);
      bind_text (st, 5, pr->basis);
      bind_text (st, 6, pr->owner);
      bind_text (st, 7, pr->period_start);
      bind_text (st, 8, pr->period_end);
      bind_page (st, 9, pr->page);
      if (!step_done (ds, st, error))
        return FALSE;
      for (guint a = 0; pr->allocation && a < pr->allocation->len; a++)
        {
          const BdxAllocation *al = g_ptr_array_index (pr->allocation, a);
          if ((st = prepare (ds, alloc_sql, error)) == NULL)
            return FALSE;
          sqlite3_bind_int64 (st, 1, id);
          sqlite3_bind_int (st, 2, p);
          sqlite3_bind_int (st, 3, a);
          bind_text (st, 4, al->item);
          bind_money (st, 5, al->amount);
          if (!step_done (ds, st, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
put_performance (BdxDataset *ds, gint64 id, const BdxDisclosure *d,
                 GError **error)
{
  static const char sql[]
      = "INSERT INTO performance (document_id, performance_index, scope,"
        " project, department, manager, goal, funds_total, funds_fiscal,"
        " funds_other, pages) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  static const char ind_sql[]
      = "INSERT INTO indicators (document_id, performance_index,"
        " indicator_index, level1, level2, name, target, op, value, unit,"
        " basis, previous, weight, scoring, evidence)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  for (guint p = 0; p < d->performance->len; p++)
    {
      const BdxPerformance *pf = g_ptr_array_index (d->performance, p);
      sqlite3_stmt *st = prepare (ds, sql, error);
      if (st == NULL)
        return FALSE;
      g_autofree char *pages = pages_text (pf->pages);
      sqlite3_bind_int64 (st, 1, id);
      sqlite3_bind_int (st, 2, p);
      bind_text (st, 3, pf->scope);
      bind_text (st, 4, pf->project);
      bind_text (st, 5, pf->department);
      bind_text (st, 6, pf->manager);
      bind_text (st, 7, pf->goal);
      bind_money (st, 8, pf->funds_total);
      bind_money (st, 9, pf->funds_fiscal);
      bind_money (st, 10, pf->funds_other);
      bind_text (st, 11, pages);
      if (!step_done (ds, st, error))
        return FALSE;
      for (guint i = 0; pf->indicators && i < pf->indicators->len; i++)
        {
          const BdxIndicator *in = g_ptr_array_index (pf->indicators, i);
          if ((st = prepare (ds, ind_sql, error)) == NULL)
            return FALSE;
          sqlite3_bind_int64 (st, 1, id);
          sqlite3_bind_int (st, 2, p);
          sqlite3_bind_int (st, 3, i);
          bind_text (st, 4, in->level1);
          bind_text (st, 5, in->level2);
          bind_text (st, 6, in->name);
          bind_text (st, 7, in->target);
          bind_text (st, 8, in->op);
          bind_text (st, 9, in->value);
          bind_text (st, 10, in->unit);
          bind_text (st, 11, in->basis);
          bind_text (st, 12, in->previous);
          bind_int (st, 13, in->weight, in->weight >= 0);
          bind_text (st, 14, in->scoring);
          bind_text (st, 15, in->evidence);
          if (!step_done (ds, st, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
put_facts_checks_notices (BdxDataset *ds, gint64 id, const BdxDisclosure *d,
                          GError **error)
{
  static const char fact_sql[]
      = "INSERT INTO facts (document_id, fact_index, key, amount, count,"
        " share, text, page) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
  static const char check_sql[]
      = "INSERT INTO checks (document_id, check_index, check_id, table_id,"
        " row_ref, column_id, status, expected, actual, tolerance, message)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  static const char notice_sql[]
      = "INSERT INTO notices (document_id, notice_index, text)"
        " VALUES (?, ?, ?)";
  sqlite3_stmt *st;
  for (guint i = 0; i < d->facts->len; i++)
    {
      const BdxFact *f = g_ptr_array_index (d->facts, i);
      if ((st = prepare (ds, fact_sql, error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (st, 1, id);
      sqlite3_bind_int (st, 2, i);
      bind_text (st, 3, f->key);
      bind_money (st, 4, f->value);
      bind_int (st, 5, f->count, f->count >= 0);
      bind_text (st, 6, f->share);
      bind_text (st, 7, f->text);
      bind_page (st, 8, f->page);
      if (!step_done (ds, st, error))
        return FALSE;
    }
  for (guint i = 0; i < d->checks->len; i++)
    {
      const BdxCheck *c = g_ptr_array_index (d->checks, i);
      if ((st = prepare (ds, check_sql, error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (st, 1, id);
      sqlite3_bind_int (st, 2, i);
      bind_text (st, 3, c->id);
      bind_text (st, 4, c->table);
      bind_text (st, 5, c->row);
      bind_text (st, 6, c->column);
      bind_text (st, 7, bdx_check_status_name (c->status));
      sqlite3_bind_int64 (st, 8, c->expected);
      sqlite3_bind_int64 (st, 9, c->actual);
      sqlite3_bind_int64 (st, 10, c->tolerance);
      bind_text (st, 11, c->message);
      if (!step_done (ds, st, error))
        return FALSE;
    }
  for (guint i = 0; d->notices && i < d->notices->len; i++)
    {
      if ((st = prepare (ds, notice_sql, error)) == NULL)
        return FALSE;
      sqlite3_bind_int64 (st, 1, id);
      sqlite3_bind_int (st, 2, i);
      bind_text (st, 3, g_ptr_array_index (d->notices, i));
      if (!step_done (ds, st, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
put_document_row (BdxDataset *ds, const BdxDatasetEntry *e,
                  const BdxDisclosure *d, gint64 *id, GError **error)
{
  static const char sql[]
      = "INSERT INTO documents (sha256, path, size, status, reason, error,"
        " kind, year, department, published, unit, pages, text_pages,"
        " ocr_pages, n_tables, checks, checks_passed, checks_within_rounding,"
        " checks_failed, json, bdx_version, elapsed_ms, max_rss_kb,"
        " template, patterns, harvested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
        " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
        " strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))";
  sqlite3_stmt *st = prepare (ds, sql, error);
  if (st == NULL)
    return FALSE;
  BdxDocStatus status = d == NULL ? BDX_DOC_FAILED
                        : bdx_disclosure_is_disclosure (d)
                            ? BDX_DOC_OK
                            : BDX_DOC_NOT_DISCLOSURE;
  bind_text (st, 1, e->sha256);
  bind_text (st, 2, e->path);
  bind_int (st, 3, e->size, e->path != NULL);
  bind_text (st, 4, bdx_doc_status_name (status));
  bind_text (st, 5, d ? NULL : (e->reason ? e->reason : "error"));
  bind_text (st, 6, d ? NULL : e->error);
  if (d != NULL)
    {
      int checks, passed, rounding, failed;
      bdx_validate_summary (d, &checks, &passed, &rounding, &failed);
      bind_text (st, 7, d->kind == BDX_KIND_UNKNOWN
                            ? NULL : bdx_document_kind_name (d->kind));
      bind_int (st, 8, d->year, d->year > 0);
      bind_text (st, 9, d->department);
      bind_text (st, 10, d->published);
      bind_text (st, 11, bdx_unit_name (d->unit));
      sqlite3_bind_int (st, 12, d->source.pages);
      sqlite3_bind_int (st, 13,
                        d->source.text_pages ? d->source.text_pages->len : 0);
      sqlite3_bind_int (st, 14,
                        d->source.ocr_pages ? d->source.ocr_pages->len : 0);
      sqlite3_bind_int (st, 15, d->tables->len);
      sqlite3_bind_int (st, 16, checks);
      sqlite3_bind_int (st, 17, passed);
      sqlite3_bind_int (st, 18, rounding);
      sqlite3_bind_int (st, 19, failed);
      bind_text (st, 24, d->tmpl.id);
      bind_text (st, 25, d->tmpl.patterns);
    }
  bind_text (st, 20, d ? e->json : NULL);
  bind_text (st, 21, BDX_VERSION);
  bind_int (st, 22, e->elapsed_ms, e->elapsed_ms >= 0);
  bind_int (st, 23, e->max_rss_kb, e->max_rss_kb > 0);
  if (!step_done (ds, st, error))
    return FALSE;
  *id = sqlite3_last_insert_rowid (ds->db);
  return TRUE;
}

static gboolean
put_path (BdxDataset *ds, const char *sha256, const BdxDatasetPath *p,
          GError **error)
{
  static const char sql[]
      = "INSERT OR REPLACE INTO document_paths (path, sha256, size, mtime_ns)"
        " VALUES (?, ?, ?, ?)";
  static const char forget_sql[] = "DELETE FROM errors WHERE path = ?";
  sqlite3_stmt *st = prepare (ds, sql, error);
  if (st == NULL)
    return FALSE;
  bind_text (st, 1, p->path);
  bind_text (st, 2, sha256);
  sqlite3_bind_int64 (st, 3, p->size);
  sqlite3_bind_int64 (st, 4, p->mtime_ns);
  if (!step_done (ds, st, error))
    return FALSE;
  if ((st = prepare (ds, forget_sql, error)) == NULL)
    return FALSE;
  bind_text (st, 1, p->path);
  return step_done (ds, st, error);
}

gboolean
bdx_dataset_put (BdxDataset *ds, const BdxDatasetEntry *e,
                 const BdxDisclosure *d, GError **error)
{
  g_return_val_if_fail (ds != NULL && e != NULL && e->sha256 != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  static const char delete_sql[] = "DELETE FROM documents WHERE sha256 = ?";

  if (!exec (ds, "BEGIN IMMEDIATE", error))
    return FALSE;
  gint64 id = 0;
  sqlite3_stmt *st = prepare (ds, delete_sql, error);
  gboolean ok = st != NULL;
  if (ok)
    {
      bind_text (st, 1, e->sha256);
      ok = step_done (ds, st, error);
    }
  ok = ok && put_document_row (ds, e, d, &id, error);
  if (ok && d != NULL)
    {
      int next = 0;
      ok = put_overview (ds, id, d, error)
           && put_outline (ds, id, d->outline, -1, &next, error);
      for (guint t = 0; ok && t < d->tables->len; t++)
        ok = put_table (ds, id, t, g_ptr_array_index (d->tables, t), error);
      ok = ok && put_projects (ds, id, d, error)
           && put_performance (ds, id, d, error)
           && put_facts_checks_notices (ds, id, d, error);
    }
  for (guint i = 0; ok && i < e->n_paths; i++)
    ok = put_path (ds, e->sha256, &e->paths[i], error);
  if (ok && !exec (ds, "COMMIT", error))
    ok = FALSE;
  if (!ok)
    {
      sqlite3_exec (ds->db, "ROLLBACK", NULL, NULL, NULL);
      g_prefix_error (error, "cannot store '%s': ", e->path ? e->path : e->sha256);
    }
  return ok;
}

gboolean
bdx_dataset_add_path (BdxDataset *ds, const char *sha256,
                      const BdxDatasetPath *path, GError **error)
{
  g_return_val_if_fail (ds != NULL && sha256 != NULL && path != NULL, FALSE);
  if (!exec (ds, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!put_path (ds, sha256, path, error) || !exec (ds, "COMMIT", error))
    {
      sqlite3_exec (ds->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

gboolean
bdx_dataset_set_input_error (BdxDataset *ds, const char *path,
                             const char *reason, const char *message,
                             GError **error)
{
  g_return_val_if_fail (ds != NULL && path != NULL, FALSE);
  static const char set_sql[]
      = "INSERT OR REPLACE INTO errors (path, reason, error) VALUES (?, ?, ?)";
  static const char clear_sql[] = "DELETE FROM errors WHERE path = ?";
  sqlite3_stmt *st = prepare (ds, message ? set_sql : clear_sql, error);
  if (st == NULL)
    return FALSE;
  bind_text (st, 1, path);
  if (message)
    {
      bind_text (st, 2, reason ? reason : "unreadable");
      bind_text (st, 3, message);
    }
  return step_done (ds, st, error);
}

/* ---- merge --------------------------------------------------------------- */

/* The columns of a table, comma-separated, without document_id (and
 * without id for documents). */
static char *
column_list (BdxDataset *ds, const char *table, const char *prefix,
             GError **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA main.table_info (\"%s\")",
                                          table);
  g_autoptr (sqlite3_stmt) st = NULL;
  int rc = sqlite3_prepare_v2 (ds->db, sql, -1, &st, NULL);
  if (rc != SQLITE_OK)
    {
      sql_error (ds, rc, "cannot query", error);
      return NULL;
    }
  GString *cols = g_string_new (NULL);
  while (sqlite3_step (st) == SQLITE_ROW)
    {
      const char *name = (const char *)sqlite3_column_text (st, 1);
      if (strcmp (name, "document_id") == 0
          || (strcmp (table, "documents") == 0 && strcmp (name, "id") == 0))
        continue;
      g_string_append_printf (cols, "%s%s\"%s\"", cols->len ? ", " : "",
                              prefix, name);
    }
  return g_string_free (cols, FALSE);
}

static gboolean
copy_json (const char *from_dir, const char *to_dir, const char *rel,
           GError **error)
{
  g_autofree char *from = g_build_filename (from_dir, rel, NULL);
  g_autofree char *to = g_build_filename (to_dir, rel, NULL);
  if (strcmp (from, to) == 0)
    return TRUE;
  g_autofree char *data = NULL;
  gsize len = 0;
  if (!g_file_get_contents (from, &data, &len, NULL))
    return FALSE; /* missing: the caller counts it */
  g_autofree char *dir = g_path_get_dirname (to);
  if (g_mkdir_with_parents (dir, 0777) != 0)
    {
      int saved = errno;
      g_set_error (error, BDX_ERROR, BDX_ERROR_IO, "cannot create '%s': %s",
                   dir, g_strerror (saved));
      return FALSE;
    }
  g_autoptr (GError) local = NULL;
  if (!g_file_set_contents_full (to, data, len,
                                 G_FILE_SET_CONTENTS_CONSISTENT
                                     | G_FILE_SET_CONTENTS_DURABLE,
                                 0666, &local))
    {
      g_set_error (error, BDX_ERROR, BDX_ERROR_IO, "%s", local->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
same_file (const char *a, const char *b)
{
  GStatBuf sa, sb;
  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 && sa.st_dev == sb.st_dev
         && sa.st_ino == sb.st_ino;
}

static gboolean
merge_rows (BdxDataset *ds, const char *other, const char *json_dir,
            BdxMergeStats *stats, GError **error)
{
  /* Which documents to take: new ones, and those that failed here but
   * not there. */
  if (!exec (ds,
             "CREATE TEMP TABLE merge_docs AS"
             " SELECT s.id AS old_id, s.sha256, s.json,"
             "   m.id IS NOT NULL AS replacing"
             " FROM other.documents s"
             " LEFT JOIN main.documents m ON m.sha256 = s.sha256"
             " WHERE m.id IS NULL"
             "   OR (m.status = 'failed' AND s.status <> 'failed')",
             error))
    return FALSE;

  g_autoptr (sqlite3_stmt) st = NULL;
  int rc = sqlite3_prepare_v2 (
      ds->db,
      "SELECT sha256, json, replacing FROM temp.merge_docs ORDER BY sha256",
      -1, &st, NULL);
  if (rc != SQLITE_OK)
    return sql_error (ds, rc, "cannot query", error);
  g_autoptr (GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *other_dir = g_path_get_dirname (other);
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      const char *sha = (const char *)sqlite3_column_text (st, 0);
      const char *json = (const char *)sqlite3_column_text (st, 1);
      if (sqlite3_column_int (st, 2))
        stats->replaced++;
      else
        stats->added++;
      if (json_dir == NULL || json == NULL)
        continue;
      g_autoptr (GError) local = NULL;
      if (!copy_json (other_dir, json_dir, json, &local))
        {
          if (local != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local));
              return FALSE;
            }
          stats->json_missing++;
          g_ptr_array_add (missing, g_strdup (sha));
        }
    }
  if (rc != SQLITE_DONE)
    return sql_error (ds, rc, "cannot query", error);

  g_autofree char *doc_cols = column_list (ds, "documents", "", error);
  g_autofree char *doc_src = column_list (ds, "documents", "s.", error);
  if (doc_cols == NULL || doc_src == NULL)
    return FALSE;
  g_autofree char *del = g_strdup (
      "DELETE FROM main.documents WHERE sha256 IN"
      " (SELECT sha256 FROM temp.merge_docs WHERE replacing)");
  g_autofree char *ins = g_strdup_printf (
      "INSERT INTO main.documents (%s) SELECT %s FROM other.documents s"
      " JOIN temp.merge_docs md ON md.old_id = s.id ORDER BY s.sha256",
      doc_cols, doc_src);
  if (!exec (ds, del, error) || !exec (ds, ins, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (child_tables); i++)
    {
      g_autofree char *cols = column_list (ds, child_tables[i], "", error);
      g_autofree char *src = column_list (ds, child_tables[i], "s.", error);
      if (cols == NULL || src == NULL)
        return FALSE;
      g_autofree char *sql = g_strdup_printf (
          "INSERT INTO main.\"%s\" (document_id, %s) SELECT m.id, %s"
          " FROM other.\"%s\" s"
          " JOIN temp.merge_docs md ON md.old_id = s.document_id"
          " JOIN main.documents m ON m.sha256 = md.sha256",
          child_tables[i], cols, src, child_tables[i]);
      if (!exec (ds, sql, error))
        return FALSE;
    }
  for (guint i = 0; i < missing->len; i++)
    {
      static const char sql[]
          = "UPDATE main.documents SET json = NULL WHERE sha256 = ?";
      sqlite3_stmt *up = prepare (ds, sql, error);
      if (up == NULL)
        return FALSE;
      bind_text (up, 1, g_ptr_array_index (missing, i));
      if (!step_done (ds, up, error))
        return FALSE;
    }
  if (!exec (ds,
             "INSERT OR IGNORE INTO main.document_paths"
             " SELECT * FROM other.document_paths;"
             "INSERT OR IGNORE INTO main.errors SELECT * FROM other.errors"
             " WHERE path NOT IN (SELECT path FROM main.document_paths);"
             "DELETE FROM main.errors WHERE path IN"
             " (SELECT path FROM main.document_paths);",
             error))
    return FALSE;

  g_autoptr (sqlite3_stmt) count = NULL;
  rc = sqlite3_prepare_v2 (ds->db,
                           "SELECT count(*) FROM other.documents", -1, &count,
                           NULL);
  if (rc != SQLITE_OK || sqlite3_step (count) != SQLITE_ROW)
    return sql_error (ds, rc, "cannot query", error);
  stats->kept = sqlite3_column_int (count, 0) - stats->added - stats->replaced;
  return TRUE;
}

gboolean
bdx_dataset_merge (BdxDataset *ds, const char *other, const char *json_dir,
                   BdxMergeStats *stats, GError **error)
{
  g_return_val_if_fail (ds != NULL && other != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  BdxMergeStats local_stats = { 0 };
  if (stats == NULL)
    stats = &local_stats;
  *stats = (BdxMergeStats){ 0 };

  if (same_file (ds->path, other))
    {
      g_set_error (error, BDX_ERROR, BDX_ERROR_ARGUMENT,
                   "cannot merge '%s' into itself", other);
      return FALSE;
    }
  /* Opening it on its own first checks that it is a dataset of our
   * version, with a clear message. */
  g_autoptr (BdxDataset) o = bdx_dataset_open (other, TRUE, error);
  if (o == NULL)
    return FALSE;
  g_clear_pointer (&o, bdx_dataset_free);

  g_autofree char *abs = g_canonicalize_filename (other, NULL);
  g_autofree char *esc = g_uri_escape_string (abs, "/", FALSE);
  g_autofree char *uri = g_strdup_printf ("file:%s?mode=ro", esc);
  sqlite3_stmt *st = prepare (ds, "ATTACH DATABASE ? AS other", error);
  if (st == NULL)
    return FALSE;
  bind_text (st, 1, uri);
  if (!step_done (ds, st, error))
    {
      g_prefix_error (error, "cannot read '%s': ", other);
      return FALSE;
    }
  gboolean ok = exec (ds, "BEGIN IMMEDIATE", error);
  if (ok)
    {
      ok = merge_rows (ds, other, json_dir, stats, error)
           && exec (ds, "DROP TABLE temp.merge_docs", error)
           && exec (ds, "COMMIT", error);
      if (!ok)
        sqlite3_exec (ds->db, "ROLLBACK", NULL, NULL, NULL);
    }
  sqlite3_exec (ds->db, "DROP TABLE IF EXISTS temp.merge_docs", NULL, NULL,
                NULL);
  /* Cached statements may refer to the attached schema's tables. */
  g_hash_table_remove_all (ds->stmts);
  sqlite3_exec (ds->db, "DETACH DATABASE other", NULL, NULL, NULL);
  if (!ok)
    g_prefix_error (error, "cannot merge '%s': ", other);
  return ok;
}

/* ---- export -------------------------------------------------------------- */

static void
write_csv_field (FILE *out, const char *s)
{
  if (strpbrk (s, ",\"\r\n") == NULL && s[0] != ' '
      && (s[0] == '\0' || s[strlen (s) - 1] != ' '))
    {
      fputs (s, out);
      return;
    }
  fputc ('"', out);
  for (const char *p = s; *p; p++)
    {
      if (*p == '"')
        fputc ('"', out);
      fputc (*p, out);
    }
  fputc ('"', out);
}

static void
write_json_string (FILE *out, const char *s)
{
  fputc ('"', out);
  for (const unsigned char *p = (const unsigned char *)s; *p; p++)
    {
      switch (*p)
        {
        case '"': fputs ("\\\"", out); break;
        case '\\': fputs ("\\\\", out); break;
        case '\n': fputs ("\\n", out); break;
        case '\r': fputs ("\\r", out); break;
        case '\t': fputs ("\\t", out); break;
        default:
          if (*p < 0x20)
            fprintf (out, "\\u%04x", *p);
          else
            fputc (*p, out);
        }
    }
  fputc ('"', out);
}

/* Writes the result rows of a prepared statement. */
static gboolean
write_rows (BdxDataset *ds, sqlite3_stmt *st, BdxExportFormat format,
            gboolean skip_document_id, FILE *out, GError **error)
{
  int n = sqlite3_column_count (st);
  gboolean first;
  if (format == BDX_EXPORT_CSV)
    {
      first = TRUE;
      for (int i = 0; i < n; i++)
        {
          const char *name = sqlite3_column_name (st, i);
          if (skip_document_id && strcmp (name, "document_id") == 0)
            continue;
          if (!first)
            fputc (',', out);
          write_csv_field (out, name);
          first = FALSE;
        }
      fputs ("\r\n", out);
    }
  int rc;
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    {
      first = TRUE;
      if (format == BDX_EXPORT_JSONL)
        fputc ('{', out);
      for (int i = 0; i < n; i++)
        {
          const char *name = sqlite3_column_name (st, i);
          if (skip_document_id && strcmp (name, "document_id") == 0)
            continue;
          if (!first)
            fputc (',', out);
          first = FALSE;
          if (format == BDX_EXPORT_JSONL)
            {
              write_json_string (out, name);
              fputc (':', out);
            }
          switch (sqlite3_column_type (st, i))
            {
            case SQLITE_NULL:
              if (format == BDX_EXPORT_JSONL)
                fputs ("null", out);
              break;
            case SQLITE_INTEGER:
              fprintf (out, "%" G_GINT64_FORMAT,
                       (gint64)sqlite3_column_int64 (st, i));
              break;
            case SQLITE_FLOAT:
              {
                char buf[G_ASCII_DTOSTR_BUF_SIZE];
                fputs (g_ascii_dtostr (buf, sizeof buf,
                                       sqlite3_column_double (st, i)),
                       out);
              }
              break;
            default:
              {
                const char *s = (const char *)sqlite3_column_text (st, i);
                if (format == BDX_EXPORT_JSONL)
                  write_json_string (out, s ? s : "");
                else
                  write_csv_field (out, s ? s : "");
              }
            }
        }
      fputs (format == BDX_EXPORT_JSONL ? "}\n" : "\r\n", out);
    }
  if (rc != SQLITE_DONE)
    return sql_error (ds, rc, "cannot read", error);
  return TRUE;
}

/* The wide form of one table id: its rows, a column per column key
 * (the column id, prefixed by the side in two-sided tables; the printed
 * header when the column has no id), in the order they are printed. */
static char *
wide_query (BdxDataset *ds, const char *table_id, GPtrArray *keys,
            GError **error)
{
  static const char key_expr[]
      = "COALESCE(c.side || '_', '') || COALESCE(c.column_id, c.header)";
  g_autofree char *sql = g_strdup_printf (
      "SELECT %s AS k, MIN(c.column_index) AS pos FROM table_columns c"
      " JOIN tables t ON t.document_id = c.document_id"
      "  AND t.table_index = c.table_index"
      " WHERE t.table_id = ?1 GROUP BY k ORDER BY pos, k",
      key_expr);
  g_autoptr (sqlite3_stmt) st = NULL;
  int rc = sqlite3_prepare_v2 (ds->db, sql, -1, &st, NULL);
  if (rc != SQLITE_OK)
    {
      sql_error (ds, rc, "cannot query", error);
      return NULL;
    }
  sqlite3_bind_text (st, 1, table_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (st)) == SQLITE_ROW)
    g_ptr_array_add (keys, g_strdup ((const char *)sqlite3_column_text (st, 0)));
  if (rc != SQLITE_DONE)
    {
      sql_error (ds, rc, "cannot query", error);
      return NULL;
    }
  if (keys->len == 0)
    {
      g_set_error (error, BDX_ERROR, BDX_ERROR_ARGUMENT,
                   "no table '%s' in '%s'", table_id, ds->path);
      return NULL;
    }
  GString *q = g_string_new (wide_select);
  for (guint i = 0; i < keys->len; i++)
    {
      g_autoptr (GString) ident = g_string_new (g_ptr_array_index (keys, i));
      g_string_replace (ident, "\"", "\"\"", 0);
      g_string_append_printf (q, ",\n  MAX(CASE WHEN %s = ?%u THEN a.amount"
                                 " END) AS \"%s\"",
                              key_expr, i + 2, ident->str);
    }
  g_string_append_printf (q, "\n%sWHERE t.table_id = ?1\n"
                             "GROUP BY t.document_id, t.table_index,"
                             " r.row_index\n"
                             "ORDER BY d.sha256, t.table_index, r.row_index",
                          wide_from);
  return g_string_free (q, FALSE);
}

gboolean
bdx_dataset_export (BdxDataset *ds, const BdxExportOptions *opts, FILE *out,
                    GError **error)
{
  g_return_val_if_fail (ds != NULL && out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  BdxExportOptions defaults = { 0 };
  if (opts == NULL)
    opts = &defaults;

  g_autofree char *sql = NULL;
  g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  gboolean skip_document_id = TRUE;
  if (opts->table_id != NULL)
    {
      if ((sql = wide_query (ds, opts->table_id, keys, error)) == NULL)
        return FALSE;
    }
  else if (opts->relation != NULL)
    {
      /* Only what the schema has: the name is checked against it before
       * it becomes part of the SQL. */
      static const char check_sql[]
          = "SELECT count(*) FROM sqlite_master WHERE name = ?"
            " AND type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'";
      sqlite3_stmt *st = prepare (ds, check_sql, error);
      if (st == NULL)
        return FALSE;
      bind_text (st, 1, opts->relation);
      gboolean known
          = sqlite3_step (st) == SQLITE_ROW && sqlite3_column_int (st, 0) > 0;
      sqlite3_reset (st);
      if (!known)
        {
          g_set_error (error, BDX_ERROR, BDX_ERROR_ARGUMENT,
                       "no table or view '%s' in '%s'", opts->relation,
                       ds->path);
          return FALSE;
        }
      sql = g_strdup_printf ("SELECT * FROM \"%s\"", opts->relation);
      skip_document_id = FALSE;
    }
  else
    sql = g_strdup ("SELECT * FROM v_amounts"
                    " ORDER BY sha256, table_index, row_index, column_index");

  g_autoptr (sqlite3_stmt) st = NULL;
  int rc = sqlite3_prepare_v2 (ds->db, sql, -1, &st, NULL);
  if (rc != SQLITE_OK)
    return sql_error (ds, rc, "cannot query", error);
  if (opts->table_id != NULL)
    {
      sqlite3_bind_text (st, 1, opts->table_id, -1, SQLITE_TRANSIENT);
      for (guint i = 0; i < keys->len; i++)
        sqlite3_bind_text (st, i + 2, g_ptr_array_index (keys, i), -1,
                           SQLITE_TRANSIENT);
    }
  if (!write_rows (ds, st, opts->format, skip_document_id, out, error))
    return FALSE;
  if (fflush (out) != 0 || ferror (out))
    {
      int saved = errno;
      g_set_error (error, BDX_ERROR, BDX_ERROR_IO, "cannot write: %s",
                   g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
