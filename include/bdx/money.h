/* bdx — money.
 *
 * Money is an integer number of fen (分) with an explicit blank state.
 * No floating point anywhere on its path: printed decimal text is parsed
 * straight into an integer, scaled by the printed unit.
 *
 * Invariants: a blank BdxMoney has present == FALSE, fen == 0, and
 * decimals == -1.  A present one records how many decimals were printed,
 * which fixes the rounding half-unit used by validation.
 */
#ifndef BDX_MONEY_H
#define BDX_MONEY_H

#include <glib.h>

#include "bdx/visibility.h"

G_BEGIN_DECLS

typedef struct {
  gint64 fen;       /* amount in fen; 0 when blank */
  gint8 decimals;   /* decimals printed (0..4); -1 when blank */
  gboolean present; /* FALSE for a blank cell: blank is not zero */
} BdxMoney;

#define BDX_MONEY_BLANK ((BdxMoney){ 0, -1, FALSE })

typedef enum {
  BDX_UNIT_UNKNOWN = 0,
  BDX_UNIT_YUAN,      /* 元 */
  BDX_UNIT_QIAN_YUAN, /* 千元 */
  BDX_UNIT_WAN_YUAN,  /* 万元 */
  BDX_UNIT_YI_YUAN,   /* 亿元 */
} BdxUnit;

/* Fen per printed unit (元 → 100, 万元 → 1 000 000); 0 for UNKNOWN. */
BDX_API gint64 bdx_unit_fen (BdxUnit unit);

/* The unit's printed name ("万元"), or NULL for UNKNOWN.  Static. */
BDX_API const char *bdx_unit_name (BdxUnit unit);

/* Parses a unit name as printed ("万元", "元", "单位：万元" is NOT accepted:
 * the caller extracts the unit word); surrounding ASCII whitespace is
 * ignored.  UNKNOWN when not a unit, or NULL. */
BDX_API BdxUnit bdx_unit_from_name (const char *name);

/* Parses a printed amount into fen.
 *
 * Accepts, after NFKC normalization by the caller, between optional
 * ASCII whitespace: an optional sign ("-", "+", or a pair of parentheses
 * around the amount for a negative), digits with optional thousands
 * separators (",") in groups of three, an optional decimal point with up
 * to 4 decimals (".5" and "5." are accepted).  A lone "-" / "–" / "—" /
 * "－" means a printed zero (present, 0 decimals).  An empty or
 * whitespace-only string is a blank (present = FALSE), and that is not
 * an error.  unit must not be BDX_UNIT_UNKNOWN.
 *
 * Returns FALSE with BDX_ERROR_FORMAT when the text is not an amount,
 * and BDX_ERROR_LIMIT when it overflows 64 bits of fen.  A value that
 * does not fit the unit's precision (more decimals than fen resolve,
 * e.g. 0.001 元) is BDX_ERROR_FORMAT too.  On error *out is blank. */
BDX_API gboolean bdx_money_parse (const char *text, BdxUnit unit,
                                  BdxMoney *out, GError **error);

/* TRUE when text looks like a printed amount (same grammar, no error):
 * FALSE for a blank, TRUE for a dash.  Grammar only: it does not check
 * the range or the precision, which depend on the unit. */
BDX_API gboolean bdx_money_is_amount (const char *text);

/* Half a printed unit in fen, for the money's printed precision in the
 * given unit: 417.37 万元 → 5000 fen.  Rounded up, so at least 1 for a
 * present amount (1.23 元 → 1: half a fen, rounded up); 0 for a blank. */
BDX_API gint64 bdx_money_half_unit (BdxMoney money, BdxUnit unit);

/* Formats fen as yuan with two decimals ("4173700.00"); newly allocated. */
BDX_API char *bdx_money_format_yuan (gint64 fen);

G_END_DECLS

#endif
