/* wm-survey-dialog.h: importing a survey into a map: which column holds
 * what, the survey's scale, and a preview of the emotion points it sets. */
#pragma once

#include <adwaita.h>

#include "wm-document.h"
#include "wm-survey.h"

G_BEGIN_DECLS

#define WM_TYPE_SURVEY_DIALOG (wm_survey_dialog_get_type ())
G_DECLARE_FINAL_TYPE (WmSurveyDialog, wm_survey_dialog, WM, SURVEY_DIALOG, AdwWindow)

/* A modal dialog over @parent that imports the survey in @file into
 * @document. It reads the file at once, in a thread, and again whenever a
 * choice changes. It emits "imported" when the map has the survey's
 * points (one undoable step), and then closes. */
WmSurveyDialog *wm_survey_dialog_new         (GtkWindow             *parent,
                                              WmDocument            *document,
                                              GFile                 *file);
/* Whether the file is being read: the preview and Import wait for it. */
gboolean        wm_survey_dialog_get_busy    (WmSurveyDialog        *self);
/* The survey as the choices read it: what Import would apply, or NULL
 * while reading or when it cannot be imported. */
WmSurvey       *wm_survey_dialog_get_survey  (WmSurveyDialog        *self);
/* Why the file cannot be imported with these choices, or NULL. */
const char     *wm_survey_dialog_get_error   (WmSurveyDialog        *self);
void            wm_survey_dialog_get_options (WmSurveyDialog        *self,
                                              WmSurveyOptions       *options);
/* Sets the choices as the user would; a column of WM_SURVEY_COLUMN_AUTO
 * leaves the role's column as it is. */
void            wm_survey_dialog_set_options (WmSurveyDialog        *self,
                                              const WmSurveyOptions *options);
/* What the Import button does: FALSE when there is nothing to import. */
gboolean        wm_survey_dialog_import      (WmSurveyDialog        *self);

G_END_DECLS
