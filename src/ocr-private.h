/* bdx — what the OCR sources (ocr.c, image.c) share, not public. */
#ifndef BDX_OCR_PRIVATE_H
#define BDX_OCR_PRIVATE_H

G_BEGIN_DECLS

/* Sends leptonica's messages to the debug log instead of stderr; once per
 * process, from any thread. */
void bdx__ocr_quiet_leptonica (void);

G_END_DECLS

#endif
