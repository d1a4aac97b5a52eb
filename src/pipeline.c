/* bdx — the pipeline: the one place that orders the stages.
 *
 *   read (read.c)  →  layout (layout.c)  →  segment (segment.c)
 *     →  parse (parse-*.c)  →  document facts (here)  →  validate
 *
 * Each page is read, laid out and then dropped except for its layout;
 * the layouts go to segmentation together, because tables continue
 * across pages and the outline spans the document.
 */
#include "bdx/pipeline.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "bdx/error.h"
#include "bdx/layout.h"
#include "bdx/parse.h"
#include "bdx/read.h"
#include "bdx/segment.h"
#include "bdx/text.h"
#include "bdx/validate.h"

static gboolean
dmatch (const BdxPatterns *p, const char *key, const char *text, BdxMatch **m)
{
  return bdx_patterns_match_first (p, "document", key, text, m) != NULL;
}

/* The unit most tables print; UNKNOWN when none does. */
static BdxUnit
common_unit (const BdxSegments *s)
{
  int count[BDX_UNIT_YI_YUAN + 1] = { 0 };
  for (guint i = 0; i < s->pieces->len; i++)
    {
      const BdxTablePiece *p = g_ptr_array_index (s->pieces, i);
      count[p->unit]++;
    }
  BdxUnit best = BDX_UNIT_UNKNOWN;
  for (int u = BDX_UNIT_YUAN; u <= BDX_UNIT_YI_YUAN; u++)
    if (count[u] > count[best] || (best == BDX_UNIT_UNKNOWN && count[u] > 0))
      best = u;
  return best;
}

/* Kind, year, department and date, from the cover and the captions.
 *
 * The department is the 编制部门 most captions print; failing that, a
 * cover line ending like an organization's name (局, 委员会 …) or the
 * part of the cover title before its year.  The year and the kind come
 * from the first cover line that names them.  The date is the last line
 * of the document that is nothing but a date. */
static void
document_facts (const BdxSegments *s, const BdxPatterns *p, BdxDisclosure *d)
{
  g_autoptr (GHashTable) depts = g_hash_table_new (g_str_hash, g_str_equal);
  const char *best = NULL;
  guint best_n = 0;
  for (guint i = 0; i < s->pieces->len; i++)
    {
      const BdxTablePiece *piece = g_ptr_array_index (s->pieces, i);
      if (piece->department == NULL)
        continue;
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (depts, piece->department)) + 1;
      g_hash_table_insert (depts, piece->department, GUINT_TO_POINTER (n));
      if (n > best_n)
        best = piece->department, best_n = n;
    }
  d->department = g_strdup (best);

  int first_page = s->lines->len > 0
                       ? ((BdxTextLine *) g_ptr_array_index (s->lines, 0))->page
                       : 0;
  for (guint i = 0; i < s->lines->len; i++)
    {
      const BdxTextLine *l = g_ptr_array_index (s->lines, i);
      if (l->page > first_page + 1)
        break;
      g_autoptr (BdxMatch) m = NULL;
      if (d->year == 0 && dmatch (p, "year", l->text, &m))
        {
          g_autofree char *y = bdx_match_named (m, "year");
          d->year = atoi (y);
          if (d->kind == BDX_KIND_UNKNOWN)
            d->kind = dmatch (p, "kind.final_accounts", l->text, NULL)
                          ? BDX_KIND_FINAL_ACCOUNTS
                          : BDX_KIND_BUDGET;
        }
      g_clear_pointer (&m, bdx_match_free);
      if (d->department == NULL && l->page == first_page)
        {
          if (dmatch (p, "department", l->text, &m))
            d->department = bdx_match_named (m, "name");
          else if (dmatch (p, "department_suffix", l->text, NULL)
                   && g_utf8_strlen (l->text, -1) <= 40)
            d->department = g_strdup (l->text);
        }
    }
  if (d->kind == BDX_KIND_UNKNOWN)
    for (guint i = 0; i < s->outline->len && d->kind == BDX_KIND_UNKNOWN; i++)
      {
        const BdxOutlineNode *n = g_ptr_array_index (s->outline, i);
        if (dmatch (p, "kind.final_accounts", n->heading, NULL))
          d->kind = BDX_KIND_FINAL_ACCOUNTS;
        else if (dmatch (p, "kind.budget", n->heading, NULL))
          d->kind = BDX_KIND_BUDGET;
      }

  for (guint i = s->lines->len; i-- > 0;)
    {
      const BdxTextLine *l = g_ptr_array_index (s->lines, i);
      g_autoptr (BdxMatch) m = NULL;
      if (!dmatch (p, "published", l->text, &m))
        continue;
      g_autofree char *y = bdx_match_named (m, "y");
      g_autofree char *mo = bdx_match_named (m, "m");
      g_autofree char *da = bdx_match_named (m, "d");
      g_autoptr (GDateTime) dt = g_date_time_new_utc (atoi (y), atoi (mo),
                                                      atoi (da), 0, 0, 0);
      if (dt != NULL)
        d->published = g_date_time_format (dt, "%Y-%m-%d");
      break;
    }
}

