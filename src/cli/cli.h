/* bdx command-line tool: shared declarations.  The CLI uses only the
 * public headers; it alone prints and chooses exit codes. */
#ifndef BDX_CLI_H
#define BDX_CLI_H

#include <glib.h>

/* Exit codes, documented in the README and in `bdx help`. */
typedef enum {
  BDX_EXIT_OK = 0,
  BDX_EXIT_ERROR = 1,            /* anything not listed below */
  BDX_EXIT_USAGE = 2,            /* bad command line */
  BDX_EXIT_INPUT = 3,            /* input file cannot be read */
  BDX_EXIT_FORMAT = 4,           /* not a PDF / damaged / bad JSON */
  BDX_EXIT_ENCRYPTED = 5,        /* password needed or wrong */
  BDX_EXIT_NOT_DISCLOSURE = 6,   /* read, but not a budget disclosure */
  BDX_EXIT_CHECKS_FAILED = 7,    /* --strict, or `validate`, found failures */
  BDX_EXIT_LIMIT = 8,            /* input beyond a documented limit */
  BDX_EXIT_PATTERNS = 9,         /* pattern set invalid */
  BDX_EXIT_OUTPUT = 10,          /* output cannot be written */
  BDX_EXIT_INTERRUPTED = 130,    /* harvest stopped by SIGINT or SIGTERM */
} BdxExit;

int bdx_cli_extract (int argc, char **argv);
int bdx_cli_validate (int argc, char **argv);
int bdx_cli_patterns (int argc, char **argv);
int bdx_cli_harvest (int argc, char **argv);
int bdx_cli_harvest_worker (int argc, char **argv); /* internal */
int bdx_cli_export (int argc, char **argv);
int bdx_cli_merge (int argc, char **argv);

/* Prints "bdx: MESSAGE" on stderr. */
void bdx_cli_error (const char *fmt, ...) G_GNUC_PRINTF (1, 2);
/* Maps a library error to an exit code. */
int bdx_cli_exit_for (const GError *error);
/* The database of a dataset directory, or the file itself.  Owned. */
char *bdx_cli_dataset_file (const char *arg);
/* Parses options; on error prints it and returns FALSE. */
gboolean bdx_cli_parse (GOptionContext *ctx, int *argc, char ***argv);

#endif
