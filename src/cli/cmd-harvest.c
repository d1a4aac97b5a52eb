/* bdx harvest: many PDFs into a dataset, each in a worker process; and
 * the worker server (`bdx harvest-worker --serve`, internal).
 *
 * The library does the work (bdx/harvest.h); this file parses options,
 * draws progress, prints the summary and chooses the exit code. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "bdx/bdx.h"
#include "bdx/dataset.h"
#include "bdx/harvest.h"
#include "cli.h"

/* ---- the worker ---------------------------------------------------------- */

/* Failure injection for tests, never active unless BDX_INJECT is set:
 * BDX_INJECT=ACTION:NAME[,ACTION:NAME...] makes the worker, when the
 * input's base name is NAME, hang (sleep until killed), crash (SIGSEGV),
 * oom (allocate memory until it fails) or kill-server (kill its worker
 * server half a second in, time for the harvest to queue the next
 * document there, and die with it).  docs/harvest.md. */
static GSList *hoard; /* what oom allocates stays reachable */

static void
inject (const char *file)
{
  const char *spec = g_getenv ("BDX_INJECT");
  if (spec == NULL || *spec == '\0')
    return;
  g_autofree char *base = g_path_get_basename (file);
  g_auto (GStrv) items = g_strsplit (spec, ",", -1);
  for (char **it = items; *it; it++)
    {
      const char *colon = strchr (*it, ':');
      if (colon == NULL || strcmp (colon + 1, base) != 0)
        continue;
      if (g_str_has_prefix (*it, "hang:"))
        for (;;)
          pause ();
      if (g_str_has_prefix (*it, "crash:"))
        {
          signal (SIGSEGV, SIG_DFL); /* not a sanitizer's report */
          raise (SIGSEGV);
        }
      if (g_str_has_prefix (*it, "kill-server:"))
        {
          g_usleep (G_USEC_PER_SEC / 2);
          kill (getppid (), SIGKILL);
          for (;;)
            pause (); /* until PR_SET_PDEATHSIG kills this process */
        }
      if (g_str_has_prefix (*it, "oom:"))
        for (;;)
          {
            const gsize chunk = 16 << 20;
            char *p = g_malloc (chunk);
            memset (p, 1, chunk);
            hoard = g_slist_prepend (hoard, p);
          }
    }
}

static gboolean
parse_ocr (const char *name, BdxOcrMode *mode)
{
  if (name == NULL || strcmp (name, "auto") == 0)
    *mode = BDX_OCR_AUTO;
  else if (strcmp (name, "never") == 0)
    *mode = BDX_OCR_NEVER;
  else if (strcmp (name, "always") == 0)
    *mode = BDX_OCR_ALWAYS;
  else
    return FALSE;
  return TRUE;
}

/* What each document's process does (BdxHarvestDocFunc). */
typedef struct
{
  BdxPatterns *pats;
  BdxOcrMode mode;
  gboolean no_validate;
} WorkerSetup;

static int
work_on (const char *file, const char *out, gpointer data)
{
  const WorkerSetup *ws = data;
  inject (file);
  g_autoptr (GError) error = NULL;
  BdxExtractOptions opts = { 0 };
  opts.password = g_getenv ("BDX_WORKER_PASSWORD");
  opts.patterns = ws->pats;
  opts.ocr = ws->mode;
  opts.jobs = 1; /* OCR threads: the harvest runs one worker per core */
  opts.no_validate = ws->no_validate;
  g_autoptr (BdxDisclosure) d = bdx_extract_file (file, &opts, &error);
  if (d == NULL)
    {
      bdx_cli_error ("cannot extract %s", error->message);
      return bdx_cli_exit_for (error);
    }
  if (!bdx_disclosure_write_json (d, out, FALSE, &error))
    {
      bdx_cli_error ("%s", error->message);
      return BDX_EXIT_OUTPUT;
    }
  return bdx_disclosure_is_disclosure (d) ? BDX_EXIT_OK
                                          : BDX_EXIT_NOT_DISCLOSURE;
}

