/* wm-mermaid.c: a map as a Mermaid user journey diagram, and back.
 *
 *   journey
 *       title Buying a car
 *       section Awareness
 *         Sees an ad: 3: Anna, Bob
 *
 * Writing: each stage is a section; its tasks are the cards of the map's
 * lanes of actions, each with the score of the personas who do it (the
 * personas with an emotion point there; only the lane's persona for a
 * persona's own lane), one line per distinct score. A persona with a
 * point at a stage where no action is theirs gets a task of its own,
 * named after the point's label, or "Experience". Scores are rescaled
 * from the map's scale to Mermaid's 1..5 and rounded, as Mermaid draws
 * whole scores. Characters that end or split a Mermaid statement (line
 * breaks, "#", ";", the second "%" of "%%", and ":" and "," where they
 * separate) become spaces or their fullwidth forms; a task whose name
 * Mermaid would read as a keyword or a comment ("title …", "section …",
 * "journey …", "%…") starts with U+200B ZERO WIDTH SPACE, which the import
 * drops again. Mermaid 11 itself reads what this writes (checked by hand
 * with its parser).
 *
 * Reading: there is no C library for Mermaid, and its grammar for journeys
 * is a handful of line statements, so this is a small hand-written parser
 * of Mermaid's journey syntax, after its lexer's rules: comments from "#"
 * or on lines that start with "%"; "title", "section", tasks written
 * "name: score: actor, actor"; the accessibility statements; YAML front
 * matter with a title. It is strict where Mermaid would fail or guess (a
 * task outside a section, a score outside 1..5, an empty actor, a third
 * ":"): anything else is refused with its line number; and it works within
 * limits on the file and on what it makes, so that no input can crash it
 * or make a map that cannot be saved.
 *
 * Importing: sections are matched to stages as the grid's columns are
 * (wm_grid_csv_match()), actors to personas by name, tasks become cards of
 * the map's lanes of actions (a task of one actor goes to that persona's
 * own lane, if there is one; a task already there is not added again,
 * nor one that stands for a feeling, named as the export names those),
 * and each actor's scores in a section make its emotion point there, their
 * mean rescaled to the map's scale. A point whose score Mermaid would
 * write as that same score is left as it is, so that a map exported and
 * imported back changes nothing.
 */
#include "wm-mermaid.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "wm-card.h"
#include "wm-edit.h"
#include "wm-grid-csv.h"
#include "wm-labels.h"
#include "wm-template.h"

G_DEFINE_QUARK (wm-mermaid-error-quark, wm_mermaid_error)

/* The file format's limits (docs/file-format.md), which an import must
 * not take a map beyond. */
#define MAX_STAGES 500
#define MAX_PERSONAS 100
#define MAX_CARDS 100000
#define MAX_POINTS 50000
#define MAX_LINE 65536

#define MERMAID_MIN 1
#define MERMAID_MAX 5

#define ZERO_WIDTH_SPACE "\xe2\x80\x8b"

/* ------------------------------------------------------------------------ */
/* Writing                                                                  */

typedef enum {
  TEXT_TITLE,    /* may hold ":" */
  TEXT_NAME,     /* a section or a task: no ":" */
  TEXT_ACTOR,    /* no ":" and no "," */
} TextKind;

/* @text as Mermaid can take it on one line of its kind. */
static char *
mermaid_text (const char *text,
              TextKind    kind)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' || c == '\r' || c == '\t' || c == 0x2028 || c == 0x2029)
        g_string_append_c (out, ' ');
      else if (c == '#')
        g_string_append (out, "＃");
      else if (c == ';')
        g_string_append (out, "；");
      else if (c == '%' && out->len > 0 && out->str[out->len - 1] == '%')
        g_string_append (out, "％");
      else if (c == ':' && kind != TEXT_TITLE)
        g_string_append (out, "：");
      else if (c == ',' && kind == TEXT_ACTOR)
        g_string_append (out, "，");
      else
        g_string_append_unichar (out, c);
    }

  g_strstrip (out->str);
  out->len = strlen (out->str);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Whether Mermaid's lexer would read a line starting with @text as a
 * keyword or a comment rather than as a task: its rules are tried in
 * order, and the first that matches wins. */
static gboolean
reads_as_keyword (const char *text)
{
  static const char * const keywords[] = { "acctitle", "accdescr" };
  static const char * const spaced[] = { "title", "section" };

  if (g_ascii_strncasecmp (text, "journey", strlen ("journey")) == 0 &&
      !g_ascii_isalnum (text[strlen ("journey")]) && text[strlen ("journey")] != '_')
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (keywords); i++)
    if (g_ascii_strncasecmp (text, keywords[i], strlen (keywords[i])) == 0)
      return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (spaced); i++)
    {
      gsize len = strlen (spaced[i]);

      if (g_ascii_strncasecmp (text, spaced[i], len) == 0 && g_ascii_isspace (text[len]))
        return TRUE;
    }

  /* "%" starts a comment there ("%%" later on is written "%％"). */
  return text[0] == '%';
}

/* A score on Mermaid's scale, from one on @document's. */
static double
to_mermaid (WmDocument *document,
            double      score)
{
  double min = wm_document_get_scale_min (document);
  double max = wm_document_get_scale_max (document);

  return MERMAID_MIN + (score - min) * (MERMAID_MAX - MERMAID_MIN) / (max - min);
}

static double
from_mermaid (WmDocument *document,
              double      score)
{
  double min = wm_document_get_scale_min (document);
  double max = wm_document_get_scale_max (document);

  return min + (score - MERMAID_MIN) * (max - min) / (MERMAID_MAX - MERMAID_MIN);
}

static int
whole_mermaid (WmDocument *document,
               double      score)
{
  return CLAMP ((int) round (to_mermaid (document, score)), MERMAID_MIN, MERMAID_MAX);
}

