/* test-print.c: printing a map on one page or as a poster, checked in the
 * PDF that GTK's print operation exports, read back with Poppler. */
#include <adwaita.h>
#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>
#include <unistd.h>

#include "test-ui.h"
#include "wm-format.h"
#include "wm-print-operation.h"

/* Poppler 22 (Debian 12) declares no autoptr cleanups of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)

static WmDocument *
load_example (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  WmDocument *document = wm_format_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return document;
}

/* Prints through the operation to a PDF, as "Print to File" does. */
static PopplerDocument *
print_to_pdf (WmPrintOperation *operation,
              char            **path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  PopplerDocument *pdf;
  int fd = g_file_open_tmp ("test-print-XXXXXX.pdf", path, &error);

  g_assert_no_error (error);
  close (fd);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), *path);
  g_assert_cmpint (gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                            NULL, &error), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);

  uri = g_filename_to_uri (*path, NULL, NULL);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  return pdf;
}

static char *
page_text (PopplerDocument *pdf,
           int              index)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, index);

  return poppler_page_get_text (page);
}

/* The whole map on one page, every stage on it. */
static void
test_fit (void)
{
  g_autoptr(WmDocument) document = load_example ("car-purchase.waymark");
  g_autoptr(WmPrintOperation) operation = wm_print_operation_new (document);
  g_autofree char *path = NULL;
  g_autoptr(PopplerDocument) pdf = print_to_pdf (operation, &path);
  g_autofree char *text = page_text (pdf, 0);

  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 1);
  g_assert_nonnull (strstr (text, "Awareness"));
  g_assert_nonnull (strstr (text, "Advocacy"));

  g_unlink (path);
}

/* A poster at full size takes several pages, as many as the operation
 * says, and the map's first and last stages land on different pages. */
static void
test_poster (void)
{
  g_autoptr(WmDocument) document = load_example ("car-purchase.waymark");
  g_autoptr(WmPrintOperation) operation = wm_print_operation_new (document);
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autofree char *path = NULL;
  int first = -1, last = -1, n_pages;

  wm_print_operation_set_mode (operation, WM_PRINT_POSTER);
  wm_print_operation_set_scale (operation, 1.0);
  pdf = print_to_pdf (operation, &path);
  n_pages = poppler_document_get_n_pages (pdf);
  g_assert_cmpint (n_pages, >, 1);

  for (int i = 0; i < n_pages; i++)
    {
      g_autofree char *text = page_text (pdf, i);

      if (first < 0 && strstr (text, "Awareness") != NULL)
        first = i;
      if (strstr (text, "Advocacy") != NULL)
        last = i;
    }
  g_assert_cmpint (first, >=, 0);
  g_assert_cmpint (last, >, first);

  g_unlink (path);
}

/* A bigger poster takes more pages; the count is what the dialog's tab
 * says, and it follows the choice of fit or poster. */
static void
test_tiles_and_tab (void)
{
  g_autoptr(WmDocument) document = load_example ("car-purchase.waymark");
  g_autoptr(WmPrintOperation) operation = wm_print_operation_new (document);
  GtkPrintOperationClass *klass = GTK_PRINT_OPERATION_GET_CLASS (operation);
  int columns, rows, big_columns, big_rows;
  GtkWidget *tab, *child, *label = NULL, *poster = NULL;

  wm_print_operation_get_tiles (operation, 540, 770, &columns, &rows);
  g_assert_cmpint (columns * rows, ==, 1);

  wm_print_operation_set_mode (operation, WM_PRINT_POSTER);
  wm_print_operation_get_tiles (operation, 540, 770, &columns, &rows);
  wm_print_operation_set_scale (operation, 2.0);
  wm_print_operation_get_tiles (operation, 540, 770, &big_columns, &big_rows);
  g_assert_cmpint (big_columns * big_rows, >, columns * rows);
  g_assert_cmpint (big_columns, >=, columns);

  wm_print_operation_set_mode (operation, WM_PRINT_FIT);
  tab = g_object_ref_sink (klass->create_custom_widget (GTK_PRINT_OPERATION (operation)));
  for (child = gtk_widget_get_first_child (tab); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child))
        label = child;
      if (GTK_IS_CHECK_BUTTON (child))
        poster = child; /* the second one */
    }
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, "The whole map on one page.");

  gtk_check_button_set_active (GTK_CHECK_BUTTON (poster), TRUE);
  g_assert_cmpint (wm_print_operation_get_mode (operation), ==, WM_PRINT_POSTER);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (label)), "pages"));
  g_object_unref (tab);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/print/fit", test_fit);
  g_test_add_func ("/print/poster", test_poster);
  g_test_add_func ("/print/tiles-and-tab", test_tiles_and_tab);

  return g_test_run ();
}
