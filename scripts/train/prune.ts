/**
 * Size budget of the shipped model (issue 22: ≤ 1 MB gzipped): rows of the int8 weight table whose largest
 * weight is smallest are dropped, one magnitude step at a time, until the gzipped file fits. A dropped row
 * changes a clause's score by at most that step times its category scale per feature. Pure; `npm run train`
 * applies it to the model it writes.
 * @module
 */
import { gzipSync } from 'node:zlib';
import type { ModelFile } from '../../lib/classify/model';

const gzipBytes = (file: ModelFile): number => gzipSync(`${JSON.stringify(file)}\n`, { level: 9 }).length;

export interface Pruned {
  file: ModelFile;
  /** Rows kept of all, and the largest |int8| weight a dropped row had (0: nothing dropped). */
  kept: number;
  rows: number;
  maxDropped: number;
}

export function pruneToBudget(file: ModelFile, maxGzipBytes: number): Pruned {
  const C = file.categories.length;
  const hashes = Buffer.from(file.hashes, 'base64');
  const weights = new Int8Array(Buffer.from(file.weights, 'base64'));
  const rows = hashes.length / 4;
  const peak = new Uint8Array(rows);
  for (let r = 0; r < rows; r++) {
    let m = 0;
    for (let c = 0; c < C; c++) m = Math.max(m, Math.abs(weights[r * C + c]!));
    peak[r] = m;
  }
  let out = file;
  let step = 0;
  while (gzipBytes(out) > maxGzipBytes && step < 127) {
    step++;
    const keep: number[] = [];
    for (let r = 0; r < rows; r++) if (peak[r]! > step) keep.push(r);
    const h = Buffer.alloc(keep.length * 4);
    const w = new Int8Array(keep.length * C);
    keep.forEach((r, k) => {
      hashes.copy(h, k * 4, r * 4, r * 4 + 4);
      w.set(weights.subarray(r * C, (r + 1) * C), k * C);
    });
    out = {
      ...file,
      hashes: h.toString('base64'),
      weights: Buffer.from(w.buffer).toString('base64'),
    };
  }
  return { file: out, kept: Buffer.from(out.hashes, 'base64').length / 4, rows, maxDropped: step };
}
