/**
 * Spot-check of annotation consistency: groups near-identical clause texts (letters and digits only, lower case,
 * so link markup, "(opens in a new window)" and punctuation do not matter) and prints groups whose labels differ.
 * Prints corpus text to the terminal only. Usage: tsx scripts/label/consistency.ts
 */
import { corpusDir } from '../corpus';
import { loadLabels, type LabelledItem } from '../dataset';

const key = (t: string): string =>
  t
    .toLowerCase()
    .replace(/\(opens in a new window\)/g, '')
    .replace(/[^a-z0-9]+/g, '');
const sig = (i: LabelledItem): string =>
  i.labels
    .map((l) => `${l.category}/${l.stance}`)
    .sort()
    .join(' ') + (i.hardNegative ? ' H' : '');

const loaded = loadLabels(corpusDir());
const groups = new Map<string, LabelledItem[]>();
for (const it of loaded.items.filter((i) => !i.reviewed)) {
  const k = key(it.text);
  (groups.get(k) ?? groups.set(k, []).get(k)!).push(it);
}
let inconsistent = 0;
for (const items of groups.values()) {
  const sigs = new Set(items.map(sig));
  if (sigs.size < 2) continue;
  inconsistent++;
  console.log(`\n${items[0]!.text.slice(0, 160)}`);
  for (const s of sigs) console.log(`   [${s || 'none'}] ×${items.filter((i) => sig(i) === s).length}`);
}
console.log(`\n${groups.size} near-identical groups, ${inconsistent} with differing labels`);
