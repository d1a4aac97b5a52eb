/* bdx — harvest: inputs → worker processes → the dataset (bdx/harvest.h).
 *
 * The algorithm:
 *  1. Collect the inputs (files, directories walked, manifests) into a
 *     list of paths, in a stable order.
 *  2. Open the dataset directory (which locks it) and remove the
 *     temporary files of JSON written when a run was killed.
 *  3. Loop until every input is handled and no worker is in flight:
 *     a. while a worker server has room — nothing running, or nothing
 *        queued behind what runs — hand it a document: one back from a
 *        server that died, or else the next input: hash it (or trust
 *        the stored hash of an unchanged path), and
 *          - another shard's: pass;
 *          - in flight or done in this run: note the path;
 *          - in the dataset already: note the path, skip;
 *          - its JSON left by a killed run: load and store it;
 *          - else: send the server a request (starting the server first
 *            if it is not running), without waiting for its answer;
 *     b. poll the workers' output pipes and the servers' sockets, at
 *        most 250 ms;
 *     c. take the servers' reports: a document's process STARTED (its
 *        clock starts) or EXITED (the server forks the queued one at
 *        once); once new requests are sent (a), store each result (a
 *        document, or a failure with its reason) in one transaction;
 *     d. kill (the process group of) a worker past its deadline, or past
 *        its memory where the address-space limit cannot be used;
 *     e. report progress.
 *  4. On a stop request or a fatal error: kill the workers (a queued
 *     one as soon as its server starts it), wait for them, keep what is
 *     stored.
 *
 *   inputs ──► hash ──► skip? ──► server forks ──► JSON ──► load ──► put
 *                                    │  (own pgid, rlimits,        (one
 *                                    │   pdeathsig)                transaction)
 *                                    └─ killed: timeout / memory ──► put failure
 */
#include "bdx/harvest.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib-unix.h>
#include <glib/gstdio.h>

#include "bdx/dataset.h"
#include "bdx/error.h"
#include "bdx/jsonread.h"
#include "bdx/pipeline.h"
#include "bdx/validate.h"
#include "digest.h"

/* AddressSanitizer reserves terabytes of address space for its shadow
 * memory, so a sanitizer build cannot run under RLIMIT_AS: there the
 * limit is enforced on the resident size, sampled. */
#if defined(__SANITIZE_ADDRESS__)
#define NO_RLIMIT_AS 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define NO_RLIMIT_AS 1
#endif
#endif

#define OUTPUT_KEEP 8192 /* bytes of a worker's output kept */
#define TICK_MS 250

/* A document on its way through a worker server:
 *
 *   PENDING ──request──► QUEUED ──STARTED──► RUNNING ──EXITED──► EXITED
 *      ▲                   │                    │                (stored)
 *      └── server died ────┘                    └── server died: EXITED,
 *          (not its fault: handed out again)        as killed (a crash)
 *
 * Only a RUNNING worker has a pid, and so only it is ever killed: a
 * QUEUED one has no process yet, and kill (-0, …) would be the
 * harvest's own process group. */
typedef enum
{
  WORKER_PENDING, /* to be handed to a server: new, or back from a dead one */
  WORKER_QUEUED,  /* requested of a server that has not reported its start */
  WORKER_RUNNING, /* started: its pid is known and its clock runs */
  WORKER_EXITED,  /* its exit reported; its result is to be stored */
} WorkerState;

typedef struct
{
  WorkerState state;
  pid_t pid;  /* the process extracting the document; 0 before RUNNING */
  int out_fd; /* read end of its output; -1 before QUEUED and after EOF */
  GString *output;
  char *sha256, *path, *json_rel, *json_abs;
  gint64 size;
  GArray *paths;         /* of BdxDatasetPath; strings in path_strs */
  GPtrArray *path_strs;
  gint64 started, deadline, ended;
  BdxFailReason killed; /* TIMEOUT or MEMORY when the harvest killed it */
  gint64 peak_vm_kb, peak_rss_kb; /* sampled */
  int status;            /* once exited: its wait status and usage */
  struct rusage usage;
} Worker;

/* A worker server: a bdx process started once per job slot that runs
 * documents in a document process it forks (bdx_harvest_serve), one at
 * a time, taking its requests in the order they were sent; the process
 * serves document after document until it dies with one (then the next
 * gets a new process) or has served its share.
 *
 * Pipelining: a server is sent its next request while its current
 * document still runs.  The request waits in the socket, and when the
 * current document ends the server starts the next one at once, while
 * the harvest reaps and stores the result (about 8 ms a document).
 * Without it the core stood idle for that time between one document and
 * the next.  One request queued covers the gap; more would only hold
 * documents back behind a slow one while another server runs dry.
 *
 * The server reports STARTED and EXITED of `current`, in order; at
 * EXITED, `queued` becomes `current`. */
typedef struct
{
  pid_t pid; /* 0: not running */
  int fd;    /* our end of its control socket */
  Worker *current; /* QUEUED or RUNNING; NULL: the server is idle */
  Worker *queued;  /* QUEUED behind current, or NULL */
  guint started;   /* documents this server process has started */
  guint failures;  /* servers of this slot in a row that died before
                      starting any document */
  pid_t killed;    /* the process of the last document the harvest
                      killed, if that document ended of itself first */
} Server;

/* What a server says of a document's process. */
typedef struct
{
  guint32 kind; /* SERVER_STARTED, SERVER_EXITED */
  gint32 pid;
  gint32 status; /* of wait4, once exited */
  struct rusage usage;
} ServerMsg;

enum { SERVER_STARTED = 1, SERVER_EXITED = 2 };

typedef struct
{
  const char *dir;
  BdxDataset *ds;
  const BdxHarvestOptions *opts;
  BdxHarvestStats *stats;
  guint jobs;
  guint timeout_s, memory_mb;
  Server *servers;       /* `jobs` of them */
  GPtrArray *workers;    /* of Worker*, PENDING, QUEUED or RUNNING */
  GPtrArray *exited;     /* of Worker*, EXITED, their results not stored */
  GHashTable *in_flight; /* sha256 → Worker* */
  GHashTable *seen;      /* sha256s handled in this run */
  const char *const *server_argv; /* argv_prefix and the directory */
  char **envp;           /* owned */
  gint64 start;
  pid_t self;
  GError *fatal;
} Harvest;

const char *
bdx_fail_reason_name (BdxFailReason reason)
{
  static const char *const names[] = {
    [BDX_FAIL_NONE] = "none",         [BDX_FAIL_UNREADABLE] = "unreadable",
    [BDX_FAIL_FORMAT] = "format",     [BDX_FAIL_ENCRYPTED] = "encrypted",
    [BDX_FAIL_LIMIT] = "limit",       [BDX_FAIL_TIMEOUT] = "timeout",
    [BDX_FAIL_MEMORY] = "memory",     [BDX_FAIL_CRASH] = "crash",
    [BDX_FAIL_ERROR] = "error",
  };
  if ((guint)reason >= G_N_ELEMENTS (names))
    return "error";
  return names[reason];
}

guint
bdx_harvest_shard_of (const char *sha256, guint shards)
{
  g_return_val_if_fail (sha256 != NULL && shards > 0, 0);
  guint32 v = 0;
  for (int i = 0; i < 8 && g_ascii_isxdigit (sha256[i]); i++)
    v = v << 4 | (guint32)g_ascii_xdigit_value (sha256[i]);
  return v % shards;
}

/* ---- 1. inputs ----------------------------------------------------------- */

void
bdx_harvest_input_free (BdxHarvestInput *in)
{
  if (in == NULL)
    return;
  g_free (in->path);
  g_free (in->error);
  g_free (in);
}

