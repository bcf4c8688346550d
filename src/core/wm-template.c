/* wm-template.c: the maps a designer starts from.
 *
 * The stage sets are the two that recur in practitioners' guides; the lanes
 * are the ones most maps have. Names are translated, so that a designer
 * working in Polish, Persian or Russian starts in their own language.
 */
#include "wm-template.h"

#include <glib/gi18n-lib.h>

static const char *five_stages[] = {
  N_("Awareness"), N_("Consideration"), N_("Purchase"), N_("Retention"), N_("Advocacy"), NULL
};

static const char *four_steps[] = {
  N_("Research and shopping preparation"), N_("Compare"), N_("Purchase and payment"),
  N_("Use, maintenance and repurchase"), NULL
};

typedef struct
{
  WmLaneKind kind;
  const char *title;
} LaneSpec;

static const LaneSpec journey_lanes[] = {
  { WM_LANE_KIND_ACTIONS, N_("Actions") },
  { WM_LANE_KIND_THOUGHTS, N_("Thoughts") },
  { WM_LANE_KIND_TOUCHPOINTS, N_("Touchpoints") },
  { WM_LANE_KIND_EMOTION_CURVE, N_("Emotions") },
  { WM_LANE_KIND_PAIN_POINTS, N_("Pain points") },
  { WM_LANE_KIND_OPPORTUNITIES, N_("Opportunities") },
  { 0, NULL }
};

static const LaneSpec blueprint_lanes[] = {
  { WM_LANE_KIND_ACTIONS, N_("Customer actions") },
  { WM_LANE_KIND_TOUCHPOINTS, N_("Touchpoints") },
  { WM_LANE_KIND_FRONTSTAGE, N_("Frontstage") },
  { WM_LANE_KIND_BACKSTAGE, N_("Backstage") },
  { WM_LANE_KIND_KPIS, N_("KPIs") },
  { 0, NULL }
};

static void
add_stages (WmDocument  *document,
            const char **names)
{
  GListStore *stages = G_LIST_STORE (wm_document_get_stages (document));

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(WmStage) stage = wm_stage_new ();

      wm_stage_set_name (stage, _(names[i]));
      g_list_store_append (stages, stage);
    }
}

static void
add_lanes (WmDocument     *document,
           const LaneSpec *specs)
{
  GListStore *lanes = G_LIST_STORE (wm_document_get_lanes (document));

  for (guint i = 0; specs[i].title != NULL; i++)
    {
      g_autoptr(WmLane) lane = wm_lane_new ();

      wm_lane_set_kind (lane, specs[i].kind);
      wm_lane_set_title (lane, _(specs[i].title));
      g_list_store_append (lanes, lane);
    }
}

static void
add_persona (WmDocument *document)
{
  g_autoptr(WmPersona) persona = wm_persona_new ();

  wm_persona_set_name (persona, _("Customer"));
  g_list_store_append (G_LIST_STORE (wm_document_get_personas (document)), persona);
}

/**
 * wm_template_create:
 *
 * Returns: (transfer full): a new map, with nothing to undo, created now
 */
WmDocument *
wm_template_create (WmTemplate template_kind)
{
  g_autoptr(WmDocument) document = wm_document_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  wm_document_set_title (document, _("Untitled Map"));
  wm_document_set_created (document, stamp);
  wm_document_set_modified (document, stamp);

  switch (template_kind)
    {
    case WM_TEMPLATE_FIVE_STAGES:
    case WM_TEMPLATE_FUTURE_STATE:
      add_persona (document);
      add_stages (document, five_stages);
      add_lanes (document, journey_lanes);
      if (template_kind == WM_TEMPLATE_FUTURE_STATE)
        wm_document_set_kind (document, WM_MAP_KIND_FUTURE_STATE);
      break;
    case WM_TEMPLATE_FOUR_STEPS:
      add_persona (document);
      add_stages (document, four_steps);
      add_lanes (document, journey_lanes);
      break;
    case WM_TEMPLATE_SERVICE_BLUEPRINT:
      add_persona (document);
      add_stages (document, five_stages);
      add_lanes (document, blueprint_lanes);
      wm_document_set_kind (document, WM_MAP_KIND_SERVICE_BLUEPRINT);
      break;
    case WM_TEMPLATE_EMPTY:
      break;
    default:
      g_return_val_if_reached (NULL);
    }

  return g_steal_pointer (&document);
}

const char *
wm_template_get_name (WmTemplate template_kind)
{
  static const char * const names[] = {
    [WM_TEMPLATE_FIVE_STAGES] = N_("Customer Journey in Five Stages"),
    [WM_TEMPLATE_FOUR_STEPS] = N_("Online Purchase in Four Steps"),
    [WM_TEMPLATE_SERVICE_BLUEPRINT] = N_("Service Blueprint"),
    [WM_TEMPLATE_FUTURE_STATE] = N_("Future-State Map"),
    [WM_TEMPLATE_EMPTY] = N_("Empty Map"),
  };

  g_return_val_if_fail (template_kind < G_N_ELEMENTS (names), "");

  return _(names[template_kind]);
}

/**
 * wm_template_get_summary:
 *
 * Returns: (transfer full): the template's stages in order, or what else
 *   tells it apart, in a line
 */
char *
wm_template_get_summary (WmTemplate template_kind)
{
  g_autoptr(WmDocument) document = NULL;
  GListModel *stages;
  g_autoptr(GString) summary = g_string_new (NULL);

  g_return_val_if_fail (template_kind < WM_N_TEMPLATES, NULL);

  switch (template_kind)
    {
    case WM_TEMPLATE_SERVICE_BLUEPRINT:
      return g_strdup (_("What the customer does, the front stage and the back stage, stage by stage"));
    case WM_TEMPLATE_FUTURE_STATE:
      return g_strdup (_("The journey as it should be, with the opportunities that lead there"));
    case WM_TEMPLATE_EMPTY:
      return g_strdup (_("No stages and no lanes: draw your own"));
    case WM_TEMPLATE_FIVE_STAGES:
    case WM_TEMPLATE_FOUR_STEPS:
    default:
      break;
    }

  /* The stages themselves, so that the line says exactly what the map has. */
  document = wm_template_create (template_kind);
  stages = wm_document_get_stages (document);
  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(WmStage) stage = g_list_model_get_item (stages, i);

      if (i > 0)
        /* TRANSLATORS: between two stages in the order they happen; in a
         * right-to-left language the arrow points left: " ← " */
        g_string_append (summary, C_("stage order", " → "));
      g_string_append (summary, wm_stage_get_name (stage));
    }
  return g_string_free (g_steal_pointer (&summary), FALSE);
}
