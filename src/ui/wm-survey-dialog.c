/* wm-survey-dialog.c: importing a survey into a map.
 *
 * The dialog samples the start of the file to offer its columns, then
 * reads the whole survey with the choices shown; the survey read is the
 * preview (persona × stage: the score now and after, n, spread, dates)
 * and, unchanged, what Import applies. Each change of a choice reads the
 * file again, after a short pause so that a spin button held down does
 * not start a read per step.
 *
 * Reading runs in a thread, so that a survey of a million rows leaves the
 * window alive. wm_survey_read_file() takes the map's personas and stages
 * at its start and touches nothing after; the thread is given a document
 * of its own holding just those (the same objects, which the survey's
 * groups must be to be applied), so that the map's lists are never walked
 * from two threads. The dialog is modal, so nothing renames a persona
 * while the read starts; an edit of the map (an undo from elsewhere)
 * cancels the read and starts another. The task's callback, run in the
 * main thread, holds the dialog: as the task's source object, it could be
 * let go of last, and finalized, in the reading thread.
 *
 * The encoding is told by the core alone, and the sample always splits
 * the file by the separator the core detects: with another separator
 * chosen, the columns are found by their header names.
 */
#include "wm-survey-dialog.h"

#include <glib/gi18n.h>

#include "wm-labels.h"
#include "wm-widget-util.h"

#define SAMPLE_ROWS 20
#define READ_DELAY_MS 150

struct _WmSurveyDialog
{
  AdwWindow parent_instance;

  AdwWindowTitle *window_title;
  AdwActionRow *encoding_row;
  AdwComboRow *delimiter_row;
  GtkWidget *header_row;
  GtkSwitch *header_switch;
  AdwPreferencesGroup *columns_group;
  AdwComboRow *column_rows[WM_SURVEY_N_ROLES];
  AdwExpanderRow *scale_row;
  GtkSpinButton *scale_min_spin;
  GtkSpinButton *scale_max_spin;
  AdwPreferencesGroup *preview_group;
  GtkSpinner *spinner;
  GtkStack *preview_stack;
  AdwActionRow *error_row;
  GtkListBox *groups_list;
  AdwPreferencesGroup *problems_group;
  GtkListBox *problems_list;

  WmDocument *document;
  GFile *file;
  WmSurveySample *sample;
  WmSurvey *survey;
  char *error;
  GCancellable *cancellable;  /* of the sampling or reading under way */
  guint read_source;          /* a read waiting for the choices to settle */
  gboolean busy;
  gboolean updating;          /* the rows are being set from here, not by the user */
};

G_DEFINE_FINAL_TYPE (WmSurveyDialog, wm_survey_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* In the order of the separator's combo row. */
static const char delimiters[] = { ',', ';', '\t' };

/* A survey cannot do without these; the others may be missing. */
static gboolean
role_is_required (WmSurveyRole role)
{
  return role == WM_SURVEY_ROLE_PERSONA || role == WM_SURVEY_ROLE_STAGE || role == WM_SURVEY_ROLE_SCORE;
}

/* The position of a column in @role's combo row, whose optional roles
 * offer "not in the file" first. */
static guint
position_of_column (WmSurveyRole role,
                    int          column)
{
  if (role_is_required (role))
    return MAX (column, 0);
  return column >= 0 ? (guint) column + 1 : 0;
}

static int
column_of_position (WmSurveyRole role,
                    guint        position)
{
  if (role_is_required (role))
    return position;
  return position > 0 ? (int) position - 1 : WM_SURVEY_COLUMN_NONE;
}

static guint
position_of_delimiter (char delimiter)
{
  for (guint i = 0; i < G_N_ELEMENTS (delimiters); i++)
    if (delimiters[i] == delimiter)
      return i;
  return 0;
}

/* Whether the sample splits the file as the chosen separator does, so
 * that its columns are the file's. */
static gboolean
columns_known (WmSurveyDialog *self)
{
  guint chosen = adw_combo_row_get_selected (self->delimiter_row);

  return self->sample != NULL && chosen < G_N_ELEMENTS (delimiters) &&
         delimiters[chosen] == self->sample->delimiter;
}

/* ------------------------------------------------------------------------ */
/* Showing the state                                                        */

/* Takes @number, as wm-labels.h writes it, to read left to right in any
 * interface: "−3", never "3−". */
static char *
left_to_right (char *number)
{
  char *isolated = g_strconcat ("\u2066", number, "\u2069", NULL);

  g_free (number);
  return isolated;
}

static void
update_import (WmSurveyDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "survey.import",
                                 !self->busy && self->survey != NULL);
}