/* `bdx harvest-worker --serve [OPTIONS] -- DIR`: a harvest's worker
 * server (bdx/harvest.h), its control socket on standard input.  DIR,
 * the dataset directory, only names the harvest it serves (in `ps`). */
int
bdx_cli_harvest_worker (int argc, char **argv)
{
  g_autofree char *patterns_dir = NULL, *ocr = NULL;
  gboolean no_validate = FALSE, serve = FALSE;
  g_auto (GStrv) rest = NULL;
  GOptionEntry entries[] = {
    { "serve", 0, 0, G_OPTION_ARG_NONE, &serve, NULL, NULL },
    { "patterns", 0, 0, G_OPTION_ARG_FILENAME, &patterns_dir, NULL, "DIR" },
    { "ocr", 0, 0, G_OPTION_ARG_STRING, &ocr, NULL, "MODE" },
    { "no-validate", 0, 0, G_OPTION_ARG_NONE, &no_validate, NULL, NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &rest, NULL,
      NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) ctx
      = g_option_context_new ("--serve DIR - a harvest's worker server");
  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!bdx_cli_parse (ctx, &argc, &argv))
    return BDX_EXIT_USAGE;
  WorkerSetup ws = { 0 };
  ws.no_validate = no_validate;
  if (!serve || rest == NULL || g_strv_length (rest) != 1
      || !parse_ocr (ocr, &ws.mode))
    {
      bdx_cli_error ("usage: bdx harvest-worker --serve [--patterns DIR] "
                     "[--ocr MODE] [--no-validate] -- DIR (internal: run "
                     "by bdx harvest)");
      return BDX_EXIT_USAGE;
    }

  /* Loaded once, for every document the server forks a process for. */
  g_autoptr (GError) error = NULL;
  g_autofree char *pdir = patterns_dir ? g_strdup (patterns_dir)
                                       : bdx_patterns_default_dir ();
  g_autoptr (BdxPatterns) pats = bdx_patterns_load (pdir, &error);
  if (pats == NULL)
    {
      bdx_cli_error ("%s", error->message);
      return BDX_EXIT_PATTERNS;
    }
  ws.pats = pats;
  /* Compiled once here, not again in each document's process. */
  bdx_patterns_jit_all (pats);
  return bdx_harvest_serve (STDIN_FILENO, work_on, &ws) == 0 ? BDX_EXIT_OK
                                                              : BDX_EXIT_ERROR;
}

/* ---- progress ------------------------------------------------------------ */

typedef struct
{
  gboolean tty;
  gboolean quiet;
  gint64 last; /* when the last line or bar was drawn */
  gboolean drawn;
} Progress;

static void
format_duration (char *buf, gsize size, double s)
{
  if (s < 60)
    g_snprintf (buf, size, "%.1fs", s);
  else if (s < 3600)
    g_snprintf (buf, size, "%dm%02ds", (int)s / 60, (int)s % 60);
  else
    g_snprintf (buf, size, "%dh%02dm", (int)s / 3600, (int)s / 60 % 60);
}

/* Documents extracted per second, and the time left at that rate. */
static double
rate_of (const BdxHarvestStats *s, char *eta, gsize size)
{
  double secs = s->elapsed_us / 1e6;
  guint worked = s->done + s->failed;
  double rate = secs > 0 ? worked / secs : 0;
  guint left = s->inputs - s->seen + s->running + s->queued;
  if (rate > 0)
    format_duration (eta, size, left / rate);
  else
    g_strlcpy (eta, "?", size);
  return rate;
}

