/* Segmentation on pages built glyph by glyph: what a caption is made of. */
#include <string.h>

#include "bdx/disclosure.h"
#include "bdx/layout.h"
#include "bdx/parse.h"
#include "bdx/segment.h"

/* Rules of a grid: a horizontal rule at each ys[], a vertical one at each
 * xs[], each from the first line across to the last. */
static void
put_grid (BdxPage *page, const double *xs, guint nx, const double *ys,
          guint ny)
{
  for (guint i = 0; i < ny; i++)
    {
      BdxRule r = { xs[0], ys[i], xs[nx - 1], ys[i] + 0.5 };
      g_array_append_val (page->hrules, r);
    }
  for (guint i = 0; i < nx; i++)
    {
      BdxRule r = { xs[i], ys[0], xs[i] + 0.5, ys[ny - 1] };
      g_array_append_val (page->vrules, r);
    }
}

/* Writes `text` on page from (x, y), one glyph every `size` points. */
static void
put_text (BdxPage *page, double x, double y, double size, const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c != ' ')
        {
          BdxGlyph g = { 0 };
          g.c = c;
          g.box = (BdxBox){ x, y, x + size * 0.95, y + size };
          g.confidence = 1.0f;
          g_array_append_val (page->glyphs, g);
        }
      x += c < 0x80 ? size / 2 : size;
    }
}

/* A page of 表3 (部门支出总体情况表): the caption lines, then a grid of
 * two columns (name, 合计) and three rows (header, 总计, one 类). */
static BdxPage *
table_page_full (const char *number_line, double number_x, const char *title,
                 const char *unit_line)
{
  BdxPage *page = bdx_page_new (1, 595, 842);
  page->rules_known = TRUE;
  put_text (page, number_x, 51, 12, number_line);
  put_text (page, 220, 70, 18, title);
  put_text (page, 40, 100, 10.5, "编制部门:某县统计局");
  put_text (page, 480, 100, 10.5, unit_line);
  static const double ys[] = { 120, 140, 160, 180 };
  static const double xs[] = { 40, 300, 560 };
  put_grid (page, xs, G_N_ELEMENTS (xs), ys, G_N_ELEMENTS (ys));
  put_text (page, 45, 124, 10.5, "科目名称");
  put_text (page, 305, 124, 10.5, "合计");
  put_text (page, 45, 144, 10.5, "总计");
  put_text (page, 500, 144, 10.5, "12.50");
  put_text (page, 45, 164, 10.5, "一般公共服务支出");
  put_text (page, 500, 164, 10.5, "12.50");
  return page;
}

static BdxPage *
table_page (const char *number_line, double number_x)
{
  return table_page_full (number_line, number_x, "部门支出总体情况表", "单位:万元");
}

