/* kasane-test-util.h: what several test programs need alike */
#pragma once

#include "kasane-dataset.h"

G_BEGIN_DECLS

/* A bundled dataset (data/datasets/NAME) read with the real loader; it must load. */
KasaneDataset *kasane_test_load_bundled (const char    *name);

/* A problem whose label is its id. */
void           kasane_test_add_problem  (KasaneDataset *dataset,
                                         const char    *id,
                                         int            weight);

/* A layer at `level` named `name` (NULL: its id).  `effects` reads like "+a +b =c -d ^e":
 * + introduces, = solves, - mitigates, ^ worsens; every problem must exist already. */
void           kasane_test_add_layer    (KasaneDataset *dataset,
                                         const char    *id,
                                         gint64         level,
                                         const char    *name,
                                         const char    *effects);

/* Runs the main context until nothing is pending (bounded: a frame clock may keep it
 * busy, never for this long). */
void           kasane_test_wait_idle    (void);

/* Runs the main context for `ms` milliseconds, sleeping while nothing is pending. */
void           kasane_test_iterate      (guint          ms);

/* Builds de_DE.UTF-8 (a decimal comma) with localedef into a temporary folder, once, and
 * points LOCPATH at it, so setlocale (LC_NUMERIC, the result) works on machines that ship
 * only C locales.  NULL (with the reason in `error`) when localedef or the locale sources
 * are missing. */
const char    *kasane_test_decimal_comma_locale (GError **error);

G_END_DECLS
