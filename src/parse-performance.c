/* bdx — parse stage, performance targets: 绩效目标表 into BdxPerformance.
 *
 * A performance-target table is a ruled grid in two blocks: label/value
 * rows on top, then one row per indicator under a header row.
 *
 *   +--------------+--------------------------------------------------+
 *   | 预算单位      | 某某局                                            |
 *   | 项目名称      | 某某项目                    | 项目负责人 | 张三     |
 *   | 项目资金(万元) | 年度预算总额 | 30.00 | 其中:财政拨款 | 30.00 | … |
 *   | 项目总体目标   | ……                                               |
 *   +--------+--------+----------+--------+------+------+-----+-----+---+
 *   |一级指标|二级指标|三级指标   | 指标值 | 依据 | 上年 | 权重 | 规则 | 佐证|
 *   +--------+--------+----------+--------+------+------+-----+-----+---+
 *   |产出指标|数量指标|维护台数(台)| =3台   | …                            |
 *   |        |        |维护套数(套)| =1套   | …                            |
 *   |        +--------+----------+--------+                              |
 *   |        |质量指标| …                                              |
 *   +--------+--------+----------+ …
 *
 * The algorithm
 * 1. Tables: a piece whose title matches [performance] title.SCOPE
 *    starts a table of that scope ("department" or "project").  Each
 *    following piece that continues it — no title and no number, at the
 *    top of the next page, the previous piece at the end of its page,
 *    about as many columns over about the same width — is appended,
 *    unless one of its first two rows carries a 项目名称 or 预算单位
 *    label: that is a new table whose title was not recognized.
 * 2. The top block: every row before the indicator header.  Walking a
 *    row's cells left to right, a cell matching
 *    [performance.fields] label.KEY opens KEY; the next cell gives its
 *    value (a blank cell leaves the field unstated).  For the funds keys
 *    (label.funds.total / .fiscal / .other) the value is the next amount
 *    in the row, sub-labels in between (上级安排, 本级安排) are skipped,
 *    and a key that receives amounts on several rows (the department
 *    table's 财政资金 over 上级安排 and 本级安排) adds them up.  The unit
 *    is the first `unit` group a label prints ("项目资金(万元)"), else the
 *    piece's, else the document's.  No printed total: the total is the
 *    sum of the parts printed.  The manager is 负责人, else 联系人.
 * 3. The header: the first row whose cells name at least three fields of
 *    [performance.columns] column.FIELD, the name or the target among
 *    them.  Header cells that reach further down (a two-row header) map
 *    their columns too; data starts below the lowest header cell.  A
 *    continuation piece maps its columns to the header's by position:
 *    the same index when it has as many columns, else the header column
 *    under each column's centre.  A header repeated on a later page is
 *    not a row.
 * 4. Indicators: each data row gives one, its fields read from the cell
 *    covering each mapped column, so a merged 一级/二级指标 cell gives its
 *    text to every row it spans; a blank level cell takes the level of
 *    the indicator above.  Rows with nothing besides the level cells, a
 *    single cell across the table (a note), or a name matching
 *    [performance.rows] total are not indicators.
 * 5. Page breaks: in the first data row of a continuation piece, a row
 *    with neither target nor weight is the rest of the row cut by the
 *    page break: its texts are appended to the previous indicator's.  A
 *    level cell there continues the one above when the row is such a
 *    rest, or when the text above is not a complete level name
 *    ([performance.rows] level_complete) and the two joined are
 *    ("满意度指" | "标"); the joined text replaces the old one in the
 *    indicators above and is given to every row the new cell spans.
 * 6. Values: texts are normalized and lose their spaces except between
 *    two Latin letters or digits (in a Chinese table a space is a line
 *    wrap or a typesetting artefact); the target loses every space
 *    ("> =95%" → ">=95%") and is split into op, value and unit by
 *    [performance.target] target, the op named by op.{eq,ge,le,gt,lt};
 *    the weight is an integer by [performance.target] weight.  A blank or
 *    absent cell is NULL (weight -1).
 */
#include "bdx/parse.h"

#include <math.h>
#include <string.h>

#include "bdx/text.h"

#define SEC_TITLES "performance"
#define SEC_FIELDS "performance.fields"
#define SEC_COLUMNS "performance.columns"
#define SEC_TARGET "performance.target"
#define SEC_ROWS "performance.rows"

