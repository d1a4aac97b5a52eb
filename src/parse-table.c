/* bdx — parse stage, tables: table pieces into BdxTable.
 *
 * The algorithm
 * 1. Group pieces into tables: a piece with no title and no number (or
 *    the table's own title and number again), at the top of its page, right after a piece that ended its page on the
 *    previous page, continues that table when its columns line up with
 *    the table's first piece: the same number of columns, or fewer whose
 *    boundaries are all boundaries of the first piece (a 合计 row alone
 *    on the last page, its label merged over the code columns).  Each
 *    column of the first piece (a *logical* column) is mapped to the
 *    continuation's column under its centre.
 * 2. Header and data rows of a grid: the column-number row (※ ※ 1 2 3),
 *    when printed, ends the header; otherwise the first row holding a
 *    number (an amount or a code) starts the data, or an earlier row
 *    that reads as data (see below) or is shaped as data: not the top
 *    row, no header cell merged down into it, one label and only blanks
 *    or dashes beside it.  A continuation's
 *    header is the rows at its top that repeat the first piece's header
 *    rows; its data starts after them (rows of dashes included).  A row
 *    reads as data when its cells are row labels (一、…, 1., a code, 合计,
 *    ……), amounts or the empty-table sentence (an empty table, a blank
 *    template).
 * 3. Sides: when the top header row has a cell matching side.income and
 *    another matching side.expenditure, each spanning two columns or more
 *    (its labels and its amounts), each column belongs to the side whose
 *    cell spans it (two-sided tables).
 * 4. Column roles: in the column-number row, ※ marks a label column and a
 *    number an amount column; otherwise the header's last part, matched
 *    against label.*, marks codes (类/款/项/编码), names, projects and
 *    columns to skip (序号); a column neither marks is an amount column
 *    when its data cells are amounts (or misprinted ones, "1730,000.00",
 *    which give a notice as their row is read).  A column of bare digits is a code
 *    column only left of the side's first amount column (a 2-digit
 *    amount "25" in a 三公 table is not a 款).  Header paths: the
 *    distinct header cells over a column, top-down, leaving out a cell
 *    that spans every amount column of its side (a caption such as
 *    支出预算, or the side's own cell).
 * 5. Panels: within a side, a label column printed after an amount
 *    column starts a new panel (side by side lists on one page:
 *
 *        | 收入        | 支出                                  |
 *        | 项目 | 金额 | 功能分类          | 支出用途          |
 *        |      |      | 科目名称 | 金额   | 项目名称 | 金额   |
 *          side income   side expenditure    side expenditure
 *          panel 1       panel 1             panel 2
 *
 *    A project column with no name column before it in its panel holds
 *    the names (项目名称 over a summary table's labels).
 * 6. Column ids: per side, each amount column takes the first unused
 *    column.ID pattern of its table section that matches its path.
 * 7. Rows: per side and panel, per data row, the code is the digits of
 *    the code columns joined (201 | 41 | 01 → 2014101; a cell that
 *    already holds the full code replaces the prefix; a 款 or 项 printed
 *    in the text layer with one digit, "2", is 02, with a notice), or else split off
 *    the name ("201 一般公共服务支出"); the values are the amount cells
 *    parsed in the table's unit, one per amount column of the side
 *    (blank in the other panels' columns); a blank cell stays blank.  A
 *    label cell that reaches into the next panel's label columns, over a
 *    panel with no amount of its own (当年支出小计 spanning both lists),
 *    labels the next panel's amounts.  A row with no label and no amount
 *    is not a row; a table's only row, printed without a label, is its
 *    total.  Rows are listed side by side, panel by panel.
 * 8. Empty: no data row at all, or no amount anywhere and a sentence
 *    after the grid (or in it) that matches layout.empty_note ("……为空
 *    表。"), which is the table's note; its rows are dropped.  Rows of
 *    blanks without such a sentence stay (a blank template).  A table
 *    that prints amounts under such a sentence gets a notice.
 * 9. Title: a numbering printed before the title (公开01表：, 一、) is
 *    taken off it and gives the table's number when no 表 N was printed.
 *    The title picks the table's id and its variant (title.VARIANT).
 */
#include "bdx/parse.h"

#include <math.h>
#include <string.h>

#include "bdx/error.h"
#include "bdx/ocr.h"
#include "bdx/text.h"

typedef enum {
  ROLE_AMOUNT = 0,
  ROLE_CODE,
  ROLE_NAME,
  ROLE_PROJECT,
  ROLE_SKIP,
} Role;

typedef struct {
  Role role;
  BdxSide side;
  int panel;  /* 1-based within its side */
  int digits; /* a code part's width (类 3, 款 and 项 2), 0 when free */
  char *path;
  char *id;
} Col;

typedef struct {
  const BdxTablePiece *piece;
  int header_end; /* first row after the header */
  int data_start; /* first data row */
  int *colmap;    /* logical column → grid column; NULL: the same */
} Part;

