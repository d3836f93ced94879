/**
 * Print a range of a shard for reading, numbered by position in the shard (the numbers the compact decision
 * format uses, scripts/label/compact-decisions.ts). Context is printed when it changes: the document, the
 * section, the list lead-in, a table cell's row and column headers, and the previous unit when it was not the
 * unit printed just before. Prints corpus text to the terminal only.
 * Usage: tsx scripts/label/show-shard.ts <shard> [from=0] [to=from+100]
 */
import { join } from 'node:path';
import { readShard } from './check-decisions';
import { SCRATCH } from './ota-pool';

function main(): void {
  const [shard, fromText = '0', toText] = process.argv.slice(2);
  if (!shard) throw new Error('usage: show-shard <shard> [from] [to]');
  const items = readShard(shard.endsWith('.jsonl') ? shard : join(SCRATCH, 'shards', `${shard}.jsonl`));
  const from = Number(fromText);
  const to = Math.min(items.length, Number(toText ?? from + 100));
  let doc = '';
  let section = '';
  let leadIn = '';
  for (let k = from; k < to; k++) {
    const it = items[k]!;
    if (it.doc !== doc) {
      console.log(`\n=== ${it.doc}  [service ${it.service}, group ${it.group}]`);
      doc = it.doc;
      section = '';
      leadIn = '';
    }
    if (it.section !== section) {
      console.log(`  § ${it.section || '(no heading)'}`);
      section = it.section;
    }
    if (it.leadIn && it.leadIn !== leadIn) console.log(`  ⤷ lead-in: ${it.leadIn}`);
    leadIn = it.leadIn ?? '';
    const prevShown = k > from && items[k - 1]!.doc === it.doc && items[k - 1]!.end < it.start;
    const adjacent = prevShown && it.prev === items[k - 1]!.text;
    if (it.prev && !adjacent) console.log(`     (prev: ${it.prev.slice(0, 160)})`);
    const table = [it.rowHeader && `row: ${it.rowHeader}`, it.columnHeader && `col: ${it.columnHeader}`]
      .filter(Boolean)
      .join(' · ');
    console.log(`[${k}]${table ? ` {${table}}` : ''} ${it.text}`);
  }
  console.log(`\n(${from}–${to - 1} of ${items.length})`);
}

main();
