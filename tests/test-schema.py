#!/usr/bin/env python3
# test-schema.py: the bundled datasets and the valid fixtures against the JSON Schema of
# kasane-dataset/1, deliberately bad documents against the same schema, and the problem
# ledger recomputed here, independently of the C code.  Prints TAP; exits 1 on any failure.
#
# Run by meson with KASANE_SOURCE_ROOT set to the repository root; without it, the root is
# the parent of this script's folder.  Needs Debian's python3-jsonschema (4.10 or later) for
# the schema tests; without it they are skipped and the rest still runs.

import copy
import glob
import json
import math
import os
import subprocess
import sys

try:
    import jsonschema
except ImportError:  # the ledger and source checks do not need it
    jsonschema = None

ROOT = os.environ.get('KASANE_SOURCE_ROOT') or os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCHEMA_PATH = os.path.join(ROOT, 'data', 'kasane-dataset.schema.json')
DATASETS = sorted(glob.glob(os.path.join(ROOT, 'data', 'datasets', '*.json')))
FIXTURES = sorted(glob.glob(os.path.join(ROOT, 'tests', 'fixtures', 'valid', '*.json')))
KASANE_EXE = os.environ.get('KASANE_EXE')


class Tap:
    def __init__(self):
        self.results = []

    def add(self, name, func):
        self.results.append((name, func))

    def run(self):
        print('1..%d' % len(self.results))
        failed = 0
        for n, (name, func) in enumerate(self.results, 1):
            try:
                skip = func()
            except Exception as e:  # a failed check, or a crash in one: either is a failure
                failed += 1
                print('not ok %d - %s' % (n, name))
                for line in ('%s: %s' % (type(e).__name__, e)).splitlines():
                    print('#   ' + line)
                continue
            if skip:
                print('ok %d - %s # SKIP %s' % (n, name, skip))
            else:
                print('ok %d - %s' % (n, name))
        sys.stdout.flush()
        return 1 if failed else 0


def rel(path):
    return os.path.relpath(path, ROOT)


def load_strict(path, allow_bom=False):
    """RFC 8259 as Kasane reads it: UTF-8, no duplicate members, no NaN or Infinity, no
    number out of range.  A reader may skip a BOM (RFC 8259, 8.1), so fixtures may have
    one; the bundled datasets must not."""
    with open(path, 'rb') as f:
        raw = f.read()
    if raw.startswith(b'\xef\xbb\xbf'):
        if not allow_bom:
            raise ValueError('%s starts with a BOM' % rel(path))
        raw = raw[3:]
    text = raw.decode('utf-8')

    def pairs(items):
        seen = {}
        for key, value in items:
            if key in seen:
                raise ValueError('duplicate member "%s"' % key)
            seen[key] = value
        return seen

    def constant(name):
        raise ValueError('not JSON: %s' % name)

    def number(s):
        v = float(s)
        if math.isinf(v):
            raise ValueError('number out of range: %s' % s)
        return v

    return json.loads(text, object_pairs_hook=pairs, parse_constant=constant, parse_float=number)


def schema_validator():
    schema = load_strict(SCHEMA_PATH)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def validate(path, allow_bom=False):
    if jsonschema is None:
        return 'python3-jsonschema is not installed'
    errors = sorted(schema_validator().iter_errors(load_strict(path, allow_bom)),
                    key=lambda e: list(map(str, e.path)))
    if errors:
        raise AssertionError('\n'.join('%s: %s' % ('/'.join(map(str, e.path)) or '(root)', e.message[:300])
                                       for e in errors[:10]))
    return None


# Deliberately bad documents, each a change to a small valid one.
def base_document():
    return {
        'format': 'kasane-dataset/1',
        'id': 'tiny',
        'title': {'en': 'Tiny', 'ja': '小さな例'},
        'problems': [{'id': 'p', 'label': 'A problem', 'weight': 2}],
        'layers': [{'id': 'l1', 'level': 1, 'name': 'One', 'introduces': ['p']},
                   {'id': 'l2', 'level': 2, 'name': 'Two', 'solves': ['p']}],
        'series': [{'id': 's', 'name': 'S', 'unit': '',
                    'source': {'name': 'n', 'url': 'https://example.org/', 'retrieved': '2026-11-25'},
                    'points': [['2024-01', 1], ['2024-02-29', 2.5, {'ja': 'ラベル'}]]}],
        'events': [{'date': '2024-03-13T12:00:00Z', 'label': 'E', 'layer': 'l2'}],
        'notes': {'en': ['A paragraph.']},
    }


def bad(change):
    doc = base_document()
    change(doc)
    return doc


