/* bdx — emit: the disclosure model written as `bdx.disclosure/1` JSON.
 *
 * The algorithm:
 *  1. Walk the model in the contract's key order (docs/output-format.md)
 *     and write each value with a small streaming writer into one GString.
 *     The writer, not a JSON library's generator, so that the key order, the
 *     layout and above all the numbers are exactly ours: money is written
 *     from gint64 fen, and a printed decimal ("1.8", "44.72") is written
 *     from its text in a canonical form (step 3), never through a double.
 *  2. Layout: compact is one line with no spaces.  Pretty indents by two
 *     spaces, one member per line, except arrays of numbers (values,
 *     pages), which stay on one line:
 *
 *         {
 *           "kind": "item",
 *           "values": [54810000, 54810000, null],
 *           "page": 5
 *         }
 *
 *  3. A decimal text becomes its canonical JSON number: no sign on zero,
 *     no leading zeros, no trailing fraction zeros, no exponent ("95",
 *     "1.8", "0.5", "100" for "100.00").  The JSON reader turns a number
 *     back into the same text, so model → JSON → model → JSON is stable.
 *     A text that is not a plain decimal, or has more than 15 digits (past
 *     what a double-based JSON consumer keeps exactly), is written as null.
 *  4. Writing a file: a temporary file beside the target, written fully,
 *     fsync'ed, closed, renamed over the target, then the directory
 *     fsync'ed; any failure removes the temporary file.  A target that
 *     exists and is not a regular file (FIFO, device) is written in place.
 */
#include "bdx/emit.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "bdx/error.h"

/* The staffing fields in output order; bit i of BdxStaffing.present is
 * field i. */
#define STAFFING_FIELDS 8

static const char *const staffing_keys[STAFFING_FIELDS] = {
  "authorized",       "actual",
  "in_service",       "retired",
  "retired_cadre",    "in_service_increase",
  "retired_increase", "retired_cadre_increase",
};

/* The most digits a decimal text may have to be written as a number. */
#define DECIMAL_MAX_DIGITS 15

/* ---- the writer ---------------------------------------------------- */

typedef struct
{
  gboolean first;   /* nothing written in this container yet */
  gboolean oneline; /* this container is written on one line */
} Frame;

typedef struct
{
  GString *out;
  gboolean pretty;
  gboolean after_key; /* a key was written; its value comes next */
  GArray *stack;      /* of Frame: the open containers */
} Writer;

static void
w_newline (Writer *w)
{
  g_string_append_c (w->out, '\n');
  for (guint i = 0; i < w->stack->len; i++)
    g_string_append (w->out, "  ");
}

/* Separates what comes next (a key or a value) from what came before. */
static void
w_sep (Writer *w)
{
  if (w->after_key)
    {
      w->after_key = FALSE;
      return;
    }
  if (w->stack->len == 0)
    return;
  Frame *f = &g_array_index (w->stack, Frame, w->stack->len - 1);
  if (!f->first)
    g_string_append_c (w->out, ',');
  if (w->pretty)
    {
      if (!f->oneline)
        w_newline (w);
      else if (!f->first)
        g_string_append_c (w->out, ' ');
    }
  f->first = FALSE;
}

static void
w_begin (Writer *w, char open, gboolean oneline)
{
  w_sep (w);
  g_string_append_c (w->out, open);
  Frame f = { TRUE, oneline };
  g_array_append_val (w->stack, f);
}

static void
w_end (Writer *w, char close)
{
  g_assert (w->stack->len > 0);
  Frame f = g_array_index (w->stack, Frame, w->stack->len - 1);
  g_array_set_size (w->stack, w->stack->len - 1);
  if (w->pretty && !f.oneline && !f.first)
    w_newline (w);
  g_string_append_c (w->out, close);
}

static void
w_begin_object (Writer *w)
{
  w_begin (w, '{', FALSE);
}

static void
w_end_object (Writer *w)
{
  w_end (w, '}');
}

static void
w_begin_array (Writer *w, gboolean oneline)
{
  w_begin (w, '[', oneline);
}

static void
w_end_array (Writer *w)
{
  w_end (w, ']');
}

/* Appends `s` as a JSON string: quotes, backslashes and control
 * characters escaped, everything else as UTF-8.  Invalid UTF-8 is
 * repaired with U+FFFD rather than written out. */
