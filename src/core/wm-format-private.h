/* wm-format-private.h: what the parts of the file format share.
 *
 * wm-format.c knows the element classes and the document's collections;
 * wm-format-write.c writes a map, wm-format-read.c reads one, and
 * wm-format-check.c holds what reading checks apart from the tree walk:
 * the bytes before json-glib sees them, the shape of values, the rules
 * across properties, and the list of problems with their places.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "wm-format.h"

G_BEGIN_DECLS

/* Limits. They keep a hostile file from using unbounded time, memory or
 * stack, and are far above any map a person makes. */
#define MAX_FILE_SIZE       (32 * 1024 * 1024) /* bytes in the file */
#define MAX_DEPTH           64                 /* nested arrays and objects */
#define MAX_VALUES          1000000            /* JSON values in the file */
#define MAX_NUMBER_DIGITS   18                 /* of a whole number (fits 64 bits) */
#define MAX_PERSONAS        100
#define MAX_STAGES          500
#define MAX_LANES           500
#define MAX_EMOTION_POINTS  50000              /* personas × stages */
#define MAX_MOMENTS         10000
#define MAX_CARDS           100000             /* in the whole map */
#define MAX_EVIDENCE        100000             /* in the whole map */
#define MAX_STRING          65536              /* bytes in one text */
#define MAX_ID              128                /* bytes in one id */
#define MAX_LIST            64                 /* strings in one list */
#define MAX_PICTURE         (4 * 1024 * 1024)  /* bytes of one picture, decoded */
#define MAX_PROBLEMS        100                /* listed by wm_format_check_bytes() */

#define EVIDENCE_KEY "evidence"
#define CARDS_KEY "cards"
#define ITEMS_KEY "items"

/* What a file holds: a whole map, or a fragment of one on the clipboard. */
typedef struct
{
  const char *name;   /* its "format" */
  const char *noun;   /* for messages */
} Kind;

extern const Kind wm_format_kind_map;
extern const Kind wm_format_kind_fragment;

/* The document's collections, in file order. */
typedef struct
{
  const char *key;
  const char *noun;
  GType (*get_type) (void);
  GListModel *(*get_list) (WmDocument *document);
  guint limit;
} Collection;

#define WM_FORMAT_N_COLLECTIONS 5
extern const Collection wm_format_collections[WM_FORMAT_N_COLLECTIONS];

/* What the format knows about each element class */

/* In ClassInfo.known, a key read apart from the properties. */
#define OTHER_KEY G_MAXUINT

typedef struct
{
  GPtrArray *pspecs;          /* in file order, "id" first */
  GPtrArray *keys;            /* the JSON key of each */
  GHashTable *known;          /* every key with a meaning in this class's objects:
                               * → its pspec's index + 1, or OTHER_KEY */
  guint64 required;           /* bit i: pspec i is a reference that must be given */
  GParamSpec *picture;        /* WM_PARAM_PICTURE, if any */
  GParamSpec *picture_type;   /* WM_PARAM_PICTURE_TYPE, if any */
} ClassInfo;

GHashTable *wm_format_classes_new (void);
ClassInfo  *wm_format_class_info  (GHashTable *classes,
                                   GType       type);
const char *wm_format_nonempty    (const char *s);

/* Reading: where the reader is, and what it found wrong */

typedef struct
{
  GType type;
  gsize place;   /* where it was used, for messages: an offset in Reader.places */
} IdUse;

typedef struct
{
  guint count;
  guint limit;
  const char *noun;
} Counter;

typedef struct
{
  GHashTable *classes;
  GString *path;          /* where the reader is: lanes[0].cards["…"][2] */
  GPtrArray *problems;    /* "place: problem" */
  guint max_problems;
  WmFormatError code;     /* of the first problem */
  /* Every id read so far: no allocation per element, as a map has many. */
  GHashTable *ids;        /* id (in the parsed tree) → index + 1 in id_uses */
  GArray *id_uses;        /* of IdUse */
  GString *places;        /* of IdUse, one after the other, each with its '\0' */
  GHashTable *points;     /* "persona\nstage" → place of its point */
  WmDocument *document;  /* being read, for its scale */
  Counter cards;
  Counter evidence;
} Reader;

void      wm_reader_init          (Reader        *r,
                                   guint          max_problems);
void      wm_reader_clear         (Reader        *r);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reader, wm_reader_clear)
gboolean  wm_reader_full          (Reader        *r);
void      wm_reader_problem       (Reader        *r,
                                   WmFormatError  code,
                                   const char    *format,
                                   ...) G_GNUC_PRINTF (3, 4);
void      wm_reader_syntax_problem (Reader       *r,
                                    GError       *error);
/* The path: each push returns the mark to pop back to. */
gsize     wm_reader_push_key      (Reader        *r,
                                   const char    *key);
gsize     wm_reader_push_index    (Reader        *r,
                                   guint          index);
gsize     wm_reader_push_cell     (Reader        *r,
                                   const char    *stage_id);
void      wm_reader_pop           (Reader        *r,
                                   gsize          mark);
char     *wm_format_shown         (const char    *s);
char     *wm_format_too_large_message (guint64    size);

/* Checks */

gboolean  wm_format_check_text    (Reader        *r,
                                   GBytes        *bytes,
                                   const char   **text,
                                   gsize         *length);
gboolean  wm_format_check_encoding (Reader       *r,
                                    const char   *text,
                                    gsize         length);
gboolean  wm_format_check_string  (Reader        *r,
                                   GParamSpec    *pspec,
                                   const char    *s);
gboolean  wm_format_is_base64     (const char    *s,
                                   gsize          length);
void      wm_format_check_scale   (Reader        *r,
                                   WmDocument    *document);
void      wm_format_check_emotion_point (Reader         *r,
                                         WmEmotionPoint *point);
void      wm_format_check_picture (Reader        *r,
                                   ClassInfo     *info,
                                   WmElement     *element);

G_END_DECLS
