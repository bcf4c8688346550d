/* test-canvas-util.h: what the tests of the canvas share: a window
 * showing a map, waiting for GTK to draw, finding elements on screen. */
#pragma once

#include <gtk/gtk.h>

#include "test-ui.h"
#include "wm-canvas.h"
#include "wm-card.h"
#include "wm-lane.h"
#include "wm-stage.h"

G_BEGIN_DECLS

typedef struct
{
  GtkWidget *window;
  WmCanvas *canvas;
  WmDocument *document;
  WmSelection *selection;
  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
} Fixture;

void        settle (Fixture *f);
WmDocument *load_map (const char *name);
void        fixture_open (Fixture *f, WmDocument *document, int width, int height);
void        fixture_close (Fixture *f);
WmStage    *stage_at (Fixture *f, guint position);
WmLane     *lane_at (Fixture *f, guint position);
WmCard     *card_at (WmLane *lane, WmStage *stage, guint position);
gpointer    find (GListModel *list, const char *id);
void        element_rect (Fixture *f, gpointer element, WmRect *rect);
void        element_center (Fixture *f, gpointer element, double *x, double *y);
WmElement  *selection_focus (Fixture *f);
guint       n_selected (Fixture *f);

G_END_DECLS