/* A persona's score at the stage being written. */
typedef struct
{
  WmPersona *persona;
  char *actor;         /* its name as an actor */
  int score;           /* on Mermaid's scale */
  const char *label;   /* of its point */
  gboolean covered;    /* an actor of a task already */
} Feeling;

static void
feeling_clear (Feeling *feeling)
{
  g_free (feeling->actor);
}

typedef struct
{
  char *text;
  int score;
  GPtrArray *actors;   /* of const char *, owned by the feelings */
} Line;

static void
line_free (Line *line)
{
  g_free (line->text);
  g_ptr_array_unref (line->actors);
  g_free (line);
}

/* Adds @actor to the task @text with @score, or a new task; @merge: to an
 * existing task of that text and score. */
static void
add_line (GPtrArray  *lines,
          const char *text,
          int         score,
          const char *actor,
          gboolean    merge)
{
  Line *line = NULL;

  for (guint i = 0; merge && i < lines->len && line == NULL; i++)
    {
      Line *candidate = g_ptr_array_index (lines, i);

      if (candidate->score == score && g_str_equal (candidate->text, text))
        line = candidate;
    }
  if (line == NULL)
    {
      line = g_new0 (Line, 1);
      line->text = g_strdup (text);
      line->score = score;
      line->actors = g_ptr_array_new ();
      g_ptr_array_add (lines, line);
    }
  if (actor != NULL)
    g_ptr_array_add (line->actors, (char *) actor);
}

/* The tasks of an action card: one per score among the personas who do it. */
static void
card_lines (GPtrArray  *lines,
            const char *text,
            GArray     *feelings,
            const char *persona_id,
            int         no_one)
{
  g_autoptr(GPtrArray) card = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);

  for (guint i = 0; i < feelings->len; i++)
    {
      Feeling *feeling = &g_array_index (feelings, Feeling, i);

      if (*persona_id != '\0' && !g_str_equal (wm_element_get_id (WM_ELEMENT (feeling->persona)), persona_id))
        continue;
      feeling->covered = TRUE;
      add_line (card, text, feeling->score, feeling->actor, TRUE);
    }
  /* Nobody's feeling is known there: the task still tells what happens. */
  if (card->len == 0)
    add_line (card, text, no_one, NULL, FALSE);

  while (card->len > 0)
    g_ptr_array_add (lines, g_ptr_array_steal_index (card, 0));
}

static void
write_stage (GString    *out,
             WmDocument *document,
             WmStage    *stage,
             guint       number)
{
  GListModel *personas = wm_document_get_personas (document);
  GListModel *lanes = wm_document_get_lanes (document);
  const char *stage_id = wm_element_get_id (WM_ELEMENT (stage));
  g_autoptr(GArray) feelings = g_array_new (FALSE, TRUE, sizeof (Feeling));
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);
  g_autofree char *name = mermaid_text (wm_stage_get_name (stage), TEXT_NAME);
  double sum = 0;
  int no_one;

  g_array_set_clear_func (feelings, (GDestroyNotify) feeling_clear);
  for (guint p = 0; p < g_list_model_get_n_items (personas); p++)
    {
      WmPersona *persona = wm_document_peek (personas, p);
      WmEmotionPoint *point = wm_document_find_emotion_point (document, wm_element_get_id (WM_ELEMENT (persona)),
                                                              stage_id);
      Feeling feeling = { persona, NULL, 0, NULL, FALSE };

      if (point == NULL)
        continue;
      feeling.actor = mermaid_text (wm_persona_get_name (persona), TEXT_ACTOR);
      if (*feeling.actor == '\0')
        {
          g_free (feeling.actor);
          /* TRANSLATORS: an actor of a Mermaid journey, for a persona without a name */
          feeling.actor = g_strdup_printf (_("Persona %u"), p + 1);
        }
      feeling.score = whole_mermaid (document, wm_emotion_point_get_score (point));
      feeling.label = wm_emotion_point_get_label (point);
      sum += feeling.score;
      g_array_append_val (feelings, feeling);
    }
  no_one = feelings->len > 0 ? (int) round (sum / feelings->len) : (MERMAID_MIN + MERMAID_MAX) / 2;

  for (guint l = 0; l < g_list_model_get_n_items (lanes); l++)
    {
      WmLane *lane = wm_document_peek (lanes, l);
      GListModel *cards;

      if (wm_lane_get_kind (lane) != WM_LANE_KIND_ACTIONS)
        continue;
      cards = wm_lane_get_cards (lane, stage_id);
      for (guint c = 0; c < g_list_model_get_n_items (cards); c++)
        {
          g_autofree char *text = mermaid_text (wm_card_get_text (wm_document_peek (cards, c)), TEXT_NAME);

          if (*text != '\0')
            card_lines (lines, text, feelings, wm_lane_get_persona (lane), no_one);
        }
    }

  /* Those who do nothing there still feel something. */
  for (guint i = 0; i < feelings->len; i++)
    {
      Feeling *feeling = &g_array_index (feelings, Feeling, i);
      g_autofree char *text = mermaid_text (feeling->label, TEXT_NAME);

      if (feeling->covered)
        continue;
      if (*text == '\0')
        {
          g_free (text);
          /* TRANSLATORS: the task of a Mermaid journey that stands for how a persona feels at a stage */
          text = g_strdup (_("Experience"));
        }
      add_line (lines, text, feeling->score, feeling->actor, TRUE);
    }

  if (*name == '\0')
    {
      g_free (name);
      /* TRANSLATORS: a section of a Mermaid journey, for a stage without a name */
      name = g_strdup_printf (_("Stage %u"), number);
    }
  g_string_append_printf (out, "    section %s\n", name);
  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = g_ptr_array_index (lines, i);

      g_string_append_printf (out, "      %s%s: %d", reads_as_keyword (line->text) ? ZERO_WIDTH_SPACE : "",
                              line->text, line->score);
      for (guint a = 0; a < line->actors->len; a++)
        g_string_append_printf (out, "%s%s", a == 0 ? ": " : ", ", (char *) g_ptr_array_index (line->actors, a));
      g_string_append_c (out, '\n');
    }
}

