/**
 * Which blocks make a long policy's preview: the first ~1,200 words, classified on their own so the top of the
 * page is highlighted before the background has finished the rest. (lib/clause-analyses.ts is about what
 * crosses the message channel; this is about what the page sends first.)
 * @module
 */
import { hasTextAtLeast } from './dom-text';
import { collectBlocksInSteps, type Block } from './extract/blocks';
import { detectLanguage } from './language';
import { NEW_TASK, runToEnd } from './scheduler';

/**
 * Words of the preview: about two screenfuls of policy text at a reading width, so what the reader sees
 * first is covered, and small enough that its classification round trip takes a few milliseconds.
 */
export const PREVIEW_WORDS = 1_200;
/** Hard cap on preview blocks, whatever their length (also the background's guard limit). */
export const PREVIEW_MAX_BLOCKS = 80;
/** Pages shorter than this are classified in one go: a preview would only add a round trip. */
export const PREVIEW_MIN_WORDS = 3 * PREVIEW_WORDS;

/** The first blocks of a long page, in document order, for the preview; empty when the page is short. */
export function previewBlocks(blocks: readonly Block[]): Block[] {
  let total = 0;
  for (const b of blocks) if ((total += countWords(b.text)) >= PREVIEW_MIN_WORDS) break;
  return total < PREVIEW_MIN_WORDS ? [] : firstBlocks(blocks);
}

/**
 * Characters of a long page (real policies: ~6–7 per word, markup whitespace aside): a main element with
 * fewer is classified in one go.
 */
const EARLY_MIN_CHARS = PREVIEW_MIN_WORDS * 6;

/**
 * The preview read straight from the live page, before the background has read the whole page (with
 * Readability, from the page's markup): the first blocks of the page's `main` / `article` element, when
 * it has one and it holds a long text. Only the preview's worth of blocks is read. The classified result
 * is replaced by the whole page's once that is read, so chrome inside `main` costs at most a highlight that
 * comes and goes. Empty on pages without such an element, short ones, and those not in English.
 */
export function earlyPreviewBlocks(doc: Document, isVisible?: (el: Element) => boolean): Block[] {
  return runToEnd(earlyPreviewBlocksInSteps(doc, isVisible));
}

/**
 * `earlyPreviewBlocks` as a job for lib/scheduler.ts `runSliced` (the page runs it so): it may pause while
 * reading the blocks, and between counting their words and checking their language (~13 ms together on a real
 * 6,000-word policy; one task of over 50 ms with the page's CPU slowed 4×, 2026-12-02).
 */
export function* earlyPreviewBlocksInSteps(
  doc: Document,
  isVisible?: (el: Element) => boolean,
): Generator<void | typeof NEW_TASK, Block[], void> {
  const root = doc.querySelector('main, article, [role="main"]');
  if (!root || !hasTextAtLeast(root, EARLY_MIN_CHARS)) return [];
  yield;
  // Enough characters for the preview's words, then `firstBlocks` cuts at the word budget.
  // Only text the user can see (lib/detect/visible.ts): hidden text is never sent to the background.
  const read = yield* collectBlocksInSteps(root, { maxChars: PREVIEW_WORDS * 10, isVisible });
  yield;
  const blocks = firstBlocks(read.blocks);
  // The language check takes a slice by itself the first time in a page (its patterns are compiled then):
  // after the reading's last steps in the same task it made one of 45 ms of the thread's CPU with the page's
  // CPU slowed 4× (profiled, 26.6 ms of it in the check).
  yield NEW_TASK;
  // Only English is classified: a policy in another language must never flash highlights.
  const sample = blocks.map((b) => b.text).join(' ');
  return detectLanguage(sample, doc.documentElement?.getAttribute('lang')).language === 'en' ? blocks : [];
}

function firstBlocks(blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  let words = 0;
  for (const b of blocks) {
    if (out.length >= PREVIEW_MAX_BLOCKS || words >= PREVIEW_WORDS) break;
    out.push(b);
    words += countWords(b.text);
  }
  return out;
}

function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}
