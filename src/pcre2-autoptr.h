/* bdx — internal: g_autoptr support for pcre2 (8-bit code units).
 *
 * Include this instead of <pcre2.h>: it fixes the code unit width for
 * the whole library, so `pcre2_code` means `pcre2_code_8` everywhere. */
#ifndef BDX_PCRE2_AUTOPTR_H
#define BDX_PCRE2_AUTOPTR_H

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif

#include <glib.h>
#include <pcre2.h>

G_DEFINE_AUTOPTR_CLEANUP_FUNC (pcre2_code_8, pcre2_code_free_8)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (pcre2_match_data_8, pcre2_match_data_free_8)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (pcre2_match_context_8,
                               pcre2_match_context_free_8)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (pcre2_compile_context_8,
                               pcre2_compile_context_free_8)

#endif
