/* bdx — the pipeline: the one place that orders the stages.
 *
 *   read (read.c)  →  layout (layout.c)  →  segment (segment.c)
 *     →  parse (parse-*.c)  →  document facts (here)  →  validate
 *
 * Each page is read, laid out and then dropped except for its layout;
 * the layouts go to segmentation together, because tables continue
 * across pages and the outline spans the document.
 *
 * Pages that go to OCR (ocr.h) take another road to the same layout:
 *
 *   read: text layer, triage  ─┐ (no text, garbled, or --ocr always)
 *   picture: rendered here (poppler is not thread-safe), or decoded
 *     ─→ worker thread:  prepare  →  read page  →  layout
 *                        →  read cells again  →  layout again
 *
 * Workers run while this thread reads on; at most two pictures per
 * worker wait, which bounds memory.  Layouts are put back in page order
 * before segmentation.
 */
#include "bdx/pipeline.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "bdx/error.h"
#include "bdx/layout.h"
#include "bdx/ocr.h"
#include "bdx/parse.h"
#include "bdx/read.h"
#include "bdx/segment.h"
#include "bdx/text.h"
#include "bdx/validate.h"
#include "digest.h"
#include "ocr-libs.h"

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
  /* A cover title set over several lines ("上海市普陀区规划和自然" /
   * "资源局" / "2024年度部门决算"): its lines of the largest type,
   * joined, name the department. */
  if (d->department == NULL)
    {
      double em = 0;
      for (guint i = 0; i < s->lines->len; i++)
        {
          const BdxTextLine *l = g_ptr_array_index (s->lines, i);
          if (l->page == first_page)
            em = MAX (em, l->em);
        }
      g_autoptr (GString) cover = g_string_new (NULL);
      for (guint i = 0; i < s->lines->len; i++)
        {
          const BdxTextLine *l = g_ptr_array_index (s->lines, i);
          if (l->page == first_page && l->em >= 0.9 * em)
            g_string_append (cover, l->text);
        }
      g_autofree char *title = bdx_text_normalize (cover->str, cover->len);
      g_autoptr (BdxMatch) m = NULL;
      if (dmatch (p, "department", title, &m))
        d->department = bdx_match_named (m, "name");
    }
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
  /* A PDF of tables only: the year and the kind its titles name
   * ("2018年政府采购预算表"). */
  for (guint i = 0; d->year == 0 && i < s->pieces->len; i++)
    {
      const BdxTablePiece *piece = g_ptr_array_index (s->pieces, i);
      g_autoptr (BdxMatch) m = NULL;
      if (piece->title == NULL || !dmatch (p, "year", piece->title, &m))
        continue;
      g_autofree char *y = bdx_match_named (m, "year");
      d->year = atoi (y);
    }
  for (guint i = 0; d->kind == BDX_KIND_UNKNOWN && i < s->pieces->len; i++)
    {
      const BdxTablePiece *piece = g_ptr_array_index (s->pieces, i);
      if (piece->title == NULL)
        continue;
      if (dmatch (p, "kind.final_accounts", piece->title, NULL))
        d->kind = BDX_KIND_FINAL_ACCOUNTS;
      else if (dmatch (p, "kind.budget", piece->title, NULL))
        d->kind = BDX_KIND_BUDGET;
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

/* The template fingerprint (docs/output-format.md, "template"): the
 * pattern set by name and content, the known tables by id and the
 * variant of their title that matched, and a short id of that list. */
static void
fingerprint (const BdxPatterns *p, BdxDisclosure *d)
{
  /* The set's content: every entry, in load order; comments and blank
   * lines do not count.  (nettle's SHA-256, fed piece by piece: GLib's
   * GChecksum and a line formatted per entry were 0.9 % of a run.) */
  BdxSha256 sum;
  bdx__sha256_init (&sum);
  g_autoptr (GPtrArray) secs = bdx_patterns_sections (p, NULL);
  for (guint i = 0; i < secs->len; i++)
    {
      const char *sec = g_ptr_array_index (secs, i);
      const GPtrArray *entries = bdx_patterns_entries (p, sec);
      bdx__sha256_update (&sum, sec, strlen (sec));
      bdx__sha256_update (&sum, "\n", 1);
      for (guint k = 0; entries && k < entries->len; k++)
        {
          const BdxPattern *e = g_ptr_array_index (entries, k);
          const char *key = bdx_pattern_key (e), *src = bdx_pattern_source (e);
          bdx__sha256_update (&sum, key, strlen (key));
          bdx__sha256_update (&sum, bdx_pattern_is_regex (e) ? " ~ " : " = ", 3);
          bdx__sha256_update (&sum, src, strlen (src));
          bdx__sha256_update (&sum, "\n", 1);
        }
    }
  g_autofree char *hex = bdx__sha256_hex (&sum);
  const char *name = bdx_patterns_value (p, "set", "name");
  g_autofree char *base = name ? NULL : g_path_get_basename (bdx_patterns_dir (p));
  d->tmpl.patterns = g_strdup_printf ("%s@%.12s", name ? name : base, hex);

  g_autoptr (GChecksum) ts = g_checksum_new (G_CHECKSUM_SHA256);
  for (guint i = 0; i < d->tables->len; i++)
    {
      const BdxTable *t = g_ptr_array_index (d->tables, i);
      if (t->id == NULL)
        continue;
      char *entry = g_strdup_printf ("%s@%s", t->id,
                                     t->variant ? t->variant : "default");
      g_checksum_update (ts, (const guchar *) entry, -1);
      g_checksum_update (ts, (const guchar *) "\n", 1);
      g_ptr_array_add (d->tmpl.tables, entry);
    }
  if (d->tmpl.tables->len > 0)
    d->tmpl.id = g_strdup_printf ("%.12s", g_checksum_get_string (ts));
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
  const char *path; /* the file bytes maps, or NULL for bytes in memory */
} Input;

/* The SHA-256 of an input.  A file is hashed as read into a small
 * buffer, not through its mapping, whose pages would stay resident
 * (bdx_reader_open). */
static char *
input_sha256 (const Input *in, GError **error)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (in->bytes, &len);
  if (in->path == NULL)
    return bdx__sha256_hex_of (data, len);
  int fd = g_open (in->path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, BDX_ERROR, BDX_ERROR_IO, "%s", g_strerror (saved));
      return NULL;
    }
  BdxSha256 h;
  bdx__sha256_init (&h);
  g_autofree guint8 *buf = g_malloc (64 * 1024);
  for (;;)
    {
      ssize_t n = read (fd, buf, 64 * 1024);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;
          close (fd);
          g_set_error (error, BDX_ERROR, BDX_ERROR_IO, "%s", g_strerror (saved));
          return NULL;
        }
      if (n == 0)
        break;
      bdx__sha256_update (&h, buf, (gsize) n);
    }
  close (fd);
  return bdx__sha256_hex (&h);
}

