/**
 * Turn the annotator's decisions for a batch into label records, one per occurrence of each decided text in
 * the pool (the same sentence in another version of the same policy gets the same labels), appended to
 * data/labels/<file>.jsonl.
 * Usage: tsx scripts/label/apply-batch.ts <id> <decisions-file> [labels-file-name]
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir } from '../corpus';
import { BY_PATTERN, EVAL_ONLY_DIR, LABELS_DIR } from '../dataset';
import { batchPath, labelledHashes, parseDecisions, type BatchItem } from './batch-io';
import { loadPool, poolFromEnv, poolUnits } from './corpus-units';
import { unitRecord } from './unit-record';

/** The guide version and pass of these labels (data/GUIDE.md §7); `FP_BY` overrides, e.g. "guide v1, pass B". */
export const BY = process.env.FP_BY ?? 'guide v1, pass A';

function main(): void {
  if (!BY_PATTERN.test(BY)) throw new Error(`FP_BY "${BY}" must be "guide vN, pass A|B"`);
  const pool = poolFromEnv();
  const [id, decisionsFile, out = pool === 'opp115-eval' ? 'opp115-eval.jsonl' : 'annotated.jsonl'] =
    process.argv.slice(2);
  if (!id || !decisionsFile) throw new Error('usage: apply-batch <id> <decisions-file> [labels-file]');
  const items = JSON.parse(readFileSync(batchPath(id), 'utf8')) as BatchItem[];
  const decisions = parseDecisions(readFileSync(decisionsFile, 'utf8'), items.length);
  const done = labelledHashes();
  const byHash = new Map<string, ReturnType<typeof poolUnits>>();
  for (const u of poolUnits(loadPool(corpusDir(), pool))) {
    (byHash.get(u.hash) ?? byHash.set(u.hash, []).get(u.hash)!).push(u);
  }
  const lines: string[] = [];
  let skipped = 0;
  for (const it of items) {
    if (done.has(it.hash)) {
      skipped++;
      continue;
    }
    const d = decisions.get(it.i) ?? { labels: [], hard: false };
    const ai = d.labels.find((l) => l.category === 'ai-training');
    // GUIDE §5: denials and user prohibitions of AI training, and content-licence grants that do not mention AI,
    // are hard negatives by definition.
    const licence = d.labels.some((l) => l.category === 'content-license' && l.stance === 'permits');
    const hard = d.hard || ai?.stance === 'denies' || ai?.stance === 'user-prohibited' || (licence && !ai);
    const occurrences = byHash.get(it.hash) ?? [];
    if (!occurrences.length) throw new Error(`item ${it.i}: text no longer in the pool`);
    for (const u of occurrences) {
      const rec = unitRecord(u, {
        labels: d.labels,
        hard_negative: hard,
        by: BY,
        ...(pool === 'opp115-eval' ? { use: 'eval-only' as const } : {}),
      });
      lines.push(JSON.stringify(rec));
    }
  }
  appendFileSync(
    join(pool === 'opp115-eval' ? EVAL_ONLY_DIR : LABELS_DIR, out),
    lines.map((l) => l + '\n').join(''),
  );
  console.log(
    `batch ${id}: ${items.length - skipped} texts → ${lines.length} records in ${out}${skipped ? ` (${skipped} already labelled, skipped)` : ''}`,
  );
}

main();
