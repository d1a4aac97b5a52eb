/* bdx — SHA-256, the identity of a source file (source.sha256, the
 * dataset's documents).  nettle's, not GLib's GChecksum: its
 * assembly code hashes a PDF three times as fast, and a file's hash was
 * 5 % of a text-layer extraction (docs/performance.md). */
#ifndef BDX_DIGEST_H
#define BDX_DIGEST_H

#include <glib.h>
#include <nettle/sha2.h>

typedef struct sha256_ctx BdxSha256;

/* Starts, feeds and finishes a hash; the result is 64 lowercase hex
 * digits, owned by the caller. */
G_GNUC_INTERNAL void bdx__sha256_init (BdxSha256 *s);
G_GNUC_INTERNAL void bdx__sha256_update (BdxSha256 *s, const void *data,
                                         gsize len);
G_GNUC_INTERNAL char *bdx__sha256_hex (BdxSha256 *s);

/* The hash of `len` bytes at `data`, as above. */
G_GNUC_INTERNAL char *bdx__sha256_hex_of (const void *data, gsize len);

#endif /* BDX_DIGEST_H */
