/* bdx validate: re-check the accounting identities of a JSON file, for
 * instance after a person corrected it by hand. */
#include <stdio.h>

#include "bdx/bdx.h"
#include "cli.h"

static void
print_check (const BdxCheck *c)
{
  g_autofree char *exp = bdx_money_format_yuan (c->expected);
  g_autofree char *act = bdx_money_format_yuan (c->actual);
  g_autofree char *tol = bdx_money_format_yuan (c->tolerance);
  printf ("%s  %s", bdx_check_status_name (c->status), c->id);
  if (c->table)
    printf ("  table %s", c->table);
  if (c->row)
    printf ("  row %s", c->row);
  if (c->column)
    printf ("  column %s", c->column);
  /* Checks of form rather than amounts (a code's digits, a parent
   * printed) have no amounts to show. */
  if (c->expected == 0 && c->actual == 0 && c->tolerance == 0)
    printf ("\n    %s\n", c->message ? c->message : "");
  else
    printf ("\n    %s: expected %s 元, printed %s 元 (tolerance %s 元)\n",
            c->message ? c->message : "", exp, act, tol);
}

int
bdx_cli_validate (int argc, char **argv)
{
  g_autofree char *patterns_dir = NULL, *output = NULL;
  gboolean all = FALSE;
  g_auto (GStrv) files = NULL;
  GOptionEntry entries[] = {
    { "patterns", 0, 0, G_OPTION_ARG_FILENAME, &patterns_dir,
      "Use the rules in DIR instead of the built-in ones", "DIR" },
    { "all", 'a', 0, G_OPTION_ARG_NONE, &all,
      "List every check, not only the failed ones", NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      "Also write the JSON with the new validation results to FILE", "FILE" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL,
      NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) ctx
      = g_option_context_new ("FILE.json - re-check a disclosure's numbers");
  g_option_context_set_summary (
      ctx, "Reads a " BDX_FORMAT " JSON file, runs every validation check\n"
           "again, and lists the failed ones (all with --all).\n"
           "Exit 0 when nothing failed, 7 when a check failed.");
  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!bdx_cli_parse (ctx, &argc, &argv))
    return BDX_EXIT_USAGE;
  if (files == NULL || files[0] == NULL || files[1] != NULL)
    {
      bdx_cli_error ("validate needs one JSON file; see 'bdx help validate'");
      return BDX_EXIT_USAGE;
    }

  g_autoptr (GError) error = NULL;
  g_autofree char *dir = patterns_dir ? g_strdup (patterns_dir)
                                      : bdx_patterns_default_dir ();
  g_autoptr (BdxPatterns) pats = bdx_patterns_load (dir, &error);
  if (pats == NULL)
    {
      bdx_cli_error ("%s", error->message);
      return BDX_EXIT_PATTERNS;
    }
  g_autoptr (BdxDisclosure) d = bdx_disclosure_load (files[0], &error);
  if (d == NULL)
    {
      bdx_cli_error ("cannot read '%s': %s", files[0], error->message);
      return bdx_cli_exit_for (error);
    }
  if (!bdx_validate (d, pats, NULL, &error))
    {
      bdx_cli_error ("%s", error->message);
      return bdx_cli_exit_for (error);
    }
  int checks, passed, rounding, failed;
  bdx_validate_summary (d, &checks, &passed, &rounding, &failed);
  for (guint i = 0; i < d->checks->len; i++)
    {
      const BdxCheck *c = g_ptr_array_index (d->checks, i);
      if (all || c->status == BDX_CHECK_FAILED)
        print_check (c);
    }
  printf ("%d checks: %d passed, %d within rounding, %d failed\n", checks,
          passed, rounding, failed);
  if (output && !bdx_disclosure_write_json (d, output, TRUE, &error))
    {
      bdx_cli_error ("%s", error->message);
      return BDX_EXIT_OUTPUT;
    }
  return failed > 0 ? BDX_EXIT_CHECKS_FAILED : BDX_EXIT_OK;
}