static void
show_progress (const BdxHarvestStats *s, gpointer data)
{
  Progress *p = data;
  if (p->quiet)
    return;
  gint64 now = g_get_monotonic_time ();
  gboolean finished
      = s->seen == s->inputs && s->running == 0 && s->queued == 0;
  if (p->tty)
    {
      if (now - p->last < 200000 && !finished)
        return;
      char eta[32];
      double rate = rate_of (s, eta, sizeof eta);
      guint width = 24;
      guint filled = s->inputs ? (guint)((guint64)s->seen * width / s->inputs)
                               : width;
      char bar[64];
      for (guint i = 0; i < width; i++)
        bar[i] = i < filled ? '#' : '.';
      bar[width] = '\0';
      fprintf (stderr,
               "\r\033[K[%s] %u/%u %3u%%  %.2f doc/s  ETA %s  "
               "done %u  skipped %u  failed %u",
               bar, s->seen, s->inputs,
               s->inputs ? (guint)((guint64)s->seen * 100 / s->inputs) : 100,
               rate, eta, s->done, s->skipped + s->duplicates, s->failed);
      fflush (stderr);
      p->drawn = TRUE;
      p->last = now;
      return;
    }
  /* Not a terminal: a plain line every 10 seconds. */
  if (p->last == 0)
    p->last = now;
  if (now - p->last < 10 * G_USEC_PER_SEC || finished)
    return;
  char eta[32];
  double rate = rate_of (s, eta, sizeof eta);
  fprintf (stderr,
           "bdx: harvest: %u/%u inputs, %u done, %u skipped, %u failed, "
           "%u running, %.2f doc/s, ETA %s\n",
           s->seen, s->inputs, s->done, s->skipped + s->duplicates,
           s->failed, s->running, rate, eta);
  p->last = now;
}

static void
print_summary (const BdxHarvestStats *s, const char *dir)
{
  char took[32];
  format_duration (took, sizeof took, s->elapsed_us / 1e6);
  double secs = s->elapsed_us / 1e6;
  fprintf (stderr,
           "bdx: harvest: %u inputs in %s: %u done (%u %s), %u skipped, "
           "%u %s, %u failed, %u unreadable",
           s->inputs, took, s->done, s->not_disclosure,
           s->not_disclosure == 1 ? "not a disclosure" : "not disclosures",
           s->skipped, s->duplicates,
           s->duplicates == 1 ? "duplicate" : "duplicates", s->failed,
           s->unreadable);
  if (s->other_shard)
    fprintf (stderr, ", %u in other shards", s->other_shard);
  fprintf (stderr, "; %.2f doc/s\n",
           secs > 0 ? (s->done + s->failed) / secs : 0.0);
  if (s->failed)
    {
      fputs ("bdx: harvest: failed:", stderr);
      const char *sep = " ";
      for (int r = 1; r < BDX_FAIL_N_REASONS; r++)
        if (s->failed_by[r])
          {
            fprintf (stderr, "%s%u %s", sep, s->failed_by[r],
                     bdx_fail_reason_name (r));
            sep = ", ";
          }
      fputc ('\n', stderr);
    }
  fprintf (stderr,
           "bdx: harvest: %u %s with failed checks; dataset '%s%s%s'\n",
           s->checks_failed, s->checks_failed == 1 ? "document" : "documents",
           dir, G_DIR_SEPARATOR_S, BDX_DATASET_FILE);
}

/* ---- the command --------------------------------------------------------- */

static volatile sig_atomic_t stop_signal;

static void
on_signal (int sig)
{
  stop_signal = sig;
}

static gboolean
parse_shard (const char *text, guint *k, guint *n)
{
  char *end = NULL;
  guint64 a = g_ascii_strtoull (text, &end, 10);
  if (end == text || *end != '/')
    return FALSE;
  const char *rest = end + 1;
  guint64 b = g_ascii_strtoull (rest, &end, 10);
  if (end == rest || *end != '\0' || a < 1 || b < 1 || a > b || b > 1000000)
    return FALSE;
  *k = (guint)a;
  *n = (guint)b;
  return TRUE;
}