static void
add_input (GPtrArray *out, GHashTable *dedup, const char *path,
           const char *error)
{
  if (g_hash_table_contains (dedup, path))
    return;
  BdxHarvestInput *in = g_new0 (BdxHarvestInput, 1);
  in->path = g_strdup (path);
  in->error = g_strdup (error);
  g_hash_table_add (dedup, in->path);
  g_ptr_array_add (out, in);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *)a, *(const char *const *)b);
}

static void
walk (GPtrArray *out, GHashTable *dedup, const char *dir)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) d = g_dir_open (dir, 0, &error);
  if (d == NULL)
    {
      add_input (out, dedup, dir, error->message);
      return;
    }
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      const char *n = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (dir, n, NULL);
      GStatBuf st;
      if (g_lstat (path, &st) != 0)
        continue; /* vanished meanwhile */
      if (S_ISDIR (st.st_mode))
        walk (out, dedup, path);
      else
        {
          g_autofree char *lower = g_ascii_strdown (n, -1);
          if (g_str_has_suffix (lower, ".pdf"))
            add_input (out, dedup, path, NULL);
        }
    }
}

static void
add_arg (GPtrArray *out, GHashTable *dedup, const char *arg)
{
  GStatBuf st;
  if (g_stat (arg, &st) != 0)
    {
      int saved = errno;
      g_autofree char *msg
          = g_strdup_printf ("cannot open '%s': %s", arg, g_strerror (saved));
      add_input (out, dedup, arg, msg);
    }
  else if (S_ISDIR (st.st_mode))
    walk (out, dedup, arg);
  else
    add_input (out, dedup, arg, NULL);
}

static gboolean
read_manifest (GPtrArray *out, GHashTable *dedup, const char *name,
               GError **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  if (strcmp (name, "-") == 0)
    {
      GString *s = g_string_new (NULL);
      char buf[65536];
      ssize_t n;
      while ((n = read (STDIN_FILENO, buf, sizeof buf)) != 0)
        {
          if (n < 0 && errno == EINTR)
            continue;
          if (n < 0)
            {
              int saved = errno;
              g_string_free (s, TRUE);
              g_set_error (error, BDX_ERROR, BDX_ERROR_IO,
                           "cannot read the manifest on standard input: %s",
                           g_strerror (saved));
              return FALSE;
            }
          g_string_append_len (s, buf, n);
        }
      len = s->len;
      data = g_string_free (s, FALSE);
    }
  else
    {
      g_autoptr (GError) local = NULL;
      if (!g_file_get_contents (name, &data, &len, &local))
        {
          g_set_error (error, BDX_ERROR, BDX_ERROR_IO,
                       "cannot read the manifest '%s': %s", name,
                       local->message);
          return FALSE;
        }
    }
  g_auto (GStrv) lines = g_strsplit (data, "\n", -1);
  for (char **l = lines; *l; l++)
    {
      g_strchomp (*l); /* also a "\r" */
      if (**l == '\0' || **l == '#')
        continue;
      add_arg (out, dedup, *l);
    }
  return TRUE;
}

GPtrArray *
bdx_harvest_collect (const char *const *args, GError **error)
{
  g_return_val_if_fail (args != NULL, NULL);
  g_autoptr (GPtrArray) out
      = g_ptr_array_new_with_free_func ((GDestroyNotify)bdx_harvest_input_free);
  g_autoptr (GHashTable) dedup = g_hash_table_new (g_str_hash, g_str_equal);
  for (const char *const *a = args; *a; a++)
    {
      if (strcmp (*a, "-") == 0)
        {
          if (!read_manifest (out, dedup, "-", error))
            return NULL;
        }
      else if ((*a)[0] == '@' && (*a)[1] != '\0')
        {
          if (!read_manifest (out, dedup, *a + 1, error))
            return NULL;
        }
      else
        add_arg (out, dedup, *a);
    }
  return g_steal_pointer (&out);
}

/* ---- hashing ------------------------------------------------------------- */

static char *
hash_file (const char *path, GError **error)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, BDX_ERROR, BDX_ERROR_IO, "cannot open '%s': %s",
                   path, g_strerror (saved));
      return NULL;
    }
  BdxSha256 sum;
  bdx__sha256_init (&sum);
  g_autofree guchar *buf = g_malloc (1 << 16);
  ssize_t n;
  while ((n = read (fd, buf, 1 << 16)) != 0)
    {
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;
          close (fd);
          g_set_error (error, BDX_ERROR, BDX_ERROR_IO, "cannot read '%s': %s",
                       path, g_strerror (saved));
          return NULL;
        }
      bdx__sha256_update (&sum, buf, n);
    }
  close (fd);
  return bdx__sha256_hex (&sum);
}

/* ---- workers ------------------------------------------------------------- */

static void
worker_free (Worker *w)
{
  if (w == NULL)
    return;
  if (w->out_fd >= 0)
    close (w->out_fd);
  g_string_free (w->output, TRUE);
  g_free (w->sha256);
  g_free (w->path);
  g_free (w->json_rel);
  g_free (w->json_abs);
  g_array_unref (w->paths);
  g_ptr_array_unref (w->path_strs);
  g_free (w);
}

static void
worker_add_path (Worker *w, const char *path, gint64 size, gint64 mtime_ns)
{
  char *p = g_strdup (path);
  g_ptr_array_add (w->path_strs, p);
  BdxDatasetPath dp = { p, size, mtime_ns };
  g_array_append_val (w->paths, dp);
}

static void
progress (Harvest *h)
{
  guint running = 0;
  for (guint i = 0; i < h->workers->len; i++)
    running += ((Worker *)g_ptr_array_index (h->workers, i))->state
               == WORKER_RUNNING;
  h->stats->running = running;
  h->stats->queued = h->workers->len - running;
  h->stats->elapsed_us = g_get_monotonic_time () - h->start;
  if (h->opts->progress)
    h->opts->progress (h->stats, h->opts->progress_data);
}

static gboolean
stopping (Harvest *h)
{
  return h->fatal != NULL || (h->opts->stop && *h->opts->stop);
}

static char *
json_rel_path (const char *sha256)
{
  return g_strdup_printf ("json/%.2s/%s.json", sha256, sha256);
}

/* Starts the worker server of a job slot.  vfork, not fork: the child
 * shares the harvest's memory until it execs, so the harvest's pages are
 * neither copied into page tables nor write-protected (fork made every
 * write the harvest did afterwards a copy-on-write fault).  So between
 * vfork and exec the child only makes system calls, on values prepared
 * before, and never returns.  The server's standard input is its control
 * socket; its errors go to the harvest's standard error. */
static gboolean
spawn_server (Harvest *h, Server *srv, GError **error)
{
  int sv[2];
  if (socketpair (AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) != 0)
    {
      int saved = errno;
      g_set_error (error, BDX_ERROR, BDX_ERROR_LIBRARY,
                   "cannot make a socket: %s", g_strerror (saved));
      return FALSE;
    }
  struct rlimit as = { (rlim_t)h->memory_mb << 20, (rlim_t)h->memory_mb << 20 };
  struct rlimit core = { 0, 0 };
  pid_t parent = h->self;
  char **args = (char **)h->server_argv;

  pid_t pid = vfork ();
  if (pid < 0)
    {
      int saved = errno;
      close (sv[0]);
      close (sv[1]);
      g_set_error (error, BDX_ERROR, BDX_ERROR_LIBRARY,
                   "cannot start a worker: %s", g_strerror (saved));
      return FALSE;
    }
  if (pid == 0)
    {
      /* The child: own process group, die with the parent, limits (the
       * processes it forks inherit them), the socket as input. */
      setpgid (0, 0);
      prctl (PR_SET_PDEATHSIG, SIGKILL);
      if (getppid () != parent)
        _exit (127);
      signal (SIGINT, SIG_DFL);
      signal (SIGTERM, SIG_DFL);
      signal (SIGPIPE, SIG_DFL);
#ifndef NO_RLIMIT_AS
      setrlimit (RLIMIT_AS, &as);
#else
      (void)as;
#endif
      setrlimit (RLIMIT_CORE, &core);
      dup2 (sv[1], STDIN_FILENO);
      int null = open ("/dev/null", O_WRONLY);
      if (null >= 0)
        dup2 (null, STDOUT_FILENO);
      execve (args[0], args, h->envp);
      static const char msg[] = "bdx: cannot run the bdx worker\n";
      if (write (STDERR_FILENO, msg, sizeof msg - 1) < 0)
        _exit (127);
      _exit (127);
    }
  setpgid (pid, pid); /* also here: no race with a kill of the group */
  close (sv[1]);
  srv->pid = pid;
  srv->fd = sv[0];
  srv->started = 0;
  return TRUE;
}

