/* Unit tests for the patterns module: loading pattern directories, the
 * exact FILE:LINE:COL error messages, matching under limits. */
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "bdx/patterns.h"
#include "pcre2-autoptr.h" /* only to know whether PCRE2_MATCH_INVALID_UTF */

/* ---- Temporary pattern directories ------------------------------------- */

typedef struct {
  const char *name;
  const char *text;
  gssize len; /* -1: NUL-terminated */
} TestFile;

static char *
make_dir (const TestFile *files, gsize n)
{
  GError *error = NULL;
  char *dir = g_dir_make_tmp ("bdx-patterns-XXXXXX", &error);

  g_assert_no_error (error);
  for (gsize i = 0; i < n; i++)
    {
      g_autofree char *path = g_build_filename (dir, files[i].name, NULL);

      if (files[i].text == NULL)
        g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
      else
        {
          g_file_set_contents (path, files[i].text, files[i].len, &error);
          g_assert_no_error (error);
        }
    }
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_dir (path);
      else
        g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Loads a directory made of files; the directory is removed again. */
static BdxPatterns *
load_files (const TestFile *files, gsize n, GError **error)
{
  g_autofree char *dir = make_dir (files, n);
  BdxPatterns *p = bdx_patterns_load (dir, error);

  remove_dir (dir);
  return p;
}

/* Loads one file named e.pat holding text and expects the error. */
static void
assert_load_error (const char *text, gssize len, const char *message)
{
  TestFile files[] = { { "e.pat", text, len } };
  g_autoptr (GError) error = NULL;
  g_autoptr (BdxPatterns) p = load_files (files, 1, &error);

  g_assert_null (p);
  g_assert_error (error, BDX_ERROR, BDX_ERROR_PATTERN);
  g_assert_cmpstr (error->message, ==, message);
}

/* One regex entry, compiled through a one-file set.  The set is returned
 * through set_out; entries are borrowed from it. */
static const BdxPattern *
regex_entry (const char *regex, BdxPatterns **set_out)
{
  g_autofree char *text = g_strdup_printf ("[s]\nr ~ %s\n", regex);
  TestFile files[] = { { "r.pat", text, -1 } };
  GError *error = NULL;

  *set_out = load_files (files, 1, &error);
  g_assert_no_error (error);
  return bdx_patterns_lookup (*set_out, "s", "r");
}

/* ---- The good set ------------------------------------------------------ */

/* a.pat starts with a byte-order mark and has a CRLF line. */
static const char good_a[] =
  "\xEF\xBB\xBF# revenue tables\n"
  "   # an indented comment\n"
  "\n"
  "[table.revenue_summary]   # the summary\n"
  "title ~ ^部门收入(总体情况|预算总)表$\n"
  "number = 2\r\n"
  "column.total ~ ^(总计|合计)$   \n"
  "column.total ~ ^收入总计$\n"
  "\tcolumn.other~^其他收入$\n"
  "[heading]\n"
  "unit ~ 单位[:：]\\s*(?<unit>万元|元)\n"
  "label = a # is part of the value\n";

static const char good_b[] =
  "[table.revenue_summary]\n"
  "column.total ~ ^总收入$\n"
  "number = 3\n"
  "[table.expense_summary]\n"
  "title ~ ^部门支出总表$";  /* no final newline */

static BdxPatterns *
load_good (void)
{
  TestFile files[] = {
    { "b.pat", good_b, -1 },
    { "a.pat", good_a, -1 },
    { "notes.txt", "not a pattern file", -1 },
    { ".hidden.pat", "garbage", -1 },
    { "dir.pat", NULL, 0 },
  };
  GError *error = NULL;
  BdxPatterns *p = load_files (files, G_N_ELEMENTS (files), &error);

  g_assert_no_error (error);
  g_assert_nonnull (p);
  return p;
}

static void
assert_entry (const GPtrArray *entries, guint i, const char *key,
              const char *source, gboolean regex, const char *file, int line)
{
  const BdxPattern *e = g_ptr_array_index (entries, i);

  g_assert_cmpstr (bdx_pattern_key (e), ==, key);
  g_assert_cmpstr (bdx_pattern_source (e), ==, source);
  g_assert_cmpint (bdx_pattern_is_regex (e), ==, regex);
  g_assert_cmpstr (bdx_pattern_file (e), ==, file);
  g_assert_cmpint (bdx_pattern_line (e), ==, line);
}

static void
test_load_good (void)
{
  g_autoptr (BdxPatterns) p = load_good ();
  g_autoptr (GPtrArray) all = bdx_patterns_sections (p, NULL);
  g_autoptr (GPtrArray) tables = bdx_patterns_sections (p, "table.");
  g_autoptr (GPtrArray) none = bdx_patterns_sections (p, "nothing.");
  const GPtrArray *entries;

  g_assert_nonnull (bdx_patterns_dir (p));

  /* First-appearance order over a.pat then b.pat. */
  g_assert_cmpuint (all->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (all, 0), ==, "table.revenue_summary");
  g_assert_cmpstr (g_ptr_array_index (all, 1), ==, "heading");
  g_assert_cmpstr (g_ptr_array_index (all, 2), ==, "table.expense_summary");
  g_assert_cmpuint (tables->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (tables, 1), ==, "table.expense_summary");
  g_assert_cmpuint (none->len, ==, 0);

  g_assert_true (bdx_patterns_has_section (p, "heading"));
  g_assert_false (bdx_patterns_has_section (p, "table"));
  g_assert_null (bdx_patterns_entries (p, "table"));

  /* Entries keep file order; b.pat's are appended after a.pat's. */
  entries = bdx_patterns_entries (p, "table.revenue_summary");
  g_assert_nonnull (entries);
  g_assert_cmpuint (entries->len, ==, 7);
  assert_entry (entries, 0, "title", "^部门收入(总体情况|预算总)表$", TRUE,
                "a.pat", 5);
  assert_entry (entries, 1, "number", "2", FALSE, "a.pat", 6);
  assert_entry (entries, 2, "column.total", "^(总计|合计)$", TRUE, "a.pat", 7);
  assert_entry (entries, 3, "column.total", "^收入总计$", TRUE, "a.pat", 8);
  assert_entry (entries, 4, "column.other", "^其他收入$", TRUE, "a.pat", 9);
  assert_entry (entries, 5, "column.total", "^总收入$", TRUE, "b.pat", 2);
  assert_entry (entries, 6, "number", "3", FALSE, "b.pat", 3);

  entries = bdx_patterns_entries (p, "table.expense_summary");
  g_assert_cmpuint (entries->len, ==, 1);
  assert_entry (entries, 0, "title", "^部门支出总表$", TRUE, "b.pat", 5);

  /* lookup and value: the first entry wins. */
  g_assert_cmpstr (bdx_patterns_value (p, "table.revenue_summary", "number"),
                   ==, "2");
  g_assert_cmpstr (bdx_patterns_value (p, "heading", "label"), ==,
                   "a # is part of the value");
  g_assert_cmpstr (bdx_patterns_value (p, "table.revenue_summary",
                                       "column.total"),
                   ==, "^(总计|合计)$");
  g_assert_null (bdx_patterns_value (p, "table.revenue_summary", "nope"));
  g_assert_null (bdx_patterns_value (p, "nope", "number"));
  g_assert_cmpint (
    bdx_pattern_line (bdx_patterns_lookup (p, "heading", "unit")), ==, 11);
}

static void
test_match_first_prefix (void)
{
  g_autoptr (BdxPatterns) p = load_good ();
  const char *s = "table.revenue_summary";
  const BdxPattern *e;
  BdxMatch *m = NULL;

  e = bdx_patterns_match_first (p, s, "title", "部门收入预算总表", &m);
  g_assert_nonnull (e);
  g_assert_nonnull (m);
  g_autofree char *g1 = bdx_match_group (m, 1);
  g_assert_cmpstr (g1, ==, "预算总");
  g_clear_pointer (&m, bdx_match_free);

  g_assert_null (bdx_patterns_match_first (p, s, "title", "部门支出总表", &m));
  g_assert_null (m);
  g_assert_null (bdx_patterns_match_first (p, "nope", "title", "x", &m));
  g_assert_null (m);

  /* The second column.total entry of a.pat, then b.pat's. */
  e = bdx_patterns_match_first (p, s, "column.total", "收入总计", NULL);
  g_assert_cmpint (bdx_pattern_line (e), ==, 8);
  e = bdx_patterns_match_first (p, s, "column.total", "总收入", NULL);
  g_assert_cmpstr (bdx_pattern_file (e), ==, "b.pat");

  /* A literal matches only the whole subject. */
  e = bdx_patterns_match_first (p, s, "number", "3", &m);
  g_assert_cmpint (bdx_pattern_line (e), ==, 3);
  g_autofree char *g0 = bdx_match_group (m, 0);
  g_assert_cmpstr (g0, ==, "3");
  g_clear_pointer (&m, bdx_match_free);
  g_assert_null (bdx_patterns_match_first (p, s, "number", "23", NULL));

  /* Prefix: the key's suffix is the answer. */
  e = bdx_patterns_match_prefix (p, s, "column.", "合计", &m);
  g_assert_nonnull (e);
  g_assert_cmpstr (bdx_pattern_key (e) + strlen ("column."), ==, "total");
  g_clear_pointer (&m, bdx_match_free);
  e = bdx_patterns_match_prefix (p, s, "column.", "其他收入", NULL);
  g_assert_cmpstr (bdx_pattern_key (e), ==, "column.other");
  e = bdx_patterns_match_prefix (p, s, "column.", "总收入", NULL);
  g_assert_cmpstr (bdx_pattern_file (e), ==, "b.pat");
  g_assert_null (bdx_patterns_match_prefix (p, s, "column.", "支出", &m));
  g_assert_null (m);
}

static void
test_ref_and_match_lifetime (void)
{
  BdxPatterns *p = load_good ();
  BdxMatch *m = NULL;

  g_assert_true (bdx_patterns_ref (p) == p);
  bdx_patterns_unref (p);

  g_assert_nonnull (
    bdx_patterns_match_first (p, "heading", "unit", "单位：万元", &m));
  bdx_patterns_unref (p);

  /* The match does not reference the set. */
  g_autofree char *unit = bdx_match_named (m, "unit");
  g_assert_cmpstr (unit, ==, "万元");
  bdx_match_free (m);
  bdx_match_free (NULL);
  bdx_patterns_unref (NULL);
}

/* ---- Errors ------------------------------------------------------------ */

static void
test_error_forms (void)
{
  assert_load_error ("key = v\n", -1, "e.pat:1:1: entry before any section");
  assert_load_error ("# c\n\n  key ~ x\n", -1,
                     "e.pat:3:3: entry before any section");
  assert_load_error ("[s]\n!!!\n", -1,
                     "e.pat:2:1: expected '[section]', 'key ~ regex' or "
                     "'key = value'");
  assert_load_error ("[s]\n  「中」\n", -1,
                     "e.pat:2:3: expected '[section]', 'key ~ regex' or "
                     "'key = value'");
  assert_load_error ("[s]\nkey value\n", -1,
                     "e.pat:2:5: expected '~' or '=' after key 'key'");
  assert_load_error ("[s]\nkey\n", -1,
                     "e.pat:2:4: expected '~' or '=' after key 'key'");
  assert_load_error ("[s]\nkey: v\n", -1,
                     "e.pat:2:4: expected '~' or '=' after key 'key'");
  assert_load_error ("[s]\nkey =   \n", -1,
                     "e.pat:2:9: missing value for key 'key'");
  assert_load_error ("[s]\nkey ~\n", -1,
                     "e.pat:2:6: missing value for key 'key'");
  assert_load_error ("[]\n", -1, "e.pat:1:2: empty section name");
  assert_load_error ("[a b]\n", -1,
                     "e.pat:1:3: invalid character in section name");
  assert_load_error ("[表]\n", -1,
                     "e.pat:1:2: invalid character in section name");
  assert_load_error ("[abc\n", -1, "e.pat:1:5: missing ']' after section name");
  assert_load_error ("[abc] x\n", -1,
                     "e.pat:1:7: unexpected text after section header");
  /* A CRLF file counts lines the same. */
  assert_load_error ("[s]\r\nk = v\r\n[\r\n", -1,
                     "e.pat:3:2: missing ']' after section name");
}

static void
test_error_regex_column (void)
{
  /* pcre2 reports a byte offset; the column counts characters.
   * "title ~ " is 8 characters, so the regex starts at column 9. */
  assert_load_error ("[s]\n\ntitle ~ ^部门(收入\n", -1,
                     "e.pat:3:15: missing closing parenthesis");
  assert_load_error ("[s]\ntitle ~ 收入)合计\n", -1,
                     "e.pat:2:11: unmatched closing parenthesis");
  assert_load_error ("[s]\n  k~   中文[\n", -1,
                     "e.pat:2:11: missing terminating ] for character class");
  /* \C is refused: it could split a UTF-8 character.  For an escape,
   * pcre2's offset is just past it. */
  assert_load_error ("[s]\nk ~ 中\\C\n", -1,
                     "e.pat:2:8: using \\C is disabled by the application");
}

static void
test_error_encoding (void)
{
  assert_load_error ("[s]\nk = 中\xff\n", -1, "e.pat:2:6: invalid UTF-8");
  assert_load_error ("[s]\nk = 中\xe4\xb8\n", -1, "e.pat:2:6: invalid UTF-8");
  assert_load_error ("[s]\nk = a\0b\n", 12, "e.pat:2:6: NUL byte");
}

static void
test_error_stops_at_first_file (void)
{
  TestFile files[] = {
    { "b.pat", "[s]\nk ~ (\n", -1 },
    { "a.pat", "[s]\nk = 1\n", -1 },
    { "c.pat", "garbage\n", -1 },
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (BdxPatterns) p = load_files (files, 3, &error);

  g_assert_null (p);
  g_assert_error (error, BDX_ERROR, BDX_ERROR_PATTERN);
  g_assert_cmpstr (error->message, ==,
                   "b.pat:2:6: missing closing parenthesis");
}

/* Each file opens its own section: the previous file's does not carry. */
static void
test_error_section_per_file (void)
{
  TestFile files[] = {
    { "a.pat", "[s]\nk = 1\n", -1 },
    { "b.pat", "# more of s?\nk = 2\n", -1 },
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (BdxPatterns) p = load_files (files, 2, &error);

  g_assert_null (p);
  g_assert_error (error, BDX_ERROR, BDX_ERROR_PATTERN);
  g_assert_cmpstr (error->message, ==, "b.pat:2:1: entry before any section");
}

static void
test_error_directories (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = make_dir (NULL, 0);
  g_autofree char *missing = g_build_filename (dir, "missing", NULL);
  g_autofree char *file = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *expected = NULL;
  BdxPatterns *p;

  /* No *.pat file. */
  g_file_set_contents (file, "[s]\n", -1, &error);
  g_assert_no_error (error);
  p = bdx_patterns_load (dir, &error);
  g_assert_null (p);
  g_assert_error (error, BDX_ERROR, BDX_ERROR_PATTERN);
  expected = g_strdup_printf ("no pattern files in '%s'", dir);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  /* Missing, and not a directory. */
  p = bdx_patterns_load (missing, &error);
  g_assert_null (p);
  g_assert_error (error, BDX_ERROR, BDX_ERROR_IO);
  g_free (expected);
  expected = g_strdup_printf ("cannot open pattern directory '%s': ", missing);
  g_assert_true (g_str_has_prefix (error->message, expected));
  g_clear_error (&error);

  p = bdx_patterns_load (file, &error);
  g_assert_null (p);
  g_assert_error (error, BDX_ERROR, BDX_ERROR_IO);
  g_clear_error (&error);

  remove_dir (dir);
}

static void
test_default_dir (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("BDX_PATTERNS"));
  g_autofree char *from_env = NULL;
  g_autofree char *fallback = NULL;

  g_setenv ("BDX_PATTERNS", "some/where", TRUE);
  from_env = bdx_patterns_default_dir ();
  g_assert_cmpstr (from_env, ==, "some/where");

  g_unsetenv ("BDX_PATTERNS");
  fallback = bdx_patterns_default_dir ();
  g_assert_nonnull (fallback);
  g_assert_cmpstr (fallback, !=, "some/where");

  if (saved != NULL)
    g_setenv ("BDX_PATTERNS", saved, TRUE);
}

/* ---- Matching ---------------------------------------------------------- */

static void
test_match_limits (void)
{
  g_autoptr (BdxPatterns) p = NULL;
  const BdxPattern *e = regex_entry ("^(a+)+$", &p);
  gsize n = 100000;
  g_autofree char *subject = g_malloc (n + 2);
  BdxMatch *m = NULL;
  gint64 t0;

  memset (subject, 'a', n);
  subject[n] = 'b';
  subject[n + 1] = '\0';

  t0 = g_get_monotonic_time ();
  g_assert_false (bdx_pattern_match (e, subject, -1, &m));
  g_assert_null (m);
  g_autoptr (GPtrArray) all = bdx_pattern_match_all (e, subject, -1);
  g_assert_cmpuint (all->len, ==, 0);
  /* Generous for a sanitizer build; without limits this never ends. */
  g_assert_cmpint (g_get_monotonic_time () - t0, <, 5 * G_USEC_PER_SEC);

  /* The same regex still works on a sane subject. */
  g_assert_true (bdx_pattern_match (e, "aaaa", -1, NULL));

  /* Deep nesting of a group repeat: a limit, not a crash. */
  g_autoptr (BdxPatterns) p2 = NULL;
  const BdxPattern *deep = regex_entry ("^(?:(a|b)(?:c|d)?)*x$", &p2);
  g_autoptr (GString) s = g_string_new (NULL);
  for (int i = 0; i < 200000; i++)
    g_string_append (s, "ac");
  g_string_append (s, "yx"); /* 'x' is there, so no quick rejection */
  t0 = g_get_monotonic_time ();
  g_assert_false (bdx_pattern_match (deep, s->str, s->len, NULL));
  g_assert_cmpint (g_get_monotonic_time () - t0, <, 5 * G_USEC_PER_SEC);
}

/* Matches must not change when an entry gets its JIT code, and the
 * limits must still hold in JIT code.  The code comes from JIT_AFTER
 * matches (src/patterns.c) or, with up_front, from
 * bdx_patterns_jit_all(), as a harvest's worker server calls it before it
 * forks (twice here: a second call changes nothing). */
static void
check_jit (gboolean up_front)
{
  g_autoptr (BdxPatterns) p = NULL;
  const BdxPattern *e = regex_entry ("(\\d+)(?:\\.(\\d+))?万元|合计", &p);
  const char *subjects[] = { "收入12.5万元", "合计", "无", "3万元和4万元" };
  gssize first[G_N_ELEMENTS (subjects)][6];

  for (int round = 0; round < 20; round++) /* well past JIT_AFTER */
    {
      if (up_front && (round == 1 || round == 2))
        bdx_patterns_jit_all (p);
      for (guint k = 0; k < G_N_ELEMENTS (subjects); k++)
        {
          g_autoptr (BdxMatch) m = NULL;
          gboolean hit = bdx_pattern_match (e, subjects[k], -1, &m);
          gssize got[6] = { -2, -2, -2, -2, -2, -2 };
          if (hit)
            for (int g = 0; g < 3; g++)
              bdx_match_offsets (m, g, &got[2 * g], &got[2 * g + 1]);
          g_assert_true (hit == (k != 2));
          if (round == 0)
            memcpy (first[k], got, sizeof got);
          else
            g_assert_cmpmem (first[k], sizeof got, got, sizeof got);
        }
    }

  g_autoptr (BdxPatterns) p2 = NULL;
  const BdxPattern *bad = regex_entry ("^(a+)+$", &p2);
  if (up_front)
    bdx_patterns_jit_all (p2);
  gsize n = 100000;
  g_autofree char *subject = g_malloc (n + 2);
  memset (subject, 'a', n);
  subject[n] = 'b';
  subject[n + 1] = '\0';
  gint64 t0 = g_get_monotonic_time ();
  for (int round = 0; round < 12; round++)
    {
      g_assert_false (bdx_pattern_match (bad, subject, -1, NULL));
      g_assert_true (bdx_pattern_match (bad, "aaaa", -1, NULL));
    }
  g_assert_cmpint (g_get_monotonic_time () - t0, <, 30 * G_USEC_PER_SEC);
}

static void
test_match_jit_later (void)
{
  check_jit (FALSE);
}

static void
test_match_jit_all (void)
{
  check_jit (TRUE);
}

static void
test_match_named (void)
{
  g_autoptr (BdxPatterns) p = NULL;
  const BdxPattern *e =
    regex_entry ("(?<year>\\d{4})年(?<kind>预算|决算)?", &p);
  g_autoptr (BdxMatch) m = NULL;
  gssize start, end;

  g_assert_true (bdx_pattern_match (e, "北京市2024年部门", -1, &m));
  g_autofree char *year = bdx_match_named (m, "year");
  g_autofree char *kind = bdx_match_named (m, "kind");
  g_autofree char *nope = bdx_match_named (m, "nope");
  g_assert_cmpstr (year, ==, "2024");
  g_assert_null (kind);
  g_assert_null (nope);
  g_assert_cmpint (bdx_match_n_groups (m), ==, 3);
  bdx_match_offsets (m, 1, &start, &end);
  g_assert_cmpint (start, ==, 9); /* 北京市 is 9 bytes */
  bdx_match_offsets (m, 0, &start, &end);
  g_assert_cmpint (end, ==, 16);
  bdx_match_offsets (m, 2, &start, &end);
  g_assert_cmpint (start, ==, -1);
  g_assert_cmpint (end, ==, -1);
  bdx_match_offsets (m, 3, &start, NULL);
  g_assert_cmpint (start, ==, -1);
  bdx_match_offsets (m, -1, NULL, &end);
  g_assert_cmpint (end, ==, -1);
  g_assert_null (bdx_match_group (m, 2));
  g_assert_null (bdx_match_group (m, 3));

  /* Duplicate names: the one that is set. */
  g_autoptr (BdxPatterns) p2 = NULL;
  const BdxPattern *dup = regex_entry ("(?J)(?<n>甲)|(?<n>乙)", &p2);
  g_autoptr (BdxMatch) m2 = NULL;
  g_assert_true (bdx_pattern_match (dup, "乙", -1, &m2));
  g_autofree char *n = bdx_match_named (m2, "n");
  g_assert_cmpstr (n, ==, "乙");

  /* No named groups at all. */
  g_autoptr (BdxPatterns) p3 = NULL;
  const BdxPattern *plain = regex_entry ("(合计)", &p3);
  g_autoptr (BdxMatch) m3 = NULL;
  g_assert_true (bdx_pattern_match (plain, "合计", -1, &m3));
  g_assert_null (bdx_match_named (m3, "x"));
}

static void
test_match_all (void)
{
  g_autoptr (BdxPatterns) p = NULL;
  const BdxPattern *e = regex_entry ("(\\d+(?:\\.\\d+)?)万元", &p);
  const char *text = "收入100.5万元，支出20万元。";
  g_autoptr (GPtrArray) all = bdx_pattern_match_all (e, text, -1);
  gssize start, end;

  g_assert_cmpuint (all->len, ==, 2);
  g_autofree char *a = bdx_match_group (g_ptr_array_index (all, 0), 1);
  g_autofree char *b = bdx_match_group (g_ptr_array_index (all, 1), 1);
  g_assert_cmpstr (a, ==, "100.5");
  g_assert_cmpstr (b, ==, "20");
  bdx_match_offsets (g_ptr_array_index (all, 1), 0, &start, &end);
  g_assert_cmpint (start, ==, strlen ("收入100.5万元，支出"));
  g_assert_cmpint (end, ==, strlen ("收入100.5万元，支出20万元"));

  /* Empty matches step one character (not one byte) at a time. */
  g_autoptr (BdxPatterns) p2 = NULL;
  const BdxPattern *empty = regex_entry ("x*", &p2);
  g_autoptr (GPtrArray) e_all = bdx_pattern_match_all (empty, "a中b", -1);
  static const gssize at[] = { 0, 1, 4, 5 };
  g_assert_cmpuint (e_all->len, ==, G_N_ELEMENTS (at));
  for (guint i = 0; i < e_all->len; i++)
    {
      bdx_match_offsets (g_ptr_array_index (e_all, i), 0, &start, &end);
      g_assert_cmpint (start, ==, at[i]);
      g_assert_cmpint (end, ==, at[i]);
    }

  /* An empty match followed by a non-empty one at the same place. */
  g_autoptr (BdxPatterns) p3 = NULL;
  const BdxPattern *alt = regex_entry ("x*|元", &p3);
  g_autoptr (GPtrArray) alt_all = bdx_pattern_match_all (alt, "元", -1);
  /* As Perl: empty at 0, "元" at 0, empty at the end. */
  g_assert_cmpuint (alt_all->len, ==, 3);
  g_autofree char *second = bdx_match_group (g_ptr_array_index (alt_all, 1), 0);
  g_assert_cmpstr (second, ==, "元");
  bdx_match_offsets (g_ptr_array_index (alt_all, 2), 0, &start, &end);
  g_assert_cmpint (start, ==, 3);
  g_assert_cmpint (end, ==, 3);

  /* None, and a literal entry. */
  g_autoptr (GPtrArray) none = bdx_pattern_match_all (e, "无金额", -1);
  g_assert_cmpuint (none->len, ==, 0);

  g_autoptr (BdxPatterns) good = load_good ();
  const BdxPattern *lit =
    bdx_patterns_lookup (good, "table.revenue_summary", "number");
  g_autoptr (GPtrArray) l1 = bdx_pattern_match_all (lit, "2", -1);
  g_autoptr (GPtrArray) l0 = bdx_pattern_match_all (lit, "2 2", -1);
  g_assert_cmpuint (l1->len, ==, 1);
  g_assert_cmpuint (l0->len, ==, 0);
}

static void
test_match_utf8 (void)
{
  g_autoptr (BdxPatterns) p = NULL;
  const BdxPattern *e = regex_entry ("^\\s*(\\w+)单位[:：]\\s*(\\p{Han}+)$", &p);
  g_autoptr (BdxMatch) m = NULL;

  /* UCP: \s knows the ideographic space, \w knows Han characters. */
  g_assert_true (bdx_pattern_match (e, "\u3000表一单位：　万元", -1, &m));
  g_autofree char *g1 = bdx_match_group (m, 1);
  g_autofree char *g2 = bdx_match_group (m, 2);
  g_assert_cmpstr (g1, ==, "表一");
  g_assert_cmpstr (g2, ==, "万元");

  /* A length shorter than the string, and a subject holding NUL. */
  g_autoptr (BdxPatterns) p2 = NULL;
  const BdxPattern *yuan = regex_entry ("元$", &p2);
  g_assert_true (bdx_pattern_match (yuan, "万元合计", strlen ("万元"), NULL));
  g_assert_false (bdx_pattern_match (yuan, "万元合计", -1, NULL));

  g_autoptr (BdxMatch) nul = NULL;
  g_assert_true (bdx_pattern_match (yuan, "a\0元", 5, &nul));
  gssize start;
  bdx_match_offsets (nul, 0, &start, NULL);
  g_assert_cmpint (start, ==, 2);
}

static void
test_match_invalid_utf8 (void)
{
  g_autoptr (BdxPatterns) p = NULL;
  const BdxPattern *e = regex_entry ("收入", &p);
  static const char *subjects[] = {
    "部门\xff\xfe收入", "部\xe9", "\xe6\x94", "\x80\x80\x80收入\xc0\xaf",
    "收入\xed\xa0\x80", /* a UTF-16 surrogate, encoded */
  };

  for (gsize i = 0; i < G_N_ELEMENTS (subjects); i++)
    {
      BdxMatch *m = NULL;

      /* Either a match in a valid stretch or a non-match: never a crash. */
      if (bdx_pattern_match (e, subjects[i], -1, &m))
        {
          g_autofree char *g0 = bdx_match_group (m, 0);
          g_assert_cmpstr (g0, ==, "收入");
        }
      bdx_match_free (m);

      g_autoptr (GPtrArray) all = bdx_pattern_match_all (e, subjects[i], -1);
      g_assert_cmpuint (all->len, <=, 1);
    }

#ifdef PCRE2_MATCH_INVALID_UTF
  /* With pcre2 >= 10.34, valid stretches of an invalid subject match. */
  g_autoptr (BdxMatch) m = NULL;
  gssize start;
  g_assert_true (bdx_pattern_match (e, subjects[0], -1, &m));
  bdx_match_offsets (m, 0, &start, NULL);
  g_assert_cmpint (start, ==, 8);
  g_assert_false (bdx_pattern_match (e, subjects[1], -1, NULL));
#endif

  /* Empty matches over invalid bytes still end. */
  g_autoptr (BdxPatterns) p2 = NULL;
  const BdxPattern *empty = regex_entry ("x*", &p2);
  g_autoptr (GPtrArray) all = bdx_pattern_match_all (empty, "\xff\x80中\xe4", -1);
  g_assert_cmpuint (all->len, <=, 8);
}

/* A set is shared read-only by threads. */
static gpointer
match_worker (gpointer data)
{
  const BdxPatterns *p = data;

  for (int i = 0; i < 500; i++)
    {
      g_autoptr (BdxMatch) m = NULL;
      const BdxPattern *e = bdx_patterns_match_prefix (
        p, "table.revenue_summary", "column.", i % 2 ? "合计" : "总收入", &m);

      g_assert_nonnull (e);
      g_autofree char *g0 = bdx_match_group (m, 0);
      g_assert_nonnull (g0);
    }
  return NULL;
}

static void
test_match_threads (void)
{
  g_autoptr (BdxPatterns) p = load_good ();
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("match", match_worker, p);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/patterns/load/good", test_load_good);
  g_test_add_func ("/patterns/load/ref-and-match-lifetime",
                   test_ref_and_match_lifetime);
  g_test_add_func ("/patterns/load/default-dir", test_default_dir);
  g_test_add_func ("/patterns/error/forms", test_error_forms);
  g_test_add_func ("/patterns/error/regex-column", test_error_regex_column);
  g_test_add_func ("/patterns/error/encoding", test_error_encoding);
  g_test_add_func ("/patterns/error/first-file-stops",
                   test_error_stops_at_first_file);
  g_test_add_func ("/patterns/error/section-per-file",
                   test_error_section_per_file);
  g_test_add_func ("/patterns/error/directories", test_error_directories);
  g_test_add_func ("/patterns/match/first-prefix", test_match_first_prefix);
  g_test_add_func ("/patterns/match/limits", test_match_limits);
  g_test_add_func ("/patterns/match/named", test_match_named);
  g_test_add_func ("/patterns/match/jit-later", test_match_jit_later);
  g_test_add_func ("/patterns/match/jit-all", test_match_jit_all);
  g_test_add_func ("/patterns/match/all", test_match_all);
  g_test_add_func ("/patterns/match/utf8", test_match_utf8);
  g_test_add_func ("/patterns/match/invalid-utf8", test_match_invalid_utf8);
  g_test_add_func ("/patterns/match/threads", test_match_threads);

  return g_test_run ();
}
