/* bdx — segment stage: headings, paragraphs and table pieces.
 *
 * The algorithm
 * 1. Walk every page's blocks in order.  Lines that match
 *    layout.page_number are page furniture and dropped.  Each remaining
 *    line becomes a BdxTextLine and an item; each grid a BdxTablePiece
 *    and an item.
 * 2. Paragraphs: consecutive lines on a page join unless the new line is
 *    indented past the left margin by more than an em, the previous line
 *    ended more than 1.5 em short of the right margin (unless it is long,
 *    85 % of the text width, and does not match layout.line_end: justified
 *    text with half-width punctuation), the font size
 *    changes by more than 15 %, the vertical gap is more than twice the
 *    line height, or a grid stands between them.  A page break continues
 *    a paragraph whose last line was full.  A page's margins are the
 *    extent of its lines, widened to the median margins of the pages of
 *    body text of its size (a page of a few indented lines has none of
 *    its own).
 * 3. A paragraph that matches heading.N and does not end like a sentence
 *    is a heading of level N; its lines carry that level.
 * 4. Table of contents: from the line 目录, paragraphs are contents
 *    entries until the first heading seen after 目录 is printed again
 *    (or, if it never is, to the end of the 目录 page).
 * 5. Captions: for each grid, the lines above it on its page back to the
 *    previous grid or heading are searched for table_number, title, unit
 *    and department (a title printed over two lines, "公开09表：…培训费" +
 *    "支出预算表", or a heading over two lines, is joined); the lines after
 *    it, up to the next grid or heading on the page, are kept in `after`
 *    (the empty-table note is there).
 * 6. Outline and paragraphs, in reading order: headings outside the
 *    contents nest by level; a titled table ("表1 部门收支总体情况表") is a
 *    leaf one level below the heading above it.
 */
#include "bdx/segment.h"

#include <math.h>
#include <string.h>

#include "bdx/text.h"

static void
text_line_free (BdxTextLine *l)
{
  g_free (l->text);
  g_free (l);
}

static void
piece_free (BdxTablePiece *p)
{
  g_free (p->title);
  g_free (p->department);
  g_ptr_array_unref (p->after);
  g_free (p);
}

static void
paragraph_free (BdxParagraph *p)
{
  g_free (p->text);
  g_free (p->section);
  g_free (p->subsection);
  g_free (p);
}

void
bdx_segments_free (BdxSegments *s)
{
  if (s == NULL)
    return;
  g_ptr_array_unref (s->layouts);
  g_ptr_array_unref (s->lines);
  g_ptr_array_unref (s->pieces);
  g_array_unref (s->items);
  g_ptr_array_unref (s->outline);
  g_ptr_array_unref (s->paragraphs);
  g_free (s->cover_title);
  g_free (s);
}

static gboolean
matches (const BdxPatterns *p, const char *key, const char *text,
         BdxMatch **m)
{
  return bdx_patterns_match_first (p, "layout", key, text, m) != NULL;
}

int
bdx_segment_heading_level (const BdxPatterns *patterns, const char *text)
{
  if (text == NULL || *text == '\0' || matches (patterns, "not_heading", text, NULL))
    return 0;
  const BdxPattern *e
      = bdx_patterns_match_prefix (patterns, "layout", "heading.", text, NULL);
  if (e == NULL)
    return 0;
  return atoi (bdx_pattern_key (e) + strlen ("heading."));
}

/* A paragraph: indexes into s->lines, and the item of its first line. */
typedef struct {
  guint first, last;
  guint item;
} Span;

/* A page's text margins. */
typedef struct {
  double left, right;
} Margins;

static int
cmp_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* Lines on a page of body text that make its margins known. */
#define MARGIN_MIN_LINES 5

/* The margins of each layout: the extent of its lines, widened to the
 * median margins of the pages of body text of its size.  A page holding
 * only the last lines of a section (资金分配情况…, 资金执行时间…) has all
 * of them indented and none reaching the right margin: measured on its
 * own, its first line would look full and swallow the next. */
