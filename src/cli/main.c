/* bdx — command-line entry: dispatch to subcommands. */
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "bdx/bdx.h"
#include "cli.h"

static const char usage[] =
  "usage: bdx <command> [options] [args]\n"
  "\n"
  "Extracts Chinese government budget and final-accounts disclosures\n"
  "(部门预算/决算公开) from PDF into JSON (format " BDX_FORMAT ").\n"
  "\n"
  "commands:\n"
  "  extract FILE.pdf [MORE.pdf]   extract one disclosure to JSON\n"
  "  validate FILE.json            re-check a JSON file's accounting identities\n"
  "  patterns check [DIR]          check a pattern set (default: the built-in one)\n"
  "  harvest INPUT... --out DIR    extract many PDFs into a dataset (SQLite)\n"
  "  export DATASET                write a dataset's amounts as CSV or JSON Lines\n"
  "  merge SHARD... --out DIR      merge harvested datasets without duplicates\n"
  "  help [COMMAND]                this text, or a command's options\n"
  "  --version                     print the version\n"
  "\n"
  "exit codes:\n"
  "  0 ok   1 other error   2 usage   3 input unreadable   4 not a PDF or damaged\n"
  "  5 encrypted (see --password)   6 not a budget disclosure (JSON still written)\n"
  "  7 checks failed (--strict, validate)   8 limit exceeded\n"
  "  9 invalid pattern set   10 output cannot be written\n"
  "  130 harvest interrupted (run it again to go on)\n"
  "\n"
  "Run 'bdx help extract' for the options of a command.\n";

void
bdx_cli_error (const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  g_autofree char *msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  fprintf (stderr, "bdx: %s\n", msg);
}

int
bdx_cli_exit_for (const GError *error)
{
  if (error == NULL || error->domain != BDX_ERROR)
    return BDX_EXIT_ERROR;
  switch ((BdxErrorCode) error->code)
    {
    case BDX_ERROR_IO: return BDX_EXIT_INPUT;
    case BDX_ERROR_FORMAT: return BDX_EXIT_FORMAT;
    case BDX_ERROR_ENCRYPTED: return BDX_EXIT_ENCRYPTED;
    case BDX_ERROR_LIMIT: return BDX_EXIT_LIMIT;
    case BDX_ERROR_PATTERN: return BDX_EXIT_PATTERNS;
    case BDX_ERROR_ARGUMENT: return BDX_EXIT_USAGE;
    default: return BDX_EXIT_ERROR;
    }
}

gboolean
bdx_cli_parse (GOptionContext *ctx, int *argc, char ***argv)
{
  g_autoptr (GError) error = NULL;
  if (!g_option_context_parse (ctx, argc, argv, &error))
    {
      bdx_cli_error ("%s", error->message);
      return FALSE;
    }
  return TRUE;
}

static int
help (int argc, char **argv)
{
  if (argc < 2)
    {
      fputs (usage, stdout);
      return BDX_EXIT_OK;
    }
  char *args[] = { argv[1], (char *) "--help", NULL };
  if (strcmp (argv[1], "extract") == 0)
    return bdx_cli_extract (2, args);
  if (strcmp (argv[1], "validate") == 0)
    return bdx_cli_validate (2, args);
  if (strcmp (argv[1], "patterns") == 0)
    return bdx_cli_patterns (2, args);
  if (strcmp (argv[1], "harvest") == 0)
    return bdx_cli_harvest (2, args);
  if (strcmp (argv[1], "export") == 0)
    return bdx_cli_export (2, args);
  if (strcmp (argv[1], "merge") == 0)
    return bdx_cli_merge (2, args);
  bdx_cli_error ("'%s' is not a bdx command; see 'bdx help'", argv[1]);
  return BDX_EXIT_USAGE;
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  if (argc < 2)
    {
      fputs (usage, stderr);
      return BDX_EXIT_USAGE;
    }
  const char *cmd = argv[1];
  if (strcmp (cmd, "--version") == 0 || strcmp (cmd, "version") == 0)
    {
      printf ("bdx %s (%s)\n", bdx_version (), BDX_FORMAT);
      return BDX_EXIT_OK;
    }
  if (strcmp (cmd, "help") == 0 || strcmp (cmd, "--help") == 0
      || strcmp (cmd, "-h") == 0)
    return help (argc - 1, argv + 1);
  if (strcmp (cmd, "extract") == 0)
    return bdx_cli_extract (argc - 1, argv + 1);
  if (strcmp (cmd, "validate") == 0)
    return bdx_cli_validate (argc - 1, argv + 1);
  if (strcmp (cmd, "patterns") == 0)
    return bdx_cli_patterns (argc - 1, argv + 1);
  if (strcmp (cmd, "harvest") == 0)
    return bdx_cli_harvest (argc - 1, argv + 1);
  if (strcmp (cmd, "harvest-worker") == 0) /* internal: a worker server */
    return bdx_cli_harvest_worker (argc - 1, argv + 1);
  if (strcmp (cmd, "export") == 0)
    return bdx_cli_export (argc - 1, argv + 1);
  if (strcmp (cmd, "merge") == 0)
    return bdx_cli_merge (argc - 1, argv + 1);
  bdx_cli_error ("'%s' is not a bdx command; see 'bdx help'", cmd);
  return BDX_EXIT_USAGE;
}
