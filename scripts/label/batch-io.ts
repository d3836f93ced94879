/**
 * Annotation tooling shared by next-batch and apply-batch: where batches live (outside the repository, since
 * they hold corpus text), the compact decision syntax, and which hashes are already labelled.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATEGORY_IDS, STANCES, type CategoryId, type Stance } from '../../lib/classify/taxonomy';
import { labelFiles, type LabelRecord, type RecordLabel } from '../dataset';

/** Batches contain corpus text, so they stay in /tmp, never in the repo. */
export const BATCH_DIR = process.env.FINEPRINT_LABEL_TMP ?? '/tmp/fp-label';

/** One unit shown to the annotator: where it stands (as in its label record) and its text (never committed). */
export interface BatchItem extends Pick<
  LabelRecord,
  'doc' | 'extractor' | 'start' | 'end' | 'hash' | 'lead_in' | 'section' | 'service' | 'licence'
> {
  i: number;
  clean: string;
  leadInText?: string;
}

export function batchPath(id: string): string {
  if (!existsSync(BATCH_DIR)) mkdirSync(BATCH_DIR, { recursive: true });
  return join(BATCH_DIR, `batch-${id}.json`);
}

/** The compact codes of the categories and stances in decision files (`ai+`, `share-`, …). */
export const CAT_CODES: Record<string, CategoryId> = {
  ai: 'ai-training',
  adm: 'automated-decisions',
  share: 'data-sharing',
  sale: 'data-sale',
  ads: 'targeted-advertising',
  ret: 'data-retention',
  xfer: 'international-transfer',
  deid: 'de-identification',
  choice: 'user-choice',
  lic: 'content-license',
  arb: 'arbitration',
  chg: 'unilateral-change',
};
export const STANCE_CODES: Record<string, Stance> = {
  '+': 'permits',
  '-': 'denies',
  '!': 'user-prohibited',
  '?': 'unclear',
};

export interface Decision {
  labels: RecordLabel[];
  hard: boolean;
}

/**
 * Parse decision lines: `<index> <code>...` with codes like `ai+`, `share-`, `ai!`, `ret?` and `H` (hard
 * negative). Indices not mentioned are reviewed with no label. `#` starts a comment.
 */
export function parseDecisions(text: string, size: number): Map<number, Decision> {
  const out = new Map<number, Decision>();
  for (const [n, rawLine] of text.split('\n').entries()) {
    const line = rawLine.replace(/#.*/, '').trim();
    if (!line) continue;
    const [idxText, ...codes] = line.split(/[\s,]+/);
    const idx = Number(idxText);
    if (!Number.isInteger(idx) || idx < 0 || idx >= size)
      throw new Error(`line ${n + 1}: bad index "${idxText}"`);
    if (out.has(idx)) throw new Error(`line ${n + 1}: index ${idx} decided twice`);
    const d: Decision = { labels: [], hard: false };
    for (const code of codes) {
      if (code === 'H') {
        d.hard = true;
        continue;
      }
      const m = /^([a-z]+)([+\-!?])$/.exec(code);
      const cat = m && CAT_CODES[m[1]!];
      const st = m && STANCE_CODES[m[2]!];
      if (!cat || !st) throw new Error(`line ${n + 1}: unknown code "${code}"`);
      if (!d.labels.some((l) => l.category === cat)) d.labels.push({ category: cat, stance: st });
      else throw new Error(`line ${n + 1}: two stances for ${cat}`);
    }
    out.set(idx, d);
  }
  return out;
}

/** Hashes that already have a record in any label file. */
export function labelledHashes(): Set<string> {
  const set = new Set<string>();
  for (const f of labelFiles()) {
    for (const line of readFileSync(f, 'utf8').split('\n')) {
      const m = /"hash":"([0-9a-f]{16})"/.exec(line);
      if (m) set.add(m[1]!);
    }
  }
  return set;
}

export { CATEGORY_IDS, STANCES };