static void
set_busy (WmSurveyDialog *self,
          gboolean        busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;
  gtk_spinner_set_spinning (self->spinner, busy);
  /* The last preview stays in sight, dimmed, until the next is ready. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->preview_stack), !busy);
  update_import (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
update_scale_row (WmSurveyDialog *self)
{
  g_autofree char *subtitle = NULL;

  if (adw_expander_row_get_enable_expansion (self->scale_row))
    {
      g_autofree char *low = left_to_right (wm_labels_score (wm_document_get_scale_min (self->document)));
      g_autofree char *high = left_to_right (wm_labels_score (wm_document_get_scale_max (self->document)));

      /* TRANSLATORS: the survey's scale set by hand is rescaled to the map's, e.g. "−3 to +3" */
      subtitle = g_strdup_printf (_("Rescaled to the map’s %s to %s"), low, high);
    }
  else if (self->survey != NULL)
    {
      double scale_min, scale_max;
      g_autofree char *low = NULL;
      g_autofree char *high = NULL;

      wm_survey_get_scale (self->survey, &scale_min, &scale_max);
      low = left_to_right (wm_labels_number (scale_min));
      high = left_to_right (wm_labels_number (scale_max));
      /* TRANSLATORS: the survey's scale, told from its lowest and highest scores, e.g. "1 to 5" */
      subtitle = g_strdup_printf (_("Told from the scores: %s to %s"), low, high);
    }
  else
    subtitle = g_strdup (_("Told from the lowest and highest scores"));

  adw_expander_row_set_subtitle (self->scale_row, subtitle);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* What the import does to one persona at one stage. */
static GtkWidget *
group_row_new (WmSurveyDialog      *self,
               const WmSurveyGroup *group)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *change;
  WmEmotionPoint *point;
  g_autofree char *title = NULL;
  g_autofree char *spread = wm_labels_number (group->spread);
  g_autofree char *after = wm_labels_score (group->score);
  g_autofree char *after_shown = left_to_right (g_strdup (after));
  g_autofree char *shown = NULL;
  g_autofree char *spoken = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);

  /* TRANSLATORS: a persona at a stage of the journey, e.g. "Anna at Purchase" */
  title = g_strdup_printf (_("%s at %s"), wm_persona_get_name (group->persona), wm_stage_get_name (group->stage));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);

  g_string_append_printf (subtitle, ngettext ("%u response", "%u responses", group->n), group->n);
  g_string_append (subtitle, " · ");
  /* TRANSLATORS: the standard deviation of a survey's scores, on the map's scale */
  g_string_append_printf (subtitle, _("spread %s"), spread);
  if (group->first_date[0] != '\0')
    {
      g_string_append (subtitle, " · ");
      if (g_str_equal (group->first_date, group->last_date))
        g_string_append (subtitle, group->first_date);
      else
        /* TRANSLATORS: the first and the last day of a survey's responses */
        g_string_append_printf (subtitle, _("%s to %s"), group->first_date, group->last_date);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);

  point = wm_document_find_emotion_point (self->document,
                                          wm_element_get_id (WM_ELEMENT (group->persona)),
                                          wm_element_get_id (WM_ELEMENT (group->stage)));
  /* Scores read left to right in any interface ("−1", never "1−"), and
   * the arrow points from the score now to the score after, the way the
   * interface reads. */
  if (point != NULL)
    {
      g_autofree char *before = wm_labels_score (wm_emotion_point_get_score (point));
      g_autofree char *before_shown = left_to_right (g_strdup (before));
      gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;

      shown = g_strconcat (before_shown, " ", rtl ? "←" : "→", " ", after_shown, NULL);
      /* TRANSLATORS: what a screen reader says for a score changed by a survey import, e.g. "−1 → +2" */
      spoken = g_strdup_printf (_("Now %s, after the import %s"), before, after);
    }
  else
    {
      /* TRANSLATORS: the score of an emotion point a survey import adds */
      shown = g_strdup_printf (_("%s (new)"), after_shown);
      /* TRANSLATORS: what a screen reader says for "+2 (new)" */
      spoken = g_strdup_printf (_("No point yet, after the import %s"), after);
    }

  change = gtk_label_new (shown);
  gtk_widget_add_css_class (change, "numeric");
  gtk_accessible_update_property (GTK_ACCESSIBLE (change), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), change);
  return row;
}

