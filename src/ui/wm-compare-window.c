/* wm-compare-window.c: a future-state map beside the current-state map it
 * improves on.
 *
 * The stages are columns, as on the map, so the view reads in the map's
 * order (from the right in a right-to-left interface). Each column tells
 * how each persona's score changes at that stage, and which cards were
 * added, removed or changed there; a stage only one map has says so. Every
 * change is said with signs and words ("+2", "−1", "no change"), never by
 * colour alone, and every row can take the keyboard focus and carries an
 * accessible name that says the whole change, so that the view can be
 * walked with Tab and the arrow keys and read by a screen reader.
 *
 * The current map is read for this view only; the future map is the one
 * being edited, so the view is made again after each of its edits.
 */
#include "wm-compare-window.h"

#include <glib/gi18n.h>

#include "wm-inspector-labels.h"
#include "wm-labels.h"

struct _WmCompareWindow
{
  AdwWindow parent_instance;

  AdwWindowTitle *window_title;
  GtkLabel *current_title;
  GtkLabel *future_title;
  GtkLabel *arrow_label;
  GtkLabel *summary_label;
  GtkScrolledWindow *scroller;
  GtkBox *stages_box;
  gboolean placed;          /* scrolled to the first stage */

  WmDocument *future;
  WmDocument *current;
  WmCompare *compare;
};

G_DEFINE_FINAL_TYPE (WmCompareWindow, wm_compare_window, ADW_TYPE_WINDOW)

/* What the card properties other than the text are called, as in the
 * inspector's card page. */
static const struct
{
  const char *property;
  const char *context;
  const char *label;
} card_properties[] = {
  { "channel", NULL, N_("Channel") },
  { "impact", NULL, N_("Impact") },
  { "effort", NULL, N_("Effort") },
  { "owner", NULL, N_("Owner") },
  { "status", NULL, N_("Status") },
  { "kpi-name", "KPI", NC_("KPI", "Name") },
  { "kpi-unit", NULL, N_("Unit") },
  { "kpi-current", NULL, N_("Current value") },
  { "kpi-target", NULL, N_("Target") },
};

/* From old to new, in the reading direction of the interface. */
static const char *
arrow (GtkWidget *widget)
{
  return gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL ? "←" : "→";
}

/* @text as a line that runs in the interface's direction, whatever the
 * direction of its first word: opened by a mark of that direction. */
static char *
in_direction (GtkWidget  *widget,
              const char *text)
{
  return g_strconcat (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL ? "\u200f" : "\u200e", text, NULL);
}

/* "@before → @after", each value in a Unicode isolate so that the arrow
 * stays between them in the line's direction: without, English values in
 * a right-to-left line would run left to right and the arrow point the
 * wrong way. @isolate is "\u2068" (first strong) for words, "\u2066" (left
 * to right) for numbers: "−1", never "1−". */
static char *
change_line (GtkWidget  *widget,
             const char *isolate,
             const char *before,
             const char *after)
{
  return g_strconcat (isolate, before, "\u2069 ", arrow (widget), " ", isolate, after, "\u2069", NULL);
}

/* A score or a change of one as the map shows it, left to right. */
static char *
score_text (double score)
{
  g_autofree char *text = wm_labels_score (score);

  return g_strconcat ("\u2066", text, "\u2069", NULL);
}

static GtkWidget *
label_new (const char *text,
           const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  return label;
}

static GtkWidget *
row_new (GtkWidget  *child,
         const char *accessible_name)
{
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), child);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);
  return row;
}

/* A heading and its list of rows in @column; the list is named by it. */
static GtkWidget *
section_new (GtkWidget  *column,
             const char *heading)
{
  GtkWidget *label = label_new (heading, "heading");
  GtkWidget *list = gtk_list_box_new ();

  gtk_widget_set_margin_top (label, 12);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_box_append (GTK_BOX (column), label);
  gtk_box_append (GTK_BOX (column), list);
  return list;
}

static const char *
persona_name (WmCompare *compare,
              guint      persona)
{
  WmPersona *element = wm_compare_get_future_persona (compare, persona);
  const char *name;

  if (element == NULL)
    element = wm_compare_get_current_persona (compare, persona);
  name = wm_persona_get_name (element);
  return *name != '\0' ? name : wm_labels_new_element (WM_TYPE_PERSONA);
}

