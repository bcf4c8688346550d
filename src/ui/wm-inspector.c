/* wm-inspector.c: the side panel that edits the selected element.
 *
 * It shows the selection's focus in the page made for its kind (persona,
 * stage, lane, card, emotion point, moment of truth), with the evidence
 * that backs it below; the map's own settings when nothing is selected;
 * and a word of explanation when several things are. The pages follow
 * the element as it changes from anywhere, and every edit they make goes
 * through the map's history (see wm-inspector-bindings.c).
 */
#include "wm-inspector.h"

#include <glib/gi18n.h>

#include "wm-inspector-card-page.h"
#include "wm-inspector-evidence-list.h"
#include "wm-inspector-lane-page.h"
#include "wm-inspector-map-page.h"
#include "wm-inspector-moment-page.h"
#include "wm-inspector-persona-page.h"
#include "wm-inspector-point-page.h"
#include "wm-inspector-stage-page.h"

struct _WmInspector
{
  GtkWidget parent_instance;

  GtkStack *stack;
  AdwStatusPage *multiple_status;
  GtkScrolledWindow *scroller;
  GtkStack *pages;
  WmInspectorEvidenceList *evidence_list;

  WmDocument *document;
  WmSelection *selection;
  WmInspectorPage *shown_page;
  WmElement *shown_element; /* unowned, only compared */
};

G_DEFINE_FINAL_TYPE (WmInspector, wm_inspector, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SELECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static WmInspectorPage *
page_for (WmInspector *self,
          WmElement   *element)
{
  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (self->pages));
       page != NULL;
       page = gtk_widget_get_next_sibling (page))
    if (WM_IS_INSPECTOR_PAGE (page) &&
        G_OBJECT_TYPE (element) == WM_INSPECTOR_PAGE_GET_CLASS (page)->element_type)
      return WM_INSPECTOR_PAGE (page);

  return NULL;
}

/* Shows @element in @page, or nothing when @page is NULL. */
static void
show_element (WmInspector     *self,
              WmInspectorPage *page,
              WmElement       *element)
{
  gboolean is_item = element != NULL && !WM_IS_DOCUMENT (element);

  /* A hidden page lets go of its element, and stops following it. */
  if (self->shown_page != NULL && self->shown_page != page)
    wm_inspector_page_set_element (self->shown_page, NULL, NULL);
  self->shown_page = page;

  if (page != NULL)
    {
      wm_inspector_page_set_element (page, self->document, element);
      gtk_stack_set_visible_child (self->pages, GTK_WIDGET (page));
    }
  wm_inspector_evidence_list_set_element (self->evidence_list,
                                          is_item ? self->document : NULL,
                                          is_item ? element : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->evidence_list), is_item);

  /* Another item starts at its top, not where the last one was scrolled to. */
  if (element != self->shown_element)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  self->shown_element = element;
}

static void
update (WmInspector *self)
{
  GListModel *items = self->selection != NULL ? wm_selection_get_items (self->selection) : NULL;
  guint n = items != NULL ? g_list_model_get_n_items (items) : 0;
  WmElement *element;
  WmInspectorPage *page;

  if (self->document == NULL)
    {
      show_element (self, NULL, NULL);
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }

  if (n > 1)
    {
      g_autofree char *title = g_strdup_printf (ngettext ("%u Item Selected", "%u Items Selected", n), n);

      adw_status_page_set_title (self->multiple_status, title);
      show_element (self, NULL, NULL);
      gtk_stack_set_visible_child_name (self->stack, "multiple");
      return;
    }

  element = n == 1 ? wm_selection_get_focus (self->selection) : WM_ELEMENT (self->document);
  page = page_for (self, element);
  /* Nothing else is selectable on the map; should it be, the map is shown. */
  if (page == NULL)
    {
      element = WM_ELEMENT (self->document);
      page = page_for (self, element);
    }
  show_element (self, page, element);
  gtk_stack_set_visible_child_name (self->stack, "editor");
}

static void
wm_inspector_dispose (GObject *object)
{
  WmInspector *self = WM_INSPECTOR (object);

  wm_inspector_set_selection (self, NULL);
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), WM_TYPE_INSPECTOR);

  G_OBJECT_CLASS (wm_inspector_parent_class)->dispose (object);
}

static void
wm_inspector_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  WmInspector *self = WM_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_inspector_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  WmInspector *self = WM_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      wm_inspector_set_document (self, g_value_get_object (value));
      break;
    case PROP_SELECTION:
      wm_inspector_set_selection (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_inspector_class_init (WmInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_inspector_dispose;
  object_class->get_property = wm_inspector_get_property;
  object_class->set_property = wm_inspector_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", "Document", "The map whose elements are edited",
                         WM_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", "Selection", "What is selected: its focus is edited",
                         WM_TYPE_SELECTION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (WM_TYPE_INSPECTOR_CARD_PAGE);
  g_type_ensure (WM_TYPE_INSPECTOR_EVIDENCE_LIST);
  g_type_ensure (WM_TYPE_INSPECTOR_LANE_PAGE);
  g_type_ensure (WM_TYPE_INSPECTOR_MAP_PAGE);
  g_type_ensure (WM_TYPE_INSPECTOR_MOMENT_PAGE);
  g_type_ensure (WM_TYPE_INSPECTOR_PERSONA_PAGE);
  g_type_ensure (WM_TYPE_INSPECTOR_POINT_PAGE);
  g_type_ensure (WM_TYPE_INSPECTOR_STAGE_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/waymark/Waymark/wm-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, WmInspector, stack);
  gtk_widget_class_bind_template_child (widget_class, WmInspector, multiple_status);
  gtk_widget_class_bind_template_child (widget_class, WmInspector, scroller);
  gtk_widget_class_bind_template_child (widget_class, WmInspector, pages);
  gtk_widget_class_bind_template_child (widget_class, WmInspector, evidence_list);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "inspector");
}

static void
wm_inspector_init (WmInspector *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}

GtkWidget *
wm_inspector_new (void)
{
  return g_object_new (WM_TYPE_INSPECTOR, NULL);
}

/**
 * wm_inspector_get_document:
 *
 * Returns: (transfer none) (nullable): the map whose elements are edited
 */
WmDocument *
wm_inspector_get_document (WmInspector *self)
{
  g_return_val_if_fail (WM_IS_INSPECTOR (self), NULL);

  return self->document;
}

void
wm_inspector_set_document (WmInspector *self,
                           WmDocument  *document)
{
  g_return_if_fail (WM_IS_INSPECTOR (self));
  g_return_if_fail (document == NULL || WM_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * wm_inspector_get_selection:
 *
 * Returns: (transfer none) (nullable): what is selected
 */
WmSelection *
wm_inspector_get_selection (WmInspector *self)
{
  g_return_val_if_fail (WM_IS_INSPECTOR (self), NULL);

  return self->selection;
}

/**
 * wm_inspector_set_selection:
 * @selection: (nullable): the window's selection, whose focus is edited
 */
void
wm_inspector_set_selection (WmInspector *self,
                            WmSelection *selection)
{
  g_return_if_fail (WM_IS_INSPECTOR (self));
  g_return_if_fail (selection == NULL || WM_IS_SELECTION (selection));

  if (self->selection == selection)
    return;

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, update, self);
  g_set_object (&self->selection, selection);
  if (selection != NULL)
    g_signal_connect_object (selection, "notify::focus", G_CALLBACK (update), self, G_CONNECT_SWAPPED);

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}
