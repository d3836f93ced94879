/**
 * A fingerprint of the code that decides labels besides the weights: the rule layer, the
 * features the model reads and the decision itself. `npm run train` stores it in the model's stats;
 * `npm run eval` compares it with the checkout's, so a model whose rules changed after training is reported
 * as such instead of being measured as if it were current.
 * @module
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLASSIFY = resolve(dirname(fileURLToPath(import.meta.url)), '../../lib/classify');

/** Files whose change changes what a trained model labels, relative to lib/classify. */
export function fingerprintFiles(dir: string = CLASSIFY): string[] {
  const rules = readdirSync(join(dir, 'rules'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => `rules/${f}`);
  return [...rules, 'features.ts', 'fold-text.ts', 'classifier.ts'].sort();
}

/** First 16 hex digits of SHA-256 over the files' names and contents. */
export function rulesFingerprint(dir: string = CLASSIFY): string {
  const h = createHash('sha256');
  for (const f of fingerprintFiles(dir)) h.update(`${f}\0${readFileSync(join(dir, f), 'utf8')}\0`);
  return h.digest('hex').slice(0, 16);
}
