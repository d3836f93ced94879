/**
 * The fixed final-test draw (data/splits/final-test.json) and the cross-validation folds: recomputed here from
 * the stored universe with an independent implementation of the rule, so a hand edit of the file, a change of
 * the rule's code or of the alias table that moves a group shows up as a failure.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  foldOf,
  selectFinalTest,
  serviceGroup,
  splitOf,
  type FinalTestFile,
  type UniverseGroup,
} from '../../scripts/dataset';

const file = JSON.parse(
  readFileSync(new URL('../../data/splits/final-test.json', import.meta.url), 'utf8'),
) as FinalTestFile;
const sha = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

describe('final-test groups', () => {
  it('are the lowest-hash groups of each stratum of the stored universe, by the quotas in the file', () => {
    const expected: string[] = [];
    for (const stratum of ['genai', 'platform', 'other'] as const) {
      const names = file.universe.filter((g) => g.stratum === stratum).map((g) => g.group);
      names.sort((a, b) => sha(a).localeCompare(sha(b)));
      expected.push(...names.slice(0, file.quotas[stratum]));
    }
    expect(file.final_test).toEqual(expected);
    expect(selectFinalTest(file.universe, file.quotas)).toEqual(expected);
  });

  it('hold at least 30 groups, with GenAI, platform and other sectors all represented', () => {
    expect(file.final_test.length).toBeGreaterThanOrEqual(30);
    const stratumOf = new Map(file.universe.map((g) => [g.group, g.stratum]));
    for (const s of ['genai', 'platform', 'other'] as const)
      expect(file.final_test.filter((g) => stratumOf.get(g) === s).length, s).toBeGreaterThan(0);
  });

  it('keep every alias with its group: each listed service maps to the group it is listed under', () => {
    const seen = new Set<string>();
    for (const g of file.universe) {
      expect(seen.has(g.group), g.group).toBe(false);
      seen.add(g.group);
      for (const s of g.services) expect(serviceGroup(s), s).toBe(g.group);
    }
    expect(splitOf('Twitter', file).group).toBe(splitOf('X', file).group);
    expect(splitOf('Instagram', file).finalTest).toBe(splitOf('Facebook', file).finalTest);
  });

  it('fails the draw when a stratum has fewer groups than its quota', () => {
    const tiny: UniverseGroup[] = [{ group: 'A', stratum: 'genai', services: ['A'] }];
    expect(() => selectFinalTest(tiny, { genai: 2, platform: 0, other: 0 })).toThrow(/fewer than its quota/);
  });
});

describe('cross-validation folds', () => {
  it('uses at least 10 folds, by SHA-256("fold:" + group) mod k, and never folds a final-test group', () => {
    expect(file.folds).toBeGreaterThanOrEqual(10);
    for (const g of file.universe) {
      const k = parseInt(sha(`fold:${g.group}`).slice(0, 8), 16) % file.folds;
      expect(foldOf(g.group, file.folds)).toBe(k);
      const split = splitOf(g.services[0]!, file);
      expect(split.fold).toBe(file.final_test.includes(g.group) ? null : k);
    }
  });

  it('puts some groups in every fold', () => {
    const rest = file.universe.filter((g) => !file.final_test.includes(g.group));
    const counts = new Array<number>(file.folds).fill(0);
    for (const g of rest) counts[foldOf(g.group, file.folds)]!++;
    expect(Math.min(...counts)).toBeGreaterThan(0);
  });
});