/**
 * wm_mermaid_export:
 *
 * Writes @document as a Mermaid user journey diagram (see the top of the
 * file for how).
 *
 * Returns: (transfer full): the diagram, in UTF-8
 */
GBytes *
wm_mermaid_export (WmDocument *document)
{
  GListModel *stages;
  g_autoptr(GString) out = g_string_new ("journey\n");
  g_autofree char *title = NULL;

  g_return_val_if_fail (WM_IS_DOCUMENT (document), NULL);

  title = mermaid_text (wm_document_get_title (document), TEXT_TITLE);
  if (*title != '\0')
    g_string_append_printf (out, "    title %s\n", title);

  stages = wm_document_get_stages (document);
  for (guint s = 0; s < g_list_model_get_n_items (stages); s++)
    write_stage (out, document, wm_document_peek (stages, s), s + 1);

  return g_string_free_to_bytes (g_steal_pointer (&out));
}

/* ------------------------------------------------------------------------ */
/* Reading                                                                  */

typedef struct
{
  char *text;
  double score;
  GArray *actors;   /* of guint: indexes into the journey's actors */
} Task;

typedef struct
{
  char *name;
  GPtrArray *tasks; /* of Task * */
} Section;

struct _WmMermaid
{
  GObject parent_instance;

  char *title;
  GPtrArray *sections;    /* of Section * */
  GPtrArray *actors;      /* of char *, in the order they first appear */
  GHashTable *actor_of;   /* name → index + 1 */
  guint n_tasks;
};

G_DEFINE_FINAL_TYPE (WmMermaid, wm_mermaid, G_TYPE_OBJECT)

static void
task_free (Task *task)
{
  g_free (task->text);
  g_array_unref (task->actors);
  g_free (task);
}

static void
section_free (Section *section)
{
  g_free (section->name);
  g_ptr_array_unref (section->tasks);
  g_free (section);
}

static void
wm_mermaid_finalize (GObject *object)
{
  WmMermaid *self = WM_MERMAID (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->actors, g_ptr_array_unref);
  g_clear_pointer (&self->actor_of, g_hash_table_unref);

  G_OBJECT_CLASS (wm_mermaid_parent_class)->finalize (object);
}

static void
wm_mermaid_class_init (WmMermaidClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wm_mermaid_finalize;
}

static void
wm_mermaid_init (WmMermaid *self)
{
  self->title = g_strdup ("");
  self->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) section_free);
  self->actors = g_ptr_array_new_with_free_func (g_free);
  self->actor_of = g_hash_table_new (g_str_hash, g_str_equal);
}

typedef struct
{
  WmMermaid *journey;
  guint line;            /* the line being read, from 1 */
  gboolean started;      /* "journey" was read */
  gboolean in_description;
  guint description_line;
} Parser;

static gboolean fail (Parser *parser, GError **error, int code, const char *format, ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail (Parser      *parser,
      GError     **error,
      int          code,
      const char  *format,
      ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);
  /* TRANSLATORS: where a Mermaid file is wrong, then what is wrong */
  g_set_error (error, WM_MERMAID_ERROR, code, _("line %u: %s"), parser->line, problem);

  return FALSE;
}

/* Whether @line starts with @keyword (in any case) and then a space, or
 * @follow, or its end; *@rest is what comes after. */
static gboolean
starts_with_keyword (const char  *line,
                     const char  *keyword,
                     char         follow,
                     const char **rest)
{
  gsize len = strlen (keyword);

  if (g_ascii_strncasecmp (line, keyword, len) != 0)
    return FALSE;
  if (line[len] != '\0' && !g_ascii_isspace (line[len]) && (follow == '\0' || line[len] != follow))
    return FALSE;

  *rest = line + len;
  while (g_ascii_isspace (**rest))
    (*rest)++;
  return TRUE;
}

/* Cuts what Mermaid's lexer skips as a comment where a statement starts:
 * a line starting with "%" (but not "%{"), or with one character and
 * "%%"; and anything from "#", which no statement holds. */
static void
cut_comment (char *line)
{
  const char *start = line + strspn (line, " \t");
  char *hash;

  if ((start[0] == '%' && start[1] != '{') ||
      (start[0] != '\0' && start[0] != '}' && start[1] == '%' && start[2] == '%'))
    {
      *line = '\0';
      return;
    }

  hash = strchr (line, '#');
  if (hash != NULL)
    *hash = '\0';
}

/* A score from 1 to 5: digits with at most one point; no sign, no exponent. */
static gboolean
parse_score (const char *text,
             double     *score)
{
  gsize digits = 0;
  gboolean point = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (*p == '.' && !point)
        point = TRUE;
      else
        return FALSE;
    }
  if (digits == 0 || digits > 16)
    return FALSE;

  *score = g_ascii_strtod (text, NULL);
  return *score >= MERMAID_MIN && *score <= MERMAID_MAX;
}

static char *
stripped (const char *text,
          gssize      len)
{
  return g_strstrip (g_strndup (text, len < 0 ? strlen (text) : (gsize) len));
}

