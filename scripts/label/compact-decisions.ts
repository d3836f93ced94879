/**
 * Compact decisions → decision file. Writing one JSON line with a 100-character id per unit is slow and easy
 * to get wrong; the compact form names units by their position in the shard (as show-shard prints them):
 *
 *   12 ai+ choice+ data=chats choice=opt-out default=on   # why (optional note)
 *   13 share- H
 *   14-20 -                                                 (a range with no label)
 *
 * Category codes: ai adm share sale ads ret xfer deid choice lic arb chg; stance suffix + (permits),
 * - (denies), ! (user-prohibited), ? (unclear). `H` = hard negative (the tools add it where guide §5 says so).
 * Slots: data= choice= default= scope= actor= (values of guide §4.3). Units of the shard not mentioned are
 * decided as no label. A unit mentioned twice is an error.
 * Usage: tsx scripts/label/compact-decisions.ts <shard> <compact.txt> <out.jsonl> [A|B]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AiTrainingSlots, RecordLabel } from '../dataset';
import { CAT_CODES, STANCE_CODES } from './batch-io';
import { readShard } from './check-decisions';
import { parseDecisionFile, type Decision } from './decisions';
import { SCRATCH } from './ota-pool';

const SLOTS = new Set(['data', 'choice', 'default', 'scope', 'actor']);

/** Parse compact lines into per-index partial decisions; throws with the line number on any error. */
export function parseCompact(
  text: string,
  size: number,
): Map<number, { labels: RecordLabel[]; hard: boolean; slots?: AiTrainingSlots; note?: string }> {
  const out = new Map<
    number,
    { labels: RecordLabel[]; hard: boolean; slots?: AiTrainingSlots; note?: string }
  >();
  text.split('\n').forEach((raw, n) => {
    const hash = raw.indexOf('#');
    const note = hash >= 0 ? raw.slice(hash + 1).trim() : '';
    const line = (hash >= 0 ? raw.slice(0, hash) : raw).trim();
    if (!line) return;
    const [range, ...codes] = line.split(/\s+/);
    const m = /^(\d+)(?:-(\d+))?$/.exec(range!);
    if (!m) throw new Error(`line ${n + 1}: bad index "${range}"`);
    const from = Number(m[1]);
    const to = m[2] ? Number(m[2]) : from;
    if (to < from || to >= size) throw new Error(`line ${n + 1}: index out of range`);
    const labels: RecordLabel[] = [];
    const slots: Record<string, string> = {};
    let hard = false;
    for (const code of codes) {
      if (code === '-') continue;
      if (code === 'H') {
        hard = true;
        continue;
      }
      const slot = /^([a-z]+)=([a-z-]+)$/.exec(code);
      if (slot && SLOTS.has(slot[1]!)) {
        slots[slot[1]!] = slot[2]!;
        continue;
      }
      const c = /^([a-z]+)([+\-!?])$/.exec(code);
      const category = c && CAT_CODES[c[1]!];
      if (!category) throw new Error(`line ${n + 1}: unknown code "${code}"`);
      if (labels.some((l) => l.category === category))
        throw new Error(`line ${n + 1}: two stances for ${category}`);
      labels.push({ category, stance: STANCE_CODES[c[2]!]! });
    }
    for (let k = from; k <= to; k++) {
      if (out.has(k)) throw new Error(`line ${n + 1}: unit ${k} decided twice`);
      out.set(k, {
        labels,
        hard,
        ...(Object.keys(slots).length ? { slots: slots as AiTrainingSlots } : {}),
        ...(note ? { note: note.slice(0, 300) } : {}),
      });
    }
  });
  return out;
}

function main(): void {
  const [shard, compactFile, out, pass = 'A'] = process.argv.slice(2);
  if (!shard || !compactFile || !out || !/^[AB]$/.test(pass))
    throw new Error('usage: compact-decisions <shard> <compact.txt> <out.jsonl> [A|B]');
  const items = readShard(shard.endsWith('.jsonl') ? shard : join(SCRATCH, 'shards', `${shard}.jsonl`));
  const compact = parseCompact(readFileSync(compactFile, 'utf8'), items.length);
  const decisions: Decision[] = items.map((it, k) => {
    const d = compact.get(k);
    return {
      id: it.id,
      labels: d?.labels ?? [],
      hard_negative: d?.hard ?? false,
      ...(d?.slots ? { slots: d.slots } : {}),
      by: `guide v2, pass ${pass}`,
      ...(d?.note ? { note: d.note } : {}),
    };
  });
  const text = decisions.map((d) => JSON.stringify(d)).join('\n') + '\n';
  const { problems } = parseDecisionFile(text);
  if (problems.length) throw new Error(`${problems.length} problems, first: ${problems[0]}`);
  writeFileSync(out, text);
  console.log(
    `${out}: ${decisions.length} decisions (${compact.size} from the compact file, the rest no label)`,
  );
}

if (process.argv[1]?.endsWith('compact-decisions.ts')) main();
