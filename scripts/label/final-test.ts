/**
 * Fix the final-test groups (data/splits/final-test.json) by the rule in `RULE`, before any model work.
 *   tsx scripts/label/final-test.ts           compute the universe and the draw, print them
 *   tsx scripts/label/final-test.ts --write   also write data/splits/final-test.json
 * The file keeps the universe it drew from, so the draw can be recomputed without the corpus
 * (tests/unit/splits.test.ts) and the universe checked against the corpus (tests/corpus/splits.test.ts).
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { corpusDir } from '../corpus';
import {
  LABELS_DIR,
  selectFinalTest,
  serviceGroup,
  type FinalTestFile,
  type LabelRecord,
  type Stratum,
  type UniverseGroup,
} from '../dataset';
import { FINAL_TEST_PATH } from '../train/eval-data';
import { loadOtaDocs } from './ota-units';

export { FINAL_TEST_PATH };

export const QUOTAS: Record<Stratum, number> = { genai: 2, platform: 6, other: 24 };
export const FOLDS = 10;

export const RULE = [
  'Universe: every service group (scripts/dataset/service-groups.ts) with at least one usable English current',
  'document in ota/ (loadOtaDocs in scripts/label/ota-units.ts, older versions not counted) or a guide v1',
  'own-annotation record in data/labels/annotated.jsonl. Groups known only from CLAUDETTE or OPP-115 are',
  'outside it (CLAUDETTE always trains, OPP-115 is evaluation-only). Stratum: genai when a member service',
  'has a folder in ota/genai-eu; else platform when one has a folder in ota/pga or ota/vlopses-us; else other.',
  'Final test: in each stratum, the groups whose SHA-256 of the group name (UTF-8, lower-case hex) is lowest:',
  '2 genai, 6 platform, 24 other. Every record of a final-test group, in any label file, is held out and never',
  'used for a choice. Everything else: 10 cross-validation folds, fold = first 8 hex digits of',
  'SHA-256("fold:" + group) mod 10 (foldOf in scripts/dataset/splits.ts).',
].join(' ');

/** The universe of groups by the rule, from the corpus and the v1 annotation file. */
export function computeUniverse(
  corpus: string,
  annotatedFile = join(LABELS_DIR, 'annotated.jsonl'),
): UniverseGroup[] {
  const members = new Map<string, { services: Set<string>; collections: Set<string> }>();
  const add = (service: string, collection: string | null): void => {
    const g = serviceGroup(service);
    const m = members.get(g) ?? members.set(g, { services: new Set(), collections: new Set() }).get(g)!;
    m.services.add(service);
    if (collection) m.collections.add(collection);
  };
  for (const d of loadOtaDocs(corpus, false, false)) add(d.service, d.collection);
  for (const line of readFileSync(annotatedFile, 'utf8').split('\n'))
    if (line.trim()) add((JSON.parse(line) as LabelRecord).service, null);
  // A group's stratum looks at every collection its members appear in, usable documents or not.
  for (const d of loadAllOtaFolders(corpus))
    members.get(serviceGroup(d.service))?.collections.add(d.collection);
  return [...members]
    .map(([group, m]) => ({
      group,
      stratum: (m.collections.has('genai-eu')
        ? 'genai'
        : m.collections.has('pga') || m.collections.has('vlopses-us')
          ? 'platform'
          : 'other') as Stratum,
      services: [...m.services].sort(),
    }))
    .sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
}

function loadAllOtaFolders(corpus: string): { service: string; collection: string }[] {
  const rows = JSON.parse(readFileSync(join(corpus, 'manifest.json'), 'utf8')) as { file: string }[];
  const out: { service: string; collection: string }[] = [];
  for (const r of rows) {
    const m = /^ota\/(genai-eu|pga|vlopses-us|contrib)\/([^/]+)\//.exec(r.file);
    if (m) out.push({ collection: m[1]!, service: m[2]! });
  }
  return out;
}

export function buildFinalTestFile(universe: UniverseGroup[]): FinalTestFile {
  return {
    rule: RULE,
    quotas: QUOTAS,
    folds: FOLDS,
    universe,
    final_test: selectFinalTest(universe, QUOTAS),
  };
}

function main(): void {
  const file = buildFinalTestFile(computeUniverse(corpusDir()));
  const by = (s: Stratum): number => file.universe.filter((g) => g.stratum === s).length;
  console.log(
    `universe: ${file.universe.length} groups (genai ${by('genai')}, platform ${by('platform')}, other ${by('other')})`,
  );
  for (const g of file.final_test) {
    const u = file.universe.find((x) => x.group === g)!;
    console.log(`  ${u.stratum.padEnd(8)} ${g}  [${u.services.join(', ')}]`);
  }
  if (process.argv.includes('--write')) {
    mkdirSync(dirname(FINAL_TEST_PATH), { recursive: true });
    writeFileSync(FINAL_TEST_PATH, JSON.stringify(file, null, 2) + '\n');
    console.log(`written ${FINAL_TEST_PATH}`);
  }
}

if (process.argv[1]?.endsWith('final-test.ts')) main();
