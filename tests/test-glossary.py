#!/usr/bin/env python3
# test-glossary.py: one word per concept, in both languages (the message-first issue's
# glossary), and Japanese text with full-width brackets and colons.  Every view, export, tooltip and the Explain view take their words from the
# translations; this reads the English source strings (the .pot's msgids, from po/ja.po)
# and the Japanese ones (msgstr) and fails on a drifting synonym.  Prints TAP.
#
# The glossary:
#   solves  解決      eases   緩和      introduces 持ち込む (持ち込み)   worsens 悪化
#   weight  重み      net     差し引き   open load  残る負担             verdict 判定
import os
import re
import sys

ROOT = os.environ.get('KASANE_SOURCE_ROOT') or os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# What must not appear, with the word to use instead.
JA_DRIFT = {
    '和らげ': '緩和',
    '発生': '持ち込み',
    '生じた': '持ち込んだ',
    '生んだ': '持ち込んだ',
    '差引': '差し引き',
}
EN_DRIFT = {
    'Mitigates': 'Eases',
    'mitigates it': 'eases it',
}


def entries(path):
    """(msgid, msgstr) pairs of a .po file, continuation lines joined."""
    text = open(path, encoding='utf-8').read()
    for block in text.split('\n\n'):
        fields = {}
        key = None
        for line in block.splitlines():
            m = re.match(r'^(msgid|msgid_plural|msgstr(?:\[\d\])?) "(.*)"$', line)
            if m:
                key = m.group(1)
                fields[key] = m.group(2)
            elif line.startswith('"') and key is not None:
                fields[key] += line[1:-1]
        if 'msgid' in fields and fields['msgid']:
            yield fields['msgid'], ''.join(v for k, v in fields.items() if k.startswith('msgstr'))


HALF_WIDTH = re.compile(r'(?:[^\x00-\x7f] ?: )|(?: ?\((?=[^)]*[^\x00-\x7f])[^()_]*\))')


def main():
    failures = []
    half_width = []
    pairs = list(entries(os.path.join(ROOT, 'po', 'ja.po')))
    for msgid, msgstr in pairs:
        for bad, good in JA_DRIFT.items():
            if bad in msgstr.replace("差し引き", ""):
                failures.append('ja: "%s" in the translation of "%s" (use %s)' % (bad, msgid[:50], good))
        if HALF_WIDTH.search(msgstr):
            half_width.append('ja: half-width bracket or colon in "%s"' % msgstr[:50])
        for bad, good in EN_DRIFT.items():
            if bad in msgid:
                failures.append('en: "%s" in "%s" (use %s)' % (bad, msgid[:50], good))
    print('1..3')
    print('ok 1 - po/ja.po read (%d entries)' % len(pairs) if pairs else 'not ok 1 - po/ja.po has no entries')
    status = 0 if pairs else 1
    for number, name, found in ((2, 'one word per concept', failures),
                                (3, 'full-width brackets and colons in Japanese', half_width)):
        if found:
            print('not ok %d - %s' % (number, name))
            for f in found:
                print('# ' + f)
            status = 1
        else:
            print('ok %d - %s' % (number, name))
    return status


if __name__ == '__main__':
    sys.exit(main())