static void
append_quoted (GString *out, const char *s)
{
  g_autofree char *valid = NULL;
  if (!g_utf8_validate (s, -1, NULL))
    s = valid = g_utf8_make_valid (s, -1);

  g_string_append_c (out, '"');
  for (const unsigned char *p = (const unsigned char *)s; *p; p++)
    {
      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\b':
          g_string_append (out, "\\b");
          break;
        case '\f':
          g_string_append (out, "\\f");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (*p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, (char)*p);
        }
    }
  g_string_append_c (out, '"');
}

static void
w_key (Writer *w, const char *key)
{
  w_sep (w);
  append_quoted (w->out, key);
  g_string_append (w->out, w->pretty ? ": " : ":");
  w->after_key = TRUE;
}

static void
w_null (Writer *w)
{
  w_sep (w);
  g_string_append (w->out, "null");
}

static void
w_bool (Writer *w, gboolean v)
{
  w_sep (w);
  g_string_append (w->out, v ? "true" : "false");
}

static void
w_int (Writer *w, gint64 v)
{
  w_sep (w);
  g_string_append_printf (w->out, "%" G_GINT64_FORMAT, v);
}

/* A string, or null for NULL. */
static void
w_string (Writer *w, const char *s)
{
  if (!s)
    {
      w_null (w);
      return;
    }
  w_sep (w);
  append_quoted (w->out, s);
}

/* Money: integer fen, or null for a blank. */
static void
w_money (Writer *w, BdxMoney m)
{
  if (m.present)
    w_int (w, m.fen);
  else
    w_null (w);
}

/* An int that means "unknown" when it equals `unknown`. */
static void
w_int_or_null (Writer *w, int v, int unknown)
{
  if (v == unknown)
    w_null (w);
  else
    w_int (w, v);
}

/* Writes `text` canonically into `out` (see step 3 above); FALSE when it
 * is not a plain decimal of at most DECIMAL_MAX_DIGITS digits.  Leading
 * and trailing ASCII spaces are allowed, as is a leading '+'. */
static gboolean
decimal_canonical (const char *text, GString *out)
{
  const char *p = text;
  while (g_ascii_isspace (*p))
    p++;
  gboolean negative = FALSE;
  if (*p == '+' || *p == '-')
    negative = (*p++ == '-');

  const char *int_start = p;
  while (g_ascii_isdigit (*p))
    p++;
  const char *int_end = p;
  const char *frac_start = p, *frac_end = p;
  if (*p == '.')
    {
      frac_start = ++p;
      while (g_ascii_isdigit (*p))
        p++;
      frac_end = p;
    }
  if (int_end == int_start && frac_end == frac_start)
    return FALSE; /* no digit at all */
  while (g_ascii_isspace (*p))
    p++;
  if (*p != '\0')
    return FALSE;

  while (int_start < int_end && *int_start == '0')
    int_start++;
  while (frac_end > frac_start && frac_end[-1] == '0')
    frac_end--;
  gsize int_digits = (gsize)(int_end - int_start);
  gsize frac_digits = (gsize)(frac_end - frac_start);
  if (int_digits + frac_digits > DECIMAL_MAX_DIGITS)
    return FALSE;

  if (int_digits == 0 && frac_digits == 0)
    {
      g_string_append_c (out, '0');
      return TRUE;
    }
  if (negative)
    g_string_append_c (out, '-');
  if (int_digits == 0)
    g_string_append_c (out, '0');
  else
    g_string_append_len (out, int_start, (gssize)int_digits);
  if (frac_digits > 0)
    {
      g_string_append_c (out, '.');
      g_string_append_len (out, frac_start, (gssize)frac_digits);
    }
  return TRUE;
}

/* A printed decimal as a JSON number; null for NULL or a non-number. */
static void
w_decimal (Writer *w, const char *text)
{
  g_autoptr (GString) num = g_string_new (NULL);
  if (!text || !decimal_canonical (text, num))
    {
      w_null (w);
      return;
    }
  w_sep (w);
  g_string_append_len (w->out, num->str, (gssize)num->len);
}

static void
w_int_array (Writer *w, const GArray *a)
{
  w_begin_array (w, TRUE);
  for (guint i = 0; a && i < a->len; i++)
    w_int (w, g_array_index (a, int, i));
  w_end_array (w);
}

static void
w_string_array (Writer *w, const GPtrArray *a)
{
  w_begin_array (w, FALSE);
  for (guint i = 0; a && i < a->len; i++)
    w_string (w, g_ptr_array_index (a, i));
  w_end_array (w);
}

/* ---- the model ----------------------------------------------------- */

