/* bdx-ocr-tool — what the OCR stage makes of a page, for tests and for
 * people tuning it: the layout of an OCR'd page, cell by cell, with the
 * confidence of each cell.
 *
 *   bdx-ocr-tool layout FILE [PAGE] [--dpi N] [--no-reread]
 *   bdx-ocr-tool compare FILE.pdf [PAGE]  OCR's grid cells against the
 *                                      text layer's (a born-digital PDF)
 *   bdx-ocr-tool triage FILE.pdf       each page's text state and counts
 *   bdx-ocr-tool crop FILE PAGE X Y W H OUT.png   a piece of the page's
 *                                      picture (points), to look at
 *
 * FILE is a PDF (its pages rendered) or a picture (TIFF, PNG, JPEG).
 */
#include <leptonica/allheaders.h>
#include <stdio.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>

#include "bdx/layout.h"
#include "bdx/ocr.h"
#include "bdx/read.h"

static void
pix_unref (PIX *p)
{
  pixDestroy (&p);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PIX, pix_unref)

/* Compares the grid cells and the lines of an OCR'd page with those of
 * its text layer (the truth, for a born-digital PDF); prints what
 * differs, counts into right/total. */
static void
compare_layouts (const BdxLayout *truth, const BdxLayout *ocr, int *right,
                 int *total, int *flagged_wrong, int *silent_wrong)
{
  guint gi = 0, go = 0;
  for (guint b = 0; b < truth->blocks->len; b++)
    {
      const BdxBlock *tb = g_ptr_array_index (truth->blocks, b);
      if (tb->kind != BDX_BLOCK_GRID)
        continue;
      gi++;
      const BdxGrid *tg = tb->grid, *og = NULL;
      for (guint k = 0, n = 0; k < ocr->blocks->len; k++)
        {
          const BdxBlock *ob = g_ptr_array_index (ocr->blocks, k);
          if (ob->kind == BDX_BLOCK_GRID && ++n == gi)
            og = ob->grid;
        }
      if (og == NULL || og->n_rows != tg->n_rows || og->n_cols != tg->n_cols)
        {
          int cells = 0;
          for (guint c = 0; c < tg->cells->len; c++)
            cells += *((BdxCell *) g_ptr_array_index (tg->cells, c))->text != 0;
          printf ("page %d grid %u: %dx%d in the text layer, %dx%d by OCR (%d cells lost)\n",
                  truth->page, gi, tg->n_rows, tg->n_cols, og ? og->n_rows : 0,
                  og ? og->n_cols : 0, cells);
          *total += cells;
          *silent_wrong += cells;
          continue;
        }
      go++;
      for (guint c = 0; c < tg->cells->len; c++)
        {
          const BdxCell *tc = g_ptr_array_index (tg->cells, c);
          const BdxCell *oc = bdx_grid_cell (og, tc->row, tc->col);
          if (*tc->text == 0 && *oc->text == 0)
            continue;
          (*total)++;
          if (strcmp (tc->text, oc->text) == 0)
            {
              (*right)++;
              continue;
            }
          gboolean flagged = oc->confidence < BDX_OCR_LOW_CONFIDENCE;
          if (flagged)
            (*flagged_wrong)++;
          else
            (*silent_wrong)++;
          printf ("page %d r%d c%d: '%s' read '%s' (%.2f)%s\n", truth->page,
                  tc->row, tc->col, tc->text, oc->text, oc->confidence,
                  flagged ? " flagged" : "");
        }
    }
  /* Lines outside grids: by their order. */
  g_autoptr (GPtrArray) tl = g_ptr_array_new (), ol = g_ptr_array_new ();
  for (guint b = 0; b < truth->blocks->len; b++)
    {
      const BdxBlock *x = g_ptr_array_index (truth->blocks, b);
      if (x->kind == BDX_BLOCK_LINE)
        g_ptr_array_add (tl, x->line->text);
    }
  for (guint b = 0; b < ocr->blocks->len; b++)
    {
      const BdxBlock *x = g_ptr_array_index (ocr->blocks, b);
      if (x->kind == BDX_BLOCK_LINE)
        g_ptr_array_add (ol, x->line->text);
    }
  for (guint i = 0; i < tl->len; i++)
    {
      const char *t = tl->pdata[i];
      gboolean found = FALSE;
      for (guint k = 0; k < ol->len && !found; k++)
        found = strcmp (t, ol->pdata[k]) == 0;
      if (!found)
        printf ("page %d line: '%s' not read right\n", truth->page, t);
    }
}

