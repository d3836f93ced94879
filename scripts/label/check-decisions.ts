/**
 * Validate an annotator's decision file against its shard (guide v2).
 * Usage: tsx scripts/label/check-decisions.ts <decisions.jsonl> [shard.jsonl] [--partial]
 *   The shard defaults to shards/<name>.jsonl for decisions/<name>.passA.jsonl (or .passB).
 *   Every unit of the shard needs a decision unless --partial (work in progress).
 * Exit code 1 when any problem is found; the summary counts what the file decides.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { SCRATCH, type PoolItem } from './ota-pool';
import { hardNegativeOf, parseDecisionFile } from './decisions';

/** decisions/<name>.passA.jsonl → shards/<name>.jsonl (pass B shards are shards/<name>.passB.jsonl). */
export function shardFor(decisionsPath: string): { shard: string; name: string; pass: 'A' | 'B' } {
  const m = /^(.+)\.pass([AB])\.jsonl$/.exec(basename(decisionsPath));
  if (!m) throw new Error(`decision file must be named <shard>.passA.jsonl or <shard>.passB.jsonl`);
  const name = m[1]!;
  const pass = m[2] as 'A' | 'B';
  const dir = join(SCRATCH, 'shards');
  const passB = join(dir, `${name}.passB.jsonl`);
  return { shard: pass === 'B' && existsSync(passB) ? passB : join(dir, `${name}.jsonl`), name, pass };
}

export function readShard(path: string): PoolItem[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as PoolItem);
}

function main(): void {
  const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const partial = process.argv.includes('--partial');
  const [file, shardArg] = args;
  if (!file) throw new Error('usage: check-decisions <decisions.jsonl> [shard.jsonl] [--partial]');
  const { shard, pass } = shardArg ? { shard: shardArg, pass: null } : shardFor(file);
  const units = new Map(readShard(shard).map((u) => [u.id, u]));
  const { decisions, problems } = parseDecisionFile(readFileSync(file, 'utf8'));
  for (const d of decisions) {
    if (!units.has(d.id)) problems.push(`${d.id}: not a unit of ${basename(shard)}`);
    if (pass && !d.by.endsWith(`pass ${pass}`))
      problems.push(`${d.id}: "by" says ${d.by} in a pass ${pass} file`);
  }
  const decided = new Set(decisions.map((d) => d.id));
  const missing = [...units.keys()].filter((id) => !decided.has(id));
  if (missing.length && !partial)
    problems.push(`${missing.length} units of ${basename(shard)} have no decision (first: ${missing[0]})`);
  const count = (f: (d: (typeof decisions)[number]) => boolean): number => decisions.filter(f).length;
  const ai = (s: string) => (d: (typeof decisions)[number]) =>
    d.labels.some((l) => l.category === 'ai-training' && l.stance === s);
  console.log(
    `${basename(file)}: ${decisions.length} decisions for ${units.size} units (${missing.length} undecided)`,
  );
  console.log(
    `ai-training permits ${count(ai('permits'))} · denies ${count(ai('denies'))} · user-prohibited ${count(ai('user-prohibited'))} · unclear ${count(ai('unclear'))}`,
  );
  console.log(
    `hard negatives (as recorded, guide §5) ${count((d) => hardNegativeOf(d, units.get(d.id)?.text ?? ''))} · any label ${count((d) => d.labels.length > 0)} · none ${count((d) => !d.labels.length)}`,
  );
  for (const p of problems.slice(0, 40)) console.log(`PROBLEM ${p}`);
  if (problems.length > 40) console.log(`… ${problems.length - 40} more problems`);
  console.log(problems.length ? `${problems.length} problems` : 'OK');
  process.exit(problems.length ? 1 : 0);
}

if (process.argv[1]?.endsWith('check-decisions.ts')) main();
