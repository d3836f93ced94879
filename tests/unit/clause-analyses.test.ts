// What crosses the message channel around a page's classification, and the preview split
// (lib/clause-analyses.ts). Team-written text.
import { describe, expect, it } from 'vitest';
import { classifyClauses } from '@/lib/classify';
import {
  analysesOf,
  classifiedCuts,
  clausesFromCuts,
  clausesFromReply,
  earlyPreviewBlocks,
  PREVIEW_MAX_BLOCKS,
  PREVIEW_MIN_WORDS,
  PREVIEW_WORDS,
  previewBlocks,
  withAnalyses,
} from '@/lib/clause-analyses';
import { blocksToClauses, type Block } from '@/lib/extract';
import { parseHtml } from '@/lib/parse-html';
import type { Clause } from '@/lib/types';

const clause = (i: number, text: string): Clause => ({
  id: `c${i}`,
  text,
  section: 'How we use data',
  headingPath: ['How we use data'],
  block: i,
  unit: 'sentence',
});

const TEXTS = [
  'We may use the content you share to train our artificial intelligence models.',
  'Contact our support team if you have questions about this policy.',
  'We do not sell your personal information.',
  'The service is available in several countries.',
  'We keep your messages for 30 days after you delete your account.',
];

/** A small policy as blocks: headings, a paragraph of several sentences, a list with its lead-in, a cell. */
const BLOCKS: Block[] = [
  { kind: 'heading', text: 'Privacy Policy', level: 1, headingPath: [] },
  {
    kind: 'paragraph',
    text: `${TEXTS[0]} ${TEXTS[1]} Acme Inc. and its affiliates agree.`,
    headingPath: ['Privacy Policy'],
  },
  { kind: 'heading', text: 'Sharing', level: 2, headingPath: ['Privacy Policy'] },
  { kind: 'paragraph', text: 'We share your information with:', headingPath: ['Privacy Policy', 'Sharing'] },
  {
    kind: 'list-item',
    text: 'advertising partners, who show you personalised ads;',
    headingPath: ['Privacy Policy', 'Sharing'],
    leadIn: 'We share your information with:',
  },
  {
    kind: 'list-item',
    text: '•',
    headingPath: ['Privacy Policy', 'Sharing'],
    leadIn: 'We share your information with:',
  },
  { kind: 'cell', text: `${TEXTS[4]} ${TEXTS[2]}`, headingPath: ['Privacy Policy', 'Sharing'] },
  { kind: 'paragraph', text: TEXTS[1]!, headingPath: ['Privacy Policy', 'Sharing'] },
];

describe('analysesOf / withAnalyses', () => {
  it('sends only labelled clauses and rebuilds exactly what the classifier returned', () => {
    const clauses = TEXTS.map((t, i) => clause(i, t));
    const full = classifyClauses(clauses);
    const sent = analysesOf(full);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.length).toBeLessThan(clauses.length);
    expect(sent.every((a) => a.labels.length > 0)).toBe(true);
    // Through JSON, as the message channel carries it.
    const rebuilt = withAnalyses(clauses, JSON.parse(JSON.stringify(sent)) as typeof sent);
    expect(rebuilt).toEqual(full);
  });

  it('ignores analyses of clauses it does not hold', () => {
    const clauses = [clause(0, TEXTS[1]!)];
    const rebuilt = withAnalyses(clauses, [
      { id: 'elsewhere', labels: [], explanation: 'x', slots: classifyClauses(clauses)[0]!.slots },
    ]);
    expect(rebuilt).toEqual(classifyClauses(clauses));
  });
});

