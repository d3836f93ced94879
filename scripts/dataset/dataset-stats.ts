/**
 * Counts that describe the dataset and the gates it must pass (issue 3): per category × stance, per service,
 * documents, services, hard negatives, distinct clause texts, unresolved references.
 * @module
 */
import { CATEGORY_IDS, STANCES, type CategoryId, type Stance } from '../../lib/classify/taxonomy';
import { isAiWorded } from './ai-wording';
import type { LoadedLabels, LabelledItem } from './load-labels';
import { serviceGroup } from './service-groups';

export interface DatasetStats {
  clauses: number;
  /** Distinct clause texts (by hash) among `clauses`. */
  distinctTexts: number;
  documents: number;
  services: number;
  hardNegatives: number;
  /** Clauses with at least one label. */
  labelled: number;
  /** `clauses` whose labels are `[]` (reviewed, none applies). */
  none: number;
  byCategory: Record<CategoryId, Record<Stance, number>>;
  /** Distinct texts per category (any stance). */
  distinctByCategory: Record<CategoryId, number>;
  byService: Record<string, { clauses: number; documents: number; aiTraining: number }>;
  byFile: Record<string, number>;
  aiTrainingPositives: number;
  aiTrainingDistinct: number;
  /** ai-training records with a stance that says something (permits, denies, user-prohibited; not unclear). */
  aiTrainingStated: number;
  aiTrainingStatedDistinct: number;
  aiTrainingStatedServices: number;
  aiTrainingStatedGroups: number;
  /**
   * AI-worded hard negatives by the guide v2 definition (data/GUIDE.md §5): the unit's own words are AI-worded
   * and it has no ai-training `permits`/`unclear` label. Computed, so v1 records count by the same rule.
   */
  aiWordedHardNegatives: number;
  unresolved: number;
}

/** Whether an item is part of the training pool (not evaluation-only, all categories reviewed). */
export function isOwnAnnotation(item: LabelledItem): boolean {
  return item.use !== 'eval-only' && !item.reviewed;
}

/**
 * Compute dataset statistics over the items that pass `filter` (default: own, fully reviewed, trainable
 * annotations — the set the gates are about).
 */
export function datasetStats(
  loaded: LoadedLabels,
  filter: (item: LabelledItem) => boolean = isOwnAnnotation,
): DatasetStats {
  const items = loaded.items.filter(filter);
  const byCategory = Object.fromEntries(
    CATEGORY_IDS.map((c) => [c, Object.fromEntries(STANCES.map((s) => [s, 0]))]),
  ) as Record<CategoryId, Record<Stance, number>>;
  const distinctSets = Object.fromEntries(CATEGORY_IDS.map((c) => [c, new Set<string>()])) as Record<
    CategoryId,
    Set<string>
  >;
  const docs = new Set<string>();
  const hashes = new Set<string>();
  const byService: DatasetStats['byService'] = {};
  const serviceDocs = new Map<string, Set<string>>();
  const byFile: Record<string, number> = {};
  let hardNegatives = 0;
  let labelled = 0;
  let aiTrainingPositives = 0;
  let aiWordedHardNegatives = 0;
  const stated = {
    records: 0,
    hashes: new Set<string>(),
    services: new Set<string>(),
    groups: new Set<string>(),
  };
  for (const it of items) {
    docs.add(it.ref.doc);
    hashes.add(it.ref.hash);
    byFile[it.ref.file] = (byFile[it.ref.file] ?? 0) + 1;
    const svc = (byService[it.service] ??= { clauses: 0, documents: 0, aiTraining: 0 });
    svc.clauses++;
    if (!serviceDocs.has(it.service)) serviceDocs.set(it.service, new Set());
    serviceDocs.get(it.service)!.add(it.ref.doc);
    if (it.hardNegative) hardNegatives++;
    const aiStance = it.labels.find((l) => l.category === 'ai-training')?.stance;
    if (aiStance !== 'permits' && aiStance !== 'unclear' && isAiWorded(it.text)) aiWordedHardNegatives++;
    if (aiStance && aiStance !== 'unclear') {
      stated.records++;
      stated.hashes.add(it.ref.hash);
      stated.services.add(it.service);
      stated.groups.add(serviceGroup(it.service));
    }
    if (it.labels.length) labelled++;
    const seen = new Set<string>();
    for (const l of it.labels) {
      const key = `${l.category}/${l.stance}`;
      if (seen.has(key)) continue;
      seen.add(key);
      byCategory[l.category][l.stance]++;
      distinctSets[l.category].add(it.ref.hash);
    }
    if (it.labels.some((l) => l.category === 'ai-training')) {
      aiTrainingPositives++;
      svc.aiTraining++;
    }
  }
  for (const [s, d] of serviceDocs) byService[s]!.documents = d.size;
  return {
    clauses: items.length,
    distinctTexts: hashes.size,
    documents: docs.size,
    services: Object.keys(byService).length,
    hardNegatives,
    labelled,
    none: items.length - labelled,
    byCategory,
    distinctByCategory: Object.fromEntries(CATEGORY_IDS.map((c) => [c, distinctSets[c].size])) as Record<
      CategoryId,
      number
    >,
    byService,
    byFile,
    aiTrainingPositives,
    aiTrainingDistinct: distinctSets['ai-training'].size,
    aiTrainingStated: stated.records,
    aiTrainingStatedDistinct: stated.hashes.size,
    aiTrainingStatedServices: stated.services.size,
    aiTrainingStatedGroups: stated.groups.size,
    aiWordedHardNegatives,
    unresolved: loaded.unresolved.length,
  };
}