/* How one persona's score changes at one stage; NULL when neither map gives one. */
static GtkWidget *
score_row (WmCompareWindow *self,
           guint            persona,
           guint            stage)
{
  WmEmotionPoint *before = wm_compare_get_current_point (self->compare, persona, stage);
  WmEmotionPoint *after = wm_compare_get_future_point (self->compare, persona, stage);
  const char *name = persona_name (self->compare, persona);
  g_autofree char *before_text = before != NULL ? wm_labels_score (wm_emotion_point_get_score (before)) : NULL;
  g_autofree char *after_text = after != NULL ? wm_labels_score (wm_emotion_point_get_score (after)) : NULL;
  g_autofree char *values = NULL;
  g_autofree char *scores = NULL;
  g_autofree char *change_text = NULL;
  g_autofree char *accessible = NULL;
  const char *change_style = "dim-label";
  GtkWidget *box, *change;
  double delta;

  if (before == NULL && after == NULL)
    return NULL;

  values = change_line (GTK_WIDGET (self), "\u2066", before_text != NULL ? before_text : "–",
                        after_text != NULL ? after_text : "–");
  scores = in_direction (GTK_WIDGET (self), values);

  if (wm_compare_get_score_change (self->compare, persona, stage, &delta))
    {
      g_autofree char *amount = wm_labels_number (ABS (delta));

      if (delta > 0)
        {
          change_text = score_text (delta);
          change_style = "success";
          /* TRANSLATORS: a persona; the score in the current-state map; in the future-state map; by how much it rises */
          accessible = g_strdup_printf (_("%s: %s today, %s in the future state, better by %s"),
                                        name, before_text, after_text, amount);
        }
      else if (delta < 0)
        {
          change_text = score_text (delta);
          change_style = "error";
          /* TRANSLATORS: a persona; the score in the current-state map; in the future-state map; by how much it falls */
          accessible = g_strdup_printf (_("%s: %s today, %s in the future state, worse by %s"),
                                        name, before_text, after_text, amount);
        }
      else
        {
          change_text = g_strdup (_("no change"));
          /* TRANSLATORS: a persona; the score, the same in the current-state and the future-state map */
          accessible = g_strdup_printf (_("%s: %s today and in the future state, no change"), name, before_text);
        }
    }
  else if (after == NULL)
    {
      change_text = g_strdup (_("no future score"));
      /* TRANSLATORS: a persona; the score in the current-state map */
      accessible = g_strdup_printf (_("%s: %s today, no score in the future state"), name, before_text);
    }
  else
    {
      change_text = g_strdup (_("no score today"));
      /* TRANSLATORS: a persona; the score in the future-state map */
      accessible = g_strdup_printf (_("%s: no score today, %s in the future state"), name, after_text);
    }

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), label_new (name, NULL));
  gtk_widget_set_hexpand (gtk_widget_get_first_child (box), TRUE);
  gtk_box_append (GTK_BOX (box), gtk_label_new (scores));
  change = gtk_label_new (change_text);
  gtk_widget_add_css_class (change, change_style);
  gtk_widget_add_css_class (change, "heading");
  gtk_box_append (GTK_BOX (box), change);

  return row_new (box, accessible);
}

static const char *
lane_name (WmLane *lane)
{
  const char *title = wm_lane_get_title (lane);

  return *title != '\0' ? title : wm_labels_lane_kind (wm_lane_get_kind (lane));
}

/* A card property's value as the inspector names it. */
static char *
property_value (WmCard     *card,
                GParamSpec *pspec)
{
  g_auto(GValue) value = G_VALUE_INIT;
  const char *text;

  g_value_init (&value, pspec->value_type);
  g_object_get_property (G_OBJECT (card), pspec->name, &value);
  if (G_VALUE_HOLDS_ENUM (&value))
    return g_strdup (wm_inspector_labels_enum (pspec->value_type, g_value_get_enum (&value)));
  if (G_VALUE_HOLDS_INT (&value))
    return wm_labels_number (g_value_get_int (&value));
  if (G_VALUE_HOLDS_DOUBLE (&value))
    return wm_labels_number (g_value_get_double (&value));
  text = G_VALUE_HOLDS_STRING (&value) ? g_value_get_string (&value) : NULL;
  return g_strdup (text != NULL && *text != '\0' ? text : _("none"));
}

static const char *
property_label (GParamSpec *pspec)
{
  for (guint i = 0; i < G_N_ELEMENTS (card_properties); i++)
    if (g_str_equal (card_properties[i].property, pspec->name))
      return card_properties[i].context != NULL ? g_dpgettext2 (NULL, card_properties[i].context, card_properties[i].label)
                                                : _(card_properties[i].label);
  return g_param_spec_get_nick (pspec);
}

