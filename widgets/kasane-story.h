/* kasane-story.h: the verdict of a dataset told in sentences, generated from its ledger
 *
 * The sentences are written in the current gettext language; dataset names (title,
 * layer names) are taken in `lang` ("en" or "ja") with the fallback DESIGN.md
 * describes.  Every sentence is computed from the ledger, so it stays true for any
 * dataset, not only for the bundled ones.
 *
 * Copyright 2026 The Kasane authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kasane-dataset.h"
#include "kasane-ledger.h"

G_BEGIN_DECLS

typedef enum
{
  KASANE_STORY_PLAIN  = 0,
  /* Pango markup: dataset text is escaped, layer names and the verdict's term are links
   * (`kasane:layer/DATASET/LAYER`, `kasane:term/progression|migration|mixed`). */
  KASANE_STORY_MARKUP = 1 << 0,
} KasaneStoryFlags;

/* One sentence for layer `index` (0 is the lowest): for the lowest, what it leaves open;
 * above it, what it removed and added and how the open load moved. */
char  *kasane_story_layer_sentence   (KasaneDataset      *dataset,
                                      const KasaneLedger *ledger,
                                      guint               index,
                                      const char         *lang,
                                      KasaneStoryFlags    flags);

/* The verdict (progression, migration, mixed or none) and why, in one sentence. */
char  *kasane_story_verdict_sentence (KasaneDataset      *dataset,
                                      const KasaneLedger *ledger,
                                      const char         *lang,
                                      KasaneStoryFlags    flags);

/* Whether the dataset's own claim agrees with the verdict (or that it makes none). */
char  *kasane_story_claim_sentence   (KasaneDataset      *dataset,
                                      const KasaneLedger *ledger,
                                      const char         *lang,
                                      KasaneStoryFlags    flags);

/* All of the above in reading order: one sentence per layer, the verdict, the claim. */
GStrv  kasane_story_sentences        (KasaneDataset      *dataset,
                                      const char         *lang,
                                      KasaneStoryFlags    flags);

/* The name of a verdict as a term in running text ("capability progression"). */
const char *kasane_story_verdict_term (KasaneVerdict      verdict);

G_END_DECLS