static const char *
kind_name (BdxDocumentKind kind)
{
  return kind == BDX_KIND_UNKNOWN ? NULL : bdx_document_kind_name (kind);
}

static const char *
row_kind_name (BdxRowKind kind)
{
  return kind == BDX_ROW_TOTAL ? "total" : "item";
}

static void
emit_source (Writer *w, const BdxSourceInfo *s)
{
  w_begin_object (w);
  w_key (w, "path");
  w_string (w, s->path);
  w_key (w, "sha256");
  w_string (w, s->sha256);
  w_key (w, "pages");
  w_int (w, s->pages);
  w_key (w, "text_pages");
  w_int_array (w, s->text_pages);
  w_key (w, "ocr_pages");
  w_int_array (w, s->ocr_pages);
  w_end_object (w);
}

static void
emit_document (Writer *w, const BdxDisclosure *d)
{
  w_begin_object (w);
  w_key (w, "kind");
  w_string (w, kind_name (d->kind));
  w_key (w, "year");
  w_int_or_null (w, d->year, 0);
  w_key (w, "department");
  w_string (w, d->department);
  w_key (w, "published");
  w_string (w, d->published);
  w_key (w, "unit");
  w_string (w, bdx_unit_name (d->unit));
  w_end_object (w);
}

static void
emit_template (Writer *w, const BdxTemplate *t)
{
  w_begin_object (w);
  w_key (w, "id");
  w_string (w, t->id);
  w_key (w, "patterns");
  w_string (w, t->patterns);
  w_key (w, "tables");
  w_string_array (w, t->tables);
  w_end_object (w);
}

static void
emit_staffing (Writer *w, const BdxStaffing *s)
{
  const gint64 values[STAFFING_FIELDS] = {
    s->authorized,       s->actual,
    s->in_service,       s->retired,
    s->retired_cadre,    s->in_service_increase,
    s->retired_increase, s->retired_cadre_increase,
  };
  w_begin_object (w);
  for (int i = 0; i < STAFFING_FIELDS; i++)
    {
      w_key (w, staffing_keys[i]);
      if (s->present & (1u << i))
        w_int (w, values[i]);
      else
        w_null (w);
    }
  w_end_object (w);
}

static void
emit_overview (Writer *w, const BdxOverview *o)
{
  w_begin_object (w);
  w_key (w, "functions");
  w_string_array (w, o->functions);
  w_key (w, "divisions");
  w_string_array (w, o->divisions);
  w_key (w, "subordinate_units");
  w_int_or_null (w, o->subordinate_units, -1);
  w_key (w, "staffing");
  if (o->staffing_present)
    emit_staffing (w, &o->staffing);
  else
    w_null (w);
  w_end_object (w);
}

/* Recursion is as deep as the outline, which the heading levels bound. */
static void
emit_outline (Writer *w, const GPtrArray *nodes)
{
  w_begin_array (w, FALSE);
  for (guint i = 0; nodes && i < nodes->len; i++)
    {
      const BdxOutlineNode *n = g_ptr_array_index (nodes, i);
      w_begin_object (w);
      w_key (w, "heading");
      w_string (w, n->heading);
      w_key (w, "level");
      w_int (w, n->level);
      w_key (w, "page");
      w_int (w, n->page);
      w_key (w, "children");
      emit_outline (w, n->children);
      w_end_object (w);
    }
  w_end_array (w);
}

static void
emit_column (Writer *w, const BdxColumn *c)
{
  w_begin_object (w);
  w_key (w, "id");
  w_string (w, c->id);
  w_key (w, "header");
  w_string (w, c->header);
  if (c->side != BDX_SIDE_NONE)
    {
      w_key (w, "side");
      w_string (w, bdx_side_name (c->side));
    }
  if (c->panel > 0)
    {
      w_key (w, "panel");
      w_int (w, c->panel);
    }
  w_end_object (w);
}

static void
emit_ocr_mark (Writer *w, const BdxOcrMark *m)
{
  w_begin_object (w);
  w_key (w, "field");
  switch (m->field)
    {
    case BDX_OCR_FIELD_CODE: w_string (w, "code"); break;
    case BDX_OCR_FIELD_NAME: w_string (w, "name"); break;
    case BDX_OCR_FIELD_PROJECT: w_string (w, "project"); break;
    default:
      w_string (w, "values");
      w_key (w, "index");
      w_int (w, m->field);
      break;
    }
  w_key (w, "read");
  w_string (w, m->read);
  w_key (w, "confidence");
  w_int_or_null (w, m->confidence, -1);
  w_key (w, "repaired");
  w_bool (w, m->repaired);
  w_end_object (w);
}

