/* bdx — patterns: pcre2 regexes and literals loaded from data files.
 *
 * The algorithm (load):
 *  1. List DIR; keep the regular files named `*.pat` that are not dot
 *     files; sort them by name (byte order, not locale).
 *  2. For each file: read it whole; it must be UTF-8 without NUL bytes;
 *     drop a leading byte-order mark; split it into lines (LF or CRLF).
 *  3. Each line is blank, a comment, a `[section]` header or an entry
 *     `key ~ REGEX` / `key = VALUE`.  A regex is compiled at once
 *     (UTF | UCP); it is JIT-compiled later, once it has been matched
 *     JIT_AFTER times (see run_match).  An entry is appended to its
 *     section; a section seen again, in the same file or a later one,
 *     keeps growing.
 *  4. The first error stops loading.  Its message is "FILE:LINE:COL:
 *     what", COL counted in characters from 1.
 *
 * Matching: the set owns one pcre2 match context carrying the limits of
 * patterns.h and only reads it; match data is made per call.  So one set
 * can be used from several threads at once.  The one thing a match
 * changes is the entry's use count and, at JIT_AFTER uses, its JIT code:
 * compiled under a lock into a copy of the pattern that is published
 * with an atomic store, so a thread matches with either the interpreter
 * on the never-modified `code` or the finished copy.  A match hands out copies
 * (a BdxMatch holds a reference to a copy of the subject), never
 * pointers into the caller's buffer or the set.
 */
#undef G_LOG_DOMAIN
#define G_LOG_DOMAIN "bdx-patterns"

#include "bdx/patterns.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "pcre2-autoptr.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DIR, closedir)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FILE, fclose)

#ifdef PCRE2_MATCH_INVALID_UTF
#define BDX_PCRE2_INVALID_UTF PCRE2_MATCH_INVALID_UTF
#else
#define BDX_PCRE2_INVALID_UTF 0
#endif

/* \C could split a UTF-8 character and is never needed for text. */
#define COMPILE_OPTIONS \
  (PCRE2_UTF | PCRE2_UCP | PCRE2_NEVER_BACKSLASH_C | BDX_PCRE2_INVALID_UTF)

/* One name of a named group; with (?J) a name may map to several. */
typedef struct {
  guint32 group;
  char name[]; /* NUL-terminated */
} GroupName;

struct _BdxPattern {
  char *key;
  char *source;
  const char *file; /* base name, borrowed from the set's files */
  int line;
  pcre2_code_8 *code;                /* NULL for a literal */
  /* A JIT-compiled copy of code, made on the JIT_AFTER-th match (NULL
   * before, and when the JIT is off or failed); read atomically. */
  pcre2_code_8 *jit;
  gint uses;                         /* matches so far, atomic */
  /* The set's; NULL for a literal.  Not const only because pcre2_match's
   * prototype is not: pcre2 only reads it. */
  pcre2_match_context_8 *mctx;
  GPtrArray *names;                  /* of GroupName *; NULL when none */
  int n_groups;                      /* capture count + 1 */
  gboolean crlf;                     /* newline may be CRLF (empty-match step) */
};

typedef struct {
  char *name;
  GPtrArray *entries; /* owns its BdxPattern * */
} Section;

struct _BdxPatterns {
  gatomicrefcount ref;
  char *dir;
  GPtrArray *files;    /* owned base names of the loaded files */
  GPtrArray *sections; /* owns Section *, in first-appearance order */
  GHashTable *by_name; /* Section name (borrowed) → Section * */
  pcre2_match_context_8 *mctx;
};

struct _BdxMatch {
  GBytes *subject;   /* a copy of the subject, shared by match_all's matches */
  GPtrArray *names;  /* the entry's, referenced; NULL when none */
  int n_groups;
  gssize offsets[];  /* start, end per group; both -1 when unset */
};

/* ---- Entries and sections ---------------------------------------------- */

static void
pattern_free (gpointer data)
{
  BdxPattern *e = data;

  g_free (e->key);
  g_free (e->source);
  g_clear_pointer (&e->code, pcre2_code_free_8);
  g_clear_pointer (&e->jit, pcre2_code_free_8);
  g_clear_pointer (&e->names, g_ptr_array_unref);
  g_free (e);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BdxPattern, pattern_free)

