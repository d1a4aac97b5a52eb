/* bdx — validate: check the extracted numbers against each other.
 *
 * Validation runs after extraction.  It fills d->checks with one BdxCheck
 * per identity the template implies and the document lets us test: row
 * totals, 类 = Σ款 = Σ项, the same number restated in several tables, the
 * text's facts and percentages against the tables, each project's amount
 * against the project table, its allocation and its performance table,
 * and the classification codes (docs/validation.md).
 *
 * Which tables, columns, rows and facts each identity concerns is data:
 * the `[check.KIND.NAME]` sections of the pattern set (patterns/checks.pat),
 * checked against the table and column ids the set declares in its
 * `[table.ID]` sections.  The C code knows only the kinds of checks.
 *
 * Rounding: printed amounts are rounded one by one, so a check may be off
 * by less than the sum of the half printed units of the amounts it
 * involves; such a check is within_rounding, not failed.  The rule, and
 * the precision each amount is taken at, are in docs/validation.md.
 *
 * Ownership: bdx_validate() replaces d->checks' contents with checks the
 * disclosure owns; it borrows patterns and opts.  A failed check is data,
 * not an error: bdx_validate() returns FALSE only when the rules
 * themselves are broken.
 */
#ifndef BDX_VALIDATE_H
#define BDX_VALIDATE_H

#include <glib.h>

#include "bdx/disclosure.h"
#include "bdx/error.h"
#include "bdx/patterns.h"
#include "bdx/visibility.h"

G_BEGIN_DECLS

/* Options; a zeroed struct (or NULL) means the defaults. */
typedef struct
{
  /* Prefix of the rule sections; NULL = "check.".  A rule section is
   * PREFIX KIND "." NAME. */
  const char *rule_prefix;
  /* Unit of the amounts stated in the text (project amounts and
   * allocations, performance funds, facts whose text names no unit),
   * which the model does not record; it fixes their rounding.
   * BDX_UNIT_UNKNOWN = 万元 (亿元 when the document's unit is 亿元). */
  BdxUnit narrative_unit;
} BdxValidateOptions;

/* Runs every rule of patterns against d and replaces d->checks with the
 * results, in rule order.  A rule that names a table the document does
 * not have produces no check; a check whose amounts are all blank is not
 * emitted (there is nothing to check).
 *
 * Returns FALSE with BDX_ERROR_PATTERN ("FILE:LINE: what") when a rule is
 * invalid: unknown kind, key, table id or column id, or a malformed
 * reference.  d->checks is then left as it was. */
BDX_API gboolean bdx_validate (BdxDisclosure *d, const BdxPatterns *patterns,
                               const BdxValidateOptions *opts, GError **error);

/* Parses the rules of patterns without a document, for `bdx patterns
 * check`: the same errors as bdx_validate(). */
BDX_API gboolean bdx_validate_check_rules (const BdxPatterns *patterns,
                                           const BdxValidateOptions *opts,
                                           GError **error);

/* Counts d->checks by status.  Any pointer may be NULL. */
BDX_API void bdx_validate_summary (const BdxDisclosure *d, int *checks,
                                   int *passed, int *within_rounding,
                                   int *failed);

G_END_DECLS

#endif