static void
move_outline (BdxSegments *s, BdxDisclosure *d)
{
  while (s->outline->len > 0)
    g_ptr_array_add (d->outline, g_ptr_array_steal_index (s->outline, 0));
}

typedef struct {
  GBytes *bytes;
  const char *display;
} Input;

static BdxDisclosure *
extract (const Input *inputs, guint n_inputs, const BdxExtractOptions *opts,
         GError **error)
{
  BdxExtractOptions o = opts ? *opts : (BdxExtractOptions){ 0 };
  g_autoptr (BdxPatterns) own = NULL;
  const BdxPatterns *pats = o.patterns;
  if (pats == NULL)
    {
      g_autofree char *dir = bdx_patterns_default_dir ();
      own = bdx_patterns_load (dir, error);
      if (own == NULL)
        return NULL;
      pats = own;
    }

  g_autoptr (BdxDisclosure) d = bdx_disclosure_new ();
  g_autoptr (GPtrArray) layouts
      = g_ptr_array_new_with_free_func ((GDestroyNotify) bdx_layout_free);
  int page_base = 0;
  g_autoptr (GString) paths = g_string_new (NULL);
  g_autoptr (GString) sums = g_string_new (NULL);

  for (guint f = 0; f < n_inputs; f++)
    {
      const Input *in = &inputs[f];
      BdxReadOptions ro = { .password = o.password,
                            .max_pages = o.max_pages,
                            .max_glyphs = o.max_glyphs };
      g_autoptr (BdxReader) r = bdx_reader_open_bytes (in->bytes, &ro, error);
      if (r == NULL)
        return NULL;

      gsize len;
      const guint8 *data = g_bytes_get_data (in->bytes, &len);
      g_autofree char *sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                          data, len);
      g_string_append_printf (paths, "%s%s", f ? " + " : "", in->display);
      g_string_append_printf (sums, "%s%s", f ? " + " : "", sum);

      int n = bdx_reader_n_pages (r);
      for (int i = 0; i < n; i++)
        {
          g_autoptr (BdxPage) page = bdx_reader_read_page (r, i, FALSE, error);
          if (page == NULL)
            return NULL;
          /* Rendering for rules is the dearest step: only where the text
           * looks like a table. */
          g_autoptr (BdxLayout) plain = bdx_layout_page (page, NULL);
          BdxLayout *layout = NULL;
          if (bdx_layout_looks_tabular (plain))
            {
              if (!bdx_reader_find_rules (r, page, error))
                return NULL;
              layout = bdx_layout_page (page, NULL);
            }
          else
            layout = g_steal_pointer (&plain);
          page->number += page_base;
          layout->page = page->number;
          int num = page->number;
          if (page->text_state == BDX_PAGE_TEXT)
            g_array_append_val (d->source.text_pages, num);
          else
            g_ptr_array_add (d->notices,
                             g_strdup_printf ("page %d has no text layer; "
                                              "it was not read", num));
          g_ptr_array_add (layouts, layout);
          if (o.progress && !o.progress (num, n + page_base, o.progress_data))
            {
              g_set_error (error, BDX_ERROR, BDX_ERROR_CANCELLED, "cancelled");
              return NULL;
            }
        }
      page_base += n;
    }
  d->source.path = g_string_free (g_steal_pointer (&paths), FALSE);
  d->source.sha256 = g_string_free (g_steal_pointer (&sums), FALSE);
  d->source.pages = page_base;

  g_autoptr (BdxSegments) s = bdx_segment (g_steal_pointer (&layouts), pats);
  d->unit = common_unit (s);
  document_facts (s, pats, d);
  if (!bdx_parse_tables (s, pats, d, error)
      || !bdx_parse_narrative (s, pats, d, error)
      || !bdx_parse_performance (s, pats, d, error))
    return NULL;
  move_outline (s, d);

  if (!o.no_validate)
    {
      g_autoptr (GError) verr = NULL;
      if (!bdx_validate (d, pats, NULL, &verr))
        {
          g_propagate_error (error, g_steal_pointer (&verr));
          return NULL;
        }
    }
  return g_steal_pointer (&d);
}