BAD_DOCUMENTS = [
    ('unknown member "solve" in a layer', lambda d: d['layers'][1].update(solve=['p'])),
    ('unknown member at the root', lambda d: d.update(comment='x')),
    ('id with upper-case letters', lambda d: d.update(id='L1')),
    ('id starting with "-"', lambda d: d['layers'][0].update(id='-l1')),
    ('id longer than 64 characters', lambda d: d.update(id='a' * 65)),
    ('weight 6', lambda d: d['problems'][0].update(weight=6)),
    ('weight 2.5', lambda d: d['problems'][0].update(weight=2.5)),
    ('missing layers', lambda d: d.pop('layers')),
    ('empty layers', lambda d: d.update(layers=[])),
    ('wrong format', lambda d: d.update(format='kasane-dataset/2')),
    ('claim not in the enum', lambda d: d.update(claim='regression')),
    ('localized text with another language', lambda d: d.update(title={'fr': 'Petit'})),
    ('empty localized text', lambda d: d.update(title={})),
    ('point with four items', lambda d: d['series'][0]['points'].append(['2024', 1, 'a', 'b'])),
    ('point value as a string', lambda d: d['series'][0]['points'].append(['2024', '1'])),
    ('date that is not real', lambda d: d['series'][0]['points'].append(['2023-02-29', 1])),
    ('series with both points and csv', lambda d: d['series'][0].update(csv='a.csv', column='A')),
    ('series with csv but no column', lambda d: (d['series'][0].pop('points'),
                                                 d['series'][0].update(csv='a.csv'))),
    ('csv path leaving the folder', lambda d: (d['series'][0].pop('points'),
                                               d['series'][0].update(csv='../a.csv', column='A'))),
    ('series source without retrieved', lambda d: d['series'][0]['source'].pop('retrieved')),
    ('unknown scale', lambda d: d['series'][0].update(scale='logarithmic')),
    ('event without a label', lambda d: d['events'][0].pop('label')),
    ('level that is not an integer', lambda d: d['layers'][0].update(level='1')),
]


def rejected(doc):
    if jsonschema is None:
        return 'python3-jsonschema is not installed'
    if schema_validator().is_valid(doc):
        raise AssertionError('the schema accepts it')
    return None


def base_accepted():
    if jsonschema is None:
        return 'python3-jsonschema is not installed'
    errors = list(schema_validator().iter_errors(base_document()))
    if errors:
        raise AssertionError(errors[0].message)
    return None


# The rules the schema cannot express: unique ids, references, distinct integer levels.
def check_integrity(path):
    d = load_strict(path)
    for kind in ('problems', 'layers', 'series'):
        ids = [x['id'] for x in d.get(kind, [])]
        dup = {i for i in ids if ids.count(i) > 1}
        if dup:
            raise AssertionError('duplicate %s ids: %s' % (kind, ', '.join(sorted(dup))))
    problems = {p['id'] for p in d.get('problems', [])}
    layers = {l['id'] for l in d['layers']}
    levels = [l['level'] for l in d['layers']]
    if any(type(v) is not int for v in levels) or len(set(levels)) != len(levels):
        raise AssertionError('levels must be distinct integers: %r' % levels)
    for p in d.get('problems', []):
        if type(p.get('weight', 1)) is not int:
            raise AssertionError('weight of %s is not an integer' % p['id'])
    for l in d['layers']:
        seen = []
        for effect in ('introduces', 'solves', 'mitigates', 'worsens'):
            for p in l.get(effect, []):
                if p not in problems:
                    raise AssertionError('layer %s: unknown problem "%s"' % (l['id'], p))
                if p in seen:
                    raise AssertionError('layer %s: "%s" in more than one list' % (l['id'], p))
                seen.append(p)
    for x in d.get('series', []) + d.get('events', []):
        if 'layer' in x and x['layer'] not in layers:
            raise AssertionError('unknown layer "%s"' % x['layer'])
    for s in d.get('series', []):
        for pt in s.get('points', []):
            if s.get('scale') == 'log' and not pt[1] > 0:
                raise AssertionError('series %s: %r on a log scale' % (s['id'], pt[1]))


