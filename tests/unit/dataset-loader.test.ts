/**
 * Loader, extractor and segmenter of the labelled clause dataset, against a tiny fake corpus written by this
 * test into a temp dir (team-written text, not corpus text).
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cleanClauseText,
  clauseHash,
  datasetStats,
  htmlBlockText,
  loadLabels,
  normaliseClauseText,
  resolveLabels,
  segmentUnits,
  sourceText,
  type LabelRecord,
} from '../../scripts/dataset';

const MD = [
  'Example Privacy Policy',
  '======================',
  '',
  'We keep your data for 30 days. See [our FAQ](https://example.test/faq?x=1.2) for more.',
  '',
  'How we use data',
  '---------------',
  '',
  'You may not:',
  '',
  '* scrape the site to train AI models;',
  '* resell access.',
  '',
  '| Purpose | Basis |',
  '| --- | --- |',
  '| Improve the service<br>* Train our models | Legitimate interests |',
  '',
].join('\n');

const HTML = `<!doctype html><html><head><title>t</title><style>p{}</style></head><body>
<nav><a href="/">Home</a></nav>
<main><h1>Terms</h1><p>We   may change these terms.<br>We will notify you.</p>
<h2>Licence</h2><ul><li>You grant us a licence to your posts.</li></ul>
<table><tr><td>Cell one text here.</td></tr></table><script>var x = 1;</script></main>
<footer>Copyright</footer></body></html>`;

let dir: string;

function record(
  doc: string,
  extractor: string,
  text: string,
  start: number,
  end: number,
  extra: Partial<LabelRecord> = {},
): LabelRecord {
  return {
    doc,
    extractor,
    start,
    end,
    hash: clauseHash(text.slice(start, end)),
    section: 'S',
    service: doc.includes('md') ? 'Alpha' : 'Beta',
    licence: 'test',
    labels: [],
    hard_negative: false,
    by: 'guide v1, pass A',
    ...extra,
  };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fp-dataset-'));
  mkdirSync(join(dir, 'docs'));
  writeFileSync(join(dir, 'docs/policy.md'), MD);
  writeFileSync(join(dir, 'docs/terms.html'), HTML);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('htmlBlockText (extractor v1)', () => {
  it('emits one marked block per heading, paragraph line, list item and cell, without page furniture', () => {
    expect(htmlBlockText(HTML)).toBe(
      [
        '# Terms',
        'We may change these terms.',
        'We will notify you.',
        '## Licence',
        '- You grant us a licence to your posts.',
        '| Cell one text here.',
      ].join('\n\n'),
    );
  });
});

describe('segmentUnits', () => {
  const units = segmentUnits(MD);
  const texts = units.map((u) => cleanClauseText(MD.slice(u.start, u.end)));

  it('splits sentences without breaking inside link targets', () => {
    expect(texts).toContain('We keep your data for 30 days.');
    expect(texts).toContain('See our FAQ for more.');
  });

  it('keeps list items whole with the lead-in sentence and heading path', () => {
    const item = units.find((u) => MD.slice(u.start, u.end).includes('scrape'))!;
    expect(item.kind).toBe('list-item');
    expect(MD.slice(item.leadIn!.start, item.leadIn!.end)).toBe('You may not:');
    expect(item.headingPath).toEqual(['Example Privacy Policy', 'How we use data']);
  });

  it('splits table cells at <br> and drops the separator row', () => {
    expect(texts).toContain('Improve the service');
    expect(texts).toContain('Train our models');
    expect(texts).toContain('Legitimate interests');
    expect(texts.some((t) => t.includes('---'))).toBe(false);
  });
});

describe('clause hashing', () => {
  it('ignores markup, case, quotes and whitespace but not words', () => {
    expect(clauseHash('We **don’t** sell  [data](http://x.test).')).toBe(clauseHash("we don't sell data."));
    expect(clauseHash('We do sell data.')).not.toBe(clauseHash('We do not sell data.'));
    expect(normaliseClauseText('A\u00a0“B”')).toBe('a "b"');
  });
});

describe('resolveLabels / loadLabels', () => {
  it('resolves good references and reports each kind of bad one', () => {
    const md = MD;
    const html = sourceText(new TextEncoder().encode(HTML), 'v1');
    const mdUnit = segmentUnits(md).find((u) => md.slice(u.start, u.end).includes('scrape'))!;
    const htmlUnit = segmentUnits(html).find((u) => html.slice(u.start, u.end).includes('licence'))!;
    const good1 = record('docs/policy.md', 'raw', md, mdUnit.start, mdUnit.end, {
      lead_in: [mdUnit.leadIn!.start, mdUnit.leadIn!.end],
      labels: [{ category: 'ai-training', stance: 'user-prohibited' }],
      hard_negative: true,
    });
    const good2 = record('docs/terms.html', 'v1', html, htmlUnit.start, htmlUnit.end, {
      labels: [{ category: 'content-license', stance: 'permits' }],
    });
    const lines = [
      JSON.stringify(good1),
      JSON.stringify(good2),
      JSON.stringify({ ...good1, doc: 'docs/missing.md' }),
      JSON.stringify({ ...good1, hash: '0000000000000000' }),
      JSON.stringify({ ...good1, start: 1_000_000, end: 1_000_010 }),
      JSON.stringify({ ...good1, labels: [{ category: 'nope', stance: 'permits' }] }),
      JSON.stringify({ ...good1, extractor: 'v9' }),
      '{not json',
      '',
    ];
    const labelsFile = join(dir, 'labels.jsonl');
    writeFileSync(labelsFile, lines.join('\n'));
    const loaded = loadLabels(dir, [labelsFile]);

    expect(loaded.items.map((i) => i.text)).toEqual([
      'scrape the site to train AI models;',
      'You grant us a licence to your posts.',
    ]);
    expect(loaded.items[0]!.leadIn).toBe('You may not:');
    expect(loaded.items[0]!.ref).toMatchObject({ file: 'labels.jsonl', line: 1, doc: 'docs/policy.md' });
    expect(loaded.unresolved.map((u) => [u.line, u.reason])).toEqual([
      [3, 'missing-file'],
      [4, 'hash-mismatch'],
      [5, 'out-of-range'],
      [6, 'invalid-record'],
      [7, 'unreadable'],
      [8, 'invalid-json'],
    ]);

    const stats = datasetStats(loaded);
    expect(stats).toMatchObject({
      clauses: 2,
      documents: 2,
      services: 2,
      hardNegatives: 1,
      aiTrainingPositives: 1,
    });
    expect(stats.byCategory['ai-training']['user-prohibited']).toBe(1);
    expect(stats.byCategory['content-license'].permits).toBe(1);
    expect(stats.unresolved).toBe(6);
  });

  it('rejects a `by` that names an annotator, tool or model, and slots outside the vocabulary', () => {
    const md = MD;
    const u = segmentUnits(md)[0]!;
    const base = record('docs/policy.md', 'raw', md, u.start, u.end);
    const variants: Partial<LabelRecord>[] = [
      { by: 'guide v2, pass A' },
      { by: 'guide v2, pass B' },
      { by: 'CLAUDETTE mapping, guide v1' },
      { by: 'agent-annotator (Claude), guide v1' },
      { by: 'guide v2, pass A (GPT)' },
      { by: 'guide v2' },
      { slots: { choice: 'opt-in', default: 'off' } },
      { slots: { choice: 'maybe' } as unknown as LabelRecord['slots'] },
      { slots: { note: 'x' } as unknown as LabelRecord['slots'] },
    ];
    const loaded = resolveLabels(
      dir,
      [{ name: 'by.jsonl', text: variants.map((v) => JSON.stringify({ ...base, ...v })).join('\n') }],
      (p) => readFileSync(p),
    );
    expect(loaded.items.map((i) => i.ref.line)).toEqual([1, 2, 3, 7]);
    expect(loaded.items[3]!.slots).toEqual({ choice: 'opt-in', default: 'off' });
    expect(loaded.unresolved.map((x) => [x.line, x.reason])).toEqual([
      [4, 'invalid-record'],
      [5, 'invalid-record'],
      [6, 'invalid-record'],
      [8, 'invalid-record'],
      [9, 'invalid-record'],
    ]);
  });

  it('excludes eval-only and partially reviewed records from the own-annotation stats', () => {
    const md = MD;
    const u = segmentUnits(md)[0]!;
    const base = record('docs/policy.md', 'raw', md, u.start, u.end);
    const loaded = resolveLabels(
      dir,
      [
        {
          name: 'x.jsonl',
          text: [
            JSON.stringify(base),
            JSON.stringify({ ...base, use: 'eval-only' }),
            JSON.stringify({ ...base, reviewed: ['arbitration'] }),
          ].join('\n'),
        },
      ],
      () => new TextEncoder().encode(md),
    );
    expect(loaded.items).toHaveLength(3);
    expect(datasetStats(loaded).clauses).toBe(1);
  });
});
