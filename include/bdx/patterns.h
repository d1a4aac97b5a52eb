/* bdx — patterns: the wording of a region's documents, kept as data.
 *
 * A pattern set is a directory of `*.pat` files (docs/patterns.md): named
 * sections of `key ~ REGEX` and `key = VALUE` entries.  Users adapt bdx to
 * another region's wording by editing those files, without recompiling.
 *
 * Ownership: bdx_patterns_load() returns an owned, refcounted set
 * (bdx_patterns_ref/unref).  Everything reached through a set — entries
 * (BdxPattern), section arrays, names, values — is borrowed from it and
 * lives as long as the set.  A BdxMatch is owned by the caller
 * (bdx_match_free) and does not reference the set: it stays valid after
 * the set is gone.  Strings returned as `char *` are owned.
 *
 * Invariants: a set is immutable once loaded, so one set may be shared
 * read-only by any number of threads.  Every regex was compiled once at
 * load time with PCRE2_UTF | PCRE2_UCP (JIT where available, else the
 * interpreter).  Entries keep file order; a section's entries from
 * several files are appended in file-name order; callers rely on "first
 * match wins".  Matching is bounded by fixed match, depth and heap
 * limits (docs/patterns.md); a limit hit, like an invalid UTF-8
 * subject, is a non-match and never an error.
 */
#ifndef BDX_PATTERNS_H
#define BDX_PATTERNS_H

#include <glib.h>

#include "bdx/error.h"
#include "bdx/visibility.h"

G_BEGIN_DECLS

typedef struct _BdxPatterns BdxPatterns; /* a loaded set */
typedef struct _BdxPattern BdxPattern;   /* one entry, borrowed from its set */
typedef struct _BdxMatch BdxMatch;       /* one match's groups, owned */

/* Limits applied to every match (pcre2 match context), documented in
 * docs/patterns.md.  The depth limit binds only the interpreter: the JIT
 * has its own stack and ignores it. */
#define BDX_PATTERNS_MATCH_LIMIT 1000000
#define BDX_PATTERNS_DEPTH_LIMIT 10000
#define BDX_PATTERNS_HEAP_LIMIT_KIB 20480

/* ---- Loading ---------------------------------------------------------- */

/* Loads every `*.pat` file of dir, in byte order of file name.  Returns
 * an owned set, or NULL with
 *   BDX_ERROR_IO       dir (or a file in it) cannot be read;
 *   BDX_ERROR_PATTERN  no `*.pat` file in dir, or a file is invalid:
 *                      the message is "FILE:LINE:COL: what" (FILE is the
 *                      base name, COL counts characters from 1).
 * Loading stops at the first error. */
BDX_API BdxPatterns *bdx_patterns_load (const char *dir, GError **error);

BDX_API BdxPatterns *bdx_patterns_ref (BdxPatterns *p);
BDX_API void bdx_patterns_unref (BdxPatterns *p);

/* The directory the set was loaded from, as given to load. */
BDX_API const char *bdx_patterns_dir (const BdxPatterns *p);

/* JIT-compiles every regex of `p` now, instead of each on its 8th match:
 * for a process that forks one child per document (a harvest's worker
 * server), so that the children inherit the compiled code rather than
 * each compiling its own.  Call it before `p` is shared between threads. */
BDX_API void bdx_patterns_jit_all (BdxPatterns *p);

/* The default pattern directory; owned.  $BDX_PATTERNS when it is set and
 * not empty (even if it does not exist, so that a typo is reported by
 * load and not hidden); otherwise the source tree's patterns/ when it
 * exists (running from a build tree); otherwise the installed directory. */
BDX_API char *bdx_patterns_default_dir (void);

/* ---- Sections and entries --------------------------------------------- */

BDX_API gboolean bdx_patterns_has_section (const BdxPatterns *p,
                                           const char *section);

/* Names of the sections that start with prefix (NULL or "" for all), in
 * order of first appearance.  The array is owned (g_ptr_array_unref), the
 * strings in it are borrowed from the set. */
BDX_API GPtrArray *bdx_patterns_sections (const BdxPatterns *p,
                                          const char *prefix);