def ledger(doc):
    """The problem ledger of DESIGN.md; returns the rows and the verdict."""
    weight = {p['id']: p.get('weight', 1) for p in doc.get('problems', [])}
    open_ = {}
    rows = []
    for layer in sorted(doc['layers'], key=lambda l: l['level']):
        credit = debit = 0
        for p in layer.get('solves', []):
            assert p in open_, 'layer %s solves "%s", which is not open' % (layer['id'], p)
            credit += open_.pop(p)
        for p in layer.get('mitigates', []):
            assert p in open_, 'layer %s mitigates "%s", which is not open' % (layer['id'], p)
            lowered = max(1, open_[p] - 1)
            credit += open_[p] - lowered
            open_[p] = lowered
        for p in layer.get('worsens', []):
            assert p in open_, 'layer %s worsens "%s", which is not open' % (layer['id'], p)
            open_[p] += 1
            debit += 1
        for p in layer.get('introduces', []):
            assert p not in open_, 'layer %s introduces "%s", which is still open' % (layer['id'], p)
            open_[p] = weight[p]
            debit += weight[p]
        rows.append((layer['id'], credit, debit, credit - debit, sum(open_.values())))
    if len(rows) < 2:
        return rows, 'none'
    above = rows[1:]
    if all(r[3] > 0 for r in above):
        return rows, 'progression'
    if all(r[1] > 0 and r[3] <= 0 for r in above):
        return rows, 'migration'
    return rows, 'mixed'


def valid(doc):
    """Whether the layers' lists obey the loader's rules (each solves, mitigates and
    worsens an open problem; introduces one that is not open)."""
    try:
        ledger(doc)
    except AssertionError:
        return False
    return True


def single_changes(doc):
    """DESIGN.md's single changes, in its order: for each problem in file order, weight
    -1, weight +1, drop; then for each layer by level its solves entries in list order,
    then its mitigates entries.  Yields (description, changed document); the invalid
    ones are skipped."""
    for p in doc.get('problems', []):
        w = p.get('weight', 1)
        for to in (w - 1, w + 1):
            if 1 <= to <= 5:
                d = copy.deepcopy(doc)
                next(q for q in d['problems'] if q['id'] == p['id'])['weight'] = to
                yield 'weight %s %d -> %d' % (p['id'], w, to), d
        d = copy.deepcopy(doc)
        d['problems'] = [q for q in d['problems'] if q['id'] != p['id']]
        for l in d['layers']:
            for key in ('solves', 'mitigates', 'worsens', 'introduces'):
                if key in l:
                    l[key] = [x for x in l[key] if x != p['id']]
        yield 'drop %s' % p['id'], d
    for layer in sorted(doc['layers'], key=lambda l: l['level']):
        for src, dst in (('solves', 'mitigates'), ('mitigates', 'solves')):
            for p in layer.get(src, []):
                d = copy.deepcopy(doc)
                l = next(x for x in d['layers'] if x['id'] == layer['id'])
                l[src] = [x for x in l[src] if x != p]
                l[dst] = l.get(dst, []) + [p]
                if valid(d):
                    yield '%s %s %s -> %s' % (layer['id'], src, p, dst), d


def summary_lines(doc):
    """The ledger, verdict, robustness and flip lines of --summary, computed here."""
    rows, verdict = ledger(doc)
    lines = ['layer %s: credit %d, debit %d, net %d, open %d' % r for r in rows]
    lines.append('verdict: %s' % verdict)
    if verdict == 'none':
        lines.append('robustness: none')
        return lines
    flips = []
    n = 0
    for what, d in single_changes(doc):
        n += 1
        v = ledger(d)[1]
        if v != verdict:
            flips.append('flip: %s: %s' % (what, v))
    lines.append('robustness: %d of %d' % (n - len(flips), n))
    return lines + flips


def check_ledger(path):
    """The ledger, verdict and robustness computed here, independently of the C code,
    are what kasane --summary prints.  The verdict is whatever the rules give: the
    dataset's claim is its author's, and the app says when they differ."""
    d = load_strict(path)
    ours = summary_lines(d)
    for line in ours:
        print('# %s %s' % (d['id'], line))
    if d.get('claim') and d['claim'] != ledger(d)[1]:
        print('# %s: the claim (%s) differs from the verdict' % (d['id'], d['claim']))
    if not KASANE_EXE:
        return 'KASANE_EXE is not set'
    out = subprocess.run([KASANE_EXE, '--summary', path], capture_output=True, text=True,
                         env=dict(os.environ, LC_ALL='C.UTF-8')).stdout
    theirs = [l for l in out.splitlines()
              if l.split(' ')[0].rstrip(':') in ('layer', 'verdict', 'robustness', 'flip')]
    if theirs != ours:
        raise AssertionError('kasane --summary says\n%s' % '\n'.join(theirs))
    return None