/* Stops a server: it exits when its socket closes (and a document's
 * process it still waits for was killed), or at once with `kill_it`.
 * Either way its documents' processes die with it (PR_SET_PDEATHSIG),
 * so once this returns none of them runs user code any more. */
static void
stop_server (Server *srv, gboolean kill_it)
{
  if (srv->pid <= 0)
    return;
  if (kill_it)
    kill (-srv->pid, SIGKILL);
  close (srv->fd);
  srv->fd = -1;
  while (waitpid (srv->pid, NULL, 0) < 0 && errno == EINTR)
    ;
  srv->pid = 0;
}

/* Reads one message of a server; blocking or not.  Returns 1 with a
 * message, 0 when none is there yet, -1 when the server is gone. */
static int
server_read (Server *srv, ServerMsg *msg, gboolean block)
{
  for (;;)
    {
      ssize_t n = recv (srv->fd, msg, sizeof *msg, block ? 0 : MSG_DONTWAIT);
      if (n == (ssize_t)sizeof *msg)
        return 1;
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
        return 0;
      return -1; /* EOF, an error or a short message */
    }
}

/* Sends `len` bytes of `data` on `sock` with the descriptor `fd`
 * attached (SCM_RIGHTS); whether all went. */
static gboolean
send_with_fd (int sock, const void *data, gsize len, int fd)
{
  struct iovec iov = { (void *)data, len };
  union
  {
    char buf[CMSG_SPACE (sizeof (int))];
    struct cmsghdr align;
  } ctl;
  memset (&ctl, 0, sizeof ctl);
  struct msghdr m = { 0 };
  m.msg_iov = &iov;
  m.msg_iovlen = 1;
  m.msg_control = ctl.buf;
  m.msg_controllen = sizeof ctl.buf;
  struct cmsghdr *c = CMSG_FIRSTHDR (&m);
  c->cmsg_level = SOL_SOCKET;
  c->cmsg_type = SCM_RIGHTS;
  c->cmsg_len = CMSG_LEN (sizeof (int));
  memcpy (CMSG_DATA (c), &fd, sizeof (int));
  ssize_t n;
  while ((n = sendmsg (sock, &m, MSG_NOSIGNAL)) < 0 && errno == EINTR)
    ;
  return n == (ssize_t)len;
}

/* Asks the server for `w`'s document: the request carries the paths
 * (FILE '\0' OUT '\0') and, as ancillary data, the write end of the
 * output pipe. */
static gboolean
server_request (Server *srv, Worker *w, int out_fd)
{
  g_autoptr (GString) req = g_string_new (NULL);
  g_string_append_len (req, w->path, strlen (w->path) + 1);
  g_string_append_len (req, w->json_abs, strlen (w->json_abs) + 1);
  return send_with_fd (srv->fd, req->str, req->len, out_fd);
}

/* ---- the server's side --------------------------------------------------- */

static gboolean
server_send (int fd, const ServerMsg *msg)
{
  ssize_t n;
  while ((n = send (fd, msg, sizeof *msg, MSG_NOSIGNAL)) < 0 && errno == EINTR)
    ;
  return n == (ssize_t)sizeof *msg;
}

/* One request: FILE '\0' OUT '\0', and the output fd.  Returns 1, 0 at
 * the end (the harvest closed the socket), -1 on a malformed request. */
static int
serve_read (int fd, char *buf, gsize size, const char **file,
            const char **out, int *out_fd)
{
  union
  {
    char buf[CMSG_SPACE (sizeof (int))];
    struct cmsghdr align;
  } ctl;
  struct iovec iov = { buf, size };
  struct msghdr m = { 0 };
  m.msg_iov = &iov;
  m.msg_iovlen = 1;
  m.msg_control = ctl.buf;
  m.msg_controllen = sizeof ctl.buf;
  ssize_t n;
  while ((n = recvmsg (fd, &m, MSG_CMSG_CLOEXEC)) < 0 && errno == EINTR)
    ;
  if (n == 0)
    return 0;
  *out_fd = -1;
  for (struct cmsghdr *c = CMSG_FIRSTHDR (&m); c; c = CMSG_NXTHDR (&m, c))
    if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS
        && c->cmsg_len == CMSG_LEN (sizeof (int)))
      memcpy (out_fd, CMSG_DATA (c), sizeof (int));
  if (n < 0 || (m.msg_flags & (MSG_TRUNC | MSG_CTRUNC)) || *out_fd < 0)
    goto bad;
  const char *end = buf + n, *nul = memchr (buf, '\0', n);
  if (nul == NULL || memchr (nul + 1, '\0', end - nul - 1) != end - 1)
    goto bad;
  *file = buf;
  *out = nul + 1;
  return 1;
bad:
  if (*out_fd >= 0)
    close (*out_fd);
  return -1;
}

/* A document's process is kept for the next document: it serves one
 * after another, handed over by its server, until it has served
 * RECYCLE_DOCS, holds more than RECYCLE_RSS_KB or maps more than half
 * its address-space limit, or dies with one.
 * Forking a process for every document cost a third of a short
 * document's CPU (the fork, the exit, and some 900 page faults as each
 * new process built its heap again), and twice that share of kernel time
 * when both cores did it at once.  A document is as isolated from the
 * batch as before: a crash, a hang or a blow-up kills the process, the
 * server reports that as the document's end and forks a new one for the
 * next.  What one document leaves in the process (the heap's free
 * space, caches of fonts and of the OCR engine) changes no output. */
#define RECYCLE_DOCS 500
#ifndef NO_RLIMIT_AS
#define RECYCLE_RSS_KB (256 * 1024)
#else
/* AddressSanitizer's shadow memory and quarantine make every process
 * large: only the count of documents recycles it. */
#define RECYCLE_RSS_KB (G_GINT64_CONSTANT (64) * 1024 * 1024)
#endif

/* What a document's process tells its server after each document. */
typedef struct
{
  gint32 code;  /* the document's exit code */
  gint32 last;  /* the process exits now (recycled) */
  struct rusage usage; /* CPU of this document; its peak RSS */
} DocDone;

/* a - b and a + b (timersub and timeradd are BSD's, not C11's). */
static struct timeval
tv_sub (struct timeval a, struct timeval b)
{
  gint64 us = ((gint64)a.tv_sec - b.tv_sec) * G_USEC_PER_SEC + (a.tv_usec - b.tv_usec);
  return (struct timeval){ us / G_USEC_PER_SEC, us % G_USEC_PER_SEC };
}

static struct timeval
tv_add (struct timeval a, struct timeval b)
{
  gint64 us = ((gint64)a.tv_sec + b.tv_sec) * G_USEC_PER_SEC + (a.tv_usec + b.tv_usec);
  return (struct timeval){ us / G_USEC_PER_SEC, us % G_USEC_PER_SEC };
}

