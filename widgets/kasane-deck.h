/* kasane-deck.h: the slides of a presentation, built from the loaded datasets
 *
 * A deck is a list of slide steps: a title, each dataset revealed layer by layer (one
 * step per layer), the open-load slope of all of them, each dataset's featured trend panels (one message a slide), a "lens,
 * not a law" slide per dataset in its notes' own words, and the sources.  Slides are
 * drawn by the views' own renderers (the diagram and trend layouts) at slide type: body
 * text about 28 px at 1920×1080 and never below 24 px (scaled by the shorter side), and
 * the text slides by a small layout of their own.  Both the presentation and the PDF
 * deck paint through kasane_deck_paint_slide().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "kasane-dataset.h"
#include "kasane-render.h"

G_BEGIN_DECLS

typedef enum
{
  KASANE_SLIDE_TITLE,     /* the claim, and each dataset's verdict */
  KASANE_SLIDE_REVEAL,    /* one dataset's stack, layers up to `step` shown */
  KASANE_SLIDE_SLOPE,     /* the claim over every dataset's open load */
  KASANE_SLIDE_ROBUSTNESS,/* how much each verdict depends on the judgements */
  KASANE_SLIDE_TREND,     /* one dataset's featured series of one unit */
  KASANE_SLIDE_LENS,      /* one dataset's caveat, from its notes */
  KASANE_SLIDE_SOURCES,   /* where the figures come from */
} KasaneSlideKind;

typedef struct
{
  KasaneSlideKind kind;
  int             dataset;   /* index into the deck's datasets; -1: all of them */
  int             step;      /* REVEAL: the last level index shown (0 = L1 alone) */
  char          **series;    /* TREND: the series ids on this slide */
} KasaneSlide;

typedef struct _KasaneDeck KasaneDeck;

/* Holds references on `datasets` (those with layers take part). */
KasaneDeck        *kasane_deck_new              (KasaneDataset * const *datasets,
                                                 guint                  n_datasets);
void               kasane_deck_free             (KasaneDeck            *deck);
guint              kasane_deck_get_n_slides     (const KasaneDeck      *deck);
const KasaneSlide *kasane_deck_get_slide        (const KasaneDeck      *deck,
                                                 guint                  index);

/* The first slide of `kind` about `dataset` (NULL: about any), or -1. */
int                kasane_deck_find_slide       (const KasaneDeck      *deck,
                                                 KasaneSlideKind        kind,
                                                 KasaneDataset         *dataset);

/* What the presenter reads for slide `index`, in `lang`: a revealed layer's speaker notes
 * (else its dataset's notes); the notes of the slide's dataset, or of every dataset.
 * Paragraphs are separated by blank lines; "" when there are none. */
char              *kasane_deck_get_notes        (const KasaneDeck      *deck,
                                                 guint                  index,
                                                 const char            *lang);

/* The smallest text on a slide of this size: 24 px at 1920×1080, by the shorter side. */
double             kasane_deck_text_floor       (double                 width,
                                                 double                 height);

/* Paints slide `index` (and "n / N" in its corner) filling width × height.  FALSE, with
 * `*error` set to a sentence, when it does not fit at slide type. */
gboolean           kasane_deck_paint_slide      (KasaneDeck            *deck,
                                                 guint                  index,
                                                 cairo_t               *cr,
                                                 double                 width,
                                                 double                 height,
                                                 const char            *lang,
                                                 KasaneTheme            theme,
                                                 KasaneMeasure         *measure,
                                                 char                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KasaneDeck, kasane_deck_free)

G_END_DECLS
