/**
 * A policy page's text, from its markup to its classified clauses: the background reads the markup a content
 * script sends (`read-page`), keeps that reading for the frame (lib/kept-readings.ts), and classifies and stores
 * it when the page names it (`page-extracted`), so the blocks travel once, background → page. Also the preview
 * of a long policy's first blocks and the worker's wake-up.
 */
import { browser } from 'wxt/browser';
import type { Req, Res } from '@/lib/messages';
import type { PageReport } from '@/lib/page-report';
import { bundledModel, bundledModelDecoded, classifyClauses } from '@/lib/classify';
import { warmUpClauses } from '@/lib/classify/warm-up';
import { classifiedCuts } from '@/lib/clause-analyses';
import type { Block } from '@/lib/extract/blocks';
import { blocksToClauses, warmSentenceSegmenter } from '@/lib/extract';
import { unreadable, type ExtractedBlocks } from '@/lib/extract/reading';
import { pageBlocksOf } from '@/lib/page-blocks';
import { createKeptReadings } from '@/lib/kept-readings';
import type { ValidSender } from '@/lib/message-guards';
import { pageFromBlocks } from '@/lib/pipeline-extract';
import { readPageMarkup, warmPageReader } from './parse-fetched';
import { tabReports } from './tab-reports';
import { stableReports } from './history';

/**
 * The readings waiting for their page's `page-extracted` (sent a moment after the reply, however slow the
 * page). A few tabs reading policies at once fit; the text budget holds several of the longest policies
 * (a reading's blocks stop at 1,000,000 characters, lib/extract/blocks.ts).
 */
export const keptReadings = createKeptReadings<ExtractedBlocks>({
  now: () => Date.now(),
  newId: () => crypto.randomUUID(),
  sizeOf: (reading) => reading.blocks.reduce((n, b) => n + b.text.length + (b.leadIn?.length ?? 0), 0),
  maxEntries: 16,
  maxChars: 4_000_000,
  ttlMs: 60_000,
});

/** A tab's readings go when it closes or loads another page: their text is never wanted again. */
export function registerReadingCleanup(): void {
  browser.tabs.onRemoved.addListener((tabId) => keptReadings.dropTab(tabId));
  browser.tabs.onUpdated.addListener((tabId, info) => {
    if (info.status === 'loading' && info.url !== undefined) keptReadings.dropTab(tabId);
  });
}

/** A content script's page markup, read off its main thread (see lib/extract/page-markup.ts) and kept. */
export async function readPage(
  { url, html, truncated }: Req<'content→bg:read-page'>,
  sender: ValidSender,
): Promise<Res<'content→bg:read-page'>> {
  if (sender.kind !== 'content') throw new Error('page markup comes from tabs');
  const started = performance.now();
  let reply: Awaited<ReturnType<typeof readPageMarkup>>;
  try {
    reply = await readPageMarkup(html);
  } catch (error) {
    reply = { error: error instanceof Error ? error.message : String(error) };
  }
  measureSince('bg-read-page', started);
  // Markup cut short on the page means the reading is of its first part only.
  const reading =
    'error' in reply ? unreadable('', reply.error) : truncated ? { ...reply, truncated } : reply;
  // An unreadable page is kept too: its report then tells the popup why there is nothing to show.
  const readId = keptReadings.keep({ tabId: sender.tabId, frameId: sender.frameId }, url, reading);
  return 'error' in reply ? { error: reply.error, readId } : { ...reading, readId };
}

/** The page's detection with the reading kept for that frame: cut, classified, replied, then held for history. */
export async function pageExtracted(
  { url, readId, page }: Req<'content→bg:page-extracted'>,
  sender: ValidSender,
): Promise<Res<'content→bg:page-extracted'>> {
  if (sender.kind !== 'content') throw new Error('page reports come from tabs');
  const reading = keptReadings.take({ tabId: sender.tabId, frameId: sender.frameId }, url, readId);
  // Only text this background read from this frame's markup at this address is classified or stored.
  if (!reading) throw new Error('no reading of this page by that id (expired, used, or another frame’s)');
  const started = performance.now();
  const read = pageBlocksOf(url, page, reading);
  const extracted = pageFromBlocks(read);
  const report: PageReport = { ...extracted, clauses: classifyClauses(extracted.clauses) };
  measureSince('bg-classify', started);
  // The page waits for its highlights, nothing else: the tab's report for the popup is stored once the page
  // has painted them (or the popup asks). The history (IndexedDB, the clause diff, perhaps a notification)
  // is recorded by the background's own clock, once the page has stood still (lib/store/stable-hold.ts).
  tabReports.put(sender.tabId, report);
  stableReports.hold(sender.tabId, report);
  return classifiedCuts(read.blocks, report.clauses);
}

/** The first blocks of a long policy (lib/preview-blocks.ts): cut, classified, nothing stored. */
export function classifyPreview({ blocks }: { blocks: Block[] }): Res<'content→bg:classify-preview'> {
  const started = performance.now();
  const reply = classifiedCuts(blocks, classifyClauses(blocksToClauses(blocks)));
  measureSince('bg-classify-preview', started);
  return reply;
}

let warmedUp = false;

/**
 * The service worker is running once this runs. Loading ICU's sentence rules, decoding the model and running
 * the classifier once (lib/classify/warm-up.ts) now, while the page reads its text, spares the page's first
 * classification all three. Once per worker: a running worker is warm already.
 */
export function wake(): Res<'content→bg:wake'> {
  warmPageReader();
  warmSentenceSegmenter();
  // Timed on the worker's first decode only: `npm run bench` reads it after stopping the worker (issue 22's
  // budget for decoding the model in a cold service worker).
  const cold = !bundledModelDecoded();
  const decodeStart = performance.now();
  const ok = bundledModel() !== null;
  if (cold) measureSince('model-decode', decodeStart);
  if (ok && !warmedUp) {
    warmedUp = true;
    classifyClauses(warmUpClauses());
  }
  return { ok };
}

/** A timing entry for `npm run bench` (it reads the worker's timeline; nothing else does). */
function measureSince(name: string, start: number): void {
  try {
    performance.measure(`fineprint:${name}`, { start });
  } catch {
    // Diagnostics only.
  }
}
