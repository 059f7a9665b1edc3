/* kasane-ledger-private.h: a test hook into the ledger
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kasane-ledger.h"

G_BEGIN_DECLS

/* How many ledgers kasane_ledger_compute () has computed in this process (tests check
 * that resizing, hovering and the fit search reuse the one they have). */
guint kasane_ledger_get_compute_count (void);

G_END_DECLS
