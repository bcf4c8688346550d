/* wm-bench-map.c: the large and huge maps the benchmarks measure.
 *
 * They are generated through the model API (element constructors, setters,
 * wm_history_insert) from a fixed seed, so every run measures the same
 * file. See docs/performance.md for what they hold.
 */
#include "wm-bench-map.h"

#include <string.h>

#include "wm-card.h"
#include "wm-emotion-point.h"
#include "wm-evidence.h"
#include "wm-lane.h"
#include "wm-moment.h"
#include "wm-persona.h"
#include "wm-stage.h"

#define SEED 20240601

const WmBenchMapSpec wm_bench_map_specs[WM_BENCH_N_MAPS] = {
  { "large", 24, 16, 3, 4, 9 },
  { "huge",  60, 40, 4, 4, 3 },
};

const WmBenchMapSpec *
wm_bench_map_find (const char *name)
{
  for (guint i = 0; i < WM_BENCH_N_MAPS; i++)
    if (g_strcmp0 (wm_bench_map_specs[i].name, name) == 0)
      return &wm_bench_map_specs[i];
  return NULL;
}

static const char * const words_en[] = {
  "customer", "compares", "prices", "delivery", "options", "checks", "reviews",
  "on", "the", "website", "asks", "a", "friend", "for", "advice", "about",
  "payment", "worries", "hidden", "costs", "waits", "order", "confirmation",
  "email", "opens", "app", "to", "track", "parcel", "calls", "support",
  "because", "tracking", "page", "is", "unclear", "reads", "return", "policy",
  "before", "buying", "saves", "items", "in", "wish", "list", "shares",
  "photo", "with", "family", "expects", "same-day", "shipping", "finds",
  "discount", "code", "abandons", "cart", "when", "fees", "appear", "at",
  "checkout", "trusts", "brand", "after", "good", "experience", "needs",
  "clear", "information", "size", "guide", "store", "staff", "help",
  "quickly", "loyalty", "points", "renewal", "reminder", "warranty",
  "registration", "and", "of", "not", "again",
};

static const char * const words_pl[] = {
  "klient", "porównuje", "ceny", "dostawy", "w", "kilku", "sklepach",
  "szuka", "opinii", "na", "forum", "boi", "się", "ukrytych", "kosztów",
  "płatność", "kartą", "nie", "działa", "czeka", "potwierdzenie",
  "zamówienia", "dzwoni", "do", "infolinii", "zwrot", "towaru", "jest",
  "zbyt", "skomplikowany", "chce", "szybkiej", "wysyłki", "poleca", "markę",
  "znajomym", "gwarancja", "obsługa", "klienta", "źródło", "łatwo",
  "ściąga", "aplikację", "żółty", "kurier",
};

static const char * const words_ru[] = {
  "клиент", "сравнивает", "цены", "на", "доставку", "в", "разных",
  "магазинах", "читает", "отзывы", "боится", "скрытых", "платежей",
  "оплата", "картой", "не", "проходит", "ждёт", "подтверждения", "заказа",
  "звонит", "службу", "поддержки", "возврат", "товара", "слишком",
  "сложный", "хочет", "быструю", "рекомендует", "бренд", "друзьям",
  "гарантия", "приложение", "удобное", "точки", "контакта", "момент",
  "истины",
};

static const char * const words_fa[] = {
  "مشتری", "قیمت‌ها", "را", "در", "چند", "فروشگاه", "مقایسه", "می‌کند",
  "نظرات", "کاربران", "می‌خواند", "نگران", "هزینه‌های", "پنهان", "است",
  "پرداخت", "با", "کارت", "انجام", "نشد", "منتظر", "تأیید", "سفارش",
  "پشتیبانی", "تماس", "می‌گیرد", "بازگشت", "کالا", "پیچیده", "ارسال",
  "سریع", "می‌خواهد", "برند", "به", "دوستان", "پیشنهاد", "نقطه", "لحظه",
  "حقیقت", "تجربه",
};

typedef struct
{
  const char * const *words;
  guint n_words;
  guint share;       /* percent of the texts written in this language */
} Vocabulary;

#define VOCABULARY(words, share) { words, G_N_ELEMENTS (words), share }

/* Mostly English, with the Polish, Russian and Persian of the guides the
 * domain comes from: Latin diacritics, Cyrillic, and right-to-left Arabic
 * script inside a left-to-right map. */