static GtkWidget *
problem_row_new (const char *problem)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Problem"), -1);
  gtk_widget_add_css_class (icon, "warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), problem);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  return row;
}

static void
show_problems (WmSurveyDialog *self)
{
  const char * const *problems = self->survey != NULL ? wm_survey_get_problems (self->survey) : NULL;
  guint n_problems = problems != NULL ? g_strv_length ((char **) problems) : 0;
  guint skipped;

  clear_list (self->problems_list);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), n_problems > 0);
  if (n_problems == 0)
    return;

  skipped = wm_survey_get_n_responses (self->survey) - wm_survey_get_n_used (self->survey);
  if (skipped > 0)
    {
      g_autofree char *description =
        g_strdup_printf (ngettext ("%u response is left out. The first problems found:",
                                   "%u responses are left out. The first problems found:", skipped),
                         skipped);

      adw_preferences_group_set_description (self->problems_group, description);
    }
  else
    adw_preferences_group_set_description (self->problems_group, _("Every response counts. The first problems found:"));

  for (guint i = 0; i < n_problems; i++)
    gtk_list_box_append (self->problems_list, problem_row_new (problems[i]));
}

static void
show_preview (WmSurveyDialog *self)
{
  g_autofree char *description = NULL;
  WmSurveyEncoding encoding;
  guint n;

  update_scale_row (self);
  show_problems (self);
  clear_list (self->groups_list);

  if (self->error != NULL)
    {
      adw_action_row_set_subtitle (self->error_row, self->error);
      adw_preferences_group_set_description (self->preview_group, NULL);
      gtk_stack_set_visible_child_name (self->preview_stack, "error");
      return;
    }
  if (self->survey == NULL)
    {
      gtk_stack_set_visible_child_name (self->preview_stack, "reading");
      return;
    }

  n = wm_survey_get_n_responses (self->survey);
  description = g_strdup_printf (ngettext ("%u of %u response counts", "%u of %u responses count", n),
                                 wm_survey_get_n_used (self->survey), n);
  adw_preferences_group_set_description (self->preview_group, description);

  for (guint i = 0; i < wm_survey_get_n_groups (self->survey); i++)
    gtk_list_box_append (self->groups_list, group_row_new (self, wm_survey_get_group (self->survey, i)));
  gtk_stack_set_visible_child_name (self->preview_stack, "groups");

  /* The core may tell the encoding only past the sample (Windows-1252). */
  encoding = wm_survey_get_encoding (self->survey);
  adw_action_row_set_subtitle (self->encoding_row, wm_survey_encoding_name (encoding));
}

static void
set_result (WmSurveyDialog *self,
            WmSurvey       *survey,
            const char     *error)
{
  g_set_object (&self->survey, survey);
  g_free (self->error);
  self->error = g_strdup (error);
  show_preview (self);
  update_import (self);
}

/* ------------------------------------------------------------------------ */
/* Reading                                                                  */

typedef struct
{
  GFile *file;
  WmDocument *names;
  WmSurveyOptions options;
} ReadData;

static void
read_data_free (ReadData *data)
{
  g_object_unref (data->file);
  g_object_unref (data->names);
  g_free (data);
}

/* The map's personas and stages, and its scale: all the thread reads. */
static WmDocument *
names_of (WmDocument *document)
{
  WmDocument *names = wm_document_new ();
  GListModel *lists[][2] = {
    { wm_document_get_personas (document), wm_document_get_personas (names) },
    { wm_document_get_stages (document), wm_document_get_stages (names) },
  };

  wm_document_set_scale_min (names, wm_document_get_scale_min (document));
  wm_document_set_scale_max (names, wm_document_get_scale_max (document));
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l][0]); i++)
      g_list_store_append (G_LIST_STORE (lists[l][1]), wm_document_peek (lists[l][0], i));

  return names;
}