static void
section_free (gpointer data)
{
  Section *s = data;

  g_free (s->name);
  g_ptr_array_unref (s->entries);
  g_free (s);
}

static Section *
section_get (BdxPatterns *set, const char *name, gsize len)
{
  g_autofree char *key = g_strndup (name, len);
  Section *s = g_hash_table_lookup (set->by_name, key);

  if (s == NULL)
    {
      s = g_new0 (Section, 1);
      s->name = g_steal_pointer (&key);
      s->entries = g_ptr_array_new_with_free_func (pattern_free);
      g_ptr_array_add (set->sections, s);
      g_hash_table_insert (set->by_name, s->name, s);
    }
  return s;
}

static Section *
section_find (const BdxPatterns *p, const char *name)
{
  return g_hash_table_lookup (p->by_name, name);
}

/* The named groups of a compiled regex, copied out of pcre2's name table
 * so that a BdxMatch can resolve names without the pcre2_code. */
static GPtrArray *
group_names (const pcre2_code_8 *code)
{
  guint32 count = 0, entry_size = 0;
  PCRE2_SPTR8 table = NULL;
  GPtrArray *names;

  pcre2_pattern_info_8 (code, PCRE2_INFO_NAMECOUNT, &count);
  if (count == 0)
    return NULL;
  pcre2_pattern_info_8 (code, PCRE2_INFO_NAMEENTRYSIZE, &entry_size);
  pcre2_pattern_info_8 (code, PCRE2_INFO_NAMETABLE, &table);

  /* Each entry: the group number in two bytes, big-endian, then the
   * NUL-terminated name. */
  names = g_ptr_array_new_full (count, g_free);
  for (guint32 i = 0; i < count; i++)
    {
      PCRE2_SPTR8 row = table + (gsize) i * entry_size;
      const char *name = (const char *) row + 2;
      gsize n = strlen (name);
      GroupName *g = g_malloc (sizeof *g + n + 1);

      g->group = ((guint32) row[0] << 8) | row[1];
      memcpy (g->name, name, n + 1);
      g_ptr_array_add (names, g);
    }
  return names;
}

/* ---- Loading ----------------------------------------------------------- */

/* A file being parsed. */
typedef struct {
  BdxPatterns *set;
  const char *file; /* base name, for messages and entries */
  Section *section; /* the current section; NULL before the first header */
  int line;         /* 1-based number of the line being parsed */
} Loader;

static gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t';
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '.' || c == '-';
}

static const char *
skip_blanks (const char *p, const char *end)
{
  while (p < end && is_blank (*p))
    p++;
  return p;
}

/* Sets "FILE:LINE:COL: what" with COL the 1-based character column of
 * `at` in the line that starts at line_start.  Always returns FALSE. */
G_GNUC_PRINTF (5, 6)
static gboolean
fail_at (const Loader *ld, GError **error, const char *line_start,
         const char *at, const char *format, ...)
{
  g_autofree char *what = NULL;
  glong col = g_utf8_strlen (line_start, at - line_start) + 1;
  va_list ap;

  va_start (ap, format);
  what = g_strdup_vprintf (format, ap);
  va_end (ap);
  g_set_error (error, BDX_ERROR, BDX_ERROR_PATTERN, "%s:%d:%ld: %s", ld->file,
               ld->line, col, what);
  return FALSE;
}

/* `[name]`, optionally followed by blanks and a `#` comment. */
static gboolean
parse_section (Loader *ld, const char *line, const char *p, const char *end,
               GError **error)
{
  const char *name = p + 1;
  const char *q = name;

  while (q < end && is_name_char (*q))
    q++;
  if (q == end)
    return fail_at (ld, error, line, q, "missing ']' after section name");
  if (*q != ']')
    return fail_at (ld, error, line, q, "invalid character in section name");
  if (q == name)
    return fail_at (ld, error, line, q, "empty section name");

  const char *rest = skip_blanks (q + 1, end);
  if (rest < end && *rest != '#')
    return fail_at (ld, error, line, rest,
                    "unexpected text after section header");

  ld->section = section_get (ld->set, name, q - name);
  return TRUE;
}

