/**
 * The labelled data as the trainer and the evaluator use it (issue 22): own annotation resolved against the
 * corpus, one item per (service group, clause text), split into the fixed final-test groups
 * (data/splits/final-test.json) and ten cross-validation folds by a hash of the group (`foldOf`). OPP-115
 * records are evaluation-only and never returned here; CLAUDETTE positives train the two categories they map.
 * @module
 */
import { readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  cleanClauseText,
  foldOf,
  loadLabels,
  readBytesFromDisk,
  segmentUnits,
  serviceGroup,
  sourceText,
  type FinalTestFile,
  type LabelledItem,
} from '../dataset';
import type { TrainItem } from './train-model';

export const FINAL_TEST_PATH = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../data/splits/final-test.json',
);

export function readFinalTest(path: string = FINAL_TEST_PATH): FinalTestFile {
  return JSON.parse(readFileSync(path, 'utf8')) as FinalTestFile;
}

/** A labelled clause with where it comes from (document and offsets, never its text in any report). */
export interface EvalItem extends TrainItem {
  group: string;
  /** Cross-validation fold, or -1 for a final-test group. */
  fold: number;
  ref: { doc: string; start: number; end: number; hash: string };
  /** Label file and guide pass, for the dataset section. */
  file: string;
  hardNegative: boolean;
}

export interface EvalData {
  /** Every own-annotation item outside the final-test groups (deduplicated by group and text). */
  cv: EvalItem[];
  /** Items of the final-test groups: never used for a choice. */
  finalTest: EvalItem[];
  folds: number;
  /** Records dropped as repeats of a (group, text) already kept, and how many of those disagreed. */
  duplicates: { dropped: number; conflicting: number };
}

const labelKey = (it: Pick<LabelledItem, 'labels'>): string =>
  it.labels
    .map((l) => `${l.category}/${l.stance}`)
    .sort()
    .join(' ');

/**
 * The previous unit of each item's document, as the runtime sees the previous clause: the units of the
 * document's source text (the loader's segmenter), the last one that ends at or before the item starts.
 */
function previousUnits(corpusDir: string, items: readonly LabelledItem[]): Map<LabelledItem, string> {
  const out = new Map<LabelledItem, string>();
  const byDoc = new Map<string, LabelledItem[]>();
  for (const it of items) {
    const key = `${it.ref.doc}\u0000${it.extractor}`;
    const list = byDoc.get(key) ?? [];
    list.push(it);
    byDoc.set(key, list);
  }
  for (const [key, list] of byDoc) {
    const [doc, extractor] = key.split('\u0000') as [string, string];
    const bytes = readBytesFromDisk(join(corpusDir, doc));
    if (!bytes) continue;
    const text = sourceText(bytes, extractor);
    const units = segmentUnits(text);
    for (const it of list) {
      let prev: { start: number; end: number } | undefined;
      for (const u of units) {
        if (u.end > it.ref.start) break;
        prev = u;
      }
      if (prev) {
        const t = cleanClauseText(text.slice(prev.start, prev.end));
        if (t) out.set(it, t.length > 400 ? t.slice(0, 400) : t);
      }
    }
  }
  return out;
}

/** Heading path of a record's `section`. */
export function headingPathOf(section: string): string[] {
  return section
    .split('›')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Load, deduplicate and split the own annotation. */
export function loadEvalData(corpusDir: string, finalTest: FinalTestFile = readFinalTest()): EvalData {
  const loaded = loadLabels(corpusDir);
  const own = loaded.items.filter((it) => it.use !== 'eval-only' && !it.reviewed);
  // One item per (group, text): guide v1 kept a record per occurrence (the same sentence in consecutive
  // versions), guide v2 one per group and text. A v2 decision wins over a v1 one of the same text.
  const kept = new Map<string, LabelledItem>();
  let dropped = 0;
  let conflicting = 0;
  for (const it of own) {
    const key = `${serviceGroup(it.service)}\u0000${it.ref.hash}`;
    const prior = kept.get(key);
    if (!prior) {
      kept.set(key, it);
      continue;
    }
    dropped++;
    if (labelKey(prior) !== labelKey(it)) conflicting++;
    if (!prior.by.startsWith('guide v2') && it.by.startsWith('guide v2')) kept.set(key, it);
  }
  const items = [...kept.values()];
  const prev = previousUnits(corpusDir, items);
  const cv: EvalItem[] = [];
  const test: EvalItem[] = [];
  for (const it of items) {
    const group = serviceGroup(it.service);
    const isTest = finalTest.final_test.includes(group);
    const e: EvalItem = {
      text: it.text,
      leadIn: it.leadIn,
      prev: prev.get(it),
      headingPath: headingPathOf(it.section),
      service: it.service,
      group,
      fold: isTest ? -1 : foldOf(group, finalTest.folds),
      labels: it.labels,
      ref: { doc: it.ref.doc, start: it.ref.start, end: it.ref.end, hash: it.ref.hash },
      file: it.ref.file,
      hardNegative: it.hardNegative,
    };
    (isTest ? test : cv).push(e);
  }
  return { cv, finalTest: test, folds: finalTest.folds, duplicates: { dropped, conflicting } };
}
