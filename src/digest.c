/* bdx — SHA-256 of source files (digest.h). */
#include "digest.h"

void
bdx__sha256_init (BdxSha256 *s)
{
  sha256_init (s);
}

void
bdx__sha256_update (BdxSha256 *s, const void *data, gsize len)
{
  sha256_update (s, len, data);
}

char *
bdx__sha256_hex (BdxSha256 *s)
{
  guint8 raw[SHA256_DIGEST_SIZE];
  sha256_digest (s, sizeof raw, raw);
  static const char hex[] = "0123456789abcdef";
  char *out = g_malloc (2 * sizeof raw + 1);
  for (gsize i = 0; i < sizeof raw; i++)
    {
      out[2 * i] = hex[raw[i] >> 4];
      out[2 * i + 1] = hex[raw[i] & 15];
    }
  out[2 * sizeof raw] = '\0';
  return out;
}

char *
bdx__sha256_hex_of (const void *data, gsize len)
{
  BdxSha256 s;
  bdx__sha256_init (&s);
  bdx__sha256_update (&s, data, len);
  return bdx__sha256_hex (&s);
}