static void
emit_row (Writer *w, const BdxRow *r, gboolean with_project)
{
  w_begin_object (w);
  w_key (w, "kind");
  w_string (w, row_kind_name (r->kind));
  w_key (w, "code");
  w_string (w, r->code);
  w_key (w, "level");
  w_int_or_null (w, r->level, 0);
  w_key (w, "name");
  w_string (w, r->name);
  if (with_project)
    {
      w_key (w, "project");
      w_string (w, r->project);
    }
  if (r->side != BDX_SIDE_NONE)
    {
      w_key (w, "side");
      w_string (w, bdx_side_name (r->side));
    }
  if (r->panel > 0)
    {
      w_key (w, "panel");
      w_int (w, r->panel);
    }
  w_key (w, "values");
  w_begin_array (w, TRUE);
  for (guint i = 0; r->values && i < r->values->len; i++)
    w_money (w, g_array_index (r->values, BdxMoney, i));
  w_end_array (w);
  w_key (w, "page");
  w_int (w, r->page);
  if (r->ocr != NULL && r->ocr->len > 0)
    {
      w_key (w, "ocr");
      w_begin_array (w, FALSE);
      for (guint i = 0; i < r->ocr->len; i++)
        emit_ocr_mark (w, &g_array_index (r->ocr, BdxOcrMark, i));
      w_end_array (w);
    }
  w_end_object (w);
}

static void
emit_table (Writer *w, const BdxTable *t)
{
  /* Every row of a table carries "project" when any row has one. */
  gboolean with_project = FALSE;
  for (guint i = 0; t->rows && i < t->rows->len; i++)
    with_project
        |= ((const BdxRow *)g_ptr_array_index (t->rows, i))->project != NULL;

  w_begin_object (w);
  w_key (w, "id");
  w_string (w, t->id);
  w_key (w, "number");
  w_int_or_null (w, t->number, 0);
  w_key (w, "title");
  w_string (w, t->title);
  w_key (w, "pages");
  w_int_array (w, t->pages);
  w_key (w, "unit");
  w_string (w, bdx_unit_name (t->unit));
  w_key (w, "department");
  w_string (w, t->department);
  w_key (w, "empty");
  w_bool (w, t->empty);
  w_key (w, "note");
  w_string (w, t->note);
  w_key (w, "columns");
  w_begin_array (w, FALSE);
  for (guint i = 0; t->columns && i < t->columns->len; i++)
    emit_column (w, g_ptr_array_index (t->columns, i));
  w_end_array (w);
  w_key (w, "rows");
  w_begin_array (w, FALSE);
  for (guint i = 0; t->rows && i < t->rows->len; i++)
    emit_row (w, g_ptr_array_index (t->rows, i), with_project);
  w_end_array (w);
  w_end_object (w);
}

static void
emit_project (Writer *w, const BdxProject *p)
{
  w_begin_object (w);
  w_key (w, "name");
  w_string (w, p->name);
  w_key (w, "amount");
  w_money (w, p->amount);
  w_key (w, "basis");
  w_string (w, p->basis);
  w_key (w, "owner");
  w_string (w, p->owner);
  w_key (w, "allocation");
  w_begin_array (w, FALSE);
  for (guint i = 0; p->allocation && i < p->allocation->len; i++)
    {
      const BdxAllocation *a = g_ptr_array_index (p->allocation, i);
      w_begin_object (w);
      w_key (w, "item");
      w_string (w, a->item);
      w_key (w, "amount");
      w_money (w, a->amount);
      w_end_object (w);
    }
  w_end_array (w);
  w_key (w, "period");
  if (p->period_start || p->period_end)
    {
      w_begin_object (w);
      w_key (w, "start");
      w_string (w, p->period_start);
      w_key (w, "end");
      w_string (w, p->period_end);
      w_end_object (w);
    }
  else
    w_null (w);
  w_key (w, "page");
  w_int (w, p->page);
  w_end_object (w);
}

static void
emit_indicator (Writer *w, const BdxIndicator *i)
{
  w_begin_object (w);
  w_key (w, "level1");
  w_string (w, i->level1);
  w_key (w, "level2");
  w_string (w, i->level2);
  w_key (w, "name");
  w_string (w, i->name);
  w_key (w, "target");
  w_string (w, i->target);
  w_key (w, "op");
  w_string (w, i->op);
  w_key (w, "value");
  w_decimal (w, i->value);
  w_key (w, "unit");
  w_string (w, i->unit);
  w_key (w, "basis");
  w_string (w, i->basis);
  w_key (w, "previous");
  w_string (w, i->previous);
  w_key (w, "weight");
  w_int_or_null (w, i->weight, -1);
  w_key (w, "scoring");
  w_string (w, i->scoring);
  w_key (w, "evidence");
  w_string (w, i->evidence);
  w_end_object (w);
}