/* The lines of a changed card other than its text ("Status: Planned → Done"),
 * appended to @box, and said in words in @accessible. */
static void
add_property_changes (WmCompareWindow    *self,
                      const WmCardChange *change,
                      GtkWidget          *box,
                      GString            *accessible)
{
  for (guint i = 0; change->properties[i] != NULL; i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (change->future), change->properties[i]);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autofree char *values = NULL;
      g_autofree char *line = NULL;
      g_autofree char *shown = NULL;

      if (pspec == NULL || g_str_equal (pspec->name, "text"))
        continue;

      before = property_value (change->current, pspec);
      after = property_value (change->future, pspec);
      values = change_line (GTK_WIDGET (self), "\u2068", before, after);
      /* TRANSLATORS: a card's property, then its old and new values */
      line = g_strdup_printf (_("%s: %s"), property_label (pspec), values);
      shown = in_direction (GTK_WIDGET (self), line);
      gtk_box_append (GTK_BOX (box), label_new (shown, "caption"));
      g_string_append (accessible, "; ");
      /* TRANSLATORS: a card's property, its old value and its new one, for a screen reader */
      g_string_append_printf (accessible, _("%s: %s becomes %s"), property_label (pspec), before, after);
    }
}

static GtkWidget *
card_row (WmCompareWindow    *self,
          const WmCardChange *change)
{
  const char *lane = lane_name (change->lane);
  WmCard *card = change->future != NULL ? change->future : change->current;
  g_autoptr(GString) accessible = g_string_new (NULL);
  GtkWidget *box, *content;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (content, TRUE);
  gtk_box_append (GTK_BOX (content), label_new (lane, "caption"));
  gtk_widget_add_css_class (gtk_widget_get_first_child (content), "dim-label");

  switch (change->kind)
    {
    case WM_CARD_CHANGE_ADDED:
    case WM_CARD_CHANGE_REMOVED:
      {
        gboolean added = change->kind == WM_CARD_CHANGE_ADDED;
        GtkWidget *sign = gtk_label_new (added ? "+" : "−");

        gtk_widget_add_css_class (sign, "title-3");
        gtk_widget_set_valign (sign, GTK_ALIGN_START);
        gtk_widget_set_size_request (sign, 16, -1);
        gtk_box_append (GTK_BOX (box), sign);
        gtk_box_append (GTK_BOX (content), label_new (wm_card_get_text (card), NULL));
        /* TRANSLATORS: a lane of the map, then the text of a card */
        g_string_printf (accessible, added ? _("Added in %s: %s") : _("Removed from %s: %s"),
                         lane, wm_card_get_text (card));
        break;
      }
    case WM_CARD_CHANGE_CHANGED:
      if (g_strv_contains (change->properties, "text"))
        {
          GtkWidget *old_text = label_new (wm_card_get_text (change->current), "dim-label");
          GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
          PangoAttrList *struck = pango_attr_list_new ();

          /* Struck out and dimmed, and said in words to a screen reader. */
          pango_attr_list_insert (struck, pango_attr_strikethrough_new (TRUE));
          gtk_label_set_attributes (GTK_LABEL (old_text), struck);
          pango_attr_list_unref (struck);
          gtk_box_append (GTK_BOX (content), old_text);
          gtk_box_append (GTK_BOX (line), gtk_label_new (arrow (GTK_WIDGET (self))));
          gtk_widget_set_valign (gtk_widget_get_first_child (line), GTK_ALIGN_START);
          gtk_box_append (GTK_BOX (line), label_new (wm_card_get_text (change->future), NULL));
          gtk_box_append (GTK_BOX (content), line);
          /* TRANSLATORS: a lane of the map, the old text of a card and its new text */
          g_string_printf (accessible, _("Changed in %s: “%s” becomes “%s”"),
                           lane, wm_card_get_text (change->current), wm_card_get_text (change->future));
        }
      else
        {
          gtk_box_append (GTK_BOX (content), label_new (wm_card_get_text (card), NULL));
          /* TRANSLATORS: a lane of the map, then the text of a card */
          g_string_printf (accessible, _("Changed in %s: %s"), lane, wm_card_get_text (card));
        }
      add_property_changes (self, change, content, accessible);
      break;
    default:
      g_assert_not_reached ();
    }

  gtk_box_append (GTK_BOX (box), content);
  return row_new (box, accessible->str);
}