describe('classifiedCuts / clausesFromReply', () => {
  it('rebuilds on the page exactly the clauses the background cut and classified, through JSON', () => {
    const full = classifyClauses(blocksToClauses(BLOCKS));
    // The fixture exercises what the page must rebuild: lead-ins, repeated text, several units.
    expect(full.some((c) => c.leadIn)).toBe(true);
    expect(new Set(full.map((c) => c.unit))).toEqual(new Set(['sentence', 'list-item', 'cell']));
    expect(full.filter((c) => c.text === TEXTS[1]).map((c) => c.id)).toHaveLength(2);
    const reply = JSON.parse(JSON.stringify(classifiedCuts(BLOCKS, full))) as ReturnType<
      typeof classifiedCuts
    >;
    // Each clause travels as its id, block, unit and place in the block: no text.
    for (const cut of reply.clauses) expect(Object.keys(cut).sort()).toEqual(['at', 'block', 'id', 'unit']);
    expect(clausesFromReply(BLOCKS, reply)).toEqual(full);
  });

  it('sends the text of a clause that is not a slice of its block, and places repeated text in order', () => {
    const blocks: Block[] = [{ kind: 'paragraph', text: 'We do. We do. Then  more.', headingPath: [] }];
    const clauses = classifyClauses([
      { id: 'a', text: 'We do.', section: '', headingPath: [], block: 0, unit: 'sentence' },
      { id: 'b', text: 'We do.', section: '', headingPath: [], block: 0, unit: 'sentence' },
      { id: 'c', text: 'Then more.', section: '', headingPath: [], block: 0, unit: 'sentence' },
    ]);
    const reply = classifiedCuts(blocks, clauses);
    expect(reply.clauses).toEqual([
      { id: 'a', block: 0, unit: 'sentence', at: [0, 6] },
      { id: 'b', block: 0, unit: 'sentence', at: [7, 13] },
      { id: 'c', block: 0, unit: 'sentence', text: 'Then more.' },
    ]);
    expect(clausesFromReply(blocks, reply).map((c) => c.text)).toEqual(['We do.', 'We do.', 'Then more.']);
  });

  it('drops a cut naming a block the page does not have, and reads a missing reply as no clauses', () => {
    const cuts = [
      { id: 'c1', text: 'x', block: 1, unit: 'sentence' as const },
      { id: 'c2', text: 'y', block: BLOCKS.length, unit: 'sentence' as const },
      { id: 'c3', at: [5, 5] as [number, number], block: 1, unit: 'sentence' as const },
    ];
    expect(clausesFromCuts(BLOCKS, cuts).map((c) => c.id)).toEqual(['c1']);
    expect(clausesFromReply(BLOCKS, undefined)).toEqual([]);
    expect(clausesFromReply(BLOCKS, { clauses: 'x', analyses: [] } as never)).toEqual([]);
  });
});

describe('previewBlocks', () => {
  const page = (n: number, words: number): Block[] =>
    Array.from({ length: n }, () => ({
      kind: 'paragraph' as const,
      text: Array.from({ length: words }, () => 'word').join(' '),
      headingPath: [],
    }));

  it('is empty on pages short enough to classify in one go', () => {
    expect(previewBlocks(page(PREVIEW_MIN_WORDS / 20 - 1, 20))).toEqual([]);
    expect(previewBlocks(page(PREVIEW_MIN_WORDS / 20, 20)).length).toBeGreaterThan(0);
  });

  it('takes the first blocks in document order up to the word budget', () => {
    const blocks = page(400, 30);
    const preview = previewBlocks(blocks);
    expect(preview).toEqual(blocks.slice(0, preview.length));
    const words = preview.length * 30;
    expect(words).toBeGreaterThanOrEqual(PREVIEW_WORDS);
    expect(words - 30).toBeLessThan(PREVIEW_WORDS);
  });

  it('never takes more than the block cap, however short the blocks', () => {
    expect(previewBlocks(page(4000, 2))).toHaveLength(PREVIEW_MAX_BLOCKS);
  });
});

describe('earlyPreviewBlocks (read from the live page before Readability)', () => {
  const sentence = 'We may share the information you give us with the partners who help us run the service.';
  const page = (main: string, paragraphs: number) =>
    parseHtml(
      `<!doctype html><body><header><p>${sentence}</p></header><${main}>${Array.from(
        { length: paragraphs },
        (_, i) => `<h2>Part ${i}</h2><p>${sentence} ${sentence}</p>`,
      ).join('')}</${main.split(' ')[0]}></body>`,
    );

  it('takes the first blocks of a long main element, up to the preview budget', () => {
    const blocks = earlyPreviewBlocks(page('main', 400));
    const words = blocks.reduce((n, b) => n + b.text.split(' ').length, 0);
    expect(blocks[0]).toEqual({ kind: 'heading', text: 'Part 0', level: 2, headingPath: [] });
    expect(words).toBeGreaterThanOrEqual(PREVIEW_WORDS);
    expect(words).toBeLessThan(PREVIEW_WORDS + 40);
    // Nothing from outside the main element (the header's paragraph).
    expect(
      blocks.filter((b) => b.kind === 'paragraph').every((b) => b.text === `${sentence} ${sentence}`),
    ).toBe(true);
    expect(earlyPreviewBlocks(page('article', 400)).length).toBe(blocks.length);
    expect(earlyPreviewBlocks(page('div role="main"', 400)).length).toBe(blocks.length);
  });

  it('is empty on a short page, on a page without a main element, and on a page not in English', () => {
    expect(earlyPreviewBlocks(page('main', 20))).toEqual([]);
    expect(earlyPreviewBlocks(page('section', 400))).toEqual([]);
    const french = 'Nous pouvons partager les informations que vous nous donnez avec nos partenaires.';
    const doc = parseHtml(
      `<!doctype html><body><main>${`<p>${french} ${french} ${french}</p>`.repeat(200)}</main></body>`,
    );
    expect(earlyPreviewBlocks(doc)).toEqual([]);
  });
});