static void
emit_performance (Writer *w, const BdxPerformance *p)
{
  w_begin_object (w);
  w_key (w, "scope");
  w_string (w, p->scope);
  w_key (w, "project");
  w_string (w, p->project);
  w_key (w, "department");
  w_string (w, p->department);
  w_key (w, "manager");
  w_string (w, p->manager);
  w_key (w, "funds");
  w_begin_object (w);
  w_key (w, "total");
  w_money (w, p->funds_total);
  w_key (w, "fiscal");
  w_money (w, p->funds_fiscal);
  w_key (w, "other");
  w_money (w, p->funds_other);
  w_end_object (w);
  w_key (w, "goal");
  w_string (w, p->goal);
  w_key (w, "indicators");
  w_begin_array (w, FALSE);
  for (guint i = 0; p->indicators && i < p->indicators->len; i++)
    emit_indicator (w, g_ptr_array_index (p->indicators, i));
  w_end_array (w);
  w_key (w, "pages");
  w_int_array (w, p->pages);
  w_end_object (w);
}

static void
emit_fact (Writer *w, const BdxFact *f)
{
  w_begin_object (w);
  w_key (w, "key");
  w_string (w, f->key);
  w_key (w, "value");
  w_money (w, f->value);
  if (f->count >= 0)
    {
      w_key (w, "count");
      w_int (w, f->count);
    }
  if (f->share)
    {
      w_key (w, "share");
      w_decimal (w, f->share);
    }
  w_key (w, "text");
  w_string (w, f->text);
  w_key (w, "page");
  w_int (w, f->page);
  w_end_object (w);
}

static void
emit_validation (Writer *w, const GPtrArray *checks)
{
  gint64 count[3] = { 0, 0, 0 }; /* by BdxCheckStatus */
  guint n = checks ? checks->len : 0;
  for (guint i = 0; i < n; i++)
    {
      const BdxCheck *c = g_ptr_array_index (checks, i);
      if ((guint)c->status < G_N_ELEMENTS (count))
        count[c->status]++;
    }

  w_begin_object (w);
  w_key (w, "checks");
  w_int (w, n);
  w_key (w, "passed");
  w_int (w, count[BDX_CHECK_PASSED]);
  w_key (w, "within_rounding");
  w_int (w, count[BDX_CHECK_WITHIN_ROUNDING]);
  w_key (w, "failed");
  w_int (w, count[BDX_CHECK_FAILED]);
  w_key (w, "results");
  w_begin_array (w, FALSE);
  for (guint i = 0; i < n; i++)
    {
      const BdxCheck *c = g_ptr_array_index (checks, i);
      w_begin_object (w);
      w_key (w, "id");
      w_string (w, c->id);
      w_key (w, "table");
      w_string (w, c->table);
      w_key (w, "row");
      w_string (w, c->row);
      w_key (w, "column");
      w_string (w, c->column);
      w_key (w, "status");
      w_string (w, bdx_check_status_name (c->status));
      w_key (w, "expected");
      w_int (w, c->expected);
      w_key (w, "actual");
      w_int (w, c->actual);
      w_key (w, "tolerance");
      w_int (w, c->tolerance);
      w_key (w, "message");
      w_string (w, c->message);
      w_end_object (w);
    }
  w_end_array (w);
  w_end_object (w);
}

