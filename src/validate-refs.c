/* bdx — validate: checks between tables and between the text and the
 * tables.
 *
 *  equal, fact_equal  Σ left = Σ right (or Σ left ≥ Σ right), each side
 *                     a list of references: facts or table cells
 *                     (docs/validation.md has the syntax).  With
 *                     `each = code` the check is made once per code that
 *                     the "#*" tables print at a level every one of them
 *                     prints (表1 lists only 类: it is compared at 类
 *                     only).  A "#*" table that prints no code at all
 *                     but names its classes ("一、一般公共服务支出") is
 *                     compared at 类, its row found by the name the code
 *                     has in the other tables; with `each = fact:PREFIX`
 *                     once per fact
 *                     PREFIX.CODE.  A non-optional table or fact that is
 *                     absent means the identity does not apply here.
 *  fact_share         a printed percentage against the amount and the
 *                     base it is a share of, in integer arithmetic:
 *
 *      the share S is printed with ds decimals (44.72 → S = 4472, ds = 2),
 *      K = 10^(ds+2), so the ratio is S/K.  From the printed amounts a
 *      and b (half units ha, hb):
 *
 *        passed           S is a/b rounded:       2·|S·b − K·a| ≤ b
 *        within_rounding  S is the rounding of some ratio the true
 *                         amounts allow:
 *                           2·S·(b+hb) ≥ 2·K·(a−ha) − (b+hb)  and
 *                           2·S·(b−hb) ≤ 2·K·(a+ha) + (b−hb)
 *        failed           otherwise
 *
 *      The check reports expected = a/b and actual = S in parts per
 *      million (44.72 % → 447200) and a tolerance in ppm: half a printed
 *      unit of the share plus the widest change of a/b the amounts'
 *      rounding allows, rounded up.  Products are 128-bit.
 */
#undef G_LOG_DOMAIN
#define G_LOG_DOMAIN "bdx-validate"

#include "validate-private.h"

#include <string.h>

__extension__ typedef __int128 Wide;

/* ---- Iteration ---------------------------------------------------------- */

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *)a, *(const char *const *)b);
}

static gboolean
length_listed (const GArray *lengths, int len)
{
  for (guint i = 0; i < lengths->len; i++)
    if (g_array_index (lengths, int, i) == len)
      return TRUE;
  return FALSE;
}

/* The codes to check an `each = code` rule at, sorted; borrowed strings.
 * NULL when a non-optional "#*" table is absent (no check at all). */
static GPtrArray *
iteration_codes (BdxVContext *cx, const BdxRule *rule)
{
  g_autoptr (GPtrArray) codes = g_ptr_array_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  /* lengths printed by every non-empty "#*" table: bit per length */
  guint32 common = G_MAXUINT32;
  /* a "#*" table lists its classes by name only: compared at 类 */
  gboolean named = FALSE;

  for (guint s = 0; s < 2; s++)
    {
      const GPtrArray *refs = s == 0 ? rule->left : rule->right;

      for (guint i = 0; i < refs->len; i++)
        {
          const BdxRef *r = g_ptr_array_index (refs, i);
          const BdxTable *t;
          guint32 printed = 0;

          if (r->fact != NULL || r->row.kind != BDX_SEL_BOUND)
            continue;
          t = bdx_disclosure_lookup_table (cx->d, r->table);
          if (t == NULL)
            {
              if (r->optional)
                continue;
              return NULL;
            }
          if (!t->empty && !bdx__table_has_codes (t, r->side))
            {
              named = TRUE;
              continue;
            }
          for (guint j = 0; j < t->rows->len; j++)
            {
              const BdxRow *row = g_ptr_array_index (t->rows, j);
              gsize len;

              if (!bdx__row_on_side (row, r->side)
                  || !bdx__code_is_digits (row->code))
                continue;
              len = strlen (row->code);
              if (len < 32)
                printed |= 1u << len;
              if (!g_hash_table_contains (seen, row->code))
                {
                  g_hash_table_add (seen, row->code);
                  g_ptr_array_add (codes, row->code);
                }
            }
          if (printed != 0)
            common &= printed;
        }
    }

  for (guint i = codes->len; i-- > 0;)
    {
      const char *code = g_ptr_array_index (codes, i);
      gsize len = strlen (code);

      if (len >= 32 || !(common & (1u << len)) || (named && len != 3)
          || (rule->levels != NULL && !length_listed (rule->levels, (int)len)))
        g_ptr_array_remove_index (codes, i);
    }
  g_ptr_array_sort (codes, compare_strings);
  return g_steal_pointer (&codes);
}