static const char *
stage_name (WmStage *stage)
{
  const char *name = wm_stage_get_name (stage);

  return *name != '\0' ? name : wm_labels_new_element (WM_TYPE_STAGE);
}

static GtkWidget *
stage_column (WmCompareWindow *self,
              guint            stage)
{
  static const struct
  {
    WmCardChangeKind kind;
    const char *heading;
  } groups[] = {
    { WM_CARD_CHANGE_ADDED, N_("Cards Added") },
    { WM_CARD_CHANGE_REMOVED, N_("Cards Removed") },
    { WM_CARD_CHANGE_CHANGED, N_("Cards Changed") },
  };
  WmStage *before = wm_compare_get_current_stage (self->compare, stage);
  WmStage *after = wm_compare_get_future_stage (self->compare, stage);
  const char *name = stage_name (after != NULL ? after : before);
  g_autofree char *note = NULL;
  g_autofree char *accessible = NULL;
  guint n_changes = wm_compare_get_n_card_changes (self->compare, stage);
  GtkWidget *column, *list = NULL;

  column = g_object_new (GTK_TYPE_BOX,
                         "orientation", GTK_ORIENTATION_VERTICAL,
                         "spacing", 6,
                         "width-request", 300,
                         "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                         NULL);
  gtk_box_append (GTK_BOX (column), label_new (name, "title-3"));

  if (before == NULL)
    note = g_strdup (_("New in the future state"));
  else if (after == NULL)
    note = g_strdup (_("Only in the current state"));
  else if (!g_str_equal (wm_stage_get_name (before), wm_stage_get_name (after)))
    /* TRANSLATORS: the name a stage had in the current-state map */
    note = g_strdup_printf (_("Was “%s”"), stage_name (before));
  if (note != NULL)
    {
      gtk_box_append (GTK_BOX (column), label_new (note, "dim-label"));
      /* TRANSLATORS: a stage, then what it is to the other map, e.g. "New in the future state" */
      accessible = g_strdup_printf (_("%s, %s"), name, note);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (column), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible != NULL ? accessible : name, -1);

  for (guint p = 0; p < wm_compare_get_n_personas (self->compare); p++)
    {
      GtkWidget *row = score_row (self, p, stage);

      if (row == NULL)
        continue;
      if (list == NULL)
        list = section_new (column, _("Emotion"));
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      list = NULL;
      for (guint i = 0; i < n_changes; i++)
        {
          const WmCardChange *change = wm_compare_get_card_change (self->compare, stage, i);

          if (change->kind != groups[g].kind)
            continue;
          if (list == NULL)
            list = section_new (column, _(groups[g].heading));
          gtk_list_box_append (GTK_LIST_BOX (list), card_row (self, change));
        }
    }

  if (n_changes == 0)
    {
      GtkWidget *none = label_new (_("No cards added, removed or changed"), "dim-label");

      gtk_widget_set_margin_top (none, 12);
      gtk_box_append (GTK_BOX (column), none);
    }

  return column;
}

static char *
summary (WmCompare *compare)
{
  guint better = 0, worse = 0, same = 0, added = 0, removed = 0, changed = 0, new_stages = 0, dropped = 0;
  g_autofree char *scores = NULL;
  g_autofree char *cards = NULL;
  g_autofree char *stages = NULL;

  for (guint s = 0; s < wm_compare_get_n_stages (compare); s++)
    {
      new_stages += wm_compare_get_current_stage (compare, s) == NULL;
      dropped += wm_compare_get_future_stage (compare, s) == NULL;
      for (guint p = 0; p < wm_compare_get_n_personas (compare); p++)
        {
          double delta;

          if (wm_compare_get_score_change (compare, p, s, &delta))
            {
              better += delta > 0;
              worse += delta < 0;
              same += delta == 0;
            }
        }
      for (guint i = 0; i < wm_compare_get_n_card_changes (compare, s); i++)
        {
          WmCardChangeKind kind = wm_compare_get_card_change (compare, s, i)->kind;

          added += kind == WM_CARD_CHANGE_ADDED;
          removed += kind == WM_CARD_CHANGE_REMOVED;
          changed += kind == WM_CARD_CHANGE_CHANGED;
        }
    }

  /* TRANSLATORS: how many persona scores at a stage rise, fall and stay */
  scores = g_strdup_printf (_("Scores: %u better, %u worse, %u unchanged"), better, worse, same);
  /* TRANSLATORS: how many cards are added, removed and changed */
  cards = g_strdup_printf (_("Cards: %u added, %u removed, %u changed"), added, removed, changed);
  /* TRANSLATORS: how many stages only the future-state map has, and only the current-state map */
  stages = g_strdup_printf (_("Stages: %u new, %u dropped"), new_stages, dropped);
  return g_strjoin (" · ", scores, cards, stages, NULL);
}

static void
rebuild (WmCompareWindow *self)
{
  g_autofree char *text = NULL;
  GtkWidget *child;

  g_clear_object (&self->compare);
  self->compare = wm_compare_new (self->current, self->future);

  adw_window_title_set_subtitle (self->window_title, wm_document_get_title (self->future));
  gtk_label_set_label (self->current_title, wm_document_get_title (self->current));
  gtk_label_set_label (self->future_title, wm_document_get_title (self->future));
  gtk_label_set_label (self->arrow_label, arrow (GTK_WIDGET (self)));
  text = summary (self->compare);
  gtk_label_set_label (self->summary_label, text);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->stages_box))) != NULL)
    gtk_box_remove (self->stages_box, child);
  for (guint s = 0; s < wm_compare_get_n_stages (self->compare); s++)
    gtk_box_append (self->stages_box, stage_column (self, s));
}

