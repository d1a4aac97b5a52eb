/* bdx — text normalization.
 *
 * Every string the pipeline compares or emits goes through
 * bdx_text_normalize() once, so patterns, labels and output agree on one
 * form of the text: NFKC, radicals folded to ideographs, single ASCII
 * spaces and none next to Chinese characters.
 *
 * Ownership: functions returning `char *` return a newly allocated
 * string (g_free) and return NULL exactly when given NULL.  Input is
 * UTF-8; invalid sequences are replaced by U+FFFD, never trusted.
 */
#ifndef BDX_TEXT_H
#define BDX_TEXT_H

#include <glib.h>

#include "bdx/visibility.h"

G_BEGIN_DECLS

/* Normalizes text as printed in a document:
 *
 *  1. invalid UTF-8 becomes U+FFFD;
 *  2. NFKC (full-width "１２，３" → "12,3", U+3000 → U+0020);
 *  3. CJK radicals become the ideographs they look like
 *     (bdx_text_fold_radical: "⻔" → "门");
 *  4. each run of whitespace (bdx_unichar_is_space) becomes one ASCII
 *     space, and the ends are trimmed;
 *  5. a space is removed when the character on either side is CJK
 *     (bdx_unichar_is_cjk): "克州 12345 政务" → "克州12345政务", while
 *     "a  b" → "a b".
 *
 * len is the byte length of s, or -1 when s is NUL-terminated; a NUL
 * byte within len counts as invalid and becomes U+FFFD too. */
BDX_API char *bdx_text_normalize (const char *s, gssize len);

/* The unified ideograph a CJK radical looks like: a Kangxi Radical
 * (U+2F00..U+2FD5) or a CJK Radicals Supplement character
 * (U+2E80..U+2EF3), simplified forms to simplified ideographs
 * (U+2ED4 ⻔ → U+95E8 门, U+2F40 ⽀ → U+652F 支).  Any other character,
 * and a radical Unicode maps to nothing, is returned unchanged. */
BDX_API gunichar bdx_text_fold_radical (gunichar c);

/* TRUE for a CJK unified or compatibility ideograph: U+3400..U+4DBF
 * (Extension A), U+4E00..U+9FFF, U+F900..U+FAFF (compatibility) and
 * planes 2 and 3 (Extensions B and later, compatibility supplement). */
BDX_API gboolean bdx_unichar_is_han (gunichar c);

/* TRUE for a character that makes its neighbour space removable in
 * bdx_text_normalize: a Han ideograph (bdx_unichar_is_han), CJK
 * symbols and punctuation (U+3000..U+303F: "、" "。" "《"), or a
 * half-width or full-width form (U+FF00..U+FFEF). */
BDX_API gboolean bdx_unichar_is_cjk (gunichar c);

/* TRUE for whitespace: Unicode space separators (incl. U+3000 and
 * U+00A0), line and paragraph separators, and ASCII \t \n \v \f \r and
 * U+0085. */
BDX_API gboolean bdx_unichar_is_space (gunichar c);

/* s without any whitespace (bdx_unichar_is_space), for matching labels
 * that a document may print spaced out ("合  计" → "合计").  No other
 * normalization. */
BDX_API char *bdx_text_strip_spaces (const char *s);

/* A number written in Chinese numerals, 一 … 九十九 ("十二" → 12), as
 * tables and headings are numbered; 0 when s is not one. */
BDX_API int bdx_text_chinese_number (const char *s);

/* TRUE when s is one or more ASCII digits and nothing else (a
 * classification code); FALSE for NULL and "". */
BDX_API gboolean bdx_text_is_digits (const char *s);

G_END_DECLS

#endif