char *
bdx_disclosure_to_json (const BdxDisclosure *d, gboolean pretty)
{
  g_return_val_if_fail (d != NULL, NULL);

  g_autoptr (GArray) stack = g_array_new (FALSE, FALSE, sizeof (Frame));
  Writer w = { g_string_sized_new (16 * 1024), pretty, FALSE, stack };

  w_begin_object (&w);
  w_key (&w, "format");
  w_string (&w, BDX_FORMAT);
  w_key (&w, "source");
  emit_source (&w, &d->source);
  w_key (&w, "document");
  emit_document (&w, d);
  w_key (&w, "template");
  emit_template (&w, &d->tmpl);
  w_key (&w, "overview");
  emit_overview (&w, &d->overview);
  w_key (&w, "outline");
  emit_outline (&w, d->outline);

  w_key (&w, "tables");
  w_begin_array (&w, FALSE);
  for (guint i = 0; d->tables && i < d->tables->len; i++)
    emit_table (&w, g_ptr_array_index (d->tables, i));
  w_end_array (&w);

  w_key (&w, "projects");
  w_begin_array (&w, FALSE);
  for (guint i = 0; d->projects && i < d->projects->len; i++)
    emit_project (&w, g_ptr_array_index (d->projects, i));
  w_end_array (&w);

  w_key (&w, "performance");
  w_begin_array (&w, FALSE);
  for (guint i = 0; d->performance && i < d->performance->len; i++)
    emit_performance (&w, g_ptr_array_index (d->performance, i));
  w_end_array (&w);

  w_key (&w, "facts");
  w_begin_array (&w, FALSE);
  for (guint i = 0; d->facts && i < d->facts->len; i++)
    emit_fact (&w, g_ptr_array_index (d->facts, i));
  w_end_array (&w);

  w_key (&w, "validation");
  emit_validation (&w, d->checks);
  w_key (&w, "notices");
  w_string_array (&w, d->notices);
  w_end_object (&w);

  g_assert (stack->len == 0);
  g_string_append_c (w.out, '\n');
  return g_string_free (w.out, FALSE);
}

/* ---- writing ------------------------------------------------------- */

static gboolean
write_all (int fd, const char *buf, gsize len)
{
  while (len > 0)
    {
      ssize_t n = write (fd, buf, len);
      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }
      buf += n;
      len -= (gsize)n;
    }
  return TRUE;
}

static gboolean
write_stdout (const char *buf, gsize len, GError **error)
{
  errno = 0;
  if (fwrite (buf, 1, len, stdout) != len || fflush (stdout) != 0)
    {
      int saved = errno ? errno : EIO;
      clearerr (stdout);
      g_set_error (error, BDX_ERROR, BDX_ERROR_IO,
                   "cannot write to standard output: %s", g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* Flushes the directory entry of a rename to disk.  Best effort: some
 * file systems refuse fsync on a directory, and the data is safe anyway. */
static void
sync_dir (const char *dir)
{
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0)
    return;
  (void)fsync (fd);
  (void)close (fd);
}

static gboolean
write_in_place (const char *path, const char *buf, gsize len, GError **error)
{
  int fd = open (path, O_WRONLY | O_CLOEXEC);
  int saved = 0;
  if (fd < 0)
    saved = errno;
  else
    {
      if (!write_all (fd, buf, len))
        saved = errno;
      if (close (fd) != 0 && saved == 0)
        saved = errno;
    }
  if (saved != 0)
    {
      g_set_error (error, BDX_ERROR, BDX_ERROR_IO, "cannot write '%s': %s",
                   path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_file_atomic (const char *path, const char *buf, gsize len, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmpl
      = g_strdup_printf ("%s%s.%s.XXXXXX", dir, G_DIR_SEPARATOR_S, base);

  int fd = g_mkstemp_full (tmpl, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, BDX_ERROR, BDX_ERROR_IO, "cannot write '%s': %s",
                   path, g_strerror (saved));
      return FALSE;
    }

  int saved = 0;
  if (!write_all (fd, buf, len) || fsync (fd) != 0)
    saved = errno;
  if (close (fd) != 0 && saved == 0)
    saved = errno;
  if (saved == 0 && g_rename (tmpl, path) != 0)
    saved = errno;
  if (saved != 0)
    {
      (void)g_unlink (tmpl);
      g_set_error (error, BDX_ERROR, BDX_ERROR_IO, "cannot write '%s': %s",
                   path, g_strerror (saved));
      return FALSE;
    }
  sync_dir (dir);
  return TRUE;
}

gboolean
bdx_disclosure_write_json (const BdxDisclosure *d, const char *path,
                           gboolean pretty, GError **error)
{
  g_return_val_if_fail (d != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_autofree char *json = bdx_disclosure_to_json (d, pretty);
  gsize len = strlen (json);
  if (strcmp (path, "-") == 0)
    return write_stdout (json, len, error);
  /* A device or a pipe (/dev/null, /dev/stdout, a FIFO) is written in
   * place: renaming a temporary file over it would replace the device
   * node itself with a regular file. */
  GStatBuf st;
  if (g_stat (path, &st) == 0 && !S_ISREG (st.st_mode))
    return write_in_place (path, json, len, error);
  return write_file_atomic (path, json, len, error);
}