static gboolean
parse_task (Parser      *parser,
            const char  *line,
            GError     **error)
{
  WmMermaid *journey = parser->journey;
  const char *colon = strchr (line, ':');
  const char *second;
  g_autofree char *text = NULL;
  g_autofree char *score_text = NULL;
  g_auto(GStrv) actors = NULL;
  Section *section;
  Task *task;
  double score;

  if (colon == NULL)
    return fail (parser, error, WM_MERMAID_ERROR_SYNTAX,
                 /* TRANSLATORS: the example task is typed as it is */
                 _("“%s” is neither a section nor a task; a task is written “Make tea: 5: Me, Cat”"), line);

  text = stripped (line, colon - line);
  /* The mark the export puts before a task that would read as a keyword. */
  if (g_str_has_prefix (text, ZERO_WIDTH_SPACE))
    memmove (text, text + strlen (ZERO_WIDTH_SPACE), strlen (text) - strlen (ZERO_WIDTH_SPACE) + 1);
  if (*text == '\0')
    return fail (parser, error, WM_MERMAID_ERROR_SYNTAX, _("a task needs a name before its “:”"));
  if (journey->sections->len == 0)
    return fail (parser, error, WM_MERMAID_ERROR_SYNTAX,
                 /* TRANSLATORS: do not translate “section”, which is typed as it is */
                 _("the task “%s” is in no section; write “section NAME” before the tasks of a stage"), text);

  second = strchr (colon + 1, ':');
  score_text = stripped (colon + 1, second != NULL ? second - colon - 1 : -1);
  if (!parse_score (score_text, &score))
    return fail (parser, error, WM_MERMAID_ERROR_SYNTAX,
                 /* TRANSLATORS: the score of a task of a Mermaid journey */
                 _("the score “%s” of the task “%s” is not a number from 1 to 5"), score_text, text);
  if (second != NULL && strchr (second + 1, ':') != NULL)
    return fail (parser, error, WM_MERMAID_ERROR_SYNTAX,
                 /* TRANSLATORS: the example task is typed as it is */
                 _("the task “%s” has more than two “:”; a task is written “Make tea: 5: Me, Cat”"), text);

  section = g_ptr_array_index (journey->sections, journey->sections->len - 1);
  task = g_new0 (Task, 1);
  task->text = g_steal_pointer (&text);
  task->score = score;
  task->actors = g_array_new (FALSE, FALSE, sizeof (guint));
  g_ptr_array_add (section->tasks, task);
  if (++journey->n_tasks > MAX_CARDS)
    return fail (parser, error, WM_MERMAID_ERROR_TOO_LARGE, _("more than %u tasks"), (guint) MAX_CARDS);

  actors = second != NULL ? g_strsplit (second + 1, ",", -1) : g_new0 (char *, 1);
  for (guint i = 0; actors[i] != NULL; i++)
    {
      g_autofree char *actor = stripped (actors[i], -1);
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (journey->actor_of, actor));
      gboolean seen = FALSE;

      if (*actor == '\0')
        return fail (parser, error, WM_MERMAID_ERROR_SYNTAX,
                     _("the task “%s” has an empty actor; actors are names between commas"), task->text);
      if (index == 0)
        {
          if (journey->actors->len >= MAX_PERSONAS)
            /* TRANSLATORS: the most personas a map may have */
            return fail (parser, error, WM_MERMAID_ERROR_TOO_LARGE, _("more than %u actors"), (guint) MAX_PERSONAS);
          g_ptr_array_add (journey->actors, g_strdup (actor));
          index = journey->actors->len;
          g_hash_table_insert (journey->actor_of, g_ptr_array_index (journey->actors, index - 1), GUINT_TO_POINTER (index));
        }
      index--;
      for (guint a = 0; a < task->actors->len; a++)
        seen = seen || g_array_index (task->actors, guint, a) == index;
      if (!seen)
        g_array_append_val (task->actors, index);
    }

  return TRUE;
}

static gboolean
parse_line (Parser      *parser,
            char        *line,
            GError     **error)
{
  WmMermaid *journey = parser->journey;
  const char *rest;

  if (parser->in_description)
    {
      /* accDescr { … } may run over lines, up to its "}". */
      parser->in_description = strchr (line, '}') == NULL;
      return TRUE;
    }

  cut_comment (line);
  g_strstrip (line);
  if (*line == '\0')
    return TRUE;
  if (strchr (line, ';') != NULL)
    return fail (parser, error, WM_MERMAID_ERROR_SYNTAX, _("a journey has no “;” in it"));

  if (!parser->started)
    {
      /* "%" after a keyword starts a comment too. */
      if (!starts_with_keyword (line, "journey", '\0', &rest) || (*rest != '\0' && *rest != '%'))
        return fail (parser, error, WM_MERMAID_ERROR_SYNTAX,
                     /* TRANSLATORS: do not translate “journey” */
                     _("this is not a Mermaid journey: its first line must be “journey”"));
      parser->started = TRUE;
      return TRUE;
    }

  if (starts_with_keyword (line, "title", '\0', &rest))
    {
      if (*rest == '\0')
        return fail (parser, error, WM_MERMAID_ERROR_SYNTAX, _("a title needs its text after “title”"));
      g_free (journey->title);
      journey->title = g_strdup (rest);
      return TRUE;
    }
  if (starts_with_keyword (line, "accTitle", ':', &rest) || starts_with_keyword (line, "accDescr", ':', &rest) ||
      starts_with_keyword (line, "accDescr", '{', &rest))
    {
      if (*rest == '{')
        {
          parser->in_description = strchr (rest, '}') == NULL;
          parser->description_line = parser->line;
        }
      else if (*rest != ':')
        return fail (parser, error, WM_MERMAID_ERROR_SYNTAX, _("an accessible title or description needs a “:”"));
      return TRUE;
    }
  if (starts_with_keyword (line, "section", '\0', &rest))
    {
      Section *section;

      if (*rest == '\0')
        return fail (parser, error, WM_MERMAID_ERROR_SYNTAX, _("a section needs a name after “section”"));
      if (strchr (rest, ':') != NULL)
        return fail (parser, error, WM_MERMAID_ERROR_SYNTAX, _("the name of a section cannot hold “:”"));
      if (journey->sections->len >= MAX_STAGES)
        /* TRANSLATORS: the most stages a map may have */
        return fail (parser, error, WM_MERMAID_ERROR_TOO_LARGE, _("more than %u sections"), (guint) MAX_STAGES);

      section = g_new0 (Section, 1);
      section->name = g_strdup (rest);
      section->tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) task_free);
      g_ptr_array_add (journey->sections, section);
      return TRUE;
    }

  return parse_task (parser, line, error);
}