/* A field of /proc/self/status, in kB; -1 if unknown. */
static gint64
status_kb (const char *field)
{
  char buf[4096];
  int fd = open ("/proc/self/status", O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return -1;
  ssize_t n = read (fd, buf, sizeof buf - 1);
  close (fd);
  if (n <= 0)
    return -1;
  buf[n] = '\0';
  const char *at = strstr (buf, field);
  return at != NULL ? g_ascii_strtoll (at + strlen (field), NULL, 10) : -1;
}

/* The document's process: serves the documents handed over on `chan`,
 * each with its output on the pipe that came with it; never returns. */
static G_GNUC_NORETURN void
serve_documents (int chan, BdxHarvestDocFunc func, gpointer data)
{
  int null_in = open ("/dev/null", O_RDONLY);
  int null_out = open ("/dev/null", O_WRONLY);
  if (null_in >= 0)
    dup2 (null_in, STDIN_FILENO);
  gsize size = 2 * (gsize)PATH_MAX + 2;
  char *buf = g_malloc (size);
  /* Half the address-space limit: a process past it is replaced, so that
   * what earlier documents left mapped never fails a later one. */
  struct rlimit as;
  gint64 as_limit_kb = G_MAXINT64;
  if (getrlimit (RLIMIT_AS, &as) == 0 && as.rlim_cur != RLIM_INFINITY)
    as_limit_kb = (gint64)(as.rlim_cur / 1024);
  for (guint served = 1;; served++)
    {
      const char *file, *out;
      int out_fd;
      int r = serve_read (chan, buf, size, &file, &out, &out_fd);
      if (r <= 0)
        _exit (r == 0 ? 0 : 1);
      /* Peak RSS of this document alone (Linux 4.0 on; else the
       * process's peak so far). */
      int refs = open ("/proc/self/clear_refs", O_WRONLY | O_CLOEXEC);
      if (refs >= 0)
        {
          if (write (refs, "5", 1) < 0)
            g_debug ("cannot reset the peak RSS");
          close (refs);
        }
      struct rusage before;
      getrusage (RUSAGE_SELF, &before);
      dup2 (out_fd, STDOUT_FILENO);
      dup2 (out_fd, STDERR_FILENO);
      close (out_fd);

      DocDone done = { 0 };
      done.code = func (file, out, data);
      fflush (stdout);
      fflush (stderr);
      /* The pipe's last copies go: the harvest reads its end to EOF. */
      dup2 (null_out, STDOUT_FILENO);
      dup2 (null_out, STDERR_FILENO);

      getrusage (RUSAGE_SELF, &done.usage);
      done.usage.ru_utime = tv_sub (done.usage.ru_utime, before.ru_utime);
      done.usage.ru_stime = tv_sub (done.usage.ru_stime, before.ru_stime);
      gint64 hwm = status_kb ("VmHWM:");
      if (hwm > 0)
        done.usage.ru_maxrss = hwm;
      done.last = served >= RECYCLE_DOCS || status_kb ("VmRSS:") > RECYCLE_RSS_KB
                  || status_kb ("VmSize:") > as_limit_kb / 2;
      ssize_t n;
      while ((n = send (chan, &done, sizeof done, MSG_NOSIGNAL)) < 0 && errno == EINTR)
        ;
      if (n != (ssize_t)sizeof done || done.last)
        _exit (0);
    }
}

/* Starts a document's process for the server whose control socket is
 * `fd`, holding the output pipe `out_fd` of the request at hand; its
 * channel in *chan.  Returns its pid, or -1. */
static pid_t
start_documents (int fd, int out_fd, pid_t self, BdxHarvestDocFunc func,
                 gpointer data, int *chan)
{
  int sv[2];
  if (socketpair (AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) != 0)
    return -1;
  pid_t pid = fork ();
  if (pid == 0)
    {
      /* Own process group (the harvest kills the group), dies with the
       * server. */
      close (fd);
      close (sv[0]);
      close (out_fd); /* the request's: it comes again over the channel */
      setpgid (0, 0);
      prctl (PR_SET_PDEATHSIG, SIGKILL);
      if (getppid () != self)
        _exit (127);
      serve_documents (sv[1], func, data);
    }
  close (sv[1]);
  if (pid < 0)
    {
      close (sv[0]);
      return -1;
    }
  setpgid (pid, pid);
  *chan = sv[0];
  return pid;
}

int
bdx_harvest_serve (int fd, BdxHarvestDocFunc func, gpointer data)
{
  g_return_val_if_fail (fd >= 0 && func != NULL, 1);
  pid_t self = getpid ();
  gsize size = 2 * (gsize)PATH_MAX + 2;
  g_autofree char *buf = g_malloc (size);
  pid_t pid = 0; /* the document's process, 0 when none */
  int chan = -1;
  struct timeval reported_u = { 0 }, reported_s = { 0 }; /* its CPU so far */
  for (;;)
    {
      const char *file, *out;
      int out_fd;
      int r = serve_read (fd, buf, size, &file, &out, &out_fd);
      if (r <= 0)
        {
          if (pid > 0)
            {
              close (chan); /* it exits when its channel closes */
              while (waitpid (pid, NULL, 0) < 0 && errno == EINTR)
                ;
            }
          return r == 0 ? 0 : 1;
        }
      if (pid == 0)
        {
          pid = start_documents (fd, out_fd, self, func, data, &chan);
          if (pid < 0)
            {
              close (out_fd);
              return 1;
            }
          reported_u = reported_s = (struct timeval){ 0 };
        }
      gboolean handed = send_with_fd (chan, buf, (gsize)(strchr (out, '\0') + 1 - buf), out_fd);
      close (out_fd);

      ServerMsg msg;
      memset (&msg, 0, sizeof msg);
      msg.kind = SERVER_STARTED;
      msg.pid = pid;
      if (!server_send (fd, &msg))
        {
          kill (-pid, SIGKILL);
          kill (pid, SIGKILL);
        }
      msg.kind = SERVER_EXITED;
      DocDone done;
      ssize_t n = -1;
      if (handed)
        while ((n = recv (chan, &done, sizeof done, 0)) < 0 && errno == EINTR)
          ;
      if (n == (ssize_t)sizeof done)
        {
          msg.status = (done.code & 0xff) << 8; /* as wait4's for exit (code) */
          msg.usage = done.usage;
          reported_u = tv_add (reported_u, done.usage.ru_utime);
          reported_s = tv_add (reported_s, done.usage.ru_stime);
        }
      if (n != (ssize_t)sizeof done || done.last)
        {
          /* It died with the document (its own status), or was done. */
          close (chan);
          chan = -1;
          int status;
          struct rusage ru;
          while (wait4 (pid, &status, 0, &ru) < 0)
            if (errno != EINTR)
              return 1;
          if (n != (ssize_t)sizeof done)
            {
              msg.status = status;
              msg.usage = ru;
              msg.usage.ru_utime = tv_sub (ru.ru_utime, reported_u);
              msg.usage.ru_stime = tv_sub (ru.ru_stime, reported_s);
            }
          pid = 0;
        }
      if (!server_send (fd, &msg))
        return 0; /* the harvest is gone */
    }
}

static void
drain (Worker *w)
{
  char buf[4096];
  while (w->out_fd >= 0)
    {
      ssize_t n = read (w->out_fd, buf, sizeof buf);
      if (n > 0)
        {
          g_string_append_len (w->output, buf, n);
          if (w->output->len > OUTPUT_KEEP)
            g_string_erase (w->output, 0, w->output->len - OUTPUT_KEEP);
          continue;
        }
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0 && errno == EAGAIN)
        return;
      close (w->out_fd); /* EOF or an error */
      w->out_fd = -1;
    }
}

/* The worker's last non-empty output line, without "bdx: ". */
static char *
last_line (const GString *output)
{
  g_auto (GStrv) lines = g_strsplit (output->str, "\n", -1);
  for (int i = (int)g_strv_length (lines) - 1; i >= 0; i--)
    {
      char *l = g_strstrip (lines[i]);
      if (*l == '\0')
        continue;
      if (g_str_has_prefix (l, "bdx: "))
        l += 5;
      g_autofree char *valid = g_utf8_make_valid (l, -1);
      if (g_utf8_strlen (valid, -1) > 500)
        *g_utf8_offset_to_pointer (valid, 500) = '\0';
      return g_steal_pointer (&valid);
    }
  return NULL;
}