static BdxTable *
parse_page (BdxPage *page, BdxPatterns *p, BdxDisclosure *d)
{
  GPtrArray *layouts = g_ptr_array_new_with_free_func ((GDestroyNotify) bdx_layout_free);
  g_ptr_array_add (layouts, bdx_layout_page (page, NULL));
  g_autoptr (BdxSegments) s = bdx_segment (layouts, p);
  g_autoptr (GError) error = NULL;
  g_assert_true (bdx_parse_tables (s, p, d, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (d->tables->len, ==, 1);
  return g_ptr_array_index (d->tables, 0);
}

/* A table number at the margin, above the title's centre, is no part of
 * the title, whether it reads as one ("表3") or OCR misread it as a
 * character ("未"): the title is not "未部门支出总体情况表". */
static void
test_caption_beside_title (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = bdx_patterns_default_dir ();
  g_autoptr (BdxPatterns) p = bdx_patterns_load (dir, &error);
  g_assert_no_error (error);

  g_autoptr (BdxPage) good = table_page ("表3", 40);
  g_autoptr (BdxDisclosure) d1 = bdx_disclosure_new ();
  BdxTable *t = parse_page (good, p, d1);
  g_assert_cmpstr (t->title, ==, "部门支出总体情况表");
  g_assert_cmpstr (t->id, ==, "expenditure_summary");
  g_assert_cmpint (t->number, ==, 3);

  g_autoptr (BdxPage) misread = table_page ("未", 40);
  g_autoptr (BdxDisclosure) d2 = bdx_disclosure_new ();
  t = parse_page (misread, p, d2);
  g_assert_cmpstr (t->title, ==, "部门支出总体情况表");
  g_assert_cmpstr (t->id, ==, "expenditure_summary");
  g_assert_cmpint (t->number, ==, 0);
  g_assert_cmpuint (t->rows->len, ==, 2);
}

/* A title over two lines, both centred, is one title. */
static void
test_title_over_two_lines (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = bdx_patterns_default_dir ();
  g_autoptr (BdxPatterns) p = bdx_patterns_load (dir, &error);
  g_assert_no_error (error);

  g_autoptr (BdxPage) page = table_page ("部门", 230);
  g_autoptr (BdxDisclosure) d = bdx_disclosure_new ();
  BdxTable *t = parse_page (page, p, d);
  g_assert_cmpstr (t->title, ==, "部门部门支出总体情况表");
}

/* OCR reads the full-width colon of "单位：万元" as ";" now and then; no
 * caption says 单位 followed by a semicolon for anything else. */
static void
test_unit_semicolon (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = bdx_patterns_default_dir ();
  g_autoptr (BdxPatterns) p = bdx_patterns_load (dir, &error);
  g_assert_no_error (error);

  g_autoptr (BdxPage) page = table_page_full ("表3", 40, "部门支出总体情况表", "单位;万元");
  g_autoptr (BdxDisclosure) d = bdx_disclosure_new ();
  BdxTable *t = parse_page (page, p, d);
  g_assert_cmpint (t->unit, ==, BDX_UNIT_WAN_YUAN);
}

/* A title numbered as a heading ("一、部门支出总体情况表") whose numeral
 * OCR lost ("、部门…": 一 is one thin stroke) is still the title. */
static void
test_title_lost_numeral (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = bdx_patterns_default_dir ();
  g_autoptr (BdxPatterns) p = bdx_patterns_load (dir, &error);
  g_assert_no_error (error);

  g_autoptr (BdxPage) page = table_page_full ("", 40, "、部门支出总体情况表", "单位:万元");
  g_autoptr (BdxDisclosure) d = bdx_disclosure_new ();
  BdxTable *t = parse_page (page, p, d);
  g_assert_cmpstr (t->title, ==, "部门支出总体情况表");
  g_assert_cmpstr (t->id, ==, "expenditure_summary");

  /* "三、" read as Latin letters on a rough scan. */
  g_autoptr (BdxPage) latin = table_page_full ("", 40, "AR部门支出总体情况表", "单位:万元");
  g_autoptr (BdxDisclosure) d2 = bdx_disclosure_new ();
  t = parse_page (latin, p, d2);
  g_assert_cmpstr (t->title, ==, "部门支出总体情况表");
  g_assert_cmpstr (t->id, ==, "expenditure_summary");

  /* A speck read as a character before the numbering ("和六、"). */
  g_autoptr (BdxPage) speck = table_page_full ("", 40, "和六、部门支出总体情况表", "单位:万元");
  g_autoptr (BdxDisclosure) d3 = bdx_disclosure_new ();
  t = parse_page (speck, p, d3);
  g_assert_cmpstr (t->title, ==, "部门支出总体情况表");
  g_assert_cmpstr (t->id, ==, "expenditure_summary");
  g_assert_cmpint (t->number, ==, 6);
}

/* A page of 表3 with its amounts in two columns (基本支出, 项目支出);
 * the 一般公共服务支出 row's 项目支出 cell prints `project`. */
static BdxPage *
amounts_page (const char *project)
{
  BdxPage *page = bdx_page_new (1, 595, 842);
  page->rules_known = TRUE;
  put_text (page, 40, 51, 12, "表3");
  put_text (page, 220, 70, 18, "部门支出总体情况表");
  put_text (page, 480, 100, 10.5, "单位:元");
  static const double ys[] = { 120, 140, 160, 180 };
  static const double xs[] = { 40, 220, 390, 560 };
  put_grid (page, xs, G_N_ELEMENTS (xs), ys, G_N_ELEMENTS (ys));
  put_text (page, 45, 124, 10.5, "科目名称");
  put_text (page, 225, 124, 10.5, "基本支出");
  put_text (page, 395, 124, 10.5, "项目支出");
  put_text (page, 45, 144, 10.5, "总计");
  put_text (page, 330, 144, 10.5, "12.50");
  put_text (page, 480, 144, 10.5, "1,730,000.00");
  put_text (page, 45, 164, 10.5, "一般公共服务支出");
  put_text (page, 330, 164, 10.5, "12.50");
  put_text (page, 480, 164, 10.5, project);
  return page;
}

/* An amount with a grouping comma lost ("1730,000.00", as OCR reads a
 * rough scan) is not an amount, but it does not make its column a
 * column of names (a second panel, the column's amounts lost without a
 * word): the column keeps its amounts, the cell is blank, a notice says
 * so and, on an OCR page, the row's ocr mark keeps what was read. */
static void
test_misprinted_amount (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = bdx_patterns_default_dir ();
  g_autoptr (BdxPatterns) p = bdx_patterns_load (dir, &error);
  g_assert_no_error (error);

  g_autoptr (BdxPage) page = amounts_page ("1730,000.00");
  g_autoptr (BdxDisclosure) d = bdx_disclosure_new ();
  int page1 = 1;
  g_array_append_val (d->source.ocr_pages, page1);
  BdxTable *t = parse_page (page, p, d);
  g_assert_cmpstr (t->id, ==, "expenditure_summary");
  g_assert_cmpuint (t->columns->len, ==, 2);
  g_assert_cmpstr (((BdxColumn *) g_ptr_array_index (t->columns, 1))->id, ==, "project");
  g_assert_cmpuint (t->rows->len, ==, 2);
  const BdxRow *total = g_ptr_array_index (t->rows, 0);
  const BdxRow *row = g_ptr_array_index (t->rows, 1);
  g_assert_cmpint (total->panel, ==, 0);
  g_assert_cmpint (row->panel, ==, 0);
  g_assert_cmpint (g_array_index (total->values, BdxMoney, 1).fen, ==, 173000000);
  g_assert_false (g_array_index (row->values, BdxMoney, 1).present);
  gboolean said = FALSE;
  for (guint i = 0; i < d->notices->len; i++)
    said = said || (strstr (d->notices->pdata[i], "'1730,000.00'") != NULL
                    && strstr (d->notices->pdata[i], "is not an amount") != NULL);
  g_assert_true (said);
  /* On an OCR page the row keeps what OCR read. */
  const BdxOcrMark *m = bdx_row_ocr_mark (row, 1);
  g_assert_nonnull (m);
  g_assert_cmpstr (m->read, ==, "1730,000.00");
  g_assert_false (m->repaired);

  /* Words in the cell are a label, as before. */
  g_autoptr (BdxPage) named = amounts_page ("公共数据");
  g_autoptr (BdxDisclosure) d2 = bdx_disclosure_new ();
  t = parse_page (named, p, d2);
  g_assert_cmpuint (t->columns->len, ==, 1);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/segment/caption-beside-title", test_caption_beside_title);
  g_test_add_func ("/segment/unit-semicolon", test_unit_semicolon);
  g_test_add_func ("/segment/title-lost-numeral", test_title_lost_numeral);
  g_test_add_func ("/segment/title-over-two-lines", test_title_over_two_lines);
  g_test_add_func ("/segment/misprinted-amount", test_misprinted_amount);
  return g_test_run ();
}