/* YAML front matter: "---" lines around "key: value" lines, of which
 * "title" is the journey's title. Returns where the diagram starts. */
static const char *
skip_front_matter (Parser      *parser,
                   const char  *text,
                   const char  *end,
                   GError     **error)
{
  const char *p = text;
  gboolean first = TRUE;

  while (p < end)
    {
      const char *eol = memchr (p, '\n', end - p);
      g_autofree char *line = stripped (p, (eol != NULL ? eol : end) - p);

      parser->line++;
      p = eol != NULL ? eol + 1 : end;
      if (first && !g_str_equal (line, "---"))
        {
          parser->line = 0;
          return text;
        }
      if (!first && g_str_equal (line, "---"))
        return p;
      if (!first && g_str_has_prefix (line, "title:"))
        {
          g_autofree char *title = stripped (line + strlen ("title:"), -1);
          gsize len = strlen (title);

          if (len >= 2 && (title[0] == '"' || title[0] == '\'') && title[len - 1] == title[0])
            {
              title[len - 1] = '\0';
              memmove (title, title + 1, len - 1);
            }
          g_free (parser->journey->title);
          parser->journey->title = g_steal_pointer (&title);
        }
      first = FALSE;
    }

  parser->line = 1;
  fail (parser, error, WM_MERMAID_ERROR_SYNTAX, _("the front matter that starts with “---” never ends with “---”"));
  return NULL;
}

/* The line of the byte at @offset of @text, from 1. */
static guint
line_at (const char *text,
         gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    line += text[i] == '\n';

  return line;
}

/**
 * wm_mermaid_parse:
 * @text: a Mermaid user journey diagram, in UTF-8
 *
 * Reads a journey: its title, its sections and their tasks, with their
 * scores and actors. Nothing is matched to a map yet: that is
 * wm_mermaid_apply().
 *
 * Returns: (transfer full): the journey, or %NULL with @error set, its
 *   message starting with the number of the line that is wrong
 */
WmMermaid *
wm_mermaid_parse (GBytes  *text,
                  GError **error)
{
  g_autoptr(WmMermaid) journey = g_object_new (WM_TYPE_MERMAID, NULL);
  Parser parser = { journey, 0, FALSE, FALSE, 0 };
  gsize size;
  const char *data = g_bytes_get_data (text, &size);
  const char *end = data + size;
  const char *p, *invalid;

  g_return_val_if_fail (text != NULL, NULL);

  if (size > WM_MERMAID_MAX_BYTES)
    {
      g_set_error (error, WM_MERMAID_ERROR, WM_MERMAID_ERROR_TOO_LARGE,
                   /* TRANSLATORS: the limit of a Mermaid file, in bytes */
                   _("the journey is larger than %u bytes"), (guint) WM_MERMAID_MAX_BYTES);
      return NULL;
    }
  if (size >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    data += 3;
  if (!g_utf8_validate_len (data, end - data, &invalid))
    {
      parser.line = line_at (data, invalid - data);
      fail (&parser, error, WM_MERMAID_ERROR_ENCODING,
            *invalid == '\0' ? _("a NUL byte: this is not a text file") : _("the text is not UTF-8; save the file as UTF-8"));
      return NULL;
    }

  p = skip_front_matter (&parser, data, end, error);
  if (p == NULL)
    return NULL;

  while (p < end)
    {
      const char *eol = memchr (p, '\n', end - p);
      gsize len = (eol != NULL ? eol : end) - p;
      g_autofree char *line = NULL;

      parser.line++;
      if (len > MAX_LINE)
        {
          fail (&parser, error, WM_MERMAID_ERROR_TOO_LARGE,
                /* TRANSLATORS: the limit of a line of a Mermaid file, in bytes */
                _("the line is longer than %u bytes"), (guint) MAX_LINE);
          return NULL;
        }
      line = g_strndup (p, len);
      p = eol != NULL ? eol + 1 : end;
      if (!parse_line (&parser, line, error))
        return NULL;
    }

  if (parser.in_description)
    {
      parser.line = parser.description_line;
      fail (&parser, error, WM_MERMAID_ERROR_SYNTAX, _("the description that starts with “{” never ends with “}”"));
      return NULL;
    }
  if (!parser.started || journey->sections->len == 0)
    {
      parser.line = MAX (parser.line, 1);
      fail (&parser, error, WM_MERMAID_ERROR_SYNTAX,
            !parser.started ? _("this is not a Mermaid journey: it has no line “journey”")
                            /* TRANSLATORS: do not translate “section” */
                            : _("the journey has no section; write “section NAME” before the tasks of a stage"));
      return NULL;
    }

  return g_steal_pointer (&journey);
}

/**
 * wm_mermaid_read_file:
 *
 * Reads @file as wm_mermaid_parse() reads its text, and no more of it
 * than %WM_MERMAID_MAX_BYTES.
 *
 * Returns: (transfer full): the journey, or %NULL with @error set
 */
WmMermaid *
wm_mermaid_read_file (GFile         *file,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GBytes) bytes = NULL;
  /* One byte more than the limit tells a file over it. */
  g_autofree char *buffer = g_malloc (WM_MERMAID_MAX_BYTES + 1);
  gsize len = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, WM_MERMAID_MAX_BYTES + 1, &len, cancellable, error))
    return NULL;
  bytes = g_bytes_new_take (g_steal_pointer (&buffer), len);

  return wm_mermaid_parse (bytes, error);
}

