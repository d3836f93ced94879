/**
 * `npm run -s dataset:stats`: resolve every label file against the corpus and print the dataset counts.
 * Exit code 1 when any reference is unresolved.
 */
import { corpusAvailable, corpusDir } from '../corpus';
import { datasetStats, formatStats, loadLabels } from '../../lib/dataset';

const dir = corpusDir();
if (!corpusAvailable(dir)) {
  console.error(`corpus not found at ${dir} (set FINEPRINT_CORPUS)`);
  process.exit(2);
}
const loaded = loadLabels(dir);
console.log('== own annotation (training pool: all categories reviewed, not eval-only)');
console.log(formatStats(datasetStats(loaded), loaded.unresolved));
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
process.exit(loaded.unresolved.length ? 1 : 0);