static Margins *
page_margins (const GPtrArray *layouts)
{
  guint n = layouts->len;
  Margins *m = g_new (Margins, n);
  g_autofree gboolean *body = g_new0 (gboolean, n);
  for (guint i = 0; i < n; i++)
    {
      const BdxLayout *l = g_ptr_array_index (layouts, i);
      m[i] = (Margins){ l->text_left, l->text_right };
      guint lines = 0;
      for (guint k = 0; k < l->blocks->len; k++)
        lines += ((const BdxBlock *) g_ptr_array_index (l->blocks, k))->kind
                 == BDX_BLOCK_LINE;
      body[i] = lines >= MARGIN_MIN_LINES && !bdx_layout_looks_tabular (l);
    }
  g_autoptr (GArray) lefts = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) rights = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < n; i++)
    {
      const BdxLayout *l = g_ptr_array_index (layouts, i);
      g_array_set_size (lefts, 0);
      g_array_set_size (rights, 0);
      for (guint j = 0; j < n; j++)
        {
          const BdxLayout *o = g_ptr_array_index (layouts, j);
          if (body[j] && fabs (o->width - l->width) < 1.0)
            {
              g_array_append_val (lefts, o->text_left);
              g_array_append_val (rights, o->text_right);
            }
        }
      if (lefts->len == 0)
        continue;
      g_array_sort (lefts, cmp_double);
      g_array_sort (rights, cmp_double);
      m[i].left = MIN (m[i].left, g_array_index (lefts, double, lefts->len / 2));
      m[i].right
          = MAX (m[i].right, g_array_index (rights, double, rights->len / 2));
    }
  return m;
}

static gboolean
continues (const BdxPatterns *p, const BdxTextLine *prev,
           const BdxTextLine *cur, const Margins *lp, const Margins *lc)
{
  double em = MAX (prev->em, cur->em);
  gboolean prev_full = prev->box.x1 >= lp->right - 1.5 * em;
  /* A line that stops short of the margin although it is long and does
   * not end a sentence (justified text with half-width punctuation:
   * "拟购买工程0万元;拟购买服务" + "2555.8万元。") still goes on. */
  if (!prev_full && cur->page == prev->page
      && prev->box.x1 - lp->left >= 0.85 * (lp->right - lp->left)
      && !matches (p, "line_end", prev->text, NULL))
    prev_full = TRUE;
  if (!prev_full)
    return FALSE;
  if (cur->box.x0 > lc->left + 1.0 * cur->em)
    return FALSE;
  if (cur->em > prev->em * 1.15 || prev->em > cur->em * 1.15)
    return FALSE;
  if (cur->page == prev->page
      && cur->box.y0 - prev->box.y1 > 2.0 * (prev->box.y1 - prev->box.y0))
    return FALSE;
  return TRUE;
}

/* Lines of a paragraph join without a space (a wrapped Chinese sentence,
 * "(2023-" + "2026)", and a number the exporter broke, "14.9" + "2万元"),
 * except between two ASCII letters, where the line end stood for one. */
static char *
join_lines (BdxSegments *s, Span sp)
{
  g_autoptr (GString) buf = g_string_new (NULL);
  for (guint i = sp.first; i <= sp.last; i++)
    {
      BdxTextLine *l = g_ptr_array_index (s->lines, i);
      if (buf->len > 0 && g_ascii_isalpha (buf->str[buf->len - 1])
          && g_ascii_isalpha (l->text[0]))
        g_string_append_c (buf, ' ');
      g_string_append (buf, l->text);
    }
  return bdx_text_normalize (buf->str, buf->len);
}

static void
add_outline (GPtrArray *outline, GPtrArray *stack, const char *heading,
             int level, int page)
{
  BdxOutlineNode *n = bdx_outline_node_new (heading, level, page);
  while (stack->len > 0)
    {
      BdxOutlineNode *top = g_ptr_array_index (stack, stack->len - 1);
      if (top->level < level)
        break;
      g_ptr_array_set_size (stack, stack->len - 1);
    }
  if (stack->len == 0)
    g_ptr_array_add (outline, n);
  else
    {
      BdxOutlineNode *top = g_ptr_array_index (stack, stack->len - 1);
      g_ptr_array_add (top->children, n);
    }
  g_ptr_array_add (stack, n);
}

static const Margins *
margins_of_page (BdxSegments *s, const Margins *m, int page)
{
  for (guint i = 0; i < s->layouts->len; i++)
    if (((BdxLayout *) g_ptr_array_index (s->layouts, i))->page == page)
      return &m[i];
  g_assert_not_reached ();
}

/* A title printed over two lines ("公开09表：一般公共预算“三公”经费、会议费、
 * 培训费" + "支出预算表"): the line of item k joined with the line right
 * above it when that one does not end a title and sits close above,
 * over it: the two lines of a title are centred alike, while a caption
 * beside the title's column ("表3" at the margin, misread by OCR as "未")
 * is no part of it.  Owned, or NULL when there is no such line. */
