/**
 * Shards for parallel annotators (guide v2), written outside the repository because they hold corpus text:
 * - `shard-1.jsonl` … `shard-N.jsonl`: the `ota/` candidate pool (scripts/label/ota-pool.ts) split into N
 *   shards of about equal size **by service group** (all of a group's units in one shard), largest group first
 *   into the smallest shard; units in document order.
 * - `sectors.jsonl`: every unit (all categories) of the documents in `SECTOR_DOCS`, from sectors the v1
 *   dataset lacked; also split by group into `sectors-1.jsonl` … for parallel work. Pool units of those
 *   documents' groups that the sector shard already holds are not repeated in the pool shards.
 * - `../INSTRUCTIONS.md`: a copy of data/ANNOTATING.md with the shard sizes.
 * Usage: tsx scripts/label/shards.ts [shards=6] [sector-parts=4]
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { corpusDir } from '../corpus';
import { buildPool, decidedKeys, SCRATCH, toItem, type PoolItem } from './ota-pool';
import { loadOtaDocs, otaUnits, type OtaDoc } from './ota-units';

/**
 * Sector documents: privacy policies and terms of shops, banks and payments, streaming, games, travel and
 * health services (`ota/` paths without the `.md`). The five marked FT belong to final-test groups on purpose:
 * they give the final test all-category labels from these sectors.
 */
export const SECTOR_DOCS: Record<string, string[]> = {
  shops: [
    'vlopses-us/Temu/Privacy Policy',
    'contrib/Instacart/Privacy Policy',
    'contrib/Starbucks/Privacy Policy',
    'contrib/Starbucks/Terms of Service',
    'contrib/World Market/Terms of Service',
    'contrib/World Market/Privacy Policy',
    'contrib/Amazon.com/Privacy Policy',
    'contrib/Amazon.com/Terms of Service',
    'contrib/eBay/Terms of Service', // FT
  ],
  banks: [
    'contrib/HSBC/Privacy Policy',
    'contrib/HSBC/Terms of Service',
    'contrib/PayPal/Terms of Service',
    'contrib/Kraken/Privacy Policy',
    'contrib/OKX/Privacy Policy',
    'contrib/BankID/Privacy Policy',
    'contrib/BankID/Terms of Service',
    'contrib/Flutterwave/Privacy Policy',
    'contrib/Kivra/Terms of Service',
    'contrib/Vanco Payment Solutions/Privacy Policy', // FT
  ],
  streaming: [
    'contrib/Netflix/Privacy Policy',
    'contrib/Netflix/Terms of Service',
    'contrib/Crunchyroll/Privacy Policy',
    'contrib/Viaplay/Privacy Policy',
    'contrib/Vimeo/Privacy Policy',
    'contrib/Qobuz/Privacy Policy',
    'contrib/Watch.Hockey/Privacy Policy',
    'contrib/Amazon Music/Terms of Service',
    'contrib/Streamable/Privacy Policy', // FT
  ],
  games: [
    'contrib/Blizzard/Privacy Policy',
    'contrib/Blizzard Entertainment/Terms of Service',
    'contrib/Paradox Interactive/Privacy Policy',
    'contrib/Paradox Interactive/Terms of Service',
    'contrib/Palia/Privacy Policy',
    'contrib/Wordfeud/Privacy Policy',
    'contrib/Wordfeud/Terms of Service',
    'contrib/Shockwave.com/Privacy Policy',
    'contrib/IndieGala/Privacy Policy', // FT
  ],
  travel: [
    'contrib/Deutsche Bahn/Privacy Policy',
    'contrib/Deutsche Bahn/Terms of Service',
    'contrib/Finnair/Privacy Policy',
    'contrib/Couchsurfing/Privacy Policy',
    'contrib/Lyft/Privacy Policy',
    'contrib/Bolt/Terms of Service',
    'contrib/Donkey Republic/Privacy Policy',
    'contrib/VR/Privacy Policy',
  ],
  health: [
    'contrib/Allstate/Privacy Policy',
    'contrib/Chayn/Privacy Policy',
    'contrib/Epassi/Privacy Policy',
    'contrib/Epassi/Terms of Service',
    'contrib/Aetna/Privacy Policy', // FT
  ],
};

const SHARDS_DIR = join(SCRATCH, 'shards');
const ANNOTATING = resolve(dirname(fileURLToPath(import.meta.url)), '../../data/ANNOTATING.md');

/** Items grouped by service group, split into `n` parts of about equal size (largest group first). */
export function splitByGroup<T extends { group: string }>(items: T[], n: number): T[][] {
  const byGroup = new Map<string, T[]>();
  for (const it of items) (byGroup.get(it.group) ?? byGroup.set(it.group, []).get(it.group)!).push(it);
  const groups = [...byGroup].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
  const parts: T[][] = Array.from({ length: n }, () => []);
  for (const [, list] of groups) {
    let min = 0;
    for (let k = 1; k < n; k++) if (parts[k]!.length < parts[min]!.length) min = k;
    parts[min]!.push(...list);
  }
  return parts;
}

