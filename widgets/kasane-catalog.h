/* kasane-catalog.h: a compiled message catalogue (.mo), read without gettext
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _KasaneCatalog KasaneCatalog;

/* Maps and checks the file at `path`: every offset and length must lie inside it, every
 * string must end in NUL and the messages must be sorted, or it is an error (a corrupt
 * catalogue never crashes a lookup).  The plural rule comes from the header's
 * Plural-Forms; a rule that does not parse falls back to English's (n != 1). */
KasaneCatalog *kasane_catalog_new_from_file (const char     *path,
                                             GError        **error);
void           kasane_catalog_free          (KasaneCatalog  *catalog);

/* The translation of `msgid` (in `context`, or none), or NULL when it has none.  With a
 * `msgid_plural`, the form the plural rule picks for `n`.  Thread-safe: a catalogue does
 * not change once loaded. */
const char    *kasane_catalog_lookup        (const KasaneCatalog *catalog,
                                             const char          *context,
                                             const char          *msgid,
                                             const char          *msgid_plural,
                                             gulong               n);

/* A Plural-Forms expression ("n != 1", "n%10==1 && n%100!=11 ? 0 : 1" …): parsed once,
 * evaluated for any n.  NULL and an error when it does not parse. */
typedef struct _KasanePluralRule KasanePluralRule;

KasanePluralRule *kasane_plural_rule_new  (const char             *expression,
                                           GError                **error);
void              kasane_plural_rule_free (KasanePluralRule       *rule);
gulong            kasane_plural_rule_eval (const KasanePluralRule *rule,
                                           gulong                  n);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KasaneCatalog, kasane_catalog_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KasanePluralRule, kasane_plural_rule_free)

G_END_DECLS
