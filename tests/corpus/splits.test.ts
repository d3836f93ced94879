/**
 * The final-test file against the corpus: its universe is exactly what the rule yields from `ota/` and the v1
 * annotation today, and every own-annotation record belongs to a group of that universe.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { labelFiles, serviceGroup, type FinalTestFile, type LabelRecord } from '../../scripts/dataset';
import { computeUniverse, FINAL_TEST_PATH } from '../../scripts/label/final-test';
import { CORPUS, describeCorpus } from '../support/corpus';

describeCorpus('final-test split against the corpus', () => {
  const file = JSON.parse(readFileSync(FINAL_TEST_PATH, 'utf8')) as FinalTestFile;

  it('stores the universe the rule computes from ota/ and annotated.jsonl', () => {
    expect(file.universe).toEqual(computeUniverse(CORPUS));
  });

  it('covers every own-annotation record (not CLAUDETTE, not OPP-115) with a universe group', () => {
    const groups = new Set(file.universe.map((g) => g.group));
    const missing = new Set<string>();
    // The records as written (the dataset suite resolves them against the corpus); only their services matter.
    for (const f of labelFiles())
      for (const line of readFileSync(f, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const r = JSON.parse(line) as LabelRecord;
        if (!r.reviewed && !r.use && !groups.has(serviceGroup(r.service))) missing.add(r.service);
      }
    expect([...missing]).toEqual([]);
  });
});
