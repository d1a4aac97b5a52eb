/* bdx merge: the datasets of several harvests (shards) into one, each
 * document once. */
#include <stdio.h>

#include "bdx/bdx.h"
#include "bdx/dataset.h"
#include "cli.h"

int
bdx_cli_merge (int argc, char **argv)
{
  g_autofree char *out = NULL;
  gboolean quiet = FALSE;
  g_auto (GStrv) args = NULL;
  GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out,
      "The dataset directory to merge into (created if needed; required)",
      "DIR" },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet,
      "No summary on standard error", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL,
      NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) ctx = g_option_context_new (
      "SHARD... --out DIR - merge harvested datasets");
  g_option_context_set_summary (
      ctx, "Adds to DIR the documents of each SHARD (a harvest directory or\n"
           "its bdx.sqlite) that DIR does not have yet, with their JSON\n"
           "files.  A document is its content hash, so a document in several\n"
           "shards is stored once; one that failed in DIR but not in a shard\n"
           "is replaced.  Each shard is merged in one transaction, and\n"
           "merging again changes nothing.");
  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!bdx_cli_parse (ctx, &argc, &argv))
    return BDX_EXIT_USAGE;
  if (args == NULL || args[0] == NULL || out == NULL)
    {
      bdx_cli_error ("merge needs datasets and --out DIR; see 'bdx help "
                     "merge'");
      return BDX_EXIT_USAGE;
    }

  g_autoptr (GError) error = NULL;
  g_autoptr (BdxDataset) ds = bdx_dataset_open_dir (out, &error);
  if (ds == NULL)
    {
      bdx_cli_error ("%s", error->message);
      return BDX_EXIT_OUTPUT;
    }
  for (char **a = args; *a; a++)
    {
      g_autofree char *file = bdx_cli_dataset_file (*a);
      /* A shard that cannot be read is an input error (3, 4); after
       * that, a failure is in writing DIR (10). */
      g_autoptr (BdxDataset) shard = bdx_dataset_open (file, TRUE, &error);
      if (shard == NULL)
        {
          bdx_cli_error ("%s", error->message);
          return bdx_cli_exit_for (error);
        }
      g_clear_pointer (&shard, bdx_dataset_free);
      BdxMergeStats st;
      if (!bdx_dataset_merge (ds, file, out, &st, &error))
        {
          bdx_cli_error ("%s", error->message);
          return error->code == BDX_ERROR_ARGUMENT ? BDX_EXIT_USAGE
                                                   : BDX_EXIT_OUTPUT;
        }
      if (!quiet)
        fprintf (stderr,
                 "bdx: merge: '%s': %u added, %u replaced failures, %u "
                 "already present%s\n",
                 *a, st.added, st.replaced, st.kept,
                 st.json_missing ? " (some JSON files missing)" : "");
    }
  return BDX_EXIT_OK;
}
