/** The pass B sample (guide v2 §7): which units a second, independent pass labels. */
import { createHash } from 'node:crypto';

/**
 * Whether a unit id falls in the pass B sample: SHA-256("pass B:" + id), read as a fraction of 2^32, below
 * `fraction`. Fixed by the ids alone, so it is drawn without looking at pass A, and a larger fraction keeps
 * every unit of a smaller one.
 */
export function inPassB(id: string, fraction: number): boolean {
  const h = createHash('sha256').update(`pass B:${id}`, 'utf8').digest('hex');
  return parseInt(h.slice(0, 8), 16) / 2 ** 32 < fraction;
}
