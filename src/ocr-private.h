/* bdx — what the OCR sources share with their tests, not public. */
#ifndef BDX_OCR_PRIVATE_H
#define BDX_OCR_PRIVATE_H

#include <glib.h>

G_BEGIN_DECLS

/* Whether a table cell's ink (black pixels in `parts` connected parts,
 * its box ink_w × ink_h pixels) is a lone dash, the "-" of a zero, for
 * text whose em is em_px pixels. */
gboolean bdx__ocr_is_dash (int ink, int parts, int ink_w, int ink_h, double em_px);

G_END_DECLS

#endif
