/**
 * The labelled clause dataset: Node-side entry point (reads label files and corpus documents from disk).
 * Pure pieces live in the sibling modules and take their reader as an argument.
 * @module
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveLabels, type LoadedLabels } from './load-labels';

export * from './clause-text';
export * from './label-record';
export * from './load-labels';
export * from './dataset-stats';
export * from './service-groups';
export * from './ai-wording';
export * from './splits';
export * from './agreement';
export { htmlBlockText, HTML_EXTRACTOR_VERSION } from './html-block-text';
export { sourceText, extractorFor } from './source-text';
export { segmentUnits, sentenceSpans, type Unit, type Span } from './segment-units';

/** data/labels of this repository: labels that may train the shipped model. */
export const LABELS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../data/labels');
/**
 * data/eval-only: labels of texts whose licence forbids training shipped weights (OPP-115, research and
 * teaching only); every record there is `use: "eval-only"`, and none elsewhere.
 */
export const EVAL_ONLY_DIR = resolve(LABELS_DIR, '../eval-only');

/** Every `.jsonl` file in the given labels directories (default: training labels, then eval-only), sorted. */
export function labelFiles(dirs: string | string[] = [LABELS_DIR, EVAL_ONLY_DIR]): string[] {
  return (Array.isArray(dirs) ? dirs : [dirs]).flatMap((dir) =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.jsonl'))
          .sort()
          .map((f) => join(dir, f))
      : [],
  );
}

/** Reads a file, or null when it does not exist. */
export function readBytesFromDisk(path: string): Uint8Array | null {
  try {
    return readFileSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/**
 * Load and resolve label files against the corpus.
 * @param corpusDir the corpus directory (see scripts/corpus.ts `corpusDir()`)
 * @param files label files (absolute paths); defaults to every `data/labels/*.jsonl` and `data/eval-only/*.jsonl`
 */
export function loadLabels(corpusDir: string, files: string[] = labelFiles()): LoadedLabels {
  const sources = files.map((f) => ({ name: basename(f), text: readFileSync(f, 'utf8') }));
  return resolveLabels(corpusDir, sources, readBytesFromDisk);
}
