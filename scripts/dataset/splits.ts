/**
 * Splits of the labelled dataset, always by service group (scripts/dataset/service-groups): a fixed final-test
 * set of groups chosen by a hash of the group name before any model work, and cross-validation folds by a hash
 * of the group for everything else. Both depend only on the group name, so adding services never moves an
 * existing group to another fold.
 * @module
 */
import { createHash } from 'node:crypto';
import { serviceGroup } from './service-groups';

/** Sector strata of the final-test draw. */
export type Stratum = 'genai' | 'platform' | 'other';

export interface UniverseGroup {
  group: string;
  stratum: Stratum;
  /** Service names (corpus folders or label records) that make up the group. */
  services: string[];
}

/** The content of data/splits/final-test.json. */
export interface FinalTestFile {
  rule: string;
  /** Groups to draw from per stratum, in the order the rule reads them. */
  quotas: Record<Stratum, number>;
  folds: number;
  universe: UniverseGroup[];
  final_test: string[];
}

/** Hex SHA-256 of the group name (UTF-8): the order in which the final-test draw takes groups. */
export function groupHash(group: string): string {
  return createHash('sha256').update(group, 'utf8').digest('hex');
}

/**
 * The final-test groups: in each stratum, the `quotas[stratum]` groups with the lowest {@link groupHash}.
 * Returned sorted by stratum (genai, platform, other), then hash.
 */
export function selectFinalTest(universe: UniverseGroup[], quotas: Record<Stratum, number>): string[] {
  const out: string[] = [];
  for (const stratum of ['genai', 'platform', 'other'] as const) {
    const ranked = universe
      .filter((g) => g.stratum === stratum)
      .map((g) => ({ g: g.group, h: groupHash(g.group) }))
      .sort((a, b) => (a.h < b.h ? -1 : a.h > b.h ? 1 : 0));
    if (ranked.length < quotas[stratum])
      throw new Error(
        `stratum ${stratum} has ${ranked.length} groups, fewer than its quota ${quotas[stratum]}`,
      );
    out.push(...ranked.slice(0, quotas[stratum]).map((r) => r.g));
  }
  return out;
}

/** Cross-validation fold (0 … k-1) of a group: the first 8 hex digits of SHA-256("fold:" + group) mod k. */
export function foldOf(group: string, k = 10): number {
  const h = createHash('sha256').update(`fold:${group}`, 'utf8').digest('hex');
  return parseInt(h.slice(0, 8), 16) % k;
}

/** Which split a service's records belong to, given the final-test file. */
export function splitOf(
  service: string,
  file: Pick<FinalTestFile, 'final_test' | 'folds'>,
): { group: string; finalTest: boolean; fold: number | null } {
  const group = serviceGroup(service);
  const finalTest = file.final_test.includes(group);
  return { group, finalTest, fold: finalTest ? null : foldOf(group, file.folds) };
}
