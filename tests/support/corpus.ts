/**
 * Gate for suites that read the shared corpus in place. Without the corpus they are skipped with a clear
 * message, except under CI=true, where a missing corpus is a failure (a green run must mean they ran).
 */
import { describe, it } from 'vitest';
import { corpusAvailable, corpusDir, CORPUS_ENV } from '../../scripts/corpus';

export const CORPUS = corpusDir();
export const HAS_CORPUS = corpusAvailable(CORPUS);

export function describeCorpus(name: string, body: () => void): void {
  if (HAS_CORPUS) {
    describe(name, body);
    return;
  }
  if (process.env.CI === 'true') {
    describe(name, () => {
      it('needs the corpus', () => {
        throw new Error(`corpus not found at ${CORPUS} (set ${CORPUS_ENV}); corpus suites must run in CI`);
      });
    });
    return;
  }
  console.warn(`[corpus] SKIPPED "${name}": corpus not found at ${CORPUS} (set ${CORPUS_ENV} to run it)`);
  describe.skip(name, body);
}