static gboolean
mentions_memory (const GString *output)
{
  static const char *const words[]
      = { "failed to allocate", "bad_alloc",        "out of memory",
          "cannot allocate memory", "allocation size", "memory exhausted" };
  g_autofree char *lower = g_ascii_strdown (output->str, output->len);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strstr (lower, words[i]))
      return TRUE;
  return FALSE;
}

/* Kills a started worker's process and its process group.  Never one
 * without a pid: kill (-0, …) would kill the harvest's own group. */
static void
kill_worker (Worker *w, BdxFailReason why)
{
  g_return_if_fail (w->state == WORKER_RUNNING && w->pid > 0);
  if (w->killed == BDX_FAIL_NONE)
    w->killed = why;
  kill (-w->pid, SIGKILL);
  kill (w->pid, SIGKILL);
}

/* Samples a started worker's memory from /proc (best effort). */
static void
sample_memory (Harvest *h, Worker *w)
{
  char path[64], buf[128];
  g_snprintf (path, sizeof path, "/proc/%d/statm", (int)w->pid);
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return;
  ssize_t n = read (fd, buf, sizeof buf - 1);
  close (fd);
  if (n <= 0)
    return;
  buf[n] = '\0';
  unsigned long long vm = 0, rss = 0;
  if (sscanf (buf, "%llu %llu", &vm, &rss) != 2)
    return;
  gint64 page_kb = sysconf (_SC_PAGESIZE) / 1024;
  gint64 vm_kb = (gint64)vm * page_kb, rss_kb = (gint64)rss * page_kb;
  w->peak_vm_kb = MAX (w->peak_vm_kb, vm_kb);
  w->peak_rss_kb = MAX (w->peak_rss_kb, rss_kb);
#ifdef NO_RLIMIT_AS
  if (rss_kb > (gint64)h->memory_mb * 1024 && w->killed == BDX_FAIL_NONE)
    kill_worker (w, BDX_FAIL_MEMORY);
#else
  (void)h;
  (void)rss_kb;
#endif
}

/* ---- storing results ----------------------------------------------------- */

static void
store (Harvest *h, const BdxDatasetEntry *e, const BdxDisclosure *d,
       BdxFailReason reason)
{
  g_autoptr (GError) error = NULL;
  if (!bdx_dataset_put (h->ds, e, d, &error))
    {
      if (h->fatal == NULL)
        h->fatal = g_steal_pointer (&error);
      return;
    }
  BdxHarvestStats *s = h->stats;
  if (d != NULL)
    {
      int failed = 0;
      bdx_validate_summary (d, NULL, NULL, NULL, &failed);
      s->done++;
      s->not_disclosure += !bdx_disclosure_is_disclosure (d);
      s->checks_failed += failed > 0;
    }
  else
    {
      s->failed++;
      s->failed_by[reason]++;
    }
}

static BdxFailReason
reason_for_exit (int code)
{
  switch (code)
    {
    case 3: return BDX_FAIL_UNREADABLE;
    case 4: return BDX_FAIL_FORMAT;
    case 5: return BDX_FAIL_ENCRYPTED;
    case 8: return BDX_FAIL_LIMIT;
    default: return BDX_FAIL_ERROR;
    }
}

/* A worker exited: its document or its failure goes into the dataset. */
static void
finish (Harvest *h, Worker *w, int status, const struct rusage *ru)
{
  drain (w);
  gint64 elapsed_ms = (w->ended - w->started) / 1000;
  gint64 rss_kb = ru->ru_maxrss;
  h->stats->max_rss_kb = MAX (h->stats->max_rss_kb, rss_kb);

  BdxDatasetEntry e = { 0 };
  e.sha256 = w->sha256;
  e.path = w->path;
  e.size = w->size;
  e.paths = (const BdxDatasetPath *)w->paths->data;
  e.n_paths = w->paths->len;
  e.elapsed_ms = elapsed_ms;
  e.max_rss_kb = rss_kb;

  g_autofree char *line = last_line (w->output);
  g_autofree char *message = NULL;
  BdxFailReason reason = BDX_FAIL_NONE;
#ifdef NO_RLIMIT_AS
  gint64 peak_kb = MAX (w->peak_rss_kb, rss_kb);
#else
  gint64 peak_kb = w->peak_vm_kb;
#endif
  gboolean near_limit = peak_kb >= (gint64)h->memory_mb * 1024 * 9 / 10;
  /* Killed by the harvest, unless it exited on its own just before. */
  gboolean killed = w->killed != BDX_FAIL_NONE && WIFSIGNALED (status)
                    && WTERMSIG (status) == SIGKILL;
  if (killed && w->killed == BDX_FAIL_TIMEOUT)
    {
      reason = BDX_FAIL_TIMEOUT;
      message = g_strdup_printf ("no result within %u s; killed",
                                 h->timeout_s);
    }
  else if (killed && w->killed == BDX_FAIL_MEMORY)
    {
      reason = BDX_FAIL_MEMORY;
      message = g_strdup_printf ("used more than %u MiB of memory; killed",
                                 h->memory_mb);
    }
  else if (WIFEXITED (status)
           && (WEXITSTATUS (status) == 0 || WEXITSTATUS (status) == 6))
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (BdxDisclosure) d = bdx_disclosure_load (w->json_abs, &error);
      if (d == NULL)
        {
          reason = BDX_FAIL_ERROR;
          message = g_strdup_printf ("the worker's output is unreadable: %s",
                                     error->message);
        }
      else if (g_strcmp0 (d->source.sha256, w->sha256) != 0)
        {
          reason = BDX_FAIL_ERROR;
          message = g_strdup ("the file changed while it was read");
        }
      else
        {
          e.json = w->json_rel;
          store (h, &e, d, BDX_FAIL_NONE);
          return;
        }
    }
  else if (WIFEXITED (status)
           && (WEXITSTATUS (status) == 10 || WEXITSTATUS (status) == 127))
    {
      /* The JSON cannot be written, or the worker cannot be run: every
       * document would fail alike. */
      if (h->fatal == NULL)
        g_set_error (&h->fatal, BDX_ERROR, BDX_ERROR_IO, "%s",
                     line ? line : "a worker cannot write its output");
      return;
    }
  else if (WIFEXITED (status))
    {
      reason = reason_for_exit (WEXITSTATUS (status));
      if (mentions_memory (w->output)
          || (reason == BDX_FAIL_ERROR && near_limit))
        reason = BDX_FAIL_MEMORY;
      if (line)
        message = g_steal_pointer (&line);
      else
        message = g_strdup_printf ("the worker exited with status %d",
                                   WEXITSTATUS (status));
    }
  else
    {
      int sig = WIFSIGNALED (status) ? WTERMSIG (status) : 0;
      reason = mentions_memory (w->output) || near_limit ? BDX_FAIL_MEMORY
                                                          : BDX_FAIL_CRASH;
      if (reason == BDX_FAIL_MEMORY)
        message = g_strdup_printf ("out of its %u MiB of memory "
                                   "(killed by signal %d, %s)",
                                   h->memory_mb, sig, g_strsignal (sig));
      else
        message = g_strdup_printf ("killed by signal %d (%s)", sig,
                                   g_strsignal (sig));
    }
  (void)g_unlink (w->json_abs);
  e.reason = bdx_fail_reason_name (reason);
  e.error = message;
  store (h, &e, NULL, reason);
}

/* Stores the results of the workers that exited.  Called after new
 * workers were started, so that storing overlaps with their work. */
