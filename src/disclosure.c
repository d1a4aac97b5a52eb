/* bdx — the disclosure model: constructors, destructors, lookups, names.
 *
 * Every constructor returns a zero-filled object whose arrays exist and
 * are empty, each created with its element's free function, so that
 * freeing the root frees the whole tree.  Fields whose "not stated"
 * value is not 0 start at that value instead: money at BDX_MONEY_BLANK
 * (decimals -1, per money.h), counts and weights documented as "-1 when
 * not stated" at -1.  Free functions accept NULL, like g_free.
 */
#include "bdx/disclosure.h"

#include <string.h>

/* An empty GPtrArray of owned strings. */
static GPtrArray *
new_string_array (void)
{
  return g_ptr_array_new_with_free_func (g_free);
}

static GArray *
new_int_array (void)
{
  return g_array_new (FALSE, TRUE, sizeof (int));
}

/* g_ptr_array_unref and g_array_unref reject NULL; a free function may
 * meet a half-built object, so these accept it. */
static void
ptr_array_release (GPtrArray *array)
{
  if (array != NULL)
    g_ptr_array_unref (array);
}

static void
array_release (GArray *array)
{
  if (array != NULL)
    g_array_unref (array);
}

BdxDisclosure *
bdx_disclosure_new (void)
{
  BdxDisclosure *d = g_new0 (BdxDisclosure, 1);

  d->source.text_pages = new_int_array ();
  d->source.ocr_pages = new_int_array ();
  d->tmpl.tables = new_string_array ();
  d->overview.functions = new_string_array ();
  d->overview.divisions = new_string_array ();
  d->overview.subordinate_units = -1;
  d->outline = g_ptr_array_new_with_free_func (
      (GDestroyNotify) bdx_outline_node_free);
  d->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) bdx_table_free);
  d->projects = g_ptr_array_new_with_free_func (
      (GDestroyNotify) bdx_project_free);
  d->performance = g_ptr_array_new_with_free_func (
      (GDestroyNotify) bdx_performance_free);
  d->facts = g_ptr_array_new_with_free_func ((GDestroyNotify) bdx_fact_free);
  d->checks = g_ptr_array_new_with_free_func ((GDestroyNotify) bdx_check_free);
  d->notices = new_string_array ();
  return d;
}

void
bdx_disclosure_free (BdxDisclosure *d)
{
  if (d == NULL)
    return;
  g_free (d->source.path);
  g_free (d->source.sha256);
  array_release (d->source.text_pages);
  array_release (d->source.ocr_pages);
  g_free (d->department);
  g_free (d->published);
  g_free (d->tmpl.id);
  g_free (d->tmpl.patterns);
  ptr_array_release (d->tmpl.tables);
  ptr_array_release (d->overview.functions);
  ptr_array_release (d->overview.divisions);
  ptr_array_release (d->outline);
  ptr_array_release (d->tables);
  ptr_array_release (d->projects);
  ptr_array_release (d->performance);
  ptr_array_release (d->facts);
  ptr_array_release (d->checks);
  ptr_array_release (d->notices);
  g_free (d);
}

BdxTable *
bdx_table_new (void)
{
  BdxTable *t = g_new0 (BdxTable, 1);

  t->pages = new_int_array ();
  t->columns = g_ptr_array_new_with_free_func (
      (GDestroyNotify) bdx_column_free);
  t->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) bdx_row_free);
  return t;
}

void
bdx_table_free (BdxTable *t)
{
  if (t == NULL)
    return;
  g_free (t->id);
  g_free (t->variant);
  g_free (t->title);
  array_release (t->pages);
  g_free (t->department);
  g_free (t->note);
  ptr_array_release (t->columns);
  ptr_array_release (t->rows);
  g_free (t);
}

BdxColumn *
bdx_column_new (const char *id, const char *header, BdxSide side)
{
  BdxColumn *c = g_new0 (BdxColumn, 1);

  c->id = g_strdup (id);
  c->header = g_strdup (header);
  c->side = side;
  return c;
}

void
bdx_column_free (BdxColumn *c)
{
  if (c == NULL)
    return;
  g_free (c->id);
  g_free (c->header);
  g_free (c);
}