BdxDisclosure *
bdx_extract_bytes (GBytes *bytes, const char *display_path,
                   const BdxExtractOptions *opts, GError **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  Input in = { bytes, display_path ? display_path : "-" };
  return extract (&in, 1, opts, error);
}

BdxDisclosure *
bdx_extract_files (const char *const *paths, const BdxExtractOptions *opts,
                   GError **error)
{
  g_return_val_if_fail (paths != NULL && paths[0] != NULL, NULL);
  guint n = g_strv_length ((char **) paths);
  g_autofree Input *inputs = g_new0 (Input, n);
  g_autoptr (GPtrArray) maps
      = g_ptr_array_new_with_free_func ((GDestroyNotify) g_mapped_file_unref);
  g_autoptr (GPtrArray) bytes
      = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  for (guint i = 0; i < n; i++)
    {
      int fd = g_open (paths[i], O_RDONLY | O_CLOEXEC, 0);
      if (fd < 0)
        {
          int saved = errno;
          g_set_error (error, BDX_ERROR, BDX_ERROR_IO, "'%s': %s", paths[i],
                       g_strerror (saved));
          return NULL;
        }
      g_autoptr (GError) ferr = NULL;
      GMappedFile *map = g_mapped_file_new_from_fd (fd, FALSE, &ferr);
      close (fd);
      if (map == NULL)
        {
          g_set_error (error, BDX_ERROR, BDX_ERROR_IO, "'%s': %s", paths[i],
                       ferr->message);
          return NULL;
        }
      g_ptr_array_add (maps, map);
      GBytes *b = g_mapped_file_get_bytes (map);
      g_ptr_array_add (bytes, b);
      inputs[i].bytes = b;
      inputs[i].display = paths[i];
    }
  g_autoptr (GError) err = NULL;
  BdxDisclosure *d = extract (inputs, n, opts, &err);
  if (d == NULL)
    {
      /* Name the file, unless the error is not about the input. */
      if (err->code != BDX_ERROR_PATTERN && err->code != BDX_ERROR_CANCELLED)
        g_propagate_prefixed_error (error, g_steal_pointer (&err), "'%s': ",
                                    paths[0]);
      else
        g_propagate_error (error, g_steal_pointer (&err));
    }
  return d;
}

BdxDisclosure *
bdx_extract_file (const char *path, const BdxExtractOptions *opts,
                  GError **error)
{
  const char *paths[] = { path, NULL };
  return bdx_extract_files (paths, opts, error);
}

gboolean
bdx_disclosure_is_disclosure (const BdxDisclosure *d)
{
  for (guint i = 0; i < d->tables->len; i++)
    if (((BdxTable *) g_ptr_array_index (d->tables, i))->id != NULL)
      return TRUE;
  return d->performance->len > 0;
}
