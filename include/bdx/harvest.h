/* bdx — harvest: many PDFs into one dataset, each in a worker process.
 *
 * poppler is not thread-safe and one hostile PDF must not take down a
 * batch, so every document is extracted by a separate worker process
 * under a time limit and a memory limit; the harvest (the parent) alone
 * writes the dataset (bdx/dataset.h).  A worker that crashes, hangs or
 * runs out of memory costs its document only: the failure is recorded
 * with its reason and the batch goes on.
 *
 * Identity and resumption: a document is its content (SHA-256).  Each
 * finished document is stored in one transaction, after its worker
 * wrote its JSON atomically; a later run skips what the dataset has, so
 * killing a harvest at any moment loses at most the documents in flight.
 *
 * The worker protocol.  For each of its `jobs` slots the harvest starts
 * once a worker server, `opts->worker` with the dataset directory
 * appended, whose standard input is a control socket: a process that
 * loads what every document needs (the patterns) and then calls
 * bdx_harvest_serve(), which forks a document process and hands it one
 * document after another; when that process dies with a document (a
 * crash, a kill for a limit) or has served its share, the next document
 * gets a new one.  Forking a ready process spares each document the
 * start of a new program (mapping and linking some ninety shared
 * libraries, compiling the patterns), and keeping it spares the fork,
 * the exit and the page faults of a fresh heap, which together cost a
 * third of a short document's work and slowed down when several ran at
 * once.  The server takes its requests one at a time and in order,
 * reporting each document's start and end (with the process's pid,
 * the document's exit code as a wait status, and its CPU and peak
 * RSS); the harvest sends the next request while the current document
 * runs, so that it starts as soon as that one ends.  The document
 * process runs the caller's function on the input FILE and the JSON
 * path OUT to write (atomically).  Its standard input is /dev/null;
 * its standard output and error go to a pipe the harvest reads: its
 * last line is the failure message.  It runs in its own process group,
 * under the limits, is killed when its server dies (and the server
 * when the harvest dies), and exits with bdx's documented exit codes:
 * 0 (OUT written), 6 (OUT written, not a disclosure), 3, 4, 5, 8
 * (failures: unreadable, format, encrypted, limit), 10 (OUT cannot be
 * written: the harvest stops, as every other document would fail
 * alike); any other status is a failure too.
 *
 * Layout of a dataset directory DIR:
 *   DIR/bdx.sqlite              the dataset (docs/dataset.md)
 *   DIR/json/ab/abcd….json      each document's JSON, by hash
 *   DIR/bdx.lock                held by the one process writing DIR
 *
 * Ownership: bdx_harvest_collect() returns an owned array; everything
 * else is borrowed.  The library prints nothing: progress goes to the
 * caller's function.
 */
#ifndef BDX_HARVEST_H
#define BDX_HARVEST_H

#include <signal.h>

#include <glib.h>

#include "bdx/visibility.h"

G_BEGIN_DECLS

/* Defaults of the per-document limits. */
#define BDX_HARVEST_DEFAULT_TIMEOUT 600    /* seconds of wall-clock time */
#define BDX_HARVEST_DEFAULT_MEMORY_MB 2048 /* MiB of address space */

/* Why a document failed (documents.reason). */
typedef enum {
  BDX_FAIL_NONE = 0,
  BDX_FAIL_UNREADABLE, /* "unreadable": the worker could not read it */
  BDX_FAIL_FORMAT,     /* "format": not a PDF, damaged, truncated */
  BDX_FAIL_ENCRYPTED,  /* "encrypted": a password is needed */
  BDX_FAIL_LIMIT,      /* "limit": beyond one of bdx's input limits */
  BDX_FAIL_TIMEOUT,    /* "timeout": killed at the time limit */
  BDX_FAIL_MEMORY,     /* "memory": out of its memory limit */
  BDX_FAIL_CRASH,      /* "crash": killed by a signal */
  BDX_FAIL_ERROR,      /* "error": anything else */
  BDX_FAIL_N_REASONS
} BdxFailReason;

/* One input: a path, and why it cannot be read when that is known
 * already (a missing file named in a manifest). */
typedef struct {
  char *path;
  char *error; /* NULL, or the message */
} BdxHarvestInput;

