/**
 * Which service groups still share sentences: for every pair of different groups (scripts/dataset/service-groups),
 * the number of distinct sentences of at least ten words found in both, over every English `ota/` document.
 * A large count between two groups means an alias the table misses (one service renamed, one company's
 * products on one policy) — or shared boilerplate between unrelated companies, which stays split.
 * Usage: tsx scripts/label/alias-check.ts [min-shared=20]
 */
import { corpusDir } from '../corpus';
import { loadOtaDocs, otaUnits } from './ota-units';

const min = Number(process.argv[2] ?? 20);
const groupsOf = new Map<string, Set<string>>();
const size = new Map<string, number>();
for (const doc of loadOtaDocs(corpusDir(), false))
  for (const u of otaUnits(doc)) {
    if (u.clean.split(/\s+/).length < 10) continue;
    const set = groupsOf.get(u.hash) ?? groupsOf.set(u.hash, new Set()).get(u.hash)!;
    if (!set.has(doc.group)) size.set(doc.group, (size.get(doc.group) ?? 0) + 1);
    set.add(doc.group);
  }
const pairs = new Map<string, number>();
for (const groups of groupsOf.values()) {
  // A sentence in very many groups is generic boilerplate, not evidence of an alias.
  if (groups.size < 2 || groups.size > 8) continue;
  const g = [...groups].sort();
  for (let i = 0; i < g.length; i++)
    for (let j = i + 1; j < g.length; j++) {
      const k = `${g[i]}\u0000${g[j]}`;
      pairs.set(k, (pairs.get(k) ?? 0) + 1);
    }
}
const rows = [...pairs].filter(([, n]) => n >= min).sort((a, b) => b[1] - a[1]);
console.log('shared  group A (sentences)  ~  group B (sentences)');
for (const [k, n] of rows) {
  const [a, b] = k.split('\u0000') as [string, string];
  console.log(`${String(n).padStart(6)}  ${a} (${size.get(a)})  ~  ${b} (${size.get(b)})`);
}
console.log(`${rows.length} pairs of different groups share ≥ ${min} sentences of ≥ 10 words`);