/* ---- OCR pages ------------------------------------------------------------- */

/* One page for a worker: the picture in, the layout out. */
typedef struct {
  guint slot;         /* index in the layouts */
  int number;         /* page number in the output */
  struct Pix *pix;    /* freed as soon as prepared */
  BdxLayout *layout;  /* the result */
  GPtrArray *notices; /* of char*: cells read with low confidence */
  GError *error;
} OcrJob;

static void
ocr_job_free (OcrJob *job)
{
  if (job->pix != NULL) /* a blank page's job has none: OCR never loaded */
    pixDestroy (&job->pix);
  if (job->layout)
    bdx_layout_free (job->layout);
  g_ptr_array_unref (job->notices);
  g_clear_error (&job->error);
  g_free (job);
}

/* The row's label: its first cell with a Han character, other than
 * the cell itself. */
static const char *
row_label (const BdxGrid *g, const BdxCell *cell)
{
  for (int c = 0; c < g->n_cols; c++)
    {
      const BdxCell *o = bdx_grid_cell (g, cell->row, c);
      if (o == cell)
        continue;
      for (const char *p = o->text; *p; p = g_utf8_next_char (p))
        if (bdx_unichar_is_han (g_utf8_get_char (p)))
          return o->text;
    }
  return NULL;
}

/* A notice for every grid cell read with low confidence: such a cell is
 * flagged, never trusted silently. */