/** Issue-22 dataset targets (data/GUIDE.md §9): what is measured against what is required. */
export interface Target {
  name: string;
  value: number;
  required: number;
  met: boolean;
}

/**
 * The issue-22 targets from the own-annotation statistics, the number of sector documents labelled for all
 * categories (documents of sectors-v2.jsonl), and the pass B units against the AI-worded guide-v2 records.
 */
export function datasetTargets(
  s: DatasetStats,
  extra: { sectorDocuments: number; passBUnits: number; aiWordedV2: number },
): Target[] {
  const t = (name: string, value: number, required: number): Target => ({
    name,
    value,
    required,
    met: value >= required,
  });
  return [
    t('ai-training records with a stance (permits/denies/user-prohibited)', s.aiTrainingStated, 1000),
    t('… from service groups', s.aiTrainingStatedGroups, 100),
    t('… distinct texts', s.aiTrainingStatedDistinct, 600),
    t('AI-worded hard negatives', s.aiWordedHardNegatives, 800),
    t('sector documents labelled for all categories', extra.sectorDocuments, 40),
    t(
      'pass B units (15 % of AI-worded guide-v2 records)',
      extra.passBUnits,
      Math.max(1, Math.ceil(0.15 * extra.aiWordedV2)),
    ),
  ];
}

export function formatTargets(targets: Target[]): string {
  return targets
    .map((t) => `${t.met ? 'met    ' : 'NOT MET'}  ${t.name}: ${t.value} (target ≥ ${t.required})`)
    .join('\n');
}

/** Plain-text report of {@link datasetStats} for the terminal. */
export function formatStats(s: DatasetStats, unresolvedDetails: LoadedLabels['unresolved'] = []): string {
  const out: string[] = [];
  out.push(
    `clauses ${s.clauses} (distinct texts ${s.distinctTexts}) · documents ${s.documents} · services ${s.services}`,
  );
  out.push(
    `labelled ${s.labelled} · none ${s.none} · hard negatives ${s.hardNegatives} (AI-worded ${s.aiWordedHardNegatives}) · ai-training ${s.aiTrainingPositives} (distinct ${s.aiTrainingDistinct}) · unresolved ${s.unresolved}`,
  );
  out.push(
    `ai-training with a stance (not unclear): ${s.aiTrainingStated} records, ${s.aiTrainingStatedDistinct} distinct texts, ${s.aiTrainingStatedServices} services, ${s.aiTrainingStatedGroups} service groups`,
  );
  out.push('');
  const head = ['category', ...STANCES, 'total', 'distinct'];
  const rows = CATEGORY_IDS.map((c) => {
    const r = s.byCategory[c];
    const total = STANCES.reduce((a, st) => a + r[st], 0);
    return [c, ...STANCES.map((st) => String(r[st])), String(total), String(s.distinctByCategory[c])];
  });
  out.push(...table([head, ...rows]));
  out.push('');
  const svcRows = Object.entries(s.byService)
    .sort((a, b) => b[1].clauses - a[1].clauses)
    .map(([name, v]) => [name, String(v.documents), String(v.clauses), String(v.aiTraining)]);
  out.push(...table([['service', 'docs', 'clauses', 'ai-training'], ...svcRows]));
  out.push('');
  out.push(...table([['file', 'records'], ...Object.entries(s.byFile).map(([f, n]) => [f, String(n)])]));
  for (const u of unresolvedDetails.slice(0, 50))
    out.push(`UNRESOLVED ${u.file}:${u.line} ${u.reason} ${u.doc ?? ''} ${u.detail}`);
  return out.join('\n');
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '),
  );
}
