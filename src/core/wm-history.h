/* wm-history.h: the one path every edit of a map goes through. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define WM_TYPE_HISTORY (wm_history_get_type ())
G_DECLARE_FINAL_TYPE (WmHistory, wm_history, WM, HISTORY, GObject)

WmHistory  *wm_history_new            (GObject      *owner);

void        wm_history_begin          (WmHistory    *self,
                                       const char   *label);
void        wm_history_end            (WmHistory    *self);

void        wm_history_set_value      (WmHistory    *self,
                                       GObject      *object,
                                       const char   *property,
                                       const GValue *value);
void        wm_history_set            (WmHistory    *self,
                                       gpointer      object,
                                       const char   *first_property,
                                       ...) G_GNUC_NULL_TERMINATED;
void        wm_history_insert         (WmHistory    *self,
                                       GListModel   *list,
                                       guint         position,
                                       gpointer      item);
void        wm_history_remove         (WmHistory    *self,
                                       GListModel   *list,
                                       guint         position);
void        wm_history_move           (WmHistory    *self,
                                       GListModel   *list,
                                       guint         from,
                                       guint         to);

gboolean    wm_history_get_can_undo   (WmHistory    *self);
gboolean    wm_history_get_can_redo   (WmHistory    *self);
const char *wm_history_get_undo_label (WmHistory    *self);
const char *wm_history_get_redo_label (WmHistory    *self);
gboolean    wm_history_undo           (WmHistory    *self);
gboolean    wm_history_redo           (WmHistory    *self);
void        wm_history_seal           (WmHistory    *self);
void        wm_history_clear          (WmHistory    *self);
guint64     wm_history_get_state      (WmHistory    *self);

G_END_DECLS