static gboolean
compile_regex (Loader *ld, BdxPattern *e, const char *line, const char *value,
               gsize len, GError **error)
{
  int code = 0;
  PCRE2_SIZE offset = 0;
  guint32 captures = 0, newline = 0;

  e->code = pcre2_compile_8 ((PCRE2_SPTR8) value, len, COMPILE_OPTIONS, &code,
                             &offset, NULL);
  if (e->code == NULL)
    {
      PCRE2_UCHAR8 message[256];

      if (pcre2_get_error_message_8 (code, message, sizeof message) < 0)
        g_strlcpy ((char *) message, "invalid regex", sizeof message);
      /* offset is in code units (bytes); fail_at converts to characters. */
      return fail_at (ld, error, line, value + MIN (offset, len), "%s",
                      (const char *) message);
    }

  pcre2_pattern_info_8 (e->code, PCRE2_INFO_CAPTURECOUNT, &captures);
  pcre2_pattern_info_8 (e->code, PCRE2_INFO_NEWLINE, &newline);
  e->n_groups = (int) captures + 1;
  e->crlf = newline == PCRE2_NEWLINE_CRLF || newline == PCRE2_NEWLINE_ANY
            || newline == PCRE2_NEWLINE_ANYCRLF;
  e->names = group_names (e->code);
  e->mctx = ld->set->mctx;
  return TRUE;
}

/* `key ~ REGEX` or `key = VALUE`; p is at the key's first character. */
static gboolean
parse_entry (Loader *ld, const char *line, const char *p, const char *end,
             GError **error)
{
  const char *key = p;

  while (p < end && is_name_char (*p))
    p++;

  int key_len = (int) (p - key);
  p = skip_blanks (p, end);
  if (p == end || (*p != '~' && *p != '='))
    return fail_at (ld, error, line, p, "expected '~' or '=' after key '%.*s'",
                    key_len, key);

  gboolean regex = *p == '~';
  const char *value = skip_blanks (p + 1, end);
  const char *value_end = end;

  while (value_end > value && is_blank (value_end[-1]))
    value_end--;
  if (ld->section == NULL)
    return fail_at (ld, error, line, key, "entry before any section");
  if (value == value_end)
    return fail_at (ld, error, line, value, "missing value for key '%.*s'",
                    key_len, key);

  g_autoptr (BdxPattern) e = g_new0 (BdxPattern, 1);

  e->key = g_strndup (key, key_len);
  e->source = g_strndup (value, value_end - value);
  e->file = ld->file;
  e->line = ld->line;
  e->n_groups = 1;
  if (regex
      && !compile_regex (ld, e, line, value, value_end - value, error))
    return FALSE;

  g_ptr_array_add (ld->section->entries, g_steal_pointer (&e));
  return TRUE;
}

static gboolean
parse_line (Loader *ld, const char *line, const char *end, GError **error)
{
  const char *p = skip_blanks (line, end);

  if (p == end || *p == '#')
    return TRUE;
  if (*p == '[')
    return parse_section (ld, line, p, end, error);
  if (is_name_char (*p))
    return parse_entry (ld, line, p, end, error);
  return fail_at (ld, error, line, p,
                  "expected '[section]', 'key ~ regex' or 'key = value'");
}

static gboolean
read_file (const char *path, char **text_out, gsize *len_out, GError **error)
{
  g_autoptr (FILE) f = fopen (path, "rb");
  g_autoptr (GString) text = NULL;
  char chunk[16384];
  size_t n;

  if (f == NULL)
    {
      int errsv = errno;

      g_set_error (error, BDX_ERROR, BDX_ERROR_IO, "cannot read '%s': %s",
                   path, g_strerror (errsv));
      return FALSE;
    }
  text = g_string_new (NULL);
  while ((n = fread (chunk, 1, sizeof chunk, f)) > 0)
    g_string_append_len (text, chunk, n);
  if (ferror (f))
    {
      g_set_error (error, BDX_ERROR, BDX_ERROR_IO, "cannot read '%s': %s",
                   path, g_strerror (EIO));
      return FALSE;
    }
  *len_out = text->len;
  *text_out = g_string_free (g_steal_pointer (&text), FALSE);
  return TRUE;
}

