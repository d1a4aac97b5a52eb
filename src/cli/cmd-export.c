/* bdx export: a dataset's amounts (or any of its tables and views) as
 * CSV or JSON Lines, for pandas, R and Stata. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "bdx/bdx.h"
#include "bdx/dataset.h"
#include "cli.h"

char *
bdx_cli_dataset_file (const char *arg)
{
  if (g_file_test (arg, G_FILE_TEST_IS_DIR))
    return g_build_filename (arg, BDX_DATASET_FILE, NULL);
  return g_strdup (arg);
}

int
bdx_cli_export (int argc, char **argv)
{
  g_autofree char *format = NULL, *table = NULL, *view = NULL, *output = NULL;
  g_auto (GStrv) args = NULL;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      "csv or jsonl (default: from the -o name, else csv)", "FORMAT" },
    { "table", 't', 0, G_OPTION_ARG_STRING, &table,
      "One table id in wide form: a column per column id", "ID" },
    { "view", 0, 0, G_OPTION_ARG_STRING, &view,
      "A table or view of the dataset as it is (documents, facts, "
      "v_three_public, ...)", "NAME" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      "Write to FILE, atomically (default: standard output)", "FILE" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL,
      NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) ctx
      = g_option_context_new ("DATASET - write a dataset as CSV or JSON Lines");
  g_option_context_set_summary (
      ctx, "DATASET is a harvest directory or its bdx.sqlite.  By default\n"
           "writes every table cell in tidy (long) form: one line per\n"
           "document, table, row and column, with the amount in fen (分);\n"
           "a blank cell is empty (CSV) or null (JSON Lines), never 0.\n"
           "--table ID writes one table id in wide form instead, --view NAME\n"
           "one table or view of the schema (docs/dataset.md).");
  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!bdx_cli_parse (ctx, &argc, &argv))
    return BDX_EXIT_USAGE;
  if (args == NULL || args[0] == NULL || args[1] != NULL)
    {
      bdx_cli_error ("export needs one dataset; see 'bdx help export'");
      return BDX_EXIT_USAGE;
    }
  if (table && view)
    {
      bdx_cli_error ("--table and --view cannot be combined");
      return BDX_EXIT_USAGE;
    }
  BdxExportOptions opts = { 0 };
  if (format == NULL && output != NULL
      && (g_str_has_suffix (output, ".jsonl")
          || g_str_has_suffix (output, ".ndjson")))
    opts.format = BDX_EXPORT_JSONL;
  else if (format == NULL || strcmp (format, "csv") == 0)
    opts.format = BDX_EXPORT_CSV;
  else if (strcmp (format, "jsonl") == 0)
    opts.format = BDX_EXPORT_JSONL;
  else
    {
      bdx_cli_error ("--format '%s': expected csv or jsonl", format);
      return BDX_EXIT_USAGE;
    }
  opts.table_id = table;
  opts.relation = view;

  g_autoptr (GError) error = NULL;
  g_autofree char *file = bdx_cli_dataset_file (args[0]);
  g_autoptr (BdxDataset) ds = bdx_dataset_open (file, TRUE, &error);
  if (ds == NULL)
    {
      bdx_cli_error ("%s", error->message);
      return bdx_cli_exit_for (error);
    }

  if (output == NULL || strcmp (output, "-") == 0)
    {
      if (!bdx_dataset_export (ds, &opts, stdout, &error))
        {
          bdx_cli_error ("%s", error->message);
          return error->code == BDX_ERROR_ARGUMENT ? BDX_EXIT_USAGE
                                                   : BDX_EXIT_OUTPUT;
        }
      return BDX_EXIT_OK;
    }

  /* A file is written whole or not at all: a temporary file, renamed. */
  g_autofree char *dir = g_path_get_dirname (output);
  g_autofree char *base = g_path_get_basename (output);
  g_autofree char *tmp
      = g_strdup_printf ("%s%s.%s.XXXXXX", dir, G_DIR_SEPARATOR_S, base);
  int fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      int saved = errno;
      bdx_cli_error ("cannot write '%s': %s", output, g_strerror (saved));
      return BDX_EXIT_OUTPUT;
    }
  FILE *out = fdopen (fd, "w");
  gboolean ok = out && bdx_dataset_export (ds, &opts, out, &error);
  int saved = 0;
  if (ok && (fflush (out) != 0 || fsync (fd) != 0))
    saved = errno, ok = FALSE;
  if (out ? fclose (out) != 0 : close (fd) != 0)
    {
      if (ok)
        saved = errno;
      ok = FALSE;
    }
  if (ok && g_rename (tmp, output) != 0)
    saved = errno, ok = FALSE;
  if (!ok)
    {
      (void)g_unlink (tmp);
      if (error != NULL)
        {
          bdx_cli_error ("%s", error->message);
          return error->code == BDX_ERROR_ARGUMENT ? BDX_EXIT_USAGE
                                                   : BDX_EXIT_OUTPUT;
        }
      bdx_cli_error ("cannot write '%s': %s", output, g_strerror (saved));
      return BDX_EXIT_OUTPUT;
    }
  return BDX_EXIT_OK;
}