static void
store_exited (Harvest *h)
{
  while (h->exited->len > 0)
    {
      Worker *w = g_ptr_array_steal_index (h->exited, 0);
      if (h->fatal == NULL)
        finish (h, w, w->status, &w->usage);
      g_hash_table_remove (h->in_flight, w->sha256);
      worker_free (w);
      progress (h);
    }
}

/* ---- the servers' reports (3b–c) ---------------------------------------- */

/* `w` exited (or died with its server): its result waits in h->exited
 * to be stored. */
static void
worker_exited (Harvest *h, Worker *w, int status, const struct rusage *ru)
{
  guint i;
  gboolean found = g_ptr_array_find (h->workers, w, &i);
  g_assert (found);
  w->state = WORKER_EXITED;
  w->status = status;
  w->usage = *ru;
  w->ended = g_get_monotonic_time ();
  g_ptr_array_add (h->exited, g_ptr_array_steal_index (h->workers, i));
}

/* Removes the temporary files of `json_abs` (emit's ".NAME.XXXXXX")
 * that a process killed while writing it left. */
static void
remove_json_temporaries (const char *json_abs)
{
  g_autofree char *dir = g_path_get_dirname (json_abs);
  g_autofree char *base = g_path_get_basename (json_abs);
  g_autofree char *prefix = g_strconcat (".", base, ".", NULL);
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  while (d && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, prefix))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        (void)g_unlink (path);
      }
}

/* A QUEUED or RUNNING worker goes back to PENDING, to be handed to a
 * server again; what its process may have written goes. */
static void
hand_out_again (Worker *w)
{
  remove_json_temporaries (w->json_abs);
  if (w->out_fd >= 0)
    close (w->out_fd);
  w->out_fd = -1;
  g_string_truncate (w->output, 0);
  w->pid = 0;
  w->state = WORKER_PENDING;
}

/* Takes one report of `srv`, which is always about its current
 * document.  Returns FALSE when it does not fit what the server was
 * asked (it broke the protocol). */
static gboolean
on_message (Harvest *h, Server *srv, const ServerMsg *msg)
{
  Worker *w = srv->current;
  if (w == NULL)
    return FALSE;
  if (msg->kind == SERVER_STARTED && w->state == WORKER_QUEUED
      && msg->pid > 0)
    {
      /* Its clock starts now, not when it was queued: a document does
       * not pay for the one it waited behind. */
      w->state = WORKER_RUNNING;
      w->pid = msg->pid;
      g_debug ("%s: started in process %d", w->path, (int)w->pid);
      w->started = g_get_monotonic_time ();
      w->deadline = w->started + (gint64)h->timeout_s * G_USEC_PER_SEC;
      srv->started++;
      srv->failures = 0;
      return TRUE;
    }
  if (msg->kind == SERVER_EXITED && w->state == WORKER_RUNNING
      && msg->pid == w->pid)
    {
      /* The server has read the queued request by now, or will at once,
       * and starts it while we store this result. */
      srv->current = srv->queued;
      srv->queued = NULL;
      /* A document's process serves the next document too: the harvest
       * may kill it for the one before, which ended in the meantime.
       * That kill is no fault of this document's: it goes again. */
      if (w->killed == BDX_FAIL_NONE && w->pid == srv->killed
          && WIFSIGNALED (msg->status) && WTERMSIG (msg->status) == SIGKILL)
        {
          srv->killed = 0;
          hand_out_again (w);
          return TRUE;
        }
      srv->killed = w->killed != BDX_FAIL_NONE ? w->pid : 0;
      worker_exited (h, w, msg->status, &msg->usage);
      return TRUE;
    }
  return FALSE;
}

/* A server died (it should not) or broke the protocol.  Its running
 * document dies with it and is stored as a crash.  A document it had
 * not started (its queued one, or one whose start it did not report) is
 * no fault of its own: it goes back to PENDING, to be handed to a server
 * again, neither lost nor failed.  A slot whose servers die twice in a
 * row before starting anything cannot run the worker at all: every
 * document would fail alike, so the harvest stops. */
static void
server_lost (Harvest *h, Server *srv)
{
  /* What it reported before it died still holds: its current document
   * may have exited of itself. */
  ServerMsg msg;
  while (srv->current != NULL && server_read (srv, &msg, FALSE) == 1
         && on_message (h, srv, &msg))
    ;
  Worker *slots[2] = { srv->current, srv->queued };
  srv->current = srv->queued = NULL;
  gboolean running = slots[0] != NULL && slots[0]->state == WORKER_RUNNING;
  if (running)
    kill_worker (slots[0], BDX_FAIL_NONE);
  gboolean never_started = srv->started == 0;
  g_debug ("worker server %d lost: %s running, %d to hand out again",
           (int)srv->pid, running ? "one" : "none",
           (slots[0] != NULL && !running) + (slots[1] != NULL));
  stop_server (srv, TRUE);
  if (never_started && ++srv->failures >= 2 && !stopping (h))
    g_set_error (&h->fatal, BDX_ERROR, BDX_ERROR_LIBRARY,
                 "cannot run the bdx worker");

  for (guint i = 0; i < G_N_ELEMENTS (slots); i++)
    {
      Worker *w = slots[i];
      if (w == NULL)
        continue;
      /* Its process, if it had one, is dead or dying (killed above, or
       * by PR_SET_PDEATHSIG): what it was writing goes. */
      remove_json_temporaries (w->json_abs);
      if (w->state == WORKER_RUNNING)
        {
          struct rusage none = { 0 };
          worker_exited (h, w, SIGKILL, &none); /* wait status: killed */
          continue;
        }
      hand_out_again (w);
    }
}

/* Reads what the servers reported, without waiting. */
static void
read_servers (Harvest *h)
{
  for (guint i = 0; i < h->jobs; i++)
    {
      Server *srv = &h->servers[i];
      while (srv->pid > 0)
        {
          ServerMsg msg;
          int r = server_read (srv, &msg, FALSE);
          if (r == 0)
            break;
          if (r < 0 || !on_message (h, srv, &msg))
            server_lost (h, srv);
        }
    }
}

/* ---- handing documents to the servers (3a) ------------------------------ */

/* The server to hand the next document to: an idle one first (to be
 * started if it is not running), else one with nothing queued. */
static Server *
free_server (Harvest *h)
{
  for (guint i = 0; i < h->jobs; i++)
    if (h->servers[i].current == NULL)
      return &h->servers[i];
  for (guint i = 0; i < h->jobs; i++)
    if (h->servers[i].queued == NULL)
      return &h->servers[i];
  return NULL;
}

static Worker *
first_pending (Harvest *h)
{
  for (guint i = 0; i < h->workers->len; i++)
    {
      Worker *w = g_ptr_array_index (h->workers, i);
      if (w->state == WORKER_PENDING)
        return w;
    }
  return NULL;
}

/* Asks `srv` (started first if it is not running) for a process on the
 * PENDING `w`, without waiting for its start: the server reports that
 * (on_message).  Fails only when a directory, a server or a pipe cannot
 * be made.  A server found dead on the way takes `w` back to PENDING
 * (server_lost). */
static gboolean
dispatch (Harvest *h, Server *srv, Worker *w, GError **error)
{
  g_assert (w->state == WORKER_PENDING && srv->queued == NULL);
  g_autofree char *json_dir = g_path_get_dirname (w->json_abs);
  if (g_mkdir_with_parents (json_dir, 0777) != 0)
    {
      int saved = errno;
      g_set_error (error, BDX_ERROR, BDX_ERROR_IO, "cannot create '%s': %s",
                   json_dir, g_strerror (saved));
      return FALSE;
    }
  if (srv->pid <= 0 && !spawn_server (h, srv, error))
    return FALSE;
  int fds[2];
  if (pipe2 (fds, O_CLOEXEC) != 0)
    {
      int saved = errno;
      g_set_error (error, BDX_ERROR, BDX_ERROR_LIBRARY,
                   "cannot make a pipe: %s", g_strerror (saved));
      return FALSE;
    }
  /* Our end only: the document's process writes to a blocking pipe. */
  g_unix_set_fd_nonblocking (fds[0], TRUE, NULL);
  w->out_fd = fds[0];
  w->state = WORKER_QUEUED;
  if (srv->current == NULL)
    srv->current = w;
  else
    srv->queued = w;
  gboolean sent = server_request (srv, w, fds[1]);
  close (fds[1]); /* the server has its copy */
  if (!sent)
    server_lost (h, srv);
  return TRUE;
}