static gboolean
load_file (BdxPatterns *set, const char *dir, const char *file,
           GError **error)
{
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autofree char *text = NULL;
  gsize len = 0;
  Loader ld = { set, file, NULL, 0 };

  if (!read_file (path, &text, &len, error))
    return FALSE;

  const char *p = text;
  const char *end = text + len;
  const char *bad = NULL;

  if (len >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  if (!g_utf8_validate_len (p, end - p, &bad))
    {
      const char *line = p;

      ld.line = 1;
      for (const char *q = p; q < bad; q++)
        if (*q == '\n')
          {
            ld.line++;
            line = q + 1;
          }
      return fail_at (&ld, error, line, bad, "%s",
                      *bad == '\0' ? "NUL byte" : "invalid UTF-8");
    }

  while (p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *line_end = nl != NULL ? nl : end;

      if (line_end > p && line_end[-1] == '\r')
        line_end--;
      ld.line++;
      if (!parse_line (&ld, p, line_end, error))
        return FALSE;
      p = nl != NULL ? nl + 1 : end;
    }
  return TRUE;
}

static gint
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The base names of dir's pattern files, sorted. */
static GPtrArray *
list_files (const char *dir, GError **error)
{
  g_autoptr (DIR) d = opendir (dir);
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  struct dirent *ent;

  if (d == NULL)
    {
      int errsv = errno;

      g_set_error (error, BDX_ERROR, BDX_ERROR_IO,
                   "cannot open pattern directory '%s': %s", dir,
                   g_strerror (errsv));
      return NULL;
    }
  for (;;)
    {
      errno = 0;
      ent = readdir (d);
      if (ent == NULL)
        break;

      const char *name = ent->d_name;
      gsize n = strlen (name);

      if (name[0] == '.' || n <= 4 || strcmp (name + n - 4, ".pat") != 0)
        continue;

      g_autofree char *path = g_build_filename (dir, name, NULL);
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          g_debug ("skipping '%s': not a regular file", path);
          continue;
        }
      g_ptr_array_add (files, g_strdup (name));
    }
  if (errno != 0)
    {
      int errsv = errno;

      g_set_error (error, BDX_ERROR, BDX_ERROR_IO,
                   "cannot read pattern directory '%s': %s", dir,
                   g_strerror (errsv));
      return NULL;
    }
  if (files->len == 0)
    {
      g_set_error (error, BDX_ERROR, BDX_ERROR_PATTERN,
                   "no pattern files in '%s'", dir);
      return NULL;
    }
  g_ptr_array_sort (files, compare_names);
  return g_steal_pointer (&files);
}

