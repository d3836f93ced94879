/**
 * Give every occurrence of an already decided text its own record (data guide §6: the same sentence in another
 * version of a policy is the same text, one decision, one record per occurrence). Run after documents join
 * the pool; texts are matched by hash and keep the labels, hard-negative flag and annotator of the decision.
 * Usage: tsx scripts/label/propagate.ts [--dry-run]
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir } from '../corpus';
import { EVAL_ONLY_DIR, LABELS_DIR, type LabelRecord } from '../dataset';
import { loadPool, poolFromEnv, poolUnits } from './corpus-units';
import { unitRecord } from './unit-record';

function main(): void {
  const dry = process.argv.includes('--dry-run');
  const pool = poolFromEnv();
  const file =
    pool === 'opp115-eval' ? join(EVAL_ONLY_DIR, 'opp115-eval.jsonl') : join(LABELS_DIR, 'annotated.jsonl');
  const records = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelRecord);
  const decision = new Map<string, LabelRecord>();
  const have = new Set<string>();
  for (const r of records) {
    if (!decision.has(r.hash)) decision.set(r.hash, r);
    have.add(`${r.doc}\u0000${r.start}\u0000${r.end}`);
  }
  const lines: string[] = [];
  const docs = new Set<string>();
  for (const u of poolUnits(loadPool(corpusDir(), pool))) {
    const d = decision.get(u.hash);
    if (!d || have.has(`${u.doc.doc}\u0000${u.unit.start}\u0000${u.unit.end}`)) continue;
    const rec = unitRecord(u, d);
    have.add(`${rec.doc}\u0000${rec.start}\u0000${rec.end}`);
    docs.add(rec.doc);
    lines.push(JSON.stringify(rec));
  }
  if (!dry) appendFileSync(file, lines.map((l) => `${l}\n`).join(''));
  console.log(
    `${dry ? '(dry run) ' : ''}${lines.length} records for decided texts in ${docs.size} documents`,
  );
  for (const d of [...docs].sort()) console.log(`  ${d}`);
}

main();