/* All entries (BdxPattern *) of a section, in order; borrowed.  NULL when
 * there is no such section. */
BDX_API const GPtrArray *bdx_patterns_entries (const BdxPatterns *p,
                                               const char *section);

/* The first entry of section with key, or NULL; borrowed. */
BDX_API const BdxPattern *bdx_patterns_lookup (const BdxPatterns *p,
                                               const char *section,
                                               const char *key);

/* The value text of the first entry of section with key (the literal of a
 * `=` entry, the regex source of a `~` entry), or NULL; borrowed. */
BDX_API const char *bdx_patterns_value (const BdxPatterns *p,
                                        const char *section,
                                        const char *key);

/* Entry accessors; all strings borrowed from the set. */
BDX_API const char *bdx_pattern_key (const BdxPattern *e);
BDX_API const char *bdx_pattern_source (const BdxPattern *e);
BDX_API gboolean bdx_pattern_is_regex (const BdxPattern *e);
BDX_API const char *bdx_pattern_file (const BdxPattern *e); /* base name */
BDX_API int bdx_pattern_line (const BdxPattern *e);         /* 1-based */

/* ---- Matching --------------------------------------------------------- */

/* Searches subject (len bytes, or NUL-terminated when len is -1) with the
 * entry's regex; the regex is not implicitly anchored (write ^ and $).
 * A literal (`=`) entry matches when subject equals it exactly, with
 * group 0 the whole subject.  On a match returns TRUE and, when
 * match_out is not NULL, stores an owned BdxMatch there; otherwise
 * returns FALSE and stores NULL.  Invalid UTF-8 in subject and a limit
 * hit are non-matches (logged with g_debug under "bdx-patterns"). */
BDX_API gboolean bdx_pattern_match (const BdxPattern *e, const char *subject,
                                    gssize len, BdxMatch **match_out);

/* Every non-overlapping match of the entry in subject, left to right, as
 * an owned array of owned BdxMatch * (freeing the array frees them).  An
 * empty match advances by one character.  A literal entry yields at most
 * one match, as bdx_pattern_match.  Scanning stops at a limit hit and
 * returns the matches found before it.  Never NULL. */
BDX_API GPtrArray *bdx_pattern_match_all (const BdxPattern *e,
                                          const char *subject, gssize len);

/* The first entry of section whose key is key and that matches subject;
 * borrowed, or NULL (no section, no such key, or no match).  match_out as
 * for bdx_pattern_match. */
BDX_API const BdxPattern *bdx_patterns_match_first (const BdxPatterns *p,
                                                    const char *section,
                                                    const char *key,
                                                    const char *subject,
                                                    BdxMatch **match_out);

/* The first entry of section whose key starts with key_prefix and that
 * matches subject; borrowed, or NULL.  The answer is usually the rest of
 * the key: bdx_pattern_key (e) + strlen (key_prefix) ("column.total"
 * with prefix "column." → "total").  match_out as for bdx_pattern_match. */
BDX_API const BdxPattern *bdx_patterns_match_prefix (const BdxPatterns *p,
                                                     const char *section,
                                                     const char *key_prefix,
                                                     const char *subject,
                                                     BdxMatch **match_out);

/* Group n (0 = the whole match) as an owned string, or NULL when the
 * group did not take part in the match or does not exist. */
BDX_API char *bdx_match_group (const BdxMatch *m, int n);

/* The named group (?<name>…) as an owned string, or NULL when unset or
 * when the regex has no group of that name.  With duplicate names (?J),
 * the first one that is set. */
BDX_API char *bdx_match_named (const BdxMatch *m, const char *name);

/* Byte offsets of group n in the subject: [*start, *end).  Both -1 when
 * the group is unset or does not exist.  start or end may be NULL. */
BDX_API void bdx_match_offsets (const BdxMatch *m, int n, gssize *start,
                                gssize *end);

/* Number of groups including group 0 (capture count + 1). */
BDX_API int bdx_match_n_groups (const BdxMatch *m);

/* Frees m; NULL is allowed. */
BDX_API void bdx_match_free (BdxMatch *m);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BdxPatterns, bdx_patterns_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BdxMatch, bdx_match_free)

G_END_DECLS

#endif