static void
read_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ReadData *data = task_data;
  GError *error = NULL;
  WmSurvey *survey = wm_survey_read_file (data->file, data->names, &data->options, cancellable, &error);

  if (survey != NULL)
    g_task_return_pointer (task, survey, g_object_unref);
  else
    g_task_return_error (task, error);
}

/* Whether @task is the one the dialog waits for: a task cancelled, or
 * outlived by the dialog's end, is not. */
static gboolean
task_is_current (WmSurveyDialog *self,
                 GAsyncResult   *result)
{
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));

  return cancellable != NULL && cancellable == self->cancellable && !g_cancellable_is_cancelled (cancellable);
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(WmSurveyDialog) self = user_data;
  g_autoptr(WmSurvey) survey = NULL;
  g_autoptr(GError) error = NULL;

  if (!task_is_current (self, result))
    return;

  survey = g_task_propagate_pointer (G_TASK (result), &error);
  g_clear_object (&self->cancellable);
  set_result (self, survey, error != NULL ? error->message : NULL);
  set_busy (self, FALSE);
}

static void
cancel_work (WmSurveyDialog *self)
{
  g_clear_handle_id (&self->read_source, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

static void
start_read (WmSurveyDialog *self)
{
  g_autoptr(GTask) task = NULL;
  ReadData *data;

  cancel_work (self);
  if (self->sample == NULL)
    return;

  data = g_new0 (ReadData, 1);
  wm_survey_dialog_get_options (self, &data->options);
  if (adw_expander_row_get_enable_expansion (self->scale_row) &&
      data->options.scale_min >= data->options.scale_max)
    {
      g_free (data);
      set_result (self, NULL, _("The lowest score of the survey’s scale must be below its highest."));
      set_busy (self, FALSE);
      return;
    }

  data->file = g_object_ref (self->file);
  data->names = names_of (self->document);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);

  task = g_task_new (NULL, self->cancellable, on_read, g_object_ref (self));
  g_task_set_source_tag (task, start_read);
  g_task_set_task_data (task, data, (GDestroyNotify) read_data_free);
  g_task_run_in_thread (task, read_in_thread);
}

static gboolean
read_later_cb (gpointer user_data)
{
  WmSurveyDialog *self = user_data;

  self->read_source = 0;
  start_read (self);
  return G_SOURCE_REMOVE;
}

/* Reads again once the choices have settled. */
static void
queue_read (WmSurveyDialog *self)
{
  if (self->sample == NULL)
    return;

  cancel_work (self);
  set_busy (self, TRUE);
  self->read_source = g_timeout_add (READ_DELAY_MS, read_later_cb, self);
}

/* ------------------------------------------------------------------------ */
/* Sampling: the columns to offer                                           */

static char *
column_label (WmSurveyDialog *self,
              guint           column,
              gboolean        header)
{
  const char *name = column < g_strv_length (self->sample->names) ? self->sample->names[column] : NULL;

  if (header && name != NULL && *name != '\0')
    return g_strdup (name);
  /* TRANSLATORS: a column of a survey file without a name, counted from 1 */
  return g_strdup_printf (_("Column %u"), column + 1);
}

/* Offers the sample's columns in each role's row, named by the first
 * row when it is a header, keeping the columns chosen. */
static void
fill_columns (WmSurveyDialog *self)
{
  gboolean header = gtk_switch_get_active (self->header_switch);
  guint n_columns = g_strv_length (self->sample->names);
  g_autoptr(GtkStringList) required = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) optional = gtk_string_list_new (NULL);
  gboolean was_updating = self->updating;
  guint chosen[WM_SURVEY_N_ROLES];

  for (guint i = 0; i < self->sample->rows->len; i++)
    n_columns = MAX (n_columns, g_strv_length (g_ptr_array_index (self->sample->rows, i)));

  /* TRANSLATORS: an optional column of a survey (the comment or the date) that the file does not have */
  gtk_string_list_append (optional, _("Not in the file"));
  for (guint column = 0; column < n_columns; column++)
    {
      g_autofree char *label = column_label (self, column, header);

      gtk_string_list_append (required, label);
      gtk_string_list_append (optional, label);
    }

  self->updating = TRUE;
  for (guint role = 0; role < WM_SURVEY_N_ROLES; role++)
    {
      chosen[role] = adw_combo_row_get_selected (self->column_rows[role]);
      adw_combo_row_set_model (self->column_rows[role],
                               G_LIST_MODEL (role_is_required (role) ? required : optional));
      adw_combo_row_set_selected (self->column_rows[role], chosen[role]);
    }
  self->updating = was_updating;
}

