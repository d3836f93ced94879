/**
 * A policy page's text, from its markup to its classified clauses: the background reads the markup a content
 * script sends (`read-page`), keeps that reading for the frame (lib/kept-readings.ts), and classifies and stores
 * it when the page names it (`page-extracted`), so the blocks travel once, background → page. Also the preview
 * of a long policy's first blocks and the worker's wake-up.
 */
import { browser } from 'wxt/browser';
import type { Req, Res } from '@/lib/messages';
import type { PageReport } from '@/lib/page-report';
import {
  analyseLabelled,
  bundledModel,
  bundledModelDecoded,
  classifyClauses,
  labelClauses,
} from '@/lib/classify';
import { warmUpClauses } from '@/lib/classify/warm-up';
import { classifiedCuts, detailsOf, type ClauseDetails } from '@/lib/clause-analyses';
import type { Block } from '@/lib/extract/blocks';
import { blocksToClauses, warmSentenceSegmenter } from '@/lib/extract';
import { unreadable, type ExtractedBlocks } from '@/lib/extract/reading';
import { pageBlocksOf } from '@/lib/page-blocks';
import { createKeptReadings } from '@/lib/kept-readings';
import type { ValidSender } from '@/lib/message-guards';
import { pageFromBlocks, type ExtractedPage, type PageBlocks } from '@/lib/pipeline-extract';
import type { PageInfo } from '@/lib/types';
import { readPageMarkup, warmPageReader } from './parse-fetched';
import { completingTabReport, readTabReport, tabReports } from './tab-reports';
import { stableReports } from './history';

/** A reading kept for its page, with its clauses when they were cut as it was read (`read-page`'s `page`). */
interface KeptReading {
  reading: ExtractedBlocks;
  cut?: { page: PageInfo; read: PageBlocks; extracted: ExtractedPage };
}

/**
 * The readings waiting for their page's `page-extracted` (sent a moment after the reply, however slow the
 * page). A few tabs reading policies at once fit; the text budget holds several of the longest policies
 * (a reading's blocks stop at 1,000,000 characters, lib/extract/blocks.ts).
 */
export const keptReadings = createKeptReadings<KeptReading>({
  now: () => Date.now(),
  newId: () => crypto.randomUUID(),
  sizeOf: ({ reading }) => reading.blocks.reduce((n, b) => n + b.text.length + (b.leadIn?.length ?? 0), 0),
  maxEntries: 16,
  maxChars: 4_000_000,
  ttlMs: 60_000,
});

/** A tab's readings go when it closes or loads another page: their text is never wanted again. */
export function registerReadingCleanup(): void {
  const drop = (tabId: number) => {
    keptReadings.dropTab(tabId);
    for (const key of analysedPages.keys()) if (key.startsWith(`${tabId}:`)) analysedPages.delete(key);
  };
  browser.tabs.onRemoved.addListener(drop);
  browser.tabs.onUpdated.addListener((tabId, info) => {
    if (info.status === 'loading' && info.url !== undefined) drop(tabId);
  });
}

/**
 * Each frame's last classified page, complete with its slots and explanations, which are worked out once the
 * page has its reply (see `pageExtracted`): read when one of its cards opens (`clause-details`).
 */
const analysedPages = new Map<string, { url: string; report: Promise<PageReport> }>();
const frameKey = (sender: { tabId: number; frameId: number }) => `${sender.tabId}:${sender.frameId}`;

