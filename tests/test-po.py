#!/usr/bin/env python3
# test-po.py: the Japanese translation covers every marked string, and every file with
# marked strings is listed in po/POTFILES.in.
#
# xgettext runs over POTFILES.in the way meson's i18n module does with preset: 'glib'
# (same keywords and flags; .ui, .desktop.in, metainfo and gschema files through
# xgettext's own language detection and ITS rules), into a temporary folder, so the
# source tree is left alone.  Prints TAP.
#
# Copyright 2026 The Kasane authors
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.environ.get('KASANE_SOURCE_ROOT') or \
    os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PO_DIR = os.path.join(ROOT, 'po')
POTFILES = os.path.join(PO_DIR, 'POTFILES.in')
LANGUAGES = ['ja']

# meson's mesonbuild/modules/i18n.py, PRESET_ARGS['glib'], plus what its gettext
# script adds (-k_, --package-name).
GLIB_PRESET = [
    '--from-code=UTF-8',
    '--add-comments',
    '--keyword=_',
    '--keyword=N_',
    '--keyword=C_:1c,2',
    '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2',
    '--keyword=g_dngettext:2,3',
    '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format',
    '--flag=C_:2:pass-c-format',
    '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format',
    '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format',
    '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format',
    '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format',
    '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format',
    '--flag=g_printerr:1:c-format',
    '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format',
    '--flag=g_sprintf:2:c-format',
    '--flag=g_snprintf:3:c-format',
]

