/**
 * A policy page as the background classifies it, built from the reading the background made of the page's
 * markup: on the page (its report) and in the background (what it cuts, classifies and stores) from the same
 * reading, with the same function. Types only from the pipeline, so the page's bundle stays without it.
 * @module
 */
import type { ExtractedBlocks } from './extract/reading';
import type { PageBlocks } from './pipeline-extract';
import type { PageInfo } from './types';

/**
 * A detected page with the reading the background made of its markup: the reading's language, its title (the
 * page's own when Readability found none), its blocks unless it found nothing it could analyse. The page builds
 * its report with it, the background the page it cuts, classifies and stores, from the same reading.
 */
export function pageBlocksOf(url: string, detected: PageInfo, reading: ExtractedBlocks): PageBlocks {
  const page: PageInfo = {
    ...detected,
    language: reading.language,
    title: reading.title || detected.title,
  };
  const out: PageBlocks = { url, page, blocks: reading.unsupported ? [] : reading.blocks };
  if (reading.truncated) out.truncated = true;
  if (reading.unsupported) out.unsupported = reading.unsupported;
  return out;
}
