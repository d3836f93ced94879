/**
 * The extraction half of the pipeline: detect the page kind, and on policy pages read its blocks and cut
 * them into clauses. In the extension the two steps run apart: the content script reads the blocks, the
 * background cuts them (`pageFromBlocks`). Imports no classifier; lib/pipeline.ts re-exports these and adds
 * the classifying half.
 * @module
 */
import type { PolicyLink } from './checkout/find-policy-links';
import type { Block } from './extract/blocks';
import type { Detection, PageInfo, Clause, UnsupportedReason } from './types';
import { detectPage } from './detect';
import { clausesFromBlocks, extractBlocks, type ExtractOptions } from './extract';

/**
 * A page detected and cut into clauses, as the background classifies and stores it (built from a content
 * script's `PageBlocks`, or from a page the background fetched and the offscreen document read).
 */
export interface ExtractedPage {
  url: string;
  page: PageInfo;
  clauses: Clause[];
  unsupported?: { reason: UnsupportedReason; message: string };
  policyLinks?: PolicyLink[];
}

/**
 * A policy page's readable text as blocks (lib/extract/blocks.ts), or why there is none (`unsupported`): the
 * background's reading of a content script's markup (lib/page-blocks.ts), or `extractPage`'s. The background cuts
 * the blocks into clauses and classifies them: ICU's sentence rules (their first use costs a page 40–80 ms in
 * one task on a slow machine) and the model stay out of the page's main thread.
 */
export interface PageBlocks {
  url: string;
  page: PageInfo;
  blocks: Block[];
  /** The page exceeded the reading budget: only its first part was read. */
  truncated?: boolean;
  unsupported?: { reason: UnsupportedReason; message: string };
  policyLinks?: PolicyLink[];
}

/**
 * Added to `page.reasons` when a page exceeded the extraction budget (PageInfo has no field for it and
 * messages reject unknown fields).
 */
export const TRUNCATED_REASON = 'page too large: only its first part was analysed';

export interface ExtractPageOptions extends ExtractOptions {
  /** Treat the page as a policy even if detection says otherwise (user asked, or CLI `--assume-policy`). */
  assumePolicy?: boolean;
}

/** The `PageInfo` for a detection, before extraction fills in language and title. */
export function pageInfo(doc: Document, url: string, detection: Detection): PageInfo {
  return {
    kind: detection.kind,
    confidence: detection.confidence,
    language: 'und',
    title: (doc.title ?? '').replace(/\s+/g, ' ').trim(),
    url,
    reasons: detection.reasons,
  };
}

function notPolicy(page: PageInfo, url: string): ExtractedPage {
  return {
    url,
    page,
    clauses: [],
    unsupported: {
      reason: 'not-a-policy',
      message:
        page.kind === 'checkout'
          ? 'This is a checkout or sign-up page, not a policy.'
          : 'This page is not a privacy policy or terms.',
    },
  };
}

function decide(doc: Document, url: string, options: ExtractPageOptions): PageInfo {
  const detection = detectPage(doc, url);
  const page = pageInfo(doc, url, detection);
  if (options.assumePolicy && (page.kind === 'other' || page.kind === 'checkout')) {
    page.kind = /\bterms\b/i.test(page.title) ? 'terms' : 'privacy-policy';
    page.reasons = [...(page.reasons ?? []), 'treated as a policy on request'];
  }
  return page;
}

/**
 * A page's blocks (read by a content script, or by `extractPage`) cut into clauses. The page's reasons say
 * when it was too large to be read whole.
 */
export function pageFromBlocks(
  read: PageBlocks,
  options: Pick<ExtractOptions, 'includeHeadings'> = {},
): ExtractedPage {
  const page: PageInfo = { ...read.page };
  const out: ExtractedPage = { url: read.url, page, clauses: [] };
  if (read.policyLinks) out.policyLinks = read.policyLinks;
  if (read.unsupported) {
    out.unsupported = read.unsupported;
    return out;
  }
  const extracted = clausesFromBlocks(
    {
      title: page.title,
      language: page.language,
      blocks: read.blocks,
      truncated: read.truncated ?? false,
      source: 'readability',
    },
    options,
  );
  if (extracted.truncated) page.reasons = [...(page.reasons ?? []), TRUNCATED_REASON];
  out.clauses = extracted.clauses;
  if (extracted.unsupported) out.unsupported = extracted.unsupported;
  return out;
}

/**
 * Detect and (for privacy policies and terms) extract a page. The document is never modified.
 * Checkout and other pages come back with `unsupported.reason = 'not-a-policy'` and no clauses.
 */
export function extractPage(doc: Document, url: string, options: ExtractPageOptions = {}): ExtractedPage {
  const page = decide(doc, url, options);
  if (page.kind === 'other' || page.kind === 'checkout') return notPolicy(page, url);
  const read = extractBlocks(doc, options);
  page.language = read.language;
  page.title = read.title || page.title;
  const blocks: PageBlocks = { url, page, blocks: read.blocks, truncated: read.truncated };
  if (read.unsupported) blocks.unsupported = read.unsupported;
  return pageFromBlocks(blocks, options);
}
