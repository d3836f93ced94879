// Which blocks make a long policy's preview (lib/preview-blocks.ts). Team-written text.
import { describe, expect, it } from 'vitest';
import type { Block } from '@/lib/extract';
import { parseHtml } from '@/scripts/parse-html';
import {
  earlyPreviewBlocks,
  earlyPreviewBlocksInSteps,
  PREVIEW_MAX_BLOCKS,
  PREVIEW_MIN_WORDS,
  PREVIEW_WORDS,
  previewBlocks,
} from '@/lib/preview-blocks';
import { NEW_TASK } from '@/lib/scheduler';

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

  it('in slices (earlyPreviewBlocksInSteps), pauses while reading the blocks and before the language check, with the same blocks', () => {
    const job = earlyPreviewBlocksInSteps(page('main', 400));
    let pauses = 0;
    let last: unknown;
    let step = job.next();
    while (!step.done) {
      pauses++;
      last = step.value;
      step = job.next();
    }
    // Read in one go, the blocks made one task of 60–110 ms with the page's CPU slowed 4× (lib/extract/blocks.ts).
    expect(pauses).toBeGreaterThan(2);
    // The language check starts a task of its own (it took 27 ms of a 45 ms task at 4× after the reading).
    expect(typeof last).toBe('symbol');
    expect(last).toBe(NEW_TASK);
    expect(step.value).toEqual(earlyPreviewBlocks(page('main', 400)));
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
