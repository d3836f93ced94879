/**
 * `npm run -s dataset:stats`: resolve every label file against the corpus and print the dataset counts.
 * Exit code 1 when any reference is unresolved.
 */
import { corpusAvailable, corpusDir } from '../corpus';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  datasetStats,
  datasetTargets,
  formatStats,
  formatTargets,
  isAiWorded,
  isOwnAnnotation,
  loadLabels,
} from '../dataset';
import { AGREEMENT_DIR } from './apply-decisions';

const dir = corpusDir();
if (!corpusAvailable(dir)) {
  console.error(`corpus not found at ${dir} (set FINEPRINT_CORPUS)`);
  process.exit(2);
}
const loaded = loadLabels(dir);
console.log('== own annotation (training pool: all categories reviewed, not eval-only)');
const own = datasetStats(loaded);
console.log(formatStats(own, loaded.unresolved));
const v2 = loaded.items.filter((i) => isOwnAnnotation(i) && i.by.startsWith('guide v2'));
const passB = existsSync(AGREEMENT_DIR)
  ? readdirSync(AGREEMENT_DIR)
      .filter((f) => f.endsWith('.passB.jsonl'))
      .reduce(
        (n, f) =>
          n +
          readFileSync(join(AGREEMENT_DIR, f), 'utf8')
            .split('\n')
            .filter((l) => l.trim()).length,
        0,
      )
  : 0;
const mapped = loaded.items.filter((i) => i.reviewed);
const evalOnly = loaded.items.filter((i) => i.use === 'eval-only');
if (mapped.length) {
  console.log('\n== mapped (partial categories)');
  console.log(formatStats(datasetStats(loaded, (i) => !!i.reviewed && i.use !== 'eval-only')));
}
if (evalOnly.length) {
  console.log('\n== evaluation only (never train)');
  console.log(formatStats(datasetStats(loaded, (i) => i.use === 'eval-only')));
}
console.log('\n== issue 22 targets (own annotation, guide v1 + v2)');
console.log(
  formatTargets(
    datasetTargets(own, {
      sectorDocuments: new Set(v2.filter((i) => i.ref.file === 'sectors-v2.jsonl').map((i) => i.ref.doc))
        .size,
      passBUnits: passB,
      aiWordedV2: v2.filter((i) => isAiWorded(i.text)).length,
    }),
  ),
);
process.exit(loaded.unresolved.length ? 1 : 0);