BdxPatterns *
bdx_patterns_load (const char *dir, GError **error)
{
  g_return_val_if_fail (dir != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_autoptr (GPtrArray) files = list_files (dir, error);
  if (files == NULL)
    return NULL;

  g_autoptr (BdxPatterns) set = g_new0 (BdxPatterns, 1);
  g_atomic_ref_count_init (&set->ref);
  set->dir = g_strdup (dir);
  set->files = g_ptr_array_ref (files);
  set->sections = g_ptr_array_new_with_free_func (section_free);
  set->by_name = g_hash_table_new (g_str_hash, g_str_equal);
  set->mctx = pcre2_match_context_create_8 (NULL);
  if (set->mctx == NULL)
    g_error ("out of memory creating a pcre2 match context");
  pcre2_set_match_limit_8 (set->mctx, BDX_PATTERNS_MATCH_LIMIT);
  pcre2_set_depth_limit_8 (set->mctx, BDX_PATTERNS_DEPTH_LIMIT);
  pcre2_set_heap_limit_8 (set->mctx, BDX_PATTERNS_HEAP_LIMIT_KIB);

  for (guint i = 0; i < files->len; i++)
    if (!load_file (set, dir, g_ptr_array_index (files, i), error))
      return NULL;

  g_debug ("loaded %u sections from %u files in '%s'", set->sections->len,
           files->len, dir);
  return g_steal_pointer (&set);
}

BdxPatterns *
bdx_patterns_ref (BdxPatterns *p)
{
  g_return_val_if_fail (p != NULL, NULL);

  g_atomic_ref_count_inc (&p->ref);
  return p;
}

void
bdx_patterns_unref (BdxPatterns *p)
{
  if (p == NULL || !g_atomic_ref_count_dec (&p->ref))
    return;

  /* by_name borrows the section names: drop it first. */
  g_clear_pointer (&p->by_name, g_hash_table_unref);
  g_clear_pointer (&p->sections, g_ptr_array_unref);
  g_clear_pointer (&p->files, g_ptr_array_unref);
  g_clear_pointer (&p->mctx, pcre2_match_context_free_8);
  g_free (p->dir);
  g_free (p);
}

const char *
bdx_patterns_dir (const BdxPatterns *p)
{
  g_return_val_if_fail (p != NULL, NULL);

  return p->dir;
}

char *
bdx_patterns_default_dir (void)
{
  const char *env = g_getenv ("BDX_PATTERNS");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
#ifdef BDX_SOURCE_PATTERNS_DIR
  if (g_file_test (BDX_SOURCE_PATTERNS_DIR, G_FILE_TEST_IS_DIR))
    return g_strdup (BDX_SOURCE_PATTERNS_DIR);
#endif
#ifdef BDX_PATTERNS_DIR
  return g_strdup (BDX_PATTERNS_DIR);
#else
#error "the build must define BDX_PATTERNS_DIR, the installed pattern directory"
#endif
}

/* ---- Sections ---------------------------------------------------------- */

gboolean
bdx_patterns_has_section (const BdxPatterns *p, const char *section)
{
  g_return_val_if_fail (p != NULL, FALSE);
  g_return_val_if_fail (section != NULL, FALSE);

  return section_find (p, section) != NULL;
}

GPtrArray *
bdx_patterns_sections (const BdxPatterns *p, const char *prefix)
{
  g_return_val_if_fail (p != NULL, NULL);

  GPtrArray *names = g_ptr_array_new ();

  for (guint i = 0; i < p->sections->len; i++)
    {
      const Section *s = g_ptr_array_index (p->sections, i);

      if (prefix == NULL || g_str_has_prefix (s->name, prefix))
        g_ptr_array_add (names, s->name);
    }
  return names;
}

const GPtrArray *
bdx_patterns_entries (const BdxPatterns *p, const char *section)
{
  g_return_val_if_fail (p != NULL, NULL);
  g_return_val_if_fail (section != NULL, NULL);

  const Section *s = section_find (p, section);
  return s != NULL ? s->entries : NULL;
}

const BdxPattern *
bdx_patterns_lookup (const BdxPatterns *p, const char *section,
                     const char *key)
{
  g_return_val_if_fail (p != NULL, NULL);
  g_return_val_if_fail (section != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  const Section *s = section_find (p, section);
  if (s == NULL)
    return NULL;
  for (guint i = 0; i < s->entries->len; i++)
    {
      const BdxPattern *e = g_ptr_array_index (s->entries, i);

      if (strcmp (e->key, key) == 0)
        return e;
    }
  return NULL;
}

const char *
bdx_patterns_value (const BdxPatterns *p, const char *section,
                    const char *key)
{
  const BdxPattern *e = bdx_patterns_lookup (p, section, key);

  return e != NULL ? e->source : NULL;
}

/* ---- Entries ----------------------------------------------------------- */

const char *
bdx_pattern_key (const BdxPattern *e)
{
  g_return_val_if_fail (e != NULL, NULL);

  return e->key;
}

const char *
bdx_pattern_source (const BdxPattern *e)
{
  g_return_val_if_fail (e != NULL, NULL);

  return e->source;
}

gboolean
bdx_pattern_is_regex (const BdxPattern *e)
{
  g_return_val_if_fail (e != NULL, FALSE);

  return e->code != NULL;
}

const char *
bdx_pattern_file (const BdxPattern *e)
{
  g_return_val_if_fail (e != NULL, NULL);

  return e->file;
}

int
bdx_pattern_line (const BdxPattern *e)
{
  g_return_val_if_fail (e != NULL, 0);

  return e->line;
}

/* ---- Matching ---------------------------------------------------------- */

/* Compiling all of the set's 637 regexes at load was 5 % of a run's
 * instructions (callgrind, the bundled sample), and most entries are
 * matched only a few times in a document.  An entry is JIT-compiled
 * once matched this often: of 1, 8, 48, 200 and never, 8 gave the
 * fewest instructions on two of three documents and was within 1 % of
 * the best on the third. */
#define JIT_AFTER 8

static gboolean
jit_wanted (void)
{
  /* BDX_NO_JIT=1 keeps the interpreter: memory checkers such as valgrind
   * cannot see into JIT-compiled code and report false errors there. */
  static gsize once;
  static gboolean wanted;
  if (g_once_init_enter (&once))
    {
      const char *v = g_getenv ("BDX_NO_JIT");
      wanted = v == NULL || *v == '\0' || *v == '0';
      g_once_init_leave (&once, 1);
    }
  return wanted;
}

/* Makes e's JIT copy and publishes it; e->code when the JIT fails.
 * Called by one thread per entry (the JIT_AFTER-th use, or before the
 * set is shared); the lock only keeps the JIT compiler itself from
 * running in two threads at once. */
static const pcre2_code_8 *
jit_compile (BdxPattern *e)
{
  static GMutex lock;
  g_mutex_lock (&lock);
  pcre2_code_8 *copy = pcre2_code_copy_8 (e->code);
  int rc = copy != NULL ? pcre2_jit_compile_8 (copy, PCRE2_JIT_COMPLETE)
                        : PCRE2_ERROR_NOMEMORY;
  g_mutex_unlock (&lock);
  if (rc != 0)
    {
      PCRE2_UCHAR8 message[256];

      pcre2_get_error_message_8 (rc, message, sizeof message);
      g_debug ("%s:%d: no JIT for '%s' (%s): using the interpreter", e->file,
               e->line, e->key, (const char *) message);
      g_clear_pointer (&copy, pcre2_code_free_8);
      return e->code;
    }
  g_atomic_pointer_set (&e->jit, copy);
  return copy;
}

/* The code to match e with: its JIT copy once there is one, made here
 * on the JIT_AFTER-th use. */
static const pcre2_code_8 *
match_code (BdxPattern *e)
{
  pcre2_code_8 *jit = g_atomic_pointer_get (&e->jit);
  if (jit != NULL)
    return jit;
  if (g_atomic_int_get (&e->uses) >= JIT_AFTER
      || g_atomic_int_add (&e->uses, 1) != JIT_AFTER - 1 || !jit_wanted ())
    return e->code;
  return jit_compile (e);
}

void
bdx_patterns_jit_all (BdxPatterns *p)
{
  g_return_if_fail (p != NULL);
  if (!jit_wanted ())
    return;
  for (guint i = 0; i < p->sections->len; i++)
    {
      const Section *s = g_ptr_array_index (p->sections, i);
      for (guint j = 0; j < s->entries->len; j++)
        {
          BdxPattern *e = g_ptr_array_index (s->entries, j);
          /* Past JIT_AFTER first: no match compiles it meanwhile. */
          if (e->code != NULL
              && g_atomic_int_add (&e->uses, JIT_AFTER) < JIT_AFTER)
            (void)jit_compile (e);
        }
    }
}

/* One pcre2_match under the set's limits.  When the JIT runs out of its
 * stack, the interpreter (bounded by the depth and heap limits) gets a
 * second try.  Any failure other than "no match" is logged; the caller
 * treats every negative result as a non-match.  e is not const only for
 * its use count and JIT copy (see the top of this file). */
static int
run_match (const BdxPattern *ce, const char *subject, gsize len, gsize start,
           guint32 options, pcre2_match_data_8 *md)
{
  BdxPattern *e = (BdxPattern *) ce;
  int rc = pcre2_match_8 (match_code (e), (PCRE2_SPTR8) subject, len, start,
                          options, md, e->mctx);

  if (rc == PCRE2_ERROR_JIT_STACKLIMIT)
    rc = pcre2_match_8 (e->code, (PCRE2_SPTR8) subject, len, start,
                        options | PCRE2_NO_JIT, md, e->mctx);
  if (rc < 0 && rc != PCRE2_ERROR_NOMATCH)
    {
      PCRE2_UCHAR8 message[256];

      pcre2_get_error_message_8 (rc, message, sizeof message);
      g_debug ("%s:%d: '%s' on a %" G_GSIZE_FORMAT
               "-byte subject: %s; taken as no match",
               e->file, e->line, e->key, len, (const char *) message);
    }
  return rc;
}

static BdxMatch *
match_new (const BdxPattern *e, GBytes *subject, const PCRE2_SIZE *ovector,
           int rc)
{
  BdxMatch *m = g_malloc (sizeof *m + 2 * (gsize) e->n_groups * sizeof (gssize));

  m->subject = g_bytes_ref (subject);
  m->names = e->names != NULL ? g_ptr_array_ref (e->names) : NULL;
  m->n_groups = e->n_groups;
  for (int i = 0; i < e->n_groups; i++)
    {
      gboolean set = i < rc && ovector[2 * i] != PCRE2_UNSET;

      m->offsets[2 * i] = set ? (gssize) ovector[2 * i] : -1;
      m->offsets[2 * i + 1] = set ? (gssize) ovector[2 * i + 1] : -1;
    }
  return m;
}

static gboolean
literal_match (const BdxPattern *e, const char *subject, gsize len)
{
  return strlen (e->source) == len && memcmp (e->source, subject, len) == 0;
}

gboolean
bdx_pattern_match (const BdxPattern *e, const char *subject, gssize len,
                   BdxMatch **match_out)
{
  if (match_out != NULL)
    *match_out = NULL;
  g_return_val_if_fail (e != NULL, FALSE);
  g_return_val_if_fail (subject != NULL, FALSE);

  gsize n = len < 0 ? strlen (subject) : (gsize) len;

  if (e->code == NULL)
    {
      if (!literal_match (e, subject, n))
        return FALSE;
      if (match_out != NULL)
        {
          g_autoptr (GBytes) bytes = g_bytes_new (subject, n);
          PCRE2_SIZE whole[2] = { 0, n };

          *match_out = match_new (e, bytes, whole, 1);
        }
      return TRUE;
    }

  g_autoptr (pcre2_match_data_8) md =
    pcre2_match_data_create_from_pattern_8 (e->code, NULL);
  if (md == NULL)
    g_error ("out of memory creating pcre2 match data");

  int rc = run_match (e, subject, n, 0, 0, md);
  if (rc < 0)
    return FALSE;
  if (match_out != NULL)
    {
      g_autoptr (GBytes) bytes = g_bytes_new (subject, n);

      *match_out = match_new (e, bytes, pcre2_get_ovector_pointer_8 (md), rc);
    }
  return TRUE;
}

/* The offset of the character after the one at i.  Steps over CRLF as
 * one when the regex's newline convention includes CRLF, and over stray
 * continuation bytes of invalid UTF-8. */
static gsize
next_char (const char *s, gsize len, gsize i, gboolean crlf)
{
  if (crlf && i + 1 < len && s[i] == '\r' && s[i + 1] == '\n')
    return i + 2;
  i++;
  while (i < len && ((guchar) s[i] & 0xC0) == 0x80)
    i++;
  return i;
}

GPtrArray *
bdx_pattern_match_all (const BdxPattern *e, const char *subject, gssize len)
{
  g_return_val_if_fail (e != NULL, NULL);
  g_return_val_if_fail (subject != NULL, NULL);

  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) bdx_match_free);
  gsize n = len < 0 ? strlen (subject) : (gsize) len;

  if (e->code == NULL)
    {
      BdxMatch *m = NULL;

      if (bdx_pattern_match (e, subject, n, &m))
        g_ptr_array_add (out, m);
      return out;
    }

  g_autoptr (GBytes) bytes = g_bytes_new (subject, n);
  g_autoptr (pcre2_match_data_8) md =
    pcre2_match_data_create_from_pattern_8 (e->code, NULL);
  if (md == NULL)
    g_error ("out of memory creating pcre2 match data");

  /* As pcre2demo: after an empty match, look for a non-empty one at the
   * same place before stepping one character on. */
  gsize start = 0;
  guint32 options = 0;

  while (start <= n)
    {
      int rc = run_match (e, subject, n, start, options, md);

      if (rc == PCRE2_ERROR_NOMATCH && options != 0)
        {
          if (start >= n)
            break;
          start = next_char (subject, n, start, e->crlf);
          options = 0;
          continue;
        }
      if (rc < 0)
        break;

      const PCRE2_SIZE *ov = pcre2_get_ovector_pointer_8 (md);
      if (ov[0] > ov[1])
        break; /* \K moved the start past the end: no safe way on */
      g_ptr_array_add (out, match_new (e, bytes, ov, rc));
      start = ov[1];
      options = ov[0] == ov[1] ? PCRE2_NOTEMPTY_ATSTART | PCRE2_ANCHORED : 0;
    }
  return out;
}