/* GTK starts a scrolled view at its left edge whatever the direction; in a
 * right-to-left interface the first stage is on the right. */
static void
on_hadjustment_changed (GtkAdjustment   *adjustment,
                        WmCompareWindow *self)
{
  double hidden = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  if (self->placed || gtk_widget_get_direction (GTK_WIDGET (self)) != GTK_TEXT_DIR_RTL || hidden <= 0)
    return;
  gtk_adjustment_set_value (adjustment, hidden);
  self->placed = TRUE;
}

static void
wm_compare_window_dispose (GObject *object)
{
  WmCompareWindow *self = WM_COMPARE_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), WM_TYPE_COMPARE_WINDOW);
  g_clear_object (&self->compare);
  g_clear_object (&self->current);
  g_clear_object (&self->future);

  G_OBJECT_CLASS (wm_compare_window_parent_class)->dispose (object);
}

static void
wm_compare_window_class_init (WmCompareWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = wm_compare_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/wm-compare-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WmCompareWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, WmCompareWindow, current_title);
  gtk_widget_class_bind_template_child (widget_class, WmCompareWindow, future_title);
  gtk_widget_class_bind_template_child (widget_class, WmCompareWindow, arrow_label);
  gtk_widget_class_bind_template_child (widget_class, WmCompareWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, WmCompareWindow, scroller);
  gtk_widget_class_bind_template_child (widget_class, WmCompareWindow, stages_box);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
wm_compare_window_init (WmCompareWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->scroller), "changed",
                           G_CALLBACK (on_hadjustment_changed), self, 0);
}

WmCompareWindow *
wm_compare_window_new (GtkWindow  *parent,
                       WmDocument *future,
                       WmDocument *current)
{
  WmCompareWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (WM_IS_DOCUMENT (future), NULL);
  g_return_val_if_fail (WM_IS_DOCUMENT (current), NULL);

  self = g_object_new (WM_TYPE_COMPARE_WINDOW, "transient-for", parent, NULL);
  self->future = g_object_ref (future);
  self->current = g_object_ref (current);
  g_signal_connect_object (wm_document_get_history (future), "changed",
                           G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  rebuild (self);
  return self;
}

/**
 * wm_compare_window_open_for:
 * @parent: (nullable): the window of @future
 * @future: a future-state map that names its current-state map
 * @future_file: (nullable): where @future is saved, which its link is relative to
 *
 * Returns: (transfer none) (nullable): the window, shown; or %NULL with
 *   @error set when the current-state map cannot be opened
 */
WmCompareWindow *
wm_compare_window_open_for (GtkWindow   *parent,
                            WmDocument  *future,
                            GFile       *future_file,
                            GError     **error)
{
  g_autoptr(WmDocument) current = NULL;
  WmCompareWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (WM_IS_DOCUMENT (future), NULL);
  g_return_val_if_fail (future_file == NULL || G_IS_FILE (future_file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  current = wm_compare_load_current (future, future_file, NULL, error);
  if (current == NULL)
    return NULL;

  self = wm_compare_window_new (parent, future, current);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

/**
 * wm_compare_window_get_compare:
 *
 * Returns: (transfer none): what the window shows
 */
WmCompare *
wm_compare_window_get_compare (WmCompareWindow *self)
{
  g_return_val_if_fail (WM_IS_COMPARE_WINDOW (self), NULL);

  return self->compare;
}
