/* waymark-survey-bench.c: how long importing a large survey takes.
 *
 * Generates, from a fixed seed, a map of 8 personas × 12 stages and a CSV
 * of survey responses naming them (with comments, some quoted over two
 * lines, dates and a few rows that match nothing), then times, over
 * several runs, reading the file (parsing and aggregating, streamed) and
 * applying the result to the map as one undo step. Peak memory is taken
 * from the kernel after one read of the largest file, to show that it does
 * not grow with the file.
 *
 * The benchmark reports; it never fails on a missed target.
 * See the "Survey import" section of docs/performance.md.
 */
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#include "wm-survey.h"

#define SEED 20250314
#define TARGET_SECONDS 2.0
#define TARGET_ROWS 100000

static const char * const stage_names[] = {
  "Awareness", "Research", "Compare", "Visit store", "Test ride", "Purchase",
  "Payment", "Delivery", "First use", "Service", "Repair", "Advocacy",
};

static const char * const persona_names[] = {
  "Anna", "Bartek", "Chloé", "Dmitri", "Ewa", "Farid", "Grace", "Hiroshi",
};

static const char * const comments[] = {
  "", "", "", "Fine", "Too slow, really", "Staff were kind",
  "Could not find the price", "\"Great\" experience", "Took a while\nbut worth it",
};

static WmDocument *
make_map (void)
{
  WmDocument *document = wm_document_new ();

  for (guint i = 0; i < G_N_ELEMENTS (persona_names); i++)
    {
      g_autoptr(WmPersona) persona = wm_persona_new ();

      wm_persona_set_name (persona, persona_names[i]);
      g_list_store_append (G_LIST_STORE (wm_document_get_personas (document)), persona);
    }
  for (guint i = 0; i < G_N_ELEMENTS (stage_names); i++)
    {
      g_autoptr(WmStage) stage = wm_stage_new ();

      wm_stage_set_name (stage, stage_names[i]);
      g_list_store_append (G_LIST_STORE (wm_document_get_stages (document)), stage);
    }

  return document;
}

/* Writes a survey of @rows responses, field quoting as a spreadsheet does. */
static char *
write_survey (const char *dir,
              guint       rows)
{
  g_autofree char *name = g_strdup_printf ("survey-%u.csv", rows);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  FILE *out = g_fopen (path, "w");

  /* Written as it is made, so that the peak memory is the import's. */
  if (out == NULL)
    g_error ("%s: %s", path, g_strerror (errno));
  fputs ("Persona,Stage,Score,Comment,Date\n", out);

  for (guint i = 0; i < rows; i++)
    {
      guint persona = g_rand_int_range (rand, 0, G_N_ELEMENTS (persona_names));
      guint stage = g_rand_int_range (rand, 0, G_N_ELEMENTS (stage_names));
      const char *comment = comments[g_rand_int_range (rand, 0, G_N_ELEMENTS (comments))];
      g_autofree char *quoted = NULL;

      if (strpbrk (comment, ",\"\n") != NULL)
        {
          g_auto(GStrv) parts = g_strsplit (comment, "\"", -1);
          g_autofree char *doubled = g_strjoinv ("\"\"", parts);

          quoted = g_strdup_printf ("\"%s\"", doubled);
        }

      /* One row in a thousand names a persona the map does not have. */
      fprintf (out, "%s,%s,%d,%s,2025-%02d-%02d\n",
               g_rand_int_range (rand, 0, 1000) == 0 ? "Nobody" : persona_names[persona],
               stage_names[stage],
               g_rand_int_range (rand, 1, 6),
               quoted != NULL ? quoted : comment,
               g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
    }

  if (fclose (out) != 0)
    g_error ("%s: %s", path, g_strerror (errno));

  return path;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);

  return g_array_index (times, double, times->len / 2);
}

static void
measure (const char *path,
         guint       rows,
         guint       runs)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GArray) read_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) apply_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) total_times = g_array_new (FALSE, FALSE, sizeof (double));
  GStatBuf st;
  guint n_groups = 0, n_used = 0;
  double total;

  g_stat (path, &st);
  for (guint run = 0; run < runs; run++)
    {
      g_autoptr(WmDocument) document = make_map ();
      g_autoptr(WmSurvey) survey = NULL;
      g_autoptr(GError) error = NULL;
      WmSurveyOptions options;
      gint64 start, read_end, apply_end;
      double seconds;

      wm_survey_options_init (&options);
      options.scale_min = 1;
      options.scale_max = 5;

      start = g_get_monotonic_time ();
      survey = wm_survey_read_file (file, document, &options, NULL, &error);
      read_end = g_get_monotonic_time ();
      if (survey == NULL)
        g_error ("%s", error->message);
      wm_survey_apply (survey, document);
      apply_end = g_get_monotonic_time ();

      n_groups = wm_survey_get_n_groups (survey);
      n_used = wm_survey_get_n_used (survey);
      seconds = (read_end - start) / 1e6;
      g_array_append_val (read_times, seconds);
      seconds = (apply_end - read_end) / 1e6;
      g_array_append_val (apply_times, seconds);
      seconds = (apply_end - start) / 1e6;
      g_array_append_val (total_times, seconds);
    }

  total = median (total_times);
  g_print ("%9u rows %7.1f MB  read %7.1f ms  apply %5.1f ms  total %7.1f ms  %7.0f rows/s  (%u used, %u points; median of %u)\n",
           rows, st.st_size / 1e6, median (read_times) * 1e3, median (apply_times) * 1e3,
           total * 1e3, rows / total, n_used, n_groups, runs);
  if (rows == TARGET_ROWS)
    g_print ("target: %u rows in under %.0f s: %s (%.3f s)\n", TARGET_ROWS, TARGET_SECONDS,
             total < TARGET_SECONDS ? "met" : "MISSED", total);
}

int
main (int   argc,
      char *argv[])
{
  static const guint sizes[] = { 10000, TARGET_ROWS, 1000000 };
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  struct rusage usage;

  setlocale (LC_CTYPE, "");
  dir = g_dir_make_tmp ("waymark-survey-bench-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);

  g_print ("Survey import (%s build): read = parse + aggregate, streamed; apply = one undo step\n",
           WM_BENCH_BUILDTYPE);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *path = write_survey (dir, sizes[i]);

      measure (path, sizes[i], sizes[i] >= 1000000 ? 3 : 9);
      g_unlink (path);
    }

  getrusage (RUSAGE_SELF, &usage);
  g_print ("peak memory of the whole run: %.1f MB\n",
           usage.ru_maxrss / 1024.0);
  g_rmdir (dir);

  return 0;
}
