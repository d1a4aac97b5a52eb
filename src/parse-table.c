/* bdx — parse stage, tables: table pieces into BdxTable.
 *
 * The algorithm
 * 1. Group pieces into tables: a piece with no title and no number, at
 *    the top of its page, right after a piece that ended its page on the
 *    previous page, with as many grid columns, continues that table.
 * 2. Header and data rows of a grid: the column-number row (※ ※ 1 2 3),
 *    when printed, ends the header; otherwise the first row holding a
 *    number (an amount or a code) starts the data.
 * 3. Sides: when the top header row has a cell matching side.income and
 *    another matching side.expenditure, each column belongs to the side
 *    whose cell spans it (two-sided tables).
 * 4. Column roles: in the column-number row, ※ marks a label column and a
 *    number an amount column; otherwise the header's last part, matched
 *    against label.*, marks codes (类/款/项/编码), names and projects; a
 *    column neither marks is an amount column when its data cells are
 *    amounts.  Header paths: the distinct header cells over a column,
 *    top-down, leaving out a cell that spans every amount column of its
 *    side (a caption such as 支出预算, or the side's own cell).
 * 5. Column ids: per side, each amount column takes the first unused
 *    column.ID pattern of its table section that matches its path.
 * 6. Rows: per data row and side, the code is the digits of the code
 *    columns joined (201 | 41 | 01 → 2014101; a cell that already holds
 *    the full code replaces the prefix), or else split off the name
 *    ("201 一般公共服务支出"); the values are the amount cells parsed in
 *    the table's unit; a blank cell stays blank.  A row with no label and
 *    no amount is not a row.  Two-sided tables list income rows first.
 * 7. No data rows: the table is empty, and the note is the sentence
 *    after the grid that matches layout.empty_note.
 */
#include "bdx/parse.h"

#include <string.h>

#include "bdx/error.h"
#include "bdx/text.h"

typedef enum {
  ROLE_AMOUNT = 0,
  ROLE_CODE,
  ROLE_NAME,
  ROLE_PROJECT,
} Role;

typedef struct {
  Role role;
  BdxSide side;
  char *path;
  char *id;
} Col;

typedef struct {
  const BdxTablePiece *piece;
  int header_end; /* first row after the header */
  int data_start; /* first data row */
} Part;

typedef struct {
  const BdxPatterns *p;
  BdxDisclosure *d;
} Ctx;

static gboolean
tmatch (const Ctx *cx, const char *key, const char *text, BdxMatch **m)
{
  return bdx_patterns_match_first (cx->p, "tables", key, text, m) != NULL;
}

static const char *
cell_text (const BdxGrid *g, int r, int c)
{
  return bdx_grid_cell (g, r, c)->text;
}

/* The cell's text if it starts at this row (merged cells count once). */
static const char *
own_text (const BdxGrid *g, int r, int c)
{
  const BdxCell *cell = bdx_grid_cell (g, r, c);
  return cell->row == r ? cell->text : "";
}

static gboolean
is_colnum_row (const Ctx *cx, const BdxGrid *g, int r)
{
  int digits = 0;
  for (int c = 0; c < g->n_cols; c++)
    {
      const char *t = cell_text (g, r, c);
      if (*t == '\0')
        continue;
      if (!tmatch (cx, "colnum_cell", t, NULL))
        return FALSE;
      if (!tmatch (cx, "colnum_label", t, NULL))
        digits++;
    }
  return digits >= 1;
}

static gboolean
row_has_data (const Ctx *cx, const BdxGrid *g, int r)
{
  for (int c = 0; c < g->n_cols; c++)
    {
      const char *t = own_text (g, r, c);
      if (*t == '\0')
        continue;
      /* Header cells say 合计 too: only a printed number starts data. */
      if (bdx_money_is_amount (t) && strpbrk (t, "0123456789"))
        return TRUE;
    }
  return FALSE;
}

static Part
analyze_part (const Ctx *cx, const BdxTablePiece *piece)
{
  const BdxGrid *g = piece->grid;
  Part part = { piece, g->n_rows, g->n_rows };
  for (int r = 0; r < g->n_rows; r++)
    if (is_colnum_row (cx, g, r))
      {
        part.header_end = r;
        part.data_start = r + 1;
        return part;
      }
  for (int r = 0; r < g->n_rows; r++)
    if (row_has_data (cx, g, r))
      {
        part.header_end = part.data_start = r;
        return part;
      }
  return part;
}

static void
col_clear (Col *c)
{
  g_free (c->path);
  g_free (c->id);
}