typedef enum {
  F_NONE = -1,
  F_LEVEL1 = 0,
  F_LEVEL2,
  F_NAME,
  F_TARGET,
  F_BASIS,
  F_PREVIOUS,
  F_WEIGHT,
  F_SCORING,
  F_EVIDENCE,
  N_FIELDS
} Field;

/* The column.FIELD keys of [performance.columns], by Field. */
static const char *const field_keys[N_FIELDS] = {
  "level1", "level2", "name", "target", "basis",
  "previous", "weight", "scoring", "evidence",
};

/* The contract's op syntax for each op.NAME key of [performance.target]. */
static const struct {
  const char *key, *op;
} op_names[] = {
  { "eq", "=" }, { "ge", ">=" }, { "le", "<=" }, { "gt", ">" }, { "lt", "<" },
};

typedef enum {
  B_TOTAL = 0,
  B_FISCAL,
  B_OTHER,
  N_BUCKETS
} Bucket;

static const char *const bucket_keys[N_BUCKETS] = {
  "funds.total", "funds.fiscal", "funds.other",
};

typedef struct {
  char *text;   /* the amount digits */
  BdxUnit unit; /* printed with the amount, or UNKNOWN */
} Amount;

/* What the top block states. */
typedef struct {
  char *department, *project, *manager, *contact, *goal;
  GArray *amounts[N_BUCKETS]; /* of Amount */
  BdxUnit unit;
} Top;

typedef struct {
  const BdxPatterns *p;
  BdxDisclosure *d;
} Ctx;

/* One field of a data row: the first covering cell with text, and the
 * text of all such cells (two when a ruling line splits the column);
 * both NULL when blank. */
typedef struct {
  const BdxCell *cell;
  char *text;
} Slot;

/* Level cells of a continuation piece that carry a joined text. */
typedef struct {
  const BdxCell *cell[2];
  char *text[2];
} Override;

static void
notice (BdxDisclosure *d, const char *fmt, ...) G_GNUC_PRINTF (2, 3);

static void
notice (BdxDisclosure *d, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  g_ptr_array_add (d->notices, g_strdup_vprintf (fmt, ap));
  va_end (ap);
}

/* ---- text ---------------------------------------------------------- */

/* Normalized text without spaces, except one between two ASCII letters or
 * digits; NULL for NULL or a text that ends up empty. */
