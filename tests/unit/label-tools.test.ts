/**
 * Guide-v2 annotation tooling: decision files, records built from them, table context, shards by group, the
 * pass B sample and Cohen's κ. Against a tiny corpus written by this test (team-written text).
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clauseHash, cohenKappa, passAgreement, segmentUnits, type LabelRecord } from '../../scripts/dataset';
import { RecordMaker } from '../../scripts/label/apply-decisions';
import { inPassB } from '../../scripts/label/agreement-sample';
import { shardFor } from '../../scripts/label/check-decisions';
import { parseCompact } from '../../scripts/label/compact-decisions';
import { looksEnglishUnit } from '../../scripts/label/corpus-units';
import { hardNegativeOf, parseDecisionFile } from '../../scripts/label/decisions';
import { parseUnitId, tableHeaders, unitId } from '../../scripts/label/ota-units';
import { splitByGroup } from '../../scripts/label/shards';

const DOC = 'ota/contrib/Example/Privacy Policy.md';
const TEXT = [
  'Example Privacy Policy',
  '======================',
  '',
  'How we use information',
  '----------------------',
  '',
  'We use the information we collect to:',
  '',
  '* improve our features (including machine learning and AI training);',
  '* send you service messages about your account.',
  '',
  '| Purpose | Information we use | Legal basis |',
  '| --- | --- | --- |',
  '| Developing and training our AI models | The content you post and your reactions to it | Our legitimate interest in better products |',
  '',
  'Our staff receive annual privacy training.',
  '',
].join('\n');

let corpus: string;
const units = segmentUnits(TEXT);
const find = (s: string) => units.find((u) => TEXT.slice(u.start, u.end).includes(s))!;
const idOf = (s: string): string => {
  const u = find(s);
  return unitId(DOC, u.start, u.end, clauseHash(TEXT.slice(u.start, u.end)));
};
const line = (o: Record<string, unknown>): string => JSON.stringify({ by: 'guide v2, pass A', ...o });

beforeAll(() => {
  corpus = mkdtempSync(join(tmpdir(), 'fp-label-tools-'));
  mkdirSync(join(corpus, 'ota/contrib/Example'), { recursive: true });
  writeFileSync(join(corpus, DOC), TEXT);
  writeFileSync(
    join(corpus, 'manifest.json'),
    JSON.stringify([{ file: DOC, license: 'ODC-BY-1.0', language: 'en', note: '' }]),
  );
});
afterAll(() => rmSync(corpus, { recursive: true, force: true }));

describe('unit ids', () => {
  it('round-trip document, offsets and hash, and reject anything else', () => {
    const id = idOf('machine learning');
    expect(parseUnitId(id)).toMatchObject({
      doc: DOC,
      hash: clauseHash(TEXT.slice(find('machine').start, find('machine').end)),
    });
    expect(parseUnitId('no-offsets#0123456789abcdef')).toBeNull();
    expect(parseUnitId(`${DOC}@1-2#XYZ`)).toBeNull();
  });
});

describe('decision files', () => {
  it('accept well-formed decisions and report every problem by line', () => {
    const text = [
      line({
        id: idOf('machine learning'),
        labels: [{ category: 'ai-training', stance: 'permits' }],
        hard_negative: false,
        slots: { data: 'content', scope: 'subset-only' },
      }),
      line({ id: idOf('staff receive'), labels: [], hard_negative: true }),
      line({ id: idOf('staff receive'), labels: [], hard_negative: true }),
      line({
        id: idOf('service messages'),
        labels: [{ category: 'ai-training', stance: 'maybe' }],
        hard_negative: false,
      }),
      line({
        id: idOf('service messages'),
        labels: [{ category: 'ai-training', stance: 'permits' }],
        hard_negative: true,
      }),
      line({ id: idOf('service messages'), labels: [], hard_negative: false, slots: { data: 'chats' } }),
      line({ id: idOf('service messages'), labels: [], hard_negative: false, by: 'annotator X' }),
      line({
        id: idOf('service messages'),
        labels: [{ category: 'ai-training', stance: 'denies' }],
        hard_negative: false,
        slots: { choice: 'sometimes' },
      }),
      '{oops',
    ].join('\n');
    const { decisions, problems } = parseDecisionFile(text);
    expect(decisions.map((d) => d.id)).toEqual([idOf('machine learning'), idOf('staff receive')]);
    expect(problems.map((p) => p.split(':')[0])).toEqual([
      'line 3',
      'line 4',
      'line 5',
      'line 6',
      'line 7',
      'line 8',
      'line 9',
    ]);
    expect(problems.join('\n')).toMatch(/decided twice/);
    expect(problems.join('\n')).toMatch(/hard_negative cannot be true with ai-training\/permits/);
    expect(problems.join('\n')).toMatch(/"slots" only with an ai-training label/);
    expect(problems.join('\n')).toMatch(/"by" must be/);
    expect(problems.join('\n')).toMatch(/slot choice must be one of/);
  });

  it('name their shard and pass', () => {
    expect(shardFor('/x/decisions/shard-3.passA.jsonl')).toMatchObject({ name: 'shard-3', pass: 'A' });
    expect(shardFor('sectors-2.passB.jsonl')).toMatchObject({ name: 'sectors-2', pass: 'B' });
    expect(() => shardFor('shard-3.jsonl')).toThrow(/passA/);
  });

  it('set hard_negative by the guide: AI-worded without ai permits/unclear, denials, prohibitions, or the annotator', () => {
    const d = (stance: string | null, hard = false) => ({
      labels: stance ? [{ category: 'ai-training' as const, stance: stance as 'permits' }] : [],
      hard_negative: hard,
    });
    expect(hardNegativeOf(d(null), 'Our staff receive annual privacy training.')).toBe(true);
    expect(hardNegativeOf(d(null), 'We send you service messages about your account.')).toBe(false);
    expect(hardNegativeOf(d(null, true), 'We improve our services.')).toBe(true);
    expect(hardNegativeOf(d('denies'), 'Chats are never used that way.')).toBe(true);
    expect(hardNegativeOf(d('user-prohibited'), 'You may not scrape the site.')).toBe(true);
    expect(hardNegativeOf(d('permits'), 'We train our models on your posts.')).toBe(false);
    expect(hardNegativeOf(d('unclear'), 'Models may be improved where permitted.')).toBe(false);
  });
});

describe('records from decisions', () => {
  it('are references re-derived from the corpus, with lead-in, section, service and licence', () => {
    const maker = new RecordMaker(corpus);
    const rec = maker.record({
      id: idOf('machine learning'),
      labels: [{ category: 'ai-training', stance: 'permits' }],
      hard_negative: false,
      slots: { data: 'content' },
      by: 'guide v2, pass A',
    });
    const u = find('machine learning');
    expect(rec).toEqual({
      doc: DOC,
      extractor: 'raw',
      start: u.start,
      end: u.end,
      hash: clauseHash(TEXT.slice(u.start, u.end)),
      lead_in: [u.leadIn!.start, u.leadIn!.end],
      section: 'Example Privacy Policy › How we use information',
      service: 'Example',
      licence: 'ODC-BY-1.0',
      labels: [{ category: 'ai-training', stance: 'permits' }],
      hard_negative: false,
      slots: { data: 'content' },
      by: 'guide v2, pass A',
    });
    expect(JSON.stringify(rec)).not.toContain('machine learning');
  });

  it('refuse a stale hash or offsets that are not a unit', () => {
    const maker = new RecordMaker(corpus);
    const u = find('staff receive');
    const base = { labels: [], hard_negative: false, by: 'guide v2, pass A' };
    expect(() => maker.record({ ...base, id: unitId(DOC, u.start, u.end, '0123456789abcdef') })).toThrow(
      /hash/,
    );
    const text = TEXT.slice(u.start + 4, u.end);
    expect(() => maker.record({ ...base, id: unitId(DOC, u.start + 4, u.end, clauseHash(text)) })).toThrow(
      /not a unit/,
    );
  });
});

describe('table context', () => {
  it('gives a cell its row header and column header, and the first cell only its column header', () => {
    const cell = find('content you post');
    expect(tableHeaders(TEXT, cell)).toEqual({
      rowHeader: 'Developing and training our AI models',
      columnHeader: 'Information we use',
    });
    expect(tableHeaders(TEXT, find('Developing and training'))).toEqual({ columnHeader: 'Purpose' });
  });
});

describe('shards', () => {
  it('keep every group in one shard and balance the sizes', () => {
    const items = [
      ...Array.from({ length: 5 }, () => ({ group: 'A' })),
      ...Array.from({ length: 3 }, () => ({ group: 'B' })),
      ...Array.from({ length: 2 }, () => ({ group: 'C' })),
      ...Array.from({ length: 2 }, () => ({ group: 'D' })),
    ];
    const parts = splitByGroup(items, 2);
    // Largest group first into the smaller part: A → 1, B → 2, C → 2, D → 1.
    expect(parts.map((p) => p.length)).toEqual([7, 5]);
    for (const g of ['A', 'B', 'C', 'D'])
      expect(parts.filter((p) => p.some((i) => i.group === g)).length).toBe(1);
  });

  it('draw the pass B sample by a hash of the id, about the fraction asked', () => {
    const ids = Array.from({ length: 4000 }, (_, i) => `doc.md@${i}-${i + 9}#0123456789abcdef`);
    const share = ids.filter((id) => inPassB(id, 0.15)).length / ids.length;
    expect(share).toBeGreaterThan(0.13);
    expect(share).toBeLessThan(0.17);
    expect(ids.filter((id) => inPassB(id, 0.15))).toEqual(ids.filter((id) => inPassB(id, 0.15)));
    expect(ids.filter((id) => inPassB(id, 0.15)).every((id) => inPassB(id, 0.3))).toBe(true);
  });
});

describe("Cohen's κ", () => {
  it('matches the hand-computed value and its edge cases', () => {
    // pₒ = 3/4, pₑ = ½·¼ + ½·¾ = ½ → κ = ½
    expect(cohenKappa(['y', 'y', 'n', 'n'], ['y', 'n', 'n', 'n'])).toBeCloseTo(0.5, 10);
    expect(cohenKappa(['a', 'b', 'c'], ['a', 'b', 'c'])).toBe(1);
    expect(cohenKappa(['n', 'n'], ['n', 'n'])).toBe(1);
    expect(cohenKappa(['y', 'n'], ['n', 'y'])).toBeCloseTo(-1, 10);
    expect(Number.isNaN(cohenKappa([], []))).toBe(true);
    expect(() => cohenKappa(['a'], [])).toThrow();
  });

  it('compares two passes per category, for the ai-training stance and the hard-negative flag', () => {
    const rec = (start: number, labels: LabelRecord['labels'], hard = false): LabelRecord => ({
      doc: DOC,
      extractor: 'raw',
      start,
      end: start + 5,
      hash: '0123456789abcdef',
      section: '',
      service: 'Example',
      licence: 'ODC-BY-1.0',
      labels,
      hard_negative: hard,
      by: 'guide v2, pass A',
    });
    const permits = [{ category: 'ai-training' as const, stance: 'permits' as const }];
    const denies = [{ category: 'ai-training' as const, stance: 'denies' as const }];
    const r = passAgreement([
      { a: rec(0, permits), b: rec(0, permits) },
      { a: rec(10, denies, true), b: rec(10, permits) },
      { a: rec(20, [], true), b: rec(20, [], true) },
      { a: rec(30, []), b: rec(30, []) },
    ]);
    expect(r.units).toBe(4);
    expect(r.identicalLabelSets).toBe(3);
    const ai = r.categories.find((c) => c.category === 'ai-training')!;
    expect(ai).toMatchObject({ a: 2, b: 2, both: 2, sameStance: 1, kappa: 1 });
    expect(r.aiStance.confusion.denies!.permits).toBe(1);
    // stance classes A: permits, denies, none, none; B: permits, permits, none, none → pₒ = ¾, pₑ = ¼·½ + ½·½ = ⅜
    expect(r.aiStance.kappa).toBeCloseTo((0.75 - 0.375) / (1 - 0.375), 10);
    expect(r.disagreements).toEqual([
      { id: `${DOC}@10-15#0123456789abcdef`, a: 'ai-training/denies', b: 'ai-training/permits' },
    ]);
  });
});

describe('compact decisions', () => {
  it('turn short lines into labels, slots, flags and notes, with ranges', () => {
    const m = parseCompact(
      [
        '12 ai+ choice+ data=chats choice=opt-out default=on # R2',
        '13 share- H',
        '20-22 H',
        '',
        '# only a comment',
      ].join('\n'),
      30,
    );
    expect(m.get(12)).toEqual({
      labels: [
        { category: 'ai-training', stance: 'permits' },
        { category: 'user-choice', stance: 'permits' },
      ],
      hard: false,
      slots: { data: 'chats', choice: 'opt-out', default: 'on' },
      note: 'R2',
    });
    expect(m.get(13)).toEqual({ labels: [{ category: 'data-sharing', stance: 'denies' }], hard: true });
    expect([...m.keys()].sort((a, b) => a - b)).toEqual([12, 13, 20, 21, 22]);
  });

  it('refuse unknown codes, two stances for a category, units out of range or decided twice', () => {
    expect(() => parseCompact('1 ai*', 5)).toThrow(/unknown code/);
    expect(() => parseCompact('1 ai+ ai-', 5)).toThrow(/two stances/);
    expect(() => parseCompact('7 H', 5)).toThrow(/out of range/);
    expect(() => parseCompact('1-3 H\n2 ai+', 5)).toThrow(/decided twice/);
  });
});

describe('unit language check', () => {
  it('drops sentences in another language and keeps English, including bare lists of nouns', () => {
    expect(
      looksEnglishUnit('Nous utilisons vos données pour améliorer nos services et pour la sécurité du site.'),
    ).toBe(false);
    expect(
      looksEnglishUnit('Wir verwenden die Daten für die Verbesserung der Dienste und nicht für Werbung.'),
    ).toBe(false);
    expect(looksEnglishUnit('We use your data to improve our services and to keep the site secure.')).toBe(
      true,
    );
    expect(
      looksEnglishUnit(
        'Name, email address, phone number, location, IP address, device identifier, rental data',
      ),
    ).toBe(true);
    expect(looksEnglishUnit('Pricing model de base')).toBe(true);
  });
});