/** `fn`'s result, worked out in a task after this one: after the reply this task hands over is sent. */
function afterReply<T>(fn: () => T): Promise<T> {
  return new Promise((resolve, reject) =>
    setTimeout(() => {
      try {
        resolve(fn());
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    }, 0),
  );
}

/** A content script's page markup, read off its main thread (see lib/extract/page-markup.ts) and kept. */
export async function readPage(
  { url, html, truncated, page }: Req<'content→bg:read-page'>,
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
  // With the page's detection, the reading is cut into clauses now (the same cut `page-extracted` would make):
  // the page locates them in its text while this worker labels them, instead of after.
  const cut = page && !('error' in reply) ? cutReading(url, page, reading) : undefined;
  // An unreadable page is kept too: its report then tells the popup why there is nothing to show.
  const owner = { tabId: sender.tabId, frameId: sender.frameId };
  const readId = keptReadings.keep(owner, url, cut ? { reading, cut } : { reading });
  if ('error' in reply) return { error: reply.error, readId };
  if (!cut) return { ...reading, readId };
  const unlabelled = cut.extracted.clauses.map((clause) => ({ clause, labels: [] }));
  return { ...reading, readId, cuts: classifiedCuts(cut.read.blocks, unlabelled).clauses };
}

/** A reading with the page's detection, cut into clauses (what `page-extracted` labels). */
function cutReading(url: string, page: PageInfo, reading: ExtractedBlocks): NonNullable<KeptReading['cut']> {
  const started = performance.now();
  const read = pageBlocksOf(url, page, reading);
  const extracted = pageFromBlocks(read);
  measureSince('bg-cut', started);
  return { page, read, extracted };
}

/** The same detection: each field the cut reads (the page sends it twice, with `read-page` and `page-extracted`). */
function samePage(a: PageInfo, b: PageInfo): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The page's detection with the reading kept for that frame: cut, labelled and replied; then explained and held
 * for the popup and the history.
 */
export async function pageExtracted(
  { url, readId, page }: Req<'content→bg:page-extracted'>,
  sender: ValidSender,
): Promise<Res<'content→bg:page-extracted'>> {
  if (sender.kind !== 'content') throw new Error('page reports come from tabs');
  const kept = keptReadings.take({ tabId: sender.tabId, frameId: sender.frameId }, url, readId);
  // Only text this background read from this frame's markup at this address is classified or stored.
  if (!kept) throw new Error('no reading of this page by that id (expired, used, or another frame’s)');
  const started = performance.now();
  // Cut when it was read, for the same detection: the page has located those very clauses meanwhile.
  const { read, extracted } =
    kept.cut && samePage(kept.cut.page, page) ? kept.cut : cutReading(url, page, kept.reading);
  const labelled = labelClauses(extracted.clauses);
  const reply = classifiedCuts(read.blocks, labelled);
  measureSince('bg-classify', started);
  // The page waits for its highlights, which need the labels only: the slots and explanations (its cards, the
  // popup, the history) are worked out once the reply is on its way. The tab's report for the popup is stored
  // once the page has painted them (or the popup asks). The history (IndexedDB, the clause diff, perhaps a
  // notification) is recorded by the background's own clock, once the page has stood still
  // (lib/store/stable-hold.ts).
  const { tabId } = sender;
  const report = afterReply((): PageReport => {
    const explaining = performance.now();
    const full: PageReport = { ...extracted, clauses: labelled.map(analyseLabelled) };
    measureSince('bg-explain', explaining);
    tabReports.put(tabId, full);
    stableReports.hold(tabId, full);
    return full;
  });
  analysedPages.set(frameKey(sender), { url, report });
  completingTabReport(tabId, report);
  return reply;
}

/**
 * What the card of one clause of the sender's page shows besides its marks; null when the background has no
 * analysis of that page (worker restarted and the tab's report gone, another page since) or the clause has no
 * labels. Only the sender's own page is read: its own text, nothing of the user's history.
 */
export async function clauseDetails(
  { url, clauseId }: Req<'content→bg:clause-details'>,
  sender: ValidSender,
): Promise<ClauseDetails | null> {
  if (sender.kind !== 'content') throw new Error('cards are on pages in tabs');
  const held = analysedPages.get(frameKey(sender));
  const report = held?.url === url ? await held.report.catch(() => null) : await readTabReport(sender.tabId);
  if (!report || report.url !== url) return null;
  return detailsOf(report.clauses.find((c) => c.id === clauseId));
}

/** The first blocks of a long policy (lib/preview-blocks.ts): cut, labelled, nothing stored. */
export function classifyPreview({ blocks }: { blocks: Block[] }): Res<'content→bg:classify-preview'> {
  const started = performance.now();
  const reply = classifiedCuts(blocks, labelClauses(blocksToClauses(blocks)));
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