/* Sides from the top header row; all NONE unless both sides are there. */
static void
find_sides (const Ctx *cx, const BdxGrid *g, int header_end, Col *cols)
{
  if (header_end < 1)
    return;
  gboolean inc = FALSE, exp = FALSE;
  for (int c = 0; c < g->n_cols; c++)
    {
      const char *t = cell_text (g, 0, c);
      if (tmatch (cx, "side.income", t, NULL))
        cols[c].side = BDX_SIDE_INCOME, inc = TRUE;
      else if (tmatch (cx, "side.expenditure", t, NULL))
        cols[c].side = BDX_SIDE_EXPENDITURE, exp = TRUE;
    }
  if (!(inc && exp))
    for (int c = 0; c < g->n_cols; c++)
      cols[c].side = BDX_SIDE_NONE;
}

static const char *
last_part (const char *path)
{
  const char *slash = strrchr (path, '/');
  return slash ? slash + 1 : path;
}

static Role
label_role (const Ctx *cx, const char *leaf)
{
  const BdxPattern *e
      = bdx_patterns_match_prefix (cx->p, "tables", "label.", leaf, NULL);
  if (e == NULL)
    return ROLE_AMOUNT;
  const char *k = bdx_pattern_key (e) + strlen ("label.");
  if (g_str_has_prefix (k, "code"))
    return ROLE_CODE;
  if (strcmp (k, "project") == 0)
    return ROLE_PROJECT;
  return ROLE_NAME;
}

/* How the data cells of column c look: 1 all amounts, 0 some text,
 * -1 nothing printed. */
static int
data_kind (const Ctx *cx, const GArray *parts, int c)
{
  int seen = -1;
  for (guint i = 0; i < parts->len; i++)
    {
      const Part *pt = &g_array_index (parts, Part, i);
      const BdxGrid *g = pt->piece->grid;
      if (c >= g->n_cols)
        continue;
      for (int r = pt->data_start; r < g->n_rows; r++)
        {
          const char *t = own_text (g, r, c);
          if (*t == '\0')
            continue;
          if (!bdx_money_is_amount (t) || tmatch (cx, "code_digits", t, NULL))
            return 0;
          seen = 1;
        }
    }
  return seen;
}

static gboolean
all_digits (const char *t)
{
  if (*t == '\0')
    return FALSE;
  for (; *t; t++)
    if (!g_ascii_isdigit (*t))
      return FALSE;
  return TRUE;
}

static void
assign_roles (const Ctx *cx, const GArray *parts, Col *cols, int n_cols)
{
  const Part *p0 = &g_array_index (parts, Part, 0);
  const BdxGrid *g = p0->piece->grid;
  gboolean colnum = p0->header_end < p0->data_start;
  for (int c = 0; c < n_cols; c++)
    {
      Role by_header = label_role (cx, last_part (cols[c].path));
      if (colnum)
        {
          const char *t = cell_text (g, p0->header_end, c);
          if (!tmatch (cx, "colnum_label", t, NULL) && *t != '\0')
            {
              cols[c].role = ROLE_AMOUNT;
              continue;
            }
          if (by_header != ROLE_AMOUNT)
            cols[c].role = by_header;
          else
            cols[c].role = ROLE_NAME;
          continue;
        }
      if (by_header != ROLE_AMOUNT)
        {
          cols[c].role = by_header;
          continue;
        }
      cols[c].role = data_kind (cx, parts, c) == 0 ? ROLE_NAME : ROLE_AMOUNT;
    }
  /* A "name" column whose data cells are all short digit strings holds
   * codes (an unlabeled code column). */
  for (int c = 0; c < n_cols; c++)
    {
      if (cols[c].role != ROLE_NAME)
        continue;
      gboolean digits = TRUE, any = FALSE;
      for (guint i = 0; i < parts->len && digits; i++)
        {
          const Part *pt = &g_array_index (parts, Part, i);
          const BdxGrid *pg = pt->piece->grid;
          for (int r = pt->data_start; r < pg->n_rows && c < pg->n_cols; r++)
            {
              const BdxCell *cell = bdx_grid_cell (pg, r, c);
              if (cell->row != r || cell->col != c || *cell->text == '\0')
                continue;
              any = TRUE;
              if (!all_digits (cell->text))
                {
                  digits = FALSE;
                  break;
                }
            }
        }
      if (digits && any)
        cols[c].role = ROLE_CODE;
    }
}