const BdxPattern *
bdx_patterns_match_first (const BdxPatterns *p, const char *section,
                          const char *key, const char *subject,
                          BdxMatch **match_out)
{
  if (match_out != NULL)
    *match_out = NULL;
  g_return_val_if_fail (p != NULL, NULL);
  g_return_val_if_fail (section != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (subject != NULL, NULL);

  const Section *s = section_find (p, section);
  if (s == NULL)
    return NULL;
  for (guint i = 0; i < s->entries->len; i++)
    {
      const BdxPattern *e = g_ptr_array_index (s->entries, i);

      if (strcmp (e->key, key) == 0
          && bdx_pattern_match (e, subject, -1, match_out))
        return e;
    }
  return NULL;
}

const BdxPattern *
bdx_patterns_match_prefix (const BdxPatterns *p, const char *section,
                           const char *key_prefix, const char *subject,
                           BdxMatch **match_out)
{
  if (match_out != NULL)
    *match_out = NULL;
  g_return_val_if_fail (p != NULL, NULL);
  g_return_val_if_fail (section != NULL, NULL);
  g_return_val_if_fail (key_prefix != NULL, NULL);
  g_return_val_if_fail (subject != NULL, NULL);

  const Section *s = section_find (p, section);
  if (s == NULL)
    return NULL;
  for (guint i = 0; i < s->entries->len; i++)
    {
      const BdxPattern *e = g_ptr_array_index (s->entries, i);

      if (g_str_has_prefix (e->key, key_prefix)
          && bdx_pattern_match (e, subject, -1, match_out))
        return e;
    }
  return NULL;
}

/* ---- Match results ----------------------------------------------------- */

void
bdx_match_offsets (const BdxMatch *m, int n, gssize *start, gssize *end)
{
  gssize s = -1, e = -1;

  g_return_if_fail (m != NULL);

  if (n >= 0 && n < m->n_groups)
    {
      s = m->offsets[2 * n];
      e = m->offsets[2 * n + 1];
    }
  if (start != NULL)
    *start = s;
  if (end != NULL)
    *end = e;
}

char *
bdx_match_group (const BdxMatch *m, int n)
{
  gssize start, end;
  gsize size = 0;
  const char *data;

  g_return_val_if_fail (m != NULL, NULL);

  bdx_match_offsets (m, n, &start, &end);
  if (start < 0 || end < start)
    return NULL;
  data = g_bytes_get_data (m->subject, &size);
  g_assert ((gsize) end <= size);

  /* Not g_strndup: a subject given with a length may hold NUL bytes. */
  char *text = g_malloc ((gsize) (end - start) + 1);
  memcpy (text, data + start, end - start);
  text[end - start] = '\0';
  return text;
}

char *
bdx_match_named (const BdxMatch *m, const char *name)
{
  g_return_val_if_fail (m != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (m->names == NULL)
    return NULL;
  for (guint i = 0; i < m->names->len; i++)
    {
      const GroupName *g = g_ptr_array_index (m->names, i);

      if (strcmp (g->name, name) == 0 && (int) g->group < m->n_groups
          && m->offsets[2 * g->group] >= 0)
        return bdx_match_group (m, (int) g->group);
    }
  return NULL;
}

int
bdx_match_n_groups (const BdxMatch *m)
{
  g_return_val_if_fail (m != NULL, 0);

  return m->n_groups;
}

void
bdx_match_free (BdxMatch *m)
{
  if (m == NULL)
    return;
  g_bytes_unref (m->subject);
  if (m->names != NULL)
    g_ptr_array_unref (m->names);
  g_free (m);
}
