#include "bdx/error.h"

G_DEFINE_QUARK (bdx-error-quark, bdx_error)

#include "bdx/bdx.h"

const char *
bdx_version (void)
{
  return BDX_VERSION;
}