/* The codes of the facts PREFIX.CODE, in the text's order; owned. */
static GPtrArray *
fact_codes (BdxVContext *cx, const char *prefix)
{
  GPtrArray *codes = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dotted = g_strconcat (prefix, ".", NULL);

  for (guint i = 0; i < cx->d->facts->len; i++)
    {
      const BdxFact *f = g_ptr_array_index (cx->d->facts, i);
      const char *code;
      gboolean dup = FALSE;

      if (f->key == NULL || !g_str_has_prefix (f->key, dotted))
        continue;
      code = f->key + strlen (dotted);
      if (*code == '\0')
        continue;
      for (guint j = 0; j < codes->len && !dup; j++)
        dup = g_str_equal (g_ptr_array_index (codes, j), code);
      if (!dup)
        g_ptr_array_add (codes, g_strdup (code));
    }
  return codes;
}

/* ---- equal, fact_equal -------------------------------------------------- */

/* The key of the first fact of refs, or NULL; owned. */
static char *
first_fact_key (const GPtrArray *refs, const char *bound)
{
  for (guint i = 0; i < refs->len; i++)
    {
      const BdxRef *r = g_ptr_array_index (refs, i);

      if (r->fact != NULL)
        return r->bound ? g_strconcat (r->fact, ".", bound, NULL)
                        : g_strdup (r->fact);
    }
  return NULL;
}

/* The name code has in the first "#*" table of the rule that prints it;
 * borrowed, or NULL. */
static const char *
bound_name (BdxVContext *cx, const BdxRule *rule, const char *code)
{
  for (guint s = 0; code != NULL && s < 2; s++)
    {
      const GPtrArray *refs = s == 0 ? rule->left : rule->right;

      for (guint i = 0; i < refs->len; i++)
        {
          const BdxRef *r = g_ptr_array_index (refs, i);
          const BdxTable *t;

          if (r->fact != NULL || r->row.kind != BDX_SEL_BOUND)
            continue;
          t = bdx_disclosure_lookup_table (cx->d, r->table);
          for (guint j = 0; t != NULL && j < t->rows->len; j++)
            {
              const BdxRow *row = g_ptr_array_index (t->rows, j);

              if (bdx__row_on_side (row, r->side) && row->name != NULL
                  && g_strcmp0 (row->code, code) == 0)
                return row->name;
            }
        }
    }
  return NULL;
}

static void
check_equal_once (BdxVContext *cx, const BdxRule *rule, const char *code)
{
  BdxTerm actual = { 0 }, expected = { 0 };
  const char *table = NULL, *row = NULL, *column = NULL;
  g_autofree char *fact = NULL;

  cx->bound_name = bound_name (cx, rule, code);

  if (!bdx__resolve_refs (cx, rule->left, code, &actual, &table, &row, &column)
      || !bdx__resolve_refs (cx, rule->right, code, &expected, &table, &row,
                             &column))
    return;
  if (table == NULL)
    {
      /* Facts only: the row is the first fact named. */
      fact = first_fact_key (rule->left, code);
      if (fact == NULL)
        fact = first_fact_key (rule->right, code);
      row = fact;
    }
  bdx__emit (cx, rule, code, table, row, column, &actual, &expected,
             rule->at_least, NULL);
}

void
bdx__check_equal (BdxVContext *cx, const BdxRule *rule)
{
  if (rule->each == BDX_EACH_CODE)
    {
      g_autoptr (GPtrArray) codes = iteration_codes (cx, rule);

      for (guint i = 0; codes != NULL && i < codes->len; i++)
        check_equal_once (cx, rule, g_ptr_array_index (codes, i));
    }
  else if (rule->each == BDX_EACH_FACT)
    {
      g_autoptr (GPtrArray) codes = fact_codes (cx, rule->each_fact);

      for (guint i = 0; i < codes->len; i++)
        check_equal_once (cx, rule, g_ptr_array_index (codes, i));
    }
  else
    check_equal_once (cx, rule, NULL);
}

/* ---- fact_share --------------------------------------------------------- */

/* "44.72" (optionally with a final "%") → *value = 4472, *decimals = 2. */
static gboolean
parse_share (const char *text, gint64 *value, int *decimals)
{
  g_autofree char *s = g_strstrip (g_strdup (text));
  gsize len = strlen (s);
  gint64 v = 0;
  int d = -1;

  if (len > 0 && s[len - 1] == '%')
    s[--len] = '\0';
  if (len == 0 || len > 12)
    return FALSE;
  for (const char *p = s; *p != '\0'; p++)
    {
      if (*p == '.' && d < 0)
        {
          d = 0;
          continue;
        }
      if (!g_ascii_isdigit (*p))
        return FALSE;
      v = v * 10 + (*p - '0');
      if (d >= 0)
        d++;
    }
  if (d > 4)
    return FALSE;
  *value = v;
  *decimals = d < 0 ? 0 : d;
  return TRUE;
}

