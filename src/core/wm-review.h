/* wm-review.h: what weakens a journey map, found by reading it. */
#pragma once

#include "wm-document.h"

G_BEGIN_DECLS

/* Most serious first. */
typedef enum {
  WM_REVIEW_ERROR,
  WM_REVIEW_WARNING,
  WM_REVIEW_INFO,
} WmReviewLevel;

/* Which rule a finding comes from. */
typedef enum {
  WM_REVIEW_LOW_POINT_WITHOUT_OPPORTUNITY,  /* error */
  WM_REVIEW_POINT_WITHOUT_EVIDENCE,         /* warning */
  WM_REVIEW_MOMENT_WITHOUT_EVIDENCE,        /* warning */
  WM_REVIEW_EVIDENCE_DUE,                   /* warning: older than a year */
  WM_REVIEW_MAP_DUE,                        /* warning: not changed for a year */
  WM_REVIEW_STAGE_WITHOUT_TOUCHPOINT,       /* warning */
  WM_REVIEW_PERSONA_WITHOUT_GOALS,          /* warning */
  WM_REVIEW_MOMENT_WITHOUT_KPI,             /* warning */
  WM_REVIEW_CARD_WITHOUT_EVIDENCE,          /* info */
} WmReviewCheck;

typedef struct
{
  WmReviewLevel level;
  WmReviewCheck check;
  char *message;        /* one line, translated */
  WmElement *element;   /* what it concerns, to select it; the document for the map */
} WmReviewFinding;

void        wm_review_finding_free (WmReviewFinding *finding);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WmReviewFinding, wm_review_finding_free)

GPtrArray  *wm_review_map          (WmDocument      *document,
                                    GDate           *today);
const char *wm_review_level_name   (WmReviewLevel    level);

G_END_DECLS