/* Counts of one run, for progress and the summary. */
typedef struct {
  guint inputs;       /* paths to look at */
  guint seen;         /* looked at so far */
  guint other_shard;  /* belong to another shard */
  guint skipped;      /* already in the dataset */
  guint duplicates;   /* same content as an earlier input of this run */
  guint done;         /* extracted and stored */
  guint not_disclosure; /* of done: not a budget disclosure */
  guint reused;       /* of done: JSON left by an interrupted run */
  guint checks_failed;  /* of done: at least one validation check failed */
  guint failed;       /* failures stored */
  guint failed_by[BDX_FAIL_N_REASONS];
  guint unreadable;   /* inputs that could not be read (no hash) */
  guint running;      /* documents' processes running now */
  guint queued;       /* documents taken, waiting for a worker to start */
  gint64 elapsed_us;
  gint64 max_rss_kb;  /* the largest peak resident memory of a worker */
} BdxHarvestStats;

typedef void (*BdxHarvestProgressFunc) (const BdxHarvestStats *stats,
                                        gpointer data);

typedef struct {
  /* The worker server's command, NULL-terminated; required. */
  const char *const *worker;
  /* Extra "NAME=VALUE" entries for the workers' environment, or NULL. */
  const char *const *worker_env;
  guint jobs;      /* workers at a time; 0 = the number of processors */
  guint timeout;   /* seconds per document; 0 = the default */
  guint memory_mb; /* per worker; 0 = the default */
  gboolean force;        /* extract documents the dataset has, again */
  gboolean retry_failed; /* extract documents that failed before, again */
  /* Only the documents whose hash falls in shard `shard` (1-based) of
   * `shards`; shards = 0 takes all. */
  guint shard, shards;
  /* Called after each event and a few times a second. */
  BdxHarvestProgressFunc progress;
  gpointer progress_data;
  /* When it becomes non-zero (set it from a signal handler), the harvest
   * kills its workers, keeps what is stored and returns
   * BDX_ERROR_CANCELLED. */
  const volatile sig_atomic_t *stop;
} BdxHarvestOptions;

BDX_API void bdx_harvest_input_free (BdxHarvestInput *in);

/* The inputs named by `args`: a file is itself; a directory is every
 * file under it whose name ends in ".pdf" (any case), recursively,
 * without following symbolic links to directories; "-" is a manifest on
 * standard input and "@FILE" a manifest file: one path per line (a file
 * or a directory), relative to the current directory; blank lines and
 * lines starting with '#' are skipped.  Directories are listed in name
 * order; a path named twice is kept once.  A path that does not exist
 * is kept with its error (so that it is recorded).  Fails with
 * BDX_ERROR_IO only when a manifest cannot be read. */
BDX_API GPtrArray *bdx_harvest_collect (const char *const *args,
                                        GError **error);

/* Harvests `inputs` (of BdxHarvestInput*) into the dataset directory
 * `dir`.  Failed documents are data, not errors: this returns FALSE only
 * when the harvest itself cannot go on: BDX_ERROR_IO when the dataset
 * or a JSON file cannot be written (or DIR is in use),
 * BDX_ERROR_CANCELLED when stopped.  `stats` (may be NULL) holds the
 * counts either way. */
BDX_API gboolean bdx_harvest_run (const char *dir, const GPtrArray *inputs,
                                  const BdxHarvestOptions *opts,
                                  BdxHarvestStats *stats, GError **error);

/* What a worker server does with one document, in the document's own
 * process: extract FILE into the JSON file OUT; returns the exit code. */
typedef int (*BdxHarvestDocFunc) (const char *file, const char *out,
                                  gpointer data);

/* The worker server's loop (see "The worker protocol" above): reads
 * requests from the control socket `fd` and runs `func` on each in a
 * forked document process, one at a time; a request sent meanwhile
 * waits in the socket until the running document ends.  Call it from a
 * single-threaded process.  Returns 0 when the harvest closes the
 * socket, 1 on a broken request or when a process cannot be forked. */
BDX_API int bdx_harvest_serve (int fd, BdxHarvestDocFunc func, gpointer data);

/* The reason's name as stored ("timeout"); static. */
BDX_API const char *bdx_fail_reason_name (BdxFailReason reason);

/* The shard (0-based) a hash falls in: its first 32 bits modulo shards. */
BDX_API guint bdx_harvest_shard_of (const char *sha256, guint shards);

G_END_DECLS

#endif