static const Vocabulary vocabularies[] = {
  VOCABULARY (words_en, 80),
  VOCABULARY (words_pl, 7),
  VOCABULARY (words_ru, 7),
  VOCABULARY (words_fa, 6),
};

static const char * const stage_names[] = {
  "Awareness", "Consideration", "Purchase", "Retention", "Advocacy",
  "Research and shopping preparation", "Compare", "Purchase and payment",
  "Use, maintenance and repurchase", "Świadomość", "Rozważanie zakupu",
  "Осведомлённость", "Покупка и оплата", "آگاهی", "خرید و پرداخت",
};

static const char * const palette[] = {
  "#e66100", "#1c71d8", "#26a269", "#9141ac", "#c01c28", "#f5c211", "#865e3c",
};

typedef struct
{
  const char *name;
  int age;
  const char *job_role;
  const char *family_status;
  const char *quote;
} PersonaSeed;

static const PersonaSeed persona_seeds[] = {
  { "Anna Kowalska", 34, "Kierowniczka projektu", "Mężatka, dwoje dzieci",
    "Chcę wiedzieć, kiedy paczka dotrze." },
  { "Дмитрий Орлов", 41, "Инженер-конструктор", "Женат, один ребёнок",
    "Мне важна гарантия, а не скидка." },
  { "سارا احمدی", 28, "طراح گرافیک", "مجرد",
    "می‌خواهم سریع و بی‌دردسر خرید کنم." },
  { "Tom Baker", 63, "Retired teacher", "Widower, three grandchildren",
    "I just want someone to pick up the phone." },
};

typedef struct
{
  WmLaneKind kind;
  const char *title;
  gboolean per_persona;
} LaneSeed;

static const LaneSeed lane_seeds[] = {
  { WM_LANE_KIND_ACTIONS, "Actions", TRUE },
  { WM_LANE_KIND_THOUGHTS, "Thoughts", TRUE },
  { WM_LANE_KIND_FEELINGS, "Feelings and quotes", TRUE },
  { WM_LANE_KIND_TOUCHPOINTS, "Touchpoints", FALSE },
  { WM_LANE_KIND_PAIN_POINTS, "Pain points", TRUE },
  { WM_LANE_KIND_GAINS, "Gains", FALSE },
  { WM_LANE_KIND_OPPORTUNITIES, "Opportunities", FALSE },
  { WM_LANE_KIND_FRONTSTAGE, "Frontstage", FALSE },
  { WM_LANE_KIND_BACKSTAGE, "Backstage", FALSE },
  { WM_LANE_KIND_KPIS, "KPIs", FALSE },
  { WM_LANE_KIND_NOTES, "Notes", FALSE },
};

static const char * const scale_labels[] = {
  "Furious", "Angry", "Annoyed", "Neutral", "Content", "Happy", "Delighted", NULL,
};

static const char * const emotion_labels[] = { "😠", "🙁", "😐", "🙂", "😀" };
static const char * const owners[] = { "Marketing", "Sales", "Support", "Product", "Logistics", "IT" };
static const char * const kpi_names[] = { "NPS", "Conversion rate", "Churn", "CSAT", "Average order value" };
static const char * const kpi_units[] = { "pts", "%", "%", "%", "PLN" };

typedef struct
{
  GRand *rand;
  WmHistory *history;
} Generator;

static guint
pick (Generator  *gen,
      guint       n)
{
  return g_rand_int_range (gen->rand, 0, n);
}

static int
between (Generator *gen,
         int        low,
         int        high)
{
  return g_rand_int_range (gen->rand, low, high + 1);
}

/* A random but reproducible UUID, shaped like the ids Waymark makes, so
 * that the file has the size a real one would. */
static char *
make_id (Generator *gen)
{
  guint32 r[6];

  for (guint i = 0; i < G_N_ELEMENTS (r); i++)
    r[i] = g_rand_int (gen->rand);

  return g_strdup_printf ("%08x-%04x-4%03x-%04x-%04x%08x",
                          r[0], r[1] & 0xffff, r[2] & 0xfff,
                          (r[3] & 0x3fff) | 0x8000, r[4] & 0xffff, r[5]);
}

static gpointer
new_element (Generator *gen,
             GType      type)
{
  g_autofree char *id = make_id (gen);

  return g_object_new (type, "id", id, NULL);
}

/* Adds @item (consumed) at the end of @list, through the edit path. */
static void
append (Generator  *gen,
        GListModel *list,
        gpointer    item)
{
  wm_history_insert (gen->history, list, g_list_model_get_n_items (list), item);
  g_object_unref (item);
}

