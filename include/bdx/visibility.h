/* bdx — symbol visibility.  The library is built with hidden visibility;
 * only declarations marked BDX_API are exported. */
#ifndef BDX_VISIBILITY_H
#define BDX_VISIBILITY_H

#if defined(BDX_COMPILATION)
#define BDX_API __attribute__ ((visibility ("default")))
#else
#define BDX_API
#endif

#endif