int
bdx_cli_harvest (int argc, char **argv)
{
  g_autofree char *out = NULL, *shard = NULL, *patterns_dir = NULL;
  g_autofree char *password = NULL, *ocr = NULL;
  gint jobs = 0, timeout = 0, memory = 0;
  gboolean force = FALSE, retry_failed = FALSE, quiet = FALSE;
  gboolean no_validate = FALSE;
  g_auto (GStrv) args = NULL;
  GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out,
      "The dataset directory (created if needed; required)", "DIR" },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs,
      "Worker processes at a time (default: the number of processors)", "N" },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout,
      "Time limit per document, in seconds (default "
      G_STRINGIFY (BDX_HARVEST_DEFAULT_TIMEOUT) ")", "SECS" },
    { "memory", 0, 0, G_OPTION_ARG_INT, &memory,
      "Memory limit per worker, in MiB (default "
      G_STRINGIFY (BDX_HARVEST_DEFAULT_MEMORY_MB) ")", "MB" },
    { "shard", 0, 0, G_OPTION_ARG_STRING, &shard,
      "Take only shard K of N (1 <= K <= N), chosen by content hash", "K/N" },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      "Extract again documents the dataset has", NULL },
    { "retry-failed", 0, 0, G_OPTION_ARG_NONE, &retry_failed,
      "Extract again documents that failed before", NULL },
    { "password", 0, 0, G_OPTION_ARG_STRING, &password,
      "Password to try on encrypted PDFs", "PW" },
    { "patterns", 0, 0, G_OPTION_ARG_FILENAME, &patterns_dir,
      "Use the pattern set in DIR instead of the built-in one", "DIR" },
    { "ocr", 0, 0, G_OPTION_ARG_STRING, &ocr,
      "OCR pages: auto (without a text layer), never, always", "MODE" },
    { "no-validate", 0, 0, G_OPTION_ARG_NONE, &no_validate,
      "Skip the validation stage", NULL },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet,
      "No progress and no summary on standard error", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL,
      NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr (GOptionContext) ctx = g_option_context_new (
      "INPUT... --out DIR - extract many disclosures into a dataset");
  g_option_context_set_summary (
      ctx,
      "Extracts every PDF named by INPUT into the dataset DIR/bdx.sqlite\n"
      "(SQLite, docs/dataset.md) and its JSON into DIR/json/.  An INPUT is\n"
      "a PDF file, a directory (its *.pdf files, recursively), '@FILE' (a\n"
      "manifest: one path per line) or '-' (a manifest on standard input).\n"
      "\n"
      "Each document is extracted by a worker process under the time and\n"
      "memory limits; a document that fails is recorded with its reason and\n"
      "the harvest goes on.  Documents are identified by content (SHA-256):\n"
      "a second run skips what the dataset has, so an interrupted harvest\n"
      "is completed by running it again.");
  g_option_context_set_description (
      ctx, "Progress and a summary go to standard error.  Exit 0 when the\n"
           "harvest finished (failed documents are recorded in the dataset,\n"
           "not errors), 130 when interrupted, 10 when the dataset cannot be\n"
           "written.  See docs/harvest.md.");
  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!bdx_cli_parse (ctx, &argc, &argv))
    return BDX_EXIT_USAGE;
  if (args == NULL || args[0] == NULL || out == NULL)
    {
      bdx_cli_error ("harvest needs inputs and --out DIR; see 'bdx help "
                     "harvest'");
      return BDX_EXIT_USAGE;
    }
  BdxOcrMode mode;
  guint shard_k = 0, shard_n = 0;
  if (jobs < 0 || timeout < 0 || memory < 0)
    {
      bdx_cli_error ("--jobs, --timeout and --memory must be positive");
      return BDX_EXIT_USAGE;
    }
  if (memory > 0 && memory < 64)
    {
      bdx_cli_error ("--memory %d: a worker needs at least 64 MiB", memory);
      return BDX_EXIT_USAGE;
    }
  if (shard && !parse_shard (shard, &shard_k, &shard_n))
    {
      bdx_cli_error ("--shard '%s': expected K/N with 1 <= K <= N", shard);
      return BDX_EXIT_USAGE;
    }
  if (!parse_ocr (ocr, &mode))
    {
      bdx_cli_error ("--ocr '%s': expected auto, never or always", ocr);
      return BDX_EXIT_USAGE;
    }

  /* A broken pattern set would fail every document: check it first. */
  g_autoptr (GError) error = NULL;
  g_autofree char *pdir = patterns_dir ? g_strdup (patterns_dir)
                                       : bdx_patterns_default_dir ();
  g_autoptr (BdxPatterns) pats = bdx_patterns_load (pdir, &error);
  if (pats == NULL || !bdx_validate_check_rules (pats, NULL, &error))
    {
      bdx_cli_error ("%s", error->message);
      return BDX_EXIT_PATTERNS;
    }
  g_clear_pointer (&pats, bdx_patterns_unref);

  g_autoptr (GPtrArray) inputs
      = bdx_harvest_collect ((const char *const *)args, &error);
  if (inputs == NULL)
    {
      bdx_cli_error ("%s", error->message);
      return BDX_EXIT_INPUT;
    }

  g_autoptr (GPtrArray) worker = g_ptr_array_new ();
  g_ptr_array_add (worker, (char *)"/proc/self/exe");
  g_ptr_array_add (worker, (char *)"harvest-worker");
  g_ptr_array_add (worker, (char *)"--serve");
  if (patterns_dir)
    {
      g_ptr_array_add (worker, (char *)"--patterns");
      g_ptr_array_add (worker, patterns_dir);
    }
  if (ocr)
    {
      g_ptr_array_add (worker, (char *)"--ocr");
      g_ptr_array_add (worker, ocr);
    }
  if (no_validate)
    g_ptr_array_add (worker, (char *)"--no-validate");
  g_ptr_array_add (worker, (char *)"--");
  g_ptr_array_add (worker, NULL);
  /* The password goes by the environment: not in `ps` output. */
  g_autofree char *pw_env
      = password ? g_strconcat ("BDX_WORKER_PASSWORD=", password, NULL) : NULL;
  const char *env[] = { pw_env, NULL };

  Progress prog = { 0 };
  prog.quiet = quiet;
  prog.tty = isatty (STDERR_FILENO);
  BdxHarvestOptions opts = { 0 };
  opts.worker = (const char *const *)worker->pdata;
  opts.worker_env = env;
  opts.jobs = jobs;
  opts.timeout = timeout;
  opts.memory_mb = memory;
  opts.force = force;
  opts.retry_failed = retry_failed;
  opts.shard = shard_k;
  opts.shards = shard_n;
  opts.progress = show_progress;
  opts.progress_data = &prog;
  opts.stop = &stop_signal;

  struct sigaction sa = { 0 }, old_int, old_term;
  sa.sa_handler = on_signal;
  sigemptyset (&sa.sa_mask);
  sigaction (SIGINT, &sa, &old_int);
  sigaction (SIGTERM, &sa, &old_term);

  BdxHarvestStats stats;
  gboolean ok = bdx_harvest_run (out, inputs, &opts, &stats, &error);

  sigaction (SIGINT, &old_int, NULL);
  sigaction (SIGTERM, &old_term, NULL);
  if (prog.drawn)
    fputs ("\r\033[K", stderr);
  if (!quiet)
    print_summary (&stats, out);
  if (!ok)
    {
      if (g_error_matches (error, BDX_ERROR, BDX_ERROR_CANCELLED))
        {
          bdx_cli_error ("harvest interrupted; run it again to go on");
          return BDX_EXIT_INTERRUPTED;
        }
      bdx_cli_error ("%s", error->message);
      return BDX_EXIT_OUTPUT;
    }
  return BDX_EXIT_OK;
}