static char *
squeeze (const char *s)
{
  if (s == NULL)
    return NULL;
  g_autofree char *n = bdx_text_normalize (s, -1);
  GString *out = g_string_sized_new (strlen (n));
  for (const char *p = n; *p; p++)
    {
      if (*p == ' ')
        {
          char before = out->len > 0 ? out->str[out->len - 1] : '\0';
          if (g_ascii_isalnum (before) && g_ascii_isalnum (p[1]))
            g_string_append_c (out, ' ');
          continue;
        }
      g_string_append_c (out, *p);
    }
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

/* Normalized text without any space; NULL for NULL or empty. */
static char *
strip_all (const char *s)
{
  if (s == NULL)
    return NULL;
  g_autofree char *n = bdx_text_normalize (s, -1);
  char *out = bdx_text_strip_spaces (n);
  if (*out == '\0')
    g_clear_pointer (&out, g_free);
  return out;
}

/* a and b joined as one text (squeezed); either may be NULL. */
static char *
join_text (const char *a, const char *b)
{
  g_autofree char *j = g_strconcat (a ? a : "", b ? b : "", NULL);
  return squeeze (j);
}

/* ---- patterns ------------------------------------------------------ */

/* The scope of a title ("department", "project"; borrowed), or NULL. */
static const char *
title_scope (const Ctx *cx, const char *title)
{
  if (title == NULL)
    return NULL;
  const BdxPattern *e
      = bdx_patterns_match_prefix (cx->p, SEC_TITLES, "title.", title, NULL);
  return e ? bdx_pattern_key (e) + strlen ("title.") : NULL;
}

/* The label key a top-block cell names ("department", "funds.total";
 * borrowed), or NULL.  *unit receives a unit the label prints. */
static const char *
label_key (const Ctx *cx, const char *text, BdxUnit *unit)
{
  if (*text == '\0')
    return NULL;
  g_autofree char *bare = bdx_text_strip_spaces (text);
  g_autoptr (BdxMatch) m = NULL;
  const BdxPattern *e
      = bdx_patterns_match_prefix (cx->p, SEC_FIELDS, "label.", bare, &m);
  if (e == NULL)
    return NULL;
  if (unit)
    {
      g_autofree char *u = bdx_match_named (m, "unit");
      *unit = u ? bdx_unit_from_name (u) : BDX_UNIT_UNKNOWN;
    }
  return bdx_pattern_key (e) + strlen ("label.");
}

static Field
header_field (const Ctx *cx, const char *text)
{
  if (*text == '\0')
    return F_NONE;
  g_autofree char *bare = bdx_text_strip_spaces (text);
  const BdxPattern *e
      = bdx_patterns_match_prefix (cx->p, SEC_COLUMNS, "column.", bare, NULL);
  if (e == NULL)
    return F_NONE;
  const char *k = bdx_pattern_key (e) + strlen ("column.");
  for (int f = 0; f < N_FIELDS; f++)
    if (strcmp (k, field_keys[f]) == 0)
      return (Field) f;
  return F_NONE;
}

static gboolean
rmatch (const Ctx *cx, const char *key, const char *text)
{
  return text != NULL
         && bdx_patterns_match_first (cx->p, SEC_ROWS, key, text, NULL)
                != NULL;
}

/* ---- the top block ------------------------------------------------- */

static void
top_clear (Top *t)
{
  g_free (t->department);
  g_free (t->project);
  g_free (t->manager);
  g_free (t->contact);
  g_free (t->goal);
  for (int b = 0; b < N_BUCKETS; b++)
    if (t->amounts[b])
      {
        for (guint i = 0; i < t->amounts[b]->len; i++)
          g_free (g_array_index (t->amounts[b], Amount, i).text);
        g_array_unref (t->amounts[b]);
      }
}

static char **
text_slot (Top *t, const char *key)
{
  if (strcmp (key, "department") == 0)
    return &t->department;
  if (strcmp (key, "project") == 0)
    return &t->project;
  if (strcmp (key, "manager") == 0)
    return &t->manager;
  if (strcmp (key, "contact") == 0)
    return &t->contact;
  if (strcmp (key, "goal") == 0)
    return &t->goal;
  return NULL; /* a label read for its value only (联系电话) */
}

static Bucket
bucket_of (const char *key)
{
  for (int b = 0; b < N_BUCKETS; b++)
    if (strcmp (key, bucket_keys[b]) == 0)
      return (Bucket) b;
  return N_BUCKETS;
}

/* An amount cell ("101.34", "101.34万元"): TRUE and the amount. */
static gboolean
read_amount (const Ctx *cx, const char *text, Amount *out)
{
  g_autofree char *bare = bdx_text_strip_spaces (text);
  g_autoptr (BdxMatch) m = NULL;
  if (!bdx_patterns_match_first (cx->p, SEC_FIELDS, "amount", bare, &m))
    return FALSE;
  g_autofree char *a = bdx_match_named (m, "amount");
  if (a == NULL || !bdx_money_is_amount (a) || strpbrk (a, "0123456789") == NULL)
    return FALSE;
  g_autofree char *u = bdx_match_named (m, "unit");
  out->text = g_steal_pointer (&a);
  out->unit = u ? bdx_unit_from_name (u) : BDX_UNIT_UNKNOWN;
  return TRUE;
}

static void
top_row (const Ctx *cx, const BdxGrid *g, int r, Top *top)
{
  const char *pending = NULL;
  const BdxCell *prev = NULL;
  for (int c = 0; c < g->n_cols; c++)
    {
      const BdxCell *cell = bdx_grid_cell (g, r, c);
      if (cell == prev)
        continue;
      prev = cell;
      BdxUnit unit = BDX_UNIT_UNKNOWN;
      const char *key = label_key (cx, cell->text, &unit);
      if (key)
        {
          if (top->unit == BDX_UNIT_UNKNOWN)
            top->unit = unit;
          /* label.funds heads the block; its amounts have their own. */
          pending = strcmp (key, "funds") == 0 ? NULL : key;
          continue;
        }
      if (pending == NULL)
        continue;
      Bucket b = bucket_of (pending);
      if (b != N_BUCKETS)
        {
          Amount a;
          if (*cell->text && read_amount (cx, cell->text, &a))
            {
              if (top->amounts[b] == NULL)
                top->amounts[b] = g_array_new (FALSE, FALSE, sizeof (Amount));
              g_array_append_val (top->amounts[b], a);
              pending = NULL;
            }
          continue;
        }
      char **slot = text_slot (top, pending);
      if (slot && *slot == NULL)
        *slot = squeeze (cell->text);
      pending = NULL;
    }
}

/* The sum of a bucket's amounts, blank when it has none. */
static BdxMoney
bucket_sum (const Ctx *cx, const GArray *amounts, BdxUnit unit,
            const char *label)
{
  BdxMoney sum = BDX_MONEY_BLANK;
  for (guint i = 0; amounts && i < amounts->len; i++)
    {
      const Amount *a = &g_array_index (amounts, Amount, i);
      BdxUnit u = a->unit != BDX_UNIT_UNKNOWN ? a->unit : unit;
      if (u == BDX_UNIT_UNKNOWN)
        {
          notice (cx->d, "%s: funds '%s' have no unit", label, a->text);
          continue;
        }
      BdxMoney m;
      g_autoptr (GError) err = NULL;
      if (!bdx_money_parse (a->text, u, &m, &err))
        {
          notice (cx->d, "%s: funds '%s' are not an amount: %s", label,
                  a->text, err->message);
          continue;
        }
      if (!sum.present)
        sum = m;
      else
        {
          sum.fen += m.fen;
          sum.decimals = MAX (sum.decimals, m.decimals);
        }
    }
  return sum;
}

static void
top_apply (const Ctx *cx, Top *top, const BdxTablePiece *first,
           BdxPerformance *perf, const char *label)
{
  perf->department = g_steal_pointer (&top->department);
  if (strcmp (perf->scope, "project") == 0)
    perf->project = g_steal_pointer (&top->project);
  perf->manager = top->manager ? g_steal_pointer (&top->manager)
                               : g_steal_pointer (&top->contact);
  perf->goal = g_steal_pointer (&top->goal);

  BdxUnit unit = top->unit;
  if (unit == BDX_UNIT_UNKNOWN)
    unit = first->unit;
  if (unit == BDX_UNIT_UNKNOWN)
    unit = cx->d->unit;
  BdxMoney m[N_BUCKETS];
  for (int b = 0; b < N_BUCKETS; b++)
    m[b] = bucket_sum (cx, top->amounts[b], unit, label);
  if (!m[B_TOTAL].present && (m[B_FISCAL].present || m[B_OTHER].present))
    {
      /* No printed total (the department table): the parts' sum. */
      for (int b = B_FISCAL; b <= B_OTHER; b++)
        {
          if (!m[b].present)
            continue;
          if (!m[B_TOTAL].present)
            m[B_TOTAL] = m[b];
          else
            {
              m[B_TOTAL].fen += m[b].fen;
              m[B_TOTAL].decimals = MAX (m[B_TOTAL].decimals, m[b].decimals);
            }
        }
    }
  perf->funds_total = m[B_TOTAL];
  perf->funds_fiscal = m[B_FISCAL];
  perf->funds_other = m[B_OTHER];
}

/* ---- the indicator header ------------------------------------------ */

/* Is row r an indicator header?  Then *end is the first row below it
 * and, when cols is not NULL, cols[c] the field of column c. */
static gboolean
header_at (const Ctx *cx, const BdxGrid *g, int r, Field *cols, int *end)
{
  gboolean seen[N_FIELDS] = { FALSE };
  int n = 0;
  const BdxCell *prev = NULL;
  for (int c = 0; c < g->n_cols; c++)
    {
      const BdxCell *cell = bdx_grid_cell (g, r, c);
      if (cell == prev)
        continue;
      prev = cell;
      Field f = header_field (cx, cell->text);
      if (f != F_NONE && !seen[f])
        {
          seen[f] = TRUE;
          n++;
        }
    }
  if (n < 3 || !(seen[F_NAME] || seen[F_TARGET]))
    return FALSE;

  int e = r + 1;
  if (cols)
    for (int c = 0; c < g->n_cols; c++)
      cols[c] = F_NONE;
  /* Lower header rows are more specific: they override. */
  for (int h = r; h < e && h < g->n_rows; h++)
    for (int c = 0; c < g->n_cols; c++)
      {
        const BdxCell *cell = bdx_grid_cell (g, h, c);
        Field f = header_field (cx, cell->text);
        if (f == F_NONE)
          continue;
        if (cols)
          cols[c] = f;
        e = MAX (e, cell->row + cell->rowspan);
      }
  *end = MIN (e, g->n_rows);
  return TRUE;
}

/* Do the column boundaries of g lie on hg's, but for one ruling line
 * missing or added?  (A table laid out anew moves them all.) */
static gboolean
boundaries_align (const BdxGrid *g, const BdxGrid *hg)
{
  double tol = MAX (3.0, 0.01 * (hg->box.x1 - hg->box.x0));
  guint matched = 0;
  for (guint i = 0; i < g->xs->len; i++)
    {
      double x = g_array_index (g->xs, double, i);
      gboolean near = FALSE;
      for (guint k = 0; k < hg->xs->len && !near; k++)
        near = fabs (x - g_array_index (hg->xs, double, k)) <= tol;
      matched += near;
    }
  return matched + 1 >= MIN (g->xs->len, hg->xs->len);
}

/* Fields of a continuation piece's columns (see step 3): the same index
 * when it has as many columns as the header; else, when its boundaries
 * line up with the header's, the header column under each column's
 * centre; else (a table laid out anew) in order, from the left. */
static Field *
map_columns (const Ctx *cx, const BdxTablePiece *piece, const BdxGrid *hg,
             const Field *hcols, const char *label)
{
  const BdxGrid *g = piece->grid;
  Field *cols = g_new (Field, g->n_cols);
  gboolean by_x = g->n_cols != hg->n_cols && boundaries_align (g, hg);
  if (g->n_cols != hg->n_cols && !by_x)
    notice (cx->d, "%s: page %d: the columns do not line up with the "
            "header's; taken in order", label, piece->page);
  for (int c = 0; c < g->n_cols; c++)
    {
      cols[c] = F_NONE;
      if (!by_x)
        {
          if (c < hg->n_cols)
            cols[c] = hcols[c];
          continue;
        }
      double x = (g_array_index (g->xs, double, c)
                  + g_array_index (g->xs, double, c + 1)) / 2;
      for (int h = 0; h < hg->n_cols; h++)
        if (x >= g_array_index (hg->xs, double, h)
            && x < g_array_index (hg->xs, double, h + 1))
          {
            cols[c] = hcols[h];
            break;
          }
    }
  return cols;
}

/* ---- indicators ---------------------------------------------------- */

static void
read_row (const BdxGrid *g, int r, const Field *cols, Slot *row)
{
  memset (row, 0, sizeof (Slot) * N_FIELDS);
  const BdxCell *prev = NULL;
  for (int c = 0; c < g->n_cols; c++)
    {
      const BdxCell *cell = bdx_grid_cell (g, r, c);
      if (cols[c] == F_NONE || cell == prev || *cell->text == '\0')
        continue;
      prev = cell;
      Slot *sl = &row[cols[c]];
      if (sl->cell == NULL)
        {
          sl->cell = cell;
          sl->text = g_strdup (cell->text);
        }
      else
        {
          char *j = g_strconcat (sl->text, cell->text, NULL);
          g_free (sl->text);
          sl->text = j;
        }
    }
}

static void
row_clear (Slot *row)
{
  for (int f = 0; f < N_FIELDS; f++)
    g_free (row[f].text);
}

/* Nothing but level cells, or one cell across the whole row. */
static gboolean
row_is_empty (const BdxGrid *g, int r, const Slot *row)
{
  const BdxCell *c0 = bdx_grid_cell (g, r, 0);
  if (c0->col == 0 && c0->colspan == g->n_cols)
    return TRUE;
  for (int f = F_NAME; f < N_FIELDS; f++)
    if (row[f].text)
      return FALSE;
  return TRUE;
}

static char **
level_slot (BdxIndicator *ind, int f)
{
  return f == F_LEVEL1 ? &ind->level1 : &ind->level2;
}

static void
parse_target (const Ctx *cx, BdxIndicator *ind)
{
  g_clear_pointer (&ind->op, g_free);
  g_clear_pointer (&ind->value, g_free);
  g_clear_pointer (&ind->unit, g_free);
  if (ind->target == NULL)
    return;
  g_autoptr (BdxMatch) m = NULL;
  if (!bdx_patterns_match_first (cx->p, SEC_TARGET, "target", ind->target, &m))
    return;
  g_autofree char *value = bdx_match_named (m, "value");
  g_autofree char *unit = bdx_match_named (m, "unit");
  g_autofree char *op = bdx_match_named (m, "op");
  if (op == NULL || *op == '\0')
    {
      g_free (op);
      op = bdx_match_named (m, "op2");
    }
  if (value)
    {
      /* Thousands separators: the value is plain decimal text. */
      GString *v = g_string_new (NULL);
      for (const char *p = value; *p; p++)
        if (*p != ',')
          g_string_append_c (v, *p);
      ind->value = g_string_free (v, FALSE);
    }
  if (unit && *unit)
    ind->unit = g_steal_pointer (&unit);
  if (op && *op)
    {
      const BdxPattern *e
          = bdx_patterns_match_prefix (cx->p, SEC_TARGET, "op.", op, NULL);
      const char *k = e ? bdx_pattern_key (e) + strlen ("op.") : "";
      for (gsize i = 0; i < G_N_ELEMENTS (op_names); i++)
        if (strcmp (k, op_names[i].key) == 0)
          ind->op = g_strdup (op_names[i].op);
    }
}

static int
parse_weight (const Ctx *cx, const char *text, const char *label)
{
  g_autofree char *bare = strip_all (text);
  if (bare == NULL)
    return -1;
  g_autoptr (BdxMatch) m = NULL;
  if (bdx_patterns_match_first (cx->p, SEC_TARGET, "weight", bare, &m))
    {
      g_autofree char *n = bdx_match_named (m, "n");
      if (n)
        return atoi (n);
    }
  notice (cx->d, "%s: weight '%s' is not a whole number", label, bare);
  return -1;
}

static BdxIndicator *
make_indicator (const Ctx *cx, const Slot *row, const Override *ov,
                const BdxIndicator *above, const char *label)
{
  BdxIndicator *ind = bdx_indicator_new ();
  for (int f = F_LEVEL1; f <= F_LEVEL2; f++)
    {
      char **slot = level_slot (ind, f);
      if (row[f].cell && row[f].cell == ov->cell[f])
        *slot = g_strdup (ov->text[f]);
      else if (row[f].text)
        *slot = squeeze (row[f].text);
      else if (above)
        *slot = g_strdup (*level_slot ((BdxIndicator *) above, f));
    }
  ind->name = squeeze (row[F_NAME].text);
  ind->target = strip_all (row[F_TARGET].text);
  parse_target (cx, ind);
  ind->basis = squeeze (row[F_BASIS].text);
  ind->previous = squeeze (row[F_PREVIOUS].text);
  ind->weight = parse_weight (cx, row[F_WEIGHT].text, label);
  ind->scoring = squeeze (row[F_SCORING].text);
  ind->evidence = squeeze (row[F_EVIDENCE].text);
  return ind;
}

/* Replaces level f == from by to in the indicators at the end of the
 * table (the run the merged cell above the page break spanned). */
static void
rename_run (GPtrArray *inds, int f, const char *from, const char *to)
{
  for (guint i = inds->len; i-- > 0;)
    {
      BdxIndicator *ind = g_ptr_array_index (inds, i);
      char **slot = level_slot (ind, f);
      if (*slot == NULL || strcmp (*slot, from) != 0)
        break;
      g_free (*slot);
      *slot = g_strdup (to);
    }
}

static void
append_field (char **slot, const char *text)
{
  char *j = join_text (*slot, text);
  g_free (*slot);
  *slot = j;
}

/* The first data row of a continuation piece (step 5).  TRUE when the
 * row was the rest of the previous indicator's and is used up. */
static gboolean
join_break (const Ctx *cx, BdxPerformance *perf, const Slot *row,
            gboolean has_target, gboolean has_weight, Override *ov)
{
  if (perf->indicators->len == 0)
    return FALSE;
  BdxIndicator *prev
      = g_ptr_array_index (perf->indicators, perf->indicators->len - 1);
  gboolean rest = (has_target || has_weight) && row[F_TARGET].text == NULL
                  && row[F_WEIGHT].text == NULL;

  for (int f = F_LEVEL1; f <= F_LEVEL2; f++)
    {
      /* A copy: rename_run replaces the indicators' strings. */
      g_autofree char *p = g_strdup (*level_slot (prev, f));
      g_autofree char *t = squeeze (row[f].text);
      if (p == NULL || t == NULL || strcmp (p, t) == 0)
        continue;
      g_autofree char *j = g_strconcat (p, t, NULL);
      if (!rest
          && !(!rmatch (cx, "level_complete", p)
               && rmatch (cx, "level_complete", j)))
        continue;
      ov->cell[f] = row[f].cell;
      g_free (ov->text[f]);
      ov->text[f] = g_strdup (j);
      rename_run (perf->indicators, f, p, j);
    }
  if (!rest)
    return FALSE;

  append_field (&prev->name, row[F_NAME].text);
  append_field (&prev->basis, row[F_BASIS].text);
  append_field (&prev->previous, row[F_PREVIOUS].text);
  append_field (&prev->scoring, row[F_SCORING].text);
  append_field (&prev->evidence, row[F_EVIDENCE].text);
  return TRUE;
}

/* Does data row r give an indicator?  Handles the first data row of a
 * continuation piece (*at_break) on the way. */
static gboolean
keep_row (const Ctx *cx, BdxPerformance *perf, const BdxGrid *g, int r,
          const Slot *row, gboolean *at_break, gboolean has_target,
          gboolean has_weight, Override *ov, const char *label)
{
  if (row_is_empty (g, r, row))
    return FALSE;
  if (*at_break)
    {
      *at_break = FALSE;
      if (join_break (cx, perf, row, has_target, has_weight, ov))
        return FALSE;
    }
  g_autofree char *name = squeeze (row[F_NAME].text);
  g_autofree char *l1 = squeeze (row[F_LEVEL1].text);
  return !(rmatch (cx, "total", name)
           || (name == NULL && rmatch (cx, "total", l1)));
}

/* ---- tables -------------------------------------------------------- */

static void
add_page (BdxPerformance *perf, int page)
{
  for (guint i = 0; i < perf->pages->len; i++)
    if (g_array_index (perf->pages, int, i) == page)
      return;
  g_array_append_val (perf->pages, page);
}

/* How notices name a table: its title and project (or department). */
static char *
table_label (const BdxTablePiece *first, const Top *top)
{
  const char *title = first->title ? first->title : "performance table";
  const char *who = top->project ? top->project : top->department;
  return who ? g_strdup_printf ("%s '%s'", title, who) : g_strdup (title);
}

static BdxPerformance *
build (const Ctx *cx, const GPtrArray *pieces, const char *scope)
{
  const BdxTablePiece *first = g_ptr_array_index (pieces, 0);
  BdxPerformance *perf = bdx_performance_new ();
  perf->scope = g_strdup (scope);
  Top top = { 0 };
  const BdxGrid *hg = NULL;
  g_autofree Field *hcols = NULL;
  g_autofree char *label = NULL;

  for (guint k = 0; k < pieces->len; k++)
    {
      const BdxTablePiece *piece = g_ptr_array_index (pieces, k);
      const BdxGrid *g = piece->grid;
      add_page (perf, piece->page);
      int r = 0;
      g_autofree Field *cols = NULL;
      if (hg == NULL)
        {
          for (; r < g->n_rows; r++)
            {
              int end;
              Field *hc = g_new (Field, g->n_cols);
              if (header_at (cx, g, r, hc, &end))
                {
                  hg = g;
                  hcols = hc;
                  r = end;
                  break;
                }
              g_free (hc);
              top_row (cx, g, r, &top);
            }
          if (hg == NULL)
            continue;
          cols = g_memdup2 (hcols, sizeof (Field) * g->n_cols);
          label = table_label (first, &top);
          top_apply (cx, &top, first, perf, label);
        }
      else
        cols = map_columns (cx, piece, hg, hcols, label);

      gboolean has_target = FALSE, has_weight = FALSE;
      for (int c = 0; c < g->n_cols; c++)
        {
          has_target = has_target || cols[c] == F_TARGET;
          has_weight = has_weight || cols[c] == F_WEIGHT;
        }
      gboolean at_break = g != hg;
      Override ov = { { NULL, NULL }, { NULL, NULL } };
      for (; r < g->n_rows; r++)
        {
          int end;
          if (header_at (cx, g, r, NULL, &end))
            {
              r = end - 1; /* a header repeated on a later page */
              continue;
            }
          Slot row[N_FIELDS];
          read_row (g, r, cols, row);
          if (keep_row (cx, perf, g, r, row, &at_break, has_target,
                        has_weight, &ov, label))
            {
              const BdxIndicator *above
                  = perf->indicators->len
                        ? g_ptr_array_index (perf->indicators,
                                             perf->indicators->len - 1)
                        : NULL;
              g_ptr_array_add (perf->indicators,
                               make_indicator (cx, row, &ov, above, label));
            }
          row_clear (row);
        }
      g_free (ov.text[0]);
      g_free (ov.text[1]);
    }

  if (hg == NULL)
    {
      label = table_label (first, &top);
      top_apply (cx, &top, first, perf, label);
      notice (cx->d, "%s: page %d: no indicator header found", label,
              first->page);
    }
  top_clear (&top);
  return perf;
}

/* Does cur continue the table whose last piece is prev? (step 1) */
static gboolean
continues (const BdxTablePiece *prev, const BdxTablePiece *cur)
{
  if (cur->title != NULL || cur->number != 0 || !cur->at_page_top
      || !prev->at_page_end || cur->page != prev->page + 1)
    return FALSE;
  const BdxGrid *a = prev->grid, *b = cur->grid;
  if (ABS (a->n_cols - b->n_cols) > 2)
    return FALSE;
  double overlap = MIN (a->box.x1, b->box.x1) - MAX (a->box.x0, b->box.x0);
  double narrow = MIN (a->box.x1 - a->box.x0, b->box.x1 - b->box.x0);
  return narrow > 0 && overlap >= 0.8 * narrow;
}

/* The scope of a table that starts in cur without a recognized title
 * (its first rows name the project or the department), or NULL. */
static const char *
untitled_scope (const Ctx *cx, const BdxTablePiece *cur)
{
  const BdxGrid *g = cur->grid;
  gboolean dept = FALSE;
  for (int r = 0; r < MIN (2, g->n_rows); r++)
    for (int c = 0; c < g->n_cols; c++)
      {
        const BdxCell *cell = bdx_grid_cell (g, r, c);
        if (cell->row != r || cell->col != c)
          continue;
        const char *key = label_key (cx, cell->text, NULL);
        if (key && strcmp (key, "project") == 0)
          return "project";
        if (key && strcmp (key, "department") == 0)
          dept = TRUE;
      }
  return dept ? "department" : NULL;
}

gboolean
bdx_parse_performance (const BdxSegments *s, const BdxPatterns *patterns,
                       BdxDisclosure *d, GError **error)
{
  g_return_val_if_fail (s != NULL && patterns != NULL && d != NULL, FALSE);
  Ctx cx = { patterns, d };
  g_autoptr (GPtrArray) group = NULL;
  const char *scope = NULL;

  for (guint i = 0; i <= s->pieces->len; i++)
    {
      const BdxTablePiece *piece
          = i < s->pieces->len ? g_ptr_array_index (s->pieces, i) : NULL;
      const char *starts = piece ? title_scope (&cx, piece->title) : NULL;
      if (piece && !starts && group)
        {
          const BdxTablePiece *last
              = g_ptr_array_index (group, group->len - 1);
          if (continues (last, piece))
            {
              starts = untitled_scope (&cx, piece);
              if (!starts)
                {
                  g_ptr_array_add (group, (gpointer) piece);
                  continue;
                }
            }
        }
      if (group)
        g_ptr_array_add (d->performance, build (&cx, group, scope));
      g_clear_pointer (&group, g_ptr_array_unref);
      if (starts)
        {
          group = g_ptr_array_new ();
          g_ptr_array_add (group, (gpointer) piece);
          scope = starts;
        }
    }
  (void) error;
  return TRUE;
}