const char *
wm_mermaid_get_title (WmMermaid *self)
{
  g_return_val_if_fail (WM_IS_MERMAID (self), NULL);

  return self->title;
}

guint
wm_mermaid_get_n_sections (WmMermaid *self)
{
  g_return_val_if_fail (WM_IS_MERMAID (self), 0);

  return self->sections->len;
}

guint
wm_mermaid_get_n_tasks (WmMermaid *self)
{
  g_return_val_if_fail (WM_IS_MERMAID (self), 0);

  return self->n_tasks;
}

/* ------------------------------------------------------------------------ */
/* Applying                                                                 */

static char *
persona_key (gpointer persona,
             gpointer user_data)
{
  return g_strdup (wm_persona_get_name (persona));
}

/* The texts of the action cards of @document at @stage, as Mermaid
 * writes them: a task exported from the map finds its card again. */
static GHashTable *
action_texts (WmDocument *document,
              WmStage    *stage)
{
  GListModel *lanes = wm_document_get_lanes (document);
  GHashTable *texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint l = 0; stage != NULL && l < g_list_model_get_n_items (lanes); l++)
    {
      WmLane *lane = wm_document_peek (lanes, l);
      GListModel *cards;

      if (wm_lane_get_kind (lane) != WM_LANE_KIND_ACTIONS)
        continue;
      cards = wm_lane_get_cards (lane, wm_element_get_id (WM_ELEMENT (stage)));
      for (guint c = 0; c < g_list_model_get_n_items (cards); c++)
        g_hash_table_add (texts, mermaid_text (wm_card_get_text (wm_document_peek (cards, c)), TEXT_NAME));
    }

  return texts;
}

/* The first lane of @kind for @persona_id ("" for everyone), or %NULL. */
static WmLane *
find_lane (WmDocument *document,
           WmLaneKind  kind,
           const char *persona_id)
{
  GListModel *lanes = wm_document_get_lanes (document);

  for (guint l = 0; l < g_list_model_get_n_items (lanes); l++)
    {
      WmLane *lane = wm_document_peek (lanes, l);

      if (wm_lane_get_kind (lane) == kind && g_str_equal (wm_lane_get_persona (lane), persona_id))
        return lane;
    }

  return NULL;
}

/* Whether @task stands for how its actors feel at @stage rather than for
 * what they do, as the export writes it where they do nothing: named
 * "Experience", or after the label of each actor's point there. */
static gboolean
is_feeling (WmDocument *document,
            GPtrArray  *personas,
            Task       *task,
            WmStage    *stage)
{
  if (g_str_equal (task->text, _("Experience")))
    return TRUE;
  if (stage == NULL || task->actors->len == 0)
    return FALSE;

  for (guint a = 0; a < task->actors->len; a++)
    {
      WmPersona *persona = g_ptr_array_index (personas, g_array_index (task->actors, guint, a));
      WmEmotionPoint *point;
      g_autofree char *label = NULL;

      if (persona == NULL)
        return FALSE;
      point = wm_document_find_emotion_point (document, wm_element_get_id (WM_ELEMENT (persona)),
                                              wm_element_get_id (WM_ELEMENT (stage)));
      if (point == NULL)
        return FALSE;
      label = mermaid_text (wm_emotion_point_get_label (point), TEXT_NAME);
      if (!g_str_equal (label, task->text))
        return FALSE;
    }

  return TRUE;
}

/* What a journey does to a map, decided before anything changes. */
typedef struct
{
  GPtrArray *section_names; /* of const char * */
  GPtrArray *stages;        /* of WmStage, or NULL for a new one, by section */
  GPtrArray *personas;      /* of WmPersona, or NULL for a new one, by actor */
  GPtrArray *new_cards;     /* of GPtrArray of Task *, by section */
  double *sums;             /* actors × sections */
  guint *counts;
  guint n_new_cards;
  guint n_new_points;
} Plan;