static void
low_confidence_notices (const BdxLayout *l, GPtrArray *out)
{
  for (guint b = 0; b < l->blocks->len; b++)
    {
      const BdxBlock *block = g_ptr_array_index (l->blocks, b);
      if (block->kind != BDX_BLOCK_GRID)
        continue;
      const BdxGrid *g = block->grid;
      for (guint k = 0; k < g->cells->len; k++)
        {
          const BdxCell *cell = g_ptr_array_index (g->cells, k);
          if (*cell->text == '\0' || cell->confidence >= BDX_OCR_LOW_CONFIDENCE)
            continue;
          const char *label = row_label (g, cell);
          g_ptr_array_add (out, g_strdup_printf (
              "page %d: OCR read '%s' with low confidence (%.2f) in table "
              "row %d%s%s%s, column %d",
              l->page, cell->text, cell->confidence, cell->row + 1,
              label ? " '" : "", label ? label : "", label ? "'" : "",
              cell->col + 1));
        }
    }
}

/* In a worker: the stages of an OCR page, in order. */
static void
ocr_work (BdxOcrEngine *e, gpointer data, gpointer user_data)
{
  OcrJob *job = data;
  gint64 t0 = g_get_monotonic_time ();
  g_autoptr (BdxOcrImage) img = bdx_ocr_image_new (e, job->pix, NULL, &job->error);
  pixDestroy (&job->pix);
  if (img == NULL)
    return;
  gint64 t1 = g_get_monotonic_time ();
  g_autoptr (BdxPage) page = bdx_ocr_read_page (e, img, job->number, &job->error);
  if (page == NULL)
    return;
  gint64 t2 = g_get_monotonic_time ();
  g_autoptr (BdxLayout) layout = bdx_layout_page (page, NULL);
  int changed = bdx_ocr_reread_cells (e, img, page, layout, &job->error);
  if (changed < 0)
    return;
  g_debug ("page %d: prepared in %" G_GINT64_FORMAT " ms, read in %"
           G_GINT64_FORMAT " ms, cells read again in %" G_GINT64_FORMAT " ms",
           job->number, (t1 - t0) / 1000, (t2 - t1) / 1000,
           (g_get_monotonic_time () - t2) / 1000);
  if (changed > 0)
    {
      g_clear_pointer (&layout, bdx_layout_free);
      layout = bdx_layout_page (page, NULL);
    }
  low_confidence_notices (layout, job->notices);
  job->layout = g_steal_pointer (&layout);
}

/* The OCR side of one extraction. */
typedef struct {
  BdxOcrPool *pool;     /* made at the first OCR page */
  GPtrArray *finished;  /* of OcrJob*, popped from the pool */
} Ocr;

static gboolean
ocr_submit (Ocr *ocr, const BdxExtractOptions *o, GPtrArray *layouts,
            struct Pix *pix, int number, GError **error)
{
  if (ocr->pool == NULL)
    {
      g_auto (GStrv) words = bdx_ocr_words_from_patterns (o->patterns);
      BdxOcrEngineOptions eo = { .lang = o->ocr_lang,
                                 .words = (const char *const *) words };
      ocr->pool = bdx_ocr_pool_new (o->jobs, &eo, ocr_work,
                                    (GDestroyNotify) ocr_job_free, NULL, error);
      if (ocr->pool == NULL)
        {
          pixDestroy (&pix);
          return FALSE;
        }
    }
  OcrJob *job = g_new0 (OcrJob, 1);
  job->slot = layouts->len;
  job->number = number;
  job->pix = pix;
  job->notices = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (layouts, NULL); /* filled when the job is done */
  bdx_ocr_pool_push (ocr->pool, job);
  return TRUE;
}

/* A page OCR need not read: its (empty) layout is recorded as the
 * pool's result would be. */
static void
ocr_blank (Ocr *ocr, GPtrArray *layouts, BdxLayout *layout)
{
  OcrJob *job = g_new0 (OcrJob, 1);
  job->slot = layouts->len;
  job->number = layout->page;
  job->notices = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (layouts, layout);
  g_ptr_array_add (ocr->finished, job);
}

/* Takes finished jobs until at most `keep` are pending; their layouts
 * go into their slots. */
static gboolean
ocr_collect (Ocr *ocr, guint keep, GPtrArray *layouts, GError **error)
{
  while (ocr->pool != NULL && bdx_ocr_pool_pending (ocr->pool) > keep)
    {
      OcrJob *job = bdx_ocr_pool_pop (ocr->pool);
      g_ptr_array_add (ocr->finished, job);
      if (job->error != NULL)
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&job->error),
                                      "page %d: ", job->number);
          return FALSE;
        }
      layouts->pdata[job->slot] = g_steal_pointer (&job->layout);
    }
  return TRUE;
}