/* ---- 4. stopping --------------------------------------------------------- */

/* Stops the servers.  When stopped or failed, the documents in flight
 * are lost, by design (a rerun extracts them); their processes are
 * killed and waited for, so that none outlives the harvest.  A server
 * reads its queued request as soon as the document before it exits and
 * cannot be told not to: the queued document is let start, and killed
 * as soon as its start is reported. */
static void
stop_servers (Harvest *h)
{
  for (guint i = 0; i < h->workers->len; i++)
    {
      Worker *w = g_ptr_array_index (h->workers, i);
      if (w->state == WORKER_RUNNING)
        kill_worker (w, BDX_FAIL_NONE);
    }
  for (guint i = 0; i < h->jobs; i++)
    {
      Server *srv = &h->servers[i];
      while (srv->pid > 0 && srv->current != NULL)
        {
          ServerMsg msg;
          if (server_read (srv, &msg, TRUE) != 1
              || !on_message (h, srv, &msg))
            server_lost (h, srv);
          else if (msg.kind == SERVER_STARTED)
            kill_worker (srv->current, BDX_FAIL_NONE);
        }
      stop_server (srv, FALSE);
    }
}

/* ---- 3a. one input: skip it, or a PENDING worker ------------------------ */

static void
input_error (Harvest *h, const char *path, const char *reason,
             const char *message)
{
  g_autoptr (GError) error = NULL;
  if (!bdx_dataset_set_input_error (h->ds, path, reason, message, &error))
    {
      if (h->fatal == NULL)
        h->fatal = g_steal_pointer (&error);
      return;
    }
  h->stats->unreadable++;
}

static void
note_path (Harvest *h, const char *sha, const BdxDatasetPath *p)
{
  g_autoptr (GError) error = NULL;
  if (!bdx_dataset_add_path (h->ds, sha, p, &error) && h->fatal == NULL)
    h->fatal = g_steal_pointer (&error);
}

/* Stores the JSON a killed run left for this hash, if it is sound. */
static gboolean
reuse_json (Harvest *h, const char *sha, const char *path,
            const BdxDatasetPath *p, const char *json_rel,
            const char *json_abs)
{
  if (!g_file_test (json_abs, G_FILE_TEST_IS_REGULAR))
    return FALSE;
  g_autoptr (BdxDisclosure) d = bdx_disclosure_load (json_abs, NULL);
  if (d == NULL || g_strcmp0 (d->source.sha256, sha) != 0)
    return FALSE;
  BdxDatasetEntry e = { 0 };
  e.sha256 = sha;
  e.path = path;
  e.size = p->size;
  e.paths = p;
  e.n_paths = 1;
  e.json = json_rel;
  e.elapsed_ms = -1;
  e.max_rss_kb = -1;
  store (h, &e, d, BDX_FAIL_NONE);
  h->stats->reused++;
  return TRUE;
}

static void
handle_input (Harvest *h, const BdxHarvestInput *in)
{
  BdxHarvestStats *s = h->stats;
  const BdxHarvestOptions *o = h->opts;
  s->seen++;
  if (in->error != NULL)
    {
      input_error (h, in->path, "unreadable", in->error);
      return;
    }
  GStatBuf st;
  if (g_stat (in->path, &st) != 0)
    {
      int saved = errno;
      g_autofree char *msg = g_strdup_printf ("cannot open '%s': %s",
                                              in->path, g_strerror (saved));
      input_error (h, in->path, "unreadable", msg);
      return;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_autofree char *msg
          = g_strdup_printf ("'%s' is not a regular file", in->path);
      input_error (h, in->path, "not_regular", msg);
      return;
    }
  BdxDatasetPath p = { in->path, st.st_size,
                       (gint64)st.st_mtim.tv_sec * 1000000000
                           + st.st_mtim.tv_nsec };
  g_autofree char *sha = o->force ? NULL
                                  : bdx_dataset_lookup_path (h->ds, in->path,
                                                             p.size, p.mtime_ns);
  gboolean cached = sha != NULL;
  if (sha == NULL)
    {
      g_autoptr (GError) error = NULL;
      sha = hash_file (in->path, &error);
      if (sha == NULL)
        {
          input_error (h, in->path, "unreadable", error->message);
          return;
        }
    }
  if (o->shards > 1 && bdx_harvest_shard_of (sha, o->shards) != o->shard - 1)
    {
      s->other_shard++;
      return;
    }
  Worker *same = g_hash_table_lookup (h->in_flight, sha);
  if (same != NULL)
    {
      worker_add_path (same, p.path, p.size, p.mtime_ns);
      s->duplicates++;
      return;
    }
  if (g_hash_table_contains (h->seen, sha))
    {
      note_path (h, sha, &p);
      s->duplicates++;
      return;
    }

  BdxDocStatus status = BDX_DOC_ABSENT;
  g_autoptr (GError) error = NULL;
  if (!bdx_dataset_lookup_status (h->ds, sha, &status, &error))
    {
      if (h->fatal == NULL)
        h->fatal = g_steal_pointer (&error);
      return;
    }
  g_hash_table_add (h->seen, g_strdup (sha));
  if (!o->force && status != BDX_DOC_ABSENT
      && (status != BDX_DOC_FAILED || !o->retry_failed))
    {
      if (!cached)
        note_path (h, sha, &p);
      s->skipped++;
      return;
    }

  g_autofree char *json_rel = json_rel_path (sha);
  g_autofree char *json_abs = g_build_filename (h->dir, json_rel, NULL);
  if (!o->force && status == BDX_DOC_ABSENT
      && reuse_json (h, sha, in->path, &p, json_rel, json_abs))
    return;

  Worker *w = g_new0 (Worker, 1);
  w->out_fd = -1;
  w->output = g_string_new (NULL);
  w->sha256 = g_strdup (sha);
  w->path = g_strdup (in->path);
  w->size = p.size;
  w->json_rel = g_steal_pointer (&json_rel);
  w->json_abs = g_steal_pointer (&json_abs);
  w->paths = g_array_new (FALSE, TRUE, sizeof (BdxDatasetPath));
  w->path_strs = g_ptr_array_new_with_free_func (g_free);
  worker_add_path (w, p.path, p.size, p.mtime_ns);
  w->state = WORKER_PENDING; /* run_loop hands it to a server */
  g_ptr_array_add (h->workers, w);
  g_hash_table_insert (h->in_flight, w->sha256, w);
}

/* ---- 2. leftovers of a killed run ---------------------------------------- */

/* Removes the temporary files of JSON being written when a run was
 * killed (emit's ".NAME.json.XXXXXX"); the lock says no one writes. */
static void
remove_temporaries (const char *dir)
{
  g_autofree char *json = g_build_filename (dir, "json", NULL);
  g_autoptr (GDir) top = g_dir_open (json, 0, NULL);
  const char *sub;
  while (top && (sub = g_dir_read_name (top)) != NULL)
    {
      g_autofree char *subdir = g_build_filename (json, sub, NULL);
      g_autoptr (GDir) d = g_dir_open (subdir, 0, NULL);
      const char *name;
      while (d && (name = g_dir_read_name (d)) != NULL)
        if (name[0] == '.' && strstr (name, ".json.") != NULL)
          {
            g_autofree char *path = g_build_filename (subdir, name, NULL);
            (void)g_unlink (path);
          }
    }
}