BdxRow *
bdx_row_new (void)
{
  BdxRow *r = g_new0 (BdxRow, 1);

  r->values = g_array_new (FALSE, TRUE, sizeof (BdxMoney));
  return r;
}

void
bdx_row_free (BdxRow *r)
{
  if (r == NULL)
    return;
  g_free (r->code);
  g_free (r->name);
  g_free (r->project);
  array_release (r->values);
  array_release (r->ocr);
  g_free (r);
}

static void
ocr_mark_clear (gpointer data)
{
  g_free (((BdxOcrMark *) data)->read);
}

BdxOcrMark *
bdx_row_add_ocr_mark (BdxRow *r, int field, const char *read, int confidence,
                      gboolean repaired)
{
  g_return_val_if_fail (r != NULL && read != NULL, NULL);
  if (r->ocr == NULL)
    {
      r->ocr = g_array_new (FALSE, TRUE, sizeof (BdxOcrMark));
      g_array_set_clear_func (r->ocr, ocr_mark_clear);
    }
  BdxOcrMark m = { field, g_strdup (read), CLAMP (confidence, -1, 100),
                   repaired };
  g_array_append_val (r->ocr, m);
  return &g_array_index (r->ocr, BdxOcrMark, r->ocr->len - 1);
}

BdxOcrMark *
bdx_row_ocr_mark (const BdxRow *r, int field)
{
  g_return_val_if_fail (r != NULL, NULL);
  for (guint i = 0; r->ocr && i < r->ocr->len; i++)
    if (g_array_index (r->ocr, BdxOcrMark, i).field == field)
      return &g_array_index (r->ocr, BdxOcrMark, i);
  return NULL;
}

BdxOutlineNode *
bdx_outline_node_new (const char *heading, int level, int page)
{
  BdxOutlineNode *n = g_new0 (BdxOutlineNode, 1);

  n->heading = g_strdup (heading);
  n->level = level;
  n->page = page;
  n->children = g_ptr_array_new_with_free_func (
      (GDestroyNotify) bdx_outline_node_free);
  return n;
}

void
bdx_outline_node_free (BdxOutlineNode *n)
{
  if (n == NULL)
    return;
  g_free (n->heading);
  ptr_array_release (n->children); /* recurses through the free func */
  g_free (n);
}

BdxProject *
bdx_project_new (void)
{
  BdxProject *p = g_new0 (BdxProject, 1);

  p->amount = BDX_MONEY_BLANK;
  p->allocation = g_ptr_array_new_with_free_func (
      (GDestroyNotify) bdx_allocation_free);
  return p;
}

void
bdx_project_free (BdxProject *p)
{
  if (p == NULL)
    return;
  g_free (p->name);
  g_free (p->basis);
  g_free (p->owner);
  ptr_array_release (p->allocation);
  g_free (p->period_start);
  g_free (p->period_end);
  g_free (p);
}

BdxAllocation *
bdx_allocation_new (const char *item, BdxMoney amount)
{
  BdxAllocation *a = g_new0 (BdxAllocation, 1);

  a->item = g_strdup (item);
  a->amount = amount;
  return a;
}

void
bdx_allocation_free (BdxAllocation *a)
{
  if (a == NULL)
    return;
  g_free (a->item);
  g_free (a);
}

BdxPerformance *
bdx_performance_new (void)
{
  BdxPerformance *p = g_new0 (BdxPerformance, 1);

  p->funds_total = BDX_MONEY_BLANK;
  p->funds_fiscal = BDX_MONEY_BLANK;
  p->funds_other = BDX_MONEY_BLANK;
  p->indicators = g_ptr_array_new_with_free_func (
      (GDestroyNotify) bdx_indicator_free);
  p->pages = new_int_array ();
  return p;
}

void
bdx_performance_free (BdxPerformance *p)
{
  if (p == NULL)
    return;
  g_free (p->scope);
  g_free (p->project);
  g_free (p->department);
  g_free (p->manager);
  g_free (p->goal);
  ptr_array_release (p->indicators);
  array_release (p->pages);
  g_free (p);
}