static Wide
wide_abs (Wide x)
{
  return x < 0 ? -x : x;
}

/* round(n / d) for n ≥ 0, d > 0, half up. */
static gint64
div_round (Wide n, Wide d)
{
  return (gint64)((2 * n + d) / (2 * d));
}

static void
check_share_once (BdxVContext *cx, const BdxRule *rule, const char *key,
                  const char *code)
{
  const BdxFact *f = bdx__lookup_fact (cx->d, key);
  BdxTerm amount = { 0 }, base = { 0 };
  gint64 share, scale = 1, unit_ppm = 1, expected, actual, tol;
  int decimals;
  Wide a, b, ha, hb, k, s;
  BdxCheckStatus status;
  gboolean found = FALSE;
  BdxCheck *c;
  /* The id: the rule's, with "*" standing for the code. */
  g_auto (GStrv) id_parts = g_strsplit (rule->id, "*", -1);
  g_autofree char *id = g_strjoinv (code != NULL ? code : "*", id_parts);

  if (f == NULL || f->share == NULL || !f->value.present)
    return;
  for (guint i = 0; i < rule->bases->len && !found; i++)
    {
      const GPtrArray *alt = g_ptr_array_index (rule->bases, i);
      BdxTerm t = { 0 };

      if (bdx__resolve_refs (cx, alt, code, &t, NULL, NULL, NULL)
          && t.present > 0)
        {
          base = t;
          found = TRUE;
        }
    }
  if (!found)
    return;

  if (!parse_share (f->share, &share, &decimals))
    {
      g_autofree char *message
          = g_strdup_printf ("无法识别的百分比“%s”", f->share);
      bdx__emit_status (cx, id, NULL, key, NULL, BDX_CHECK_FAILED, message);
      return;
    }
  bdx__term_add_text_in (cx, &amount, f->value, bdx__fact_unit (f));
  if (amount.sum < 0 || base.sum <= 0 || base.tol >= base.sum)
    return; /* no meaningful ratio */

  for (int i = 0; i < decimals + 2; i++)
    scale *= 10;
  for (int i = decimals; i < 4; i++)
    unit_ppm *= 10;
  a = amount.sum;
  ha = amount.tol;
  b = base.sum;
  hb = base.tol;
  k = scale;
  s = share;

  if (2 * wide_abs (s * b - k * a) <= b)
    status = BDX_CHECK_PASSED;
  else if (2 * s * (b + hb) >= 2 * k * (a - ha) - (b + hb)
           && 2 * s * (b - hb) <= 2 * k * (a + ha) + (b - hb))
    status = BDX_CHECK_WITHIN_ROUNDING;
  else
    status = BDX_CHECK_FAILED;

  expected = div_round (a * 1000000, b);
  actual = (gint64)share * unit_ppm;
  {
    /* ceil((a+ha)/(b−hb)) and floor((a−ha)/(b+hb)), in ppm */
    gint64 upper = (gint64)(((a + ha) * 1000000 + (b - hb) - 1) / (b - hb));
    gint64 lower = a - ha > 0 ? (gint64)((a - ha) * 1000000 / (b + hb)) : 0;

    tol = MAX (upper - expected, expected - lower) + (unit_ppm + 1) / 2;
  }

  c = bdx__emit_status (cx, id, NULL, key, NULL, status,
                        rule->message != NULL ? rule->message
                                              : "文字所述占比 ≠ 金额 / 合计");
  c->expected = expected;
  c->actual = actual;
  c->tolerance = tol;
}

void
bdx__check_fact_share (BdxVContext *cx, const BdxRule *rule)
{
  if (g_str_has_suffix (rule->fact, ".*"))
    {
      g_autofree char *prefix = g_strndup (rule->fact, strlen (rule->fact) - 2);
      g_autoptr (GPtrArray) codes = fact_codes (cx, prefix);

      for (guint i = 0; i < codes->len; i++)
        {
          const char *code = g_ptr_array_index (codes, i);
          g_autofree char *key = g_strconcat (prefix, ".", code, NULL);

          check_share_once (cx, rule, key, code);
        }
    }
  else
    check_share_once (cx, rule, rule->fact, NULL);
}