static void
plan_clear (Plan *plan)
{
  g_clear_pointer (&plan->section_names, g_ptr_array_unref);
  g_clear_pointer (&plan->stages, g_ptr_array_unref);
  g_clear_pointer (&plan->personas, g_ptr_array_unref);
  g_clear_pointer (&plan->new_cards, g_ptr_array_unref);
  g_clear_pointer (&plan->sums, g_free);
  g_clear_pointer (&plan->counts, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Plan, plan_clear)

static gboolean
make_plan (WmMermaid   *self,
           WmDocument  *document,
           Plan        *plan,
           GError     **error)
{
  guint n_sections = self->sections->len;
  guint n_actors = self->actors->len;
  guint n_new_stages = 0, n_new_personas = 0;

  plan->section_names = g_ptr_array_new ();
  for (guint s = 0; s < n_sections; s++)
    g_ptr_array_add (plan->section_names, ((Section *) g_ptr_array_index (self->sections, s))->name);
  plan->stages = wm_grid_csv_match (wm_document_get_stages (document), wm_grid_csv_stage_key, NULL,
                                    (const char * const *) plan->section_names->pdata, n_sections);
  plan->personas = wm_grid_csv_match (wm_document_get_personas (document), persona_key, NULL,
                                      (const char * const *) self->actors->pdata, n_actors);
  plan->new_cards = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  plan->sums = g_new0 (double, MAX (1, n_actors * n_sections));
  plan->counts = g_new0 (guint, MAX (1, n_actors * n_sections));

  for (guint s = 0; s < n_sections; s++)
    {
      Section *section = g_ptr_array_index (self->sections, s);
      WmStage *stage = g_ptr_array_index (plan->stages, s);
      GPtrArray *texts = g_ptr_array_new ();
      g_autoptr(GHashTable) seen = action_texts (document, stage);

      n_new_stages += stage == NULL;
      g_ptr_array_add (plan->new_cards, texts);
      for (guint t = 0; t < section->tasks->len; t++)
        {
          Task *task = g_ptr_array_index (section->tasks, t);

          for (guint a = 0; a < task->actors->len; a++)
            {
              guint actor = g_array_index (task->actors, guint, a);

              plan->sums[actor * n_sections + s] += task->score;
              plan->counts[actor * n_sections + s]++;
            }
          /* A task already there, or given before (once per score). */
          if (!g_hash_table_add (seen, g_strdup (task->text)) || is_feeling (document, plan->personas, task, stage))
            continue;
          g_ptr_array_add (texts, task);
          plan->n_new_cards++;
        }
    }

  for (guint a = 0; a < n_actors; a++)
    {
      WmPersona *persona = g_ptr_array_index (plan->personas, a);

      n_new_personas += persona == NULL;
      for (guint s = 0; s < n_sections; s++)
        {
          WmStage *stage = g_ptr_array_index (plan->stages, s);

          if (plan->counts[a * n_sections + s] > 0 &&
              (persona == NULL || stage == NULL ||
               wm_document_find_emotion_point (document, wm_element_get_id (WM_ELEMENT (persona)),
                                               wm_element_get_id (WM_ELEMENT (stage))) == NULL))
            plan->n_new_points++;
        }
    }

  if (g_list_model_get_n_items (wm_document_get_stages (document)) + n_new_stages > MAX_STAGES)
    g_set_error (error, WM_MERMAID_ERROR, WM_MERMAID_ERROR_TOO_LARGE,
                 /* TRANSLATORS: the most stages a map may have */
                 _("the map would have more than %u stages"), (guint) MAX_STAGES);
  else if (g_list_model_get_n_items (wm_document_get_personas (document)) + n_new_personas > MAX_PERSONAS)
    g_set_error (error, WM_MERMAID_ERROR, WM_MERMAID_ERROR_TOO_LARGE,
                 /* TRANSLATORS: the most personas a map may have */
                 _("the map would have more than %u personas"), (guint) MAX_PERSONAS);
  else if ((guint64) wm_grid_csv_count_cards (document) + plan->n_new_cards > MAX_CARDS)
    g_set_error (error, WM_MERMAID_ERROR, WM_MERMAID_ERROR_TOO_LARGE,
                 /* TRANSLATORS: the most cards a map may have */
                 _("the map would have more than %u cards"), (guint) MAX_CARDS);
  else if ((guint64) g_list_model_get_n_items (wm_document_get_emotion_points (document)) + plan->n_new_points > MAX_POINTS)
    g_set_error (error, WM_MERMAID_ERROR, WM_MERMAID_ERROR_TOO_LARGE,
                 /* TRANSLATORS: the most emotion points a map may have */
                 _("the map would have more than %u emotion points"), (guint) MAX_POINTS);
  else
    return TRUE;

  return FALSE;
}

static void
add_personas (WmMermaid  *self,
              WmDocument *document,
              Plan       *plan,
              GPtrArray  *changes)
{
  for (guint a = 0; a < self->actors->len; a++)
    {
      const char *name = g_ptr_array_index (self->actors, a);

      if (g_ptr_array_index (plan->personas, a) != NULL)
        continue;
      g_ptr_array_index (plan->personas, a) = wm_edit_add_persona (document, name);
      /* TRANSLATORS: what an import changed in a map; %s is the persona's name */
      g_ptr_array_add (changes, g_strdup_printf (_("persona added: %s"), name));
    }
}

static WmLane *
ensure_lane (WmDocument *document,
             WmLaneKind  kind,
             guint       position,
             GPtrArray  *changes)
{
  WmLane *lane = find_lane (document, kind, "");

  if (lane != NULL)
    return lane;

  lane = wm_edit_add_lane (document, position, kind, NULL);
  /* TRANSLATORS: what an import changed in a map; %s is the lane's title */
  g_ptr_array_add (changes, g_strdup_printf (_("lane added: %s"), wm_lane_get_title (lane)));
  return lane;
}

/* A task of one actor goes to that persona's own lane of actions, when
 * it has one; any other, to the lane of actions for everyone. */
static WmLane *
lane_for (WmDocument *document,
          Plan       *plan,
          Task       *task,
          GPtrArray  *changes)
{
  WmLane *lane = NULL;

  if (task->actors->len == 1)
    {
      WmPersona *persona = g_ptr_array_index (plan->personas, g_array_index (task->actors, guint, 0));

      lane = find_lane (document, WM_LANE_KIND_ACTIONS, wm_element_get_id (WM_ELEMENT (persona)));
    }

  /* Actions come first in a map. */
  return lane != NULL ? lane : ensure_lane (document, WM_LANE_KIND_ACTIONS, 0, changes);
}

static void
add_cards (WmMermaid  *self,
           WmDocument *document,
           Plan       *plan,
           GPtrArray  *changes)
{
  GListModel *lanes = wm_document_get_lanes (document);

  for (guint s = 0; s < self->sections->len; s++)
    {
      GPtrArray *tasks = g_ptr_array_index (plan->new_cards, s);
      WmStage *stage = g_ptr_array_index (plan->stages, s);
      g_autoptr(GHashTable) added = g_hash_table_new (NULL, NULL);

      for (guint t = 0; t < tasks->len; t++)
        {
          Task *task = g_ptr_array_index (tasks, t);
          WmLane *lane = lane_for (document, plan, task, changes);

          wm_edit_add_card (document, lane, stage, G_MAXUINT, task->text);
          g_hash_table_insert (added, lane, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (added, lane)) + 1));
        }

      /* Told lane by lane, in the map's order. */
      for (guint l = 0; l < g_list_model_get_n_items (lanes); l++)
        {
          WmLane *lane = wm_document_peek (lanes, l);
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (added, lane));
          g_autofree char *summary = NULL;

          if (n == 0)
            continue;
          summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u card added", "%u cards added", n), n);
          g_ptr_array_add (changes, g_strdup_printf (_("%s, %s: %s"), wm_lane_get_title (lane),
                                                     wm_stage_get_name (stage), summary));
        }
    }
}