/* CPU seconds of this process, for --times. */
static double
cpu_now (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

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
              if (*cell->text && cell->confidence < BDX_OCR_LOW_CONFIDENCE)
                printf ("<%.2f>", cell->confidence);
            }
          printf ("\n");
        }
    }
}

int
main (int argc, char **argv)
{
  int dpi = 0;
  gboolean no_reread = FALSE, times = FALSE;
  GOptionEntry entries[] = {
    { "dpi", 0, 0, G_OPTION_ARG_INT, &dpi, "Render PDF pages at N dpi", "N" },
    { "no-reread", 0, 0, G_OPTION_ARG_NONE, &no_reread, "Whole-page reading only", NULL },
    { "times", 0, 0, G_OPTION_ARG_NONE, &times, "CPU seconds of each step on stderr", NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) ctx = g_option_context_new ("layout|triage FILE [PAGE]");
  g_option_context_add_main_entries (ctx, entries, NULL);
  g_autoptr (GError) error = NULL;
  if (!g_option_context_parse (ctx, &argc, &argv, &error) || argc < 3)
    {
      fprintf (stderr, "usage: bdx-ocr-tool layout|triage FILE [PAGE]\n");
      return 2;
    }
  g_autoptr (GMappedFile) map = g_mapped_file_new (argv[2], FALSE, &error);
  if (map == NULL)
    {
      fprintf (stderr, "bdx-ocr-tool: %s\n", error->message);
      return 1;
    }
  g_autoptr (GBytes) bytes = g_mapped_file_get_bytes (map);
  gboolean image = bdx_image_sniff (bytes);
  g_autoptr (BdxReader) r = NULL;
  g_autoptr (BdxImageFile) f = NULL;
  if (image)
    f = bdx_image_file_open_bytes (bytes, 0, &error);
  else
    r = bdx_reader_open_bytes (bytes, NULL, &error);
  if (r == NULL && f == NULL)
    {
      fprintf (stderr, "bdx-ocr-tool: %s\n", error->message);
      return 1;
    }
  int n = image ? bdx_image_file_n_pages (f) : bdx_reader_n_pages (r);
  int from = 0, to = n;
  if (argc > 3)
    {
      /* PAGE or FIRST-LAST */
      const char *dash = strchr (argv[3], '-');
      from = atoi (argv[3]) - 1;
      to = dash ? atoi (dash + 1) : from + 1;
      if (from < 0 || from >= n || to <= from || to > n)
        return 2;
    }

  if (strcmp (argv[1], "triage") == 0)
    {
      if (image)
        return 2;
      static const char *names[] = { "text", "no-text", "garbled" };
      for (int i = from; i < to; i++)
        {
          g_autoptr (BdxPage) p = bdx_reader_read_page (r, i, FALSE, &error);
          if (p == NULL)
            {
              fprintf (stderr, "bdx-ocr-tool: %s\n", error->message);
              return 1;
            }
          const BdxTextStats *st = &p->text_stats;
          printf ("%d %s chars=%u han=%u radicals=%u suspect=%u%s\n", i + 1,
                  names[p->text_state], st->chars, st->han, st->radicals,
                  st->suspect, st->scanned ? " scanned" : "");
        }
      return 0;
    }
  if (strcmp (argv[1], "crop") == 0 && argc == 9)
    {
      /* crop FILE PAGE X Y W H OUT.png: a piece of the picture OCR gets
       * (points), to look at. */
      int i = from;
      g_autoptr (PIX) pix = image ? bdx_image_file_load_page (f, i, &error)
                                  : bdx_reader_render_page (r, i, dpi, &error);
      if (pix == NULL)
        return 1;
      double s = pixGetXRes (pix) / 72.0;
      BOX *b = boxCreate ((int) (atof (argv[4]) * s), (int) (atof (argv[5]) * s),
                          (int) (atof (argv[6]) * s), (int) (atof (argv[7]) * s));
      PIX *c = pixClipRectangle (pix, b, NULL);
      int ok = c ? pixWrite (argv[8], c, IFF_PNG) : 1;
      pixDestroy (&c);
      boxDestroy (&b);
      return ok;
    }
  gboolean compare = strcmp (argv[1], "compare") == 0;
  if (strcmp (argv[1], "layout") != 0 && !compare)
    return 2;
  int right = 0, total = 0, flagged_wrong = 0, silent_wrong = 0;

  /* The lexicon of the default pattern set, as the pipeline gives it. */
  g_autofree char *pdir = bdx_patterns_default_dir ();
  g_autoptr (BdxPatterns) pats = bdx_patterns_load (pdir, NULL);
  g_auto (GStrv) words = pats ? bdx_ocr_words_from_patterns (pats) : NULL;
  BdxOcrEngineOptions eo = { .words = (const char *const *) words };
  g_autoptr (BdxOcrEngine) e = bdx_ocr_engine_new (&eo, &error);
  if (e == NULL)
    {
      fprintf (stderr, "bdx-ocr-tool: %s\n", error->message);
      return 1;
    }
  for (int i = from; i < to; i++)
    {
      g_autoptr (PIX) pix = image ? bdx_image_file_load_page (f, i, &error)
                                  : bdx_reader_render_page (r, i, dpi, &error);
      if (pix == NULL)
        {
          fprintf (stderr, "bdx-ocr-tool: %s\n", error->message);
          return 1;
        }
      double t0 = cpu_now ();
      g_autoptr (BdxOcrImage) img = bdx_ocr_image_new (e, pix, NULL, &error);
      double t1 = cpu_now ();
      if (img == NULL)
        {
          fprintf (stderr, "bdx-ocr-tool: %s\n", error->message);
          return 1;
        }
      printf ("# turns %d skew %.2f\n", bdx_ocr_image_quarter_turns (img),
              bdx_ocr_image_skew (img));
      g_autoptr (BdxPage) page = bdx_ocr_read_page (e, img, i + 1, &error);
      if (page == NULL)
        {
          fprintf (stderr, "bdx-ocr-tool: %s\n", error->message);
          return 1;
        }
      double t2 = cpu_now ();
      g_autoptr (BdxLayout) l = bdx_layout_page (page, NULL);
      if (!no_reread)
        {
          int changed = bdx_ocr_reread_cells (e, img, page, l, &error);
          if (changed < 0)
            {
              fprintf (stderr, "bdx-ocr-tool: %s\n", error->message);
              return 1;
            }
          if (changed > 0)
            {
              g_clear_pointer (&l, bdx_layout_free);
              l = bdx_layout_page (page, NULL);
            }
        }
      if (times)
        fprintf (stderr, "page %d: prepare %.2f s, read %.2f s, read again %.2f s\n",
                 i + 1, t1 - t0, t2 - t1, cpu_now () - t2);
      if (g_getenv ("BDX_OCR_TOOL_RULES"))
        {
          for (guint k = 0; k < page->hrules->len; k++)
            {
              const BdxRule *ru = &g_array_index (page->hrules, BdxRule, k);
              printf ("H %.1f %.1f %.1f %.1f\n", ru->x0, ru->y0, ru->x1, ru->y1);
            }
          for (guint k = 0; k < page->vrules->len; k++)
            {
              const BdxRule *ru = &g_array_index (page->vrules, BdxRule, k);
              printf ("V %.1f %.1f %.1f %.1f\n", ru->x0, ru->y0, ru->x1, ru->y1);
            }
        }
      if (g_getenv ("BDX_OCR_TOOL_GLYPHS"))
        for (guint k = 0; k < page->glyphs->len; k++)
          {
            const BdxGlyph *g = &g_array_index (page->glyphs, BdxGlyph, k);
            char buf[8] = { 0 };
            g_unichar_to_utf8 (g->c, buf);
            printf ("g %s %.1f %.1f %.1f %.1f %.2f\n", buf, g->box.x0, g->box.y0,
                    g->box.x1, g->box.y1, g->confidence);
          }
      if (!compare)
        {
          dump_layout (l);
          continue;
        }
      g_autoptr (BdxPage) tp = bdx_reader_read_page (r, i, TRUE, &error);
      if (tp == NULL)
        return 1;
      g_autoptr (BdxLayout) tl = bdx_layout_page (tp, NULL);
      compare_layouts (tl, l, &right, &total, &flagged_wrong, &silent_wrong);
    }
  if (compare)
    printf ("cells: %d of %d right (%.2f%%); wrong: %d flagged, %d silent\n",
            right, total, total ? 100.0 * right / total : 100.0,
            flagged_wrong, silent_wrong);
  return 0;
}