static void
on_sampled (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(WmSurveyDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  WmSurveySample *sample;

  if (!task_is_current (self, result))
    return;

  g_clear_object (&self->cancellable);
  sample = g_task_propagate_pointer (G_TASK (result), &error);
  if (sample == NULL)
    {
      /* Nothing to choose from: the file is broken at its start. */
      gtk_widget_set_sensitive (GTK_WIDGET (self->columns_group), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->delimiter_row), FALSE);
      gtk_widget_set_sensitive (self->header_row, FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->scale_row), FALSE);
      /* TRANSLATORS: the encoding of a survey file that could not be read */
      adw_action_row_set_subtitle (self->encoding_row, _("Unknown"));
      set_result (self, NULL, error->message);
      set_busy (self, FALSE);
      return;
    }

  self->sample = sample;
  adw_action_row_set_subtitle (self->encoding_row, wm_survey_encoding_name (sample->encoding));

  self->updating = TRUE;
  adw_combo_row_set_selected (self->delimiter_row, position_of_delimiter (sample->delimiter));
  gtk_switch_set_active (self->header_switch, sample->header);
  fill_columns (self);
  for (guint role = 0; role < WM_SURVEY_N_ROLES; role++)
    {
      int column = sample->columns[role];

      /* Without a header to tell, the usual order: persona, stage, score. */
      if (column < 0 && role_is_required (role))
        column = role;
      adw_combo_row_set_selected (self->column_rows[role], position_of_column (role, column));
    }
  self->updating = FALSE;

  start_read (self);
}

static void
sample_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;
  WmSurveySample *sample = wm_survey_sample_file (task_data, SAMPLE_ROWS, cancellable, &error);

  if (sample != NULL)
    g_task_return_pointer (task, sample, (GDestroyNotify) wm_survey_sample_free);
  else
    g_task_return_error (task, error);
}

static void
start_sample (WmSurveyDialog *self)
{
  g_autoptr(GTask) task = NULL;

  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  task = g_task_new (NULL, self->cancellable, on_sampled, g_object_ref (self));
  g_task_set_source_tag (task, start_sample);
  g_task_set_task_data (task, g_object_ref (self->file), g_object_unref);
  g_task_run_in_thread (task, sample_in_thread);
}

/* ------------------------------------------------------------------------ */
/* The user's choices                                                       */

static void
on_choice_changed (WmSurveyDialog *self)
{
  if (!self->updating)
    queue_read (self);
}

static void
on_header_changed (WmSurveyDialog *self)
{
  if (self->sample != NULL)
    fill_columns (self);
  on_choice_changed (self);
}

static void
on_delimiter_changed (WmSurveyDialog *self)
{
  gboolean known = columns_known (self);

  /* The sample's columns are split by the separator detected. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->columns_group), known);
  adw_preferences_group_set_description (self->columns_group,
                                         known ? NULL : _("With this separator, the columns are found by their names in the first row."));
  on_choice_changed (self);
}

static void
on_scale_enabled (WmSurveyDialog *self)
{
  /* A scale to start from: the one the scores told. */
  if (adw_expander_row_get_enable_expansion (self->scale_row) && !self->updating &&
      gtk_spin_button_get_value (self->scale_min_spin) >= gtk_spin_button_get_value (self->scale_max_spin))
    {
      double scale_min = 1, scale_max = 5;

      if (self->survey != NULL)
        wm_survey_get_scale (self->survey, &scale_min, &scale_max);
      self->updating = TRUE;
      gtk_spin_button_set_value (self->scale_min_spin, scale_min);
      gtk_spin_button_set_value (self->scale_max_spin, scale_max);
      self->updating = FALSE;
    }

  update_scale_row (self);
  on_choice_changed (self);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  wm_survey_dialog_import (WM_SURVEY_DIALOG (widget));
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */

static void
wm_survey_dialog_dispose (GObject *object)
{
  WmSurveyDialog *self = WM_SURVEY_DIALOG (object);

  cancel_work (self);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (wm_document_get_history (self->document), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), WM_TYPE_SURVEY_DIALOG);
  g_clear_object (&self->document);
  g_clear_object (&self->file);
  g_clear_object (&self->survey);
  g_clear_pointer (&self->sample, wm_survey_sample_free);

  G_OBJECT_CLASS (wm_survey_dialog_parent_class)->dispose (object);
}

