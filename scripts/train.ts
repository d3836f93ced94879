/**
 * `npm run train`: fit the bundled classifier from the labelled dataset (data/labels, resolved against the
 * corpus in place) plus CLAUDETTE EN for arbitration / unilateral change, and write lib/classify/model.json.
 * Reproducible: fixed seed, sorted inputs. OPP-115 is never used here (evaluation only).
 * @module
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { corpusAvailable, corpusDir } from './corpus';
import { loadLabels, type LabelledItem } from './dataset';
import { readClaudette, type ClaudetteDoc } from './train/benchmarks';
import { DEFAULT_TRAIN, type TrainItem } from './train/train-model';
import { FEATURE_SETS, loadRunData, trainFinal, VECTOR_SETS } from './train/eval-run';
import { pruneToBudget } from './train/prune';
import { rulesFingerprint } from './train/rules-fingerprint';
import { writeWordVectors } from './train/word-vectors';

/** Gzipped bytes the written model may take (1,000 KB: under the 1 MB budget with room for its stats). */
const MODEL_GZIP_BUDGET = 1000 * 1024;

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const MODEL_PATH = join(ROOT, 'lib/classify/model.json');

/** A dataset item as a training item (heading path from the section). */
export function toTrainItem(it: LabelledItem): TrainItem {
  return {
    text: it.text,
    leadIn: it.leadIn,
    headingPath: it.section
      .split('›')
      .map((s) => s.trim())
      .filter(Boolean),
    service: it.service,
    labels: it.labels,
    reviewed: it.reviewed,
  };
}

export interface TrainingData {
  /** Own annotation (all twelve categories reviewed), trainable. */
  own: TrainItem[];
  /** CLAUDETTE EN positives (arbitration, unilateral change) for training. */
  claudette: ClaudetteDoc[];
  /** Every CLAUDETTE EN sentence, for the benchmark. */
  claudetteAll: ClaudetteDoc[];
  unresolved: number;
}

/** Load everything the classifier may train on. Throws when the corpus is missing. */
export function loadTrainingData(dir: string = corpusDir()): TrainingData {
  if (!corpusAvailable(dir)) throw new Error(`corpus not found at ${dir} (set FINEPRINT_CORPUS)`);
  const loaded = loadLabels(dir);
  const own = loaded.items.filter((it) => it.use !== 'eval-only' && !it.reviewed).map(toTrainItem);
  const read = (rel: string): string | null => {
    const p = join(dir, rel);
    return existsSync(p) ? readFileSync(p, 'utf8') : null;
  };
  const list = (rel: string): string[] => (existsSync(join(dir, rel)) ? readdirSync(join(dir, rel)) : []);
  return {
    own,
    claudette: readClaudette(read, list, true),
    claudetteAll: readClaudette(read, list),
    unresolved: loaded.unresolved.length,
  };
}

function main(): void {
  const started = Date.now();
  // The feature set is chosen by the grouped comparison (docs/accuracy.md §2), never by the final test.
  const name = process.env.FINEPRINT_FEATURES ?? 'context';
  if (!(name in FEATURE_SETS))
    throw new Error(`unknown feature set ${name} (${Object.keys(FEATURE_SETS).join(', ')})`);
  // A set with word vectors relearns them from the corpus first (fasttext, one thread, fixed seed: the same
  // file again), so the model follows the corpus; FINEPRINT_VECTORS=committed reuses the committed file.
  if (VECTOR_SETS.includes(name) && process.env.FINEPRINT_VECTORS !== 'committed') {
    const v = writeWordVectors();
    console.log(
      `word vectors: ${v.provenance.words} words × ${v.dim} dims from ${v.provenance.tokens} tokens`,
    );
  }
  const set = FEATURE_SETS[name]!;
  const run = loadRunData(corpusDir(), set);
  // Issue 22 budget: ≤ 1 MB gzipped; the smallest rows go first (scripts/train/prune.ts).
  const pruned = pruneToBudget(trainFinal(run), MODEL_GZIP_BUDGET);
  const file = pruned.file;
  const report = { items: run.cvIndex.length + run.extraIndex.length };
  file.trainedAt = new Date().toISOString().slice(0, 10);
  file.stats = {
    command: 'npm run train',
    seed: DEFAULT_TRAIN.seed,
    featureSet: name,
    ownClauses: run.data.cv.length,
    ownGroups: new Set(run.data.cv.map((i) => i.group)).size,
    finalTestGroupsLeftOut: new Set(run.data.finalTest.map((i) => i.group)).size,
    claudettePositives: run.extraIndex.length,
    pruned: { rows: pruned.rows, kept: pruned.kept, maxDroppedInt8: pruned.maxDropped, budgetGzipKB: 1000 },
    rulesFingerprint: rulesFingerprint(),
  };
  const json = `${JSON.stringify(file)}\n`;
  writeFileSync(MODEL_PATH, json);
  const gz = gzipSync(json, { level: 9 }).length;
  console.log(
    `trained on ${report.items} clauses (${run.data.cv.length} own) in ${((Date.now() - started) / 1000).toFixed(1)} s; feature set ${name}`,
  );
  console.log(`trusted rules: ${file.trustedRules.join(', ') || '(none)'}`);
  console.log(`model: ${MODEL_PATH}`);
  console.log(
    `size: ${(json.length / 1024).toFixed(1)} KB raw, ${(gz / 1024).toFixed(1)} KB gzipped (limit 1024 KB gz)`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