# The rows of ../shared/DATA.md marked UNVERIFIED (figures from memory, not to be shipped),
# copied here with their section and date so that the tests need nothing outside the
# repository.  Each is (section, date as DATA.md gives it, a word that names it, its URL).
UNVERIFIED = [
    ('AI — events', '2022-11-30', 'ChatGPT', 'https://openai.com/index/chatgpt/'),
    ('AI — events', '2024-11-25', 'MCP', 'https://www.anthropic.com/news/model-context-protocol'),
    ('AI — events', '2024-12-20', 'o3', 'https://openai.com/'),
    ('AI — events', '2025-02-02', 'Deep Research', 'https://openai.com/index/introducing-deep-research/'),
    ('AI — events', '2025-02-24', 'Claude Code', None),
    ('AI — events', '2025-03-06', 'Manus', 'https://manus.im/'),
    ('AI — events', '2025-05-22', 'Claude Code', None),
    ('Crypto — events', '2023-08-09', 'Base', None),
    ('Crypto — events', '2023-03', 'Orbit', None),
    ('R5. Token and airdrop events', '2024-02', 'STRK', None),
    ('R5. Token and airdrop events', '2024-06', 'ZK airdrop', None),
    ('R5. Token and airdrop events', '2024-10', 'SCR', None),
]


def dated_items(doc):
    """(what, date, texts, url) of every dated thing a dataset shows: events, series
    points and layers' start dates."""
    def texts(x):
        if isinstance(x, dict):
            return [v for v in x.values() if isinstance(v, str)]
        return [x] if isinstance(x, str) else []
    for e in doc.get('events', []):
        yield 'event', e['date'], texts(e.get('label')), (e.get('source') or {}).get('url')
    for s in doc.get('series', []):
        url = (s.get('source') or {}).get('url')
        for pt in s.get('points', []):
            if isinstance(pt[0], str):
                yield 'series %s' % s['id'], pt[0], texts(pt[2]) if len(pt) > 2 else [], url
    for l in doc.get('layers', []):
        if 'since' in l:
            yield 'layer %s' % l['id'], l['since'], texts(l.get('name')), (l.get('source') or {}).get('url')


def check_unverified(path):
    """No event, point or layer date rests on a row DATA.md marks UNVERIFIED: none has the
    row's date (to the precision either gives) together with its name or its URL."""
    d = load_strict(path)
    found = []
    for what, date, words, url in dated_items(d):
        for section, row_date, name, row_url in UNVERIFIED:
            if not (date.startswith(row_date) or row_date.startswith(date)):
                continue
            if any(name.lower() in w.lower() for w in words) or (row_url and url == row_url):
                found.append('%s at %s uses "%s" (%s, %s)' % (what, date, name, section, row_date))
    if found:
        raise AssertionError('; '.join(found))


def check_sources(path):
    d = load_strict(path)
    missing = []
    for s in d.get('series', []):
        src = s.get('source') or {}
        for key in ('name', 'url', 'retrieved'):
            if not isinstance(src.get(key), str) or not src[key].strip():
                missing.append('%s: source.%s' % (s['id'], key))
    if missing:
        raise AssertionError('missing: ' + ', '.join(missing))


def check_schema_file():
    if jsonschema is None:
        return 'python3-jsonschema is not installed'
    schema = load_strict(SCHEMA_PATH)
    if schema.get('$schema') != 'https://json-schema.org/draft/2020-12/schema':
        raise AssertionError('not a draft 2020-12 schema')
    jsonschema.Draft202012Validator.check_schema(schema)
    return None


def main():
    tap = Tap()
    tap.add('the schema is a valid draft 2020-12 schema', check_schema_file)
    if not DATASETS:
        tap.add('bundled datasets exist', lambda: (_ for _ in ()).throw(AssertionError('none found')))
    for path in DATASETS:
        tap.add('%s validates against the schema' % rel(path), lambda p=path: validate(p))
        tap.add('%s: ids unique, references resolve, levels distinct' % rel(path),
                lambda p=path: check_integrity(p))
        tap.add('%s: every series has source name, url and retrieved' % rel(path),
                lambda p=path: check_sources(p))
        tap.add('%s: ledger, verdict and robustness recomputed here match --summary' % rel(path),
                lambda p=path: check_ledger(p))
        tap.add('%s: nothing rests on a row DATA.md marks UNVERIFIED' % rel(path),
                lambda p=path: check_unverified(p))
    for path in FIXTURES:
        tap.add('%s validates against the schema' % rel(path),
                lambda p=path: validate(p, allow_bom=True))
    tap.add('a small valid document is accepted', base_accepted)
    for name, change in BAD_DOCUMENTS:
        tap.add('rejected: %s' % name, lambda c=change: rejected(bad(c)))
    return tap.run()


if __name__ == '__main__':
    sys.exit(main())
