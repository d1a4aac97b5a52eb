/* bdx patterns check [DIR]: load a pattern set and its validation rules,
 * report the first error as FILE:LINE:COL. */
#include <stdio.h>
#include <string.h>

#include "bdx/bdx.h"
#include "cli.h"

int
bdx_cli_patterns (int argc, char **argv)
{
  g_auto (GStrv) args = NULL;
  GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL,
      NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) ctx
      = g_option_context_new ("check [DIR] - check a pattern set");
  g_option_context_set_summary (
      ctx, "Compiles every *.pat file of DIR (default: the built-in set) and\n"
           "checks the validation rules in it.  Prints the first error as\n"
           "FILE:LINE:COL: message and exits 9, or prints a summary.\n"
           "The format is described in docs/patterns.md.");
  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!bdx_cli_parse (ctx, &argc, &argv))
    return BDX_EXIT_USAGE;
  if (args == NULL || strcmp (args[0], "check") != 0
      || (args[1] && args[2]))
    {
      bdx_cli_error ("usage: bdx patterns check [DIR]");
      return BDX_EXIT_USAGE;
    }
  g_autofree char *dir = args[1] ? g_strdup (args[1]) : bdx_patterns_default_dir ();
  g_autoptr (GError) error = NULL;
  g_autoptr (BdxPatterns) p = bdx_patterns_load (dir, &error);
  if (p == NULL || !bdx_validate_check_rules (p, NULL, &error))
    {
      bdx_cli_error ("%s", error->message);
      return error->code == BDX_ERROR_IO ? BDX_EXIT_INPUT : BDX_EXIT_PATTERNS;
    }
  g_autoptr (GPtrArray) secs = bdx_patterns_sections (p, "");
  g_autoptr (GPtrArray) tables = bdx_patterns_sections (p, "table.");
  printf ("%s: %u sections, %u table kinds: ok\n", dir, secs->len, tables->len);
  return BDX_EXIT_OK;
}