typedef struct {
  const BdxPatterns *p;
  BdxDisclosure *d;
} Ctx;

/* Columns edges this close are the same edge (points). */
#define EDGE_TOLERANCE 3.0

static gboolean
tmatch (const Ctx *cx, const char *key, const char *text, BdxMatch **m)
{
  return bdx_patterns_match_first (cx->p, "tables", key, text, m) != NULL;
}

/* The cell's text if it starts at this row and column (a merged cell
 * counts once). */
static const char *
own_text (const BdxGrid *g, int r, int c)
{
  const BdxCell *cell = bdx_grid_cell (g, r, c);
  return cell->row == r && cell->col == c ? cell->text : "";
}

static void
part_clear (Part *pt)
{
  g_clear_pointer (&pt->colmap, g_free);
}

static int
grid_col (const Part *pt, int c)
{
  return pt->colmap ? pt->colmap[c] : c;
}

/* The cell of a part under logical column c at row r; *own tells
 * whether the cell starts there: at row r, and c is the first logical
 * column over the cell's first grid column. */
static const BdxCell *
part_cell (const Part *pt, int r, int c, gboolean *own)
{
  const BdxGrid *g = pt->piece->grid;
  int gc = grid_col (pt, c);
  const BdxCell *cell = bdx_grid_cell (g, r, gc);
  gboolean first = cell->col == gc && (c == 0 || grid_col (pt, c - 1) != gc);
  if (own)
    *own = cell->row == r && first;
  return cell;
}

/* One past the last logical column a cell of the part covers. */
static int
part_cell_end (const Part *pt, int n_cols, const BdxCell *cell)
{
  int end = 0;
  for (int c = 0; c < n_cols; c++)
    if (grid_col (pt, c) < cell->col + cell->colspan)
      end = c + 1;
  return end;
}

