/**
 * Correct the labels of every record of one clause text (by hash) after a consistency review.
 * Usage: tsx scripts/label/relabel.ts <hash> [codes...]   (codes as in decisions: ai+ share- H; none = no label)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVAL_ONLY_DIR, LABELS_DIR, type LabelRecord } from '../dataset';
import { parseDecisions } from './batch-io';

const [hash, ...codes] = process.argv.slice(2);
if (!hash || !/^[0-9a-f]{16}$/.test(hash)) throw new Error('usage: relabel <hash> [codes...]');
const d = parseDecisions(`0 ${codes.join(' ')}`, 1).get(0)!;
const ai = d.labels.find((l) => l.category === 'ai-training');
const licence = d.labels.some((l) => l.category === 'content-license' && l.stance === 'permits');
const hard = d.hard || ai?.stance === 'denies' || ai?.stance === 'user-prohibited' || (licence && !ai);
let n = 0;
for (const file of [join(LABELS_DIR, 'annotated.jsonl'), join(EVAL_ONLY_DIR, 'opp115-eval.jsonl')]) {
  const out = readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => {
      if (!line.includes(`"hash":"${hash}"`)) return line;
      const r = JSON.parse(line) as LabelRecord;
      r.labels = d.labels;
      r.hard_negative = hard;
      n++;
      return JSON.stringify(r);
    });
  writeFileSync(file, out.join('\n'));
}
console.log(`${hash}: ${n} records relabelled`);