static void
set_points (WmMermaid  *self,
            WmDocument *document,
            Plan       *plan,
            GPtrArray  *changes)
{
  WmHistory *history = wm_document_get_history (document);
  GListModel *points = wm_document_get_emotion_points (document);
  guint n_sections = self->sections->len;

  for (guint a = 0; a < self->actors->len; a++)
    for (guint s = 0; s < n_sections; s++)
      {
        WmPersona *persona = g_ptr_array_index (plan->personas, a);
        WmStage *stage = g_ptr_array_index (plan->stages, s);
        guint count = plan->counts[a * n_sections + s];
        double mean, score;
        WmEmotionPoint *point;
        g_autofree char *before = NULL;
        g_autofree char *after = NULL;

        if (count == 0)
          continue;
        mean = plan->sums[a * n_sections + s] / count;
        point = wm_document_find_emotion_point (document, wm_element_get_id (WM_ELEMENT (persona)),
                                                wm_element_get_id (WM_ELEMENT (stage)));
        /* What Mermaid says of it already: the map's finer score stays. */
        if (point != NULL && whole_mermaid (document, wm_emotion_point_get_score (point)) == mean)
          continue;

        score = from_mermaid (document, mean);
        if (point != NULL)
          {
            before = wm_labels_score (wm_emotion_point_get_score (point));
            /* Set by hand now, as far as the map can tell: not a survey's. */
            wm_history_set (history, point, "score", score, "computed", FALSE, "sample-size", 0, "spread", 0.0, NULL);
          }
        else
          {
            g_autoptr(WmEmotionPoint) new_point = wm_emotion_point_new ();

            before = g_strdup (C_("score", "none"));
            wm_emotion_point_set_persona (new_point, wm_element_get_id (WM_ELEMENT (persona)));
            wm_emotion_point_set_stage (new_point, wm_element_get_id (WM_ELEMENT (stage)));
            wm_emotion_point_set_score (new_point, score);
            wm_history_insert (history, points, g_list_model_get_n_items (points), new_point);
          }
        after = wm_labels_score (score);
        /* TRANSLATORS: what an import changed: persona, stage, the score before and after, e.g. "Anna, Purchase: +2 → −1.5" */
        g_ptr_array_add (changes, g_strdup_printf (_("%s, %s: %s → %s"), wm_persona_get_name (persona),
                                                   wm_stage_get_name (stage), before, after));
      }
}

/**
 * wm_mermaid_apply:
 * @document: the map to change
 * @changes: (out) (optional) (transfer full): what changed, one line each:
 *   stages, personas and lanes added, cards added, scores set
 *
 * Adds the journey to @document (see the top of the file): its sections
 * as stages, its actors as personas, its tasks as action cards, and each
 * actor's scores in a section as its emotion point there. One undoable
 * step, and none when nothing changes.
 *
 * Returns: %TRUE, or %FALSE with @error set and @document unchanged when
 *   the map would be over one of the file format's limits
 */
gboolean
wm_mermaid_apply (WmMermaid   *self,
                  WmDocument  *document,
                  GStrv       *changes,
                  GError     **error)
{
  g_auto(Plan) plan = { NULL };
  g_autoptr(GPtrArray) told = g_ptr_array_new_with_free_func (g_free);
  WmHistory *history;

  g_return_val_if_fail (WM_IS_MERMAID (self), FALSE);
  g_return_val_if_fail (WM_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!make_plan (self, document, &plan, error))
    return FALSE;

  history = wm_document_get_history (document);
  wm_history_begin (history, _("Import Journey"));
  wm_grid_csv_add_stages (document, plan.stages, (const char * const *) plan.section_names->pdata, told);
  add_personas (self, document, &plan, told);
  add_cards (self, document, &plan, told);
  /* The points are drawn on an emotion curve. */
  if (plan.n_new_points > 0)
    ensure_lane (document, WM_LANE_KIND_EMOTION_CURVE, G_MAXUINT, told);
  set_points (self, document, &plan, told);
  wm_history_end (history);

  if (changes != NULL)
    {
      g_ptr_array_add (told, NULL);
      *changes = (GStrv) g_ptr_array_steal (told, NULL);
    }

  return TRUE;
}

/**
 * wm_mermaid_create_map:
 * @changes: (out) (optional) (transfer full): what the map holds, one
 *   line each, as wm_mermaid_apply() tells it
 *
 * Returns: (transfer full): a new map holding the journey, named after its
 *   title, with nothing to undo; or %NULL with @error set when the journey
 *   is over one of the file format's limits
 */
WmDocument *
wm_mermaid_create_map (WmMermaid  *self,
                       GStrv      *changes,
                       GError    **error)
{
  g_autoptr(WmDocument) document = NULL;

  g_return_val_if_fail (WM_IS_MERMAID (self), NULL);

  document = wm_template_create (WM_TEMPLATE_EMPTY);
  if (*self->title != '\0')
    wm_document_set_title (document, self->title);
  if (!wm_mermaid_apply (self, document, changes, error))
    return NULL;
  wm_history_clear (wm_document_get_history (document));

  return g_steal_pointer (&document);
}
