#ifndef COPENCC_SHIM_H
#define COPENCC_SHIM_H
#include <opencc/opencc.h>

/* opencc_open returns (opencc_t)-1 on failure; Swift cannot compare a pointer to -1 easily. */
static inline int copencc_is_valid(opencc_t handle) { return handle != (opencc_t)-1; }
#endif