/* Does the cell cover every amount column of `side`? */
static gboolean
covers_all_amounts (const BdxCell *cell, const Col *cols, int n_cols,
                    BdxSide side)
{
  int n = 0;
  for (int c = 0; c < n_cols; c++)
    {
      if (cols[c].role != ROLE_AMOUNT || cols[c].side != side)
        continue;
      n++;
      if (c < cell->col || c >= cell->col + cell->colspan)
        return FALSE;
    }
  return n >= 1;
}

static void
build_paths (const BdxGrid *g, int header_end, Col *cols, int n_cols,
             gboolean drop_captions)
{
  for (int c = 0; c < n_cols; c++)
    {
      g_autoptr (GPtrArray) parts = g_ptr_array_new ();
      const BdxCell *prev = NULL;
      for (int r = 0; r < header_end; r++)
        {
          const BdxCell *cell = bdx_grid_cell (g, r, c);
          if (cell == prev || *cell->text == '\0')
            continue;
          prev = cell;
          g_ptr_array_add (parts, (gpointer) cell);
        }
      g_autoptr (GString) path = g_string_new (NULL);
      for (guint i = 0; i < parts->len; i++)
        {
          const BdxCell *cell = g_ptr_array_index (parts, i);
          gboolean last = i + 1 == parts->len;
          if (drop_captions && !last
              && covers_all_amounts (cell, cols, n_cols, cols[c].side))
            continue;
          if (path->len > 0)
            g_string_append_c (path, '/');
          g_string_append (path, cell->text);
        }
      g_free (cols[c].path);
      cols[c].path = g_string_free (g_steal_pointer (&path), FALSE);
    }
}

static void
assign_ids (const Ctx *cx, const char *table_id, Col *cols, int n_cols)
{
  if (table_id == NULL)
    return;
  g_autofree char *section = g_strconcat ("table.", table_id, NULL);
  const GPtrArray *entries = bdx_patterns_entries (cx->p, section);
  if (entries == NULL)
    return;
  g_autoptr (GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                        g_free, NULL);
  for (int c = 0; c < n_cols; c++)
    {
      if (cols[c].role != ROLE_AMOUNT)
        continue;
      const char *prefix = cols[c].side == BDX_SIDE_INCOME ? "income.column."
                           : cols[c].side == BDX_SIDE_EXPENDITURE
                               ? "expenditure.column."
                               : "column.";
      for (guint i = 0; i < entries->len; i++)
        {
          const BdxPattern *e = g_ptr_array_index (entries, i);
          const char *key = bdx_pattern_key (e);
          if (!g_str_has_prefix (key, prefix))
            continue;
          const char *id = key + strlen (prefix);
          g_autofree char *uk = g_strdup_printf ("%d:%s", cols[c].side, id);
          if (g_hash_table_contains (used, uk))
            continue;
          if (bdx_pattern_match (e, cols[c].path, -1, NULL))
            {
              cols[c].id = g_strdup (id);
              g_hash_table_add (used, g_steal_pointer (&uk));
              break;
            }
        }
    }
}

static const char *
find_table_id (const Ctx *cx, const char *title)
{
  if (title == NULL)
    return NULL;
  g_autoptr (GPtrArray) secs = bdx_patterns_sections (cx->p, "table.");
  for (guint i = 0; i < secs->len; i++)
    {
      const char *sec = g_ptr_array_index (secs, i);
      if (bdx_patterns_match_first (cx->p, sec, "title", title, NULL))
        return sec + strlen ("table.");
    }
  return NULL;
}

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

/* Builds the code of a row from its code cells (see step 6). */
static char *
row_code (const BdxGrid *g, int r, const Col *cols, int n_cols, BdxSide side)
{
  g_autoptr (GString) code = g_string_new (NULL);
  for (int c = 0; c < n_cols; c++)
    {
      if (cols[c].role != ROLE_CODE || cols[c].side != side)
        continue;
      const BdxCell *cell = bdx_grid_cell (g, r, c);
      if (cell->row != r || cell->col != c)
        continue;
      g_autofree char *t = bdx_text_strip_spaces (cell->text);
      if (!all_digits (t))
        continue;
      if (code->len > 0 && g_str_has_prefix (t, code->str)
          && strlen (t) > code->len)
        g_string_assign (code, t);
      else
        g_string_append (code, t);
    }
  return code->len > 0 ? g_string_free (g_steal_pointer (&code), FALSE) : NULL;
}

static int
code_level (const char *code)
{
  switch (strlen (code))
    {
    case 3: return 1;
    case 5: return 2;
    case 7: return 3;
    case 9: return 4;
    default: return 0;
    }
}