static gboolean
is_colnum_row (const Ctx *cx, const BdxGrid *g, int r)
{
  int digits = 0;
  for (int c = 0; c < g->n_cols; c++)
    {
      /* Header cells merged down over the label columns are not part of
       * the row. */
      const char *t = own_text (g, r, c);
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
  (void) cx;
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

static gboolean
is_empty_note (const Ctx *cx, const char *text)
{
  return bdx_patterns_match_first (cx->p, "layout", "empty_note", text, NULL)
         != NULL;
}

/* A row of a grid without numbers that reads like data: every cell is a
 * row label, a total, the empty-table sentence or an amount, and one is
 * not an amount. */
static gboolean
row_reads_as_data (const Ctx *cx, const BdxGrid *g, int r)
{
  gboolean label = FALSE;
  for (int c = 0; c < g->n_cols; c++)
    {
      const char *t = own_text (g, r, c);
      if (*t == '\0')
        continue;
      g_autofree char *bare = bdx_text_strip_spaces (t);
      if (tmatch (cx, "row_label", bare, NULL)
          || tmatch (cx, "total_row", bare, NULL) || is_empty_note (cx, bare))
        label = TRUE;
      else if (!bdx_money_is_amount (t))
        return FALSE;
    }
  return label;
}

/* A row shaped like a row of data though it prints no number: below the
 * top row, no header cell reaching into it from above, and one label
 * with nothing but blanks or dashes beside it (a 三公 item with no
 * money, 因公出国(境)费 | | |).  A header row prints its column heads
 * beside its first cell, or lies beside a head merged down over it. */
static gboolean
row_shaped_as_data (const BdxGrid *g, int r)
{
  if (r < 1)
    return FALSE;
  int labels = 0;
  for (int c = 0; c < g->n_cols; c++)
    {
      const BdxCell *cell = bdx_grid_cell (g, r, c);
      if (cell->row < r)
        return FALSE;
      if (cell->col != c || *cell->text == '\0')
        continue;
      if (!bdx_money_is_amount (cell->text))
        labels++;
    }
  return labels == 1;
}

static Part
analyze_part (const Ctx *cx, const BdxTablePiece *piece)
{
  const BdxGrid *g = piece->grid;
  Part part = { piece, g->n_rows, g->n_rows, NULL };
  for (int r = 0; r < g->n_rows; r++)
    if (is_colnum_row (cx, g, r))
      {
        part.header_end = r;
        part.data_start = r + 1;
        return part;
      }
  /* Data starts at the first row printing a number, or before it at a
   * row shaped as data or of row labels: leading rows with no money are
   * data too. */
  for (int r = 0; r < g->n_rows; r++)
    if (row_has_data (cx, g, r) || row_shaped_as_data (g, r)
        || (r >= 1 && row_reads_as_data (cx, g, r)))
      {
        part.header_end = part.data_start = r;
        return part;
      }
  /* No row of data: the header ends after the last row that prints
   * anything. */
  int last = 0;
  for (int r = 0; r < g->n_rows; r++)
    for (int c = 0; c < g->n_cols; c++)
      if (*own_text (g, r, c))
        last = r + 1;
  part.header_end = part.data_start = last;
  return part;
}

/* The texts a grid row prints, in order, without blanks; owned. */
static char *
row_signature (const BdxGrid *g, int r)
{
  g_autoptr (GString) sig = g_string_new (NULL);
  const BdxCell *prev = NULL;
  for (int c = 0; c < g->n_cols; c++)
    {
      const BdxCell *cell = bdx_grid_cell (g, r, c);
      if (cell == prev)
        continue;
      prev = cell;
      g_autofree char *t = bdx_text_strip_spaces (cell->text);
      g_string_append (sig, t);
      g_string_append_c (sig, '|');
    }
  return g_string_free (g_steal_pointer (&sig), FALSE);
}

/* A piece that continues a table (step 1): its header is the rows at
 * its top that repeat rows of the first piece's header (or a column-
 * number row); data starts right after them, whatever they print (a
 * row of dashes is data here). */
static Part
analyze_continuation (const Ctx *cx, const BdxTablePiece *piece,
                      const Part *first)
{
  const BdxGrid *g = piece->grid, *f = first->piece->grid;
  Part part = { piece, 0, 0, NULL };
  g_autoptr (GPtrArray) header = g_ptr_array_new_with_free_func (g_free);
  for (int r = 0; r < first->data_start; r++)
    g_ptr_array_add (header, row_signature (f, r));
  int r = 0;
  for (; r < g->n_rows; r++)
    {
      if (is_colnum_row (cx, g, r))
        continue;
      g_autofree char *sig = row_signature (g, r);
      gboolean repeated = FALSE;
      for (guint i = 0; i < header->len && !repeated; i++)
        repeated = strcmp (sig, g_ptr_array_index (header, i)) == 0;
      if (!repeated)
        break;
    }
  part.header_end = part.data_start = r;
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
      const BdxCell *cell = bdx_grid_cell (g, 0, c);
      const char *t = cell->text;
      /* A side spans its labels and its amounts: a single column headed
       * 本年收入 is an amount column, not a side. */
      if (cell->colspan < 2)
        continue;
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
label_role (const Ctx *cx, const char *leaf, int *digits)
{
  const BdxPattern *e
      = bdx_patterns_match_prefix (cx->p, "tables", "label.", leaf, NULL);
  if (digits)
    *digits = 0;
  if (e == NULL)
    return ROLE_AMOUNT;
  const char *k = bdx_pattern_key (e) + strlen ("label.");
  if (digits)
    *digits = strcmp (k, "code_class") == 0 ? 3
              : strcmp (k, "code_section") == 0 || strcmp (k, "code_item") == 0
                  ? 2
                  : 0;
  if (g_str_has_prefix (k, "code"))
    return ROLE_CODE;
  if (strcmp (k, "project") == 0)
    return ROLE_PROJECT;
  if (strcmp (k, "skip") == 0)
    return ROLE_SKIP;
  return ROLE_NAME;
}

typedef enum {
  DATA_NONE = -1, /* nothing printed */
  DATA_TEXT = 0,  /* some text that is not an amount */
  DATA_AMOUNTS,   /* amounts, some printed as amounts only are (1,234.00) */
  DATA_DIGITS,    /* bare digits only, like codes (201, 25) */
} DataKind;

/* Text made of what amounts are made of (digits, grouping commas, a
 * decimal point, a sign) that is no amount: "1730,000.00", a grouping
 * comma lost or moved.  OCR misreads amounts so; a printed label is
 * never so (codes are bare digits, which are amounts). */
static gboolean
misprinted_amount (const char *text)
{
  gboolean digit = FALSE, separator = FALSE;
  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        digit = TRUE;
      else if (*p == ',' || *p == '.')
        separator = TRUE;
      else if (*p != '-' && *p != '(' && *p != ')' && *p != ' ')
        return FALSE;
    }
  return digit && separator;
}

/* How the data cells of logical column c look.  A misprinted amount
 * counts as an amount: one misread cell must not turn a column of
 * amounts into a column of names (and the table into two panels, every
 * amount of the column lost without a word); the cell itself gives a
 * notice when its row is read (not an amount). */
static DataKind
data_kind (const Ctx *cx, const GArray *parts, int c)
{
  DataKind seen = DATA_NONE;
  for (guint i = 0; i < parts->len; i++)
    {
      const Part *pt = &g_array_index (parts, Part, i);
      const BdxGrid *g = pt->piece->grid;
      for (int r = pt->data_start; r < g->n_rows; r++)
        {
          gboolean own;
          const BdxCell *cell = part_cell (pt, r, c, &own);
          if (!own || *cell->text == '\0')
            continue;
          if (!bdx_money_is_amount (cell->text))
            {
              if (!misprinted_amount (cell->text))
                return DATA_TEXT;
              seen = DATA_AMOUNTS;
            }
          else if (!tmatch (cx, "code_digits", cell->text, NULL))
            seen = DATA_AMOUNTS;
          else if (seen == DATA_NONE)
            seen = DATA_DIGITS;
        }
    }
  return seen;
}

static void
assign_roles (const Ctx *cx, const GArray *parts, Col *cols, int n_cols)
{
  const Part *p0 = &g_array_index (parts, Part, 0);
  const BdxGrid *g = p0->piece->grid;
  gboolean colnum = p0->header_end < p0->data_start;
  gboolean amount_seen[3] = { FALSE, FALSE, FALSE };
  for (int c = 0; c < n_cols; c++)
    {
      Role by_header = label_role (cx, last_part (cols[c].path),
                                   &cols[c].digits);
      /* A column headed 合计 holds amounts, whatever stray marks its
       * cells or the row under the header hold (specks OCR read as
       * characters in an empty table). */
      if (by_header == ROLE_AMOUNT
          && tmatch (cx, "total_row", last_part (cols[c].path), NULL))
        cols[c].role = ROLE_AMOUNT;
      else if (colnum)
        {
          const char *t = own_text (g, p0->header_end, c);
          if (!tmatch (cx, "colnum_label", t, NULL) && *t != '\0')
            cols[c].role = ROLE_AMOUNT;
          else if (by_header != ROLE_AMOUNT)
            cols[c].role = by_header;
          else
            cols[c].role = ROLE_NAME;
        }
      else if (by_header != ROLE_AMOUNT)
        cols[c].role = by_header;
      else
        switch (data_kind (cx, parts, c))
          {
          case DATA_TEXT:
            cols[c].role = ROLE_NAME;
            break;
          case DATA_DIGITS:
            /* Codes are printed left of the amounts. */
            cols[c].role = amount_seen[cols[c].side] ? ROLE_AMOUNT : ROLE_NAME;
            break;
          default:
            cols[c].role = ROLE_AMOUNT;
            break;
          }
      if (cols[c].role == ROLE_AMOUNT)
        amount_seen[cols[c].side] = TRUE;
    }
  /* A column where no cell starts, header or data (a track left over by
   * merged cells, blank all the way down), is nothing. */
  for (int c = 0; c < n_cols; c++)
    {
      gboolean any = FALSE;
      for (guint i = 0; i < parts->len && !any; i++)
        {
          const Part *pt = &g_array_index (parts, Part, i);
          for (int r = 0; r < pt->piece->grid->n_rows && !any; r++)
            {
              gboolean own;
              const BdxCell *cell = part_cell (pt, r, c, &own);
              any = own && *cell->text;
            }
        }
      if (!any && *cols[c].path == '\0')
        cols[c].role = ROLE_SKIP;
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
          for (int r = pt->data_start; r < pg->n_rows; r++)
            {
              gboolean own;
              const BdxCell *cell = part_cell (pt, r, c, &own);
              if (!own || *cell->text == '\0')
                continue;
              any = TRUE;
              if (!bdx_text_is_digits (cell->text))
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

/* Panels (step 5); returns the largest number of panels of a side. */
static int
assign_panels (Col *cols, int n_cols)
{
  int most = 0;
  for (int s = BDX_SIDE_NONE; s <= BDX_SIDE_EXPENDITURE; s++)
    {
      int panel = 1;
      gboolean amounts = FALSE, any = FALSE;
      for (int c = 0; c < n_cols; c++)
        {
          if (cols[c].side != (BdxSide) s)
            continue;
          any = TRUE;
          if (cols[c].role != ROLE_AMOUNT && cols[c].role != ROLE_SKIP
              && amounts)
            panel++, amounts = FALSE;
          if (cols[c].role == ROLE_AMOUNT)
            amounts = TRUE;
          cols[c].panel = panel;
        }
      if (any)
        most = MAX (most, panel);
    }
  /* A panel with a project column and no name column before it: the
   * project column holds the names (项目名称 as the label of a summary
   * table, maybe over a group and an item column).  A project column
   * proper follows the name (科目名称 | 项目名称). */
  g_autofree gboolean *named = g_new0 (gboolean, n_cols);
  for (int c = 0; c < n_cols; c++)
    for (int k = 0; k < c; k++)
      named[c] |= cols[k].role == ROLE_NAME && cols[k].side == cols[c].side
                  && cols[k].panel == cols[c].panel;
  for (int c = 0; c < n_cols; c++)
    if (cols[c].role == ROLE_PROJECT && !named[c])
      cols[c].role = ROLE_NAME;
  return most;
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
build_paths (const Ctx *cx, const BdxGrid *g, int header_end, Col *cols,
             int n_cols, gboolean drop_captions)
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
          /* The label of a total row printed in the last header row of
           * an empty table (合计 | 合计 基本支出 项目支出) is not a header. */
          if (cell->col == 0 && r > 0 && r == header_end - 1
              && cell->rowspan == 1
              && tmatch (cx, "total_row", cell->text, NULL))
            continue;
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

/* The table id for a title, and the variant of it that matched: the part
 * of the title key after "title." ("default" for a plain `title`). */
static const char *
find_table_id (const Ctx *cx, const char *title, char **variant)
{
  *variant = NULL;
  if (title == NULL)
    return NULL;
  g_autoptr (GPtrArray) secs = bdx_patterns_sections (cx->p, "table.");
  for (guint i = 0; i < secs->len; i++)
    {
      const char *sec = g_ptr_array_index (secs, i);
      const BdxPattern *e
          = bdx_patterns_match_prefix (cx->p, sec, "title", title, NULL);
      if (e == NULL)
        continue;
      const char *key = bdx_pattern_key (e);
      if (strcmp (key, "title") != 0 && !g_str_has_prefix (key, "title."))
        continue; /* a key such as "titles": not a title */
      *variant = g_strdup (key[5] == '.' ? key + 6 : "default");
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

typedef struct {
  const Ctx *cx;
  const Part *pt;
  const Col *cols;
  int n_cols;
  BdxUnit unit;
  const char *label; /* the table's, for notices */
  gboolean panels;   /* the table has several panels on a side */
} RowCtx;

/* Has panel p of side at row r a label cell of its own?  *end: one past
 * the last logical column its label cells cover. */
static gboolean
panel_label (const RowCtx *rc, int r, BdxSide side, int p, int *end)
{
  gboolean any = FALSE;
  *end = 0;
  for (int c = 0; c < rc->n_cols; c++)
    {
      const Col *col = &rc->cols[c];
      if (col->side != side || col->panel != p || col->role == ROLE_AMOUNT
          || col->role == ROLE_SKIP)
        continue;
      gboolean own;
      const BdxCell *cell = part_cell (rc->pt, r, c, &own);
      if (!own || *cell->text == '\0')
        continue;
      any = TRUE;
      *end = MAX (*end, part_cell_end (rc->pt, rc->n_cols, cell));
    }
  return any;
}

/* Does panel p of side print an amount cell of its own at row r? */
static gboolean
panel_amounts (const RowCtx *rc, int r, BdxSide side, int p)
{
  for (int c = 0; c < rc->n_cols; c++)
    {
      const Col *col = &rc->cols[c];
      if (col->side != side || col->panel != p || col->role != ROLE_AMOUNT)
        continue;
      gboolean own;
      const BdxCell *cell = part_cell (rc->pt, r, c, &own);
      if (own && *cell->text)
        return TRUE;
    }
  return FALSE;
}

static int
panel_first_col (const RowCtx *rc, BdxSide side, int p)
{
  for (int c = 0; c < rc->n_cols; c++)
    if (rc->cols[c].side == side && rc->cols[c].panel == p)
      return c;
  return rc->n_cols;
}

/* One row: labels from panel `label_panel`, amounts from panel `panel`,
 * values aligned with every amount column of the side.  NULL when the
 * row has neither label nor amount. */
static BdxRow *
parse_row (const RowCtx *rc, int r, BdxSide side, int panel, int label_panel)
{
  const Ctx *cx = rc->cx;
  g_autoptr (BdxRow) row = bdx_row_new ();
  g_autoptr (GString) code = g_string_new (NULL);
  row->side = side;
  row->panel = rc->panels ? panel : 0;
  row->page = rc->pt->piece->page;
  gboolean any = FALSE;
  float code_confidence = 1.0f;
  for (int c = 0; c < rc->n_cols; c++)
    {
      const Col *col = &rc->cols[c];
      if (col->side != side)
        continue;
      gboolean own;
      const BdxCell *cell = part_cell (rc->pt, r, c, &own);
      if (col->role == ROLE_AMOUNT)
        {
          BdxMoney m = BDX_MONEY_BLANK;
          /* Without a printed unit there are no fen to give: the amount
           * stays blank and the table says why (see build_table). */
          if (col->panel == panel && own && *cell->text
              && rc->unit != BDX_UNIT_UNKNOWN)
            {
              g_autoptr (GError) err = NULL;
              /* A lone 一 in an amount cell is the dash printed for zero,
               * read by OCR as the character it looks like. */
              const char *text = strcmp (cell->text, "一") == 0 ? "-" : cell->text;
              gboolean misread = FALSE;
              if (!bdx_money_parse (text, rc->unit, &m, &err))
                {
                  if (!is_empty_note (cx, cell->text))
                    {
                      notice (cx->d, "%s: page %d: cell '%s' in column '%s' "
                              "is not an amount",
                              rc->label, row->page, cell->text, col->path);
                      /* On an OCR page, what OCR read stays with the
                       * row ("1730,000.00", a comma lost). */
                      misread = bdx_disclosure_page_is_ocr (cx->d, row->page);
                    }
                  m = BDX_MONEY_BLANK;
                }
              if (cell->confidence < BDX_OCR_LOW_CONFIDENCE || misread)
                bdx_row_add_ocr_mark (row, (int) row->values->len, cell->text,
                                      (int) (cell->confidence * 100 + 0.5f),
                                      FALSE);
            }
          any = any || m.present;
          g_array_append_val (row->values, m);
          continue;
        }
      if (col->panel != label_panel || !own || *cell->text == '\0')
        continue;
      if (col->role == ROLE_NAME && row->name == NULL)
        {
          row->name = g_strdup (cell->text);
          if (cell->confidence < BDX_OCR_LOW_CONFIDENCE)
            bdx_row_add_ocr_mark (row, BDX_OCR_FIELD_NAME, cell->text,
                                  (int) (cell->confidence * 100 + 0.5f), FALSE);
        }
      else if (col->role == ROLE_PROJECT && row->project == NULL)
        {
          row->project = g_strdup (cell->text);
          if (cell->confidence < BDX_OCR_LOW_CONFIDENCE)
            bdx_row_add_ocr_mark (row, BDX_OCR_FIELD_PROJECT, cell->text,
                                  (int) (cell->confidence * 100 + 0.5f), FALSE);
        }
      else if (col->role == ROLE_CODE)
        {
          code_confidence = MIN (code_confidence, cell->confidence);
          /* Step 7: join the code parts. */
          g_autofree char *t = bdx_text_strip_spaces (cell->text);
          if (!bdx_text_is_digits (t))
            {
              if (row->name == NULL)
                row->name = g_strdup (cell->text);
              continue;
            }
          if (code->len > 0 && g_str_has_prefix (t, code->str)
              && strlen (t) > code->len)
            g_string_assign (code, t);
          else
            {
              /* A 款 printed "2" in its own column is 02.  Not so a digit
               * OCR read (confidence below 1): it may have lost one. */
              if ((int) strlen (t) < col->digits && cell->confidence >= 1.0f)
                {
                  for (int k = (int) strlen (t); k < col->digits; k++)
                    g_string_append_c (code, '0');
                  notice (cx->d, "%s: page %d: code part '%s' in column '%s' "
                          "printed without its leading zero",
                          rc->label, row->page, t, col->path);
                }
              g_string_append (code, t);
            }
        }
    }
  if (code->len > 0)
    {
      row->code = g_strdup (code->str);
      if (code_confidence < BDX_OCR_LOW_CONFIDENCE)
        bdx_row_add_ocr_mark (row, BDX_OCR_FIELD_CODE, row->code,
                              (int) (code_confidence * 100 + 0.5f), FALSE);
    }
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
  if (row->name && is_empty_note (cx, row->name) && !any)
    return NULL;
  if (row->name == NULL && row->code == NULL && row->project == NULL && !any)
    return NULL;
  if (row->code)
    row->level = bdx_code_level (row->code);
  if (row->name)
    {
      g_autofree char *bare = bdx_text_strip_spaces (row->name);
      if (tmatch (cx, "total_row", bare, NULL))
        row->kind = BDX_ROW_TOTAL;
    }
  return g_steal_pointer (&row);
}

/* The rows of one grid row of one side, panel by panel, into out[p]. */
static void
parse_grid_row (const RowCtx *rc, int r, BdxSide side, int n_panels,
                GPtrArray **out)
{
  g_autofree int *src = g_new0 (int, n_panels + 2);
  for (int p = 1; p <= n_panels; p++)
    src[p] = p;
  for (int p = 1; p < n_panels; p++)
    {
      int end;
      int next_end;
      if (!panel_label (rc, r, side, p, &end) || panel_amounts (rc, r, side, p)
          || panel_label (rc, r, side, p + 1, &next_end))
        continue;
      if (end > panel_first_col (rc, side, p + 1))
        {
          src[p + 1] = src[p];
          src[p] = 0;
        }
    }
  for (int p = 1; p <= n_panels; p++)
    {
      if (src[p] == 0)
        continue;
      BdxRow *row = parse_row (rc, r, side, p, src[p]);
      if (row)
        g_ptr_array_add (out[p], row);
    }
}

static char *
empty_note (const Ctx *cx, const BdxTablePiece *piece)
{
  for (guint i = 0; i < piece->after->len; i++)
    {
      const char *line = g_ptr_array_index (piece->after, i);
      if (!is_empty_note (cx, line))
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
  /* "此表为空" printed in a cell of the grid. */
  const BdxGrid *g = piece->grid;
  for (guint i = 0; i < g->cells->len; i++)
    {
      const BdxCell *cell = g_ptr_array_index (g->cells, i);
      if (*cell->text && is_empty_note (cx, cell->text))
        return g_strdup (cell->text);
    }
  return NULL;
}

/* Column mapping of a continuation piece (step 1): each column of the
 * first piece to the continuation's column under its centre.  NULL when
 * the columns do not line up. */
static int *
map_columns (const BdxGrid *first, const BdxGrid *cur)
{
  const double *fx = (const double *) first->xs->data;
  const double *cx = (const double *) cur->xs->data;
  if (fabs (fx[0] - cx[0]) > EDGE_TOLERANCE
      || fabs (fx[first->n_cols] - cx[cur->n_cols]) > EDGE_TOLERANCE)
    return NULL;
  for (int i = 0; i <= cur->n_cols; i++)
    {
      gboolean found = FALSE;
      for (int k = 0; k <= first->n_cols && !found; k++)
        found = fabs (fx[k] - cx[i]) <= EDGE_TOLERANCE;
      if (!found)
        return NULL;
    }
  int *map = g_new (int, first->n_cols);
  for (int c = 0; c < first->n_cols; c++)
    {
      double mid = (fx[c] + fx[c + 1]) / 2;
      map[c] = cur->n_cols - 1;
      for (int k = 0; k < cur->n_cols; k++)
        if (mid < cx[k + 1])
          {
            map[c] = k;
            break;
          }
    }
  return map;
}

static char *clean_title (const Ctx *cx, const char *title, int *number,
                           gboolean *heading);

/* Does cur continue the table whose first piece is first and whose last
 * piece is prev?  *map gets the column mapping (NULL: the same columns). */
static gboolean
continues_table (const Ctx *cx, const BdxTablePiece *first,
                 const BdxTablePiece *prev, const BdxTablePiece *cur,
                 int **map)
{
  *map = NULL;
  /* A continuation prints no caption of its own, or the table's again
   * (maybe without its number). */
  int n1, n2;
  gboolean h1, h2;
  g_autofree char *t1 = clean_title (cx, first->title, &n1, &h1);
  g_autofree char *t2 = clean_title (cx, cur->title, &n2, &h2);
  gboolean same_caption = t1 != NULL && t2 != NULL && strcmp (t1, t2) == 0
                          && (cur->number == 0 || cur->number == first->number);
  if (!((cur->title == NULL && cur->number == 0) || same_caption)
      || !cur->at_page_top || !prev->at_page_end
      || cur->page != prev->page + 1)
    return FALSE;
  if (cur->grid->n_cols == first->grid->n_cols)
    return TRUE;
  if (cur->grid->n_cols > first->grid->n_cols)
    return FALSE;
  *map = map_columns (first->grid, cur->grid);
  return *map != NULL;
}

static void
add_page (BdxTable *t, int page)
{
  for (guint i = 0; i < t->pages->len; i++)
    if (g_array_index (t->pages, int, i) == page)
      return;
  g_array_append_val (t->pages, page);
}

/* Step 9: the title without a printed numbering before it, owned;
 * *number gets that numbering, or 0.  *heading tells whether it was a
 * heading's enumeration ("一、", tables.title_enum) rather than a table
 * number ("公开01表：", "表一", tables.title_number). */
static char *
clean_title (const Ctx *cx, const char *title, int *number, gboolean *heading)
{
  *number = 0;
  *heading = FALSE;
  if (title == NULL)
    return NULL;
  static const char *const keys[] = { "title_number", "title_enum" };
  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      g_autoptr (BdxMatch) m = NULL;
      if (!tmatch (cx, keys[k], title, &m))
        continue;
      gssize st, en;
      bdx_match_offsets (m, 0, &st, &en);
      if (st != 0 || (size_t) en >= strlen (title))
        continue;
      g_autofree char *n = bdx_match_named (m, "n");
      g_autofree char *cn = bdx_match_named (m, "cn");
      if (n)
        *number = atoi (n);
      else if (cn)
        *number = bdx_text_chinese_number (cn);
      *heading = k == 1;
      return g_strstrip (g_strdup (title + en));
    }
  return g_strdup (title);
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
  int printed = 0;
  gboolean heading = FALSE;
  t->title = clean_title (cx, first->title, &printed, &heading);
  const char *id = find_table_id (cx, t->title, &t->variant);
  /* A heading's enumeration numbers the tables of a disclosure's table
   * part ("一、收支预算总表"), not a table no pattern knows (a list of
   * units under "二、部门决算单位构成"). */
  if (t->number == 0 && (id != NULL || !heading))
    t->number = printed;
  t->department = g_strdup (first->department);
  t->id = g_strdup (id);
  t->unit = first->unit;
  const char *label = t->title ? t->title : "untitled table";
  gboolean unit_taken = t->unit == BDX_UNIT_UNKNOWN;
  if (unit_taken)
    t->unit = cx->d->unit;

  Col *cols = g_new0 (Col, n);
  find_sides (cx, g, p0->header_end, cols);
  /* Roles need paths (for the header patterns); captions need roles. */
  build_paths (cx, g, p0->header_end, cols, n, FALSE);
  assign_roles (cx, parts, cols, n);
  int n_panels = assign_panels (cols, n);
  build_paths (cx, g, p0->header_end, cols, n, TRUE);
  assign_ids (cx, t->id, cols, n);
  for (int c = 0; c < n; c++)
    g_debug ("%s: column %d: role %d side %d panel %d path '%s' id %s", label,
             c, cols[c].role, cols[c].side, cols[c].panel, cols[c].path,
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
        {
          BdxColumn *col = bdx_column_new (cols[c].id, cols[c].path,
                                           cols[c].side);
          col->panel = n_panels > 1 ? cols[c].panel : 0;
          g_ptr_array_add (t->columns, col);
          /* On a page OCR read, a header no pattern of a known table
           * knows is likely misread: flagged, its column left without
           * an id rather than guessed. */
          if (t->id != NULL && cols[c].id == NULL
              && bdx_disclosure_page_is_ocr (cx->d, first->page))
            {
              if (*cols[c].path != '\0')
                notice (cx->d, "page %d: %s: OCR read the column header '%s', "
                        "which no pattern of this table knows",
                        first->page, label, cols[c].path);
              else
                notice (cx->d, "page %d: %s: OCR read no header over amount "
                        "column %u", first->page, label, t->columns->len);
            }
        }

  /* A table of amounts without a unit of its own (one of names only,
   * such as a list of units, needs none). */
  if (unit_taken && t->columns->len > 0)
    {
      if (t->unit != BDX_UNIT_UNKNOWN)
        notice (cx->d, "%s: page %d: no unit printed above the table; "
                "taken as the document's %s",
                label, first->page, bdx_unit_name (t->unit));
      else
        notice (cx->d, "%s: page %d: no unit printed anywhere; its amounts "
                "are left blank", label, first->page);
    }

  for (int s = 0; s < n_sides; s++)
    {
      int np = 0;
      for (int c = 0; c < n; c++)
        if (cols[c].side == sides[s])
          np = MAX (np, cols[c].panel);
      if (np == 0)
        continue;
      g_autofree GPtrArray **by_panel = g_new0 (GPtrArray *, np + 1);
      for (int p = 0; p <= np; p++)
        by_panel[p] = g_ptr_array_new ();
      for (guint i = 0; i < parts->len; i++)
        {
          const Part *pt = &g_array_index (parts, Part, i);
          const BdxGrid *pg = pt->piece->grid;
          RowCtx rc = { cx, pt, cols, n, t->unit, label, n_panels > 1 };
          add_page (t, pt->piece->page);
          for (int r = pt->data_start; r < pg->n_rows; r++)
            parse_grid_row (&rc, r, sides[s], np, by_panel);
        }
      for (int p = 1; p <= np; p++)
        for (guint i = 0; i < by_panel[p]->len; i++)
          g_ptr_array_add (t->rows, g_ptr_array_index (by_panel[p], i));
      for (int p = 0; p <= np; p++)
        g_ptr_array_unref (by_panel[p]);
    }

  /* A table's only row, printed without a label, is its total. */
  if (t->rows->len == 1)
    {
      BdxRow *row = g_ptr_array_index (t->rows, 0);
      if (row->name == NULL && row->code == NULL && row->project == NULL)
        row->kind = BDX_ROW_TOTAL;
    }

  gboolean any_amount = FALSE;
  for (guint i = 0; i < t->rows->len && !any_amount; i++)
    {
      const BdxRow *row = g_ptr_array_index (t->rows, i);
      for (guint k = 0; k < row->values->len; k++)
        any_amount |= g_array_index (row->values, BdxMoney, k).present;
    }
  const Part *last = &g_array_index (parts, Part, parts->len - 1);
  g_autofree char *note = empty_note (cx, last->piece);
  if (t->rows->len == 0 || (!any_amount && note != NULL))
    {
      t->empty = TRUE;
      g_ptr_array_set_size (t->rows, 0);
      t->note = g_steal_pointer (&note);
    }
  else if (note != NULL)
    notice (cx->d, "%s: page %d: the table prints amounts, but the note "
            "under it says it is empty: '%s'", label, last->piece->page, note);
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

static void
flush (const Ctx *cx, GArray **parts)
{
  if (*parts == NULL)
    return;
  if ((*parts)->len > 0)
    g_ptr_array_add (cx->d->tables, build_table (cx, *parts));
  for (guint i = 0; i < (*parts)->len; i++)
    part_clear (&g_array_index (*parts, Part, i));
  g_clear_pointer (parts, g_array_unref);
}

gboolean
bdx_parse_tables (const BdxSegments *s, const BdxPatterns *patterns,
                  BdxDisclosure *d, GError **error)
{
  Ctx cx = { patterns, d };
  GArray *parts = NULL;
  const BdxTablePiece *prev = NULL, *first = NULL;
  gboolean prev_is_perf = FALSE;

  for (guint i = 0; i <= s->pieces->len; i++)
    {
      const BdxTablePiece *piece
          = i < s->pieces->len ? g_ptr_array_index (s->pieces, i) : NULL;
      int *map = NULL;
      if (piece && prev && continues_table (&cx, first, prev, piece, &map))
        {
          if (!prev_is_perf)
            {
              Part pt = analyze_continuation (
                  &cx, piece, &g_array_index (parts, Part, 0));
              pt.colmap = map;
              g_array_append_val (parts, pt);
            }
          else
            g_free (map);
          prev = piece;
          continue;
        }
      flush (&cx, &parts);
      if (piece == NULL)
        break;
      prev = first = piece;
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