static char *
make_sentence (Generator *gen,
               guint      n_words)
{
  const Vocabulary *vocabulary = &vocabularies[0];
  GString *text = g_string_new (NULL);
  guint roll = pick (gen, 100);

  for (guint i = 0; i < G_N_ELEMENTS (vocabularies); i++)
    {
      if (roll < vocabularies[i].share)
        {
          vocabulary = &vocabularies[i];
          break;
        }
      roll -= vocabularies[i].share;
    }

  for (guint i = 0; i < n_words; i++)
    {
      const char *word = vocabulary->words[pick (gen, vocabulary->n_words)];

      if (i == 0)
        {
          g_string_append_unichar (text, g_unichar_totitle (g_utf8_get_char (word)));
          g_string_append (text, g_utf8_next_char (word));
        }
      else
        {
          g_string_append_c (text, ' ');
          g_string_append (text, word);
        }
    }
  g_string_append_c (text, '.');

  return g_string_free (text, FALSE);
}

/* Sticky-note lengths: mostly a short sentence, sometimes a paragraph. */
static char *
make_card_text (Generator *gen)
{
  if (pick (gen, 100) < 15)
    return make_sentence (gen, between (gen, 20, 40));

  return make_sentence (gen, between (gen, 4, 18));
}

static GBytes *
make_picture (const char *color)
{
  g_autofree char *svg =
    g_strdup_printf ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"64\">"
                     "<circle cx=\"32\" cy=\"32\" r=\"32\" fill=\"%s\"/>"
                     "<circle cx=\"32\" cy=\"25\" r=\"12\" fill=\"#ffffff\"/>"
                     "<path d=\"M12 56c4-12 12-17 20-17s16 5 20 17\" fill=\"#ffffff\"/>"
                     "</svg>", color);
  gsize length = strlen (svg);

  return g_bytes_new_take (g_steal_pointer (&svg), length);
}

static void
add_personas (Generator  *gen,
              WmDocument *document,
              guint       n_personas)
{
  for (guint i = 0; i < n_personas; i++)
    {
      const PersonaSeed *seed = &persona_seeds[i % G_N_ELEMENTS (persona_seeds)];
      WmPersona *persona = new_element (gen, WM_TYPE_PERSONA);
      g_autoptr(GBytes) picture = make_picture (palette[i % G_N_ELEMENTS (palette)]);
      char *texts[7];

      for (guint j = 0; j < G_N_ELEMENTS (texts); j++)
        texts[j] = make_sentence (gen, between (gen, 6, 16));

      wm_persona_set_name (persona, seed->name);
      wm_persona_set_age (persona, seed->age);
      wm_persona_set_job_role (persona, seed->job_role);
      wm_persona_set_family_status (persona, seed->family_status);
      wm_persona_set_professional_goals (persona, texts[0]);
      wm_persona_set_personal_goals (persona, texts[1]);
      wm_persona_set_motivations (persona, texts[2]);
      wm_persona_set_fears (persona, texts[3]);
      wm_persona_set_preferences (persona, texts[4]);
      wm_persona_set_needs (persona, texts[5]);
      wm_persona_set_frustrations (persona, texts[6]);
      wm_persona_set_quote (persona, seed->quote);
      wm_persona_set_color (persona, palette[i % G_N_ELEMENTS (palette)]);
      wm_persona_set_picture (persona, picture);
      wm_persona_set_picture_type (persona, "image/svg+xml");

      for (guint j = 0; j < G_N_ELEMENTS (texts); j++)
        g_free (texts[j]);

      append (gen, wm_document_get_personas (document), persona);
    }
}

static void
add_stages (Generator  *gen,
            WmDocument *document,
            guint       n_stages)
{
  for (guint i = 0; i < n_stages; i++)
    {
      WmStage *stage = new_element (gen, WM_TYPE_STAGE);
      g_autofree char *name = g_strdup_printf ("%u. %s", i + 1,
                                               stage_names[i % G_N_ELEMENTS (stage_names)]);
      g_autofree char *description = make_sentence (gen, between (gen, 8, 20));

      wm_stage_set_name (stage, name);
      wm_stage_set_description (stage, description);
      if (i % 3 == 0)
        wm_stage_set_color (stage, palette[pick (gen, G_N_ELEMENTS (palette))]);

      append (gen, wm_document_get_stages (document), stage);
    }
}

/* @n_lanes lanes with cards, and after the first three (the customer's
 * actions, thoughts and feelings) the lane of the emotion curves. */