static char *
title_with_line_above (BdxSegments *s, const BdxPatterns *p, guint k)
{
  if (k == 0)
    return NULL;
  BdxItem *it = &g_array_index (s->items, BdxItem, k);
  BdxItem *up = &g_array_index (s->items, BdxItem, k - 1);
  if (it->kind != BDX_ITEM_LINE || up->kind != BDX_ITEM_LINE)
    return NULL;
  const BdxTextLine *l = it->line, *a = up->line;
  double em = MAX (l->em, a->em);
  if (a->page != l->page || a->in_toc || l->box.y0 - a->box.y1 > 1.5 * em
      || a->box.x1 <= l->box.x0 || a->box.x0 >= l->box.x1
      || g_str_has_suffix (a->text, "表") || matches (p, "unit", a->text, NULL)
      || matches (p, "department", a->text, NULL)
      || matches (p, "caption_other", a->text, NULL))
    return NULL;
  /* Not a table number alone ("公开05表") nor a sentence. */
  g_autoptr (BdxMatch) m = NULL;
  if (matches (p, "table_number", a->text, &m) || matches (p, "not_heading", a->text, NULL))
    return NULL;
  return g_strconcat (a->text, l->text, NULL);
}

/* Looks back from item `at` for the caption of its grid. */
static void
find_caption (BdxSegments *s, const BdxPatterns *p, guint at,
              BdxTablePiece *piece)
{
  gboolean only_caption = TRUE;
  for (guint k = at; k-- > 0;)
    {
      BdxItem *it = &g_array_index (s->items, BdxItem, k);
      if (it->kind == BDX_ITEM_TABLE)
        {
          if (it->piece->page == piece->page)
            only_caption = FALSE;
          break;
        }
      BdxTextLine *l = it->line;
      if (l->page != piece->page)
        break;
      g_autoptr (BdxMatch) m = NULL;
      gboolean caption = FALSE;
      if (piece->unit == BDX_UNIT_UNKNOWN && matches (p, "unit", l->text, &m))
        {
          g_autofree char *u = bdx_match_named (m, "unit");
          piece->unit = bdx_unit_from_name (u);
          caption = TRUE;
        }
      g_clear_pointer (&m, bdx_match_free);
      /* "编制部门：某局  单位：万元" may be one line: cut the unit off. */
      if (piece->department == NULL && matches (p, "department", l->text, &m))
        {
          g_autofree char *name = bdx_match_named (m, "name");
          g_clear_pointer (&m, bdx_match_free);
          if (name && matches (p, "unit", name, &m))
            {
              gssize st, en;
              bdx_match_offsets (m, 0, &st, &en);
              name[st] = '\0';
              g_clear_pointer (&m, bdx_match_free);
            }
          g_strstrip (name);
          if (*name)
            piece->department = g_steal_pointer (&name);
          caption = TRUE;
        }
      g_clear_pointer (&m, bdx_match_free);
      if (piece->number == 0 && matches (p, "table_number", l->text, &m))
        {
          g_autofree char *n = bdx_match_named (m, "n");
          g_autofree char *cn = bdx_match_named (m, "cn");
          piece->number = n ? atoi (n) : cn ? bdx_text_chinese_number (cn) : 0;
          caption = TRUE;
        }
      g_clear_pointer (&m, bdx_match_free);
      if (piece->title == NULL && l->heading_level == 0
          && matches (p, "title", l->text, &m))
        {
          g_autofree char *two = title_with_line_above (s, p, k);
          g_autoptr (BdxMatch) m2 = NULL;
          if (two && matches (p, "title", two, &m2))
            {
              piece->title = bdx_match_named (m2, "title");
              g_clear_pointer (&m2, bdx_match_free);
              if (piece->number == 0 && matches (p, "table_number", two, &m2))
                {
                  g_autofree char *n = bdx_match_named (m2, "n");
                  piece->number = n ? atoi (n) : 0;
                }
              k--; /* the line above is the title's too */
            }
          else
            piece->title = bdx_match_named (m, "title");
          caption = TRUE;
        }
      g_clear_pointer (&m, bdx_match_free);
      if (!caption && matches (p, "caption_other", l->text, NULL))
        caption = TRUE;
      if (!caption && l->heading_level > 0 && piece->title == NULL)
        {
          /* A heading right above a grid is its title ("一、收支总表"),
           * all of its lines. */
          g_autoptr (GString) t = g_string_new (l->text);
          while (k > 0)
            {
              BdxItem *up = &g_array_index (s->items, BdxItem, k - 1);
              if (up->kind != BDX_ITEM_LINE || up->line->page != l->page
                  || up->line->heading_level != l->heading_level
                  || up->line->in_toc
                  || l->box.y0 - up->line->box.y1 > 1.5 * l->em)
                break;
              g_string_prepend (t, up->line->text);
              l = up->line;
              k--;
            }
          piece->title = g_strdup (t->str);
          caption = TRUE;
        }
      if (!caption)
        only_caption = FALSE;
      if (l->heading_level > 0)
        break;
    }
  piece->at_page_top = only_caption;
}