BdxIndicator *
bdx_indicator_new (void)
{
  BdxIndicator *i = g_new0 (BdxIndicator, 1);

  i->weight = -1;
  return i;
}

void
bdx_indicator_free (BdxIndicator *i)
{
  if (i == NULL)
    return;
  g_free (i->level1);
  g_free (i->level2);
  g_free (i->name);
  g_free (i->target);
  g_free (i->op);
  g_free (i->value);
  g_free (i->unit);
  g_free (i->basis);
  g_free (i->previous);
  g_free (i->scoring);
  g_free (i->evidence);
  g_free (i);
}

BdxFact *
bdx_fact_new (const char *key)
{
  BdxFact *f = g_new0 (BdxFact, 1);

  f->key = g_strdup (key);
  f->value = BDX_MONEY_BLANK;
  f->count = -1;
  return f;
}

void
bdx_fact_free (BdxFact *f)
{
  if (f == NULL)
    return;
  g_free (f->key);
  g_free (f->share);
  g_free (f->text);
  g_free (f);
}

BdxCheck *
bdx_check_new (const char *id)
{
  BdxCheck *c = g_new0 (BdxCheck, 1);

  c->id = g_strdup (id);
  return c;
}

void
bdx_check_free (BdxCheck *c)
{
  if (c == NULL)
    return;
  g_free (c->id);
  g_free (c->table);
  g_free (c->row);
  g_free (c->column);
  g_free (c->message);
  g_free (c);
}

BdxTable *
bdx_disclosure_lookup_table (const BdxDisclosure *d, const char *id)
{
  g_return_val_if_fail (d != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < d->tables->len; i++)
    {
      BdxTable *t = g_ptr_array_index (d->tables, i);

      if (g_strcmp0 (t->id, id) == 0)
        return t;
    }
  return NULL;
}

/* The index among all of t's columns of the first one with this id on
 * this side (BDX_SIDE_NONE: on any side), or -1. */
int
bdx_table_lookup_column (const BdxTable *t, const char *id, BdxSide side)
{
  g_return_val_if_fail (t != NULL, -1);
  g_return_val_if_fail (id != NULL, -1);

  for (guint i = 0; i < t->columns->len; i++)
    {
      const BdxColumn *c = g_ptr_array_index (t->columns, i);

      if (g_strcmp0 (c->id, id) == 0
          && (side == BDX_SIDE_NONE || c->side == side))
        return (int) i;
    }
  return -1;
}

const char *
bdx_document_kind_name (BdxDocumentKind kind)
{
  switch (kind)
    {
    case BDX_KIND_BUDGET:
      return "budget";
    case BDX_KIND_FINAL_ACCOUNTS:
      return "final_accounts";
    case BDX_KIND_UNKNOWN:
    default:
      return NULL;
    }
}

const char *
bdx_side_name (BdxSide side)
{
  switch (side)
    {
    case BDX_SIDE_INCOME:
      return "income";
    case BDX_SIDE_EXPENDITURE:
      return "expenditure";
    case BDX_SIDE_NONE:
    default:
      return NULL;
    }
}

const char *
bdx_check_status_name (BdxCheckStatus status)
{
  switch (status)
    {
    case BDX_CHECK_PASSED:
      return "passed";
    case BDX_CHECK_WITHIN_ROUNDING:
      return "within_rounding";
    case BDX_CHECK_FAILED:
      return "failed";
    default:
      return NULL;
    }
}

int
bdx_code_level (const char *code)
{
  switch (code != NULL ? strlen (code) : 0)
    {
    case 3: return 1;
    case 5: return 2;
    case 7: return 3;
    case 9: return 4;
    default: return 0;
    }
}

gboolean
bdx_disclosure_page_is_ocr (const BdxDisclosure *d, int page)
{
  g_return_val_if_fail (d != NULL, FALSE);
  for (guint i = 0; d->source.ocr_pages && i < d->source.ocr_pages->len; i++)
    if (g_array_index (d->source.ocr_pages, int, i) == page)
      return TRUE;
  return FALSE;
}