static void
ocr_clear (Ocr *ocr)
{
  g_clear_pointer (&ocr->pool, bdx_ocr_pool_free);
  g_clear_pointer (&ocr->finished, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Ocr, ocr_clear)

static int
cmp_int (gconstpointer a, gconstpointer b)
{
  int x = *(const int *) a, y = *(const int *) b;
  return (x > y) - (x < y);
}

static int
cmp_job (gconstpointer a, gconstpointer b)
{
  const OcrJob *x = *(OcrJob *const *) a, *y = *(OcrJob *const *) b;
  return (x->number > y->number) - (x->number < y->number);
}

/* Waits for every OCR page; records them in the source info and their
 * flagged cells in the notices. */
static gboolean
ocr_finish (Ocr *ocr, GPtrArray *layouts, BdxDisclosure *d, GError **error)
{
  if (!ocr_collect (ocr, 0, layouts, error))
    return FALSE;
  g_ptr_array_sort (ocr->finished, cmp_job);
  for (guint i = 0; i < ocr->finished->len; i++)
    {
      OcrJob *job = g_ptr_array_index (ocr->finished, i);
      g_array_append_val (d->source.ocr_pages, job->number);
      for (guint k = 0; k < job->notices->len; k++)
        g_ptr_array_add (d->notices, g_strdup (g_ptr_array_index (job->notices, k)));
    }
  g_array_sort (d->source.text_pages, cmp_int);
  return TRUE;
}

/* Whether a page read from the text layer goes to OCR instead; says why
 * in a notice when it does, or when it should and may not. */
static gboolean
wants_ocr (const BdxPage *page, int number, BdxOcrMode mode, BdxDisclosure *d)
{
  switch (mode)
    {
    case BDX_OCR_ALWAYS:
      return TRUE;
    case BDX_OCR_NEVER:
      if (page->text_state == BDX_PAGE_NO_TEXT)
        g_ptr_array_add (d->notices,
                         g_strdup_printf ("page %d has no text layer; it was "
                                          "not read", number));
      else if (page->text_state == BDX_PAGE_GARBLED)
        g_ptr_array_add (d->notices,
                         g_strdup_printf ("page %d has a garbled text layer; "
                                          "it was read as it is", number));
      return FALSE;
    case BDX_OCR_AUTO:
    default:
      if (page->text_state == BDX_PAGE_GARBLED)
        g_ptr_array_add (d->notices,
                         g_strdup_printf ("page %d has a garbled text layer "
                                          "(%u of %u characters unreadable); "
                                          "it was read by OCR",
                                          number, page->text_stats.suspect,
                                          page->text_stats.chars));
      return page->text_state != BDX_PAGE_TEXT;
    }
}

/* Every page of a picture file goes to OCR. */
static gboolean
extract_pictures (GBytes *bytes, const BdxExtractOptions *o, int page_base,
                  Ocr *ocr, GPtrArray *layouts, int *n_pages, GError **error)
{
  if (o->ocr == BDX_OCR_NEVER)
    {
      g_set_error (error, BDX_ERROR, BDX_ERROR_UNSUPPORTED,
                   "a picture can only be read by OCR (not with --ocr never)");
      return FALSE;
    }
  g_autoptr (BdxImageFile) f = bdx_image_file_open_bytes (bytes, o->max_pages, error);
  if (f == NULL)
    return FALSE;
  int n = bdx_image_file_n_pages (f);
  guint window = 2 * MAX (1u, o->jobs ? o->jobs : g_get_num_processors ());
  for (int i = 0; i < n; i++)
    {
      struct Pix *pix = bdx_image_file_load_page (f, i, error);
      if (pix == NULL
          || !ocr_submit (ocr, o, layouts, pix, page_base + i + 1, error)
          || !ocr_collect (ocr, window, layouts, error))
        return FALSE;
      if (o->progress && !o->progress (page_base + i + 1, page_base + n, o->progress_data))
        {
          g_set_error (error, BDX_ERROR, BDX_ERROR_CANCELLED, "cancelled");
          return FALSE;
        }
    }
  *n_pages = n;
  return TRUE;
}

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

  g_auto (Ocr) ocr = { NULL, g_ptr_array_new_with_free_func ((GDestroyNotify) ocr_job_free) };
  o.patterns = pats; /* the OCR lexicon comes from them */
  guint window = 2 * MAX (1u, o.jobs ? o.jobs : g_get_num_processors ());

  for (guint f = 0; f < n_inputs; f++)
    {
      const Input *in = &inputs[f];
      g_autofree char *sum = input_sha256 (in, error);
      if (sum == NULL)
        return NULL;
      g_string_append_printf (paths, "%s%s", f ? " + " : "", in->display);
      g_string_append_printf (sums, "%s%s", f ? " + " : "", sum);

      if (bdx_image_sniff (in->bytes))
        {
          int n = 0;
          if (!extract_pictures (in->bytes, &o, page_base, &ocr, layouts, &n, error))
            return NULL;
          page_base += n;
          continue;
        }

      BdxReadOptions ro = { .password = o.password,
                            .max_pages = o.max_pages,
                            .max_glyphs = o.max_glyphs };
      g_autoptr (BdxReader) r = in->path != NULL
                                    ? bdx_reader_open (in->path, &ro, error)
                                    : bdx_reader_open_bytes (in->bytes, &ro, error);
      if (r == NULL)
        return NULL;

      int n = bdx_reader_n_pages (r);
      for (int i = 0; i < n; i++)
        {
          g_autoptr (BdxPage) page = bdx_reader_read_page (r, i, FALSE, error);
          if (page == NULL)
            return NULL;
          if (wants_ocr (page, page_base + i + 1, o.ocr, d))
            {
              if (bdx_reader_page_is_blank (r, i))
                {
                  /* A blank page (a separator sheet): OCR would read
                   * nothing from it; spare rendering it at OCR resolution
                   * and starting tesseract. */
                  g_autoptr (BdxPage) blank
                      = bdx_page_new (page_base + i + 1, page->width, page->height);
                  blank->text_state = BDX_PAGE_NO_TEXT;
                  ocr_blank (&ocr, layouts, bdx_layout_page (blank, NULL));
                }
              else
                {
                  struct Pix *pix = bdx_reader_render_page (r, i, o.ocr_dpi, error);
                  if (pix == NULL
                      || !ocr_submit (&ocr, &o, layouts, pix, page_base + i + 1, error)
                      || !ocr_collect (&ocr, window, layouts, error))
                    return NULL;
                }
              if (o.progress && !o.progress (page_base + i + 1, n + page_base,
                                             o.progress_data))
                {
                  g_set_error (error, BDX_ERROR, BDX_ERROR_CANCELLED, "cancelled");
                  return NULL;
                }
              continue;
            }
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
          if (page->text_state != BDX_PAGE_NO_TEXT)
            g_array_append_val (d->source.text_pages, num);
          g_ptr_array_add (layouts, layout);
          if (o.progress && !o.progress (num, n + page_base, o.progress_data))
            {
              g_set_error (error, BDX_ERROR, BDX_ERROR_CANCELLED, "cancelled");
              return NULL;
            }
        }
      page_base += n;
    }
  if (!ocr_finish (&ocr, layouts, d, error))
    return NULL;
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
  fingerprint (pats, d);

  if (!o.no_validate)
    {
      g_autoptr (GError) verr = NULL;
      if (!bdx_validate (d, pats, NULL, &verr))
        {
          g_propagate_error (error, g_steal_pointer (&verr));
          return NULL;
        }
      /* Amounts OCR misread that the checks pin down (ocr.h). */
      if (d->source.ocr_pages->len > 0 && bdx_ocr_repair (d, pats, &verr) < 0)
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
  Input in = { bytes, display_path ? display_path : "-", NULL };
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
      inputs[i].path = paths[i];
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
  if (d->performance->len > 0)
    return TRUE;
  /* The narrative of a disclosure whose tables are in another PDF: a
   * budget or final accounts of a department that states its amounts. */
  guint amounts = 0;
  for (guint i = 0; i < d->facts->len; i++)
    amounts += ((const BdxFact *) g_ptr_array_index (d->facts, i))->value.present;
  return d->kind != BDX_KIND_UNKNOWN && d->department != NULL && amounts >= 2;
}
