#!/usr/bin/env python3
"""Writes N variant documents as Elasticsearch bulk NDJSON, shaped like the cms's `variants` index.

Titles and summaries are recombined from the demo products of the source documents (real Vietnamese
wording), so the analyzer sees realistic text; the folded copies are made the way the application makes
them (NFD, marks removed, đ -> d, lower case).
"""
import json, random, sys, unicodedata, uuid, datetime

def fold(text):
    text = text.replace('đ', 'd').replace('Đ', 'D')
    return ''.join(c for c in unicodedata.normalize('NFD', text) if not unicodedata.combining(c)).lower()

count = int(sys.argv[1])
demo = json.load(open(sys.argv[2], encoding='utf-8'))
words = ' '.join(p['title'] + ' ' + p['summary'] for p in demo).split()
states = ['DRAFT', 'IN_REVIEW', 'REVIEWED', 'APPROVED', 'PUBLISHED', 'PUBLISHED', 'APPROVED']
languages = ['vi'] * 6 + ['tyz', 'km', 'hmn', 'jra', 'rad']
random.seed(42)
now = datetime.datetime(2026, 11, 1, tzinfo=datetime.timezone.utc)
out = sys.stdout
for i in range(count):
    base = random.choice(demo)
    title = base['title'] + ' ' + ' '.join(random.sample(words, 4))
    summary = base['summary'] + ' ' + ' '.join(random.sample(words, 8))
    body = ' '.join(random.sample(words, 60))
    pid = str(uuid.UUID(int=random.getrandbits(128)))
    lang = random.choice(languages)
    # The index maps dates as strict_date_time, which wants milliseconds.
    updated = (now - datetime.timedelta(minutes=i)).strftime('%Y-%m-%dT%H:%M:%S.000Z')
    doc = {
        '_class': 'vn.bhxh.cms.product.Variant',
        'productId': pid, 'language': lang,
        'content': {'title': title, 'summary': summary, 'body': '<p>' + body + '</p>', 'assets': []},
        'state': random.choice(states), 'revision': 1, 'outdated': False, 'editors': ['bench'],
        'product': {'type': base['type'], 'topics': base['topics'], 'audiences': base['audiences'],
                    'campaign': base['campaign'], 'scope': base['scope'], 'province': base.get('province'),
                    'ownerUnit': base['ownerUnit'], 'tags': base['tags']},
        'search': {'body': body, 'titleFolded': fold(title), 'summaryFolded': fold(summary), 'bodyFolded': fold(body)},
        'createdAt': updated, 'updatedAt': updated,
    }
    out.write(json.dumps({'index': {'_index': 'variants', '_id': pid + '~' + lang}}) + '\n')
    out.write(json.dumps(doc, ensure_ascii=False) + '\n')