const byDocOrder = (a: PoolItem, b: PoolItem): number =>
  a.group !== b.group
    ? a.group < b.group
      ? -1
      : 1
    : a.doc !== b.doc
      ? a.doc < b.doc
        ? -1
        : 1
      : a.start - b.start;

/** Every unit of the sector documents, one per (group, text), texts already decided left out. */
export function sectorItems(docs: OtaDoc[], decided: Set<string>): (PoolItem & { sector: string })[] {
  const sectorOf = new Map<string, string>();
  for (const [sector, list] of Object.entries(SECTOR_DOCS))
    for (const d of list) sectorOf.set(`ota/${d}.md`, sector);
  const chosen = docs.filter((d) => !d.version && sectorOf.has(d.doc));
  const missing = [...sectorOf.keys()].filter((d) => !chosen.some((c) => c.doc === d));
  if (missing.length) throw new Error(`sector documents not found or not English: ${missing.join(', ')}`);
  const seen = new Set<string>();
  const out: (PoolItem & { sector: string })[] = [];
  for (const doc of chosen)
    for (const u of otaUnits(doc)) {
      const key = `${doc.group}\u0000${u.hash}`;
      if (decided.has(key) || seen.has(key)) continue;
      seen.add(key);
      out.push({ ...toItem(u, [], 0), sector: sectorOf.get(doc.doc)! });
    }
  return out;
}

function write(name: string, items: PoolItem[]): void {
  writeFileSync(join(SHARDS_DIR, name), items.map((i) => JSON.stringify(i)).join('\n') + '\n');
}

function main(): void {
  const n = Number(process.argv[2] ?? 6);
  const sectorParts = Number(process.argv[3] ?? 4);
  const docs = loadOtaDocs(corpusDir());
  const decided = decidedKeys();
  const sectors = sectorItems(docs, decided).sort(byDocOrder);
  const inSectors = new Set(sectors.map((s) => `${s.group}\u0000${s.hash}`));
  const { items } = buildPool(docs, decided);
  const pool = items.filter((i) => !inSectors.has(`${i.group}\u0000${i.hash}`));
  mkdirSync(SHARDS_DIR, { recursive: true });
  const lines: string[] = [];
  splitByGroup(pool, n).forEach((part, k) => {
    part.sort(byDocOrder);
    write(`shard-${k + 1}.jsonl`, part);
    lines.push(
      `shard-${k + 1}.jsonl: ${part.length} units, ${new Set(part.map((i) => i.group)).size} groups, ${new Set(part.map((i) => i.doc)).size} documents`,
    );
  });
  write('sectors.jsonl', sectors);
  const sectorDocs = new Set(sectors.map((s) => s.doc)).size;
  lines.push(`sectors.jsonl: ${sectors.length} units of ${sectorDocs} documents (all categories)`);
  splitByGroup(sectors, sectorParts).forEach((part, k) => {
    part.sort(byDocOrder);
    write(`sectors-${k + 1}.jsonl`, part);
    lines.push(
      `  sectors-${k + 1}.jsonl: ${part.length} units, ${new Set(part.map((i) => i.doc)).size} documents`,
    );
  });
  // Shards of earlier runs stay (their decisions refer to them): list them with their state.
  const written = new Set(lines.map((l) => l.trim().split(':')[0]));
  for (const f of readdirSync(SHARDS_DIR).sort()) {
    if (!f.endsWith('.jsonl') || written.has(f)) continue;
    const name = f.replace(/\.jsonl$/, '');
    const units = readFileSync(join(SHARDS_DIR, f), 'utf8')
      .split('\n')
      .filter((l) => l.trim()).length;
    const passB = name.endsWith('.passB');
    const decided = existsSync(join(SCRATCH, 'decisions', passB ? `${name}.jsonl` : `${name}.passA.jsonl`));
    lines.push(
      `${f}: ${units} units from an earlier run — ${passB ? 'pass B sample' : 'pass A'} ${decided ? 'decided' : 'not decided yet'}`,
    );
  }
  const instructions = join(SCRATCH, 'INSTRUCTIONS.md');
  copyFileSync(ANNOTATING, instructions);
  writeFileSync(
    instructions,
    readFileSync(instructions, 'utf8') +
      `\n## The shards of this run\n\n${lines.map((l) => `- ${l}`).join('\n')}\n`,
  );
  console.log(lines.join('\n'));
  console.log(`pool ${items.length} items; ${items.length - pool.length} left to the sector shard`);
}

if (process.argv[1]?.endsWith('shards.ts')) main();