static void
add_lanes (Generator  *gen,
           WmDocument *document,
           guint       n_lanes)
{
  GListModel *personas = wm_document_get_personas (document);
  guint n_personas = g_list_model_get_n_items (personas);

  for (guint i = 0; i < n_lanes; i++)
    {
      const LaneSeed *seed = &lane_seeds[i % G_N_ELEMENTS (lane_seeds)];
      WmLane *lane = new_element (gen, WM_TYPE_LANE);

      wm_lane_set_kind (lane, seed->kind);
      wm_lane_set_title (lane, seed->title);
      if (seed->per_persona && n_personas > 0)
        {
          g_autoptr(WmPersona) persona = g_list_model_get_item (personas, i % n_personas);

          wm_lane_set_persona (lane, wm_element_get_id (WM_ELEMENT (persona)));
        }
      append (gen, wm_document_get_lanes (document), lane);

      if (i == 2 || (n_lanes < 3 && i == n_lanes - 1))
        {
          WmLane *curves = new_element (gen, WM_TYPE_LANE);

          wm_lane_set_kind (curves, WM_LANE_KIND_EMOTION_CURVE);
          wm_lane_set_title (curves, "Emotions");
          append (gen, wm_document_get_lanes (document), curves);
        }
    }
}

static void
add_evidence (Generator *gen,
              WmElement *element)
{
  WmEvidence *evidence = new_element (gen, WM_TYPE_EVIDENCE);
  g_autofree char *date = g_strdup_printf ("2024-%02d-%02d", between (gen, 1, 12), between (gen, 1, 28));
  g_autofree char *note = make_sentence (gen, between (gen, 5, 15));

  wm_evidence_set_source_kind (evidence, pick (gen, WM_SOURCE_KIND_OTHER + 1));
  wm_evidence_set_solicited (evidence, pick (gen, 2));
  wm_evidence_set_sample_size (evidence, between (gen, 5, 2000));
  wm_evidence_set_date (evidence, date);
  wm_evidence_set_note (evidence, note);
  if (pick (gen, 3) == 0)
    {
      g_autofree char *link = g_strdup_printf ("https://research.example.org/studies/%u", g_rand_int (gen->rand));

      wm_evidence_set_link (evidence, link);
    }

  append (gen, wm_element_get_evidence (element), evidence);
}

static WmCard *
make_card (Generator  *gen,
           WmLaneKind  kind)
{
  WmCard *card = new_element (gen, WM_TYPE_CARD);
  g_autofree char *text = NULL;

  switch (kind)
    {
    case WM_LANE_KIND_TOUCHPOINTS:
      wm_card_set_channel (card, between (gen, WM_CHANNEL_WEBSITE, WM_CHANNEL_OTHER));
      break;
    case WM_LANE_KIND_OPPORTUNITIES:
      wm_card_set_impact (card, between (gen, 1, 5));
      wm_card_set_effort (card, between (gen, 1, 5));
      wm_card_set_owner (card, owners[pick (gen, G_N_ELEMENTS (owners))]);
      wm_card_set_status (card, pick (gen, WM_OPPORTUNITY_STATUS_DROPPED + 1));
      break;
    case WM_LANE_KIND_KPIS:
      {
        guint which = pick (gen, G_N_ELEMENTS (kpi_names));
        int current = between (gen, 10, 90);

        wm_card_set_kpi_name (card, kpi_names[which]);
        wm_card_set_kpi_unit (card, kpi_units[which]);
        wm_card_set_kpi_current (card, current);
        wm_card_set_kpi_target (card, current + between (gen, 5, 20));
        text = make_sentence (gen, between (gen, 3, 8));
      }
      break;
    default:
      break;
    }

  if (text == NULL)
    text = make_card_text (gen);
  wm_card_set_text (card, text);

  if (pick (gen, 10) == 0)
    add_evidence (gen, WM_ELEMENT (card));

  return card;
}

static void
add_cards (Generator  *gen,
           WmDocument *document,
           guint       n_cards)
{
  GListModel *stages = wm_document_get_stages (document);
  GListModel *lanes = wm_document_get_lanes (document);

  for (guint i = 0; i < g_list_model_get_n_items (lanes); i++)
    {
      g_autoptr(WmLane) lane = g_list_model_get_item (lanes, i);
      WmLaneKind kind = wm_lane_get_kind (lane);

      if (kind == WM_LANE_KIND_EMOTION_CURVE)
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (stages); j++)
        {
          g_autoptr(WmStage) stage = g_list_model_get_item (stages, j);
          GListModel *cell = wm_lane_get_cards (lane, wm_element_get_id (WM_ELEMENT (stage)));

          for (guint k = 0; k < n_cards; k++)
            append (gen, cell, make_card (gen, kind));
        }
    }
}