static void
wm_survey_dialog_finalize (GObject *object)
{
  WmSurveyDialog *self = WM_SURVEY_DIALOG (object);

  g_free (self->error);

  G_OBJECT_CLASS (wm_survey_dialog_parent_class)->finalize (object);
}

static void
wm_survey_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  WmSurveyDialog *self = WM_SURVEY_DIALOG (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wm_survey_dialog_class_init (WmSurveyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wm_survey_dialog_dispose;
  object_class->finalize = wm_survey_dialog_finalize;
  object_class->get_property = wm_survey_dialog_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", "Busy", "Whether the survey is being read",
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * WmSurveyDialog::imported:
   *
   * The map has the survey's points, as one undoable step; the dialog
   * closes next.
   */
  signals[SIGNAL_IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/waymark/Waymark/wm-survey-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, WmSurveyDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, WmSurveyDialog, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, WmSurveyDialog, delimiter_row);
  gtk_widget_class_bind_template_child (widget_class, WmSurveyDialog, header_row);
  gtk_widget_class_bind_template_child (widget_class, WmSurveyDialog, header_switch);
  gtk_widget_class_bind_template_child (widget_class, WmSurveyDialog, columns_group);
  gtk_widget_class_bind_template_child_full (widget_class, "persona_row", FALSE,
                                             G_STRUCT_OFFSET (WmSurveyDialog, column_rows[WM_SURVEY_ROLE_PERSONA]));
  gtk_widget_class_bind_template_child_full (widget_class, "stage_row", FALSE,
                                             G_STRUCT_OFFSET (WmSurveyDialog, column_rows[WM_SURVEY_ROLE_STAGE]));
  gtk_widget_class_bind_template_child_full (widget_class, "score_row", FALSE,
                                             G_STRUCT_OFFSET (WmSurveyDialog, column_rows[WM_SURVEY_ROLE_SCORE]));
  gtk_widget_class_bind_template_child_full (widget_class, "comment_row", FALSE,
                                             G_STRUCT_OFFSET (WmSurveyDialog, column_rows[WM_SURVEY_ROLE_COMMENT]));
  gtk_widget_class_bind_template_child_full (widget_class, "date_row", FALSE,
                                             G_STRUCT_OFFSET (WmSurveyDialog, column_rows[WM_SURVEY_ROLE_DATE]));
  gtk_widget_class_bind_template_child (widget_class, WmSurveyDialog, scale_row);
  gtk_widget_class_bind_template_child (widget_class, WmSurveyDialog, scale_min_spin);
  gtk_widget_class_bind_template_child (widget_class, WmSurveyDialog, scale_max_spin);
  gtk_widget_class_bind_template_child (widget_class, WmSurveyDialog, preview_group);
  gtk_widget_class_bind_template_child (widget_class, WmSurveyDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, WmSurveyDialog, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, WmSurveyDialog, error_row);
  gtk_widget_class_bind_template_child (widget_class, WmSurveyDialog, groups_list);
  gtk_widget_class_bind_template_child (widget_class, WmSurveyDialog, problems_group);
  gtk_widget_class_bind_template_child (widget_class, WmSurveyDialog, problems_list);
  gtk_widget_class_bind_template_callback (widget_class, on_choice_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_header_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_delimiter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_scale_enabled);

  gtk_widget_class_install_action (widget_class, "survey.import", NULL, import_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
wm_survey_dialog_init (WmSurveyDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  wm_widget_set_numeric_direction (GTK_WIDGET (self->scale_min_spin));
  wm_widget_set_numeric_direction (GTK_WIDGET (self->scale_max_spin));
  update_import (self);
}

WmSurveyDialog *
wm_survey_dialog_new (GtkWindow  *parent,
                      WmDocument *document,
                      GFile      *file)
{
  WmSurveyDialog *self;
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (WM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (WM_TYPE_SURVEY_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->file = g_object_ref (file);
  basename = g_file_get_basename (file);
  name = g_filename_display_name (basename);
  adw_window_title_set_subtitle (self->window_title, name);
  update_scale_row (self);

  /* The preview shows the map as it is; a change of it calls for another. */
  g_signal_connect_swapped (wm_document_get_history (document), "changed", G_CALLBACK (queue_read), self);
  start_sample (self);
  return self;
}

gboolean
wm_survey_dialog_get_busy (WmSurveyDialog *self)
{
  g_return_val_if_fail (WM_IS_SURVEY_DIALOG (self), FALSE);

  return self->busy;
}

WmSurvey *
wm_survey_dialog_get_survey (WmSurveyDialog *self)
{
  g_return_val_if_fail (WM_IS_SURVEY_DIALOG (self), NULL);

  return self->busy ? NULL : self->survey;
}

const char *
wm_survey_dialog_get_error (WmSurveyDialog *self)
{
  g_return_val_if_fail (WM_IS_SURVEY_DIALOG (self), NULL);

  return self->busy ? NULL : self->error;
}

void
wm_survey_dialog_get_options (WmSurveyDialog  *self,
                              WmSurveyOptions *options)
{
  gboolean known;

  g_return_if_fail (WM_IS_SURVEY_DIALOG (self));
  g_return_if_fail (options != NULL);

  wm_survey_options_init (options);
  known = columns_known (self);
  options->delimiter = delimiters[MIN (adw_combo_row_get_selected (self->delimiter_row),
                                       G_N_ELEMENTS (delimiters) - 1)];
  options->header = gtk_switch_get_active (self->header_switch);
  for (guint role = 0; role < WM_SURVEY_N_ROLES; role++)
    options->columns[role] = known ? column_of_position (role, adw_combo_row_get_selected (self->column_rows[role]))
                                   : WM_SURVEY_COLUMN_AUTO;
  if (adw_expander_row_get_enable_expansion (self->scale_row))
    {
      options->scale_min = gtk_spin_button_get_value (self->scale_min_spin);
      options->scale_max = gtk_spin_button_get_value (self->scale_max_spin);
    }
}

void
wm_survey_dialog_set_options (WmSurveyDialog        *self,
                              const WmSurveyOptions *options)
{
  gboolean by_hand;

  g_return_if_fail (WM_IS_SURVEY_DIALOG (self));
  g_return_if_fail (options != NULL);

  by_hand = options->scale_min < options->scale_max;
  self->updating = TRUE;
  if (options->delimiter != 0)
    adw_combo_row_set_selected (self->delimiter_row, position_of_delimiter (options->delimiter));
  gtk_switch_set_active (self->header_switch, options->header);
  for (guint role = 0; role < WM_SURVEY_N_ROLES; role++)
    if (options->columns[role] != WM_SURVEY_COLUMN_AUTO)
      adw_combo_row_set_selected (self->column_rows[role], position_of_column (role, options->columns[role]));
  if (by_hand)
    {
      gtk_spin_button_set_value (self->scale_min_spin, options->scale_min);
      gtk_spin_button_set_value (self->scale_max_spin, options->scale_max);
    }
  adw_expander_row_set_enable_expansion (self->scale_row, by_hand);
  self->updating = FALSE;

  update_scale_row (self);
  queue_read (self);
}

gboolean
wm_survey_dialog_import (WmSurveyDialog *self)
{
  g_return_val_if_fail (WM_IS_SURVEY_DIALOG (self), FALSE);

  if (self->busy || self->survey == NULL)
    return FALSE;

  /* The dialog's own reading of the map's change is not wanted now. */
  g_signal_handlers_disconnect_by_data (wm_document_get_history (self->document), self);
  wm_survey_apply (self->survey, self->document);
  g_signal_emit (self, signals[SIGNAL_IMPORTED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}
