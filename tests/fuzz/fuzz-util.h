/* fuzz-util.h: what the fuzz targets share. */
#pragma once

#include <stdint.h>
#include <stddef.h>

#include "wm-document.h"

G_BEGIN_DECLS

int  LLVMFuzzerInitialize   (int            *argc,
                             char         ***argv);
int  LLVMFuzzerTestOneInput (const uint8_t  *data,
                             size_t          size);

void fuzz_init              (void);
void fuzz_assert_equal      (GBytes         *a,
                             GBytes         *b,
                             const char     *what);
void fuzz_assert_round_trip (WmDocument     *document);

G_END_DECLS