/* Each persona's curve wanders over the scale, with peaks and valleys. */
static void
add_emotion_points (Generator  *gen,
                    WmDocument *document)
{
  GListModel *personas = wm_document_get_personas (document);
  GListModel *stages = wm_document_get_stages (document);
  int low = wm_document_get_scale_min (document);
  int high = wm_document_get_scale_max (document);

  for (guint i = 0; i < g_list_model_get_n_items (personas); i++)
    {
      g_autoptr(WmPersona) persona = g_list_model_get_item (personas, i);
      int score = between (gen, low, high);

      for (guint j = 0; j < g_list_model_get_n_items (stages); j++)
        {
          g_autoptr(WmStage) stage = g_list_model_get_item (stages, j);
          WmEmotionPoint *point = new_element (gen, WM_TYPE_EMOTION_POINT);

          int step = between (gen, -2, 2);

          score = CLAMP (score + step, low, high);
          wm_emotion_point_set_persona (point, wm_element_get_id (WM_ELEMENT (persona)));
          wm_emotion_point_set_stage (point, wm_element_get_id (WM_ELEMENT (stage)));
          wm_emotion_point_set_score (point, score);
          if (j % 5 == 0)
            wm_emotion_point_set_label (point, emotion_labels[pick (gen, G_N_ELEMENTS (emotion_labels))]);
          if (j % 3 == 0)
            {
              g_autofree char *note = make_sentence (gen, between (gen, 4, 12));

              wm_emotion_point_set_note (point, note);
            }
          if (j % 7 == 0)
            add_evidence (gen, WM_ELEMENT (point));

          append (gen, wm_document_get_emotion_points (document), point);
        }
    }
}

static void
add_moments (Generator  *gen,
             WmDocument *document)
{
  GListModel *stages = wm_document_get_stages (document);
  g_autoptr(WmLane) lane = g_list_model_get_item (wm_document_get_lanes (document), 0);

  for (guint j = 2; j < g_list_model_get_n_items (stages); j += 6)
    {
      g_autoptr(WmStage) stage = g_list_model_get_item (stages, j);
      WmMoment *moment = new_element (gen, WM_TYPE_MOMENT);
      g_autofree char *title = make_sentence (gen, between (gen, 2, 5));
      g_autofree char *description = make_sentence (gen, between (gen, 8, 20));

      wm_moment_set_stage (moment, wm_element_get_id (WM_ELEMENT (stage)));
      wm_moment_set_lane (moment, wm_element_get_id (WM_ELEMENT (lane)));
      wm_moment_set_title (moment, title);
      wm_moment_set_description (moment, description);
      wm_moment_set_polarity (moment, (j / 6) % (WM_POLARITY_DECISIVE + 1));

      append (gen, wm_document_get_moments (document), moment);
    }
}

/**
 * wm_bench_map_generate:
 *
 * Returns: (transfer full): the map @spec describes, the same on every run
 */
WmDocument *
wm_bench_map_generate (const WmBenchMapSpec *spec)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  Generator gen = { rand, NULL };
  WmDocument *document = new_element (&gen, WM_TYPE_DOCUMENT);
  g_autofree char *title = g_strdup_printf ("Omnichannel retail journey (benchmark, %s map)", spec->name);
  g_autofree char *description = make_sentence (&gen, 30);

  gen.history = wm_document_get_history (document);

  wm_document_set_title (document, title);
  wm_document_set_description (document, description);
  wm_document_set_kind (document, WM_MAP_KIND_CURRENT_STATE);
  wm_document_set_scale_labels (document, scale_labels);
  wm_document_set_created (document, "2024-06-01T09:00:00Z");
  wm_document_set_modified (document, "2024-06-01T17:30:00Z");

  wm_history_begin (gen.history, "Generate");
  add_personas (&gen, document, spec->n_personas);
  add_stages (&gen, document, spec->n_stages);
  add_lanes (&gen, document, spec->n_lanes);
  add_cards (&gen, document, spec->n_cards);
  add_emotion_points (&gen, document);
  add_moments (&gen, document);
  wm_history_end (gen.history);
  /* A freshly opened map has no undo history either. */
  wm_history_clear (gen.history);

  return document;
}

