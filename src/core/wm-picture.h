/* wm-picture.h: a persona's picture, decoded safely from untrusted bytes. */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "wm-layout.h"

G_BEGIN_DECLS

/* The encoded bytes of one picture, as the file format allows. */
#define WM_PICTURE_MAX_BYTES (4 * 1024 * 1024)
/* A picture larger than this in either dimension, or in pixels, is refused
 * before it is decoded: a few bytes of PNG can claim gigabytes of pixels. */
#define WM_PICTURE_MAX_SIDE 16384
#define WM_PICTURE_MAX_PIXELS (6000 * 6000)
/* An SVG may draw at most this many elements, counting each element again
 * every time another one refers to it (<use>, url(#…)), and a filter or
 * a mask as 2,500: a few references of references can otherwise make
 * billions of drawings, and each filter redraws the whole picture. */
#define WM_PICTURE_MAX_SVG_ELEMENTS 50000
/* Pictures are shown small; bigger ones are scaled down as they decode,
 * and SVGs are drawn once, to pixels of this size. */
#define WM_PICTURE_DECODE_SIZE 512

typedef struct _WmPicture WmPicture;

WmPicture *wm_picture_new  (GBytes        *bytes,
                            const char    *mime_type,
                            GError       **error);
void       wm_picture_free (WmPicture     *self);
void       wm_picture_draw (WmPicture     *self,
                            cairo_t       *cr,
                            const WmRect  *rect);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmPicture, wm_picture_free)

G_END_DECLS
