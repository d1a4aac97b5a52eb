/* bdx-test-tool — dumps what each stage makes of a document, for tests and
 * for people debugging a layout: a layout change becomes a readable diff.
 *
 *   bdx-test-tool layout FILE.pdf [PAGE]   lines and grids, page by page
 *   bdx-test-tool rules FILE.pdf PAGE      the ruling lines found
 *   bdx-test-tool glyphs FILE.pdf PAGE     every glyph with its box
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bdx/layout.h"
#include "bdx/read.h"

static void
dump_layout (const BdxLayout *l)
{
  printf ("== page %d (%.0fx%.0f)\n", l->page, l->width, l->height);
  for (guint i = 0; i < l->blocks->len; i++)
    {
      const BdxBlock *b = g_ptr_array_index (l->blocks, i);
      if (b->kind == BDX_BLOCK_LINE)
        {
          printf ("L %6.1f %6.1f %6.1f |", b->box.x0, b->box.y0, b->box.x1);
          for (guint k = 0; k < b->line->chunks->len; k++)
            {
              const BdxChunk *c = g_ptr_array_index (b->line->chunks, k);
              printf (" [%s]", c->text);
            }
          printf ("\n");
          continue;
        }
      const BdxGrid *g = b->grid;
      printf ("G %6.1f %6.1f %6.1f %6.1f  %d rows x %d cols\n", g->box.x0,
              g->box.y0, g->box.x1, g->box.y1, g->n_rows, g->n_cols);
      for (int r = 0; r < g->n_rows; r++)
        {
          printf ("  r%-2d", r);
          for (int c = 0; c < g->n_cols; c++)
            {
              const BdxCell *cell = bdx_grid_cell (g, r, c);
              if (cell->row != r || cell->col != c)
                {
                  printf (" |  ^");
                  continue;
                }
              printf (" | %s", cell->text);
              if (cell->rowspan > 1 || cell->colspan > 1)
                printf ("{%dx%d}", cell->rowspan, cell->colspan);
            }
          printf ("\n");
        }
    }
}

int
main (int argc, char **argv)
{
  if (argc < 3)
    {
      fprintf (stderr, "usage: bdx-test-tool layout|rules|glyphs FILE.pdf [PAGE]\n");
      return 2;
    }
  g_autoptr (GError) error = NULL;
  g_autoptr (BdxReader) r = bdx_reader_open (argv[2], NULL, &error);
  if (r == NULL)
    {
      fprintf (stderr, "bdx-test-tool: %s\n", error->message);
      return 1;
    }
  int n = bdx_reader_n_pages (r);
  int from = 0, to = n;
  if (argc > 3)
    {
      from = atoi (argv[3]) - 1;
      to = from + 1;
      if (from < 0 || from >= n)
        return 2;
    }
  for (int i = from; i < to; i++)
    {
      g_autoptr (BdxPage) p = bdx_reader_read_page (r, i, TRUE, &error);
      if (p == NULL)
        {
          fprintf (stderr, "bdx-test-tool: %s\n", error->message);
          return 1;
        }
      if (strcmp (argv[1], "glyphs") == 0)
        {
          for (guint k = 0; k < p->glyphs->len; k++)
            {
              BdxGlyph *g = &g_array_index (p->glyphs, BdxGlyph, k);
              char buf[8] = { 0 };
              g_unichar_to_utf8 (g->c, buf);
              printf ("%s %.1f %.1f %.1f %.1f%s\n", buf, g->box.x0, g->box.y0,
                      g->box.x1, g->box.y1, g->bold ? " bold" : "");
            }
          continue;
        }
      if (strcmp (argv[1], "rules") == 0)
        {
          for (guint k = 0; k < p->hrules->len; k++)
            {
              BdxRule *ru = &g_array_index (p->hrules, BdxRule, k);
              printf ("H %.1f %.1f %.1f %.1f\n", ru->x0, ru->y0, ru->x1, ru->y1);
            }
          for (guint k = 0; k < p->vrules->len; k++)
            {
              BdxRule *ru = &g_array_index (p->vrules, BdxRule, k);
              printf ("V %.1f %.1f %.1f %.1f\n", ru->x0, ru->y0, ru->x1, ru->y1);
            }
          continue;
        }
      g_autoptr (BdxLayout) l = bdx_layout_page (p, NULL);
      dump_layout (l);
    }
  return 0;
}
