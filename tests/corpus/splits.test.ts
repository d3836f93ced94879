/**
 * The final-test file against the corpus: its universe is exactly what the rule yields from `ota/` and the v1
 * annotation today, and every own-annotation record belongs to a group of that universe.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { loadLabels, serviceGroup, type FinalTestFile } from '../../lib/dataset';
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
    for (const it of loadLabels(CORPUS).items)
      if (!it.reviewed && !it.use && !groups.has(serviceGroup(it.service))) missing.add(it.service);
    expect([...missing]).toEqual([]);
  });
});