# Folders whose C and .ui files must be listed when they mark strings.
SCANNED = ['app', 'widgets', 'resources']
C_MARK = re.compile(r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|g_dngettext|g_dpgettext2)\s*\(')
UI_MARK = re.compile(r'translatable\s*=\s*"yes"')
C_COMMENT = re.compile(r'/\*.*?\*/|//[^\n]*', re.S)
C_STRING = re.compile(r'"(?:\\.|[^"\\\n])*"')

n_tests = 0
failed = 0


def report(ok, name, details=()):
    global n_tests, failed
    n_tests += 1
    if not ok:
        failed += 1
    print('%s %d %s' % ('ok' if ok else 'not ok', n_tests, name))
    for line in details:
        print('# ' + line)


def skip(name, why):
    global n_tests
    n_tests += 1
    print('ok %d %s # SKIP %s' % (n_tests, name, why))


def unquote(text):
    body = text.strip()
    assert body.startswith('"') and body.endswith('"'), body
    body = body[1:-1]
    escapes = {'n': '\n', 't': '\t', 'r': '\r', '"': '"', '\\': '\\', 'a': '\a', 'b': '\b',
               'f': '\f', 'v': '\v'}
    out = []
    i = 0
    while i < len(body):
        if body[i] == '\\' and i + 1 < len(body):
            out.append(escapes.get(body[i + 1], body[i + 1]))
            i += 2
        else:
            out.append(body[i])
            i += 1
    return ''.join(out)


def parse_po(path):
    """Entries of a PO file: dicts with ctx, id, plural, strs (list), fuzzy, obsolete."""
    entries = []
    entry = None
    field = None

    def finish():
        if entry is not None and 'id' in entry:
            entries.append(entry)

    with open(path, encoding='utf-8') as f:
        for raw in f:
            line = raw.rstrip('\n')
            obsolete = line.startswith('#~')
            if obsolete:
                line = line[2:].lstrip()
            if not line.strip():
                finish()
                entry, field = None, None
                continue
            if entry is None:
                entry = {'ctx': None, 'plural': None, 'strs': {}, 'fuzzy': False,
                         'obsolete': False}
            if obsolete:
                entry['obsolete'] = True
            if line.startswith('#,'):
                entry['fuzzy'] = entry['fuzzy'] or 'fuzzy' in line[2:].replace(' ', '').split(',')
                continue
            if line.startswith('#'):
                continue
            m = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(".*")\s*$', line)
            if m:
                keyword, index, value = m.group(1), m.group(2), unquote(m.group(3))
                if keyword == 'msgctxt':
                    field = ('ctx', None)
                elif keyword == 'msgid':
                    field = ('id', None)
                elif keyword == 'msgid_plural':
                    field = ('plural', None)
                else:
                    field = ('strs', int(index) if index is not None else 0)
                if field[0] == 'strs':
                    entry['strs'][field[1]] = value
                else:
                    entry[field[0]] = value
            elif line.startswith('"') and field is not None:
                if field[0] == 'strs':
                    entry['strs'][field[1]] += unquote(line)
                else:
                    entry[field[0]] += unquote(line)
    finish()
    return entries


def short(entry):
    text = entry['id'].replace('\n', '\\n')
    if len(text) > 70:
        text = text[:67] + '…'
    return ('[%s] ' % entry['ctx'] if entry['ctx'] is not None else '') + text


def listed_files():
    files = []
    with open(POTFILES, encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith('#'):
                files.append(line)
    return files


def marks_strings(path):
    try:
        with open(path, encoding='utf-8', errors='replace') as f:
            text = f.read()
    except OSError:
        return False
    if path.endswith('.ui'):
        return UI_MARK.search(text) is not None
    # Mentions of _() in comments and strings do not count.
    text = C_COMMENT.sub(' ', text)
    text = C_STRING.sub('""', text)
    return C_MARK.search(text) is not None


def main():
    print('1..%d' % (3 * len(LANGUAGES) + 4))

    xgettext = shutil.which('xgettext')
    msgfmt = shutil.which('msgfmt')
    listed = listed_files()

    # The list itself: every listed file exists, every marking file is listed.
    missing_files = [name for name in listed if not os.path.exists(os.path.join(ROOT, name))]
    report(not missing_files, 'every file in POTFILES.in exists',
           ['missing: ' + name for name in missing_files])

    unlisted = []
    for folder in SCANNED:
        for dirpath, dirnames, filenames in os.walk(os.path.join(ROOT, folder)):
            dirnames.sort()
            for filename in sorted(filenames):
                if not filename.endswith(('.c', '.h', '.ui')):
                    continue
                path = os.path.join(dirpath, filename)
                relative = os.path.relpath(path, ROOT)
                if relative not in listed and marks_strings(path):
                    unlisted.append(relative)
    report(not unlisted, 'every C and .ui file with marked strings is in POTFILES.in',
           ['not listed: ' + name for name in unlisted])

    # GtkBuilder translates a .ui file only in the domain its <interface> names (there is
    # no textdomain() call to fall back on).
    no_domain = []
    for name in listed:
        if name.endswith('.ui'):
            with open(os.path.join(ROOT, name), encoding='utf-8') as f:
                if '<interface domain="kasane">' not in f.read():
                    no_domain.append(name)
    report(not no_domain, 'every .ui file names the kasane translation domain',
           ['no <interface domain="kasane">: ' + name for name in no_domain])

    if xgettext is None:
        skip('xgettext extracts the template', 'xgettext is not installed')
        for lang in LANGUAGES:
            for name in ('has every message', 'translates every message', 'has no fuzzy message'):
                skip('%s.po %s' % (lang, name), 'xgettext is not installed')
        return

    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'kasane.pot')
        result = subprocess.run([xgettext, '--package-name=kasane', '-p', tmp, '-f', POTFILES,
                                 '-D', ROOT, '-k_', '-o', 'kasane.pot'] + GLIB_PRESET,
                                capture_output=True, text=True)
        ok = result.returncode == 0 and os.path.exists(pot)
        report(ok, 'xgettext extracts the template',
               (result.stderr or '').strip().splitlines()[:20])
        if not ok:
            for lang in LANGUAGES:
                for name in ('has every message', 'translates every message',
                             'has no fuzzy message'):
                    report(False, '%s.po %s' % (lang, name), ['no template'])
            return
        template = [e for e in parse_po(pot) if e['id'] != '' or e['ctx'] is not None]

    for lang in LANGUAGES:
        po_path = os.path.join(PO_DIR, lang + '.po')
        if not os.path.exists(po_path):
            for name in ('has every message', 'translates every message', 'has no fuzzy message'):
                report(False, '%s.po %s' % (lang, name), ['%s does not exist' % po_path])
            continue
        entries = {(e['ctx'], e['id']): e for e in parse_po(po_path) if not e['obsolete']}
        absent, untranslated, fuzzy = [], [], []
        for message in template:
            entry = entries.get((message['ctx'], message['id']))
            if entry is None:
                absent.append(short(message))
                continue
            if not entry['strs'] or any(value == '' for value in entry['strs'].values()):
                untranslated.append(short(message))
            if entry['fuzzy']:
                fuzzy.append(short(message))
        report(not absent, '%s.po has every message' % lang,
               ['missing: ' + text for text in absent] +
               (['update it: msgmerge --update po/%s.po po/kasane.pot '
                 '(meson compile -C BUILD kasane-pot first)' % lang] if absent else []))
        details = ['untranslated: ' + text for text in untranslated]
        if msgfmt is not None:
            check = subprocess.run([msgfmt, '--check', '-o', os.devnull, po_path],
                                   capture_output=True, text=True)
            if check.returncode != 0:
                details += check.stderr.strip().splitlines()[:20]
                untranslated.append('msgfmt --check')
        report(not untranslated, '%s.po translates every message' % lang, details)
        report(not fuzzy, '%s.po has no fuzzy message' % lang,
               ['fuzzy: ' + text for text in fuzzy])


if __name__ == '__main__':
    main()
    sys.exit(1 if failed else 0)