/* ---- 3. the loop --------------------------------------------------------- */

/* The workers' malloc asks for transparent huge pages (glibc 2.35's
 * glibc.malloc.hugetlb tunable, read when the worker server starts):
 * every document's process builds its heap anew, and faulting it in 4 KB
 * at a time was a tenth of a harvest's time, page faults being dear in a
 * virtual machine and dearer with every core faulting at once.  With
 * huge pages half the faults go; a worker's resident size grows by a MB
 * or so.  A setting of the user's own is kept. */
static char **
with_huge_pages (char **envp)
{
  const char *t = g_environ_getenv (envp, "GLIBC_TUNABLES");
  if (t != NULL && strstr (t, "glibc.malloc.hugetlb") != NULL)
    return envp;
  g_autofree char *value
      = t != NULL && *t ? g_strconcat (t, ":glibc.malloc.hugetlb=1", NULL)
                        : g_strdup ("glibc.malloc.hugetlb=1");
  return g_environ_setenv (envp, "GLIBC_TUNABLES", value, TRUE);
}

/* Waits until a worker writes output, a server reports, a deadline
 * passes or TICK_MS go by. */
static void
wait_for_events (Harvest *h)
{
  g_autoptr (GArray) fds = g_array_new (FALSE, TRUE, sizeof (struct pollfd));
  gint64 now = g_get_monotonic_time ();
  gint64 timeout_ms = TICK_MS;
  struct pollfd p = { 0 };
  p.events = POLLIN;
  for (guint i = 0; i < h->jobs; i++)
    if (h->servers[i].pid > 0)
      {
        p.fd = h->servers[i].fd;
        g_array_append_val (fds, p);
      }
  for (guint i = 0; i < h->workers->len; i++)
    {
      Worker *w = g_ptr_array_index (h->workers, i);
      if (w->out_fd >= 0)
        {
          p.fd = w->out_fd;
          g_array_append_val (fds, p);
        }
      if (w->state == WORKER_RUNNING)
        timeout_ms = MIN (timeout_ms, (w->deadline - now) / 1000 + 1);
    }
#ifdef NO_RLIMIT_AS
  timeout_ms = MIN (timeout_ms, 100); /* sample memory often */
#endif
  (void)poll ((struct pollfd *)fds->data, fds->len,
              (int)CLAMP (timeout_ms, 0, TICK_MS));
}

static void
run_loop (Harvest *h, const GPtrArray *inputs)
{
  guint next = 0;
  gint64 last_progress = 0;
  for (;;)
    {
      /* Keep every server with a document running and one queued:
       * first those back from a dead server, then new inputs. */
      Server *srv;
      while (!stopping (h) && (srv = free_server (h)) != NULL)
        {
          Worker *w = first_pending (h);
          if (w != NULL)
            {
              g_autoptr (GError) error = NULL;
              if (!dispatch (h, srv, w, &error) && h->fatal == NULL)
                h->fatal = g_steal_pointer (&error);
              continue;
            }
          if (next >= inputs->len)
            break;
          handle_input (h, g_ptr_array_index (inputs, next++));
          gint64 now = g_get_monotonic_time ();
          if (now - last_progress > 100000)
            {
              /* Many inputs skipped in a row: keep the workers going. */
              for (guint i = 0; i < h->workers->len; i++)
                drain (g_ptr_array_index (h->workers, i));
              read_servers (h);
              progress (h);
              last_progress = now;
            }
        }
      /* Also when stopping: what finished is kept. */
      store_exited (h);
      if (stopping (h))
        return;
      if (h->workers->len == 0)
        {
          if (next >= inputs->len)
            return;
          continue;
        }
      wait_for_events (h);
      for (guint i = 0; i < h->workers->len; i++)
        drain (g_ptr_array_index (h->workers, i));
      read_servers (h);
      gint64 now = g_get_monotonic_time ();
      for (guint i = 0; i < h->workers->len; i++)
        {
          Worker *w = g_ptr_array_index (h->workers, i);
          if (w->state != WORKER_RUNNING)
            continue; /* no process yet, no clock */
          if (now >= w->deadline)
            kill_worker (w, BDX_FAIL_TIMEOUT);
          else
            sample_memory (h, w);
        }
      if (now - last_progress > TICK_MS * 1000)
        {
          progress (h);
          last_progress = now;
        }
    }
}

gboolean
bdx_harvest_run (const char *dir, const GPtrArray *inputs,
                 const BdxHarvestOptions *opts, BdxHarvestStats *stats,
                 GError **error)
{
  g_return_val_if_fail (dir != NULL && inputs != NULL && opts != NULL, FALSE);
  g_return_val_if_fail (opts->worker != NULL && opts->worker[0] != NULL,
                        FALSE);
  g_return_val_if_fail (opts->shards == 0
                            || (opts->shard >= 1 && opts->shard <= opts->shards),
                        FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  BdxHarvestStats local_stats;
  if (stats == NULL)
    stats = &local_stats;
  *stats = (BdxHarvestStats){ 0 };
  stats->inputs = inputs->len;

  Harvest h = { 0 };
  h.dir = dir;
  h.opts = opts;
  h.stats = stats;
  h.jobs = opts->jobs ? opts->jobs : MAX (1u, g_get_num_processors ());
  h.timeout_s = opts->timeout ? opts->timeout : BDX_HARVEST_DEFAULT_TIMEOUT;
  h.memory_mb = opts->memory_mb ? opts->memory_mb
                                : BDX_HARVEST_DEFAULT_MEMORY_MB;
  g_autoptr (GPtrArray) server_argv = g_ptr_array_new ();
  for (const char *const *a = opts->worker; *a; a++)
    g_ptr_array_add (server_argv, (char *)*a);
  g_ptr_array_add (server_argv, (char *)dir);
  g_ptr_array_add (server_argv, NULL);
  h.server_argv = (const char *const *)server_argv->pdata;
  h.self = getpid ();
  h.start = g_get_monotonic_time ();

  g_autoptr (BdxDataset) ds = bdx_dataset_open_dir (dir, error);
  if (ds == NULL)
    return FALSE;
  h.ds = ds;
  remove_temporaries (dir);

  h.envp = g_get_environ ();
  for (const char *const *e = opts->worker_env; e && *e; e++)
    {
      const char *eq = strchr (*e, '=');
      if (eq == NULL)
        continue;
      g_autofree char *name = g_strndup (*e, eq - *e);
      h.envp = g_environ_setenv (h.envp, name, eq + 1, TRUE);
    }
  h.envp = with_huge_pages (h.envp);
  h.servers = g_new0 (Server, h.jobs);
  h.workers = g_ptr_array_new_with_free_func ((GDestroyNotify)worker_free);
  h.exited = g_ptr_array_new_with_free_func ((GDestroyNotify)worker_free);
  h.in_flight = g_hash_table_new (g_str_hash, g_str_equal);
  h.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  progress (&h);
  run_loop (&h, inputs);

  /* Stopped or failed: the workers in flight are lost, by design. */
  stop_servers (&h);
  g_free (h.servers);
  g_hash_table_remove_all (h.in_flight);
  g_ptr_array_set_size (h.workers, 0);
  g_ptr_array_set_size (h.exited, 0);
  if (stopping (&h))
    remove_temporaries (dir);
  progress (&h);

  g_ptr_array_unref (h.workers);
  g_ptr_array_unref (h.exited);
  g_hash_table_unref (h.in_flight);
  g_hash_table_unref (h.seen);
  g_strfreev (h.envp);
  if (h.fatal != NULL)
    {
      g_propagate_error (error, h.fatal);
      return FALSE;
    }
  if (opts->stop && *opts->stop)
    {
      g_set_error (error, BDX_ERROR, BDX_ERROR_CANCELLED,
                   "the harvest was stopped");
      return FALSE;
    }
  return TRUE;
}