BdxSegments *
bdx_segment (GPtrArray *layouts, const BdxPatterns *p)
{
  BdxSegments *s = g_new0 (BdxSegments, 1);
  s->layouts = layouts;
  s->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) text_line_free);
  s->pieces = g_ptr_array_new_with_free_func ((GDestroyNotify) piece_free);
  s->items = g_array_new (FALSE, FALSE, sizeof (BdxItem));
  s->outline = g_ptr_array_new_with_free_func ((GDestroyNotify) bdx_outline_node_free);
  s->paragraphs = g_ptr_array_new_with_free_func ((GDestroyNotify) paragraph_free);

  /* 1. Items. */
  double cover_em = 0;
  for (guint i = 0; i < layouts->len; i++)
    {
      BdxLayout *l = g_ptr_array_index (layouts, i);
      for (guint k = 0; k < l->blocks->len; k++)
        {
          BdxBlock *b = g_ptr_array_index (l->blocks, k);
          BdxItem it = { 0 };
          if (b->kind == BDX_BLOCK_GRID)
            {
              BdxTablePiece *piece = g_new0 (BdxTablePiece, 1);
              piece->grid = b->grid;
              piece->page = l->page;
              piece->after = g_ptr_array_new_with_free_func (g_free);
              g_ptr_array_add (s->pieces, piece);
              it.kind = BDX_ITEM_TABLE;
              it.piece = piece;
              g_array_append_val (s->items, it);
              continue;
            }
          if (*b->line->text == '\0' || matches (p, "page_number", b->line->text, NULL))
            continue;
          BdxTextLine *tl = g_new0 (BdxTextLine, 1);
          tl->text = g_strdup (b->line->text);
          tl->page = l->page;
          tl->box = b->line->box;
          tl->em = b->line->em;
          g_ptr_array_add (s->lines, tl);
          it.kind = BDX_ITEM_LINE;
          it.line = tl;
          g_array_append_val (s->items, it);
          if (i == 0 && tl->em > cover_em)
            {
              cover_em = tl->em;
              g_free (s->cover_title);
              s->cover_title = g_strdup (tl->text);
            }
        }
    }

  /* 2. Paragraphs as spans of lines, broken also where a grid stands. */
  g_autoptr (GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));
  {
    g_autofree Margins *margins = page_margins (layouts);
    gboolean grid_between = FALSE;
    guint li = 0;
    for (guint k = 0; k < s->items->len; k++)
      {
        BdxItem *it = &g_array_index (s->items, BdxItem, k);
        if (it->kind == BDX_ITEM_TABLE)
          {
            grid_between = TRUE;
            continue;
          }
        BdxTextLine *cur = it->line;
        gboolean join = FALSE;
        if (spans->len > 0 && !grid_between)
          {
            Span *sp = &g_array_index (spans, Span, spans->len - 1);
            BdxTextLine *prev = g_ptr_array_index (s->lines, sp->last);
            join = continues (p, prev, cur,
                              margins_of_page (s, margins, prev->page),
                              margins_of_page (s, margins, cur->page));
            if (join)
              sp->last = li;
          }
        if (!join)
          {
            Span sp = { li, li, k };
            g_array_append_val (spans, sp);
          }
        grid_between = FALSE;
        li++;
      }
  }

  /* 3–4. Heading levels, and the table of contents. */
  g_autoptr (GArray) levels = g_array_sized_new (FALSE, TRUE, sizeof (int), spans->len);
  g_array_set_size (levels, spans->len);
  {
    int toc_state = 0; /* 0 before 目录, 1 inside, 2 after */
    int toc_page = 0;
    g_autofree char *toc_first = NULL;
    for (guint i = 0; i < spans->len; i++)
      {
        Span sp = g_array_index (spans, Span, i);
        BdxTextLine *first = g_ptr_array_index (s->lines, sp.first);
        g_autofree char *text = join_lines (s, sp);
        g_autofree char *bare = bdx_text_strip_spaces (text);
        int level = bdx_segment_heading_level (p, text);
        gboolean toc = FALSE;

        if (toc_state == 0 && matches (p, "toc", bare, NULL))
          {
            toc_state = 1;
            toc_page = first->page;
            toc = TRUE;
          }
        else if (toc_state == 1)
          {
            gboolean ends = FALSE;
            if (toc_first == NULL && level > 0)
              toc_first = g_strdup (bare);
            else if (toc_first && level > 0 && strcmp (toc_first, bare) == 0)
              ends = TRUE;
            /* Contents whose first entry never repeats end with the
             * 目录 page. */
            if (!ends && toc_first == NULL && first->page > toc_page)
              ends = TRUE;
            if (ends)
              toc_state = 2;
            else
              toc = TRUE;
          }
        for (guint k = sp.first; k <= sp.last; k++)
          {
            BdxTextLine *l = g_ptr_array_index (s->lines, k);
            l->in_toc = toc;
            l->heading_level = toc ? 0 : level;
          }
        g_array_index (levels, int, i) = toc ? -1 : level;
      }
  }

  /* 5. Captions and the lines after each grid. */
  for (guint k = 0; k < s->items->len; k++)
    {
      BdxItem *it = &g_array_index (s->items, BdxItem, k);
      if (it->kind != BDX_ITEM_TABLE)
        continue;
      BdxTablePiece *piece = it->piece;
      find_caption (s, p, k, piece);
      piece->at_page_end = TRUE;
      for (guint j = k + 1; j < s->items->len; j++)
        {
          BdxItem *nx = &g_array_index (s->items, BdxItem, j);
          if (nx->kind == BDX_ITEM_TABLE)
            {
              if (nx->piece->page == piece->page)
                piece->at_page_end = FALSE;
              break;
            }
          if (nx->line->page != piece->page)
            break;
          if (nx->line->heading_level > 0)
            {
              piece->at_page_end = FALSE;
              break;
            }
          g_ptr_array_add (piece->after, g_strdup (nx->line->text));
        }
    }

  /* 6. Outline and paragraphs, in reading order: headings nest by level;
   * a titled table is a node one level below the heading above it. */
  g_autoptr (GPtrArray) stack = g_ptr_array_new ();
  g_autofree char *section = NULL, *subsection = NULL;
  guint next_item = 0;
  for (guint i = 0; i <= spans->len; i++)
    {
      guint upto = i < spans->len ? g_array_index (spans, Span, i).item
                                  : s->items->len;
      for (; next_item < upto; next_item++)
        {
          BdxItem *it = &g_array_index (s->items, BdxItem, next_item);
          if (it->kind != BDX_ITEM_TABLE || it->piece->title == NULL)
            continue;
          int level = 1;
          if (stack->len > 0)
            level = ((BdxOutlineNode *) g_ptr_array_index (stack, stack->len - 1))->level + 1;
          g_autofree char *heading
              = it->piece->number > 0
                    ? g_strdup_printf ("表%d %s", it->piece->number, it->piece->title)
                    : g_strdup (it->piece->title);
          add_outline (s->outline, stack, heading, level, it->piece->page);
          /* A table node is a leaf: what follows nests under the heading. */
          g_ptr_array_set_size (stack, stack->len - 1);
        }
      if (i == spans->len)
        break;
      next_item = upto + 1;

      int level = g_array_index (levels, int, i);
      if (level < 0) /* contents */
        continue;
      Span sp = g_array_index (spans, Span, i);
      BdxTextLine *first = g_ptr_array_index (s->lines, sp.first);
      g_autofree char *text = join_lines (s, sp);
      if (level > 0)
        {
          add_outline (s->outline, stack, text, level, first->page);
          if (level <= 2)
            {
              g_free (section);
              section = level == 2 ? g_strdup (text) : NULL;
              g_clear_pointer (&subsection, g_free);
            }
          else if (level == 3)
            {
              g_free (subsection);
              subsection = g_strdup (text);
            }
        }
      BdxParagraph *para = g_new0 (BdxParagraph, 1);
      para->text = g_steal_pointer (&text);
      para->page = first->page;
      para->section = g_strdup (section);
      para->subsection = g_strdup (subsection);
      para->heading_level = level;
      g_ptr_array_add (s->paragraphs, para);
    }
  return s;
}
