/* bdx extract: one disclosure (one PDF, or a narrative PDF and its tables
 * PDF) to JSON. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "bdx/bdx.h"
#include "cli.h"

static gboolean
show_progress (int page, int n_pages, gpointer data)
{
  fprintf (stderr, "\rbdx: %s: page %d/%d", (const char *) data, page, n_pages);
  if (page == n_pages)
    fputs ("\r\033[K", stderr);
  return TRUE;
}

int
bdx_cli_extract (int argc, char **argv)
{
  g_autofree char *output = NULL, *password = NULL, *patterns_dir = NULL;
  g_autofree char *ocr = NULL;
  int dpi = 0, jobs = 0;
  gboolean strict = FALSE, compact = FALSE, quiet = FALSE, no_validate = FALSE;
  int max_pages = 0, max_chars = 0;
  g_auto (GStrv) files = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      "Write the JSON to FILE, atomically (default: standard output)", "FILE" },
    { "password", 0, 0, G_OPTION_ARG_STRING, &password,
      "Password of an encrypted PDF", "PW" },
    { "patterns", 0, 0, G_OPTION_ARG_FILENAME, &patterns_dir,
      "Use the pattern set in DIR instead of the built-in one", "DIR" },
    { "strict", 0, 0, G_OPTION_ARG_NONE, &strict,
      "Exit with 7 when a validation check fails", NULL },
    { "no-validate", 0, 0, G_OPTION_ARG_NONE, &no_validate,
      "Skip the validation stage", NULL },
    { "max-pages", 0, 0, G_OPTION_ARG_INT, &max_pages,
      "Refuse PDFs of more pages (default 5000; exit 8)", "N" },
    { "max-chars", 0, 0, G_OPTION_ARG_INT, &max_chars,
      "Refuse pages of more characters (default 200000; exit 8)", "N" },
    { "ocr", 0, 0, G_OPTION_ARG_STRING, &ocr,
      "OCR pages: auto (those without a usable text layer; the default), "
      "always, never", "WHEN" },
    { "dpi", 0, 0, G_OPTION_ARG_INT, &dpi,
      "Render PDF pages for OCR at N dots per inch (default 300)", "N" },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs,
      "OCR N pages at a time (default: one per processor)", "N" },
    { "compact", 0, 0, G_OPTION_ARG_NONE, &compact,
      "One-line JSON instead of indented", NULL },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet,
      "No progress and no summary on standard error", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL,
      NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) ctx
      = g_option_context_new ("FILE [TABLES] - extract a disclosure");
  g_option_context_set_summary (
      ctx, "Reads a budget (预算) or final-accounts (决算) disclosure and writes\n"
           "its tables, outline and checks as JSON (" BDX_FORMAT ").\n"
           "Give two files when the narrative and the tables are published\n"
           "as separate PDFs: they are read as one document.\n"
           "A FILE is a PDF or scanned pages (TIFF, multi-page TIFF, PNG, JPEG);\n"
           "pages without a usable text layer are read by OCR (tesseract, chi_sim).");
  g_option_context_set_description (
      ctx, "A one-line summary goes to standard error unless --quiet.\n"
           "Exit codes: see 'bdx help'.");
  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!bdx_cli_parse (ctx, &argc, &argv))
    return BDX_EXIT_USAGE;
  if (files == NULL || files[0] == NULL)
    {
      bdx_cli_error ("extract needs a PDF file; see 'bdx help extract'");
      return BDX_EXIT_USAGE;
    }
  BdxOcrMode ocr_mode = BDX_OCR_AUTO;
  if (ocr == NULL || strcmp (ocr, "auto") == 0)
    ocr_mode = BDX_OCR_AUTO;
  else if (strcmp (ocr, "always") == 0)
    ocr_mode = BDX_OCR_ALWAYS;
  else if (strcmp (ocr, "never") == 0)
    ocr_mode = BDX_OCR_NEVER;
  else
    {
      bdx_cli_error ("unknown --ocr '%s': use auto, always or never", ocr);
      return BDX_EXIT_USAGE;
    }
  if (dpi != 0 && (dpi < 72 || dpi > 1200))
    {
      bdx_cli_error ("--dpi %d is out of range (72 to 1200)", dpi);
      return BDX_EXIT_USAGE;
    }
  if (jobs < 0 || jobs > 256)
    {
      bdx_cli_error ("--jobs %d is out of range (1 to 256)", jobs);
      return BDX_EXIT_USAGE;
    }

  g_autoptr (GError) error = NULL;
  g_autoptr (BdxPatterns) pats = NULL;
  if (patterns_dir != NULL)
    {
      pats = bdx_patterns_load (patterns_dir, &error);
      if (pats == NULL)
        {
          bdx_cli_error ("%s", error->message);
          return BDX_EXIT_PATTERNS;
        }
    }

  BdxExtractOptions opts = { 0 };
  opts.password = password;
  opts.patterns = pats;
  opts.no_validate = no_validate;
  opts.ocr = ocr_mode;
  opts.ocr_dpi = dpi;
  opts.jobs = (guint) jobs;
  if (max_pages < 0 || max_chars < 0)
    {
      bdx_cli_error ("--max-pages and --max-chars take a positive number");
      return BDX_EXIT_USAGE;
    }
  opts.max_pages = (guint) max_pages;
  opts.max_glyphs = (guint) max_chars;
  if (!quiet && isatty (STDERR_FILENO))
    {
      opts.progress = show_progress;
      opts.progress_data = files[0];
    }
  g_autoptr (BdxDisclosure) d
      = bdx_extract_files ((const char *const *) files, &opts, &error);
  if (d == NULL)
    {
      bdx_cli_error ("cannot extract %s", error->message);
      return bdx_cli_exit_for (error);
    }

  if (!bdx_disclosure_write_json (d, output ? output : "-", !compact, &error))
    {
      bdx_cli_error ("%s", error->message);
      return BDX_EXIT_OUTPUT;
    }

  int checks, passed, rounding, failed;
  bdx_validate_summary (d, &checks, &passed, &rounding, &failed);
  if (!quiet)
    {
      guint known = 0;
      for (guint i = 0; i < d->tables->len; i++)
        known += ((BdxTable *) g_ptr_array_index (d->tables, i))->id != NULL;
      fprintf (stderr,
               "bdx: %s: %u tables (%u known), %u projects, %u performance "
               "tables; %d checks: %d passed, %d within rounding, %d failed\n",
               files[0], d->tables->len, known, d->projects->len,
               d->performance->len, checks, passed, rounding, failed);
    }
  if (!bdx_disclosure_is_disclosure (d))
    {
      bdx_cli_error ("'%s' does not look like a budget disclosure "
                     "(no known table found)",
                     files[0]);
      return BDX_EXIT_NOT_DISCLOSURE;
    }
  if (strict && failed > 0)
    return BDX_EXIT_CHECKS_FAILED;
  return BDX_EXIT_OK;
}