static BdxRow *
parse_row (const Ctx *cx, const BdxGrid *g, int r, const Col *cols,
           int n_cols, BdxSide side, BdxUnit unit, int page,
           const char *table_label)
{
  g_autoptr (BdxRow) row = bdx_row_new ();
  row->side = side;
  row->page = page;
  gboolean any = FALSE;
  for (int c = 0; c < n_cols; c++)
    {
      if (cols[c].side != side)
        continue;
      const BdxCell *cell = bdx_grid_cell (g, r, c);
      if (cols[c].role == ROLE_NAME && row->name == NULL && cell->row == r
          && *cell->text)
        row->name = g_strdup (cell->text);
      else if (cols[c].role == ROLE_PROJECT && row->project == NULL
               && cell->row == r && *cell->text)
        row->project = g_strdup (cell->text);
      else if (cols[c].role == ROLE_AMOUNT)
        {
          BdxMoney m = BDX_MONEY_BLANK;
          /* Without a printed unit there are no fen to give: the amount
           * stays blank and the table says why (see build_table). */
          if (cell->row == r && cell->col == c && *cell->text
              && unit != BDX_UNIT_UNKNOWN)
            {
              g_autoptr (GError) err = NULL;
              if (!bdx_money_parse (cell->text, unit, &m, &err))
                {
                  notice (cx->d, "%s: page %d: cell '%s' in column '%s' is "
                          "not an amount",
                          table_label, page, cell->text, cols[c].path);
                  m = BDX_MONEY_BLANK;
                }
            }
          any = any || m.present;
          g_array_append_val (row->values, m);
        }
    }
  row->code = row_code (g, r, cols, n_cols, side);
  if (row->code == NULL && row->name != NULL)
    {
      g_autoptr (BdxMatch) m = NULL;
      if (tmatch (cx, "code_name", row->name, &m))
        {
          row->code = bdx_match_named (m, "code");
          g_autofree char *name = bdx_match_named (m, "name");
          g_free (row->name);
          row->name = g_steal_pointer (&name);
        }
    }
  if (row->name == NULL && row->code == NULL && row->project == NULL && !any)
    return NULL;
  /* A total's label may span the code columns: find it there. */
  if (row->name == NULL)
    for (int c = 0; c < n_cols; c++)
      {
        const BdxCell *cell = bdx_grid_cell (g, r, c);
        if (cols[c].side == side && cols[c].role != ROLE_AMOUNT
            && cell->row == r && *cell->text && !all_digits (cell->text))
          {
            row->name = g_strdup (cell->text);
            break;
          }
      }
  if (row->code)
    row->level = code_level (row->code);
  if (row->name && tmatch (cx, "total_row", row->name, NULL))
    row->kind = BDX_ROW_TOTAL;
  return g_steal_pointer (&row);
}

static char *
empty_note (const Ctx *cx, const BdxTablePiece *piece)
{
  for (guint i = 0; i < piece->after->len; i++)
    {
      const char *line = g_ptr_array_index (piece->after, i);
      if (!bdx_patterns_match_first (cx->p, "layout", "empty_note", line, NULL))
        continue;
      /* The sentence may have started a line or two above and may wrap. */
      g_autoptr (GString) s = g_string_new (NULL);
      guint k = i;
      while (k > 0 && !g_str_has_suffix (g_ptr_array_index (piece->after, k - 1), "。"))
        k--;
      for (; k < piece->after->len; k++)
        {
          const char *t = g_ptr_array_index (piece->after, k);
          g_string_append (s, t);
          if (g_str_has_suffix (t, "。"))
            break;
        }
      return bdx_text_normalize (s->str, s->len);
    }
  return NULL;
}

static gboolean
continues_table (const BdxTablePiece *prev, const BdxTablePiece *cur)
{
  return cur->title == NULL && cur->number == 0 && cur->at_page_top
         && prev->at_page_end && cur->page == prev->page + 1
         && cur->grid->n_cols == prev->grid->n_cols;
}

static void
add_page (BdxTable *t, int page)
{
  for (guint i = 0; i < t->pages->len; i++)
    if (g_array_index (t->pages, int, i) == page)
      return;
  g_array_append_val (t->pages, page);
}

static BdxTable *
build_table (const Ctx *cx, GArray *parts)
{
  const Part *p0 = &g_array_index (parts, Part, 0);
  const BdxTablePiece *first = p0->piece;
  const BdxGrid *g = first->grid;
  int n = g->n_cols;

  g_autoptr (BdxTable) t = bdx_table_new ();
  t->number = first->number;
  t->title = g_strdup (first->title);
  t->department = g_strdup (first->department);
  const char *id = find_table_id (cx, first->title);
  t->id = g_strdup (id);
  t->unit = first->unit;
  const char *label = t->title ? t->title : "untitled table";
  if (t->unit == BDX_UNIT_UNKNOWN)
    {
      t->unit = cx->d->unit;
      if (t->unit != BDX_UNIT_UNKNOWN)
        notice (cx->d, "%s: page %d: no unit printed above the table; "
                "taken as the document's %s",
                label, first->page, bdx_unit_name (t->unit));
      else
        notice (cx->d, "%s: page %d: no unit printed anywhere; its amounts "
                "are left blank", label, first->page);
    }

  Col *cols = g_new0 (Col, n);
  find_sides (cx, g, p0->header_end, cols);
  /* Roles need paths (for the header patterns); captions need roles. */
  build_paths (g, p0->header_end, cols, n, FALSE);
  assign_roles (cx, parts, cols, n);
  build_paths (g, p0->header_end, cols, n, TRUE);
  assign_ids (cx, t->id, cols, n);
  for (int c = 0; c < n; c++)
    g_debug ("%s: column %d: role %d side %d path '%s' id %s", label, c,
             cols[c].role, cols[c].side, cols[c].path,
             cols[c].id ? cols[c].id : "-");
  g_debug ("%s: header ends at row %d, data from row %d", label,
           p0->header_end, p0->data_start);

  gboolean two_sided = FALSE;
  for (int c = 0; c < n; c++)
    if (cols[c].side != BDX_SIDE_NONE)
      two_sided = TRUE;
  static const BdxSide one[] = { BDX_SIDE_NONE };
  static const BdxSide two[] = { BDX_SIDE_INCOME, BDX_SIDE_EXPENDITURE };
  const BdxSide *sides = two_sided ? two : one;
  int n_sides = two_sided ? 2 : 1;

  for (int s = 0; s < n_sides; s++)
    for (int c = 0; c < n; c++)
      if (cols[c].role == ROLE_AMOUNT && cols[c].side == sides[s])
        g_ptr_array_add (t->columns,
                         bdx_column_new (cols[c].id, cols[c].path, cols[c].side));

  for (int s = 0; s < n_sides; s++)
    for (guint i = 0; i < parts->len; i++)
      {
        const Part *pt = &g_array_index (parts, Part, i);
        const BdxGrid *pg = pt->piece->grid;
        add_page (t, pt->piece->page);
        for (int r = pt->data_start; r < pg->n_rows; r++)
          {
            BdxRow *row = parse_row (cx, pg, r, cols, n, sides[s], t->unit,
                                     pt->piece->page, label);
            if (row)
              g_ptr_array_add (t->rows, row);
          }
      }

  if (t->rows->len == 0)
    {
      t->empty = TRUE;
      const Part *last = &g_array_index (parts, Part, parts->len - 1);
      t->note = empty_note (cx, last->piece);
    }
  for (int c = 0; c < n; c++)
    col_clear (&cols[c]);
  g_free (cols);
  return g_steal_pointer (&t);
}

gboolean
bdx_parse_is_performance_title (const BdxPatterns *patterns, const char *title)
{
  return title != NULL
         && bdx_patterns_match_prefix (patterns, "performance", "title.",
                                       title, NULL)
                != NULL;
}

gboolean
bdx_parse_tables (const BdxSegments *s, const BdxPatterns *patterns,
                  BdxDisclosure *d, GError **error)
{
  Ctx cx = { patterns, d };
  g_autoptr (GArray) parts = NULL;
  const BdxTablePiece *prev = NULL;
  gboolean prev_is_perf = FALSE;

  for (guint i = 0; i <= s->pieces->len; i++)
    {
      const BdxTablePiece *piece
          = i < s->pieces->len ? g_ptr_array_index (s->pieces, i) : NULL;
      if (piece && prev && continues_table (prev, piece))
        {
          if (!prev_is_perf)
            {
              Part pt = analyze_part (&cx, piece);
              g_array_append_val (parts, pt);
            }
          prev = piece;
          continue;
        }
      if (parts != NULL && parts->len > 0)
        g_ptr_array_add (d->tables, build_table (&cx, parts));
      g_clear_pointer (&parts, g_array_unref);
      if (piece == NULL)
        break;
      prev = piece;
      prev_is_perf = bdx_parse_is_performance_title (patterns, piece->title);
      if (prev_is_perf)
        continue;
      parts = g_array_new (FALSE, FALSE, sizeof (Part));
      Part pt = analyze_part (&cx, piece);
      g_array_append_val (parts, pt);
    }
  (void) error;
  return TRUE;
}
